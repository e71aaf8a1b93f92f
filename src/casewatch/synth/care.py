"""A period of care, written as SSDA903 does: episodes at each change of placement or legal status, reviews,
permanence (adoption, SGO, child arrangements order), missing episodes and, at 18, care-leaver records."""

from __future__ import annotations

import random
from datetime import date

from casewatch.synth import visits
from casewatch.synth.clock import add_wd
from casewatch.synth.rows import Child, EventLog, randint

YEAR = 365.25
SGO_NEW_CODES_FROM = date(2018, 4, 1).toordinal()  # E45-E48 replace E43/E44 from 2018-19 (903 spec diff 2019)
ACTIV_NEW_CODES_FROM = date(2021, 4, 1).toordinal()  # ACTIV F4/P4 employment, F5/P5 training replace F3/P3
SUPPORTED_ACCOMMODATION_FROM = date(2024, 4, 1).toordinal()  # K3 replaces H5 (903 spec 2024-25)
MOVE_REASONS = ("CARPL", "PLACE", "LAREQ", "CHILD", "STAND", "ALLEG", "CREQB", "APPRR", "CLOSE", "OTHER")
MOVE_WEIGHTS = (25, 20, 15, 10, 5, 3, 5, 5, 5, 7)
MOVE_SHAPE = 0.22  # shape of the gamma distribution of a child's placement-move rate (mean 1)


def birthday(dob: int, years: int) -> int:
    d = date.fromordinal(dob)
    try:
        return d.replace(year=d.year + years).toordinal()
    except ValueError:  # 29 February
        return date(d.year + years, 3, 1).toordinal()


def _exit_plan(child: Child, age: float, rng: random.Random) -> tuple[str, float | None]:
    """(exit kind, years in care); None years = until 18."""
    u = rng.random()
    if child.uasc:
        return ("18", None) if u < 0.85 else ("other", rng.expovariate(1 / 0.6))
    if age < 5:
        if u < 0.30:
            return "adopted", rng.uniform(1.2, 2.6)
        if u < 0.50:
            return "sgo", rng.uniform(0.9, 2.2)
        if u < 0.82:
            return "home", rng.expovariate(1 / 0.6)
        return "18", None
    if age < 11:
        if u < 0.45:
            return "home", rng.expovariate(1 / 0.8)
        if u < 0.55:
            return "sgo", rng.uniform(1.0, 2.5)
        if u < 0.58:
            return "cao", rng.uniform(0.8, 2.0)
        if u < 0.93:
            return "18", None
        return "other", rng.expovariate(1 / 1.0)
    if age < 16:
        if u < 0.45:
            return "home", rng.expovariate(1 / 0.7)
        if u < 0.83:
            return "18", None
        if u < 0.86:
            return "sgo", rng.uniform(1.0, 2.0)
        return "other", rng.expovariate(1 / 0.8)
    if u < 0.55:
        return "18", None
    if u < 0.90:
        return "home", rng.expovariate(1 / 0.4)
    return "other", rng.expovariate(1 / 0.5)


def _placement(child: Child, age: float, on: int, rng: random.Random) -> tuple[str, str]:
    u = rng.random()
    if age >= 16 and (child.uasc or u < 0.35):
        return ("H5" if on < SUPPORTED_ACCOMMODATION_FROM else "K3"), "PR4"
    if age >= 11 and u < 0.50:
        return "K2", ("PR4" if rng.random() < 0.8 else "PR1")
    if u < 0.06:
        return "P1", "PR0"
    if u < 0.24:
        return "U3", "PR1"
    if u < 0.30:
        return "U1", "PR1"
    return ("U6" if u < 0.85 else "U4"), ("PR1" if rng.random() < 0.6 else "PR4")


