"""Charts as inline SVG: Altair (Vega-Lite) specifications rendered offline by vl-convert. No network, no
JavaScript in the report. Each function returns (svg, alt text): the alt text says what the chart shows in
words, so no reader depends on the picture (or on colour)."""

from __future__ import annotations

import math
import re
from functools import partial

import altair as alt
import vl_convert as vlc

from casewatch.measures import stats
from casewatch.words import day

COUNCIL, ENGLAND, LIMIT, OUTSIDE = "#1d70b8", "#505a5f", "#b1b4b6", "#d4351c"  # GOV.UK palette


def _svg(chart: alt.TopLevelMixin | dict) -> str:
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    svg = vlc.vegalite_to_svg(spec)
    return svg[svg.index("<svg"):] if "<svg" in svg else svg


def _numbers(series: list[tuple[str, object]]) -> list[dict]:
    return [{"year": pe[:4], "value": v} for pe, v in series if isinstance(v, int | float)]


def sparkline_spec(series: list[tuple[str, object]], title: str) -> tuple[dict | None, str]:
    """A headline indicator's years as a small line without axes (None when fewer than two years). It runs from
    its own lowest year to its highest, not from zero (a trend, read beside the figures), and its alt text says
    so."""
    data = _numbers(series)
    if len(data) < 2:
        return None, f"{title}: too few years to show a trend"
    low, high = min(d["value"] for d in data), max(d["value"] for d in data)
    scale = alt.Scale(domain=[low, high], nice=False) if low < high else alt.Scale(zero=True)
    chart = alt.Chart(alt.Data(values=data)).mark_line(color=COUNCIL, point=True).encode(
        x=alt.X("year:O", axis=None), y=alt.Y("value:Q", axis=None, scale=scale),
    ).properties(width=90, height=24).configure_view(stroke=None)
    first, last = data[0], data[-1]
    return chart.to_dict(validate=False), (f"{title}, a small line scaled to its own lowest and highest years: "
                                           f"{first['value']} in {first['year']} to {last['value']} in {last['year']}")


def sparkline(series: list[tuple[str, object]], title: str) -> tuple[str, str]:
    spec, alt_text = sparkline_spec(series, title)
    return (_svg(spec) if spec else ""), alt_text


def comparable_rate(ind):
    """The indicator that compares a count with England's: the same children per 10,000 (referrals ->
    referrals_rate_per_10k, cla_at_31_march -> cla_rate_per_10k), or None if there is none."""
    from casewatch.measures.define import REGISTRY

    return REGISTRY.get(ind.id.removesuffix("_at_31_march") + "_rate_per_10k") if ind.is_count else None


def england_label(years: list[int]) -> str:
    """England's legend entry with the year(s) its figures are for: 'England (2025)', 'England (to 2025)'."""
    return f"England ({years[0]})" if len(years) == 1 else f"England (to {max(years)})"


def _x_title(ind, series: list[tuple[str, object]]) -> str:
    end = day(series[-1][0]).rsplit(" ", 1)[0] if series else "31 March"
    return {"snapshot": f"On {end}", "three_years": f"Three years ending {end}"}.get(ind.period,
                                                                                     f"Year ending {end}")


def trend_spec(ind, series: list[tuple[str, object]],
               england: list[tuple[int, float | None]]) -> tuple[dict | None, str]:
    """The indicator's years as a line (None when there is nothing to draw), its y axis from zero and titled
    with the indicator's unit (``unit_label``). England's published figures are drawn beside a percentage, a
    rate, a mean or a median, named with their years (``england_label``); never beside a count, whose England
    total (~82,000 referrals) is not comparable with one council's: the alt text says so."""
    title = ind.title
    rows = [{"year": r["year"], "value": r["value"], "who": "This council"} for r in _numbers(series)]
    theirs = [(y, v) for y, v in england if v is not None and not ind.is_count]
    who = ["This council"] + ([england_label([y for y, _ in theirs])] if theirs else [])
    rows += [{"year": str(y), "value": v, "who": who[-1]} for y, v in theirs]
    if not rows:
        return None, f"{title}: no figures to chart"
    chart = alt.Chart(alt.Data(values=rows)).mark_line(point=True).encode(
        x=alt.X("year:O", title=_x_title(ind, series), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=unit_label(ind), scale=alt.Scale(zero=True)),
        color=alt.Color("who:N", title=None, scale=alt.Scale(domain=who, range=[COUNCIL, ENGLAND][:len(who)])),
        strokeDash=alt.StrokeDash("who:N", title=None, scale=alt.Scale(domain=who,
                                                                       range=[[1, 0], [4, 3]][:len(who)])),
    ).properties(width=360, height=150, title=title)
    ours = ", ".join(f"{r['year']}: {r['value']}" for r in rows if r["who"] == "This council")
    alt_text = f"{title} (axis: {unit_label(ind)}, from zero). This council {ours or 'no figures'}."
    if theirs:
        alt_text += f" {who[-1]} " + ", ".join(f"{y}: {v}" for y, v in theirs) + "."
    elif ind.is_count:
        rate = comparable_rate(ind)
        alt_text += (" England's total is not comparable with one council's, so it is not drawn"
                     + (f"; {rate.title} compares them." if rate else "."))
    return chart.to_dict(validate=False), alt_text


