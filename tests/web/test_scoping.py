"""What each role sees inside the pages it may open."""

from __future__ import annotations

from django.urls import reverse

from casewatch.disclosure import SUPPRESSED


def test_team_manager_sees_only_own_teams_rows(world, as_role):
    rows = as_role("team_manager").get(reverse("lists")).context["rows"]
    assert rows and {r["team"] for r in rows} == {world.team}
    everyone = as_role("analyst").get(reverse("lists")).context["rows"]
    assert len({r["team"] for r in everyone}) > 1


def test_team_manager_cannot_widen_scope_with_filters(world, as_role):
    other = next(r["team"] for r in as_role("analyst").get(reverse("lists")).context["rows"] if r["team"] != world.team)
    rows = as_role("team_manager").get(reverse("lists"), {"team": other}).context["rows"]
    assert rows == []
    csv = as_role("team_manager").get(reverse("lists_csv"), {"team": other}).content.decode()
    assert csv.strip().splitlines() == ["list,child,team,worker,what,due_date,days_overdue,rule,basis"]


def test_team_manager_child_pages(world, as_role):
    client = as_role("team_manager")
    assert client.get(reverse("child", args=[world.child])).status_code == 200
    assert client.get(reverse("child", args=[world.other_child])).status_code == 403


def test_social_worker_sees_only_own_caseload(world, as_role):
    client = as_role("social_worker")
    rows = client.get(reverse("lists")).context["rows"]
    assert all(r["worker"] == world.worker for r in rows)
    assert client.get(reverse("child", args=[world.child])).status_code == 200
    assert client.get(reverse("child", args=[world.other_child])).status_code == 403
    workers = client.get(reverse("teams")).context["workers"]
    assert [w["worker"] for w in workers] in ([world.worker], [])


def test_team_manager_sees_own_teams_workers_only(world, as_role):
    workers = as_role("team_manager").get(reverse("teams")).context["workers"]
    assert workers and {w["team"] for w in workers} == {world.team}


def test_member_never_gets_child_level_pages(world, as_role):
    client = as_role("member")
    for url in (reverse("child", args=[world.child]), reverse("lists"), reverse("lists_csv"), reverse("teams")):
        assert client.get(url).status_code == 403


def _published(value) -> bool:
    return value is None or value == SUPPRESSED or (isinstance(value, int | float) and not 1 <= value <= 4)


def test_member_sees_disclosure_controlled_overview(world, as_role):
    member = as_role("member").get(reverse("overview")).context["rows"]
    internal = {r["id"]: r for r in as_role("analyst").get(reverse("overview")).context["rows"]}
    assert member
    for r in member:
        if r["unit"] == "count":
            for v in (r["value"], r["previous"]):
                assert _published(v), r
                assert v in (None, SUPPRESSED) or v % 5 == 0, r
            if isinstance(internal[r["id"]]["value"], int) and 1 <= internal[r["id"]]["value"] <= 4:
                assert r["value"] == SUPPRESSED


def test_member_indicator_page_has_no_team_table(world, as_role):
    member = as_role("member").get(reverse("indicator", args=[world.indicator])).context
    assert member["teams"] == []
    assert all(_published(p["value"]) for p in member["periods"])
    assert as_role("analyst").get(reverse("indicator", args=[world.indicator])).context["teams"]


def test_unknown_indicator_is_404(world, as_role):
    assert as_role("analyst").get(reverse("indicator", args=["no_such_thing"])).status_code == 404
