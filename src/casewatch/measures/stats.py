"""Ranks, quartiles and funnel limits: the one place casewatch works them out.

Used by the benchmarks (a council among all English councils), the pool's comparison (councils side by side),
the team figures (funnel limits around the council's percentage) and the funnel charts of the report and web.

**Rank.** Rank 1 is the best by the indicator's direction (highest value when higher is better, lowest when
lower is better); councils with the same value share the better rank ("1, 2, 2, 4"): a council's rank is one
more than the number of councils strictly better than it.

**Quartile.** ``ceil(4 x rank / of)``: quartile 1 is the best quarter, 4 the worst. A council is in quartile q
when its rank lies within the first q quarters of the list, so rank 3 of 10 (30% down the list) is quartile 2
and the last council is always quartile 4. Until issue 22 the pool's comparison used ``1 + (rank - 1) x 4 // of``
instead, which put rank 3 of 10 in quartile 1 and the worse of two councils in quartile 3.

**Funnel limits** for a percentage around a centre (the council's or the pool's percentage) for a denominator
n: centre +- z x sqrt(p(1 - p) / n) with z = 1.959964 (95%, two-sided) and 3.090232 (99.8%), the normal
approximation without continuity correction that all three earlier copies used. It is the same funnel as Public
Health England's Fingertips method for proportions (the limits are where the Wilson score interval of a
figure just reaches the centre, which reduces to this formula). The exact binomial limits with interpolation
(Spiegelhalter 2005) were not chosen: they step with n, need scipy, and no copy used them. A figure is outside a
limit only when it is strictly beyond it (on the line counts as within); the limits are clipped to 0-100 for
drawing, never for deciding.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from statistics import NormalDist

Z95 = NormalDist().inv_cdf(0.975)  # 1.959964
Z998 = NormalDist().inv_cdf(0.999)  # 3.090232


def rank_among(sorted_values: list[float], value: float, higher_is_better: bool) -> int:
    """The rank ``value`` would have among ``sorted_values`` (ascending): 1 + how many are strictly better."""
    if higher_is_better:
        return 1 + len(sorted_values) - bisect_right(sorted_values, value)
    return 1 + bisect_left(sorted_values, value)


def ranks(values: Mapping[Hashable, float], higher_is_better: bool | None) -> dict:
    """Every value's rank among the others (ties share the better rank); {} when there is no better direction."""
    if higher_is_better is None:
        return {}
    ordered = sorted(values.values())
    return {key: rank_among(ordered, v, higher_is_better) for key, v in values.items()}


def quartile(rank: int | None, of: int | None) -> int | None:
    """ceil(4 x rank / of): 1 the best quarter, 4 the worst; None without a rank."""
    if rank is None or not of:
        return None
    return min(4, max(1, math.ceil(4 * rank / of)))


@dataclass(frozen=True)
class FunnelLimits:
    """Percentages: lower and upper 95% and 99.8% control limits, clipped to 0-100."""

    lower95: float
    upper95: float
    lower998: float
    upper998: float


def _spread(centre_pct: float, n: float) -> float:
    p = centre_pct / 100
    return 100 * math.sqrt(max(p * (1 - p), 0.0) / n)


def funnel_limits(centre_pct: float, n: float) -> FunnelLimits:
    """The funnel's limits at denominator ``n`` (> 0) around ``centre_pct``, clipped to 0-100."""
    sd = _spread(centre_pct, n)

    def clip(x: float) -> float:
        return min(100.0, max(0.0, x))

    return FunnelLimits(clip(centre_pct - Z95 * sd), clip(centre_pct + Z95 * sd),
                        clip(centre_pct - Z998 * sd), clip(centre_pct + Z998 * sd))


def funnel_position(value_pct: float, centre_pct: float, n: float) -> str | None:
    """'within', 'above 95%', 'above 99.8%', 'below 95%' or 'below 99.8%': where a percentage with denominator
    ``n`` sits in the funnel around ``centre_pct``. None when there is no funnel: no denominator, or a centre
    of 0% or 100% (every unit the same, so no spread)."""
    if not n or n <= 0 or not 0 < centre_pct < 100:
        return None
    sd = _spread(centre_pct, n)
    gap = value_pct - centre_pct
    if abs(gap) <= Z95 * sd:
        return "within"
    side = "above" if gap > 0 else "below"
    return f"{side} 99.8%" if abs(gap) > Z998 * sd else f"{side} 95%"


def outside_998(value_pct: float, centre_pct: float, n: float) -> str | None:
    """'above' or 'below' when the percentage is beyond the 99.8% limits, else None."""
    where = funnel_position(value_pct, centre_pct, n) or ""
    return where.split()[0] if where.endswith("99.8%") else None


def direction(polarity: str | None, now, before) -> str | None:
    """Direction of travel from last year's figure to this year's, in words: "better" / "worse" by the
    indicator's polarity ("higher" or "lower" is better), "up" / "down" for one with none (context, not a
    target), "no change", or None when either figure is missing."""
    if now is None or before is None:
        return None
    if now == before:
        return "no change"
    if polarity is None:
        return "up" if now > before else "down"
    return "better" if (now > before) == (polarity == "higher") else "worse"
