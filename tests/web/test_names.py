"""Workers and teams by name where a person reads them: the teams page and the balancer show 'Amina Khan' (the id
small beside it) and team names, never a team code where the database has the team's name."""

from __future__ import annotations

import re

from django.urls import reverse

from casewatch.measures.scope import attach
from web.test_balancer_page import _run, _served_plan


def _names(world) -> tuple[dict[str, str], dict[str, str]]:
    con = attach(str(world.db))
    try:
        return (dict(con.execute("SELECT worker_id, name FROM db.workers").fetchall()),
                dict(con.execute("SELECT team_id, name FROM db.teams").fetchall()))
    finally:
        con.close()


def _cells(html: str, caption: str) -> list[list[str]]:
    """The text of each body row's cells in the table with that caption."""
    table = html[html.index(caption):]
    body = table[table.index("<tbody"):table.index("</tbody>")]
    return [[re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip()
             for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_the_team_manager_reads_their_workers_by_name(world, as_role):
    workers, teams = _names(world)
    response = as_role("team_manager").get(reverse("teams"))
    html = response.content.decode()
    shown = response.context["workers"]
    assert shown and {w["team"] for w in shown} == {world.team}
    rows = _cells(html, "Workers you may see")
    assert len(rows) == len(shown)
    for w, cells in zip(shown, rows, strict=True):
        assert workers[w["worker"]]  # every synthetic worker has a name
        assert w["worker_name"] == workers[w["worker"]]
        # "Amina Khan SW0010000029" (ASYE or not): the name first, the id beside it
        assert cells[0].startswith(f"{workers[w['worker']]} {w['worker']}"), cells[0]
        assert cells[1] == teams[world.team]
    for team_id in teams:  # team names, no team codes anywhere a person reads
        assert team_id not in html, team_id
    assert teams[world.team] in html


def test_the_balancer_names_workers_and_teams(world, as_role):
    workers, teams = _names(world)
    html = _run(as_role("head_of_service"))
    plan = _served_plan(world)
    moves = _cells(html, "Proposed moves you may see")
    if plan["moves"]:
        assert len(moves) == len(plan["moves"])
        for m, cells in zip(plan["moves"], moves, strict=True):
            assert cells[2] == (f"{workers[m['from']]} {m['from']}" if m["from"] in workers else "unallocated")
            assert cells[3] == f"{workers[m['to']]} {m['to']}"
    changed = _cells(html, "Workers whose caseload changes or who are over their cap")
    assert changed and changed[0][0] != "No worker in your view changes."
    for cells in changed:
        worker = cells[0].split(" (ASYE)")[0].rsplit(" ", 1)[1]
        assert cells[0].startswith(f"{workers[worker]} {worker}")
        assert cells[1] in teams.values()
    for team_id in teams:
        assert team_id not in html
