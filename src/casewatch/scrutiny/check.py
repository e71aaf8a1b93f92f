"""Hold a statement against the report: omitted findings, a verdict on each claim, each quotation checked.

- **Omitted findings**: the report's critical sentences (``lexicon.tone``) and its "What needs to improve"
  items that no sentence of the statement covers. A statement sentence covers a finding when it is about the
  same thing (similarity at least ``COVER_AT``) and does not only praise, or when it quotes the finding. Made
  readable and ranked in ``findings.readable``: no paragraph numbers, a sentence leaning on the one before joined
  to it, no duplicates, no praise; judgement-level statements first, then "too many", "not", "weak"..., then
  other criticism, then the "What needs to improve" items.
- **Claims**: every statement sentence but thanks, intentions and boilerplate, with a verdict and evidence:
  *contradicted* when it quotes the report altered, names a judgement the report did not give, puts a positive
  framing on a judgement that fell or is below good, or praises what the closest report sentences criticise;
  *unsupported* when it quotes words not in the report, names something the report never mentions, or no
  report sentence is close (similarity below ``SUPPORT_AT``); else *supported*. A sentence that is the report's
  own words, word for word, is *supported* and never contradicted (before this rule, "actions often remain
  outstanding" read as a grade, and "when ... was judged to be inadequate" about the last inspection as one).
- **Quotes**: ``quotes.ReportText.check`` on every quotation presented as the report's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from casewatch.scrutiny import similar
from casewatch.scrutiny.findings import Candidate, readable
from casewatch.scrutiny.judgement import DOMAINS, RANK, JudgementStory, judged_elsewhere, story
from casewatch.scrutiny.lexicon import polarity, spin, tone
from casewatch.scrutiny.quotes import QuoteCheck, ReportText, normal
from casewatch.scrutiny.report import MONTHS, InspectionReport
from casewatch.scrutiny.statement import Statement

# similarity at which a statement sentence covers a report finding, and below which nothing in the report is close
# enough to support a claim, for the model and for the lexical fallback (tuned on half the development set:
# docs/scrutiny.md)
COVER_AT = {"model": 0.56, "lexical": 0.30}
SUPPORT_AT = {"model": 0.56, "lexical": 0.28}
EVIDENCE = 3  # report sentences given as evidence for each claim
NOT_A_CLAIM = re.compile(
    r"^(?:we|i) (?:would like to |want to |wish to )?(?:thank|pay tribute)|full report|report (?:is|can be) "
    r"(?:available|read|found)|available (?:at|on|from)|\bwww\.|https?://|for more information|ends\b|notes to "
    r"editors|^\W*$|\b(?:will|shall|are committed to|is committed to|look forward|continue to|going forward|"
    r"next steps|action plan)\b", re.I)
ABOUT_REPORT = re.compile(r"\b(?:inspectors?|ofsted|report|inspection|judge?d|judgements?|rated|graded|found|"
                          r"recognis|praise|highlight|said|grade|outstanding|requires improvement|inadequate)", re.I)
GRADE_CLAIM = re.compile(r"\b(outstanding|good|requires? improvement|inadequate)\b", re.I)
EVERY_AREA = re.compile(r"\b(?:every|each|all)\s+(?:\w+\s+)?(?:areas?|judgements?|parts?|domains?)\b|across the board",
                        re.I)
BEFORE_NOW = re.compile(r"\bfrom\s+(outstanding|good|requires improvement|inadequate)\s+to\s+(outstanding|good|"
                        r"requires improvement|inadequate)\b", re.I)
# a grade that is the previous inspection's: "up from inadequate", "previously good", "was good in 2018",
# "good at the last inspection", "no longer judged inadequate"
PREVIOUSLY_BEFORE = re.compile(r"(?:\b(?:up|down|rising|falling|risen|fallen|improved|improving|moved|changed) from|"
                               r"\bprevious(?:ly)?(?:\s+\w+){0,3}|\bformerly(?:\s+\w+){0,2}|\bno longer(?:\s+\w+){0,2})\s*$",
                               re.I)
PREVIOUSLY_AFTER = re.compile(r"^\W*(?:\w+\s+){0,2}(?:at|in|from) (?:the |its |our )?(?:last|previous)\b|^\W*in 20\d\d",
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
WEEKS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
SEASONS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "winter": (12, 1, 2)}
DATES = re.compile(r"\b(" + "|".join(MONTHS + list(SEASONS)) + r")(?:\s+(20\d\d))?\b", re.I)
LAST_YEAR = re.compile(r"\b(?:last|previous)\b[^.]{0,40}?\binspect\w*[^.]{0,20}?\b(?:in|of)\s+(20\d\d)\b", re.I)
GRADE_CONTEXT = re.compile(r"\b(?:rated|judged|graded|judgements?|grade|overall|effectiveness|remains?|retained|"
                           r"rating|as)\s+(?:\w+\s+){0,3}$"
                           r"|\b(?:rated|judged|graded|found|considered|assessed)\s+(?:[\w’']+\s+){0,8}?(?:to\s+be|as)\s+$",
                           re.I)  # "judged the impact of our leaders to be good"
DOMAIN_WORDS = [("help_and_protection", r"help and protection|protection"),
                ("care_leavers", r"care leavers?"), ("children_in_care", r"children in care|looked after"),
                ("adoption", r"adoption"), ("leaders", r"(?<!council )leaders?\b(?! of the council)|leadership"),
                ("overall", r"overall|services?\b")]
WHOLE = re.compile(r"\b(?:every|each|all)\s+(?:\w+\s+){0,2}(?:parts?|areas?|aspects?|services?|teams?)\b|across the "
                   r"(?:board|service)|throughout|everything", re.I)
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b((?:[A-Z][a-z’']+\s){1,4}(?:Hub|Team|Service|Project|Centre|Center|"
                  r"Programme|Partnership|Unit|Academy|House|Scheme|Panel|Network|Campaign|Initiative|Model|"
                  r"Pathway|Alliance|Trust))\b")


@dataclass(frozen=True)
class Finding:
    rank: int
    text: str
    section: str
    severity: int
    improvement: bool
    weaknesses: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    text: str
    verdict: str  # supported | unsupported | contradicted
    reason: str
    evidence: list[dict] = field(default_factory=list)  # {"text", "section", "similarity"}


@dataclass(frozen=True)
class Scrutiny:
    report: InspectionReport
    statement: Statement
    judgements: JudgementStory
    omitted: list[Finding]
    claims: list[Claim]
    quotes: list[QuoteCheck]
    method: str


def scrutinise(report: InspectionReport, statement: Statement, previous: str | None = None,
               lexical: bool = False) -> Scrutiny:
    """Everything the checker finds (``lexical``: use the word-based similarity even if the model is there)."""
    judged = story(report, previous)
    findings = [(s.text, s.section, s.summary, False) for s in report.sentences]
    findings += [(t, "What needs to improve", True, True) for t in report.improvements]
    texts = [f[0] for f in findings]
    reported = ReportText(texts)
    quotes = [reported.check(q.text) for q in statement.report_quotes]
    sims = similar.similarity(statement.sentences, texts, lexical=lexical) if texts else np.zeros((0, 0))
    kind = "lexical" if lexical or similar.method().startswith("lexical") else "model"
    quoted = {normal(q.report_text) for q in quotes if q.report_text}
    omitted = _omitted(findings, statement, sims, quoted, COVER_AT[kind])
    by_sentence: dict[int, list[QuoteCheck]] = {}
    for q, check in zip(statement.report_quotes, quotes, strict=True):
        by_sentence.setdefault(q.sentence, []).append(check)
    report_words = normal(" ".join(texts))
    claims = [_claim(s, sims[i], findings, by_sentence.get(i, []), judged, report, report_words, SUPPORT_AT[kind])
              for i, s in enumerate(statement.sentences) if _is_claim(s, i == 0 and bool(statement.headline))]
    return Scrutiny(report, statement, judged, omitted, claims, quotes,
                    similar.method() if kind == "model" else "lexical (BM25 cosine)")


def _is_claim(sentence: str, headline: bool) -> bool:
    if headline:
        return bool(spin(sentence) or GRADE_CLAIM.search(sentence))
    return not NOT_A_CLAIM.search(sentence) or bool(ABOUT_REPORT.search(sentence) and not re.search(
        r"full report|available (?:at|on|from)", sentence, re.I))


def _omitted(findings, statement: Statement, sims: np.ndarray, quoted: set[str], cover_at: float) -> list[Finding]:
    acknowledging = np.array([polarity(_unquoted(s)) <= 0 or tone(s).severity > 0 for s in statement.sentences],
                             dtype=bool)
    out = []
    for j, (text, section, summary, improvement) in enumerate(findings):
        t = tone(text)
        severity = max(t.severity, 1) if improvement else t.severity
        if severity < (1 if summary else 2) or (not improvement and polarity(text) > 0):
            continue
        if normal(text) in quoted:
            continue
        column = sims[:, j] if sims.size else np.zeros(0)
        if column.size and np.any((column >= cover_at) & acknowledging):
            continue
        out.append((0 if improvement or (summary and t.severity) else 1, -severity, j, text, section, severity,
                    improvement, t.weaknesses))
    out.sort()
    kept = readable([Candidate(text, section, severity, improvement, weak, findings[j][2], j)
                     for (_, _, j, text, section, severity, improvement, weak) in out], findings)
    return [Finding(r + 1, c.text, c.section, c.severity, c.improvement, c.weaknesses) for r, c in enumerate(kept)]


def _unquoted(sentence: str, quoted: list[str] = ()) -> str:
    """The sentence without its quotations of the report (their words are the report's, not the council's)."""
    for text in quoted:
        sentence = sentence.replace(text, " ")
    # a quoted grade ('Outstanding', "good") is the council's claim of a grade: its word stays, the marks go
    sentence = re.sub(r"[\"“'‘]\s*(outstanding|good|requires? improvement|inadequate)\s*[\"”'’]", r"\1", sentence,
                      flags=re.I)
    return re.sub(r"(?<![\w’'])['‘][^'‘]+?['’](?![\w’'])", " ", sentence)


def _claim(sentence, row, findings, quotes, judged: JudgementStory, report, report_words, support_at) -> Claim:
    order = np.argsort(-row)[:EVIDENCE] if row.size else []
    evidence = [{"text": findings[j][0], "section": findings[j][1], "similarity": round(float(row[j]), 3)}
                for j in order]
    altered = [q for q in quotes if q.status == "altered"]
    if any(changes_meaning(q) for q in altered):
        q = next(q for q in altered if changes_meaning(q))
        return Claim(sentence, "contradicted", f"it quotes the report altered: the report says "
                     f"\u201c{q.report_text}\u201d", [{"text": q.report_text, "section": "", "similarity": 1.0}]
                     + evidence[:EVIDENCE - 1])
    if altered:  # words changed that change no meaning ("successfully" dropped): the quote is flagged, not the claim
        q = altered[0]
        return Claim(sentence, "supported", f"it quotes the report with words changed that do not change its "
                     f"meaning (the quotation is flagged): the report says \u201c{q.report_text}\u201d",
                     [{"text": q.report_text, "section": "", "similarity": 1.0}] + evidence[:EVIDENCE - 1])
    if any(q.status == "not_in_report" for q in quotes):
        return Claim(sentence, "unsupported", "it quotes words that are not in the report", evidence)
    said = normal(sentence)
    if len(said) >= 30 and said in report_words:  # the report's own sentence, word for word: never contradicted
        return Claim(sentence, "supported", "it is the report's own words", evidence)
    own = _unquoted(sentence, [q.text for q in quotes])
    framing = spin(own) or (WHOLE.search(own).group(0) if WHOLE.search(own) and polarity(own) > 0 else None)
    if framing and _in_report_words(own, framing, report_words):  # "strong throughout ..." is the report's phrase
        framing = None
    checks = [_judgement_claim(own, judged, report), _framing(framing, own, judged, report) if framing else None,
              _dates_claim(own, judged, report)]
    checks += [("unsupported", f"the report never mentions {name.strip()}") for name in NAME.findall(sentence)
               if normal(name) not in report_words]
    checks = [c for c in checks if c]
    if checks:  # a sentence is as wrong as its worst part
        verdict, reason = max(checks, key=lambda c: WORST[c[0]])
        return Claim(sentence, verdict, reason, evidence)
    if quotes:  # verbatim quotes only
        return Claim(sentence, "supported", "it quotes the report word for word", evidence)
    if not row.size or float(row.max()) < support_at:
        return Claim(sentence, "unsupported", "no sentence of the report says this", evidence)
    if polarity(own) > 0:
        close = [j for j in order if row[j] >= max(support_at, float(row.max()) - 0.05)]
        critical = [j for j in close if tone(findings[j][0]).severity >= 2 and polarity(findings[j][0]) < 0]
        if critical and critical[0] == close[0]:
            return Claim(sentence, "contradicted", "the closest report sentence criticises what this praises",
                         evidence)
    return Claim(sentence, "supported", "the report says this", evidence)


MEANING = re.compile(r"\b(?:not|no|never|none|nothing|all|every|each|most|many|some|few|majority|minority|vast|too|"
                     r"always|sometimes|often|rarely|consistent\w*|inconsistent\w*|good|outstanding|inadequate|"
                     r"requires?|improvement|strong\w*|weak\w*|poor\w*|excellent|exceptional\w*|high|low|more|less|"
                     r"better|worse|best|worst|only|fully|partly|\d+)\b", re.I)


def changes_meaning(q: QuoteCheck) -> bool:
    """An altered quotation whose changed words (added or removed) include a negation, quantifier, grade,
    strength or number: the words that change what the report says. Otherwise ("successfully" dropped, "are"
    for "is") the quotation is wrong but the claim is still the report's."""
    changes = [(op, words) for op, words in q.diff if op in ("added", "removed")]
    kept, i = [], 0
    while i < len(changes):  # "high-quality" for "high quality": spelling, not meaning
        if i + 1 < len(changes) and {changes[i][0], changes[i + 1][0]} == {"added", "removed"} and \
                re.sub(r"[\s-]", "", changes[i][1]) == re.sub(r"[\s-]", "", changes[i + 1][1]):
            i += 2
            continue
        kept.append(changes[i][1])
        i += 1
    changed = " ".join(kept)
    return bool(MEANING.search(changed)) or not q.diff


