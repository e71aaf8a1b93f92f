"""The action lists say what is overdue and what is due soon, in words (issue 21)."""

from __future__ import annotations

import csv
import io
import re

from django.urls import reverse


def test_counts_at_the_top_equal_the_exported_rows(world, as_role):
    client = as_role("team_manager")
    html = client.get(reverse("lists")).content.decode()
    exported = list(csv.DictReader(io.StringIO(client.get(reverse("lists_csv")).content.decode())))
    days = [int(r["days_overdue"]) for r in exported]
    m = re.search(r"<strong>(\d+)</strong> overdue and <strong>(\d+)</strong> due in the next 7 days, of (\d+) "
                  r"action", html)
    assert m, html[:2000]
    assert (int(m[1]), int(m[2]), int(m[3])) == (sum(d > 0 for d in days), sum(-7 <= d <= 0 for d in days),
                                                 len(days))
    assert int(m[1]) > 0


def test_rows_say_when_in_words_and_dates_are_read_as_dates(world, as_role):
    rows = as_role("analyst").get(reverse("lists")).context["rows"]
    for r in rows:
        n = r["days_overdue"]
        assert r["when"] == ("due today" if n == 0 else f"overdue by {n} day" + ("s" if n != 1 else "") if n > 0
                             else f"due in {-n} day" + ("s" if n != -1 else ""))
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", r["due"]), r["due"]
    assert not any("-" in r["when"] for r in rows)


def test_teams_say_how_many_case_holders_are_over_the_cap(world, as_role):
    """Not a percentage beside the load per FTE (issue 21: 23.5 per FTE against a cap of 20 read "100.0%"): the
    number of case holders over their own cap, of the team's case holders, equal to the workers table."""
    page = as_role("analyst").get(reverse("teams"))
    teams, workers = page.context["teams"], page.context["workers"]
    assert "Case holders over the cap" in page.content.decode() and "% over cap" not in page.content.decode()
    for t in teams:
        mine = [w for w in workers if w["team"] == t["team"] or (t["team"] == "no team" and not w["team"])]
        assert t["workers_over_cap"] == sum(bool(w["over_cap"]) for w in mine), t["team"]
        assert t["holders"] == len(mine)
        assert f"{t['workers_over_cap']} of {t['holders']}" in page.content.decode()
