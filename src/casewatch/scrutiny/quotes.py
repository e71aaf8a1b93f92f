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
        window = _window(" ".join(parts), self.normal[index])
        return QuoteCheck(quote, "altered", self.sentences[index], diff_words(window, " ".join(parts)),
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


def _window(quote: str, sentence: str) -> str:
    """The run of the sentence's words that lines up with the quote."""
    align = fuzz.partial_ratio_alignment(quote, sentence)
    start, end = align.dest_start, align.dest_end
    while start > 0 and sentence[start - 1] != " ":
        start -= 1
    while end < len(sentence) and sentence[end] != " ":
        end += 1
    return sentence[start:end].strip()


def diff_words(report: str, quote: str) -> list[tuple[str, str]]:
    """Word-level diff from the report's wording to the quote's."""
    a, b = report.split(), quote.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    # trim report words outside the quote's reach at either end (the window is whole words, the quote may not be)
    while out and out[0][0] == "removed":
        out.pop(0)
    while out and out[-1][0] == "removed":
        out.pop()
    return out
