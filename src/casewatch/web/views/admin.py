"""The audit log (admins only) and the static files (served by the app itself: no CDN, no inline assets)."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.views.static import serve

from casewatch.web.models import AuditEvent

SHOWN = 500


def audit(request):
    events = AuditEvent.objects.all()[:SHOWN]
    return render(request, "casewatch/audit.html", {"events": events, "shown": SHOWN})


def static(request, path: str):
    return serve(request, path, document_root=str(settings.STATIC_ROOT))


def govuk_assets(request, path: str):
    """GOV.UK Frontend's compiled CSS asks for its fonts and images at /assets/."""
    return serve(request, path, document_root=str(settings.STATIC_ROOT / "vendor" / "govuk" / "assets"))
