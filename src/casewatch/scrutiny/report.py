"""Read an Ofsted inspection report of a council's children's services: judgements, improvements, findings.

Handles ILACS reports (2018 on; from 2026 with no overall effectiveness grade), single inspection framework
(SIF) reports (2013-2018), the older inspection of looked after children services ("other"), and Ofsted's visit
letters (focused and monitoring visits, JTAI: framework "visit", no judgement; ``visit.read_visit``). ``parse_report`` takes a PDF as published, a text
file or the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casewatch.errors import CasewatchError
from casewatch.scrutiny.text import MONTHS, Block, TextError, blocks_from_pages, source_pages
from casewatch.scrutiny.visit import VisitFacts, read_visit

GRADES = ("outstanding", "good", "requires improvement", "inadequate")
_GRADE = (r"outstanding|good|inadequate|not\s+judged|requires?\s+improvement(?:\s+to\s+be\s+good)?"
          r"|requires?(?!\s+improvement)|(?<!requires\s)(?<!require\s)improvement")
GRADE_TOKEN = re.compile(rf"\b(?:{_GRADE})\b", re.I)
SIF_LABELS = {
    "help_and_protection": r"children who need help and protection",
    "children_in_care": r"children looked after and achieving permanence",
    "adoption": r"adoption performance",
    "care_leavers": r"experiences and progress of care leavers",
    "leaders": r"leadership, management and governance",
}
ILACS_LABELS = {
    "leaders": r"impact of leaders on (?:social work )?practice with children and families",
    "help_and_protection": r"children who need help and protection",
    "children_in_care": r"progress of children in care(?: and care leavers)?",
    "care_leavers": r"progress of (?:children )?care leavers",  # 2025 reports: "children care leavers"
    "overall": r"overall effectiveness",
}
SIF_OVERALL = re.compile(r"(?:overall judgement is (?:that children[’']s services? (?:are |is )?)?|children[’']s services (?:in .{1,60}? )?"
                         r"(?:are |is )?)(outstanding|good|inadequate|requires? improvement)", re.I)
DATE = r"(\d{1,2})(?:st|nd|rd|th)?\s*(" + "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS) \
    + r")?\.?\s*(\d{4})?"
BOILERPLATE_HEADINGS = re.compile(
    r"^(contents|information about this (inspection|local authority)|about this inspection|the inspection team"
    r"|what the inspection judge?ments mean|the inspection judgements and what they mean|service information"
    r"|children living in this area|child protection in this area|children looked after in this area"
    r"|other ofsted inspections|previous ofsted inspections|other information about this area|local leadership"
    r"|record of main findings|services for looked after children|lead inspector|team inspectors"
    r"|deputy lead inspector|quality assurance manager|shadow inspector|inspection dates?|report published"
    r"|the local authority$|age group|reporting inspector)", re.I)
FRONT_BOILERPLATE = re.compile(r"^(?:ofsted produces this report|it is ofsted[’']s expectation|this report includes|"
                               r"the judgements on areas|inspection dates?|report published|the local safeguarding|"
                               r"the effectiveness of the local safeguarding|the lscb)", re.I)
SKIP_HEADINGS = re.compile(r"^(key judgement judgement grade|judgement grade)$", re.I)
SUBHEADINGS = re.compile(r"^(summary|inspection findings)$", re.I)
WHOLE_GRADE = re.compile(r"\b(outstanding|good|inadequate|requires? improvement)\b", re.I)
BACK_PAGE = re.compile(r"^(the office for standards in education|ofsted will use|if you would like a copy"
                       r"|you may reuse this information|any complaints about|piccadilly gate|© crown copyright"
                       r"|this publication is available|interested in our work|website: www\.ofsted|this document may"
                       r"|further copies of this report|this report is available at)", re.I)
FINDINGS_START = re.compile(r"^(inspection judgements about the local authority|the experiences and progress of"
                            r"|the impact of leaders|outcomes for looked|the local safeguarding children board)", re.I)
SECTION_LABEL = re.compile(r"^(the experiences and progress of|the impact of leaders|leadership, management and governance"
                           r"|inspection judgements about|outcomes for looked|overall effectiveness of services"
                           r"|capacity to improve|quality of provision|leadership and management|the graded judge?ment)",
                           re.I)
HEADING_SENTENCE = re.compile(r"^(the experiences and progress of|the impact of leaders)[^.]{0,150}\b(is|are)\s+"
                              r"(outstanding|good|inadequate|requires? improvement( to be good)?)\.?$", re.I)
LSCB_START = re.compile(r"^(section 2\b|the local safeguarding children board|the effectiveness of the (lscb|local safe))",
                        re.I)
IMPROVE_START = re.compile(r"^(what needs to improve|what does the local authority need to improve"
                           r"|areas for improvement|recommendations$|priority and immediate action)", re.I)
IMPROVE_END = re.compile(r"strengths|summary|progress since|inspection judgement|inspection findings"
                         r"|^the local authority|^outcomes for|^quality of provision|^leadership and management", re.I)
KNOWN_HEADING = re.compile(r"summary|strengths|progress since|recommendations|what does the|what needs to improve"
                           r"|areas for improvement|priority|key findings|^section \d", re.I)
ABBREVIATIONS = {"e.g", "i.e", "eg", "ie", "no", "nos", "dr", "mr", "mrs", "ms", "st", "vs", "cf", "approx",
                 "para", "paras", "fig", "ref", "inc", "ltd", "co", "mins", "yrs"}


class ReportError(CasewatchError, ValueError):
    """The file is not an Ofsted report of a council's children's services we can read."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the findings, in report order.

    ``section`` is the heading it sits under ("Overall effectiveness" for the untitled summary on the front
    page); ``summary`` is True in the summary part (front-page summary, what needs to improve, executive
    summary, recommendations), False in the detailed findings; ``paragraph`` is the report's paragraph
    number, if it has one. A bullet item never runs into the next one, even without a full stop.
    """

    index: int
    text: str
    section: str
    summary: bool
    paragraph: int | None = None


@dataclass(frozen=True)
class InspectionReport:
    """What an inspection report says: who, when, under which framework, the grades and the findings.

    ``judgements`` maps overall, leaders, help_and_protection, children_in_care (and care_leavers, adoption
    where the report grades them separately) to outstanding | good | requires improvement | inadequate; the
    older looked-after-children inspection ("other") has only overall. ``improvements`` are the items of
    "What needs to improve" (ILACS), "Areas for improvement"/"Recommendations" (SIF) for the council, not
    for the LSCB. Dates are None where the report does not give them (ILACS reports state no publication date).
    """

    council: str
    framework: str  # "ilacs" | "sif" | "other" | "visit"
    judgements: dict[str, str]  # empty for a visit; no "overall" in ILACS reports from 2026
    improvements: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    published: date | None = None
    inspection_start: date | None = None
    inspection_end: date | None = None
    source: str = ""
    kind: str = "inspection"  # or "focused visit", "monitoring visit", "joint targeted area inspection"


def grade(text: str) -> str:
    """A judgement on the 4-point scale ('requires improvement to be good' -> 'requires improvement')."""
    t = " ".join(text.lower().split())
    if t.startswith("require") or t == "improvement":
        return "requires improvement"
    return t


def _flat(blocks: list[Block]) -> str:
    return " ".join((f"{b.number}. " if b.number else "") + b.text for b in blocks)


def _table(blocks: list[Block], labels: dict[str, str]) -> dict[str, str]:
    """Grades from a judgement table's text: the n-th label found takes the n-th grade, wherever the grade
    cell's words fell around it ("Requires 1. Children who need help and protection improvement")."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", _flat(blocks))
    grades = [grade(m.group()) for m in GRADE_TOKEN.finditer(text)]
    grades = [g for i, g in enumerate(grades) if not (g == "requires improvement" and i and grades[i - 1] == g
                                                      and _orphan_pair(text, i))]
    rest = " ".join(GRADE_TOKEN.sub(" ", text).split())
    found = sorted((m.start(), key) for key, rx in labels.items() for m in [re.search(rx, rest, re.I)] if m)
    if len(found) != len(grades):
        return {}
    return {key: g for (_, key), g in zip(found, grades, strict=True)}


