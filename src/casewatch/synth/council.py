"""One synthetic council, day by day: the front door (contacts, early help, referrals), then its workforce.

Referrals arrive as a Poisson stream per locality at England's rate (times the scenario's multipliers). About
England's share of them are re-referrals of a child referred in the previous 12 months; early help that
escalates comes back as a referral. Children already in care when the simulation starts are seeded so the
stock of children looked after starts near England's rate.
"""

from __future__ import annotations

import bisect
import heapq
import math
import random
from datetime import date

from casewatch.synth import health, visits
from casewatch.synth import params as P
from casewatch.synth.cases import SOURCE_CODES, SOURCE_WEIGHTS, YEAR, CaseRunner, cumulative, pick
from casewatch.synth.clock import is_wd
from casewatch.synth.rows import Child, EventLog, randint
from casewatch.synth.workforce import Workforce, normalise

ETHNICITY = (("WBRI", 640), ("WIRI", 4), ("WOTH", 45), ("WIRT", 3), ("WROM", 6), ("MWBC", 30), ("MWBA", 8),
             ("MWAS", 10), ("MOTH", 30), ("AIND", 20), ("APKN", 40), ("ABAN", 12), ("AOTH", 15),
             ("BCRB", 10), ("BAFR", 40), ("BOTH", 8), ("CHNE", 3), ("OOTH", 30), ("REFU", 6), ("NOBT", 40))
ETH_CODES = [e for e, _ in ETHNICITY]
ETH_WEIGHTS = cumulative(w for _, w in ETHNICITY)
# age at referral (years) in bands, with weights, England CIN census pattern
REFERRAL_AGES = ((0, 1, 12), (1, 5, 20), (5, 10, 25), (10, 16, 33), (16, 18, 10))
AGE_WEIGHTS = cumulative(w for *_, w in REFERRAL_AGES)


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


