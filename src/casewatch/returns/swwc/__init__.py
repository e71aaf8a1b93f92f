"""The children's social work workforce census (CSWW), XML: workers at 30 September, starters, leavers,
absence, cases held, and the council's vacancies and agency cover (docs/returns/workforce.md).

``ReturnFile.year`` is the census year as the file's ``<Year>`` says (census at 30 September of that year).
Records read: each ``<CSWWWorker>``, and the ``<LALevelVacancies>``.
"""

from __future__ import annotations

import re
from pathlib import Path

from casewatch.returns.core import ReturnFile
from casewatch.returns.staging import register
from casewatch.returns.swwc.read import VACANCIES, WORKER, read_swwc
from casewatch.returns.swwc.to_model import to_model
from casewatch.returns.swwc.write import write_swwc

KIND = "swwc"
XSD = Path(__file__).with_name("social_work_workforce_2022.xsd")
register(WORKER, VACANCIES)


def sniff(path: Path, head: bytes) -> bool:
    return b"<CSWWWorker" in head or b"<LALevelVacancies" in head or b"<Collection>CSWW" in head


def read(path, year: int | None = None) -> ReturnFile:
    return read_swwc(Path(path), year)


def xsd_errors(path) -> list[str]:
    """Faults against the 2022 XSD, each as 'line N: message' without the offending value."""
    from lxml import etree

    from casewatch.returns import xmlsafe

    schema = etree.XMLSchema(xmlsafe.parse(XSD))
    doc = xmlsafe.parse(Path(path))
    if schema.validate(doc):
        return []
    out = []
    for e in schema.error_log:
        where, _, what = e.message.partition(": ")
        what = re.sub(r"'[^']*'", "'...'", what)
        out.append(f"line {e.line}: {where[:60]}: {what[:160]}")
    return out


__all__ = ["KIND", "XSD", "sniff", "read", "to_model", "write_swwc", "xsd_errors"]
