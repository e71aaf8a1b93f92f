"""The backtest on the synthetic pressure scenario, and `casewatch forecast` (json, html, table, errors)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from casewatch.forecast.backtest import backtest
from casewatch.forecast.run import first_known
from casewatch.measures.api import open_council


@pytest.fixture(scope="module")
def pressure(councils):
    return councils.loaded(size="small", seed=1, scenario="pressure")[1]


def test_the_markov_model_beats_no_change_under_pressure(pressure):
    with open_council(pressure) as (con, ctx):
        got = backtest(con, first_known(con), ctx.data_to, 6, 12, runs=200)
    assert len(got["points"]) >= 6
    assert got["mape_markov"] < got["mape_naive"], got
    assert got["mape_ets"] is not None
    assert got["coverage_markov"] >= 0.7
    cal = got["calibration"]
    print("demo council:", {k: got[k] for k in ("mape_markov", "mape_ets", "mape_naive", "coverage_markov")}, cal)
    # the issue: the model's own band held well under 95%; widened by the factor fitted on the earlier dates it
    # holds more of the later dates' months than it did as it was
    assert cal["markov"]["coverage_before"] < 0.9 and cal["markov"]["scale"] > 1
    assert cal["markov"]["coverage_later_after"] > cal["markov"]["coverage_later_before"]
    assert cal["markov"]["coverage_all_after"] >= 0.95


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "casewatch.cli", "forecast", *args], capture_output=True, text=True,
                          timeout=300)


def test_json_has_the_shape_the_issue_asks_for(pressure, tmp_path):
    scenario = tmp_path / "early_help.toml"
    scenario.write_text('name = "Early help cuts entries by 10%"\n[entries]\nmultiplier = 0.9\n')
    done = _cli("--db", str(pressure), "--horizon-months", "12", "--scenario", str(scenario), "--runs", "200",
                "--format", "json")
    assert done.returncode == 0, done.stderr
    r = json.loads(done.stdout)
    assert r["horizon_months"] == 12 and len(r["total"]) == 12 and len(r["cost"]) == 12
    assert set(r["series"][0]) == {"date", "state", "mean", "lower", "upper"}
    assert {s["state"].split()[0] for s in r["series"]} <= {"0-1", "1-5", "5-10", "10-16", "16-18"}
    first = r["total"][0]
    assert first["lower"] <= first["mean"] <= first["upper"]
    by_date = {}
    for s in r["series"]:
        by_date[s["date"]] = by_date.get(s["date"], 0) + s["mean"]
    model = r["model_total"][0]  # the model's states add up to its total (the one shown may be the trend's)
    assert by_date[model["date"]] == pytest.approx(model["mean"], abs=0.5)
    assert set(r["backtest"]) >= {"mape_markov", "mape_ets", "mape_naive", "coverage_markov"}
    bt = r["backtest"]
    closer = "trend" if bt["compared"]["ets"] < bt["compared"]["markov"] else "model"
    assert r["method"] == closer and set(r["words"]) == {"method", "band", "band_label", "how"}
    _reads_honestly(r)
    scen = r["scenario"]
    assert scen["name"] == "Early help cuts entries by 10%"
    assert all(d["children"] < 0 for d in scen["difference"])  # fewer entries: fewer children in care
    assert scen["total"][-1]["mean"] < r["total"][-1]["mean"]


def _reads_honestly(r: dict) -> None:
    """The page and the CLI table name the band by the share it held, never "95%" when it held less."""
    import io

    from rich.console import Console

    from casewatch.cli_forecast import _table
    from casewatch.outputs.forecast_html import to_html

    held = r["band"]["held"]
    console = Console(file=io.StringIO(), width=200)
    _table(console, "Demo", r)
    for text in (to_html(r, "Demo"), console.file.getvalue()):
        assert f"held {held * 100:.0f}% of the time" in text
        if held < 0.95:
            assert "95%" not in text


def test_html_and_table_and_errors(pressure, tmp_path):
    out = tmp_path / "forecast.html"
    done = _cli("--db", str(pressure), "--no-backtest", "--runs", "200", "--format", "html", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text()
    assert "<script" not in page and page.count("<svg") == 2 and "Weekly unit costs used" in page
    table = _cli("--db", str(pressure), "--no-backtest", "--runs", "200")
    assert table.returncode == 0 and "children in care" in table.stdout
    assert "not been checked against this council's past" in table.stdout and "95%" not in table.stdout + page
    late = _cli("--db", str(pressure), "--as-of", "2040-03-31", "--no-backtest")
    assert late.returncode == 2 and "cannot use data not there" in late.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[step_down]\nresidential_per_year = 2\n")
    wrong = _cli("--db", str(pressure), "--scenario", str(bad))
    assert wrong.returncode == 2 and "bad.toml: step_down.residential_per_year must be a number" in wrong.stderr
