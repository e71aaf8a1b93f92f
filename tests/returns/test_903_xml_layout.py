"""The 903 as XML in the layout case-management systems export and the DfE's validator reads (issue 17, part 4):
<EXPSSDA903> holding one <CHILD> per child, its HEADER (with reviews, missing, OC2, previous permanence,
placed for adoption inside it) and its EPISODEs; DfE element names; dd/mm/yyyy; empty elements for blanks."""

import datetime as dt
import json

import pytest

from casewatch.cli import main
from casewatch.returns import ssda903
from casewatch.returns.detect import read_file

D = dt.date

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>1001</CHILDID>
      <UPN>A123456789012</UPN>
      <SEX>1</SEX>
      <DOB>03/10/2005</DOB>
      <ETHNIC>WBRI</ETHNIC>
      <UASC>1</UASC>
      <DUC>03/10/2023</DUC>
      <AREVIEW><REVIEW>15/06/2017</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AREVIEW><REVIEW>14/12/2017</REVIEW><REVIEW_CODE>PN0</REVIEW_CODE></AREVIEW>
      <AMISSING><MISSING>M</MISSING><MIS_START>02/07/2017</MIS_START><MIS_END /></AMISSING>
      <MOTHER />
      <MC_DOB />
      <PERMANENCE><PREV_PERM>Z1</PREV_PERM><LA_PERM /><DATE_PERM /></PERMANENCE>
      <OC2><SDQ_SCORE>21</SDQ_SCORE><SDQ_REASON /><CONVICTED>0</CONVICTED></OC2>
      <FAVOURITE_COLOUR>blue</FAVOURITE_COLOUR>
    </HEADER>
    <EPISODE>
      <DECOM>01/05/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><PL_POST>AB1 2CD</PL_POST>
      <HOME_POST>EF3 4GH</HOME_POST><URN>SC123456</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER>
      <DEC>01/09/2017</DEC><REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE>
    </EPISODE>
    <EPISODE>
      <DECOM>01/09/2017</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>U3</PL><PL_POST /><HOME_POST />
      <URN /><PLACE_PROVIDER>PR2</PLACE_PROVIDER><DEC /><REC /><REASON_PLACE_CHANGE />
    </EPISODE>
  </CHILD>
  <CHILD>
    <HEADER>
      <CHILDID>1002</CHILDID><UPN /><SEX>2</SEX><DOB>20/01/2000</DOB><ETHNIC>BAFR</ETHNIC><UASC />
      <IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S</ACCOM>
      <MOTHER>1</MOTHER><MC_DOB>11/11/2016</MC_DOB>
    </HEADER>
  </CHILD>
  <CHILD>
    <HEADER>
      <CHILDID>1003</CHILDID><SEX>2</SEX><DOB>2015-02-07</DOB><ETHNIC>MWBA</ETHNIC><UASC />
      <DATE_INT>01/06/2016</DATE_INT><DATE_MATCH>15/07/2016</DATE_MATCH><FOSTER_CARE>0</FOSTER_CARE>
      <NB_ADOPTR>2</NB_ADOPTR><SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L11</LS_ADOPTR>
      <AD_PLACED><DATE_PLACED>01/05/2016</DATE_PLACED><DATE_PLACED_CEASED /><REASON_PLACED_CEASED /></AD_PLACED>
    </HEADER>
    <EPISODE><DECOM>01/02/2016</DECOM><RNE>S</RNE><LS>E1</LS><CIN>N1</CIN><PL>A3</PL><DEC>30/11/2017</DEC>
      <REC>E11</REC></EPISODE>
  </CHILD>
