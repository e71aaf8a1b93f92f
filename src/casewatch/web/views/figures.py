"""Overview and indicator pages: aggregates, through disclosure control for aggregate-only roles."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from casewatch.measures.catalogue import all_indicators
from casewatch.measures.define import REGISTRY
from casewatch.web import figures
from casewatch.web.principal import principal
from casewatch.web.source import current


def overview(request):
    public = principal(request).aggregate_only
    ctx, rows = figures.headline(current(), public)
    return render(request, "casewatch/overview.html", {"ctx": ctx, "rows": rows, "public": public})


def indicator(request, ind_id: str):
    all_indicators()
    if ind_id not in REGISTRY:
        raise Http404("no such indicator")
    public = principal(request).aggregate_only
    data = figures.detail(current(), ind_id, public)
    return render(request, "casewatch/indicator.html", data | {"public": public})