def _in_report_words(own: str, phrase: str, report_words: str) -> bool:
    """The phrase and the four words either side of it are the report's own words."""
    words = own.split()
    at = next((i for i, w in enumerate(words) if phrase.split()[0].lower() in w.lower()), None)
    if at is None:
        return False
    window = normal(" ".join(words[max(0, at - 4):at + len(phrase.split()) + 4]))
    return len(window.split()) >= 6 and window in report_words


def _domain(text: str, at: int | None = None) -> str:
    """The judgement area a sentence speaks of: the one named nearest ``at`` (default: the first named)."""
    found = [(abs(m.start() - at) if at is not None else m.start(), domain)
             for domain, words in DOMAIN_WORDS for m in re.finditer(rf"\b(?:{words})", text, re.I)]
    return min(found)[1] if found else "overall"


def _domains(text: str) -> list[str]:
    """Every judgement area a clause names, in order; "services" or "overall" only when no area is named."""
    found = sorted((m.start(), domain) for domain, words in DOMAIN_WORDS
                   for m in re.finditer(rf"\b(?:{words})", text, re.I))
    named = list(dict.fromkeys(d for _, d in found))
    specific = [d for d in named if d != "overall"]
    return specific or named


def _grade(text: str) -> str:
    text = text.lower()
    return "requires improvement" if "improvement" in text else text


