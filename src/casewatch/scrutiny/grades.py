"""Claims about Ofsted's grades, the inspection's dates and the framing put on the result (issue 8, issue 20).

``judgement_claim`` reads a sentence that names grades, in every phrasing ("rated good", "judged to require
improvement", "are now good", "rose from requires improvement to good", "outstanding in every area", "no longer
judged inadequate", a grade in quotation marks, "requires improvement to be good"), and holds each grade against
the judgement table for the areas its own clause names. A grade of the previous inspection ("up from inadequate",
"when they were last inspected in 2014", "since the 2018 inspection deemed the service inadequate", "an
improvement on the inadequate judgement of 2016", "leaving the inadequate judgement behind") is held against the
previous inspection, not this one; an inspection before the last is not judged here; another council's grade, the
grading scale and the safeguarding board's grade are no claims about this council. A report that gives no overall
grade (from 2026) or no grade at all (a visit) says so. ``dates_claim`` checks the inspection's months, year and
length in weeks; ``framing_claim`` a positive framing ("a vote of confidence", "strength to strength", "good
services") against what was judged.
"""

from __future__ import annotations

import re

from casewatch.scrutiny import entail
from casewatch.scrutiny.judgement import DOMAINS, RANK, JudgementStory, judged_elsewhere
from casewatch.scrutiny.report import MONTHS

GRADE_CLAIM = re.compile(r"\b(outstanding|good|requires? improvement(?:[’'\"”]?\s+to\s+be\s+good)?|inadequate)\b",
                         re.I)  # "requires improvement to be good" is one grade

EVERY_AREA = re.compile(r"\b(?:every|each|all)\s+(?:\w+\s+)?(?:areas?|judgements?|parts?|domains?)\b|across the board",
                        re.I)

_Q = r"[‘'\"“]?"  # a grade may be quoted: from 'inadequate' to 'requires improvement'

BEFORE_NOW = re.compile(rf"\bfrom\s+(?:its\s+|an?\s+|the\s+)?{_Q}(outstanding|good|requires improvement|inadequate)"
                        rf"{_Q}(?:\s+(?:category|rating|judge?ment|grade))?\s+(?:and\s+)?(?:\w+\s+){{0,3}}?to\s+"
                        rf"(?:be\s+)?{_Q}(outstanding|good|requires improvement|inadequate)\b", re.I)

# a grade that is the previous inspection's: "up from inadequate", "previously good", "was good in 2018",
# "good at the last inspection", "no longer judged inadequate"
PREVIOUSLY_BEFORE = re.compile(r"(?:\b(?:up|down|rising|falling|risen|fallen|improved|improving|moved|changed) from|"
                               r"\bprevious(?:ly)?(?:\s+\w+){0,3}|\bformerly(?:\s+\w+){0,2}|\bno longer(?:\s+\w+){0,3}|"
                               r"\bimprovement on (?:the |an? |its )?|\bleaving (?:the |its |an? )?|\b(?:last|previously) inspected\b[^.;]{0,60}|"
                               r"\b(?:since|after|following)\s+the\s+(?:19|20)\d\d\s+(?:ofsted\s+)?inspection\b"
                               r"[^.;]{0,50})\s*$",
                               re.I)

PREVIOUSLY_AFTER = re.compile(r"^\W*(?:\w+\s+){0,2}(?:at|in|from) (?:the |its |our )?(?:last|previous)\b|^\W*in 20\d\d|"
                              r"^\W*(?:judge?ment\s+)?(?:of|in)\s+(?:19|20)\d\d\b|"
                              r"^\W*when\s+(?:\w+\s+){0,3}(?:last|previously)\s+inspected",
                              re.I)

