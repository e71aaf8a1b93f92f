"""Accounts: create, list, change the role of, disable, enable and reset the password of a user — what
``casewatch users ...`` does. Every change is written to the audit log, by the operating-system account that ran it.

Demo accounts (``serve --demo-accounts``) are the accounts named ``demo_<role>``; their password is published, so
they sign in only while the served database is a synthetic council, and ``users remove-demo`` deletes them."""

from __future__ import annotations

import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from casewatch.errors import CasewatchError
from casewatch.web.models import AuditEvent, Profile
from casewatch.web.permissions import ROLES


class AccountError(CasewatchError):
    """The account cannot be created as asked."""


def _check_scope(role: str, teams: list[str] | None, worker: str) -> None:
    if role not in ROLES:
        raise AccountError(f"no role {role!r}; the roles are {', '.join(ROLES)}")
    if role == "team_manager" and not teams:
        raise AccountError("a team_manager needs at least one --team")
    if role == "social_worker" and not worker:
        raise AccountError("a social_worker needs --worker (their worker id)")


def _set_password(user, password: str) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError("; ".join(exc.messages)) from None
    user.set_password(password)


def _audit(action: str, user, detail: str) -> None:
    AuditEvent.objects.create(username=f"cli:{_os_user()}", role="", action=action, path="casewatch users",
                              detail=f"{user.get_username()}: {detail}"[:500])


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _get(username: str):
    try:
        return get_user_model().objects.select_related("casewatch").get(username=username)
    except ObjectDoesNotExist:
        raise AccountError(f"no user {username!r}") from None


def add_user(username: str, role: str, password: str, teams: list[str] | None = None, worker: str = "",
             *, demo: bool = False):
    _check_scope(role, teams, worker)
    if username in DEMO_USERNAMES and not demo:
        raise AccountError(f"{username!r} is the name of a demo account; choose another")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise AccountError(f"a user {username!r} already exists")
    user = User(username=username, is_staff=False, is_superuser=False)
    _set_password(user, password)
    with transaction.atomic():
        user.save()
        Profile.objects.create(user=user, role=role, teams=list(teams or []), worker_id=worker or "")
        _audit("account_add", user, _scope(role, teams, worker))
    return user


def _scope(role: str, teams: list[str] | None, worker: str) -> str:
    return role + (f" teams {','.join(teams)}" if teams else "") + (f" worker {worker}" if worker else "")


def list_users() -> list[dict]:
    """Every account: username, role, teams, worker, active, last sign-in (none for accounts without a role)."""
    rows = []
    for user in get_user_model().objects.select_related("casewatch").order_by("username"):
        profile = getattr(user, "casewatch", None)
        rows.append({"username": user.get_username(), "role": profile.role if profile else "",
                     "teams": list(profile.teams) if profile else [], "worker": profile.worker_id if profile else "",
                     "active": user.is_active, "last_login": user.last_login})
    return rows


def set_role(username: str, role: str, teams: list[str] | None = None, worker: str = ""):
    """A new role and scope; the account's sessions end (the next request signs in again)."""
    _check_scope(role, teams, worker)
    user = _get(username)
    with transaction.atomic():
        Profile.objects.update_or_create(user=user, defaults={"role": role, "teams": list(teams or []),
                                                              "worker_id": worker or ""})
        _end_sessions(user)
        _audit("account_role", user, _scope(role, teams, worker))
    return user


def set_active(username: str, active: bool):
    """Disable (sign-in refused, sessions ended at once) or enable an account. Its audit rows are kept."""
    user = _get(username)
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            _end_sessions(user)
        _audit("account_enable" if active else "account_disable", user, "enabled" if active else "disabled")
    return user


def reset_password(username: str, password: str):
    """A new password (validated like a new account's); the account's sessions end."""
    user = _get(username)
    _set_password(user, password)
    with transaction.atomic():
        user.save(update_fields=["password"])
        _end_sessions(user)
        _audit("account_password", user, "password reset")
    return user


def _end_sessions(user) -> None:
    """Delete the sessions that belong to ``user`` (Django keeps the user id in each session's signed data)."""
    from django.contrib.sessions.models import Session

    key = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == key:
            session.delete()


DEMO_PASSWORD = "open-sesame-synthetic-2026"
DEMO_PREFIX = "demo_"
DEMO_USERNAMES = frozenset(DEMO_PREFIX + role for role in ROLES)
DEMO_REFUSED = "Demo accounts work only on a synthetic council"


def is_demo(user) -> bool:
    """Was this account made by ``demo_accounts`` (its password is published)?"""
    return user.get_username() in DEMO_USERNAMES


def is_synthetic(db_path: str) -> bool:
    """Does the analytics database hold only synthetic councils (council codes X01...), and at least one?"""
    from casewatch.measures.scope import attach

    con = attach(db_path)
    try:
        councils = [r[0] for r in con.execute("SELECT council_id FROM db.councils").fetchall()]
    finally:
        con.close()
    return bool(councils) and all(str(c).startswith("X") for c in councils)


def demo_refused(user) -> bool:
    """A demo account while the served database is not a synthetic council (or cannot be read): refuse it. The
    check is cached until the database file changes."""
    if not is_demo(user):
        return False
    from casewatch.web.source import NoData, current

    try:
        source = current()
        return not source.memo("synthetic", lambda: is_synthetic(source.path))
    except NoData:
        return True


def remove_demo() -> int:
    """Delete every demo account (their audit rows stay, under their names); how many there were."""
    users = list(get_user_model().objects.filter(username__in=DEMO_USERNAMES).order_by("username"))
    with transaction.atomic():
        for user in users:
            _end_sessions(user)
            _audit("account_remove", user, "demo account removed")
            user.delete()
    return len(users)


def demo_accounts(db_path: str) -> list[tuple[str, str, str]]:
    """One account per role on a synthetic council (refused for any other data): the team manager of the team
    with the most cases on the data's last day, and a social worker in it. Existing demo accounts are kept.
    Returns (username, role, scope)."""
    from casewatch.measures.scope import attach

    if not is_synthetic(db_path):
        raise AccountError("demo accounts are only for a synthetic council (council codes X01...)")
    con = attach(db_path)
    try:
        team, worker = con.execute("""
            SELECT coalesce(a.team_id, w.team_id) AS team, arg_max(a.worker_id, 1) AS worker
            FROM db.allocations a JOIN db.workers w USING (worker_id), (SELECT max(data_to) AS d FROM db.councils) x
            WHERE a.start_date <= x.d AND (a.end_date IS NULL OR a.end_date > x.d)
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""").fetchone()
    finally:
        con.close()
    User = get_user_model()
    made = []
    for role in ROLES:
        name = DEMO_PREFIX + role
        scope = {"team_manager": f"team {team}", "social_worker": f"worker {worker}"}.get(role, "")
        if not User.objects.filter(username=name).exists():
            add_user(name, role, DEMO_PASSWORD, teams=[team] if role == "team_manager" else None,
                     worker=worker if role == "social_worker" else "", demo=True)
        made.append((name, role, scope))
    return made
