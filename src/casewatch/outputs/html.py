"""The report as one self-contained, accessible HTML file (inline CSS and SVG; no script, no network). The same
HTML, with its print rules, is what WeasyPrint paginates into the PDF."""

from __future__ import annotations

from datetime import date
from html import escape

from casewatch.benchmarks import OFSTED_SOURCE, SOURCE, la_name
from casewatch.outputs import charts
from casewatch.outputs.content import Line, Report, fmt, for_readers
from casewatch.words import day, day_short

# Print: no section is forced onto a new page; each flows on from the last (a heading is kept with what follows
# it; a table row, chart or definition is never split), so a short section leaves no page nearly empty.
ARROW = {"better": "▲ better", "worse": "▼ worse", "up": "▲ up", "down": "▼ down", "no change": "= no change"}
CSS = """
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 62rem; margin: 2rem auto; line-height: 1.4; }
h1 { font-size: 2rem; } h2 { border-bottom: 3px solid #1d70b8; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid #b1b4b6; padding: .3rem .4rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.worse { color: #d4351c; font-weight: bold; } .better { color: #00703c; } .caveat { color: #505a5f; font-weight: normal; font-size: 0.85em; }
.banner { background: #f3f2f1; border-left: 6px solid #1d70b8; padding: .6rem 1rem; }
.alert { background: #fff0ee; border-left: 6px solid #d4351c; padding: .6rem 1rem; font-weight: bold; }
figure { margin: 1rem 0; break-inside: avoid; } figcaption { font-size: .85rem; color: #505a5f; }
nav ol { columns: 2; } .small { font-size: .85rem; color: #505a5f; } dd { margin: 0 0 .6rem 1rem; }
@page { size: A4; margin: 18mm 14mm 20mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
h2, h3, caption { break-after: avoid; } tr, dt, dd, li, .banner, .alert { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { margin-top: 1.6rem; } nav a::after { content: " (page " target-counter(attr(href), page) ")"; } }
"""


def _e(x) -> str:
    return escape(str(x), quote=True)


class _Charts:
    """The rendered charts, written inline as SVG (HTML) or as PNG images (PDF), always with their alt text."""

    def __init__(self, rendered: dict[str, tuple[str, str]], raster: bool):
        self.rendered, self.raster = rendered, raster

    def inline(self, key: str, figure: bool = True) -> str:
        svg, alt_text = self.rendered.get(key, ("", ""))
        if not svg:
            if not figure:
                return "-"
            return f'<p class="small">{_e(alt_text)}</p>' if alt_text else ""
        if self.raster:
            width = svg.split('width="', 1)[1].split('"', 1)[0] if 'width="' in svg else "360"
            pic = (f'<img src="{charts.to_png_uri(svg)}" alt="{_e(alt_text)}" '
                   f'style="width: {float(width) * 0.75:.0f}pt; max-width: 100%">')
        else:
            pic = svg.replace("<svg", f'<svg role="img" aria-label="{_e(alt_text)}"', 1)
        return f"<figure>{pic}<figcaption>{_e(alt_text)}</figcaption></figure>" if figure else pic


def _dir(x: Line) -> str:
    if not x.direction:
        return "-"
    cls = {"worse": "worse", "better": "better"}.get(x.direction, "")
    return f'<span class="{cls}">{_e(ARROW[x.direction])}</span>'


def _v(x: Line, value) -> str:
    return _e(fmt(value, x.ind.unit, x.ind.decimals, short=True))


def _bench(x: Line, key: str, year: int):
    """England's or the neighbours' figure as the tables show it: a count is "not comparable" (one council's
    total beside England's misleads), and a figure from an earlier year than the report's says its year."""
    if x.ind.is_count:
        return "not comparable"
    v = x.bench.get(key)
    if v is None:
        return "-"
    text = fmt(v, x.ind.unit, x.ind.decimals, short=True)
    when = x.bench.get("benchmark_year")
    return _e(f"{text} ({when})" if when and when != year else text)


