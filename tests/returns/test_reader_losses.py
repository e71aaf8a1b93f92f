"""Readers that never lose rows silently (issue 23, points 4 and 8), on returns written from a synthetic council:
a truncated last row, mixed UTF-8 and Windows-1252, impossible dates (before 1900 or after next year) each give
an issue naming file, row and field, with every row read and rows read = loaded + quarantined; an unclosed quote
near the end, or one that would make the whole file one field, loses no row; Excel's date-times read as dates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from casewatch.ingest.pipeline import load
from casewatch.returns.core import parse_date
from casewatch.returns.detect import read_file
from casewatch.returns.write_all import write_returns

NEXT = dt.date.today().year + 1  # the last year a date may fall in
EPISODES, VISITS, TEAMS = "ssda903/SSDA903_2026_episodes.csv", "cms/visits.csv", "cms/teams.csv"


@pytest.fixture(scope="module")
def returns(councils, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reader_losses") / "returns"
    write_returns(councils.synth(size="tiny", seed=1), out, first_year=2026)
    return out


def _lines(p: Path) -> list[str]:
    raw = p.read_text(encoding="utf-8")
    assert raw.endswith("\n") and "\r" not in raw and '"' not in raw
    return raw[:-1].split("\n")


def _put(lines: list[str], row: int, col: str, value: str) -> None:
    """Set one cell of the line ``row`` (the header is line 1)."""
    cells = lines[row - 1].split(",")
    cells[lines[0].split(",").index(col)] = value
    lines[row - 1] = ",".join(cells)


def _rows(f, table: str) -> dict[int, dict]:
    cols = f.tables[table].columns
    return {r["_row"]: r for r in (dict(zip(cols, v, strict=True)) for v in zip(*cols.values(), strict=True))}


def _issues(f, rule: str) -> list[tuple]:
    return [(i.rule, Path(i.file).name, i.row, i.field) for i in f.issues if i.rule == rule]


def _rows_with(lines: list[str], col: str, n: int, start: int = 4) -> list[int]:
    """The first ``n`` lines from ``start`` whose ``col`` holds a value."""
    k = lines[0].split(",").index(col)
    return [r for r in range(start, len(lines) + 1) if lines[r - 1].split(",")[k]][:n]


def _damaged(returns: Path, into: Path) -> dict:
    """The 2026 903 CSV set and the case-management extract, with: impossible DECOMs and Excel date-time DECs in
    the episodes, two team names in teams.csv one in UTF-8 and one in Windows-1252, and the visits file cut off
    in its last row. Returns where each damage is."""
    for kind in ("ssda903", "cms"):
        (into / kind).mkdir(parents=True)
        for p in (returns / kind).glob("*.csv"):
            if kind == "cms" or "_2026_" in p.name:
                shutil.copy(p, into / kind / p.name)
    eps = _lines(returns / EPISODES)
    impossible = dict(zip(_rows_with(eps, "DECOM", 3), ("01/04/2124", "01/04/9999", "01/04/1812"), strict=True))
    for r, v in impossible.items():
        _put(eps, r, "DECOM", v)
    ends = _rows_with(eps, "DEC", 2, start=max(impossible) + 1)
    times = dict(zip(ends, ("{} 00:00", "{}T13:45:00"), strict=True))
    for r, form in times.items():
        d = eps[r - 1].split(",")[eps[0].split(",").index("DEC")]
        _put(eps, r, "DEC", form.format(d if "T" not in form else parse_date(d).isoformat()))
    (into / EPISODES).write_text("\n".join(eps) + "\n", encoding="utf-8")

    teams = _lines(returns / TEAMS)
    _put(teams, 2, "name", "Café North")
    _put(teams, 3, "name", "Café South")
    raw = ("\n".join(teams[:2]) + "\n").encode("utf-8") + ("\n".join(teams[2:]) + "\n").encode("cp1252")
    (into / TEAMS).write_bytes(raw)

    visits = _lines(returns / VISITS)
    visits[-1] = ",".join(visits[-1].split(",")[:3])  # child, worker, date: cut after the date
    (into / VISITS).write_text("\n".join(visits), encoding="utf-8")  # no line end after the last row
    return {"impossible": impossible, "times": times, "episodes": eps, "visits": visits}


@pytest.fixture(scope="module")
def loaded(returns, tmp_path_factory):
    into = tmp_path_factory.mktemp("damaged")
    where = _damaged(returns, into)
    run = load([into / "ssda903", into / "cms"], into / "cw.duckdb")
    con = duckdb.connect(str(into / "cw.duckdb"), read_only=True)
    yield into, where, run, con
    con.close()


def test_every_row_read_is_loaded_or_quarantined(loaded):
    into, where, run, con = loaded
    files = {Path(f.path).name: f for f in run.files}
    for f in run.files:
        assert f.error is None and f.rows_read == f.rows_loaded + f.rows_quarantined, f
    assert files["SSDA903_2026_episodes.csv"].rows_read == len(where["episodes"]) - 1
    assert files["visits.csv"].rows_read == len(where["visits"]) - 1
    assert files["SSDA903_2026_episodes.csv"].rows_quarantined >= len(where["impossible"])


def test_a_truncated_last_row_is_reported_and_kept(loaded):
    into, where, run, con = loaded
    f = read_file(into / VISITS)
    last = len(where["visits"])
    assert _issues(f, "CW-CSV") == [("CW-CSV", "visits.csv", last, "kind")]
    assert "the last row ends without a line end and has 3 of the header's 6 columns: the file may have been " \
           "cut off" in next(i.message for i in f.issues if i.rule == "CW-CSV")
    child, worker, day = where["visits"][-1].split(",")
    got = _rows(f, "cms.visits")[last]
    assert (got["child_id"], got["worker_id"], got["visit_date"], got["kind"]) == (child, worker, parse_date(day),
                                                                                  None)
    assert len(_rows(f, "cms.visits")) == f.records == last - 1
    # as well as it can be: a visit whose kind was cut off is loaded, or quarantined saying why; never lost
    stored = con.execute("SELECT count(*) FROM visits WHERE child_id = ? AND worker_id = ? AND visit_date = ?",
                         [child, worker, parse_date(day)]).fetchone()[0]
    held = con.execute("SELECT count(*) FROM quarantine WHERE source_file LIKE '%visits.csv' AND row_number = ?",
                       [last]).fetchone()[0]
    assert stored + held >= 1


def test_a_file_mixing_utf8_and_windows_1252_reads_each_line_as_written(loaded):
    into, where, run, con = loaded
    f = read_file(into / TEAMS)
    assert _issues(f, "CW-CSV") == [("CW-CSV", "teams.csv", 3, "name")]
    issue = next(i for i in f.issues if i.rule == "CW-CSV")
    assert issue.severity == "query" and issue.message.startswith("row 3 is not in UTF-8 like the rest of the file")
    assert "Café" not in issue.message  # the row and column, never the value
    assert [r["name"] for r in _rows(f, "cms.teams").values()][:2] == ["Café North", "Café South"]
    assert {"Café North", "Café South"} <= {n for (n,) in con.execute("SELECT name FROM teams").fetchall()}


def test_many_windows_1252_rows_are_listed_then_counted_and_a_wholly_windows_file_is_normal(returns, tmp_path):
    teams = _lines(returns / TEAMS)
    body = [teams[0], "X99T0000001,Café,assessment,01/04/2023,"] + [f"X99T{n:07d},Caf\xe9 {n},assessment,01/04/2023,"
                                                                    for n in range(2, 32)]
    p = tmp_path / "teams.csv"
    p.write_bytes("\n".join(body[:2]).encode("utf-8") + b"\n" + "\n".join(body[2:]).encode("cp1252") + b"\n")
    f = read_file(p)
    message = next(i.message for i in f.issues if i.rule == "CW-CSV")
    assert message.startswith("rows " + ", ".join(str(r) for r in range(3, 23)) + " and 10 more are not in UTF-8")
    assert [r["name"] for r in _rows(f, "cms.teams").values()] == ["Café"] + [f"Café {n}" for n in range(2, 32)]
    p.write_bytes("\n".join(body).encode("cp1252") + b"\n")  # a normal Windows export: read as it is, no issue
    f = read_file(p)
    assert _issues(f, "CW-CSV") == [] and [r["name"] for r in _rows(f, "cms.teams").values()][:2] == ["Café",
                                                                                                       "Café 2"]


def test_impossible_dates_are_refused_naming_file_row_and_field(loaded):
    into, where, run, con = loaded
    f = read_file(into / EPISODES)
    rows = sorted(where["impossible"])
    assert _issues(f, "CW-TYPE") == [("CW-TYPE", "SSDA903_2026_episodes.csv", r, "DECOM") for r in rows]
    for i in f.issues:
        if i.rule == "CW-TYPE":
            assert i.message == f"DECOM is not a date (impossible date: before 1900 or after {NEXT})"
    assert [_rows(f, "ssda903.episodes")[r]["DECOM"] for r in rows] == [None] * 3
    assert f.records == len(where["episodes"]) - 1
    held = {r for (r,) in con.execute("SELECT row_number FROM quarantine WHERE source_file LIKE "
                                      "'%SSDA903_2026_episodes.csv'").fetchall()}
    assert set(rows) <= held
    # the DfE's own rule for a DECOM that is not a date reports them, as it does 31/02/2024
    assert {r for r in rows} <= {i.row for i in run.issues if i.rule == "141"}


@pytest.mark.parametrize("rel, element", [("ssda903_xml/SSDA903_2026.xml", "DECOM"),
                                          ("cin/CIN_2026.xml", "CINreferralDate"),
                                          ("workforce/CSWW_2025.xml", "RoleStartDate"),
                                          ("annex_a/Annex_A_2026-03-31.xlsx", "assessment_start_date"),
                                          (EPISODES, "DEC"), (VISITS, "visit_date")])
def test_every_reader_refuses_an_impossible_date(returns, tmp_path, rel, element):
    src = returns / rel
    p = tmp_path / src.name
    if src.suffix == ".xlsx":  # List 2's first child: a date typed as text, as a person might
        book = openpyxl.load_workbook(src)
        sheet = book["List 2"]
        col = [c.value for c in sheet[1]].index("Assessment start date") + 1
        row = 2
        sheet.cell(row, col).value = "01/04/1812"
        book.save(p)
    elif src.suffix == ".xml":
        text = src.read_text(encoding="utf-8")
        at = text.index(f"<{element}>") + len(element) + 2
        text = text[:at] + ("01/04/9999" if text[at + 2] == "/" else "9999-04-01") + text[text.index("<", at):]
        row = text[:at].count("\n") + 1
    else:
        lines = _lines(src)
        row = _rows_with(lines, element, 1)[0]
        _put(lines, row, element, "01/04/1812")
        text = "\n".join(lines) + "\n"
    if src.suffix != ".xlsx":
        p.write_text(text, encoding="utf-8")
    f = read_file(p)
    bad = [i for i in f.issues if i.rule == "CW-TYPE"]
    assert [(i.field, i.message) for i in bad] == [
        (element, f"{element} is not a date (impossible date: before 1900 or after {NEXT})")]
    assert bad[0].file == str(p) and bad[0].row is not None and (src.suffix == ".xml" or bad[0].row == row)


def test_a_uasc_childs_18th_birthday_may_be_years_ahead(returns, tmp_path):
    p = tmp_path / "SSDA903_2026_uasc.csv"
    p.write_text(f"CHILD,DOB,SEX,DUC\n1,01/01/{NEXT - 1},M,01/01/{NEXT + 17}\n2,01/01/2010,F,01/01/{NEXT + 19}\n")
    f = read_file(p, year=2026)
    assert [r["DUC"] for r in _rows(f, "ssda903.uasc").values()] == [dt.date(NEXT + 17, 1, 1), None]
    assert _issues(f, "CW-TYPE") == [("CW-TYPE", p.name, 3, "DUC")]


def test_excel_date_times_are_read_as_the_date(loaded):
    into, where, run, con = loaded
    f = read_file(into / EPISODES)
    got = _rows(f, "ssda903.episodes")
    for r in where["times"]:
        written = where["episodes"][r - 1].split(",")[where["episodes"][0].split(",").index("DEC")]
        day = written.replace("T", " ").split(" ")[0]
        assert got[r]["DEC"] == parse_date(day) and got[r]["_bad"] is None
        child = got[r]["CHILD"]
        assert (parse_date(day),) in con.execute("SELECT dec FROM cla_episodes WHERE child_id = ?",
                                                 [child]).fetchall()
    assert not [i for i in f.issues if i.field == "DEC" and i.rule == "CW-TYPE"]


@given(st.dates(dt.date(1900, 1, 1), dt.date(NEXT, 12, 31)),
       st.sampled_from(["{d:%d/%m/%Y}", "{d:%Y-%m-%d}", "{d:%d/%m/%Y} 00:00", "{d:%Y-%m-%d} 00:00",
                        "{d:%d/%m/%Y} 00:00:00", "{d:%Y-%m-%dT00:00:00}", "{d:%d/%m/%Y} 17:05", " {d:%d/%m/%Y} "]))
def test_parse_date_round_trips_every_possible_date(d, form):
    assert parse_date(form.format(d=d)) == d


@pytest.mark.parametrize("value", ["31/12/1899", f"01/01/{NEXT + 1}", "9999-12-31", "1812-04-01 00:00", 2958465])
def test_parse_date_refuses_impossible_dates_in_words(value):
    with pytest.raises(ValueError, match=f"^impossible date: before 1900 or after {NEXT}$"):
        parse_date(value)


@pytest.mark.parametrize("back", [1, 5, 19, 20, "whole file"])
def test_an_unclosed_quote_near_the_end_or_over_the_whole_file_loses_no_row(returns, tmp_path, back):
    lines = _lines(returns / VISITS)
    n = len(lines)
    row = 2 if back == "whole file" else n - back + 1
    _put(lines, row, "kind", '"' + lines[row - 1].split(",")[3])
    if back == "whole file":
        lines[-1] += '"'  # a quote closing at the end, 20 or more lines on: not one field over the whole file
    p = tmp_path / "visits.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    f = read_file(p)
    assert f.records == len(_rows(f, "cms.visits")) == n - 1
    assert _issues(f, "CW-CSV")[0] == ("CW-CSV", "visits.csv", row, "kind")


def test_hidden_characters_inside_cells_are_removed_and_named(returns, tmp_path):
    """A byte-order mark where a second file was pasted on (before the child id) and a NUL inside a postcode (past
    the first 4 KB: a NUL there says the file is not text) were stored silently: the child id gained a hidden
    character, so the child no longer joined its other records."""
    (tmp_path / "ssda903").mkdir()
    eps = _lines(returns / EPISODES)
    child = eps[3].split(",")[0]
    eps[3] = "\ufeff" + eps[3]
    assert len("\n".join(eps[:149])) > 4096
    _put(eps, 150, "HOME_POST", "ZZ1\x00 1")
    (tmp_path / EPISODES).write_text("\n".join(eps) + "\n", encoding="utf-8")
    f = read_file(tmp_path / EPISODES)
    named = [(i.row, i.field, i.severity) for i in f.issues if i.rule == "CW-CSV"]
    assert named == [(4, "CHILD", "query"), (150, "HOME_POST", "query")]
    assert "holds a byte-order mark" in next(i.message for i in f.issues if i.row == 4)
    rows = _rows(f, "ssda903.episodes")
    assert rows[4]["CHILD"] == child and rows[150]["HOME_POST"] == "ZZ1 1"
