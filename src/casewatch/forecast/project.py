"""Project the children-in-care stock month by month: the expected numbers, and prediction intervals by
simulation.

The model is a continuous-time Markov chain on the states (age band x placement, plus out of care), with the
daily hazards and entry rates of ``rates.Rates``. One day's transition matrix is I + Q (daily hazards are small:
at most a few in a hundred), so L days is its L-th power. Children who enter during a month of L days arrive
evenly through it, so they are carried for L/2 days on average.

Intervals come from simulating the flows themselves (multinomial moves of the children in each state, Poisson
entries) with the rates drawn afresh for each run from their sampling distribution (a rate seen k times in
exposure E is Gamma(k, 1/E); a move never seen stays impossible), so that both the chance in who moves and the
uncertainty in the rates are in the interval.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import numpy as np

from casewatch.forecast.rates import Rates
from casewatch.forecast.states import EXIT, STATES


@dataclass(frozen=True)
class Projection:
    dates: list[date]
    mean: np.ndarray  # (months, states): expected children in care in each state on each date
    simulated: np.ndarray  # (runs, months, states)

    @property
    def total(self) -> np.ndarray:
        return self.mean.sum(axis=1)

    def total_interval(self, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        totals = self.simulated.sum(axis=2)
        tail = (1 - level) / 2 * 100
        return np.percentile(totals, tail, axis=0), np.percentile(totals, 100 - tail, axis=0)

    def state_interval(self, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        tail = (1 - level) / 2 * 100
        return np.percentile(self.simulated, tail, axis=0), np.percentile(self.simulated, 100 - tail, axis=0)


def month_ends(after: date, months: int) -> list[date]:
    """The last day of each of the ``months`` months after the one ``after`` falls in (or, when ``after`` is a
    month's last day, after it)."""
    out, y, m = [], after.year, after.month
    for _ in range(months + 1):
        end = date(y, m, calendar.monthrange(y, m)[1])
        if end > after:
            out.append(end)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out[:months]


def generator(hazards: np.ndarray) -> np.ndarray:
    """The one-day transition matrix (S+1) x (S+1) from hazards S x (S+1); out of care is absorbing."""
    n = len(STATES)
    p = np.zeros(hazards.shape[:-2] + (n + 1, n + 1))
    p[..., :n, :] = hazards
    rows = p[..., :n, :].sum(axis=-1)
    idx = np.arange(n)
    p[..., idx, idx] += 1.0 - rows
    p[..., EXIT, EXIT] = 1.0
    return p


def project(stock: np.ndarray, hazards: np.ndarray, entry_rates: np.ndarray, start: date, months: int,
            rates: Rates | None = None, runs: int = 1000, seed: int = 0) -> Projection:
    """Expected and simulated stock at each month end after ``start`` (``stock`` is the stock on ``start``).
    ``rates`` (the counts behind the hazards) gives the simulation its rate uncertainty; without it the rates
    are taken as known."""
    dates = month_ends(start, months)
    steps = [(d - prev).days for prev, d in zip([start, *dates[:-1]], dates, strict=True)]
    day = generator(hazards)
    n = len(STATES)
    mean, x = [], np.append(stock, 0.0)
    powers = {}
    for L in steps:
        for k in (L, L // 2):
            if k not in powers:
                powers[k] = np.linalg.matrix_power(day, k)
        x = x @ powers[L] + np.append(entry_rates * L, 0.0) @ powers[L // 2]
        x[EXIT] = 0.0
        mean.append(x[:n].copy())
    simulated = _simulate(stock, hazards, entry_rates, steps, rates, runs, seed)
    return Projection(dates, np.array(mean), simulated)


def _draw_rates(hazards, entry_rates, rates: Rates | None, runs: int, rng) -> tuple[np.ndarray, np.ndarray]:
    if rates is None:
        return np.broadcast_to(hazards, (runs, *hazards.shape)), np.broadcast_to(entry_rates, (runs, len(entry_rates)))
    # scale the drawn rates so that a scenario's changes to the hazards carry through (ratio to the estimate)
    base_h, base_e = rates.hazards(), rates.entry_rates()  # the scenario's hazards relative to these
    with np.errstate(divide="ignore", invalid="ignore"):
        h_ratio = np.where(base_h > 0, hazards / base_h, 0.0)
        e_ratio = np.where(base_e > 0, entry_rates / base_e, 0.0)
    exposure = np.maximum(rates.corrected_exposure, 1e-9)[:, None]
    h = rng.gamma(np.maximum(rates.moves, 1e-12), 1.0 / exposure, size=(runs, *rates.moves.shape))
    h = np.where(rates.moves > 0, h * h_ratio, hazards)  # moves added by a scenario (never seen) keep their rate
    e = rng.gamma(np.maximum(rates.entries, 1e-12), 1.0 / rates.days, size=(runs, len(rates.entries)))
    e = np.where(rates.entries > 0, e * e_ratio, entry_rates)
    return h, e


def _simulate(stock, hazards, entry_rates, steps, rates, runs, seed) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = len(STATES)
    h, e = _draw_rates(hazards, entry_rates, rates, runs, rng)
    day = generator(h)  # (runs, S+1, S+1)
    powers = {}
    counts = np.broadcast_to(np.round(stock).astype(np.int64), (runs, n)).copy()
    out = np.zeros((runs, len(steps), n))
    for t, L in enumerate(steps):
        for k in (L, L // 2):
            if k not in powers:
                powers[k] = np.linalg.matrix_power(day, k)
        moved = _flows(counts, powers[L], rng)
        arrivals = rng.poisson(e * L)
        counts = moved + _flows(arrivals, powers[L // 2], rng)
        out[:, t, :] = counts
    return out


def _flows(counts: np.ndarray, p: np.ndarray, rng) -> np.ndarray:
    """Where the children counted in each state (runs x S) are after one step with transition matrices p
    (runs x (S+1) x (S+1)): a multinomial draw per state and run, as conditional binomials."""
    runs, n = counts.shape
    new = np.zeros((runs, n + 1), dtype=np.int64)
    for s in np.flatnonzero(counts.any(axis=0)):
        remaining = counts[:, s].copy()
        left = np.ones(runs)
        for k in np.flatnonzero(p[:, s, :].any(axis=0)):
            if not remaining.any():
                break
            q = np.clip(np.divide(p[:, s, k], left, out=np.zeros(runs), where=left > 1e-12), 0.0, 1.0)
            drawn = rng.binomial(remaining, q)
            new[:, k] += drawn
            remaining -= drawn
            left -= p[:, s, k]
        new[:, s] += remaining  # rounding left over: stay
    return new[:, :n]
