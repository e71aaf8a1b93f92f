"""Annex A -> canonical tables. Annex A codes are Ofsted's groups, coarser than the DfE's codes: where a
label carries the DfE code ('q) 6: Police', 'a) WBRI') that code is used; otherwise the group's first DfE
code (source 'a) Individual' -> 1A) or, for ethnicity, nothing (a group is not a code). Lists 8, 9 and 11
(snapshots of children in care, care leavers and adopters) have no canonical table yet: their rows are
quarantined as CW-MAP, never silently dropped.
"""

from __future__ import annotations

from casewatch.model.codes import ETHNICITY
from casewatch.model.schema import quote_list
from casewatch.returns.keys import event_id

SOURCE = ("coalesce(nullif(regexp_extract({c}, '(^|[^0-9A-Z])(1[A-D]|2[AB]|3[A-F]|5[A-D]|10|[46789])(:|$| )', 2), ''), "
          "CASE lower(left({c}, 2)) WHEN 'a)' THEN '1A' WHEN 'b)' THEN '2A' WHEN 'c)' THEN '2B' WHEN 'd)' THEN '3A' "
          "WHEN 'e)' THEN '4' WHEN 'f)' THEN '5A' WHEN 'g)' THEN '6' WHEN 'h)' THEN '7' WHEN 'i)' THEN '8' "
          "WHEN 'j)' THEN '9' WHEN 'k)' THEN '10' END)")
SEX = "CASE left(gender, 2) WHEN 'a)' THEN 'M' WHEN 'b)' THEN 'F' WHEN 'c)' THEN 'U' WHEN 'd)' THEN 'U' END"
ETHNIC = (f"CASE WHEN regexp_extract(upper(ethnicity), '([A-Z]{{4}})', 1) IN ({quote_list(ETHNICITY)}) "
          "THEN regexp_extract(upper(ethnicity), '([A-Z]{4})', 1) END")
YES = "CASE WHEN lower({c}) IN ('true', 'a) yes', 'yes', 'y', '1') THEN true WHEN lower({c}) IN ('false', 'b) no', 'no', 'n', '0') THEN false END"
NEED = ("CASE left(primary_need_code, 2) WHEN 'a)' THEN 'N1' WHEN 'b)' THEN 'N2' WHEN 'c)' THEN 'N3' WHEN 'd)' "
        "THEN 'N4' WHEN 'e)' THEN 'N5' WHEN 'f)' THEN 'N6' WHEN 'g)' THEN 'N7' WHEN 'h)' THEN 'N8' WHEN 'i)' THEN 'N9' "
        "WHEN 'j)' THEN 'N0' END")
CLOSURE = ("CASE left(reason_for_closure, 2) WHEN 'a)' THEN 'RC1' WHEN 'b)' THEN 'RC2' WHEN 'c)' THEN 'RC3' "
           "WHEN 'd)' THEN 'RC4' WHEN 'e)' THEN 'RC5' WHEN 'f)' THEN 'RC6' WHEN 'g)' THEN 'RC7' WHEN 'h)' THEN 'RC8' END")
CAT = "CASE left({c}, 2) WHEN 'a)' THEN 'NEG' WHEN 'b)' THEN 'PHY' WHEN 'c)' THEN 'SAB' WHEN 'd)' THEN 'EMO' WHEN 'e)' THEN 'MUL' END"
CHILD = "child_unique_id"


def _src(lst: str) -> str:
    return f"_file, _row, _year, 'annex_a.{lst}' AS _src"


def _referral(date: str) -> str:
    """The child's referral (list 3 or 6, same workbook) open on ``date``: the latest on or before it."""
    return f"""(SELECT {event_id('referrals', 'r.c', 'r.d')} FROM (
                  SELECT {CHILD} AS c, date_of_referral AS d, _file AS f FROM annex_a.list_3
                  UNION SELECT {CHILD}, cin_start_date, _file FROM annex_a.list_6) r
                WHERE r.f = t._file AND r.c = t.{CHILD} AND r.d <= t.{date} ORDER BY r.d DESC LIMIT 1)"""


