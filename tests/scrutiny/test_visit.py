"""Reading Ofsted visit letters (focused visits, monitoring visits, JTAIs) from short texts written here.

The texts follow the letters' real openings: focused-visit letters as published 2018-2025, monitoring-visit
letters like Ofsted's to Bournemouth, Christchurch and Poole (October 2022), and JTAI letters in the 2017 form
("Between ... undertook a joint inspection of ... in X") and the 2023 form ("This letter summarises the findings
of the joint targeted area inspection (JTAI) of ... in X"). Blocks are made by text.blocks_from_pages, as for a PDF.
"""

from __future__ import annotations

from datetime import date

import pytest

from casewatch.scrutiny.text import Block, blocks_from_pages
from casewatch.scrutiny.visit import VISIT_KINDS, VisitFacts, council_name, read_visit

OFSTED = """Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD
T 0300 123 1231
Textphone 0161 618 8524
enquiries@ofsted.gov.uk
www.gov.uk/ofsted"""

FINDINGS = """Headline findings

Leaders have a clear understanding of the strengths and weaknesses of practice for children in need of help and
protection. Most children receive a timely response when concerns about them are first raised with the service.

What needs to improve in this area of social work practice?

• The quality and timeliness of assessments for disabled children.
• The consistency of management oversight and supervision."""


def letter(head: str, opening: str, *, date_line: str = "10 June 2022", addressee: str = "", extra: str = "",
           ofsted: bool = True) -> list[Block]:
    """Blocks of a one-page letter: Ofsted's address, the date, the addressee, a title and opening, findings."""
    addressee = addressee or """Ms Elaine Allegretti
Director of People
London Borough of Barking and Dagenham
Town Hall
1 Town Square
Barking IG11 7LU"""
    parts = ([OFSTED] if ofsted else []) + [date_line, addressee, "Dear Ms Allegretti", head, opening]
    parts += [extra] if extra else []
    return blocks_from_pages(["\n\n".join(p for p in parts if p) + "\n\n" + FINDINGS])


def fv(council_words: str, dates: str, **kw) -> list[Block]:
    return letter(f"Focused visit to {council_words} children’s services",
                  f"This letter summarises the findings of the focused visit to {council_words} children’s services "
                  f"on {dates}. His Majesty’s Inspectors for this visit were Brenda McLaughlin and Tracey Ledder.",
                  **kw)


def body(blocks: list[Block], facts: VisitFacts) -> list[str]:
    return [b.text for i, b in enumerate(blocks) if i >= facts.body_start and i not in facts.letterhead]


def test_focused_visit_all_fields():
    blocks = fv("the London Borough of Barking and Dagenham", "4 and 5 May 2022")
    facts = read_visit(blocks)
    assert facts == VisitFacts(kind="focused visit", council="Barking and Dagenham", letter_date=date(2022, 6, 10),
                               visit_start=date(2022, 5, 4), visit_end=date(2022, 5, 5),
                               body_start=facts.body_start, letterhead=())
    assert facts.kind in VISIT_KINDS
    text = body(blocks, facts)
    assert text[0].startswith("This letter summarises the findings of the focused visit")
    assert "Headline findings" in text
    joined = " ".join(text)
    for letterhead in ("Piccadilly Gate", "Town Hall", "IG11 7LU", "Elaine Allegretti", "Dear", "10 June 2022"):
        assert letterhead not in joined


@pytest.mark.parametrize("dates, start, end", [
    ("4 and 5 May 2022", date(2022, 5, 4), date(2022, 5, 5)),
    ("23 November 2023", date(2023, 11, 23), date(2023, 11, 23)),
    ("28 to 29 May 2025", date(2025, 5, 28), date(2025, 5, 29)),
    ("4–5 May 2022", date(2022, 5, 4), date(2022, 5, 5)),
    ("the 15 and 16 of May 2018", date(2018, 5, 15), date(2018, 5, 16)),
    # the year (and month) only on the last date, carried back to the first
    ("30 November and 1 December 2021", date(2021, 11, 30), date(2021, 12, 1)),
    ("29 and 30 September, and 1 October 2020", date(2020, 9, 29), date(2020, 10, 1)),
    ("11 December and 12 December 2018", date(2018, 12, 11), date(2018, 12, 12)),
    ("30 December 2019 and 2 January 2020", date(2019, 12, 30), date(2020, 1, 2)),
    ("30 December and 2 January 2020", date(2019, 12, 30), date(2020, 1, 2)),
])
def test_visit_date_forms(dates, start, end):
    facts = read_visit(fv("Barnet", dates, date_line="20 February 2026"))
    assert (facts.visit_start, facts.visit_end) == (start, end)