WORST = {"contradicted": 2, "unsupported": 1, "supported": 0}


def _judgement_claim(text: str, judged: JudgementStory, report) -> tuple[str, str] | None:
    """A sentence that names judgements ("rated good", "judged to require improvement", "rose from requires
    improvement to good", "outstanding in every area", "leadership and care leavers were judged outstanding,
    while help and protection was judged good") against the report's and the previous inspection's; each
    grade is checked for the areas named in its own clause, and the worst verdict wins."""
    moved = BEFORE_NOW.search(text)
    if moved:
        domain = _domain(text, moved.start())
        before, now = _grade(moved.group(1)), _grade(moved.group(2))
        actual, previously = report.judgements.get(domain) or report.judgements["overall"], judged.previous.get(domain)
        label = DOMAINS.get(domain, domain)
        if now != actual or (previously and before != previously):
            return "contradicted", f"{label} went from {previously or 'an unknown judgement'} to {actual}"
        return "supported", f"{label} went from {before} to {now}"
    if len({_grade(g) for g in GRADE_CLAIM.findall(text)}) >= 3:  # the grading scale, not a grade of this council
        return None
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
        grade = _grade(m.group(1))
        if grade == "good" and not GRADE_CONTEXT.search(text[:m.start()]):
            continue
        if grade == "outstanding" and (re.search(r"\b(?:remain\w*|left|still|are|is)\s+$", text[:m.start()], re.I)
                                       and re.match(r"\s+(?:for|too)\b", text[m.end():], re.I)):
            continue  # "actions remain outstanding for too long": not yet done, not a grade
        boundaries = [b.end() for b in CLAUSE.finditer(text, clause_start, m.start())]
        clause_start = max([clause_start, *boundaries])
        earlier = bool(PREVIOUSLY_BEFORE.search(text[max(clause_start, m.start() - 40):m.start()])
                       or PREVIOUSLY_AFTER.search(text[m.end():m.end() + 50])
                       or LAST_INSPECTION_WHEN.search(text[:m.start()]))
        no_longer = bool(re.search(r"\bno longer(?:\s+\w+){0,2}\s*$", text[max(0, m.start() - 30):m.start()], re.I))
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
        domains = (_domains(text[clause_start:m.start()]) or _domains(text[m.end():m.end() + 40])
                   or ["overall"])
        clause_start = m.end()
        for domain in domains:
            verdicts.append(_one_judgement(domain, grade, earlier, no_longer, judged, report))
    return max(verdicts, key=lambda v: WORST[v[0]]) if verdicts else None


