"""Ofsted's Annex A: the child-level lists (1-11) a council gives inspectors, as an xlsx workbook."""

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
    return path.suffix.lower() in (".xlsx", ".xlsm") and head[:2] == b"PK"


def read(path, year: int | None = None) -> ReturnFile:
    return read_annex_a(Path(path), year)


__all__ = ["KIND", "sniff", "read", "to_model", "write_annex_a"]