def _orphan_pair(text: str, i: int) -> bool:
    """Whether grade token i is the 'improvement' half of a 'Requires ... improvement' cell split by a label."""
    tokens = list(GRADE_TOKEN.finditer(text))
    return tokens[i].group().lower() == "improvement" and tokens[i - 1].group().lower().startswith("require") \
        and not re.search(r"improvement", tokens[i - 1].group(), re.I)


def _date(day: str, month: str | None, year: str | None, fallback: date | None = None) -> date | None:
    try:
        m = [x[:3] for x in MONTHS].index(month.lower()[:3]) + 1 if month else fallback.month if fallback else None
        y = int(year) if year else fallback.year if fallback else None
        return date(y, m, int(day)) if m and y else None
    except (ValueError, AttributeError):
        return None


def _dates(front: str) -> tuple[date | None, date | None, date | None]:
    """(published, inspection start, inspection end) from the front page."""
    published = start = end = None
    front = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b",  # "12/09/2016" as "12 september 2016"
                   lambda d: f"{d[1]} {MONTHS[int(d[2]) - 1]} {d[3]}" if 1 <= int(d[2]) <= 12 else d[0], front)
    m = re.search(r"published:?\s+" + DATE, front, re.I)
    if m:
        published = _date(*m.groups())
    m = re.search(r"inspection dates?:?\s+" + DATE + r"\s*(?:–|-|to)\s*" + DATE, front, re.I)
    if m:
        end = _date(*m.groups()[3:])
        start = _date(*m.groups()[:3], fallback=end)
    else:  # a one-day inspection ("Inspection date: 28 July 2016")
        m = re.search(r"inspection dates?:?\s+" + DATE, front, re.I)
        start = end = _date(*m.groups()) if m else None
    return published, start, end


