"""Canonical tables for the Annex A lists that are snapshots rather than histories: children looked after
(list 8), care leavers (list 9) and prospective adopters (list 11), each as the council described them on
the date its lists ran to (``as_at``). Filled from Annex A only (``returns/annex_a``); the 903 holds the
histories these summarise (cla_episodes, care_leavers, adopters).

Codes are the DfE's where the workbook's label carries one (legal status, placement, reason ceased...), so
they join the 903-based tables; casewatch's own short codes where Annex A has only Ofsted's groups
(permanence plan, eligibility, reason an adopter left).
"""

from casewatch.model import codes
from casewatch.model.schema import Column as C
from casewatch.model.schema import RowCheck, Table

PERMANENCE_PLAN = ("return_home", "adoption", "sgo_cao", "supported_living", "long_term_residential",
                   "long_term_fostering", "other")
CARE_LEAVER_ELIGIBILITY = ("relevant", "former_relevant", "qualifying", "eligible", "other")
ACCOMMODATION_TYPE = tuple("BCDEGHKRSTUVWXYZ")  # 903 ACCOM without its suitability digit
ADOPTER_LEFT_REASON = ("withdrew", "on_hold", "refused")

CHILD = C("child_id", "VARCHAR", "Child.", references="children.child_id")
AS_AT = C("as_at", "DATE", "The date the council's Annex A lists ran to (casewatch: the latest date in the "
          "workbook).")


def _d(name: str, doc: str) -> C:
    return C(name, "DATE", doc, required=False)


def _b(name: str, doc: str) -> C:
    return C(name, "BOOLEAN", doc, required=False)


def _n(name: str, doc: str) -> C:
    return C(name, "INTEGER", doc, required=False, check="{c} >= 0", check_doc="a count cannot be negative")


def _after(later: str, earlier: str) -> RowCheck:
    return RowCheck(f"{later} IS NULL OR {later} >= {earlier}", f"{later} is before {earlier}")


CLA_SNAPSHOTS = Table(
    "cla_snapshots",
    "Children looked after during the period of an Ofsted Annex A (list 8), as the council described them at "
    "as_at: the current period of care, legal status and placement, and the latest review, visits and checks.",
    (
        CHILD, AS_AT,
        C("cla_start_date", "DATE", "Date the child started to be looked after (this period of care)."),
        _b("uasc", "Unaccompanied asylum-seeking child within the last 12 months."),
        C("category_of_need", "VARCHAR", "Category of need (N1-N8; N9/N0 as some councils write them).",
          required=False, codes=codes.PRIMARY_NEED),
        _b("second_period_12m", "A second or later period of care within the last 12 months."),
        _d("legal_status_start_date", "Start of the current legal status."),
        C("legal_status", "VARCHAR", "Current legal status (903 LS); NULL when the workbook gives only Ofsted's "
          "group and the group is several codes.", required=False, codes=codes.LEGAL_STATUS),
        _d("latest_review_date", "Latest statutory (CLA) review."),
        _d("last_visit_date", "Latest social work visit."),
        C("permanence_plan", "VARCHAR", "Permanence plan, Ofsted's groups: return_home, adoption, sgo_cao, "
          "supported_living, long_term_residential, long_term_fostering, other.", required=False,
          codes=PERMANENCE_PLAN),
        _d("last_iro_contact_date", "Latest visit or contact by the IRO."),
        _d("last_health_assessment_date", "Latest health assessment."),
        _d("last_dental_check_date", "Latest dental check."),
        _n("placements_12m", "Placements in the last 12 months."),
        _d("cla_end_date", "Date the child ceased to be looked after; NULL if still looked after."),
        C("reason_ceased", "VARCHAR", "903 REC: why care ended; NULL when only Ofsted's group is given and it is "
          "several codes.", required=False, codes=codes.REASON_EPISODE_CEASED),
        _d("placement_start_date", "Start of the most recent placement."),
        C("placement_type", "VARCHAR", "903 PLACE of the most recent placement (where the label says).",
          required=False, codes=codes.PLACEMENT),
        C("placement_provider", "VARCHAR", "903 PLACE_PROVIDER (where the label says).", required=False,
          codes=codes.PLACEMENT_PROVIDER),
        C("placement_postcode", "VARCHAR", "Placement postcode as written.", required=False),
        C("placement_urn", "VARCHAR", "Ofsted URN of the placement.", required=False),
        _b("placement_out_of_area", "Placed outside the council's area (Annex A 'Placement location' Out)."),
        C("placement_la", "VARCHAR", "Local authority where the child is placed, as written.", required=False),
        _n("missing_12m", "Episodes missing from placement in the last 12 months."),
        _n("absent_12m", "Episodes absent from placement in the last 12 months."),
        _b("return_interview_offered", "Offered a return interview after the last missing episode."),
        _b("return_interview_accepted", "Accepted a return interview after the last missing episode."),
    ),
    ("child_id", "as_at", "cla_start_date"),
    (_after("cla_end_date", "cla_start_date"), _after("as_at", "cla_start_date")),
)

