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
