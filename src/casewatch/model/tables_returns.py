"""Canonical tables for facts only the statutory returns hold: health of children in care, previous
permanence, adopters, the workforce census's snapshot at 30 September and its vacancies."""

from casewatch.model.schema import Column as C
from casewatch.model.schema import RowCheck, Table

CHILD = C("child_id", "VARCHAR", "Child.", references="children.child_id")


def _flag(name: str, doc: str) -> C:
    return C(name, "BOOLEAN", doc, required=False)


CLA_HEALTH = Table(
    "cla_health",
    "Outcomes for children continuously looked after for 12 months at 31 March (903 OC2).",
    (
        CHILD,
        C("year_ending", "DATE", "31 March of the collection year the outcomes describe."),
        C("sdq_score", "INTEGER", "903 SDQ_SCORE: strengths and difficulties total, 0-40.", required=False,
          check="{c} BETWEEN 0 AND 40", check_doc="SDQ score must be 0-40"),
        C("sdq_reason", "VARCHAR", "903 SDQ_REASON: why no SDQ score (SDQ1-SDQ5).", required=False),
        _flag("convicted", "903 CONVICTED: convicted or subject to a youth caution during the year."),
        _flag("health_check", "903 HEALTH_CHECK: health surveillance checks up to date (under 5s)."),
        _flag("immunisations", "903 IMMUNISATIONS: immunisations up to date."),
        _flag("teeth_check", "903 TEETH_CHECK: dental check in the year."),
        _flag("health_assessment", "903 HEALTH_ASSESSMENT: annual health assessment."),
        _flag("substance_misuse", "903 SUBSTANCE_MISUSE: identified as having a substance misuse problem."),
        _flag("intervention_received", "903 INTERVENTION_RECEIVED: received an intervention for it."),
        _flag("intervention_offered", "903 INTERVENTION_OFFERED: offered an intervention and refused."),
    ),
    ("child_id", "year_ending"),
)

PREVIOUS_PERMANENCE = Table(
    "previous_permanence",
    "Permanence a child had before this period of care (903 PrevPerm): adoption, SGO or CAO/RO, which "
    "council arranged it and when. The 903 allows unknown parts of the date ('zz/zz/2015'), kept as written.",
    (
        CHILD,
        C("prev_perm", "VARCHAR", "903 PREV_PERM: P1 adoption, P2 SGO, P3 residence/child arrangements order, "
          "P4 ... Z1 none or not known."),
        C("la_perm", "VARCHAR", "903 LA_PERM: council that arranged it.", required=False),
        C("date_perm", "VARCHAR", "903 DATE_PERM as written (may hold zz for unknown parts).", required=False),
    ),
    ("child_id",),
)

ADOPTERS = Table(
    "adopters",
    "Who adopted a child (903 AD1), for each adoption.",
    (
        CHILD,
        C("placed_date", "DATE", "903 DATE_INT: placed with the adopters."),
        C("matched_date", "DATE", "903 DATE_MATCH: matched with the adopters.", required=False),
        _flag("fostered_first", "903 FOSTER_CARE: the adopters were the child's foster carers."),
        C("adopter_count", "INTEGER", "903 NB_ADOPTR: 1 or 2.", required=False, check="{c} BETWEEN 1 AND 2",
          check_doc="number of adopters must be 1 or 2"),
        C("adopter_sex", "VARCHAR", "903 SEX_ADOPTR: M1, F1, MM, FF, MF.", required=False),
        C("adopter_legal_status", "VARCHAR", "903 LS_ADOPTR: L0, L11, L12, L2, L3, L4.", required=False),
    ),
    ("child_id", "placed_date"),
)

WORKFORCE_CENSUS = Table(
    "workforce_census",
    "Each worker's record in the children's social work workforce census (snapshot at 30 September, "
    "starters and leavers over the year to then).",
    (
        C("worker_id", "VARCHAR", "Worker (SWE registration number).", references="workers.worker_id"),
        C("census_date", "DATE", "30 September of the census."),
        C("agency", "BOOLEAN", "AgencyWorker."),
        C("fte_30_sep", "DOUBLE", "FTE30: FTE at 30 September.", required=False),
        C("cases_30_sep", "INTEGER", "Cases30: cases held at 30 September.", required=False, check="{c} >= 0"),
        C("working_days_lost", "DOUBLE", "WorkingDaysLost to sickness in the year.", required=False),
        _flag("absent_30_sep", "Absat30Sept: absent at 30 September."),
        C("absence_reason", "VARCHAR", "ReasonAbsence code.", required=False),
        C("org_role", "VARCHAR", "OrgRole code as in the census.", required=False),
        C("role_start_date", "DATE", "RoleStartDate.", required=False),
        C("role_end_date", "DATE", "RoleEndDate (leavers).", required=False),
        C("reason_leaving", "VARCHAR", "ReasonLeave code.", required=False),
        C("leaver_destination", "VARCHAR", "LeaverDestination code.", required=False),
        C("start_origin", "VARCHAR", "StartOrigin code.", required=False),
    ),
    ("worker_id", "census_date"),
    (RowCheck("role_end_date IS NULL OR role_start_date IS NULL OR role_end_date >= role_start_date",
              "role_end_date is before role_start_date"),),
)

VACANCIES = Table(
    "vacancies",
    "Council-level vacancies and agency cover at 30 September (workforce census LALevelVacancies).",
    (
        C("council_id", "VARCHAR", "Local authority.", references="councils.council_id"),
        C("census_date", "DATE", "30 September of the census."),
        C("vacancies_fte", "DOUBLE", "NumberOfVacancies (FTE).", check="{c} >= 0"),
        C("agency_fte", "DOUBLE", "NoAgencyFTE: agency workers covering vacancies, FTE.", check="{c} >= 0"),
        C("agency_headcount", "INTEGER", "NoAgencyHeadcount.", check="{c} >= 0"),
    ),
    ("council_id", "census_date"),
)
