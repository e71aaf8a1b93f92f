"""The audit trail: every child-level page view and every export, in the app database (never in log lines)."""

from __future__ import annotations

from casewatch.web.models import AuditEvent
from casewatch.web.principal import principal


def record(request, action: str, child_id: str = "", detail: str = "") -> AuditEvent:
    who = principal(request)
    user = request.user if request.user.is_authenticated else None
    return AuditEvent.objects.create(user=user, username=who.username, role=who.role, action=action,
                                     path=request.get_full_path()[:500], child_id=child_id, detail=detail[:500])
