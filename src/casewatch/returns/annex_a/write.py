"""Write an Annex A workbook (lists 1-10) for the 12 months to a date, from the canonical tables.

One sheet per list ("List 1" ... "List 10"), Ofsted's column headers in Ofsted's order, dates as date cells
(dd/mm/yyyy), and codes as councils write them in Ofsted's template: the DfE code inside Ofsted's label
("q) 6: Police", "a) WBRI", "f) U6: Foster placement - not FFA"), "a) Yes"/"b) No", Ofsted's groups where
there is no DfE code ("b) Adoption"). Every label is one the reader reads back to the same code. List 11
(prospective adopters) is not written: casewatch does not model adopters. What each list holds:
``write_sql.py``; columns the canonical model cannot fill (IRO contact, health assessment dates, emergency
protection...) are left blank.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casewatch.returns.annex_a.spec import Column, label, lists
from casewatch.returns.annex_a.write_sql import queries

SEX = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
YES_NO = {True: "a) Yes", False: "b) No"}


def _cell(col: Column, value):
    if value is None:
        return None
    if col.field == "gender":
        return SEX.get(value, value)
    if col.type == "BOOLEAN":
        return YES_NO[bool(value)]
    if col.dfe:
        return label(col.dfe, value)
    return value


def write_annex_a(con, out_path: Path, period_end: dt.date) -> Path:
    """Write the workbook for the 12 months to ``period_end`` (inclusive) from ``con``'s canonical tables."""
    start = period_end.replace(year=period_end.year - 1) + dt.timedelta(days=1) \
        if not (period_end.month == 2 and period_end.day == 29) else dt.date(period_end.year - 1, 3, 1)
    s, e = f"DATE '{start.isoformat()}'", f"DATE '{period_end.isoformat()}'"
    import xlsxwriter  # here: only writing needs it

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(out_path))
    bold = book.add_format({"bold": True, "text_wrap": True})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    try:
        for lst, sql in queries(s, e).items():
            cols = lists()[lst]
            sheet = book.add_worksheet(f"List {lst.split('_')[1]}")
            sheet.write_row(0, 0, [c.header for c in cols], bold)
            cur = con.execute(sql)
            names = [d[0] for d in cur.description]
            for r, row in enumerate(cur.fetchall(), start=1):
                got = dict(zip(names, row, strict=True))
                for i, c in enumerate(cols):
                    v = _cell(c, got.get(c.field))
                    if isinstance(v, dt.date):
                        sheet.write_datetime(r, i, dt.datetime.combine(v, dt.time()), date)
                    elif isinstance(v, str):
                        sheet.write_string(r, i, v)
                    elif v is not None:
                        sheet.write_number(r, i, v)
    finally:
        book.close()
    return out_path
