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
