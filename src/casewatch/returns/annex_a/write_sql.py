"""What each Annex A list holds, as SQL over the canonical tables, for the 12 months ``s``..``e``.

Each query returns the list's fields by casewatch's field names (``spec.json``): DfE codes for coded
columns that have a DfE list (the writer turns them into labels), booleans for Yes/No columns, and Ofsted's
own group labels for the rest. Which records each list holds:

1 contacts received in the period; 2 early help started in it; 3 referrals in it; 4 assessments open at any
time in it; 5 s47 enquiries started, or with an ICPC, in it; 6 CIN episodes (not NFA referrals) open at any
time in it; 7 CP plans open at any time in it; 8 children looked after at any time in it (short breaks
aside), their latest period of care; 9 care leavers whose 19th-21st birthday information falls in it; 10
children with an adoption decision still in the adoption process at any time in it.
Allocated team and worker: the child's latest allocation that started by the period end.
"""

from __future__ import annotations

from casewatch.model.sql import literal
from casewatch.returns.annex_a.spec import codes

AGE = "date_diff('year', c.date_of_birth, {e}) - CASE WHEN c.date_of_birth + to_years(date_diff('year', " \
      "c.date_of_birth, {e})) > {e} THEN 1 ELSE 0 END"
PLACEMENT_START = "('S', 'P', 'T', 'B', 'U')"


def _label(codeset: str, i: int) -> str:
    return literal(codes(codeset)[i])


def _child(e: str) -> str:
    return (f"t.child_id, c.sex AS gender, c.ethnicity, c.date_of_birth, {AGE.format(e=e)} AS age, "
            "c.disability")


def _alloc(e: str) -> str:
    return f"""LEFT JOIN (SELECT a.child_id, tm.name AS allocated_team, a.worker_id AS allocated_worker
                          FROM allocations a LEFT JOIN teams tm USING (team_id) WHERE a.start_date <= {e}
                          QUALIFY row_number() OVER (PARTITION BY a.child_id
                                                     ORDER BY a.start_date DESC, a.allocation_id DESC) = 1) al
               USING (child_id)"""


def _upto(col: str, e: str) -> str:
    """A date as known at the period end: blank if it is after it."""
    return f"CASE WHEN {col} <= {e} THEN {col} END"


