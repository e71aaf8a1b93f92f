"""Read a CIN census XML file, streaming (one <Child> at a time), with XML attacks refused.

Security: the file is opened through ``returns.xmlsafe`` (a DOCTYPE or entity declaration refuses it; the
parser never resolves entities, loads a DTD or touches the network). A file that is not well-formed keeps the children read before the fault and is reported with
the line of the fault (rule CW-XML), so the analyst can fix it and nothing read is thrown away silently.
A root other than <Message> or an empty file is unreadable, with the reason (docs/returns/cin.md).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from lxml import etree

from casewatch.returns import xmlsafe
from casewatch.returns.core import ReturnFile, _blank, clean_id, parse_date

CHILD_FIELDS = ("LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
                "PersonDeathDate")
DETAIL_FIELDS = ("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                 "DateOfInitialCPC", "ReferralNFA")
KNOWN = set(CHILD_FIELDS + DETAIL_FIELDS) | {
    "Child", "ChildIdentifiers", "ChildCharacteristics", "CINdetails", "GenderCurrent", "Sex", "Ethnicity",
    "Disabilities", "Disability", "Assessments", "AssessmentActualStartDate", "AssessmentInternalReviewDate",
    "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment", "AssessmentFactors", "CINPlanDates",
    "CINPlanStartDate", "CINPlanEndDate", "Section47", "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired",
    "ChildProtectionPlans", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP", "Reviews", "CPPreviewDate"}


def _text(el, name: str):
    found = el.find(name)
    return found.text if found is not None else None


class _Refused(Exception):
    pass


def _header(path: Path, out: ReturnFile) -> None:
    """Year, reference date and LA code from the <Header>, read before the children stream. Also checks the
    root is <Message> (xmlsafe checks, whatever the first 64 KiB held, that the document has no DOCTYPE)."""
    first, header, line = True, {}, None
    for event, el in xmlsafe.iterparse(path):
        if event == "start" and el.tag == "Header" and line is None:
            line = el.sourceline
        if first:
            first = False
            if el.tag != "Message":
                raise _Refused(f"the root element is <{str(el.tag)[:40]}>, not the CIN census's <Message>")
        if el.tag == "Children":
            break
        if event == "start" or el.tag not in ("Year", "ReferenceDate", "LEA"):
            continue
        header[el.tag] = el.text
        if el.tag == "LEA" and el.text:
            out.council_id = el.text.strip()
        elif el.tag == "ReferenceDate" and el.text:
            with contextlib.suppress(ValueError):
                out.extra["reference_date"] = parse_date(el.text)
        elif el.tag == "Year" and el.text and el.text.strip().isdigit():
            out.extra["header_year"] = int(el.text.strip())
    if line is not None:  # staged for the header's own rules; not a record (records are <Child>ren)
        out.builder("cin.header").add(line, header)


def read_cin(path: Path, year: int | None = None, *, xsd: bool = False) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, "cin", year)
    try:
        head = xmlsafe.read_head(path)
        if not head.strip(b" \t\r\n\xef\xbb\xbf"):
            out.error = f"{name}: the file is empty"
            return out
        _header(path, out)
    except (OSError, xmlsafe.XMLAttack) as exc:
        out.error = xmlsafe.refused(path, exc, "a CIN census")
        return out
    except _Refused as exc:
        out.error = f"{name}: not a CIN census: {exc}"
        return out
    except etree.XMLSyntaxError as exc:
        out.error = f"{name}: not well-formed XML (line {exc.lineno}): {xmlsafe.fault(exc)}"
        return out
    ref = out.extra.get("reference_date")
    out.year = year or out.extra.get("header_year") or (ref.year + (1 if ref.month >= 4 else 0) if ref else None)
    if out.year is None:
        out.issue("CW-YEAR", "no <Year> or <ReferenceDate> in the header; give the year with --year")
    try:
        for _, child in xmlsafe.iterparse(path, events=("end",), tag="Child"):
            _child(out, child)
            out.records += 1
            child.clear(keep_tail=False)
            while child.getprevious() is not None:
                del child.getparent()[0]
    except etree.XMLSyntaxError as exc:
        if out.records == 0:
            out.error = f"{name}: not well-formed XML (line {exc.lineno}): {xmlsafe.fault(exc)}"
            return out
        out.issue("CW-XML", f"not well-formed XML from line {exc.lineno}; the {out.records} children before it "
                  f"were read, the rest of the file was not", row=exc.lineno)
    if out.records == 0 and not out.error:
        out.error = f"{name}: no <Child> records: not a CIN census file, or an empty one"
    if xsd and not out.error and out.year:
        from casewatch.returns.cin.validate_xsd import xsd_issues

        out.issues.extend(xsd_issues(path, out.year))
    return out


def _kids(el) -> dict:
    """An element's children by tag, text values (the first of a repeated tag), in one pass."""
    out = {}
    for c in el:
        if c.tag not in out:
            out[c.tag] = c.text
    return out


def _child(out: ReturnFile, el) -> None:
    row = el.sourceline
    ident = el.find("ChildIdentifiers")
    chars = el.find("ChildCharacteristics")
    values = _kids(ident if ident is not None else el)
    child = clean_id(values.get("LAchildID"))
    if values.get("Sex") is None:
        values["Sex"] = values.get("GenderCurrent")
    if chars is not None:
        values["Ethnicity"] = _text(chars, "Ethnicity")
        for d in chars.iterfind("Disabilities/Disability"):
            out.builder("cin.disability").add(row, {"LAchildID": child, "Disability": d.text}, line=d.sourceline,
                                              child=child)
    out.builder("cin.child").add(row, values, child=child)
    for sub in el.iter():
        if sub.tag not in KNOWN and isinstance(sub.tag, str):
            out.issue("CW-ELEMENT", f"element {sub.tag[:40]} is not in the CIN census; ignored", severity="query",
                      table="child", row=sub.sourceline, child=child, field=sub.tag[:40])
    for n, det in enumerate(el.iterfind("CINdetails"), start=1):
        key = {"LAchildID": child, "CINdetailsID": n}
        out.builder("cin.cin_details").add(row, {**key, **_kids(det)}, line=det.sourceline, child=child)
        for a in det.iterfind("Assessments"):
            out.builder("cin.assessments").add(row, {
                **key, **_kids(a),
                "AssessmentFactors": [f.text for f in a.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors")],
            }, line=a.sourceline, child=child)
        for p in det.iterfind("CINPlanDates"):
            out.builder("cin.cin_plans").add(row, {**key, **_kids(p)}, line=p.sourceline, child=child)
        for s in det.iterfind("Section47"):
            out.builder("cin.section47").add(row, {**key, **_kids(s)}, line=s.sourceline, child=child)
        for c in det.iterfind("ChildProtectionPlans"):
            reviews = [[r.text for r in g.iterfind("CPPreviewDate")] for g in c.iterfind("Reviews")]
            out.builder("cin.cp_plans").add(row, {
                **key, **_kids(c), "CPPreviewDate": [d for g in reviews for d in g],
                # a <Reviews> with only blank dates (or none) leaves no date in the list: counted for 8842Q
                "ReviewsWithoutDate": sum(all(_blank(d) for d in g) for g in reviews),
            }, line=c.sourceline, child=child)
