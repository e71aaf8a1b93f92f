"""CIN census staging tables -> canonical tables. Every staged row is a candidate in at least one table.

The census has no identifiers below the child: a referral is its child and CINreferralDate, an assessment
its child and start date, and so on (``returns/keys.py``); nested records find their referral through
their CINdetails (LAchildID, CINdetailsID within the file).
"""

from __future__ import annotations

from casewatch.returns.keys import event_id

SEX = "CASE Sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' WHEN '0' THEN 'U' WHEN '9' THEN 'U' ELSE Sex END"
# joined on the <Child> line (_row) as well as LAchildID, so a child written twice in a file cannot make the
# subquery return two rows
REFERRAL = (f"(SELECT {event_id('referrals', 'd.LAchildID', 'd.CINreferralDate')} FROM cin.cin_details d "
            "WHERE d._file = t._file AND d._row = t._row AND d.LAchildID IS NOT DISTINCT FROM t.LAchildID "
            "AND d.CINdetailsID = t.CINdetailsID)")
# disability as the DfE means it: any code other than NONE; false if only NONE; NULL if no <Disability>
DISABLED = ("(SELECT bool_or(x.Disability <> 'NONE') FROM cin.disability x "
            "WHERE x._file = {t}._file AND x._row = {t}._row)")


def _src(table: str) -> str:
    return f"_file, _row, _line, _year, 'cin.{table}' AS _src"


def to_model() -> dict[str, str]:
    return {
        # every <Child>, and a candidate from each child's first <Disability> (child_id + disability), which
        # the loader merges with the child's row by key
        "children": f"""
            SELECT LAchildID AS child_id, getvariable('council_id') AS council_id,
                   coalesce(PersonBirthDate, ExpectedPersonBirthDate) AS date_of_birth,
                   {SEX} AS sex, Ethnicity AS ethnicity, {DISABLED.format(t='c')} AS disability,
                   _file, _row, NULL::BIGINT AS _line, _year, 'cin.child' AS _src
            FROM cin.child c
            UNION ALL BY NAME
            SELECT LAchildID AS child_id, {DISABLED.format(t='x1')} AS disability,
                   _file, _row, _line, _year, 'cin.disability' AS _src
            FROM cin.disability x1
            QUALIFY row_number() OVER (PARTITION BY _file, LAchildID ORDER BY _line) = 1""",
        # The loader refuses a second candidate with the same key from the same file and staging table as a
        # duplicate, so a child's other <Disability> rows cannot be candidates of their own: they are folded
        # into the child's row (its disability above says whether any of them is other than NONE).
        "_folded": """
            SELECT _file, _row, _line, 'cin.disability' AS _src FROM cin.disability
            QUALIFY row_number() OVER (PARTITION BY _file, LAchildID ORDER BY _line) > 1
            UNION ALL
            SELECT _file, _row, NULL::BIGINT AS _line, 'cin.header' AS _src FROM cin.header""",
        "referrals": f"""
            SELECT {event_id('referrals', 'LAchildID', 'CINreferralDate')} AS referral_id, LAchildID AS child_id,
                   CINreferralDate AS referral_date, ReferralSource AS source, ReferralNFA AS nfa,
                   PrimaryNeedCode AS primary_need, CINclosureDate AS closure_date,
                   ReasonForClosure AS closure_reason, {_src('cin_details')}
            FROM cin.cin_details""",
        "assessments": f"""
            SELECT {event_id('assessments', 'LAchildID', 'AssessmentActualStartDate')} AS assessment_id,
                   {REFERRAL} AS referral_id, LAchildID AS child_id, AssessmentActualStartDate AS start_date,
                   AssessmentAuthorisationDate AS authorised_date, {_src('assessments')}
            FROM cin.assessments t""",
        "section47": f"""
            SELECT {event_id('section47', 'LAchildID', 'S47ActualStartDate')} AS s47_id, {REFERRAL} AS referral_id,
                   LAchildID AS child_id, S47ActualStartDate AS start_date, DateOfInitialCPC AS icpc_date,
                   CASE WHEN DateOfInitialCPC IS NOT NULL THEN 'icpc' END AS outcome, {_src('section47')}
            FROM cin.section47 t""",
        "cin_plans": f"""
            SELECT {event_id('cin_plans', 'LAchildID', 'CINPlanStartDate')} AS plan_id, {REFERRAL} AS referral_id,
                   LAchildID AS child_id, CINPlanStartDate AS start_date, CINPlanEndDate AS end_date,
                   {_src('cin_plans')}
            FROM cin.cin_plans t""",
        "cp_plans": f"""
            SELECT {event_id('cp_plans', 'LAchildID', 'CPPstartDate')} AS plan_id, {REFERRAL} AS referral_id,
                   LAchildID AS child_id, CPPstartDate AS start_date, CPPendDate AS end_date,
                   InitialCategoryOfAbuse AS initial_category, LatestCategoryOfAbuse AS latest_category,
                   coalesce(list_sort(CPPreviewDate), []::DATE[]) AS review_dates, {_src('cp_plans')}
            FROM cin.cp_plans t""",
    }