def queries(s: str, e: str) -> dict[str, str]:
    j = "FROM {t} t JOIN children c USING (child_id)"
    plan = {"adoption": 1, "sgo": 2, "cao": 2, "long_term_fostering": 5}
    perm = "CASE p.route " + " ".join(f"WHEN {literal(k)} THEN {_label('permanence_plan', v)}" for k, v in plan.items()) + " END"
    status = ", ".join(_label("case_status", i) for i in range(5))
    st = status.split(", ")
    return {
        "list_1": f"""SELECT {_child(e)}, t.contact_date, t.source AS contact_source {j.format(t='contacts')}
                      WHERE t.contact_date BETWEEN {s} AND {e} ORDER BY t.contact_date, t.child_id, t.contact_id""",
        "list_2": f"""SELECT {_child(e)}, t.start_date AS assessment_start_date,
                             'Council early help service' AS organisation {j.format(t='early_help_episodes')}
                      WHERE t.start_date BETWEEN {s} AND {e} ORDER BY t.start_date, t.child_id, t.episode_id""",
        "list_3": f"""SELECT {_child(e)}, t.referral_date, t.source AS referral_source, t.nfa AS referral_nfa,
                             (SELECT count(*) FROM referrals x WHERE x.child_id = t.child_id
                              AND x.referral_date >= t.referral_date - INTERVAL 12 MONTH
                              AND x.referral_date < t.referral_date) AS referrals_12m, al.allocated_team, al.allocated_worker
                      {j.format(t='referrals')} {_alloc(e)}
                      WHERE t.referral_date BETWEEN {s} AND {e} ORDER BY t.referral_date, t.child_id""",
        "list_4": f"""SELECT {_child(e)}, t.start_date AS assessment_start_date, t.child_seen,
                             {_upto('t.authorised_date', e)} AS assessment_authorised_date,
                             CASE WHEN t.authorised_date <= {e} THEN t.outcome IN ('cin_plan', 's47', 'cla') END
                                 AS requires_support, al.allocated_team, al.allocated_worker
                      {j.format(t='assessments')} {_alloc(e)}
                      WHERE t.start_date <= {e} AND (t.authorised_date IS NULL OR t.authorised_date >= {s})
                      ORDER BY t.start_date, t.child_id""",
        "list_5": f"""SELECT {_child(e)}, t.start_date AS s47_start_date,
                             CASE WHEN t.outcome IN ('cin', 'nfa') THEN true WHEN t.icpc_date <= {e} THEN false END
                                 AS icpc_not_required, {_upto('t.icpc_date', e)} AS icpc_date,
                             CASE WHEN t.icpc_date <= {e} THEN EXISTS (SELECT 1 FROM cp_plans p
                                 WHERE p.child_id = t.child_id AND p.start_date = t.icpc_date) END AS icpc_cp_plan,
                             (SELECT count(*) FROM section47 x WHERE x.child_id = t.child_id
                              AND x.start_date BETWEEN {s} AND {e}) AS s47s_12m,
                             (SELECT count(*) FROM section47 x WHERE x.child_id = t.child_id
                              AND x.icpc_date BETWEEN {s} AND {e}) AS icpcs_12m, al.allocated_team, al.allocated_worker
                      {j.format(t='section47')} {_alloc(e)}
                      WHERE t.start_date BETWEEN {s} AND {e} OR t.icpc_date BETWEEN {s} AND {e}
                      ORDER BY t.start_date, t.child_id""",
        "list_6": f"""SELECT {_child(e)}, t.referral_date AS cin_start_date, t.primary_need,
                             (SELECT max(v.visit_date) FROM visits v WHERE v.child_id = t.child_id AND v.child_seen
                              AND v.visit_date BETWEEN t.referral_date AND least({e}, coalesce(t.closure_date, {e})))
                                 AS last_seen_date,
                             {_upto('t.closure_date', e)} AS cin_closure_date,
                             CASE WHEN t.closure_date <= {e} THEN t.closure_reason END AS closure_reason,
                             CASE WHEN t.closure_date <= {e} THEN {st[4]}
                                  WHEN EXISTS (SELECT 1 FROM cla_episodes x WHERE x.child_id = t.child_id
                                       AND x.decom <= {e} AND (x.dec IS NULL OR x.dec > {e})) THEN {st[0]}
                                  WHEN EXISTS (SELECT 1 FROM cp_plans x WHERE x.referral_id = t.referral_id
                                       AND x.start_date <= {e} AND (x.end_date IS NULL OR x.end_date > {e})) THEN {st[1]}
                                  WHEN EXISTS (SELECT 1 FROM assessments x WHERE x.referral_id = t.referral_id
                                       AND x.start_date <= {e} AND (x.authorised_date IS NULL OR x.authorised_date > {e}))
                                       THEN {st[3]}
                                  ELSE {st[2]} END AS case_status, al.allocated_team, al.allocated_worker
                      {j.format(t='referrals')} {_alloc(e)}
                      WHERE NOT t.nfa AND t.referral_date <= {e} AND (t.closure_date IS NULL OR t.closure_date >= {s})
                      ORDER BY t.referral_date, t.child_id""",
        "list_7": f"""SELECT {_child(e)}, t.start_date AS cp_start_date, t.initial_category, t.latest_category,
                             v.visit_date AS last_visit_date, v.seen_alone,
                             list_max(list_filter(t.review_dates, lambda d: d <= {e})) AS latest_review_date,
                             {_upto('t.end_date', e)} AS cp_end_date,
                             (SELECT count(*) FROM cp_plans x WHERE x.child_id = t.child_id
                              AND x.start_date < t.start_date) AS previous_cp_plans, al.allocated_team, al.allocated_worker
                      {j.format(t='cp_plans')} {_alloc(e)}
                      LEFT JOIN LATERAL (SELECT visit_date, seen_alone FROM visits v WHERE v.child_id = t.child_id
                                         AND v.kind = 'CP' AND v.visit_date BETWEEN t.start_date AND {e}
                                         ORDER BY visit_date DESC LIMIT 1) v ON true
                      WHERE t.start_date <= {e} AND (t.end_date IS NULL OR t.end_date >= {s})
                      ORDER BY t.start_date, t.child_id""",
        "list_8": _list_8(s, e, perm),
        "list_9": f"""SELECT {_child(e)}, c.uasc, {_label('eligibility', 1)} AS eligibility, t.in_touch,
                             CASE WHEN t.accommodation <> '0' THEN left(t.accommodation, 1) END AS accommodation,
                             CASE right(t.accommodation, 1) WHEN '1' THEN {_label('accommodation_suitability', 0)}
                                  WHEN '2' THEN {_label('accommodation_suitability', 1)} END
                                 AS accommodation_suitability,
                             nullif(t.activity, '0') AS activity, al.allocated_team, al.allocated_worker
                      {j.format(t='care_leavers')} {_alloc(e)}
                      WHERE t.birthday BETWEEN {s} AND {e}
                      QUALIFY row_number() OVER (PARTITION BY t.child_id ORDER BY t.birthday DESC) = 1
                      ORDER BY t.child_id""",
        "list_10": f"""SELECT {_child(e)},
                              (SELECT max(x.decom) FROM cla_episodes x WHERE x.child_id = t.child_id AND x.rne = 'S'
                               AND x.decom <= t.decision_date) AS cla_start_date,
                              t.decision_date AS adoption_decision_date,
                              {_upto('t.placement_order_date', e)} AS placement_order_date,
                              {_upto('t.matched_date', e)} AS matched_date, {_upto('t.placed_date', e)} AS placed_date,
                              {_upto('t.order_date', e)} AS adoption_order_date,
                              {_upto('t.decision_reversed_date', e)} AS decision_reversed_date,
                              CASE WHEN t.decision_reversed_date <= {e} THEN t.reversed_reason END AS reversed_reason
                       {j.format(t='permanence')}
                       WHERE t.route = 'adoption' AND t.decision_date <= {e}
                         AND (t.decision_reversed_date IS NULL OR t.decision_reversed_date >= {s})
                         AND (t.order_date IS NULL OR t.order_date >= {s})
                       ORDER BY t.decision_date, t.child_id""",
    }


