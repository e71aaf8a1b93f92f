"""Daily rates of the children-in-care stock and flows, estimated from the 903 episodes in a reference window.

Each child's time in care is cut into segments of one state (age band on the day, placement category of the
episode; short breaks, V3/V4, are not care). Over the window [start, end):

- **exposure**: days spent in each state;
- **transitions**: a segment that ends inside the window and is followed the same day by a segment in another
  state (a placement move, or a birthday into the next age band) counts one move between the two; a segment
  not followed the same day counts one exit (care ended, or the 18th birthday);
- **entries**: a segment that starts inside the window without one ending that day (a new period of care).

A daily hazard is moves / exposure; the daily entry rate into a state is its entries / days in the window. All
of it in DuckDB, on the council's scoped views.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from casewatch.forecast.states import AGE_BANDS, EXIT, INDEX, PLACEMENT_SQL, STATES

BANDS_SQL = "(VALUES " + ", ".join(f"('{b}', {lo}, {hi})" for b, lo, hi in AGE_BANDS) + ") AS bands(band, lo, hi)"
SEGMENTS = f"""
    WITH ep AS (
        SELECT e.child_id, e.decom AS s, coalesce(e.dec, DATE '9999-12-31') AS e, c.date_of_birth AS dob,
               {PLACEMENT_SQL.format(place="e.place", provider="e.place_provider")} AS place
        FROM cla_episodes e JOIN children c USING (child_id)
        WHERE coalesce(e.legal_status, '') NOT IN ('V3', 'V4')),
    cut AS (
        SELECT child_id, place, band,
               greatest(s, (dob + to_years(lo))::DATE) AS a, least(e, (dob + to_years(hi))::DATE) AS b
        FROM ep, {BANDS_SQL})
    SELECT child_id, band, place, a, b,
           lead(a) OVER w AS next_a, lead(band) OVER w AS next_band, lead(place) OVER w AS next_place,
           lag(b) OVER w AS prev_b
    FROM cut WHERE a < b
    WINDOW w AS (PARTITION BY child_id ORDER BY a, b)"""


@dataclass(frozen=True)
class Rates:
    start: date
    end: date  # exclusive
    exposure: np.ndarray  # days in each state (S)
    moves: np.ndarray  # counts S x (S + 1): to another state, or (last column) out of care
    entries: np.ndarray  # counts into each state (S)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def corrected_exposure(self) -> np.ndarray:
        """Each state's exposure less one child for the whole window (to no less than half of it): the children
        who left a state during the window are in its moves and missing from the stock the projection starts
        from, so moves / exposure applied to that stock under-counts who leaves (by about one child's worth of
        leaving per state per window; +4.1% in care after 12 months on planted constant rates with a 6-month
        window, +1.3% with this correction: docs/forecast.md)."""
        return np.maximum(self.exposure - self.days, self.exposure / 2)

    def hazards(self) -> np.ndarray:
        """Daily hazards S x (S + 1) (0 where a state had no exposure), over the corrected exposure, for
        projecting from the stock on the window's last day."""
        with np.errstate(divide="ignore", invalid="ignore"):
            h = self.moves / self.corrected_exposure[:, None]
        return np.nan_to_num(h, nan=0.0, posinf=0.0)

    def entry_rates(self) -> np.ndarray:
        return self.entries / self.days


def estimate(con, start: date, end: date) -> Rates:
    """Rates over [start, end) from the scoped ``cla_episodes`` and ``children``."""
    n = len(STATES)
    exposure, moves, entries = np.zeros(n), np.zeros((n, n + 1)), np.zeros(n)
    rows = con.execute(f"""
        WITH seg AS ({SEGMENTS})
        SELECT 'exposure' AS kind, band, place, NULL AS to_band, NULL AS to_place,
               sum(greatest(0, datediff('day', greatest(a, $s), least(b, $e))))::DOUBLE AS n
        FROM seg WHERE a < $e AND b > $s GROUP BY ALL
        UNION ALL
        SELECT 'move', band, place, next_band, next_place, count(*)::DOUBLE FROM seg
        WHERE b >= $s AND b < $e AND next_a = b AND (next_band <> band OR next_place <> place) GROUP BY ALL
        UNION ALL
        SELECT 'exit', band, place, NULL, NULL, count(*)::DOUBLE FROM seg
        WHERE b >= $s AND b < $e AND (next_a IS NULL OR next_a > b) GROUP BY ALL
        UNION ALL
        SELECT 'entry', band, place, NULL, NULL, count(*)::DOUBLE FROM seg
        WHERE a >= $s AND a < $e AND (prev_b IS NULL OR prev_b < a) GROUP BY ALL""",
                       {"s": start, "e": end}).fetchall()
    for kind, band, place, to_band, to_place, count in rows:
        i = INDEX[(band, place)]
        if kind == "exposure":
            exposure[i] += count
        elif kind == "move":
            moves[i, INDEX[(to_band, to_place)]] += count
        elif kind == "exit":
            moves[i, EXIT] += count
        else:
            entries[i] += count
    return Rates(start, end, exposure, moves, entries)


def stock(con, on: date) -> np.ndarray:
    """Children in care on a day, by state."""
    out = np.zeros(len(STATES))
    for band, place, count in con.execute(f"""
            WITH seg AS ({SEGMENTS})
            SELECT band, place, count(DISTINCT child_id) FROM seg WHERE a <= $d AND b > $d GROUP BY ALL""",
                                          {"d": on}).fetchall():
        out[INDEX[(band, place)]] += count
    return out


def totals(con, days: list[date]) -> list[int]:
    """Children in care on each day (one query)."""
    if not days:
        return []
    got = dict(con.execute(f"""
        WITH seg AS ({SEGMENTS}), d AS (SELECT unnest($days::DATE[]) AS day)
        SELECT d.day, count(DISTINCT seg.child_id) FROM d LEFT JOIN seg ON seg.a <= d.day AND seg.b > d.day
        GROUP BY d.day""", {"days": days}).fetchall())
    return [int(got.get(d, 0)) for d in days]

