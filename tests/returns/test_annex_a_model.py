"""Annex A to the canonical model (referrals found by date, outcomes, codes, snapshots), and the writer:
a synthetic council's workbook reads back and loads, value for value, with nothing quarantined."""

import datetime as dt

import duckdb
import pytest
import xlsxwriter

from casewatch.ingest.pipeline import load
from casewatch.returns import annex_a
from casewatch.returns.annex_a.spec import lists
from casewatch.returns.write_all import canonical_views
from casewatch.synth import SynthOptions, generate

END = dt.date(2026, 3, 31)
START = dt.date(2025, 4, 1)


def _sheet(book, n: int, rows: list[dict]):
    cols = lists()[f"list_{n}"]
    s = book.add_worksheet(f"List {n}")
    s.write_row(0, 0, [c.header for c in cols])
    for r, row in enumerate(rows, start=1):
        s.write_row(r, 0, [row.get(c.field) for c in cols])


def _kid(cid: str, **kw) -> dict:
    return {"child_id": cid, "gender": "a) Male", "ethnicity": "a) WBRI", "date_of_birth": "01/01/2015", **kw}


@pytest.fixture
def loaded(tmp_path):
    p = tmp_path / "annex.xlsx"
    book = xlsxwriter.Workbook(str(p))
    _sheet(book, 1, [_kid("1", contact_date="02/04/2023", contact_source="d) Health services"),
                     _kid("1", contact_date="02/04/2023", contact_source="q) 6: Police"),
                     _kid("2", contact_date="03/04/2023", contact_source="Parent / Carer")])
    _sheet(book, 3, [_kid("1", referral_date="03/04/2023", referral_source="a) Individual", referral_nfa="No")])
    _sheet(book, 4, [
        _kid("1", assessment_start_date="04/04/2023", assessment_authorised_date="01/05/2023", child_seen="Yes",
             requires_support="a) Yes"),
        _kid("1", assessment_start_date="10/04/2023", child_seen="b) No", requires_support="Yes"),  # open
        _kid("3", assessment_start_date="04/04/2023", assessment_authorised_date="20/04/2023",
             requires_support="b) No"),  # child 3 has no referral in the workbook
        _kid("4", assessment_start_date="05/04/2023", assessment_authorised_date="30/05/2023",
             requires_support="Yes")])
    _sheet(book, 5, [_kid("1", s47_start_date="01/07/2023"),  # after the referral closed: no referral
                     _kid("4", s47_start_date="10/04/2023", icpc_date="28/04/2023")])
    _sheet(book, 6, [_kid("1", cin_start_date="03/04/2023", primary_need="N1 - Abuse or neglect",
                          cin_closure_date="01/06/2023", closure_reason="h) Child not in need after assessment"),
                     _kid("4", cin_start_date="01/04/2023", primary_need="b) Child's disability")])
    _sheet(book, 8, [_kid("4", cla_start_date="01/02/2023", legal_status="C2: FCO",
                          permanence_plan="Adoption", placement_location="b) Out",
                          placement_type="f) U6: Foster placement - not FFA")])
    _sheet(book, 9, [_kid("5", date_of_birth="01/01/2005", eligibility="b) Former relevant child",
                          in_touch="a) Yes", accommodation="B: Parents/relatives",
                          accommodation_suitability="b) Unsuitable", activity="G5: NEET - other")])
    _sheet(book, 11, [{"adopter_id": "A1", "family_id": "F1", "gender": "Female", "enquiry_date": "01/01/2023",
                       "left_date": "01/03/2023", "left_reason": "Withdrew"}])
    book.close()
    run = load([p], tmp_path / "db.duckdb", council_id="X01")
    con = duckdb.connect(str(run.db_path), read_only=True)
    yield run, con
    con.close()


