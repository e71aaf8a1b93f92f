"""My caseload (issue 21): a social worker's first page lists every child allocated to them on the data date, each
with what the case is and what is next due, most overdue first, with counts at the top; managers choose a worker
within their reach."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest
from django.urls import reverse

from casewatch.web.models import AuditEvent
from web.conftest import table_rows as _table


def _open(start, end, d: date) -> bool:
    return start <= d and (end is None or end > d)


def allocated_to(world, worker: str) -> set[str]:
    """Children with an allocation to ``worker`` open on the data date, counted straight from the table."""
    return {a["child_id"] for a in _table(world.db, "SELECT * FROM db.allocations")
            if a["worker_id"] == worker and _open(a["start_date"], a["end_date"], world.data_to)}


def test_social_worker_sees_every_child_allocated_to_them(world, as_role):
    page = as_role("social_worker").get(reverse("my_caseload"))
    assert page.status_code == 200
    want = allocated_to(world, world.worker)
    got = [c["child"] for c in page.context["children"]]
    assert sorted(got) == sorted(want) and len(got) == len(set(got)) and world.child in got
    html = page.content.decode()
    assert f"<strong class=\"govuk-!-font-size-36\" id=\"cw-children\">{len(want)}</strong>" in html
    for c in want:
        assert f'href="{reverse("child", args=[c])}"' in html  # each child links to their chronology
    assert "My caseload" in html


def test_next_due_per_child_most_overdue_first_in_words(world, as_role):
    children = as_role("social_worker").get(reverse("my_caseload")).context["children"]
    assert any(c["due"] for c in children)
    worst = [c["worst"] for c in children]
    due_first = [w for w in worst if w is not None]
    assert worst == due_first + [None] * (len(worst) - len(due_first)) and due_first == sorted(due_first, reverse=True)
    for c in children:
        assert len({d["list"] for d in c["due"]}) == len(c["due"])  # the next item per list, once
        for d in c["due"]:
            n = d["days_overdue"]
            assert d["when"] == ("due today" if n == 0 else f"overdue by {n} day" + ("s" if n != 1 else "") if n > 0
                                 else f"due in {-n} day" + ("s" if n != -1 else ""))
            assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", d["due"]), d["due"]
            assert d["title"] and d["title"] != d["list"]


def test_what_the_case_is_comes_from_the_open_records(world, as_role):
    children = {c["child"]: c["status"] for c in
                as_role("social_worker").get(reverse("my_caseload")).context["children"]}
    d = world.data_to
    care = {e["child_id"] for e in _table(world.db, "SELECT * FROM db.cla_episodes")
            if _open(e["decom"], e["dec"], d) and e["legal_status"] not in ("V3", "V4")}
    cp = {p["child_id"] for p in _table(world.db, "SELECT * FROM db.cp_plans")
          if _open(p["start_date"], p["end_date"], d)}
    cin = {p["child_id"] for p in _table(world.db, "SELECT * FROM db.cin_plans")
           if _open(p["start_date"], p["end_date"], d)}
    for child, status in children.items():
        expected = ("Child in care (" if child in care else "Child protection plan (" if child in cp
                    else "Child in need plan" if child in cin else "Open case")
        assert status.startswith(expected), (child, status)


def test_counts_at_the_top_equal_casewatch_lists_for_the_worker(world, as_role):
    """Overdue and due-in-7-days items on the caseload equal `casewatch lists --worker` (the rows of the children
    the worker holds), when every child allocated to the worker is held by them alone."""
    data = as_role("social_worker").get(reverse("my_caseload")).context
    run = subprocess.run([sys.executable, "-m", "casewatch.cli", "lists", "--db", str(world.db), "--worker",
                          world.worker, "--format", "json"], capture_output=True, text=True, check=True)
    rows = json.loads(run.stdout)
    mine = {c["child"] for c in data["children"]}
    assert {r["child"] for r in rows} <= mine
    assert data["overdue"] == sum(r["days_overdue"] > 0 for r in rows) > 0
    assert data["due_week"] == sum(-7 <= r["days_overdue"] <= 0 for r in rows)


def test_a_social_worker_cannot_open_another_workers_caseload(world, as_role):
    other = next(a["worker_id"] for a in _table(world.db, "SELECT * FROM db.allocations")
                 if a["worker_id"] != world.worker and _open(a["start_date"], a["end_date"], world.data_to))
    before = AuditEvent.objects.filter(action="denied_caseload").count()
    assert as_role("social_worker").get(reverse("my_caseload"), {"worker": other}).status_code == 403
    assert AuditEvent.objects.filter(action="denied_caseload").count() == before + 1


def _team_of(world) -> dict[str, str]:
    return {w["worker_id"]: w["team_id"] for w in _table(world.db, "SELECT * FROM db.workers")}


def test_team_manager_chooses_a_worker_of_their_teams(world, as_role):
    client = as_role("team_manager")
    chooser = client.get(reverse("my_caseload"))
    assert chooser.status_code == 200 and chooser.context["choose"]
    teams = _team_of(world)
    held = {a["worker_id"] for a in _table(world.db, "SELECT * FROM db.allocations")
            if _open(a["start_date"], a["end_date"], world.data_to)}
    assert {w["worker"] for w in chooser.context["workers"]} == {w for w in held if teams.get(w) == world.team}
    page = client.get(reverse("my_caseload"), {"worker": world.worker})
    assert page.status_code == 200
    assert sorted(c["child"] for c in page.context["children"]) == sorted(allocated_to(world, world.worker))
    outside = next(w for w in sorted(held) if teams.get(w) not in (world.team, None))
    assert client.get(reverse("my_caseload"), {"worker": outside}).status_code == 403
    assert as_role("head_of_service").get(reverse("my_caseload"), {"worker": outside}).status_code == 200


@pytest.mark.parametrize("role", ["social_worker", "team_manager"])
def test_opening_a_caseload_is_audited(world, as_role, role):
    before = AuditEvent.objects.filter(action="view_caseload", role=role).count()
    as_role(role).get(reverse("my_caseload"), {"worker": world.worker})
    assert AuditEvent.objects.filter(action="view_caseload", role=role).count() == before + 1
