"""Write the workforce census at 30 September of a year from the canonical tables, valid against the 2022 XSD.

Who is in it: registered social workers and their first line managers (casewatch roles social_worker,
senior_social_worker, advanced_practitioner, team_manager; not family support workers or personal advisers)
who were in post on 30 September (start_date on or before it, end_date after it or none), and those who
left in the 12 months to it (end_date from 1 October the year before to 30 September), agency workers
included. Only workers whose ID is a Social Work England number (two letters, ten digits) can be written:
the XSD requires one.

What each worker gets: ``AgencyWorker``, ``SWENo``, ``FTE``, ``QualInst`` (the XSD requires it; casewatch
does not know it: "Not recorded"), ``OrgRole`` (team_manager 3, senior_social_worker and
advanced_practitioner 4, social_worker 5), ``RoleStartDate``; leavers ``RoleEndDate``; those in post
``FTE30`` and ``Cases30``, the children allocated to them on 30 September (``allocations`` open that day:
start on or before it, no end or an end after it); ``CFKSSstatus`` 1 for an ASYE worker within 12 months of
starting. The generator does not model vacancies: ``NumberOfVacancies`` is 0.00, and agency cover is the
agency workers in post (FTE and headcount).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lxml import etree

from casewatch.model.sql import quote_list

ROLE = {"team_manager": "3", "senior_social_worker": "4", "advanced_practitioner": "4", "social_worker": "5"}
SWE = re.compile(r"^[A-Za-z]{2}\d{10}$")


def _sub(parent, tag: str, text) -> None:
    if text is not None:
        etree.SubElement(parent, tag).text = str(text)


def _fte(v) -> str | None:
    return None if v is None else f"{float(v):.6f}"


def _la_code(con) -> str:
    """The council's 3-digit LA code: its ID when that is one, else the digits of it (X01 -> 001)."""
    row = con.execute("SELECT min(council_id) FROM councils").fetchone()
    cid = row[0] if row and row[0] else "000"
    digits = "".join(ch for ch in cid if ch.isdigit())
    return cid if len(cid) == 3 and cid.isdigit() else digits[-3:].rjust(3, "0")


def census_workers(con, year: int) -> list[dict]:
    c = dt.date(year, 9, 30)
    since = dt.date(year - 1, 10, 1)
    cur = con.execute(f"""
        SELECT w.worker_id, w.role, w.fte, w.agency, w.asye, w.start_date, w.end_date,
               (SELECT count(*) FROM allocations a WHERE a.worker_id = w.worker_id AND a.start_date <= $c
                AND (a.end_date IS NULL OR a.end_date > $c)) AS cases
        FROM workers w
        WHERE w.role IN ({quote_list(ROLE)})
          AND w.start_date <= $c AND (w.end_date IS NULL OR w.end_date >= $since)
        ORDER BY w.worker_id""", {"c": c, "since": since})
    cols = [d[0] for d in cur.description]
    return [w for w in (dict(zip(cols, r, strict=True)) for r in cur.fetchall()) if SWE.match(w["worker_id"] or "")]


def write_swwc(con, out_path: Path, year: int, la_code: str | None = None) -> Path:
    """Write the census at 30 September ``year`` to ``out_path``; ``la_code`` defaults to the council's."""
    c = dt.date(year, 9, 30)
    workers = census_workers(con, year)
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
            _sub(src, "LEA", la_code or _la_code(con))
            _sub(src, "SoftwareCode", "casewatch")
            xf.write(h, pretty_print=True)
            v = etree.Element("LALevelVacancies")
            _sub(v, "NumberOfVacancies", "0.00")
            _sub(v, "NoAgencyFTE", f"{sum(float(w['fte'] or 0) for w in agency):.2f}")
            _sub(v, "NoAgencyHeadcount", len(agency))
            xf.write(v, pretty_print=True)
            for w in workers:
                xf.write(_worker(w, c), pretty_print=True)
    return out_path


def _worker(w: dict, c: dt.date):
    left = w["end_date"] is not None and w["end_date"] <= c
    el = etree.Element("CSWWWorker")
    _sub(el, "AgencyWorker", "1" if w["agency"] else "0")
    _sub(el, "SWENo", w["worker_id"])
    _sub(el, "FTE", _fte(w["fte"]))
    _sub(el, "QualInst", "Not recorded")
    _sub(el, "OrgRole", ROLE[w["role"]])
    _sub(el, "RoleStartDate", w["start_date"].isoformat())
    if left:
        _sub(el, "RoleEndDate", w["end_date"].isoformat())
    else:
        _sub(el, "FTE30", _fte(w["fte"]))
        _sub(el, "Cases30", w["cases"])
    if w["asye"] and (c - w["start_date"]).days < 365:
        _sub(el, "CFKSSstatus", "1")
    return el
