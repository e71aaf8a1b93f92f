"""Limits on signing in: per client address, per account, and on one address trying many usernames.

- An address with ``SIGN_IN_ADDRESS_FAILURES`` failed sign-ins in ``SIGN_IN_WINDOW`` waits ``SIGN_IN_ADDRESS_BLOCK``;
  so does an address that failed for more than ``SIGN_IN_ADDRESS_USERNAMES`` different usernames in the window
  (password spraying). Only that address waits.
- An account is never locked: after ``SIGN_IN_FREE_FAILURES`` failures (from any address, within
  ``SIGN_IN_ACCOUNT_MEMORY``, since its last success) the next attempt is not checked until 2, 4, 8 ... seconds
  (at most ``SIGN_IN_LONGEST_WAIT``) have passed since the last failure. The right password after the wait works.
- The client address is ``REMOTE_ADDR``; ``X-Forwarded-For`` is believed only when ``REMOTE_ADDR`` is one of
  ``CASEWATCH_TRUSTED_PROXIES`` (then the right-most entry that is not a trusted proxy). IPv6 counts by /64.

Attempts are rows of ``SignInAttempt`` in the app database, so every server process sees them. An attempt is
written (as an unchecked failure) before the password is checked, in one transaction with the check of the limits,
and marked checked, and a success if it was right, afterwards: attempts at one account sent at the same moment
cannot all slip past its wait, while people signing in at the same moment from one office address are not taken
for a spraying attack (an address's limits count checked failures only).
"""

from __future__ import annotations

import ipaddress
import logging
import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from casewatch.web.audit import record
from casewatch.web.models import SignInAttempt

log = logging.getLogger(__name__)
KEPT = timedelta(days=1)  # attempts older than this are deleted

clock = timezone.now  # what time it is; tests set their own (throttle.clock = ...)


def _limit(name: str, default):
    return getattr(settings, name, default)


def free_failures() -> int:
    return _limit("SIGN_IN_FREE_FAILURES", 3)


def longest_wait() -> int:
    return _limit("SIGN_IN_LONGEST_WAIT", 60)


@dataclass(frozen=True)
class Refusal:
    """Why an attempt was not checked, and for how many whole seconds more it will not be."""

    seconds: int
    reason: str

    @property
    def wait(self) -> str:
        return wait_words(self.seconds)


def wait_words(seconds: int) -> str:
    """'1 second', '8 seconds', '2 minutes' (whole minutes rounded up from two minutes on)."""
    if seconds >= 120:
        minutes = math.ceil(seconds / 60)
        return f"{minutes} minutes"
    return "1 second" if seconds == 1 else f"{seconds} seconds"


# --- the client address ------------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _networks(proxies: tuple[str, ...]) -> tuple:
    try:
        return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)
    except ValueError as e:
        raise ImproperlyConfigured(f"CASEWATCH_TRUSTED_PROXIES: {e}") from e


