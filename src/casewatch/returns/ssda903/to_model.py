"""SSDA903 staging tables -> canonical tables. Every staged row is a candidate in at least one table.

Identifiers are natural keys (``returns/keys.py``): an episode is its child and DECOM, so the same episode
in two years' files is one episode. The council is ``getvariable('council_id')`` (the 903 does not say).
"""

from __future__ import annotations

from casewatch.returns.keys import event_id

L = "_file, _row, _year"


def _src(table: str) -> str:
    return f"{L}, 'ssda903.{table}' AS _src"


def _flag(col: str) -> str:
    return f"CASE {col} WHEN '1' THEN true WHEN '0' THEN false END"


SEX = "CASE SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE SEX END"
# OC3 describes the birthday (17th to 21st) that falls in the collection year (1 April to 31 March)
AGE = "(_year - year(DOB) - CASE WHEN DOB + to_years(_year - year(DOB)) > make_date(_year, 3, 31) THEN 1 ELSE 0 END)"
# An allocation ends for the reason the 903 gives on the child's NEXT social worker episode (SW_REASON is why the
# child changed to that worker): the mirror of write.py. TSPROC, a transfer in the council's process, is a step up
# into care when a period of care began that day, a step down when one ended, otherwise a move between teams.
END_REASON = """CASE WHEN SW_DEC IS NULL THEN NULL
         WHEN next_reason = 'FCONTA' THEN 'case_closed'
         WHEN next_reason IN ('LEFTRL', 'SWDIED') THEN 'worker_left'
         WHEN next_reason = 'MANAGE' THEN 'caseload_balancing'
         WHEN next_reason = 'TSPROC' AND EXISTS (SELECT 1 FROM ssda903.episodes x WHERE x.CHILD = sw.CHILD
              AND x.DECOM = sw.SW_DEC AND x.RNE = 'S') THEN 'step_up'
         WHEN next_reason = 'TSPROC' AND EXISTS (SELECT 1 FROM ssda903.episodes x WHERE x.CHILD = sw.CHILD
              AND x.DEC = sw.SW_DEC AND coalesce(x.REC, '') <> 'X1') THEN 'step_down'
         WHEN next_reason IN ('TSPROC', 'ORGRST') THEN 'team_transfer'
         ELSE 'other' END"""
# DUC is the date UASC status ceases, given in advance while the child is still UASC (the 18th birthday); the
# model's uasc_ceased is the day it did cease, so a DUC after the file's 31 March is not yet an event
DUC = "CASE WHEN _year IS NULL OR DUC <= make_date(_year, 3, 31) THEN DUC END"


