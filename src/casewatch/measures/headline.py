"""The headline figures at a period end, in SQL over the canonical model.

Same names and definitions as the synthetic generator's planted truth (docs/planted-truth.md), computed
independently: the generator counts its event log in Python, this counts the loaded database in DuckDB.
The indicator catalogue (issue 4) builds on these.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import duckdb

# Parameters: $ps period start, $pe period end, $council.
CHILDREN_OF_COUNCIL = "SELECT child_id FROM children WHERE council_id = $council"
SHORT_BREAKS = "('V3', 'V4')"

COUNTS = {
    "cla_at_31_march": f"""
        SELECT count(DISTINCT child_id) FROM cla_episodes
        WHERE decom <= $pe AND (dec IS NULL OR dec > $pe) AND coalesce(legal_status, '') NOT IN {SHORT_BREAKS}
          AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "cla_starts": f"""
        SELECT count(DISTINCT child_id) FROM cla_episodes
        WHERE rne = 'S' AND decom BETWEEN $ps AND $pe AND coalesce(legal_status, '') NOT IN {SHORT_BREAKS}
          AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "cla_ceased": f"""
        SELECT count(DISTINCT child_id) FROM cla_episodes
        WHERE dec BETWEEN $ps AND $pe AND coalesce(rec, '') <> 'X1' AND coalesce(legal_status, '') NOT IN {SHORT_BREAKS}
          AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "cp_at_31_march": f"""
        SELECT count(DISTINCT child_id) FROM cp_plans
        WHERE start_date <= $pe AND (end_date IS NULL OR end_date > $pe) AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "cp_starts": f"""
        SELECT count(DISTINCT child_id) FROM cp_plans
        WHERE start_date BETWEEN $ps AND $pe AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "cin_at_31_march": f"""
        SELECT count(DISTINCT child_id) FROM referrals
        WHERE referral_date <= $pe AND (closure_date IS NULL OR closure_date > $pe)
          AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "referrals": f"""
        SELECT count(*) FROM referrals
        WHERE referral_date BETWEEN $ps AND $pe AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "re_referrals_12m": f"""
        SELECT count(*) FROM referrals r
        WHERE r.referral_date BETWEEN $ps AND $pe AND r.child_id IN ({CHILDREN_OF_COUNCIL})
          AND EXISTS (SELECT 1 FROM referrals p WHERE p.child_id = r.child_id
                      AND p.referral_date < r.referral_date
                      AND p.referral_date >= r.referral_date - INTERVAL 12 MONTH)""",
    "assessments_completed": f"""
        SELECT count(*) FROM assessments
        WHERE authorised_date BETWEEN $ps AND $pe AND child_id IN ({CHILDREN_OF_COUNCIL})""",
    "assessments_within_45wd": f"""
        SELECT count(*) FROM assessments a
        JOIN calendar s ON s.date = a.start_date
        JOIN calendar e ON e.date = a.authorised_date
        WHERE a.authorised_date BETWEEN $ps AND $pe AND e.working_day_no - s.working_day_no <= 45
          AND a.child_id IN ({CHILDREN_OF_COUNCIL})""",
}

CASELOAD = """
    SELECT a.worker_id, count(*) AS cases, any_value(w.fte) AS fte
    FROM allocations a JOIN workers w USING (worker_id)
    WHERE a.start_date <= $pe AND (a.end_date IS NULL OR a.end_date > $pe) AND w.council_id = $council
    GROUP BY a.worker_id ORDER BY a.worker_id
"""


def councils(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute("SELECT council_id, name FROM councils ORDER BY council_id").fetchall()


def headline(con: duckdb.DuckDBPyConnection, period_end: date, council_id: str) -> dict:
    params = {"ps": date(period_end.year - 1, 4, 1), "pe": period_end, "council": council_id}
    figures: dict = {"period_end": period_end.isoformat()}
    for name, sql in COUNTS.items():
        used = {k: v for k, v in params.items() if f"${k}" in sql}
        figures[name] = con.execute(sql, used).fetchone()[0]
    rows = con.execute(CASELOAD, {"pe": period_end, "council": council_id}).fetchall()
    cases = sum(r[1] for r in rows)
    known = [r for r in rows if r[2] is not None]  # returns without a CMS extract carry no FTE
    fte = sum((r[2] for r in known), Decimal(0))
    figures["cases_held"] = cases
    figures["case_holder_fte"] = float(fte)
    figures["caseload_per_fte"] = (  # over the case holders whose FTE is known
        float((Decimal(sum(r[1] for r in known)) / fte).quantize(Decimal("0.01"), ROUND_HALF_UP)) if fte else None
    )
    figures["caseload_at_period_end"] = {r[0]: r[1] for r in rows}
    return figures
