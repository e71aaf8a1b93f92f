"""Write one collection year's CIN census XML from the canonical tables, valid against that year's XSD.

Inclusion (DfE guidance for 1 April Y-1 to 31 March Y): every child with a CIN episode open at any time in
the year, each episode with the assessments, CIN plans, section 47 enquiries and CP plans that overlap the
year. Anything after 31 March Y is not known yet and is left out (end dates, authorisations, ICPCs).
Codes are written as the year's XSD has them: sex as GenderCurrent 1/2/0 to 2023-24 and Sex M/F/U after;
RC9 and 5D, new in 2022-23, become before then their nearest older codes: RC8 (closed after assessment, no
further action) and 5B (LA services, other internal: early help is an internal LA service). A code no year
knows becomes the element's own "unknown" code (10, NOBT, N0) where it has one. The canonical model knows
whether a child is disabled, not how: a disabled child is written with Disability LD (docs/returns/cin.md).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from lxml import etree

from casewatch.returns.cin import spec

NEAREST = {"ReasonForClosure": {"RC9": "RC8"}, "ReferralSource": {"5D": "5B"}}
UNKNOWN = {"ReferralSource": "10", "Ethnicity": "NOBT", "PrimaryNeedCode": "N0"}


def _d(v) -> str:
    return v.isoformat()


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _code(value, element: str, year: int):
    """The code as that year's XSD has it: cleaned, mapped to the nearest valid code, else "unknown"."""
    if value is None:
        return UNKNOWN.get(element) if spec.required(year, element) else None
    value = str(value).strip().upper()
    valid = spec.codes(year, element)
    if not valid or value in valid:
        return value
    near = NEAREST.get(element, {}).get(value)
    if near in valid:
        return near
    return UNKNOWN.get(element, value)


