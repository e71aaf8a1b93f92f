"""Which forecast of the number in care is shown, its band, and the plain words that go with them.

The backtest (backtest.py) says which of the model and the simple trend forecast (ETS) was closer on this
council's past; the closer one is shown, with its band widened as the past says (calibrate.py) and labelled
with the share of past months a band made that way held. The sentences are here once, so that the page, the
report and ``casewatch forecast`` print the same words.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from casewatch.forecast.calibrate import Band, held, widen
from casewatch.words import day

MODEL, TREND = "model", "trend"


def choose(bt: dict | None) -> str:
    """The trend forecast when it had the lower average error over the same past dates, else the model."""
    c = (bt or {}).get("compared") or {}
    if c.get("ets") is not None and c.get("markov") is not None and c["ets"] < c["markov"]:
        return TREND
    return MODEL


def band(method: str, bt: dict | None, model: Band, trend: Band | None) -> tuple[Band, dict]:
    """The shown forecast (mean, lower, upper) and what is known of its band: ``{"scale", "held",
    "checked_dates"}`` (``held`` None when never checked against the past)."""
    base = trend if method == TREND and trend is not None else model
    cal = ((bt or {}).get("calibration") or {}).get("ets" if base is trend else "markov")
    scale = cal.get("scale") if cal else None
    lo, hi = widen(base.mean, base.lower, base.upper, scale) if scale is not None else (base.lower, base.upper)
    cal = cal or {}
    info = {"scale": scale, "held": held(cal), "checked_dates": cal.get("check_dates" if scale else "dates", 0),
            "coverage_before": cal.get("coverage_before")}
    return Band(np.array([]), np.asarray(base.mean, dtype=float), lo, hi), info


def _pcts(a: float, b: float) -> tuple[str, str]:
    """Two percentages, whole unless that would make them look equal."""
    digits = 1 if round(a) == round(b) else 0
    return f"{a:.{digits}f}%", f"{b:.{digits}f}%"


def band_label(info: dict) -> str:
    """A short name for the band (a table heading, a chart's description)."""
    if info.get("held") is None:
        return "likely range (not checked against the past)"
    return f"range that held {info['held'] * 100:.0f}% of the time"


def words(method: str, bt: dict | None, info: dict, as_of: date, reference_months: int, runs: int) -> dict:
    """``{"method", "band", "band_label", "how"}``: what is shown and why, what the band means, and how it is
    worked out (the one place the methods' technical names appear, each explained)."""
    points = (bt or {}).get("points") or []
    c = (bt or {}).get("compared") or {}
    if not points:
        said = "The model's forecast is shown; it has not been checked against this council's past."
    else:
        years = max(1, round((as_of - date.fromisoformat(bt["first"])).days / 365.25))
        tried = f"Tried at {len(points)} past dates over the last {years} years of this council's data"
        naive = (f" Assuming no change would have missed by {bt['mape_naive']:.0f}%."
                 if bt.get("mape_naive") is not None else "")
        if c.get("ets") is None:
            said = (f"{tried}, the model missed the number in care by {bt['mape_markov']:.0f}% on average. The "
                    f"model's forecast is shown (the simple trend forecast it is compared with is not installed).{naive}")
        elif method == TREND:
            e, m = _pcts(c["ets"], c["markov"])
            said = (f"{tried}, a simple trend forecast was closer (average miss {e}) than the model (average miss "
                    f"{m}), so the simple forecast is shown; the split by age and placement, the spend per child and "
                    f"any scenario still come from the model.{naive}")
        elif c["ets"] < c["markov"]:
            e, m = _pcts(c["ets"], c["markov"])
            said = (f"{tried}, a simple trend forecast was closer (average miss {e}) than the model (average miss "
                    f"{m}), but it could not be made from the data to {day(as_of)}, so the model's forecast is "
                    f"shown.{naive}")
        else:
            m, e = _pcts(c["markov"], c["ets"])
            said = (f"{tried}, the model was closer (average miss {m}) than a simple trend forecast (average miss "
                    f"{e}), so the model's forecast is shown.{naive}")
    if info.get("held") is None:
        band_words = ("The likely range (the shaded band) is the one the method gives; it has not been checked "
                      "against this council's past.")
    elif info.get("scale") is not None:
        band_words = (f"The likely range (the shaded band) is made wider or narrower to fit how far past "
                      f"forecasts missed. Checked on the later {info['checked_dates']} past dates (not the ones it was fitted "
                      f"on), the actual number fell inside a band made this way {info['held'] * 100:.0f}% of the time, up to "
                      f"{(bt or {}).get('horizon_months', 12)} months ahead; further ahead is less certain still.")
    else:
        band_words = (f"The likely range (the shaded band) is the one the method gives: the actual number fell inside it "
                      f"{info['held'] * 100:.0f}% of the time in past forecasts (too few past dates to adjust it).")
    how = (f"The model follows children between age bands and placements at the rates of the {reference_months} "
           f"months to {day(as_of)} and simulates {runs:,} possible futures (a \u201cMonte Carlo\u201d simulation).")
    if points:
        how += (" The simple trend forecast is exponential smoothing with a damped trend (\u201cETS\u201d) on the "
                "monthly number in care. The average miss is the mean absolute percentage error (\u201cMAPE\u201d) of "
                f"the number in care 1 to {bt.get('horizon_months', 12)} months ahead, over every past date the data "
                "allows.")
    if info.get("scale") is not None:
        how += (f" The band's spread is multiplied by {info['scale']:.2f}, the smallest factor that would have held "
                "the actual number in 19 of every 20 past months. The share of the time the band is said to hold comes "
                "from a fairer test: the factor fitted on the earlier half of the past dates only, checked on the "
                "later half.")
    return {"method": said, "band": band_words, "band_label": band_label(info), "how": how}
