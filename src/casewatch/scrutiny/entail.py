"""Does the report say what a claim says, or the opposite? Rules, not similarity (issue 20; decision 0020).

Similarity finds the report sentences a claim is about; it cannot tell "every child is seen promptly" from
"too many children are not seen promptly", which share most of their words. ``verdict`` reads the claim against
the report sentences on its topic (the closest few by similarity, sharing at least two of its content words) and
returns *contradicted* when

- the claim says **all** ("every child", "always", "all of our care leavers", "the vast majority", "no child
  waits") and a sentence on its topic says **not all** ("not all", "too many", "some", "a small number",
  "inconsistent", "variable", "not always", a share under 100%) or criticises;
- the claim praises what the report lists under "What needs to improve";
- the claim says a weakness is absent ("no vacancies", "no waiting lists") and a sentence on its topic names it;
- the claim says something was "singled out as a strength", or the courts have "full confidence", and a sentence
  on its topic criticises it;
- the claim gives a quality ("accurate", "timely", "effective") the report denies ("an inaccurate picture", "not
  timely"), or states what the report says is not done ("offers apprenticeships" / "does not offer
  apprenticeships");
- a share the claim gives (15%, one in ten) differs from the one a sentence on its topic gives;

and None otherwise, when the similarity verdict stands. A claim that concedes ("greater urgency is needed")
praises nothing. ``details`` lists what a claim adds that the report would have to give and does not: a name of a
scheme or partner, a figure, a comparison over time; each makes the claim *unsupported*.
"""

from __future__ import annotations

import re

from casewatch.scrutiny.judgement import judged_elsewhere, la_named
from casewatch.scrutiny.lexicon import POSITIVE, polarity, tone
from casewatch.scrutiny.quotes import normal
from casewatch.scrutiny.report import MONTHS

NEAR = 0.08  # how far below the best match a sentence may be and still be on the claim's topic
TOP = 4  # how many of the closest sentences are read

ALL = re.compile(r"\b(?:every|all(?! but)|always|each|without exception|(?:the )?vast majority|almost all|nearly all|"
                 r"100 ?(?:per ?cent|%)|no (?:child|children|"
                 r"young person|young people|family|families|care leavers?)\b[^.,;]{0,40}\b(?:waits?|wait|miss(?:es)?|"
                 r"is left|are left|goes? without)|(?:none|no one|nobody) (?:of (?:our|the) \w+ )?(?:waits?|is|are)|"
                 r"whole|entire(?:ly)?|fully|universal(?:ly)?|consistently|never (?:wait|miss|go)\w*)\b", re.I)
NOT_ALL = re.compile(r"\b(?:not all|not every|not always|not consistently|not yet consistently|too many|too few|"
                     r"some(?! of the strengths)|a (?:small|significant|large) number of|a (?:small |significant )?"
                     r"minority|most|the majority|many|few|several|inconsisten(?:t|tly|cy|cies)|variable|variably|"
                     r"varies|vary|uneven(?:ly)?|only (?:a|some|half|\d+)|\d{1,2}(?:\.\d)? ?(?:per ?cent|%)|"
                     r"(?:one|two|three) in (?:three|four|five|ten)|half)\b", re.I)
# a claim that a weakness is absent: "no vacancies", "no waiting lists", "no drift"
NO_WEAKNESS = re.compile(r"\b(?:no|zero|without any|free (?:of|from))\s+(?:\w+\s+){0,2}?(vacanc(?:y|ies)|waiting "
                         r"lists?|waits?|delays?|drift|backlogs?|agency (?:staff|workers?)|turnover|gaps?|concerns?)\b",
                         re.I)
STRENGTH_CLAIM = re.compile(r"\b(?:singled out|highlighted|praised|commended|recognised|identified|noted|described)\b"
                            r"[^.]{0,40}\b(?:strength|strong|excellent|exemplary|outstanding|particular(?:ly)? "
                            r"(?:good|effective))|\bfull confidence\b|\b(?:particular|real|key|notable|clear) "
                            r"strength\b", re.I)