def _judged(judgements: dict, domain: str) -> str | None:
    """An area's judgement; care leavers were judged with children in care in ILACS reports until 2023."""
    return judgements.get(domain) or (judgements.get("children_in_care") if domain == "care_leavers" else None)


def _one_judgement(domain: str, grade: str, earlier: bool, no_longer: bool, judged: JudgementStory,
                   report) -> tuple[str, str]:
    actual = _judged(report.judgements, domain) or report.judgements["overall"]
    label = DOMAINS.get(domain, domain)
    previously = _judged(judged.previous, domain)
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


def _dates_claim(text: str, judged: JudgementStory, report) -> tuple[str, str] | None:
    """When the inspection (or the previous one) happened."""
    last = LAST_YEAR.search(text)
    if last and judged.previous_published:
        published = judged.previous_published
        # a report published early in a year is of an inspection the autumn before
        ok = int(last.group(1)) in ((published.year, published.year - 1) if published.month <= 3 else (published.year,))
        return ("supported" if ok else "contradicted", f"the previous inspection was published in {published:%B %Y}")
    start, end = report.inspection_start, report.inspection_end
    near = re.search(r"\b(?:inspect\w*|visit\w*)\b[^.]{0,60}", text, re.I)
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


def _framing(framing: str, text: str, judged: JudgementStory, report) -> tuple[str, str] | None:
    """A positive framing ("a vote of confidence", "strength to strength", "excellent in every area") against what
    was judged and what the report says must improve."""
    domain = _domain(text)
    change = next((c for c in judged.changes if c.domain == domain), judged.overall)
    now = _judged(report.judgements, domain) or report.judgements["overall"]
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
        if change.direction == "up" and domain == "overall":
            return "unsupported", (f"\u201c{framing}\u201d: {label} rose from {change.before}, but to "
                                   f"requires improvement, below good")
        return "contradicted", f"\u201c{framing}\u201d, but {label} requires improvement"
    if WHOLE.search(text) and STRONG_PRAISE.search(text) and report.improvements:
        return "contradicted", (f"\u201c{framing}\u201d, but the report lists {len(report.improvements)} thing(s) "
                                f"that need to improve, first: {report.improvements[0]}")
    return None
