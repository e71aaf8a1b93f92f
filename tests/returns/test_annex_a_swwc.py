"""Annex A workbooks and the workforce census: the real-format samples, the mess, the writers."""

import datetime as dt

import duckdb
import pytest
import xlsxwriter
from lxml import etree

from casewatch.returns import annex_a, swwc
from casewatch.returns.write_all import canonical_views
from casewatch.synth import SynthOptions, generate


def test_annex_a_sample(samples):
    f = annex_a.read(samples / "Annex_A_2024_Jan.xlsx")
    assert (f.error, f.records) == (None, 59)
    rows = {k.split(".")[1]: len(b) for k, b in f.tables.items()}
    assert rows == {"list_1": 5, "list_2": 5, "list_3": 6, "list_4": 5, "list_5": 5, "list_6": 5, "list_7": 7,
                    "list_8": 5, "list_9": 6, "list_10": 5, "list_11": 5}
    l1 = f.tables["annex_a.list_1"].columns
    assert l1["child_unique_id"][0] == "9212044" and l1["gender"][0] == "b) Female"  # 'Female' -> Ofsted code
    assert l1["contact_source"][0] == "6"  # 'q) 6: Police' keeps its DfE code
    assert l1["date_of_contact"][0] == dt.date(2020, 9, 16)


def test_annex_a_mess(tmp_path):
    p = tmp_path / "annex.xlsx"
    book = xlsxwriter.Workbook(str(p))
    s3 = book.add_worksheet("Referrals (List 3)")  # sheets out of order, header on row 3 under a title
    s3.write_row(0, 0, ["Annex A list 3: referrals"])
    s3.write_row(2, 0, ["Child ID", "Gender", "Ethnicity", "Date of birth", "Age", "Date of referral",
                        "Referral source", "Referral NFA?", "Extra column"])
    s3.write_row(3, 0, [1234.0, "1 - Male", "a) WBRI", 40000, 10, "01/05/2023", "a) Individual", "b) No", "x"])
    s3.write_row(4, 0, [None] * 8)
    s3.write_row(5, 0, ["77", "F", "WBRI", "2012-01-01", 11, 45047, "g) Police", "Yes"])
    s1 = book.add_worksheet("Sheet9")  # no list in the name: told from its headers
    s1.write_row(0, 0, ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                        "Date of Contact", "Contact Source"])
    s1.write_row(1, 0, ["5", "b) Female", "WBRI", "01/01/2015", 9, "02/05/2023", "b) Schools"])
    book.add_worksheet("Notes").write_row(0, 0, ["nothing here"])
    book.close()
    f = annex_a.read(p)
    c = f.tables["annex_a.list_3"].columns
    assert f.records == 3 and c["_row"] == [4, 6]
    assert c["child_unique_id"] == ["1234", "77"] and c["gender"] == ["a) Male", "b) Female"]
    assert c["date_of_referral"] == [dt.date(2023, 5, 1), dt.date(2023, 5, 1)]  # text and Excel serial
    assert c["referral_nfa"] == ["False", "True"]
    assert f.tables["annex_a.list_1"].columns["contact_source"] == ["b) Schools"]
    assert any(i.rule == "CW-SHEET" for i in f.issues)


def test_not_a_workbook(tmp_path):
    p = tmp_path / "a.xlsx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    assert "not a readable xlsx workbook" in annex_a.read(p).error


def test_workforce_sample(samples):
    f = swwc.read(samples / "social_work_workforce_2022.xml")
    assert (f.year, f.council_id, f.error) == (2022, "301", None)
    v = f.tables["swwc.vacancies"].columns
    assert (v["NumberOfVacancies"], v["NoAgencyFTE"], v["NoAgencyHeadcount"]) == ([79.68], [59.82], [71])
    w = f.tables["swwc.worker"].columns
    assert f.records == 1 + len(w["SWENo"]) and w["SWENo"][0] == "Oz2054309383" and w["Cases30"][0] == 72


def test_workforce_attack_refused(tmp_path):
    p = tmp_path / "w.xml"
    p.write_text('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                 "<Message><CSWWWorker><SWENo>&x;</SWENo></CSWWWorker></Message>")
    assert "XML attack refused" in swwc.read(p).error


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    d = tmp_path_factory.mktemp("w")
    generate(d / "s", SynthOptions(size="tiny", seed=2, years=2, end=dt.date(2026, 3, 31)))
    con = duckdb.connect()
    canonical_views(con, d / "s")
    return con, d


def test_workforce_writer_is_xsd_valid_and_counts_cases(council):
    con, d = council
    path = swwc.write_swwc(con, d / "CSWW_2025.xml", 2025, "001")
    schema = etree.XMLSchema(etree.parse(str(swwc.XSD)))
    assert schema.validate(etree.parse(str(path))), schema.error_log
    f = swwc.read(path)
    cases = dict(zip(f.tables["swwc.worker"].columns["SWENo"], f.tables["swwc.worker"].columns["Cases30"],
                     strict=True))
    want = dict(con.execute("SELECT worker_id, count(*) FROM allocations WHERE start_date <= DATE '2025-09-30' "
                            "AND (end_date IS NULL OR end_date > DATE '2025-09-30') GROUP BY 1").fetchall())
    assert {k: v for k, v in cases.items() if v} == want


def test_annex_a_writer_reads_back(council):
    con, d = council
    path = annex_a.write_annex_a(con, d / "annex.xlsx", dt.date(2026, 3, 31))
    f = annex_a.read(path)
    n = con.execute("SELECT count(*) FROM contacts WHERE contact_date BETWEEN DATE '2025-04-01' "
                    "AND DATE '2026-03-31'").fetchone()[0]
    assert f.error is None and len(f.tables["annex_a.list_1"]) == n
