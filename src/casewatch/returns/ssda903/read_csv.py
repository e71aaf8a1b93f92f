"""Read one SSDA903 CSV (one table per file) as councils really send them.

The table is told from the header row (column names matched without regard to case, spaces or BOM; extra
columns ignored and reported once) and, when two tables fit equally, from the file name. Encoding: UTF-8
(with or without BOM), else Windows-1252 (what Excel writes), else Latin-1. Blank rows are skipped and not
counted. ``_row`` is the line in the file a record ends on, the header being line 1. Damaged rows (stray
carriage returns, cells over 128 KB, unclosed quotes, extra cells) are read as ``returns/csvfile.py`` says,
with a CW-CSV issue each.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from casewatch.returns.core import ReturnFile
from casewatch.returns.csvfile import Rows, decode, first_row
from casewatch.returns.staging import STAGING

TABLES = {t.name: t for t in STAGING.values() if t.schema == "ssda903"}
NAME_HINTS = {
    "header": ("header",), "episodes": ("episode",), "reviews": ("review",), "uasc": ("uasc",),
    "oc2": ("oc2",), "oc3": ("oc3",), "ad1": ("ad1",), "placed_adoption": ("placed", "adoption"),
    "prev_perm": ("prev",), "missing": ("missing",), "social_worker": ("social", "sw"),
}
# a column only this table has: the header must contain it for the table to be chosen
MARKER = {
    "header": "ETHNIC", "episodes": "DECOM", "reviews": "REVIEW", "uasc": "DUC", "oc2": "SDQ_SCORE",
    "oc3": "IN_TOUCH", "ad1": "DATE_INT", "placed_adoption": "DATE_PLACED", "prev_perm": "PREV_PERM",
    "missing": "MIS_START", "social_worker": "SW_ID",
}
_YEAR_IN_NAME = re.compile(r"(?<!\d)(20[1-3]\d)(?!\d)")


def norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip(" \t\r\n\ufeff\u00a0\"'")).upper()


def table_for_header(head: bytes, filename: str = "") -> str | None:
    try:
        cols = {norm(c) for c in first_row(decode(head))}
    except UnicodeDecodeError:
        return None
    if "CHILD" not in cols:
        return None
    fits = [t for t, m in MARKER.items() if m in cols]
    if len(fits) > 1:
        lower = filename.lower()
        named = [t for t in fits if any(h in lower for h in NAME_HINTS[t])]
        fits = named or sorted(fits, key=lambda t: -len(cols & set(TABLES[t].field_names)))
    return fits[0] if fits else None


def year_from_name(name: str) -> int | None:
    found = _YEAR_IN_NAME.findall(name)
    return int(found[-1]) if found else None


def read_csv(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        return ReturnFile(name, "ssda903", year, error=f"{name}: cannot be read ({exc.strerror})")
    except UnicodeDecodeError:
        return ReturnFile(name, "ssda903", year, error=f"{name}: not a text (CSV) file")
    table = table_for_header(text[:65536].encode("utf-8"), path.name)
    if table is None:
        return ReturnFile(name, "ssda903", year, error=f"{name}: the header row is not one of the 903 tables")
    year = year or year_from_name(path.name)
    out = ReturnFile(name, "ssda903", year)
    rows = Rows(text, out, table)
    header, at = rows.header, rows.header_row
    builder = out.builder(f"ssda903.{table}")
    wanted = set(builder.table.field_names)
    index: dict[str, int] = {}
    for i, raw in enumerate(header):
        col = norm(raw)
        if col in index:
            out.issue("CW-COLUMN", f"column {col} appears twice; the first is used", severity="query",
                      table=table, row=at, field=col)
        elif col in wanted:
            index[col] = i
        elif col:
            out.issue("CW-COLUMN", f"column {col} is not in the 903 {table} table; ignored", severity="query",
                      table=table, row=at, field=col)
    for col in builder.table.field_names:
        if col not in index and (col == "CHILD" or not _may_be_absent(table, col, year)):
            out.issue("CW-COLUMN", f"required column {col} is missing", table=table, row=at, field=col)
    rows.names = [None] * len(header)
    for col, i in index.items():
        rows.names[i] = col
    latest = None
    for line, cells in rows:
        values = {col: (cells[i] if i < len(cells) else None) for col, i in index.items()}
        builder.add(line, values, child=None)
        out.records += 1
    if out.year is None:
        latest = _latest_date(builder)
        out.year = (latest.year + (1 if latest.month >= 4 else 0)) if latest else None
        if out.year is None:
            out.issue("CW-YEAR", "the collection year cannot be told from the file name or its dates; "
                      "give it with --year", table=table)
        else:
            out.issue("CW-YEAR", f"collection year {out.year} told from the latest date in the file",
                      severity="query", table=table)
    return out


def _may_be_absent(table: str, col: str, year: int | None) -> bool:
    from casewatch.returns.ssda903 import spec

    return col not in spec.columns(year or spec.LAST, table)


def _latest_date(builder) -> dt.date | None:
    dates = [d for f in builder.table.fields if f.type == "DATE" and f.name not in ("DOB", "MC_DOB")
             for d in builder.columns[f.name] if d is not None]
    return max(dates) if dates else None
