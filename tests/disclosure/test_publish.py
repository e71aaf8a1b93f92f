"""``publish``: one rounding rule for every public number of children (counts, and a forecast's mean and band),
halves up: 12.5 -> 15, never Python's round-half-to-even (which gave the public forecast 12.5 -> 10)."""

from __future__ import annotations

import math

import pytest

from casewatch.disclosure import SUPPRESSED, DisclosureError, publish
from casewatch.forecast.run import forecast
from casewatch.measures.api import open_council
from casewatch.outputs.content import public_forecast
from casewatch.outputs.forecast_charts import fan


def _old_forecast_rule(x: float) -> int:
    """The public forecast's rule before publish (outputs/content.py): banker's rounding, nothing suppressed."""
    return 5 * round(x / 5)


@pytest.mark.parametrize(("n", "shown"), [(12.5, 15), (7.5, 10), (2.5, SUPPRESSED), (2, SUPPRESSED), (2.4, SUPPRESSED),
                                          (4.49, SUPPRESSED), (4.5, 5), (0, 0), (0.4, 0), (12.4, 10), (13, 15),
                                          (1002.5, 1005), (12.9, 15)])
def test_a_number_of_children_is_rounded_to_5_halves_up_and_1_to_4_suppressed(n, shown):
    assert publish("count", n).value == shown


def test_the_old_forecast_rule_disagreed():
    # the regression: 12.5 children published as 10 (and 2 published as 0, not suppressed) before publish
    assert (_old_forecast_rule(12.5), _old_forecast_rule(2)) == (10, 0)
    assert (publish("count", 12.5).value, publish("count", 2).value) == (15, SUPPRESSED)


def test_counts_of_numpy_and_python_types_agree():
    np = pytest.importorskip("numpy")
    assert publish("count", np.int64(12)).value == publish("count", 12).value == 10
    assert publish("count", np.float64(12.5)).value == 15
    with pytest.raises(DisclosureError):
        publish("count", -3)
    with pytest.raises(DisclosureError):
        publish("count", float("nan"))


def test_rates_on_small_counts_are_suppressed():
    assert publish("percent", 1.5, 3, 200) == (SUPPRESSED, SUPPRESSED, 200)
    assert publish("percent", 75.0, 30, 4) == (SUPPRESSED, 30, SUPPRESSED)
    assert publish("percent", 77.8, 7, 9) == (77.8, 5, 10)  # worked out from 7/9, not from 5/10
    assert publish("per_10k", 9.7, 12, 12327) == (9.7, 10, 12325)
    assert publish("mean", 210.0, None, None, 3) == (SUPPRESSED, None, None)  # three adoptions: three children
    assert publish("mean", 210.0, None, None, 0).value == SUPPRESSED
    assert publish("median", 30.0, None, None, 5) == (30.0, None, None)
    assert publish("ratio", 18.25, None, None, None).value == 18.25  # workers unknown: nothing to protect
    assert publish("percent", None, 0, 0) == (None, None, None)


def _expected(x) -> object:
    """An independent statement of the rule: to a whole number, then to 5, halves up; 1-4 withheld."""
    n = math.floor(x + 0.5)
    return SUPPRESSED if 1 <= n <= 4 else 5 * math.floor(n / 5 + 0.5)


def test_the_public_forecast_and_its_band_are_published_as_counts(councils):
    _, db = councils.loaded()
    with open_council(db) as (con, ctx):
        result = forecast(con, ctx.data_to, 12, 6, runs=100, with_backtest=False)
    shown = public_forecast(result)
    assert len(shown["total"]) == len(result["total"]) > 0
    for raw, pub in zip(result["total"], shown["total"], strict=True):
        for k in ("mean", "lower", "upper"):
            assert pub[k] == _expected(raw[k]), (k, raw[k], pub[k])
            assert pub[k] == SUPPRESSED or pub[k] % 5 == 0
    assert [h["in_care"] for h in shown["history"]] == [_expected(h["in_care"]) for h in result["history"]]
    assert shown["in_care_at_start"] == _expected(result["in_care_at_start"])
    assert shown["rates"]["entries_per_year"] == _expected(result["rates"]["entries_per_year"])
    assert "series" not in shown and "model_total" not in shown  # the split by age and placement stays internal
    assert "series" in result  # the internal forecast is not changed


def test_a_suppressed_band_is_said_as_c():
    svg, words = fan([("2026-03-31", 10)], [{"date": "2026-04-30", "mean": 5, "lower": SUPPRESSED, "upper": 10}],
                     "Children in care")
    assert svg and "forecast 5 on 30 April 2026 (likely range c to 10)" in words