class Council:
    def __init__(self, council_id: str, name: str, size: P.Size, scenario: P.Scenario, seed: int,
                 window_start: date, end: date, la: str | None = None):
        self.id, self.name, self.size, self.scenario = council_id, name, size, scenario
        self.la = la
        self.rng = random.Random(seed)
        self.window_start = window_start.toordinal()
        sim_start = date(window_start.year - P.WARM_UP_YEARS, 4, 1).toordinal()
        self.log = EventLog(council_id, sim_start, end.toordinal(), self.rng)
        self.cases = CaseRunner(self.log, scenario, self.window_start, size.population)
        self.recent: list[tuple[int, Child]] = []  # (referral day, child) in day order: re-referral candidates
        self._recent_lo = 0
        self.scheduled: list[tuple[int, int, Child]] = []  # (day, seq, child): early help stepping up
        self._seq = 0

    # --- children -----------------------------------------------------------------------------------------
    def new_child(self, on: int, age_years: float | None = None, uasc: bool = False, area: int | None = None
                  ) -> Child:
        rng, log = self.rng, self.log
        if age_years is None:
            lo, hi, _ = REFERRAL_AGES[bisect.bisect(AGE_WEIGHTS, rng.random() * AGE_WEIGHTS[-1])]
            age_years = rng.uniform(lo, hi)
        dob = on - int(age_years * YEAR) - randint(rng, 0, 1)
        idx = len(log.children)
        family = f"{self.id}-F{idx:07d}" if rng.random() < 0.35 else None
        child = Child(idx, log.new_id("C"), dob, "U" if rng.random() < 0.003 else rng.choice("MF"),
                      pick(rng, ETH_CODES, ETH_WEIGHTS), rng.random() < 0.09, uasc, family,
                      area if area is not None else rng.randrange(self.size.areas))
        log.children.append(child)
        return child

    def _available(self, child: Child, day: int) -> bool:
        return child.open_until is not None and child.open_until < day and (day - child.dob) < 17.5 * YEAR

    def refer(self, child: Child, day: int, source: str | None = None, force_cla: int | None = None) -> None:
        log = self.log
        if day >= self.log.start:
            log.add("contacts", (log.new_id("K"), child.child_id, day, source or pick(
                self.rng, SOURCE_CODES, SOURCE_WEIGHTS), "referral"))
        case_rng = random.Random(self.rng.getrandbits(64))
        child.open_until = self.cases.referral(child, day, case_rng, source, force_cla)
        if day >= self.log.start:
            self.recent.append((day, child))

    # --- the simulation -----------------------------------------------------------------------------------
    def run(self) -> EventLog:
        log, rng, pop = self.log, self.rng, self.size.population
        self._population()
        self._seed_children_in_care()
        per_day = pop / 10_000 / 253  # referrals happen on working days
        for day in range(log.start, log.end + 1):
            t = (day - self.window_start) / YEAR
            if not is_wd(day):
                continue
            while self.scheduled and self.scheduled[0][0] <= day:
                _, _, child = heapq.heappop(self.scheduled)
                if self._available(child, day):
                    self.refer(child, day)  # a child referred again: from any source (not 'anonymous')
            for area in range(self.size.areas):
                lam = per_day * P.REFERRALS_PER_10K * 0.94 * self.scenario.referrals(t, area) / self.size.areas
                for _ in range(poisson(rng, lam)):
                    self.refer(self._who(day, area), day)
            lam_uasc = per_day * P.CLA_STARTS_PER_10K * P.CLA_ROUTE_SHARE["uasc"] * self.scenario.cla_entry(t)
            for _ in range(poisson(rng, lam_uasc)):
                child = self.new_child(day, rng.uniform(15, 17.4), uasc=True)
                self.refer(child, day, source="8", force_cla=day + randint(rng, 0, 3))
            self._other_contacts(day, t, per_day)
        segments = normalise(log.segments)
        workforce = Workforce(log, self.size, self.scenario, self.window_start)
        workforce.staff(segments, rng)
        workforce.allocate(segments, rng)
        visits.assign_workers(log)
        health.cla_health(log, date.fromordinal(self.window_start).year + 1, random.Random(rng.getrandbits(64)))
        self._children_rows()
        return log

    def _who(self, day: int, area: int) -> Child:
        """A re-referral of a recently referred child at England's rate, otherwise a child new to the service."""
        rng = self.rng
        recent = self.recent
        if rng.random() < P.RE_REFERRAL_RATE * 1.05:
            while self._recent_lo < len(recent) and day - recent[self._recent_lo][0] >= 360:
                self._recent_lo += 1  # recent is in referral-date order: drop the stale front
            if self._recent_lo > 50_000:
                del recent[: self._recent_lo]
                self._recent_lo = 0
            for _ in range(6):
                if self._recent_lo >= len(recent):
                    break
                c = recent[rng.randrange(self._recent_lo, len(recent))][1]
                if c.last_referral and day - c.last_referral < 360 and self._available(c, day):
                    return c
        return self.new_child(day, area=area)

    def _other_contacts(self, day: int, t: float, per_day: float) -> None:
        rng, log = self.rng, self.log
        lam = per_day * P.REFERRALS_PER_10K * P.CONTACTS_PER_REFERRAL
        eh_share = P.EARLY_HELP_PER_10K * self.scenario.early_help(t) / (P.REFERRALS_PER_10K * P.CONTACTS_PER_REFERRAL)
        for _ in range(poisson(rng, lam)):
            u = rng.random()
            child = self.new_child(day) if u < 0.8 or not log.children else log.children[
                rng.randrange(len(log.children))]
            if (day - child.dob) >= 18 * YEAR:
                child = self.new_child(day)
            outcome = "early_help" if rng.random() < eh_share else ("advice" if rng.random() < 0.55 else "nfa")
            log.add("contacts", (log.new_id("K"), child.child_id, day, pick(rng, SOURCE_CODES, SOURCE_WEIGHTS),
                                 outcome))
            if outcome == "early_help":
                self._early_help(child, day + randint(rng, 1, 10))

    def _early_help(self, child: Child, start: int) -> None:
        rng, log = self.rng, self.log
        if start > log.end:
            return
        end = start + 30 + int(rng.expovariate(1 / 150))
        u = rng.random()
        outcome = "stepped_up" if u < 0.14 else ("needs_met" if u < 0.72 else ("disengaged" if u < 0.93 else "moved"))
        done = end <= log.end
        log.add("early_help_episodes", (log.new_id("H"), child.child_id, start, end if done else None,
                                        outcome if done else None))
        if outcome == "stepped_up" and done:
            self._seq += 1
            heapq.heappush(self.scheduled, (end, self._seq, child))

    def _seed_children_in_care(self) -> None:
        """Children already in care on the first simulated day (entered up to 8 years before)."""
        rng, log = self.rng, self.log
        target = round(self.size.population * P.CLA_PER_10K / 10_000 * self.scenario.cla_initial_stock())
        episodes = log.rows["cla_episodes"]
        seeded = 0
        while seeded < target:
            entry = log.start - randint(rng, 1, int(8 * YEAR))
            age_now = rng.choices((0.5, 3, 7.5, 13, 16.5), (5, 13, 19, 39, 24))[0] + rng.uniform(-0.5, 0.5)
            age_at_entry = age_now - (log.start - entry) / YEAR
            if age_at_entry < 0:
                continue
            child = self.new_child(entry, max(age_at_entry, 0.01))
            before = len(episodes)
            self.refer(child, entry - randint(rng, 0, 30), force_cla=entry)
            if any(e[8] is None or e[8] > log.start for e in episodes[before:]):
                seeded += 1  # still in care when the simulation starts (others are history only)

    def _population(self) -> None:
        log, rng = self.log, self.rng
        first = date.fromordinal(log.start).year - 1
        last = date.fromordinal(log.end).year
        per_age = self.size.population / 18
        for year in range(first, last + 1):
            growth = 1 + 0.004 * (year - first)
            for age in range(18):
                log.add("population", (self.id, year, age, int(per_age * growth * rng.uniform(0.96, 1.04))))

    def _children_rows(self) -> None:
        log = self.log
        for c in log.children:
            ceased = log.cz(_birthday(c.dob, 18)) if c.uasc else None  # UASC status ends at 18
            log.add("children", (c.child_id, self.id, c.dob, c.sex, c.ethnicity, c.disability, c.uasc, ceased,
                                 c.family_id))
        log.add("councils", (self.id, self.name, "Synthetic", log.end, log.start, self.la))


def _birthday(dob: int, age: int) -> int:
    d = date.fromordinal(dob)
    try:
        return d.replace(year=d.year + age).toordinal()
    except ValueError:  # 29 February: the birthday is 1 March in a common year
        return date(d.year + age, 3, 1).toordinal()