CARE_LEAVER_SNAPSHOTS = Table(
    "care_leaver_snapshots",
    "Care leavers in an Ofsted Annex A (list 9), as the council described them at as_at.",
    (
        CHILD, AS_AT,
        _b("uasc", "Unaccompanied asylum-seeking child, or formerly one if 18 or over."),
        C("eligibility", "VARCHAR", "Care leaver category (Care Leavers (England) Regulations 2010): relevant, "
          "former_relevant, qualifying, eligible, other.", required=False, codes=CARE_LEAVER_ELIGIBILITY),
        _d("pathway_plan_review_date", "Latest pathway plan review."),
        C("in_touch", "VARCHAR", "903 IN_TOUCH: whether the council is in touch (YES, NO, DIED, REFU, NREQ, "
          "RHOM); NULL when only Ofsted's group is given and it is several codes.", required=False,
          codes=codes.CARE_LEAVER_IN_TOUCH),
        _d("latest_contact_date", "Latest contact with the young person."),
        C("accommodation_type", "VARCHAR", "903 ACCOM letter: type of accommodation (B parents or relatives ... "
          "Z with former foster carers).", required=False, codes=ACCOMMODATION_TYPE),
        _b("accommodation_suitable", "The accommodation is suitable (903 ACCOM suffix 1)."),
        C("activity", "VARCHAR", "903 ACTIV: education, employment or training.", required=False,
          codes=codes.CARE_LEAVER_ACTIVITY),
    ),
    ("child_id", "as_at"),
)

ADOPTER_SNAPSHOTS = Table(
    "adopter_snapshots",
    "Prospective adopters in an Ofsted Annex A (list 11): their route from enquiry to approval, match, "
    "placement and order, as the council described it at as_at.",
    (
        C("adopter_id", "VARCHAR", "The council's identifier of the (prospective) adopter."),
        C("council_id", "VARCHAR", "Local authority (adoption agency).", references="councils.council_id"),
        AS_AT,
        C("family_id", "VARCHAR", "Adoptive family: adopters sharing it adopt together (Annex A lists 10, 11).",
          required=False),
        C("sex", "VARCHAR", "M, F or U.", required=False, codes=codes.SEX),
        C("ethnicity", "VARCHAR", "DfE ethnicity code where the label carries one.", required=False,
          codes=codes.ETHNICITY),
        _b("disability", "Has a disability."),
        _b("fostering_for_adoption", "Approved to foster for adoption."),
        _d("enquiry_date", "Enquiry received."),
        _d("stage1_start_date", "Stage 1 started."),
        _d("stage1_end_date", "Stage 1 ended."),
        _d("stage2_start_date", "Stage 2 started."),
        _d("stage2_end_date", "Stage 2 ended."),
        _d("application_date", "Application submitted."),
        _d("approved_date", "Application approved."),
        _d("matched_date", "Matched with a child or children."),
        _d("placed_date", "Child or children placed."),
        _n("children_placed", "Number of children placed."),
        _d("adoption_order_date", "Adoption order granted."),
        _d("left_date", "Left the adoption process."),
        C("left_reason", "VARCHAR", "Why: withdrew, on_hold, refused.", required=False, codes=ADOPTER_LEFT_REASON),
    ),
    ("adopter_id", "as_at"),
    (_after("approved_date", "application_date"), _after("placed_date", "matched_date")),
)

SNAPSHOT_TABLES: tuple = (CLA_SNAPSHOTS, CARE_LEAVER_SNAPSHOTS, ADOPTER_SNAPSHOTS)
