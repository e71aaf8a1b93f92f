"""The case-management extract: CSV files any council can export (docs/cms-template.md)."""

from __future__ import annotations

from pathlib import Path

from casewatch.returns.cms.read import read_cms, table_for
from casewatch.returns.cms.to_model import to_model
from casewatch.returns.cms.write import write_cms
from casewatch.returns.core import ReturnFile

KIND = "cms"


def sniff(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in (".csv", ".txt") and table_for(head, path.name) is not None


def read(path, year: int | None = None) -> ReturnFile:
    return read_cms(Path(path), year)


__all__ = ["KIND", "sniff", "read", "to_model", "write_cms"]
