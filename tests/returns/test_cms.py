"""The case-management extract: its documented template is current, and the mess real exports hold."""

import datetime as dt
from pathlib import Path

import duckdb

from casewatch.returns import cms
from casewatch.returns.cms.read import table_for
from casewatch.returns.cms.tables import FILES, template_markdown
from casewatch.returns.stage import stage
from casewatch.returns.staging import STAGING

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_template_is_the_generated_one():
    assert (ROOT / "docs" / "cms-template.md").read_text(encoding="utf-8") == template_markdown(), \
        "docs/cms-template.md is stale: write template_markdown() to it"


def test_template_columns_are_the_models():
    from casewatch.model import TABLES_BY_NAME

    for stem, (table, cols, required) in FILES.items():
        model = TABLES_BY_NAME[table].column_names
        assert set(cols) - {"la_code"} <= set(model), stem
        assert set(required) <= set(cols) and STAGING[f"cms.{stem}"].field_names == list(cols)
        assert f"`{stem}.csv`" in template_markdown()


def test_cp1252_renamed_duplicate_and_extra_columns(tmp_path):
    p = tmp_path / "extract_visits.csv"
    text = ("Child ID, Visit Date ,KIND,child-seen,SeenAlone,SWE_No,child_id,notes\r\n"
            "1234.0,01/05/2023,cla,Yes,N,SW0010000001,x,caf\u00e9\r\n\r\n"
            '77,2023-05-02,Assessment,1,0,,x,"two\r\nlines"\r\n'
            "78,03/05/2023,cp,no,no\r\n")
    p.write_bytes(text.encode("cp1252"))  # as Excel saves "CSV": 'café' is one byte, not valid UTF-8
    f = cms.read(p)
    assert (f.error, f.records) == (None, 3)
    c = f.tables["cms.visits"].columns
    assert c["child_id"] == ["1234", "77", "78"]
    assert c["visit_date"] == [dt.date(2023, 5, 1), dt.date(2023, 5, 2), dt.date(2023, 5, 3)]
    assert c["kind"] == ["cla", "Assessment", "cp"] and c["worker_id"] == ["SW0010000001", None, None]
    assert f.tables["cms.visits"].columns["_bad"] == [None, None, None]
    assert c["child_seen"] == [True, True, False] and c["seen_alone"] == [False, False, False]
    assert c["_row"] == [2, 4, 6]  # the line each record starts on: blank line 3 skipped, line 5 a continuation
    issues = [(i.rule, i.severity, i.field) for i in f.issues]
    assert issues == [("CW-COLUMN", "query", "child_id"), ("CW-COLUMN", "query", None)]  # child_id twice; notes
    assert "'notes'" in f.issues[1].message


def test_utf8_with_bom_and_windows_1252(tmp_path):
    p = tmp_path / "teams.csv"
    p.write_bytes("\ufeffteam_id,name,service\nT1,Équipe Nord,Safeguarding\n".encode())
    assert cms.read(p).tables["cms.teams"].columns["name"] == ["Équipe Nord"]
    p.write_bytes("team_id,name,service\nT1,Caf\u00e9 Team \u2013 North,front door\n".encode("cp1252"))
    f = cms.read(p)
    assert f.tables["cms.teams"].columns["name"] == ["Café Team – North"]
    con = duckdb.connect()
    stage(con, [f])
    con.execute("SET VARIABLE council_id = 'X01'")
    assert con.execute(f"SELECT team_id, service FROM ({cms.to_model()['teams']})").fetchall() == [("T1", "front_door")]


