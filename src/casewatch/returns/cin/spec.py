"""The CIN census specification by collection year, derived from the DfE's XSDs (tools/derive_cin_spec.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

FIRST, LAST = 2017, 2026
XSD_DIR = Path(__file__).with_name("xsd")


@cache
def _spec() -> dict:
    return json.loads(Path(__file__).with_name("spec.json").read_text())


def _year(year: int) -> dict:
    return _spec()[str(min(max(year, FIRST), LAST))]


def elements(year: int) -> list[str]:
    return list(_year(year))


def codes(year: int, element: str) -> tuple[str, ...] | None:
    """Codes valid that year. ``Sex`` answers for the sex element whatever its name (GenderCurrent to 2024)."""
    spec = _year(year)
    if element == "Sex" and "Sex" not in spec:
        element = "GenderCurrent"
    got = spec.get(element, {}).get("codes")
    return tuple(got) if got else None


def required(year: int, element: str) -> bool:
    return bool(_year(year).get(element, {}).get("required"))


def sex_element(year: int) -> str:
    return "Sex" if "Sex" in _year(year) else "GenderCurrent"


def xsd_path(year: int) -> Path:
    return XSD_DIR / f"CIN_schema_{min(max(year, FIRST), LAST)}.xsd"
