"""A child's journey through children's social care, from referral to case closure.

One referral opens a CIN episode. What follows is drawn once, at the referral, with probabilities calibrated
to England (params.py): no further action; a single assessment (timeliness slipping under pressure);
a section 47 enquiry, an ICPC and a child protection plan; a child in need plan; care (care.py). The episode
closes when the last service ends. Each step also records which service needs to hold the case (segments),
from which allocations and visits are made later.
"""

from __future__ import annotations

import bisect
import random

from casewatch.synth import params as P
from casewatch.synth import visits
from casewatch.synth.care import enter_care
from casewatch.synth.clock import add_wd, next_wd
from casewatch.synth.rows import Child, EventLog, randint

YEAR = 365.25


def cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def pick(rng: random.Random, codes: list[str], cum_weights: list[float]) -> str:
    """A weighted choice (weights given cumulatively, as ``random.choices``' cum_weights)."""
    return codes[bisect.bisect(cum_weights, rng.random() * cum_weights[-1])]


# Referral sources, per cent of referrals, as England's (DfE Characteristics of children in need 2024:
# police 29%, schools 21%, health 15%, LA services 14%, individuals 7%, other 12%)
SOURCES = (("1A", 4), ("1B", 1), ("1C", 1.5), ("1D", 0.5), ("2A", 19), ("2B", 1.5), ("3A", 2.5), ("3B", 2),
           ("3C", 0.5), ("3D", 1), ("3E", 4), ("3F", 5), ("4", 1.5), ("5A", 6), ("5B", 3), ("5C", 2),
           ("5D", 3), ("6", 29), ("7", 1.5), ("8", 4), ("9", 2), ("10", 1.5))
SOURCE_CODES = [s for s, _ in SOURCES]
SOURCE_WEIGHTS = cumulative(w for _, w in SOURCES)
NEEDS = (("N1", 55), ("N2", 3), ("N3", 10), ("N4", 17), ("N5", 3), ("N6", 2), ("N7", 1), ("N8", 4),
         ("N9", 4), ("N0", 1))
NEED_CODES = [n for n, _ in NEEDS]
NEED_WEIGHTS = cumulative(w for _, w in NEEDS)
CATEGORIES = (("NEG", 50), ("EMO", 38), ("PHY", 6), ("SAB", 4), ("MUL", 2))
CAT_CODES = [c for c, _ in CATEGORIES]
CAT_WEIGHTS = cumulative(w for _, w in CATEGORIES)


def _assessment_days(rng: random.Random, slip: float) -> int:
    """Working days from start to authorisation; P(<= 45) is England's rate, less under pressure."""
    late = 1 - P.WITHIN_45WD_RATE
    late = late + (0.55 - late) * slip
    if rng.random() < late:
        return randint(rng, 46, 46 + int(rng.expovariate(1 / 25)))
    return max(5, min(45, int(rng.triangular(8, 45, 38))))


def _cp_plan_days(rng: random.Random) -> int:
    u = rng.random()
    if u < 0.15:
        return int(rng.uniform(40, 120))
    if u < 0.93:
        return int(rng.gammavariate(4.0, 0.25 * YEAR / 1.0))
    return int(rng.uniform(1.9, 2.8) * YEAR)


