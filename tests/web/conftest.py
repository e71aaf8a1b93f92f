"""Django configured in-process for the web tests: a temporary app database (SQLite), the analytics database from
the synthetic council fixture, and one account per role scoped to a real team, worker and child."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

_WEB_DIR = Path(tempfile.mkdtemp(prefix="casewatch-web-"))
os.environ["CASEWATCH_WEB_DB"] = str(_WEB_DIR / "web.sqlite3")
os.environ["CASEWATCH_SECRET_KEY"] = "test-only-secret-key-not-for-use-anywhere-else-0123456789"
os.environ["CASEWATCH_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
os.environ.pop("CASEWATCH_INSECURE_COOKIES", None)
os.environ.pop("CASEWATCH_DB", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "casewatch.web.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)
setup_test_environment()

from casewatch.measures.scope import attach  # noqa: E402
from casewatch.web.permissions import ROLES  # noqa: E402
from casewatch.web.users import add_user  # noqa: E402

PASSWORD = "correct-horse-battery-staple-9"
BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass
class World:
    db: Path
    data_to: object
    child: str  # allocated on the data date to ``team`` and ``worker``
    team: str
    worker: str
    other_child: str  # never allocated to ``team`` in the 12 months to the data date, nor to ``worker``
    indicator: str
    users: dict


def _pick(db: Path) -> dict:
    con = attach(str(db))
    try:
        data_to = con.execute("SELECT max(data_to) FROM db.councils").fetchone()[0]
        child, worker, team = con.execute("""
            SELECT a.child_id, a.worker_id, coalesce(a.team_id, w.team_id) FROM db.allocations a
            LEFT JOIN db.workers w USING (worker_id)
            WHERE a.start_date <= $d AND (a.end_date IS NULL OR a.end_date > $d) ORDER BY a.child_id LIMIT 1""",
                                          {"d": data_to}).fetchone()
        other = con.execute("""
            SELECT c.child_id FROM db.children c WHERE NOT EXISTS (
                SELECT 1 FROM db.allocations a LEFT JOIN db.workers w USING (worker_id)
                WHERE a.child_id = c.child_id AND a.start_date <= $d
                  AND (a.end_date IS NULL OR a.end_date > $d - INTERVAL 1 YEAR)
                  AND (coalesce(a.team_id, w.team_id) = $t OR a.worker_id = $w))
              AND EXISTS (SELECT 1 FROM db.allocations a WHERE a.child_id = c.child_id)
            ORDER BY c.child_id LIMIT 1""", {"d": data_to, "t": team, "w": worker}).fetchone()[0]
    finally:
        con.close()
    return {"data_to": data_to, "child": child, "worker": worker, "team": team, "other_child": other}


@pytest.fixture(scope="session")
def world(councils) -> World:
    _, db = councils.loaded(size="tiny", seed=1)
    settings.CASEWATCH_DB = str(db)
    found = _pick(db)
    users = {}
    for role in ROLES:
        users[role] = add_user(f"u_{role}", role, PASSWORD,
                               teams=[found["team"]] if role == "team_manager" else None,
                               worker=found["worker"] if role == "social_worker" else "")
    return World(db=db, indicator="referrals", users=users, **found)


@pytest.fixture
def as_role(world):
    """A test client signed in as the account of a role (or anonymous for None)."""
    from django.test import Client

    def make(role: str | None) -> Client:
        client = Client()
        if role is not None:
            client.force_login(world.users[role], backend=BACKEND)
        return client

    return make


@pytest.fixture(scope="session", autouse=True)
def report_jobs_finish():
    """Opening the reports page starts the background report job (web/report_jobs.py) in this process; at the
    end of the session wait for any still running, so the interpreter never exits with a job mid-build (a
    native library torn down under a running thread aborts the process)."""
    yield
    from casewatch.web import report_jobs

    for job in list(report_jobs._builds.values()):
        job.finished.wait(300)


def table_rows(db, sql: str) -> list[dict]:
    """Rows of canonical tables as they are, for a test to filter in plain Python (not through our SQL)."""
    con = attach(str(db))
    try:
        cur = con.execute(sql)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()
