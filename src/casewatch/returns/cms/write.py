"""Write the case-management extract from the canonical tables (the synthetic council's 'system export').

Everything is written (no date window), except the assessment and section 47 details, which only mean
something beside a CIN census: they are written for the records the census years from ``since`` cover.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from casewatch.returns.cms.tables import FILES


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    return str(v)


def write_cms(con, out_dir: Path, *, since: dt.date | None = None, la_code: str | None = None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    since_sql = f"DATE '{since.isoformat()}'" if since else "DATE '1900-01-01'"
    where = {
        "assessments": f"WHERE authorised_date IS NULL OR authorised_date >= {since_sql}",
        "section47": f"WHERE start_date >= {since_sql} OR icpc_date >= {since_sql}",
    }
    written = []
    for stem, (table, cols, _) in FILES.items():
        select = ", ".join(f"'{la_code or ''}' AS la_code" if c == "la_code" else c for c in cols)
        order = ", ".join(c for c in cols if c.endswith("_id") or c.endswith("date"))[:200] or cols[0]
        cur = con.execute(f"SELECT {select} FROM {table} {where.get(table, '')} ORDER BY {order}")
        path = out_dir / f"{stem}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            w.writerows([_cell(v) for v in row] for row in cur.fetchall())
        written.append(path)
    return written
