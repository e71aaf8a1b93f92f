"""Every form of Ofsted's children's services reports is read (issue 20), built here as text in each form's
own words, so each test runs everywhere and fails if that form is misread."""

from __future__ import annotations

from datetime import date

import pytest

from casewatch.scrutiny.check import scrutinise
from casewatch.scrutiny.report import ReportError, parse_report
from casewatch.scrutiny.statement import read_statement

ILACS_2025 = """Inspection of Anytown local authority children’s services

Inspection dates: 14 to 18 July 2025

Lead inspector: A Person, His Majesty’s Inspector

Judgement Grade

The impact of leaders on social work practice with children and families

Requires improvement to be good

The experiences and progress of children who need help and protection

Good

The experiences and progress of children in care

Requires improvement to be good

The experiences and progress of children care leavers

Inadequate

Overall effectiveness Requires improvement to be good

The quality of practice in Anytown has declined since the last inspection. Too many care leavers live in unsuitable homes.

What needs to improve?

The sufficiency of homes for care leavers.
"""

ILACS_2026 = """Inspection of Anytown local authority children’s services

Inspection dates: 8 to 19 June 2026

Judgement Grade

The impact of leaders on practice with children and families

Outstanding

The experiences and progress of children who need help and protection

Good

The experiences and progress of children in care

Outstanding

The experiences and progress of care leavers

Outstanding

Leaders have continued to deliver sustained improvements for children. Some plans are not focused on outcomes.
"""

SIF_NOT_JUDGED = """Isles of Anywhere

Inspection of services for children in need of help and protection, children looked after and care leavers

Inspection date: 11/04/2016 – 28/04/2016

Report published: 27/06/2016

Children’s services in Isles of Anywhere are good

Children who need help and protection Good

Children looked after and achieving permanence

Not Judged

2.1 Adoption performance Not Judged

2.2 Experiences and progress of care leavers Not Judged

Leadership, management and governance Good

Executive summary

Children’s services on the Isles of Anywhere are good. Some assessments are not updated when needs change.
"""

ONE_DAY_SIF = SIF_NOT_JUDGED.replace("Inspection date: 11/04/2016 – 28/04/2016", "Inspection date: 28 Jul 2016")

BROMLEY_LIKE = """London Borough of Anytown

Inspection of children’s social care services

Inspection dates: 19 November–30 November 2018

Judgement Grade

The impact of leaders on social work practice with children and families Outstanding

The experiences and progress of children who need help and protection Good

The experiences and progress of children in care and care leavers Good

Overall effectiveness Good

Children who need help and protection receive good-quality help and support.

Too many children wait for a return home interview.
"""

FOCUSED_VISIT = """10 June 2022

A Director

Director of People

The London Borough of Anytown

1 Town Square

AN1 1AA

Dear Ms Director

Focused visit to the London Borough of Anytown children’s services

This letter summarises the findings of the focused visit to Anytown children’s services on 4 and 5 May 2022. His Majesty’s Inspectors for this visit were A Person and B Person.

Headline findings

Permanence planning for children is starting to improve but practice remains too variable. Too many very young children live in children’s homes that do not meet their needs.
"""


def test_2025_labels_children_care_leavers_are_read():
    r = parse_report(ILACS_2025)
    assert r.framework == "ilacs" and r.council == "Anytown"
    assert r.judgements == {"leaders": "requires improvement", "help_and_protection": "good",
                            "children_in_care": "requires improvement", "care_leavers": "inadequate",
                            "overall": "requires improvement"}
    assert (r.inspection_start, r.inspection_end) == (date(2025, 7, 14), date(2025, 7, 18))


