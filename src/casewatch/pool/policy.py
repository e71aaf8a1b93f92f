"""What the pseudonymised export does with each column of each canonical table: one place, as data.

Actions:

- ``keep``: codes, counts, flags, dates of events (not of birth), council and team identifiers.
- ``hash:<kind>``: identifiers that could carry a child's (or a worker's, or an adopter's) identity or a case
  management system's reference. Replaced by ``pseudonymise.pseudonym(key, kind, value)``; the kind is part of
  the keyed hash, so a referral and an episode that happen to share a reference do not link, while every
  column of one kind (``child_id`` everywhere, ``referral_id`` in assessments, ``urn`` in episodes and
  snapshots) still joins.
- ``month``: birth dates, and dates that are usually a birthday (UASC ceased at 18; the 903 OC3 birthday):
  the first of the month.
- ``district``: postcodes: the outward code ("AB12 3CD" and the 903's "AB12 3" -> "AB12"); anything that is not
  a UK postcode -> NULL.
- ``round:<n>``: a number rounded UP to a multiple of n (ceiling), so "more than n miles" (any multiple of n,
  such as the DfE's 20 miles) is exactly as it was.
- ``drop``: free text, names, anything that cannot be classified. Not written at all.

A column without an entry makes the export refuse to run: a new model column must be decided on here first
(tests/pool/test_policy.py fails until it is).
"""

from __future__ import annotations

from casewatch.errors import CasewatchError
from casewatch.model import TABLES

KEEP, MONTH, DISTRICT, DROP = "keep", "month", "district", "drop"

# placement distance: 5-mile steps, rounded up. The exact distance from a known home district to a placement
# narrows where a child lives to a ring a few hundred yards wide; 5 miles is wider than most districts, and
# rounding up keeps the DfE's "placed more than 20 miles from home" exactly.
DISTANCE = "round:5"

_CHILD = {"child_id": "hash:child"}

