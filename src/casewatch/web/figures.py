"""Indicator figures for the pages: the headline list and one indicator's five years, for an audience.

The figures come from the measures engine (compute_all, with benchmarks and direction as measures.run gives
them); for an aggregate-only role every figure passes through casewatch.disclosure (public_figure).
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.html import escape
from django.utils.safestring import mark_safe

from casewatch.disclosure import SUPPRESSED, public_figure
from casewatch.measures.catalogue import all_indicators
from casewatch.measures.compute import compute_all
from casewatch.measures.define import REGISTRY
from casewatch.measures.run import _item
from casewatch.measures.scope import _minus_year
from casewatch.outputs.content import HEADLINE, fmt
from casewatch.web.source import Source

YEARS = 5


def _ends(pe: date, n: int) -> list[date]:
    ends = [pe]
    for _ in range(n - 1):
        ends.insert(0, _minus_year(ends[0]))
    return ends


def _shown(fig, public: bool) -> tuple:
    if fig is None:
        return None, None, None
    if public:
        ind = REGISTRY[fig.id]
        return public_figure(ind.unit, fig.value, fig.numerator, fig.denominator, fig.units, ind.decimals)
    return fig.value, fig.numerator, fig.denominator


def headline(src: Source, public: bool) -> tuple[object, list[dict]]:
    """(context, rows): each headline indicator's value, last year's, England, SN mean and direction."""
    def compute():
        all_indicators()
        with src.connect() as (con, ctx):
            ends = _ends(ctx.period_end, 2)
            figs = compute_all(con, ends, list(HEADLINE), breakdowns=())
        return ctx, figs

    ctx, figs = src.memo(("headline-figures",), compute)
    by = {(f.id, f.period_end): f for f in figs}
    prev_end, end = (e.isoformat() for e in _ends(ctx.period_end, 2))
    rows = []
    for ind_id in HEADLINE:
        ind, now, before = REGISTRY[ind_id], by.get((ind_id, end)), by.get((ind_id, prev_end))
        if now is None:
            continue
        item = _item(now, before, ctx, True)
        value, _, _ = _shown(now, public)
        previous, _, _ = _shown(before, public)
        direction = item["direction"]
        if public and not all(isinstance(v, int | float) for v in (value, previous)):
            direction = None
        rows.append({"id": ind_id, "title": ind.title, "unit": ind.unit, "value": value, "previous": previous,
                     "value_text": fmt(value, ind.unit, ind.decimals), "previous_text": fmt(previous, ind.unit, ind.decimals),
                     "england_text": fmt(item["england"], ind.unit, ind.decimals),
                     "sn_text": fmt(item["sn_mean"], ind.unit, ind.decimals), "direction": direction or "-"})
    return ctx, rows


def detail(src: Source, ind_id: str, public: bool) -> dict:
    """One indicator: definition, five periods, and (not for public) its teams at the latest period end."""
    def compute():
        all_indicators()
        with src.connect() as (con, ctx):
            ends = _ends(ctx.period_end, YEARS)
            figs = compute_all(con, ends, [ind_id], breakdowns=("team",) if "team" in REGISTRY[ind_id].breakdowns else ())
            names = dict(con.execute("SELECT team_id, name FROM teams").fetchall())
        return ctx, ends, figs, names

    ctx, ends, figs, names = src.memo(("detail", ind_id), compute)
    ind = REGISTRY[ind_id]
    whole = {f.period_end: f for f in figs if f.breakdown is None}
    periods = []
    for pe in ends:
        value, num, den = _shown(whole.get(pe.isoformat()), public)
        periods.append({"period_end": pe, "value_text": fmt(value, ind.unit, ind.decimals),
                        "numerator": _count_text(num), "denominator": _count_text(den), "value": value})
    teams = []
    if not public:
        for f in figs:
            if f.breakdown == "team" and f.period_end == ctx.period_end.isoformat():
                teams.append({"team": f.group, "name": names.get(f.group, f.group),
                              "value_text": fmt(f.value, ind.unit, ind.decimals),
                              "numerator": _count_text(f.numerator), "denominator": _count_text(f.denominator),
                              "outside": (f.limits or {}).get("outside")})
        teams.sort(key=lambda t: t["name"] or "")
    chart = src.memo(("chart", ind_id, public),
                     lambda: trend_chart(ind, [(p["period_end"].isoformat(), p["value"]) for p in periods], ends))
    return {"ctx": ctx, "ind": ind, "periods": periods, "teams": teams, "chart": chart}


_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*("[^"]*"|'[^']*')""", re.IGNORECASE)


def safe_svg(svg: str) -> str | None:
    """The SVG as the page's CSP allows it: style attributes stripped; None if it holds script, event handlers,
    a <style> element or outside references."""
    svg = _STYLE_ATTR.sub("", svg)
    lowered = svg.lower()
    if any(bad in lowered for bad in ("<script", "<style", "javascript:", "<foreignobject", "xlink:href=\"http",
                                      "href=\"http")) or re.search(r"\son[a-z]+\s*=", lowered):
        return None
    return svg


def trend_chart(ind, series: list[tuple[str, object]], ends: list[date]) -> dict | None:
    """The indicator's trend against England as inline SVG, with its alt text. ``series`` holds the figures as
    the page shows them (disclosure-controlled for members: suppressed years are left out, never charted)."""
    from casewatch import benchmarks
    from casewatch.outputs.charts import trend, unit_label

    england = benchmarks.series(ind.id, "E92000001") if benchmarks.published(ind.id) else []
    england = [(y, v) for y, v in england if y > ends[0].year - 1]
    svg, alt = trend(series, england, ind.title, unit_label(ind.unit))
    if not svg:
        return None
    svg = safe_svg(svg)
    if svg is None:
        return None
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{escape(alt)}" focusable="false"', 1)
    return {"svg": mark_safe(svg), "alt": alt}  # noqa: S308 (made by vl-convert from figures, checked above)


def _count_text(v) -> str:
    if v is None:
        return "-"
    if v == SUPPRESSED:
        return "c"
    return f"{v:,}" if isinstance(v, int) else f"{v:,.1f}"
