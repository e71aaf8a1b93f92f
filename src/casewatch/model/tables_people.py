"""Canonical tables about the council, its population, workforce and children, and who works with whom."""

from casewatch.model import codes
from casewatch.model.schema import Column as C
from casewatch.model.schema import RowCheck, Table

ENDS_AFTER_START = "end_date IS NULL OR end_date >= start_date"

COUNCILS = Table(
    "councils",
    "One row per local authority in this database (one, or several for a regional pool).",
    (
        C("council_id", "VARCHAR", "Local authority code (DfE 3-digit LA code, or a synthetic code such as X01)."),
        C("name", "VARCHAR", "Council name as published."),
        C("region", "VARCHAR", "Government office region.", required=False),
        C("data_to", "DATE", "The date the data runs to (extract date or end of the collection year); figures "
          "for later dates cannot be known."),
        C("data_from", "DATE", "The first day the data covers completely (the start of the earliest collection "
          "year loaded of every return; of the simulated history for a synthetic council): an indicator that "
          "looks back before it says 'history too short'. NULL: not known.", required=False),
        C("la_code", "VARCHAR", "The DfE 3-digit LA number the council's figures are compared as (England, its "
          "statistical neighbours, its Ofsted history): its own, from the returns or the extract's council.csv; "
          "for a synthetic council the one chosen when it was made. NULL: not known.", required=False,
          check="regexp_full_match({c}, '[0-9][0-9][0-9]')", check_doc="a 3-digit DfE LA number"),
    ),
    ("council_id",),
)

POPULATION = Table(
    "population",
    "ONS mid-year population estimates of children by single year of age, the denominator of every "
    "per-10,000 rate. The DfE divides figures at 31 March of year Y by the mid-(Y-1) estimate.",
    (
        C("council_id", "VARCHAR", "Local authority.", references="councils.council_id"),
        C("mid_year", "INTEGER", "Year of the mid-year (30 June) estimate.", check="{c} BETWEEN 1990 AND 2100"),
        C("age", "INTEGER", "Age in completed years, 0-17.", check="{c} BETWEEN 0 AND 17"),
        C("children", "INTEGER", "Number of children of that age.", check="{c} >= 0"),
    ),
    ("council_id", "mid_year", "age"),
)

TEAMS = Table(
    "teams",
    "Social work teams. The service says which children a team works with.",
    (
        C("team_id", "VARCHAR", "Team identifier."),
        C("council_id", "VARCHAR", "Local authority.", references="councils.council_id"),
        C("name", "VARCHAR", "Team name as staff know it."),
        C("service", "VARCHAR", "Service the team belongs to.", codes=codes.TEAM_SERVICE),
        C("start_date", "DATE", "Date the team was formed (or the start of the data)."),
        C("end_date", "DATE", "Date the team was disbanded; NULL while it exists.", required=False),
    ),
    ("team_id",),
    (RowCheck(ENDS_AFTER_START, "end_date is before start_date"),),
)

WORKERS = Table(
    "workers",
    "Everyone who can hold cases or manage those who do, with employment dates. A post filled by three "
    "people in turn is three rows. DfE workforce census definitions of agency worker and FTE.",
    (
        C("worker_id", "VARCHAR", "Worker identifier (case management system user, or SWE registration)."),
        C("council_id", "VARCHAR", "Local authority.", references="councils.council_id"),
        C("team_id", "VARCHAR", "Team the worker belongs to; NULL when only the workforce census or the 903 "
          "names the worker.", required=False, references="teams.team_id"),
        C("role", "VARCHAR", "Role. Case holders are social workers, senior social workers and advanced "
          "practitioners. NULL when unknown (a worker named only in 903 SW episodes).", required=False,
          codes=codes.WORKER_ROLE),
        C("fte", "DECIMAL(3,2)", "Full-time equivalent, over 0 and at most 1.", check="{c} > 0 AND {c} <= 1",
          check_doc="FTE must be over 0 and at most 1", required=False),
        C("agency", "BOOLEAN", "Agency (locum) worker rather than employed by the council.", required=False),
        C("asye", "BOOLEAN", "Newly qualified social worker in the Assessed and Supported Year in Employment "
          "for the first 12 months after start_date (protected caseload).", required=False),
        C("start_date", "DATE", "First day working for the council in this post; NULL when unknown (a worker "
          "named only in 903 SW episodes).", required=False),
        C("end_date", "DATE", "Leaving date: the first day no longer in post (holds no cases from then); NULL "
          "if still in post.", required=False),
        C("name", "VARCHAR", "Name as colleagues know it, e.g. 'Amina Khan'. NULL when only the workforce census "
          "or the 903 names the worker (they carry no names).", required=False),
    ),
    ("worker_id",),
    (RowCheck(ENDS_AFTER_START, "end_date is before start_date"),),
)

