"""The children's social work workforce census: the DfE's sample, XML attacks, broken files, the mapping,
and the writer (valid against the 2022 XSD, cases counted from allocations, read back and loaded)."""

import datetime as dt

import duckdb
import pytest
from lxml import etree

from casewatch.ingest.pipeline import load
from casewatch.returns import swwc
from casewatch.returns.stage import stage
from casewatch.returns.write_all import canonical_views
from casewatch.synth import SynthOptions, generate

HEAD = ("<?xml version='1.0' encoding='UTF-8'?>\n<Message>\n<Header><CollectionDetails><Collection>CSWW</Collection>"
        "<Year>2023</Year><ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails><Source><LEA>301</LEA>"
        "</Source></Header>\n<LALevelVacancies><NumberOfVacancies>3.50</NumberOfVacancies><NoAgencyFTE>2.00"
        "</NoAgencyFTE><NoAgencyHeadcount>2</NoAgencyHeadcount></LALevelVacancies>\n")
W1 = ("<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW0010000001</SWENo><FTE>0.500000</FTE>"
      "<QualInst>Uni A</QualInst><QualInst>Uni B</QualInst><OrgRole>5</OrgRole><RoleStartDate>2020-01-06"
      "</RoleStartDate><FTE30>0.500000</FTE30><Cases30>11</Cases30><Absat30Sept>1</Absat30Sept>"
      "<Absat30Sept>0</Absat30Sept><ReasonAbsence>SIC</ReasonAbsence><CFKSSstatus>1</CFKSSstatus>"
      "<Shoesize>9</Shoesize></CSWWWorker>\n")
W2 = ("<CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>SW0010000002</SWENo><FTE>0</FTE><QualInst>x</QualInst>"
      "<OrgRole>1</OrgRole><RoleStartDate>2019-03-01</RoleStartDate><RoleEndDate>2023-06-30</RoleEndDate>"
      "<ReasonLeave>1</ReasonLeave></CSWWWorker>\n")


def test_sample_file(samples):
    f = swwc.read(samples / "social_work_workforce_2022.xml")
    assert (f.error, f.year, f.council_id) == (None, 2022, "301")
    v = f.tables["swwc.vacancies"].columns
    assert (v["NumberOfVacancies"], v["NoAgencyFTE"], v["NoAgencyHeadcount"], v["_row"]) == \
        ([79.68], [59.82], [71], [15])
    w = f.tables["swwc.worker"].columns
    assert f.records == 31 and len(w["SWENo"]) == 30
    assert w["SWENo"][:3] == ["Oz2054309383", "Yk7226043359", "iP8098309864"] and w["_row"][:2] == [20, 39]
    assert w["AgencyWorker"][:4] == [True, True, True, False] and w["FTE"][:2] == [0.521371, 0.0]
    assert w["Cases30"][:3] == [72, 66, None] and w["RoleEndDate"][1] == dt.date(2019, 9, 23)
    assert w["ContractWeeks"][0] == ["288.7"] and w["CFKSSstatus"][:2] == [["1"], ["4"]]
    assert [i.rule for i in f.issues] == []


def test_mapping(tmp_path):
    p = tmp_path / "csww.xml"
    p.write_text(HEAD + W1 + W2 + "</Message>")
    f = swwc.read(p)
    assert (f.error, f.records, f.year, f.council_id) == (None, 3, 2023, "301")
    w = f.tables["swwc.worker"].columns
    assert w["QualInst"] == ["Uni A; Uni B", "x"] and w["Absat30Sept"] == [True, None]
    assert sorted((i.rule, i.field) for i in f.issues) == [("CW-ELEMENT", "Shoesize"), ("CW-XML", "Absat30Sept")]
    con = duckdb.connect()
    stage(con, [f])
    con.execute("SET VARIABLE council_id = 'X01'")
    sql = swwc.to_model()
    assert con.execute(f"SELECT worker_id, council_id, role, fte, agency, asye, start_date, end_date "
                       f"FROM ({sql['workers']}) ORDER BY 1").fetchall() == [
        ("SW0010000001", "X01", "social_worker", 0.5, False, True, dt.date(2020, 1, 6), None),
        ("SW0010000002", "X01", None, None, True, None, dt.date(2019, 3, 1), dt.date(2023, 6, 30))]
    assert con.execute(f"SELECT worker_id, census_date, cases_30_sep, absent_30_sep, absence_reason, org_role, "
                       f"reason_leaving FROM ({sql['workforce_census']}) ORDER BY 1").fetchall() == [
        ("SW0010000001", dt.date(2023, 9, 30), 11, True, "SIC", "5", None),
        ("SW0010000002", dt.date(2023, 9, 30), None, None, None, "1", "1")]
    assert con.execute(f"SELECT council_id, census_date, vacancies_fte, agency_fte, agency_headcount, _row "
                       f"FROM ({sql['vacancies']})").fetchall() == [("X01", dt.date(2023, 9, 30), 3.5, 2.0, 2, 4)]


def test_year_given_and_contradicted(tmp_path):
    p = tmp_path / "csww.xml"
    p.write_text(HEAD + W1 + "</Message>")
    f = swwc.read(p, year=2024)
    assert f.year == 2024 and any(i.rule == "CW-YEAR" and i.severity == "query" for i in f.issues)
    p.write_text(HEAD.replace("<Year>2023</Year>", "") + W1 + "</Message>")
    assert swwc.read(p).year == 2023  # from <ReferenceDate>


