"""The 903 CSV reader on the DfE's sample files and on the mess councils' files really hold."""

import datetime as dt

from casewatch.returns import ssda903
from casewatch.returns.detect import read_file
from casewatch.returns.ssda903 import spec


def _write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_dfe_sample_episodes(samples):
    f = read_file(samples / "SSDA903_2020_episodes.csv")
    assert (f.kind, f.year, f.records, f.error) == ("ssda903", 2020, 5, None)
    b = f.tables["ssda903.episodes"]
    assert b.columns["CHILD"][:2] == ["689661", "689661"]
    assert b.columns["LS"][1] is None  # blank legal status stays blank, for the rules to report
    assert b.columns["DECOM"][0] == dt.date(2018, 12, 11)
    assert b.columns["_row"] == [2, 3, 4, 5, 6]
    assert [(i.rule, i.field, i.severity) for i in f.issues] == [("CW-COLUMN", "TEST_COLUMN", "query")]


def test_dfe_sample_header_with_a_repeated_child(samples):
    f = read_file(samples / "SSDA903_2020_header.csv")
    assert (f.records, f.year) == (5, 2020)
    assert f.tables["ssda903.header"].columns["CHILD"].count("689661") == 3


def test_the_mess(tmp_path):
    text = ("\ufeff child ,Decom,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LS\r\n"
            "1234.0,01/04/2023,s ,c2,n1,u1,pr1,2023-05-01,x1,,AB1 2CD,,XXXXXXX,E1\r\n"
            ",,,,,,,,,,,,,\r\n"
            "  0042  ,45017,P,C2,N1,U1,PR1,,,CARPL,,,,\r\n")
    f = ssda903.read(_write(tmp_path, "SSDA903_2024_episodes.csv", text))
    b = f.tables["ssda903.episodes"]
    assert f.records == 2  # the blank row is not a record
    assert b.columns["CHILD"] == ["1234", "0042"]  # Excel's float undone; padding gone; leading zeros kept
    assert b.columns["DECOM"] == [dt.date(2023, 4, 1), dt.date(2023, 4, 1)]  # dd/mm/yyyy and Excel serial
    assert b.columns["DEC"][0] == dt.date(2023, 5, 1)  # ISO
    assert b.columns["RNE"][0] == "S" and b.columns["LS"][0] == "C2" and b.columns["REC"][0] == "X1"
    assert b.columns["_row"] == [2, 4]
    assert ("CW-COLUMN", "LS", "query") in [(i.rule, i.field, i.severity) for i in f.issues]  # duplicate column


def test_windows_1252_and_a_missing_required_column(tmp_path):
    p = _write(tmp_path, "reviews.csv", "CHILD,REVIEW,REVIEW_CODE\n1,01/05/2023,PN1\n2,02/05/2023,PN1 \u2019\n",
               encoding="cp1252")
    f = ssda903.read(p, year=2024)
    assert f.records == 2 and f.year == 2024
    assert [(i.rule, i.field, i.severity) for i in f.issues] == [("CW-COLUMN", "DOB", "error")]


def test_blank_header_only_and_binary_files(tmp_path):
    assert read_file(_write(tmp_path, "e.csv", "")).error.endswith("the file is empty")
    f = ssda903.read(_write(tmp_path, "SSDA903_2024_header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"))
    assert (f.records, f.error) == (0, None)
    p = tmp_path / "x.csv"
    p.write_bytes(b"\x00\x01\x02garbage")
    assert "not a return casewatch reads" in read_file(p).error


def test_bad_dates_are_reported_not_raised(tmp_path):
    f = ssda903.read(_write(tmp_path, "SSDA903_2024_episodes.csv", "CHILD,DECOM,RNE\n1,31/02/2024,S\n"))
    assert f.tables["ssda903.episodes"].columns["DECOM"] == [None]
    assert [(i.rule, i.row, i.field) for i in f.issues if i.rule == "CW-TYPE"] == [("CW-TYPE", 2, "DECOM")]
    assert all("31/02" not in i.message for i in f.issues)


def test_year_from_content_when_the_name_does_not_say(tmp_path):
    f = ssda903.read(_write(tmp_path, "episodes.csv", "CHILD,DECOM,RNE\n1,01/05/2023,S\n2,10/02/2024,S\n"))
    assert f.year == 2024
    assert any(i.rule == "CW-YEAR" and i.severity == "query" for i in f.issues)


def test_specs_change_by_year():
    assert spec.codes(2024, "header", "SEX") == ("1", "2")
    assert spec.codes(2025, "header", "SEX") == ("M", "F", "U")
    assert "E43" in spec.codes(2018, "episodes", "REC") and "E45" not in spec.codes(2018, "episodes", "REC")
    assert "E45" in spec.codes(2019, "episodes", "REC") and "E43" not in spec.codes(2019, "episodes", "REC")
    assert "H5" in spec.codes(2024, "episodes", "PLACE") and "K3" in spec.codes(2025, "episodes", "PLACE")
    assert "social_worker" not in spec.tables(2023) and "social_worker" in spec.tables(2024)


def test_xml_attack_refused(tmp_path):
    p = _write(tmp_path, "SSDA903_2024.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
               '"file:///etc/passwd">]><EXPSSDA903><CHILD><HEADER><CHILDID>&e;</CHILDID></HEADER></CHILD></EXPSSDA903>')
    f = ssda903.read(p)
    assert f.error and "XML attack refused" in f.error and f.records == 0