HEDGED = re.compile(r"\b(?:some|a few|many|most|a number of|in places|parts? of)\b", re.I)  # claims no more than some
CONCEDES = re.compile(r"\b(?:needs?|needed|urgen\w+|must|should|improv\w*|more work|further work|priorit\w+)\b", re.I)
SHARE = re.compile(r"\b(\d{1,3}(?:\.\d)?) ?(?:per ?cent|%)|\b(one|two|three|four|nine) in (three|four|five|ten)\b",
                   re.I)
# a quality the claim gives and the report denies: "accurate" / "an inaccurate picture", "timely" / "not timely"
QUALITY = r"accurate|effective|timely|consistent|robust|sufficient|appropriate|clear|complete|stable|secure|rigorous|" \
          r"regular|prompt|thorough"
NEGATED = r"(?:not|no|none|never|lack of|without|absence of)"
STOP = {"children", "services", "service", "council", "inspectors", "inspection", "report", "ofsted", "families",
        "authority", "because", "through", "without", "between", "including", "particularly", "consistently"}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "nine": 9, "ten": 10}


def _shares(text: str) -> list[float]:
    out = []
    for m in SHARE.finditer(text):
        if m.group(1):
            out.append(float(m.group(1)))
        else:
            out.append(round(100 * WORDS[m.group(2).lower()] / WORDS[m.group(3).lower()], 1))
    return out


def _topic(row, order, texts: list[str], support_at: float, width: float = NEAR) -> list[int]:
    """The closest sentences (each text once) that are on the claim's topic."""
    if not len(order):
        return []
    best = float(row[order[0]])
    floor = max(support_at - NEAR, best - width)
    out, seen = [], set()
    for j in order:
        if float(row[j]) < floor or len(out) == TOP:
            break
        if texts[j] not in seen:
            seen.add(texts[j])
            out.append(int(j))
    return out


