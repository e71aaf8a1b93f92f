"""The children's social work workforce census (CSWW), XML: workers at 30 September, starters, leavers,
absence, cases held, and the council's vacancies and agency cover.

``ReturnFile.year`` is the census year as the file's <Year> says (census at 30 September of that year).
Records counted as read: each <CSWWWorker>, and <LALevelVacancies>.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from lxml import etree

from casewatch.returns.core import ReturnFile, parse_date
from casewatch.returns.staging import _t, register
from casewatch.returns.swwc.to_model import to_model
from casewatch.returns.swwc.write import write_swwc

KIND = "swwc"
WORKER_FIELDS = ["AgencyWorker", "SWENo", "FTE", "PersonBirthDate", "GenderCurrent", "Ethnicity", "QualInst", "QualLevel", "StepUpGrad", "OrgRole", "RoleStartDate", "StartOrigin", "RoleEndDate", "LeaverDestination", "ReasonLeave", "FTE30", "Cases30", "WorkingDaysLost", "FrontlineGrad", "Absat30Sept", "ReasonAbsence", "CFKSSstatus"]
TYPES = {"SWENo": "ID", "FTE": "DECIMAL", "FTE30": "DECIMAL", "WorkingDaysLost": "DECIMAL", "Cases30": "INTEGER",
         "PersonBirthDate": "DATE", "RoleStartDate": "DATE", "RoleEndDate": "DATE", "QualInst": "VARCHAR"}
WORKER = _t("swwc", "worker", " ".join(f"{f}:{TYPES.get(f, 'CODE')}" for f in WORKER_FIELDS))
VACANCIES = _t("swwc", "vacancies", "NumberOfVacancies:DECIMAL NoAgencyFTE:DECIMAL NoAgencyHeadcount:INTEGER")
register(WORKER, VACANCIES)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
XSD = Path(__file__).with_name("social_work_workforce_2022.xsd")


def sniff(path: Path, head: bytes) -> bool:
    return b"<CSWWWorker" in head or b"<Collection>CSWW" in head


def read(path, year: int | None = None) -> ReturnFile:
    path = Path(path)
    name = str(path)
    out = ReturnFile(name, KIND, year)
    try:
        head = path.read_bytes()[:65536]
    except OSError as exc:
        out.error = f"{name}: cannot be read ({exc.strerror})"
        return out
    if _DOCTYPE.search(head):
        out.error = f"{name}: XML attack refused: the file declares a DOCTYPE or entities"
        return out
    try:
        for _, el in etree.iterparse(str(path), events=("end",), resolve_entities=False, no_network=True,
                                     load_dtd=False, huge_tree=False,
                                     tag=("Year", "ReferenceDate", "LEA", "LALevelVacancies", "CSWWWorker")):
            if el.tag == "Year" and el.text and el.text.strip().isdigit():
                out.year = out.year or int(el.text.strip())
            elif el.tag == "ReferenceDate" and el.text and out.year is None:
                with contextlib.suppress(ValueError):
                    out.year = parse_date(el.text).year
            elif el.tag == "LEA" and el.text:
                out.council_id = el.text.strip()
            elif el.tag in ("LALevelVacancies", "CSWWWorker"):
                table = "vacancies" if el.tag == "LALevelVacancies" else "worker"
                values = {}
                for c in el:
                    if isinstance(c.tag, str) and c.tag not in values:  # repeated elements: the first
                        values[c.tag] = c.text
                out.builder(f"swwc.{table}").add(el.sourceline, values)
                out.records += 1
                el.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        if out.records == 0:
            out.error = f"{name}: not well-formed XML (line {exc.lineno})"
            return out
        out.issue("CW-XML", f"not well-formed XML from line {exc.lineno}; the records before it were read",
                  row=exc.lineno)
    if out.records == 0 and not out.error:
        out.error = f"{name}: no <CSWWWorker> records"
    if out.year is None:
        out.issue("CW-YEAR", "no <Year> in the header; give the census year with --year")
    return out


__all__ = ["KIND", "sniff", "read", "to_model", "write_swwc"]
