"""Omitted findings a reader understands (issue 20): no paragraph numbers, self-contained, de-duplicated,
criticism only, ranked as a journalist would."""

from __future__ import annotations

import re

import pytest

from casewatch.scrutiny.findings import Candidate, clean, is_criticism, leans_back, readable
from casewatch.scrutiny.quotes import normal
from shared_data import missing

SECTION = "The experiences and progress of children who need help and protection"
REPORT = [  # (text, section): the report's sentences in order
    ("Caseloads have risen sharply since the summer.", SECTION),  # 0
    ("These are too high for most social workers and unsustainable in some teams.", SECTION),  # 1
    ("15.Too many children wait too long for an assessment.", SECTION),  # 2
    ("When children are at risk of significant harm, the response is prompt.", SECTION),  # 3
    ("However, it is not always recorded well.", SECTION),  # 4
    ("They are not seen often enough.", "Leaders"),  # 5: first of its section, nothing to lean on
    ("Services for care leavers are currently inadequate.", "Overall effectiveness"),  # 6
    ("There has been a decline since the last inspection, when services were outstanding.", "Overall effectiveness"),
    ("The quality of supervision.", "What needs to improve"),  # 8
    ("Too many children wait too long for an assessment", "What needs to improve"),  # 9
    ("This inspection found that plans are weak.", "Leaders"),  # 10
]


def _candidates(*positions: int) -> list[Candidate]:
    return [Candidate(REPORT[p][0], REPORT[p][1], 2, REPORT[p][1] == "What needs to improve", (),
                      REPORT[p][1] == "Overall effectiveness", p) for p in positions]


def test_paragraph_numbers_and_bullets_are_taken_off():
    assert clean("15.Too many children wait too long.") == "Too many children wait too long."
    assert clean("15. Too many children") == "Too many children"
    assert clean("• Too many children") == "Too many children"
    assert clean("2.1 Adoption performance") == "Adoption performance"
    assert clean("Children in 2023 waited") == "Children in 2023 waited"


@pytest.mark.parametrize(("text", "leans"), [
    ("These are too high for most social workers and unsustainable in some teams.", True),
    ("This means that plans are not reviewed.", True),
    ("They are not seen often enough.", True),
    ("However, it is not always recorded well.", True),
    ("It is not clear why.", True),
    ("Consequently, children are sometimes left in these conditions for too long.", True),
    ("Some of these children are living with carers who have not been assessed.", True),
    ("This re-inspection has identified that serious and widespread failings have not been tackled.", False),
    ("Too many children wait too long.", False),
    ("Their plans are not updated.", True),
    ("There is a lack of robust scrutiny by leaders.", False),
])
def test_sentences_that_lean_on_the_one_before(text, leans):
    assert leans_back(text) is leans


def test_a_dangling_sentence_carries_its_antecedent_or_is_dropped():
    got = [c.text for c in readable(_candidates(1, 5), REPORT)]
    assert got == ["Caseloads have risen sharply since the summer. These are too high for most social workers and "
                   "unsustainable in some teams."]


def test_praise_is_not_criticism():
    assert not is_criticism("When children are at risk of significant harm, the response is prompt.")
    assert not is_criticism("The response to children at risk of significant harm is prompt and effective.")
    assert not is_criticism("The COVID-19 pandemic has not hindered the council's progress.")
    assert not is_criticism("Services have improved from inadequate to good.")
    assert is_criticism("Too many children wait too long for an assessment.")
    assert is_criticism("When children go missing, they are not always offered a return home interview.")
    assert [c.text for c in readable(_candidates(3), REPORT)] == []


def test_duplicates_are_listed_once_in_their_fullest_words():
    got = [c.text for c in readable(_candidates(2, 9, 0, 1), REPORT)]
    assert got.count("Too many children wait too long for an assessment.") == 1
    assert not any(a != b and normal(a) in normal(b) for a in got for b in got)
    assert len({normal(t) for t in got}) == len(got)


def test_ranked_as_a_journalist_would():
    got = readable(_candidates(8, 9, 2, 1, 4, 7, 6, 10), REPORT)
    texts = [c.text for c in got]
    assert texts[0] == "Services for care leavers are currently inadequate."
    assert texts[1].startswith("There has been a decline since the last inspection")
    assert texts[-1] == "The quality of supervision."  # the "What needs to improve" items come last
    assert "This inspection found that plans are weak." in texts  # a sentence that names its subject stands alone
    improvement = [c.improvement for c in got]
    assert improvement == sorted(improvement)
    assert not any(re.match(r"\d", t) for t in texts)


def test_a_real_report_top_ten(ofsted, parsed):
    from casewatch.scrutiny.check import scrutinise
    from casewatch.scrutiny.statement import read_statement

    stems = sorted(p.stem for p in (ofsted / "reports").glob("*.pdf")
                   if p.stem.startswith(("norfolk", "cambridgeshire", "birmingham", "blackpool")))
    if not stems:
        missing("no Norfolk, Cambridgeshire, Birmingham or Blackpool report in the corpus")
    statement = read_statement("We welcome the inspection report and thank our staff for their hard work.")
    for stem in stems:
        found = scrutinise(parsed(stem), statement, lexical=True)
        top = [f.text for f in found.omitted[:10]]
        assert top, stem
        for text in top:
            assert not leans_back(text), (stem, text)
            assert not re.match(r"\W*\d", text), (stem, text)
        keys = [normal(t) for t in top]
        assert len(set(keys)) == len(keys), stem
        assert not any(a != b and a in b for a in keys for b in keys), stem
        assert [f.rank for f in found.omitted] == list(range(1, len(found.omitted) + 1))
