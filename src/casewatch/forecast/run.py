"""The demand forecast end to end: rates from the reference window, the baseline (and a scenario) projected
with intervals, spend, and the backtest. Returns the JSON-ready result ``casewatch forecast`` prints."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from casewatch.errors import CasewatchError
from casewatch.forecast import costs as unit
from casewatch.forecast.backtest import backtest, months_back
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
    result = {
        "as_of": as_of.isoformat(), "horizon_months": horizon_months, "reference_months": reference_months,
        "reference_window": {"start": window_start.isoformat(), "end": as_of.isoformat()},
        "in_care_at_start": int(start.sum()),
        "rates": {"entries_per_year": round(float(entries.sum() * 365.25), 1),
                  "leaving_per_year": round(float((start * hazards[:, EXIT]).sum() * 365.25), 1),
                  "entries_in_window": int(rates.entries.sum()), "exits_in_window": int(rates.moves[:, EXIT].sum())},
        "unit_costs_weekly": prices,
        "history": _history(con, known, as_of),
        "series": _series(base), "total": _total(base), "cost": _cost(start, base, as_of, prices),
    }
    if scenario is not None and scenario.changes_rates:
        h2, e2 = apply(scenario, hazards, entries)
        alt = project(start, h2, e2, as_of, horizon_months, rates=rates, runs=runs, seed=1)
        result["scenario"] = {"name": scenario.name, "total": _total(alt), "cost": _cost(start, alt, as_of, prices),
                              "difference": [{"date": d.isoformat(), "children": round(float(a - b), 1)}
                                             for d, a, b in zip(alt.dates, alt.total, base.total, strict=True)]}
    elif scenario is not None:
        result["scenario"] = {"name": scenario.name, "note": "the scenario changes unit costs only"}
    if with_backtest:
        result["backtest"] = backtest(con, known, as_of, reference_months, min(12, horizon_months))
    return result


def _history(con, known: date, as_of: date, months: int = 36) -> list[dict]:
    days = [d for d in month_ends(months_back(as_of, months + 1), months + 1) if known <= d <= as_of]
    return [{"date": d.isoformat(), "in_care": n} for d, n in zip(days, totals(con, days), strict=True)]


def _series(p: Projection) -> list[dict]:
    lo, hi = p.state_interval()
    return [{"date": d.isoformat(), "state": name(s), "mean": round(float(p.mean[t, i]), 2),
             "lower": float(lo[t, i]), "upper": float(hi[t, i])}
            for t, d in enumerate(p.dates) for i, s in enumerate(STATES) if p.mean[t, i] >= 0.005 or hi[t, i] > 0]


def _total(p: Projection) -> list[dict]:
    lo, hi = p.total_interval()
    return [{"date": d.isoformat(), "mean": round(float(m), 1), "lower": float(a), "upper": float(b)}
            for d, m, a, b in zip(p.dates, p.total, lo, hi, strict=True)]


def _cost(start: np.ndarray, p: Projection, as_of: date, prices: dict) -> list[dict]:
    days = [(d - prev).days for prev, d in zip([as_of, *p.dates[:-1]], p.dates, strict=True)]
    mean = unit.monthly_spend(start, p.mean, days, prices)
    runs = unit.monthly_spend(np.broadcast_to(start, (p.simulated.shape[0], len(start))), p.simulated, days, prices)
    lo, hi = np.percentile(runs, 2.5, axis=0), np.percentile(runs, 97.5, axis=0)
    return [{"date": d.isoformat(), "mean": round(float(m)), "lower": round(float(a)), "upper": round(float(b))}
            for d, m, a, b in zip(p.dates, mean, lo, hi, strict=True)]
