"""Word diffs of altered quotes: right at the start, middle and end of a quote (issue 20)."""

from __future__ import annotations

import pytest

from casewatch.scrutiny.quotes import ReportText, diff_words

SENTENCE = "Most children are seen regularly by their social workers, who know them well."


@pytest.mark.parametrize(("quote", "diff"), [
    # a change at the start: the report's word is shown removed, not hidden
    ("all children are seen regularly", [("removed", "most"), ("added", "all"), ("same", "children are seen regularly")]),
    # in the middle
    ("most children are seen rarely by their social workers",
     [("same", "most children are seen"), ("removed", "regularly"), ("added", "rarely"),
      ("same", "by their social workers")]),
    # at the end
    ("social workers, who know them fully",
     [("same", "social workers who know them"), ("removed", "well"), ("added", "fully")]),
    # a report word dropped inside the quote
    ("children are seen by their social workers",
     [("same", "children are seen"), ("removed", "regularly"), ("same", "by their social workers")]),
    # a word put in
    ("most children are always seen regularly",
     [("same", "most children are"), ("added", "always"), ("same", "seen regularly")]),
    # two words for one
    ("most children are seen every week by their social workers",
     [("same", "most children are seen"), ("removed", "regularly"), ("added", "every week"),
      ("same", "by their social workers")]),
])
def test_diff_against_the_whole_sentence(quote, diff):
    assert diff_words(SENTENCE, quote) == diff


def test_case_and_punctuation_are_not_changes():
    assert diff_words(SENTENCE, "MOST children, are seen regularly; by their social workers!") == [
        ("same", "most children are seen regularly by their social workers")]
    assert diff_words("Children’s ‘multi-agency’ work", "children's multiagency work!") == [
        ("same", "children s multiagency work")]
    assert not [op for op, _ in diff_words(SENTENCE, "Most Children Are Seen Regularly.") if op != "same"]


def test_the_report_words_around_a_shorter_quote_are_not_changes():
    assert diff_words(SENTENCE, "are seen regularly") == [("same", "are seen regularly")]


@pytest.mark.parametrize(("quote", "removed", "added"), [
    ("All children are seen regularly by their social workers", ["most"], ["all"]),
    ("Most children are seen regularly by their social workers, who know them", [], []),
    ("Most children are seen by their social workers, who know them well", ["regularly"], []),
    ("Most children are seen regularly by their social workers, who know them brilliantly", ["well"],
     ["brilliantly"]),
])
def test_checked_quotes_show_every_change(quote, removed, added):
    got = ReportText(["Caseloads are manageable.", SENTENCE, "Leaders know their services well."]).check(quote)
    if not removed and not added:
        assert got.status == "verbatim"
        return
    assert got.status == "altered" and got.report_text == SENTENCE
    assert [w for op, w in got.diff if op == "removed"] == removed
    assert [w for op, w in got.diff if op == "added"] == added
