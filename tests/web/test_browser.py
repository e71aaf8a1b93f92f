"""The dashboard in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser), against
`casewatch serve` in a subprocess on loopback. A team manager signs in, sees only their own teams, opens a
child's chronology, exports a list and the admin finds both in the audit log; a member cannot reach any child
page. An admin visits every page an analyst or admin can reach, with the app's Content-Security-Policy enforced
(no violation reported), and filters and pages the action lists, which htmx updates in place without a full
navigation. axe-core runs on every page visited: no serious or critical violations. Screenshots of each page are
kept in var/test-artifacts/browser/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from web.browsing import ARTIFACTS, PASSWORD, chromium, serving, sign_in
from web.browsing import check as _check

SHOTS = ARTIFACTS / "browser"


@pytest.fixture(scope="module")
def server(world, tmp_path_factory):
    accounts = (("tm", "team_manager", ["--team", world.team]), ("member", "member", []), ("admin", "admin", []))
    with serving(world.db, tmp_path_factory.mktemp("serve"), accounts) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _team_name(world) -> str:
    """The team's name as the lists show it (its id only where it has no name)."""
    import duckdb

    con = duckdb.connect(str(world.db), read_only=True)
    try:
        return con.execute("SELECT coalesce(name, team_id) FROM teams WHERE team_id = ?", [world.team]).fetchone()[0]
    finally:
        con.close()


def _sign_in(browser, base: str, user: str):
    return sign_in(browser, base, user, landing=None)


def test_team_manager_sees_own_teams_opens_a_chronology_exports_and_is_audited(server, browser, world):
    ctx, page = _sign_in(browser, server, "tm")
    _check(page, "team_manager-overview")
    page.goto(f"{server}/indicators/{world.indicator}/")
    _check(page, "team_manager-indicator")
    page.goto(f"{server}/teams/")
    _check(page, "team_manager-teams")
    page.goto(f"{server}/lists/")
    _check(page, "team_manager-lists")
    teams = set(page.locator("table tbody tr td:nth-child(3)").all_inner_texts())
    assert teams <= {_team_name(world), "unallocated"} or not teams, teams
    page.goto(f"{server}/children/{world.child}/")
    assert page.locator("h1").inner_text()
    _check(page, "team_manager-child")
    with page.expect_download() as dl:
        page.goto(f"{server}/lists/")
        page.click("text=as CSV")
    assert dl.value.suggested_filename.endswith(".csv")
    assert page.goto(f"{server}/children/{world.other_child}/").status == 403
    assert page.goto(f"{server}/audit/").status == 403
    ctx.close()

    ctx, page = _sign_in(browser, server, "admin")
    page.goto(f"{server}/audit/")
    _check(page, "admin-audit")
    text = page.locator("main").inner_text()
    assert "tm" in text and world.child in text and "export" in text.lower()
    ctx.close()


def test_a_member_reaches_no_child_page(server, browser, world):
    ctx, page = _sign_in(browser, server, "member")
    _check(page, "member-overview")
    for path in (f"/children/{world.child}/", "/lists/", "/lists/export.csv", "/teams/", "/audit/"):
        response = page.goto(f"{server}{path}")
        assert response.status == 403, path
    _check(page, "member-forbidden")
    assert world.child not in page.content()
    ctx.close()


