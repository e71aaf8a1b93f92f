"""Loading and validating returns end to end: reconciliation, quarantine with lineage, unreadable files,
exit codes, the JSON contract, the issues report, and the last good database surviving a failed load."""

import csv
import json

import duckdb
import openpyxl
import pytest

from casewatch.cli import main

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"


@pytest.fixture
def council(tmp_path):
    d = tmp_path / "returns"
    d.mkdir()
    (d / "SSDA903_2024_header.csv").write_text(
        HEADER + "1,1,01/05/2010,WBRI,UN2,,\n2,2,01/05/2012,WBRI,UN2,,\n2,2,01/05/2012,WBRI,UN2,,\n"
        "3,1,01/06/2011,WBRI,UN2,,\n")
    (d / "SSDA903_2024_episodes.csv").write_text(
        EPISODES + "1,01/05/2023,S,C2,N1,U1,PR1,,,,,,\n"
        "2,01/06/2023,S,C2,N1,U1,PR1,01/05/2023,E11,,,,\n"  # DEC before DECOM: rule 356 quarantines it
        "9,01/06/2023,S,C2,N1,U1,PR1,,,,,,\n"  # a child missing from Header
        "3,31/02/2023,S,C2,N1,U1,PR1,,,,,,\n")  # not a date
    (d / "notes.txt").write_text("minutes of the performance board\n")
    return d


def _validate(paths, capsys, *extra):
    assert main(["validate", *map(str, paths), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_row_is_loaded_or_quarantined_and_counts_reconcile(council, capsys):
    out = _validate([council], capsys)
    files = {f["path"].rsplit("/", 1)[-1]: f for f in out["files"]}
    assert files["SSDA903_2024_header.csv"] | {"path": None} == {
        "path": None, "kind": "ssda903", "year": 2024, "rows_read": 4, "rows_loaded": 3, "rows_quarantined": 1}
    # decision 0017: the episode whose DEC is before its DECOM is loaded (as open) and reported, not refused
    assert (files["SSDA903_2024_episodes.csv"]["rows_loaded"], files["SSDA903_2024_episodes.csv"]["rows_quarantined"]) \
        == (2, 2)
    assert "not a return casewatch reads" in files["notes.txt"]["error"]
    assert all(f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"] for f in out["files"])
    assert out["issues_by_rule"]["356"] == 1 and out["issues_by_rule"]["CW-TYPE"] == 1
    assert out["issues_by_rule"]["CW-903-001"] == 1 and out["issues_by_rule"]["CW-FILE"] == 1
    assert out["issues_total"] == sum(out["issues_by_rule"].values())


def test_load_keeps_lineage_in_quarantine_and_issues(council, tmp_path, capsys):
    db = tmp_path / "cw.duckdb"
    assert main(["load", str(council), "--db", str(db), "--issues", str(tmp_path / "issues.csv")]) == 0
    capsys.readouterr()
    con = duckdb.connect(str(db), read_only=True)
    q = con.execute("SELECT split_part(source_file, '/', -1), source_table, row_number, reasons FROM quarantine "
                    "ORDER BY 1, 3").fetchall()
    assert not [r for r in q if r[0] == "SSDA903_2024_episodes.csv" and r[2] == 3]  # loaded, not refused
    assert any(r[2] == 4 and r[3] == ["CW-MODEL child_id: not found in children"] for r in q)
    assert con.execute("SELECT count(*) FROM cla_episodes").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM cla_episodes WHERE child_id = '2' AND dec IS NULL").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM data_issues WHERE rule = '356'").fetchone()[0] == 1
    assert con.execute("SELECT row_number, field FROM data_issues WHERE rule = 'CW-903-DEC'").fetchall() == [(3, "dec")]
    assert con.execute("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'ssda903'"
                       ).fetchone()[0] == 0  # staging is not left in the analytics database
    rows = list(csv.DictReader((tmp_path / "issues.csv").read_text().splitlines()))
    hit = [r for r in rows if r["rule"] == "356"][0]
    assert (hit["row"], hit["child"], hit["field"], hit["table"]) == ("3", "2", "DEC", "episodes")


def test_issues_report_as_xlsx(council, tmp_path, capsys):
    _validate([council], capsys, "--issues", str(tmp_path / "r.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("file", "table", "row", "child", "field", "value", "expected", "rule", "severity",
                       "message")
    assert len(rows) > 4
    head = rows[0]
    with_value = [r for r in rows[1:] if r[head.index("value")]]
    assert with_value, "no issue says what value it found"
    coded = [r for r in rows[1:] if str(r[head.index("expected")]).startswith("one of: ")]
    assert all(r[head.index("value")] not in r[head.index("expected")].split(": ", 1)[1].split(", ") for r in coded)


def test_nothing_usable_fails_and_keeps_the_last_good_database(council, tmp_path, capsys):
    db = tmp_path / "cw.duckdb"
    assert main(["load", str(council), "--db", str(db)]) == 0
    before = db.read_bytes()
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.csv").write_text("nothing,to,see\n1,2,3\n")
    assert main(["load", str(junk), "--db", str(db)]) == 2
    assert db.read_bytes() == before
    err = capsys.readouterr().err
    assert "nothing usable" in err


def test_terminal_output_carries_no_child_values(council, capsys):
    assert main(["validate", str(council)]) == 0
    out = capsys.readouterr()
    assert "01/05/2010" not in out.out + out.err and "31/02/2023" not in out.out + out.err


def test_rules_catalogue(capsys):
    assert main(["rules", "--year", "2024", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert len(rules) >= 80
    codes = {(r["return"], r["code"]) for r in rules}
    assert {("ssda903", "356"), ("cin", "8925")} <= codes
    assert ("ssda903", "CW-903-007") in codes  # SW episodes exist from 2023-24
    assert main(["rules", "--year", "2023", "--format", "json"]) == 0
    assert ("ssda903", "CW-903-007") not in {(r["return"], r["code"]) for r in json.loads(capsys.readouterr().out)}


def test_the_same_year_given_twice_is_refused_naming_both(tmp_path, capsys, councils):
    """A 903 year as CSV tables and as XML (casewatch synth writes both): loading them together read every
    record twice, quarantined one copy of each child and left some ended episodes open. Now refused."""
    from casewatch.returns.write_all import write_returns

    src = councils.synth(size="tiny", seed=1)
    write_returns(src, tmp_path / "returns")
    db = tmp_path / "db.duckdb"
    assert main(["load", str(tmp_path / "returns" / "ssda903"), str(tmp_path / "returns" / "ssda903_xml"),
                 "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "the SSDA903 return for 2021-22 is given more than once" in " ".join(err.split())
    assert "ssda903_xml/SSDA903_2022.xml" in err.replace("\n", "") and not db.exists()
    assert main(["load", str(tmp_path / "returns" / "ssda903_xml"), "--db", str(db)]) == 0  # one copy: fine