ATTACKS = {
    "external entity": '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                       "<Message><CSWWWorker><SWENo>&x;</SWENo></CSWWWorker></Message>",
    "billion laughs": '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><Message><CSWWWorker><SWENo>&c;</SWENo>'
                      "</CSWWWorker></Message>",
    "external DTD": '<?xml version="1.0"?><!DOCTYPE Message SYSTEM "http://127.0.0.1:9/x.dtd"><Message>'
                    "<CSWWWorker><SWENo>SW0010000001</SWENo></CSWWWorker></Message>",
    # the DOCTYPE pushed past the first 64 KiB by a comment: the parser's own check refuses it
    "padded DOCTYPE": '<?xml version="1.0"?><!--' + "x" * 70_000 + '--><!DOCTYPE Message [<!ENTITY x SYSTEM '
                      '"file:///etc/passwd">]><Message><CSWWWorker><SWENo>&x;</SWENo></CSWWWorker></Message>',
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_xml_attacks_are_refused(tmp_path, attack):
    p = tmp_path / "w.xml"
    p.write_text(ATTACKS[attack])
    f = swwc.read(p)
    assert "XML attack refused" in f.error and f.records == 0 and not f.tables
    assert "root:" not in f.error and "lol" not in f.error


def test_broken_files(tmp_path):
    p = tmp_path / "w.xml"
    p.write_text(HEAD + W1 + W2 + "<CSWWWorker><SWENo>SW00")  # cut off mid-record
    f = swwc.read(p)
    assert f.error is None and f.records == 3 and len(f.tables["swwc.worker"]) == 2
    assert [i.rule for i in f.issues if i.severity == "error"] == ["CW-XML"]
    p.write_text("<Message><Header><Coll")
    assert "not well-formed XML" in swwc.read(p).error
    p.write_text("<Children><Child/></Children>")
    assert "not a workforce census" in swwc.read(p).error
    p.write_text(HEAD + "</Message>")
    assert "no <CSWWWorker>" in swwc.read(p).error
    assert swwc.sniff(p, p.read_bytes()) and not swwc.sniff(p, b"<Message><Children>")


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    d = tmp_path_factory.mktemp("csww")
    generate(d / "s", SynthOptions(size="tiny", seed=2, years=2, end=dt.date(2026, 3, 31)))
    con = duckdb.connect()
    canonical_views(con, d / "s")
    path = swwc.write_swwc(con, d / "CSWW_2025.xml", 2025)
    yield con, d, path
    con.close()


def test_writer_is_xsd_valid_and_counts_cases(council):
    con, _, path = council
    schema = etree.XMLSchema(etree.parse(str(swwc.XSD)))
    assert schema.validate(etree.parse(str(path))), schema.error_log
    assert swwc.xsd_errors(path) == []
    f = swwc.read(path)
    assert (f.error, f.year, f.council_id, f.issues) == (None, 2025, "001", [])
    w = f.tables["swwc.worker"].columns
    cases = {k: v for k, v in zip(w["SWENo"], w["Cases30"], strict=True) if v}
    want = dict(con.execute("SELECT worker_id, count(*) FROM allocations WHERE start_date <= DATE '2025-09-30' "
                            "AND (end_date IS NULL OR end_date > DATE '2025-09-30') GROUP BY 1").fetchall())
    assert cases == want and sum(want.values()) > 0
    leavers = [d for d in w["RoleEndDate"] if d is not None]
    assert leavers and all(dt.date(2024, 10, 1) <= d <= dt.date(2025, 9, 30) for d in leavers)
    assert len(w["SWENo"]) == con.execute(
        "SELECT count(*) FROM workers WHERE role <> 'family_support_worker' AND role <> 'personal_adviser' "
        "AND start_date <= DATE '2025-09-30' AND (end_date IS NULL OR end_date >= DATE '2024-10-01')").fetchone()[0]


def test_writer_output_loads_as_the_workers_were(council, tmp_path):
    con, _, path = council
    run = load([path], tmp_path / "db.duckdb", council_id="X01")
    f = run.files[0]
    assert (f.error, f.rows_quarantined) == (None, 0) and f.rows_read == f.rows_loaded == 1 + len(
        swwc.read(path).tables["swwc.worker"])
    con.execute(f"ATTACH '{run.db_path}' AS d (READ_ONLY)")
    role = ("CASE role WHEN 'advanced_practitioner' THEN 'senior_social_worker' ELSE role END")  # OrgRole 4 both
    got = con.execute("SELECT worker_id, role, fte, agency, start_date, end_date FROM d.workers "
                      "EXCEPT SELECT worker_id, " + role + ", fte, agency, start_date, "
                      "CASE WHEN end_date <= DATE '2025-09-30' THEN end_date END FROM workers").fetchall()
    assert got == []
    assert con.execute("SELECT count(*), min(census_date), max(census_date) FROM d.workforce_census").fetchone() \
        == (f.rows_read - 1, dt.date(2025, 9, 30), dt.date(2025, 9, 30))
    assert con.execute("SELECT vacancies_fte, agency_headcount >= 0 FROM d.vacancies").fetchall() == [(0.0, True)]
    con.execute("DETACH d")
