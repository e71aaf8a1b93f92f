"""Working-day arithmetic on date ordinals, for the generator's hot loops.

Built from ``casewatch.calendar`` (so the generator and the system under test share one definition of a
bank holiday), but kept as flat Python lists indexed by ordinal because the generator makes millions of calls.
"""

from __future__ import annotations

from datetime import date

from casewatch.calendar import CALENDAR_END, CALENDAR_START, is_working_day

_BASE = CALENDAR_START.toordinal()
_END = CALENDAR_END.toordinal()
_IS_WD: list[bool] = []
_WD_NO: list[int] = []
_WD_ORDINALS: list[int] = []


def _build() -> None:
    n = -1
    for o in range(_BASE, _END + 1):
        wd = is_working_day(date.fromordinal(o))
        if wd:
            n += 1
            _WD_ORDINALS.append(o)
        _IS_WD.append(wd)
        _WD_NO.append(max(n, 0))


_build()


def is_wd(o: int) -> bool:
    return _IS_WD[o - _BASE]


def add_wd(o: int, n: int) -> int:
    """The ordinal n working days after ordinal o (n >= 1), as casewatch.calendar.add_working_days."""
    return _WD_ORDINALS[_WD_NO[o - _BASE] + n] if n else o


def wd_between(a: int, b: int) -> int:
    return _WD_NO[b - _BASE] - _WD_NO[a - _BASE]


def next_wd(o: int) -> int:
    """o itself if a working day, else the next working day."""
    while not _IS_WD[o - _BASE]:
        o += 1
    return o