# "Since the last inspection in November 2018, when services were judged to be inadequate, ...": the grade in a
# "when" clause hung on the last inspection is that inspection's
LAST_INSPECTION_WHEN = re.compile(r"(?:\b(?:last|previous|earlier|former)\s+(?:ofsted\s+)?inspection\b[^.;]{0,60}|"
                                  r"\b(?:since|from|in)\s+(?:[A-Z]\w+\s+)?(?:19|20)\d\d\b),?\s+when\b[^.;]{0,120}$",
                                  re.I)

SAME_AS_BEFORE = re.compile(r"\b(?:same|unchanged|retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?|kept|keeps)\b[^.]{0,40}"
                            r"\b(?:judge?ments?|grades?|ratings?)\b|\b(?:judge?ments?|grades?|ratings?)\b[^.]{0,30}"
                            r"\b(?:unchanged|the same)\b", re.I)

NOTHING_TO_IMPROVE = re.compile(r"\bno (?:areas?|aspects?|parts?|weaknesses|recommendations)\b[^.]{0,40}\b(?:improve|"
                                r"improvement|weak)|\bnothing\b[^.]{0,30}\bimprov", re.I)

STRONG_PRAISE = re.compile(r"\b(?:exemplary|excellent|outstanding|consistent(?:ly)?|strong|improvements?|improved|"
                           r"without exception|flawless|high[- ]quality)\b", re.I)

CLAUSE = re.compile(r";|\b(?:while|whilst|whereas|but|although|however)\b|,\s+(?:and\s+)?(?:the|that|with)\b", re.I)

INTENT = re.compile(r"\b(?:will|plans?|aims?|intends?|to (?:drive|deliver|improve|address|make|ensure|build|embed|"
                    r"continue|achieve|sustain))\b", re.I)

BOARD = re.compile(r"safeguarding children(?:’s|'s)? (?:board|partnership)|\bLSCB\b", re.I)

WEEKS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

SEASONS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "winter": (12, 1, 2)}

DATES = re.compile(r"\b(" + "|".join(MONTHS + list(SEASONS)) + r")(?:\s+(20\d\d))?\b", re.I)

LAST_YEAR = re.compile(r"\b(?:last|previous)\b[^.]{0,40}?\binspect\w*[^.]{0,20}?\b(?:in|of)\s+(20\d\d)\b", re.I)

GRADE_CONTEXT = re.compile(r"\b(?:rated|judged|deemed|graded|judgements?|grade|overall|effectiveness|remains?|retained|"
                           r"rating|as)\s+(?:\w+\s+){0,3}$"
                           r"|\b(?:rated|judged|deemed|graded|found|considered|assessed)\s+(?:[\w’']+\s+){0,8}?(?:to\s+be|as)\s+$"
                           r"|\bservices\s+(?:in\s+\w+(?:\s+\w+)?\s+)?(?:are|were|remain)\s+(?:now\s+|still\s+|also\s+)?$",
                           re.I)  # "judged the impact of our leaders to be good"

DOMAIN_WORDS = [("help_and_protection", r"help and protection|protection"),
                ("care_leavers", r"care leavers?"), ("children_in_care", r"children in care|looked after"),
                ("adoption", r"adoption"), ("leaders", r"(?<!council )leaders?\b(?! of the council)|leadership"),
                ("overall", r"overall|services?\b")]

WHOLE = re.compile(r"\b(?:every|each|all)\s+(?:\w+\s+){0,2}(?:parts?|areas?|aspects?|services?|teams?)\b|across the "
                   r"(?:board|service)|throughout", re.I)

def domain_of(text: str, at: int | None = None) -> str:
    """The judgement area a sentence speaks of: the one named nearest ``at`` (default: the first named)."""
    found = [(abs(m.start() - at) if at is not None else m.start(), domain)
             for domain, words in DOMAIN_WORDS for m in re.finditer(rf"\b(?:{words})", text, re.I)]
    return min(found)[1] if found else "overall"

