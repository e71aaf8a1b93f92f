"""The demand forecast as one readable page (no script): which forecast is shown and why, what its band
held in the past, the fan chart, spend, the scenario, how it is worked out and the unit costs with where they
come from."""

from __future__ import annotations

from html import escape

from casewatch.outputs.forecast_charts import fan, spend
from casewatch.words import day, day_short

CSS = """body{font-family:system-ui,Arial,sans-serif;margin:2rem auto;max-width:60rem;color:#0b0c0c;line-height:1.45}
table{border-collapse:collapse;margin:1rem 0} th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #b1b4b6}
td.n,th.n{text-align:right} figure{margin:1rem 0} figcaption{font-size:.9rem;color:#505a5f}
.note{border-left:6px solid #1d70b8;background:#f3f2f1;padding:.6rem 1rem}"""


def figure(svg_alt: tuple[str, str]) -> str:
    svg, words = svg_alt
    return f"<figure>{svg}<figcaption>{escape(words)}</figcaption></figure>" if svg else f"<p>{escape(words)}</p>"


def to_html(r: dict, council: str) -> str:
    history = [(h["date"], h["in_care"]) for h in r["history"]]
    scen = r.get("scenario") or {}
    words = r["words"]
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Demand forecast: {escape(council)}"
           f"</title><style>{CSS}</style></head><body><main>",
           f"<h1>Children in care: forecast for {escape(council)}</h1>",
           f"<p class='note'>{r['in_care_at_start']} children in care on {day(r['as_of'])}. Over the last "
           f"{r['reference_months']} months ({day(r['reference_window']['start'])} to "
           f"{day(r['reference_window']['end'])}) {r['rates']['entries_in_window']} children came into care and "
           f"{r['rates']['exits_in_window']} left; at those rates about {r['rates']['entries_per_year']:.0f} a year "
           f"come in and {r['rates']['leaving_per_year']:.0f} a year leave from today's number.</p>",
           f"<p>{escape(words['method'])}</p><p>{escape(words['band'])}</p>",
           figure(fan(history, r["total"], "Children in care", scen.get("total"), scen.get("name", ""),
                      words["band_label"])),
           figure(spend(r["cost"], "Placement spend a month"))]
    out.append("<h2>By quarter</h2><table><thead><tr><th>Date</th><th class='n'>Children in care</th>"
               f"<th class='n'>{escape(words['band_label'].capitalize())}</th><th class='n'>Spend that month (£)"
               "</th></tr></thead><tbody>")
    for t, c in list(zip(r["total"], r["cost"], strict=True))[2::3]:
        out.append(f"<tr><td>{day_short(t['date'])}</td><td class='n'>{t['mean']:.0f}</td><td class='n'>"
                   f"{t['lower']:.0f} to {t['upper']:.0f}</td><td class='n'>{c['mean']:,.0f}</td></tr>")
    out.append("</tbody></table>")
    if scen.get("difference"):
        d = scen["difference"][-1]
        out.append(f"<h2>Scenario: {escape(scen['name'])}</h2><p>{d['children']:+.0f} children in care on "
                   f"{day(d['date'])} against the baseline; spend over the period "
                   f"£{(sum(c['mean'] for c in scen['cost']) - sum(c['mean'] for c in r['cost'])) / 1e6:+.2f} million.</p>")
    out.append(f"<h2>How this is worked out</h2><p>{escape(words['how'])}</p>")
    out.append("<h2>Weekly unit costs used</h2><table><tbody>" + "".join(
        f"<tr><td>{escape(k.replace('_', ' '))}</td><td class='n'>£{v:,.0f}</td></tr>"
        for k, v in r["unit_costs_weekly"].items()) + "</tbody></table><p>Defaults and their sources: "
        "casewatch/forecast/costs.toml. Replace them with your own finance figures.</p></main></body></html>")
    return "".join(out)
