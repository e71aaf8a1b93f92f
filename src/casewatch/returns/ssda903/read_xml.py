"""Read the 903 as XML, streaming one <CHILD> at a time, with XML attacks refused.

The layout is the one case-management systems export and the DfE's 903 validator reads (write_xml.py shows
it): ``<EXPSSDA903>`` (any root naming SSDA903/903) holding one ``<CHILD>`` per child; the child's HEADER
fields (CHILDID, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB) plus the flat UASC/DUC, OC3 and AD1 fields, and the
record elements AREVIEW, AMISSING, PERMANENCE, OC2 and AD_PLACED inside ``<HEADER>``; EPISODE (and
casewatch's SW_EPISODE) beside it. Record elements and flat fields are also accepted directly under CHILD.
Every table row gets the child's CHILD (and DOB, and SEX for UASC) from the header. Dates dd/mm/yyyy (ISO also
read); an empty element is a blank. ``_row`` is the line of the record element (HEADER for the header, UASC,
OC3 and AD1 rows). An element the layout does not have is reported once per name (CW-ELEMENT) and ignored.
The HEADER's UASC flag (0/1) is kept as the header's UASC, as written (blank when the element is absent or
empty; 1 for a nested ``<UASC><DUC>..</DUC></UASC>``), for rules 105, 231 and 303. Deprivation of liberty
orders (the ``dolo`` table, from 2026-27) have no element in any 903 XML layout casewatch has seen (the DfE's
validator reads them from CSV only), so they are not read from that layout: an element holding them is
reported as above. (casewatch's older layout below reads a ``<dolo>`` table like any other.)

casewatch's own earlier layout (``<SSDA903 year="..">``, one element per table, ``<row>`` records) is still read.
A root that is neither is refused, naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from casewatch.returns import xmlsafe
from casewatch.returns.core import ReturnFile
from casewatch.returns.ssda903.read_csv import TABLES, _latest_date, year_from_name
from casewatch.returns.ssda903.write_xml import AD1, IN_CHILD, IN_HEADER, OC3, UASC

_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_ALIAS = {"CHILDID": "CHILD", "PL": "PLACE"}
RECORDS = {**IN_HEADER, **IN_CHILD, "SWEPISODE": IN_CHILD["SW_EPISODE"]}
HEADER_FIELDS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC")
GROUPS = {"uasc": UASC, "oc3": OC3, "ad1": AD1}  # flat fields of one-per-child tables
_GROUP_OF = {f: t for t, fields in GROUPS.items() for f in fields}
_GROUP_ELEMENT = {"UASC": "uasc", "OC3": "oc3", "AD1": "ad1"}  # the same fields nested in an element
_NOT_UASC = {"", "0", "N", "NO", "FALSE"}


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _root_name(head: bytes) -> str | None:
    text = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head[:8192], flags=re.DOTALL)
    m = _ROOT.search(text)
    return m.group(2).decode("ascii", "replace") if m else None


def sniff_xml(head: bytes) -> bool:
    root = _root_name(head) or ""
    return "903" in root or (b"<CHILD>" in head[:65536] and b"<CHILDID>" in head[:65536])


def read_xml(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, "ssda903", year)
    reader = _Reader(out)
    try:
        xmlsafe.read_head(path)
        reader.run(path)
    except (OSError, xmlsafe.XMLAttack) as exc:
        out.error = xmlsafe.refused(path, exc)
        out.tables.clear()
        out.records = 0
        return out
    except etree.XMLSyntaxError as exc:
        if out.records == 0:
            out.error = f"{name}: not well-formed XML (line {exc.lineno})"
            return out
        out.issue("CW-XML", f"not well-formed XML from line {exc.lineno}; {out.records} records before it were "
                  "read, the rest were not", row=exc.lineno)
    if out.error:
        return out
    reader.report_unknown()
    if reader.mode is None:
        if "903" not in (reader.root or ""):
            out.error = f"{name}: root element <{reader.root}> is not a 903 XML layout casewatch knows, and it is empty"
            return out
        out.issue("CW-XML", f"the file holds no <CHILD> records (root <{reader.root}>)")
    if out.year is None:
        out.year = year_from_name(path.name)
    if out.year is None:
        dates = [d for t, b in out.tables.items() if t != "ssda903.uasc" for d in [_latest_date(b)] if d]
        latest = max(dates) if dates else None
        if latest is None:
            out.issue("CW-YEAR", "the collection year cannot be told from the file, its name or its dates; "
                      "give it with --year")
        else:
            out.year = latest.year + (1 if latest.month >= 4 else 0)
            out.issue("CW-YEAR", f"collection year {out.year} told from the latest date in the file",
                      severity="query")
    for b in out.tables.values():
        b.year = out.year
    return out


class _Reader:
    def __init__(self, out: ReturnFile):
        self.out = out
        self.root: str | None = None
        self.mode: str | None = None  # "dfe" (CHILD records) | "legacy" (casewatch's <row> tables)
        self.unknown: dict[tuple[str, str], list[int]] = {}  # (parent, element) -> [count, first line]

    def run(self, path: Path) -> None:
        out, depth = self.out, 0
        for event, el in xmlsafe.iterparse(path):
            if event == "start":
                depth += 1
                if depth == 1:
                    self.root = _local(el.tag)
                    y = (el.get("year") or "").strip()
                    if out.year is None and y.isdigit():
                        out.year = int(y)
                elif depth == 2 and self.mode is None and not self._layout(_local(el.tag)):
                    return
                continue
            depth -= 1
            tag = _local(el.tag)
            if depth == 1:  # a record (dfe) or a table (legacy) ended
                if self.mode == "dfe":
                    if tag == "CHILD":
                        self._child(el)
                    else:
                        self._unknown(self.root, tag, el.sourceline)
                elif self.mode == "legacy" and tag not in TABLES:
                    self._unknown(self.root, tag, el.sourceline)
                el.clear(keep_tail=False)
                while el.getprevious() is not None:
                    del el.getparent()[0]
            elif depth == 2 and self.mode == "legacy":
                table = _local(el.getparent().tag)
                if tag == "row" and table in TABLES:
                    values = {_local(c.tag): c.text for c in el if isinstance(c.tag, str)}
                    out.builder(f"ssda903.{table}").add(el.sourceline, values)
                    out.records += 1
                elif tag != "row":
                    self._unknown(table, tag, el.sourceline)
                el.clear(keep_tail=False)

    def _layout(self, first: str) -> bool:
        """Told from the root and its first element; False (and the file's error set) if not a 903."""
        root = self.root or ""
        if first == "CHILD":
            self.mode = "dfe"
            if "903" not in root:
                self.out.issue("CW-XML", f"root element <{root}> does not name the 903; read as a 903 because it "
                               "holds <CHILD> records", severity="query")
            return True
        if root == "SSDA903" and first in TABLES:
            self.mode = "legacy"
            return True
        self.out.error = (f"{self.out.path}: root element <{root}> (first holding <{first}>) is not a 903 XML "
                          "layout casewatch knows: <EXPSSDA903> holding <CHILD> records, as case-management systems "
                          "export it, or casewatch's older <SSDA903 year=...> tables")
        return False

    def _unknown(self, parent: str | None, tag: str, line: int | None) -> None:
        seen = self.unknown.setdefault((parent or "", tag), [0, line])
        seen[0] += 1

    def report_unknown(self) -> None:
        for (parent, tag), (n, line) in self.unknown.items():
            times = f"{n} times, first on line {line}" if n > 1 else f"line {line}"
            self.out.issue("CW-ELEMENT", f"element <{tag[:40]}> in <{parent[:40]}> is not in the 903 XML layout; "
                           f"ignored ({times})", severity="query", row=line, field=tag[:40])

    def _child(self, child) -> None:
        header: dict[str, str | None] = {}
        groups: dict[str, list[dict]] = {t: [] for t in GROUPS}
        records: list[tuple[str, object]] = []  # (element name, element), in the file's order
        header_line = child.sourceline
        twice: set[str] = set()

        def scan(parent, where: str) -> None:
            for el in parent:
                if not isinstance(el.tag, str):
                    continue  # comments, processing instructions
                tag = _local(el.tag)
                name = _ALIAS.get(tag, tag)
                if tag in RECORDS:
                    records.append((tag, el))
                elif tag == "HEADER" and where == "CHILD":
                    nonlocal header_line
                    header_line = el.sourceline
                    scan(el, "HEADER")
                elif tag in _GROUP_ELEMENT and len(el):  # <UASC><DUC>..</DUC></UASC>: a nested group
                    table = _GROUP_ELEMENT[tag]
                    if table == "uasc":
                        header.setdefault("UASC", "1")
                    values = {}
                    for f in el:
                        if isinstance(f.tag, str) and _local(f.tag) in GROUPS[table] and not len(f):
                            values[_local(f.tag)] = f.text
                        elif isinstance(f.tag, str):
                            self._unknown(tag, _local(f.tag), f.sourceline)
                    groups[table].append(values)
                elif len(el):
                    self._unknown(where, tag, el.sourceline)
                elif name in _GROUP_OF:
                    rows = groups[_GROUP_OF[name]]
                    if not rows or name in rows[-1]:  # a repeated group field starts the group's next row
                        rows.append({})
                    rows[-1][name] = el.text
                elif name in HEADER_FIELDS:
                    if name in header:
                        twice.add(tag)
                    else:
                        header[name] = el.text
                else:
                    self._unknown(where, tag, el.sourceline)

        scan(child, "CHILD")
        out = self.out
        child_id = (header.get("CHILD") or "").strip() or None
        for tag in sorted(twice):
            out.issue("CW-ELEMENT", f"<{tag}> appears twice in one child; the first is used", severity="query",
                      table="header", row=header_line, child=child_id, field=_ALIAS.get(tag, tag))
        if child_id is None:
            out.issue("CW-ELEMENT", "a <CHILD> has no <CHILDID>", table="header", row=header_line, field="CHILD")
        base = {"CHILD": header.get("CHILD"), "DOB": header.get("DOB")}
        self._add("header", header_line, header, child_id)
        uasc_flag = (header.get("UASC") or "").strip().upper()
        for table, rows in groups.items():
            for values in rows:
                if table == "uasc" and uasc_flag in _NOT_UASC and not any(_filled(v) for v in values.values()):
                    continue
                if table != "uasc" and not any(_filled(v) for v in values.values()):
                    continue  # empty <IN_TOUCH />... written for every child: no row
                self._add(table, header_line, {**base, "SEX": header.get("SEX"), **values}, child_id)
        if uasc_flag not in _NOT_UASC and not groups["uasc"]:
            self._add("uasc", header_line, {**base, "SEX": header.get("SEX")}, child_id)
        for tag, el in records:
            table, fields = RECORDS[tag]
            known = {_ALIAS.get(f, f) for f in fields} | {"CHILD", "DOB"}
            values = dict(base)
            for f in el:
                if not isinstance(f.tag, str):
                    continue
                ftag = _local(f.tag)
                fname = _ALIAS.get(ftag, ftag)
                if fname in known and not len(f):
                    values[fname] = f.text
                else:
                    self._unknown(tag, ftag, f.sourceline)
            self._add(table, el.sourceline, values, child_id)

    def _add(self, table: str, line: int | None, values: dict, child_id: str | None) -> None:
        self.out.builder(f"ssda903.{table}").add(line, values, child=child_id)
        self.out.records += 1


def _filled(value) -> bool:
    return value is not None and value.strip() != ""
