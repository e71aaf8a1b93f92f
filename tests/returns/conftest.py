"""Where the DfE's real-format sample files are: beside the repository (../shared) or at /work/shared.
Tests that need them are skipped, saying so, where neither exists; under CI=true they fail instead
(shared_data.missing)."""

from pathlib import Path

import pytest

from shared_data import missing

CANDIDATES = [Path(__file__).resolve().parents[3] / "shared" / "reference" / "samples",
              Path("/work/shared/reference/samples")]


@pytest.fixture
def samples() -> Path:
    for p in CANDIDATES:
        if p.exists():
            return p
    missing("the reference samples (../shared/reference/samples) are not on this machine")
