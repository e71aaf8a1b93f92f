"""Canonical tables of what happens to children: the front door, assessment, protection, care and after."""

from casewatch.model import codes
from casewatch.model.schema import Column as C
from casewatch.model.schema import Repair, RowCheck, Table

# each episode with the start of the child's next one (for the repairs of cla_episodes)
_NEXT = "SELECT episode_id, lead(decom) OVER (PARTITION BY child_id ORDER BY decom) AS next_decom FROM _merged"
CHILD = C("child_id", "VARCHAR", "Child.", references="children.child_id")


def _after(later: str, earlier: str) -> RowCheck:
    return RowCheck(f"{later} IS NULL OR {later} >= {earlier}", f"{later} is before {earlier}")


CONTACTS = Table(
    "contacts",
    "Contacts to the front door (MASH): every enquiry about a child, whatever happened next.",
    (
        C("contact_id", "VARCHAR", "Contact identifier."),
        CHILD,
        C("contact_date", "DATE", "Date the contact was received."),
        C("source", "VARCHAR", "Who made contact (CIN census referral source codes).",
          codes=codes.REFERRAL_SOURCE),
        C("outcome", "VARCHAR", "What the front door decided; NULL when the source does not say (Annex A list 1).",
          required=False, codes=codes.CONTACT_OUTCOME),
    ),
    ("contact_id",),
)

EARLY_HELP_EPISODES = Table(
    "early_help_episodes",
    "Early help (family help below the statutory threshold), from start to end.",
    (
        C("episode_id", "VARCHAR", "Early help episode identifier."),
        CHILD,
        C("start_date", "DATE", "Start of early help."),
        C("end_date", "DATE", "End; NULL while open.", required=False),
        C("outcome", "VARCHAR", "How it ended; NULL while open.", required=False, codes=codes.EARLY_HELP_OUTCOME),
    ),
    ("episode_id",),
    (_after("end_date", "start_date"),
     RowCheck("(end_date IS NULL) = (outcome IS NULL)", "outcome must be given exactly when end_date is")),
)

REFERRALS = Table(
    "referrals",
    "Referrals to children's social care, each opening a CIN episode (CIN census) that closes on "
    "closure_date. A child is a child in need at date d while an episode is open: referral_date <= d and "
    "(closure_date IS NULL or closure_date > d).",
    (
        C("referral_id", "VARCHAR", "Referral (CIN episode) identifier."),
        CHILD,
        C("referral_date", "DATE", "CIN census CINreferralDate."),
        C("source", "VARCHAR", "CIN census ReferralSource; NULL when the only source is Annex A list 6, which "
          "does not say.", required=False, codes=codes.REFERRAL_SOURCE),
        C("nfa", "BOOLEAN", "CIN census ReferralNFA: no further action at referral."),
        C("primary_need", "VARCHAR", "CIN census PrimaryNeedCode.", required=False, codes=codes.PRIMARY_NEED),
        C("closure_date", "DATE", "CIN census CINclosureDate; NULL while open.", required=False),
        C("closure_reason", "VARCHAR", "CIN census ReasonForClosure.", required=False,
          codes=codes.CIN_CLOSURE_REASON),
    ),
    ("referral_id",),
    (_after("closure_date", "referral_date"),
     RowCheck("(closure_date IS NULL) = (closure_reason IS NULL)",
              "closure_reason must be given exactly when closure_date is")),
)

ASSESSMENTS = Table(
    "assessments",
    "Single (child and family) assessments. Timeliness: working days from start_date to authorised_date.",
    (
        C("assessment_id", "VARCHAR", "Assessment identifier."),
        C("referral_id", "VARCHAR", "Referral it belongs to.", references="referrals.referral_id"),
        CHILD,
        C("start_date", "DATE", "CIN census AssessmentActualStartDate."),
        C("authorised_date", "DATE", "CIN census AssessmentAuthorisationDate; NULL while open.", required=False),
        C("child_seen", "BOOLEAN", "The child was seen during the assessment (Annex A list 4; not in the CIN census).",
          required=False),
        C("outcome", "VARCHAR", "What the assessment led to; NULL while open.", required=False,
          codes=codes.ASSESSMENT_OUTCOME),
    ),
    ("assessment_id",),
    (_after("authorised_date", "start_date"),),
)

