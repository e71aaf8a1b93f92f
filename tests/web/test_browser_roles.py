"""Each role's Monday morning in a real browser (Debian's Chromium, Playwright, `casewatch serve --la 873`): the
page a role lands on after signing in answers its first questions, checked against figures worked out here
independently (the allocations table, `casewatch lists`), with axe-core on every page. Screenshots of each
role's first page: var/test-artifacts/roles/<role>-first-page.png.

- Social worker: lands on My caseload, which lists every child allocated to them on the data date, each with
  what is next due (or that nothing is).
- Team manager: lands on This week; the overdue and due-in-7-days totals equal `casewatch lists --team`.
- Head of service and analyst: land on the overview, which opens with what got worse, ranked, and compares
  with England and the statistical neighbours (the council's LA given to `serve`).
- Member: lands on the overview, where changes are said as better or worse, and no child or worker appears.
- Admin: lands on the overview and reaches the audit log.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import duckdb
import pytest

from web.browsing import check as _check
from web.browsing import chromium, serving, sign_in

FOLDER = "roles"


def _first_page(page, role: str) -> None:
    """The role's first page: screenshot, axe, and dates in the one format people read (31 March 2026, 31 Mar
    2026), never ISO or dd/mm/yyyy."""
    _check(page, f"{role}-first-page", FOLDER)
    main = page.locator("main").inner_text()
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b", main), role


@pytest.fixture(scope="module")
def server(world, tmp_path_factory):
    accounts = (("sw", "social_worker", ["--worker", world.worker]), ("tm", "team_manager", ["--team", world.team]),
                ("hos", "head_of_service", []), ("analyst", "analyst", []), ("member", "member", []),
                ("admin", "admin", []))
    with serving(world.db, tmp_path_factory.mktemp("roles"), accounts, ("--la", "873")) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _allocated_to(db, worker: str, on) -> set[str]:
    """Children allocated to ``worker`` on ``on``, straight from the allocations table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute(
            "SELECT DISTINCT child_id FROM allocations WHERE worker_id = ? AND start_date <= ? "
            "AND (end_date IS NULL OR end_date > ?)", [worker, on, on]).fetchall()}
    finally:
        con.close()


def _lists_cli(db, *args: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "casewatch.cli", "lists", "--db", str(db), "--format", "json",
                           *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_social_worker_lands_on_their_caseload_with_every_child_and_what_is_next_due(server, browser, world):
    ctx, page = sign_in(browser, server, "sw", landing="/caseload/", folder=FOLDER)
    _first_page(page, "social_worker")
    expected = _allocated_to(world.db, world.worker, world.data_to)
    assert expected, "the fixture's worker holds cases"
    rows = page.locator("#cw-children-table tbody tr[data-child]")
    shown = {rows.nth(i).get_attribute("data-child") for i in range(rows.count())}
    assert shown == expected
    assert page.locator("#cw-children").inner_text() == str(len(expected))
    for i in range(rows.count()):  # each child: a next due date in words, or that nothing is due
        text = rows.nth(i).inner_text()
        assert re.search(r"Due \d{1,2} [A-Z][a-z]{2} \d{4}|Nothing due", text), text
    overdue = [r for r in _lists_cli(world.db, "--worker", world.worker) if r["days_overdue"] > 0]
    assert page.locator("#cw-overdue").inner_text() == str(len(overdue))
    assert page.goto(f"{server}/this-week/").status == 403
    assert page.goto(f"{server}/children/{world.other_child}/").status == 403
    ctx.close()


def test_team_manager_lands_on_this_week_with_the_totals_casewatch_lists_gives(server, browser, world):
    ctx, page = sign_in(browser, server, "tm", landing="/this-week/", folder=FOLDER)
    _first_page(page, "team_manager")
    rows = _lists_cli(world.db, "--team", world.team)
    overdue = sum(1 for r in rows if r["days_overdue"] > 0)
    due_week = sum(1 for r in rows if -7 <= r["days_overdue"] <= 0)
    assert overdue > 0
    assert page.locator("#cw-total-overdue").inner_text() == str(overdue)
    assert page.locator("#cw-total-due-week").inner_text() == str(due_week)
    per_worker = {}
    for r in rows:
        if r["days_overdue"] > 0:
            per_worker[r["worker"]] = per_worker.get(r["worker"], 0) + 1
    cells = page.locator("#cw-week tbody tr[data-worker]")
    shown = {cells.nth(i).get_attribute("data-worker"): int(cells.nth(i).locator("[data-overdue]").inner_text())
             for i in range(cells.count())}
    assert {w: n for w, n in shown.items() if n} == per_worker
    page.click(f"#cw-week tbody tr[data-worker='{world.worker}'] a:text('caseload')")
    page.wait_for_url(re.compile(r"/caseload/\?worker="))
    _check(page, "team_manager-worker-caseload", FOLDER)
    ctx.close()


@pytest.mark.parametrize("role,user", [("head_of_service", "hos"), ("analyst", "analyst")])
def test_leaders_land_on_the_overview_opening_with_what_got_worse_against_neighbours(server, browser, world,
                                                                                     role, user):
    ctx, page = sign_in(browser, server, user, landing="/", folder=FOLDER)
    _first_page(page, role)
    worse = page.locator("#worse")
    assert worse.count() == 1, "the overview opens with what got worse"
    main = page.locator("main").inner_text()
    assert main.index("What got worse") < main.index("Headline indicators")
    assert worse.locator("svg[role=img]").count() >= 1  # each with its sparkline
    neighbours = page.locator("td[data-col=neighbours]").all_inner_texts()
    assert any(re.search(r"\d", t) for t in neighbours), neighbours  # compared as Cambridgeshire (873)
    assert re.search(r"England \(20\d\d\)", main)  # the year of the benchmark shown
    assert "statistical neighbours of Cambridgeshire (DfE local authority 873)" in main
    page.goto(f"{server}/indicators/")
    _check(page, f"{role}-indicators", FOLDER)
    ctx.close()


def test_member_lands_on_the_overview_in_words_with_no_child_or_worker(server, browser, world):
    ctx, page = sign_in(browser, server, "member", landing="/", folder=FOLDER)
    _first_page(page, "member")
    html = page.content()
    assert world.child not in html and world.worker not in html
    main = page.locator("main").inner_text()
    assert re.search(r"\b(better|worse)\b", main)
    assert "▲" not in main and "▼" not in main
    page.goto(f"{server}/reports/")
    _check(page, "member-reports", FOLDER)
    assert page.locator("a[href*='/reports/internal/']").count() == 0
    ctx.close()


def test_admin_lands_on_the_overview_and_reaches_the_audit_log(server, browser, world):
    ctx, page = sign_in(browser, server, "admin", landing="/", folder=FOLDER)
    _first_page(page, "admin")
    page.goto(f"{server}/audit/")
    _check(page, "admin-audit", FOLDER)
    assert "sw" in page.locator("main").inner_text()  # the social worker's caseload view was audited
    ctx.close()