def test_2026_reports_give_no_overall_grade_and_claims_are_judged_on_the_areas():
    r = parse_report(ILACS_2026)
    assert r.judgements == {"leaders": "outstanding", "help_and_protection": "good",
                            "children_in_care": "outstanding", "care_leavers": "outstanding"}
    found = scrutinise(r, read_statement("Anytown's children's services were rated outstanding by Ofsted.\n\n"
                                         "Care leavers were judged outstanding.\n\n"
                                         "Ofsted rated Anytown inadequate."), lexical=True)
    verdicts = {c.text: (c.verdict, c.reason) for c in found.claims}
    assert verdicts["Anytown's children's services were rated outstanding by Ofsted."][0] == "unsupported"
    assert "no overall effectiveness grade" in verdicts["Anytown's children's services were rated outstanding by "
                                                       "Ofsted."][1]
    assert verdicts["Care leavers were judged outstanding."][0] == "supported"
    assert verdicts["Ofsted rated Anytown inadequate."][0] == "contradicted"
    assert found.judgements.plainly().startswith("The report gives no overall effectiveness grade")


def test_not_judged_cells_numeric_dates_and_a_one_day_inspection():
    r = parse_report(SIF_NOT_JUDGED)
    assert r.judgements == {"help_and_protection": "good", "leaders": "good", "overall": "good"}
    assert (r.published, r.inspection_start, r.inspection_end) == (date(2016, 6, 27), date(2016, 4, 11),
                                                                   date(2016, 4, 28))
    one = parse_report(ONE_DAY_SIF)
    assert one.inspection_start == one.inspection_end == date(2016, 7, 28)


def test_a_sentence_naming_an_area_is_no_row_of_the_judgement_table():
    r = parse_report(BROMLEY_LIKE)
    assert r.judgements == {"leaders": "outstanding", "help_and_protection": "good", "children_in_care": "good",
                            "overall": "good"}
    assert any("return home interview" in s.text for s in r.sentences)


def test_a_focused_visit_is_read_as_a_visit_with_no_judgement():
    r = parse_report(FOCUSED_VISIT)
    assert (r.framework, r.kind, r.council, r.judgements) == ("visit", "focused visit", "Anytown", {})
    assert (r.published, r.inspection_start, r.inspection_end) == (date(2022, 6, 10), date(2022, 5, 4),
                                                                   date(2022, 5, 5))
    texts = " ".join(s.text for s in r.sentences)
    assert "Too many very young children" in texts and "Town Square" not in texts
    found = scrutinise(r, read_statement("Ofsted rated Anytown outstanding after its visit.\n\n"
                                         "The visit took place on 4 and 5 May 2022."), lexical=True)
    verdicts = {c.text: (c.verdict, c.reason) for c in found.claims}
    assert verdicts["Ofsted rated Anytown outstanding after its visit."] == (
        "unsupported", "the report is of a focused visit, which gives no judgement")
    assert verdicts["The visit took place on 4 and 5 May 2022."][0] == "supported"
    assert found.judgements.plainly() == "This is a focused visit: Ofsted gives no judgement on a visit."
    assert any("too variable" in f.text for f in found.omitted)


@pytest.mark.parametrize("text, message", [
    ("Surrey Safeguarding Children Board\n\nReview of the effectiveness of the Local Safeguarding Children Board\n\n"
     "Inspection date: 15 June 2015 – 17 June 2015\n\nThe Local Safeguarding Children Board requires improvement",
     "a review of the Local Safeguarding Children Board"),
    ("Inspection of looked after children services\n\nKent County Council\n\nInspection dates: 15 – 19 July 2013\n\n"
     "Overall effectiveness of services for looked after children and young people\n\nGrade 3 (Adequate)",
     "judged 'adequate', a grade of Ofsted's scale before November 2013"),
])
def test_what_cannot_be_read_says_what_it_is(text, message):
    with pytest.raises(ReportError, match=message):
        parse_report(text)


def test_a_web_page_saved_as_a_pdf_is_named_as_such(tmp_path):
    page = tmp_path / "birmingham_19-october-2012.pdf"
    page.write_text('<!DOCTYPE html> <html lang="en"><body>To find the report you’re looking for</body></html>')
    with pytest.raises(ReportError, match=r"named \.pdf but a web page \(HTML\), not a report"):
        parse_report(page)
