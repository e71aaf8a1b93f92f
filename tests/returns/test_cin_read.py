"""The CIN census reader and writer: the DfE's sample, XSD validity by year, attacks, malformed files."""

import datetime as dt

import duckdb
import pytest

from casewatch.returns import cin
from casewatch.returns.cin import spec
from casewatch.returns.cin.validate_xsd import xsd_issues
from casewatch.returns.write_all import canonical_views
from casewatch.synth import SynthOptions, generate


def test_dfe_sample(samples):
    f = cin.read(samples / "BAR_cin_2022.xml", xsd=True)
    assert (f.year, f.council_id, f.records, f.error) == (2022, "201", 1, None)
    assert f.tables["cin.child"].columns["LAchildID"] == ["DfEX0000001"]
    assert f.tables["cin.disability"].columns["Disability"] == ["HAND", "HEAR"]
    assert f.tables["cin.cp_plans"].columns["CPPreviewDate"] == [[dt.date(1971, 2, 15)]]
    assert f.tables["cin.cin_details"].columns["ReferralNFA"] == [False]
    assert f.tables["cin.assessments"].columns["AssessmentFactors"] == [["2A", "2B"]]
    # the sample writes ReferralNFA as 'false', which the XSD (0/1) does not allow: reported with its line
    assert {(i.rule, i.field) for i in f.issues} >= {("CW-XSD", "ReferralNFA")}
    nfa = next(i for i in f.issues if i.field == "ReferralNFA")
    assert (nfa.value, nfa.expected) == ("false", "one of: 0, 1")  # what was found, what the XSD allows
    assert "'false'" not in nfa.message and "{'0', '1'}" in nfa.message  # the value only in its own column


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    d = tmp_path_factory.mktemp("cin")
    generate(d / "s", SynthOptions(size="tiny", seed=3, years=10, end=dt.date(2026, 3, 31)))
    con = duckdb.connect()
    canonical_views(con, d / "s")
    return con, d


@pytest.mark.parametrize("year", range(2017, 2027))
def test_writer_is_valid_against_that_years_xsd(synthetic, year):
    con, d = synthetic
    path = cin.write_cin(con, d / f"CIN_{year}.xml", year, "001")
    assert xsd_issues(path, year) == []
    f = cin.read(path)
    assert f.year == year and f.records > 50 and not f.error
    sexes = set(f.tables["cin.child"].columns["Sex"])
    assert sexes <= set(spec.codes(year, "Sex"))
    assert (b"<Sex>" in path.read_bytes()) == (year >= 2025)
    # codes new in 2022-23 are mapped to their nearest older code before then
    sources = set(f.tables["cin.cin_details"].columns["ReferralSource"])
    reasons = set(f.tables["cin.cin_details"].columns["ReasonForClosure"]) - {None}
    assert sources <= set(spec.codes(year, "ReferralSource")) and reasons <= set(spec.codes(year, "ReasonForClosure"))
    assert ("5D" in sources) == (year >= 2023) and ("RC9" in reasons) == (year >= 2023)
    assert f.tables["cin.child"].columns["_row"][0] == path.read_text().splitlines().index("<Child>") + 1


