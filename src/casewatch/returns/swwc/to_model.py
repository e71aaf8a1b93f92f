"""Workforce census -> workers, workforce_census, vacancies. The census year's 30 September is the census date.

OrgRole to casewatch roles: 1-3 (senior, middle, first-line manager) -> team_manager; 4 (senior practitioner)
-> senior_social_worker; 5 (case holder) and 6 (qualified, without cases) -> social_worker.
"""

from __future__ import annotations

ROLE = ("CASE OrgRole WHEN '1' THEN 'team_manager' WHEN '2' THEN 'team_manager' WHEN '3' THEN 'team_manager' "
        "WHEN '4' THEN 'senior_social_worker' WHEN '5' THEN 'social_worker' WHEN '6' THEN 'social_worker' END")
SRC = "_file, _row, _year, 'swwc.worker' AS _src"


def to_model() -> dict[str, str]:
    return {
        "workers": f"""
            SELECT SWENo AS worker_id, getvariable('council_id') AS council_id, {ROLE} AS role,
                   CASE WHEN FTE > 0 THEN FTE END AS fte, AgencyWorker = '1' AS agency, RoleStartDate AS start_date,
                   RoleEndDate AS end_date, {SRC}
            FROM swwc.worker""",
        "workforce_census": f"""
            SELECT SWENo AS worker_id, make_date(_year, 9, 30) AS census_date, AgencyWorker = '1' AS agency,
                   FTE30 AS fte_30_sep, Cases30 AS cases_30_sep, WorkingDaysLost AS working_days_lost,
                   Absat30Sept = '1' AS absent_30_sep, ReasonAbsence AS absence_reason, OrgRole AS org_role,
                   RoleStartDate AS role_start_date, RoleEndDate AS role_end_date, ReasonLeave AS reason_leaving,
                   LeaverDestination AS leaver_destination, StartOrigin AS start_origin, {SRC}
            FROM swwc.worker""",
        "vacancies": """
            SELECT getvariable('council_id') AS council_id, make_date(_year, 9, 30) AS census_date,
                   NumberOfVacancies AS vacancies_fte, NoAgencyFTE AS agency_fte,
                   NoAgencyHeadcount AS agency_headcount, _file, _row, _year, 'swwc.vacancies' AS _src
            FROM swwc.vacancies""",
    }