_NAME = r"((?-i:[A-Z])[^:.]{1,79}?)"  # a council's name: no colon or full stop, at most 80 characters


def _council(front: str, framework: str, text: str = "") -> str:
    """The council's name from the front page; where the front page is odd (no "local authority" in the title,
    the name on a line of its own above it, or no title at all), the council named most often in ``text``."""
    patterns = {
        "ilacs": [rf"inspection of {_NAME} local authority children[’']s services",
                  rf"^{_NAME}\s+inspection of (?:local authority )?children[’']s (?:social care )?services",
                  rf"inspection of {_NAME} children[’']s services"],
        "sif": [rf"^{_NAME}\s+(?:re-?)?inspection of services for children"],
        "other": [rf"inspection of looked after children services\s+{_NAME}\s+inspection dates?"],
    }[framework]
    for rx in patterns:
        m = re.search(rx, front, re.I)
        if m and not re.search(r"\binspection\b", m.group(1), re.I):
            return re.sub(r"^the ", "", " ".join(m.group(1).split()))
    return _council_named_most(text or front)


def _council_named_most(text: str) -> str:
    """The local authority (by the LA name list) named most often in the text, or ""."""
    from casewatch.benchmarks import store

    counts: dict[str, int] = {}
    flat = " ".join(text.replace("’", "'").split())
    for row in store.las().values():
        name = row["name"]
        variants = {name, name.replace(" and ", " & "), re.sub(r"^City of ", "", name) + " City"}
        n = sum(len(re.findall(rf"(?<![\w-]){re.escape(v)}(?![\w-])", flat)) for v in variants)
        if n:
            counts[name] = n
    if not counts:
        return ""
    best = max(counts.values())
    return max((n for n, k in counts.items() if k == best), key=len)


def _framework(front: str) -> str | None:
    if re.search(r"impact of leaders on (?:social work )?practice", front, re.I):
        return "ilacs"
    if re.search(r"children looked after and achieving\s+(?:\S+\s+){0,3}permanence", front, re.I):
        return "sif"
    if re.search(r"inspection of looked after children services", front, re.I):
        return "other"
    return None


def _cell(text: str, labels: dict[str, str]) -> bool:
    """A judgement table's row (a label, perhaps with its grade), not a sentence that names an area ("Children
    who need help and protection receive good-quality help and support.")."""
    rest = text
    for rx in labels.values():
        rest, n = re.subn(rx, " ", rest, flags=re.I)
        if n:
            break
    else:
        return False
    rest = GRADE_TOKEN.sub(" ", re.sub(r"\b(?:the experiences and|the|\d+(?:\.\d+)?\.?)\s", " ", rest, flags=re.I))
    return len(re.findall(r"[a-z]{2,}", rest, re.I)) <= 3