def to_model() -> dict[str, str]:
    return {
        "workers": """
            SELECT SW_ID AS worker_id, getvariable('council_id') AS council_id, min(SW_DECOM) AS start_date,
                   _file, min(_row) AS _row, 0 AS _year, 'casewatch.worker_from_903' AS _src
            FROM ssda903.social_worker GROUP BY SW_ID, _file""",
        "children": f"""
            SELECT CHILD AS child_id, getvariable('council_id') AS council_id, DOB AS date_of_birth, {SEX} AS sex,
                   ETHNIC AS ethnicity, {_src('header')}
            FROM ssda903.header
            UNION ALL BY NAME
            SELECT CHILD AS child_id, getvariable('council_id') AS council_id, DOB AS date_of_birth, {SEX} AS sex,
                   true AS uasc, {DUC} AS uasc_ceased, {_src('uasc')}
            FROM ssda903.uasc""",
        "cla_episodes": f"""
            SELECT {event_id('cla_episodes', 'CHILD', 'DECOM')} AS episode_id, CHILD AS child_id, DECOM AS decom,
                   RNE AS rne, LS AS legal_status, CIN AS cin, PLACE AS place, PLACE_PROVIDER AS place_provider,
                   DEC AS dec, REC AS rec, REASON_PLACE_CHANGE AS reason_place_change, HOME_POST AS home_postcode,
                   PL_POST AS placement_postcode, URN AS urn, {_src('episodes')}
            FROM ssda903.episodes""",
        "cla_reviews": f"""
            SELECT {event_id('cla_reviews', 'CHILD', 'REVIEW')} AS review_id, CHILD AS child_id,
                   REVIEW AS review_date, REVIEW_CODE AS participation, {_src('reviews')}
            FROM ssda903.reviews""",
        "missing_episodes": f"""
            SELECT {event_id('missing_episodes', 'CHILD', 'MIS_START')} AS missing_id, CHILD AS child_id,
                   MISSING AS kind, MIS_START AS start_date, MIS_END AS end_date, {_src('missing')}
            FROM ssda903.missing""",
        "care_leavers": f"""
            SELECT CHILD AS child_id, DOB + to_years({AGE}) AS birthday, {AGE} AS age, IN_TOUCH AS in_touch,
                   ACTIV AS activity, ACCOM AS accommodation, {_src('oc3')}
            FROM ssda903.oc3""",
        "cla_health": f"""
            SELECT CHILD AS child_id, make_date(_year, 3, 31) AS year_ending, SDQ_SCORE AS sdq_score,
                   SDQ_REASON AS sdq_reason, {_flag('CONVICTED')} AS convicted,
                   {_flag('HEALTH_CHECK')} AS health_check, {_flag('IMMUNISATIONS')} AS immunisations,
                   {_flag('TEETH_CHECK')} AS teeth_check, {_flag('HEALTH_ASSESSMENT')} AS health_assessment,
                   {_flag('SUBSTANCE_MISUSE')} AS substance_misuse,
                   {_flag('INTERVENTION_RECEIVED')} AS intervention_received,
                   {_flag('INTERVENTION_OFFERED')} AS intervention_offered, {_src('oc2')}
            FROM ssda903.oc2""",
        "previous_permanence": f"""
            SELECT CHILD AS child_id, PREV_PERM AS prev_perm, LA_PERM AS la_perm, DATE_PERM AS date_perm,
                   {_src('prev_perm')}
            FROM ssda903.prev_perm""",
        "adopters": f"""
            SELECT CHILD AS child_id, DATE_INT AS placed_date, DATE_MATCH AS matched_date,
                   {_flag('FOSTER_CARE')} AS fostered_first, NB_ADOPTR AS adopter_count,
                   SEX_ADOPTR AS adopter_sex, LS_ADOPTR AS adopter_legal_status, {_src('ad1')}
            FROM ssda903.ad1""",
        "permanence": f"""
            SELECT {event_id('permanence', 'CHILD', 'DATE_PLACED')} AS permanence_id, CHILD AS child_id,
                   'adoption' AS route, DATE_PLACED AS decision_date, DATE_PLACED_CEASED AS decision_reversed_date,
                   REASON_PLACED_CEASED AS reversed_reason, {_src('placed_adoption')}
            FROM ssda903.placed_adoption""",
        "allocations": f"""
            WITH sw AS (SELECT * FROM ssda903.social_worker),
            nxt AS (  -- each episode (once, however many years' files hold it) and the reason for the next one
                SELECT CHILD, SW_DECOM, lead(SW_REASON) OVER (PARTITION BY CHILD ORDER BY SW_DECOM) AS next_reason
                FROM (SELECT CHILD, SW_DECOM, arg_max(SW_REASON, coalesce(_year, 0)) AS SW_REASON FROM sw
                      WHERE CHILD IS NOT NULL AND SW_DECOM IS NOT NULL GROUP BY CHILD, SW_DECOM))
            SELECT {event_id('allocations', 'CHILD', 'SW_DECOM', seq=True)} AS allocation_id, CHILD AS child_id,
                   SW_ID AS worker_id, SW_DECOM AS start_date, SW_DEC AS end_date, {END_REASON} AS end_reason,
                   {_src('social_worker')}
            FROM sw LEFT JOIN nxt USING (CHILD, SW_DECOM)""",
        # Deprivation of liberty orders (2026-27 on) are validated (rules 700-710) but the canonical model has no
        # table for them yet: each row is accounted for as read and checked, not as a record of its own.
        "_folded": """
            SELECT _file, _row, NULL::BIGINT AS _line, 'ssda903.dolo' AS _src FROM ssda903.dolo""",
    }
