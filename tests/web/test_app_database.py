"""The app database: SQLite by default, PostgreSQL when DATABASE_URL says so (`make test` runs tests/web on both)."""

from __future__ import annotations

import os

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from casewatch.web.models import AuditEvent
from casewatch.web.settings import postgres_settings


def test_the_suite_runs_on_the_database_the_environment_names(world, as_role):
    """Under `make test-postgres` every web test really uses PostgreSQL, else SQLite: a run can't silently swap."""
    expected = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    assert connection.vendor == expected
    client = as_role("analyst")
    before = AuditEvent.objects.filter(action="view_child", child_id=world.child).count()
    assert client.get(f"/children/{world.child}/").status_code == 200
    assert AuditEvent.objects.filter(action="view_child", child_id=world.child).count() == before + 1


def test_a_url_becomes_django_settings_with_the_password_decoded():
    got = postgres_settings("postgresql://cw:p%40ss%2Fw0rd@db.council.local:6543/casewatch_app?sslmode=require")
    assert got == {"ENGINE": "django.db.backends.postgresql", "NAME": "casewatch_app", "USER": "cw",
                   "PASSWORD": "p@ss/w0rd", "HOST": "db.council.local", "PORT": "6543", "CONN_MAX_AGE": 0,
                   "OPTIONS": {"sslmode": "require", "connect_timeout": "10"}}
    assert postgres_settings("postgres://cw@127.0.0.1/cw")["PORT"] == ""


@pytest.mark.parametrize(("url", "says"), [
    ("mysql://cw:secret-pw@127.0.0.1/cw", "scheme must be postgresql://, not mysql://"),
    ("postgresql://cw:secret-pw@127.0.0.1/", "give a host and a database name"),
    ("postgresql://cw:secret-pw@127.0.0.1:port/cw", "the port is not a number"),
])
def test_a_bad_url_is_refused_without_showing_the_password(url, says):
    with pytest.raises(ImproperlyConfigured) as e:
        postgres_settings(url)
    assert says in str(e.value)
    assert "secret-pw" not in str(e.value)
