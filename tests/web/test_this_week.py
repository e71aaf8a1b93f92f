"""This week (issue 21): a team manager's first page, per worker of their teams: overdue and due in the next 7
days. The figures equal the planted truth (the generator's own overdue children, synth/overdue.py) and
`casewatch lists`; the totals equal the action lists page's."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from datetime import date

import pytest
from django.urls import reverse

from conftest import read_truth
from web.conftest import table_rows as _table


def holders(world) -> dict[str, tuple[str, str]]:
    """Child -> (worker, team) holding the case on the data date, in plain Python: of the allocations open that
    day, the one that started last; its team, else the worker's."""
    d = world.data_to
    team_of = {w["worker_id"]: w["team_id"] for w in _table(world.db, "SELECT * FROM db.workers")}
    latest: dict[str, dict] = {}
    for a in _table(world.db, "SELECT * FROM db.allocations"):
        now = a["start_date"] <= d and (a["end_date"] is None or a["end_date"] > d)
        if now and (a["child_id"] not in latest or a["start_date"] > latest[a["child_id"]]["start_date"]):
            latest[a["child_id"]] = a
    return {c: (a["worker_id"], a["team_id"] or team_of.get(a["worker_id"])) for c, a in latest.items()}


def _cli_rows(world) -> list[dict]:
    """`casewatch lists --team` for the team manager's team, as JSON."""
    run = subprocess.run([sys.executable, "-m", "casewatch.cli", "lists", "--db", str(world.db), "--team", world.team,
                          "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def _page(as_role, role: str):
    response = as_role(role).get(reverse("this_week"))
    assert response.status_code == 200
    return response


def test_overdue_children_per_worker_equal_the_planted_truth(councils, world, as_role):
    out, _ = councils.loaded(size="tiny", seed=1)
    truth = read_truth(out)
    assert date.fromisoformat(truth["period_ends"][-1]) == world.data_to
    held = holders(world)
    want: dict[str, set] = defaultdict(set)
    for children in truth["councils"]["X01"]["overdue"].values():
        for child in children:
            worker, team = held.get(child, ("unallocated", "unallocated"))
            if team == world.team:
                want[worker].add(child)
    page = _page(as_role, "team_manager")
    got = {w["worker"]: w["children_overdue"] for w in page.context["workers"] if w["children_overdue"]}
    assert got == {w: len(c) for w, c in want.items()}
    assert sum(got.values()) > 5  # a test that can fail
    assert page.context["children_overdue"] == sum(len(c) for c in want.values())


def test_figures_per_worker_equal_casewatch_lists(world, as_role):
    rows = _cli_rows(world)
    assert rows and {r["team"] for r in rows} == {world.team}
    overdue, due = defaultdict(int), defaultdict(int)
    for r in rows:
        overdue[r["worker"]] += r["days_overdue"] > 0
        due[r["worker"]] += -7 <= r["days_overdue"] <= 0
    page = _page(as_role, "team_manager")
    workers = page.context["workers"]
    assert {w["worker"]: (w["overdue"], w["due_week"]) for w in workers if w["overdue"] or w["due_week"]} == \
        {k: (overdue[k], due[k]) for k in set(overdue) | set(due) if overdue[k] or due[k]}
    assert page.context["overdue"] == sum(overdue.values()) > 0
    assert page.context["due_week"] == sum(due.values())
    held = holders(world)
    for w in workers:  # every worker of the team holding a case is there, with the children they hold
        assert w["children"] == sum(1 for wk, _ in held.values() if wk == w["worker"])
    assert {w["worker"] for w in workers} >= {wk for wk, tm in held.values() if tm == world.team}


@pytest.mark.parametrize("role", ["team_manager", "head_of_service"])
def test_totals_equal_the_action_lists_page(world, as_role, role):
    week = _page(as_role, role)
    lists = as_role(role).get(reverse("lists")).context
    assert (week.context["overdue"], week.context["due_week"]) == (lists["overdue"], lists["due_week"])
    html = week.content.decode()
    assert re.search(rf'id="cw-total-overdue"><strong>{lists["overdue"]}</strong>', html)
    assert f"<strong>{lists['overdue']}</strong> overdue" in html


def test_each_worker_links_to_their_list_and_caseload_and_days_read_as_words(world, as_role):
    page = _page(as_role, "team_manager")
    html = page.content.decode()
    for w in page.context["workers"]:
        assert f'href="{reverse("lists")}?worker={w["worker"]}"' in html
        assert f'href="{reverse("my_caseload")}?worker={w["worker"]}"' in html
        for r in w["items"]:
            assert r["when"] in ("due today", *(f"due in {n} day" + ("s" if n > 1 else "") for n in range(1, 8)))
    assert any(w["items"] for w in page.context["workers"])
    assert not re.search(r">\s*-\d+\s*<", html)  # no negative numbers of days