def _judgements(blocks: list[Block], framework: str, name: str) -> tuple[dict[str, str], int]:
    """The judgements and the index of the last block of the judgement table."""
    if framework == "other":
        for i, b in enumerate(blocks):
            if re.match(r"overall effectiveness", b.text, re.I) and i + 1 < len(blocks):
                m = re.search(r"grade \d \((\w+)\)", b.text + " " + blocks[i + 1].text, re.I)
                if m and grade(m.group(1)) in GRADES:
                    return {"overall": grade(m.group(1))}, 0
                if m and m.group(1).lower() == "adequate":
                    raise ReportError(f"{name}: judged 'adequate', a grade of Ofsted's scale before November 2013 "
                                      "(outstanding, good, adequate, inadequate) with no equal on today's scale")
        raise ReportError(f"{name}: no overall effectiveness judgement found")
    labels = ILACS_LABELS if framework == "ilacs" else SIF_LABELS
    hits = [i for i, b in enumerate(blocks[:80]) if len(b.text.split()) <= 25 and _cell(b.text, labels)]
    if not hits:
        raise ReportError(f"{name}: no judgements table found")
    first = last = hits[0]
    for i in hits[1:]:
        if i - last > 4 or (blocks[i].page != blocks[first].page and i - last > 1):
            break  # a table may run onto the next page, row after row
        last = i
    while first and GRADE_TOKEN.fullmatch(blocks[first - 1].text.strip()) and re.match(r"req", blocks[first - 1].text, re.I):
        first -= 1
    while last + 1 < len(blocks) and GRADE_TOKEN.fullmatch(blocks[last + 1].text.strip(" .")):
        last += 1
    found = _table(blocks[first:last + 1], labels)
    if framework == "sif":
        m = SIF_OVERALL.search(_flat(blocks[:first + 1]))
        if m:
            found["overall"] = grade(m.group(1))
    not_judged = {k for k, g in found.items() if g == "not judged"}  # "Not judged": too few children to judge
    found = {k: g for k, g in found.items() if k not in not_judged}
    missing = [k for k in ("overall", "leaders", "help_and_protection", "children_in_care")
               if k not in found and k not in not_judged]
    if missing == ["overall"] and framework == "ilacs" and "care_leavers" in found \
            and not re.search(ILACS_LABELS["overall"], _flat(blocks[first:last + 1]), re.I):
        missing = []  # reports from mid-2026 grade the four areas and give no overall effectiveness grade
    if missing:
        raise ReportError(f"{name}: no judgements table found (could not read {', '.join(missing)})")
    return found, last


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, minding abbreviations, initials and decimal numbers."""
    out, start = [], 0
    for m in re.finditer(r"(?:[.!?][’”'\")\]]*|(?<=\. \(Recommendation\)))\s+(?=[‘“'\"(]?[A-Z0-9])", text):
        before = text[start:m.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(") if before else ""
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue
        if re.match(r"\(Recommendation\)", text[m.end():]):
            continue  # "... children. (Recommendation)" stays one sentence
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def parse_report(source: str | Path) -> InspectionReport:
    """Parse an Ofsted children's services inspection report (PDF path, text-file path or text).

    Raises ReportError, naming the file and what was missing, for anything else.
    """
    name = str(source) if isinstance(source, Path) or "\n" not in str(source) else "<text>"
    try:
        pages, name = source_pages(source)
        return _parse(blocks_from_pages(pages), name)
    except ReportError:
        raise
    except TextError as exc:
        raise ReportError(str(exc)) from None
    except Exception as exc:  # a damaged file must surface as ReportError, whatever went wrong inside
        raise ReportError(f"{name[:200]}: could not be read ({type(exc).__name__}: {exc})") from None


def _parse(blocks: list[Block], name: str) -> InspectionReport:
    if not blocks:
        raise ReportError(f"{name}: no text found (a scanned or empty document?)")
    front = _flat(blocks[:40])
    framework = _framework(front)
    if framework is None and re.search(r"review of the effectiveness of the local safeguarding children board",
                                       front, re.I):
        raise ReportError(f"{name}: a review of the Local Safeguarding Children Board, which judges the board, "
                          "not the council's children's services")
    visit = read_visit(blocks)  # a letter may name "the impact of leaders on social work practice" too
    if visit is not None:
        return _visit(blocks, visit, name)
    if framework is None:
        raise ReportError(f"{name}: not an Ofsted children's services inspection report "
                          "(no ILACS or SIF judgements table found)")
    judgements, table_end = _judgements(blocks, framework, name)
    council = _council(front, framework, _flat(blocks))
    if not council:
        raise ReportError(f"{name}: no local authority name found on the front page")
    published, start, end = _dates(front)
    improvements, sentences = _findings(blocks, table_end if framework != "other" else 0)
    if framework == "sif":  # the front page's own summary ("... not yet delivering good protection ...")
        front_page = [part for b in blocks[:table_end + 1] if b.text.endswith(".") and len(b.text.split()) >= 6
                      and not FRONT_BOILERPLATE.match(b.text) for part in split_sentences(b.text)]
        sentences = [Sentence(i, t, "Overall effectiveness", True) for i, t in enumerate(front_page)] + [
            Sentence(len(front_page) + x.index, x.text, x.section, x.summary, x.paragraph) for x in sentences]
    return InspectionReport(council=council, framework=framework, judgements=judgements,
                            improvements=improvements, sentences=sentences, published=published,
                            inspection_start=start, inspection_end=end, source=name)


def _visit(blocks: list[Block], visit: VisitFacts, name: str) -> InspectionReport:
    """A visit letter: no judgement; its findings are the letter's body."""
    if not visit.council:
        raise ReportError(f"{name}: a {visit.kind} letter that names no council")
    skip = set(visit.letterhead)
    body = [b for i, b in enumerate(blocks) if i >= visit.body_start and i not in skip]
    improvements, sentences = _findings(body, -1)
    return InspectionReport(council=visit.council, framework="visit", judgements={}, improvements=improvements,
                            sentences=sentences, published=visit.letter_date, inspection_start=visit.visit_start,
                            inspection_end=visit.visit_end, source=name, kind=visit.kind)