def _ip(text: str):
    """An address from a header entry ('203.0.113.7', '203.0.113.7:5100', '[2001:db8::1]:443'), or None."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # IPv4 with a port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_address(request) -> str:
    """The address the limits count by: REMOTE_ADDR; from a trusted proxy, the right-most X-Forwarded-For entry
    that is not itself a trusted proxy (the left-most if all are). An IPv6 address is given as its /64 network (one
    household or office has a whole /64 to choose addresses from). Empty when a trusted proxy forwarded no readable
    address: then nobody can be told apart, and the address limits do not apply (the account's still do)."""
    trusted = _networks(tuple(_limit("CASEWATCH_TRUSTED_PROXIES", ())))
    remote = request.META.get("REMOTE_ADDR", "")
    chosen = _ip(remote)

    def is_trusted(ip) -> bool:
        return ip is not None and any(ip.version == n.version and ip in n for n in trusted)

    if is_trusted(chosen):
        hops = [_ip(h) for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        chosen = next((ip for ip in reversed(hops) if not is_trusted(ip)), hops[0] if hops else None)
        if chosen is None:
            _warn_once(f"the trusted proxy {remote} sent no readable X-Forwarded-For: sign-in limits per address "
                       "cannot apply to requests through it")
            return ""
    if chosen is None:
        return remote[:64]
    if chosen.version == 6:
        if chosen.ipv4_mapped is not None:  # ::ffff:203.0.113.7 is 203.0.113.7
            return str(chosen.ipv4_mapped)
        return str(ipaddress.ip_network(f"{chosen}/64", strict=False))
    return str(chosen)


@lru_cache(maxsize=16)
def _warn_once(message: str) -> None:
    log.warning(message)


def account_name(username: str) -> str:
    """The username as the sign-in form reads it (trimmed, NFKC), for counting; at most 150 characters."""
    return unicodedata.normalize("NFKC", (username or "").strip())[:150]


# --- the limits ---------------------------------------------------------------------------------------------------

def account_delay(failures: int) -> int:
    """Seconds an account waits after ``failures`` failures since its last success: none for the first few, then
    2, 4, 8 ... up to the longest wait."""
    extra = failures - free_failures()
    if extra <= 0:
        return 0
    return min(2 ** extra, longest_wait())


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(0, math.ceil((moment - now).total_seconds()))


def _address_refusal(address: str, now: datetime) -> Refusal | None:
    window = _limit("SIGN_IN_WINDOW", timedelta(minutes=15))
    block = _limit("SIGN_IN_ADDRESS_BLOCK", timedelta(minutes=15))
    most = _limit("SIGN_IN_ADDRESS_FAILURES", 10)
    names = _limit("SIGN_IN_ADDRESS_USERNAMES", 5)
    rows = list(SignInAttempt.objects.filter(address=address, succeeded=False, checked=True,
                                             at__gte=now - window - block)
                .order_by("at", "id").values_list("at", "username"))
    until, reason = None, ""
    for i, (at, _) in enumerate(rows):
        recent = [u for a, u in rows[:i + 1] if a > at - window]
        if len(recent) >= most and (until is None or at + block > until):
            until, reason = at + block, "There have been too many failed sign-ins from your network address."
        if len(set(recent)) > names and (until is None or at + block > until):
            until, reason = at + block, "Sign-in has failed for too many different usernames from your network address."
    if until is None or until <= now:
        return None
    return Refusal(_seconds_until(until, now), reason)


def _account_refusal(username: str, now: datetime) -> Refusal | None:
    since = now - _limit("SIGN_IN_ACCOUNT_MEMORY", timedelta(hours=1))
    last_success = (SignInAttempt.objects.filter(username=username, succeeded=True, at__gte=since)
                    .order_by("-at").values_list("at", flat=True).first())
    failures = SignInAttempt.objects.filter(username=username, succeeded=False, at__gte=last_success or since)
    count = failures.count()
    delay = account_delay(count)
    if not delay:
        return None
    last = failures.order_by("-at").values_list("at", flat=True).first()
    seconds = _seconds_until(last + timedelta(seconds=delay), now)
    if not seconds:
        return None
    return Refusal(seconds, "There have been several failed sign-ins for this account.")


def begin(request, username: str) -> tuple[Refusal | None, SignInAttempt | None]:
    """Check the limits for this address and account; if none applies, write the attempt down as a failure (to be
    marked a success by ``succeeded``) and return it. Checking and writing are one transaction, with the account's
    row locked where the database can (PostgreSQL), so that parallel attempts queue."""
    address, name, now = client_address(request), account_name(username), clock()
    with transaction.atomic():
        user_model = get_user_model()
        list(user_model.objects.select_for_update().filter(**{user_model.USERNAME_FIELD: name}).values_list("pk"))
        refusal = (_address_refusal(address, now) if address else None) or _account_refusal(name, now)
        if refusal is not None:
            return refusal, None
        attempt = SignInAttempt.objects.create(at=now, username=name, address=address, checked=False)
    return None, attempt


def succeeded(attempt: SignInAttempt) -> None:
    """The password was right: the account's count starts again from nothing."""
    SignInAttempt.objects.filter(pk=attempt.pk).update(succeeded=True, checked=True)


def failed(request, attempt: SignInAttempt) -> None:
    """The password was wrong (the attempt stays a failure, now counted for its address too). When this failure
    starts a wait for the account or for the address, say so in the audit log: the username and address, never
    the password."""
    now = clock()
    SignInAttempt.objects.filter(pk=attempt.pk).update(checked=True)
    SignInAttempt.objects.filter(at__lt=now - KEPT).delete()
    for refusal, whom in ((_address_refusal(attempt.address, now) if attempt.address else None, "address"),
                          (_account_refusal(attempt.username, now), "account")):
        if refusal is not None:
            record(request, "sign_in_limit", detail=f"{refusal.reason} Username {attempt.username!r}, address "
                                                    f"{attempt.address}: {whom} waits {refusal.wait}.")
