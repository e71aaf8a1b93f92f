"""Derive casewatch's compact Annex A spec (src/casewatch/returns/annex_a/spec.json) from Ofsted's header/alias YAML.

Run from the repository root::

    .venv/bin/python tools/derive_annex_a_spec.py [PATH_TO/Annex_A_schema.yml [OUT.json]]

(tests/returns/test_annex_a.py derives it again into a temporary file and checks the committed one is current.)

The YAML (data-to-insight's Annex A cleaner configuration, ../shared/reference/specs/annex_a/) gives, per list,
every column with its type, header patterns seen in councils' workbooks and, for coded columns, every label
councils write mapped to Ofsted's code. From it this writes, for the reader (which needs neither PyYAML nor
the YAML at run time):

- per list, its columns in Ofsted's order: header, casewatch's field name (``FIELDS`` below, short snake
  case; the tool fails on a header it has no name for), staging type, header patterns, whether Ofsted
  allows it blank, and for coded columns the code set and the DfE code list the labels may carry;
- ``codesets``: Ofsted's codes and the aliases (normalised as ``codes.norm`` does), shared between lists
  (gender, ethnicity, disability... are one set each). Yes/No columns become ``Yes``/``No``/``Unknown`` sets
  typed BOOLEAN. Codes that differ only by case or spacing are one code; "zzCodeError" (the YAML's bin for
  values it could not place) is dropped, so those values are reported rather than guessed;
- ``dfe``: per DfE code list, which Ofsted group each DfE code belongs to (by majority over the YAML's
  labels that carry the code: one mislabelled alias cannot move a code), the group -> code map where a group
  holds exactly one code, the group's first code, and the label the writer uses for each code (Ofsted's own
  "q) 6: Police" form where the YAML has it). Every writer label is checked to read back as its code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casewatch.model import codes as C  # noqa: E402


def _codes_module():
    """returns/annex_a/codes.py on its own: importing the package would load the spec.json being written."""
    spec = importlib.util.spec_from_file_location("annex_a_codes", ROOT / "src/casewatch/returns/annex_a/codes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_m = _codes_module()
dfe_code, header_key, norm = _m.dfe_code, _m.header_key, _m.norm

SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/specs/annex_a/Annex_A_schema.yml"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "src/casewatch/returns/annex_a/spec.json"

TITLES = {"list_1": "Contacts", "list_2": "Early help assessments", "list_3": "Referrals", "list_4": "Assessments",
          "list_5": "Section 47 enquiries and ICPCs", "list_6": "Children in need", "list_7": "Child protection",
          "list_8": "Children looked after", "list_9": "Care leavers", "list_10": "Adoption",
          "list_11": "Adopters"}
COMMON = {
    "Child Unique ID": "child_id", "Gender": "gender", "Ethnicity": "ethnicity", "Date of Birth": "date_of_birth",
    "Age of Child (Years)": "age", "Does the Child have a Disability": "disability",
    "Allocated Team": "allocated_team", "Allocated Worker": "allocated_worker", "Family identifier": "family_id",
}
FIELDS = {
    "list_1": {"Date of Contact": "contact_date", "Contact Source": "contact_source"},
    "list_2": {"Assessment start date": "assessment_start_date",
               "Assessment completion date": "assessment_completion_date",
               "Organisation completing assessment": "organisation"},
    "list_3": {"Date of referral": "referral_date", "Referral Source": "referral_source",
               "Referral NFA?": "referral_nfa", "Number of Referrals in Last 12 Months": "referrals_12m"},
    "list_4": {"Continuous Assessment Start Date": "assessment_start_date",
               "Child Seen During Continuous Assessment": "child_seen",
               "Continuous Assessment Date of Authorisation": "assessment_authorised_date",
               "Was the child assessed as requiring LA children's social care support?": "requires_support"},
    "list_5": {"Strategy discussion initiating Section 47 Enquiry Start Date": "s47_start_date",
               "Was an Initial Child Protection Conference deemed unnecessary?": "icpc_not_required",
               "Date of Initial Child Protection Conference": "icpc_date",
               "Did the Initial Child Protection Conference Result in a Child Protection Plan": "icpc_cp_plan",
               "Number of Section 47 Enquiries in the last 12 months": "s47s_12m",
               "Number of ICPCs in the last 12 months": "icpcs_12m"},
    "list_6": {"CIN Start Date": "cin_start_date", "Primary Need Code": "primary_need",
               "Date Child Was Last Seen": "last_seen_date", "CIN Closure Date": "cin_closure_date",
               "Reason for Closure": "closure_reason", "Case Status": "case_status"},
    "list_7": {"Child Protection Plan Start Date": "cp_start_date", "Initial Category of Abuse": "initial_category",
               "Latest Category of Abuse": "latest_category", "Date of the Last Statutory Visit": "last_visit_date",
               "Was the Child Seen Alone?": "seen_alone", "Date of latest review conference": "latest_review_date",
               "Child Protection Plan End Date": "cp_end_date",
               "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)":
                   "emergency_protection_6m",
               "Number of Previous Child Protection Plans": "previous_cp_plans"},
    "list_8": {"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "uasc",
               "Date Started to be Looked After": "cla_start_date", "Child's Category of Need": "category_of_need",
               "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)":
                   "second_period_12m",
               "Start date of current legal status": "legal_status_start_date", "Child's Legal Status": "legal_status",
               "Date of Latest Statutory Review": "latest_review_date",
               "Date of Last Social Work Visit": "last_visit_date",
               "What is the permanence plan for this child?": "permanence_plan",
               "Date of Last IRO Visit / Contact to the Child": "last_iro_contact_date",
               "Date of Last Health Assessment": "last_health_assessment_date",
               "Date of Last Dental Check": "last_dental_check_date",
               "Number of Placements in the Last 12 months": "placements_12m",
               "Date Ceased to be Looked After": "cla_end_date", "Reason Ceased to be Looked After": "reason_ceased",
               "Start Date of Most Recent Placement": "placement_start_date", "Placement Type": "placement_type",
               "Placement Provider": "placement_provider", "Placement postcode": "placement_postcode",
               "URN of Placement": "placement_urn", "Placement Location": "placement_location",
               "LA of Placement": "placement_la",
               "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months":
                   "missing_12m",
               "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months":
                   "absent_12m",
               "Was the child offered a Return Interview after their last missing episode (Y/N)?":
                   "return_interview_offered",
               "Did the child accept a Return Interview after their last missing episode (Y/N)?":
                   "return_interview_accepted"},
    "list_9": {"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)": "uasc",
               "Allocated Personal Advisor": "personal_adviser", "Eligibility Category": "eligibility",
               "Latest Pathway Plan Review Date": "pathway_plan_review_date", "LA in Touch": "in_touch",
               "Latest Date of Contact": "latest_contact_date", "Type of Accommodation": "accommodation",
               "Suitability of Accommodation": "accommodation_suitability", "Activity Status": "activity"},
    "list_10": {"Date the Child Entered Care": "cla_start_date",
                "Date of Decision that Child Should be Placed for Adoption": "adoption_decision_date",
                "Date of Placement Order": "placement_order_date",
                "Date of Matching Child and Prospective Adopters": "matched_date",
                "Date Placed for Adoption": "placed_date", "Date of Adoption Order": "adoption_order_date",
                "Date of Decision that Child Should No Longer be Placed for Adoption": "decision_reversed_date",
                "Reason Why Child No Longer Placed for Adoption": "reversed_reason",
                "Date the child was placed for fostering in FFA or concurrent planning placement":
                    "ffa_placed_date"},
    "list_11": {"Individual adopter identifier": "adopter_id", "Disability": "disability",
                "Is the (prospective) adopter fostering for adoption?": "fostering_for_adoption",
                "Date enquiry received": "enquiry_date", "Date Stage 1 started": "stage1_start_date",
                "Date Stage 1 ended": "stage1_end_date", "Date Stage 2 started": "stage2_start_date",
                "Date Stage 2 ended": "stage2_end_date", "Date application submitted": "application_date",
                "Date application approved": "approved_date", "Date adopter matched with child(ren)": "matched_date",
                "Date child/children placed with adopter(s)": "placed_date", "No. of children placed": "children_placed",
                "Date of Adoption Order": "adoption_order_date", "Date of leaving adoption process": "left_date",
                "Reason for leaving adoption process": "left_reason"},
}
IDS = {"child_id", "adopter_id", "family_id"}
DECIMALS = {"age"}  # Ofsted asks for whole years; councils' workbooks hold fractions (6.14)

# DfE code lists Annex A labels may carry: (codes, mode); which columns carry which
LETTERS = tuple("BCDEGHKRSTUVWXYZ")
DFE_LISTS = {
    "sex": ((), "prefix"), "ethnicity": (C.ETHNICITY, "prefix"), "source": (C.REFERRAL_SOURCE, "prefix"),
    "need": (C.PRIMARY_NEED, "prefix"), "closure": (C.CIN_CLOSURE_REASON, "prefix"),
    "cp_category": (C.CP_CATEGORY, "prefix"), "legal_status": (C.LEGAL_STATUS, "prefix"),
    "reason_ceased": (C.REASON_EPISODE_CEASED, "prefix"), "placement": (C.PLACEMENT, "prefix"),
    "provider": (C.PLACEMENT_PROVIDER, "prefix"), "in_touch": (C.CARE_LEAVER_IN_TOUCH, "exact"),
    "accommodation": (LETTERS, "prefix"), "activity": (tuple(c for c in C.CARE_LEAVER_ACTIVITY if c != "0"), "prefix"),
    "reversed": (C.PLACED_ADOPTION_CEASED, "prefix"),
}
DFE_COLUMNS = {
    "gender": "sex", "ethnicity": "ethnicity", "contact_source": "source", "referral_source": "source",
    "primary_need": "need", "category_of_need": "need", "closure_reason": "closure",
    "initial_category": "cp_category", "latest_category": "cp_category", "legal_status": "legal_status",
    "reason_ceased": "reason_ceased", "placement_type": "placement", "placement_provider": "provider",
    "in_touch": "in_touch", "accommodation": "accommodation", "activity": "activity", "reversed_reason": "reversed",
}
# Ofsted groups that are one DfE code but whose labels never carry it
FIXED_GROUPS = {"sex": {"a) Male": "M", "b) Female": "F", "c) Not stated/recorded": "U", "d) Neither": "U"}}
CODE_FIXES = {  # the YAML's typos and misfiled codes
    "c) Unknown": "f) Not stated",  # an ethnicity 'c)' that is not Ofsted's c) Asian or Asian British
    "f) Detained on child protection grounds in LA accomodation":
        "f) Detained on child protection grounds in LA accommodation",
}
YES = ("yes", "y", "a) yes", "1", "1 - yes", "true", "t")
NO = ("no", "n", "b) no", "0", "0 - no", "false", "f")


def pattern(rx: str) -> str:
    body = rx.strip().split(" *")[0]  # drop the YAML's trailing notes such as " *date-not-blank"
    return body[1:body.rindex("/")] if body.startswith("/") else re.escape(body)


def _code(c) -> str:
    if isinstance(c, bool):
        return "Yes" if c else "No"
    return CODE_FIXES.get(str(c).strip(), str(c).strip())


def _names(c) -> list:
    n = c.get("name") or []
    return [n] if isinstance(n, (str, bool, int, float)) else list(n)


def codeset(spec: dict) -> tuple[list[str], dict[str, str], list[tuple[str, str]]]:
    """(codes, aliases, raw (label, code) pairs) of one category column."""
    codes: list[str] = []
    canon: dict[str, str] = {}  # codes that differ by case/spacing are one
    pairs = []
    for c in spec["category"]:
        code = _code(c["code"])
        if code == "zzCodeError":
            continue
        code = canon.setdefault(norm(code), code)
        if code not in codes:
            codes.append(code)
        for n in [c["code"], *_names(c)]:
            pairs.append((n if isinstance(n, str) else ("Yes" if n is True else "No" if n is False else str(n)),
                          code))
    aliases: dict[str, str] = {}
    for label, code in pairs:
        aliases.setdefault(norm(label), code)  # a label filed under two codes: the first
    if set(codes) <= {"Yes", "No", "Unknown"}:
        for k in YES:
            aliases.setdefault(k, "Yes")
        for k in NO:
            aliases.setdefault(k, "No")
        aliases.setdefault("unknown", "Unknown")
        aliases.setdefault("c) unknown", "Unknown")
    return codes, dict(sorted(aliases.items())), pairs


def _label(code: str, group: str | None, found: list[tuple[str, str, str]], from_group: dict) -> str:
    """The label the writer uses for a DfE code, as councils write it: Ofsted's template form ("q) 6: Police"),
    else the code with its words ("RC8 - Case closed after assessment..."), else Ofsted's group where the
    group is that one code ("a) Neglect"), else the bare code. Only labels filed under the code's own group."""
    mine = [lb for lb, g, c in found if c == code and g == group]
    for ok in (lambda lb: re.match(r"^[a-z]\d?\) \S", lb),
               lambda lb: re.match(rf"^{re.escape(code)}( - |: )\w", lb)):
        hit = next((lb for lb in mine if ok(lb)), None)
        if hit:
            return hit
    if group is not None and from_group.get(group) == code:
        return group
    return code


