"""Words, not codes, on the pages a person reads: a child's chronology and the action lists. The codes a child
really has are read from the database and their words (casewatch.words) must be on the page; no date is written
as 2026-04-07 or 30/01/2026."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from casewatch import words
from casewatch.lists.run import LISTS
from casewatch.measures.scope import attach

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SLASHED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
# what the chronology used to show: "need N4", "legal status C2; placement U6", "category PHY"
BARE = re.compile(r"\b(need|legal status|placement|category|reason|participation|source|outcome):? "
                  r"(N\d|[A-Z]\d|PN\d|NEG|PHY|SAB|EMO|MUL|[SLPTBU]|E\d+[AB]?|X1|RC\d|\d[A-F]?|nfa|icpc|cin)\b")


def _text(response) -> str:
    """What a person reads: the page's text without tags or attributes, entities decoded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _codes(db, child: str) -> dict[str, set]:
    """The child's coded values, by the model's table.column."""
    con = attach(str(db))
    try:
        got = {}
        for column in ("referrals.source", "referrals.primary_need", "referrals.closure_reason",
                       "cp_plans.initial_category", "cla_episodes.rne", "cla_episodes.legal_status",
                       "cla_episodes.place", "cla_episodes.rec", "cla_reviews.participation", "visits.kind",
                       "children.sex", "children.ethnicity"):
            table, col = column.split(".")
            rows = con.execute(f"SELECT DISTINCT {col} FROM db.{table} WHERE child_id = $c AND {col} IS NOT NULL",
                               {"c": child}).fetchall()
            got[column] = {r[0] for r in rows}
        return got
    finally:
        con.close()


def _child_in_care(db) -> str:
    con = attach(str(db))
    try:
        return con.execute("""SELECT e.child_id FROM db.cla_episodes e JOIN db.referrals r USING (child_id)
            WHERE e.dec IS NOT NULL ORDER BY e.child_id LIMIT 1""").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("which", ["world", "in_care"])
def test_the_chronology_reads_in_words(world, as_role, which):
    child = world.child if which == "world" else _child_in_care(world.db)
    response = as_role("analyst").get(reverse("child", args=[child]))
    assert response.status_code == 200
    text = _text(response)
    codes = _codes(world.db, child)
    shown = 0
    for column, values in codes.items():
        for code in values:
            assert words.label(column, code) != code, f"{column} {code} has no words"
            assert words.label(column, code) in text, f"{column} {code}: '{words.label(column, code)}' not shown"
            shown += 1
    assert shown >= 4  # sex, ethnicity and at least a referral and a visit
    if which == "in_care":
        assert codes["cla_episodes.legal_status"]
        for code in codes["cla_episodes.legal_status"]:  # analysts keep the code, after the words
            assert words.label_code("cla_episodes.legal_status", code) in text
    assert not BARE.findall(text), BARE.findall(text)[:5]
    assert not ISO.findall(text) and not SLASHED.findall(text), (ISO.findall(text) + SLASHED.findall(text))[:5]
    assert re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b", text)  # table cells


def test_the_action_lists_show_titles_and_dates_in_words(as_role):
    response = as_role("analyst").get(reverse("lists"))
    assert response.status_code == 200
    text = _text(response)
    rows = response.context["rows"]
    assert rows
    for a in LISTS.values():
        assert a.title in text  # in the list filter, whether or not the list has rows
    for r in rows:
        assert LISTS[r["list"]].title in text and words.day_short(r["due_date"]) in text
    names_as_cells = [n for n in LISTS if f" {n} " in f" {text} " and "_" in n]
    assert not names_as_cells, names_as_cells  # no cla_visits, sw_changes, missing_rhi in the page's text
    assert not ISO.findall(text) and not SLASHED.findall(text), (ISO.findall(text) + SLASHED.findall(text))[:5]


def test_the_template_filters_are_casewatch_words(world):
    from datetime import date

    from django.template import Context, Template

    page = Template('{% load casewatch_words %}{{ d|day }} | {{ d|day_short }} | '
                    '{{ c|label:"cla_episodes.legal_status" }} | {{ n|list_title }}')
    text = page.render(Context({"d": date(2026, 4, 7), "c": "C2", "n": "cla_visits"}))
    assert text == "7 April 2026 | 7 Apr 2026 | Full care order | Children in care: visit due"