def _table(lines: list[Line], caption: str, ch: _Charts | None = None) -> str:
    spark = ch is not None
    head = ["Indicator", "This year", "Last year"] + (["5 years"] if spark else []) + [
        "England", "Statistical neighbours", "Quartile (1 best)", "Direction"]
    rows = []
    for x in lines:
        note = f'<br><span class="caveat">{_e(x.caveat)}</span>' if x.caveat else ""
        cells = [f'<th scope="row">{_e(x.ind.title)}{note}</th>', f'<td class="n">{_v(x, x.value)}</td>',
                 f'<td class="n">{_v(x, x.previous)}</td>']
        if spark:
            cells.append(f"<td>{ch.inline('spark:' + x.ind.id, figure=False)}</td>")
        year = int(str(x.series[-1][0])[:4]) if x.series else 0  # the row's latest period end
        cells += [f'<td class="n">{_bench(x, "england", year)}</td>', f'<td class="n">{_bench(x, "sn_mean", year)}</td>',
                  f'<td class="n">{_e(x.bench.get("quartile") or "-")}</td>', f"<td>{_dir(x)}</td>"]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    ths = "".join(f'<th scope="col"{" class=n" if h not in ("Indicator", "Direction", "5 years") else ""}>{h}</th>'
                  for h in head)
    return f"<table><caption>{_e(caption)}</caption><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


FRAMEWORKS = {"ilacs": "inspection of local authority children's services (ILACS)",
              "sif": "single inspection framework (SIF)"}


def _framework(code) -> str:
    return FRAMEWORKS.get(str(code or "").lower(), str(code or "-"))


def _ofsted(r: Report) -> str:
    """The latest inspection first, in a sentence; earlier ones (and any downgrade among them) as history."""
    if not r.ctx.la_code:
        return ('<p class="small">The council\'s DfE local authority code is not known, so its Ofsted inspections '
                "and statistical neighbours are not shown.</p>")
    if not r.ofsted:
        return f"<p>No Ofsted inspection of children's services is on record.</p><p class=small>{_e(OFSTED_SOURCE)}</p>"
    latest, earlier = r.ofsted[0], r.ofsted[1:]
    parts = [f"{name} {_e(latest[k])}" for k, name in (("help_and_protection", "help and protection:"),
                                                      ("children_in_care", "children in care:"),
                                                      ("leaders", "leaders:")) if latest.get(k)]
    lead = _e(f"Ofsted's latest inspection (published {day(latest['published'])}): ")
    out = (f'<p class="banner">{lead}<strong>{_e(latest["overall"])}</strong> overall'
           f'{" (" + "; ".join(parts) + ")" if parts else ""}.</p>')
    if earlier:
        rows = "".join(f"<tr><td>{_e(day_short(h['published']))}</td><td>{_e(_framework(h['framework']))}</td>"
                       f"<td>{_e(h['overall'])}</td><td>{_e(h.get('help_and_protection') or '-')}</td>"
                       f"<td>{_e(h.get('children_in_care') or '-')}</td></tr>" for h in earlier)
        story = "".join(f"<p>{_e(d)}</p>" for d in r.downgrades)
        out += (f"<h3>Earlier inspections</h3>{story}<table><caption>Ofsted's earlier judgements of children's "
                'services, newest first</caption><thead><tr><th scope="col">Published</th><th scope="col">'
                'Framework</th><th scope="col">Overall</th><th scope="col">Help and protection</th>'
                f'<th scope="col">Children in care</th></tr></thead><tbody>{rows}</tbody></table>')
    return out + f"<p class=small>{_e(OFSTED_SOURCE)}</p>"


def _worse(r: Report) -> str:
    """What got worse, ranked as on the web overview (casewatch.measures.worse), each change said in words."""
    ranked = r.worse_ranked
    left = (f'<p class="small">{ranked.left_out} indicator{"s" if ranked.left_out != 1 else ""} left out: the '
            "figure this year or last year is suppressed, so whether it got worse cannot be said.</p>"
            if ranked.left_out else "")
    if not ranked.worse:
        return "<p>No indicator with a direction got worse than last year.</p>" + left
    items = "".join(f"<li><strong>{_e(w.ind.title)}</strong>: {_e(w.change_words)}.<br>"
                    f'<span class="small">{_e(w.score_words[:1].upper() + w.score_words[1:])}; '
                    f"{_e(w.distance_words)}.</span></li>" for w in ranked.worse)
    n = len(ranked.worse)
    return (f"<p>{n} indicator{'s' if n != 1 else ''} got worse than last year, ranked by how unusual the change "
            "is for that indicator (its size against the indicator's usual year-to-year change), then by how far "
            f"the figure is from England and the statistical neighbours.</p><ol>{items}</ol>{left}")


