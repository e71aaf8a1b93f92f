"""Health and outcomes of children looked after continuously for 12 months at 31 March (SSDA903 OC2).

One row per child and year ending, for each 31 March from the first of the reporting window to the extract
date, read from the generator's own 903 episodes: a child counts when a period of care (its RNE S episode) began
on or before 1 April of the year before and was still open on the 31 March, not counting series of short breaks (V3/V4).
Flags are drawn at England's rates (DfE, Children looked after in England 2024, outcomes): annual health
assessment 90%, dental check 80%, immunisations up to date 83%, health surveillance checks 90% (under 5s only,
else NULL), an SDQ score for ages 4-16 75% (mean about 14; otherwise a reason SDQ1-SDQ5), convicted 2% and
substance misuse 3% (aged 10 and over only, else NULL; interventions only for those with a problem).
"""

from __future__ import annotations

import random
from datetime import date

from casewatch.synth.rows import EventLog, randint

SHORT_BREAKS = ("V3", "V4")
SDQ_REASONS = ("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5")
SDQ_REASON_WEIGHTS = (30, 25, 15, 15, 15)


def _periods(log: EventLog) -> dict[str, list[tuple[int, int | None]]]:
    """child_id -> periods of care (start, end or None if open at the extract date), short breaks left out."""
    periods: dict[str, list[tuple[int, int | None]]] = {}
    current: dict[str, list] = {}
    for row in log.rows["cla_episodes"]:
        child, decom, rne, ls, dec, rec = row[1], row[2], row[3], row[4], row[8], row[9]
        if rne == "S":
            current[child] = [decom, None, ls not in SHORT_BREAKS]
        p = current.get(child)
        if p is None:
            continue
        p[2] = p[2] and ls not in SHORT_BREAKS
        if dec is None or rec != "X1":
            if p[2]:
                periods.setdefault(child, []).append((p[0], dec))
            del current[child]
    return periods


def _age(dob: int, on: date) -> int:
    d = date.fromordinal(dob)
    return on.year - d.year - ((on.month, on.day) < (d.month, d.day))


def _flag(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def cla_health(log: EventLog, first_year: int, rng: random.Random) -> None:
    """Write ``cla_health`` for each 31 March from ``first_year`` to the extract date."""
    periods = _periods(log)
    dobs = {c.child_id: c.dob for c in log.children}
    last_year = date.fromordinal(log.end).year
    for year in range(first_year, last_year + 1):
        pe = date(year, 3, 31)
        o = pe.toordinal()
        if o > log.end:
            break
        since = date(year - 1, 4, 1).toordinal()  # in care throughout the collection year
        for child, spans in periods.items():
            if not any(s <= since and (e is None or e > o) for s, e in spans):
                continue
            age = _age(dobs[child], pe)
            score = reason = None
            if 4 <= age <= 16:
                if rng.random() < 0.75:
                    score = max(0, min(40, round(rng.gauss(14, 6.5))))
                else:
                    reason = rng.choices(SDQ_REASONS, SDQ_REASON_WEIGHTS)[0]
            convicted = substance = received = offered = None
            if age >= 10:
                convicted = _flag(rng, 0.02)
                substance = _flag(rng, 0.03)
                if substance:
                    received = _flag(rng, 0.6)
                    offered = not received and randint(rng, 0, 2) > 0
            log.add("cla_health", (
                child, o, score, reason, convicted, _flag(rng, 0.90) if age < 5 else None,
                _flag(rng, 0.83), _flag(rng, 0.80), _flag(rng, 0.90), substance, received, offered,
            ))