@pytest.mark.parametrize("opening, start, end", [
    ("This letter summarises the findings of a focused visit to Rotherham children’s services between 20 and 22 "
     "October 2020. The inspectors were Matt Reed and Louise Hollick.", date(2020, 10, 20), date(2020, 10, 22)),
    ("This letter summarises the findings of a focused visit to Rotherham children’s services from 3 to 5 July "
     "2019, carried out by Matt Reed and Louise Hollick.", date(2019, 7, 3), date(2019, 7, 5)),
    ("This letter summarises the findings of a focused visit on 23 and 24 February 2021 to Rotherham Metropolitan "
     "Borough Council children’s services (the council).", date(2021, 2, 23), date(2021, 2, 24)),
])
def test_visit_date_phrasings(opening, start, end):
    facts = read_visit(letter("Focused visit to Rotherham children’s services", opening, date_line="4 December 2021"))
    assert (facts.council, facts.visit_start, facts.visit_end) == ("Rotherham", start, end)


def test_no_year_or_contradictions_are_none():
    # "on 30 and 31 January" with no year (Coventry, 2018): not guessed from the letter's date
    facts = read_visit(fv("Coventry City Council", "30 and 31 January", date_line="22 February 2018"))
    assert (facts.visit_start, facts.visit_end, facts.letter_date) == (None, None, date(2018, 2, 22))
    # a first day a year before the last (Darlington, 2023): the first day is unreadable
    facts = read_visit(fv("Darlington", "24 October 2022 to 25 October 2023", date_line="28 November 2023"))
    assert (facts.visit_start, facts.visit_end) == (None, date(2023, 10, 25))
    # a letterhead dated before the visit (Dudley, "21 January 2019" for December 2019): the date is unreadable
    facts = read_visit(fv("Dudley", "18 and 19 December 2019", date_line="21 January 2019"))
    assert (facts.letter_date, facts.visit_start, facts.visit_end) == (None, date(2019, 12, 18), date(2019, 12, 19))
    # no date in the letterhead, or a misprinted year ("6 November 20205")
    assert read_visit(fv("Cambridgeshire", "29 and 30 July 2025", date_line="")).letter_date is None
    assert read_visit(fv("North Somerset", "7 and 8 October 2025", date_line="6 November 20205")).letter_date is None


@pytest.mark.parametrize("words, council", [
    ("the London Borough of Barking and Dagenham", "Barking and Dagenham"),
    ("London Borough of Tower Hamlets", "Tower Hamlets"),
    ("the Royal Borough of Kingston-upon-Thames local authority", "Kingston-upon-Thames"),
    ("Barnsley Metropolitan Borough Council", "Barnsley"),
    ("Dudley Metropolitan Borough", "Dudley"),
    ("Dudley MBC", "Dudley"),
    ("Bedford Borough Council", "Bedford"),
    ("Cambridgeshire County Council", "Cambridgeshire"),
    ("Kent county council", "Kent"),
    ("Bristol City Council", "Bristol"),
    ("Kingston upon Hull City local authority", "Kingston upon Hull"),
    ("City of York", "City of York"),
    ("City of Wolverhampton Council", "City of Wolverhampton"),
    ("the Isle of Wight local authority", "Isle of Wight"),
    ("Bath and North East Somerset (B&NES)", "Bath and North East Somerset"),
    ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole"),
    ("Telford & Wrekin", "Telford & Wrekin"),
    ("Stockton-on-Tees", "Stockton-on-Tees"),
])
def test_council_name_forms(words, council):
    assert read_visit(fv(words, "4 and 5 May 2022")).council == council


