"""The dashboard in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser), against
`casewatch serve` in a subprocess on loopback. A team manager signs in, sees only their own teams, opens a
child's chronology, exports a list and the admin finds both in the audit log; a member cannot reach any child
page. axe-core runs on every page visited: no serious or critical violations. Screenshots of each page are kept
in var/test-artifacts/browser/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "src" / "casewatch" / "web" / "static" / "vendor" / "axe.min.js"
SHOTS = ROOT / "var" / "test-artifacts" / "browser"
PASSWORD = "browser-test-password-42"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(world, tmp_path_factory):
    assert Path(CHROMIUM).exists(), "make test installs Debian's chromium (apt-get install chromium)"
    assert AXE.exists(), "make setup copies axe-core into web/static/vendor"
    home = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEWATCH_", "DJANGO_"))}
    env["CASEWATCH_WEB_DB"] = str(home / "web.sqlite3")
    cli = [sys.executable, "-m", "casewatch.cli_web"]
    for name, role, extra in (("tm", "team_manager", ["--team", world.team]), ("member", "member", []),
                              ("admin", "admin", [])):
        subprocess.run([*cli, "users", "add", name, "--role", role, *extra, "--password-stdin"],
                       input=PASSWORD, text=True, env=env, cwd=home, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen([*cli, "serve", "--db", str(world.db), "--port", str(port)], env=env, cwd=home,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/login/", timeout=2).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise AssertionError(proc.stdout.read().decode()[-2000:])
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _check(page, name: str) -> None:
    """A screenshot, then axe-core on the page as it stands: no serious or critical violations."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run()).violations"
                          ".filter(v => ['serious', 'critical'].includes(v.impact))"
                          ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length)")
    assert found == [], f"{name}: {found}"


def _sign_in(browser, base: str, user: str):
    # bypass_csp lets the test inject axe-core; the app's own pages carry no inline script
    ctx = browser.new_context(bypass_csp=True, accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{base}/login/")
    _check(page, "login")
    page.fill("#id_username", user)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return ctx, page


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
    assert teams <= {world.team, "unallocated"} or not teams, teams
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
