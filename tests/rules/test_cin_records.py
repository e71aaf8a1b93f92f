"""CIN census rules relate a child's rows by its <Child> record (its line, ``_row``), not by LAchildID.

Read from XML and validated as a council would: two children with no LAchildID and two with the same one keep
their own episodes, assessments, disabilities and plans; a <Reviews> with only a blank date is seen (8842Q).
"""

from casewatch.ingest.pipeline import validate
from casewatch.returns import cin


def _child(ident: str, disabilities: str, details: str) -> str:
    return (f"<Child><ChildIdentifiers>{ident}<PersonBirthDate>2015-01-02</PersonBirthDate><Sex>M</Sex>"
            f"</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities>{disabilities}"
            f"</Disabilities></ChildCharacteristics>{details}</Child>\n")


def _episode(closure: str = "", inner: str = "") -> str:
    return (f"<CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource>"
            f"<PrimaryNeedCode>N1</PrimaryNeedCode>{closure}<ReferralNFA>0</ReferralNFA>{inner}</CINdetails>")


CLOSED_RC8 = "<CINclosureDate>2024-07-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure>"
ASSESSMENT = ("<Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate>"
              "<AssessmentAuthorisationDate>2024-06-01</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment>"
              "<AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>")
S47 = ("<Section47><S47ActualStartDate>2024-05-03</S47ActualStartDate><DateOfInitialCPC>2024-05-20"
       "</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>")


def _plan(reviews: str) -> str:
    return ("<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate><InitialCategoryOfAbuse>NEG"
            "</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0"
            f"</NumberOfPreviousCPP>{reviews}</ChildProtectionPlans>")


def test_records_without_or_with_the_same_id_keep_their_rows(tmp_path):
    children = [
        # no ID: an episode closed RC8 after its assessment, a section 47 with it; disability NONE
        _child("", "<Disability>NONE</Disability>", _episode(CLOSED_RC8, ASSESSMENT + S47)),
        # no ID: the same, disability HAND; its CP plan's <Reviews> has only a blank date (8842Q)
        _child("<LAchildID></LAchildID>", "<Disability>HAND</Disability>",
               _episode(CLOSED_RC8, ASSESSMENT + S47 + _plan("<Reviews><CPPreviewDate/></Reviews>"))),
        # the same ID twice: one open further-action episode each, one HAND each; a blank date beside a valid one
        _child("<LAchildID>X1</LAchildID>", "<Disability>HAND</Disability>", _episode()),
        _child("<LAchildID>X1</LAchildID>", "<Disability>HAND</Disability>",
               _episode("", _plan("<Reviews><CPPreviewDate/><CPPreviewDate>2024-06-20</CPPreviewDate></Reviews>"))),
    ]
    path = tmp_path / "CIN_2025.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<Message><Header><CollectionDetails><Collection>CIN'
                    "</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>"
                    "<Source><LEA>201</LEA></Source></Header><Children>\n" + "".join(children)
                    + "</Children></Message>\n")
    lines = path.read_text().splitlines()
    starts = [n for n, text in enumerate(lines, start=1) if text.startswith("<Child>")]

    f = cin.read(path)
    for table in ("disability", "cin_details", "assessments", "section47"):
        assert f.tables[f"cin.{table}"].columns["_row"] == starts[:2] + starts[2:4] * (table in ("disability",
                                                                                                 "cin_details"))
    plans = f.tables["cin.cp_plans"].columns
    assert plans["_row"] == [starts[1], starts[3]] and plans["ReviewsWithoutDate"] == [1, 0]

    run = validate([str(path)], year=2025)
    by_rule: dict[str, list] = {}
    for i in run.issues:
        by_rule.setdefault(i.rule, []).append(i.row)
    assert by_rule["8500"] == starts[:2] and by_rule["8510"] == starts[3:]  # the ID rules, on the ID
    assert by_rule["8842Q"] == [starts[1]]  # the <ChildProtectionPlans> is on its <Child>'s line here
    # every record has its episode (8590), its episode its assessment (8825Q, 2991Q); NONE and HAND are two
    # children's (8790); HAND is once per child (8794); one open episode per child (8815, 8816)
    for code in ("8590", "8825Q", "2991Q", "8790", "8794", "8815", "8816"):
        assert code not in by_rule, (code, by_rule[code])
    assert by_rule["2888Q"] == [None]  # no child has two disabilities: the LA-level query, once
