"""The caseload balancer's proposed moves (casewatch.workforce.plan): for managers, child-level, audited."""

from __future__ import annotations

from django.shortcuts import render

from casewatch.web import casework
from casewatch.web.audit import record
from casewatch.web.principal import principal
from casewatch.web.source import current


def balancer(request):
    who = principal(request)
    ctx, plan = casework.balancing_plan(current(), who)
    names = casework.team_names(current())
    record(request, "view_balancer", detail=f"{len(plan.get('moves', []))} moves shown")
    for w in plan.get("workers", []):
        w["team_name"] = names.get(w["team"], w["team"])
    return render(request, "casewatch/balancer.html", {"ctx": ctx, "plan": plan})
