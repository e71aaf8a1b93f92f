"""The typed staging tables every reader produces: one per statutory table, columns named as the DfE names them.

This is the contract between ``returns/`` (readers fill these), ``rules/`` (DfE rules are SQL over these,
so a rule reads like the DfE's own specification: ``SELECT ... FROM episodes WHERE DEC < DECOM``) and the
mapping to the canonical model. Readers parse and type ONCE, here; nothing downstream re-parses a file.

Every staging table also has the lineage columns in ``LINEAGE``:

- ``_file``: the path of the file the row came from, as given on the command line;
- ``_row``: where the record is in that file, as the analyst will look for it: the line number in a CSV
  (the header is line 1, so the first data row is 2), the row number in an xlsx sheet, the line number of
  the record element (``<Child>``, ``<CSWWWorker>``...) in XML. Nested XML tables (assessments inside a
  child) carry the ``_row`` of their record and their own ``_line``;
- ``_year``: the collection year, named by the year it ends (2024 is 1 April 2023 - 31 March 2024);
- ``_bad``: JSON object of the cells that could not be typed, field name -> text as read; NULL when all
  typed. A cell that cannot be typed is NULL in its typed column, so rules see it as missing, and the
  reader reports it once as rule ``CW-TYPE``.

Types: dates are DATE whatever the file held (dd/mm/yyyy, ISO, Excel serial, an xlsx date cell); codes are
VARCHAR stripped of spaces and upper-cased (``clean_code``), so ``' e11'`` is ``E11``; identifiers are
VARCHAR stripped, with Excel's ``1234.0`` turned back into ``1234`` (``clean_id``); counts are INTEGER.
"""

from __future__ import annotations

from dataclasses import dataclass

from casewatch.model.sql import identifier

LINEAGE = (("_file", "VARCHAR"), ("_row", "BIGINT"), ("_year", "INTEGER"), ("_bad", "VARCHAR"))


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # VARCHAR (text/code), ID, CODE, DATE, INTEGER, DECIMAL, BOOLEAN, DATE[], VARCHAR[]

    @property
    def sql_type(self) -> str:
        return {"ID": "VARCHAR", "CODE": "VARCHAR", "DECIMAL": "DOUBLE"}.get(self.type, self.type)


@dataclass(frozen=True)
class StagingTable:
    schema: str  # ssda903, cin, annex_a, swwc, cms
    name: str
    fields: tuple[Field, ...]
    nested: bool = False  # XML table inside a record: has an extra ``_line`` column

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def ddl(self) -> str:
        cols = [f"{n} {t}" for n, t in LINEAGE]
        if self.nested:
            cols.append("_line BIGINT")
        cols += [f"{identifier(f.name)} {f.sql_type}" for f in self.fields]
        return f"CREATE TABLE IF NOT EXISTS {self.qualified} ({', '.join(cols)})"


def _t(schema: str, name: str, spec: str, nested: bool = False) -> StagingTable:
    """``spec`` is 'NAME:TYPE NAME:TYPE ...'."""
    return StagingTable(schema, name, tuple(Field(*p.split(":")) for p in spec.split()), nested)