def _findings(blocks: list[Block], table_end: int) -> tuple[list[str], list[Sentence]]:
    """The improvement items and the findings sentences after the judgement table."""
    sections: list[list[Block]] = []  # the items of each improvements section
    sentences: list[Sentence] = []
    section, summary, skipping, improving, lscb = "Overall effectiveness", True, False, False, False
    major = section
    contents_page = None
    paged = blocks[-1].page > 1
    for b in blocks[table_end + 1:]:
        text = b.text
        if paged and re.fullmatch(r"contents", text, re.I):
            contents_page = b.page
        if b.page == contents_page:
            continue
        if BACK_PAGE.match(text):
            if text.lower().startswith(("the office for standards", "ofsted will use")):
                break
            continue
        if b.kind == "heading" or b.number is None and HEADING_SENTENCE.match(text):
            text = text.rstrip(".")
            if SKIP_HEADINGS.match(text) or GRADE_TOKEN.fullmatch(text) or re.search(r"\s\d{1,3}$", text):
                continue  # judgement-table furniture and contents entries
            row = WHOLE_GRADE.search(text)
            if row and not re.search(r":| is | are | requires? ", text):  # a judgement-table row
                if not SECTION_LABEL.match(text) or text[:row.start()].strip() == section:
                    continue
                text = text[:row.start()].strip()
            known = KNOWN_HEADING.search(text) or SECTION_LABEL.match(text) or LSCB_START.match(text)
            if BOILERPLATE_HEADINGS.match(text) or skipping and not known:
                skipping, improving = True, False
                continue
            skipping = False
            if SUBHEADINGS.match(text):
                section = major
                continue
            lscb = lscb or not summary and bool(LSCB_START.match(text))
            if FINDINGS_START.match(text):
                summary = False
            if not (IMPROVE_START.match(text) or re.search(r"summary|strengths", text, re.I)):
                major = text
            if IMPROVE_START.match(text) and not lscb:
                if not improving:
                    sections.append([])
                improving = True
            elif FINDINGS_START.match(text) or IMPROVE_END.search(text):
                improving = False
            section = text
            continue
        if skipping or re.match(r"^\d{1,2} [A-Z]", text) and b.number is None:
            continue
        if improving and b.number is not None and any(x.kind == "bullet" for x in sections[-1]) and not any(
                x.number is not None for x in sections[-1]):
            improving = False  # findings numbered after a bulleted "What needs to improve"
        if improving:
            if b.kind == "bullet" or b.number is not None:
                sections[-1].append(b)
            elif not text.endswith(":") or "strength" in text.lower():
                improving = False
        for part in split_sentences(text):
            sentences.append(Sentence(len(sentences), part, section, summary, b.number))
    return [item for items in sections for item in _items(items)], sentences


def _items(blocks: list[Block]) -> list[str]:
    """Improvement items: bullets or numbered paragraphs; an item ending with ':' takes in the lower-case
    bullets that complete it, and a numbered introduction to a bulleted list is left out."""
    items: list[str] = []
    open_item = False
    for i, b in enumerate(blocks):
        follows = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.number is not None and follows and follows.kind == "bullet" and not b.text.endswith(":"):
            continue
        if open_item and b.kind == "bullet" and b.text[:1].islower():
            items[-1] = f"{items[-1]}{'' if items[-1].endswith(':') else ';'} {b.text}"
        else:
            items.append(b.text)
            open_item = b.text.endswith(":")
    return items
