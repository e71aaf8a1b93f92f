"""`casewatch serve --demo-accounts`: one account per role, on a synthetic council only — made, signed in and kept
signed in only there — and `casewatch users remove-demo`."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from casewatch.web.models import AuditEvent
from casewatch.web.users import (
    DEMO_PASSWORD,
    DEMO_REFUSED,
    AccountError,
    demo_accounts,
    demo_refused,
    remove_demo,
)


def test_one_account_per_role_scoped_to_the_busiest_team(world):
    made = demo_accounts(str(world.db))
    assert [role for _, role, _ in made] == ["admin", "analyst", "head_of_service", "team_manager", "social_worker",
                                             "member"]
    assert demo_accounts(str(world.db)) == made  # a second start keeps them
    assert get_user_model().objects.get(username="demo_member").check_password(DEMO_PASSWORD)


def test_refused_for_a_real_council(tmp_path, world):
    with pytest.raises(AccountError, match="only for a synthetic council"):
        demo_accounts(_real_council(tmp_path, world))


def _real_council(tmp_path, world) -> str:
    """The synthetic database's councils as a real council's (code 873): what a demo account must not reach."""
    import duckdb

    real = tmp_path / "real.duckdb"
    con = duckdb.connect(str(real))
    con.execute(f"ATTACH '{world.db}' AS src (READ_ONLY)")
    con.execute("CREATE TABLE councils AS SELECT * REPLACE ('873' AS council_id) FROM src.councils")
    con.close()
    return str(real)


def _sign_in(username: str):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    return client, client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})


def test_a_demo_account_cannot_sign_in_on_a_real_council(tmp_path, world, monkeypatch):
    from django.conf import settings

    demo_accounts(str(world.db))
    _, on_synthetic = _sign_in("demo_admin")
    assert on_synthetic.status_code == 302  # signed in: the synthetic council is what demo accounts are for
    monkeypatch.setattr(settings, "CASEWATCH_DB", _real_council(tmp_path, world))
    client, on_real = _sign_in("demo_admin")
    assert on_real.status_code == 200
    assert on_real.context["form"].non_field_errors() == [DEMO_REFUSED]
    assert "_auth_user_id" not in client.session
    assert client.get("/audit/").status_code == 302


def test_a_demo_session_ends_when_the_data_is_a_real_council(tmp_path, world, monkeypatch):
    from django.conf import settings
    from django.urls import reverse

    demo_accounts(str(world.db))
    client, signed_in = _sign_in("demo_analyst")
    assert signed_in.status_code == 302 and client.get(reverse("overview")).status_code == 200
    monkeypatch.setattr(settings, "CASEWATCH_DB", _real_council(tmp_path, world))
    refused = client.get(reverse("overview"))
    assert refused.status_code == 302 and refused["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session  # signed out, not only redirected
    assert not demo_refused(world.users["analyst"])  # an ordinary account still works on real data


def test_users_remove_demo_deletes_them_and_says_how_many(world):
    from web.test_cli import UserError, _run

    demo_accounts(str(world.db))
    assert _run(["users", "remove-demo"]) == 0
    assert not get_user_model().objects.filter(username__startswith="demo_").exists()
    assert remove_demo() == 0
    removed = AuditEvent.objects.filter(action="account_remove", detail__startswith="demo_")
    assert sorted(e.detail for e in removed)[:1] == ["demo_admin: demo account removed"]
    assert get_user_model().objects.filter(username="u_admin").exists()  # only demo accounts go
    with pytest.raises(UserError, match="name of a demo account"):
        _run(["users", "add", "demo_admin", "--role", "admin", "--password-stdin"],
             stdin="a-long-enough-pass-phrase-42\n")
