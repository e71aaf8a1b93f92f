"""The header's UASC flag and the deprivation of liberty orders (DoLO, new in the 2026-27 return) through the
903 readers: a real-format 2026-27 CSV set (DfE column names, dd/mm/yyyy, a blank and a bad cell) and the XML
header's <UASC>, staged as the rules see them, and the rules 105, 231, 303 and 700-710 run on them by
``casewatch validate``. DoLOs are staged and validated only: no canonical table takes them yet."""

import datetime as dt
import json

from casewatch.cli import main
from casewatch.ingest.pipeline import read_all
from casewatch.returns.detect import read_file

D = dt.date
MINE = {"105", "231", "303", *(str(c) for c in range(700, 711))}

HEADER = """CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC
1001,M,05/06/2010,WBRI,A123456789012,,,0
1002,F,12/01/2009,AOTH,UN2,0,,1
1003,M,03/03/2018,BAFR,UN2,,, 1
1004,F,20/08/2011,WBRI,UN2,0,,
1005,M,01/01/2012,WBRI,UN2,,,Y
"""
EPISODES = """CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
1001,01/05/2026,S,C2,N1,U1,PR1,01/07/2026,X1,CARPL,AB1 2CD,EF3 4GH,
1001,01/07/2026,P,C2,N1,K2,PR4,,,,AB1 2CD,EF3 4GH,SC123456
1002,01/04/2026,S,C2,N1,K2,PR4,,,,AB1 2CD,EF3 4GH,SC123457
1003,01/06/2026,S,V2,N1,U1,PR1,,,,,,
1004,01/06/2026,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
1005,01/04/2026,S,C2,N1,P1,PR0,,,,AB1 2CD,AB1 2CD,
"""
UASC = """CHILD,SEX,DOB,DUC
1001,M,05/06/2010,05/06/2028
1002,F,12/01/2009,12/01/2027
1003,M,03/03/2018,03/03/2036
"""
DOLO = """CHILD,DOB,DOLO_START,DOLO_END
1001,05/06/2010,01/07/2026,
1001,05/06/2010,01/08/2026,01/09/2026
1002,12/01/2009,15/09/2026,10/09/2026
1004,20/08/2011,31/02/2026,
1005,01/01/2012,01/05/2026,01/06/2026
"""


def _set(folder, names=None):
    folder.mkdir(parents=True, exist_ok=True)
    names = names or {t: f"SSDA903_2027_{t}.csv" for t in ("header", "episodes", "uasc", "dolo")}
    for table, text in (("header", HEADER), ("episodes", EPISODES), ("uasc", UASC), ("dolo", DOLO)):
        (folder / names[table]).write_text(text, encoding="utf-8")
    return folder


def _columns(f, table):
    return f.tables[f"ssda903.{table}"].columns


def test_the_header_uasc_column_is_staged(tmp_path):
    f = read_file(_set(tmp_path / "set") / "SSDA903_2027_header.csv")
    assert (f.error, f.year, f.records) == (None, 2027, 5)
    assert [i.rule for i in f.issues] == []  # UASC is a known column, not an extra one
    assert _columns(f, "header")["UASC"] == ["0", "1", "1", None, "Y"]  # ' 1' cleaned, a blank stays blank


def test_a_header_without_the_uasc_column_is_not_an_error(tmp_path):
    p = tmp_path / "SSDA903_2027_header.csv"
    p.write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,M,05/06/2010,WBRI,A123456789012,,\n")
    f = read_file(p)
    assert (f.error, [i.rule for i in f.issues]) == (None, [])
    assert _columns(f, "header")["UASC"] == [None]


def test_the_dolo_file_is_told_and_staged(tmp_path):
    f = read_file(_set(tmp_path / "set") / "SSDA903_2027_dolo.csv")
    assert (f.error, f.kind, f.year, f.records) == (None, "ssda903", 2027, 5)
    assert list(f.tables) == ["ssda903.dolo"]
    cols = _columns(f, "dolo")
    assert cols["CHILD"] == ["1001", "1001", "1002", "1004", "1005"]
    assert cols["DOB"][0] == D(2010, 6, 5)
    assert cols["DOLO_START"] == [D(2026, 7, 1), D(2026, 8, 1), D(2026, 9, 15), None, D(2026, 5, 1)]
    assert cols["DOLO_END"] == [None, D(2026, 9, 1), D(2026, 9, 10), None, D(2026, 6, 1)]
    assert json.loads(cols["_bad"][3]) == {"DOLO_START": "31/02/2026"}  # 31 February: reported, not guessed
    assert [(i.rule, i.row, i.field) for i in f.issues] == [("CW-TYPE", 5, "DOLO_START")]


