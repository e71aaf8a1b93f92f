"""Local standards: statutory defaults shipped in ``standards.toml``, a council's own file laid over them.

The one settings object of a council: caps, weights, the ASYE factor, visit and review timescales, look-ahead.
``load`` gives it as a nested dict (``std["caseload"]["cap"]``) to the lists, caseloads, the balancer, the report,
the web and the indicators alike. Each standard also has a flat name, its section and key joined by ``_``
(``caseload_cap``, ``visits_cp_working_days``, ``caseload_weights_cla``): ``override`` lays ``--set NAME=VALUE``
over the standards by those names, and an indicator names the standards it takes by them (``measures.define``).
"""

from __future__ import annotations

import copy
import math
import tomllib
from importlib import resources
from pathlib import Path

from casewatch.errors import CasewatchError


class StandardsError(CasewatchError):
    """A standards file that casewatch cannot use."""


def defaults() -> dict:
    return tomllib.loads(resources.files("casewatch").joinpath("standards.toml").read_text())


def _merge(base: dict, override: dict, where: str) -> dict:
    out = dict(base)
    for key, value in override.items():
        if key not in base:
            raise StandardsError(f"{where}{key}: not a casewatch standard (see casewatch/standards.toml)")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise StandardsError(f"{where}{key}: expected a [section]")
            out[key] = _merge(base[key], value, f"{where}{key}.")
        else:
            out[key] = _number(f"{where}{key}", value)
    return out


def _number(where: str, value) -> float | int:
    """A standard's value: a number of 0 or more (text from a command line is read as a number)."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise StandardsError(f"{where}: {value!r} is not a number of 0 or more") from None
        value = int(value) if value.is_integer() else value
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value) or value < 0:
        raise StandardsError(f"{where}: {value!r} is not a number of 0 or more")
    return value


def load(path: str | Path | None = None) -> dict:
    """The standards in force: the defaults, with a council's file (if given) laid over them."""
    base = defaults()
    if path is None:
        return base
    try:
        council = tomllib.loads(Path(path).read_text())
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StandardsError(f"{path}: cannot be read as TOML ({exc})") from None
    return _merge(base, council, f"{path}: ")


def flat(std: dict) -> dict[str, float | int]:
    """Every standard by its flat name: ``{"caseload_cap": 20, "visits_cp_working_days": 10, ...}``."""
    return {name: _at(std, path) for name, path in _paths(std).items()}


def _at(std: dict, path: tuple[str, ...]):
    for key in path:
        std = std[key]
    return std


def _paths(std: dict, _prefix: tuple = ()) -> dict[str, tuple[str, ...]]:
    out: dict = {}
    for key, value in std.items():
        out |= _paths(value, (*_prefix, key)) if isinstance(value, dict) else {"_".join((*_prefix, key)): (*_prefix, key)}
    return out


def override(std: dict, values: dict) -> dict:
    """The standards with ``values`` (flat name -> number, or text such as "15") laid over them: a new dict, the
    given one untouched. A name that is not a standard, or a value that is not a number of 0 or more, is a
    StandardsError naming it."""
    paths = _paths(std)
    out = copy.deepcopy(std)
    for name, value in values.items():
        if name not in paths:
            raise StandardsError(f"{name}: not a casewatch standard (standards: {', '.join(paths)})")
        *sections, key = paths[name]
        _at(out, tuple(sections))[key] = _number(f"{name}={value}", value)
    return out


def worker_cap_sql(cap, asye_factor, fte: str = "fte", asye: str = "asye") -> str:
    """A worker's cap as SQL: the [caseload] cap x the worker's FTE, x the ASYE factor for a newly qualified
    (ASYE) worker's protected caseload. ``cap`` and ``asye_factor`` are numbers or SQL (an indicator's
    ``{{cap}}``); ``fte`` and ``asye`` the columns."""
    return f"{cap} * {fte} * CASE WHEN {asye} THEN {asye_factor} ELSE 1 END"


def weights_note(weights: dict) -> str:
    """The caseload weights in force, said where a figure is "weighted": "weights: none set" while every weight is
    the default 1.0 (so a weighted figure is a count of cases), else each case type's weight."""
    if all(float(w) == 1.0 for w in weights.values()):
        return "weights: none set (every case counts 1)"
    return "weights: " + ", ".join(f"{k} {float(w):g}" for k, w in weights.items())
