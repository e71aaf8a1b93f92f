"""How a person reads what the data holds: dates in one format, and (``label``) DfE codes as words.

One format for dates everywhere a person reads (web, report, CLI tables): "31 March 2026" in sentences and
headings, "31 Mar 2026" in table cells. ISO dates (2026-03-31) stay in machine files only (CSV, JSON, XLSX
date cells), where a program reads them.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path


def _as_date(d) -> date | None:
    if d is None or d == "":
        return None
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    try:
        return date.fromisoformat(str(d)[:10])
    except ValueError:
        return None


def day(d) -> str:
    """A date in a sentence or heading: "31 March 2026" ("" for no date; anything not a date as given)."""
    v = _as_date(d)
    return "" if d is None or d == "" else (f"{v.day} {v:%B %Y}" if v else str(d))


def day_short(d) -> str:
    """A date in a table cell: "31 Mar 2026" ("" for no date; anything not a date as given)."""
    v = _as_date(d)
    return "" if d is None or d == "" else (f"{v.day} {v:%b %Y}" if v else str(d))


def month(d) -> str:
    """A month on a chart axis or in a table: "Mar 2026" (the year always shown)."""
    v = _as_date(d)
    return "" if d is None or d == "" else (f"{v:%b %Y}" if v else str(d))


@cache
def _words() -> dict:
    with (Path(__file__).parent / "words.toml").open("rb") as f:
        return tomllib.load(f)


def code_list(column: str) -> dict[str, str] | None:
    """The words for every code of ``column`` (``table.column``), or None if words.toml maps no list to it."""
    w = _words()
    name = w["columns"].get(column)
    return w["lists"][name] if name else None


def label(column: str, code) -> str:
    """A DfE or casewatch code as words, e.g. ``label("cla_episodes.legal_status", "C2")`` -> "Full care order".
    ``column`` is the canonical model's ``table.column``; the words are in words.toml. An unknown code is shown
    as it is (never hidden); no code is ""."""
    if code is None or code == "":
        return ""
    return (code_list(column) or {}).get(str(code), str(code))


def label_code(column: str, code) -> str:
    """Words with the code after them, for where an analyst needs the code too: "Full care order (C2)"
    (an unknown code alone)."""
    words = label(column, code)
    return words if words == ("" if code is None else str(code)) else f"{words} ({code})"
