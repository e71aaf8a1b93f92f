"""CSV files with damage (issues 16 and 23), on a 903 table and a case-management extract written from a
synthetic council: the shared row reader (returns/csvfile.py) reads every row, reports each damaged one as
CW-CSV naming its row and field (never its value), never raises csv.Error, and reads every other row exactly
as the undamaged file reads."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from casewatch.returns import cms, ssda903
from casewatch.returns.csvfile import LIMIT
from casewatch.returns.write_all import write_returns


@dataclass(frozen=True)
class Target:
    rel: str  # the file under the written returns
    read: object
    table: str  # its staging table
    code: str  # an ID or code column (stray CR, long cell)
    text: str  # a free-text column (quotes)


TARGETS = {
    "903": Target("ssda903/SSDA903_2026_episodes.csv", ssda903.read, "ssda903.episodes", "CHILD", "PL_POST"),
    "cms": Target("cms/visits.csv", cms.read, "cms.visits", "worker_id", "kind"),
}


@dataclass
class Clean:
    target: Target
    lines: list[str]  # the file's lines, no line ends; lines[0] the header
    header: list[str]
    row: int  # the line damaged (the header is line 1)
    index: int  # its record
    records: list[dict]  # the undamaged file, as read

    def cell(self, col: str, row: int | None = None) -> str:
        return self.lines[(row or self.row) - 1].split(",")[self.header.index(col)]

    def damaged(self, col: str, value: str, row: int | None = None) -> str:
        """The file with one cell replaced."""
        lines = list(self.lines)
        cells = lines[(row or self.row) - 1].split(",")
        cells[self.header.index(col)] = value
        lines[(row or self.row) - 1] = ",".join(cells)
        return "\n".join(lines)

    def text(self, lines: list[str] | None = None) -> str:
        return "\n".join(lines if lines is not None else self.lines)


@pytest.fixture(scope="module")
def returns(councils, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("csv_damage") / "returns"
    write_returns(councils.synth(size="tiny", seed=1), out)
    return out


def _records(f, table: str) -> list[dict]:
    cols = f.tables[table].columns
    return [dict(zip(cols, values, strict=True)) for values in zip(*cols.values(), strict=True)]


def _read(target: Target, directory: Path, text: str):
    directory.mkdir(parents=True, exist_ok=True)
    p = directory / Path(target.rel).name
    p.write_bytes(text.encode("utf-8"))
    return target.read(p)


@pytest.fixture(scope="module", params=sorted(TARGETS))
def clean(request, returns) -> Clean:
    t = TARGETS[request.param]
    raw = (returns / t.rel).read_text(encoding="utf-8")
    assert '"' not in raw and "\r" not in raw and raw.endswith("\n")  # what the damage below starts from
    lines = raw[:-1].split("\n")
    header = lines[0].split(",")
    # the damaged row: from line 6 on, the first whose columns under test hold a value
    row = next(n for n in range(6, len(lines) + 1)
               if len(Clean(t, lines, header, n, 0, []).cell(t.code)) > 4
               and len(Clean(t, lines, header, n, 0, []).cell(t.text)) > 1)
    f = t.read(returns / t.rel)
    records = _records(f, t.table)
    assert f.records == len(records) == len(lines) - 1 > row + 20 and not _csv(f)
    index = [r["_row"] for r in records].index(row)
    return Clean(t, lines, header, row, index, records)


def _csv(f) -> list[tuple]:
    return [(i.severity, i.row, i.field) for i in f.issues if i.rule == "CW-CSV"]


def _check(c: Clean, f, changed: dict | None = None, at: int | None = None) -> None:
    """Every data row read; the damaged record as ``changed`` says, every other exactly as the clean file reads;
    no message carries the damaged row's values."""
    got = _records(f, c.target.table)
    assert f.error is None and f.records == len(got) == len(c.records)
    at = c.index if at is None else at
    for k, (g, want) in enumerate(zip(got, c.records, strict=True)):
        assert g == ({**want, **(changed or {})} if k == at else want), f"record {k}"
    values = [v for v in c.lines[c.row - 1].split(",") if len(v) > 3]
    assert not [i.message for i in f.issues if any(v in i.message for v in values)]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_stray_carriage_return_inside_a_field_is_a_space(clean, tmp_path, newline):
    col, value = clean.target.code, clean.cell(clean.target.code)
    text = clean.damaged(col, value[:3] + "\r" + value[3:]).replace("\n", newline)
    f = _read(clean.target, tmp_path, text)
    _check(clean, f, {col: value[:3] + " " + value[3:]})
    assert _csv(f) == [("error", clean.row, col)]
    assert f"row {clean.row}: {col} holds a carriage return" in f.issues[-1].message