def test_mapping_finds_referrals_outcomes_and_codes(loaded):
    run, con = loaded
    f = run.files[0]
    assert f.rows_read == f.rows_loaded + f.rows_quarantined and f.rows_quarantined == 2
    assert con.execute("SELECT contact_id, source FROM contacts ORDER BY 1").fetchall() == [
        ("1:K:2023-04-02", "3A"), ("1:K:2023-04-02:2", "6"), ("2:K:2023-04-03", "1A")]  # groups: first code
    assert con.execute("SELECT referral_id, source, nfa, primary_need, closure_date, closure_reason FROM referrals "
                       "ORDER BY 1").fetchall() == [
        ("1:R:2023-04-03", None, False, "N1", dt.date(2023, 6, 1), "RC8"),
        ("4:R:2023-04-01", None, False, "N2", None, None)]
    assert con.execute("SELECT assessment_id, referral_id, child_seen, outcome FROM assessments ORDER BY 1"
                       ).fetchall() == [
        ("1:A:2023-04-04", "1:R:2023-04-03", True, "cin_plan"), ("1:A:2023-04-10", "1:R:2023-04-03", False, None),
        ("4:A:2023-04-05", "4:R:2023-04-01", None, "s47")]  # its s47 began during it
    assert con.execute("SELECT s47_id, referral_id, strategy_discussion_date, outcome FROM section47").fetchall() \
        == [("4:S:2023-04-10", "4:R:2023-04-01", dt.date(2023, 4, 10), "icpc")]
    q = con.execute("SELECT source_table, row_number, reasons FROM quarantine ORDER BY 1, 2").fetchall()
    assert q == [("annex_a.list_4", 4, ["CW-MODEL referral_id: missing (required)"]),
                 ("annex_a.list_5", 2, ["CW-MODEL referral_id: missing (required)"])]
    assert con.execute("SELECT child_id, sex, ethnicity, date_of_birth FROM children WHERE child_id = '2'"
                       ).fetchall() == [("2", "M", "WBRI", dt.date(2015, 1, 1))]


def test_snapshot_lists(loaded):
    _, con = loaded
    as_at = dt.date(2023, 7, 1)  # the latest date in the workbook
    assert con.execute("SELECT child_id, as_at, cla_start_date, legal_status, permanence_plan, placement_type, "
                       "placement_out_of_area FROM cla_snapshots").fetchall() == [
        ("4", as_at, dt.date(2023, 2, 1), "C2", "adoption", "U6", True)]
    assert con.execute("SELECT child_id, eligibility, in_touch, accommodation_type, accommodation_suitable, "
                       "activity FROM care_leaver_snapshots").fetchall() == [
        ("5", "former_relevant", "YES", "B", False, "G5")]
    assert con.execute("SELECT adopter_id, council_id, family_id, sex, left_date, left_reason FROM adopter_snapshots"
                       ).fetchall() == [("A1", "X01", "F1", "F", dt.date(2023, 3, 1), "withdrew")]


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    d = tmp_path_factory.mktemp("annex")
    generate(d / "s", SynthOptions(size="tiny", seed=4, years=2, end=END))
    con = duckdb.connect()
    canonical_views(con, d / "s")
    path = annex_a.write_annex_a(con, d / "Annex_A.xlsx", END)
    yield con, d, path
    con.close()


def test_writer_reads_back_without_complaint(council):
    con, _, path = council
    f = annex_a.read(path)
    assert f.error is None and f.year == 2026
    assert sorted(k for k, b in f.tables.items()) == sorted(f"annex_a.list_{n}" for n in range(1, 11))
    assert f.issues == []  # every header written, every label read back, every date a date
    n = {k.split(".")[1]: len(b) for k, b in f.tables.items()}
    window = f"BETWEEN DATE '{START}' AND DATE '{END}'"
    assert n["list_1"] == con.execute(f"SELECT count(*) FROM contacts WHERE contact_date {window}").fetchone()[0]
    assert n["list_3"] == con.execute(f"SELECT count(*) FROM referrals WHERE referral_date {window}").fetchone()[0]
    assert n["list_7"] == con.execute("SELECT count(*) FROM cp_plans WHERE start_date <= DATE '2026-03-31' AND "
                                      "(end_date IS NULL OR end_date >= DATE '2025-04-01')").fetchone()[0]
    assert min(n.values()) > 0


