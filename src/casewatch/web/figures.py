"""Indicator figures for the pages: the headline list and one indicator's five years, for an audience.

The figures come from the measures engine (compute_all, with benchmarks and direction as measures.run gives
them); for an aggregate-only role every figure passes through casewatch.disclosure (publish).
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.html import escape
from django.utils.safestring import mark_safe

from casewatch.disclosure import SUPPRESSED, publish
from casewatch.measures.compute import compute_all
from casewatch.measures.define import REGISTRY
from casewatch.measures.run import _item, history_too_short, records_with_issues
from casewatch.measures.scope import _minus_year
from casewatch.outputs.content import HEADLINE, fmt
from casewatch.web.casework import standards_in_force
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
        return publish(ind.unit, fig.value, fig.numerator, fig.denominator, fig.units, ind.decimals)
    return fig.value, fig.numerator, fig.denominator


def five_years(src: Source) -> tuple[object, list]:
    """(context, figures) over the last five years of every indicator the overview shows: the headline ones and
    every one with a polarity (What got worse). One run of the measures engine for both, per database file
    and standards in force."""
    def compute():
        with src.connect() as (con, ctx):
            ids = list(dict.fromkeys([*HEADLINE, *(i.id for i in REGISTRY.values() if i.polarity)]))
            figs = compute_all(con, _ends(ctx.period_end, YEARS), ids, breakdowns=(), standards=std)
        return ctx, figs

    std, key = standards_in_force()
    return src.memo(("overview-figures", key), compute)


def headline(src: Source, public: bool) -> tuple[object, list[dict]]:
    """(context, rows): each headline indicator's value, last year's, England and the year of its figure
    (``england_year``: the DfE's latest year up to this one), SN mean, direction and a small five-year trend
    chart (``spark``, None when there are fewer than two years to draw)."""
    ctx, figs = five_years(src)
    key = standards_in_force()[1]
    raw = {(f.id, f.period_end): f for f in figs}
    by = {(f.id, f.period_end): f for f in figs  # a year whose look-back the data does not reach is not drawn
          if not history_too_short(REGISTRY[f.id], date.fromisoformat(f.period_start), ctx.data_from)}
    ends = [e.isoformat() for e in _ends(ctx.period_end, YEARS)]
    prev_end, end = ends[-2:]
    sparks = src.memo(("sparklines", public, key), lambda: {
        ind_id: spark_chart(REGISTRY[ind_id], [(pe, _shown(by.get((ind_id, pe)), public)[0]) for pe in ends])
        for ind_id in HEADLINE})

    rows = []
    for ind_id in HEADLINE:
        ind, now, before = REGISTRY[ind_id], raw.get((ind_id, end)), raw.get((ind_id, prev_end))
        if now is None:
            continue
        item = _item(now, before, ctx, True)
        value, _, _ = _shown(now, public)
        previous, _, _ = _shown(before, public)
        if item["history"]:  # the data does not reach back as far as the figure looks: said, not a number
            value = previous = None
        direction = item["direction"]
        if public and not all(isinstance(v, int | float) for v in (value, previous)):
            direction = None
        rows.append({"id": ind_id, "title": ind.title, "unit": ind.unit, "value": value, "previous": previous,
                     "value_text": fmt(value, ind.unit, ind.decimals), "previous_text": fmt(previous, ind.unit, ind.decimals),
                     # a count beside England's total misleads (one council's 300 against 82,000): not shown
                     "england_text": "not comparable" if ind.is_count else fmt(item["england"], ind.unit,
                                                                                 ind.decimals),
                     "england_year": item["benchmark_year"] if item["england"] is not None else None,
                     "sn_text": "not comparable" if ind.is_count else fmt(item["sn_mean"], ind.unit,
                                                                           ind.decimals),
                     "direction": direction or "-",
                     "note": "history too short" if item["history"] else None,
                     "spark": sparks.get(ind_id)})
    return ctx, rows


def spark_chart(ind, series: list[tuple[str, object]]) -> dict | None:
    """A headline indicator's five years as a small line (casewatch.outputs.charts.sparkline), from the figures
    as the page shows them: for members disclosure-controlled, suppressed years left out."""
    from casewatch.outputs.charts import sparkline

    return inline_chart(*sparkline(series, ind.title))


def detail(src: Source, ind_id: str, public: bool) -> dict:
    """One indicator: definition, five periods, and (not for public) its teams at the latest period end."""
    def compute():
        with src.connect() as (con, ctx):
            ends = _ends(ctx.period_end, YEARS)
            figs = compute_all(con, ends, [ind_id], breakdowns=("team",) if "team" in REGISTRY[ind_id].breakdowns else (),
                               standards=std)
            names = dict(con.execute("SELECT team_id, name FROM teams").fetchall())
            issues = records_with_issues(con, [REGISTRY[ind_id]])[ind_id]
        return ctx, ends, figs, names, issues

    std, key = standards_in_force()
    ctx, ends, figs, names, issues = src.memo(("detail", ind_id, key), compute)
    ind = REGISTRY[ind_id]

    def too_short(f) -> str | None:
        return history_too_short(ind, date.fromisoformat(f.period_start), ctx.data_from) if f else None

    raw = {f.period_end: f for f in figs if f.breakdown is None}
    whole = {pe: f for pe, f in raw.items() if not too_short(f)}
    periods = []
    for pe in ends:
        short = too_short(raw.get(pe.isoformat()))
        value, num, den = _shown(whole.get(pe.isoformat()), public)
        periods.append({"period_end": pe, "value_text": "history too short" if short else fmt(value, ind.unit,
                                                                                              ind.decimals),
                        "numerator": _count_text(num), "denominator": _count_text(den), "value": value}
                       | benchmark_cells(ind, ctx.la_code, pe))
    teams = []
    if not public:
        for f in figs:
            if f.breakdown == "team" and f.period_end == ctx.period_end.isoformat():
                teams.append({"team": f.group, "name": names.get(f.group, f.group),
                              "value_text": fmt(f.value, ind.unit, ind.decimals),
                              "numerator": _count_text(f.numerator), "denominator": _count_text(f.denominator),
                              "outside": (f.limits or {}).get("outside")})
        teams.sort(key=lambda t: t["name"] or "")
    chart = src.memo(("chart", ind_id, public, key),
                     lambda: trend_chart(ind, [(p["period_end"].isoformat(), p["value"]) for p in periods], ends))
    funnel = None
    if not public and ind.funnel:
        funnel = src.memo(("funnel", ind_id, key), lambda: funnel_chart(ind, whole.get(ctx.period_end.isoformat()), [
            (t["name"] or t["team"], f.value, f.denominator) for t, f in _team_figures(figs, ctx, names)]))
    short = next((too_short(f) for f in raw.values() if too_short(f)), None)
    return {"ctx": ctx, "ind": ind, "periods": periods, "teams": teams, "chart": chart, "funnel": funnel,
            "history": short, "records_with_issues": None if public else issues,
            "benchmarks": benchmark_summary(ind, periods)}


def benchmark_cells(ind, la_code: str | None, pe: date) -> dict:
    """England's and the statistical neighbours' figures for a period (from casewatch.benchmarks), each with the
    year it is for: ``benchmark_year`` is the DfE year used, an earlier one when the period's is not yet
    published, and the cell text then names it ('59.1% (2025)'). No figures (None) for a count: England's
    total is not comparable with one council's."""
    from casewatch import benchmarks

    if ind.is_count or not benchmarks.published(ind.id):
        return {"england_text": None, "sn_text": None, "benchmark_year": None}
    found = benchmarks.compare(ind.id, la_code, pe.year, None, ind.higher_is_better)
    year = found["benchmark_year"]

    def cell(v) -> str:
        if v is None:
            return "-"
        return fmt(v, ind.unit, ind.decimals) + ("" if year == pe.year else f" ({year})")

    return {"england_text": cell(found["england"]), "sn_text": cell(found["sn_mean"]), "benchmark_year": year,
            "england": found["england"], "sn_mean": found["sn_mean"]}


def benchmark_summary(ind, periods: list[dict]) -> dict:
    """What the page says above its table: the latest figure beside England's and the neighbours', each with
    the year it is for; for a count, that England's total is not comparable and which rate compares them."""
    from casewatch.outputs.charts import comparable_rate

    latest = periods[-1]
    out = {"year": latest["period_end"].year, "value_text": latest["value_text"], "count": ind.is_count,
           "rate": comparable_rate(ind), "england_text": None, "sn_text": None,
           "benchmark_year": latest.get("benchmark_year"), "shown": any(p["england_text"] for p in periods),
           "any_sn": any(p.get("sn_mean") is not None for p in periods)}
    if latest.get("england") is not None:
        out["england_text"] = fmt(latest["england"], ind.unit, ind.decimals)
    if latest.get("sn_mean") is not None:
        out["sn_text"] = fmt(latest["sn_mean"], ind.unit, ind.decimals)
    return out


def _team_figures(figs, ctx, names: dict) -> list[tuple[dict, object]]:
    """The teams' figures at the latest period end (not the unallocated or no-team rows), by team name."""
    out = [({"team": f.group, "name": names.get(f.group)}, f) for f in figs
           if f.breakdown == "team" and f.period_end == ctx.period_end.isoformat()
           and f.group not in ("unallocated", "no team")]
    return sorted(out, key=lambda tf: tf[0]["name"] or tf[0]["team"])


def funnel_chart(ind, council, teams: list[tuple[str, object, object]]) -> dict | None:
    """The teams' percentages against the council's, with 95% and 99.8% funnel limits
    (casewatch.outputs.charts.funnel). Never for aggregate-only roles: it shows every team's unrounded figure."""
    from casewatch.outputs.charts import funnel

    if council is None or not isinstance(council.value, int | float):
        return None
    return inline_chart(*funnel(teams, council.value, f"{ind.title}, by team"))


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
    """The indicator's trend as inline SVG, with its alt text: from zero, against England's published figures
    (named with their years) unless it is a count (casewatch.outputs.charts.trend). ``series`` holds the figures
    as the page shows them (disclosure-controlled for members: suppressed years are left out, never charted)."""
    from casewatch import benchmarks
    from casewatch.outputs.charts import trend

    england = benchmarks.series(ind.id, "E92000001") if benchmarks.published(ind.id) else []
    england = [(y, v) for y, v in england if y > ends[0].year - 1]
    return inline_chart(*trend(ind, series, england))


def inline_chart(svg: str, alt: str) -> dict | None:
    """A chart from casewatch.outputs.charts as the page shows it: inline SVG the CSP allows (safe_svg), one
    image to assistive technology labelled with the alt text (also the figure's caption). None if no chart."""
    if not svg:
        return None
    svg = safe_svg(svg)
    if svg is None:
        return None
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{escape(alt)}" focusable="false"', 1)
    return {"svg": mark_safe(svg), "alt": alt}  # noqa: S308 (made by vl-convert from figures, checked above)


def caseload_chart(workers: list[dict], cap: float) -> dict | None:
    """The workers' weighted caseloads by team against the cap (casewatch.outputs.charts.caseload_distribution):
    ``workers`` are the rows the teams page shows, already cut to the viewer's reach."""
    from casewatch.outputs.charts import caseload_distribution

    return inline_chart(*caseload_distribution(
        [(w.get("worker_name") or w["worker"], w.get("team_name") or w["team"], w["weighted"], w["cap"])
         for w in workers], cap))


def _count_text(v) -> str:
    if v is None:
        return "-"
    if v == SUPPRESSED:
        return "c"
    return f"{v:,}" if isinstance(v, int) else f"{v:,.1f}"
