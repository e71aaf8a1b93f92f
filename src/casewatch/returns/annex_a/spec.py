"""Ofsted's Annex A lists as casewatch reads them: columns, header patterns, code sets and DfE codes.

``spec.json`` is derived from Ofsted's header variants and value aliases by ``tools/derive_annex_a_spec.py``
(the YAML is not needed at run time). This module turns it into staging tables and normalises cells:

- a coded cell goes to Ofsted's code through the column's alias table ("1 - Male", "M", "Male" ->
  "a) Male"); where the label carries a DfE code ("q) 6: Police", "N1 - Abuse or neglect") or the Ofsted
  group is exactly one DfE code ("b) Schools" is 2A), the DfE code goes to the field's ``_code`` twin;
  the DfE code, when the label carries one, also decides the group (a label filed under the wrong group
  cannot move it). A value neither the aliases nor the DfE codes know is kept as written, and counted;
- a Yes/No column is BOOLEAN: "a) Yes", "Y", "1" are true; "Unknown" is NULL; anything else is left for
  the typed parser (and so reported CW-TYPE if it is not true or false either).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casewatch.returns.annex_a.codes import dfe_code, header_key, norm
from casewatch.returns.staging import Field, StagingTable

STAGING_TYPE = {"ID": "ID", "DATE": "DATE", "INTEGER": "INTEGER", "DECIMAL": "DECIMAL", "VARCHAR": "VARCHAR",
                "CATEGORY": "VARCHAR", "BOOLEAN": "BOOLEAN"}
PERIOD_END = "period_end"  # reader-derived field in every list: the date the workbook's lists run to
EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    type: str
    patterns: tuple[re.Pattern, ...]
    blank: bool
    codeset: str | None = None
    dfe: str | None = None

    @property
    def key(self) -> str:
        return header_key(self.header)


@cache
def raw_spec() -> dict:
    return json.loads(Path(__file__).with_name("spec.json").read_text(encoding="utf-8"))


def _compile(patterns: list[str]) -> tuple[re.Pattern, ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error:  # a pattern Python cannot read is skipped: the exact header still matches
            continue
    return tuple(out)


@cache
def lists() -> dict[str, tuple[Column, ...]]:
    return {lst: tuple(Column(c["header"], c["field"], c["type"], _compile(c["patterns"]), c["blank"],
                              c.get("codeset"), c.get("dfe")) for c in spec["columns"])
            for lst, spec in raw_spec()["lists"].items()}


def title(lst: str) -> str:
    return raw_spec()["lists"][lst]["title"]


def list_number(lst: str) -> int:
    return int(lst.split("_")[1])


def staging_table(lst: str) -> StagingTable:
    fields = []
    for c in lists()[lst]:
        fields.append(Field(c.field, STAGING_TYPE[c.type]))
        if c.dfe:
            fields.append(Field(f"{c.field}_code", "CODE"))
    fields.append(Field(PERIOD_END, "DATE"))
    return StagingTable("annex_a", lst, tuple(fields))


def staging_tables() -> list[StagingTable]:
    return [staging_table(lst) for lst in lists()]


def dfe(name: str) -> dict:
    return raw_spec()["dfe"][name]


def label(name: str, code: str | None) -> str | None:
    """The label the writer uses for a DfE code (Ofsted's template form where there is one)."""
    return None if code is None else dfe(name)["labels"].get(code, code)


def codes(codeset: str) -> list[str]:
    return raw_spec()["codesets"][codeset]["codes"]


class Normaliser:
    """Normalises the cells of one column, remembering what it has seen (workbooks repeat their labels)."""

    def __init__(self, col: Column):
        self.col = col
        self.aliases = raw_spec()["codesets"][col.codeset]["aliases"] if col.codeset else {}
        d = dfe(col.dfe) if col.dfe else None
        self.dfe = (tuple(d["codes"]), d["mode"], d["group"], d["from_group"]) if d else None
        self.memo: dict = {}
        self.unknown = 0

    def __call__(self, value) -> tuple[object, str | None]:
        """(value for the field, DFE code for its ``_code`` twin)."""
        key = (value.__class__, value) if isinstance(value, (str, int, float, bool)) else (str, str(value))
        hit = self.memo.get(key)
        if hit is None:
            hit = self.memo[key] = self._normalise(value)
        if hit[2]:
            self.unknown += 1
        return hit[0], hit[1]

    def _normalise(self, value) -> tuple[object, str | None, bool]:
        group = self.aliases.get(norm(value))
        code = None
        if self.dfe:
            codes_, mode, group_of, from_group = self.dfe
            code = dfe_code(str(value), codes_, mode) if codes_ else None
            if code is not None and code in group_of:
                group = group_of[code]
            if code is None and group is not None:
                code = from_group.get(group)
        if self.col.type == "BOOLEAN":
            if group is None:
                return value, None, False  # the typed parser says whether it is true/false
            return {"Yes": True, "No": False}.get(group), None, False
        if group is None and code is None:
            return str(value).strip(), None, True
        return group if group is not None else str(value).strip(), code, False


DFE_LIST_NAMES = {"sex": "sex M/F/U", "ethnicity": "ethnicity", "source": "referral source", "need": "primary need",
                  "closure": "CIN closure reason", "cp_category": "category of abuse", "legal_status": "903 LS",
                  "reason_ceased": "903 REC", "placement": "903 PLACE", "provider": "903 PLACE_PROVIDER",
                  "in_touch": "903 IN_TOUCH", "accommodation": "903 ACCOM letter", "activity": "903 ACTIV",
                  "reversed": "903 REASON_PLACED_CEASED"}


def fields_markdown() -> str:
    """The staging fields of every list, for docs/returns/annex_a.md (a test keeps the doc current)."""
    lines = []
    for lst, cols in lists().items():
        lines += [f"**`annex_a.{lst}`: {title(lst)}**", "", "| Ofsted's header | field | type |", "|---|---|---|"]
        for c in cols:
            typ = {"CATEGORY": "Ofsted code", "BOOLEAN": "true/false", "ID": "identifier", "VARCHAR": "text",
                   "DECIMAL": "number", "INTEGER": "whole number", "DATE": "date"}[c.type]
            lines.append(f"| {c.header} | `{c.field}` | {typ} |")
            if c.dfe:
                lines.append(f"| (the DfE code in it) | `{c.field}_code` | {DFE_LIST_NAMES[c.dfe]} |")
        lines += [f"| (read from the whole workbook) | `{PERIOD_END}` | date |", ""]
    return "\n".join(lines)
