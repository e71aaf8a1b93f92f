"""What the browser tests share: `casewatch serve` in a subprocess on loopback with accounts made by
`casewatch users add`, Debian's Chromium driven by Playwright (never a downloaded browser), signing in, and a
screenshot plus axe-core (no serious or critical violation) of every page a test visits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "src" / "casewatch" / "web" / "static" / "vendor" / "axe.min.js"
ARTIFACTS = ROOT / "var" / "test-artifacts"
PASSWORD = "browser-test-password-42"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, home: Path, accounts: Sequence[tuple[str, str, list[str]]],
            serve_args: Sequence[str] = ()) -> Iterator[str]:
    """The dashboard on a free loopback port over ``db``, with ``accounts`` (username, role, extra `users add`
    arguments) in an app database under ``home``; yields its base URL."""
    assert Path(CHROMIUM).exists(), "make test installs Debian's chromium (apt-get install chromium)"
    assert AXE.exists(), "make setup copies axe-core into web/static/vendor"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEWATCH_", "DJANGO_"))}
    env["CASEWATCH_WEB_DB"] = str(home / "web.sqlite3")
    cli = [sys.executable, "-m", "casewatch.cli_web"]
    for name, role, extra in accounts:
        subprocess.run([*cli, "users", "add", name, "--role", role, *extra, "--password-stdin"],
                       input=PASSWORD, text=True, env=env, cwd=home, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen([*cli, "serve", "--db", str(db), "--port", str(port), *serve_args], env=env, cwd=home,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{base}/login/", timeout=2).close()
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    else:
        proc.kill()
        raise AssertionError(proc.stdout.read().decode()[-2000:])
    if proc.poll() is not None:
        raise AssertionError(proc.stdout.read().decode()[-2000:])
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


def check(page, name: str, folder: str = "browser") -> Path:
    """A full-page screenshot (var/test-artifacts/<folder>/<name>.png), then axe-core on the page as it stands:
    no serious or critical violations. Returns the screenshot's path."""
    shots = ARTIFACTS / folder
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run()).violations"
                          ".filter(v => ['serious', 'critical'].includes(v.impact))"
                          ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length)")
    assert found == [], f"{name}: {found}"
    return shot


def sign_in(browser, base: str, user: str, landing: str | None = "/", folder: str = "browser"):
    """A new browser context signed in as ``user``: (context, page) on the page the role lands on, which must be
    ``landing`` (None: wherever). bypass_csp lets the test inject axe-core; the app's pages carry no inline
    script."""
    ctx = browser.new_context(bypass_csp=True, accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{base}/login/")
    check(page, "login", folder)
    page.fill("#id_username", user)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
    if landing is not None:
        assert page.url == f"{base}{landing}", (user, page.url)
    return ctx, page