def _rec_for(kind: str, on: int, rng: random.Random) -> str:
    u = rng.random()
    if kind == "home":
        return "E4A" if u < 0.85 else ("E4B" if u < 0.95 else "E13")
    if kind == "adopted":
        return "E11" if u < 0.4 else "E12"
    if kind == "sgo":
        if on < SGO_NEW_CODES_FROM:
            return "E43" if u < 0.3 else "E44"
        return ("E45", "E46", "E47", "E48")[min(3, int(u * 4))]
    if kind == "cao":
        return "E41"
    if kind == "18":
        return "E5" if u < 0.35 else ("E6" if u < 0.45 else ("E17" if u < 0.75 else "E8"))
    return "E8" if u < 0.9 else ("E3" if u < 0.98 else "E9")


def enter_care(log: EventLog, child: Child, entry: int, route: str, rng: random.Random, slip: float = 0.0
               ) -> tuple[int | None, str]:
    """Write one period of care starting on ``entry``; returns (exit ordinal or None if in care at END, kind)."""
    age = (entry - child.dob) / YEAR
    kind, years = _exit_plan(child, age, rng)
    eighteen = birthday(child.dob, 18)
    exit_ = eighteen if years is None else entry + max(1, int(years * YEAR))
    if exit_ >= eighteen:
        exit_, kind = eighteen, "18"

    # legal status over time: list of (from ordinal, LS)
    if child.uasc:
        statuses = [(entry, "V2")]
    else:
        u = rng.random()
        first = "L1" if u < 0.06 else ("V2" if u < 0.36 else "C1")
        statuses = [(entry, first)]
        t = entry + randint(rng, 1, 3) if first == "L1" else entry
        if first == "L1":
            statuses.append((t, "C1" if rng.random() < 0.6 else "V2"))
        if statuses[-1][1] == "C1":  # interim care order, then the full care order (C2)
            statuses.append((t + randint(rng, 150, 330), "C2"))
        elif kind in ("adopted", "18", "sgo") and rng.random() < 0.5:
            t2 = t + randint(rng, 60, 300)
            statuses += [(t2, "C1"), (t2 + randint(rng, 150, 330), "C2")]

    placements = []  # (from ordinal, place, provider, reason for change)
    place, provider = _placement(child, age, entry, rng)
    placements.append((entry, place, provider, None))
    perm = _permanence(log, child, entry, exit_, kind, rng)
    if perm is not None and perm[0] == "adopted":
        _, order_date, placed = perm
        statuses.append((order_date, "E1"))
        placements.append((placed, "A6" if rng.random() < 0.7 else "A5", "PR1", "PLACE"))
    t = entry
    # placement moves: how unstable a child's care is varies a lot (a few children move many times, most rarely),
    # so the rate is scaled by a gamma-distributed factor with mean 1 (England: ~10% have 3+ placements in a
    # year, ~71% of long-stayers under 16 have been in the same placement for 2 years)
    # moves, episodes, their visits and care-leaver records draw from the period's own stream
    prng = random.Random(rng.getrandbits(64))
    volatility = prng.gammavariate(MOVE_SHAPE, 1 / MOVE_SHAPE)
    while True:
        rate = (1.4 if t - entry < YEAR else 0.2) * volatility
        t += max(14, int(prng.expovariate(rate) * YEAR))
        if t >= exit_ or (perm is not None and perm[0] == "adopted" and t >= perm[2]):
            break
        a = (t - child.dob) / YEAR
        p, pr = _placement(child, a, t, prng)
        reason = MOVE_REASONS[prng.choices(range(len(MOVE_REASONS)), MOVE_WEIGHTS)[0]]
        placements.append((t, p, pr, reason))

    _episodes(log, child, entry, exit_, kind, statuses, placements, prng)
    moves = sorted(o for o, *_ in placements if entry <= o < exit_)
    for i, o in enumerate(moves):
        if o <= log.end:
            visits.cla(log, child, o, moves[i + 1] if i + 1 < len(moves) else exit_, entry, prng, slip)
    _reviews(log, child, entry, exit_, age, rng)
    _missing(log, child, entry, exit_, rng)
    # care leavers (903 OC3 at the 18th to 21st birthdays): looked after for 13 weeks or more after their 14th
    # birthday and leaving care at 18. Children who leave at 16-17 (the 17th-birthday records) are not modelled:
    # a child can come back into care after leaving at 16-17, and their records would then be wrong.
    if kind == "18" and exit_ - max(entry, birthday(child.dob, 14)) >= 91:
        _care_leaver(log, child, exit_, prng)
    return log.cz(exit_), kind


