"""The app's own tables (SQLite): who may see what (Profile), who saw what (AuditEvent) and who tried to sign in
(SignInAttempt)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from casewatch.web.permissions import ROLES


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casewatch")
    role = models.CharField(max_length=32, choices=[(r, r) for r in ROLES])
    teams = models.JSONField(default=list, blank=True)  # team ids (team managers)
    worker_id = models.CharField(max_length=64, blank=True, default="")  # social workers: their own caseload

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.role})"


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150)  # kept when the account is deleted
    role = models.CharField(max_length=32, blank=True)
    action = models.CharField(max_length=32)  # view_child, view_list, export_list, denied_child
    path = models.CharField(max_length=500)
    child_id = models.CharField(max_length=64, blank=True, default="")
    detail = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["-at", "-id"]


class SignInAttempt(models.Model):
    """One sign-in attempt, for the limits in web/throttle.py (never the password). Written before the password is
    checked, as an unchecked failure, then marked checked, and a success if it was right; rows older than a day
    are deleted."""

    at = models.DateTimeField(db_index=True)
    username = models.CharField(max_length=150)  # as typed (trimmed), whether or not such an account exists
    address = models.CharField(max_length=64)  # the client address; IPv6 as its /64 network
    succeeded = models.BooleanField(default=False)
    # False while the password is being checked: such an attempt counts towards its account's wait (parallel
    # guesses queue) but not towards its address's limits, or an office signing in at nine o'clock, all from one
    # address, would block itself
    checked = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["username", "at"]), models.Index(fields=["address", "at"])]