class CaseRunner:
    """Runs one referral's CIN episode to closure, writing rows into the event log."""

    def __init__(self, log: EventLog, scenario: P.Scenario, window_start: int, population: int):
        self.log = log
        self.scenario = scenario
        self.window_start = window_start
        self.population = population
        starts = P.CLA_STARTS_PER_10K
        assessed = P.REFERRALS_PER_10K * (1 - P.REFERRAL_NFA_RATE)
        self.p_cla_direct = P.CLA_ROUTE_SHARE["assessment"] * starts / assessed
        self.p_cla_after_cp = min(0.5, P.CLA_ROUTE_SHARE["cp"] * starts / P.CP_STARTS_PER_10K)
        self.p_cla_after_cin = min(0.3, P.CLA_ROUTE_SHARE["cin"] * starts / (assessed * 0.42))

    def t(self, o: int) -> float:
        return (o - self.window_start) / YEAR

    def slip(self, o: int, area: int) -> float:
        """0..1: how far practice in this child's locality has slipped at date o (pressure scenario)."""
        if self.scenario.name != "pressure" or area not in P.PRESSURE_AREAS:
            return 0.0
        return max(0.0, min(1.0, 0.35 * (self.t(o) - 0.8)))

    # --- the episode -------------------------------------------------------------------------------------
    def referral(self, child: Child, r: int, rng: random.Random, source: str | None = None,
                 force_cla: int | None = None) -> int | None:
        """Open a CIN episode on day r; returns the closure ordinal (None: open at END)."""
        log = self.log
        rid = log.new_id("R")
        source = source or pick(rng, SOURCE_CODES, SOURCE_WEIGHTS)
        child.last_referral = r
        if force_cla is None and rng.random() < P.REFERRAL_NFA_RATE:
            close = r  # no further action: the episode closes the day it opens (CIN census guide; rule 8569Q)
            log.add("referrals", (rid, child.child_id, r, source, True, None, log.cz(close),
                                  "RC8" if close <= log.end else None))
            return log.cz(close)
        first_segment = len(log.segments)
        self._floor = None  # the episode cannot close before its ICPC or the end of its plans
        self._beyond = False  # the episode went beyond assessment: an enquiry, a plan or care
        end, reason = self._after_referral(child, rid, r, rng, force_cla)
        if self._beyond and reason in ("RC8", "RC9"):  # 'closed after assessment' would break CIN rule 2990
            reason = "RC7"
        close = None if end is None else end + randint(rng, 0, 10)
        if close is not None and self._floor is not None and close < self._floor:
            close = self.log.cz(self._floor)
        close = log.cz(close)
        if len(log.segments) > first_segment:  # the last worker holds the case until it closes
            last = max(log.segments[first_segment:], key=lambda s: s.start)
            if last.end is not None and (close is None or close > last.end):
                last.end = close
        need = pick(rng, NEED_CODES, NEED_WEIGHTS)
        log.add("referrals", (rid, child.child_id, r, source, False, need, close,
                              reason if close is not None else None))
        return close

    def _raise_floor(self, day: int | None) -> None:
        if day is not None and (self._floor is None or day > self._floor):
            self._floor = day

    def _after_referral(self, child: Child, rid: str, r: int, rng: random.Random,
                        force_cla: int | None) -> tuple[int | None, str]:
        log = self.log
        start = next_wd(r)
        days = _assessment_days(rng, self.slip(r, child.area))
        auth = add_wd(start, days)
        seen = rng.random() < 0.97
        aid = log.new_id("A")
        log.segment(child, "assessment", r, auth)
        if force_cla is not None:  # already in care when the data starts, or arriving as UASC
            self._assessment(aid, rid, child, start, auth, seen, "cla")
            return self._care(child, rid, force_cla, "uasc" if child.uasc else "assessment", rng)
        if rng.random() < P.P_S47:
            strategy = add_wd(r, randint(rng, 0, 4))
            icpc = None
            if rng.random() < P.P_ICPC_GIVEN_S47:
                quick = rng.random() < P.ICPC_WITHIN_15WD_RATE - 0.25 * self.slip(r, child.area)
                icpc = add_wd(strategy, randint(rng, 6, 15) if quick else randint(rng, 16, 35))
            outcome = "icpc" if icpc else ("cin" if rng.random() < 0.55 else "nfa")
            self._raise_floor(icpc)
            self._beyond = True
            if strategy <= log.end:
                icpc_c = log.cz(icpc)
                log.add("section47", (log.new_id("S"), rid, child.child_id, strategy, strategy, icpc_c,
                                      outcome if (icpc is None or icpc_c is not None) else "cin"))
            if icpc is not None and rng.random() < P.P_PLAN_GIVEN_ICPC:
                self._assessment(aid, rid, child, start, auth, seen, "s47")
                return self._cp_plan(child, rid, icpc, rng, held_from=min(auth, icpc))
        u = rng.random()
        if u < self.p_cla_direct * self.scenario.cla_entry(self.t(r)):
            self._assessment(aid, rid, child, start, auth, seen, "cla")
            entry = r + randint(rng, 0, max(1, (auth - r) // 2))
            return self._care(child, rid, entry, "assessment", rng)
        if u < 0.45:
            self._assessment(aid, rid, child, start, auth, seen, "cin_plan")
            return self._cin_plan(child, rid, auth + randint(rng, 1, 15), rng, held_from=auth)
        outcome = "early_help" if u < 0.58 else "nfa"
        self._assessment(aid, rid, child, start, auth, seen, outcome)
        return auth, "RC8" if outcome == "nfa" else "RC9"

    def _assessment(self, aid, rid, child, start, auth, seen, outcome) -> None:
        log = self.log
        if start > log.end:
            return
        done = auth <= log.end
        self._raise_floor(auth)
        log.add("assessments", (aid, rid, child.child_id, start, auth if done else None, seen,
                                outcome if done else None))
        if seen:
            visit = start + randint(self.log.rng, 0, max(0, min(10, auth - start)))
            if visit <= log.end:
                visits.add(log, child, visit, "assessment", self.log.rng)

    def _cin_plan(self, child: Child, rid: str, start: int, rng: random.Random, held_from: int | None = None
                  ) -> tuple[int | None, str]:
        log = self.log
        end = start + int(rng.gammavariate(2.0, 0.5 * YEAR / 2.0)) + 14
        self._raise_floor(end)
        self._beyond = True
        if start <= log.end:
            log.add("cin_plans", (log.new_id("N"), rid, child.child_id, start, log.cz(end)))
        log.segment(child, "safeguarding", held_from or start, end)
        visits.periodic(log, child, "CIN", start, end, 20, rng, self.slip(start, child.area))
        if end > log.end:
            return None, "RC8"
        u = rng.random()
        if u < self.p_cla_after_cin * self.scenario.cla_entry(self.t(end)):
            return self._care(child, rid, end, "cin", rng)
        if u < self.p_cla_after_cin + 0.04:
            return self._escalate(child, rid, end, add_wd(end, randint(rng, 5, 15)), rng)
        return end, "RC8"

    def _escalate(self, child: Child, rid: str, strategy: int, icpc: int, rng: random.Random
                  ) -> tuple[int | None, str]:
        """A child on a CIN plan whose risk rises: a section 47 enquiry, an initial conference, a CP plan that
        starts on the day of the conference (CIN rules 2885, 2991Q)."""
        log = self.log
        self._raise_floor(icpc)
        if strategy <= log.end:
            icpc_c = log.cz(icpc)
            log.add("section47", (log.new_id("S"), rid, child.child_id, strategy, strategy, icpc_c,
                                  "icpc" if icpc_c is not None else None))
        start = next_wd(strategy)  # the enquiry is carried out through an assessment (rule 2991Q)
        auth = add_wd(start, _assessment_days(rng, self.slip(strategy, child.area)))
        self._assessment(log.new_id("A"), rid, child, start, auth, rng.random() < 0.97, "s47")
        return self._cp_plan(child, rid, icpc, rng, held_from=strategy)

    def _cp_plan(self, child: Child, rid: str, start: int, rng: random.Random, held_from: int | None = None
                 ) -> tuple[int | None, str]:
        log = self.log
        end = start + _cp_plan_days(rng)
        self._raise_floor(end)
        self._beyond = True
        category = pick(rng, CAT_CODES, CAT_WEIGHTS)
        latest = category if rng.random() < 0.85 else pick(rng, CAT_CODES, CAT_WEIGHTS)
        reviews = []
        due = start + 91
        while due < end and due <= log.end:
            held = due - randint(rng, 0, 14) if rng.random() < 0.93 else due + randint(rng, 1, 40)
            if held >= end or held > log.end:
                break
            reviews.append(held)
            due = held + 182
        if start <= log.end:
            log.add("cp_plans", (log.new_id("P"), rid, child.child_id, start, log.cz(end), category,
                                 latest if end <= log.end else category, reviews))
        log.segment(child, "safeguarding", held_from or start, end)
        visits.periodic(log, child, "CP", start, end, 10, rng, self.slip(start, child.area))
        if end > log.end:
            return None, "RC8"
        u = rng.random()
        if u < self.p_cla_after_cp * self.scenario.cla_entry(self.t(end)):
            return self._care(child, rid, end, "cp", rng)
        if u < 0.6:
            return self._cin_plan(child, rid, end, rng)
        return end, "RC8"

    def _care(self, child: Child, rid: str, entry: int, route: str, rng: random.Random
              ) -> tuple[int | None, str]:
        log = self.log
        self._beyond = True
        exit_date, exit_kind = enter_care(log, child, entry, route, rng, self.slip(entry, child.area))
        log.segment(child, "children_in_care", entry, exit_date)
        if exit_date is None:
            return None, "RC8"
        if exit_kind == "home":
            if rng.random() < 0.6:
                return self._cin_plan(child, rid, exit_date, rng)
            return exit_date, "RC8"
        return exit_date, {"adopted": "RC1", "sgo": "RC4", "cao": "RC3", "18": "RC7", "transfer": "RC5",
                           "died": "RC2"}.get(exit_kind, "RC8")
