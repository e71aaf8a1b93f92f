"""The caseload balancer's proposed moves (casewatch.workforce.plan): for managers, child-level, audited.

A manager sets the cap and time limit and starts a run (POST); the run happens in the background
(web/balancer_runs.py) and the page (GET with the same parameters) says "running, N s so far" until the plan is
there: with htmx the status region asks again every 2 s, without it the page refreshes itself.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from casewatch import standards
from casewatch.web import balancer_runs, casework
from casewatch.web.audit import record
from casewatch.web.principal import principal
from casewatch.web.source import current
from casewatch.web.views.casework import fragment_wanted, htmx_vendored

POLL_SECONDS = 2


def balancer(request):
    who = principal(request)
    src = current()
    ctx = src.context()
    std = casework.local_standards()
    query = request.POST if request.method == "POST" else request.GET
    cap, time_limit, refused = balancer_runs.parameters(query, float(std["caseload"]["cap"]))
    data = {"ctx": ctx, "cap": cap, "time_limit": time_limit, "bounds": {"cap": balancer_runs.CAP,
            "time_limit": balancer_runs.TIME_LIMIT}, "weights": standards.weights_note(std["caseload"]["weights"])}
    if refused:
        record(request, "balancer_refused", detail=refused)
        data |= {"refused": refused, "cap": query.get("cap", ""), "time_limit": query.get("time_limit", "")}
        return render(request, "casewatch/balancer.html", data | {"state": "refused"}, status=400)
    params = urlencode({"cap": f"{cap:g}", "time_limit": f"{time_limit:g}"})
    if request.method == "POST":
        how = balancer_runs.start(src, ctx.data_to, who.username, cap, time_limit, std)
        note = {"started": "", "joined": " (joined the run under way)", "kept": " (the plan kept shown)"}[how]
        record(request, "run_balancer", detail=f"cap {cap:g}, time limit {time_limit:g} s{note}")
        return redirect(f"{reverse('balancer')}?{params}")
    state, value = balancer_runs.state(src, ctx.data_to, who.username, cap, time_limit)
    data |= {"state": state, "params": params, "poll": POLL_SECONDS}
    if state == "plan":
        plan = casework.cut_plan(value, who, casework.worker_names(src), casework.team_names(src))
        record(request, "view_balancer", detail=f"{len(plan['moves'])} moves shown, cap {cap:g}, "
               f"time limit {time_limit:g} s")
        data["plan"] = plan
    elif state == "running":
        data["seconds"] = value
    elif state == "failed":
        record(request, "view_balancer", detail=f"no plan (cap {cap:g}, time limit {time_limit:g} s)")
        data["error"] = value
    if fragment_wanted(request):
        response = render(request, "casewatch/balancer_result.html", data | {"htmx": True})
    else:
        htmx = htmx_vendored()
        response = render(request, "casewatch/balancer.html", data | {"htmx": htmx})
        if state == "running" and not htmx:
            response["Refresh"] = str(POLL_SECONDS)  # no JavaScript: the browser asks again itself
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    response["Cache-Control"] = "no-store"
    return response