CHILDREN = Table(
    "children",
    "One row per child known to children's social care (any contact, referral or service).",
    (
        C("child_id", "VARCHAR", "The council's child identifier (LA child ID in 903 and the CIN census)."),
        C("council_id", "VARCHAR", "Local authority.", references="councils.council_id"),
        C("date_of_birth", "DATE", "Date of birth.", key=False, check="{c} >= DATE '1980-01-01'",
          check_doc="date of birth before 1980"),
        C("sex", "VARCHAR", "M, F or U (unknown/indeterminate), as in the CIN census since 2017.",
          codes=codes.SEX),
        C("ethnicity", "VARCHAR", "DfE ethnicity code (WBRI, MWBC, ...); NULL when the only source gives a group "
          "(Annex A's 'a) White') rather than a code.", required=False, codes=codes.ETHNICITY),
        C("disability", "BOOLEAN", "Has a disability recorded (CIN census disability other than NONE); NULL "
          "when no source says.", required=False),
        C("uasc", "BOOLEAN", "Unaccompanied asylum-seeking child (903 UASC); NULL when no source says.",
          required=False),
        C("uasc_ceased", "DATE", "903 DUC: date the child ceased to be UASC (turned 18 or was granted leave).",
          required=False),
        C("family_id", "VARCHAR", "Sibling group: children sharing it are brothers and sisters.",
          required=False),
    ),
    ("child_id",),
)

ALLOCATIONS = Table(
    "allocations",
    "Which social worker (and team) holds a child's case from when to when. A change of social worker "
    "ends one row and starts another. Open at date d means start_date <= d < end_date (or no end).",
    (
        C("allocation_id", "VARCHAR", "Allocation identifier."),
        C("child_id", "VARCHAR", "Child.", references="children.child_id"),
        C("worker_id", "VARCHAR", "Allocated worker.", references="workers.worker_id"),
        C("team_id", "VARCHAR", "Team holding the case; NULL when the source does not say (903 SW episodes).",
          required=False, references="teams.team_id"),
        C("start_date", "DATE", "First day the worker holds the case."),
        C("end_date", "DATE", "Day the case passed on or closed; NULL while allocated.", required=False),
        C("end_reason", "VARCHAR", "Why the allocation ended.", required=False,
          codes=codes.ALLOCATION_END_REASON),
    ),
    ("allocation_id",),
    (
        RowCheck("end_date IS NULL OR end_date > start_date", "end_date is not after start_date"),
        RowCheck("(end_date IS NULL) = (end_reason IS NULL)", "end_reason must be given exactly when end_date is"),
    ),
)

VISITS = Table(
    "visits",
    "Statutory visits to children: children in care (CPPCR Regulations 2010 reg 28), on child protection "
    "plans and children in need (local standards), and the visit during an assessment.",
    (
        C("visit_id", "VARCHAR", "Visit identifier."),
        C("child_id", "VARCHAR", "Child visited.", references="children.child_id"),
        C("worker_id", "VARCHAR", "Worker who visited; NULL if not recorded (e.g. a duty worker).",
          required=False, references="workers.worker_id"),
        C("visit_date", "DATE", "Date of the visit."),
        C("kind", "VARCHAR", "Which statutory duty the visit meets.", codes=codes.VISIT_KIND),
        C("child_seen", "BOOLEAN", "The child was seen."),
        C("seen_alone", "BOOLEAN", "The child was seen alone (only meaningful when seen)."),
    ),
    ("visit_id",),
    (RowCheck("child_seen OR NOT seen_alone", "seen_alone is true but child_seen is false"),),
)