</EXPSSDA903>
"""


def _lines(marker):
    return [n for n, line in enumerate(SMALL.splitlines(), 1) if marker in line]


def _read(tmp_path, text, name="export.xml", year=2018, kind="ssda903"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_file(p, kind=kind, year=year)


def _rows(f, table):
    b = f.tables.get(f"ssda903.{table}")
    return [] if b is None else _builder_rows(b)


def _builder_rows(b):
    names = [n for n in b.columns if n != "_bad"]
    return [dict(zip(names, vals, strict=True)) for vals in zip(*(b.columns[n] for n in names), strict=True)]


def test_a_small_hand_written_file(tmp_path):
    f = _read(tmp_path, SMALL)
    assert (f.error, f.year, f.kind) == (None, 2018, "ssda903")
    assert [(i.rule, i.severity, i.field) for i in f.issues] == [("CW-ELEMENT", "query", "FAVOURITE_COLOUR")]
    assert "FAVOURITE_COLOUR" in f.issues[0].message and f.issues[0].row == _lines("<FAVOURITE")[0]

    header = _rows(f, "header")
    assert [h["CHILD"] for h in header] == ["1001", "1002", "1003"]
    assert header[0] == {"_row": _lines("<HEADER>")[0], "CHILD": "1001", "SEX": "1", "DOB": D(2005, 10, 3),
                         "ETHNIC": "WBRI", "UPN": "A123456789012", "MOTHER": None, "MC_DOB": None,
                         "UASC": "1"}
    assert (header[1]["UPN"], header[1]["MOTHER"], header[1]["MC_DOB"]) == (None, "1", D(2016, 11, 11))
    assert header[2]["DOB"] == D(2015, 2, 7)  # ISO read too

    episodes = _rows(f, "episodes")
    assert [(e["CHILD"], e["DECOM"], e["DEC"], e["PLACE"]) for e in episodes] == [
        ("1001", D(2017, 5, 1), D(2017, 9, 1), "U1"), ("1001", D(2017, 9, 1), None, "U3"),
        ("1003", D(2016, 2, 1), D(2017, 11, 30), "A3")]
    assert (episodes[0]["URN"], episodes[0]["PL_POST"], episodes[0]["REASON_PLACE_CHANGE"]) == \
        ("SC123456", "AB1 2CD", "CARPL")
    assert (episodes[1]["REC"], episodes[1]["URN"], episodes[1]["PLACE_PROVIDER"]) == (None, None, "PR2")  # empty
    assert [e["_row"] for e in episodes] == _lines("<EPISODE>") == [21, 26, 45]  # the line of each <EPISODE>

    assert [(r["CHILD"], r["DOB"], r["REVIEW"], r["REVIEW_CODE"]) for r in _rows(f, "reviews")] == [
        ("1001", D(2005, 10, 3), D(2017, 6, 15), "PN1"), ("1001", D(2005, 10, 3), D(2017, 12, 14), "PN0")]
    missing = _rows(f, "missing")
    assert [(m["MISSING"], m["MIS_START"], m["MIS_END"]) for m in missing] == [("M", D(2017, 7, 2), None)]
    assert [(u["CHILD"], u["SEX"], u["DOB"], u["DUC"]) for u in _rows(f, "uasc")] == [
        ("1001", "1", D(2005, 10, 3), D(2023, 10, 3))]  # <UASC /> children have no UASC row
    assert [(p["CHILD"], p["PREV_PERM"], p["LA_PERM"]) for p in _rows(f, "prev_perm")] == [("1001", "Z1", None)]
    oc2 = _rows(f, "oc2")
    assert [(o["SDQ_SCORE"], o["SDQ_REASON"], o["CONVICTED"], o["HEALTH_CHECK"]) for o in oc2] == [
        (21, None, "0", None)]
    assert [(o["CHILD"], o["IN_TOUCH"], o["ACTIV"], o["ACCOM"]) for o in _rows(f, "oc3")] == [
        ("1002", "YES", "F2", "S")]
    assert [(a["CHILD"], a["DATE_INT"], a["NB_ADOPTR"], a["LS_ADOPTR"]) for a in _rows(f, "ad1")] == [
        ("1003", D(2016, 6, 1), 2, "L11")]
    assert [(p["CHILD"], p["DATE_PLACED"], p["DATE_PLACED_CEASED"]) for p in _rows(f, "placed_adoption")] == [
        ("1003", D(2016, 5, 1), None)]
    assert f.records == sum(len(b) for b in f.tables.values()) == 15


def test_one_line_file_like_the_dfe_fixture_and_year_from_the_name(tmp_path):
    text = "".join(line.strip() for line in SMALL.splitlines()).replace("?><EXP", "?>\n<EXP")
    f = _read(tmp_path, text, name="SSDA903_2018.xml", year=None, kind=None)  # told by sniffing
    assert (f.kind, f.error, f.year) == ("ssda903", None, 2018)
    assert len(f.tables["ssda903.episodes"]) == 3 and set(f.tables["ssda903.episodes"].columns["_row"]) == {2}


def test_year_from_the_dates_when_nothing_says(tmp_path):
    f = _read(tmp_path, SMALL, name="export.xml", year=None)
    assert f.year == 2018  # latest date 14/12/2017 (DUC, DOB and MC_DOB are not activity)
    assert any(i.rule == "CW-YEAR" and i.severity == "query" for i in f.issues)


def test_unknown_root_is_an_error_naming_it(tmp_path):
    f = _read(tmp_path, '<?xml version="1.0"?><Message><Children><Child/></Children></Message>')
    assert f.error and "<Message>" in f.error and "903" in f.error and f.records == 0
    f = _read(tmp_path, "<Invoices/>")
    assert f.error and "<Invoices>" in f.error


def test_a_root_not_naming_the_903_but_holding_children_is_read_with_a_query(tmp_path):
    f = _read(tmp_path, SMALL.replace("EXPSSDA903", "Export"))
    assert f.error is None and len(f.tables["ssda903.header"]) == 3
    assert any(i.rule == "CW-XML" and i.severity == "query" and "<Export>" in i.message for i in f.issues)


def test_an_empty_903_is_reported_not_silent(tmp_path):
    f = _read(tmp_path, "<EXPSSDA903></EXPSSDA903>")
    assert f.records == 0 and [(i.rule, i.severity) for i in f.issues] == [("CW-XML", "error")]


def test_the_old_casewatch_layout_is_still_read(tmp_path):
    old = ('<?xml version="1.0"?><SSDA903 year="2024"><header><row><CHILD>7</CHILD><SEX>1</SEX>'
           '<DOB>2010-05-01</DOB></row></header><episodes><row><CHILD>7</CHILD><DECOM>2023-06-01</DECOM>'
           '<RNE>S</RNE></row></episodes></SSDA903>')
    f = _read(tmp_path, old, year=None)
    assert (f.error, f.year, f.records) == (None, 2024, 2)
    assert f.tables["ssda903.episodes"].columns["DECOM"] == [D(2023, 6, 1)]


def test_xml_attack_refused(tmp_path):
    f = _read(tmp_path, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
              "<EXPSSDA903><CHILD><HEADER><CHILDID>&b;</CHILDID></HEADER></CHILD></EXPSSDA903>")
    assert f.error and "XML attack refused" in f.error and f.records == 0


def test_the_writer_writes_the_real_layout(tmp_path, councils):
    from lxml import etree

    from casewatch.returns.write_all import write_returns

    write_returns(councils.synth(size="tiny", seed=1), tmp_path / "returns")
    root = etree.parse(str(tmp_path / "returns" / "ssda903_xml" / "SSDA903_2026.xml")).getroot()
    assert root.tag == "EXPSSDA903" and {c.tag for c in root} == {"CHILD"}
    child = root[0]
    assert child[0].tag == "HEADER" and child[0][0].tag == "CHILDID"
    assert {c.tag for c in child[1:]} <= {"EPISODE", "SW_EPISODE"}
    dates = [e.text for e in root.iter("DECOM", "DOB", "REVIEW") if e.text]
    assert dates and all(len(d) == 10 and d[2] == d[5] == "/" for d in dates)  # dd/mm/yyyy
    assert root.find(".//EPISODE/PL") is not None and root.find(".//EPISODE/PLACE") is None
    assert root.find(".//HEADER/AREVIEW/REVIEW") is not None and root.find(".//row") is None
    assert any(e.text is None for e in root.iter("DEC"))  # an open episode: <DEC />


@pytest.fixture(scope="module")
def written(tmp_path_factory, councils):
    from casewatch.returns.write_all import write_returns

    out = tmp_path_factory.mktemp("xml903") / "returns"
    write_returns(councils.synth(size="tiny", seed=1), out)
    return out


def _key(row):
    return tuple((k, repr(v)) for k, v in sorted(row.items()) if k != "_row")


def test_round_trip_gives_the_csvs_staging_rows(written):
    years = sorted(int(p.stem.split("_")[1]) for p in (written / "ssda903_xml").glob("SSDA903_*.xml"))
    assert years == [2022, 2023, 2024, 2025, 2026]
    for year in years:
        x = ssda903.read(written / "ssda903_xml" / f"SSDA903_{year}.xml")
        assert (x.error, x.year) == (None, year)
        assert [i for i in x.issues if i.severity != "query" or i.rule == "CW-ELEMENT"] == []
        csv_tables = {}
        for p in sorted((written / "ssda903").glob(f"SSDA903_{year}_*.csv")):
            c = ssda903.read(p)
            assert c.error is None
            csv_tables.update(c.tables)
        assert set(x.tables) <= set(csv_tables)
        # the XML header carries the UASC flag (0/1), the DfE's CSV header does not: it is the UASC table
        xml_header = _rows(x, "header")
        uasc = {r["CHILD"] for r in _builder_rows(csv_tables["ssda903.uasc"])} if "ssda903.uasc" in csv_tables else set()
        assert {r["CHILD"] for r in xml_header if r["UASC"] == "1"} == uasc
        assert {r["UASC"] for r in xml_header} <= {"0", "1"}
        for name in csv_tables:
            table = name.split(".")[1]
            xml_rows = sorted(_key({k: v for k, v in r.items() if not (table == "header" and k == "UASC")})
                              for r in _rows(x, table))
            csv_rows = sorted(_key({k: v for k, v in r.items() if not (table == "header" and k == "UASC")})
                              for r in _builder_rows(csv_tables[name]))
            assert xml_rows == csv_rows, (year, table)
        assert x.records == sum(len(b) for b in csv_tables.values())


def test_loading_the_xml_or_the_csvs_gives_the_same_summary(written, tmp_path, capsys):
    a, b = tmp_path / "xml.duckdb", tmp_path / "csv.duckdb"
    assert main(["load", str(written / "ssda903_xml"), "--db", str(a)]) == 0
    assert main(["load", str(written / "ssda903"), "--db", str(b)]) == 0
    capsys.readouterr()
    for year in range(2022, 2027):
        got = []
        for db in (a, b):
            assert main(["summary", "--db", str(db), "--period-end", f"{year}-03-31", "--format", "json"]) == 0
            got.append(json.loads(capsys.readouterr().out))
        assert got[0] == got[1], year
        assert got[0]["cla_at_31_march"] > 0
