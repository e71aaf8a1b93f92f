"""`casewatch users add` and `casewatch serve` (the latter in a subprocess on a free port)."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.contrib.auth import get_user_model
from rich.console import Console

from casewatch import cli_web


class UserError(Exception):
    pass


def _run(argv: list[str], stdin: str = "") -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    out = Console(file=io.StringIO())
    cli_web.add_parser(sub, out, out, UserError, str)
    args = parser.parse_args(argv)
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return args.func(args)
    finally:
        sys.stdin = old


def test_users_add_creates_user_with_role(world):
    assert _run(["users", "add", "cli_tm", "--role", "team_manager", "--team", "T1", "--team", "T2",
                 "--password-stdin"], stdin="a-long-enough-pass-phrase-42\n") == 0
    user = get_user_model().objects.get(username="cli_tm")
    assert user.casewatch.role == "team_manager" and user.casewatch.teams == ["T1", "T2"]
    assert user.check_password("a-long-enough-pass-phrase-42") and user.password.startswith("argon2$")


def test_users_add_refuses_bad_requests(world):
    import pytest

    with pytest.raises(UserError, match="worker"):
        _run(["users", "add", "cli_sw", "--role", "social_worker", "--password-stdin"], "a-long-enough-pass-phrase-42\n")
    with pytest.raises(UserError, match="short|common|numeric"):
        _run(["users", "add", "cli_weak", "--role", "analyst", "--password-stdin"], "password\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_login(world, tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEWATCH_", "DJANGO_"))}
    env["CASEWATCH_WEB_DB"] = str(tmp_path / "web.sqlite3")
    proc = subprocess.Popen([sys.executable, "-m", "casewatch.cli_web", "serve", "--db", str(world.db),
                             "--port", str(port)], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        status, body = None, ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5) as r:
                    status, body = r.status, r.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        assert status == 200, proc.stdout.read().decode() if proc.poll() is not None else "no answer"
        assert "Sign in" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/casewatch/app.css", timeout=5) as r:
            assert r.status == 200
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/children/X/", timeout=5)
        assert (tmp_path / "web-secret-key").exists()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    log = proc.stdout.read().decode()
    assert "/children/X/" not in log


def test_account_lifecycle_ends_sessions_and_is_audited(world):
    """set-role, disable, enable and password each take effect at once: the account's open session ends."""
    import pytest
    from django.test import Client

    from casewatch.web.models import AuditEvent

    password, new_password = "a-long-enough-pass-phrase-42", "another-long-pass-phrase-43"
    assert _run(["users", "add", "cli_life", "--role", "analyst", "--password-stdin"], password + "\n") == 0
    browser = Client()

    def signed_in() -> bool:
        return browser.get("/").status_code == 200

    def sign_in(with_password: str) -> bool:
        return browser.post("/login/", {"username": "cli_life", "password": with_password}).status_code == 302

    assert sign_in(password) and signed_in()

    assert _run(["users", "set-role", "cli_life", "--role", "team_manager", "--team", world.team]) == 0
    profile = get_user_model().objects.get(username="cli_life").casewatch
    assert (profile.role, profile.teams) == ("team_manager", [world.team])
    assert not signed_in()

    assert sign_in(password) and signed_in()
    assert _run(["users", "disable", "cli_life"]) == 0
    assert not signed_in()
    assert not sign_in(password)
    assert _run(["users", "enable", "cli_life"]) == 0
    assert sign_in(password) and signed_in()

    assert _run(["users", "password", "cli_life", "--password-stdin"], new_password + "\n") == 0
    assert not signed_in()
    assert not sign_in(password)
    assert sign_in(new_password) and signed_in()

    events = list(AuditEvent.objects.filter(detail__startswith="cli_life:").order_by("id")
                  .values_list("action", "detail"))
    assert events == [("account_add", "cli_life: analyst"),
                      ("account_role", f"cli_life: team_manager teams {world.team}"),
                      ("account_disable", "cli_life: disabled"), ("account_enable", "cli_life: enabled"),
                      ("account_password", "cli_life: password reset")]
    assert all(a.username.startswith("cli:") for a in AuditEvent.objects.filter(detail__startswith="cli_life:"))
    with pytest.raises(UserError, match="no user 'nobody'"):
        _run(["users", "disable", "nobody"])


def test_users_list_shows_roles_scopes_and_state(world):
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    buffer = io.StringIO()
    out = Console(file=buffer, width=200)
    cli_web.add_parser(sub, out, out, UserError, str)
    args = parser.parse_args(["users", "list"])
    assert args.func(args) == 0
    lines = {line.split()[0]: line.split() for line in buffer.getvalue().splitlines()[1:]}
    tm = next(u for u in get_user_model().objects.filter(casewatch__role="team_manager").order_by("username"))
    assert lines[tm.username][1:3] == ["team_manager", "yes"]
    assert f"team {tm.casewatch.teams[0]}" in " ".join(lines[tm.username])
    assert len(lines) == get_user_model().objects.count()


def test_users_commands_work_in_a_fresh_process(tmp_path):
    """In-process tests run with Django already set up; a real `casewatch users ...` starts without it (a bug
    where the accounts module was imported before Django was configured passed every in-process test)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEWATCH_", "DJANGO_"))}
    env["CASEWATCH_WEB_DB"] = str(tmp_path / "web.sqlite3")

    def run(*args: str, stdin: str = "") -> str:
        done = subprocess.run([sys.executable, "-m", "casewatch.cli_web", "users", *args], input=stdin, env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "created fresh_one (analyst)" in run("add", "fresh_one", "--role", "analyst", "--password-stdin",
                                                 stdin="a-long-enough-pass-phrase-42\n")
    assert "fresh_one disabled" in run("disable", "fresh_one")
    listed = [line.split() for line in run("list").splitlines()[1:]]  # (under PostgreSQL the suite's users too)
    assert ["fresh_one", "analyst", "no", "never"] in listed
