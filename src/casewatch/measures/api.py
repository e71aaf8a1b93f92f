"""The measures API: one council of an analytics database, opened read-only and scoped, for any caller.

    from casewatch.measures.api import open_council

    with open_council("analytics.duckdb", la="877") as (con, ctx):
        rows = con.execute("SELECT count(*) FROM referrals").fetchall()   # this council's referrals only

``con`` is an in-memory DuckDB connection with the database attached read-only as ``db`` and a view per
canonical table holding only the council's rows (``measures.scope``); ``ctx`` says which council, its DfE code,
the period end and the dates the data covers (``measures.run.Context``). Every command, the dashboard, the
report and the jobs open a council this way; an IndicatorError says plainly what cannot be (several councils and
none chosen, no such council or LA code, a period end after the data).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb

from casewatch.measures.run import Context, IndicatorError, council_context
from casewatch.measures.scope import attach, scope

__all__ = ["Context", "IndicatorError", "open_council"]


@contextmanager
def open_council(db: str | Path, council: str | None = None, la: str | None = None,
                 period_end: date | None = None) -> Iterator[tuple[duckdb.DuckDBPyConnection, Context]]:
    """(connection, context) for one council of ``db``, closed on leaving the block."""
    con = attach(str(db))
    try:
        ctx = council_context(con, council, period_end, la)
        scope(con, ctx.council_id)
        yield con, ctx
    finally:
        con.close()
