"""Local standards: statutory defaults shipped in ``standards.toml``, a council's own file laid over them."""

from __future__ import annotations

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
        elif not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise StandardsError(f"{where}{key}: {value!r} is not a number of 0 or more")
        else:
            out[key] = value
    return out


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


def weights_note(weights: dict) -> str:
    """The caseload weights in force, said where a figure is "weighted": "weights: none set" while every weight is
    the default 1.0 (so a weighted figure is a count of cases), else each case type's weight."""
    if all(float(w) == 1.0 for w in weights.values()):
        return "weights: none set (every case counts 1)"
    return "weights: " + ", ".join(f"{k} {float(w):g}" for k, w in weights.items())
