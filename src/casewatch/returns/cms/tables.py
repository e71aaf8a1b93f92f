"""The case-management extract template: one CSV per table, columns named as the canonical model names them.

It carries what the statutory returns lack (teams, workers, allocations, visits, contacts, early help, the
child's family) plus the details the CIN census leaves out (whether the child was seen during an assessment
and what it led to; the strategy discussion and outcome of a section 47 enquiry). Field list, types and
meanings come from the canonical model itself (``model/``), so the template cannot drift from what casewatch
loads: docs/cms-template.md is generated here (``template_markdown``; a test checks the committed file).
"""

from __future__ import annotations

import re

from casewatch.model import TABLES_BY_NAME
from casewatch.returns.staging import Field, StagingTable, register

UPPER_CODES = {"sex", "ethnicity", "source"}  # DfE codes: upper-cased; casewatch's own codes are lower case

# file stem -> (canonical table, columns in template order, columns the header must have)
FILES = {
    "council": ("councils", ("council_id", "name", "region", "la_code", "data_to"), ("council_id", "name")),
    "population": ("population", ("mid_year", "age", "children"), ("mid_year", "age", "children")),
    "teams": ("teams", ("team_id", "name", "service", "start_date", "end_date"), ("team_id", "service")),
    "workers": ("workers", ("worker_id", "name", "team_id", "role", "fte", "agency", "asye", "start_date",
                            "end_date"), ("worker_id",)),
    "children": ("children", ("child_id", "date_of_birth", "sex", "ethnicity", "disability", "uasc", "uasc_ceased",
                              "family_id"), ("child_id",)),
    "contacts": ("contacts", ("child_id", "contact_date", "source", "outcome"), ("child_id", "contact_date")),
    "early_help": ("early_help_episodes", ("child_id", "start_date", "end_date", "outcome"),
                   ("child_id", "start_date")),
    "allocations": ("allocations", ("child_id", "worker_id", "team_id", "start_date", "end_date", "end_reason"),
                    ("child_id", "worker_id", "start_date")),
    "visits": ("visits", ("child_id", "worker_id", "visit_date", "kind", "child_seen", "seen_alone"),
               ("child_id", "visit_date", "kind")),
    "assessment_details": ("assessments", ("child_id", "start_date", "child_seen", "outcome"),
                           ("child_id", "start_date")),
    "s47_details": ("section47", ("child_id", "start_date", "strategy_discussion_date", "outcome"),
                    ("child_id", "start_date")),
}
# other names systems give these columns (compared on letters and digits only, so case, spaces, underscores
# and hyphens never matter: "Child ID", "child-id" and "ChildID" are child_id already)
ALIASES = {
    "child_id": ("la_child_id", "person_id", "child"), "worker_id": ("swe_no", "swe_number", "worker"),
    "date_of_birth": ("dob", "birth_date", "person_birth_date"), "sex": ("gender",),
    "contact_date": ("date_of_contact",), "visit_date": ("date_of_visit",), "end_reason": ("reason_ended",),
}
TYPE_WORDS = {"ID": "identifier", "VARCHAR": "text", "CODE": "code", "DATE": "date", "BOOLEAN": "true/false",
              "DECIMAL": "number", "INTEGER": "whole number"}
LA_CODE_DOC = "The council's 3-digit DfE LA code, as in the headers of its CIN census and workforce census."
NOTES = {
    "assessment_details": "Only the detail the CIN census lacks: the assessment itself (its referral, "
                          "authorisation) comes from the census, matched on child and start date.",
    "s47_details": "Only the detail the CIN census lacks: the enquiry itself (its referral, ICPC) comes from the "
                   "census, matched on child and start date (the census's S47ActualStartDate).",
}


def key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def column_for(stem: str, header: str) -> str | None:
    """The template column a header names, or None."""
    k = key(header)
    for col in FILES[stem][1]:
        if k == key(col) or k in (key(a) for a in ALIASES.get(col, ())):
            return col
    return None


def _field(table: str, col: str) -> Field:
    if col == "la_code":
        return Field(col, "CODE")
    typ = TABLES_BY_NAME[table].column(col).type
    if typ.startswith("DECIMAL") or typ == "DOUBLE":
        return Field(col, "DECIMAL")
    if typ in ("DATE", "BOOLEAN", "INTEGER"):
        return Field(col, typ)
    if col.endswith("_id"):
        return Field(col, "ID")
    return Field(col, "CODE" if col in UPPER_CODES else "VARCHAR")


STAGING = {stem: StagingTable("cms", stem, tuple(_field(t, c) for c in cols)) for stem, (t, cols, _) in FILES.items()}
register(*STAGING.values())


def column_doc(stem: str, col: str) -> str:
    if col == "la_code":
        return LA_CODE_DOC
    c = TABLES_BY_NAME[FILES[stem][0]].column(col)
    doc = c.doc
    if c.codes:
        doc += " Codes: " + ", ".join(c.codes) + "."
    if col in ALIASES:
        doc += " Also read from: " + ", ".join(ALIASES[col]) + "."
    return doc


def template_markdown() -> str:
    """docs/cms-template.md, generated from the model so it cannot drift from what casewatch loads."""
    lines = [
        "# The case-management extract (CMS) template",
        "",
        "<!-- generated by casewatch.returns.cms.tables.template_markdown(); tests fail if it is stale -->",
        "",
        "What the statutory returns do not hold, any council can export from its case-management system",
        "(Liquidlogic, Mosaic, Eclipse...) as CSV files, one per table, named as below (`visits.csv`, or with a",
        "prefix or suffix such as `extract_visits.csv`; a file named otherwise is told by its columns). A",
        "header row names the columns: any order, any case, spaces or underscores; columns not in the template",
        "are ignored and reported, and a column given twice is read from its first. Columns are named as the",
        "canonical model names them, so each column below means exactly what the model's column means.",
        "",
        "- Dates dd/mm/yyyy (ISO yyyy-mm-dd and Excel serial numbers are also read).",
        "- True/false as true/false, yes/no, y/n or 1/0.",
        "- UTF-8 (with or without a byte-order mark), or Windows-1252 as Excel saves it.",
        "- casewatch's own codes (service, role, outcome, end_reason...) in any case, spaces for underscores.",
        "- sex M, F or U; 1/2/0/9 (the CIN census's codes to 2023-24) and Male/Female/Unknown are also read.",
        "- Children's identifiers are the LA child IDs used in the 903 and the CIN census, and workers' their",
        "  Social Work England registration numbers where they have one, so the extract joins the returns.",
        "  Events are matched to the returns by child and date (docs/decisions/0005); the extract is the most",
        "  detailed source, so where it and a return disagree, the extract's value is kept.",
        "- A column marked required must be in the header; cells may still be blank where the model allows.",
        "",
    ]
    for stem, (table, _cols, required) in FILES.items():
        lines += [f"## `{stem}.csv` → `{table}`", ""]
        if stem in NOTES:
            lines += [NOTES[stem], ""]
        lines += ["| column | type | required | meaning |", "|---|---|---|---|"]
        for f in STAGING[stem].fields:
            doc = column_doc(stem, f.name).replace("|", "/")
            lines.append(f"| `{f.name}` | {TYPE_WORDS[f.type]} | {'yes' if f.name in required else ''} | {doc} |")
        lines.append("")
    return "\n".join(lines)
