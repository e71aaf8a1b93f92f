"""Is a quotation in the report? Verbatim, altered (with a word-level diff), or not in the report.

Compared as words: case, punctuation, quote marks, line-end hyphenation and spacing are not alterations
("multi-agency" = "multiagency"); an ellipsis (… or ...) stands for words left out and may match any run of
them. Anything else (a word changed, dropped or added) is.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

ALTERED_AT = 75  # rapidfuzz partial_ratio (0-100) of the quote against its best report sentence, tuned on the
# development set (docs/scrutiny.md): its altered quotes score 84-98, its quotes not in the report 56-65


@dataclass(frozen=True)
class QuoteCheck:
    text: str
    status: str  # verbatim | altered | not_in_report
    report_text: str | None  # the report's words where it is verbatim or altered
    diff: list[tuple[str, str]]  # (op, words): op is "same", "removed" (the report's) or "added" (the quote's)
    score: float


def normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\w)-\s*(?=\w)", "", text)  # multi-agency, multi- agency -> multiagency
    text = re.sub(r"[^\w\s]|_", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class ReportText:
    """The report's sentences, normalised once, for checking any number of quotes."""

    def __init__(self, sentences: list[str]):
        self.sentences = sentences
        self.normal = [normal(s) for s in sentences]
        self.joined = " " + " ".join(self.normal) + " "

    def check(self, quote: str) -> QuoteCheck:
        parts = [normal(p) for p in re.split(r"\.\.\.|…", quote)]
        parts = [p for p in parts if p]
        if not parts:
            return QuoteCheck(quote, "not_in_report", None, [], 0.0)
        where = self._verbatim(parts)
        if where is not None:
            return QuoteCheck(quote, "verbatim", self.sentences[where], [("same", " ".join(parts))], 100.0)
        best = process.extractOne(" ".join(parts), self.normal, scorer=fuzz.partial_ratio)
        if best is None or best[1] < ALTERED_AT:
            return QuoteCheck(quote, "not_in_report", None, [], float(best[1]) if best else 0.0)
        index = best[2]
        return QuoteCheck(quote, "altered", self.sentences[index], diff_words(self.normal[index], " ".join(parts)),
                          float(best[1]))

    def _verbatim(self, parts: list[str]) -> int | None:
        """The sentence holding the quote word for word (the parts of an elided quote in order), if any."""
        pattern = re.compile(r"\s" + r"\s(?:\S+\s)*?".join(re.escape(p) for p in parts) + r"\s")
        m = pattern.search(self.joined)
        if m is None:
            return None
        offset, start = 1, m.start() + 1
        for i, s in enumerate(self.normal):
            if offset <= start < offset + len(s) + 1:
                return i
            offset += len(s) + 1
        return len(self.normal) - 1


def diff_words(report: str, quote: str) -> list[tuple[str, str]]:
    """Word-level diff from the report's wording to the quote's: the two are aligned as word tokens
    (``difflib.SequenceMatcher``), compared after ``normal`` (case and punctuation are not changes).

    ``report`` may be the whole report sentence: its words before the quote's first and after its last are
    outside the quote and left out, but a report word the quote replaces at either end is shown (the report's
    "Most" quoted as "all": removed "most", added "all"), and a report word dropped inside the quote is never
    hidden.
    """
    a, b = normal(report).split(), normal(quote).split()
    codes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    if codes and codes[0][0] == "delete":  # the sentence runs on before the quote begins
        codes = codes[1:]
    if codes and codes[-1][0] == "delete":  # and after it ends
        codes = codes[:-1]
    out: list[tuple[str, str]] = []
    for n, (op, i1, i2, j1, j2) in enumerate(codes):
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if op == "replace" and len(codes) > 1:
            # at an end, only as many report words as the quote put in their place are the quote's (the rest
            # of the sentence runs on beyond it)
            if n == 0:
                i1 = max(i1, i2 - (j2 - j1))
            elif n == len(codes) - 1:
                i2 = min(i2, i1 + (j2 - j1))
        if i2 > i1:
            out.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out
