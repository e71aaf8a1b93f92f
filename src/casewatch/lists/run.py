"""Run the action lists for one council on a date: who is overdue for what, with the worker and team holding the
case that day. Child-level rows: for managers and workers only, never for aggregate outputs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import duckdb

from casewatch.lists.define import LISTS, MACROS

# lists whose rows are conditions that hold now (no worker, too many workers...): every row is listed
CONDITIONS = ("unallocated", "sw_changes", "permanence_plan", "missing_rhi", "health_assessment")


@dataclass
class Row:
    list: str
    child: str
    team: str  # the team's id ('unallocated' when nobody holds the case): exports and scoping use it
    worker: str  # the worker's id, likewise
    what: str
    due_date: str
    days_overdue: int  # negative: days left
    rule: str
    basis: str
    team_name: str = ""  # the names a person reads; the id where the database has no name
    worker_name: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


HELD = """SELECT h.*, w.name AS worker_name, t.name AS team_name FROM (
        SELECT a.child_id, arg_max(a.worker_id, a.start_date) AS worker_id,
            arg_max(coalesce(a.team_id, w.team_id), a.start_date) AS team_id
        FROM allocations a LEFT JOIN workers w USING (worker_id)
        WHERE a.start_date <= {d} AND (a.end_date IS NULL OR a.end_date > {d}) GROUP BY a.child_id) h
    LEFT JOIN workers w ON w.worker_id = h.worker_id LEFT JOIN teams t ON t.team_id = h.team_id"""


LIST_COLUMNS = {"child_id": None, "what": None, "due_date": "DATE"}  # what every list's SQL returns (and its type)


def list_sql(con: duckdb.DuckDBPyConnection, a, d: str, standards: dict) -> str:
    """The list's SQL for the date ``d`` (SQL), checked before it runs: a council's own list (measures.local)
    whose SQL does not fill in, cannot run or does not return child_id, what and due_date (a DATE) is an
    IndicatorError naming the list and what is wrong, never a database error."""
    from casewatch.measures.define import IndicatorError

    try:
        sql = a.sql.format(d=d, s=standards)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise IndicatorError(f"list {a.name}: its SQL has a {{...}} that is not {{d}} (the date) or a standard "
                             f"such as {{s[visits][cp_working_days]}}: {exc}") from None
    try:
        cols = {r[0]: r[1] for r in con.execute(f"DESCRIBE ({sql})").fetchall()}
    except duckdb.Error as exc:
        raise IndicatorError(f"list {a.name}: its SQL cannot run: {str(exc).splitlines()[0]}") from None
    problems = [f"returns no column {c!r}" for c in LIST_COLUMNS if c not in cols]
    problems += [f"gives {c!r} as {cols[c]}, not a {t}" for c, t in LIST_COLUMNS.items()
                 if t and c in cols and cols[c] != t]
    if problems:
        raise IndicatorError(f"list {a.name}: its SQL " + "; ".join(problems))
    return sql


def run_lists(con: duckdb.DuckDBPyConnection, on: date, standards: dict, names: list[str] | None = None,
              team: str | None = None, worker: str | None = None) -> list[Row]:
    """Rows of the named lists (all by default) on ``on``, overdue first, for the council ``con`` is scoped to."""
    for stmt in MACROS.split(";"):
        if stmt.strip():
            con.execute(stmt)
    d = f"DATE '{on.isoformat()}'"
    ahead = int(standards["lists"]["look_ahead_days"])
    rows: list[Row] = []
    for name in names or list(LISTS):
        a = LISTS[name]
        keep = "true" if name in CONDITIONS else f"x.due_date <= {d} + {ahead}"
        sql = f"""SELECT x.child_id, coalesce(h.team_id, 'unallocated'), coalesce(h.worker_id, 'unallocated'),
                x.what, x.due_date, date_diff('day', x.due_date, {d}),
                coalesce(h.team_name, h.team_id, 'unallocated'), coalesce(h.worker_name, h.worker_id, 'unallocated')
            FROM ({list_sql(con, a, d, standards)}) x LEFT JOIN ({HELD.format(d=d)}) h ON h.child_id = x.child_id
            WHERE x.due_date IS NOT NULL AND {keep}"""
        rule = a.rule.format(s=standards)
        for child, tm, wk, what, due, over, tm_name, wk_name in con.execute(sql).fetchall():
            if (team is None or tm == team) and (worker is None or wk == worker):
                rows.append(Row(name, child, tm, wk, what, due.isoformat(), over, rule, a.basis, tm_name, wk_name))
    rows.sort(key=lambda r: (-r.days_overdue, r.list, r.team, r.worker, r.child))
    return rows
