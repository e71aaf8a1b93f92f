"""The case-management extract: CSV files any council can export (docs/cms-template.md).

One file is one template table, told from its name (``visits.csv``, ``extract_visits.csv``) or, failing
that, from its header's columns. Columns are the canonical model's (``tables.py``), so ``to_model`` is
mostly a rename-free SELECT.
"""

from __future__ import annotations

from pathlib import Path

from casewatch.returns.cms.read import read_cms, table_for
from casewatch.returns.cms.tables import FILES, STAGING, template_markdown
from casewatch.returns.cms.to_model import to_model
from casewatch.returns.cms.write import write_cms
from casewatch.returns.core import ReturnFile

KIND = "cms"


def sniff(path: Path, head: bytes) -> bool:
    return Path(path).suffix.lower() in (".csv", ".txt") and table_for(head, Path(path).name) is not None


def read(path, year: int | None = None) -> ReturnFile:
    return read_cms(Path(path), year)


__all__ = ["KIND", "FILES", "STAGING", "sniff", "read", "to_model", "write_cms", "template_markdown"]
