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
            FROM ({a.sql.format(d=d, s=standards)}) x LEFT JOIN ({HELD.format(d=d)}) h ON h.child_id = x.child_id
            WHERE x.due_date IS NOT NULL AND {keep}"""
        rule = a.rule.format(s=standards)
        for child, tm, wk, what, due, over, tm_name, wk_name in con.execute(sql).fetchall():
            if (team is None or tm == team) and (worker is None or wk == worker):
                rows.append(Row(name, child, tm, wk, what, due.isoformat(), over, rule, a.basis, tm_name, wk_name))
    rows.sort(key=lambda r: (-r.days_overdue, r.list, r.team, r.worker, r.child))
    return rows