def trend(ind, series: list[tuple[str, object]], england: list[tuple[int, float | None]]) -> tuple[str, str]:
    spec, alt_text = trend_spec(ind, series, england)
    return (_svg(spec) if spec else ""), alt_text


def funnel(teams: list[tuple[str, float, float]], council_pct: float, title: str, units: str = "teams",
           centre: str = "the council's", x_title: str = "Denominator (team size of the measure)") -> tuple[str, str]:
    """teams: (team name, percentage, denominator). Control limits at 95% and 99.8% around the council's
    percentage as the denominator grows; teams outside the 99.8% limits are drawn as red triangles and named.
    The same chart for councils around a pool's percentage (``units``, ``centre``, ``x_title``); with more than
    20 points only those outside the limits are labelled."""
    pts = [(n, v, d) for n, v, d in teams if isinstance(v, int | float) and d]
    if not pts:
        return "", f"{title}: no {units[:-1]} figures"
    top = max(d for _, _, d in pts) * 1.1
    curve = []
    for i in range(1, 26):
        n = max(1.0, top * i / 25)
        lim = stats.funnel_limits(council_pct, n)
        for lvl, lower, upper in (("95%", lim.lower95, lim.upper95), ("99.8%", lim.lower998, lim.upper998)):
            curve += [{"n": n, "pct": upper, "limit": f"upper {lvl}"},
                      {"n": n, "pct": lower, "limit": f"lower {lvl}"}]
    outside = []
    points = []
    for name, v, d in pts:
        out = stats.outside_998(v, council_pct, d) is not None
        points.append({"team": name, "n": d, "pct": v, "where": "outside 99.8%" if out else "within"})
        if out:
            outside.append(f"{name} ({v}%)")
    lines = alt.Chart(alt.Data(values=curve)).mark_line(color=LIMIT, strokeDash=[3, 3]).encode(
        x=alt.X("n:Q", title=x_title), y=alt.Y("pct:Q", title="%"), detail="limit:N")
    mean = alt.Chart(alt.Data(values=[{"pct": council_pct}])).mark_rule(color=ENGLAND).encode(y="pct:Q")
    dots = alt.Chart(alt.Data(values=points)).mark_point(filled=True, size=60).encode(
        x="n:Q", y="pct:Q",
        shape=alt.Shape("where:N", title=None, scale=alt.Scale(domain=["within", "outside 99.8%"],
                                                                range=["circle", "triangle-up"])),
        color=alt.Color("where:N", title=None, scale=alt.Scale(domain=["within", "outside 99.8%"],
                                                                range=[COUNCIL, OUTSIDE])))
    named = points if len(points) <= 20 else [x for x in points if x["where"] != "within"]
    labels = alt.Chart(alt.Data(values=named)).mark_text(align="left", dx=6, fontSize=9).encode(
        x="n:Q", y="pct:Q", text="team:N")
    chart = (lines + mean + dots + labels).properties(width=360, height=180, title=title)
    alt_text = (f"{title}: {len(points)} {units} around {centre} {council_pct}%. "
                + (f"Outside the 99.8% limits: {', '.join(outside)}." if outside else "All within the 99.8% limits."))
    return _svg(chart), alt_text


