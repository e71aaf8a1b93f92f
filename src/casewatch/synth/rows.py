"""The generator's event log: rows of the canonical tables as they are made, with dates as ordinals.

Everything the generator writes, and everything ``truth.py`` counts, comes from here. ``END`` is the data
extract date (the last 31 March): nothing after it exists, and anything still running then is open (NULL end).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from casewatch.model import TABLES


@dataclass
class Child:
    idx: int
    child_id: str
    dob: int
    sex: str
    ethnicity: str
    disability: bool
    uasc: bool
    family_id: str | None
    area: int
    open_until: int | None = 0  # ordinal the current CIN episode closes; None = open at END
    last_referral: int | None = None


@dataclass
class Segment:
    """A stretch of time a child's case needs a worker from a service (allocation input)."""

    child: Child
    service: str
    start: int
    end: int | None  # None: still open at END


@dataclass
class EventLog:
    prefix: str
    start: int  # first day simulated
    end: int  # extract date
    rng: random.Random
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t.name: [] for t in TABLES})
    children: list[Child] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=dict)

    def new_id(self, kind: str) -> str:
        n = self._counters.get(kind, 0) + 1
        self._counters[kind] = n
        return f"{self.prefix}{kind}{n:07d}"  # alphanumeric only: CIN rule 1580

    def swe_id(self) -> str:
        """A worker's identifier in the form of a Social Work England registration number (two letters, ten
        digits), as the workforce census and the 903 carry it: SW, the council's number, a serial."""
        n = self._counters.get("SWE", 0) + 1
        self._counters["SWE"] = n
        digits = "".join(ch for ch in self.prefix if ch.isdigit())[-3:].rjust(3, "0")
        return f"SW{digits}{n:07d}"

    def add(self, table: str, row: tuple) -> None:
        self.rows[table].append(row)

    def cz(self, o: int | None) -> int | None:
        """Censor at the extract date: a date after END has not happened yet."""
        return None if o is None or o > self.end else o

    def segment(self, child: Child, service: str, start: int, end: int | None) -> None:
        if start > self.end or (end is not None and end <= start):
            return
        self.segments.append(Segment(child, service, start, self.cz(end)))


def randint(rng: random.Random, a: int, b: int) -> int:
    """A uniform integer in [a, b]: ``random.randint`` without its per-call overhead (hot loops)."""
    return a + int(rng.random() * (b - a + 1))
