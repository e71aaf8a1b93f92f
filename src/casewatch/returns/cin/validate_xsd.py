"""Validate a CIN census file against its year's XSD (shipped in xsd/), reporting each fault with its line."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from casewatch.returns.cin.spec import xsd_path
from casewatch.returns.core import Issue


@cache
def schema(year: int) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(xsd_path(year))))


def xsd_issues(path: Path, year: int, limit: int = 10_000) -> list[Issue]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    doc = etree.parse(str(path), parser)
    s = schema(year)
    if s.validate(doc):
        return []
    out = []
    for e in list(s.error_log)[:limit]:
        # messages quote the offending value; keep the element and the fault, drop the value
        msg = re.sub(r"'[^']*'", "'...'", e.message)
        elem = re.search(r"Element '([^']*)'", e.message)
        out.append(Issue("CW-XSD", "error", f"not valid against the {year} XSD: {msg}"[:300], str(path), None,
                         e.line, None, elem.group(1) if elem else None))
    return out
