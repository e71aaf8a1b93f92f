"""Write the case-management extract from the canonical tables (the synthetic council's "system export").

Everything is written (no date window), except the assessment and section 47 details, which only mean
something beside a CIN census: with ``since``, only those the census years from ``since`` cover (assessments
open on or authorised after it; enquiries started or with an ICPC on or after it). Dates dd/mm/yyyy, true/false,
UTF-8, one file per template table in the template's column order, rows in a stable order.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from casewatch.model.sql import literal
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
    """Write every template file into ``out_dir``; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    since_sql = f"DATE '{since.isoformat()}'" if since else "DATE '1900-01-01'"
    where = {
        "assessments": f"WHERE authorised_date IS NULL OR authorised_date >= {since_sql}",
        "section47": f"WHERE start_date >= {since_sql} OR icpc_date >= {since_sql}",
    }
    la = "NULL" if la_code is None else literal(la_code)
    written = []
    for stem, (table, cols, _) in FILES.items():
        select = ", ".join(f"{la} AS la_code" if c == "la_code" else c for c in cols)
        pk = ", ".join(c for c in cols if c.endswith("_id") or c.endswith("date")) or cols[0]
        ident = {"contacts": "contact_id", "early_help_episodes": "episode_id", "allocations": "allocation_id",
                 "visits": "visit_id", "assessments": "assessment_id", "section47": "s47_id"}.get(table)
        order = f"{pk}, {ident}" if ident else pk
        cur = con.execute(f"SELECT {select} FROM {table} {where.get(table, '')} ORDER BY {order}")
        path = out_dir / f"{stem}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            w.writerows([_cell(v) for v in row] for row in cur.fetchall())
        written.append(path)
    return written
