"""The ONS Postcode Directory as reference data: read straight into ``reference.postcodes`` (its columns, the
upper-tier LA, country and grid reference; blanks, bad cells and repeats reported), every row accounted for,
and the 903 rules on the fields the DfE derives from postcodes run by ``casewatch validate`` only when it is
given (and those needing the council's own LA only when that is known: ``--council`` or the CMS council.csv)."""

import json

import duckdb

from casewatch.cli import main
from casewatch.returns.detect import read_file
from casewatch.returns.reference import finish, ons_codes
from casewatch.returns.stage import stage

POSTCODE_RULES = {"164", "169", "179", "392a", "392c", "398", "406", "411", "420", "452", "453", "454", "503G",
                  "503H", "503J", "1015"}
MINE = POSTCODE_RULES | {"214", "CW-LA", "CW-REF"}
COUNCIL_RULES = {"411", "503J", "1015"}

# the ONSPD's layout (a few of its ~55 columns, quoted as the ONS writes them), in the order it has them
ONSPD = '''"pcd","pcd2","pcds","dointr","doterm","oscty","ced","oslaua","osward","oseast1m","osnrth1m","ctry","lat","long"
"TW9 1AA","TW9  1AA","TW9 1AA","198001","","E99999999","E99999999","E09000027","E05000001","518000","175000","E92000001","51.46","-0.30"
"TW9 2ZZ","TW9  2ZZ","TW9 2ZZ","198001","","E99999999","E99999999","E09000027","E05000001","518300","175400","E92000001","51.46","-0.30"
"SW1A1AA","SW1A 1AA","SW1A 1AA","198001","","E99999999","E99999999","E09000033","E05000002","529090","179645","E92000001","51.50","-0.14"
"ME1 1AA","ME1  1AA","ME1 1AA","198001","201012","E10000016","E58000001","E07000110","E05000003","574000","168000","E92000001","51.38","0.50"
"CF101AA","CF10 1AA","CF10 1AA","198001","","W99999999","W99999999","W06000015","W05000001","318000","176000","W92000004","51.48","-3.18"
"JE2 3AA","JE2  3AA","JE2 3AA","198001","","L99999999","L99999999","L99999999","L99999999","","","L93000001","99.999999","0.000000"
"XX1 1XX","XX1  1XX","","198001","","E99999999","E99999999","E09000001","E05000004","5x","1","E92000001","",""
"TW9 1AA","TW9  1AA","TW9 1AA","198001","","E99999999","E99999999","E09000027","E05000001","518001","175001","E92000001","51.46","-0.30"
'''
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
YEARS = {
    2024: ("1,M,01/05/2010,WBRI,UN2,,\n2,F,01/05/2012,WBRI,UN2,,\n3,M,01/06/2011,WBRI,UN2,,\n"
           "4,F,01/06/2011,WBRI,UN2,,\n",
           "1,01/05/2023,S,C2,N1,K2,PR1,,,,TW9 1AA,SW1A 1AA,SC123456\n"      # own provision in Westminster: 1015
           "2,01/06/2023,S,C2,N1,U1,PR4,,,,TW9 1AA,AB1 2CD,XXXXXXX\n"        # no such postcode: 392c 169 179 392a
           "3,01/06/2023,S,V3,N1,R1,PR4,02/06/2023,E13,,TW9 1AA,TW9 2ZZ,\n"  # a short break placed: 214 398 420
           "4,01/06/2023,S,C2,N1,U1,PR4,,,,TW9 1AA,tw92zz,XXXXXXX\n"),       # open at 31 March, IN
    2025: ("1,M,01/05/2010,WBRI,UN2,,\n4,F,01/06/2011,WBRI,UN2,,\n",
           "1,01/05/2023,S,C2,N1,K2,PR1,01/10/2024,X1,CARPL,TW9 1AA,SW1A 1AA,SC123456\n"  # the same: 1015 again
           "1,01/10/2024,P,C2,N1,K2,PR1,,,,TW9 1AA,TW9 2ZZ,SC123457\n"      # own provision in Richmond
           "4,01/06/2023,S,C2,N1,U1,PR4,,,,TW9 1AA,ME1 1AA,XXXXXXX\n"),      # moved: 452 453 503G 503H 503J
}


