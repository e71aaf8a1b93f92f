"""What a test does when the reference data beside the repository (../shared/reference: the Ofsted reports, the
DfE's sample files and sources) is not on this machine: on a developer's machine it is skipped, saying so; in CI
(the environment variable CI is "true"), where ../shared is present, the same message fails the test, so a
missing corpus can never pass silently there."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def missing(reason: str):
    """Skip the test with ``reason``, or fail it with the same words under CI=true."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the reference data must be present)", pytrace=False)
    pytest.skip(reason)