SECTION47 = Table(
    "section47",
    "Section 47 enquiries (Children Act 1989) after a strategy discussion; ICPC due within 15 working days "
    "of the strategy discussion (Working Together 2023).",
    (
        C("s47_id", "VARCHAR", "Enquiry identifier."),
        C("referral_id", "VARCHAR", "Referral it belongs to.", references="referrals.referral_id"),
        CHILD,
        C("strategy_discussion_date", "DATE", "Date of the strategy discussion that started the enquiry (Annex A "
          "list 5 or the case management extract; not in the CIN census).", required=False),
        C("start_date", "DATE", "CIN census S47ActualStartDate."),
        C("icpc_date", "DATE", "CIN census DateOfInitialCPC; NULL if no conference.", required=False),
        C("outcome", "VARCHAR", "Outcome of the enquiry; NULL when the source cannot tell (the CIN census says "
          "only whether an ICPC was held).", required=False, codes=codes.S47_OUTCOME),
    ),
    ("s47_id",),
    (_after("start_date", "strategy_discussion_date"), _after("icpc_date", "start_date"),
     RowCheck("(outcome = 'icpc') = (icpc_date IS NOT NULL)", "icpc_date must be given exactly when outcome is icpc")),
)

CIN_PLANS = Table(
    "cin_plans",
    "Child in need plans (s17).",
    (
        C("plan_id", "VARCHAR", "Plan identifier."),
        C("referral_id", "VARCHAR", "Referral it belongs to.", references="referrals.referral_id"),
        CHILD,
        C("start_date", "DATE", "CIN census CINPlanStartDate."),
        C("end_date", "DATE", "CIN census CINPlanEndDate; NULL while open.", required=False),
    ),
    ("plan_id",),
    (_after("end_date", "start_date"),),
)

CP_PLANS = Table(
    "cp_plans",
    "Child protection plans. On a plan at date d: start_date <= d and (end_date IS NULL or end_date > d).",
    (
        C("plan_id", "VARCHAR", "Plan identifier."),
        C("referral_id", "VARCHAR", "Referral it belongs to.", references="referrals.referral_id"),
        CHILD,
        C("start_date", "DATE", "CIN census CPPstartDate (the ICPC that made the plan)."),
        C("end_date", "DATE", "CIN census CPPendDate; NULL while open.", required=False),
        C("initial_category", "VARCHAR", "CIN census InitialCategoryOfAbuse.", codes=codes.CP_CATEGORY),
        C("latest_category", "VARCHAR", "CIN census LatestCategoryOfAbuse.", codes=codes.CP_CATEGORY),
        C("review_dates", "DATE[]", "CIN census CPPreviewDate: review conferences held, in order."),
    ),
    ("plan_id",),
    (_after("end_date", "start_date"),
     RowCheck("list_min(review_dates) >= start_date", "a review is before the plan started")),
)

CLA_EPISODES = Table(
    "cla_episodes",
    "SSDA903 episodes of care. A new episode starts at every change of legal status or placement (RNE); a "
    "period of care runs from an RNE S episode to the first episode whose REC is not X1. Episodes with legal "
    "status V3/V4 (short breaks) are excluded from DfE counts of children looked after.",
    (
        C("episode_id", "VARCHAR", "Episode identifier."),
        CHILD,
        C("decom", "DATE", "903 DECOM: date the episode started."),
        C("rne", "VARCHAR", "903 RNE: reason for new episode.", codes=codes.RNE),
        C("legal_status", "VARCHAR", "903 LS: legal status.", codes=codes.LEGAL_STATUS),
        C("cin", "VARCHAR", "903 CIN: category of need.", codes=codes.CLA_NEED),
        C("place", "VARCHAR", "903 PLACE: placement type.", codes=codes.PLACEMENT),
        C("place_provider", "VARCHAR", "903 PLACE_PROVIDER.", required=False, codes=codes.PLACEMENT_PROVIDER),
        C("dec", "DATE", "903 DEC: date the episode ceased; NULL while open.", required=False),
        C("rec", "VARCHAR", "903 REC: reason episode ceased (X1: a new episode follows).", required=False,
          codes=codes.REASON_EPISODE_CEASED),
        C("reason_place_change", "VARCHAR", "903 REASON_PLACE_CHANGE (when the placement changed).",
          required=False, codes=codes.REASON_PLACE_CHANGE),
        C("home_postcode", "VARCHAR", "903 HOME_POST: partial postcode of the child's home.", required=False),
        C("placement_postcode", "VARCHAR", "903 PL_POST: partial postcode of the placement.", required=False),
        C("placement_la", "VARCHAR", "903 PL_LA: local authority where the child is placed.", required=False),
        C("placement_distance_miles", "DOUBLE", "Distance from home to placement (DfE-derived), miles.",
          required=False, check="{c} >= 0"),
        C("urn", "VARCHAR", "903 URN: Ofsted URN of the placement, 'XXXXXXX' if none.", required=False),
    ),
    ("episode_id",),
    (),
    repairs=(
        Repair("CW-903-DEC", "dec", "m.dec < m.decom", "dec = NULL, rec = NULL",
               "DEC is before DECOM: the end is unusable and the episode is taken as open (until the child's next "
               "episode starts, if one does)"),  # decision 0017: the DfE flags these; a child in care never vanishes from a count for them
        Repair("CW-903-OVERLAP", "dec",
               "n.next_decom IS NOT NULL AND (m.dec IS NULL OR m.dec > n.next_decom)",
               "dec = n.next_decom, rec = coalesce(m.rec, 'X1')",
               "the episode overlaps the child's next one (or is still open when the next starts): it is taken "
               "as ended when the next starts (DEC = the next DECOM; REC X1 where none was given)",
               using=_NEXT),
        Repair("CW-903-REC", "rec", "m.dec IS NULL AND m.rec IS NOT NULL", "rec = NULL",
               "REC is given but DEC is not: the episode is taken as open (REC set to unknown)"),
        Repair("CW-903-REC", "rec", "m.dec IS NOT NULL AND m.rec IS NULL AND n.next_decom = m.dec", "rec = 'X1'",
               "DEC is given without REC, and the child's next episode starts that day: the period of care is "
               "taken as continuing (REC X1)", using=_NEXT),
        Repair("CW-903-REC", "rec", "m.dec IS NOT NULL AND m.rec IS NULL AND n.next_decom IS DISTINCT FROM m.dec",
               "rec = NULL", "DEC is given without REC: the period of care is taken as ended, the reason unknown",
               using=_NEXT),
    ),
)

