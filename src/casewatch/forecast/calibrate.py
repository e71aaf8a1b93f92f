"""Make the forecast's band as wide as the past says it should be, and say how often it held.

A method's own band (the model's simulated futures, or the trend forecast's formula) is only as good as the
method's assumptions: on the demo council the model's band held the actual number about 80% of the time it
was meant to hold 95%. Here the band's spread either side of the forecast is multiplied by one factor, the
smallest that would have made the band hold the actual number in 95% of the backtest's months (every past
date, every month ahead).

A factor fitted and checked on the same months is flattering, so it is also fitted on the earlier past dates
only and checked on the later ones; that held-out figure is the one a person is told. With fewer than
``MIN_DATES`` past dates the band is not adjusted and is labelled with the share it held as it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

TARGET = 0.95
MIN_DATES = 4  # past dates needed to fit on some and check on the rest


@dataclass(frozen=True)
class Band:
    """One past date's forecast for each month ahead: the actual numbers, the forecast and its own band."""
    actual: np.ndarray
    mean: np.ndarray
    lower: np.ndarray
    upper: np.ndarray


def needed(b: Band) -> np.ndarray:
    """For each month, the factor on the band's spread that would just have held the actual number."""
    above = b.actual >= b.mean
    spread = np.where(above, b.upper - b.mean, b.mean - b.lower)
    miss = np.abs(b.actual - b.mean)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(miss == 0, 0.0, np.where(spread > 0, miss / spread, np.inf))


def scale_for(bands: list[Band], target: float = TARGET) -> float:
    """The smallest factor that holds ``target`` of the months (at least that share, counting ties)."""
    k = np.sort(np.concatenate([needed(b) for b in bands]))
    return float(k[min(len(k) - 1, math.ceil(target * len(k)) - 1)])


def coverage(bands: list[Band], scale: float = 1.0) -> float:
    """The share of months whose actual number fell inside the band with its spread times ``scale``."""
    k = np.concatenate([needed(b) for b in bands])
    return float(np.mean(k <= scale + 1e-9))


def widen(mean, lower, upper, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """The band with its spread either side of ``mean`` times ``scale`` (never below zero children)."""
    mean, lower, upper = (np.asarray(x, dtype=float) for x in (mean, lower, upper))
    return np.maximum(mean - scale * (mean - lower), 0.0), mean + scale * (upper - mean)


def calibrate(bands: list[Band]) -> dict:
    """The factor (fitted on every past date) and the honest check: fitted on the earlier half of the past
    dates, the share of the later half's months the widened band held. ``bands`` in date order."""
    out = {"dates": len(bands), "coverage_before": round(coverage(bands), 3) if bands else None,
           "scale": None, "fit_dates": 0, "check_dates": 0, "scale_earlier": None,
           "coverage_later_before": None, "coverage_later_after": None, "coverage_all_after": None}
    if len(bands) < MIN_DATES:
        return out
    half = len(bands) // 2
    earlier, later = bands[:half], bands[half:]
    k_all, k_early = scale_for(bands), scale_for(earlier)
    if not (math.isfinite(k_all) and math.isfinite(k_early)):
        return out
    return out | {"scale": round(k_all, 3), "fit_dates": len(earlier), "check_dates": len(later),
                  "scale_earlier": round(k_early, 3), "coverage_later_before": round(coverage(later), 3),
                  "coverage_later_after": round(coverage(later, k_early), 3),
                  "coverage_all_after": round(coverage(bands, k_all), 3)}


def held(calibration: dict | None) -> float | None:
    """The share of months the shown band held, as a person is told it: the held-out figure when the band was
    adjusted, else the band's own backtest coverage (None when it was never checked)."""
    if not calibration:
        return None
    if calibration.get("scale") is not None:
        return calibration["coverage_later_after"]
    return calibration.get("coverage_before")
