"""Code lists of the canonical model: the union over all collection years 2017-18 to 2026-27.

Which codes are valid in which collection year is a data-quality question for ``rules/`` (issue 3); the
canonical model only refuses values that were never valid in any year. Sources: SSDA903 column specs and
yearly diffs, CIN census XSDs 2017-2026 (../shared/reference/specs).
"""

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
RNE = ("S", "L", "P", "T", "B", "U")
LEGAL_STATUS = ("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3")
SHORT_BREAK_LEGAL_STATUS = ("V3", "V4")  # series of short-term placements: excluded from CLA counts
CLA_NEED = ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8")
PLACEMENT = (
    "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
    "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14",
)
PLACEMENT_PROVIDER = ("PR0", "PR1", "PR2", "PR3", "PR4", "PR5")
REASON_EPISODE_CEASED = (
    "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E43", "E44", "E45", "E46", "E47", "E48",
    "E5", "E6", "E7", "E9", "E14", "E15", "E16", "E17", "E8",
)
REASON_PLACE_CHANGE = (
    "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "PROVR",
    "OTHER",
)
REVIEW_PARTICIPATION = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")
MISSING_KIND = ("M", "A")  # missing; away from placement without authorisation
CARE_LEAVER_IN_TOUCH = ("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")
CARE_LEAVER_ACTIVITY = ("F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
CARE_LEAVER_ACCOMMODATION = tuple(
    f"{a}{s}" for a in "BCDEGHKRSTUVWXYZ" for s in "12"
) + ("0",)  # suffix 1 = suitable, 2 = not suitable
PLACED_ADOPTION_CEASED = ("RD1", "RD2", "RD3", "RD4")

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
