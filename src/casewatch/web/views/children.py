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
    src = current()

    def check() -> tuple[bool, bool]:
        with src.connect() as (con, ctx):
            return chronology.may_open(con, who, child_id, ctx.data_to), chronology.exists(con, child_id)

    def build() -> dict:
        with src.connect() as (con, _ctx):
            return chronology.timeline(con, child_id)

    # both are cached until the analytics file changes: a chronology is read many times in a morning
    allowed, found = src.memo(("child-access", child_id, who.role, who.teams, who.worker), check)
    if not allowed:
        record(request, "denied_child", child_id=child_id)
        raise PermissionDenied
    if not found:
        raise Http404("no such child")
    data = src.memo(("child-timeline", child_id), build)
    record(request, "view_child", child_id=child_id)
    return render(request, "casewatch/child.html", {"ctx": src.context(), **data})
