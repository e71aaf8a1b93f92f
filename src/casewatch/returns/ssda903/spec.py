"""The SSDA903 specification by collection year: tables, columns, code lists, which fields may be blank.

Derived from the DfE's column specifications and yearly diffs by ``tools/derive_903_spec.py`` into
``spec.json`` (shipped; nothing here reads the reference folder). Year = the year ending 31 March.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from casewatch.returns.staging import STAGING

FIRST, LAST = 2017, 2027


@cache
def _spec() -> dict:
    return json.loads((Path(__file__).with_name("spec.json")).read_text())


def _year(year: int) -> dict:
    return _spec()[str(min(max(year, FIRST), LAST))]


def tables(year: int) -> list[str]:
    return [t.name for t in STAGING.values() if t.schema == "ssda903" and t.name in _year(year)]


def columns(year: int, table: str) -> list[str]:
    """Columns in the DfE's order (the staging table's order) that the year's specification has."""
    spec = _year(year).get(table, {})
    return [f for f in STAGING[f"ssda903.{table}"].field_names if f in spec]


def codes(year: int, table: str, field: str) -> tuple[str, ...] | None:
    got = _year(year).get(table, {}).get(field, {}).get("codes")
    return tuple(got) if got is not None else None


def can_be_blank(year: int, table: str, field: str) -> bool:
    return bool(_year(year).get(table, {}).get(field, {}).get("blank", True))
