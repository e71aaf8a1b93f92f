"""Read an Annex A workbook: lists in any order, under any sheet name, header row wherever it is.

A sheet is taken for list N when its name says so ("List 3", "list_3 referrals") or, failing that, when
its headers match that list best. The header row is the row, among the first 15, that matches most of the
list's columns (by exact name, case and spacing aside, or by the header patterns councils' variants need).
Coded columns go through Ofsted's alias table ("1 - Male", "M", "Male" -> "a) Male"); a label the table
does not know is kept as written, for the mapping to read a DfE code from it if it carries one.
"""

from __future__ import annotations

import re
from pathlib import Path

from casewatch.model.codes import ETHNICITY
from casewatch.returns.annex_a.spec import lists, matchers, norm
from casewatch.returns.core import ReturnFile

_ETHNIC = re.compile(r"(?<![A-Z])(" + "|".join(ETHNICITY) + r")(?![A-Z])")
_SOURCE = re.compile(r"(?<![0-9A-Z])(1[A-D]|2[AB]|3[A-F]|5[A-D]|10|[46789])(?![0-9A-Z])")
KEEP_DFE_CODES = {"ethnicity": _ETHNIC, "contact_source": _SOURCE, "referral_source": _SOURCE}
_LIST_NAME = re.compile(r"list\s*[_\- ]?\s*(\d{1,2})", re.IGNORECASE)


def _match(lst: str, headers: list) -> dict[int, dict]:
    """column index -> spec column, for the headers of one row."""
    taken, out = set(), {}
    cols = matchers(lst)
    for i, h in enumerate(headers):
        if h is None or str(h).strip() == "":
            continue
        text = norm(h)
        for col, pats in cols:
            if col["field"] in taken:
                continue
            if norm(col["name"]) == text or any(p.search(str(h)) for p in pats):
                out[i] = col
                taken.add(col["field"])
                break
    return out


def _header_row(lst: str, rows: list[tuple]) -> tuple[int, dict[int, dict]]:
    best = (0, {})
    for n, row in enumerate(rows[:15]):
        m = _match(lst, list(row))
        if len(m) > len(best[1]):
            best = (n, m)
    return best


def _which_list(title: str, rows: list[tuple]) -> str | None:
    m = _LIST_NAME.search(title)
    if m and f"list_{int(m.group(1))}" in lists():
        return f"list_{int(m.group(1))}"
    scores = {lst: len(_header_row(lst, rows)[1]) for lst in lists()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 4 else None


def _value(col: dict, v):
    if v is None:
        return None
    if isinstance(v, str) and v.startswith("="):
        return "#formula"  # a formula saved without its value: not a value
    if col["type"] == "category":
        if col["field"] in KEEP_DFE_CODES:  # a label carrying the DfE's own code keeps it ('a) WBRI', '6: Police')
            m = KEEP_DFE_CODES[col["field"]].search(str(v).upper())
            if m:
                return m.group(1)
        key = norm(int(v) if isinstance(v, float) and v.is_integer() else v)
        return col["aliases"].get(key, str(v).strip())
    return v


def read_annex_a(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, "annex_a", year)
    import openpyxl  # imported here: a load without workbooks should not pay for it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        out.error = f"{name}: not a readable xlsx workbook ({type(exc).__name__})"
        return out
    try:
        for sheet in book.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            lst = _which_list(sheet.title, rows) if rows else None
            if lst is None:
                if rows:
                    out.issue("CW-SHEET", f"sheet {sheet.title[:40]!r} is not an Annex A list; ignored",
                              severity="query")
                continue
            at, cols = _header_row(lst, rows)
            builder = out.builder(f"annex_a.{lst}")
            found = {c["field"] for c in cols.values()}
            for c in lists()[lst]:
                if c["field"] not in found:
                    out.issue("CW-COLUMN", f"{lst}: no column for {c['name'][:60]}", severity="query", table=lst,
                              row=at + 1, field=c["field"])
            for n, row in enumerate(rows[at + 1:], start=at + 2):
                if not any(v is not None and str(v).strip() for v in row):
                    continue
                values = {c["field"]: _value(c, row[i] if i < len(row) else None) for i, c in cols.items()}
                builder.add(n, values)
                out.records += 1
    finally:
        book.close()
    if out.records == 0 and not out.error:
        out.error = f"{name}: no Annex A list with any rows in this workbook"
    return out
