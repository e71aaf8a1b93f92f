"""Reference data a council supplies with its returns: the ONS Postcode Directory and Ofsted's provider lists
(docs/returns/reference.md).

The DfE derives the 903's LA of placement (PL_LA), placement location (PL_LOCATION, IN or OUT of the council's
area) and distance from home (PL_DISTANCE) from the episode's postcodes; its rules about them (164, 169, 179,
392a, 392c, 398, 406, 411, 420, 452, 453, 454, 503G, 503H, 503J, 1015) need the directory, and are reported as
not run without it. Ofsted's lists of children's homes and social care providers (``providers.py``) give each
provider's URN, placement types, provider codes, LA, postcode and closure date: the rules on the episode's URN
(1008, 219, 221, 224, 227, 228, 229, 241) need them. The data has no collection year and no canonical table:
every row is accounted for as read and used by the rules (``to_model``'s ``_folded``), and none of it is kept in the analytics database.
"""

from __future__ import annotations

from casewatch.returns.core import ReturnFile
from casewatch.returns.reference import providers
from casewatch.returns.reference.council import ons_codes, stage_council
from casewatch.returns.reference.read import KIND, check, postcode_sql
from casewatch.returns.reference.read import read as read_directory
from casewatch.returns.reference.read import sniff as sniff_directory
from casewatch.returns.reference.tables import STAGING


def sniff(path, head: bytes) -> bool:
    """A postcode directory CSV, or a workbook of Ofsted's provider lists."""
    return sniff_directory(path, head) or providers.sniff(path, head)


def read(path, year: int | None = None) -> ReturnFile:
    """A workbook is read as Ofsted's provider lists, anything else as a postcode directory."""
    if str(path).lower().endswith((".xlsx", ".xlsm")):
        return providers.read(path, year)
    return read_directory(path, year)


def finish(con, files: list[ReturnFile], council_id: str | None = None) -> None:
    """After staging, once: the directory's issues and repeated postcodes (``read.check``), and the council's
    own LA (``council.stage_council``)."""
    check(con, files)
    stage_council(con, files, council_id)


def to_model() -> dict[str, str]:
    """No canonical table takes reference data: its rows are folded (accounted, no row of their own)."""
    return {"_folded": """
        SELECT _file, _row, NULL::BIGINT AS _line, 'reference.postcodes' AS _src FROM reference.postcodes
        UNION ALL
        SELECT _file, _row, NULL::BIGINT AS _line, 'reference.council_la' AS _src FROM reference.council_la
        UNION ALL
        SELECT _file, _row, NULL::BIGINT AS _line, 'reference.providers' AS _src FROM reference.providers"""}


__all__ = ["KIND", "STAGING", "sniff", "read", "to_model", "finish", "postcode_sql", "ons_codes"]