def write_cin(con, out_path: Path, year: int, la_code: str) -> Path:
    s, e = dt.date(year - 1, 4, 1), dt.date(year, 3, 31)
    refs = _rows(con, """SELECT * FROM referrals WHERE referral_date <= ? AND (closure_date IS NULL OR closure_date >= ?)
                         ORDER BY child_id, referral_date""", (e, s))
    ids = {r["referral_id"] for r in refs}
    kids = {r["child_id"] for r in refs}

    def by_ref(sql, params):
        out = defaultdict(list)
        for r in _rows(con, sql, params):
            if r["referral_id"] in ids:
                out[r["referral_id"]].append(r)
        return out

    assessments = by_ref("SELECT * FROM assessments WHERE start_date <= ? AND (authorised_date IS NULL OR "
                         "authorised_date >= ?) ORDER BY start_date", (e, s))
    plans = by_ref("SELECT * FROM cin_plans WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?) "
                   "ORDER BY start_date", (e, s))
    s47 = by_ref("SELECT * FROM section47 WHERE start_date <= ? AND (start_date >= ? OR icpc_date >= ?) "
                 "ORDER BY start_date", (e, s, s))
    cpps = by_ref("""SELECT *, (SELECT count(*) FROM cp_plans q WHERE q.child_id = p.child_id
                                AND q.start_date < p.start_date) AS previous
                     FROM cp_plans p WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                     ORDER BY start_date""", (e, s))
    children = {c["child_id"]: c for c in _rows(con, "SELECT * FROM children") if c["child_id"] in kids}
    sex_el = spec.sex_element(year)
    with_plans = spec.codes(year, "CINPlanStartDate") is not None or "CINPlanDates" in spec.elements(year)

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with etree.xmlfile(str(out_path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            xf.write("\n")
            xf.write(_header(year, e, la_code), pretty_print=True)
            with xf.element("Children"):
                xf.write("\n")
                by_child = defaultdict(list)
                for r in refs:
                    by_child[r["child_id"]].append(r)
                for child_id in sorted(by_child):
                    c = children.get(child_id) or {"date_of_birth": None, "sex": None, "ethnicity": None,
                                                   "disability": None}
                    el = etree.Element("Child")
                    ident = etree.SubElement(el, "ChildIdentifiers")
                    _sub(ident, "LAchildID", child_id)
                    dob = c["date_of_birth"]
                    if dob is not None:
                        _sub(ident, "PersonBirthDate" if dob <= e else "ExpectedPersonBirthDate", _d(dob))
                    sex = c["sex"] if c["sex"] in ("M", "F") else "U"
                    if sex_el == "GenderCurrent":  # 0 (not recorded or unborn) for U: 9 is indeterminate
                        sex = {"M": "1", "F": "2"}.get(sex, "0")
                    _sub(ident, sex_el, sex)
                    chars = etree.SubElement(el, "ChildCharacteristics")
                    _sub(chars, "Ethnicity", _code(c["ethnicity"], "Ethnicity", year))
                    if c["disability"] is not None:
                        _sub(etree.SubElement(chars, "Disabilities"), "Disability", "LD" if c["disability"] else "NONE")
                    for r in by_child[child_id]:
                        _details(el, r, year, e, assessments, plans if with_plans else {}, s47, cpps)
                    xf.write(el, pretty_print=True)
    return out_path


def _header(year: int, e: dt.date, la: str):
    h = etree.Element("Header")
    cd = etree.SubElement(h, "CollectionDetails")
    _sub(cd, "Collection", "CIN")
    _sub(cd, "Year", str(year))
    _sub(cd, "ReferenceDate", _d(e))
    src = etree.SubElement(h, "Source")
    _sub(src, "SourceLevel", "L")
    _sub(src, "LEA", la)
    _sub(src, "SoftwareCode", "casewatch synthetic council")
    _sub(src, "Release", "1")
    _sub(src, "SerialNo", "001")
    _sub(src, "DateTime", f"{e.isoformat()}T00:00:00")
    return h


def _sub(parent, tag: str, text) -> None:
    if text is not None:
        etree.SubElement(parent, tag).text = str(text)


def _known(v, e):
    return v if v is not None and v <= e else None


def _details(el, r, year, e, assessments, plans, s47, cpps) -> None:
    d = etree.SubElement(el, "CINdetails")
    closed = _known(r["closure_date"], e)
    _sub(d, "CINreferralDate", _d(r["referral_date"]))
    _sub(d, "ReferralSource", _code(r["source"], "ReferralSource", year))
    _sub(d, "PrimaryNeedCode", _code(r["primary_need"], "PrimaryNeedCode", year))
    if closed:
        _sub(d, "CINclosureDate", _d(closed))
        _sub(d, "ReasonForClosure", _code(r["closure_reason"], "ReasonForClosure", year))
    # DateOfInitialCPC goes on the Section47 module only: the DfE wants it in one place (rule 2884)
    for a in assessments.get(r["referral_id"], []):
        x = etree.SubElement(d, "Assessments")
        _sub(x, "AssessmentActualStartDate", _d(a["start_date"]))
        if _known(a["authorised_date"], e):
            _sub(x, "AssessmentAuthorisationDate", _d(a["authorised_date"]))
    for p in plans.get(r["referral_id"], []):
        x = etree.SubElement(d, "CINPlanDates")
        _sub(x, "CINPlanStartDate", _d(p["start_date"]))
        if _known(p["end_date"], e):
            _sub(x, "CINPlanEndDate", _d(p["end_date"]))
    for s in s47.get(r["referral_id"], []):
        x = etree.SubElement(d, "Section47")
        _sub(x, "S47ActualStartDate", _d(s["start_date"]))
        icpc = _known(s["icpc_date"], e)
        if icpc:
            _sub(x, "DateOfInitialCPC", _d(icpc))
        _sub(x, "ICPCnotRequired", "1" if s["outcome"] in ("cin", "nfa") and not icpc else "0")
    _sub(d, "ReferralNFA", "1" if r["nfa"] else "0")
    for p in cpps.get(r["referral_id"], []):
        x = etree.SubElement(d, "ChildProtectionPlans")
        _sub(x, "CPPstartDate", _d(p["start_date"]))
        if _known(p["end_date"], e):
            _sub(x, "CPPendDate", _d(p["end_date"]))
        _sub(x, "InitialCategoryOfAbuse", _code(p["initial_category"], "InitialCategoryOfAbuse", year))
        _sub(x, "LatestCategoryOfAbuse", _code(p["latest_category"], "LatestCategoryOfAbuse", year))
        _sub(x, "NumberOfPreviousCPP", p["previous"])
        reviews = [v for v in (p["review_dates"] or []) if v <= e]
        if reviews:
            rv = etree.SubElement(x, "Reviews")
            for v in reviews:
                _sub(rv, "CPPreviewDate", _d(v))