# SSDA903 (children looked after), CSV or XML; table and column names as in the DfE's 903 specification.
SSDA903 = (
    _t("ssda903", "header", "CHILD:ID SEX:CODE DOB:DATE ETHNIC:CODE UPN:VARCHAR MOTHER:CODE MC_DOB:DATE UASC:CODE"),
    _t("ssda903", "episodes", "CHILD:ID DECOM:DATE RNE:CODE LS:CODE CIN:CODE PLACE:CODE PLACE_PROVIDER:CODE "
       "DEC:DATE REC:CODE REASON_PLACE_CHANGE:CODE HOME_POST:VARCHAR PL_POST:VARCHAR URN:VARCHAR"),
    _t("ssda903", "reviews", "CHILD:ID DOB:DATE REVIEW:DATE REVIEW_CODE:CODE"),
    _t("ssda903", "uasc", "CHILD:ID DOB:DATE SEX:CODE DUC:DATE"),
    _t("ssda903", "oc2", "CHILD:ID DOB:DATE SDQ_SCORE:INTEGER SDQ_REASON:CODE CONVICTED:CODE HEALTH_CHECK:CODE "
       "IMMUNISATIONS:CODE TEETH_CHECK:CODE HEALTH_ASSESSMENT:CODE SUBSTANCE_MISUSE:CODE "
       "INTERVENTION_RECEIVED:CODE INTERVENTION_OFFERED:CODE"),
    _t("ssda903", "oc3", "CHILD:ID DOB:DATE IN_TOUCH:CODE ACTIV:CODE ACCOM:CODE"),
    _t("ssda903", "ad1", "CHILD:ID DOB:DATE DATE_INT:DATE DATE_MATCH:DATE FOSTER_CARE:CODE NB_ADOPTR:INTEGER "
       "SEX_ADOPTR:CODE LS_ADOPTR:CODE"),
    _t("ssda903", "placed_adoption", "CHILD:ID DOB:DATE DATE_PLACED:DATE DATE_PLACED_CEASED:DATE "
       "REASON_PLACED_CEASED:CODE"),
    _t("ssda903", "prev_perm", "CHILD:ID DOB:DATE PREV_PERM:CODE LA_PERM:VARCHAR DATE_PERM:VARCHAR"),
    _t("ssda903", "missing", "CHILD:ID DOB:DATE MISSING:CODE MIS_START:DATE MIS_END:DATE"),
    _t("ssda903", "social_worker", "CHILD:ID DOB:DATE SW_ID:ID SW_DECOM:DATE SW_DEC:DATE SW_REASON:CODE"),
    _t("ssda903", "dolo", "CHILD:ID DOB:DATE DOLO_START:DATE DOLO_END:DATE"),  # deprivation of liberty, from 2026-27
)

# CIN census XML. One record = one <Child>; nested tables carry LAchildID and, below CINdetails, the
# 1-based position of their CINdetails within the child (CINdetailsID). Every row's _row is its <Child>'s line,
# so rules join a record's rows on (_file, _row) [+ CINdetailsID], which holds when LAchildID is missing or
# repeated. cp_plans: CPPreviewDate holds the review dates that have a value (blanks are dropped when the list
# is typed); ReviewsWithoutDate counts the plan's <Reviews> groups with no CPPreviewDate holding a value.
CIN = (
    # the <Header>: one row per file (its line), for the rules about the header itself (rule 100)
    _t("cin", "header", "Year:INTEGER ReferenceDate:DATE LEA:VARCHAR"),
    _t("cin", "child", "LAchildID:ID UPN:VARCHAR FormerUPN:VARCHAR UPNunknown:CODE PersonBirthDate:DATE "
       "ExpectedPersonBirthDate:DATE Sex:CODE PersonDeathDate:DATE Ethnicity:CODE"),
    _t("cin", "disability", "LAchildID:ID Disability:CODE", nested=True),
    _t("cin", "cin_details", "LAchildID:ID CINdetailsID:INTEGER CINreferralDate:DATE ReferralSource:CODE "
       "PrimaryNeedCode:CODE CINclosureDate:DATE ReasonForClosure:CODE DateOfInitialCPC:DATE "
       "ReferralNFA:BOOLEAN", nested=True),
    _t("cin", "assessments", "LAchildID:ID CINdetailsID:INTEGER AssessmentActualStartDate:DATE "
       "AssessmentInternalReviewDate:DATE AssessmentAuthorisationDate:DATE "
       "AssessmentFactors:VARCHAR[]", nested=True),
    _t("cin", "cin_plans", "LAchildID:ID CINdetailsID:INTEGER CINPlanStartDate:DATE CINPlanEndDate:DATE",
       nested=True),
    _t("cin", "section47", "LAchildID:ID CINdetailsID:INTEGER S47ActualStartDate:DATE InitialCPCtarget:DATE "
       "DateOfInitialCPC:DATE ICPCnotRequired:BOOLEAN", nested=True),
    _t("cin", "cp_plans", "LAchildID:ID CINdetailsID:INTEGER CPPstartDate:DATE CPPendDate:DATE "
       "InitialCategoryOfAbuse:CODE LatestCategoryOfAbuse:CODE NumberOfPreviousCPP:INTEGER "
       "CPPreviewDate:DATE[] ReviewsWithoutDate:INTEGER", nested=True),
)
# 903 DATE_PERM stays text: the DfE allows unknown parts written zz (zz/zz/2015).
# CIN census ``Sex`` holds the code as written in that year's file: 1/2/0/9 (GenderCurrent, to 2024) or M/F/U.

STAGING = {t.qualified: t for t in SSDA903 + CIN}


def register(*tables: StagingTable) -> None:
    """Readers of other returns (Annex A, workforce census, CMS extract) add their tables here on import."""
    for t in tables:
        STAGING[t.qualified] = t