def caseload_distribution(workers: list[tuple[str, str, float, float | None]], cap: float,
                          title: str = "Workers' weighted caseloads") -> tuple[str, str]:
    """workers: (worker, team name, weighted caseload, the worker's own cap or None). One point per worker in a
    row per team (workers on the same load side by side, so none hides another), the cap per full-time worker as
    a rule; workers over their own cap (lower for part-time and ASYE workers) drawn as red triangles."""
    pts = [(w, t, float(v), c) for w, t, v, c in workers if isinstance(v, int | float)]
    if not pts:
        return "", f"{title}: no workers with cases"
    seen: dict[tuple[str, float], int] = {}
    points = []
    for worker, team, value, own in sorted(pts, key=lambda p: (p[1], p[2], p[0])):
        slot = seen.get((team, value), 0)
        seen[(team, value)] = slot + 1
        over = own is not None and value > own
        points.append({"worker": worker, "team": team, "weighted": value, "slot": str(slot),
                       "where": "over own cap" if over else "within own cap"})
    teams = sorted({t for _, t, _, _ in pts})
    slots = max(seen.values())
    where = ["within own cap", "over own cap"]
    top = math.ceil(max(cap, *(p["weighted"] for p in points)) * 1.15)
    dots = alt.Chart(alt.Data(values=points)).mark_point(filled=True, size=45, opacity=1).encode(
        x=alt.X("weighted:Q", title="Weighted caseload", scale=alt.Scale(domain=[0, top], nice=False)),
        y=alt.Y("team:N", title=None, sort=teams),
        yOffset=alt.YOffset("slot:N", sort=[str(i) for i in range(slots)]),
        shape=alt.Shape("where:N", title=None, scale=alt.Scale(domain=where, range=["circle", "triangle-up"])),
        color=alt.Color("where:N", title=None, scale=alt.Scale(domain=where, range=[COUNCIL, OUTSIDE])))
    limit = alt.Chart(alt.Data(values=[{"cap": cap}]))
    rule = limit.mark_rule(color=ENGLAND, strokeDash=[4, 3]).encode(x="cap:Q")
    label = limit.mark_text(align="left", baseline="top", dx=4, fontSize=10, color=ENGLAND).encode(
        x="cap:Q", y=alt.value(2), text=alt.value(f"cap {_num(cap)}"))
    height = len(teams) * max(24, 8 * slots)
    chart = (rule + label + dots).properties(width=560, height=height, title=title)
    parts = []
    for team in teams:
        values = [p for p in points if p["team"] == team]
        over = sum(p["where"] == "over own cap" for p in values)
        low, high = min(p["weighted"] for p in values), max(p["weighted"] for p in values)
        parts.append(f"{team}: {len(values)} worker{'s' if len(values) != 1 else ''}, "
                     + (f"{_num(low)}" if low == high else f"{_num(low)} to {_num(high)}")
                     + (f", {over} over their own cap" if over else ""))
    above = sum(p["weighted"] > cap for p in points)
    alt_text = (f"{title}: {len(points)} worker{'s' if len(points) != 1 else ''} in {len(teams)} "
                f"team{'s' if len(teams) != 1 else ''} against the cap of {_num(cap)} per full-time worker "
                f"({above} above it). " + "; ".join(parts) + ".")
    return _svg(chart), alt_text


def _num(v: float) -> str:
    return f"{v:g}"


_COUNTED = re.compile(r"\s(?:whose|with|who|authorised|starting|leaving|in|on)\b|\s\(")
_PER = {("ratio", "caseload"): "cases per full-time worker", ("median", "caseload"): "cases per case holder",
        ("mean", "social workers per child"): "social workers per child"}


def unit_label(ind) -> str:
    """What the indicator's figures are in, as a chart's axis title: '%', 'per 10,000 children', 'days',
    'working days', what a count counts ('children', 'referrals', 'early help episodes') or what a ratio is
    ('social workers per child'). From the indicator's unit, title and numerator (measures/define.py). Given a
    bare unit name (no indicator) it says the unit in general terms."""
    unit = getattr(ind, "unit", ind)
    general = {"percent": "%", "per_10k": "per 10,000 children", "count": "number"}
    if isinstance(ind, str) or unit in ("percent", "per_10k"):
        return general.get(unit, unit)
    title = ind.title.lower()
    if unit == "count":
        counted = _COUNTED.split(ind.numerator.strip(), maxsplit=1)[0].strip().lower()
        return counted if 0 < len(counted.split()) <= 3 else "number"
    if "working days" in title:
        return "working days"
    if "days" in title:
        return "days"
    return next((label for (u, words), label in _PER.items() if u == unit and words in title), unit)


def render_all(report) -> dict[str, tuple[str, str]]:
    """Every chart the report shows, keyed 'spark:<id>', 'trend:<id>', 'funnel:<id>', rendered on two threads
    (vl-convert releases the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    jobs = {}
    headline = {x.ind.id for x in report.headline}
    for x in report.lines:
        if x.ind.id in headline:
            jobs[f"spark:{x.ind.id}"] = (sparkline, (x.series, x.ind.title))
        jobs[f"trend:{x.ind.id}"] = (trend, (x.ind, x.series, x.england_series))
        if x.teams and isinstance(x.value, int | float) and report.audience == "internal":
            pts = [(f.group, f.value, f.denominator) for f in x.teams if f.group not in ("unallocated", "no team")]
            jobs[f"funnel:{x.ind.id}"] = (funnel, (pts, x.value, f"{x.ind.title}, by team"))
    if report.forecast:
        from casewatch.outputs.forecast_charts import fan, spend

        f = report.forecast
        history = [(h["date"], h["in_care"]) for h in f["history"] if isinstance(h["in_care"], int | float)]
        band = {"band_label": f["words"]["band_label"]} if f.get("words") else {}
        jobs["forecast:fan"] = (partial(fan, **band), (history, f["total"], "Children in care: recorded and forecast"))
        jobs["forecast:spend"] = (spend, (f["cost"], "Placement spend a month, forecast"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {k: pool.submit(fn, *args) for k, (fn, args) in jobs.items()}
        return {k: f.result() for k, f in futures.items()}


def to_png_uri(svg: str) -> str:
    """An SVG as a PNG data URI (for the PDF: WeasyPrint lays out PNGs about 8x faster than SVGs)."""
    import base64

    return "data:image/png;base64," + base64.b64encode(vlc.svg_to_png(svg, scale=2)).decode()
