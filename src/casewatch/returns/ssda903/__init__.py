"""SSDA903, the return about children looked after: CSV set (one file per table) and XML."""

from __future__ import annotations

from pathlib import Path

from casewatch.returns.core import ReturnFile
from casewatch.returns.ssda903.read_csv import read_csv, table_for_header
from casewatch.returns.ssda903.to_model import to_model
from casewatch.returns.ssda903.write import write_903

KIND = "ssda903"


def _is_xml(path: Path, head: bytes) -> bool:
    return path.suffix.lower() == ".xml" or head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<")


def sniff(path: Path, head: bytes) -> bool:
    """The 903 as CSV tables, or as XML: <EXPSSDA903> (any root naming the 903, or <CHILD>s with <CHILDID>)."""
    if _is_xml(path, head):
        from casewatch.returns.ssda903.read_xml import sniff_xml

        return sniff_xml(head)
    return table_for_header(head, path.name) is not None


def read(path, year: int | None = None) -> ReturnFile:
    """An XML file (by its name or its first bytes) is read as the 903's XML, anything else as one CSV table."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        head = b""
    if _is_xml(path, head):
        from casewatch.returns.ssda903.read_xml import read_xml

        return read_xml(path, year)
    return read_csv(path, year)


__all__ = ["KIND", "sniff", "read", "to_model", "write_903"]