def derive_dfe(pairs_by_list: dict[str, list[tuple[str, str]]]) -> dict:
    out = {}
    for name, (codes, mode) in DFE_LISTS.items():
        votes: dict[str, Counter] = defaultdict(Counter)
        found = []  # (label, group, code) for every label that carries a code
        for label, group in pairs_by_list.get(name, []):
            code = dfe_code(label, codes, mode) if codes else None
            if code:
                votes[code][group] += 1
                found.append((label.strip(), group, code))
        group_of = {code: v.most_common(1)[0][0] for code, v in votes.items()}
        members: dict[str, list[str]] = defaultdict(list)
        for code in codes:
            if code in group_of:
                members[group_of[code]].append(code)
        from_group = {g: m[0] for g, m in members.items() if len(m) == 1} | FIXED_GROUPS.get(name, {})
        labels = {code: _label(code, group_of.get(code), found, from_group) for code in codes}
        for code, label in labels.items():
            assert dfe_code(label, codes, mode) == code or from_group.get(label) == code, (name, code, label)
        out[name] = {"codes": list(codes), "mode": mode, "group": dict(sorted(group_of.items())),
                     "from_group": dict(sorted(from_group.items())),
                     "first_of_group": {g: m[0] for g, m in sorted(members.items())},
                     "labels": labels}
    return out