def test_writer_output_loads_exactly(council, tmp_path):
    con, _, path = council
    run = load([path], tmp_path / "db.duckdb", council_id="X01")
    f = run.files[0]
    assert (f.error, f.rows_quarantined) == (None, 0) and f.rows_read == f.rows_loaded > 0
    con.execute(f"ATTACH '{run.db_path}' AS d (READ_ONLY)")
    w = f"BETWEEN DATE '{START}' AND DATE '{END}'"
    same = {
        "contacts": f"SELECT child_id, contact_date, source FROM {{s}}contacts WHERE contact_date {w}",
        "referrals": f"SELECT child_id, referral_date, source, nfa FROM {{s}}referrals WHERE referral_date {w}",
        "cin": "SELECT child_id, referral_date, primary_need, closure_date, closure_reason FROM {s}referrals "
               f"WHERE NOT nfa AND referral_date <= DATE '{END}' AND (closure_date IS NULL OR closure_date >= "
               f"DATE '{START}')",
        "cp_plans": "SELECT child_id, start_date, end_date, initial_category, latest_category FROM {s}cp_plans "
                    f"WHERE start_date <= DATE '{END}' AND (end_date IS NULL OR end_date >= DATE '{START}')",
        "section47": f"SELECT child_id, start_date, icpc_date FROM {{s}}section47 WHERE start_date {w}",
        "assessments": "SELECT child_id, start_date, authorised_date, child_seen FROM {s}assessments "
                       f"WHERE start_date <= DATE '{END}' AND (authorised_date IS NULL OR authorised_date >= "
                       f"DATE '{START}')",
        "early_help": f"SELECT child_id, start_date FROM {{s}}early_help_episodes WHERE start_date {w}",
        "permanence": "SELECT child_id, decision_date, placement_order_date, matched_date, placed_date, order_date, "
                      "decision_reversed_date, reversed_reason FROM {s}permanence WHERE route = 'adoption' AND "
                      f"decision_date <= DATE '{END}' AND (decision_reversed_date IS NULL OR decision_reversed_date "
                      f">= DATE '{START}') AND (order_date IS NULL OR order_date >= DATE '{START}')",
        "children": "SELECT child_id, date_of_birth, sex, ethnicity FROM {s}children WHERE child_id IN "
                    "(SELECT child_id FROM d.children)",
    }
    for name, sql in same.items():
        a, b = sql.format(s=""), sql.format(s="d.")
        diff = con.execute(f"SELECT count(*) FROM (({a}) EXCEPT ALL ({b})) UNION ALL "
                           f"SELECT count(*) FROM (({b}) EXCEPT ALL ({a}))").fetchall()
        assert diff == [(0,), (0,)], name
    # every assessment, enquiry and plan found its referral in the workbook, and it is the right one
    for t in ("assessments", "section47", "cp_plans"):
        wrong = con.execute(f"""
            SELECT count(*) FROM d.{t} x JOIN d.referrals r ON r.referral_id = x.referral_id
            JOIN {t} s ON s.child_id = x.child_id AND s.start_date = x.start_date
            JOIN referrals sr ON sr.referral_id = s.referral_id
            WHERE sr.referral_date <> r.referral_date""").fetchone()[0]
        assert wrong == 0, t
    snap = con.execute("SELECT count(*), count(legal_status), count(placement_type) FROM d.cla_snapshots").fetchone()
    assert snap[0] > 0 and snap[0] == snap[1] == snap[2]
    assert con.execute("SELECT count(*) FROM d.care_leaver_snapshots WHERE in_touch IS NULL").fetchone()[0] == 0
    con.execute("DETACH d")


def test_an_nfa_referral_is_not_the_referral_of_a_later_assessment(tmp_path):
    p = tmp_path / "annex.xlsx"
    book = xlsxwriter.Workbook(str(p))
    _sheet(book, 3, [_kid("1", referral_date="01/03/2023", referral_source="q) 6: Police", referral_nfa="Yes")])
    _sheet(book, 4, [_kid("1", assessment_start_date="04/04/2023", requires_support="Yes")])
    _sheet(book, 6, [_kid("1", cin_start_date="02/01/2023", primary_need="N1")])
    book.close()
    run = load([p], tmp_path / "db.duckdb", council_id="X01")
    con = duckdb.connect(str(run.db_path), read_only=True)
    assert con.execute("SELECT referral_id FROM assessments").fetchall() == [("1:R:2023-01-02",)]
    assert con.execute("SELECT referral_id, nfa FROM referrals ORDER BY 1").fetchall() == [
        ("1:R:2023-01-02", False), ("1:R:2023-03-01", True)]
    con.close()