def test_carriage_return_line_ends_are_line_ends(clean, tmp_path):
    f = _read(clean.target, tmp_path, clean.text().replace("\n", "\r") + "\r")
    _check(clean, f)
    assert _csv(f) == [("query", None, None)]


def test_a_200kb_cell_is_read_blank_and_its_row_kept(clean, tmp_path):
    col = clean.target.code
    assert LIMIT < 200_000  # csv's own limit: it refused the file before
    f = _read(clean.target, tmp_path, clean.damaged(col, "x" * 200_000))
    _check(clean, f, {col: None})
    assert _csv(f) == [("error", clean.row, col)]
    assert "200,000 characters" in next(i.message for i in f.issues if i.rule == "CW-CSV")


def test_extra_cells_are_ignored_and_reported_trailing_empty_ones_are_not(clean, tmp_path):
    lines = list(clean.lines)
    lines[clean.row - 1] += ",EXTRA,MORE"
    lines[clean.row + 1] += ",,,"  # as Excel writes a row: no issue
    f = _read(clean.target, tmp_path, clean.text(lines))
    _check(clean, f)
    assert _csv(f) == [("error", clean.row, None)]
    assert f"row {clean.row} has {len(clean.header) + 2} cells" in next(i.message for i in f.issues
                                                                      if i.rule == "CW-CSV")


def test_a_short_row_has_the_rest_blank_without_an_issue(clean, tmp_path):
    lines = list(clean.lines)
    lines[clean.row - 1] = ",".join(lines[clean.row - 1].split(",")[:3])
    f = _read(clean.target, tmp_path, clean.text(lines))
    fields = set(f.tables[clean.target.table].table.field_names)
    missing = {h.strip() for h in clean.header[3:]}
    assert missing <= fields
    _check(clean, f, dict.fromkeys(missing))
    assert _csv(f) == []  # as before: Excel writes short rows, and the rules report the blanks that matter


@pytest.mark.parametrize("where", ["middle", "two rows running", "last line"])
def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(clean, tmp_path, where):
    col, t = clean.target.text, clean.target
    rows = {"middle": [clean.row], "two rows running": [clean.row, clean.row + 1],
            "last line": [len(clean.lines)]}[where]
    lines = list(clean.lines)
    for r in rows:
        lines = Clean(t, lines, clean.header, r, 0, []).damaged(col, '"' + clean.cell(col, r)).split("\n")
    # a legitimate quoted cell a few rows on: the stray quote must not pair with it
    lines[clean.row + 4] = clean.damaged(col, '"A, ""B"" C"', clean.row + 5).split("\n")[clean.row + 4]
    f = _read(t, tmp_path, clean.text(lines))
    got = _records(f, t.table)
    assert f.records == len(got) == len(clean.records)  # 4 of 194 before
    assert _csv(f) == [("error", r, col) for r in rows]
    by_row = {g["_row"]: g for g in got}
    for r in rows:
        assert by_row[r][col] == '"' + clean.cell(col, r)  # the quote taken literally
    assert by_row[clean.row + 5][col] == 'A, "B" C'
    for g, want in zip(got, clean.records, strict=True):
        if g["_row"] not in (*rows, clean.row + 5):
            assert g == want


