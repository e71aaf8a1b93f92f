"""Annex A staging tables -> canonical tables. Every staged row is a candidate in at least one table.

Codes come from the ``_code`` twins the reader filled (the DfE code a label carries, or the one code an
Ofsted group stands for). Where the canonical model needs a code and the workbook gives only a group of
several, the choice is stated here and in docs/returns/annex_a.md:

- contacts.source (required): the group's first DfE code (a) Individual -> 1A, d) Health services -> 3A,
  f) LA services -> 5A). referrals.source is optional and stays NULL instead.
- referrals.closure_reason for "h) Child not in need after assessment" (RC8 or, from 2022-23, RC9): RC8.
- assessments.outcome from "assessed as requiring children's social care support": no -> nfa; yes -> s47
  when the child's s47 enquiry (list 5) began during the assessment, cla when the child started to be looked
  after (list 8) during it, else cin_plan; NULL while the assessment is not authorised.
- Assessments, s47 enquiries and CP plans find their referral (Annex A has no referral ID) in lists 3 and 6
  of all the workbooks loaded: the child's latest referral on or before the date, if not closed before it
  and not an NFA referral (an ASOF join). None found: referral_id is NULL and the loader quarantines the row with the reason,
  unless another return (the CIN census) gives the referral for the same record.

Children: one candidate per child and workbook from all lists ('casewatch.annex_a_child', the lowest
precedence: every return says more about a child than Annex A). Allocated team and worker are names, not
the IDs allocations need, and stay in staging.
"""

from __future__ import annotations

from casewatch.model.sql import literal
from casewatch.model.tables_snapshots import ADOPTER_LEFT_REASON, CARE_LEAVER_ELIGIBILITY, PERMANENCE_PLAN
from casewatch.returns.annex_a.spec import codes, dfe, lists
from casewatch.returns.keys import event_id

CHILD_LISTS = [f"list_{n}" for n in range(1, 11)]


