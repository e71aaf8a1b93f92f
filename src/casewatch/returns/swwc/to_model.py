"""Workforce census staging -> workers, workforce_census, vacancies. Every staged row is a candidate.

- The census date is 30 September of the file's census year (``_year``).
- Workers keep their SWE registration number (``SWENo``) as ``worker_id``, the ID the 903 and a CMS extract
  use for the same person. ``council_id`` is the council the load is for: the pipeline sets it from the
  files' ``<LEA>`` (or ``--council``), so one council's census and CMS extract name one council.
- OrgRole -> casewatch role (model/codes.py WORKER_ROLE): 3 first line manager -> team_manager; 4 senior
  practitioner -> senior_social_worker; 5 case holder -> social_worker; 1 senior manager, 2 middle manager and
  6 qualified without cases -> NULL (casewatch has no role for them: a manager above a team, or a qualified
  worker who holds no cases, is neither a team manager nor a case holder). The code itself is kept in
  ``workforce_census.org_role``.
- FTE: ``FTE``, else ``FTE30``; 0 (as leavers are often written) is unknown, not zero.
- ``asye`` is true when ``CFKSSstatus`` says ASYE (1), otherwise unknown: the census does not say a worker
  is not in their ASYE year.
- ``RoleStartDate``/``RoleEndDate`` are the worker's start and end dates as the census gives them.
"""

from __future__ import annotations

ROLE = "CASE OrgRole WHEN '3' THEN 'team_manager' WHEN '4' THEN 'senior_social_worker' WHEN '5' THEN 'social_worker' END"
FTE = "coalesce(CASE WHEN FTE > 0 THEN FTE END, CASE WHEN FTE30 > 0 THEN FTE30 END)"
CENSUS_DATE = "make_date(_year, 9, 30)"


def _src(table: str) -> str:
    return f"_file, _row, _year, 'swwc.{table}' AS _src"


def to_model() -> dict[str, str]:
    return {
        "workers": f"""
            SELECT SWENo AS worker_id, getvariable('council_id') AS council_id, {ROLE} AS role, {FTE} AS fte,
                   AgencyWorker AS agency, CASE WHEN list_contains(CFKSSstatus, '1') THEN true END AS asye,
                   RoleStartDate AS start_date, RoleEndDate AS end_date, {_src('worker')}
            FROM swwc.worker""",
        "workforce_census": f"""
            SELECT SWENo AS worker_id, {CENSUS_DATE} AS census_date, AgencyWorker AS agency,
                   FTE30 AS fte_30_sep, Cases30 AS cases_30_sep, WorkingDaysLost AS working_days_lost,
                   Absat30Sept AS absent_30_sep, ReasonAbsence[1] AS absence_reason, OrgRole AS org_role,
                   RoleStartDate AS role_start_date, RoleEndDate AS role_end_date, ReasonLeave AS reason_leaving,
                   LeaverDestination AS leaver_destination, StartOrigin AS start_origin, {_src('worker')}
            FROM swwc.worker""",
        "vacancies": f"""
            SELECT getvariable('council_id') AS council_id, {CENSUS_DATE} AS census_date,
                   NumberOfVacancies AS vacancies_fte, NoAgencyFTE AS agency_fte,
                   NoAgencyHeadcount AS agency_headcount, {_src('vacancies')}
            FROM swwc.vacancies""",
    }