def domains_of(text: str) -> list[str]:
    """Every judgement area a clause names, in order; "services" or "overall" only when no area is named."""
    found = sorted((m.start(), domain) for domain, words in DOMAIN_WORDS
                   for m in re.finditer(rf"\b(?:{words})", text, re.I))
    named = list(dict.fromkeys(d for _, d in found))
    specific = [d for d in named if d != "overall"]
    return specific or named

def grade_of(text: str) -> str:
    text = text.lower()
    return "requires improvement" if "improvement" in text else text

WORST = {"contradicted": 2, "unsupported": 1, "supported": 0}

def judgement_claim(text: str, judged: JudgementStory, report) -> tuple[str, str] | None:
    """A sentence that names judgements ("rated good", "judged to require improvement", "rose from requires
    improvement to good", "outstanding in every area", "leadership and care leavers were judged outstanding,
    while help and protection was judged good") against the report's and the previous inspection's; each
    grade is checked for the areas named in its own clause, and the worst verdict wins."""
    moved = BEFORE_NOW.search(text)
    if moved:
        domain = domain_of(text, moved.start())
        before, now = grade_of(moved.group(1)), grade_of(moved.group(2))
        actual, previously = judged_in(report.judgements, domain) or report.judgements.get("overall"), \
            judged.previous.get(domain)
        label = DOMAINS.get(domain, domain)
        if actual is None:
            return "unsupported", _no_grade(report, label)
        if now != actual or (previously and before != previously):
            return "contradicted", f"{label} went from {previously or 'an unknown judgement'} to {actual}"
        return "supported", f"{label} went from {before} to {now}"
    if len({grade_of(g) for g in GRADE_CLAIM.findall(text)}) >= 3:  # the grading scale, not a grade of this council
        scale = [t for t in report_scale(report) if len({grade_of(g) for g in GRADE_CLAIM.findall(t)}) >= 3]
        return ("supported", f"the report states the scale: {scale[0]}") if scale else None
    if judged_elsewhere(text, report.council):  # another council's grade is no claim about this one
        return None
    if NOTHING_TO_IMPROVE.search(text) and report.improvements:
        return "contradicted", (f"the report lists {len(report.improvements)} thing(s) that need to improve, "
                                f"first: {report.improvements[0]}")
    verdicts: list[tuple[str, str]] = []
    if SAME_AS_BEFORE.search(text) and judged.overall.direction:
        verdicts.append(("supported" if judged.overall.direction == "same" else "contradicted",
                         f"overall effectiveness went from {judged.overall.before} to {judged.overall.now}"))
    clause_start = 0
    for m in GRADE_CLAIM.finditer(text):
        grade = grade_of(m.group(1))
        if grade == "good" and not GRADE_CONTEXT.search(text[:m.start()]):
            continue
        if grade == "outstanding" and (re.search(r"\b(?:remain\w*|left|still|are|is)\s+$", text[:m.start()], re.I)
                                       and re.match(r"\s+(?:for|too)\b", text[m.end():], re.I)):
            continue  # "actions remain outstanding for too long": not yet done, not a grade
        boundaries = [b.end() for b in CLAUSE.finditer(text, clause_start, m.start())]
        clause_start = max([clause_start, *boundaries])
        earlier = bool(PREVIOUSLY_BEFORE.search(text[max(clause_start, m.start() - 70):m.start()])
                       or PREVIOUSLY_AFTER.search(text[m.end():m.end() + 50])
                       or LAST_INSPECTION_WHEN.search(text[:m.start()]))
        no_longer = bool(re.search(r"\bno longer(?:\s+\w+){0,3}\s*$", text[max(0, m.start() - 40):m.start()], re.I))
        if BOARD.search(text[clause_start:m.start()]):
            continue  # the safeguarding board's grade, not the council's
        year = re.search(r"\b((?:19|20)\d\d)\b[^.;]{0,80}$", text[max(clause_start - 40, 0):m.start()])
        pub = judged.previous_published
        if earlier and year and pub and int(year.group(1)) not in (
                (pub.year, pub.year - 1) if pub.month <= 3 else (pub.year,)):  # early in a year: the autumn before
            continue  # a grade of an inspection before the last: not this report's to judge
        if EVERY_AREA.search(text) and not earlier:
            worse = {d: g for d, g in report.judgements.items() if g != grade and d in DOMAINS}
            if worse:
                return "contradicted", "the report judges " + "; ".join(f"{DOMAINS[d]} {g}" for d, g in worse.items())
            return "supported", f"every area is judged {grade}"
        domains = (domains_of(text[clause_start:m.start()]) or domains_of(text[m.end():m.end() + 40])
                   or ["overall"])
        clause_start = m.end()
        for domain in domains:
            verdicts.append(_one_judgement(domain, grade, earlier, no_longer, judged, report))
    return max(verdicts, key=lambda v: WORST[v[0]]) if verdicts else None

