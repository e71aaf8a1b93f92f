"""Disclosure control: the one place casewatch makes aggregates safe to publish. Pure functions, no I/O.

For a public audience (councillors, scrutiny, journalists, the public):

- a count from 1 to 4 is suppressed (shown as the DfE's ``c``); 0 stays 0 (nothing to protect);
- every other count is rounded to the nearest 5 (half up: 7.5 never arises, 12 -> 10, 13 -> 15);
- a rate or percentage is suppressed when its numerator or denominator is suppressed, and is otherwise worked
  out from the unrounded counts (as the DfE publishes);
- in a table whose row or column totals are published, no suppressed cell may be recoverable from the total
  and the other cells: a line with exactly one suppressed cell has its next smallest non-zero cell suppressed
  too (secondary suppression), repeated until no line has exactly one.

The thresholds can be raised (a council's policy may be stricter) but never lowered: ``Policy`` refuses a
minimum below 5 or rounding below 5, and there is no switch that turns control off. Internal audiences get
unsuppressed figures by not calling this module; every public output must call it (outputs/ and web/ do).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SUPPRESSED = "c"  # the DfE's symbol for a figure withheld to protect confidentiality
MIN_COUNT = 5  # counts 1 .. MIN_COUNT - 1 are suppressed
ROUND_TO = 5


class DisclosureError(ValueError):
    """A policy weaker than casewatch's floor, or a figure that cannot be controlled."""


@dataclass(frozen=True)
class Policy:
    min_count: int = MIN_COUNT
    round_to: int = ROUND_TO

    def __post_init__(self):
        if self.min_count < MIN_COUNT or self.round_to < ROUND_TO:
            raise DisclosureError(f"disclosure thresholds can be raised, never lowered (floor: counts below "
                                  f"{MIN_COUNT} suppressed, rounding to {ROUND_TO}); got min_count={self.min_count}, "
                                  f"round_to={self.round_to}")


PUBLIC = Policy()
Cell = int | str  # a published count, or SUPPRESSED


def _check(n) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise DisclosureError("a count to publish must be a whole number of 0 or more")
    return n


def is_small(n: int, policy: Policy = PUBLIC) -> bool:
    return 0 < _check(n) < policy.min_count


def count(n: int, policy: Policy = PUBLIC) -> Cell:
    """One count, made safe: 0, SUPPRESSED, or rounded to the nearest ``round_to``."""
    if is_small(n, policy):
        return SUPPRESSED
    q = Decimal(n) / policy.round_to
    return int(q.quantize(Decimal(1), ROUND_HALF_UP)) * policy.round_to


def ratio(numerator: int, denominator: int, scale: float = 100.0, decimals: int = 1,
          policy: Policy = PUBLIC) -> float | str | None:
    """A percentage (scale 100) or rate (scale 10,000) from unrounded counts; SUPPRESSED when either count is
    suppressed; None when the denominator is 0."""
    if is_small(numerator, policy) or is_small(denominator, policy):
        return SUPPRESSED
    if denominator == 0:
        return None
    value = Decimal(numerator) * Decimal(str(scale)) / Decimal(denominator)
    return float(value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def table(cells: list[list[int]], policy: Policy = PUBLIC, totals: bool = True) -> list[list[Cell]]:
    """A table of counts made safe: primary suppression of small cells, secondary suppression along every row
    and column (when ``totals`` are published) so that no suppressed cell is the only one in its line, then
    rounding of what is left."""
    rows = [[_check(c) for c in row] for row in cells]
    if len({len(r) for r in rows}) > 1:
        raise DisclosureError("every row of a table must have the same number of cells")
    hidden = {(i, j) for i, row in enumerate(rows) for j, c in enumerate(row) if is_small(c, policy)}
    if totals and rows:
        lines = [[(i, j) for j in range(len(rows[0]))] for i in range(len(rows))]
        lines += [[(i, j) for i in range(len(rows))] for j in range(len(rows[0]))]
        changed = True
        while changed:
            changed = False
            for line in lines:
                if sum(1 for k in line if k in hidden) == 1:
                    rest = sorted((rows[i][j], i, j) for i, j in line if (i, j) not in hidden and rows[i][j] > 0)
                    if rest:  # the next smallest non-zero cell; with none left, the line total gives nothing away
                        hidden.add(rest[0][1:])
                        changed = True
    return [[SUPPRESSED if (i, j) in hidden else count(c, policy) for j, c in enumerate(row)]
            for i, row in enumerate(rows)]


def total(cells: list[int], policy: Policy = PUBLIC) -> Cell:
    """A line total published beside controlled cells: itself controlled (small totals suppressed, rounded)."""
    return count(sum(_check(c) for c in cells), policy)
