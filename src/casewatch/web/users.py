"""Accounts: create a user with a role (and teams or a worker id) — what ``casewatch users add`` does."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from casewatch.web.models import Profile
from casewatch.web.permissions import ROLES


class AccountError(Exception):
    """The account cannot be created as asked."""


def add_user(username: str, role: str, password: str, teams: list[str] | None = None, worker: str = ""):
    if role not in ROLES:
        raise AccountError(f"no role {role!r}; the roles are {', '.join(ROLES)}")
    if role == "team_manager" and not teams:
        raise AccountError("a team_manager needs at least one --team")
    if role == "social_worker" and not worker:
        raise AccountError("a social_worker needs --worker (their worker id)")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise AccountError(f"a user {username!r} already exists")
    user = User(username=username, is_staff=False, is_superuser=False)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError("; ".join(exc.messages)) from None
    user.set_password(password)
    with transaction.atomic():
        user.save()
        Profile.objects.create(user=user, role=role, teams=list(teams or []), worker_id=worker or "")
    return user


DEMO_PASSWORD = "open-sesame-synthetic-2026"


def demo_accounts(db_path: str) -> list[tuple[str, str, str]]:
    """One account per role on a synthetic council (refused for any other data): the team manager of the team
    with the most cases on the data's last day, and a social worker in it. Existing demo accounts are kept.
    Returns (username, role, scope)."""
    from casewatch.measures.scope import attach

    con = attach(db_path)
    try:
        councils = [r[0] for r in con.execute("SELECT council_id FROM db.councils").fetchall()]
        if not councils or not all(c.startswith("X") for c in councils):
            raise AccountError("demo accounts are only for a synthetic council (council codes X01...)")
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
        name = f"demo_{role}"
        scope = {"team_manager": f"team {team}", "social_worker": f"worker {worker}"}.get(role, "")
        if not User.objects.filter(username=name).exists():
            add_user(name, role, DEMO_PASSWORD, teams=[team] if role == "team_manager" else None,
                     worker=worker if role == "social_worker" else "")
        made.append((name, role, scope))
    return made