def _episodes(log, child, entry, exit_, kind, statuses, placements, rng) -> None:
    changes: dict[int, dict] = {}
    for o, ls in statuses:
        if entry <= o < exit_:
            changes.setdefault(o, {})["ls"] = ls
    for o, p, pr, why in placements:
        if entry <= o < exit_:
            changes.setdefault(o, {})["place"] = (p, pr, why)
    ls, place = None, None
    days = sorted(changes)
    home = f"ZZ{child.area + 1} {1 + child.idx % 9}"
    for i, o in enumerate(days):
        if o > log.end:
            break
        ch = changes[o]
        rne = "S" if i == 0 else ("U" if len(ch) == 2 else ("L" if "ls" in ch else "P"))
        ls = ch.get("ls", ls)
        place = ch.get("place", place)
        p, pr, why = place
        end = days[i + 1] if i + 1 < len(days) else exit_
        dec = log.cz(end)
        rec = None if dec is None else ("X1" if i + 1 < len(days) else _rec_for(kind, end, rng))
        miles = round(rng.lognormvariate(1.4 if pr in ("PR0", "PR1") else 2.3, 0.8), 1)
        out_of_area = miles > 12 and rng.random() < 0.8
        log.add("cla_episodes", (
            log.new_id("E"), child.child_id, o, rne, ls, "N1" if rng.random() < 0.65 else "N4", p, pr, dec, rec,
            why if rne in ("P", "U") else None, home,
            f"ZZ{(child.area + 1) if not out_of_area else 90 + randint(rng, 0, 9)} {randint(rng, 1, 9)}",
            log.prefix if not out_of_area else f"Y{randint(rng, 10, 60)}", miles,
            f"SC{randint(rng, 100000, 999999)}" if p in ("K2", "H5", "K3") else "XXXXXXX",
        ))


def _reviews(log, child, entry, exit_, age, rng) -> None:
    due = add_wd(entry, 20)
    gaps = [91, 182]
    while True:
        held = due - randint(rng, 0, 10) if rng.random() < 0.92 else due + randint(rng, 1, 45)
        held = max(held, entry + 1)
        if held >= exit_ or held > log.end:
            return
        a = (held - child.dob) / YEAR
        code = "PN0" if a < 4 else ("PN1" if rng.random() < 0.55 else f"PN{randint(rng, 2, 7)}")
        log.add("cla_reviews", (log.new_id("V"), child.child_id, held, code))
        due = held + (gaps.pop(0) if len(gaps) > 1 else gaps[0])


def _missing(log, child, entry, exit_, rng) -> None:
    start = max(entry, birthday(child.dob, 11))
    if start >= exit_ or rng.random() > 0.14:
        return
    starts = sorted(randint(rng, start, exit_ - 1) for _ in range(1 + int(rng.expovariate(1 / 2.5))))
    back = None  # a child cannot go missing again before coming back: episodes do not overlap (903 rule 574)
    for s in starts:
        if s > log.end or (back is not None and s <= back):
            continue
        kind = "M" if rng.random() < 0.75 else "A"
        e = log.cz(min(s + int(rng.expovariate(1 / 1.5)), exit_))
        back = e if e is not None else log.end + 1
        offered = kind == "M" and e is not None and rng.random() < 0.85
        log.add("missing_episodes", (log.new_id("M"), child.child_id, kind, s, e,
                                     offered if e is not None else None,
                                     (offered and rng.random() < 0.6) if e is not None else None))