def main() -> None:
    raw = yaml.safe_load(SRC.read_text())["column_map"]
    lists, sets, set_names, pairs_by_dfe = {}, {}, {}, defaultdict(list)
    for lst, cols in raw.items():
        names = COMMON | FIELDS[lst]
        out = []
        for header, s in cols.items():
            key = next((h for h in names if header_key(h) == header_key(header)), None)
            if key is None:
                raise SystemExit(f"{lst}: no field name for header {header!r}; add it to FIELDS")
            field = names[key]
            kind = next(k for k in ("category", "date", "numeric", "string") if k in s)
            col = {"header": header.strip(), "field": field,
                   "patterns": [pattern(r) for r in s.get("header_regex", [])],
                   "blank": bool(s.get("canbeblank", True))}
            if kind == "category" and field != "placement_la":
                codes, aliases, pairs = codeset(s)
                digest = hashlib.sha1(json.dumps([codes, aliases]).encode()).hexdigest()
                name = set_names.setdefault(digest, field if field not in sets else f"{lst}_{field}")
                sets[name] = {"codes": codes, "aliases": aliases}
                col["type"] = "BOOLEAN" if set(codes) <= {"Yes", "No", "Unknown"} else "CATEGORY"
                col["codeset"] = name
                if field in DFE_COLUMNS:
                    col["dfe"] = DFE_COLUMNS[field]
                    pairs_by_dfe[col["dfe"]] += pairs
            elif field == "placement_la":  # LA names, not codes: kept as written
                col["type"] = "VARCHAR"
            elif kind == "date":
                col["type"] = "DATE"
            elif kind == "numeric":
                col["type"] = "DECIMAL" if field in DECIMALS or s["numeric"].get("type") != "integer" else "INTEGER"
            else:
                col["type"] = "ID" if field in IDS else "VARCHAR"
            out.append(col)
        lists[lst] = {"title": TITLES[lst], "columns": out}
    spec = {"source": "Ofsted Annex A header variants and value aliases (Annex_A_schema.yml), derived by "
                      "tools/derive_annex_a_spec.py",
            "lists": lists, "codesets": dict(sorted(sets.items())), "dfe": derive_dfe(pairs_by_dfe)}
    OUT.write_text(json.dumps(spec, indent=None, separators=(",", ":"), ensure_ascii=False) + "\n")
    n_alias = sum(len(s["aliases"]) for s in sets.values())
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes): {len(lists)} lists, {len(sets)} code sets, "
          f"{n_alias:,} aliases")


if __name__ == "__main__":
    main()
