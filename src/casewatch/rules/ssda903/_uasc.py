"""A child's UASC status in a collection year, as rules 205A-205D read it from the UASC table.

The DfE's header UASC flag (1 = the child was an unaccompanied asylum-seeking child at some time in the year)
is not staged: a CSV return has no such column (the DfE validator takes a child with a row in the CSV UASC
table as UASC), and casewatch's XML reader makes a UASC row for <UASC>1</UASC> and also for a <DUC> given
with <UASC>0</UASC>, without keeping the flag. So casewatch takes a child as UASC in a year when that year's UASC table has a row
for the child whose DUC (date UASC status ceased) is blank or on or after 1 April of the year: the status had
not ceased before the year began. A row whose DUC is before the year began is a former UASC, not UASC that
year. For a return that fills DUC as the DfE asks, this is the header flag; unlike the DfE validator's CSV
reading, a former UASC listed in the CSV UASC table is not taken as UASC."""

from __future__ import annotations


def start(year: int) -> str:
    """SQL for the first day of a collection year."""
    return f"DATE '{year - 1}-04-01'"


def end(year: int) -> str:
    """SQL for the last day of a collection year."""
    return f"DATE '{year}-03-31'"


def status_row(alias: str, year: int) -> str:
    """SQL: the UASC row ``alias`` (of ``year``'s table) makes its child UASC in that year."""
    return f"({alias}.DUC IS NULL OR {alias}.DUC >= {start(year)})"


def is_uasc(child: str, table: str, year: int) -> str:
    """SQL: the child (an SQL expression) is UASC in ``year`` by ``table`` (uasc, or uasc_last for year - 1)."""
    return f"EXISTS (SELECT 1 FROM {table} s WHERE s.CHILD = {child} AND {status_row('s', year)})"