def _permanence(log, child, entry, exit_, kind, rng):
    """Write the permanence plan; for adoption returns ('adopted', placement order date, placed date)."""
    route = {"adopted": "adoption", "sgo": "sgo", "cao": "cao"}.get(kind)
    age = (entry - child.dob) / YEAR
    if route is None and kind == "18" and age < 14 and exit_ - entry > YEAR:
        route = "long_term_fostering"
    if route is None and kind == "home" and age < 5 and rng.random() < 0.15:
        route = "adoption"  # adoption decision later reversed
    if route is None:
        return None
    decision = entry + randint(rng, 90, 220)
    if decision >= exit_ - 30 or decision > log.end:
        return None
    pid = log.new_id("Q")
    cz = log.cz
    if route == "adoption":
        if kind == "adopted":
            po = decision + randint(rng, 30, 120)
            matched = po + randint(rng, 60, 220)
            placed = matched + randint(rng, 7, 30)
            if placed < exit_ - 60:
                log.add("permanence", (pid, child.child_id, route, decision, cz(po), cz(matched), cz(placed),
                                       "adoption" if exit_ <= log.end else None, cz(exit_), None, None))
                return ("adopted", po, placed)
        reversed_on = decision + randint(rng, 120, 400)
        rev = cz(reversed_on) if reversed_on < exit_ else None
        log.add("permanence", (pid, child.child_id, route, decision, None, None, None, None, None,
                               rev, ("RD1", "RD2", "RD3", "RD4")[randint(rng, 0, 3)] if rev else None))
        return None
    order = route if route in ("sgo", "cao") and exit_ <= log.end else None
    log.add("permanence", (pid, child.child_id, route, decision, None, None, None, order,
                           exit_ if order else None, None, None))
    return None


def _care_leaver(log, child, left, rng) -> None:
    """OC3 at each birthday from 17 to 21 after the day the child left care (DfE, Children looked after in
    England 2024: at 17-18 about 93% in touch, 65% in education, employment or training, 90% suitably housed).
    A young person who left care on the birthday itself (aged out at 18) was looked after that day: no care
    leaver information is due for it (DfE rule 1016); they are returned at 19-21."""
    for age in (17, 18, 19, 20, 21):
        day = birthday(child.dob, age)
        if day <= left:
            continue
        if day > log.end:
            return
        d = date.fromordinal(child.dob)
        if (d.month, d.day) == (2, 29) and date.fromordinal(day).month == 3:
            day -= 1  # OC3 dates a leap-day birthday 28 February in a common year, as the 903 reader derives it
        u = rng.random()
        if age <= 18:
            touch = "YES" if u < 0.93 else ("NO" if u < 0.96 else ("REFU" if u < 0.98 else "RHOM"))
        else:
            touch = "YES" if u < 0.88 else ("NO" if u < 0.93 else ("REFU" if u < 0.96 else "NREQ"))
        if touch != "YES":
            log.add("care_leavers", (child.child_id, day, age, touch, "0", "0"))
            continue
        v = rng.random()
        if age <= 18:
            activity = pick_activity(v, 0.70, YOUNG_EET, YOUNG_EET_WEIGHTS, rng)
            suitable = 0.98
        else:
            activity = ("F1", "P1", "F2", "P2", "F4", "P4")[int(v * 6)] if v < 0.56 else ("G4", "G5", "G6")[
                randint(rng, 0, 2)]
            suitable = 0.88
        if day < ACTIV_NEW_CODES_FROM:  # F3/P3 (training or employment) until 2020-21
            activity = {"F4": "F3", "F5": "F3", "P4": "P3", "P5": "P3"}.get(activity, activity)
        kind = "BCDEGHKRSTUVWXYZ"[randint(rng, 0, 15)]
        fits = rng.random() < suitable and kind not in "SX"  # no fixed abode, custody: never suitable (DfE)
        acc = kind + ("1" if fits else "2")
        log.add("care_leavers", (child.child_id, day, age, touch, activity, acc))


YOUNG_EET = ("F2", "P2", "F5", "P5", "F4", "P4", "F1")  # at 17-18 mostly further education and training
YOUNG_EET_WEIGHTS = (50, 8, 14, 3, 10, 12, 3)


def pick_activity(v: float, eet: float, codes: tuple, weights: tuple, rng) -> str:
    """An ACTIV code: education, employment or training with probability ``eet`` (v uniform), else NEET."""
    if v < eet:
        return rng.choices(codes, weights)[0]
    x = (v - eet) / (1 - eet)
    return "G4" if x < 0.25 else ("G5" if x < 0.85 else "G6")
