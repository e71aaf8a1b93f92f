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

from casewatch.scrutiny import entail, similar
from casewatch.scrutiny.findings import Candidate, readable
from casewatch.scrutiny.grades import (
    BOARD,
    GRADE_CLAIM,
    INTENT,
    WHOLE,
    WORST,
    dates_claim,
    framing_claim,
    grade_of,
    judgement_claim,
)
from casewatch.scrutiny.judgement import RANK, JudgementStory, judged_elsewhere, story
from casewatch.scrutiny.lexicon import polarity, spin, tone
from casewatch.scrutiny.quotes import QuoteCheck, ReportText, normal
from casewatch.scrutiny.report import InspectionReport
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
    r"next steps|action plan|must (?:never |always )?(?:forget|remember)|it is important that we)\b", re.I)
ABOUT_REPORT = re.compile(r"\b(?:inspectors?|ofsted|report|inspection|judge?d|judgements?|rated|graded|found|"
                          r"recognis|praise|highlight|said|grade|outstanding|requires improvement|inadequate)", re.I)
IMPROVE_SECTION = re.compile(r"what needs to improve|what does the local authority need to improve|areas? for "
                             r"improvement|recommendations", re.I)
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
    # "What needs to improve": the list's items, and sentences under its heading (entail: praise of one contradicts)
    listed = frozenset(f[0] for f in findings if f[3] or IMPROVE_SECTION.match(f[1] or ""))
    claims = [_claim(s, sims[i], findings, by_sentence.get(i, []), judged, report, report_words, SUPPORT_AT[kind],
                     texts, listed) for i, s in enumerate(statement.sentences)
              if _is_claim(s, i == 0 and bool(statement.headline))]
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
    kept = readable([Candidate(text, section, severity, improvement or bool(IMPROVE_SECTION.match(section or "")),
                               weak, findings[j][2], j)
                     for (_, _, j, text, section, severity, improvement, weak) in out], findings)
    return [Finding(r + 1, c.text, c.section, c.severity, c.improvement, c.weaknesses) for r, c in enumerate(kept)]


def _unquoted(sentence: str, quoted: list[str] = ()) -> str:
    """The sentence without its quotations of the report (their words are the report's, not the council's)."""
    for text in quoted:
        sentence = sentence.replace(text, " ")
    # a quoted grade ('Outstanding', "good") is the council's claim of a grade: its word stays, the marks go
    sentence = re.sub(r"[\"“'‘]\s*(outstanding|good|requires? improvement(?: to be good)?|inadequate)\s*[\"”'’]", r"\1",
                      sentence, flags=re.I)
    return re.sub(r"(?<![\w’'])['‘][^'‘]+?['’](?![\w’'])", " ", sentence)


def _claim(sentence, row, findings, quotes, judged: JudgementStory, report, report_words, support_at,
           texts: list[str], listed: frozenset[str]) -> Claim:
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
    whole = WHOLE.search(own)
    if whole and INTENT.search(own[:whole.start()]):
        whole = None  # "a plan to drive improvement throughout the service" is an aim, not a finding
    if whole and any(RANK.get(grade_of(g), 3) < RANK["good"] for g in GRADE_CLAIM.findall(own)):
        whole = None  # "all areas were judged requires improvement" states grades, it does not praise
    framing = spin(own) or (whole.group(0) if whole and polarity(own) > 0 else None)
    if framing and (_in_report_words(own, framing, report_words)  # "strong throughout ..." is the report's phrase
                    or any(normal(framing) in normal(e["text"]) for e in evidence)):
        framing = None
    checks = [judgement_claim(own, judged, report), framing_claim(framing, own, judged, report, sentence) if framing else None,
              dates_claim(own, judged, report)]
    checks += [("unsupported", f"the report never mentions {name.strip()}") for name in NAME.findall(sentence)
               if normal(name) not in report_words]
    checks += entail.details(own, report, report_words)
    checks = [c for c in checks if c]
    if checks:  # a sentence is as wrong as its worst part
        verdict, reason = max(checks, key=lambda c: WORST[c[0]])
        return Claim(sentence, verdict, reason, evidence)
    if GRADE_CLAIM.search(own) and judged_elsewhere(own, report.council):
        return Claim(sentence, "unsupported", "it is about another council, which this report does not judge",
                     evidence)
    ruled = entail.verdict(own, row, np.argsort(-row)[:12], texts, support_at, listed) \
        if row.size else None
    if ruled:
        return Claim(sentence, ruled[0], ruled[1], evidence)
    if quotes:  # verbatim quotes only
        return Claim(sentence, "supported", "it quotes the report word for word", evidence)
    if not row.size or float(row.max()) < support_at:
        return Claim(sentence, "unsupported", "no sentence of the report says this", evidence)
    if polarity(own) > 0 and tone(own).severity == 0 and not (BOARD.search(own) or INTENT.search(own)
                                                             or entail.HEDGED.search(own)):  # praise, unhedged
        close = [j for j in order if row[j] >= max(support_at, float(row.max()) - 0.05)]
        critical = [j for j in close if tone(findings[j][0]).severity >= 2 and polarity(findings[j][0]) < 0
                    and len(entail.content(own) & entail.content(findings[j][0])) >= 2]
        agreeing = [j for j in close if polarity(findings[j][0]) > 0
                    and len(entail.content(own) & entail.content(findings[j][0])) >= 3]
        if critical and critical[0] == close[0] and not agreeing:
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
    theirs = set(normal(q.report_text or "").split())
    changes = [(op, words) for op, words in q.diff if op == "removed" or op == "added" and any(
        w not in theirs for w in words.split())]  # words the report's sentence has elsewhere are not new
    kept, i = [], 0
    while i < len(changes):  # "high-quality" for "high quality": spelling, not meaning
        if i + 1 < len(changes) and {changes[i][0], changes[i + 1][0]} == {"added", "removed"} and \
                re.sub(r"[\s-]", "", changes[i][1]) == re.sub(r"[\s-]", "", changes[i + 1][1]):
            i += 2
            continue
        kept.append(changes[i][1])
        i += 1
    changed = " ".join(kept)
    removed = {w.lower() for op, words in changes for w in words.split() if op == "removed"}
    added = {w.lower() for op, words in changes for w in words.split() if op == "added"}
    if sorted(w.lower() for op, ws in changes for w in ws.split() if op == "removed") == sorted(
            w.lower() for op, ws in changes for w in ws.split() if op == "added"):
        return False  # the same words in another order: "since 2017, X" quoted as "X since 2017"
    flipped = any(re.sub(r"^(?:in|un|im|il|ir|dis|non-?)", "", a) == r or re.sub(r"^(?:in|un|im|il|ir|dis|non-?)",
                  "", r) == a for a in added for r in removed if a != r)  # "insufficient" -> "sufficient"
    return bool(MEANING.search(changed)) or flipped or not q.diff


def _in_report_words(own: str, phrase: str, report_words: str) -> bool:
    """The phrase and the four words either side of it are the report's own words."""
    words = own.split()
    at = next((i for i, w in enumerate(words) if phrase.split()[0].lower() in w.lower()), None)
    if at is None:
        return False
    window = normal(" ".join(words[max(0, at - 4):at + len(phrase.split()) + 4]))
    return len(window.split()) >= 6 and window in report_words