def to_model() -> dict[str, str]:
    children = " UNION ALL ".join(
        f"SELECT {CHILD}, gender, ethnicity, date_of_birth, _file, _row FROM annex_a.list_{n}" for n in range(1, 11))
    return {
        "children": f"""
            SELECT {CHILD} AS child_id, getvariable('council_id') AS council_id, date_of_birth, {SEX} AS sex,
                   {ETHNIC} AS ethnicity, _file, min(_row) AS _row, 0 AS _year, 'casewatch.annex_a_child' AS _src
            FROM ({children}) GROUP BY ALL""",
        "contacts": f"""
            SELECT {event_id('contacts', CHILD, 'date_of_contact', seq=True)} AS contact_id, {CHILD} AS child_id,
                   date_of_contact AS contact_date, {SOURCE.format(c='contact_source')} AS source, {_src('list_1')}
            FROM annex_a.list_1""",
        "early_help_episodes": f"""
            SELECT {event_id('early_help_episodes', CHILD, 'assessment_start_date', seq=True)} AS episode_id,
                   {CHILD} AS child_id, assessment_start_date AS start_date, assessment_completion_date AS end_date,
                   CASE WHEN assessment_completion_date IS NOT NULL THEN 'needs_met' END AS outcome, {_src('list_2')}
            FROM annex_a.list_2""",
        "referrals": f"""
            SELECT {event_id('referrals', CHILD, 'date_of_referral')} AS referral_id, {CHILD} AS child_id,
                   date_of_referral AS referral_date, {SOURCE.format(c='referral_source')} AS source,
                   {YES.format(c='referral_nfa')} AS nfa, {_src('list_3')}
            FROM annex_a.list_3
            UNION ALL BY NAME
            SELECT {event_id('referrals', CHILD, 'cin_start_date')} AS referral_id, {CHILD} AS child_id,
                   cin_start_date AS referral_date, false AS nfa, {NEED} AS primary_need, cin_closure_date AS closure_date,
                   {CLOSURE} AS closure_reason, {_src('list_6')}
            FROM annex_a.list_6""",
        "assessments": f"""
            SELECT {event_id('assessments', CHILD, 'continuous_assessment_start_date')} AS assessment_id,
                   {_referral('continuous_assessment_start_date')} AS referral_id, {CHILD} AS child_id,
                   continuous_assessment_start_date AS start_date,
                   continuous_assessment_date_of_authorisation AS authorised_date,
                   {YES.format(c='child_seen_during_continuous_assessment')} AS child_seen, {_src('list_4')}
            FROM annex_a.list_4 t""",
        "section47": f"""
            SELECT {event_id('section47', CHILD, 'strategy_discussion_initiating_section_47_enquiry_start_date')}
                       AS s47_id,
                   {_referral('strategy_discussion_initiating_section_47_enquiry_start_date')} AS referral_id,
                   {CHILD} AS child_id,
                   strategy_discussion_initiating_section_47_enquiry_start_date AS strategy_discussion_date,
                   strategy_discussion_initiating_section_47_enquiry_start_date AS start_date,
                   date_of_initial_child_protection_conference AS icpc_date,
                   CASE WHEN date_of_initial_child_protection_conference IS NOT NULL THEN 'icpc' END AS outcome,
                   {_src('list_5')}
            FROM annex_a.list_5 t""",
        "cp_plans": f"""
            SELECT {event_id('cp_plans', CHILD, 'child_protection_plan_start_date')} AS plan_id,
                   {_referral('child_protection_plan_start_date')} AS referral_id, {CHILD} AS child_id,
                   child_protection_plan_start_date AS start_date, child_protection_plan_end_date AS end_date,
                   {CAT.format(c='initial_category_of_abuse')} AS initial_category,
                   {CAT.format(c='latest_category_of_abuse')} AS latest_category,
                   CASE WHEN date_of_latest_review_conference IS NULL THEN []::DATE[]
                        ELSE [date_of_latest_review_conference] END AS review_dates, {_src('list_7')}
            FROM annex_a.list_7 t""",
        "permanence": f"""
            SELECT {event_id('permanence', CHILD, 'date_of_decision_that_child_should_be_placed_for_adoption')}
                       AS permanence_id, {CHILD} AS child_id, 'adoption' AS route,
                   date_of_decision_that_child_should_be_placed_for_adoption AS decision_date,
                   date_of_placement_order AS placement_order_date,
                   date_of_matching_child_and_prospective_adopters AS matched_date,
                   date_placed_for_adoption AS placed_date,
                   CASE WHEN date_of_adoption_order IS NOT NULL THEN 'adoption' END AS order_type,
                   date_of_adoption_order AS order_date,
                   date_of_decision_that_child_should_no_longer_be_placed_for_a AS decision_reversed_date,
                   {_src('list_10')}
            FROM annex_a.list_10""",
    }
