"""Write the workforce census at 30 September of a year from the canonical tables (valid against the XSD).

Included: registered social workers (not family support workers or personal advisers) in post on 30
September, and those who left in the 12 months before. Cases30 counts the allocations a worker held that
day. The generator does not model vacancies: NumberOfVacancies is written as 0.00 and agency cover as the
agency workers in post (FTE and headcount).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

ROLE = {"team_manager": "3", "senior_social_worker": "4", "advanced_practitioner": "4", "social_worker": "5"}


def _sub(parent, tag, text):
    if text is not None:
        etree.SubElement(parent, tag).text = str(text)


def write_swwc(con, out_path: Path, year: int, la_code: str = "001") -> Path:
    c = dt.date(year, 9, 30)
    since = dt.date(year - 1, 10, 1)
    rows = con.execute("""
        SELECT w.*, (SELECT count(*) FROM allocations a WHERE a.worker_id = w.worker_id AND a.start_date <= ?
                     AND (a.end_date IS NULL OR a.end_date > ?)) AS cases
        FROM workers w
        WHERE w.role IN ('social_worker', 'senior_social_worker', 'advanced_practitioner', 'team_manager')
          AND w.start_date <= ? AND (w.end_date IS NULL OR w.end_date >= ?)
        ORDER BY w.worker_id""", [c, c, c, since]).fetchall()
    cols = [d[0] for d in con.description]
    workers = [dict(zip(cols, r, strict=True)) for r in rows]
    in_post = [w for w in workers if w["end_date"] is None or w["end_date"] > c]
    agency = [w for w in in_post if w["agency"]]
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with etree.xmlfile(str(out_path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            h = etree.Element("Header")
            cd = etree.SubElement(h, "CollectionDetails")
            _sub(cd, "Collection", "CSWW")
            _sub(cd, "Year", year)
            _sub(cd, "ReferenceDate", c.isoformat())
            src = etree.SubElement(h, "Source")
            _sub(src, "SourceLevel", "L")
            _sub(src, "LEA", la_code)
            _sub(src, "SoftwareCode", "casewatch synthetic council")
            xf.write(h, pretty_print=True)
            v = etree.Element("LALevelVacancies")
            _sub(v, "NumberOfVacancies", "0.00")
            _sub(v, "NoAgencyFTE", f"{sum(float(w['fte'] or 0) for w in agency):.2f}")
            _sub(v, "NoAgencyHeadcount", len(agency))
            xf.write(v, pretty_print=True)
            for w in workers:
                left = w["end_date"] is not None and w["end_date"] <= c
                el = etree.Element("CSWWWorker")
                _sub(el, "AgencyWorker", "1" if w["agency"] else "0")
                _sub(el, "SWENo", w["worker_id"])
                _sub(el, "FTE", f"{float(w['fte'] or 0):.6f}")
                _sub(el, "QualInst", "Not recorded")
                _sub(el, "OrgRole", ROLE.get(w["role"]))
                _sub(el, "RoleStartDate", w["start_date"].isoformat())
                if left:
                    _sub(el, "RoleEndDate", w["end_date"].isoformat())
                else:
                    _sub(el, "FTE30", f"{float(w['fte'] or 0):.6f}")
                    _sub(el, "Cases30", w["cases"])
                xf.write(el, pretty_print=True)
    return out_path