ATTACKS = {
    "billion laughs": '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                      '<Message><Children><Child><ChildIdentifiers><LAchildID>&lol2;</LAchildID></ChildIdentifiers>'
                      '</Child></Children></Message>',
    "external entity": '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><Message>'
                       '<Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID></ChildIdentifiers></Child>'
                       '</Children></Message>',
    "padded": '<?xml version="1.0"?>' + "<!-- x -->" * 8000 + '<!DOCTYPE m [<!ENTITY x SYSTEM '
              '"file:///etc/passwd">]><Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID>'
              '</ChildIdentifiers></Child></Children></Message>',
    "external DTD": '<?xml version="1.0"?><!DOCTYPE Message SYSTEM "http://example.invalid/x.dtd"><Message>'
                    '<Children><Child/></Children></Message>',
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_xml_attacks_refused(tmp_path, name):
    p = tmp_path / "CIN_2024.xml"
    p.write_text(ATTACKS[name])
    f = cin.read(p)
    assert f.error and "XML attack refused" in f.error and f.records == 0
    assert "passwd" not in f.error and "root:" not in f.error and str(p) in f.error


def test_malformed_keeps_what_came_before_and_says_where(tmp_path, synthetic):
    con, d = synthetic
    good = cin.write_cin(con, d / "ok.xml", 2025, "001").read_text()
    cut = good[: good.index("</Child>", len(good) // 2) + 8] + "\n<Child><oops></Child>"
    p = tmp_path / "CIN_2025.xml"
    p.write_text(cut)
    f = cin.read(p)
    assert f.error is None and f.records > 0
    assert [i.rule for i in f.issues] == ["CW-XML"] and "line" in f.issues[0].message


def test_bom_lower_case_codes_and_spaces(tmp_path):
    text = ('\ufeff<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year></CollectionDetails>'
            '</Header><Children><Child><ChildIdentifiers><LAchildID> 77.0 </LAchildID><PersonBirthDate>2015-01-02'
            '</PersonBirthDate><Sex> m </Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>wbri</Ethnicity>'
            '</ChildCharacteristics><CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1a '
            '</ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails></Child></Children></Message>')
    p = tmp_path / "c.xml"
    p.write_text(text, encoding="utf-8")
    f = cin.read(p)
    c = f.tables["cin.child"].columns
    assert (c["LAchildID"], c["Sex"], c["Ethnicity"]) == (["77"], ["M"], ["WBRI"])
    assert f.tables["cin.cin_details"].columns["ReferralSource"] == ["1A"]


def test_empty_and_wrong_root(tmp_path):
    p = tmp_path / "a.xml"
    p.write_text('<?xml version="1.0"?><Message><Children></Children></Message>')
    assert "no <Child> records" in cin.read(p).error
    p.write_bytes(b"")
    assert cin.read(p).error == f"{p}: the file is empty"
    p.write_text('<?xml version="1.0"?><CSWWMessage><Children><Child/></Children></CSWWMessage>')
    f = cin.read(p)
    assert f.records == 0 and "not a CIN census" in f.error and "CSWWMessage" in f.error


def test_not_well_formed_from_the_start(tmp_path):
    p = tmp_path / "CIN_2024.xml"
    p.write_text('<?xml version="1.0"?>\n<Message>\n<Header><Year>2024</Year></Header>\n<Children>\n'
                 '<Child><ChildIdentifiers></Child>\n</Children></Message>')
    f = cin.read(p)
    assert f.records == 0 and f.error.startswith(f"{p}: not well-formed XML (line 5)")


def test_unknown_element_is_a_query_and_year_from_reference_date(tmp_path):
    p = tmp_path / "c.xml"
    p.write_text('<Message><Header><CollectionDetails><ReferenceDate>2023-03-31</ReferenceDate></CollectionDetails>'
                 '<Source><LEA>201</LEA></Source></Header><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID>'
                 '<GenderCurrent>9</GenderCurrent><ShoeSize>4</ShoeSize></ChildIdentifiers><CINdetails>'
                 '<CINreferralDate>2022-05-01</CINreferralDate></CINdetails><CINdetails><CINreferralDate>2022-09-01'
                 '</CINreferralDate><Section47><S47ActualStartDate>2022-09-02</S47ActualStartDate></Section47>'
                 '</CINdetails></Child></Children></Message>')
    f = cin.read(p)
    assert (f.year, f.council_id, f.records) == (2023, "201", 1)
    assert [(i.rule, i.severity, i.field) for i in f.issues] == [("CW-ELEMENT", "query", "ShoeSize")]
    assert cin.read(p, 2024).year == 2024  # the argument wins
    assert f.tables["cin.cin_details"].columns["CINdetailsID"] == [1, 2]
    assert f.tables["cin.section47"].columns["CINdetailsID"] == [2]
    assert f.tables["cin.child"].columns["Sex"] == ["9"]


def test_spec():
    assert spec.codes(2024, "Sex") == ("1", "2", "0", "9") and spec.codes(2025, "Sex") == ("M", "F", "U")
    assert "5D" not in spec.codes(2022, "ReferralSource") and "5D" in spec.codes(2023, "ReferralSource")
    assert "RC9" not in spec.codes(2022, "ReasonForClosure") and "RC9" in spec.codes(2023, "ReasonForClosure")
    assert spec.codes(2020, "UPNunknown") == ("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7")
    assert "NONE" in spec.codes(2017, "Disability") and spec.codes(2026, "CINreferralDate") is None
    assert "CINPlanDates" in spec.elements(2022) and "CINPlanDates" not in spec.elements(2021)
    assert spec.required(2024, "GenderCurrent") and not spec.required(2024, "PrimaryNeedCode")
    for y in range(2017, 2027):
        for el in ("InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "Ethnicity", "PrimaryNeedCode",
                   "AssessmentFactors"):
            assert spec.codes(y, el), (y, el)


def test_the_header_is_staged_and_rule_100_checks_its_reference_date(tmp_path, synthetic):
    """Rule 100 needs the <Header>: one staged row per file, at the line of <Header>, not counted as a record."""
    from casewatch.ingest.pipeline import validate

    con, d = synthetic
    good = cin.write_cin(con, tmp_path / "CIN_2025.xml", 2025, "001")
    line = next(n for n, text in enumerate(good.read_text().splitlines(), start=1) if "<Header>" in text)
    run = validate([str(good)])
    assert "100" not in run.by_rule and run.files[0].rows_quarantined == 0
    bad = tmp_path / "wrong" / "CIN_2025.xml"
    bad.parent.mkdir()
    bad.write_text(good.read_text().replace("<ReferenceDate>2025-03-31</ReferenceDate>",
                                            "<ReferenceDate>2025-03-30</ReferenceDate>", 1))
    run = validate([str(bad)])
    found = [(i.table, i.row, i.field) for i in run.issues if i.rule == "100"]
    assert found == [("header", line, "ReferenceDate")]
    assert (run.files[0].rows_read, run.files[0].rows_quarantined) == (cin.read(good).records, 0)
