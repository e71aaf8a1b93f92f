"""An indicator figure made safe for a public audience, by its unit (see measures/define.py UNITS).

- count: the count controlled (1-4 suppressed, others rounded to 5);
- percent, per_10k: the ratio of the unrounded counts, suppressed when the numerator or denominator is a
  count of 1-4; the published numerator and denominator are the controlled counts;
- mean, median, ratio (days, caseloads per FTE): suppressed when fewer than 5 units stand behind it (a mean of
  three adoptions describes three children); the numerator and denominator are not published.
"""

from __future__ import annotations

from casewatch.disclosure.control import PUBLIC, SUPPRESSED, Policy, count, is_small, ratio


def public_figure(unit: str, value, numerator, denominator, units_counted: int | None, decimals: int = 1,
                  policy: Policy = PUBLIC) -> tuple:
    """(value, numerator, denominator) as they may be published."""
    if value is None:
        return None, None, None
    if unit == "count":
        return count(int(value), policy), None, None
    if unit in ("percent", "per_10k"):
        num, den = int(numerator or 0), int(denominator or 0)
        scale = 100.0 if unit == "percent" else 10_000.0
        shown = ratio(num, den, scale, decimals, policy)
        return shown, count(num, policy), count(den, policy)
    if units_counted is not None and (units_counted == 0 or is_small(units_counted, policy)):
        return SUPPRESSED, None, None
    return value, None, None
