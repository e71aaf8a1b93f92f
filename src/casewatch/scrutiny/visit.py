"""Read an Ofsted visit letter to a council's children's services: which kind of visit, the council, the dates.

Ofsted's visit letters carry no judgement: focused visits (ILACS, 2018 on), monitoring visits to councils judged
inadequate, and joint targeted area inspections (JTAI, with the CQC and the police and probation inspectorates).
``read_visit`` takes the blocks of a letter (``text.blocks_from_pages``) and reads:

- the kind, from the letter's title ("Focused visit to X children's services", "Monitoring visit to X children's
  services", "Joint targeted area inspection of the multi-agency response to ... in X") or from its opening
  sentence ("This letter summarises the findings of the focused visit to X ...", "Between 4 and 8 December 2017,
  Ofsted, ... undertook a joint inspection of ... in X."). A visit named only further on (a focused visit letter
  recalling "the joint targeted area inspection in June 2018") does not count. No kind: not a visit letter, None.
- the council, in the letter's words, without the noise around it: a leading "the", "London Borough of", "Royal
  Borough of"; a trailing "Council", "local authority", "Metropolitan Borough", "Borough", "County", "City",
  "District", "'s"; an abbreviation in brackets ("(B&NES)"); and "children's services" itself. A leading "City
  of" and "County Durham" stay. For a JTAI the council is the area after the last " in " of the title.
- the letter's date: the date standing alone in the letterhead.
- the visit's first and last day, from the opening sentence: "on 4 and 5 May 2022", "from 3 to 5 July 2019",
  "between 20 and 22 October 2020", "on 30 November and 1 December 2021", "on 29 and 30 September, and 1 October
  2020"; a month and year given only on the last date are carried back (a December-January visit takes the year
  before). A first day that would fall after the last, or more than 31 days before it, is None; the letter's
  date is None when the visit would end after it (a letterhead dated "21 January 2019" for a December 2019 visit).
- ``body_start``: the index of the first findings block, the opening sentence ("This letter summarises ...") or
  else the first block after the title and salutation. ``letterhead`` lists blocks after it that belong to the
  letterhead nonetheless (where a PDF gives Ofsted's address and the addressee in the middle of page 1's text).

It does not read the findings themselves, the inspectors' names, the visit's theme, nor whether a monitoring
visit is the first or the fifth; a date or name it cannot read is None or "", never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from casewatch.scrutiny.text import MONTHS, Block

VISIT_KINDS = ("focused visit", "monitoring visit", "joint targeted area inspection")

_MONTH = "|".join(MONTHS)
APOS = "[’'`]"
LONE_DATE = re.compile(rf"^(?:date:?\s*)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})\.?$", re.I)
ITEM = rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:{_MONTH}))?(?:,?\s+\d{{4}})?(?!\d)"
SEP = r"\s*(?:,\s*and|,|and|to|until|-|–|—)\s*"
RUN = re.compile(rf"\b(?:on|from|between|during)\s+(?:the\s+)?({ITEM}(?:{SEP}{ITEM})*)", re.I)
ITEM_PARTS = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?({_MONTH}))?(?:,?\s+(\d{{4}}))?", re.I)
_KIND = r"(focused visit|monitoring visit|joint targeted area inspection)"
TITLE = re.compile(rf"^(?:ofsted\s+)?(?:{_KIND})(?:\s+\(jtai\))?\s+(?:to|of)\s+(.+)$", re.I)
OPENING = re.compile(rf"^this letter (?:summarises|sets out|reports) (?:the )?(?:main )?(?:findings|outcome) (?:of|from) "
                     rf"(?:a|an|the|our) {_KIND}\b(.*)$", re.I)
JTAI_OPENING = re.compile(r"^(?:between|from|on)\s+\d[^.]{0,120}?\bOfsted\b.{0,400}?\b(?:undertook|carried out|conducted)"
                          r" a joint (?:targeted area )?inspection\b(.*)$", re.I)
SALUTATION = re.compile(r"^dear\b", re.I)
SERVICES = re.compile(rf"\s*(?:\((?:the )?[^)]*\)\s*)?(?:{APOS}s?\s+)?(?:local authority\s+)?(?:children|young people|children"
                      rf" and young people){APOS}s?\s+(?:(?:social care\s+)?services?|trust)\b.*$|\s+children first$", re.I)
DESIGNATION = re.compile(rf"(?:{APOS}s?|\s+(?:council|local authority|metropolitan|borough|county|city|district|m?bc|cc))$", re.I)
LEAD = re.compile(r"^(?:the\s+)?(?:(?:london|royal|metropolitan)\s+)?(?:borough\s+of\s+)", re.I)
SECTION = re.compile(r"^(?:headline|main|key) findings|^overview$|^areas covered|^what needs|^(?:areas of )?strengths?$"
                     r"|^areas for (?:improvement|development)|^next steps|^case study", re.I)
OFSTED_ADDRESS = re.compile(r"piccadilly gate|store street|m1 2wd|0300 123 1231|textphone|enquiries@ofsted|^ofsted$", re.I)


@dataclass(frozen=True)
class VisitFacts:
    """What a visit letter says of itself; ``body_start`` indexes the first findings block."""

    kind: str
    council: str
    letter_date: date | None
    visit_start: date | None
    visit_end: date | None
    body_start: int
    letterhead: tuple[int, ...] = ()  # blocks at or after body_start that are letterhead, not findings


def council_name(raw: str) -> str:
    """The council as the letter names it, less the noise ("the London Borough of Barnet Council" -> "Barnet")."""
    name = " ".join(raw.replace("’", "'").split()).strip(" .,:;")
    name = SERVICES.sub("", name)
    name = re.sub(r"\s*\([^)]*\)", "", name).strip(" .,:;")
    name = LEAD.sub("", name)
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    while True:
        shorter = DESIGNATION.sub("", name).strip(" ,")
        if shorter == name or not shorter or shorter.lower() in ("the", "city of", "county"):
            break
        name = shorter
    return name


def _dates(text: str) -> tuple[date | None, date | None]:
    """(first day, last day) of the first run of dates in ``text`` whose last date has a month and a year."""
    for m in RUN.finditer(text):
        items = [(int(d), mon, yr) for d, mon, yr in ITEM_PARTS.findall(m.group(1))]
        if not items or not (items[-1][1] and items[-1][2]):
            continue
        out: list[date | None] = []
        month, year, later = None, None, None
        for day, mon, yr in reversed(items):
            month = MONTHS.index(mon.lower()) + 1 if mon else month
            carried = not yr
            year = int(yr) if yr else year
            try:
                when = date(year, month, day)
                if carried and later and when > later:
                    when = date(year - 1, month, day)  # "30 December and 2 January 2020"
            except (ValueError, TypeError):
                when = None
            out.append(when)
            later = when or later
        end, start = out[0], out[-1]
        if start and end and not (timedelta(0) <= end - start <= timedelta(days=31)):
            start = None
        return start, end
    return None, None


def _area(text: str) -> str:
    """The place a JTAI names: after the last " in " of its subject ("... abuse and neglect in Hampshire.")."""
    text = re.sub(r"\s*\((?:JTAI|[A-Z&]{2,8})\)", "", text)  # "(JTAI)", "(B&NES)"
    text = re.split(r"\.(?:\s|$)|;|\s\(", text, maxsplit=1)[0]
    if " in " not in text:
        return ""
    area = text.rsplit(" in ", 1)[1]
    area = re.split(r",\s+(?:which|where|including|with|and the|as)\b", area)[0]
    return council_name(area)


def _named(kind: str, rest: str) -> str:
    """The council from what follows "visit to" / "inspection of" in a title or opening sentence."""
    if kind == "joint targeted area inspection":
        return _area(rest)
    rest = re.sub(r"^\s*(?:on|between|from)\s+[^.]*?\s(?=to\s)", "", rest)  # "visit on 23 and 24 May to X"
    rest = re.sub(r"^\s*(?:to|of)\s+", "", rest)
    rest = re.split(r"\s+(?:on|between|from|during)\s+\d|\s+in\s+(?:" + _MONTH + r")\b|\.(?:\s|$)", rest, maxsplit=1,
                    flags=re.I)[0]
    return council_name(rest)


def _letterhead_run(blocks: list[Block], i: int) -> list[int]:
    """Indices of a letterhead set in page 1's text at block i: Ofsted's address, the date, the addressee."""
    run = []
    page = blocks[i].page
    while i < len(blocks) and blocks[i].page == page and blocks[i].kind == "heading":
        text = blocks[i].text
        if len(text.split()) > 9 or text.endswith("?") or SECTION.match(text):
            break
        run.append(i)
        i += 1
    return run


def read_visit(blocks: list[Block]) -> VisitFacts | None:
    """The facts of an Ofsted visit letter, or None when the blocks name no kind of visit at the top."""
    front = blocks[:60]
    kind = council = ""
    title = opening = None
    for i, b in enumerate(front):
        text = " ".join(b.text.split())
        m = TITLE.match(text)
        if m and title is None and opening is None and len(text.split()) <= 40:
            title, kind = i, m.group(1).lower()
            council = _named(kind, " " + m.group(2))
            continue
        m = OPENING.match(text) or JTAI_OPENING.match(text)
        if m:
            opening = i
            found = m.group(1).lower() if m.re is OPENING else "joint targeted area inspection"
            kind = kind or found
            council = council or _named(found, m.group(m.lastindex))
            break
        if title is not None and i - title > 4:
            break  # no opening sentence we know within a few blocks of the title
    if not kind:
        return None
    if opening is not None:
        body_start = opening
    else:
        body_start = title + 1
        while body_start < len(blocks) and (SALUTATION.match(blocks[body_start].text)
                                            or LONE_DATE.match(blocks[body_start].text)):
            body_start += 1
    letterhead: list[int] = []
    for i in range(body_start, min(len(blocks), body_start + 40)):
        if i not in letterhead and blocks[i].page == 1 and OFSTED_ADDRESS.search(blocks[i].text) \
                and blocks[i].kind == "heading":
            letterhead += _letterhead_run(blocks, i)
    letter_date = None
    for i in list(range(body_start)) + letterhead:
        m = LONE_DATE.match(blocks[i].text.strip())
        if m:
            try:
                letter_date = date(int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
                break
            except ValueError:
                continue
    start = end = None
    sources = [opening] if opening is not None else []
    sources += [i for i in range(body_start, min(len(blocks), body_start + 4))
                if re.match(r"^(?:(?:the|this) (?:visit|inspection|fieldwork)|inspectors? (?:visited|were on site))",
                            blocks[i].text, re.I)]
    for i in sources:
        start, end = _dates(blocks[i].text)
        if end:
            break
    if end and letter_date and end > letter_date:
        letter_date = None  # the letterhead contradicts the opening ("21 January 2019" for a December 2019 visit)
    return VisitFacts(kind=kind, council=council, letter_date=letter_date, visit_start=start, visit_end=end,
                      body_start=body_start, letterhead=tuple(letterhead))
