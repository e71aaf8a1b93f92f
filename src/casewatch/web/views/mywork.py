"""A person's first page: My caseload (a social worker's children, what is next due for each) and This week
(a team manager's workers: overdue and due in the next 7 days). Child-level, scoped, every view audited.

Who sees whose caseload: a social worker always their own (asking for another worker's is refused); a team
manager any worker of their teams, a head of service, analyst or admin any worker, chosen with ?worker=; without
?worker= they get the list of workers they may choose from.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from casewatch import words
from casewatch.web import casework, mywork
from casewatch.web.audit import record
from casewatch.web.principal import principal
from casewatch.web.source import current
from casewatch.web.views.casework import _shown


def _read(row: dict) -> dict:
    """A due item as a person reads it: "overdue by 3 days" / "due today" / "due in 5 days", 7 Apr 2026."""
    return _shown(row) | {"due": words.day_short(row["due_date"]), "overdue": row["days_overdue"] > 0}


def my_caseload(request):
    who = principal(request)
    src = current()
    asked = request.GET.get("worker") or ""
    if who.reach == "caseload":
        if asked and asked != who.worker:
            record(request, "denied_caseload", detail="another worker's caseload")
            raise PermissionDenied
        worker = who.worker
    else:
        worker = asked
    if not worker:
        names = casework.team_names(src)
        workers = [w | {"team_name": names.get(w["team"], w["team"])} for w in mywork.workers_in_reach(src, who)]
        record(request, "view_caseload", detail=f"chooser, {len(workers)} workers")
        return render(request, "casewatch/my_caseload.html",
                      {"ctx": src.context(), "choose": True, "workers": workers,
                       "data_to": words.day(src.context().data_to)})
    if not mywork.may_see_worker(src, who, worker):
        record(request, "denied_caseload", detail="worker out of reach")
        raise PermissionDenied
    ctx, data = mywork.caseload(src, worker)
    for c in data["children"]:
        c["due"] = [_read(r) for r in c["due"]]
    record(request, "view_caseload", detail=f"{len(data['children'])} children")
    team = mywork.worker_team(src, worker) or ""
    return render(request, "casewatch/my_caseload.html",
                  {"ctx": ctx, **data, "own": worker == who.worker, "data_to": words.day(ctx.data_to),
                   "team_name": casework.team_names(src).get(team, team)})


def this_week(request):
    who = principal(request)
    src = current()
    ctx, data = mywork.this_week(src, who)
    for w in data["workers"]:
        w["items"] = [_read(r) for r in w["items"]]
    record(request, "view_this_week", detail=f"{len(data['workers'])} workers")
    return render(request, "casewatch/this_week.html", {"ctx": ctx, **data, "data_to": words.day(ctx.data_to)})
