"""The case-management extract: its documented template is current, and the mess it must survive."""

import datetime as dt
from pathlib import Path

from casewatch.returns import cms
from casewatch.returns.cms.tables import template_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_template_is_the_generated_one():
    assert (ROOT / "docs" / "cms-template.md").read_text() == template_markdown(), \
        "docs/cms-template.md is stale: regenerate it with template_markdown()"


def test_renamed_columns_cp1252_duplicates_extra_columns(tmp_path):
    p = tmp_path / "extract_visits.csv"
    text = ("Child_ID, Visit Date ,KIND,child_seen,seen_alone,worker_id,Child_ID,notes\r\n"
            "1234.0,01/05/2023,cla,Yes,N,SW0010000001,x,caf\u00e9\r\n\r\n"
            "77,2023-05-02,Assessment,1,0,,x,\r\n")
    p.write_bytes(text.encode("cp1252", errors="replace"))
    f = cms.read(p)
    assert f.error is None and f.records == 2
    c = f.tables["cms.visits"].columns
    assert c["child_id"] == ["1234", "77"] and c["visit_date"] == [dt.date(2023, 5, 1), dt.date(2023, 5, 2)]
    assert c["child_seen"] == [True, True] and c["seen_alone"] == [False, False]
    assert c["_row"] == [2, 4]
    assert sorted((i.rule, i.field) for i in f.issues) == [("CW-COLUMN", "child_id"), ("CW-COLUMN", "notes")]


def test_blank_and_header_only(tmp_path):
    (tmp_path / "teams.csv").write_text("")
    assert cms.read(tmp_path / "teams.csv").error.endswith("the file is empty")
    (tmp_path / "teams.csv").write_text("team_id,name,service,start_date\n")
    f = cms.read(tmp_path / "teams.csv")
    assert (f.error, f.records) == (None, 0)
