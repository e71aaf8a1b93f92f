"""Overview and indicator pages: aggregates, through disclosure control for aggregate-only roles."""

from __future__ import annotations

from collections import Counter

from django.http import Http404
from django.shortcuts import render

from casewatch import benchmarks
from casewatch.measures.catalogue import all_indicators, by_judgement_area
from casewatch.measures.define import REGISTRY
from casewatch.web import figures, worse
from casewatch.web.principal import principal
from casewatch.web.source import current


def overview(request):
    """What got worse (ranked: casewatch.measures.worse; all of them with ``?worse=all``), then the headline
    indicators beside England, the year of England's figures said."""
    public = principal(request).aggregate_only
    ctx, rows = figures.headline(current(), public)
    everything = request.GET.get("worse") == "all"
    _, worse_rows, worse_total, left_out = worse.rows(current(), public, None if everything else worse.TOP)
    years = Counter(r["england_year"] for r in rows if r.get("england_year"))
    return render(request, "casewatch/overview.html", {
        "ctx": ctx, "rows": rows, "public": public, "worse": worse_rows, "worse_total": worse_total,
        "worse_left_out": left_out, "worse_all": everything,
        "england_year": years.most_common(1)[0][0] if years else None,
        "compared_as": benchmarks.la_name(ctx.la_code) if ctx.la_code else None})


def indicator(request, ind_id: str):
    if ind_id not in REGISTRY:
        raise Http404("no such indicator")
    public = principal(request).aggregate_only
    data = figures.detail(current(), ind_id, public)
    return render(request, "casewatch/indicator.html", data | {"public": public})


def indicators(request):
    """Every indicator, grouped by the Ofsted judgement area it informs; ``q`` keeps those whose title,
    description or area holds every word of it. Definitions only: no figure is shown here."""
    q = " ".join(request.GET.get("q", "").split())[:100]
    words = q.lower().split()
    groups = []
    for name, inds in by_judgement_area():
        shown = [i for i in inds if all(w in f"{i.title} {i.description} {i.area}".lower() for w in words)]
        if shown:
            groups.append({"name": name, "indicators": [
                {"id": i.id, "title": i.title, "description": i.description, "area": i.area,
                 "better": {"higher": "higher is better", "lower": "lower is better"}.get(i.polarity or "",
                                                                                         "context, not a target")}
                for i in shown]})
    total = sum(len(g["indicators"]) for g in groups)
    return render(request, "casewatch/indicators.html", {"groups": groups, "q": q, "total": total,
                                                        "of": len(all_indicators())})
