"""What the CIN census rules share: the census year as SQL dates, working days, the episode join.

The census year Y runs from 1 April Y-1 (``start``) to the ReferenceDate, 31 March Y (``ref``). Working days
are Monday to Friday less England and Wales bank holidays (``casewatch.calendar``).
"""

from __future__ import annotations

from datetime import date, timedelta

from casewatch.calendar import is_working_day


def _lit(d: date) -> str:
    return f"DATE '{d.isoformat()}'"


def ref(year: int) -> str:
    """The ReferenceDate, 31 March of the collection year, as a SQL date."""
    return _lit(date(year, 3, 31))


def start(year: int) -> str:
    """The first day of the census year, 1 April of the year before, as a SQL date."""
    return _lit(date(year - 1, 4, 1))


def working_days_before(d: date, n: int) -> date:
    """The ``n``-th working day before ``d`` (``d`` itself never counts, working day or not): one working day
    before Saturday 1 April 2023 is Friday 31 March; before Easter Monday 1 April 2024, Thursday 28 March.
    This is the DfE validator's 'date minus n working days'."""
    while n > 0:
        d -= timedelta(days=1)
        n -= is_working_day(d)
    return d


def ref_minus_working_days(year: int, n: int) -> str:
    """``n`` working days before the ReferenceDate, as a SQL date."""
    return _lit(working_days_before(date(year, 3, 31), n))


def start_minus_working_days(year: int, n: int) -> str:
    """``n`` working days before the census year starts (1 April), as a SQL date."""
    return _lit(working_days_before(date(year - 1, 4, 1), n))


def episode(a: str, b: str) -> str:
    """Join condition: rows ``a`` and ``b`` belong to the same <CINdetails> of the same child in one file."""
    return f"{b}._file = {a}._file AND {b}.LAchildID = {a}.LAchildID AND {b}.CINdetailsID = {a}.CINdetailsID"


def same_child(a: str, b: str) -> str:
    """Join condition: rows ``a`` and ``b`` belong to the same child in one file."""
    return f"{b}._file = {a}._file AND {b}.LAchildID = {a}.LAchildID"
