"""The canonical model: typed DuckDB tables every analysis reads."""

from casewatch.model.tables_cases import (
    ASSESSMENTS,
    CARE_LEAVERS,
    CIN_PLANS,
    CLA_EPISODES,
    CLA_REVIEWS,
    CONTACTS,
    CP_PLANS,
    EARLY_HELP_EPISODES,
    MISSING_EPISODES,
    PERMANENCE,
    REFERRALS,
    SECTION47,
)
from casewatch.model.tables_people import ALLOCATIONS, CHILDREN, COUNCILS, POPULATION, TEAMS, VISITS, WORKERS
from casewatch.model.tables_returns import (
    ADOPTERS,
    CLA_HEALTH,
    PREVIOUS_PERMANENCE,
    VACANCIES,
    WORKFORCE_CENSUS,
)
from casewatch.model.tables_snapshots import SNAPSHOT_TABLES

# In load order: every table comes after the tables it references.
TABLES = (
    COUNCILS, POPULATION, TEAMS, WORKERS, CHILDREN, CONTACTS, EARLY_HELP_EPISODES, REFERRALS, ASSESSMENTS,
    SECTION47, CIN_PLANS, CP_PLANS, CLA_EPISODES, CLA_REVIEWS, PERMANENCE, CARE_LEAVERS, MISSING_EPISODES,
    ALLOCATIONS, VISITS, CLA_HEALTH, PREVIOUS_PERMANENCE, ADOPTERS, WORKFORCE_CENSUS, VACANCIES,
    *SNAPSHOT_TABLES,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}

__all__ = ["TABLES", "TABLES_BY_NAME"]
