"""The forecast's charts, as inline SVG with alt text (see charts.py): a fan chart of children in care (the
months known, then the forecast with its band; a scenario beside it), and projected monthly spend. The time
axis reads "Apr 2026" (the year always shown)."""

from __future__ import annotations

import altair as alt

from casewatch.outputs.charts import COUNCIL, ENGLAND, _svg
from casewatch.outputs.content import fmt
from casewatch.words import day

SCENARIO = "#f47738"  # GOV.UK orange
MONTHS = alt.Axis(format="%b %Y", labelExpr="timeFormat(datum.value, '%b %Y')", tickCount=6)


def _x(field: str = "date:T") -> alt.X:
    """The time axis: month and year on every label ("Apr 2026")."""
    return alt.X(field, title=None, axis=MONTHS)


def fan(history: list[tuple[str, int]], total: list[dict], title: str,
        scenario: list[dict] | None = None, scenario_name: str = "",
        band_label: str = "likely range") -> tuple[str, str]:
    """history: (date, children in care) up to the forecast start; total: {"date", "mean", "lower", "upper"};
    band_label: what the band is, in words (the forecast's ``words["band_label"]``)."""
    if not total:
        return "", f"{title}: no forecast"
    band = alt.Chart(alt.Data(values=total)).mark_area(opacity=0.25, color=COUNCIL).encode(
        x=_x(), y=alt.Y("lower:Q", title="Children in care", scale=alt.Scale(zero=False)),
        y2="upper:Q")
    rows = [{"date": d, "value": v, "what": "Recorded"} for d, v in history]
    joined = [{"date": history[-1][0], "value": history[-1][1], "what": "Forecast"}] if history else []
    rows += joined + [{"date": t["date"], "value": t["mean"], "what": "Forecast"} for t in total]
    if scenario:
        rows += [{"date": t["date"], "value": t["mean"], "what": scenario_name or "Scenario"} for t in scenario]
    names = ["Recorded", "Forecast"] + ([scenario_name or "Scenario"] if scenario else [])
    lines = alt.Chart(alt.Data(values=rows)).mark_line().encode(
        x=_x(), y="value:Q",
        color=alt.Color("what:N", title=None, scale=alt.Scale(domain=names, range=[ENGLAND, COUNCIL, SCENARIO][:len(names)])),
        strokeDash=alt.StrokeDash("what:N", title=None, scale=alt.Scale(domain=names,
                                                                         range=[[1, 0], [4, 3], [2, 2]][:len(names)])))
    chart = (band + lines).properties(width=520, height=200, title=title)
    last, end = (history[-1] if history else None), total[-1]
    words = (f"{title}. " + (f"{last[1]} children in care on {day(last[0])}; " if last else "")
             + f"forecast {fmt(end['mean'], 'mean', 0)} on {day(end['date'])} ({band_label} "
             f"{fmt(end['lower'], 'mean', 0)} to {fmt(end['upper'], 'mean', 0)})")
    if scenario:
        words += f"; under '{scenario_name}' {scenario[-1]['mean']:.0f}"
    return _svg(chart), words + "."


def spend(cost: list[dict], title: str) -> tuple[str, str]:
    if not cost:
        return "", f"{title}: no forecast"
    rows = [{"date": c["date"], "mean": c["mean"] / 1000, "lower": c["lower"] / 1000, "upper": c["upper"] / 1000}
            for c in cost]
    base = alt.Chart(alt.Data(values=rows)).encode(x=_x())
    chart = (base.mark_area(opacity=0.25, color=COUNCIL).encode(y=alt.Y("lower:Q", title="£ thousand a month"),
                                                                  y2="upper:Q")
             + base.mark_line(color=COUNCIL).encode(y="mean:Q")).properties(width=520, height=160, title=title)
    first, last = cost[0], cost[-1]
    total = sum(c["mean"] for c in cost)
    return _svg(chart), (f"{title}. £{first['mean'] / 1e6:.2f} million in the month to {day(first['date'])}, "
                         f"£{last['mean'] / 1e6:.2f} million in the month to {day(last['date'])}; "
                         f"£{total / 1e6:.1f} million over the {len(cost)} months.")
