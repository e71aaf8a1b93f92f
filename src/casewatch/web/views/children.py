"""A child's chronology: one timeline, opened only within the principal's reach; every opening audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from casewatch.web import chronology
from casewatch.web.audit import record
from casewatch.web.principal import principal
from casewatch.web.source import current


def child(request, child_id: str):
    who = principal(request)
    with current().connect() as (con, ctx):
        if not chronology.may_open(con, who, child_id, ctx.data_to):
            record(request, "denied_child", child_id=child_id)
            raise PermissionDenied
        if not chronology.exists(con, child_id):
            raise Http404("no such child")
        data = chronology.timeline(con, child_id)
    record(request, "view_child", child_id=child_id)
    return render(request, "casewatch/child.html", {"ctx": ctx, **data})
