"""The case-management extract template: one CSV per table, columns named as the canonical model names them.

It carries what the statutory returns lack (teams, workers, allocations, visits, contacts, early help, the
child's family) plus the details the CIN census leaves out (whether the child was seen during an
assessment and what it led to; the strategy discussion and outcome of a section 47 enquiry). The field
list, types and meanings come from the canonical model itself (``model/``), so the template cannot drift
from what casewatch loads: docs/cms-template.md is generated from here (tests check it is current).
"""

from __future__ import annotations

from casewatch.model import TABLES_BY_NAME
from casewatch.returns.staging import Field, StagingTable, register

UPPER_CODES = {"sex", "ethnicity", "source"}  # DfE codes: upper-cased; casewatch's own codes are lower case

# file stem -> (canonical table, columns in template order, columns that must be present)
FILES = {
    "council": ("councils", ("council_id", "name", "region", "la_code", "data_to"), ("council_id", "name")),
    "population": ("population", ("mid_year", "age", "children"), ("mid_year", "age", "children")),
    "teams": ("teams", ("team_id", "name", "service", "start_date", "end_date"), ("team_id", "service")),
    "workers": ("workers", ("worker_id", "team_id", "role", "fte", "agency", "asye", "start_date", "end_date"),
                ("worker_id",)),
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
LA_CODE_DOC = "The council's 3-digit DfE LA code, as in the headers of its CIN census and workforce census."


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
    table = FILES[stem][0]
    return LA_CODE_DOC if col == "la_code" else TABLES_BY_NAME[table].column(col).doc