def report_scale(report) -> list[str]:
    """The report's sentences that set out Ofsted's grades (older reports explain the four-point scale)."""
    return [s.text for s in report.sentences if re.search(r"\boutstanding\b", s.text, re.I)
            and re.search(r"\binadequate\b", s.text, re.I) and re.search(r"\bgood\b", s.text, re.I)]

def judged_in(judgements: dict, domain: str) -> str | None:
    """An area's judgement; care leavers were judged with children in care in ILACS reports until 2023."""
    return judgements.get(domain) or (judgements.get("children_in_care") if domain == "care_leavers" else None)

def _one_judgement(domain: str, grade: str, earlier: bool, no_longer: bool, judged: JudgementStory,
                   report) -> tuple[str, str]:
    actual = judged_in(report.judgements, domain) or report.judgements.get("overall")
    label = DOMAINS.get(domain, domain)
    previously = judged_in(judged.previous, domain)
    if actual is None and not earlier and not no_longer:
        areas = {d: g for d, g in report.judgements.items() if d in DOMAINS}
        if areas and all(g == grade for g in areas.values()):
            return "supported", f"{_no_grade(report, label)}; every area is judged {grade}"
        if areas and grade not in areas.values():
            return "contradicted", f"{_no_grade(report, label)}; no area is judged {grade}: " + "; ".join(
                f"{DOMAINS[d]} {g}" for d, g in areas.items())
        return "unsupported", _no_grade(report, label)
    if no_longer:
        if not previously:
            return ("supported" if actual != grade else "contradicted",
                    f"{label} is now {actual} (its previous judgement is not known here)")
        return ("supported" if previously == grade and actual != grade else "contradicted",
                f"{label} was {previously} at the previous inspection and is now {actual}")
    if earlier and previously:
        return ("supported" if previously == grade else "contradicted",
                f"{label} was {previously} at the previous inspection")
    if earlier:
        return "unsupported", f"the previous judgement of {label} is not known here"
    if grade != actual:
        return "contradicted", f"the report judges {label} {actual}, not {grade}"
    return "supported", f"the report judges {label} {actual}"

def _no_grade(report, label: str) -> str:
    if report.framework == "visit":
        return f"the report is of a {report.kind}, which gives no judgement"
    return f"the report gives no {label} grade" + (" (reports from 2026 give no overall grade)"
                                                    if label == DOMAINS["overall"] else "")