POLICY: dict[str, dict[str, str]] = {
    "councils": {"council_id": KEEP, "name": KEEP, "region": KEEP, "data_to": KEEP, "data_from": KEEP,
                 "la_code": KEEP},  # the DfE LA number it is compared as: public
    "population": {"council_id": KEEP, "mid_year": KEEP, "age": KEEP, "children": KEEP},
    "teams": {"team_id": KEEP, "council_id": KEEP, "name": DROP, "service": KEEP, "start_date": KEEP,
              "end_date": KEEP},
    "workers": {"worker_id": "hash:worker", "council_id": KEEP, "team_id": KEEP, "role": KEEP, "fte": KEEP,
                "agency": KEEP, "asye": KEEP, "start_date": KEEP, "end_date": KEEP,
                "name": DROP},  # a person's name never leaves the council
    "children": {**_CHILD, "council_id": KEEP, "date_of_birth": MONTH, "sex": KEEP, "ethnicity": KEEP,
                 "disability": KEEP, "uasc": KEEP,
                 "uasc_ceased": MONTH,  # most often the 18th birthday
                 "family_id": "hash:family"},
    "contacts": {"contact_id": "hash:contact", **_CHILD, "contact_date": KEEP, "source": KEEP, "outcome": KEEP},
    "early_help_episodes": {"episode_id": "hash:early_help", **_CHILD, "start_date": KEEP, "end_date": KEEP,
                            "outcome": KEEP},
    "referrals": {"referral_id": "hash:referral", **_CHILD, "referral_date": KEEP, "source": KEEP, "nfa": KEEP,
                  "primary_need": KEEP, "closure_date": KEEP, "closure_reason": KEEP},
    "assessments": {"assessment_id": "hash:assessment", "referral_id": "hash:referral", **_CHILD,
                    "start_date": KEEP, "authorised_date": KEEP, "child_seen": KEEP, "outcome": KEEP},
    "section47": {"s47_id": "hash:s47", "referral_id": "hash:referral", **_CHILD,
                  "strategy_discussion_date": KEEP, "start_date": KEEP, "icpc_date": KEEP, "outcome": KEEP},
    "cin_plans": {"plan_id": "hash:cin_plan", "referral_id": "hash:referral", **_CHILD, "start_date": KEEP,
                  "end_date": KEEP},
    "cp_plans": {"plan_id": "hash:cp_plan", "referral_id": "hash:referral", **_CHILD, "start_date": KEEP,
                 "end_date": KEEP, "initial_category": KEEP, "latest_category": KEEP, "review_dates": KEEP},
    "cla_episodes": {"episode_id": "hash:cla_episode", **_CHILD, "decom": KEEP, "rne": KEEP,
                     "legal_status": KEEP, "cin": KEEP, "place": KEEP, "place_provider": KEEP, "dec": KEEP,
                     "rec": KEEP, "reason_place_change": KEEP, "home_postcode": DISTRICT,
                     "placement_postcode": DISTRICT, "placement_la": KEEP, "placement_distance_miles": DISTANCE,
                     "urn": "hash:urn"},  # one children's home of 2-4 beds, on Ofsted's public register
    "cla_reviews": {"review_id": "hash:cla_review", **_CHILD, "review_date": KEEP, "participation": KEEP},
    "permanence": {"permanence_id": "hash:permanence", **_CHILD, "route": KEEP, "decision_date": KEEP,
                   "placement_order_date": KEEP, "matched_date": KEEP, "placed_date": KEEP, "order_type": KEEP,
                   "order_date": KEEP, "decision_reversed_date": KEEP, "reversed_reason": KEEP},
    "care_leavers": {**_CHILD, "birthday": MONTH, "age": KEEP, "in_touch": KEEP, "activity": KEEP,
                     "accommodation": KEEP},
    "missing_episodes": {"missing_id": "hash:missing", **_CHILD, "kind": KEEP, "start_date": KEEP,
                         "end_date": KEEP, "return_interview_offered": KEEP, "return_interview_accepted": KEEP},
    "allocations": {"allocation_id": "hash:allocation", **_CHILD, "worker_id": "hash:worker", "team_id": KEEP,
                    "start_date": KEEP, "end_date": KEEP, "end_reason": KEEP},
    "visits": {"visit_id": "hash:visit", **_CHILD, "worker_id": "hash:worker", "visit_date": KEEP, "kind": KEEP,
               "child_seen": KEEP, "seen_alone": KEEP},
    "cla_health": {**_CHILD, "year_ending": KEEP, "sdq_score": KEEP, "sdq_reason": KEEP, "convicted": KEEP,
                   "health_check": KEEP, "immunisations": KEEP, "teeth_check": KEEP, "health_assessment": KEEP,
                   "substance_misuse": KEEP, "intervention_received": KEEP, "intervention_offered": KEEP},
    "previous_permanence": {**_CHILD, "prev_perm": KEEP, "la_perm": KEEP,
                            "date_perm": DROP},  # text "as written": cannot be checked to hold only a date
    "adopters": {**_CHILD, "placed_date": KEEP, "matched_date": KEEP, "fostered_first": KEEP,
                 "adopter_count": KEEP, "adopter_sex": KEEP, "adopter_legal_status": KEEP},
    "workforce_census": {"worker_id": "hash:worker", "census_date": KEEP, "agency": KEEP, "fte_30_sep": KEEP,
                         "cases_30_sep": KEEP, "working_days_lost": KEEP, "absent_30_sep": KEEP,
                         "absence_reason": KEEP, "org_role": KEEP, "role_start_date": KEEP,
                         "role_end_date": KEEP, "reason_leaving": KEEP, "leaver_destination": KEEP,
                         "start_origin": KEEP},
    "vacancies": {"council_id": KEEP, "census_date": KEEP, "vacancies_fte": KEEP, "agency_fte": KEEP,
                  "agency_headcount": KEEP},
    "cla_snapshots": {**_CHILD, "as_at": KEEP, "cla_start_date": KEEP, "uasc": KEEP, "category_of_need": KEEP,
                      "second_period_12m": KEEP, "legal_status_start_date": KEEP, "legal_status": KEEP,
                      "latest_review_date": KEEP, "last_visit_date": KEEP, "permanence_plan": KEEP,
                      "last_iro_contact_date": KEEP, "last_health_assessment_date": KEEP,
                      "last_dental_check_date": KEEP, "placements_12m": KEEP, "cla_end_date": KEEP,
                      "reason_ceased": KEEP, "placement_start_date": KEEP, "placement_type": KEEP,
                      "placement_provider": KEEP, "placement_postcode": DISTRICT, "placement_urn": "hash:urn",
                      "placement_out_of_area": KEEP, "placement_la": KEEP, "missing_12m": KEEP,
                      "absent_12m": KEEP, "return_interview_offered": KEEP,
                      "return_interview_accepted": KEEP},
    "care_leaver_snapshots": {**_CHILD, "as_at": KEEP, "uasc": KEEP, "eligibility": KEEP,
                              "pathway_plan_review_date": KEEP, "in_touch": KEEP, "latest_contact_date": KEEP,
                              "accommodation_type": KEEP, "accommodation_suitable": KEEP, "activity": KEEP},
    "adopter_snapshots": {"adopter_id": "hash:adopter", "council_id": KEEP, "as_at": KEEP,
                          "family_id": "hash:adopter_family", "sex": KEEP, "ethnicity": KEEP, "disability": KEEP,
                          "fostering_for_adoption": KEEP, "enquiry_date": KEEP, "stage1_start_date": KEEP,
                          "stage1_end_date": KEEP, "stage2_start_date": KEEP, "stage2_end_date": KEEP,
                          "application_date": KEEP, "approved_date": KEEP, "matched_date": KEEP,
                          "placed_date": KEEP, "children_placed": KEEP, "adoption_order_date": KEEP,
                          "left_date": KEEP, "left_reason": KEEP},
}

# Values a hashed column keeps as they are: they say "none", not who.
HASH_KEEPS = {"urn": frozenset({"XXXXXXX"})}


class PolicyError(CasewatchError):
    """A column the policy does not cover (or an action it does not know): the export refuses to run."""


def parse(action: str) -> tuple[str, str | None]:
    """("hash", "child") for "hash:child"; ("keep", None) for "keep". Raises PolicyError for anything else."""
    from casewatch.pool.pseudonymise import KIND_LETTERS

    verb, _, arg = action.partition(":")
    if verb in (KEEP, MONTH, DISTRICT, DROP) and not arg:
        return verb, None
    if verb == "hash" and arg in KIND_LETTERS:
        return verb, arg
    if verb == "round" and arg.isdigit() and int(arg) > 0:
        return verb, arg
    raise PolicyError(f"unknown export action {action!r}")


def action(table: str, column: str) -> str:
    try:
        return POLICY[table][column]
    except KeyError:
        raise PolicyError(f"{table}.{column} has no export policy: decide what the export does with it in "
                          "casewatch/pool/policy.py before exporting") from None


def problems(tables=TABLES) -> list[str]:
    """Every way the policy and the model disagree: a column without an entry, an entry for no column, an
    action the export does not know. Empty when the export may run."""
    out = []
    names = {t.name for t in tables}
    for t in tables:
        for c in t.column_names:
            try:
                parse(action(t.name, c))
            except PolicyError as exc:
                out.append(str(exc))
        out += [f"{t.name}.{c} has a policy but is not in the model" for c in POLICY.get(t.name, {})
                if c not in t.column_names]
    out += [f"{name} has a policy but is not in the model" for name in POLICY if name not in names]
    return out