@pytest.mark.parametrize("raw, council", [
    ("Coventry City Council’s children’s services", "Coventry"),
    ("the Royal Borough of Greenwich young people’s services", "Greenwich"),
    ("Sandwell Children’s Trust", "Sandwell"),
    ("Slough Children First", "Slough"),
    ("County Durham", "County Durham"),
    ("Durham’s children’s services", "Durham"),
])
def test_council_name_noise(raw, council):
    assert council_name(raw) == council


MONITORING_OPENING = (
    "This letter summarises the findings of the monitoring visit to Bournemouth, Christchurch and Poole children’s "
    "services on 4 and 5 October 2022. This was the second monitoring visit since the local authority was judged "
    "inadequate in December 2021. His Majesty’s Inspectors for this visit were Steve Lowe and Louise Hocking.")


def test_monitoring_visit():
    blocks = letter("Monitoring visit to Bournemouth, Christchurch and Poole children’s services", MONITORING_OPENING,
                    date_line="1 November 2022",
                    extra="Areas covered by the visit\n\nThe focus of the monitoring visit was children in need.")
    facts = read_visit(blocks)
    assert (facts.kind, facts.council) == ("monitoring visit", "Bournemouth, Christchurch and Poole")
    assert (facts.letter_date, facts.visit_start, facts.visit_end) == (
        date(2022, 11, 1), date(2022, 10, 4), date(2022, 10, 5))  # not "December 2021", the inadequate judgement
    assert blocks[facts.body_start].text == MONITORING_OPENING


def test_monitoring_visit_older_title():
    facts = read_visit(letter(
        "Monitoring visit of Sandwell local authority children’s services",
        "This letter summarises the findings of the monitoring visit to Sandwell Metropolitan Borough Council "
        "children’s services on 10 and 11 January 2017. The visit was the fifth monitoring visit since the local "
        "authority was judged inadequate in June 2015.", date_line="7 February 2017"))
    assert (facts.kind, facts.council, facts.visit_start, facts.visit_end) == (
        "monitoring visit", "Sandwell", date(2017, 1, 10), date(2017, 1, 11))


JTAI_ADDRESSEES = """Steve Crocker, Director of Children’s Services, Hampshire County Council
Dr Barbara Rushton, Accountable Officer, North Hampshire Clinical Commissioning Group
Olivia Pinkney, Chief Constable, Hampshire Constabulary
Michael Lane, Police and Crime Commissioner for Hampshire"""


def test_jtai_2017_form():
    opening = ("Between 4 and 8 December 2017, Ofsted, the Care Quality Commission (CQC), HMI Constabulary and "
               "Fire & Rescue Services (HMICFRS) and HMI Probation (HMIP) undertook a joint inspection of the "
               "multi-agency response to abuse and neglect in Hampshire. This inspection included a ‘deep dive’ "
               "focus on the response to children living with domestic abuse.")
    blocks = letter("Joint targeted area inspection of the multi-agency response to abuse and neglect in Hampshire",
                    opening, date_line="20 February 2018", addressee=JTAI_ADDRESSEES, ofsted=False)
    facts = read_visit(blocks)
    assert (facts.kind, facts.council, facts.letter_date) == (
        "joint targeted area inspection", "Hampshire", date(2018, 2, 20))
    assert (facts.visit_start, facts.visit_end) == (date(2017, 12, 4), date(2017, 12, 8))
    assert blocks[facts.body_start].text == opening
    assert not any("Chief Constable" in t for t in body(blocks, facts))


def test_jtai_2023_form_dates_in_second_paragraph():
    opening = ("This letter summarises the findings of the joint targeted area inspection (JTAI) of the "
               "multi-agency response to children and families who need help in Salford.")
    blocks = letter("Joint targeted area inspection of the multi-agency response to children and families who need "
                    "help in Salford", opening, date_line="5 May 2023", addressee=JTAI_ADDRESSEES,
                    extra="This inspection took place from 13 to 17 March 2023. It was carried out by inspectors "
                          "from Ofsted, the Care Quality Commission (CQC) and His Majesty’s Inspectorate of "
                          "Constabulary and Fire & Rescue Services (HMICFRS).")
    facts = read_visit(blocks)
    assert (facts.kind, facts.council) == ("joint targeted area inspection", "Salford")
    assert (facts.visit_start, facts.visit_end, facts.letter_date) == (
        date(2023, 3, 13), date(2023, 3, 17), date(2023, 5, 5))
    assert blocks[facts.body_start].text == opening


