"""The 903's collection year is told from the files' dates, not their names; the DfE tools' file names load as
903 tables (issue 17, part 3). Every set is the generator's 903 CSVs (five years to 31 March 2026), renamed."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from casewatch.cli import main
from casewatch.ingest.pipeline import read_all
from casewatch.returns.detect import read_file
from casewatch.returns.ssda903.read_csv import dates_run_to, year_from_folder, year_from_name

YEARS = range(2022, 2027)
# casewatch's table name -> the name the DfE's tools give the file
DFE = {"header": "header", "episodes": "episodes", "reviews": "reviews", "uasc": "uasc", "oc2": "oc2",
       "oc3": "oc3", "ad1": "ad1", "missing": "missing", "placed_adoption": "placed_for_adoption",
       "prev_perm": "previous_permanence", "social_worker": "sw_episodes"}
PREV_PERM = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nX01C0000001,01/02/2015,Z1,,\n"
FIGURES = ("cla_at_31_march", "cla_starts", "cla_ceased")


@pytest.fixture(scope="module")
def sets(tmp_path_factory, councils):
    """Layouts of the same files; ``truth`` maps every file to its real collection year."""
    from casewatch.returns.write_all import write_returns

    root = tmp_path_factory.mktemp("903names")
    write_returns(councils.synth(size="tiny", seed=1), root / "returns")
    src = root / "returns" / "ssda903"
    truth: dict[str, int] = {}

    def put(p, target, year):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, target)
        truth[str(target)] = year

    for y in YEARS:
        for p in sorted(src.glob(f"SSDA903_{y}_*.csv")):
            table = p.stem.split("_", 2)[2]
            put(p, root / "orig" / str(y) / p.name, y)
            put(p, root / "dfe" / str(y) / f"{DFE[table]}.csv", y)  # one folder a year, named by the year
            put(p, root / "plain" / f"set{y - 2021}" / f"{DFE[table]}.csv", y)  # folders that say nothing
            put(p, root / "copies" / f"upload{y - 2021}" / f"Copy of {DFE[table]} (2).csv", y)
            put(p, root / "early" / f"SSDA903_{y - 1}_{table}.csv", y)  # all in one folder, names a year early
            put(p, root / "late" / f"SSDA903_{y + 1}_{table}.csv", y)  # ... and a year late
            if y == 2024:
                put(p, root / "misfiled" / "2025" / f"{DFE[table]}.csv", y)  # a folder naming the wrong year
    return root, truth


ALONE = {  # the files of year y in each layout
    "orig": lambda root, y: [root / "orig" / str(y)],
    "dfe": lambda root, y: [root / "dfe" / str(y)],
    "plain": lambda root, y: [root / "plain" / f"set{y - 2021}"],
    "copies": lambda root, y: [root / "copies" / f"upload{y - 2021}"],
    "early": lambda root, y: sorted((root / "early").glob(f"SSDA903_{y - 1}_*.csv")),
    "late": lambda root, y: sorted((root / "late").glob(f"SSDA903_{y + 1}_*.csv")),
}


def _name_year(path: str) -> int | None:
    from pathlib import Path

    return year_from_name(Path(path).name) or year_from_folder(Path(path))


def _check_years(files, truth):
    assert files and all(f.kind == "ssda903" and f.error is None for f in files)
    for f in files:
        assert f.year == truth[f.path], f.path
        wrong = [i for i in f.issues if i.rule == "CW-YEAR" and i.severity == "error"]
        named = _name_year(f.path)
        if named is not None and named != f.year:
            assert len(wrong) == 1, f.path
            said = "the name" if year_from_name(f.path.rsplit("/", 1)[-1]) else "the folder's name"
            assert wrong[0].message.startswith(f"{said} says {named} but "), wrong[0].message
            assert wrong[0].message.endswith(f"run to 31 March {f.year}; read as {f.year}"), wrong[0].message
        else:
            assert wrong == [], f.path


@pytest.mark.parametrize("layout", ["orig", "dfe", "plain", "early", "late", "misfiled"])
def test_every_file_of_a_folder_of_several_years_gets_its_own_year(sets, layout):
    root, truth = sets
    files = read_all([root / layout])
    assert len(files) == sum(k.startswith(str(root / layout) + "/") for k in truth)
    _check_years(files, truth)
    assert sorted({f.year for f in files}) == ([2024] if layout == "misfiled" else list(YEARS))


@pytest.mark.parametrize("layout", sorted(ALONE))
def test_each_year_alone_gets_its_year(sets, layout):
    root, truth = sets
    for y in YEARS:
        files = read_all(ALONE[layout](root, y))
        _check_years(files, truth)
        assert {f.year for f in files} == {y}


def test_the_wrong_year_in_a_name_is_one_error_a_file(sets, capsys):
    root, truth = sets
    episodes = read_all([root / "late" / "SSDA903_2025_episodes.csv"])[0]
    assert episodes.year == 2024
    assert [(i.rule, i.severity, i.message) for i in episodes.issues if i.rule == "CW-YEAR"] == [
        ("CW-YEAR", "error", "the name says 2025 but its dates run to 31 March 2024; read as 2024")]
    header = [f for f in read_all(ALONE["early"](root, 2024)) if f.path.endswith("_header.csv")][0]
    assert [i.message for i in header.issues if i.rule == "CW-YEAR"] == [
        "the name says 2023 but the episodes of its set (SSDA903_2023_episodes.csv) run to 31 March 2024; "
        "read as 2024"]
    n = len(ALONE["early"](root, 2024))
    assert main(["validate", "--format", "json", *map(str, ALONE["early"](root, 2024))]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["issues_by_rule"]["CW-YEAR"] == n
    assert [f["year"] for f in got["files"]] == [2024] * n
    assert main(["load", str(root / "early"), "--db", str(root / "early.duckdb")]) == 0
    shown = capsys.readouterr().out
    assert "CW-YEAR" in shown and f"{len(list((root / 'early').iterdir()))}" in shown
    # the right names: no CW-YEAR at all; DfE names in a folder that says nothing: a query each, no error
    assert main(["validate", "--format", "json", str(root / "orig")]) == 0
    assert "CW-YEAR" not in json.loads(capsys.readouterr().out)["issues_by_rule"]
    plain = read_all([root / "plain" / "set3"])
    assert {(i.rule, i.severity) for f in plain for i in f.issues if i.rule == "CW-YEAR"} == {("CW-YEAR", "query")}


def test_year_given_overrides_everything(sets):
    root, _ = sets
    files = read_all([root / "late"], year=2020)
    assert {f.year for f in files} == {2020}
    assert not [i for f in files for i in f.issues if i.rule == "CW-YEAR" and i.severity == "error"]


def _summary(capsys, db, year) -> tuple:
    assert main(["summary", "--db", str(db), "--period-end", f"{year}-03-31", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    return tuple(got[k] for k in FIGURES)


def _load(capsys, paths, db) -> None:
    assert main(["load", *map(str, paths), "--db", str(db)]) == 0
    capsys.readouterr()
    with duckdb.connect(str(db), read_only=True) as con:
        # health (OC2) and care-leaver (OC3) rows are no longer quarantined as after the collection year
        assert con.execute("SELECT count(*) FROM quarantine "
                           "WHERE source_table IN ('ssda903.oc2', 'ssda903.oc3')").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM quarantine WHERE "
                           "len(list_filter(reasons, lambda r: r LIKE '%after the%year%')) > 0").fetchone() == (0,)


def test_renamed_sets_give_the_figures_the_named_ones_give(sets, tmp_path, capsys):
    root, _ = sets
    expected = {}
    for y in YEARS:
        db = tmp_path / f"orig{y}.duckdb"
        _load(capsys, ALONE["orig"](root, y), db)
        expected[y] = _summary(capsys, db, y)
        assert expected[y][0] > 0
    for layout in ("dfe", "copies", "early"):
        for y in YEARS:
            db = tmp_path / f"{layout}{y}.duckdb"
            _load(capsys, ALONE[layout](root, y), db)
            assert _summary(capsys, db, y) == expected[y], (layout, y)
    for layout in ("orig", "dfe", "plain", "early"):
        db = tmp_path / f"{layout}_all.duckdb"
        _load(capsys, [root / layout], db)
        assert [_summary(capsys, db, y) for y in YEARS] == [expected[y] for y in YEARS], layout


def test_the_dfe_tools_names_are_903_tables(sets, tmp_path):
    root, _ = sets
    folder = tmp_path / "upload"
    shutil.copytree(root / "dfe" / "2025", folder)
    (folder / "previous_permanence.csv").write_text(PREV_PERM)
    shutil.copy(folder / "episodes.csv", folder / "Copy of episodes (2).csv")
    want = {f"{name}.csv": table for table, name in DFE.items()} | {"Copy of episodes (2).csv": "episodes"}
    for name, table in want.items():
        f = read_file(folder / name)
        assert (f.kind, f.error, list(f.tables)) == ("ssda903", None, [f"ssda903.{table}"]), name
        assert f.records > 0
    # previous_permanence.csv has no dates of its own: its year is its set's
    (folder / "Copy of episodes (2).csv").unlink()
    assert {f.path.rsplit("/", 1)[-1]: f.year for f in read_all([folder])}["previous_permanence.csv"] == 2025


def test_year_from_a_name_only_in_a_clear_form(tmp_path):
    assert year_from_name("SSDA903_2024_episodes.csv") == 2024
    assert year_from_name("ssda903-2019-header.csv") == 2019
    assert year_from_name("903_2023-24_header.csv") == 2024
    assert year_from_name("LA123 2023_2024 reviews.csv") == 2024
    for name in ("episodes.csv", "Copy of episodes (2).csv", "episodes_20240615.csv", "LA2019_v2032_episodes.csv",
                 "episodes 2016.csv", "export_2023-03-31.csv"):
        assert year_from_name(name) is None, name
    assert year_from_folder(tmp_path / "2024" / "episodes.csv") == 2024
    assert year_from_folder(tmp_path / "2023-24" / "903" / "episodes.csv") == 2024
    assert year_from_folder(tmp_path / "export" / "episodes.csv") is None


def test_one_mistyped_date_does_not_move_the_year(tmp_path):
    import datetime as dt

    dates = [dt.date(2023, 4, 1) + dt.timedelta(days=9 * i) for i in range(40)]  # April 2023 - March 2024
    assert dates_run_to(dates) == 2024
    assert dates_run_to([*dates, dt.date(2024, 6, 1)]) == 2024  # one date in 2024-25: a typo
    assert dates_run_to([*dates, dt.date(2052, 6, 1), dt.date(1900, 1, 1), dt.date(2204, 1, 1)]) == 2024
    assert dates_run_to([*dates, dt.date(2024, 6, 1), dt.date(2024, 7, 1)]) == 2025  # two: the year has moved
    assert dates_run_to([dt.date(2019, 5, 1)]) == 2020 and dates_run_to([]) is None
    rows = "".join(f"{i},{d:%d/%m/%Y},S,C2,N1,U1,PR1,,,,,,\n" for i, d in enumerate(dates))
    p = tmp_path / "episodes.csv"
    p.write_text("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                 + rows + "99,01/05/2024,S,C2,N1,U1,PR1,01/05/2052,E11,,,,\n")
    assert read_file(p).year == 2024
