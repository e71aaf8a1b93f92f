"""Statutory visits as a council would record them, slipping where practice slips.

CP: local standard, every 10 working days. CIN: every 20 working days (4 weeks). CLA (CPPCR Regulations 2010,
reg 28): within a week of a placement starting, then at most every 6 weeks in the first year, then at most
every 3 months once the placement is long-term. Assessment: the child seen during the assessment.
The worker is filled in after allocation: whoever held the case on the day (None if nobody did).
"""

from __future__ import annotations

import bisect
import random

from casewatch.synth.clock import add_wd
from casewatch.synth.rows import Child, EventLog, randint


def _late(rng: random.Random, slip: float) -> int:
    """Extra days beyond the standard: most visits on time, more late as practice slips."""
    if rng.random() < 0.06 + 0.45 * slip:
        return randint(rng, 2, 12 + int(25 * slip))
    return -randint(rng, 0, 3)


def add(log: EventLog, child: Child, day: int, kind: str, rng: random.Random) -> None:
    seen = rng.random() < 0.96
    log.add("visits", [log.new_id("W"), child.child_id, None, day, kind, seen, seen and rng.random() < 0.7])


def periodic(log: EventLog, child: Child, kind: str, start: int, end: int | None, every_wd: int,
             rng: random.Random, slip: float) -> None:
    """Visits from start until end (or END) every ``every_wd`` working days, give or take."""
    stop = log.end if end is None else min(end, log.end)
    day = add_wd(start, max(1, every_wd // 2))
    while day < stop:
        add(log, child, day, kind, rng)
        day = max(day + 1, add_wd(day, every_wd) + _late(rng, slip))


def cla(log: EventLog, child: Child, placed: int, until: int, entry: int, rng: random.Random, slip: float
        ) -> None:
    """Reg 28 visits during one placement (placed..until)."""
    stop = min(until, log.end)
    day = placed + randint(rng, 1, 6) + max(0, _late(rng, slip) // 2)
    while day < stop:
        add(log, child, day, "CLA", rng)
        long_term = day - placed >= 365 and day - entry >= 365
        day = day + (91 if long_term else 42) - randint(rng, 0, 10) + max(0, _late(rng, slip))


def assign_workers(log: EventLog) -> None:
    """Set each visit's worker to whoever held the child's case that day."""
    held: dict[str, tuple[list[int], list[tuple]]] = {}
    for row in sorted(log.rows["allocations"], key=lambda r: (r[1], r[4])):
        starts, rows = held.setdefault(row[1], ([], []))
        starts.append(row[4])
        rows.append(row)
    for visit in log.rows["visits"]:
        entry = held.get(visit[1])
        if entry is None:
            continue
        i = bisect.bisect_right(entry[0], visit[3]) - 1
        if i >= 0:
            alloc = entry[1][i]
            if alloc[5] is None or visit[3] < alloc[5]:
                visit[2] = alloc[2]
