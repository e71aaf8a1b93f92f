"""Caseload pressure on a date: each worker against their cap, each team's load per FTE and its trend.

Reads ``daily_caseloads`` (caseloads.py). A worker's cap is the local cap x FTE, x the ASYE factor for a newly
qualified worker (protected caseload). The trend compares a team's weighted load per FTE on the date with 3 and
12 months before: "are caseloads falling?".
"""

from __future__ import annotations

from datetime import date

import duckdb

from casewatch.measures.scope import _minus_year
from casewatch.standards import worker_cap_sql


def _months_before(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - n, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def names(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, str]]:
    """(worker id -> name, team id -> name) of the workers and teams the database has a name for."""
    return (dict(con.execute("SELECT worker_id, name FROM workers WHERE name IS NOT NULL").fetchall()),
            dict(con.execute("SELECT team_id, name FROM teams WHERE name IS NOT NULL").fetchall()))


def workers_on(con: duckdb.DuckDBPyConnection, on: date, cap: float, asye_factor: float) -> list[dict]:
    """Case holders on ``on``: ids (``worker``, ``team``) for scoping and exports, and the names a person reads
    (``worker_name``, ``team_name``: the id where the database has no name)."""
    rows = con.execute(f"""
        SELECT d.worker_id, coalesce(d.team_id, 'no team'), d.cases, d.weighted, d.fte, coalesce(d.asye, false),
            round({worker_cap_sql(cap, asye_factor, "d.fte", "d.asye")}, 2) AS cap,
            coalesce(w.name, d.worker_id), coalesce(t.name, d.team_id, 'no team')
        FROM daily_caseloads d LEFT JOIN workers w ON w.worker_id = d.worker_id
            LEFT JOIN teams t ON t.team_id = d.team_id
        WHERE d.day = ? AND d.cases > 0 ORDER BY d.weighted DESC, d.worker_id""", [on]).fetchall()
    return [{"worker": w, "worker_name": wn, "team": t, "team_name": tn, "cases": c, "weighted": float(wt),
             "fte": float(f) if f is not None else None, "asye": a, "cap": float(cp) if cp is not None else None,
             "over_cap": cp is not None and float(wt) > float(cp)} for w, t, c, wt, f, a, cp, wn, tn in rows]


def teams_on(con: duckdb.DuckDBPyConnection, on: date, cap: float, asye_factor: float) -> list[dict]:
    limit = worker_cap_sql(cap, asye_factor)
    sql = f"""SELECT coalesce(d.team_id, 'no team') AS team, count(*) AS holders, sum(cases) AS cases,
            sum(fte) AS fte, round(sum(weighted) / nullif(sum(fte), 0), 2) AS per_fte,
            round(100.0 * count(*) FILTER (WHERE weighted > {limit}) / count(*), 1) AS over_cap_pct,
            coalesce(any_value(t.name), coalesce(d.team_id, 'no team')) AS name, count(*) FILTER (WHERE weighted > {limit}) AS over_cap
        FROM daily_caseloads d LEFT JOIN teams t ON t.team_id = d.team_id WHERE day = ? AND cases > 0
        GROUP BY coalesce(d.team_id, 'no team')"""
    now = {r[0]: r for r in con.execute(sql, [on]).fetchall()}
    before = {k: {r[0]: r[4] for r in con.execute(sql, [d]).fetchall()}
              for k, d in (("3m", _months_before(on, 3)), ("12m", _minus_year(on)))}
    out = []
    for team, (_, holders, cases, fte, per_fte, over, name, over_n) in sorted(now.items()):
        b3, b12 = before["3m"].get(team), before["12m"].get(team)
        trend = None if b3 is None or per_fte is None else (
            "falling" if per_fte < b3 else "rising" if per_fte > b3 else "flat")
        out.append({"team": team, "name": name, "holders": holders, "cases": int(cases), "fte": float(fte or 0),
                    "weighted_per_fte": float(per_fte) if per_fte is not None else None,
                    "over_cap_pct": float(over), "workers_over_cap": int(over_n), "per_fte_3_months_before": float(b3) if b3 is not None else None,
                    "per_fte_12_months_before": float(b12) if b12 is not None else None, "trend_3_months": trend})
    return out
