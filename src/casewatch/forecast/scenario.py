"""What-if scenarios for the forecast, from a small TOML file:

    name = "Early help cuts entries to care by 10%"
    [entries]
    multiplier = 0.9                    # every entry to care
    by_age = { "10-16" = 0.8 }          # and, on top, for an age band
    [step_down]
    residential_per_year = 0.15         # each year, another 15% of children in residential move to fostering
    to = "in_house_fostering"           # (default) or "agency_fostering", "kinship", "supported"
    [costs]                             # weekly unit costs replacing the defaults (forecast/costs.toml)
    residential = 4800

A scenario changes the estimated rates and nothing else; its forecast is shown beside the baseline's.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from casewatch.errors import CasewatchError
from casewatch.forecast.states import AGE_BANDS, INDEX, PLACEMENTS, STATES

BANDS = [b for b, _, _ in AGE_BANDS]


class ScenarioError(CasewatchError, ValueError):
    """A scenario file that cannot be used, naming the file and the key."""


@dataclass(frozen=True)
class Scenario:
    name: str = "baseline"
    entry_multiplier: float = 1.0
    entry_by_age: dict[str, float] = field(default_factory=dict)
    step_down_per_year: float = 0.0
    step_down_to: str = "in_house_fostering"
    costs: dict[str, float] = field(default_factory=dict)

    @property
    def changes_rates(self) -> bool:
        return self.entry_multiplier != 1.0 or bool(self.entry_by_age) or self.step_down_per_year > 0


def load(path: str | Path) -> Scenario:
    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(f"{where}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{where}: not valid TOML ({exc})") from None
    unknown = set(data) - {"name", "entries", "step_down", "costs"}
    if unknown:
        raise ScenarioError(f"{where}: unknown section or key {sorted(unknown)[0]!r}")
    entries, step, costs = data.get("entries", {}), data.get("step_down", {}), data.get("costs", {})
    multiplier = _number(where, "entries.multiplier", entries.get("multiplier", 1.0), 0, 10)
    by_age = {}
    for band, value in entries.get("by_age", {}).items():
        if band not in BANDS:
            raise ScenarioError(f"{where}: entries.by_age: no age band {band!r}; the bands are {', '.join(BANDS)}")
        by_age[band] = _number(where, f"entries.by_age.{band}", value, 0, 10)
    share = _number(where, "step_down.residential_per_year", step.get("residential_per_year", 0.0), 0, 0.99)
    to = step.get("to", "in_house_fostering")
    if to not in PLACEMENTS or to == "residential":
        raise ScenarioError(f"{where}: step_down.to must be one of {', '.join(p for p in PLACEMENTS if p != 'residential')}")
    for key, value in costs.items():
        if key not in PLACEMENTS:
            raise ScenarioError(f"{where}: costs: no placement category {key!r}; they are {', '.join(PLACEMENTS)}")
        _number(where, f"costs.{key}", value, 0, 100_000)
    return Scenario(str(data.get("name", Path(path).stem)), multiplier, by_age, share, to,
                    {k: float(v) for k, v in costs.items()})


def _number(where: str, key: str, value, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ScenarioError(f"{where}: {key} must be a number from {low:g} to {high:g}, not {value!r}")
    return float(value)


def apply(scenario: Scenario, hazards: np.ndarray, entry_rates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rates under the scenario: entries scaled; an extra daily hazard from residential to the step-down
    placement in every age band, -ln(1 - share) / 365.25 (so that ``share`` of them move in a year, on its own)."""
    h, e = hazards.copy(), entry_rates * scenario.entry_multiplier
    for band, m in scenario.entry_by_age.items():
        for place in PLACEMENTS:
            e[INDEX[(band, place)]] *= m
    if scenario.step_down_per_year > 0:
        extra = -math.log(1 - scenario.step_down_per_year) / 365.25
        for band in BANDS:
            h[INDEX[(band, "residential")], INDEX[(band, scenario.step_down_to)]] += extra
    return h, e


__all__ = ["Scenario", "ScenarioError", "apply", "load", "STATES"]