# Reported from inside the page: a CSP violation raises securitypolicyviolation on the document.
WATCH_CSP = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
             "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def _check_under_csp(page, name: str) -> None:
    """As _check, with the page's own CSP in force: axe-core is loaded from the app's static files (as 'self'
    allows) and the page must have reported no CSP violation."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.add_script_tag(url="/static/vendor/axe.min.js")
    found = page.evaluate("async () => (await axe.run()).violations"
                          ".filter(v => ['serious', 'critical'].includes(v.impact))"
                          ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length)")
    assert found == [], f"{name}: {found}"
    assert page.evaluate("window.__csp") == [], name


def test_admin_visits_every_page_under_the_csp_and_htmx_filters_the_lists(server, browser, world):
    ctx = browser.new_context(accept_downloads=True)  # the app's CSP enforced: no bypass
    ctx.add_init_script(WATCH_CSP)
    page = ctx.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/")
    pages = {"overview": "/", "my_caseload": f"/caseload/?worker={world.worker}", "this_week": "/this-week/",
             "indicators": "/indicators/", "indicator": "/indicators/re_referrals_12m_pct/", "teams": "/teams/", "balancer": "/balancer/",
             "forecast": "/forecast/", "councils": "/councils/",
             "lists": "/lists/", "child": f"/children/{world.child}/", "loads": "/loads/", "reports": "/reports/",
             "audit": "/audit/"}
    for name, path in pages.items():
        assert page.goto(f"{server}{path}").status == 200, path
        assert page.locator("h1").inner_text()
        _check_under_csp(page, f"admin-{name}")
    _statement_check(page, server)
    page.goto(f"{server}/")
    assert page.locator("main table .cw-spark svg[role=img]").count() == page.locator("main tbody tr").count()
    page.goto(f"{server}/teams/")
    workers = page.locator("table:has(caption:text('Workers you may see')) tbody tr").count()
    assert page.locator("#cw-caseload-chart svg .role-mark path[role=graphics-symbol]").count() == workers
    page.goto(f"{server}/indicators/re_referrals_12m_pct/")
    assert page.locator("#cw-funnel-chart svg").count() == 1

    # the action lists: a filter change and a page link swap only the results region
    page.goto(f"{server}/lists/")
    page.wait_for_function("window.htmx !== undefined")
    page.evaluate("window.__sameDocument = true")
    documents = []
    page.on("request", lambda r: documents.append(r.url) if r.resource_type == "document" else None)
    caption = page.locator("#cw-actions caption").inner_text()
    with page.expect_response(lambda r: "/lists/" in r.url and r.request.headers.get("hx-request") == "true") as hx:
        page.select_option("#f-team", world.team)
    assert hx.value.status == 200 and "<html" not in hx.value.text()
    page.wait_for_url(re.compile(rf"/lists/\?.*team={world.team}"))
    expect(page.locator("#cw-actions caption")).not_to_have_text(caption)
    teams = page.locator("#cw-actions tbody tr td:nth-child(3)").all_inner_texts()
    total = int(page.locator("#cw-actions caption").inner_text().split()[0])
    assert teams and set(teams) == {_team_name(world)} and len(teams) == min(total, 100)
    assert page.evaluate("window.__sameDocument") is True and documents == []
    expect(page.locator("#cw-results-status")).to_have_text(re.compile(rf"^{total} actions"))
    assert page.locator("h1").count() == 1 and page.locator("#f-team").input_value() == world.team
    _check_under_csp(page, "admin-lists-filtered")

    page.select_option("#f-team", "")
    expect(page.locator("#cw-actions caption")).to_contain_text("1 to 100")
    with page.expect_response(lambda r: "page=2" in r.url and r.request.headers.get("hx-request") == "true"):
        page.click("a[rel=next]")
    expect(page.locator("#cw-actions caption")).to_contain_text("101 to")
    assert "page=2" in page.url and page.evaluate("window.__sameDocument") is True and documents == []
    _check_under_csp(page, "admin-lists-page-2")

    page.go_back()  # no snapshot kept (historyCacheSize 0): the browser loads the page again
    expect(page.locator("#cw-actions caption")).to_contain_text("1 to 100")
    assert page.evaluate("window.sessionStorage.getItem('htmx-history-cache')") is None
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors

    # signed out meanwhile: the region's request is sent to sign in, and the whole page goes there
    page.wait_for_function("window.htmx !== undefined")
    ctx.clear_cookies()
    page.select_option("#f-team", world.team)
    page.wait_for_url(re.compile(r"/login/"))
    assert page.locator("#id_username").count() == 1 and page.locator("#cw-results").count() == 0
    ctx.close()


def _statement_check(page, server) -> None:
    """Upload a report's text and paste a press release: the verdicts appear, under the CSP, accessible."""
    import gzip
    import json
    import tempfile

    devset = Path(__file__).resolve().parents[1] / "scrutiny" / "devset"
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "blackpool.txt"
        report.write_bytes(gzip.decompress((devset / "reports" / "blackpool_17-january-2019.txt.gz").read_bytes()))
        case = json.loads((devset / "blackpool_17-january-2019__positive_spin.json").read_text())
        assert page.goto(f"{server}/scrutiny/").status == 200
        _check_under_csp(page, "admin-scrutiny")
        page.set_input_files("#report", str(report))
        page.fill("#statement_text", case["statement"])
        page.click("button:text('Check the statement')")
        page.wait_for_selector("#result, .govuk-error-summary")
        page.screenshot(path="var/test-artifacts/browser/admin-scrutiny-answer.png", full_page=True)
        assert page.locator(".govuk-error-summary").count() == 0, page.locator(".govuk-error-summary").inner_text()
    assert page.locator("strong.govuk-tag--red:text('contradicted')").count() == 4
    _check_under_csp(page, "admin-scrutiny-result")


def test_a_manager_runs_the_balancer_and_the_plan_replaces_the_progress(server, browser, world):
    """The form starts a run in the background; the page says how long it has run (htmx asks again every 2 s,
    within the CSP) and then shows the plan in place."""
    ctx = browser.new_context()
    ctx.add_init_script(WATCH_CSP)
    page = ctx.new_page()
    page.goto(f"{server}/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/")
    page.goto(f"{server}/balancer/")
    expect(page.locator("#cw-balancer-result")).to_contain_text("No plan yet")
    _check_under_csp(page, "admin-balancer-form")
    page.fill("#b-cap", "18")
    page.fill("#b-time", "5")
    page.click("button:has-text('Run the balancer')")
    page.wait_for_url(re.compile(r"/balancer/\?cap=18&time_limit=5$"))
    expect(page.locator("#cw-balancer-result")).to_contain_text("Proposed moves you may see", timeout=60_000)
    assert "so far" not in page.locator("#cw-balancer-result").inner_text()
    _check_under_csp(page, "admin-balancer-plan")
    page.fill("#b-cap", "3")  # out of bounds: the browser's own check is bypassed here by the server's
    page.evaluate("document.querySelector('#b-cap').removeAttribute('min')")
    page.click("button:has-text('Run the balancer')")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Cap must be from 5 to 40")
    ctx.close()
