"""Spend from the forecast: each placement category's weekly unit cost (forecast/costs.toml, overridable) times
the children expected in it, month by month, with the interval from the simulated runs."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np

from casewatch.forecast.scenario import ScenarioError
from casewatch.forecast.states import PLACEMENTS, STATES

DEFAULTS = Path(__file__).with_name("costs.toml")


def unit_costs(path: str | Path | None = None, overrides: dict[str, float] | None = None) -> dict[str, float]:
    costs = tomllib.loads(DEFAULTS.read_text(encoding="utf-8"))
    if path is not None:
        try:
            given = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ScenarioError(f"{path}: cannot be read as a costs file ({type(exc).__name__})") from None
        unknown = set(given) - set(PLACEMENTS)
        if unknown:
            raise ScenarioError(f"{path}: no placement category {sorted(unknown)[0]!r}")
        costs |= given
    costs |= overrides or {}
    return {k: float(costs[k]) for k in PLACEMENTS}


def weekly_vector(costs: dict[str, float]) -> np.ndarray:
    return np.array([costs[place] for _, place in STATES])


def monthly_spend(stock: np.ndarray, months: np.ndarray, days: list[int], costs: dict[str, float]) -> np.ndarray:
    """Spend in each month: the average of the stock at its start and end, by state, times the weekly unit
    cost, times the month's weeks. ``stock`` (..., states) is the starting stock, ``months`` (..., months,
    states) the stock at each month end."""
    w = weekly_vector(costs)
    starts = np.concatenate([stock[..., None, :], months[..., :-1, :]], axis=-2)
    return ((starts + months) / 2 @ w) * np.array(days) / 7
