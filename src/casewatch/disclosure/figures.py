"""``publish``: the one entry through which every figure shown to a public audience passes (the web pages for
aggregate-only roles, the public report, its forecast). One rule for every number of children, by its unit
(see measures/define.py UNITS):

- count: a number of children (recorded, or estimated as a forecast's mean and band are) is first made a whole
  number, halves up, then controlled as control.count does: 1-4 suppressed, others to the nearest 5 with halves
  up (12.5 -> 13 -> 15, 7.5 -> 8 -> 10; rounding to the whole number first never moves a figure across a
  multiple-of-5 boundary, as those lie at the halves 2.5, 7.5, 12.5, ...);
- percent, per_10k: the ratio of the unrounded counts, suppressed when the numerator or denominator is a
  count of 1-4; the published numerator and denominator are the controlled counts;
- mean, median, ratio (days, caseloads per FTE, a shortfall in FTE): suppressed when fewer than 5 units stand
  behind it (a mean of three adoptions describes three children); the numerator and denominator are not
  published.

A table whose totals are published goes through control.table (secondary suppression) instead.
"""

from __future__ import annotations

import numbers
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from casewatch.disclosure.control import PUBLIC, SUPPRESSED, DisclosureError, Policy, count, is_small, ratio


class Published(NamedTuple):
    value: object  # a number, SUPPRESSED ('c') or None
    numerator: object = None
    denominator: object = None


def whole(n) -> int:
    """A number of children as a whole number, halves up (an estimate such as a forecast's 12.5 -> 13)."""
    if isinstance(n, bool):
        raise DisclosureError("a count to publish must be a number of 0 or more")
    if isinstance(n, numbers.Integral):
        return int(n)
    if not isinstance(n, numbers.Real) or n != n:
        raise DisclosureError("a count to publish must be a number of 0 or more")
    return int(Decimal(float(n)).quantize(Decimal(1), ROUND_HALF_UP))


def publish(unit: str, value, numerator=None, denominator=None, units_counted: int | None = None,
            decimals: int = 1, policy: Policy = PUBLIC) -> Published:
    """(value, numerator, denominator) as they may be published; ``publish("count", n).value`` for a plain
    count or a forecast figure."""
    if value is None:
        return Published(None)
    if unit == "count":
        return Published(count(whole(value), policy))
    if unit in ("percent", "per_10k"):
        num, den = whole(numerator or 0), whole(denominator or 0)
        scale = 100.0 if unit == "percent" else 10_000.0
        return Published(ratio(num, den, scale, decimals, policy), count(num, policy), count(den, policy))
    if units_counted is not None and (units_counted == 0 or is_small(whole(units_counted), policy)):
        return Published(SUPPRESSED)
    return Published(value)
