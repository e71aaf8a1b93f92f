"""Claims judged on what the report's sentences say, not on shared words (issue 20): each rule of
``scrutiny.entail`` and the details a claim adds, against a small report written here."""

from __future__ import annotations

import pytest

from casewatch.scrutiny.check import changes_meaning, scrutinise
from casewatch.scrutiny.quotes import ReportText
from casewatch.scrutiny.report import parse_report
from casewatch.scrutiny.statement import read_statement

REPORT = """Inspection of Anytown local authority children’s services

Inspection dates: 6 to 17 March 2023

Judgement Grade

The impact of leaders on social work practice with children and families

Good

The experiences and progress of children who need help and protection

Requires improvement to be good

The experiences and progress of children in care

Good

The experiences and progress of care leavers

Good

Overall effectiveness Good

Children in Anytown receive a good service from social workers who know them well.

What needs to improve?

The timeliness and recording of return home interviews for children who go missing.

Trust and confidence between the courts and the local authority.

The experiences and progress of children who need help and protection: requires improvement to be good

Too many children wait too long for an initial child protection conference.

Not all children who are privately fostered are seen by a social worker.

Only 78% of children in care are registered with a dentist.

The local authority does not offer apprenticeships to care leavers within its own services.

Reporting on the timeliness of strategy meetings has led to an inaccurate picture of delay for children.

The multi-agency safeguarding hub has vacancies, which delay some decisions.

Care leavers are well supported by personal advisers who keep in touch with them.
"""


@pytest.fixture(scope="module")
def report():
    return parse_report(REPORT)


def verdicts(report, *sentences: str, lexical: bool = True) -> dict[str, tuple[str, str]]:
    found = scrutinise(report, read_statement("\n\n".join(sentences)), "good", lexical=lexical)
    return {c.text: (c.verdict, c.reason) for c in found.claims}


@pytest.mark.parametrize("lexical", [True, False], ids=["lexical", "model"])
@pytest.mark.parametrize("claim, verdict, why", [
    ("Ofsted found that every child waits only a short time for an initial child protection conference.",
     "contradicted", "too many"),
    ("Inspectors found that all children who are privately fostered are seen by a social worker.",
     "contradicted", "not all"),
    ("The report says one in ten children in care are not registered with a dentist.", "contradicted", "78%"),
    ("Inspectors found that the local authority offers apprenticeships to care leavers within its own services.",
     "contradicted", "opposite"),
    ("Ofsted praised the timely recording of return home interviews for children who go missing.", "contradicted",
     "what needs to improve"),
    ("There are no vacancies in our multi-agency safeguarding hub.", "contradicted", "no vacancies"),
    ("Care leavers are well supported by personal advisers who keep in touch with them.", "supported", ""),
    ("Ofsted also highlighted our Anytown Stars awards for children in care.", "unsupported", "Anytown Stars"),
    ("Inspectors found that 250 care leavers are well supported by personal advisers.", "unsupported",
     "no figure 250"),
    ("For the first time in over ten years, care leavers are well supported by personal advisers.", "unsupported",
     "no comparison"),
])
def test_rules_of_entailment(report, lexical, claim, verdict, why):
    got = verdicts(report, claim, lexical=lexical)[claim]
    assert got[0] == verdict, got
    assert why.lower() in got[1].lower(), got


def test_what_it_does_not_overrule(report):
    """A claim that concedes ("greater urgency is needed"), states a grade below good for every area it names,
    or speaks of another council or the grading scale is not contradicted by these rules."""
    said = verdicts(report,
                    "The report was clear that greater urgency is needed on return home interviews for children who "
                    "go missing.",
                    "Help and protection was judged to require improvement to be good.",
                    "Neighbouring Suffolk was also rated good by Ofsted.",
                    "Ofsted grades councils outstanding, good, requires improvement or inadequate.")
    assert all(v != "contradicted" for v, _ in said.values()), said
    assert said["Neighbouring Suffolk was also rated good by Ofsted."][0] == "unsupported"


def test_the_previous_inspection_in_every_phrasing(report):
    said = verdicts(report,
                    "Services were judged good when they were last inspected in 2019.",
                    "Since the 2019 inspection deemed the service good, the team has worked hard.",
                    "Ofsted has judged our services good, the same as the good judgement of 2019.")
    assert all(v == "supported" for v, _ in said.values()), said


def test_quotes_over_several_sentences_and_left_open():
    """A quotation that runs over two sentences is one quotation; one left open at a paragraph's end runs to
    it; "inspectors commented that" introduces the report's words, not speech; a paragraph that opens a
    quotation after a speech paragraph goes on with the speech."""
    s = read_statement("Anytown rated good\n\n"
                       "Inspectors commented that \u201cChildren are safe. Leaders know their services well.\u201d\n\n"
                       "The leader of the council said: \u201cWe are proud of our staff.\u201d\n\n"
                       "\u201cWe will keep improving, and Ofsted agreed that \u2018the pace of change is good\u2019.\u201d\n\n"
                       "Ofsted said \u201cservices for care leavers are now consistently strong across the borough")
    report_quotes = [q.text for q in s.report_quotes]
    assert "Children are safe. Leaders know their services well" in report_quotes
    assert "the pace of change is good" in report_quotes
    assert "services for care leavers are now consistently strong across the borough" in report_quotes
    assert not any(q.startswith("We ") for q in report_quotes)


def test_a_changed_prefix_or_order_is_judged_right():
    report_text = ReportText(["There is insufficient management grip to improve practice with some children.",
                              "Since the last inspection in 2017, significant improvements have been made in "
                              "services for children."])
    flipped = report_text.check("There is sufficient management grip to improve practice with some children")
    assert flipped.status == "altered" and changes_meaning(flipped)
    moved = report_text.check("significant improvements have been made in services for children since the last "
                              "inspection in 2017")
    assert moved.status == "altered" and not changes_meaning(moved)