CLA_REVIEWS = Table(
    "cla_reviews",
    "Reviews of children looked after (903 Reviews; CPPCR Regulations 2010 reg 33).",
    (
        C("review_id", "VARCHAR", "Review identifier."),
        CHILD,
        C("review_date", "DATE", "903 REVIEW."),
        C("participation", "VARCHAR", "903 REVIEW_CODE: how the child took part.", codes=codes.REVIEW_PARTICIPATION),
    ),
    ("review_id",),
)

PERMANENCE = Table(
    "permanence",
    "Permanence for children in care: the decision, court orders, matching and placement (903 PlacedAdoption, "
    "AD1 and the adoption scorecard dates).",
    (
        C("permanence_id", "VARCHAR", "Identifier."),
        CHILD,
        C("route", "VARCHAR", "Planned route to permanence.", codes=codes.PERMANENCE_ROUTE),
        C("decision_date", "DATE", "ADM decision that the child should be placed for adoption (903 "
          "DATE_PLACED), or date the permanence plan was agreed."),
        C("placement_order_date", "DATE", "Placement order granted (legal status E1).", required=False),
        C("matched_date", "DATE", "Matched with adopters/carers (903 DATE_MATCH).", required=False),
        C("placed_date", "DATE", "Placed with adopters/carers (903 DATE_INT).", required=False),
        C("order_type", "VARCHAR", "Order that made permanence legal.", required=False, codes=codes.PERMANENCE_ORDER),
        C("order_date", "DATE", "Date of that order.", required=False),
        C("decision_reversed_date", "DATE", "903 DATE_PLACED_CEASED: decision no longer the plan.", required=False),
        C("reversed_reason", "VARCHAR", "903 REASON_PLACED_CEASED.", required=False,
          codes=codes.PLACED_ADOPTION_CEASED),
    ),
    ("permanence_id",),
    (_after("matched_date", "decision_date"), _after("placed_date", "matched_date"),
     RowCheck("(order_type IS NULL) = (order_date IS NULL)", "order_type and order_date go together")),
)

CARE_LEAVERS = Table(
    "care_leavers",
    "Care leavers' circumstances around each birthday from 17 to 21 (903 OC3).",
    (
        CHILD,
        C("birthday", "DATE", "The birthday the information relates to."),
        C("age", "INTEGER", "Age reached on that birthday.", check="{c} BETWEEN 17 AND 25"),
        C("in_touch", "VARCHAR", "903 IN_TOUCH.", codes=codes.CARE_LEAVER_IN_TOUCH),
        C("activity", "VARCHAR", "903 ACTIV: education, training or employment.", required=False,
          codes=codes.CARE_LEAVER_ACTIVITY),
        C("accommodation", "VARCHAR", "903 ACCOM: type, suffix 1 suitable / 2 not suitable.", required=False,
          codes=codes.CARE_LEAVER_ACCOMMODATION),
    ),
    ("child_id", "birthday"),
)

MISSING_EPISODES = Table(
    "missing_episodes",
    "Episodes when a looked-after child was missing or away without authorisation (903 Missing).",
    (
        C("missing_id", "VARCHAR", "Identifier."),
        CHILD,
        C("kind", "VARCHAR", "903 MISSING: M missing, A away from placement without authorisation.",
          codes=codes.MISSING_KIND),
        C("start_date", "DATE", "903 MIS_START."),
        C("end_date", "DATE", "903 MIS_END; NULL if not yet returned.", required=False),
        C("return_interview_offered", "BOOLEAN", "A return home interview was offered.", required=False),
        C("return_interview_accepted", "BOOLEAN", "The child took up the return interview.", required=False),
    ),
    ("missing_id",),
    (_after("end_date", "start_date"),),
)
