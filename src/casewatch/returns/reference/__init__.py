"""Reference data a council supplies with its returns: the ONS Postcode Directory (docs/returns/reference.md).

The DfE derives the 903's LA of placement (PL_LA), placement location (PL_LOCATION, IN or OUT of the council's
area) and distance from home (PL_DISTANCE) from the episode's postcodes; its rules about them (164, 169, 179,
392a, 392c, 398, 406, 411, 420, 452, 453, 454, 503G, 503H, 503J, 1015) need the directory, and are reported as
not run without it. The data has no collection year and no canonical table: every row is accounted for as read
and used by the rules (``to_model``'s ``_folded``), and none of it is kept in the analytics database.
"""

from __future__ import annotations

from casewatch.returns.core import ReturnFile
from casewatch.returns.reference.council import ons_codes, stage_council
from casewatch.returns.reference.read import KIND, check, postcode_sql, read, sniff
from casewatch.returns.reference.tables import STAGING


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
        SELECT _file, _row, NULL::BIGINT AS _line, 'reference.council_la' AS _src FROM reference.council_la"""}


__all__ = ["KIND", "STAGING", "sniff", "read", "to_model", "finish", "postcode_sql", "ons_codes"]
