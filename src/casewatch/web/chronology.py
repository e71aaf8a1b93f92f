"""One child's chronology from the scoped DuckDB views, and whether a principal may open it.

A team manager may open a child allocated to one of their teams on the date the data runs to or at any time in
the 12 months before; a social worker only a child allocated to them on that date.
"""

from __future__ import annotations

from datetime import date

from casewatch import words
from casewatch.measures.scope import _minus_year
from casewatch.web.principal import Principal

# Each event: its date, its kind, up to three codes (a, b, c; what they are is in CODED) and a note in words.
EVENTS = """
SELECT referral_date AS d, 'Referral' AS kind, source AS a, primary_need AS b, NULL AS c,
       CASE WHEN nfa THEN 'no further action' END AS note FROM referrals WHERE child_id = $c
UNION ALL SELECT closure_date, 'Referral closed', closure_reason, NULL, NULL, NULL FROM referrals
    WHERE child_id = $c AND closure_date IS NOT NULL
UNION ALL SELECT start_date, 'Assessment started', NULL, NULL, NULL, NULL FROM assessments WHERE child_id = $c
UNION ALL SELECT authorised_date, 'Assessment authorised', outcome, NULL, NULL,
       CASE WHEN child_seen THEN 'child seen' ELSE 'child not seen' END
    FROM assessments WHERE child_id = $c AND authorised_date IS NOT NULL
UNION ALL SELECT strategy_discussion_date, 'Strategy discussion', NULL, NULL, NULL, NULL FROM section47
    WHERE child_id = $c AND strategy_discussion_date IS NOT NULL
UNION ALL SELECT start_date, 'Section 47 enquiry started', outcome, NULL, NULL, NULL FROM section47
    WHERE child_id = $c AND start_date IS NOT NULL
UNION ALL SELECT icpc_date, 'Initial child protection conference', NULL, NULL, NULL, NULL FROM section47
    WHERE child_id = $c AND icpc_date IS NOT NULL
UNION ALL SELECT start_date, 'Child in need plan started', NULL, NULL, NULL, NULL FROM cin_plans WHERE child_id = $c
UNION ALL SELECT end_date, 'Child in need plan ended', NULL, NULL, NULL, NULL FROM cin_plans
    WHERE child_id = $c AND end_date IS NOT NULL
UNION ALL SELECT start_date, 'Child protection plan started', initial_category, NULL, NULL, NULL FROM cp_plans
    WHERE child_id = $c
UNION ALL SELECT unnest(review_dates), 'Child protection review', NULL, NULL, NULL, NULL FROM cp_plans
    WHERE child_id = $c
UNION ALL SELECT end_date, 'Child protection plan ended', latest_category, NULL, NULL, NULL FROM cp_plans
    WHERE child_id = $c AND end_date IS NOT NULL
UNION ALL SELECT decom, 'Care episode started', rne, legal_status, place, NULL FROM cla_episodes WHERE child_id = $c
UNION ALL SELECT dec, 'Care episode ended', rec, NULL, NULL, NULL FROM cla_episodes
    WHERE child_id = $c AND dec IS NOT NULL
UNION ALL SELECT review_date, 'Looked-after review', participation, NULL, NULL, NULL FROM cla_reviews
    WHERE child_id = $c
UNION ALL SELECT v.visit_date, 'Visit', v.kind, NULL, NULL, concat_ws('; ', 'by ' || coalesce(w.name, v.worker_id),
       CASE WHEN v.child_seen THEN 'child seen' ELSE 'child not seen' END, CASE WHEN v.seen_alone THEN 'seen alone' END)
    FROM visits v LEFT JOIN workers w USING (worker_id) WHERE v.child_id = $c
UNION ALL SELECT a.start_date, 'Allocated', NULL, NULL, NULL, concat_ws('; ', 'worker ' || coalesce(w.name, a.worker_id),
       'team ' || coalesce(t.name, a.team_id, w.team_id)) FROM allocations a LEFT JOIN workers w USING (worker_id)
    LEFT JOIN teams t ON t.team_id = coalesce(a.team_id, w.team_id)
    WHERE a.child_id = $c
UNION ALL SELECT a.end_date, 'Allocation ended', a.end_reason, NULL, NULL, 'worker ' || coalesce(w.name, a.worker_id)
    FROM allocations a LEFT JOIN workers w USING (worker_id) WHERE a.child_id = $c AND a.end_date IS NOT NULL
"""

# What an event's codes are: (words before it, the model's table.column, whether an analyst needs the code too).
CODED = {
    "Referral": (("from ", "referrals.source", False), ("need: ", "referrals.primary_need", False)),
    "Referral closed": (("", "referrals.closure_reason", False),),
    "Assessment authorised": (("outcome: ", "assessments.outcome", False),),
    "Section 47 enquiry started": (("outcome: ", "section47.outcome", False),),
    "Child protection plan started": (("category: ", "cp_plans.initial_category", False),),
    "Child protection plan ended": (("latest category: ", "cp_plans.latest_category", False),),
    "Care episode started": (("", "cla_episodes.rne", False), ("legal status: ", "cla_episodes.legal_status", True),
                             ("placement: ", "cla_episodes.place", True)),
    "Care episode ended": (("", "cla_episodes.rec", False),),
    "Looked-after review": (("", "cla_reviews.participation", False),),
    "Visit": (("", "visits.kind", False),),
    "Allocation ended": (("", "allocations.end_reason", False),),
}


def detail(kind: str, codes: tuple, note: str | None) -> str:
    """An event's detail in words: its codes as words (the code in brackets where an analyst needs it), then
    its note."""
    parts = [before + (words.label_code if with_code else words.label)(column, code)
             for (before, column, with_code), code in zip(CODED.get(kind, ()), codes, strict=False)
             if code is not None and code != ""]
    return "; ".join([*parts, *([note] if note else [])])


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
    """The child (sex and ethnicity in words) and their events, oldest first, each dated and in words."""
    child = con.execute("""SELECT child_id, date_of_birth, sex, ethnicity, disability, uasc FROM children
        WHERE child_id = $c""", {"c": child_id}).fetchone()
    events = con.execute(f"SELECT d, kind, a, b, c, note FROM ({EVENTS}) WHERE d IS NOT NULL ORDER BY d, kind",
                         {"c": child_id}).fetchall()
    keys = ("child_id", "date_of_birth", "sex", "ethnicity", "disability", "uasc")
    person = dict(zip(keys, child, strict=True))
    person["sex"] = words.label("children.sex", person["sex"])
    person["ethnicity"] = words.label("children.ethnicity", person["ethnicity"])
    return {"child": person,
            "events": [{"date": d, "kind": k, "detail": detail(k, (a, b, c), note)}
                       for d, k, a, b, c, note in events]}
