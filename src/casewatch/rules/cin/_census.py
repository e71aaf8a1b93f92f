"""What the CIN census rules share: the census year as SQL dates, working days, the record and episode joins.

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
    This is the DfE text's 'date minus n working days'; the DfE's validator (csc-validator-be-cin) counts
    differently (docs/rules/cin.md, 8569Q)."""
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
    """Join condition: rows ``a`` and ``b`` belong to the same <CINdetails> of the same <Child> in one file."""
    return f"{b}._file = {a}._file AND {b}._row = {a}._row AND {b}.CINdetailsID = {a}.CINdetailsID"


def same_child(a: str, b: str) -> str:
    """Join condition: rows ``a`` and ``b`` belong to the same <Child> record in one file.

    Every staged row carries its <Child>'s line as ``_row`` (the child's own row, and every element nested in
    it), so the record links its rows whatever its LAchildID: children with no ID are not lumped together, a
    child whose ID is missing keeps its episodes, and two records with the same ID (8510) stay two children.
    LAchildID is the record's key only for the rules about the ID itself (8500, 8510)."""
    return f"{b}._file = {a}._file AND {b}._row = {a}._row"

