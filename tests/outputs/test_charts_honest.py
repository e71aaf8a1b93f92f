"""Charts that cannot mislead (issue 21): a count is drawn on its own axis, never beside England's total; every
trend's y axis starts at zero and is titled with the indicator's unit; England's line is named with its years.
Each chart is checked twice: in the Vega-Lite specification and in the SVG that vl-convert draws from it."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from casewatch import benchmarks
from casewatch.measures.catalogue import all_indicators
from casewatch.measures.define import REGISTRY
from casewatch.outputs import charts
from casewatch.outputs.content import HEADLINE, Line, Report

ENGLAND = "E92000001"
YEARS = ("2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31", "2026-03-31")


@pytest.fixture(scope="module", autouse=True)
def _indicators():
    all_indicators()


def _series(values) -> list[tuple[str, float]]:
    return list(zip(YEARS, values, strict=True))


def _england(ind_id: str) -> list[tuple[int, float | None]]:
    return [(y, v) for y, v in benchmarks.series(ind_id, ENGLAND) if y >= 2022]


def _y_axis(svg: str) -> tuple[str, float, float]:
    """(title, lowest, highest) of the y axis as the drawn SVG describes it to assistive technology."""
    found = re.search(r"Y-axis titled '([^']*)' for a linear scale with values from ([-\d.,]+) to ([-\d.,]+)",
                      unescape(svg))
    assert found, "the chart has a titled linear y axis"
    return found[1], float(found[2].replace(",", "")), float(found[3].replace(",", ""))


def _legend(svg: str) -> list[str]:
    found = re.search(r"legend for [^\"]* with \d+ values?: ([^\"]*)\"", unescape(svg))
    return found[1].split(", ") if found else []


def _who(spec: dict) -> set[str]:
    return {row["who"] for row in spec["data"]["values"]}


def test_a_count_is_drawn_on_its_own_axis_never_beside_englands_total():
    ind = REGISTRY["referrals"]
    england = _england("referrals")
    assert min(v for _, v in england) > 600_000, "England's referrals are a national total"
    spec, alt_text = charts.trend_spec(ind, _series([290, 305, 312, 298, 301]), england)
    assert _who(spec) == {"This council"}
    assert spec["encoding"]["y"]["scale"]["zero"] is True
    assert spec["encoding"]["y"]["title"] == "referrals"
    svg, _ = charts.trend(ind, _series([290, 305, 312, 298, 301]), england)
    title, low, high = _y_axis(svg)
    assert (title, low) == ("referrals", 0) and 312 <= high < 1_000, "the council's own scale, not England's"
    assert "England" not in svg and "England" not in _legend(svg)
    assert "England's total is not comparable with one council's, so it is not drawn" in alt_text
    assert "Referrals per 10,000 children compares them" in alt_text


@pytest.mark.parametrize("ind_id", sorted({i for i in HEADLINE if i in REGISTRY and REGISTRY[i].unit == "count"}))
def test_no_headline_count_chart_shares_an_axis_with_england(ind_id):
    ind = REGISTRY[ind_id]
    svg, alt_text = charts.trend(ind, _series([10, 12, 11, 13, 14]), _england(ind_id) or [(2025, 80_000.0)])
    assert _legend(svg) == ["This council"]
    assert _y_axis(svg)[2] < 100
    assert "not comparable" in alt_text


def test_a_large_count_starts_at_zero_not_at_its_lowest_year():
    contacts = REGISTRY["contacts"]  # the chart started at 6,000
    svg, _ = charts.trend(contacts, _series([6_050, 6_210, 6_380, 6_300, 6_420]), [])
    assert _y_axis(svg)[:2] == ("contacts", 0)


def test_a_percentage_is_drawn_from_zero_beside_england_named_with_its_years():
    ind = REGISTRY["re_referrals_12m_pct"]
    england = _england(ind.id)
    assert max(y for y, _ in england) == 2025, "the shipped LAIT data ends a year before the council's"
    spec, alt_text = charts.trend_spec(ind, _series([20.1, 21.0, 22.3, 23.8, 24.0]), england)
    assert _who(spec) == {"This council", "England (to 2025)"}
    svg, _ = charts.trend(ind, _series([20.1, 21.0, 22.3, 23.8, 24.0]), england)
    title, low, high = _y_axis(svg)
    assert (title, low) == ("%", 0) and 24 <= high <= 100
    assert _legend(svg) == ["This council", "England (to 2025)"]
    assert "England (to 2025) 2022: 21.5" in alt_text
    one_year = charts.trend_spec(ind, _series([20.1, 21.0, 22.3, 23.8, 24.0]), england[-1:])[0]
    assert _who(one_year) == {"This council", "England (2025)"}


def test_a_narrow_ratio_is_not_zoomed_and_its_axis_says_what_it_is():
    ind = REGISTRY["sw_per_child_mean"]  # the chart ran 1.76-1.84, titled "days or mean"
    svg, alt_text = charts.trend(ind, _series([1.76, 1.79, 1.84, 1.80, 1.78]), [])
    assert _y_axis(svg)[:2] == ("social workers per child", 0)
    assert alt_text.startswith("Social workers per child in 12 months (axis: social workers per child, from zero)")


def test_every_indicator_has_an_axis_title_in_its_own_unit():
    generic = {"number", "days or mean", "median", "ratio", "mean", "count"}
    labels = {i.id: charts.unit_label(i) for i in REGISTRY.values()}
    assert not {k: v for k, v in labels.items() if v in generic}
    assert {labels[k] for k in REGISTRY if REGISTRY[k].unit == "percent"} == {"%"}
    assert {labels[k] for k in REGISTRY if REGISTRY[k].unit == "per_10k"} == {"per 10,000 children"}
    assert (labels["assessment_median_wd"], labels["adoption_a1_days"], labels["days_to_permanence_median"]) == (
        "working days", "days", "days")
    assert (labels["cla_at_31_march"], labels["referrals"], labels["early_help_episodes"]) == (
        "children", "referrals", "early help episodes")
    assert (labels["caseload_per_fte"], labels["caseload_median"]) == ("cases per full-time worker",
                                                                       "cases per case holder")


def test_a_sparkline_says_it_is_scaled_to_its_own_range():
    spec, alt_text = charts.sparkline_spec(_series([6_050, 6_210, 6_380, 6_300, 6_420]), "Contacts received")
    assert spec["encoding"]["y"]["scale"]["domain"] == [6_050, 6_420]
    assert alt_text == ("Contacts received, a small line scaled to its own lowest and highest years: "
                        "6050 in 2022 to 6420 in 2026")
    assert charts.sparkline_spec(_series([None, None, None, None, 5]), "Contacts received")[0] is None


def _line(ind_id: str, values: list[float]) -> Line:
    ind = REGISTRY[ind_id]
    return Line(ind, values[-1], None, None, values[-2], None, _series(values), {}, _england(ind_id))


def test_the_reports_charts_go_through_the_same_honest_trend():
    values = {"referrals": [290, 305, 312, 298, 301], "cla_at_31_march": [280, 290, 300, 310, 305],
              "re_referrals_12m_pct": [20.1, 21.0, 22.3, 23.8, 24.0]}
    lines = [_line(i, values.get(i, [1, 2, 3, 4, 5])) for i in HEADLINE]
    report = Report(ctx=None, audience="public", period_ends=[date.fromisoformat(y) for y in YEARS], lines=lines,
                    ofsted=[], downgrades=[])
    rendered = charts.render_all(report)
    for count in ("referrals", "cla_at_31_march"):
        svg, alt_text = rendered[f"trend:{count}"]
        assert _legend(svg) == ["This council"] and _y_axis(svg)[1:] == (0, _y_axis(svg)[2])
        assert _y_axis(svg)[2] < 1_000 and "not comparable" in alt_text
    svg, _ = rendered["trend:re_referrals_12m_pct"]
    assert _legend(svg) == ["This council", "England (to 2025)"] and _y_axis(svg)[:2] == ("%", 0)
