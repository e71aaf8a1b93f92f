"""Councils side by side in a pooled (regional) database: one indicator at a time, ranked, with a funnel plot
(casewatch.pool.compare). Aggregates; for the analysts and heads of service of a regional hub."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from casewatch.measures.define import REGISTRY
from casewatch.web.casework import standards_in_force
from casewatch.web.figures import inline_chart
from casewatch.web.source import current

DEFAULT = "re_referrals_12m_pct"


def councils(request):
    from casewatch.outputs.compare_html import funnel_chart
    from casewatch.pool.compare import compare, figures

    ind_id = request.GET.get("indicator") or DEFAULT
    if ind_id not in REGISTRY:
        raise Http404("no such indicator")
    src = current()
    std, key = standards_in_force()  # one yardstick for every council: the standards the server was given

    def compute():
        with src.file() as path:  # the file served (while a new load warms up, the one before it)
            pe, names, by = figures(path, None, [ind_id], standards=std)
        row = compare(names, by)[0]
        chart = funnel_chart(row)
        return pe, row, inline_chart(*chart) if chart[0] else None

    pe, row, chart = src.memo(("councils", ind_id, key), compute)
    ranked = sorted(row["councils"], key=lambda c: (c.rank or 10**6, c.council))
    choices = sorted(((i.id, i.title) for i in REGISTRY.values()), key=lambda x: x[1])
    return render(request, "casewatch/councils.html", {"pe": pe, "row": row, "ranked": ranked, "chart": chart,
                                                       "choices": choices, "chosen": ind_id})