def dates_claim(text: str, judged: JudgementStory, report) -> tuple[str, str] | None:
    """When the inspection (or the previous one) happened."""
    last = LAST_YEAR.search(text)
    if last and judged.previous_published:
        published = judged.previous_published
        # a report published early in a year is of an inspection the autumn before
        ok = int(last.group(1)) in ((published.year, published.year - 1) if published.month <= 3 else (published.year,))
        return ("supported" if ok else "contradicted", f"the previous inspection was published in {published:%B %Y}")
    start, end = report.inspection_start, report.inspection_end
    near = re.search(r"\b(?:inspection|inspected|inspecting|visit\w*)\b[^.]{0,60}", text, re.I)
    if near and re.search(r"\b(?:last|previous(?:ly)?|earlier|up from|down from|improvement on)\b",
                          text[max(0, near.start() - 100):near.end()], re.I):
        near = None  # the previous inspection's date
    window = re.split(r"\bpublish\w*", near.group(0), flags=re.I)[0] if near else ""  # publication is no visit
    weeks = re.search(r"\b(one|two|three|four|five|\d)[- ]weeks?\b", text, re.I)
    if weeks and start and end and re.search(r"\b(?:inspect\w*|visit\w*)\b", text, re.I):
        said = WEEKS.get(weeks.group(1).lower()) or int(weeks.group(1))
        lasted = -(-((end - start).days + 1) // 7)
        if said != lasted:
            return "contradicted", f"the inspection ran from {start:%-d %B %Y} to {end:%-d %B %Y}: {lasted} weeks"
    named = [(m.group(1).lower(), int(m.group(2)) if m.group(2) else None) for m in DATES.finditer(window)]
    if not named or not start or not end:
        return None
    months = {start.month, end.month}
    years = {start.year, end.year}
    ok = all((set(SEASONS[name]) & months if name in SEASONS else MONTHS.index(name) + 1 in months)
             and (year is None or year in years) for name, year in named)
    when = f"{start:%-d %B %Y} to {end:%-d %B %Y}"
    return ("supported", f"the inspection ran from {when}") if ok else \
        ("contradicted", f"the inspection ran from {when}")

def framing_claim(framing: str, text: str, judged: JudgementStory, report, whole: str = "") -> tuple[str, str] | None:
    """A positive framing ("a vote of confidence", "strength to strength", "excellent in every area") against what
    was judged and what the report says must improve; the area it speaks of may be named in a quotation
    (``whole``: the sentence with its quotations)."""
    domain = domain_of(text) if domain_of(text) != "overall" else domain_of(whole or text)
    change = next((c for c in judged.changes if c.domain == domain), judged.overall)
    now = judged_in(report.judgements, domain) or report.judgements.get("overall") or min(
        (g for d, g in report.judgements.items() if d in DOMAINS), key=RANK.get, default=None)
    if now is None:
        return None  # a visit: no grade to hold a framing against
    label = DOMAINS.get(domain, domain)
    if change.direction == "down":
        return "contradicted", f"\u201c{framing}\u201d, but {label} fell from {change.before} to {change.now}"
    fell = [c for c in judged.changes[1:] if c.direction == "down"]
    if domain == "overall" and fell:
        return "contradicted", (f"\u201c{framing}\u201d, but " + "; ".join(
            f"{DOMAINS[c.domain]} fell from {c.before} to {c.now}" for c in fell))
    below = [d for d, g in report.judgements.items() if d in DOMAINS and RANK[g] < RANK["good"]]
    if domain == "overall" and below and WHOLE.search(text):
        return "contradicted", f"\u201c{framing}\u201d, but " + "; ".join(
            f"{DOMAINS[d]} is judged {report.judgements[d]}" for d in below)
    if RANK[now] <= RANK["inadequate"]:
        return "contradicted", f"\u201c{framing}\u201d, but {label} is judged inadequate"
    if RANK[now] <= RANK["requires improvement"]:
        if change.direction == "up" and domain == "overall" and not (WHOLE.search(text) or entail.ALL.search(text)):
            return "unsupported", (f"\u201c{framing}\u201d: {label} rose from {change.before}, but to "
                                   f"requires improvement, below good")
        return "contradicted", f"\u201c{framing}\u201d, but {label} requires improvement"
    if WHOLE.search(text) and STRONG_PRAISE.search(text) and report.improvements:
        return "contradicted", (f"\u201c{framing}\u201d, but the report lists {len(report.improvements)} thing(s) "
                                f"that need to improve, first: {report.improvements[0]}")
    return None
