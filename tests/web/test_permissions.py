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
