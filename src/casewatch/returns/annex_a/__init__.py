"""Ofsted's Annex A: the child-level lists (1-11) a council gives inspectors, as an xlsx workbook.

``read`` (``read.py``) stages one table per list (``annex_a.list_1`` ... ``annex_a.list_11``), fields named
in ``spec.json`` (docs/returns/annex_a.md); ``to_model`` maps them to the canonical tables; ``write_annex_a``
writes a workbook from the canonical tables.
"""

from __future__ import annotations

from pathlib import Path

from casewatch.returns.annex_a.read import read_annex_a
from casewatch.returns.annex_a.spec import staging_tables
from casewatch.returns.annex_a.to_model import to_model
from casewatch.returns.annex_a.write import write_annex_a
from casewatch.returns.core import ReturnFile
from casewatch.returns.staging import register

KIND = "annex_a"
register(*staging_tables())


def sniff(path: Path, head: bytes) -> bool:
    """An xlsx (a zip) by name: the lists themselves are told apart when the workbook is read."""
    return Path(path).suffix.lower() in (".xlsx", ".xlsm") and head[:2] == b"PK"


def read(path, year: int | None = None) -> ReturnFile:
    return read_annex_a(Path(path), year)


__all__ = ["KIND", "sniff", "read", "to_model", "write_annex_a"]
