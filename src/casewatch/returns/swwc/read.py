"""Read a children's social work workforce census (CSWW) XML file: streamed, with XML attacks refused.

Staging: ``swwc.worker`` (one row per ``<CSWWWorker>``, ``_row`` its line) and ``swwc.vacancies`` (the
``<LALevelVacancies>``), fields named as the XSD names its elements. Elements the XSD lets repeat
(``QualInst``, ``ContractWeeks``, ``ReasonAbsence``, ``CFKSSstatus``) are kept whole: ``QualInst`` as one
text joined with "; ", the others as lists. ``Absat30Sept`` is one answer: a second is a CW-XML query.

Year: the ``year`` given, else the header's ``<Year>``, else the year of ``<ReferenceDate>``. The census is at
30 September of that year, and that is the year casewatch names it by (``_year``; CSWW 2022 is the census
at 30 September 2022, in collection year 2022-23). ``council_id`` is ``<LEA>``.

Security (docs/decisions/0007): the file is opened through ``returns.xmlsafe``: a DOCTYPE or ENTITY
declaration refuses it ("XML attack refused"); entities are never resolved, no DTD is loaded, the network is
never used, huge trees are refused.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

from lxml import etree

from casewatch.returns import xmlsafe
from casewatch.returns.core import ReturnFile, parse_date
from casewatch.returns.staging import _t

KIND = "swwc"
WORKER_SPEC = (
    "AgencyWorker:BOOLEAN SWENo:ID FTE:DECIMAL PersonBirthDate:DATE GenderCurrent:CODE Ethnicity:CODE "
    "QualInst:VARCHAR QualLevel:CODE StepUpGrad:BOOLEAN OrgRole:CODE RoleStartDate:DATE StartOrigin:CODE "
    "RoleEndDate:DATE LeaverDestination:CODE ReasonLeave:CODE FTE30:DECIMAL Cases30:INTEGER "
    "WorkingDaysLost:DECIMAL ContractWeeks:VARCHAR[] FrontlineGrad:BOOLEAN Absat30Sept:BOOLEAN "
    "ReasonAbsence:VARCHAR[] CFKSSstatus:VARCHAR[]"
)
WORKER = _t("swwc", "worker", WORKER_SPEC)
VACANCIES = _t("swwc", "vacancies", "NumberOfVacancies:DECIMAL NoAgencyFTE:DECIMAL NoAgencyHeadcount:INTEGER")
LISTS = {"ContractWeeks", "ReasonAbsence", "CFKSSstatus"}
HEADER = {"Header", "CollectionDetails", "Collection", "Year", "ReferenceDate", "Source", "SourceLevel", "LEA",
          "SoftwareCode", "DateTime"}


class _Refused(Exception):
    pass


def _values(out: ReturnFile, el, fields: set[str], unknown: Counter) -> dict:
    values: dict[str, object] = {}
    for c in el:
        if not isinstance(c.tag, str):
            continue  # a comment or processing instruction
        tag, text = c.tag, c.text
        if tag not in fields:
            unknown[tag[:40]] += 1
        elif tag in LISTS:
            values.setdefault(tag, []).append(text)
        elif tag == "QualInst":
            values[tag] = f"{values[tag]}; {text}" if values.get(tag) and text else (values.get(tag) or text)
        elif tag in values:
            out.issue("CW-XML", f"<{tag}> is repeated; the first is used", severity="query", table=el.tag,
                      row=el.sourceline, field=tag)
        else:
            values[tag] = text
    return values


def read_swwc(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, KIND, year)
    unknown: Counter = Counter()
    worker_fields = set(WORKER.field_names)
    vacancy_fields = set(VACANCIES.field_names)
    header: dict[str, str] = {}
    first = True
    try:
        xmlsafe.read_head(path)
        for event, el in xmlsafe.iterparse(path):
            if first:
                first = False
                if el.tag != "Message":
                    raise _Refused(f"not a workforce census: the root element is <{str(el.tag)[:40]}>, "
                                   "not <Message>")
            if event == "start":
                continue
            tag = el.tag
            if tag in ("Year", "ReferenceDate", "LEA", "SoftwareCode") and el.text:
                header.setdefault(tag, el.text.strip())
            elif tag == "CSWWWorker":
                out.builder("swwc.worker").add(el.sourceline, _values(out, el, worker_fields, unknown))
                out.records += 1
            elif tag == "LALevelVacancies":
                out.builder("swwc.vacancies").add(el.sourceline, _values(out, el, vacancy_fields, unknown))
                out.records += 1
            elif tag not in HEADER and tag != "Message" and el.getparent() is not None \
                    and el.getparent().tag == "Message":
                unknown[str(tag)[:40]] += 1
            if tag in ("CSWWWorker", "LALevelVacancies"):
                el.clear(keep_tail=False)
                while el.getprevious() is not None:
                    del el.getparent()[0]
    except (OSError, xmlsafe.XMLAttack) as exc:
        out.error = xmlsafe.refused(path, exc, "a workforce census")
        return out
    except _Refused as exc:
        out.error = f"{name}: {exc}"
        out.tables.clear()
        out.records = 0
        return out
    except etree.XMLSyntaxError as exc:
        if out.records == 0:
            out.error = f"{name}: not well-formed XML (line {exc.lineno}): {xmlsafe.fault(exc)}"
            out.tables.clear()
            return out
        out.issue("CW-XML", f"not well-formed XML from line {exc.lineno}; the {out.records} records before it "
                  "were read, the rest of the file was not", row=exc.lineno)
    for tag, n in sorted(unknown.items()):
        out.issue("CW-ELEMENT", f"<{tag}> is not in the workforce census ({n} times); ignored", severity="query",
                  field=tag)
    if "swwc.worker" not in out.tables:
        out.error = f"{name}: no <CSWWWorker> records: not a workforce census file, or an empty one"
        out.tables.clear()
        out.records = 0
        return out
    _header(out, header, year)
    return out


def _header(out: ReturnFile, header: dict[str, str], year: int | None) -> None:
    out.council_id = header.get("LEA")
    if header.get("SoftwareCode"):
        out.extra["software"] = header["SoftwareCode"][:100]
    file_year = int(header["Year"]) if header.get("Year", "").isdigit() else None
    if file_year is None and header.get("ReferenceDate"):
        with contextlib.suppress(ValueError, TypeError):
            file_year = parse_date(header["ReferenceDate"]).year
    out.extra["census_year"] = file_year
    if year is None:
        out.year = file_year
    elif file_year is not None and file_year != year:
        out.issue("CW-YEAR", f"the file says census year {file_year}; read as {year}, as given", severity="query")
    if out.year is None:
        out.issue("CW-YEAR", "no <Year> or <ReferenceDate> in the header; give the census year with --year")
