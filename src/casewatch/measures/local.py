"""A council's own indicators and action lists, from a folder of TOML files, without editing the package.

The folder is given by ``--indicators-dir DIR`` or the environment variable CASEWATCH_INDICATORS_DIR (which the
dashboard and every command read). Each ``*.toml`` file in it holds any number of ``[[indicator]]`` tables, with
the fields ``measures.define.indicator`` takes (``sql`` for the units SQL, see define.py), and ``[[list]]``
tables, with the fields ``lists.define.action_list`` takes (name, title, rule, basis, sql). Each definition is
checked as it is read (known fields; every ``alias.column`` its SQL names is a column of that table) and, for an
indicator, again before it runs (``measures.compute.check``: the result's columns); a name already taken (ours or
another file's) is refused.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from casewatch.measures.define import (
    CHILD_BREAKDOWNS,
    RATE_BREAKDOWNS,
    REGISTRY,
    WORKER_BREAKDOWNS,
    IndicatorError,
)

ENV = "CASEWATCH_INDICATORS_DIR"
INDICATOR_FIELDS = {"id", "title", "description", "source", "area", "unit", "polarity", "period", "numerator",
                    "denominator", "sql", "breakdowns", "decimals", "funnel", "params", "history_months"}
LIST_FIELDS = {"name", "title", "rule", "basis", "sql"}
REQUIRED = {"indicator": ("id", "title", "description", "area", "unit", "numerator", "sql"),
            "list": ("name", "title", "rule", "sql")}
POLARITY = {"higher": "higher", "lower": "lower", "none": None, "context": None}
_loaded: dict[str, list[tuple[object, str]]] = {}  # folder -> the (registry, name) it added


def load_folder(folder: str | os.PathLike | None = None) -> list[str]:
    """Register the definitions in ``folder`` (default: CASEWATCH_INDICATORS_DIR; nothing when neither is set),
    once per folder; the names added."""
    folder = folder or os.environ.get(ENV)
    if not folder:
        return []
    path = Path(folder)
    key = str(path.resolve())
    if key in _loaded:
        return [name for _, name in _loaded[key]]
    if not path.is_dir():
        raise IndicatorError(f"the council's own indicators: {folder} is not a folder (--indicators-dir, {ENV})")
    added = _loaded[key] = []
    try:
        for file in sorted(path.glob("*.toml")):
            _load_file(file, added)
    except BaseException:
        forget(folder)
        raise
    return [name for _, name in added]


def forget(folder: str | os.PathLike) -> None:
    """Unregister what ``load_folder(folder)`` added (a folder read again, tests)."""
    for registry, name in _loaded.pop(str(Path(folder).resolve()), []):
        registry.remove(name)


def _load_file(file: Path, added: list) -> None:
    from casewatch.lists.define import LISTS, action_list
    from casewatch.measures.compute import unknown_columns
    from casewatch.measures.define import indicator

    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise IndicatorError(f"{file.name}: not TOML ({exc})") from None
    if unknown := set(data) - {"indicator", "list"}:
        raise IndicatorError(f"{file.name}: {', '.join(sorted(unknown))}: a file holds [[indicator]] and [[list]] "
                             "tables only")
    tables = [(kind, f) for kind in ("indicator", "list") for f in data.get(kind, [])]
    if not isinstance(data.get("indicator", []), list) or not isinstance(data.get("list", []), list) \
            or not all(isinstance(f, dict) for _, f in tables):
        raise IndicatorError(f"{file.name}: write each definition as a [[indicator]] or [[list]] table")
    for kind, fields in tables:
        allowed = INDICATOR_FIELDS if kind == "indicator" else LIST_FIELDS
        name = fields.get("id" if kind == "indicator" else "name", "(no name)")
        where = f"{file.name}: {kind} {name}"
        if unknown := set(fields) - allowed:
            raise IndicatorError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} (fields: "
                                 f"{', '.join(sorted(allowed))})")
        if missing := [f for f in REQUIRED[kind] if not isinstance(fields.get(f), str) or not fields[f].strip()]:
            raise IndicatorError(f"{where}: no {', '.join(missing)} (each is text)")
        if missing := unknown_columns(fields["sql"]):
            raise IndicatorError(f"{where}: its SQL names {', '.join(missing)}, a column the table does not have")
        try:
            if kind == "indicator":
                indicator(**_indicator_fields(fields, file))
                added.append((REGISTRY, name))
            else:
                action_list(**{"basis": "local standard"} | fields)
                added.append((LISTS, name))
        except (TypeError, ValueError) as exc:
            raise IndicatorError(f"{file.name}: {exc}") from None


def _indicator_fields(fields: dict, file: Path) -> dict:
    kw = dict(fields)
    kw["units"] = kw.pop("sql")
    polarity = str(kw.get("polarity", "none")).lower()
    if polarity not in POLARITY:
        raise ValueError(f"indicator {kw.get('id')}: polarity is 'higher', 'lower' or 'none'")
    kw["polarity"] = POLARITY[polarity]
    kw.setdefault("period", "year")
    kw.setdefault("source", f"the council's own definition ({file.name})")
    kw.setdefault("denominator", None)
    worker = "worker_id" in kw["units"] and "child_id" not in kw["units"]
    default = RATE_BREAKDOWNS if kw.get("unit") == "per_10k" else WORKER_BREAKDOWNS if worker else CHILD_BREAKDOWNS
    kw["breakdowns"] = tuple(kw.get("breakdowns", default))
    kw["params"] = dict(kw.get("params", {}))
    return kw
