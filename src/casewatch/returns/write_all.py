"""Write a synthetic council's statutory returns from its canonical tables (``casewatch synth --formats returns``).

For every collection year the data covers: the 903 (CSV set and XML) and the CIN census XML; for every
30 September inside the data: the workforce census; Annex A for the 12 months to the last 31 March; and
the case-management extract once. The files are what a council would hold; loading them must give back
the canonical tables (tests/test_returns_round_trip.py).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb

from casewatch.model import TABLES
from casewatch.model.sql import literal
from casewatch.returns.annex_a import write_annex_a
from casewatch.returns.cin import write_cin
from casewatch.returns.cms import write_cms
from casewatch.returns.ssda903 import write_903
from casewatch.returns.swwc import write_swwc


def la_code(council_id: str) -> str:
    """The 3-digit LA code the returns' headers need. Real councils have one; a synthetic X01 becomes 001
    (no real LA code starts with 0)."""
    digits = "".join(ch for ch in council_id if ch.isdigit())
    return council_id if len(council_id) == 3 and council_id.isdigit() else digits[-3:].rjust(3, "0")


def canonical_views(con, source: Path) -> None:
    for t in TABLES:
        path = source / f"{t.name}.parquet"
        if path.exists():
            con.execute(f"CREATE OR REPLACE VIEW {t.name} AS SELECT * FROM read_parquet({literal(path)})")


def write_returns(source: Path, out: Path, *, first_year: int | None = None) -> list[Path]:
    truth = json.loads((source / "truth.json").read_text())
    if len(truth["councils"]) != 1:
        raise ValueError("--formats returns writes one council's returns; generate councils one at a time "
                         "(a regional pool of returns arrives with the regional issue)")
    council_id = next(iter(truth["councils"]))
    ends = sorted(dt.date.fromisoformat(d) for d in truth["period_ends"])
    years = [d.year for d in ends if first_year is None or d.year >= first_year]
    con = duckdb.connect()
    written: list[Path] = []
    try:
        canonical_views(con, source)
        for year in years:
            written += write_903(con, out / "ssda903", year, formats=("csv", "xml"))
            written.append(write_cin(con, out / "cin" / f"CIN_{year}.xml", year, la_code(council_id)))
        for kind, write in _census_writers().items():
            written += write(con, out / kind, years, ends[-1], la_code(council_id))
        since = dt.date(years[0] - 1, 4, 1) if years else None
        written += write_cms(con, out / "cms", since=since, la_code=la_code(council_id))
    finally:
        con.close()
    return [Path(p) for p in written]


def _census_writers() -> dict:
    """The workforce census and Annex A, written into their own folders (a broken import fails loudly)."""
    return {
        "workforce": lambda con, d, years, last, la: [
            write_swwc(con, d / f"CSWW_{y - 1}.xml", y - 1, la) for y in years],
        "annex_a": lambda con, d, years, last, la: [write_annex_a(con, d / f"Annex_A_{last:%Y-%m-%d}.xlsx", last)],
    }