def test_the_dfe_tools_file_names_read_as_one_set(tmp_path):
    names = {"header": "header.csv", "episodes": "episodes.csv", "uasc": "uasc.csv", "dolo": "dolo.csv"}
    files = {f.path.rsplit("/", 1)[-1]: f for f in read_all([_set(tmp_path / "dfe", names)])}
    assert {n: (list(f.tables), f.year) for n, f in files.items()} == {
        "header.csv": (["ssda903.header"], 2027), "episodes.csv": (["ssda903.episodes"], 2027),
        "uasc.csv": (["ssda903.uasc"], 2027), "dolo.csv": (["ssda903.dolo"], 2027)}
    said = [i for i in files["dolo.csv"].issues if i.rule != "CW-TYPE"]  # (the 31 February)
    assert [(i.rule, i.severity) for i in said] == [("CW-YEAR", "query")]  # no year in the name: told from its
    assert "episodes.csv" in said[0].message                                 # set's episodes, and said so


def test_validate_runs_the_uasc_and_dolo_rules(tmp_path, capsys):
    assert main(["validate", "--format", "json", str(_set(tmp_path / "set"))]) == 0
    got = json.loads(capsys.readouterr().out)
    assert not [f for f in got["rules_failed"] if f["rule"] in MINE]
    mine = {code: n for code, n in got["issues_by_rule"].items() if code in MINE}
    assert mine == {
        "105": 2,  # 1004 blank and 1005 'Y', in a header that gives the flag
        "231": 1,  # 1003, UASC and 9 at 31 March 2027
        "303": 2,  # 1001: a DUC but UASC 0 in the header (the UASC row and the header row)
        "700": 1,  # 1004: 31/02/2026
        "702": 1,  # 1002: ended before it started
        "705": 1,  # 1001's second order starts while the first is open
        "709": 2,  # 1005 with parents (P1) during the order: the order and the episode
        "710": 2,  # the same, barred
    }
    assert {"706"} <= {s["rule"] for s in got["rules_skipped"] if s["year"] == 2027}  # no 2025-26 return


XML = """<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
  <CHILD><HEADER><CHILDID>1</CHILDID><SEX>M</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC><UASC>1</UASC>
    <DUC>01/01/2028</DUC></HEADER>
    <EPISODE><DECOM>01/05/2026</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC /></EPISODE></CHILD>
  <CHILD><HEADER><CHILDID>2</CHILDID><SEX>F</SEX><DOB>01/01/2011</DOB><ETHNIC>WBRI</ETHNIC><UASC />
    </HEADER>
    <EPISODE><DECOM>01/05/2026</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC /></EPISODE></CHILD>
  <CHILD><HEADER><CHILDID>3</CHILDID><SEX>F</SEX><DOB>01/01/2012</DOB><ETHNIC>WBRI</ETHNIC><UASC>0</UASC>
    </HEADER>
    <EPISODE><DECOM>01/05/2026</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC /></EPISODE></CHILD>
  <CHILD><HEADER><CHILDID>4</CHILDID><SEX>F</SEX><DOB>01/01/2012</DOB><ETHNIC>WBRI</ETHNIC>
    <UASC><DUC>01/01/2030</DUC></UASC></HEADER>
    <EPISODE><DECOM>01/05/2026</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC /></EPISODE></CHILD>
</EXPSSDA903>
"""


def test_the_xml_header_uasc_flag_is_staged_and_checked(tmp_path, capsys):
    p = tmp_path / "SSDA903_2027.xml"
    p.write_text(XML, encoding="utf-8")
    f = read_file(p)
    assert (f.error, f.year) == (None, 2027)
    assert _columns(f, "header")["UASC"] == ["1", None, "0", "1"]  # a nested <UASC> group is a UASC child
    assert _columns(f, "uasc")["CHILD"] == ["1", "4"]
    assert main(["validate", "--format", "json", str(p)]) == 0
    got = json.loads(capsys.readouterr().out)["issues_by_rule"]
    assert (got.get("105"), got.get("303")) == (1, None)  # child 2's empty <UASC />