def test_jtai_without_title_takes_area_from_opening():
    facts = read_visit(blocks_from_pages([
        "17 January 2020\n\nDear local partnership\n\nThis letter summarises the findings of the joint targeted area "
        "inspection (JTAI) of the multi-agency response to child exploitation in Bournemouth, Christchurch and Poole."
        "\n\nThe inspection took place between 25 and 29 November 2019.\n\n" + FINDINGS]))
    assert (facts.kind, facts.council) == ("joint targeted area inspection", "Bournemouth, Christchurch and Poole")
    assert (facts.visit_start, facts.visit_end) == (date(2019, 11, 25), date(2019, 11, 29))


def test_covid_preamble_between_title_and_opening():
    # 2020-21 letters put a paragraph on Ofsted's COVID-19 work between the title and "This letter summarises"
    preamble = ("Her Majesty’s Chief Inspector of Education, Children’s Services and Skills is leading Ofsted’s work "
                "into how England’s social care system has delivered child-centred practice and care.")
    blocks = letter("Focused visit to the London Borough of Barnet local authority children’s services", preamble,
                    date_line="2 August 2021",
                    extra="This letter summarises the findings of a focused visit to Barnet local authority children’s "
                          "services on 23 and 24 June 2021. Her Majesty’s Inspectors were Tara Geere and "
                          "Christine Kennet.")
    facts = read_visit(blocks)
    assert (facts.council, facts.visit_start, facts.letter_date) == ("Barnet", date(2021, 6, 23), date(2021, 8, 2))
    assert blocks[facts.body_start].text.startswith("This letter summarises")


def test_letterhead_inside_page_one_text():
    # pypdfium2 sometimes gives Ofsted's address and the addressee after the first findings (South Gloucestershire)
    page = "\n\n".join(["Dear Ms Sivers", "Focused visit to South Gloucestershire children’s services",
                        "This letter summarises the findings of the focused visit to South Gloucestershire children’s "
                        "services on 14 and 15 September 2022. His Majesty’s Inspectors were Sarah Canto and "
                        "Tom Anthony.", "Headline findings",
                        "Most children in care are living in homes that meet their needs and are well supported.",
                        OFSTED, "20 October 2022", "Chris Sivers\nExecutive Director for People\nCouncil Offices\n"
                        "Badminton Road\nYate\nBS37 5AF",
                        "Main findings", "• The stability of the workforce."])
    blocks = blocks_from_pages([page])
    facts = read_visit(blocks)
    assert facts.letter_date == date(2022, 10, 20)
    text = body(blocks, facts)
    assert "Most children in care are living in homes that meet their needs and are well supported." in text
    assert "Main findings" in text  # a heading straight after the address is not letterhead
    assert not any(t in ("Piccadilly Gate", "20 October 2022", "BS37 5AF", "Chris Sivers") for t in text)


def test_ilacs_front_page_is_not_a_visit():
    page = """Barnet local authority children’s services

Inspection of Barnet local authority children’s services

Inspection dates: 3 to 14 March 2025
Lead inspector: Tara Geere, His Majesty’s Inspector

Judgement Grade
The impact of leaders on social work practice with children and families Good
The experiences and progress of children who need help and protection Good
The experiences and progress of children in care Good
The experiences and progress of care leavers Good
Overall effectiveness Good

Since the focused visit in June 2021, leaders have continued to improve services for children in care.
A joint targeted area inspection in 2023 found effective multi-agency work at the front door."""
    assert read_visit(blocks_from_pages([page])) is None


def test_visit_named_only_in_the_findings_is_not_a_kind():
    # a focused-visit letter recalling a JTAI keeps its own kind; a letter naming no visit at the top is None
    blocks = fv("Medway", "29 and 30 January 2019", date_line="28 February 2019",
                extra="The leadership team has secured marked improvements since the joint targeted area inspection "
                      "in June 2018.")
    assert read_visit(blocks).kind == "focused visit"
    assert read_visit(blocks_from_pages(["10 June 2022\n\nDear Sir\n\nThe joint targeted area inspection in "
                                         "June 2018 found weaknesses.\n\n" + FINDINGS])) is None
    assert read_visit([]) is None
