"""The demand forecast end to end: rates from the reference window, the baseline (and a scenario) projected
with intervals, the backtest, the forecast shown (the model's or the simple trend's, whichever was closer in
the backtest, with its band widened as the backtest says: shown.py), and spend. Returns the JSON-ready result
``casewatch forecast`` prints; ``words`` holds the sentences a person reads about it."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from casewatch.errors import CasewatchError
from casewatch.forecast import costs as unit
from casewatch.forecast import shown as shown_
from casewatch.forecast.backtest import backtest, ets_forecast, monthly, months_back
from casewatch.forecast.calibrate import Band
from casewatch.forecast.project import Projection, month_ends, project
from casewatch.forecast.rates import estimate, stock, totals
from casewatch.forecast.scenario import Scenario, apply
from casewatch.forecast.states import EXIT, STATES, name


class ForecastError(CasewatchError, ValueError):
    """The forecast cannot be made as asked (no data, too little history)."""


def first_known(con) -> date | None:
    """The first day the data records leaving care: 1 April of the year of the earliest episode end (903 returns
    hold the episodes open in their year, so exits before the first return loaded are missing)."""
    first = con.execute("SELECT min(dec) FROM cla_episodes WHERE dec IS NOT NULL").fetchone()[0]
    if first is None:
        return None
    return date(first.year if (first.month, first.day) >= (4, 1) else first.year - 1, 4, 1)


def forecast(con, as_of: date, horizon_months: int = 24, reference_months: int = 6,
             scenario: Scenario | None = None, costs_path=None, runs: int = 1000, with_backtest: bool = True) -> dict:
    known = first_known(con)
    if known is None:
        raise ForecastError("no child has left care in this data: the rates cannot be estimated")
    window_start = months_back(as_of, reference_months)
    if window_start < known:
        raise ForecastError(f"the reference window would start on {window_start}, before the data records leaving "
                            f"care ({known}): use a later --as-of or fewer --reference-months")
    rates = estimate(con, window_start, as_of + timedelta(days=1))
    start = stock(con, as_of)
    hazards, entries = rates.hazards(), rates.entry_rates()
    base = project(start, hazards, entries, as_of, horizon_months, rates=rates, runs=runs, seed=1)
    prices = unit.unit_costs(costs_path, scenario.costs if scenario else None)
    bt = backtest(con, known, as_of, reference_months, min(12, horizon_months)) if with_backtest else None
    method = shown_.choose(bt)
    trend = ets_forecast(monthly(con, known, as_of), horizon_months) if method == shown_.TREND else None
    if trend is None:
        method = shown_.MODEL
    lo, hi = base.total_interval()
    total, band = shown_.band(method, bt, Band(np.array([]), base.total, lo, hi), trend)
    shown = _rows(base.dates, total.mean, total.lower, total.upper)
    result = {
        "as_of": as_of.isoformat(), "horizon_months": horizon_months, "reference_months": reference_months,
        "reference_window": {"start": window_start.isoformat(), "end": as_of.isoformat()},
        "in_care_at_start": int(start.sum()),
        "rates": {"entries_per_year": round(float(entries.sum() * 365.25), 1),
                  "leaving_per_year": round(float((start * hazards[:, EXIT]).sum() * 365.25), 1),
                  "entries_in_window": int(rates.entries.sum()), "exits_in_window": int(rates.moves[:, EXIT].sum())},
        "unit_costs_weekly": prices,
        "history": _history(con, known, as_of),
        "method": method, "band": band, "words": shown_.words(method, bt, band, as_of, reference_months, runs),
        "series": _series(base), "total": shown, "model_total": _total(base),
        "cost": _cost(start, base, as_of, prices, shown),
    }
    if scenario is not None and scenario.changes_rates:
        h2, e2 = apply(scenario, hazards, entries)
        alt = project(start, h2, e2, as_of, horizon_months, rates=rates, runs=runs, seed=1)
        diff = alt.total - base.total
        alt_shown = _rows(alt.dates, total.mean + diff, np.maximum(total.lower + diff, 0), total.upper + diff)
        result["scenario"] = {"name": scenario.name, "total": alt_shown,
                              "cost": _cost(start, alt, as_of, prices, alt_shown),
                              "difference": [{"date": d.isoformat(), "children": round(float(x), 1)}
                                             for d, x in zip(alt.dates, diff, strict=True)]}
    elif scenario is not None:
        result["scenario"] = {"name": scenario.name, "note": "the scenario changes unit costs only"}
    if bt is not None:
        result["backtest"] = bt
    return result


def _history(con, known: date, as_of: date, months: int = 36) -> list[dict]:
    days = [d for d in month_ends(months_back(as_of, months + 1), months + 1) if known <= d <= as_of]
    return [{"date": d.isoformat(), "in_care": n} for d, n in zip(days, totals(con, days), strict=True)]


def _series(p: Projection) -> list[dict]:
    lo, hi = p.state_interval()
    return [{"date": d.isoformat(), "state": name(s), "mean": round(float(p.mean[t, i]), 2),
             "lower": float(lo[t, i]), "upper": float(hi[t, i])}
            for t, d in enumerate(p.dates) for i, s in enumerate(STATES) if p.mean[t, i] >= 0.005 or hi[t, i] > 0]


def _rows(dates, mean, lower, upper) -> list[dict]:
    return [{"date": d.isoformat(), "mean": round(float(m), 1), "lower": float(a), "upper": float(b)}
            for d, m, a, b in zip(dates, mean, lower, upper, strict=True)]


def _total(p: Projection) -> list[dict]:
    """The model's own forecast of the total and its band from the simulated futures, unadjusted."""
    return _rows(p.dates, p.total, *p.total_interval())


def _cost(start: np.ndarray, p: Projection, as_of: date, prices: dict, shown: list[dict]) -> list[dict]:
    """Spend a month: the children shown (and their band) times the model's spend per child that month (its
    mix of placements, costed)."""
    days = [(d - prev).days for prev, d in zip([as_of, *p.dates[:-1]], p.dates, strict=True)]
    per_child = unit.monthly_spend(start, p.mean, days, prices) / np.maximum(p.total, 1e-9)
    return [{"date": t["date"], "mean": round(float(t["mean"] * c)), "lower": round(float(t["lower"] * c)),
             "upper": round(float(t["upper"] * c))} for t, c in zip(shown, per_child, strict=True)]
