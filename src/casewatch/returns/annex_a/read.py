"""Read an Annex A workbook: lists in any order, under any sheet name, header row wherever it is.

Which list a sheet holds: its name when the name says (``List 3``, ``list_3 referrals``, ``Referrals``) and
its headers agree (at least 3 of that list's columns, and no other list matching 2 or more columns more);
otherwise the list its headers match best, when that list is clear (at least 4 columns, no other list as
good). The header row is the row among the first 20
that matches most columns: by header text compared on letters and digits only ("Date of Birth" =
"date_of_birth"), then by Ofsted's header patterns. Columns casewatch does not know are ignored (CW-COLUMN
query); blank rows are skipped; Excel error cells (#N/A...) are blank; dates may be date cells, Excel serial
numbers, dd/mm/yyyy or ISO text; IDs written as numbers (``1234.0``) are ``1234``.

Every row read has ``period_end``: the date the lists run to, which the workbook does not state. It is the
latest date in any of its lists (dates of birth aside, and dates after the day the file is read, which can
only be typing errors). ``ReturnFile.year`` is the ``year`` given, else the collection year (ending 31 March)
that holds that date.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import chain, islice
from pathlib import Path

from casewatch.returns import xlsxsafe
from casewatch.returns.annex_a.codes import header_key
from casewatch.returns.annex_a.spec import (
    EXCEL_ERRORS,
    PERIOD_END,
    Column,
    Normaliser,
    list_number,
    lists,
    title,
)
from casewatch.returns.core import ReturnFile

HEAD_ROWS = 20
_LIST_NAME = re.compile(r"list\s*[_\-.]?\s*(\d{1,2})(?!\d)", re.IGNORECASE)
_NAME_WORDS = (  # sheet names without a list number; the first that fits wins (adopters before adoption)
    ("list_11", r"adopters?\b"), ("list_2", r"early\s*help"), ("list_1", r"contacts?\b"),
    ("list_3", r"referrals?\b"), ("list_5", r"s\.?\s*47|section\s*47|strategy"), ("list_4", r"assessments?\b"),
    ("list_6", r"\bcin\b|in\s*need"), ("list_7", r"\bcp\b|protection"), ("list_9", r"care\s*leavers?|leaving"),
    ("list_8", r"\bcla\b|looked\s*after|in\s*care"), ("list_10", r"adopt"),
)


def _match(columns: tuple[Column, ...], headers) -> dict[int, Column]:
    """Column index -> spec column for one row of headers: exact (letters and digits) first, then patterns."""
    out: dict[int, Column] = {}
    taken: set[str] = set()
    texts = [(i, str(h).strip()) for i, h in enumerate(headers) if h is not None and str(h).strip()]
    by_key = {c.key: c for c in columns}
    for i, text in texts:
        c = by_key.get(header_key(text))
        if c is not None and c.field not in taken:
            out[i] = c
            taken.add(c.field)
    for i, text in texts:
        if i in out:
            continue
        for c in columns:
            if c.field not in taken and any(p.search(text) for p in c.patterns):
                out[i] = c
                taken.add(c.field)
                break
    return out


def _header_row(lst: str, rows: list[tuple]) -> tuple[int, dict[int, Column]]:
    best: tuple[int, dict[int, Column]] = (0, {})
    for n, row in enumerate(rows[:HEAD_ROWS]):
        m = _match(lists()[lst], row)
        if len(m) > len(best[1]):
            best = (n, m)
    return best


def _named(sheet_title: str) -> str | None:
    m = _LIST_NAME.search(sheet_title)
    if m:
        lst = f"list_{int(m.group(1))}"
        return lst if lst in lists() else None
    for lst, words in _NAME_WORDS:
        if re.search(words, sheet_title, re.IGNORECASE):
            return lst
    return None


def which_list(sheet_title: str, rows: list[tuple]) -> tuple[str | None, int, dict[int, Column]]:
    """(list, header row index, columns) for a sheet, or (None, 0, {}) when it is not an Annex A list."""
    found = {lst: _header_row(lst, rows) for lst in lists()}
    scores = sorted(((len(m), lst) for lst, (_, m) in found.items()), reverse=True)
    (best, lst), (second, _) = scores[0], scores[1]
    named = _named(sheet_title)
    if named and len(found[named][1]) >= 3 and not (lst != named and best > len(found[named][1]) + 1):
        return (named, *found[named])
    if best >= 4 and best > second:
        return (lst, *found[lst])
    return None, 0, {}


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def read_annex_a(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, "annex_a", year)
    try:  # sizes checked before anything is unpacked (returns.xlsxsafe)
        book = xlsxsafe.open_workbook(path)
    except xlsxsafe.Refused as exc:
        out.error = str(exc)
        return out
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        out.error = f"{name}: not a readable xlsx workbook ({type(exc).__name__})"
        return out
    done: dict[str, str] = {}
    try:
        for sheet in book.worksheets:
            _sheet(out, sheet, done)
    except Exception as exc:  # a corrupt part of the zip
        out.error = f"{name}: the workbook could not be read to the end ({type(exc).__name__})"
        out.tables.clear()
        out.records = 0
        return out
    finally:
        book.close()
    if not done:
        out.error = f"{name}: no Annex A list in this workbook (sheets are told by name or by their headers)"
        return out
    _period_end(out, year)
    return out


def _sheet(out: ReturnFile, sheet, done: dict[str, str]) -> None:
    head = list(islice(xlsxsafe.rows(sheet), HEAD_ROWS))  # streaming; at most MAX_COLUMNS wide
    name = sheet.title[:40]
    lst, at, cols = which_list(sheet.title, head)
    if lst is None:
        if any(not _blank(v) for r in head for v in r):
            out.issue("CW-SHEET", f"sheet {name!r} is not an Annex A list (by its name or headers); ignored",
                      severity="query")
        return
    if lst in done:
        out.issue("CW-SHEET", f"sheet {name!r} is a second list {list_number(lst)} (after {done[lst]!r}); "
                  "ignored", table=lst)
        return
    done[lst] = name
    builder = out.builder(f"annex_a.{lst}")
    found = {c.field for c in cols.values()}
    for c in lists()[lst]:
        if c.field not in found:
            out.issue("CW-COLUMN", f"{title(lst)} (list {list_number(lst)}): no column for {c.header[:80]!r}",
                      severity="query", table=lst, row=at + 1, field=c.field)
    for i, h in enumerate(head[at]):
        if i not in cols and not _blank(h):
            out.issue("CW-COLUMN", f"list {list_number(lst)}: column {str(h).strip()[:60]!r} is not an Annex A "
                      "column; ignored", severity="query", table=lst, row=at + 1)
    norms = {i: Normaliser(c) for i, c in cols.items() if c.codeset or c.dfe}
    errors = 0
    # the rows after the head, no wider than the last column the header uses: a cell in column XFD costs
    # what a cell in column A does
    rest = xlsxsafe.rows(sheet, min_row=len(head) + 1, max_col=max(cols) + 1) if len(head) == HEAD_ROWS else ()
    for n, row in enumerate(chain(head[at + 1:], rest), start=at + 2):
        if all(_blank(v) for v in row):
            continue
        values: dict[str, object] = {}
        for i, c in cols.items():
            v = row[i] if i < len(row) else None
            if isinstance(v, str) and v.strip() in EXCEL_ERRORS:
                errors += 1
                v = None
            if _blank(v):
                continue
            if i in norms:
                v, code = norms[i](v)
                if code is not None:
                    values[f"{c.field}_code"] = code
            values[c.field] = v
        child = values.get("child_id") or values.get("adopter_id")
        builder.add(n, values, child=str(child) if child is not None else None)
        out.records += 1
    for nm in norms.values():
        if nm.unknown:
            out.issue("CW-CODE", f"list {list_number(lst)}: {nm.unknown} value(s) of {nm.col.header[:60]!r} are "
                      "not in Ofsted's list or a DfE code list; kept as written", severity="query", table=lst,
                      field=nm.col.field)
    if errors:
        out.issue("CW-CELL", f"list {list_number(lst)}: {errors} cell(s) held an Excel error (#N/A...), read as "
                  "blank", severity="query", table=lst)


def _period_end(out: ReturnFile, year: int | None) -> None:
    today = dt.date.today()
    latest = None
    for b in out.tables.values():
        for f in b.table.fields:
            if f.type == "DATE" and f.name not in ("date_of_birth", PERIOD_END):
                for d in b.columns[f.name]:
                    if d is not None and d <= today and (latest is None or d > latest):
                        latest = d
    for b in out.tables.values():
        b.columns[PERIOD_END] = [latest] * len(b)
    out.extra["period_end"] = latest
    if year is None and latest is not None:
        out.year = latest.year + (1 if latest.month > 3 else 0)
    if out.year is None:
        out.issue("CW-YEAR", "no dates in the workbook to tell its period; give the collection year with --year",
                  severity="query")
