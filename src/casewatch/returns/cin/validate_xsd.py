"""Validate a CIN census file against its year's XSD (shipped in xsd/), reporting each fault with its line."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from casewatch.returns import xmlsafe
from casewatch.returns.cin.spec import xsd_path
from casewatch.returns.core import Issue


@cache
def schema(year: int) -> etree.XMLSchema:
    return etree.XMLSchema(xmlsafe.parse(xsd_path(year)))


def xsd_issues(path: Path, year: int, limit: int = 10_000) -> list[Issue]:
    doc = xmlsafe.parse(path)
    s = schema(year)
    if s.validate(doc):
        return []
    out = []
    for e in list(s.error_log)[:limit]:
        # messages quote the offending value: it goes in the issue's value (child-level, for the issues report),
        # never in its message, which terminals and summaries may show
        value, expected = found_and_allowed(e.message)
        msg = redacted(e.message)
        elem = re.search(r"Element '([^']*)'", e.message)
        out.append(Issue("CW-XSD", "error", f"not valid against the {year} XSD: {msg}"[:300], str(path), None,
                         e.line, None, elem.group(1) if elem else None, value, expected))
    return out


_TYPES = {"xs:date": "a date, yyyy-mm-dd", "xs:integer": "a whole number", "xs:boolean": "true or false (or 1/0)",
          "xs:dateTime": "a date and time", "xs:decimal": "a number"}


def redacted(message: str) -> str:
    """The message with every quoted text replaced by '...' except the schema's own words: element, facet and
    type names, the allowed set, the pattern and lengths (a key-sequence or value may be a child's)."""
    safe = set(re.findall(r"Element '([^']*)'|\[facet '([^']*)'\]|type '([^']*)'|pattern '([^']*)'"
                          r"|length of '(\d+)'", message))
    keep = {w for group in safe for w in group if w}
    if m := re.search(r"not an element of the set \{(.*)\}", message):
        keep |= set(re.findall(r"'([^']*)'", m.group(1)))
    value = found_and_allowed(message)[0]
    return re.sub(r"'([^']*)'", lambda q: q.group(0) if q.group(1) in keep and q.group(1) != value else "'...'",
                  message)


def found_and_allowed(message: str) -> tuple[str | None, str | None]:
    """From one of libxml2's schema messages: the value the file held, and what the XSD allows there."""
    got = re.search(r"[Tt]he value '([^']*)'|^Element '[^']*': '([^']*)' is not a valid value", message)
    value = next((g for g in got.groups() if g is not None), None) if got else None
    if m := re.search(r"not an element of the set \{(.*)\}", message):
        return value, "one of: " + ", ".join(re.findall(r"'([^']*)'", m.group(1)))
    if m := re.search(r"not accepted by the pattern '([^']*)'", message):
        return value, f"text matching the pattern {m.group(1)}"
    if m := re.search(r"atomic type '([^']*)'", message):
        return value, _TYPES.get(m.group(1), m.group(1))
    if m := re.search(r"[Ee]xpected is(?: one of)? \( ?(.*?) ?\)", message):
        return value, "element(s): " + m.group(1)
    if m := re.search(r"has a length of '(\d+)'; this differs from the allowed length of '(\d+)'", message):
        return value, f"{m.group(2)} characters"
    if m := re.search(r"this exceeds the allowed maximum length of '(\d+)'", message):
        return value, f"at most {m.group(1)} characters"
    return value, None
