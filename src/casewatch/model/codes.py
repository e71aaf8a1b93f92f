"""Code lists of the canonical model: the union over all collection years 2017-18 to 2026-27.

Which codes are valid in which collection year is a data-quality question for ``rules/``; the canonical model
only knows values that were never valid in any year. The SSDA903 lists are read from the one specification
the 903 rules use (``returns/ssda903/spec.json``, derived from the DfE's column specs and yearly diffs), so
rules and model cannot disagree: a hand-kept copy here lacked CUSTOD (valid from 2018-19) and held PROVR
(valid in no year). CIN lists: CIN census XSDs 2017-2026 (../shared/reference/specs).
"""

import json
from functools import cache
from pathlib import Path


@cache
def _spec903() -> dict:
    return json.loads((Path(__file__).parents[1] / "returns" / "ssda903" / "spec.json").read_text())


def ssda903(table: str, field: str) -> tuple[str, ...]:
    """Every code the SSDA903 specification allows for ``table.field`` in any collection year, in the order
    first seen (earliest year first)."""
    seen: dict[str, None] = {}
    for year in sorted(_spec903(), key=int):
        for code in _spec903()[year].get(table, {}).get(field, {}).get("codes") or ():
            seen.setdefault(code, None)
    if not seen:
        raise KeyError(f"the SSDA903 specification has no code list for {table}.{field}")
    return tuple(seen)


SEX = ("M", "F", "U")
ETHNICITY = (
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
    "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
)
REFERRAL_SOURCE = (
    "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D",
    "6", "7", "8", "9", "10",
)
CIN_CLOSURE_REASON = ("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9")
PRIMARY_NEED = ("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9")
CP_CATEGORY = ("NEG", "PHY", "SAB", "EMO", "MUL")
# SSDA903 episodes
RNE = ssda903("episodes", "RNE")
LEGAL_STATUS = ssda903("episodes", "LS")
SHORT_BREAK_LEGAL_STATUS = ("V3", "V4")  # series of short-term placements: excluded from CLA counts
CLA_NEED = ssda903("episodes", "CIN")
PLACEMENT = ssda903("episodes", "PLACE")
PLACEMENT_PROVIDER = ssda903("episodes", "PLACE_PROVIDER")
REASON_EPISODE_CEASED = ssda903("episodes", "REC")
REASON_PLACE_CHANGE = ssda903("episodes", "REASON_PLACE_CHANGE")
REVIEW_PARTICIPATION = ssda903("reviews", "REVIEW_CODE")
MISSING_KIND = ("M", "A")  # missing; away from placement without authorisation
CARE_LEAVER_IN_TOUCH = ssda903("oc3", "IN_TOUCH")
CARE_LEAVER_ACTIVITY = ssda903("oc3", "ACTIV")
CARE_LEAVER_ACCOMMODATION = ssda903("oc3", "ACCOM")  # suffix 1 = suitable, 2 = not suitable
PLACED_ADOPTION_CEASED = ssda903("placed_adoption", "REASON_PLACED_CEASED")

# casewatch's own enumerations (not DfE codes)
TEAM_SERVICE = (
    "front_door", "assessment", "safeguarding", "children_in_care", "care_leavers", "disabled_children",
    "early_help",
)
WORKER_ROLE = (
    "social_worker", "senior_social_worker", "advanced_practitioner", "team_manager", "personal_adviser",
    "family_support_worker",
)
CASE_HOLDING_ROLES = ("social_worker", "senior_social_worker", "advanced_practitioner")
CONTACT_OUTCOME = ("referral", "early_help", "advice", "nfa")
EARLY_HELP_OUTCOME = ("needs_met", "stepped_up", "disengaged", "moved")
ASSESSMENT_OUTCOME = ("nfa", "cin_plan", "s47", "cla", "early_help")
S47_OUTCOME = ("icpc", "cin", "nfa")
VISIT_KIND = ("CLA", "CP", "CIN", "assessment")
ALLOCATION_END_REASON = (
    "case_closed", "worker_left", "team_transfer", "caseload_balancing", "step_up", "step_down", "other",
)
PERMANENCE_ROUTE = ("adoption", "sgo", "cao", "long_term_fostering")
PERMANENCE_ORDER = ("adoption", "sgo", "cao")
