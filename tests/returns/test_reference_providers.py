"""Ofsted's provider lists as reference data: the Children's homes list and the Social care providers list, in
Ofsted's layout, read into ``reference.providers`` (URNs, codes, LA as ONS codes, postcode, dates), every row
accounted for, and the 903 rules on the episode's URN run by ``casewatch validate`` when they are given."""

import datetime as dt
import json

import duckdb
import openpyxl
import pytest

from casewatch.cli import main
from casewatch.returns.reference import finish, providers, sniff
from casewatch.returns.stage import stage

URN_RULES = {"1008", "219", "221", "224", "227", "228", "229", "241"}
CH_HEAD = ["Local Authority", "URN", "Provider Type", "Provider Subtype", "Sector", "Setting Name", "Postcode Area",
           "Registration Date", "Provider Status", "Closed Date", "Provider Code", "Provider Placement Code",
           "Max Users", "Setting Address Line 1", "Setting Address Postcode", "Owner Name"]
SCP_HEAD = ["URN", "Provision type", "Setting name", "Registration status", "Setting postcode", "Organisation name",
            "Local authority", "Region", "Sector", "Placement code", "Placement provider code",
            "Maximum fostering places"]
SCP_CLOSED_HEAD = SCP_HEAD[:9] + ["Deregistration date"] + SCP_HEAD[9:]


