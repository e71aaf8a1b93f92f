"""Ofsted's Annex A lists: columns, header patterns and value aliases (derived by tools/derive_annex_a_spec.py)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from casewatch.returns.staging import Field, StagingTable

TYPES = {"date": "DATE", "numeric": "DECIMAL", "category": "VARCHAR", "string": "VARCHAR"}


@cache
def lists() -> dict[str, list[dict]]:
    return json.loads(Path(__file__).with_name("spec.json").read_text())


@cache
def matchers(lst: str) -> list[tuple[dict, list[re.Pattern]]]:
    out = []
    for col in lists()[lst]:
        pats = []
        for p in col["patterns"]:
            try:
                pats.append(re.compile(p, re.IGNORECASE))
            except re.error:
                continue
        out.append((col, pats))
    return out


def staging_tables() -> list[StagingTable]:
    out = []
    for lst, cols in lists().items():
        fields = tuple(Field(c["field"], "ID" if c["field"] in ("child_unique_id", "individual_adopter_identifier")
                             else TYPES[c["type"]]) for c in cols)
        out.append(StagingTable("annex_a", lst, fields))
    return out


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).strip().lower())
