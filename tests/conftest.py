"""Shared fixtures: synthetic councils generated once per test session, and databases loaded from them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from casewatch.model.load import load_directory
from casewatch.synth import SynthOptions, generate

END = date(2026, 3, 31)  # fixed, so tests do not depend on today's date


class Councils:
    def __init__(self, root: Path):
        self.root = root
        self._made: dict[tuple, Path] = {}

    def synth(self, size: str = "tiny", seed: int = 1, scenario: str = "baseline", councils: int = 1,
              years: int = 5) -> Path:
        key = (size, seed, scenario, councils, years)
        if key not in self._made:
            out = self.root / "_".join(map(str, key))
            generate(out, SynthOptions(size=size, seed=seed, years=years, scenario=scenario, councils=councils,
                                       end=END))
            self._made[key] = out
        return self._made[key]

    def loaded(self, **kwargs) -> tuple[Path, Path]:
        """(synth directory, database) — the database is loaded once per synth directory."""
        out = self.synth(**kwargs)
        db = out.with_suffix(".duckdb")
        if not db.exists():
            load_directory(out, db)
        return out, db


@pytest.fixture(scope="session")
def councils(tmp_path_factory) -> Councils:
    return Councils(tmp_path_factory.mktemp("councils"))


def read_truth(out: Path) -> dict:
    return json.loads((out / "truth.json").read_text())
