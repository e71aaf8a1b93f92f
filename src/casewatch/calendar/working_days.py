"""England & Wales working-day calendar for DfE timeliness measures.

Timeliness measures such as "assessment completed within 45 working days of
referral" or "initial child protection conference within 15 working days of the
strategy discussion" count *working days*: Monday to Friday, excluding England &
Wales bank holidays (including substitute days and one-off holidays such as the
2022 Platinum Jubilee, the Queen's state funeral and the 2023 coronation).

Convention (DfE): the working days between ``start`` and ``end`` are the working
days *after* ``start`` up to and *including* ``end``.  The start day itself is
never counted.  A referral on Friday with the assessment authorised the
following Monday took 1 working day; the same day is 0.

Every date from ``CALENDAR_START`` to ``CALENDAR_END`` gets a *working-day
number*: the count of working days on or before it.  Weekends and bank holidays
share the number of the preceding working day, so
``working_days_between(a, b) == working_day_number(b) - working_day_number(a)``.

The same numbers are available in DuckDB through :func:`create_calendar_table`,
which turns working-day arithmetic into joins.  The date 45 working days after
``referral_date`` (the assessment deadline)::

    SELECT r.*, c2.date AS assessment_due
    FROM referrals r
    JOIN calendar c1 ON c1.date = r.referral_date
    JOIN calendar c2 ON c2.working_day_no = c1.working_day_no + 45 AND c2.is_working_day

and the working days between dates ``a`` and ``b``::

    SELECT cb.working_day_no - ca.working_day_no AS working_days
    FROM episodes e
    JOIN calendar ca ON ca.date = e.a
    JOIN calendar cb ON cb.date = e.b

The join idiom agrees with ``add_working_days(referral_date, n)`` for any
``n != 0`` (for ``n == 0`` the Python function returns the date itself).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import duckdb
import holidays
import numpy as np
import pyarrow as pa

from casewatch.model.sql import identifier, literal

CALENDAR_START = date(1990, 1, 1)
CALENDAR_END = date(2045, 12, 31)

_START_ORD = CALENDAR_START.toordinal()
_END_ORD = CALENDAR_END.toordinal()


def bank_holidays(start_year: int, end_year: int) -> dict[date, str]:
    """England & Wales bank holidays for ``start_year..end_year`` (inclusive).

    Taken from ``holidays.country_holidays("GB", subdiv="ENG")``; ``subdiv`` matters,
    because plain ``"GB"`` omits Easter Monday and the late summer bank holiday.
    Substitute days appear as e.g. ``"Christmas Day (observed)"``.

    Note that the package also lists the holiday's own date when it falls on a
    weekend (e.g. Saturday 25 Dec 2021 ``"Christmas Day"`` alongside the
    substitutes on 27 and 28 Dec).  Such dates are not working days anyway, so this
    does not affect working-day arithmetic.

    Results are cached; each call returns a fresh dict, sorted by date.
    """
    if start_year > end_year:
        raise ValueError(f"start_year {start_year} is after end_year {end_year}")
    return dict(_bank_holidays(start_year, end_year))


@functools.lru_cache(maxsize=32)
def _bank_holidays(start_year: int, end_year: int) -> tuple[tuple[date, str], ...]:
    hols = holidays.country_holidays("GB", subdiv="ENG", years=range(start_year, end_year + 1))
    return tuple(sorted(hols.items()))


@dataclass(frozen=True)
class _Calendar:
    """Precomputed per-day arrays for CALENDAR_START..CALENDAR_END (index = day offset)."""

    days: np.ndarray  # datetime64[D]
    is_working: np.ndarray  # bool
    number: np.ndarray  # int32, working days on or before the day
    names: list[str | None]  # bank holiday name or None
    is_working_list: list[bool]  # python lists: fast scalar lookups
    number_list: list[int]
    working_ords: list[int]  # ordinal of the k-th working day at index k - 1


@functools.lru_cache(maxsize=1)
def _calendar() -> _Calendar:
    days = np.arange(np.datetime64(CALENDAR_START, "D"), np.datetime64(CALENDAR_END, "D") + 1)
    weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday (weekday 3)
    names: list[str | None] = [None] * len(days)
    for d, name in _bank_holidays(CALENDAR_START.year, CALENDAR_END.year):
        names[d.toordinal() - _START_ORD] = name
    is_holiday = np.array([n is not None for n in names], dtype=bool)
    is_working = (weekday < 5) & ~is_holiday
    number = np.cumsum(is_working, dtype=np.int32)
    working_ords = (np.flatnonzero(is_working) + _START_ORD).tolist()
    return _Calendar(days, is_working, number, names, is_working.tolist(), number.tolist(), working_ords)


def _offset(d: date) -> int:
    if not isinstance(d, date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}")
    ordinal = d.toordinal()
    if not _START_ORD <= ordinal <= _END_ORD:
        raise ValueError(
            f"date {d.isoformat()} is outside the supported calendar range "
            f"{CALENDAR_START.isoformat()} to {CALENDAR_END.isoformat()}"
        )
    return ordinal - _START_ORD


def is_working_day(d: date) -> bool:
    """True if ``d`` is Monday-Friday and not an England & Wales bank holiday.

    Raises ValueError outside CALENDAR_START..CALENDAR_END.
    """
    return _calendar().is_working_list[_offset(d)]


def working_day_number(d: date) -> int:
    """Number of working days from CALENDAR_START up to and including ``d``.

    A weekend or bank holiday has the same number as the preceding working day
    (1 Jan 1990 was a bank holiday, so it is 0).  O(1) after the first call.
    Raises ValueError outside CALENDAR_START..CALENDAR_END.
    """
    return _calendar().number_list[_offset(d)]


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (DfE convention).

    Examples: referral Friday, assessment authorised the next Monday -> 1;
    same day -> 0; Thursday 28 Mar 2024 to Tuesday 2 Apr 2024 -> 1 (Good Friday
    and Easter Monday are bank holidays).  Negative when ``end < start``, so
    ``working_days_between(a, b) == -working_days_between(b, a)``.
    """
    return working_day_number(end) - working_day_number(start)


