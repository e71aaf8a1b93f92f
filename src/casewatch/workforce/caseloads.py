"""Every worker's caseload on every day: counted, weighted by case type, and per FTE; team pressure over time.

Interval arithmetic in SQL, not a loop over days:

1. Each child's case type over time: typed intervals (in care 4, CP plan 3, CIN plan 2, open assessment 1, open
   CIN episode 0; the highest that covers a day wins, as in ``cases.py``), cut at every boundary into segments
   of one type. A day an allocation covers and none of them does (allocated before the referral, or still
   allocated after it closed) counts as child in need: every open allocation is on the worker's list, as the
   caseload indicators count it.
2. Those segments intersected with allocations give each worker's weighted holdings as intervals.
3. +weight at each start and -weight at each end, summed in date order, give a step function per worker;
   an ASOF join on the calendar turns it into one row per worker per day.

An allocation holds from its start date to the day before its end date (the model's convention); a case
counts on the day it starts.
"""

from __future__ import annotations

from datetime import date

import duckdb

from casewatch.standards import worker_cap_sql
from casewatch.workforce.cases import weight_sql

TYPED = """
    SELECT child_id, 'cla' AS case_type, 4 AS prio, decom AS s, dec AS e FROM cla_episodes
        WHERE coalesce(legal_status, '') NOT IN ('V3', 'V4')
    UNION ALL SELECT child_id, 'cp', 3, start_date, end_date FROM cp_plans
    UNION ALL SELECT child_id, 'cin', 2, start_date, end_date FROM cin_plans
    UNION ALL SELECT child_id, 'assessment', 1, start_date, authorised_date FROM assessments
    UNION ALL SELECT child_id, 'cin', 0, referral_date, closure_date FROM referrals"""

HOLDINGS = f"""
    CREATE OR REPLACE TEMP TABLE holdings AS
    WITH typed AS ({TYPED}),
    cuts AS (SELECT DISTINCT child_id, d FROM (
        SELECT child_id, s AS d FROM typed UNION ALL SELECT child_id, e FROM typed WHERE e IS NOT NULL
        UNION ALL SELECT child_id, start_date FROM allocations
        UNION ALL SELECT child_id, end_date FROM allocations WHERE end_date IS NOT NULL)),
    segs AS (SELECT child_id, d AS s, lead(d) OVER (PARTITION BY child_id ORDER BY d) AS e FROM cuts),
    seg_type AS (
        SELECT g.child_id, g.s, g.e, arg_max(t.case_type, t.prio) AS case_type
        FROM segs g LEFT JOIN typed t ON t.child_id = g.child_id AND t.s <= g.s AND (t.e IS NULL OR t.e > g.s)
        GROUP BY g.child_id, g.s, g.e)
    SELECT a.worker_id, greatest(a.start_date, g.s) AS s,
        CASE WHEN a.end_date IS NULL THEN g.e WHEN g.e IS NULL THEN a.end_date ELSE least(a.end_date, g.e) END AS e,
        coalesce(g.case_type, 'cin') AS case_type
    FROM allocations a
    LEFT JOIN seg_type g ON g.child_id = a.child_id AND g.s < coalesce(a.end_date, DATE '9999-12-31')
        AND (g.e IS NULL OR g.e > a.start_date)"""


def build_holdings(con: duckdb.DuckDBPyConnection) -> None:
    """The temp table ``holdings(worker_id, s, e, case_type)``: what each worker held, when, of which type."""
    con.execute(HOLDINGS)


def daily_sql(start: date, end: date, weights: dict) -> str:
    """Per worker per day from start to end, from the worker's first case: cases, weighted load, FTE, team,
    ASYE, weighted load per FTE (NULL without an FTE). Each step of the step function is expanded to its days
    (no grid of every worker x every day, no join per day)."""
    w = weight_sql(weights)
    return f"""
    WITH ev AS (
        SELECT worker_id, s AS d, 1 AS n, {w} AS wt FROM holdings
        UNION ALL SELECT worker_id, e, -1, -({w}) FROM holdings WHERE e IS NOT NULL),
    steps AS (
        SELECT worker_id, d, sum(sum(n)) OVER (PARTITION BY worker_id ORDER BY d) AS cases,
               sum(sum(wt)) OVER (PARTITION BY worker_id ORDER BY d) AS weighted
        FROM ev GROUP BY worker_id, d),
    spans AS (
        SELECT worker_id, greatest(d, DATE '{start}') AS s,
               least(coalesce(lead(d) OVER (PARTITION BY worker_id ORDER BY d), DATE '{end}' + 1),
                     DATE '{end}' + 1) AS e, cases, weighted
        FROM steps),
    days AS (
        SELECT worker_id, unnest(generate_series(s, e - 1, INTERVAL 1 DAY))::DATE AS day, cases, weighted
        FROM spans WHERE s < e)
    SELECT d.worker_id, d.day, d.cases::INTEGER AS cases, round(d.weighted, 4) AS weighted, w.fte, w.team_id,
        w.asye, CASE WHEN w.fte > 0 THEN round(d.weighted / w.fte, 4) END AS weighted_per_fte
    FROM days d JOIN workers w ON w.worker_id = d.worker_id"""


def daily(con: duckdb.DuckDBPyConnection, start: date, end: date, weights: dict) -> None:
    """Build ``holdings`` and the temp table ``daily_caseloads`` for the council ``con`` is scoped to."""
    build_holdings(con)
    con.execute(f"CREATE OR REPLACE TEMP TABLE daily_caseloads AS {daily_sql(start, end, weights)}")


def team_pressure_sql(cap: float, asye_factor: float) -> str:
    """Per team per day, from ``daily_caseloads``: case holders, cases, FTE, cases per FTE, % over their cap."""
    limit = worker_cap_sql(cap, asye_factor, "w.fte", "w.asye")
    return f"""
    SELECT coalesce(w.team_id, 'no team') AS team_id, w.day, count(*) AS holders, sum(w.cases) AS cases,
        sum(w.fte) AS fte, round(sum(w.weighted) / nullif(sum(w.fte), 0), 2) AS weighted_per_fte,
        round(100.0 * count(*) FILTER (WHERE w.weighted > {limit}) / count(*), 1) AS over_cap_pct
    FROM daily_caseloads w WHERE w.cases > 0 GROUP BY ALL ORDER BY 1, 2"""
