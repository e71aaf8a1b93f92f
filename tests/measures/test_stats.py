"""Ranks, quartiles and funnel limits (casewatch.measures.stats), and that the benchmarks, the pool's comparison,
the team figures and the funnel chart now give the same answers (issue 22)."""

from __future__ import annotations

import math

import pytest
from scipy.stats import norm

from casewatch.benchmarks.api import rank_among as benchmark_rank
from casewatch.measures import stats
from casewatch.measures.catalogue import all_indicators
from casewatch.measures.compute import Figure, _limits
from casewatch.outputs.charts import funnel
from casewatch.pool.compare import compare

# The two quartile formulas before issue 22, kept here to show the disagreement the tests below pin down.
OLD_BENCHMARKS_QUARTILE = lambda rank, of: min(4, max(1, math.ceil(4 * rank / of)))  # noqa: E731
OLD_POOL_QUARTILE = lambda rank, of: min(4, 1 + (rank - 1) * 4 // of)  # noqa: E731


def test_ranks_share_the_better_rank_and_follow_the_direction():
    values = {"a": 10, "b": 20, "c": 20, "d": 30}
    assert stats.ranks(values, False) == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert stats.ranks(values, True) == {"d": 1, "b": 2, "c": 2, "a": 4}
    assert stats.ranks(values, None) == {}
    assert stats.rank_among([10, 20, 20, 30], 20, True) == 2  # 30 is better; the 20s are not
    assert stats.rank_among([10, 20, 20, 30], 20, False) == 2  # 10 is better
    assert stats.rank_among([10, 20, 20, 30], 35, True) == 1
    assert stats.rank_among([], 5, False) == 1


def test_quartile_is_ceil_of_four_times_rank_over_of():
    assert [stats.quartile(r, 10) for r in range(1, 11)] == [1, 1, 2, 2, 2, 3, 3, 4, 4, 4]
    assert [stats.quartile(r, 8) for r in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert [stats.quartile(r, 152) for r in (1, 38, 39, 76, 77, 114, 115, 152)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert (stats.quartile(None, 10), stats.quartile(1, 0)) == (None, None)


def test_the_two_old_quartile_formulas_disagreed_and_the_one_kept_is_the_benchmarks_one():
    assert (OLD_BENCHMARKS_QUARTILE(3, 10), OLD_POOL_QUARTILE(3, 10)) == (2, 1)  # the example
    assert (OLD_BENCHMARKS_QUARTILE(2, 2), OLD_POOL_QUARTILE(2, 2)) == (4, 3)  # the worse of two councils
    assert stats.quartile(3, 10) == 2
    assert stats.quartile(2, 2) == 4
    for of in range(1, 160):
        assert [stats.quartile(r, of) for r in range(1, of + 1)] == [OLD_BENCHMARKS_QUARTILE(r, of)
                                                                      for r in range(1, of + 1)]


def _fig(council_value: float, den: int = 100) -> Figure:
    return Figure("re_referrals_12m_pct", "Re-referrals", "percent", "lower", "2025-04-01", "2026-03-31", None, None,
                  council_value, council_value * den / 100, den)


def test_rank_3_of_10_is_quartile_2_in_the_benchmarks_and_in_the_pool_comparison():
    # the benchmarks: a council's value among 9 other councils, higher is better, two of them better
    others = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0]
    assert benchmark_rank(others, 75.0, True) == (3, 10, 2)
    # the pool: 10 councils, re-referrals (lower is better), the council with the third lowest figure
    all_indicators()
    figs = {f"X{i:02d}": {"re_referrals_12m_pct": _fig(10.0 + i)} for i in range(1, 11)}
    rows = compare({c: f"Council {c}" for c in figs}, figs)
    by_council = {c.council: c for c in rows[0]["councils"]}
    assert (by_council["X03"].rank, by_council["X03"].of, by_council["X03"].quartile) == (3, 10, 2)
    assert [by_council[f"X{i:02d}"].quartile for i in range(1, 11)] == [1, 1, 2, 2, 2, 3, 3, 4, 4, 4]
    two = compare({"A": "A", "B": "B"}, {"A": {"re_referrals_12m_pct": _fig(10.0)},
                                         "B": {"re_referrals_12m_pct": _fig(30.0)}})
    assert [(c.rank, c.quartile) for c in two[0]["councils"]] == [(1, 2), (2, 4)]


def _score_limit(p: float, n: float, z: float, side: int) -> float:
    """Written from the formula: the figure q whose Wilson score interval at n just reaches p (PHE's funnel for a
    proportion), found by bisection on the Wilson bound, not from the closed form the module uses."""
    def wilson_bound(q: float) -> float:  # the lower bound when side is +1 (q above p), the upper when -1;
        # either way it grows with q
        centre = (q + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(q * (1 - q) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return centre - side * half

    lo, hi = (p, 1.0) if side > 0 else (0.0, p)
    if side > 0 and wilson_bound(1.0) < p or side < 0 and wilson_bound(0.0) > p:
        return 1.0 if side > 0 else 0.0  # the limit is beyond 0-100%: clipped
    for _ in range(200):
        mid = (lo + hi) / 2
        if wilson_bound(mid) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@pytest.mark.parametrize(("centre", "n"), [(20.0, 400), (20.0, 30), (50.0, 12), (3.5, 250), (92.0, 60), (0.5, 8)])
def test_funnel_limits_match_the_wilson_score_funnel_computed_independently(centre, n):
    lim = stats.funnel_limits(centre, n)
    for got, level, side in ((lim.lower95, 0.975, -1), (lim.upper95, 0.975, 1),
                             (lim.lower998, 0.999, -1), (lim.upper998, 0.999, 1)):
        assert got == pytest.approx(100 * _score_limit(centre / 100, n, norm.ppf(level), side), abs=1e-6)
    # and the normal approximation written out with scipy's quantiles
    sd = 100 * math.sqrt(centre / 100 * (1 - centre / 100) / n)
    assert lim.upper95 == pytest.approx(min(100, centre + norm.ppf(0.975) * sd))
    assert lim.lower998 == pytest.approx(max(0, centre - norm.ppf(0.999) * sd))


def test_funnel_positions_and_their_edges():
    # centre 20%, n 400: sd 2 points; 95% limits 20 +- 3.92, 99.8% limits 20 +- 6.18
    assert stats.funnel_position(23.9, 20.0, 400) == "within"
    assert stats.funnel_position(24.0, 20.0, 400) == "above 95%"
    assert stats.funnel_position(26.2, 20.0, 400) == "above 99.8%"
    assert stats.funnel_position(13.7, 20.0, 400) == "below 99.8%"
    assert stats.funnel_position(16.0, 20.0, 400) == "below 95%"
    on_the_line = 20.0 + stats.Z95 * 2.0
    assert stats.funnel_position(on_the_line, 20.0, 400) == "within"  # on a limit is within
    assert stats.funnel_position(20.0, 0.0, 50) is None  # every unit the same: no funnel
    assert stats.funnel_position(20.0, 20.0, 0) is None
    assert (stats.outside_998(26.2, 20.0, 400), stats.outside_998(24.0, 20.0, 400)) == ("above", None)
    assert stats.funnel_limits(20.0, 30).lower998 == 0.0  # clipped for drawing


def test_a_team_just_past_the_rounded_998_limit_is_outside_in_the_table_and_on_the_chart():
    # council 20%, a team of 100: the 99.8% upper limit is 32.36%, shown as 32.4; the team's 32.4% is beyond it.
    # Before issue 22 the team figures compared the value with the rounded limit (32.4 > 32.4: not outside)
    # while the chart compared it with the exact one (outside): the table and the chart disagreed.
    team, old_rounded_limit = 32.4, round(20.0 + 3.090232 * 4.0, 1)
    assert not team > old_rounded_limit  # noqa: SIM300 - the old comparison as it was written
    limits = _limits(32.4, 20.0, 100)
    assert (limits["upper998"], limits["outside"]) == (32.4, "above")
    assert (limits["lower95"], limits["upper95"], limits["lower998"]) == (12.2, 27.8, 7.6)
    _, words = funnel([("East", 32.4, 100), ("West", 21.0, 100)], 20.0, "Re-referrals, by team")
    assert "Outside the 99.8% limits: East (32.4%)." in words
