"""Build the caseload balancer's ``Problem`` from one council's scoped views (``measures/scope.py``) on a date.

Read only: every query runs on the views ``scope`` makes over the analytics database attached read-only.

- Receivers: workers in a case-holding role (social worker, senior social worker, advanced practitioner), in
  post on the date (started on or before it, no leaving date on or before it), with an FTE. Their service is
  their team's (``teams.service``; none when the team has gone or is unknown). Cap = cap x FTE, x the ASYE
  factor for a worker flagged ASYE (protected caseload, as ``casewatch caseloads`` counts it).
- Children: every open allocation of a receiver (weighted by the child's case type on the date; a child held
  but no longer open counts as ``cin``, as caseloads.py counts it), every allocation still open to a worker who
  has left (they must move), and every child open on the date (an open CIN episode) with no open allocation.
  Cases held by anyone else (a team manager, say) are left alone and not shown.
- A child's changes of worker: allocations that began in the 12 months to the date with a different worker
  from the child's allocation before.
"""

from __future__ import annotations

from datetime import date

import duckdb

from casewatch.model.codes import CASE_HOLDING_ROLES
from casewatch.workforce.allocate import Child, Problem, Worker
from casewatch.workforce.cases import SERVICE, case_types_sql, held_sql, weight_sql
from casewatch.workforce.pressure import _months_before


def build_problem(con: duckdb.DuckDBPyConnection, on: date, cap: float, asye_factor: float,
                  weights: dict) -> Problem:
    d = f"DATE '{on.isoformat()}'"
    roles = ", ".join(f"'{r}'" for r in CASE_HOLDING_ROLES)
    rows = con.execute(f"""
        SELECT w.worker_id, w.team_id,
            CASE WHEN t.start_date <= {d} AND (t.end_date IS NULL OR t.end_date > {d}) THEN t.service END,
            w.fte::DOUBLE, coalesce(w.asye, false),
            w.role IN ({roles}) AND (w.start_date IS NULL OR w.start_date <= {d}) AND w.fte IS NOT NULL
                AND (w.end_date IS NULL OR w.end_date > {d}) AS receives,
            w.end_date IS NOT NULL AND w.end_date <= {d} AS has_left
        FROM workers w LEFT JOIN teams t USING (team_id)
        ORDER BY w.worker_id""").fetchall()
    workers = [Worker(wid, cap=round(cap * fte * (asye_factor if asye else 1.0), 4), service=service, team=team,
                      fte=fte, asye=asye)
               for wid, team, service, fte, asye, receives, _left in rows if receives]
    receivers = {w.id for w in workers}
    left = {wid for wid, *_rest, has_left in rows if has_left}

    w = weight_sql(weights, "coalesce(t.case_type, 'cin')")
    since = f"DATE '{_months_before(on, 12).isoformat()}'"
    children = con.execute(f"""
        WITH types AS ({case_types_sql(d)}),
        held AS (SELECT child_id, min(worker_id) AS worker_id FROM ({held_sql(d)}) GROUP BY child_id),
        cases AS (
            SELECT coalesce(h.child_id, t.child_id) AS child_id, h.worker_id, coalesce(t.case_type, 'cin') AS case_type,
                {w} AS weight
            FROM held h FULL JOIN types t USING (child_id)),
        seq AS (SELECT child_id, worker_id, start_date,
                       lag(worker_id) OVER (PARTITION BY child_id ORDER BY start_date, allocation_id) AS prev
                FROM allocations),
        changes AS (SELECT child_id, count(*) AS n FROM seq
                    WHERE start_date > {since} AND start_date <= {d} AND prev IS NOT NULL AND prev <> worker_id
                    GROUP BY child_id)
        SELECT c.child_id, c.worker_id, c.case_type, c.weight::DOUBLE, coalesce(ch.n, 0)::INTEGER, k.family_id
        FROM cases c LEFT JOIN changes ch USING (child_id) LEFT JOIN children k USING (child_id)
        ORDER BY c.child_id""").fetchall()
    out = []
    for child_id, worker_id, case_type, weight, n, family in children:
        if worker_id is not None and worker_id not in receivers and worker_id not in left:
            continue  # held by a manager or someone not yet in post: not the balancer's to move
        out.append(Child(str(child_id), SERVICE.get(case_type, "safeguarding"), weight=weight, current=worker_id,
                         changes=n, family=family, case_type=case_type))
    return Problem(workers, out)
