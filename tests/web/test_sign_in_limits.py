"""Sign-in limits (web/throttle.py): a named account can never be locked out from elsewhere, an address that fails
too often or for too many usernames waits, and X-Forwarded-For counts only from a trusted proxy. The clock is the
module's own settable one, moved by hand; every request goes through the real sign-in view."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from casewatch.web import throttle
from casewatch.web.models import AuditEvent, SignInAttempt
from casewatch.web.users import add_user

PASSWORD = "correct-horse-battery-staple-9"  # as conftest.py
WRONG = "not-the-password-at-all-77"


class Clock:
    def __init__(self):
        self.now = timezone.now()

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(world, monkeypatch):
    moved = Clock()
    monkeypatch.setattr(throttle, "clock", moved)
    first = SignInAttempt.objects.order_by("-id").values_list("id", flat=True).first() or 0
    yield moved
    SignInAttempt.objects.filter(id__gt=first).delete()


def account(name: str) -> str:
    if not get_user_model().objects.filter(username=name).exists():
        add_user(name, "analyst", PASSWORD)
    return name


def attempt(username: str, password: str, address: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": password}, **extra)
    response.signed_in = "_auth_user_id" in client.session
    return response


def test_wrong_passwords_from_one_address_never_lock_the_account_out_elsewhere(clock):
    name = account("limits_victim")
    answers = [attempt(name, WRONG, "198.51.100.1").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]  # the fifth came before the 2-second wait was over
    clock.advance(2)
    assert attempt(name, WRONG, "198.51.100.1").status_code == 200  # five failures now: a 4-second wait

    waiting = attempt(name, PASSWORD, "203.0.113.9")  # the right password, from elsewhere, too soon
    assert waiting.status_code == 429 and not waiting.signed_in
    assert waiting["Retry-After"] == "4"
    page = waiting.content.decode()
    assert "Wait 4 seconds and try again" in page and "several failed sign-ins for this account" in page
    assert WRONG not in page and PASSWORD not in page

    clock.advance(4)
    signed_in = attempt(name, PASSWORD, "203.0.113.9")
    assert signed_in.status_code == 302 and signed_in.signed_in


def test_the_wait_doubles_from_the_fourth_failure_and_stops_at_a_minute(clock):
    assert [throttle.account_delay(n) for n in range(12)] == [0, 0, 0, 0, 2, 4, 8, 16, 32, 60, 60, 60]
    name = account("limits_backoff")
    answers, waits = [], []
    for n in range(20):  # a guess as soon as allowed, each from a new address: spreading them does not help
        response = attempt(name, WRONG, f"198.51.100.{10 + n}")
        answers.append(response.status_code)
        if response.status_code == 429:
            assert "Wait " in response.content.decode() and not response.signed_in
            waits.append(int(response["Retry-After"]))
            clock.advance(waits[-1])
    assert answers[:5] == [200, 200, 200, 200, 429]
    assert waits == [2, 4, 8, 16, 32, 60, 60, 60]
    assert answers.count(200) == 12  # 12 guesses in 4 minutes 2 seconds; each further one a minute apart


def test_a_right_password_resets_the_account(clock):
    name = account("limits_reset")
    for n in range(5):
        attempt(name, WRONG, "198.51.100.50")
        clock.advance(throttle.account_delay(n + 1))
    assert attempt(name, PASSWORD, "198.51.100.50").status_code == 302
    assert attempt(name, WRONG, "198.51.100.50").status_code == 200
    assert attempt(name, WRONG, "198.51.100.50").status_code == 200
    assert attempt(name, PASSWORD, "198.51.100.50").status_code == 302  # two failures since: no wait


def test_one_address_trying_many_usernames_is_stopped_for_all_of_them(clock):
    victim = account("limits_spray_victim")
    sprayer = "198.51.100.60"
    for n in range(6):  # one password tried across six usernames (one real, five not)
        assert attempt(victim if n == 3 else f"limits_nobody_{n}", WRONG, sprayer).status_code == 200
    for name, password in ((victim, PASSWORD), ("limits_nobody_7", WRONG)):
        blocked = attempt(name, password, sprayer)
        assert blocked.status_code == 429 and not blocked.signed_in
        assert blocked["Retry-After"] == "900"
        assert "Wait 15 minutes and try again" in blocked.content.decode()
        assert "too many different usernames" in blocked.content.decode()
    assert attempt(victim, PASSWORD, "203.0.113.60").signed_in  # from anywhere else: at once
    clock.advance(15 * 60)
    assert attempt(victim, PASSWORD, sprayer).signed_in  # and from the sprayer's address once the wait is over

    said = list(AuditEvent.objects.filter(action="sign_in_limit", detail__contains=sprayer)
                .values_list("detail", flat=True))
    assert said == [f"Sign-in has failed for too many different usernames from your network address. "
                    f"Username 'limits_nobody_5', address {sprayer}: address waits 15 minutes."]
    assert not AuditEvent.objects.filter(detail__contains=WRONG).exists()


def test_ten_failures_from_one_address_make_that_address_wait(clock):
    names = [account(f"limits_typist_{n}") for n in range(3)]
    for n in range(10):  # a minute apart: no account wait is ever reached, but the address has ten failures
        assert attempt(names[n % 3], WRONG, "198.51.100.70").status_code == 200
        clock.advance(61)
    blocked = attempt(names[0], PASSWORD, "198.51.100.70")
    assert blocked.status_code == 429 and blocked["Retry-After"] == str(15 * 60 - 61)
    assert "too many failed sign-ins from your network address" in blocked.content.decode()
    assert attempt(names[0], PASSWORD, "198.51.100.71").signed_in


def client_of(remote: str, forwarded: str | None = None) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return throttle.client_address(RequestFactory().post("/login/", **extra))


def test_x_forwarded_for_is_believed_only_from_a_trusted_proxy(clock):
    assert client_of("203.0.113.5", "198.51.100.77") == "203.0.113.5"  # no trusted proxies: the header is ignored
    victim = account("limits_proxy_victim")
    for n in range(6):  # a sprayer cannot escape the limit by making up a new X-Forwarded-For each time
        attempt(f"limits_ghost_{n}", WRONG, "203.0.113.80", forwarded=f"192.0.2.{n}")
    assert attempt(victim, PASSWORD, "203.0.113.80", forwarded="192.0.2.200").status_code == 429

    with override_settings(CASEWATCH_TRUSTED_PROXIES=["10.0.0.0/8", "2001:db8:ffff::1"]):
        assert client_of("10.0.0.2", "6.6.6.6, 198.51.100.20") == "198.51.100.20"  # what the proxy saw, not a lie
        assert client_of("10.0.0.2", "198.51.100.20, 10.1.2.3") == "198.51.100.20"  # two proxies in a row
        assert client_of("10.0.0.2", "198.51.100.20:51234") == "198.51.100.20"
        assert client_of("2001:db8:ffff::1", "[2001:db8:1:2:3::9]:443") == "2001:db8:1:2::/64"
        assert client_of("10.0.0.2", "10.5.5.5") == "10.5.5.5"  # every hop trusted: the left-most
        assert client_of("10.0.0.2") == client_of("10.0.0.2", "garbage") == ""  # the client cannot be known
        assert client_of("203.0.113.5", "198.51.100.20") == "203.0.113.5"  # not a trusted proxy
        for n in range(6):  # behind the proxy, one sprayer ...
            attempt(f"limits_ghost_{n}", WRONG, "10.0.0.2", forwarded="198.51.100.100")
        assert attempt(victim, PASSWORD, "10.0.0.2", forwarded="198.51.100.100").status_code == 429
        assert attempt(victim, PASSWORD, "10.0.0.2", forwarded="198.51.100.101").signed_in  # ... not everyone


def test_through_a_proxy_that_names_no_client_nobody_is_blocked_by_address(clock):
    """A trusted proxy that sends no X-Forwarded-For (waitress removes it unless told to keep it): everyone comes
    from the proxy's address, so an address limit would stop everyone. It does not apply; the account's does."""
    colleague = account("limits_colleague")
    with override_settings(CASEWATCH_TRUSTED_PROXIES=["10.0.0.3"]):
        for n in range(12):
            assert attempt(f"limits_unknown_{n}", WRONG, "10.0.0.3").status_code == 200
        assert attempt(colleague, PASSWORD, "10.0.0.3").signed_in
        assert [attempt("limits_unknown_0", WRONG, "10.0.0.3").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_an_office_signing_in_at_the_same_moment_from_one_address_is_not_taken_for_spraying(clock):
    """Attempts whose passwords are still being checked count towards their account's wait, not their address's:
    the bench's 50 people signing in at once from one address were half refused (429) when they counted."""
    factory = RequestFactory()
    names = [account(f"limits_office_{n}") for n in range(12)]
    begun = []
    for name in names:  # twelve colleagues press Sign in together: all twelve are being checked at once
        refusal, started = throttle.begin(factory.post("/login/", REMOTE_ADDR="198.51.100.20"), name)
        assert refusal is None, name
        begun.append(started)
    for started in begun:
        throttle.succeeded(started)
    assert attempt(names[0], PASSWORD, "198.51.100.20").signed_in
    for name in names[:6]:  # six of them mistype: a real failure is still counted for the address
        attempt(name, WRONG, "198.51.100.21")
    assert attempt(names[7], PASSWORD, "198.51.100.21").status_code == 429


def test_parallel_guesses_at_one_account_still_queue_behind_its_wait(clock):
    """An attempt being checked counts for its account at once, so guesses sent together cannot all be checked."""
    factory = RequestFactory()
    name = account("limits_parallel")
    begun = [throttle.begin(factory.post("/login/", REMOTE_ADDR=f"203.0.113.{n}"), name) for n in range(6)]
    refused = [refusal for refusal, _ in begun if refusal is not None]
    assert len(refused) == 6 - throttle.free_failures() - 1 and all(r.seconds == 2 for r in refused)
