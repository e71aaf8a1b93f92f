"""The strongest test: every planted figure, every period, recovered exactly from the loaded database."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from casewatch.measures.headline import headline
from casewatch.model.store import open_readonly
from conftest import read_truth

CASES = [("tiny", 1), ("tiny", 2), ("tiny", 3), ("small", 1), ("small", 2), ("small", 3), ("medium", 1)]


@pytest.mark.parametrize(("size", "seed"), CASES)
def test_every_planted_figure_is_recovered(councils, size, seed):
    out, db = councils.loaded(size=size, seed=seed)
    truth = read_truth(out)
    with open_readonly(db) as con:
        for code, council in truth["councils"].items():
            assert len(council["periods"]) == 5
            for period_end, expected in council["periods"].items():
                got = headline(con, date.fromisoformat(period_end), code)
                assert got == expected, f"{size} seed {seed} {code} {period_end}"


def test_pressure_scenario_and_regional_pool_recovered(councils):
    out, db = councils.loaded(size="tiny", seed=7, scenario="pressure", councils=3)
    truth = read_truth(out)
    assert sorted(truth["councils"]) == ["X01", "X02", "X03"]
    with open_readonly(db) as con:
        for code, council in truth["councils"].items():
            for period_end, expected in council["periods"].items():
                assert headline(con, date.fromisoformat(period_end), code) == expected


def test_truth_is_not_trivial(councils):
    """Guard against a generator whose figures are all zero (then recovery would prove nothing)."""
    out, _ = councils.loaded(size="small", seed=1)
    last = read_truth(out)["councils"]["X01"]["periods"]["2026-03-31"]
    for key in ("cla_at_31_march", "cla_starts", "cla_ceased", "cp_at_31_march", "cp_starts", "cin_at_31_march",
                "referrals", "re_referrals_12m", "assessments_completed", "cases_held"):
        assert last[key] > 10, key
    assert 0 < last["assessments_within_45wd"] < last["assessments_completed"]
    assert len(last["caseload_at_period_end"]) > 20


def test_summary_json_uses_truth_names(councils):
    out, db = councils.loaded(size="tiny", seed=1)
    expected = read_truth(out)["councils"]["X01"]["periods"]["2026-03-31"]
    run = subprocess.run([sys.executable, "-m", "casewatch.cli", "summary", "--db", str(db), "--format", "json"],
                         capture_output=True, text=True, check=True)
    got = json.loads(run.stdout)
    assert got.pop("council_id") == "X01"
    assert got == expected
