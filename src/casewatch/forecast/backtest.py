"""How good the forecast would have been: refit at past dates and compare with what happened.

For each past month end T with a full reference window and ``horizon`` months of data after it (and, for ETS,
24 months of history before), the Markov model is fitted on the window before T and projected; an ETS model
(statsmodels' ETSModel, additive error and damped additive trend, on the monthly totals up to T) and the naive
forecast (the number in care at T, carried forward) forecast the same months. Errors are absolute percentage
errors of the total in care, averaged over every T and month ahead (MAPE); coverage is the share of those
months whose actual total fell inside the Markov model's 95% interval, and (``calibration``, see calibrate.py)
the factor on each method's band that would have made it hold 95% of them, fitted on the earlier dates and
checked on the later ones.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from casewatch.forecast.calibrate import Band, calibrate
from casewatch.forecast.project import month_ends, project
from casewatch.forecast.rates import estimate, stock, totals

ETS_HISTORY = 24  # months of history ETS needs before a backtest point


def months_back(d: date, months: int) -> date:
    """The first day of the window of ``months`` whole months that ends on d (a month end): 31 March 2025 and
    6 months give 1 October 2024."""
    y, m = divmod(d.year * 12 + d.month - months, 12)
    return date(y, m + 1, 1)


def points(first_known: date, data_to: date, reference_months: int, horizon: int) -> list[date]:
    """Backtest dates: every 31 March and 30 September with enough data before and ``horizon`` months after."""
    out = []
    for year in range(first_known.year, data_to.year + 1):
        for t in (date(year, 3, 31), date(year, 9, 30)):
            if months_back(t, max(reference_months, ETS_HISTORY)) < first_known:
                continue
            if month_ends(t, horizon)[-1] > data_to:
                continue
            out.append(t)
    return out


def monthly(con, first_known: date, to: date) -> list[int]:
    """Children in care at each month end from the first known to ``to``: the series ETS forecasts."""
    return totals(con, [d for d in month_ends(first_known, 600) if d <= to])


def ets_forecast(history: list[float], horizon: int, level: float = 0.95) -> Band | None:
    """Damped-trend ETS on a monthly series: the forecast and its own prediction interval (``actual`` empty).
    None when statsmodels is not installed or the fit fails."""
    try:
        import warnings

        import pandas as pd
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    except ImportError:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            y = pd.Series(np.asarray(history, dtype=float))
            fit = ETSModel(y, error="add", trend="add", damped_trend=True).fit(disp=False)
            frame = fit.get_prediction(start=len(y), end=len(y) + horizon - 1).summary_frame(alpha=1 - level)
    except (ValueError, np.linalg.LinAlgError):
        return None
    mean, lo, hi = (frame[c].to_numpy(dtype=float) for c in ("mean", "pi_lower", "pi_upper"))
    if not np.all(np.isfinite(mean)):
        return None
    return Band(np.array([]), mean, lo, hi)


def backtest(con, first_known: date, data_to: date, reference_months: int, horizon: int = 12,
             runs: int = 300) -> dict:
    """MAPE of the Markov model, ETS and the naive forecast, the Markov interval's coverage, and each point."""
    markov, ets, naive, covered, rows = [], [], [], [], []
    markov_bands, ets_bands, paired = [], [], []  # paired: the model's errors on the dates ETS could forecast
    for t in points(first_known, data_to, reference_months, horizon):
        rates = estimate(con, months_back(t, reference_months), date.fromordinal(t.toordinal() + 1))
        start = stock(con, t)
        proj = project(start, rates.hazards(), rates.entry_rates(), t, horizon, rates=rates, runs=runs, seed=t.year)
        actual = np.array(totals(con, proj.dates), dtype=float)
        lo, hi = proj.total_interval()
        history = monthly(con, first_known, t)
        ets_b = ets_forecast(history, horizon) if len(history) >= ETS_HISTORY else None
        ets_f = [float(x) for x in ets_b.mean] if ets_b is not None else None
        markov_bands.append(Band(actual, proj.total, lo, hi))
        if ets_b is not None:
            ets_bands.append(Band(actual, ets_b.mean, ets_b.lower, ets_b.upper))
        m_err = np.abs(proj.total - actual) / actual
        n_err = np.abs(start.sum() - actual) / actual
        markov.extend(m_err)
        naive.extend(n_err)
        covered.extend((actual >= lo) & (actual <= hi))
        e_err = np.abs(np.array(ets_f) - actual) / actual if ets_f else None
        if e_err is not None:
            ets.extend(e_err)
            paired.extend(m_err)
        rows.append({"as_of": t.isoformat(), "in_care": int(start.sum()), "actual_end": int(actual[-1]),
                     "markov_end": round(float(proj.total[-1]), 1), "ets_end": round(ets_f[-1], 1) if ets_f else None,
                     "mape_markov": _pct(m_err), "mape_ets": _pct(e_err), "mape_naive": _pct(n_err),
                     "coverage_markov": round(float(np.mean((actual >= lo) & (actual <= hi))), 3)})
    return {"horizon_months": horizon, "reference_months": reference_months, "points": rows,
            "mape_markov": _pct(markov), "mape_ets": _pct(ets), "mape_naive": _pct(naive),
            "coverage_markov": round(float(np.mean(covered)), 3) if covered else None,
            "compared": {"dates": len(ets_bands), "markov": _pct(paired), "ets": _pct(ets)},
            "first": rows[0]["as_of"] if rows else None, "last": rows[-1]["as_of"] if rows else None,
            "calibration": {"markov": calibrate(markov_bands), "ets": calibrate(ets_bands) if ets_bands else None}}


def _pct(errors) -> float | None:
    if errors is None or len(errors) == 0:
        return None
    return round(float(np.mean(errors)) * 100, 2)
