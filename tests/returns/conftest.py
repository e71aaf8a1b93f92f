"""Where the DfE's real-format sample files are: beside the repository (../shared) or at /work/shared.
Tests that need them are skipped, saying so, where neither exists."""

from pathlib import Path

import pytest

CANDIDATES = [Path(__file__).resolve().parents[3] / "shared" / "reference" / "samples",
              Path("/work/shared/reference/samples")]


@pytest.fixture
def samples() -> Path:
    for p in CANDIDATES:
        if p.exists():
            return p
    pytest.skip("the reference samples (../shared/reference/samples) are not on this machine")
