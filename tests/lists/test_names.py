"""The action lists name the worker and team holding each case as a person reads them (workers.name, teams.name),
and keep their ids for exports and scoping; a worker or team the database has no name for shows its id."""

from __future__ import annotations

from datetime import date

from casewatch import standards
from casewatch.lists.run import run_lists
from casewatch.measures.scope import attach, scope
from casewatch.measures.testing import database
from conftest import read_truth

ON = date(2025, 3, 31)


def test_names_beside_ids_and_the_id_where_there_is_no_name():
    assessments = """
        assessment_id | child_id | start_date
        a1            | 1        | 2025-01-27
        a2            | 2        | 2025-01-27
        a3            | 3        | 2025-01-27
    """
    allocations = """
        allocation_id | child_id | worker_id | team_id | start_date | end_date
        x1            | 1        | w1        | east    | 2025-01-27 | 2025-03-31
        x2            | 1        | w2        | west    | 2025-03-31 |
        x3            | 3        | w3        | north   | 2025-02-01 |
    """
    workers = """
        worker_id | team_id | name
        w1        | east    | Tariq Shah
        w2        | west    | Amina Khan
        w3        | north   |
    """
    teams = """
        team_id | name         | service      | start_date
        west    | West Locality | safeguarding | 2020-01-01
    """
    con = database(assessments=assessments, allocations=allocations, workers=workers, teams=teams)
    try:
        rows = {r.child: r for r in run_lists(con, ON, standards.load(), ["assessments"])}
    finally:
        con.close()
    got = {c: (r.worker, r.worker_name, r.team, r.team_name) for c, r in rows.items()}
    assert got == {"1": ("w2", "Amina Khan", "west", "West Locality"),  # who holds it on the day, by name
                   "2": ("unallocated", "unallocated", "unallocated", "unallocated"),
                   "3": ("w3", "w3", "north", "north")}  # no name in the database: the id
    assert {"worker_name", "team_name"} <= set(rows["1"].as_dict())


def test_worker_name_is_the_workers_name_on_a_synthetic_council(councils):
    out, db = councils.loaded(size="tiny", seed=1)
    last = date.fromisoformat(read_truth(out)["period_ends"][-1])
    con = attach(str(db))
    try:
        scope(con, "X01")
        names = dict(con.execute("SELECT worker_id, name FROM workers").fetchall())
        teams = dict(con.execute("SELECT team_id, name FROM teams").fetchall())
        rows = [r for r in run_lists(con, last, standards.load()) if r.worker != "unallocated"]
    finally:
        con.close()
    assert len(rows) > 10 and all(names[r.worker] for r in rows)  # every synthetic worker has a name
    assert [r.worker_name for r in rows] == [names[r.worker] for r in rows]
    assert [r.team_name for r in rows] == [teams[r.team] for r in rows]
    assert all(r.worker_name != r.worker and r.team_name != r.team for r in rows)
