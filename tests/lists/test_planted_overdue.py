"""Planted truth: the lists name exactly the children the generator knows to be overdue at the last period end,
list by list, for several councils; and `casewatch lists --format json` keeps its contract."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import pytest

from casewatch import standards
from casewatch.cli import main
from casewatch.lists.run import run_lists
from casewatch.measures.scope import attach, scope
from conftest import read_truth


@pytest.mark.parametrize(("size", "seed", "n"), [("tiny", 1, 1), ("small", 3, 1), ("tiny", 7, 3)])
def test_every_planted_overdue_child_is_listed_and_no_other(councils, size, seed, n):
    kw = {"scenario": "pressure", "councils": n} if n > 1 else {}
    out, db = councils.loaded(size=size, seed=seed, **kw)
    truth = read_truth(out)
    last = date.fromisoformat(truth["period_ends"][-1])
    con = attach(str(db))
    try:
        for code, council in truth["councils"].items():
            scope(con, code)
            got = defaultdict(list)
            for r in run_lists(con, last, standards.load()):
                if r.days_overdue > 0:
                    got[r.list].append(r.child)
            for name, want in council["overdue"].items():
                assert sorted(set(got.get(name, []))) == want, (code, name)
            assert sum(len(v) for v in council["overdue"].values()) > 0  # a test that can fail
    finally:
        con.close()


def test_lists_json_contract(councils, capsys):
    out, db = councils.loaded(size="tiny", seed=1)
    assert main(["lists", "--db", str(db), "--date", "2026-03-31", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all({"list", "child", "team", "worker", "due_date", "days_overdue", "rule"} <= set(r) for r in rows)
    overdue = read_truth(out)["councils"]["X01"]["overdue"]
    assert sorted({r["child"] for r in rows if r["list"] == "cla_visits" and r["days_overdue"] > 0}) == \
        overdue["cla_visits"]
    assert main(["lists", "--db", str(db), "--list", "nonsense"]) == 2
    assert "no list nonsense" in capsys.readouterr().err


def test_lists_xlsx(councils, tmp_path, capsys):
    import openpyxl

    _, db = councils.loaded(size="tiny", seed=1)
    path = tmp_path / "actions.xlsx"
    assert main(["lists", "--db", str(db), "--format", "xlsx", "--out", str(path), "--list", "assessments"]) == 0
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["list", "child", "team"] and sheet.max_row >= 2


def test_lists_xlsx_writes_no_formula_from_data(tmp_path):
    import openpyxl

    from casewatch.cli_lists import FIELDS, _xlsx
    row = dict.fromkeys(FIELDS, "x") | {"child": "=HYPERLINK(\"http://x\")", "what": "+1", "days_overdue": 3}
    _xlsx(str(tmp_path / "a.xlsx"), [row], date(2025, 3, 31))
    cells = [c.value for c in openpyxl.load_workbook(tmp_path / "a.xlsx").active[2]]
    assert cells[FIELDS.index("child")] == "'=HYPERLINK(\"http://x\")"
    assert cells[FIELDS.index("what")] == "'+1" and cells[FIELDS.index("days_overdue")] == 3
