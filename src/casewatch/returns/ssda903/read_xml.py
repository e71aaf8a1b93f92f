"""Read casewatch's 903 XML shape (see write_xml.py), streaming, with XML attacks refused."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from casewatch.returns.core import ReturnFile
from casewatch.returns.ssda903.read_csv import TABLES, year_from_name

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def sniff_xml(head: bytes) -> bool:
    return b"<SSDA903" in head[:4096]


def read_xml(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, "ssda903", year)
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        out.error = f"{name}: cannot be read ({exc.strerror})"
        return out
    if _DOCTYPE.search(head):
        out.error = f"{name}: XML attack refused: the file declares a DOCTYPE or entities"
        return out
    try:
        for event, el in etree.iterparse(str(path), events=("start", "end"), resolve_entities=False,
                                         no_network=True, load_dtd=False, huge_tree=False):
            if event == "start":
                if el.tag == "SSDA903" and out.year is None:
                    y = el.get("year")
                    out.year = int(y) if y and y.isdigit() else year_from_name(path.name)
                continue
            if el.tag != "row":
                continue
            table = el.getparent().tag
            if table not in TABLES:
                out.issue("CW-ELEMENT", f"element {table[:40]} is not a 903 table; ignored", severity="query",
                          row=el.sourceline)
            else:
                values = {c.tag: c.text for c in el if isinstance(c.tag, str)}
                out.builder(f"ssda903.{table}").add(el.sourceline, values)
                out.records += 1
            el.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        if out.records == 0:
            out.error = f"{name}: not well-formed XML (line {exc.lineno})"
            return out
        out.issue("CW-XML", f"not well-formed XML from line {exc.lineno}; {out.records} records before it were "
                  "read, the rest were not", row=exc.lineno)
    if out.year is None:
        out.issue("CW-YEAR", "the collection year is not in the file (year attribute) or its name; give --year")
    return out
