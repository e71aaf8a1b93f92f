"""Omitted findings a reader understands: the report's critical sentences made fit to list (issue 20).

``readable`` takes the candidate findings (critical sentences and "What needs to improve" items no statement
sentence covers) with the report's sentences around them, and returns them

- **free of paragraph numbers and bullets** ("15.Too many ..." -> "Too many ...");
- **self-contained**: a sentence that leans on the one before ("These are too high ...", "This means ...",
  "However, ...", "They ...", "It ...") carries that sentence with it, or is dropped when the report gives
  no sentence before it in the same section;
- **criticism only**: a sentence whose weakness words only set the scene ("When children are at risk of
  significant harm, ... is prompt") or refer to a former grade ("improved from requires improvement") and
  whose own clause praises is not a criticism;
- **de-duplicated**: the same words (after ``quotes.normal``), one inside the other, or nearly the same;
- **ranked as a journalist would**: judgement-level statements ("inadequate", "requires improvement", a
  decline) first, then sentences saying "too many", "too long", "not", "weak"..., then other criticism, then
  the "What needs to improve" items; within each, the summary before the detail, the more severe first, then
  report order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from casewatch.scrutiny.lexicon import polarity, tone
from casewatch.scrutiny.quotes import normal

NUMBERED = re.compile(r"^\s*(?:[•▪●◦·*–-]\s*|\(?\d{1,3}(?:\.\d{1,2})*\s*[.)]\s*(?=\D)|\d{1,3}(?:\.\d{1,2})+\s+(?=[A-Z])|"
                      r"\(?[a-z]\)\s+)+")
LEANS_BACK = re.compile(r"^(?:(?:some|many|most|all|few|none|one|each|both|several|a few) of (?:these|them|those|"
                        r"this)|these|this|they|their|them|those|however|it|its|such|consequently|but|therefore|"
                        r"as a result|as such|despite this|in addition|additionally|also|furthermore|moreover|"
                        r"(?:in|for|of|with|on|from|despite|because of|as a result of|in spite of) "
                        r"(?:these|this|those|such|them|it))\b(?!\W+(?:re-?)?(?:inspections?|reports?|visits?|"
                        r"local authority|council)\b)"
                        r"|^(?:since then|by then|at that time|in these cases|in those cases)\b"
                        r"|^(?:\w+\s+){0,3}?(?:this|these|those|they|such)\b(?!\W+(?:re-?)?(?:inspections?|reports?|visits?|local "
                        r"authority|council|year|time)\b)|^not all (?:are|is|have|has|were|of them)\b", re.I)
# the scene a sentence sets, not a weakness of the service: "when children are at risk of significant harm",
# "has not hindered", a grade the council has moved on from
SCENE = re.compile(r"^(?:when|where|if|once|whenever|for children who|as soon as|while|whilst|although|though|"
                   r"despite|in response to|to address)\b[^,;]{3,}[,;]\s*", re.I)  # the scene, or a concession before the finding
NOT_A_WEAKNESS = re.compile(
    r"\b(?:(?:at|of) (?:continued |increased |immediate )?risk of (?:significant )?harm|significant harm|"
    r"(?:has|have|had|did|does|do) not (?:hinder|prevent|affect|impede|deter|diminish|compromis|stop|slow|"
    r"reduc)\w*|(?:from|since|previously|formerly|was|were) (?:being )?(?:judged |rated )?(?:to )?(?:be )?(?:an? )?"
    r"(?:inadequate|requires? improvement|require improvement)|(?:homes?|placements?|establishments?|providers?|schools?|settings?)\b"
    r"[^.]{0,40}\b(?:judged|rated|graded)\b[^.]{0,30}\binadequate|\bwhich judged\b[^.]{0,40}|"
    r"\bno (?:child|children|young people)\b[^.]{0,60}\b(?:unsafe|inadequate|at risk)|"
    r"\bdid not (?:find|identify) any\b[^.]*|\bno areas? for priority\b[^.]*)", re.I)
BOARD = re.compile(r"local safeguarding children(?:’s|'s)? board|\bLSCB\b|safeguarding (?:children )?partnership", re.I)
DECLINE = r"decline (?:in|since|of)|(?:has|have|had) declined|declining|deteriorat\w*"
JUDGEMENT = re.compile(rf"\b(?:inadequate|requires? improvement|not yet (?:consistently )?good(?: enough)?|less than "
                       rf"good|{DECLINE}|(?:fail(?:s|ed|ing)?|continu\w* to fail) (?:to protect )?(?:children|families|"
                       r"young people)|failed by|(?:has|have) been too slow|"
                       r"serious(?:ly)? (?:failures?|failings?|weakness(?:es)?|concerns?)|widespread|"
                       r"(?:significant|systemic) (?:failings?|weakness(?:es)?|shortfalls?))\b", re.I)
KEY = re.compile(rf"\b(?:inadequate|too (?:many|long|few|high|slow|late|much|variable)|not|never|no|n[’']t|"
                 rf"weak(?:ness(?:es)?)?|{DECLINE}|fail\w*|poor(?:ly)?|unsafe|drift|delays?)\b", re.I)
# what makes a finding news: children as the ones who wait, are not seen or are left at risk; the workforce
QUOTABLE = re.compile(r"\b(?:too (?:many|long|high|few|slow|late)|not yet good|not good enough|drift|delays?|"
                      r"not (?:always |consistently |routinely )?(?:seen|visited)|caseloads?|turnover|"
                      r"(?:changes?|number) of (?:social )?workers?|left (?:living |for )?|neglect|missing|"
                      r"exploitation|unregistered|homeless|harm|wait\w*|lost contact|out of date|overdue|"
                      r"widespread|serious\w*|unsafe|not (?:all|every) children|not (?:yet )?delivering)\b", re.I)
CHILDREN_FIRST = re.compile(r"^(?:(?:however|but|too many|some|many|most|a (?:small )?number of|a few|not all|"
                            r"a minority of|the majority of|few|several)[, ]+)*(?:of )?(?:the )?(?:children|young "
                            r"people|care leavers|families|disabled children|social workers)\b", re.I)
TOO_MANY = re.compile(r"\btoo many (?:children|young people|care leavers|families|plans|assessments|cases)\b|"
                      r"\b(?:children|young people) (?:wait|are left|remain)\w* (?:too long|in)\b", re.I)
HEDGE = re.compile(r"\b(?:a (?:very )?small number|a few|a minority|a small minority|in (?:a few|some) cases|"
                   r"occasionally|minor|slight(?:ly)?)\b", re.I)
# a weakness word only inside a clause that sets the scene: "families who do not meet the threshold",
# "when their circumstances do not improve"
SCENE_CLAUSE = re.compile(r"\b(?:who|that|which|when|where|whose|if|once)\s+(?:\w+\s+){0,2}?(?:do|does|did|are|"
                          r"is|were|was|have|has|can|could)(?:\s*not|n[’']t)\b[^,;.]*", re.I)
CONTRAST = re.compile(r"^(?:however|but|nevertheless|nonetheless|despite this(?: progress)?|even so)\s*,?\s*", re.I)
AREA = re.compile(r"\b(?:deprived|deprivation|poverty|inequalit\w+|unemployment|population)\b", re.I)
SERVICE = re.compile(r"\b(?:social work\w*|practice|services?|leaders|managers|plans?|assessments?|staff|workers?|"
                     r"council|local authority)\b", re.I)
SAME_POINT = 0.8  # share of a finding's words (4+ letters) found in one above it: the same point again
SAME_AT = 92  # rapidfuzz ratio (0-100) at which two findings are the same words, give or take a few


@dataclass(frozen=True)
class Candidate:
    """A finding to list: its text, where it is (``position``: its index in the report's sentences passed to
    ``readable``), and what ``lexicon.tone`` found."""

    text: str
    section: str
    severity: int
    improvement: bool
    weaknesses: tuple[str, ...] = ()
    summary: bool = False
    position: int | None = None


def clean(text: str) -> str:
    """The sentence without a paragraph number or bullet glued on ("15.Too many" -> "Too many")."""
    return NUMBERED.sub("", text).strip()


def leans_back(text: str) -> bool:
    """Does the sentence need the one before it to be understood ("These are too high ...")?"""
    return bool(LEANS_BACK.match(clean(text)))


def is_criticism(text: str) -> bool:
    """A critical sentence, not praise with a weakness word in its scene-setting, nor the area's circumstances
    ("Blackpool is among the most deprived areas in England, with ... poor health outcomes")."""
    if AREA.search(text) and not SERVICE.search(text):
        return False
    own = SCENE_CLAUSE.sub(" ", NOT_A_WEAKNESS.sub(" ", SCENE.sub("", clean(text))))
    return tone(own).severity > 0 and polarity(own) <= 0


def salience(c: Candidate) -> int:
    """How much a reader needs this finding: a judgement or a decline first, then what happens to children
    ("too many", waiting, not seen, left at risk), the summary before the detail; praise and hedges lower."""
    text = SCENE.sub("", clean(c.text))
    t = tone(text)
    score = 3 * t.severity + (8 if JUDGEMENT.search(NOT_A_WEAKNESS.sub(" ", text)) else 0)
    score += 3 * min(len(QUOTABLE.findall(text)), 2) + (2 if CHILDREN_FIRST.match(text) else 0)
    score += 6 if TOO_MANY.search(text) else 0
    score += 14 if c.summary else 0
    score -= 12 if BOARD.search(text) or BOARD.search(c.section or "") else 0  # the board, not the council
    score -= 2 * max(t.strengths - 1, 0)
    return score - (2 if len(text.split()) < 8 else 0)


def _antecedent(c: Candidate, context: Sequence) -> str | None:
    """The text ``c`` leans on: the sentences before it in the same section, back to one that stands alone
    (at most three); None when the report gives none."""
    if c.position is None:
        return None
    parts, at = [], c.position
    while at > 0 and len(parts) < 3:
        at -= 1
        text, section = _text(context[at]), _section(context[at])
        if section != c.section:
            return None
        parts.insert(0, clean(text))
        if not leans_back(text):
            return " ".join(parts)
    return None


def _text(item) -> str:
    return item if isinstance(item, str) else item[0]


def _section(item) -> str | None:
    return None if isinstance(item, str) else item[1]


def _tier(c: Candidate) -> int:
    if c.improvement:
        return 3
    if JUDGEMENT.search(NOT_A_WEAKNESS.sub(" ", c.text)):
        return 0
    return 1 if KEY.search(c.text) else 2


def _same(a: str, b: str) -> bool:
    return a == b or a in b or b in a or fuzz.ratio(a, b) >= SAME_AT


def readable(candidates: Sequence[Candidate], context: Sequence = ()) -> list[Candidate]:
    """The findings to list, in rank order (see the module docstring). ``context`` is the report's sentences
    in order, each a text or a (text, section, ...) tuple; a candidate's ``position`` indexes it."""
    made: list[Candidate] = []
    for c in candidates:
        text = clean(c.text)
        if not text or text.endswith(":") or (not c.improvement and not is_criticism(text)):
            continue  # a lead-in to a list ("... require improvement because:") says nothing on its own
        if not c.improvement and leans_back(text):
            before = _antecedent(c, context)
            if before:
                text = f"{before} {text}"
            elif CONTRAST.match(text) and not leans_back(CONTRAST.sub("", text)):
                rest = CONTRAST.sub("", text)  # "However, the authority is not yet ...": stands alone without it
                text = rest[:1].upper() + rest[1:]
            else:
                continue
        made.append(replace(c, text=text))
    order = sorted(range(len(made)), key=lambda i: (made[i].improvement, -salience(made[i]),
                                                    made[i].position if made[i].position is not None else i))
    kept: list[Candidate] = []
    keys: list[str] = []
    for i in order:
        c, key = made[i], normal(made[i].text)
        same = next((k for k, other in enumerate(keys) if _same(key, other)), None)
        if same is None:
            kept.append(c)
            keys.append(key)
        elif len(key) > len(keys[same]) and keys[same] in key:  # the fuller text, at the better rank
            kept[same] = replace(kept[same], text=c.text, severity=max(c.severity, kept[same].severity),
                                 weaknesses=tuple(dict.fromkeys(kept[same].weaknesses + c.weaknesses)))
            keys[same] = key
    # a finding whose words are nearly all in one ranked above it makes no new point: it goes down the list
    first: list[Candidate] = []
    later: list[Candidate] = []
    seen: list[set[str]] = []
    for c in kept:
        words = _words(normal(c.text))
        if any(len(words & o) >= SAME_POINT * len(words) for o in seen):
            later.append(c)
        else:
            first.append(c)
            seen.append(words)
    return [c for c in first if not c.improvement] + [c for c in later if not c.improvement] + \
        [c for c in first if c.improvement] + [c for c in later if c.improvement]


def _words(text: str) -> set[str]:
    return {w for w in text.split() if len(w) >= 4} - COMMON


COMMON = {"children", "child", "young", "people", "social", "worker", "workers", "their", "there", "which", "about",
          "after", "looked", "have", "been", "that", "this", "with", "some", "care", "from", "they", "were"}
