"""The permission matrix, generated from the URL conf and the permissions data: every named URL x every role."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import get_resolver, reverse

from casewatch.web.permissions import ANONYMOUS, ROLES, RULES

GOVUK_ASSET = "images/govuk-crest.svg"


def url_names() -> list[str]:
    names = []
    for p in get_resolver().url_patterns:
        assert p.name, f"every URL needs a name (and a rule in permissions.RULES): {p.pattern}"
        names.append(p.name)
    return names


def test_every_url_has_a_rule():
    missing = [n for n in url_names() if n not in RULES]
    assert not missing, f"URLs without a permission rule: {missing}"
    assert not set(RULES) - set(url_names()), "rules for URLs that do not exist"


def _url(name: str, world) -> str:
    kwargs = {"indicator": {"ind_id": world.indicator}, "child": {"child_id": world.child},
              "static": {"path": "casewatch/app.css"}, "govuk_assets": {"path": GOVUK_ASSET},
              "report_file": {"audience": "public", "fmt": "html"}}.get(name, {})
    return reverse(name, kwargs=kwargs)


def expected(name: str, role: str) -> int:
    if role in RULES[name].roles:
        return 200
    return 302 if role == ANONYMOUS else 403


@pytest.mark.parametrize("role", [ANONYMOUS, *ROLES])
@pytest.mark.parametrize("name", url_names())
def test_matrix(world, as_role, name, role):
    if name == "govuk_assets" and not (settings.STATIC_ROOT / "vendor/govuk/assets" / GOVUK_ASSET).is_file():
        pytest.skip("GOV.UK Frontend not vendored (make setup)")
    client = as_role(None if role == ANONYMOUS else role)
    response = client.get(_url(name, world))
    assert response.status_code == expected(name, role), (name, role)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


def test_a_url_without_a_rule_is_refused(world, as_role, monkeypatch):
    monkeypatch.delitem(RULES, "overview")
    assert as_role("admin").get(reverse("overview")).status_code == 403


def test_unknown_account_role_is_refused(world, as_role):
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_user("no_profile_user")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("overview")).status_code == 403


@pytest.mark.parametrize(("role", "lands_on"), [("social_worker", "my_caseload"), ("team_manager", "this_week"),
                                                ("head_of_service", "overview"), ("member", "overview")])
def test_each_role_lands_on_its_first_page_after_signing_in(world, role, lands_on):
    """A social worker's first page is their caseload, a team manager's this week's work; a ?next= still wins."""
    from django.test import Client

    from casewatch.web.users import add_user

    password = "correct-horse-battery-staple-9"
    add_user(f"landing_{role}", role, password, teams=[world.team] if role == "team_manager" else None,
             worker=world.worker if role == "social_worker" else "")
    client = Client()
    response = client.post(reverse("login"), {"username": f"landing_{role}", "password": password})
    assert response.status_code == 302 and response["Location"] == reverse(lands_on)
    assert client.get(response["Location"]).status_code == 200
    again = Client().post(reverse("login") + "?next=" + reverse("lists"),
                          {"username": f"landing_{role}", "password": password})
    assert again["Location"] == reverse("lists")


def test_navigation_offers_each_role_its_first_page(world, as_role):
    nav = {role: [link["label"] for link in as_role(role).get(reverse("overview")).context["nav"]]
           for role in ("social_worker", "team_manager", "member")}
    assert nav["social_worker"][0] == "My caseload" and "This week" not in nav["social_worker"]
    assert nav["team_manager"][:2] == ["Caseloads", "This week"]
    assert "My caseload" not in nav["member"] and "This week" not in nav["member"]
