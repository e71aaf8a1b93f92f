"""A test whose reference data (../shared/reference) is missing is skipped on a developer's machine and fails in
CI (CI=true), where the data must be present: shared_data.missing, used by the scrutiny, returns, benchmarks and
README tests."""

from __future__ import annotations

import pytest

from shared_data import missing

REASON = "the Ofsted reports (../shared/reference/ofsted) are not on this machine"


def test_missing_data_skips_outside_ci(monkeypatch):
    for value in (None, "", "false"):
        if value is None:
            monkeypatch.delenv("CI", raising=False)
        else:
            monkeypatch.setenv("CI", value)
        with pytest.raises(pytest.skip.Exception, match=r"Ofsted reports \(\.\./shared"):
            missing(REASON)


def test_missing_data_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        missing(REASON)
    assert REASON in str(failed.value) and "CI=true" in str(failed.value)