def test_quoted_cells_with_commas_doubled_quotes_and_line_breaks_read_as_before(clean, tmp_path):
    col = clean.target.text
    f = _read(clean.target, tmp_path, clean.damaged(col, '"A, ""B"" C"'))
    _check(clean, f, {col: 'A, "B" C'})
    assert _csv(f) == []
    text = clean.damaged(col, '"two\nlines, ""quoted"""').replace("\n", "\r\n")  # a CRLF file
    f = _read(clean.target, tmp_path / "multi", text + "\r\n")
    got = _records(f, clean.target.table)
    assert f.records == len(clean.records) and _csv(f) == []
    assert got[clean.index][col] == 'two\r\nlines, "quoted"'
    # the record's row as each reader numbers them: the 903 the line it ends on, the extract the line it starts on
    assert got[clean.index]["_row"] == clean.row + (clean.target.table.startswith("ssda903"))
    assert [g["_row"] for g in got[clean.index + 1:]] == [w["_row"] + 1 for w in clean.records[clean.index + 1:]]


def _damage_all(c: Clean) -> tuple[str, list[tuple]]:
    """One file with every kind of damage, each on its own row; and the CW-CSV issues it must give."""
    code, text, r = c.target.code, c.target.text, c.row
    lines = list(c.lines)

    def put(row, col, value):
        cells = lines[row - 1].split(",")
        cells[c.header.index(col)] = value
        lines[row - 1] = ",".join(cells)

    put(r, code, c.cell(code, r)[:3] + "\r" + c.cell(code, r)[3:])
    put(r + 2, code, "y" * 150_000)
    lines[r + 3] += ",EXTRA"
    put(r + 6, text, '"' + c.cell(text, r + 6))
    put(r + 8, text, '"A, ""B"" C"')
    lines[r + 10] = ",".join(lines[r + 10].split(",")[:2])
    expected = [("error", r, code), ("error", r + 2, code), ("error", r + 4, None), ("error", r + 6, text)]
    return "\n".join(lines) + "\n", expected


def _run(args, cwd):
    return subprocess.run([sys.executable, "-m", "casewatch.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def test_validate_and_load_through_the_cli(returns, tmp_path):
    expected = {}
    for kind, t in TARGETS.items():
        src = returns / t.rel
        d = tmp_path / kind
        d.mkdir()
        for p in src.parent.glob("*.csv"):
            if kind == "cms" or "_2026_" in p.name:
                shutil.copy(p, d / p.name)
        raw = src.read_text(encoding="utf-8")
        lines = raw[:-1].split("\n")
        header = lines[0].split(",")
        row = next(n for n in range(6, len(lines) - 12) if all(
            len(lines[m - 1].split(",")[header.index(col)]) > 4
            for m, col in ((n, t.code), (n + 2, t.code), (n + 6, t.text))))
        text, issues = _damage_all(Clean(t, lines, header, row, 0, []))
        (d / src.name).write_bytes(text.encode("utf-8"))
        expected[src.name] = (len(lines) - 1, issues)

    dirs = [str(tmp_path / k) for k in TARGETS]
    done = _run(["validate", *dirs, "--format", "json"], tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    out = json.loads(done.stdout)
    for f in out["files"]:
        assert f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"], f
    files = {Path(f["path"]).name: f for f in out["files"]}
    for name, (rows, _) in expected.items():
        assert files[name]["rows_read"] == rows
    assert out["issues_by_rule"]["CW-CSV"] == sum(len(i) for _, i in expected.values())

    db = tmp_path / "cw.duckdb"
    done = _run(["load", *dirs, "--db", str(db)], tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    con = duckdb.connect(str(db), read_only=True)
    loads = con.execute("SELECT source_file, rows_read, rows_loaded, rows_quarantined FROM loads "
                        "WHERE source_file IS NOT NULL").fetchall()
    assert loads and all(read == loaded + quarantined for _, read, loaded, quarantined in loads)
    assert {Path(p).name: read for p, read, *_ in loads if Path(p).name in expected} == \
        {name: rows for name, (rows, _) in expected.items()}
    got = con.execute("SELECT source_file, severity, row_number, field FROM data_issues WHERE rule = 'CW-CSV' "
                      "ORDER BY source_file, row_number").fetchall()
    con.close()
    assert sorted((Path(p).name, s, r, fld) for p, s, r, fld in got) == \
        sorted((name, *i) for name, (_, issues) in expected.items() for i in issues)
