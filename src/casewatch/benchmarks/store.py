"""The shipped benchmark files, read once per process (functools.cache) into plain dictionaries.

Files (written by tools/build_benchmarks.py into ``data/``): ``lait.parquet`` (tidy LAIT extract),
``lait_measures.csv``, ``las.csv``, ``sn.csv``, ``ofsted.csv``. Read-only at run time.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import duckdb

DATA = Path(__file__).parent / "data"
ENGLAND_CODE = "E92000001"


@dataclass
class YearFigures:
    """One indicator in one LAIT year: England, each region, each LA, and the LA values sorted."""

    england: float | None = None
    regions: dict[str, float | None] = field(default_factory=dict)
    las: dict[str, float | None] = field(default_factory=dict)
    sorted_las: list[float] = field(default_factory=list)


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def norm_code(code: str | int | None) -> str | None:
    """'873', 873 and ' 873 ' to '873'; 'England' to E92000001; anything else stripped."""
    if code is None:
        return None
    text = str(code).strip()
    if text.isdigit():
        return str(int(text))
    return ENGLAND_CODE if text.lower() == "england" else text


@cache
def lait() -> dict[str, dict[int, YearFigures]]:
    """indicator_id -> year_ending -> figures, only years where some area has a value."""
    rows = duckdb.connect().execute(
        "SELECT indicator_id, year_ending, area_type, area_code, value FROM read_parquet(?)",
        [str(DATA / "lait.parquet")]).fetchall()
    out: dict[str, dict[int, YearFigures]] = defaultdict(dict)
    for ind, year, area_type, code, value in rows:
        fig = out[ind].setdefault(year, YearFigures())
        if area_type == "england":
            fig.england = value
        elif area_type == "region":
            fig.regions[code.lower()] = value
        else:
            fig.las[code] = value
    for years in out.values():
        for year in [y for y, f in years.items() if f.england is None and not any(
                v is not None for v in (*f.las.values(), *f.regions.values()))]:
            del years[year]
        for fig in years.values():
            fig.sorted_las = sorted(v for v in fig.las.values() if v is not None)
    return dict(out)


@cache
def lait_years(indicator_id: str) -> list[int]:
    return sorted(lait().get(indicator_id, {}))


@cache
def series_index() -> dict[tuple[str, str], list[tuple[int, float | None]]]:
    rows = duckdb.connect().execute(
        "SELECT indicator_id, area_code, year_ending, value FROM read_parquet(?) ORDER BY 1, 2, 3",
        [str(DATA / "lait.parquet")]).fetchall()
    out: dict[tuple[str, str], list[tuple[int, float | None]]] = defaultdict(list)
    for ind, code, year, value in rows:
        out[(ind, code if code[:1].isdigit() or code == ENGLAND_CODE else code.lower())].append((year, value))
    return dict(out)


@cache
def measures() -> dict[str, dict[str, str]]:
    """indicator_id -> LAIT code, title, polarity ('high'|'low'|''), year type."""
    return {r["indicator_id"]: r for r in _rows("lait_measures.csv")}


@cache
def las() -> dict[str, dict[str, str]]:
    return {r["la_code"]: r for r in _rows("las.csv")}


@cache
def area_names() -> dict[str, str]:
    """Names of England and the regions as LAIT spells them (keyed by code / lower-case name)."""
    rows = duckdb.connect().execute(
        "SELECT DISTINCT area_code, area_name FROM read_parquet(?) WHERE area_type <> 'la'",
        [str(DATA / "lait.parquet")]).fetchall()
    return {(c if c == ENGLAND_CODE else c.lower()): n for c, n in rows}


@cache
def neighbours() -> dict[tuple[int, str], list[str]]:
    """(edition, la_code) -> neighbours by rank; a council's current list wins over an 'Old SNs' list."""
    lists: dict[tuple[int, str, str], list[tuple[int, str]]] = defaultdict(list)
    for r in _rows("sn.csv"):
        lists[(int(r["edition"]), r["section"], r["la_code"])].append((int(r["rank"]), r["neighbour_code"]))
    out: dict[tuple[int, str], list[str]] = {}
    for section in ("old", "current"):
        for (edition, sec, code), ranked in lists.items():
            if sec == section:
                out[(edition, code)] = [c for _, c in sorted(ranked)]
    return out


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@cache
def inspections() -> dict[str, list[dict]]:
    """la_code -> inspections newest first (dates as datetime.date, blanks as None)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in _rows("ofsted.csv"):
        rec: dict = {k: (v or None) for k, v in r.items()}
        for k in ("inspection_start", "inspection_end", "published"):
            rec[k] = _date(r[k])
        out[r["la_code"]].append(rec)
    for recs in out.values():
        recs.sort(key=lambda x: (x["published"] or date.min, x["inspection_start"] or date.min), reverse=True)
    return dict(out)
