"""Headers, cookies, CSRF, throttling and password hashing."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from casewatch.web.users import add_user

PASSWORD = "correct-horse-battery-staple-9"  # as conftest.py


def test_security_headers(world, as_role):
    for client in (as_role(None), as_role("admin")):
        response = client.get(reverse("login"))
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"]


def test_no_inline_script_or_style(world, as_role):
    html = as_role("admin").get(reverse("overview")).content.decode()
    assert "<style" not in html and "style=" not in html
    assert not re.search(r"<[^>]+\son[a-z]+=", html), "inline event handler"
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'src="/static/' in tag, tag
    assert re.findall(r"<script[^>]*>\s*</script>", html) == re.findall(r"<script[^>]*>.*?</script>", html, re.S)
    assert "/static/casewatch/app.css" in html


def test_cookie_settings():
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_AGE <= 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
    assert not settings.DEBUG


def test_login_sets_secure_httponly_session_cookie(world):
    add_user("cookie_user", "analyst", PASSWORD)
    client = Client()
    response = client.post(reverse("login"), {"username": "cookie_user", "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_csrf_is_enforced(world):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("login"), {"username": "x", "password": "y"}).status_code == 403


def test_passwords_hashed_with_argon2(world):
    user = get_user_model().objects.get(username="u_admin")
    assert user.password.startswith("argon2$")
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_failed_sign_ins_make_the_account_wait_not_lock(world, monkeypatch):
    from django.utils import timezone

    from casewatch.web import throttle

    frozen = timezone.now()
    monkeypatch.setattr(throttle, "clock", lambda: frozen)  # no time passes between the attempts
    add_user("throttled_user", "analyst", PASSWORD)
    client = Client(REMOTE_ADDR="192.0.2.65")
    answers = [client.post(reverse("login"), {"username": "throttled_user", "password": "wrong-password-123"})
               .status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]
    waiting = client.post(reverse("login"), {"username": "throttled_user", "password": PASSWORD})
    assert waiting.status_code == 429 and waiting["Retry-After"] == "2"
    assert "_auth_user_id" not in client.session
    assert "Wait 2 seconds and try again" in waiting.content.decode()
    monkeypatch.setattr(throttle, "clock", lambda: frozen + timedelta(seconds=2))
    assert client.post(reverse("login"), {"username": "throttled_user", "password": PASSWORD}).status_code == 302


def test_correct_login_works_and_logout_needs_post(world):
    add_user("login_user", "member", PASSWORD)
    client = Client()
    r = client.post(reverse("login"), {"username": "login_user", "password": PASSWORD})
    assert r.status_code == 302 and r["Location"] == reverse("overview")
    assert client.get(reverse("overview")).status_code == 200
    assert client.get(reverse("logout")).status_code == 200  # a confirmation page, not a sign-out
    assert client.get(reverse("overview")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("overview")).status_code == 302


def test_session_expires_after_idle_time(world, as_role):
    client = as_role("analyst")
    client.get(reverse("overview"))
    assert 0 < client.session.get_expiry_age() <= 30 * 60
    assert client.session.get_expire_at_browser_close()


def test_plain_fallback_css_without_vendored_govuk_frontend(world, as_role, monkeypatch):
    from casewatch.web import context

    monkeypatch.setattr(context, "GOVUK", {"css": "vendor/none.css", "js": "vendor/none.js"})
    html = as_role("admin").get(reverse("overview")).content.decode()
    assert "/static/casewatch/govuk-fallback.css" in html and "<script" not in html