def _case(expr: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return "NULL"
    return f"CASE {expr} " + " ".join(f"WHEN {literal(k)} THEN {literal(v)}" for k, v in mapping.items()) + " END"


def _groups(codeset: str, ours: tuple[str, ...]) -> dict[str, str]:
    """Ofsted's groups of a code set, in order, to casewatch's codes for them."""
    return dict(zip(codes(codeset), ours, strict=True))


def _src(lst: str) -> str:
    return f"_file, _row, _year, 'annex_a.{lst}' AS _src"


def _has(lst: str, field: str) -> bool:
    return any(c.field == field for c in lists()[lst])


def _referrals() -> str:
    """Each referral lists 3 and 6 know of, once: child, date, and closure date if list 6 gives one. A referral
    list 3 says was NFA has no assessment, enquiry or plan of its own, and is left out."""
    return """(SELECT child_id AS c, d, max(closed) AS closed FROM (
                  SELECT child_id, referral_date AS d, NULL::DATE AS closed FROM annex_a.list_3
                  WHERE referral_nfa IS NOT true
                  UNION ALL SELECT child_id, cin_start_date, cin_closure_date FROM annex_a.list_6)
               WHERE child_id IS NOT NULL AND d IS NOT NULL GROUP BY ALL)"""


def _with_referral(lst: str, date: str, select: str) -> str:
    """``select`` over ``annex_a.{lst} t`` with ``referral_id`` from the child's referral open on ``date``."""
    rid = event_id("referrals", "r.c", "r.d")
    return f"""
        SELECT {select}, CASE WHEN r.d IS NOT NULL AND (r.closed IS NULL OR r.closed >= t.{date}) THEN {rid} END
                   AS referral_id
        FROM annex_a.{lst} t ASOF LEFT JOIN {_referrals()} r ON r.c = t.child_id AND t.{date} >= r.d"""


def _children() -> str:
    parts = []
    for n, lst in enumerate(CHILD_LISTS, start=1):
        dis = "disability" if _has(lst, "disability") else "NULL::BOOLEAN"
        uasc = "uasc" if _has(lst, "uasc") else "NULL::BOOLEAN"
        parts.append(f"SELECT child_id, date_of_birth, gender_code, ethnicity_code, {dis} AS disability, "
                     f"{uasc} AS uasc, {n} AS n, _row, _file, _year FROM annex_a.{lst}")
    first = "arg_min({c}, (n, _row)) FILTER (WHERE {c} IS NOT NULL)"
    return f"""
        SELECT child_id, getvariable('council_id') AS council_id, {first.format(c='date_of_birth')} AS date_of_birth,
               {first.format(c='gender_code')} AS sex, {first.format(c='ethnicity_code')} AS ethnicity,
               {first.format(c='disability')} AS disability, bool_or(uasc) AS uasc,
               _file, min(_row) AS _row, max(_year) AS _year, 'casewatch.annex_a_child' AS _src
        FROM ({' UNION ALL '.join(parts)}) WHERE child_id IS NOT NULL GROUP BY child_id, _file"""


def _contact_source() -> str:
    first = {g: c for g, c in dfe("source")["first_of_group"].items()}
    return f"coalesce(contact_source_code, {_case('contact_source', first)})"


def _outcome() -> str:
    s47 = ("EXISTS (SELECT 1 FROM annex_a.list_5 x WHERE x.child_id = t.child_id "
           "AND x.s47_start_date BETWEEN t.assessment_start_date AND t.assessment_authorised_date)")
    cla = ("EXISTS (SELECT 1 FROM annex_a.list_8 x WHERE x.child_id = t.child_id "
           "AND x.cla_start_date BETWEEN t.assessment_start_date AND t.assessment_authorised_date)")
    return (f"CASE WHEN t.assessment_authorised_date IS NULL THEN NULL WHEN NOT t.requires_support THEN 'nfa' "
            f"WHEN t.requires_support THEN CASE WHEN {s47} THEN 's47' WHEN {cla} THEN 'cla' ELSE 'cin_plan' END END")


def to_model() -> dict[str, str]:
    closure_first = {g: c for g, c in dfe("closure")["first_of_group"].items()}
    location = _groups("placement_location", ("in", "out"))
    suitable = _groups("accommodation_suitability", ("yes", "no", "", ""))
    return {
        "children": _children(),
        "contacts": f"""
            SELECT {event_id('contacts', 'child_id', 'contact_date', seq=True)} AS contact_id, child_id,
                   contact_date, {_contact_source()} AS source, {_src('list_1')}
            FROM annex_a.list_1""",
        "early_help_episodes": f"""
            SELECT {event_id('early_help_episodes', 'child_id', 'assessment_start_date', seq=True)} AS episode_id,
                   child_id, assessment_start_date AS start_date, {_src('list_2')}
            FROM annex_a.list_2""",
        "referrals": f"""
            SELECT {event_id('referrals', 'child_id', 'referral_date')} AS referral_id, child_id,
                   referral_date, referral_source_code AS source, referral_nfa AS nfa, {_src('list_3')}
            FROM annex_a.list_3
            UNION ALL BY NAME
            SELECT {event_id('referrals', 'child_id', 'cin_start_date')} AS referral_id, child_id,
                   cin_start_date AS referral_date,
                   CASE WHEN EXISTS (SELECT 1 FROM annex_a.list_3 x WHERE x.child_id = t.child_id
                                     AND x.referral_date = t.cin_start_date) THEN NULL ELSE false END AS nfa,
                   primary_need_code AS primary_need, cin_closure_date AS closure_date,
                   coalesce(closure_reason_code, CASE WHEN cin_closure_date IS NOT NULL THEN
                            {_case('closure_reason', {k: v for k, v in closure_first.items() if k.startswith('h)')})}
                            END) AS closure_reason, {_src('list_6')}
            FROM annex_a.list_6 t""",
        "assessments": _with_referral("list_4", "assessment_start_date", f"""
                   {event_id('assessments', 't.child_id', 't.assessment_start_date')} AS assessment_id,
                   t.child_id, t.assessment_start_date AS start_date, t.assessment_authorised_date AS authorised_date,
                   t.child_seen, {_outcome()} AS outcome, t._file, t._row, t._year, 'annex_a.list_4' AS _src"""),
        "section47": _with_referral("list_5", "s47_start_date", f"""
                   {event_id('section47', 't.child_id', 't.s47_start_date')} AS s47_id, t.child_id,
                   t.s47_start_date AS strategy_discussion_date, t.s47_start_date AS start_date, t.icpc_date,
                   CASE WHEN t.icpc_date IS NOT NULL THEN 'icpc' END AS outcome,
                   t._file, t._row, t._year, 'annex_a.list_5' AS _src"""),
        "cp_plans": _with_referral("list_7", "cp_start_date", f"""
                   {event_id('cp_plans', 't.child_id', 't.cp_start_date')} AS plan_id, t.child_id,
                   t.cp_start_date AS start_date, t.cp_end_date AS end_date,
                   t.initial_category_code AS initial_category, t.latest_category_code AS latest_category,
                   CASE WHEN t.latest_review_date IS NULL THEN []::DATE[] ELSE [t.latest_review_date] END
                       AS review_dates, t._file, t._row, t._year, 'annex_a.list_7' AS _src"""),
        "permanence": f"""
            SELECT {event_id('permanence', 'child_id', 'adoption_decision_date')} AS permanence_id, child_id,
                   'adoption' AS route, adoption_decision_date AS decision_date, placement_order_date,
                   matched_date, placed_date,
                   CASE WHEN adoption_order_date IS NOT NULL THEN 'adoption' END AS order_type,
                   adoption_order_date AS order_date, decision_reversed_date, reversed_reason_code AS reversed_reason,
                   {_src('list_10')}
            FROM annex_a.list_10""",
        "cla_snapshots": f"""
            SELECT child_id, period_end AS as_at, cla_start_date, uasc, category_of_need_code AS category_of_need,
                   second_period_12m, legal_status_start_date, legal_status_code AS legal_status,
                   latest_review_date, last_visit_date,
                   {_case('permanence_plan', _groups('permanence_plan', PERMANENCE_PLAN))} AS permanence_plan,
                   last_iro_contact_date, last_health_assessment_date, last_dental_check_date, placements_12m,
                   cla_end_date, reason_ceased_code AS reason_ceased, placement_start_date,
                   placement_type_code AS placement_type, placement_provider_code AS placement_provider,
                   placement_postcode, placement_urn,
                   {_case('placement_location', location)} = 'out' AS placement_out_of_area, placement_la,
                   missing_12m, absent_12m, return_interview_offered, return_interview_accepted, {_src('list_8')}
            FROM annex_a.list_8""",
        "care_leaver_snapshots": f"""
            SELECT child_id, period_end AS as_at, uasc,
                   {_case('eligibility', _groups('eligibility', CARE_LEAVER_ELIGIBILITY))} AS eligibility,
                   pathway_plan_review_date, in_touch_code AS in_touch, latest_contact_date,
                   accommodation_code AS accommodation_type,
                   CASE {_case('accommodation_suitability', suitable)} WHEN 'yes' THEN true WHEN 'no' THEN false END
                       AS accommodation_suitable,
                   activity_code AS activity, {_src('list_9')}
            FROM annex_a.list_9""",
        "adopter_snapshots": f"""
            SELECT adopter_id, getvariable('council_id') AS council_id, period_end AS as_at, family_id,
                   gender_code AS sex, ethnicity_code AS ethnicity, disability, fostering_for_adoption, enquiry_date,
                   stage1_start_date, stage1_end_date, stage2_start_date, stage2_end_date, application_date,
                   approved_date, matched_date, placed_date, children_placed, adoption_order_date, left_date,
                   {_case('left_reason', _groups('left_reason', ADOPTER_LEFT_REASON))} AS left_reason,
                   {_src('list_11')}
            FROM annex_a.list_11""",
    }
