"""Formula injection (issue 23): a child id or value from the council's files that starts =, +, -, @ must never
become a live formula or link in a CSV or XLSX casewatch writes. Each file is made by the installed ``casewatch``
and read back as a spreadsheet program would (openpyxl)."""

from __future__ import annotations

import ast
import csv
from pathlib import Path

import openpyxl
import pytest

from casewatch.returns.write_all import write_returns
from cli.helpers import run

HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"]
SRC = Path(__file__).resolve().parents[2] / "src" / "casewatch"


@pytest.fixture(scope="module")
def hostile(councils, tmp_path_factory) -> Path:
    """The 2025-26 SSDA903 CSVs of a tiny council with every child id rewritten to start =, +, - or @ (the first
    four exactly HOSTILE), and those four children's SEX given as '=1+1' so each has an issue of its own."""
    tmp = tmp_path_factory.mktemp("hostile")
    write_returns(councils.synth(size="tiny", seed=1), tmp / "returns")
    out = tmp / "ssda903"
    out.mkdir()
    ids: dict[str, str] = {}
    for f in sorted((tmp / "returns" / "ssda903").glob("SSDA903_2026_*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        header = rows[0]
        for r in rows[1:]:
            n = ids.setdefault(r[0], str(len(ids)))
            r[0] = HOSTILE[int(n)] if int(n) < 4 else HOSTILE[int(n) % 4][0] + r[0]
            if f.name.endswith("_header.csv") and r[0] in HOSTILE:
                r[header.index("SEX")] = "=1+1"
        with open(out / f.name, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    assert len(ids) > 20
    return out


def _csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _book_cells(path: Path):
    book = openpyxl.load_workbook(path)
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def _assert_inert(cells) -> list[str]:
    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert [c.coordinate for c in cells if c.hyperlink is not None] == []
    return [c.value for c in cells if isinstance(c.value, str)]


def test_issues_report_as_csv_and_xlsx(hostile, tmp_path):
    run("load", hostile, "--db", tmp_path / "a.duckdb", "--issues", tmp_path / "issues.csv")
    rows = _csv_rows(tmp_path / "issues.csv")
    children = {r["child"] for r in rows}
    assert {"'" + h for h in HOSTILE} <= children
    assert all(c.startswith("'") for c in children), sorted(children)[:5]
    assert any(r["value"] == "'=1+1" for r in rows)

    run("load", hostile, "--db", tmp_path / "b.duckdb", "--issues", tmp_path / "issues.xlsx")
    cells = _book_cells(tmp_path / "issues.xlsx")
    texts = _assert_inert(cells)
    child_col = [c.value for c in cells if c.column == 4 and c.row > 1]
    assert len(child_col) == len(rows)
    assert {"'" + h for h in HOSTILE} <= set(child_col)
    assert all(v.startswith("'") for v in child_col)
    assert "'=1+1" in texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)


def test_action_lists_as_csv_and_xlsx(hostile, tmp_path):
    db = tmp_path / "a.duckdb"
    run("load", hostile, "--db", db)
    text = run("lists", "--db", db, "--format", "csv").stdout
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) > 5
    assert all(r["child"].startswith(("'=", "'+", "'-", "'@")) for r in rows), [r["child"] for r in rows[:5]]
    assert not any(line.startswith(("=", "+", "-", "@")) or ",=" in line or ",+" in line or ",@" in line
                   for line in text.splitlines())

    run("lists", "--db", db, "--format", "xlsx", "--out", tmp_path / "lists.xlsx")
    cells = _book_cells(tmp_path / "lists.xlsx")
    _assert_inert(cells)
    child_col = [c.value for c in cells if c.column == 2 and c.row > 1]
    assert sorted(child_col) == sorted(r["child"] for r in rows)


ALLOWED = {"outputs/safefile.py"}  # and the statutory return writers, which write values verbatim


def _direct_writers(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) \
                and (node.func.value.id, node.func.attr) in {("xlsxwriter", "Workbook"), ("csv", "writer"),
                                                             ("csv", "DictWriter")}:
            found.append(f"{node.func.value.id}.{node.func.attr} line {node.lineno}")
        if isinstance(node, ast.ImportFrom) and node.module in ("csv", "xlsxwriter"):
            names = {a.name for a in node.names} & {"writer", "DictWriter", "Workbook"}
            found += [f"from {node.module} import {n} line {node.lineno}" for n in sorted(names)]
    return found


def test_one_writer_for_every_file_made_from_data():
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel in ALLOWED or rel.startswith("synth/") or \
                (rel.startswith("returns/") and path.name.startswith("write") and rel.count("/") == 2):
            continue
        if found := _direct_writers(path):
            offenders[rel] = found
    assert offenders == {}
    # the check can fail: the statutory writers it skips do call them
    assert _direct_writers(SRC / "returns" / "ssda903" / "write.py")


@pytest.mark.parametrize("values", [
    ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", "", None, "a=b", "'=already"],
])
def test_column_at_a_time_is_the_same_as_value_at_a_time(values):
    """The issues report writes millions of unlisted findings a column at a time (safe_columns); each value must
    come out exactly as safe_text makes it one at a time, blanks staying blank."""
    import pyarrow as pa

    from casewatch.outputs.safefile import safe_columns, safe_text

    table = pa.table({"text": values, "coded": pa.array(values).dictionary_encode(), "row": list(range(len(values)))})
    got = safe_columns(table)
    want = [None if v is None else safe_text(v) for v in values]
    assert got["text"].to_pylist() == want and got["coded"].to_pylist() == want
    assert got["row"].to_pylist() == list(range(len(values)))