def test_blank_header_only_and_unknown_files(tmp_path):
    (tmp_path / "teams.csv").write_text("")
    assert cms.read(tmp_path / "teams.csv").error.endswith("the file is empty")
    (tmp_path / "teams.csv").write_text("\r\n  \r\n")
    assert cms.read(tmp_path / "teams.csv").error.endswith("the file is empty")
    (tmp_path / "teams.csv").write_text("team_id,name,service,start_date\n")
    f = cms.read(tmp_path / "teams.csv")
    assert (f.error, f.records, f.issues) == (None, 0, [])
    (tmp_path / "budget.csv").write_text("cost_centre,amount\n1,2\n")
    assert "not one of the case-management extract files" in cms.read(tmp_path / "budget.csv").error
    (tmp_path / "w.csv").write_text("worker_id,team_id\nSW1,T1\n")
    f = cms.read(tmp_path / "w.csv")  # no name to go by: the columns say workers
    assert f.error is None and f.tables["cms.workers"].columns["team_id"] == ["T1"]


def test_table_told_from_name_or_columns():
    assert table_for(b"", "Visits 2024.csv") == "visits"
    assert table_for(b"", "extract_s47_details.csv") == "s47_details"
    assert table_for(b"", "allocation.csv") == "allocations"
    assert table_for(b"child_id,contact_date,source,outcome\n", "export1.csv") == "contacts"
    assert table_for(b"Child ID,Start Date,Strategy Discussion Date,Outcome\n", "x.csv") == "s47_details"
    assert table_for(b"child_id,start_date\n", "x.csv") is None  # early help, assessment or s47 details?
    assert cms.sniff(Path("visits.csv"), b"child_id") and not cms.sniff(Path("visits.xlsx"), b"PK")


def test_missing_required_column_and_short_rows(tmp_path):
    p = tmp_path / "allocations.csv"
    p.write_text("child_id,start_date,end_date,end_reason\n1,01/04/2023\n")
    f = cms.read(p)
    assert [(i.rule, i.severity, i.field) for i in f.issues] == [("CW-COLUMN", "error", "worker_id")]
    c = f.tables["cms.allocations"].columns
    assert (c["child_id"], c["start_date"], c["end_date"]) == (["1"], [dt.date(2023, 4, 1)], [None])


def test_mapping_codes_and_keys(tmp_path):
    files = {
        "allocations.csv": "child_id,worker_id,team_id,start_date,end_date,end_reason\n"
                           "1,SW1,T1,01/04/2023,01/05/2023,Case Closed\n1,SW2,T1,01/04/2023,,\n",
        "assessment_details.csv": "child_id,start_date,child_seen,outcome\n1,03/04/2023,yes,CIN Plan\n",
        "s47_details.csv": "child_id,start_date,strategy_discussion_date,outcome\n1,05/04/2023,04/04/2023,NFA\n",
        "visits.csv": "child_id,worker_id,visit_date,kind,child_seen,seen_alone\n1,SW1,02/04/2023,cin,y,n\n",
        "children.csv": "child_id,gender,dob\n1,2,01/02/2015\n2,Male,\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    con = duckdb.connect()
    stage(con, [cms.read(tmp_path / n) for n in files])
    con.execute("SET VARIABLE council_id = 'X01'")
    m = cms.to_model()
    assert con.execute(f"SELECT allocation_id, end_reason FROM ({m['allocations']}) ORDER BY 1").fetchall() == [
        ("1:L:2023-04-01", "case_closed"), ("1:L:2023-04-01:2", None)]
    a = con.execute(m["assessments"])
    assert dict(zip([d[0] for d in a.description], a.fetchone(), strict=True)) | {"_file": None} == {
        "assessment_id": "1:A:2023-04-03", "child_id": "1", "child_seen": True, "outcome": "cin_plan",
        "_file": None, "_row": 2, "_year": None, "_src": "cms.assessment_details"}
    assert con.execute(f"SELECT s47_id, strategy_discussion_date, outcome FROM ({m['section47']})").fetchall() == [
        ("1:S:2023-04-05", dt.date(2023, 4, 4), "nfa")]
    assert con.execute(f"SELECT kind FROM ({m['visits']})").fetchall() == [("CIN",)]
    assert con.execute(f"SELECT child_id, sex, date_of_birth FROM ({m['children']}) ORDER BY 1").fetchall() == [
        ("1", "F", dt.date(2015, 2, 1)), ("2", "M", None)]
