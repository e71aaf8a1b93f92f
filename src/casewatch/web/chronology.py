"""One child's chronology from the scoped DuckDB views, and whether a principal may open it.

A team manager may open a child allocated to one of their teams on the date the data runs to or at any time in
the 12 months before; a social worker only a child allocated to them on that date.
"""

from __future__ import annotations

from datetime import date

from casewatch.measures.scope import _minus_year
from casewatch.web.principal import Principal

EVENTS = """
SELECT referral_date AS d, 'Referral' AS kind,
       concat_ws('; ', 'source ' || source, 'need ' || primary_need, CASE WHEN nfa THEN 'no further action' END) AS detail
    FROM referrals WHERE child_id = $c
UNION ALL SELECT closure_date, 'Referral closed', closure_reason FROM referrals
    WHERE child_id = $c AND closure_date IS NOT NULL
UNION ALL SELECT start_date, 'Assessment started', NULL FROM assessments WHERE child_id = $c
UNION ALL SELECT authorised_date, 'Assessment authorised',
       concat_ws('; ', CASE WHEN child_seen THEN 'child seen' ELSE 'child not seen' END, 'outcome ' || outcome)
    FROM assessments WHERE child_id = $c AND authorised_date IS NOT NULL
UNION ALL SELECT strategy_discussion_date, 'Strategy discussion', NULL FROM section47
    WHERE child_id = $c AND strategy_discussion_date IS NOT NULL
UNION ALL SELECT start_date, 'Section 47 enquiry started', 'outcome ' || outcome FROM section47
    WHERE child_id = $c AND start_date IS NOT NULL
UNION ALL SELECT icpc_date, 'Initial child protection conference', NULL FROM section47
    WHERE child_id = $c AND icpc_date IS NOT NULL
UNION ALL SELECT start_date, 'Child in need plan started', NULL FROM cin_plans WHERE child_id = $c
UNION ALL SELECT end_date, 'Child in need plan ended', NULL FROM cin_plans WHERE child_id = $c AND end_date IS NOT NULL
UNION ALL SELECT start_date, 'Child protection plan started', 'category ' || initial_category FROM cp_plans
    WHERE child_id = $c
UNION ALL SELECT unnest(review_dates), 'Child protection review', NULL FROM cp_plans WHERE child_id = $c
UNION ALL SELECT end_date, 'Child protection plan ended', 'latest category ' || latest_category FROM cp_plans
    WHERE child_id = $c AND end_date IS NOT NULL
UNION ALL SELECT decom, 'Care episode started',
       concat_ws('; ', 'reason ' || rne, 'legal status ' || legal_status, 'placement ' || place) FROM cla_episodes
    WHERE child_id = $c
UNION ALL SELECT dec, 'Care episode ended', 'reason ' || rec FROM cla_episodes WHERE child_id = $c AND dec IS NOT NULL
UNION ALL SELECT review_date, 'Looked-after review', 'participation ' || participation FROM cla_reviews
    WHERE child_id = $c
UNION ALL SELECT visit_date, 'Visit', concat_ws('; ', kind, 'by ' || worker_id,
       CASE WHEN child_seen THEN 'child seen' ELSE 'child not seen' END, CASE WHEN seen_alone THEN 'seen alone' END)
    FROM visits WHERE child_id = $c
UNION ALL SELECT a.start_date, 'Allocated', concat_ws('; ', 'worker ' || a.worker_id,
       'team ' || coalesce(a.team_id, w.team_id)) FROM allocations a LEFT JOIN workers w USING (worker_id)
    WHERE a.child_id = $c
UNION ALL SELECT end_date, 'Allocation ended', concat_ws('; ', 'worker ' || worker_id, end_reason) FROM allocations
    WHERE child_id = $c AND end_date IS NOT NULL
"""

HOLDERS = """SELECT coalesce(a.team_id, w.team_id), a.worker_id, a.start_date, a.end_date
    FROM allocations a LEFT JOIN workers w USING (worker_id)
    WHERE a.child_id = $c AND a.start_date <= $on AND (a.end_date IS NULL OR a.end_date > $since)"""


def exists(con, child_id: str) -> bool:
    return con.execute("SELECT count(*) FROM children WHERE child_id = $c", {"c": child_id}).fetchone()[0] > 0


def may_open(con, who: Principal, child_id: str, on: date) -> bool:
    if who.reach == "all":
        return True
    if who.reach not in ("teams", "caseload"):
        return False
    since = _minus_year(on) if who.reach == "teams" else on
    holders = con.execute(HOLDERS, {"c": child_id, "on": on, "since": since}).fetchall()
    if who.reach == "teams":
        return any(team in who.teams for team, _, _, _ in holders)
    return bool(who.worker) and any(worker == who.worker and (end is None or end > on)
                                    for _, worker, _, end in holders)


def timeline(con, child_id: str) -> dict:
    child = con.execute("""SELECT child_id, date_of_birth, sex, ethnicity, disability, uasc FROM children
        WHERE child_id = $c""", {"c": child_id}).fetchone()
    events = con.execute(f"SELECT d, kind, detail FROM ({EVENTS}) WHERE d IS NOT NULL ORDER BY d, kind",
                         {"c": child_id}).fetchall()
    keys = ("child_id", "date_of_birth", "sex", "ethnicity", "disability", "uasc")
    return {"child": dict(zip(keys, child, strict=True)),
            "events": [{"date": d, "kind": k, "detail": x or ""} for d, k, x in events]}
