"""The language of inspection: which report sentences are critical, how severely, and which statements spin.

General sentiment lexicons score inspection prose wrongly ("too many children" has no negative word in them;
"requires improvement" reads as neutral; "a significant minority" as positive). These lists are Ofsted's own
phrasing, read off the corpus of ILACS and SIF reports. Negation is handled both ways: a negated strength is a
weakness ("not consistently effective", "not yet good"), a negated weakness is not ("no drift", "without
delay", "no longer too high").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# (pattern, severity 1-3). Severity 3: a failure of protection or leadership; 2: a weakness Ofsted would expect
# fixed; 1: a qualified or partial shortfall.
CRITICAL: list[tuple[str, int]] = [
    (r"inadequate", 3), (r"serious(?:ly)? (?:failures?|failings?|weakness(?:es)?|concerns?|deficits?)", 3),
    (r"widespread", 3), (r"unsafe", 3), (r"not (?:kept )?safe", 3), (r"(?:left|remain(?:ed)?) (?:living )?in "
     r"(?:situations|circumstances|households|homes) (?:of|where|that)", 3), (r"chronic neglect", 3),
    (r"significant (?:harm|weakness(?:es)?|shortfalls?|failings?|deficits?)", 3), (r"failings?", 3),
    (r"failed to", 3), (r"not protected", 3), (r"at (?:continued )?risk of (?:significant )?harm", 2),
    (r"requires? improvement", 2), (r"less than good", 2), (r"too (?:high|many|long|slow|late|few|variable|much)",
                                                                2),
    (r"(?:un|in)sustainable", 2), (r"not (?:been )?seen", 2), (r"not (?:always |consistently |routinely )?"
                                                                 r"(?:visited|seen)", 2),
    (r"(?:drift|delays?|delayed)", 2), (r"inconsisten(?:t|tly|cy|cies)", 2), (r"not (?:yet|always|all|sufficient"
                                                                              r"ly|consistently|routinely|"
                                                                              r"effectively|fully|well)", 2),
    (r"insufficient(?:ly)?", 2), (r"inappropriate(?:ly)?", 2), (r"lacks?\b|lack of", 2), (r"weak(?:ness(?:es)?)?",
                                                                                         2),
    (r"poor(?:ly)?", 2), (r"deteriorat\w*", 2), (r"declined?", 2), (r"variable", 2), (r"ineffective", 2),
    (r"(?:do|does|did|have|has|had|are|is|were|was) not", 2), (r"(?:don|doesn|haven|hasn|aren|isn|weren|wasn)[’']t",
                                                                2),
    (r"unable to", 2), (r"(?:caseloads?|workloads?|turnover|vacanc\w+|sickness|agency (?:use|staff))[^.]{0,30}?"
                        r"(?:remains?|remained|are|is|were|was) (?:too |very |much )?high", 1),
    (r"much higher caseloads?|caseloads? (?:are|were|remain) much higher", 2),
    (r"(?:failed|failing) (?:by|children|families|young people)|continu\w* to (?:be )?fail\w*", 3),
    (r"too low", 2), (r"lost contact", 3), (r"less evident", 2), (r"missed opportunit\w+", 2),
    (r"hamper\w*", 2), (r"compromised", 2), (r"gaps?\b", 2), (r"shortfalls?", 2), (r"(?:un|under)(?:-| )?(?:developed|used)", 1),
    (r"limited", 1), (r"minority", 1), (r"needs? (?:to|further)", 1), (r"needs? strengthening", 1),
    (r"wait(?:s|ed|ing)? (?:too )?long", 2), (r"turnover", 1), (r"changes? (?:of|in) (?:social )?workers?", 1),
    (r"high caseloads?", 2), (r"caseloads? (?:are|is|remain) high", 2), (r"vacanc(?:y|ies)", 1),
    (r"reliance on agency", 1), (r"backlogs?", 2), (r"overdue", 2), (r"out of date", 2), (r"superficial", 2),
    (r"lack(?:ing|s)? (?:of )?(?:rigour|clarity|focus|curiosity|challenge)", 2), (r"not (?:robust|effective|timely|"
                                                                                r"clear|good enough)", 2),
    (r"slow(?:er|ly)? (?:to|progress)", 2), (r"only (?:a few|some|partially)", 1), (r"fewer than", 1),
    (r"some children", 1), (r"unregistered", 2), (r"repeat(?:ed)? referrals?", 2),
    (r"significant (?:number|minority|proportion)", 2), (r"(?:could|can|would|will|did)\s*not|cannot|"
                                                        r"(?:can|could|would|won)[’']t", 2),
    (r"without (?:full |proper |sufficient |adequate |timely )?(?:consideration|involvement|oversight|scrutiny|"
     r"challenge|assessment|review)", 2), (r"longer than (?:they|it|he|she|was) (?:should|needed|necessary)",
                                                     2), (r"are not yet", 2), (r"yet to", 1), (r"(?:should|must) (?:be )?(?:improve|strengthen)",
                                                                  1),
]
# strengths: used for the polarity of a sentence, and as weaknesses when negated
STRENGTH = (r"good|outstanding|strong(?:ly)?|strengths?|effective(?:ly)?|robust|timely|consistent(?:ly)?|"
            r"appropriate(?:ly)?|(?<!as )well(?! as)|improv(?:ed|ing|ements?)|clear|safe|secure|stable|thorough|high[- ]quality|exemplary|"
            r"prompt(?:ly)?|swift(?:ly)?|sustained|positive|excellent|impressive|skilled|committed|"
            r"manageable|regularly|responsive|comprehensive|child[- ]cent(?:red|ered)|benefit|thriv\w*|progress|"
            r"proud|praised?|celebrat\w*|confiden\w+|exceptional|creative|ambitious|aspirational|caring|"
            r"well[- ]supported|helpful|sensitive|purposeful|tenacious|persistent|effective")
NEGATOR = r"(?:not|no|never|nor|without|hardly|neither|insufficiently|in(?:suf|ef)ficient)"
# a negator before a weakness cancels it: "no drift", "without delay", "not too high", "no longer ..."
CANCELS = re.compile(rf"\b(?:{NEGATOR}|no longer|free (?:of|from)|avoid(?:s|ing|ed)?|prevent(?:s|ing|ed)?|"
                     rf"reduc(?:e|es|ed|ing)|minimis(?:e|es|ed|ing)|address(?:es|ed|ing)?|tackl(?:e|es|ed|ing))"
                     rf"(?:\s+\w+){{0,2}}\s*$", re.I)
NEGATED_STRENGTH = re.compile(rf"\b{NEGATOR}\s+(?:\w+\s+){{0,2}}?(?:{STRENGTH})\b", re.I)
POSITIVE = re.compile(rf"\b(?:{STRENGTH})\b", re.I)
# framings of the inspection as a whole, and of a service, that only a good (or better) judgement supports
SPIN = re.compile(r"vote of confidence|ringing endorsement|glowing|resounding|very positive|extremely positive|"
                  r"hugely positive|overwhelmingly positive|positive (?:report|inspection|outcome|news)|great news|"
                  r"(?:strong|excellent|significant|real|good) progress(?=[^.]{0,60}\b(?:services?|since the "
                  r"last|since 20\d\d|as a whole|overall|across)\b)|strength to strength|"
                  r"strong foundations?|testament to|"
                  r"high praise|is (?:now )?a strength|services? (?:are|is) (?:now )?(?:strong|good|"
                  r"excellent|effective)|(?:strong|excellent|effective|good) services?|well[- ]led|"
                  r"children (?:are|remain) (?:safe|well protected)", re.I)
_CRITICAL = [(re.compile(rf"\b(?:{p})\b", re.I), s) for p, s in CRITICAL]


@dataclass(frozen=True)
class Tone:
    severity: int  # 0 = not critical; else the most severe weakness found
    weaknesses: tuple[str, ...]  # the phrases that made it critical
    strengths: int  # strength words not negated


@lru_cache(maxsize=16384)  # the same sentence is weighed for ranking, criticism and polarity
def tone(sentence: str) -> Tone:
    """How critical a sentence is, with its weaknesses, and how many strengths it names."""
    found: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for pattern, severity in _CRITICAL:
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b for a, b in spans):
                continue
            if not m.group(0).lower().startswith(("not", "no ")) and CANCELS.search(sentence[:m.start()]):
                continue
            found.append((m.group(0), severity))
            spans.append(m.span())
    for m in NEGATED_STRENGTH.finditer(sentence):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in spans):
            found.append((m.group(0), 2))
            spans.append(m.span())
    strengths = sum(1 for m in POSITIVE.finditer(sentence) if not any(a <= m.start() < b for a, b in spans))
    return Tone(max((s for _, s in found), default=0), tuple(w for w, _ in found), strengths)


def polarity(sentence: str) -> int:
    """+1 a sentence that praises, -1 one that criticises, 0 neither or balanced."""
    t = tone(sentence)
    weight = sum(2 if len(w.split()) > 1 else 1 for w in t.weaknesses)
    if weight > t.strengths:
        return -1
    if t.strengths > weight:
        return 1
    return 0


def spin(sentence: str) -> str | None:
    """The positive framing a sentence puts on the inspection or a service, if any ("a vote of confidence")."""
    m = SPIN.search(sentence)
    return m.group(0) if m else None