def add_working_days(d: date, n: int) -> date:
    """The date ``n`` working days after ``d``.

    For ``n >= 1`` this is the earliest working day ``w`` with
    ``working_days_between(d, w) == n`` (e.g. the 45-working-day assessment
    deadline: ``add_working_days(referral_date, 45)``).  For ``n <= -1`` it is the
    working day ``w`` before ``d`` with ``working_days_between(d, w) == n``; when
    ``d`` is a weekend or holiday, the preceding working day counts as 0, so
    ``add_working_days(saturday, -1)`` is the Thursday.  ``n == 0`` returns ``d``.

    Raises ValueError if ``d`` or the result is outside the calendar range.
    """
    if n == 0:
        _offset(d)
        return d
    cal = _calendar()
    target = cal.number_list[_offset(d)] + n
    if not 1 <= target <= len(cal.working_ords):
        raise ValueError(
            f"{n} working days from {d.isoformat()} falls outside the supported calendar range "
            f"{CALENDAR_START.isoformat()} to {CALENDAR_END.isoformat()}"
        )
    return date.fromordinal(cal.working_ords[target - 1])


_COLUMN_COMMENTS = {
    "date": "Calendar date (one row per day).",
    "is_working_day": "Monday to Friday and not an England and Wales bank holiday.",
    "bank_holiday": (
        "Bank holiday name from the holidays package (GB, subdiv ENG), substitute days marked "
        "(observed); also set when the holiday itself falls on a weekend. NULL otherwise."
    ),
    "working_day_no": (
        "Working days from 1990-01-01 up to and including this date; weekends and holidays share "
        "the previous working day's number. Working days between a and b = b.no - a.no; "
        "date n working days after d: no = d.no + n AND is_working_day."
    ),
}


def create_calendar_table(
    con: duckdb.DuckDBPyConnection,
    start: date = CALENDAR_START,
    end: date = CALENDAR_END,
    name: str = "calendar",
) -> duckdb.DuckDBPyConnection:
    """Create (or replace) the working-day calendar table ``name`` on DuckDB ``con``.

    Columns: ``date DATE PRIMARY KEY``, ``is_working_day BOOLEAN NOT NULL``,
    ``bank_holiday VARCHAR`` (name or NULL) and ``working_day_no INTEGER NOT NULL``
    (identical to :func:`working_day_number`, also when ``start`` is later than
    CALENDAR_START).  Built from Arrow arrays in one INSERT ... SELECT; see the
    module docstring for the join idioms.  Returns ``con``.
    """
    lo, hi = _offset(start), _offset(end)
    if lo > hi:
        raise ValueError(f"start {start.isoformat()} is after end {end.isoformat()}")
    cal = _calendar()
    source = pa.table(
        {
            "date": pa.array(cal.days[lo : hi + 1]),
            "is_working_day": pa.array(cal.is_working[lo : hi + 1]),
            "bank_holiday": pa.array(cal.names[lo : hi + 1], type=pa.string()),
            "working_day_no": pa.array(cal.number[lo : hi + 1]),
        }
    )
    table = identifier(name)
    view = "__casewatch_calendar_source"
    con.execute(
        f"CREATE OR REPLACE TABLE {table} ("
        '"date" DATE PRIMARY KEY, is_working_day BOOLEAN NOT NULL, '
        "bank_holiday VARCHAR, working_day_no INTEGER NOT NULL)"
    )
    con.register(view, source)
    try:
        con.execute(
            f'INSERT INTO {table} SELECT "date", is_working_day, bank_holiday, working_day_no FROM {view}'
        )
    finally:
        con.unregister(view)
    con.execute(f"COMMENT ON TABLE {table} IS 'England and Wales working-day calendar (casewatch)'")
    for column, comment in _COLUMN_COMMENTS.items():
        con.execute(f"COMMENT ON COLUMN {table}.{identifier(column)} IS {literal(comment)}")
    return con
