"""Annex A workbooks: Ofsted's sample, the mess councils' workbooks hold, and the spec derived from the YAML."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter

from casewatch.returns import annex_a
from casewatch.returns.annex_a.read import which_list
from casewatch.returns.annex_a.spec import Normaliser, dfe, label, lists, staging_table
from casewatch.returns.core import EXCEL_EPOCH
from casewatch.returns.staging import STAGING
from shared_data import missing

ROOT = Path(__file__).resolve().parents[2]
YAML = [ROOT.parent / "shared/reference/specs/annex_a/Annex_A_schema.yml",
        Path("/work/shared/reference/specs/annex_a/Annex_A_schema.yml")]


def _serial(d: dt.date) -> int:
    return (d - EXCEL_EPOCH).days


def test_sample_workbook(samples):
    f = annex_a.read(samples / "Annex_A_2024_Jan.xlsx")
    assert (f.error, f.records) == (None, 59)
    rows = {k.split(".")[1]: len(b) for k, b in f.tables.items()}
    assert rows == {"list_1": 5, "list_2": 5, "list_3": 6, "list_4": 5, "list_5": 5, "list_6": 5, "list_7": 7,
                    "list_8": 5, "list_9": 6, "list_10": 5, "list_11": 5}
    l1 = f.tables["annex_a.list_1"].columns
    assert l1["child_id"][:3] == ["9212044", "11973218", "6217392"]
    assert l1["gender"][:3] == ["b) Female", "b) Female", "a) Male"]  # 'Female' -> Ofsted's code
    assert l1["gender_code"][:3] == ["F", "F", "M"]
    assert l1["ethnicity"][:3] == ["a) White", "c) Asian or Asian British", "f) Not stated"]
    assert l1["ethnicity_code"][:3] == ["WBRI", "APKN", "NOBT"]  # 'a) WBRI' keeps its DfE code
    assert l1["contact_source"][:3] == ["g) Police", "g) Police", "a) Individual"]
    assert l1["contact_source_code"][:3] == ["6", "6", "1B"]  # 'q) 6: Police', 'b) 1B: Individual'
    assert l1["contact_date"][0] == dt.date(2020, 9, 16) and l1["date_of_birth"][1] is None
    assert l1["_row"] == [2, 3, 4, 5, 6]
    l8 = f.tables["annex_a.list_8"].columns
    assert l8["legal_status_code"] == ["E1", "C2", "C2", "C2", "C1"]
    assert l8["placement_type_code"][:2] == ["U6", "U1"] and l8["placement_provider_code"][:2] == ["PR4", "PR1"]
    assert l8["uasc"][:2] == [False, False]  # header 'UASC ... (Y/N))' found by Ofsted's header pattern
    l9 = f.tables["annex_a.list_9"].columns
    assert l9["in_touch_code"][0] == "YES" and l9["accommodation_code"][:2] == ["Y", "U"]
    assert l9["activity_code"][:3] == ["F1", "F2", "G5"]
    l3 = f.tables["annex_a.list_3"].columns
    assert l3["referral_nfa"][:3] == [False, False, False] and l3["referral_source_code"][:2] == ["8", "3D"]
    # the sample's 'CS Assessment Updated' is not a yes/no answer: typed NULL, reported, value kept in _bad
    l4 = f.tables["annex_a.list_4"].columns
    assert l4["requires_support"] == [None] * 5 and '"requires_support"' in l4["_bad"][0]
    assert sum(i.rule == "CW-TYPE" and i.field == "requires_support" for i in f.issues) == 5
    assert any(i.rule == "CW-CELL" and i.table == "list_6" for i in f.issues)  # '#N/A' cells read as blank
    assert f.tables["annex_a.list_6"].columns["allocated_team"] == [None] * 5
    assert f.year == 2021 and f.extra["period_end"] == dt.date(2021, 3, 15)
    assert set(f.tables["annex_a.list_11"].columns["period_end"]) == {dt.date(2021, 3, 15)}


@pytest.fixture
def messy(tmp_path) -> Path:
    p = tmp_path / "annex.xlsx"
    book = xlsxwriter.Workbook(str(p))
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    book.add_worksheet("Notes").write_row(0, 0, ["Prepared for the inspection team"])
    s3 = book.add_worksheet("Referrals (List 3)")  # sheets out of order; header on row 3 under a title
    s3.write_row(0, 0, ["Annex A list 3: referrals"])
    s3.write_row(2, 0, ["CHILD ID", "gender", "Ethnicity", "Date of birth", "Age", "Date of referral",
                        "Referral source", "Referral NFA", "Number of referrals in last 12 months", "Notes"])
    s3.write_row(3, 0, [1234.0, "1 - Male", "WBRI - White British", None, 11, "01/05/2023", "q) 6: Police",
                        "b) No", 0, "extra"])
    s3.write_datetime(3, 3, dt.datetime(2012, 1, 1), date)
    s3.write_row(5, 0, ["77", "F", "a) White", _serial(dt.date(2012, 1, 1)), 11.5, _serial(dt.date(2023, 5, 1)),
                        "2A - Schools", "Yes", "1.0"])  # row 5 (index 4) left blank
    s3.write_row(6, 0, ["1234.0", "Unborn", "Klingon", None, None, "2023-05-02", "Parent / Carer", "NFA", None])
    s1 = book.add_worksheet("Sheet9")  # no list in the name: told from its headers
    s1.write_row(0, 0, ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                        "Date of Contact", "Contact Source"])
    s1.write_row(1, 0, ["5", "b) Female", "s) NOBT", "01/01/2015", 9, "02/05/2023", "b) Schools"])
    s1.write_row(2, 0, ["6", "M", "REFU", "01/01/2016", 8, "31/02/2023", "d) Health services"])
    book.add_worksheet("List 2").write_row(0, 0, [c.header for c in lists()["list_2"]])  # header only
    book.add_worksheet("List 3 (2)").write_row(0, 0, [c.header for c in lists()["list_3"]])  # a second list 3
    s7 = book.add_worksheet("List_7 CP")
    s7.write_row(0, 0, [c.header for c in lists()["list_7"]])
    s7.write_row(1, 0, ["9", "a) Male", "#N/A", None, None, "a) Yes", "03/03/2023", "Neglect", "e) Multiple"])
    book.close()
    return p


def test_messy_workbook(messy):
    f = annex_a.read(messy)
    assert f.error is None and f.records == 6
    c = f.tables["annex_a.list_3"].columns
    assert c["_row"] == [4, 6, 7]  # sheet rows: the blank row 5 is skipped, not counted
    assert c["child_id"] == ["1234", "77", "1234"]  # 1234.0 as a number and as text
    assert c["gender"] == ["a) Male", "b) Female", "c) Not stated/recorded"]
    assert c["gender_code"] == ["M", "F", "U"]
    assert c["ethnicity_code"] == ["WBRI", None, None] and c["ethnicity"] == ["a) White", "a) White", "Klingon"]
    assert c["date_of_birth"] == [dt.date(2012, 1, 1), dt.date(2012, 1, 1), None]  # date cell and serial
    assert c["referral_date"] == [dt.date(2023, 5, 1)] * 2 + [dt.date(2023, 5, 2)]  # text, serial, ISO
    assert c["referral_source"] == ["g) Police", "b) Schools", "a) Individual"]
    assert c["referral_source_code"] == ["6", "2A", None]  # an Individual is one of 1A-1D: not guessed here
    assert c["referral_nfa"] == [False, True, True]  # 'b) No', 'Yes', 'NFA'
    assert c["referrals_12m"] == [0, 1, None] and c["age"] == [11.0, 11.5, None]
    l1 = f.tables["annex_a.list_1"].columns
    assert l1["child_id"] == ["5", "6"] and l1["contact_source_code"] == ["2A", None]
    assert l1["contact_date"] == [dt.date(2023, 5, 2), None] and l1["_bad"][1] == '{"contact_date": "31/02/2023"}'
    assert len(f.tables["annex_a.list_2"]) == 0  # header-only sheet: a list with no rows, not an error
    l7 = f.tables["annex_a.list_7"].columns
    assert l7["ethnicity"] == [None] and l7["disability"] == [True]  # '#N/A' is blank
    assert l7["initial_category_code"] == ["NEG"] and l7["latest_category_code"] == ["MUL"]
    rules = [(i.rule, i.severity, i.table) for i in f.issues]
    assert ("CW-SHEET", "query", None) in rules  # 'Notes'
    assert ("CW-SHEET", "error", "list_3") in rules  # the second list 3
    assert ("CW-CODE", "query", "list_3") in rules and ("CW-CELL", "query", "list_7") in rules
    assert ("CW-TYPE", "error", "list_1") in rules  # 31/02/2023
    missing = {i.field for i in f.issues if i.rule == "CW-COLUMN" and i.table == "list_3" and i.field}
    assert missing == {"allocated_team", "allocated_worker"}
    assert any(i.rule == "CW-COLUMN" and "'Notes'" in i.message for i in f.issues)  # the extra column
    assert f.extra["period_end"] == dt.date(2023, 5, 2) and f.year == 2024
    assert "Klingon" not in " ".join(i.message for i in f.issues)  # values are never in messages


def test_year_given_wins(messy):
    assert annex_a.read(messy, year=2023).year == 2023


def test_not_a_workbook_and_no_lists(tmp_path):
    p = tmp_path / "a.xlsx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    assert "not a readable xlsx workbook" in annex_a.read(p).error
    q = tmp_path / "b.xlsx"
    book = xlsxwriter.Workbook(str(q))
    book.add_worksheet("Budget").write_row(0, 0, ["Cost centre", "Amount"])
    book.close()
    f = annex_a.read(q)
    assert "no Annex A list" in f.error and f.records == 0
    assert annex_a.sniff(q, q.read_bytes()[:8]) and not annex_a.sniff(tmp_path / "x.csv", b"PK")


def test_which_list_by_name_or_headers():
    l4 = [tuple(c.header for c in lists()["list_4"])]
    assert which_list("Assessments", l4)[0] == "list_4"
    assert which_list("Sheet1", l4)[0] == "list_4"
    assert which_list("List 5", l4)[0] == "list_4"  # a name the headers contradict loses
    common = [("Child Unique ID", "Gender", "Ethnicity", "Date of Birth")]
    assert which_list("Sheet1", common)[0] is None  # the columns every list has: no way to tell


def test_staging_tables_are_registered():
    t = STAGING["annex_a.list_1"]
    assert t.field_names == ["child_id", "gender", "gender_code", "ethnicity", "ethnicity_code", "date_of_birth",
                             "age", "contact_date", "contact_source", "contact_source_code", "period_end"]
    assert {f.name: f.type for f in staging_table("list_4").fields}["child_seen"] == "BOOLEAN"
    assert len([k for k in STAGING if k.startswith("annex_a.")]) == 11


def test_every_writer_label_reads_back_as_its_code():
    cols = {c.dfe: c for cs in lists().values() for c in cs if c.dfe}
    for name, col in cols.items():
        norm = Normaliser(col)
        for code in dfe(name)["codes"]:
            assert norm(label(name, code))[1] == code, (name, code, label(name, code))


def test_a_mislabelled_alias_cannot_move_a_dfe_code():
    col = next(c for c in lists()["list_1"] if c.field == "contact_source")
    # the YAML files '1B Individual - Acquaintance' under Housing; the code it carries decides
    assert Normaliser(col)("1B Individual - Acquaintance (including neighbours)") == ("a) Individual", "1B")
    eth = next(c for c in lists()["list_1"] if c.field == "ethnicity")
    assert Normaliser(eth)("White - British [WBRI]") == ("a) White", "WBRI")
    assert Normaliser(eth)("Both parents declined")[1] is None  # 'Both' is not BOTH


def test_committed_spec_is_what_the_tool_derives(tmp_path):
    src = next((p for p in YAML if p.exists()), None)
    if src is None:
        missing("Ofsted's Annex A YAML (../shared/reference/specs/annex_a) is not on this machine")
    out = tmp_path / "spec.json"
    subprocess.run([sys.executable, str(ROOT / "tools/derive_annex_a_spec.py"), str(src), str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (ROOT / "src/casewatch/returns/annex_a/spec.json").read_bytes(), \
        "spec.json is stale: run tools/derive_annex_a_spec.py"


def test_documented_fields_are_the_spec():
    from casewatch.returns.annex_a.spec import fields_markdown

    doc = (ROOT / "docs/returns/annex_a.md").read_text(encoding="utf-8")
    section = doc.split("<!-- fields:start", 1)[1].split("\n", 1)[1].split("<!-- fields:end -->")[0]
    assert section.strip() == fields_markdown().strip(), "docs/returns/annex_a.md: regenerate the field tables"
