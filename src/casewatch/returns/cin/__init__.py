"""The CIN census (children in need), XML, collection years 2016-17 to 2025-26."""

from __future__ import annotations

from pathlib import Path

from casewatch.returns.cin.read import read_cin
from casewatch.returns.cin.to_model import to_model
from casewatch.returns.cin.write import write_cin
from casewatch.returns.core import ReturnFile

KIND = "cin"


def sniff(path: Path, head: bytes) -> bool:
    text = head[:65536]
    return b"<Children" in text and (b"<Collection>CIN" in text or b"<LAchildID" in text or b"<Child>" in text)


def read(path, year: int | None = None, *, xsd: bool = False) -> ReturnFile:
    return read_cin(Path(path), year, xsd=xsd)


__all__ = ["KIND", "sniff", "read", "to_model", "write_cin"]
