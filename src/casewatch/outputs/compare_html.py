"""A pooled database's councils side by side, one indicator to a section: a table ranked best first (rank,
quartile, statistical neighbours' mean in the pool, funnel position) and, for percentages, a funnel plot of the
councils around the pool's figure."""

from __future__ import annotations

from html import escape

from casewatch.outputs.charts import funnel

CSS = """body{font-family:system-ui,Arial,sans-serif;margin:2rem auto;max-width:62rem;color:#0b0c0c}
table{border-collapse:collapse;margin:.5rem 0 1.5rem} th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #b1b4b6}
td.n{text-align:right} figcaption{font-size:.9rem;color:#505a5f} h2{margin-top:2rem}"""


def funnel_chart(row: dict) -> tuple[str, str]:
    if row["unit"] != "percent" or row["pooled"] is None:
        return "", ""
    # unrounded: the chart decides "outside" against the same centre as the table's funnel column
    pts = [(c.name, c.value, c.denominator) for c in row["councils"] if isinstance(c.value, int | float)]
    return funnel(pts, row["pooled"], row["title"], units="councils", centre="the pool's",
                  x_title="Denominator (the council's count)")


def to_html(period_end, rows: list[dict]) -> str:
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Councils compared, year to "
           f"{period_end}</title><style>{CSS}</style></head><body><main><h1>Councils compared: year to "
           f"{period_end}</h1><p>{len(rows[0]['councils']) if rows else 0} councils, {len(rows)} indicators. Rank 1 "
           "is the best where the indicator has a better direction; quartile 1 the best quarter. The funnel places "
           "each council's percentage against the pool's, given how many children stand behind it.</p>"]
    for r in rows:
        svg, words = funnel_chart(r)
        out.append(f"<section><h2>{escape(r['title'])}</h2><p>Pool: {number(r['pooled'])}</p>")
        if svg:
            labelled = svg.replace("<svg", '<svg role="img" aria-label="' + escape(words) + '"', 1)
            out.append(f"<figure>{labelled}<figcaption>{escape(words)}</figcaption></figure>")
        out.append("<table><thead><tr><th>Council</th><th class='n'>Value</th><th class='n'>Rank</th>"
                   "<th class='n'>Quartile</th><th class='n'>SN mean</th><th>Funnel</th></tr></thead><tbody>")
        for c in sorted(r["councils"], key=lambda c: (c.rank or 10**6, c.council)):
            out.append(f"<tr><td>{escape(c.council)} {escape(c.name)}</td><td class='n'>{number(c.value)}</td>"
                       f"<td class='n'>{f'{c.rank}/{c.of}' if c.rank else '-'}</td><td class='n'>{c.quartile or '-'}</td>"
                       f"<td class='n'>{number(c.sn_mean)}</td><td>{escape(c.funnel or '-')}</td></tr>")
        out.append("</tbody></table></section>")
    out.append("</main></body></html>")
    return "".join(out)


def number(v) -> str:
    return "-" if v is None else f"{v:,.1f}" if isinstance(v, float) else f"{v:,}"