def _behind(r: Report) -> str:
    if not r.behind:
        return "<p>On no published indicator is the council behind England or its statistical neighbours.</p>"
    year = r.ctx.period_end.year
    items = "".join(f"<li><strong>{_e(x.ind.title)}</strong>: {_v(x, x.value)} against England "
                    f"{_bench(x, 'england', year)} and statistical neighbours {_bench(x, 'sn_mean', year)}: behind "
                    f"{_e(' and '.join(x.worse_than))}.</li>" for x in r.behind)
    return f"<p>{len(r.behind)} indicators are behind England or the statistical neighbours.</p><ul>{items}</ul>"


def _area(name: str, lines: list[Line], ch: _Charts, r: Report | None = None) -> str:
    figs = "".join(ch.inline(f"trend:{x.ind.id}") for x in lines)
    extra = _shortfall(r) if r is not None and name == "Workforce" else ""
    return extra + _table(lines, f"{name}: this year against last year, England and statistical neighbours") + figs


def _n(v) -> str:
    return "-" if v is None else _e(f"{v:g}" if isinstance(v, int | float) else v)


def _shortfall(r: Report) -> str:
    """Whether the cases fit under the cap (content._shortfall): the finding first, then by service and team."""
    s = r.shortfall
    if not s:
        return ""
    if s["sentence"]:
        lead = f'<p class="alert" id="shortfall">{_e(s["sentence"])}</p>'
    elif r.audience == "public":
        lead = (f'<p id="shortfall">At the cap of {s["cap"]:g} weighted cases per full-time worker, the council\'s '
                f"cases are short of staff by {_n(s['short_weighted'])} weighted cases = {_n(s['short_fte'])} FTE "
                "(the sum of its services' shortfalls; c: too few workers to publish).</p>")
    else:
        lead = (f'<p id="shortfall">The cases of every service fit under the cap of {s["cap"]:g} weighted cases '
                "per full-time worker: no service is short of staff at this cap.</p>")
    note = (f'<p class="small">Cases are weighted by type ({_e(s["weights"])}); capacity is the sum of the '
            "case-holding workers' caps (cap x FTE, less for ASYE social workers). A case cannot move to another "
            "service, so the council is short by what each service is short, summed; FTE is rounded up to a "
            "tenth.</p>")

    def rows(parts: dict) -> str:
        return "".join(f'<tr><th scope="row">{_e(k)}</th><td class="n">{_n(p["cases"])}</td>'
                       f'<td class="n">{_n(p["capacity"])}</td><td class="n">{_n(p["short_weighted"])}</td>'
                       f'<td class="n">{_n(p["short_fte"])}</td></tr>' for k, p in parts.items())

    head = ('<thead><tr><th scope="col">{}</th><th scope="col" class="n">Weighted cases</th><th scope="col" '
            'class="n">Capacity</th><th scope="col" class="n">Short (weighted cases)</th><th scope="col" '
            'class="n">Short (FTE)</th></tr></thead>')
    out = (f"{lead}<table><caption>Cases against capacity at cap {s['cap']:g}, by service</caption>"
           f"{head.format('Service')}<tbody>{rows(s['services'])}</tbody></table>")
    if s["teams"]:
        out += (f"<table><caption>Cases against capacity at cap {s['cap']:g}, by team (cases its workers hold "
                f"now)</caption>{head.format('Team')}<tbody>{rows(s['teams'])}</tbody></table>")
    return out + note


def _teams(r: Report, ch: _Charts) -> str:
    if r.audience == "public":
        return "<p>Team figures are not published: teams are small, and this report is for a public audience.</p>"
    out = [ch.inline(f"funnel:{x.ind.id}") for x in r.lines if f"funnel:{x.ind.id}" in ch.rendered]
    return "".join(out) or "<p>No team figures.</p>"


def _definitions(r: Report) -> str:
    # a definition list, not a table: one long table across many pages is what a PDF lays out slowest
    items = "".join(f'<dt><strong>{_e(x.ind.title)}</strong> <span class="small">({_e(x.ind.id)})</span></dt>'
                    f"<dd>{_e(for_readers(x.ind.description))}<br><em>Numerator:</em> "
                    f"{_e(for_readers(x.ind.numerator))}. <em>Denominator:</em> "
                    f"{_e(for_readers(x.ind.denominator) or '-')}.<br><span class=small>Source: "
                    f"{_e(for_readers(x.ind.source))}</span></dd>" for x in r.lines)
    return f"<dl>{items}</dl>"