def _children_homes(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Provider information"
    ws.append(CH_HEAD)
    ws.append(["Richmond upon Thames", "SC100001", "Children's home", "Children's home", "Local Authority",
               "Home 1", "TW9", dt.datetime(2010, 1, 1), "Active", "-", "K2", "PR1", 4, "1 Road", "tw9 1aa", "LA"])
    ws.append(["Kent", "SC100002", "Children's home", "Children's home", "Private", "Home 2", "ME1",
               dt.datetime(2012, 5, 1), "Closed", dt.datetime(2024, 6, 1), "K2", "PR3/PR4", 3, "2 Road", "ME1 1AA",
               "Co"])
    ws.append(["Kent", None, "Children's home", None, "Private", "Home 3", "ME1", None, "Active", "-", "K2",
               "PR4", "-", "3 Road", "ME1 1AA", "Co"])  # no URN: matching nothing, said so
    ws.append(["Narnia", "SC100003", "Children's home", None, "Private", "Home 4", "NA1", dt.datetime(2015, 1, 1),
               "Active", "-", "K2", "PR4", 2, "4 Road", "NA1 1AA", "Co"])  # no English LA: LA not known
    ws.append([None] * len(CH_HEAD))  # an empty row is no row
    conditions = wb.create_sheet("Registration Conditions")
    conditions.append(["Local Authority", "URN", "Setting Name", "Conditions"])
    conditions.append(["Kent", "SC100002", "Home 2", "Up to 3 children"])
    wb.save(path)
    return path


def _social_care_providers(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Current providers"
    ws.append(SCP_HEAD)
    ws.append([1234567, "Local Authority Fostering Agency", "Richmond Fostering", "Active", "TW9 2ZZ",
               "Richmond", "London Borough of Richmond upon Thames", "London", "Local Authority",
               "U1, U2, U3, U4, U5, U6", "PR1", 120])
    closed = wb.create_sheet("Providers closed in 2024-25")
    closed.append(SCP_CLOSED_HEAD)
    closed.append(["SC200001", "Children's home", "Old Home", "Closed", "SW1A 1AA", "Co", "Westminster City Council",
                   "London", "Private", dt.datetime(2024, 1, 1), "K2", "PR4", "-"])
    wb.save(path)
    return path


HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
CHILDREN = ("1,M,01/05/2010,WBRI,UN2,,\n2,F,01/05/2012,WBRI,UN2,,\n3,M,01/06/2011,WBRI,UN2,,\n"
            "4,F,01/06/2011,WBRI,UN2,,\n5,M,01/06/2011,WBRI,UN2,,\n")
EPISODE_ROWS = (
    "1,01/05/2024,S,C2,N1,K2,PR1,,,,TW9 1AA,TW9 1AA,SC100001\n"   # as the list has it
    "2,01/07/2024,S,C2,N1,K2,PR4,,,,TW9 1AA,ME1 1AA,sc100002\n"   # began and open after it closed: 227, 228
    "3,01/05/2024,S,C2,N1,U1,PR2,,,,TW9 1AA,TW9 2ZZ,1234567\n"    # the council's own agency as another LA's: 224, 229
    "4,01/05/2024,S,C2,N1,K2,PR4,,,,TW9 1AA,ME1 1AA,SC999999\n"   # no such URN: 1008
    "5,01/05/2024,S,C2,N1,K1,PR1,,,,TW9 1AA,TW9 2ZZ,SC100001\n")  # not its type, not its postcode: 219, 221


@pytest.fixture
def lists(tmp_path):
    return _children_homes(tmp_path / "childrens_homes_list.xlsx"), \
        _social_care_providers(tmp_path / "social_care_providers_list.xlsx")


def _staged(*paths):
    files = [providers.read(p) for p in paths]
    con = duckdb.connect()
    stage(con, files)
    finish(con, files, "318")
    return files, con


def test_the_lists_are_read_into_staging(lists):
    ch, scp = lists
    assert sniff(ch, ch.read_bytes()[:100]) and sniff(scp, scp.read_bytes()[:100])
    files, con = _staged(ch, scp)
    assert [f.error for f in files] == [None, None]
    assert [f.records for f in files] == [4, 2]
    rows = con.execute("""SELECT _row, urn, sheet, la, postcode, place_codes, provider_codes, registered, closed,
                                 places FROM reference.providers ORDER BY _file, _row""").fetchall()
    assert rows == [
        (2, "SC100001", "Provider information", ["E09000027"], "TW9 1AA", ["K2"], ["PR1"], dt.date(2010, 1, 1),
         None, 4),
        (3, "SC100002", "Provider information", ["E10000016"], "ME1 1AA", ["K2"], ["PR3", "PR4"],
         dt.date(2012, 5, 1), dt.date(2024, 6, 1), 3),
        (4, None, "Provider information", ["E10000016"], "ME1 1AA", ["K2"], ["PR4"], None, None, None),
        (5, "SC100003", "Provider information", None, "NA1 1AA", ["K2"], ["PR4"], dt.date(2015, 1, 1), None, 2),
        (2, "1234567", "Current providers", ["E09000027"], "TW9 2ZZ", ["U1", "U2", "U3", "U4", "U5", "U6"],
         ["PR1"], None, None, 120),
        (1_000_002, "SC200001", "Providers closed in 2024-25", ["E09000033"], "SW1A 1AA", ["K2"], ["PR4"], None,
         dt.date(2024, 1, 1), None)]
    assert sorted((i.rule, i.message) for i in files[0].issues) == [
        ("CW-REF", "no URN on sheet Provider information (1 row), matching nothing"),
        ("CW-REF", "the local authority is not one casewatch knows (1 row: Narnia): the provider's LA is taken as "
                   "not known")]
    assert not files[1].issues


def test_the_two_sheet_childrens_homes_layout_and_supported_accommodation(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Settings and Inspection Info"
    ws.append(["Ofsted children's homes list, 31 March 2025"])  # a title above the headings
    ws.append(["URN", "Local Authority", "Provider Code", "Provider Placement Code", "Closed Date"])
    ws.append(["SC1", "Bristol, City of", "K2", "PR2", None])
    address = wb.create_sheet("Address Details")
    address.append(["URN", "Setting Address Postcode"])
    address.append(["SC1", "bs1 4aa"])
    sa = wb.create_sheet("SA Providers")
    sa.append(["Provider local authority", "Setting local authority", "URN", "Closed date",
               "Setting address postcode"])
    sa.append(["Kent", "Medway", "2000001", None, "ME1 1AA"])
    sa.append(["Kent", "Kent", "2000001", None, "CT1 1AA"])
    wb.save(tmp_path / "combined.xlsx")
    files, con = _staged(tmp_path / "combined.xlsx")
    assert files[0].records == 3
    assert con.execute("SELECT _row, urn, la, postcode, place_codes, provider_codes FROM reference.providers "
                       "ORDER BY _row").fetchall() == [
        (3, "SC1", ["E06000023"], "BS1 4AA", ["K2"], ["PR2"]),
        (2_000_002, "2000001", ["E06000035"], "ME1 1AA", ["K3"], None),
        (2_000_003, "2000001", ["E10000016"], "CT1 1AA", ["K3"], None)]


def test_a_workbook_that_is_not_a_provider_list(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Child ID", "Date of birth"])
    wb.save(tmp_path / "other.xlsx")
    assert not sniff(tmp_path / "other.xlsx", (tmp_path / "other.xlsx").read_bytes()[:100])
    assert "no sheet of Ofsted's provider lists" in providers.read(tmp_path / "other.xlsx").error


def _returns(tmp_path):
    d = tmp_path / "903" / "2025"
    d.mkdir(parents=True)
    (d / "SSDA903_2025_header.csv").write_text(HEADER + CHILDREN)
    (d / "SSDA903_2025_episodes.csv").write_text(EPISODES + EPISODE_ROWS)
    return tmp_path / "903"


def test_validate_runs_the_urn_rules_and_every_row_is_accounted_for(tmp_path, lists, capsys):
    ch, scp = lists
    assert main(["validate", "--format", "json", str(_returns(tmp_path)), str(ch), str(scp), "--council",
                 "318"]) == 0
    got = json.loads(capsys.readouterr().out)
    ref = sorted((f["path"], f["rows_read"], f["rows_loaded"], f["rows_quarantined"]) for f in got["files"]
                 if f["kind"] == "reference")
    assert ref == [(str(ch), 4, 4, 0), (str(scp), 2, 2, 0)]
    assert all(f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"] for f in got["files"])
    assert not [f for f in got["rules_failed"] if f["rule"] in URN_RULES]
    assert {code: n for code, n in got["issues_by_rule"].items() if code in URN_RULES} == {
        "227": 1, "228": 1, "224": 1, "229": 1, "1008": 1, "219": 1, "221": 1}
    assert not [s for s in got["rules_skipped"] if s["rule"] in URN_RULES - {"241"}]
