"""Where the Ofsted reports and their judgement history are: beside the repository (../shared) or at
/work/shared. Tests that need them are skipped, saying so, where neither exists; under CI=true they fail instead
(shared_data.missing)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from casewatch.scrutiny.report import InspectionReport, parse_report
from shared_data import missing

CANDIDATES = [Path(__file__).resolve().parents[3] / "shared" / "reference" / "ofsted",
              Path("/work/shared/reference/ofsted")]


def _corpus() -> Path | None:
    for p in CANDIDATES:
        if (p / "reports").is_dir() and (p / "judgement_history.csv").is_file():
            return p
    return None


@pytest.fixture(scope="session")
def ofsted() -> Path:
    p = _corpus()
    if p is None:
        missing("the Ofsted reports (../shared/reference/ofsted) are not on this machine")
    return p


@pytest.fixture(scope="session")
def history(ofsted: Path) -> list[dict]:
    with open(ofsted / "judgement_history.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def parsed(ofsted: Path):
    """parsed(stem) -> the InspectionReport of reports/<stem>.pdf, each parsed once a session."""
    cache: dict[str, InspectionReport] = {}

    def get(stem: str) -> InspectionReport:
        if stem not in cache:
            cache[stem] = parse_report(ofsted / "reports" / f"{stem}.pdf")
        return cache[stem]

    return get