def _list_8(s: str, e: str, perm: str) -> str:
    return f"""
        WITH ep AS (SELECT * FROM cla_episodes WHERE coalesce(legal_status, '') NOT IN ('V3', 'V4') AND decom <= {e}),
        cur AS (SELECT *, (SELECT max(x.decom) FROM ep x WHERE x.child_id = ep.child_id AND x.rne = 'S'
                           AND x.decom <= ep.decom) AS period_start
                FROM ep QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY decom DESC, episode_id DESC) = 1)
        SELECT {_child(e)}, c.uasc, coalesce(t.period_start, t.decom) AS cla_start_date, t.cin AS category_of_need,
               EXISTS (SELECT 1 FROM ep x WHERE x.child_id = t.child_id AND x.rne = 'S'
                       AND x.decom < t.period_start AND x.decom >= t.period_start - INTERVAL 12 MONTH)
                   AS second_period_12m,
               (SELECT max(x.decom) FROM ep x WHERE x.child_id = t.child_id AND x.rne IN ('S', 'L', 'B', 'U')
                AND x.decom BETWEEN coalesce(t.period_start, t.decom) AND t.decom) AS legal_status_start_date,
               t.legal_status,
               (SELECT max(r.review_date) FROM cla_reviews r WHERE r.child_id = t.child_id
                AND r.review_date BETWEEN coalesce(t.period_start, t.decom) AND {e}) AS latest_review_date,
               (SELECT max(v.visit_date) FROM visits v WHERE v.child_id = t.child_id AND v.kind = 'CLA'
                AND v.visit_date BETWEEN coalesce(t.period_start, t.decom) AND {e}) AS last_visit_date,
               (SELECT {perm} FROM permanence p WHERE p.child_id = t.child_id AND p.decision_date <= {e}
                AND (p.decision_reversed_date IS NULL OR p.decision_reversed_date > {e})
                ORDER BY p.decision_date DESC LIMIT 1) AS permanence_plan,
               (SELECT count(*) FROM ep x WHERE x.child_id = t.child_id AND x.rne IN {PLACEMENT_START}
                AND x.decom BETWEEN {s} AND {e})
                 + CASE WHEN coalesce(t.period_start, t.decom) < {s} THEN 1 ELSE 0 END AS placements_12m,
               CASE WHEN t.dec <= {e} AND t.rec <> 'X1' THEN t.dec END AS cla_end_date,
               CASE WHEN t.dec <= {e} AND t.rec <> 'X1' THEN t.rec END AS reason_ceased,
               (SELECT max(x.decom) FROM ep x WHERE x.child_id = t.child_id AND x.rne IN {PLACEMENT_START}
                AND x.decom BETWEEN coalesce(t.period_start, t.decom) AND t.decom) AS placement_start_date,
               t.place AS placement_type, t.place_provider AS placement_provider,
               t.placement_postcode, t.urn AS placement_urn, t.placement_la,
               (SELECT count(*) FROM missing_episodes m WHERE m.child_id = t.child_id AND m.kind = 'M'
                AND m.start_date BETWEEN {s} AND {e}) AS missing_12m,
               (SELECT count(*) FROM missing_episodes m WHERE m.child_id = t.child_id AND m.kind = 'A'
                AND m.start_date BETWEEN {s} AND {e}) AS absent_12m,
               mi.return_interview_offered, mi.return_interview_accepted, al.allocated_team, al.allocated_worker
        FROM cur t JOIN children c USING (child_id) {_alloc(e)}
        LEFT JOIN LATERAL (SELECT return_interview_offered, return_interview_accepted FROM missing_episodes m
                           WHERE m.child_id = t.child_id AND m.start_date <= {e}
                           ORDER BY m.start_date DESC LIMIT 1) mi ON true
        WHERE t.dec IS NULL OR t.dec >= {s}
        ORDER BY cla_start_date, t.child_id"""