def _directory(tmp_path, text=ONSPD, name="ONSPD_FEB_2025_UK.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _returns(tmp_path):
    for year, (header, episodes) in YEARS.items():
        d = tmp_path / "903" / str(year)
        d.mkdir(parents=True)
        (d / f"SSDA903_{year}_header.csv").write_text(HEADER + header)
        (d / f"SSDA903_{year}_episodes.csv").write_text(EPISODES + episodes)
    return tmp_path / "903"


def _validate(capsys, *args):
    assert main(["validate", "--format", "json", *map(str, args)]) == 0
    return json.loads(capsys.readouterr().out)


def _staged(path):
    f = read_file(path)
    con = duckdb.connect()
    stage(con, [f])
    finish(con, [f], "318")
    return f, con


def test_the_directory_is_read_straight_into_staging(tmp_path):
    f, con = _staged(_directory(tmp_path))
    assert (f.kind, f.year, f.error, f.records, dict(f.tables)) == ("reference", None, None, 8, {})
    rows = con.execute("SELECT _row, _year, postcode, la, country, easting, northing, terminated, duplicate, _bad "
                       "FROM reference.postcodes ORDER BY _row").fetchall()
    assert [r[:7] for r in rows] == [
        (2, None, "TW9 1AA", "E09000027", "E92000001", 518000, 175000),
        (3, None, "TW9 2ZZ", "E09000027", "E92000001", 518300, 175400),
        (4, None, "SW1A 1AA", "E09000033", "E92000001", 529090, 179645),
        (5, None, "ME1 1AA", "E10000016", "E92000001", 574000, 168000),  # a Kent district: the LA is the county
        (6, None, "CF10 1AA", "W06000015", "W92000004", 318000, 176000),
        (7, None, "JE2 3AA", "L99999999", "L93000001", None, None),       # no grid reference
        (8, None, None, "E09000001", "E92000001", None, 1),               # no postcode; a bad easting
        (9, None, "TW9 1AA", "E09000027", "E92000001", 518001, 175001)]  # TW9 1AA again
    assert str(rows[3][7]) == "2010-12-01" and rows[0][7] is None
    assert con.execute("SELECT la, la_code FROM reference.council_la").fetchall() == [("E09000027", "318")]
    assert [r[8] for r in rows] == [False] * 6 + [None, True]  # the repeat is marked, the first is used
    assert json.loads(rows[6][9]) == {"easting": "5x"}
    assert sorted((i.rule, i.severity, i.message) for i in f.issues) == [
        ("CW-REF", "query", "a postcode listed before is repeated (1 row); its first listing (a live one first) "
                            "is used"),
        ("CW-REF", "query", "no postcode (1 row), matching nothing"),
        ("CW-TYPE", "error", "oseast1m is not a whole number of metres (1 row), taken as blank")]


def test_other_column_names_and_what_is_refused(tmp_path):
    nspd = _directory(tmp_path, "pcd7,pcds,cty25cd,lad25cd,ctry25cd,east1m,north1m\n"
                      "SW1A1AA,SW1A 1AA,E99999999,E09000033,E92000001,529090,179645\n", "NSPD.csv")
    f, con = _staged(nspd)
    assert (f.error, f.records) == (None, 1)
    assert con.execute("SELECT postcode, la, easting FROM reference.postcodes").fetchall() == [
        ("SW1A 1AA", "E09000033", 529090)]
    latlong = read_file(_directory(tmp_path, "pcds,oscty,oslaua,ctry,lat,long\nSW1A 1AA,E99999999,E09000033,"
                                   "E92000001,51.5,-0.14\n", "latlong.csv"))
    assert latlong.kind == "reference" and "oseast1m/east1m" in latlong.error and "lat/long" in latlong.error
    episodes = read_file(_returns(tmp_path) / "2024" / "SSDA903_2024_episodes.csv")
    assert episodes.kind == "ssda903"  # a 903 file is not taken for a directory


def test_the_council_la_code(tmp_path):
    assert ons_codes("318") == ("E09000027",)
    assert ons_codes(" e09000027 ") == ("E09000027",)
    assert ons_codes("815") == ("E06000065", "E10000023")  # North Yorkshire, a county then a unitary
    assert ons_codes("E10000023") == ("E06000065", "E10000023")
    assert ons_codes("909") == ("E06000063", "E06000064", "E10000006")  # Cumbria's area is now two LAs
    assert ons_codes("001") == ons_codes("E07000110") == ons_codes(None) == ()  # not an LA; a district


def test_validate_runs_the_postcode_rules_and_every_row_is_accounted_for(tmp_path, capsys):
    got = _validate(capsys, _returns(tmp_path), _directory(tmp_path), "--council", "318")
    directory = [f for f in got["files"] if f["kind"] == "reference"]
    assert directory == [{"path": str(tmp_path / "ONSPD_FEB_2025_UK.csv"), "kind": "reference", "year": None,
                          "rows_read": 8, "rows_loaded": 8, "rows_quarantined": 0}]
    assert all(f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"] for f in got["files"])
    assert not [f for f in got["rules_failed"] if f["rule"] in MINE]
    assert not [s for s in got["rules_skipped"] if s["rule"] in POSTCODE_RULES and s["year"] == 2025]
    assert {code: n for code, n in got["issues_by_rule"].items() if code in MINE} == {
        "1015": 2,                                   # child 1, both years
        "392c": 1, "169": 1, "179": 1, "392a": 1,    # child 2's placement postcode is not in the directory
        "214": 1, "398": 1, "420": 1,                # child 3's short break has a placement
        "452": 1, "453": 1, "503G": 1, "503H": 1, "503J": 1,  # child 4 moved from Richmond to Kent
        "CW-REF": 2}                                 # the directory's blank and repeated postcodes
    assert {s["rule"] for s in got["rules_skipped"] if s["year"] == 2024} >= {"452", "453", "503G", "503H", "503J"}


def test_without_the_council_la_the_rules_needing_it_are_not_run(tmp_path, capsys):
    got = _validate(capsys, _returns(tmp_path), _directory(tmp_path))
    skipped = {s["rule"]: s["why"] for s in got["rules_skipped"] if s["year"] == 2025}
    assert set(skipped) & POSTCODE_RULES == COUNCIL_RULES
    assert all(skipped[c].startswith("needs the council's own LA code (--council") for c in COUNCIL_RULES)
    assert got["issues_by_rule"]["CW-LA"] == 1 and "1015" not in got["issues_by_rule"]
    assert got["issues_by_rule"]["503H"] == 1  # the rules that need no LA still run


def test_the_council_la_from_the_case_management_extract(tmp_path, capsys):
    cms = tmp_path / "cms"
    cms.mkdir()
    (cms / "council.csv").write_text("council_id,name,region,la_code,data_to\nRUT,Richmond,London,318,31/03/2025\n")
    returns, directory = _returns(tmp_path), _directory(tmp_path)
    got = _validate(capsys, returns, directory, cms)
    assert got["issues_by_rule"]["1015"] == 2 and "CW-LA" not in got["issues_by_rule"]
    got = _validate(capsys, returns, directory, cms, "--council", "RUT")  # the council's own name: not an LA code
    assert got["issues_by_rule"]["1015"] == 2 and "CW-LA" not in got["issues_by_rule"]
    (cms / "council.csv").write_text("council_id,name,region,la_code,data_to\nX01,Synthetic,None,001,31/03/2025\n")
    got = _validate(capsys, returns, directory, cms)  # a synthetic council: no real LA
    assert "1015" not in got["issues_by_rule"] and got["issues_by_rule"]["CW-LA"] == 1


def test_without_the_directory_the_rules_are_listed_as_not_run(tmp_path, capsys):
    got = _validate(capsys, _returns(tmp_path))
    skipped = {s["rule"]: s["why"] for s in got["rules_skipped"] if s["year"] == 2025}
    assert {c: skipped[c] for c in POSTCODE_RULES if c != "454"} == {
        c: "needs the ONS postcode directory" for c in POSTCODE_RULES if c != "454"}
    assert not set(got["issues_by_rule"]) & (POSTCODE_RULES | {"CW-LA", "CW-REF"})
    assert got["issues_by_rule"]["214"] == 1  # needs no directory


def test_load_accounts_for_the_directory_and_keeps_none_of_it(tmp_path, capsys):
    db = tmp_path / "cw.duckdb"
    assert main(["load", str(_returns(tmp_path)), str(_directory(tmp_path)), "--council", "318", "--db", str(db)]) == 0
    capsys.readouterr()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT rows_read, rows_loaded, rows_quarantined FROM loads WHERE source_file LIKE "
                       "'%ONSPD%'").fetchall() == [(8, 8, 0)]
    assert not con.execute("SELECT * FROM quarantine WHERE source_file LIKE '%ONSPD%'").fetchall()
    assert not con.execute("SELECT * FROM information_schema.schemata WHERE schema_name = 'reference'").fetchall()
    assert con.execute("SELECT count(*) FROM data_issues WHERE rule = '1015'").fetchone()[0] == 2
