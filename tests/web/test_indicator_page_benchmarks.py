"""The indicator page says which year every England and neighbour figure is for, and draws a count on its own
axis: referrals (a count) never beside England's total; re-referrals (a percentage) beside England's published
figures, each named with its year, the axis from zero."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from casewatch import benchmarks
from casewatch.outputs.content import fmt

ENGLAND = "E92000001"
PERCENT = "re_referrals_12m_pct"


def _y_axis(svg: str) -> tuple[str, float, float]:
    found = re.search(r"Y-axis titled '([^']*)' for a linear scale with values from ([-\d.,]+) to ([-\d.,]+)",
                      unescape(str(svg)))
    assert found, "the chart has a titled linear y axis"
    return found[1], float(found[2].replace(",", "")), float(found[3].replace(",", ""))


def _legend(svg: str) -> list[str]:
    found = re.search(r"legend for [^\"]* with \d+ values?: ([^\"]*)\"", unescape(str(svg)))
    return found[1].split(", ") if found else []


def _headers(page: str) -> list[str]:
    table = page[page.index("<table"):page.index("</table>")]
    return [unescape(h) for h in re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', table)]


@pytest.mark.parametrize("role", ["analyst", "member"])
def test_a_count_is_charted_on_its_own_axis_and_england_is_not_beside_it(world, as_role, role):
    response = as_role(role).get(reverse("indicator", args=["referrals"]))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    shown = [p["value"] for p in response.context["periods"] if isinstance(p["value"], int | float)]
    assert shown, "the tiny council has referrals to chart"
    svg = response.context["chart"]["svg"]
    title, low, high = _y_axis(svg)
    assert (title, low) == ("referrals", 0) and max(shown) <= high
    england_total = min(v for _, v in benchmarks.series("referrals", ENGLAND))
    assert high < england_total / 10, "the council's own axis, not England's"
    assert _legend(svg) == ["This council"]
    assert "England's total is not comparable with one council's, so neither the table nor the chart shows it" in page
    assert f'href="{reverse("indicator", args=["referrals_rate_per_10k"])}"' in page
    assert "England" not in _headers(page) and "Statistical neighbours" not in _headers(page)
    assert "not comparable" in response.context["chart"]["alt"]


@pytest.mark.parametrize("role", ["analyst", "member"])
def test_a_percentage_names_the_year_of_each_england_figure(world, as_role, role):
    response = as_role(role).get(reverse("indicator", args=[PERCENT]))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    periods = response.context["periods"]
    latest = periods[-1]["period_end"].year
    published = dict(benchmarks.series(PERCENT, ENGLAND))
    last_published = max(published)
    assert last_published < latest, "the shipped LAIT data ends before the tiny council's latest year"
    assert "England" in _headers(page)
    cells = {p["period_end"].year: p["england_text"] for p in periods}
    assert cells[latest] == f"{fmt(published[last_published], 'percent')} ({last_published})"
    same_year = [y for y in cells if y in published]
    assert len(same_year) >= 3
    for year in same_year:
        assert cells[year] == fmt(published[year], "percent"), "the same year: no bracket"
        assert f"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{cells[year]}</td>" in page
    summary = page[page.index('id="cw-benchmarks"'):]
    assert (f"England {fmt(published[last_published], 'percent')}, the DfE's figure for {last_published} "
            f"(the latest published; {latest}'s is not out yet)") in summary[:summary.index("</div>")]
    svg = response.context["chart"]["svg"]
    assert _legend(svg) == ["This council", f"England (to {last_published})"]
    title, low, high = _y_axis(svg)
    assert (title, low) == ("%", 0) and high <= 100



def test_neighbour_figures_name_their_year_too():
    from datetime import date

    from casewatch.measures.catalogue import all_indicators
    from casewatch.measures.define import REGISTRY
    from casewatch.web.figures import benchmark_cells

    all_indicators()
    ind = REGISTRY[PERCENT]
    latest = benchmark_cells(ind, "873", date(2026, 3, 31))  # a real council's DfE code: it has neighbours
    same = benchmark_cells(ind, "873", date(2025, 3, 31))
    found = benchmarks.compare(PERCENT, "873", 2025, None, False)
    assert found["sn_mean"] is not None and found["benchmark_year"] == 2025
    assert same["sn_text"] == fmt(found["sn_mean"], "percent") and same["benchmark_year"] == 2025
    assert latest["sn_text"] == f"{fmt(found['sn_mean'], 'percent')} (2025)"
    assert latest["england_text"] == f"{fmt(found['england'], 'percent')} (2025)"
    assert benchmark_cells(REGISTRY["referrals"], "873", date(2025, 3, 31))["england_text"] is None