def _forecast(r: Report, ch: _Charts) -> str:
    f = r.forecast
    words = f.get("words") or {}

    def n(v) -> str:  # a number of children: 'c' when the public report suppresses it
        return fmt(v, "mean", 0)

    rows = "".join(f"<tr><td>{_e(day_short(t['date']))}</td><td class=\"n\">{n(t['mean'])}</td><td class=\"n\">"
                   f"{n(t['lower'])} to {n(t['upper'])}</td><td class=\"n\">£{c['mean']:,.0f}</td></tr>"
                   for t, c in list(zip(f["total"], f["cost"], strict=True))[5::6])
    check = "".join(f"<p>{_e(words[k])}</p>" for k in ("method", "band") if words.get(k))
    how = (f"<details><summary>How this is worked out</summary><p>{_e(words['how'])}</p></details>"
           if words.get("how") else "")
    band = _e((words.get("band_label") or "likely range").capitalize())
    return (f"<p>The number of children in care, carried forward {f['horizon_months']} months at the rates of "
            f"the last {f['reference_months']} months ({n(f['rates']['entries_per_year'])} coming into care and "
            f"{n(f['rates']['leaving_per_year'])} leaving a year at today's number), by age and placement. "
            f"Spend uses national weekly unit costs unless the council gives its own.</p>"
            + ch.inline("forecast:fan") + ch.inline("forecast:spend")
            + "<table><caption>Forecast every six months</caption><thead><tr><th scope=\"col\">Date</th>"
            f"<th scope=\"col\" class=\"n\">Children in care</th><th scope=\"col\" class=\"n\">{band}</th>"
            f"<th scope=\"col\" class=\"n\">Spend that month</th></tr></thead><tbody>{rows}</tbody></table>"
            + check + how)


def render(r: Report, rendered: dict[str, tuple[str, str]], raster: bool = False) -> str:
    """The report's HTML; ``rendered`` from charts.render_all; ``raster`` for the PDF (PNG charts)."""
    ch = _Charts(rendered, raster)
    title = f"{r.ctx.council_name}: children's social care performance, year ending {day(r.ctx.period_end)}"
    sections = [("headline", "Headline figures",
                 _table(r.headline, "Headline figures with their five-year trend", ch)),
                ("worse", "What got worse", _worse(r)),
                ("behind", "Where we are behind England or our statistical neighbours", _behind(r))]
    for i, (area, lines) in enumerate(r.areas().items()):
        sections.append((f"area-{i}", area, _area(area, lines, ch, r)))
    if r.forecast:
        sections.append(("forecast", "Demand forecast: children in care", _forecast(r, ch)))
    sections += [("teams", "Variation between teams", _teams(r, ch)),
                 ("definitions", "Definitions", _definitions(r))]
    audience = ("Public report: counts of 1 to 4 are suppressed (shown as c) and other counts rounded to the "
                "nearest 5; rates from suppressed counts are suppressed." if r.audience == "public" else
                "Internal report: figures are not rounded or suppressed. Do not publish it; the public report is "
                "the one to publish.")
    nav = "".join(f'<li><a href="#{sid}">{_e(name)}</a></li>' for sid, name, _ in sections)
    body = "".join(f'<section id="{sid}"><h2>{_e(name)}</h2>{html}</section>' for sid, name, html in sections)
    bench = (_e(f"Compared with England and its statistical neighbours as {la_name(r.ctx.la_code)} (DfE local "
                f"authority {r.ctx.la_code}). ") if r.ctx.la_code else "") + _e(SOURCE)
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{CSS}</style></head><body><header><h1>{_e(title)}</h1>"
            f'<p class="banner">{_e(audience)}</p><p class="small">Data to {day(r.ctx.data_to)}; generated '
            f"{day(date.today())} by casewatch. {bench}</p>"
            f'<section id="ofsted" class="cover"><h2>Ofsted judgements</h2>{_ofsted(r)}</section></header>'
            f'<nav aria-label="Contents"><h2 id="contents">Contents</h2><ol>{nav}</ol></nav><main>{body}</main>'
            "</body></html>")