def content(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{6,}", text)} - STOP


def _critical(text: str) -> bool:
    return tone(text).severity >= 2 and polarity(text) < 0


def verdict(own: str, row, order, texts: list[str], support_at: float, listed: frozenset[str] = frozenset()
            ) -> tuple[str, str] | None:
    """Contradicted / unsupported by a rule, or None (see the module docstring). ``order``: report sentence indices
    by similarity, closest first; ``texts``: the report's sentences; ``listed``: the texts of its "What needs
    to improve" items."""
    universal = ALL.search(own)
    near = _topic(row, order, texts, support_at - (NEAR if universal else 0))
    if not near:
        return None
    wide = _topic(row, order, texts, support_at, 2 * NEAR)  # for figures: the same topic, more loosely
    claim_praises = polarity(own) >= 0 and tone(own).severity == 0
    words = content(own)
    if universal and claim_praises:
        for j in near:
            limit = NOT_ALL.search(texts[j])
            shares = [s for s in _shares(texts[j]) if s < 100]
            if len(words & content(texts[j])) < 2:
                continue  # not about the same thing
            if (limit or shares or _critical(texts[j])) and (tone(texts[j]).severity > 0 or limit):
                said = limit.group(0) if limit else f"{shares[0]:g}%" if shares else "otherwise"
                return "contradicted", (f"it says \u201c{universal.group(0)}\u201d; the report says "
                                        f"\u201c{said}\u201d: \u201c{texts[j]}\u201d")
    denied = NO_WEAKNESS.search(own)
    if denied:
        word = denied.group(1).lower().rstrip("s")[:6]
        for j in near:
            if word in texts[j].lower() and tone(texts[j]).severity > 0:
                return "contradicted", (f"it says \u201c{denied.group(0)}\u201d; the report says: "
                                        f"\u201c{texts[j]}\u201d")
    best = near[0]
    if claim_praises and not CONCEDES.search(own) and texts[best] in listed and float(row[best]) >= support_at and (
            universal or POSITIVE.search(own) or STRENGTH_CLAIM.search(own)):
        return "contradicted", f"the report lists it under what needs to improve: \u201c{texts[best]}\u201d"
    praised = STRENGTH_CLAIM.search(own)
    for j in near if praised else []:
        if _critical(texts[j]) and (j == near[0] or len(words & content(texts[j])) >= 2):
            return "contradicted", (f"it says \u201c{praised.group(0)}\u201d; the report's sentence on it "
                                    f"criticises: \u201c{texts[j]}\u201d")
    if claim_praises and not re.search(rf"\b{NEGATED}\b", own, re.I):
        for m in re.finditer(rf"\b({QUALITY})\b", own, re.I):
            q = m.group(1).lower()
            for j in near:
                if re.search(rf"\b(?:in|un){q}|\b{NEGATED}\s+(?:\w+\s+){{0,2}}{q}", texts[j], re.I):
                    return "contradicted", (f"it says \u201c{m.group(0)}\u201d; the report says otherwise: "
                                            f"\u201c{texts[j]}\u201d")
        for j in near[:2]:
            if len(words & content(texts[j])) < 2:
                continue
            for w in words:
                if re.search(rf"\b(?:does|do|did|has|have|is|are)\s+not\s+(?:\w+\s+){{0,3}}{w}|\bno\s+{w}\b",
                             texts[j], re.I):
                    return "contradicted", f"the report says the opposite: \u201c{texts[j]}\u201d"
    claimed = _shares(own)
    if claimed:
        for j in wide:
            given = _shares(texts[j])
            if given and not any(abs(c - g) <= 1 for c in claimed for g in given):
                return "contradicted", (f"it gives {claimed[0]:g}%; the report gives {given[0]:g}%: "
                                        f"\u201c{texts[j]}\u201d")
    return None


PROPER = re.compile(r"(?<=[a-z,;:] )((?:[A-Z][\w’'&-]+)(?:\s+(?:for|of|and|&)?\s*[A-Z][\w’'&-]+)+)")

FIGURE = re.compile(r"(?<![\d/.-])(\d{2,}(?:,\d{3})*)(?![\d/])(?!\s*(?:per ?cent|%|st|nd|rd|th)\b)"
                    r"(?!\s+(?:and\s+\d+\s+)?(?:" + "|".join(MONTHS + [m[:3] for m in MONTHS]) + r")\b)", re.I)

GENERIC = {"council", "borough", "city", "county", "metropolitan", "district", "children", "childrens", "services",
           "service", "social", "care", "ofsted", "the", "and", "of", "for", "local", "authority", "s", "royal",
           "friday", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday", *MONTHS}

SINCE_WHEN = re.compile(r"\bfirst time\b[^.]{0,30}|\bfor (?:over|more than) (?:a|an|\w+) (?:decade|years?)\b|"
                        r"\bin (?:over|more than) \w+ years\b", re.I)

KNOWN_NAMES = re.compile(r"^(?:Ofsted|Children[’']s Services|Local Authority|Care Leavers?|His Majesty|Her Majesty|"
                         r"Director|Chief Executive|Cabinet|Lead Member|Council|Children[’']s Social Care|"
                         r"Corporate Parenting|Single Inspection|Inspection of)", re.I)


def details(own: str, report, report_words: str) -> list[tuple[str, str]]:
    """Details the report would have to give for the sentence to be the report's: a name of a scheme or partner
    ("Norfolk Stars", "Bedford College"), a figure ("more than 60 young people"), a comparison over time ("for the
    first time in over ten years"). Each one the report does not give makes the sentence *unsupported*."""
    out = []
    mine = set(normal(report.council).split())
    for name in PROPER.findall(own):
        rest = [w for w in normal(name.replace("&", " and ")).split() if w not in GENERIC and w not in mine]
        if not rest or KNOWN_NAMES.match(name) or judged_elsewhere(name, report.council) \
                or la_named(name.replace("&", "and"), report.council):
            continue
        if normal(name.replace("&", " and ")) not in report_words:
            out.append(("unsupported", f"the report never mentions {name}"))
    for figure in FIGURE.findall(own):
        n = figure.replace(",", "")
        if not (1900 <= int(n) <= 2100) and not re.search(rf"\b{n}\b", report_words):
            out.append(("unsupported", f"the report gives no figure {figure}"))
    for m in SINCE_WHEN.finditer(own):
        if normal(m.group(0)) not in report_words:
            out.append(("unsupported", f"the report makes no comparison \u201c{m.group(0).strip()}\u201d"))
    return out
