"""`casewatch indicators`: the CLI contract (JSON fields and ids), benchmarks, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from casewatch.cli import main
from conftest import read_truth

HEADLINE = ("cla_at_31_march", "cla_rate_per_10k", "cla_starts", "cla_ceased", "cla_3plus_placements_pct",
            "cp_at_31_march", "cp_rate_per_10k", "cp_second_or_subsequent_pct", "referrals", "re_referrals_12m_pct",
            "assessments_within_45wd_pct", "caseload_per_fte", "sw_changes_3plus_pct")
KEYS = {"id", "title", "value", "numerator", "denominator", "unit", "polarity", "period_start", "period_end",
        "england", "sn_mean", "quartile"}


def _json(capsys, *args) -> list[dict]:
    assert main(["indicators", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_contract_and_planted_truth(councils, capsys):
    out, db = councils.loaded(size="tiny", seed=1)
    truth = read_truth(out)["councils"]["X01"]["periods"]["2025-03-31"]
    items = _json(capsys, "--db", str(db), "--period-end", "2025-03-31")
    by_id = {i["id"]: i for i in items}
    assert len(items) == len(by_id) >= 45  # the whole council only: one item per indicator
    assert all(set(i) >= KEYS for i in items)
    assert set(HEADLINE) <= set(by_id)
    for key in ("cla_at_31_march", "cla_starts", "cla_ceased", "cp_at_31_march", "referrals"):
        assert by_id[key]["value"] == truth[key]
    assert by_id["caseload_per_fte"]["value"] == truth["caseload_per_fte"]
    assert by_id["referrals"]["period_start"] == "2024-04-01"
    # a synthetic council has no LA code: England is shown, neighbours need --la
    assert by_id["cla_rate_per_10k"]["england"] is not None and by_id["cla_rate_per_10k"]["sn_mean"] is None
    assert by_id["contacts"]["england"] is None  # not published by the DfE


def test_benchmarked_as_a_real_council(councils, capsys):
    _, db = councils.loaded(size="tiny", seed=1)
    items = _json(capsys, "--db", str(db), "--period-end", "2025-03-31", "--la", "873", "--id",
                  "re_referrals_12m_pct")
    (item,) = items
    assert item["england"] is not None and item["sn_mean"] is not None and item["quartile"] in (1, 2, 3, 4)
    assert item["direction"] in ("better", "worse", "no change")


def test_breakdown_by_team_and_csv(councils, capsys):
    _, db = councils.loaded(size="tiny", seed=1)
    items = _json(capsys, "--db", str(db), "--id", "re_referrals_12m_pct", "--by", "team")
    teams = [i for i in items if i["breakdown"] == "team"]
    whole = next(i for i in items if i["breakdown"] is None)
    assert len(teams) >= 2 and sum(t["denominator"] for t in teams) == whole["denominator"]
    assert all("limits" in t for t in teams)
    assert main(["indicators", "--db", str(db), "--id", "referrals", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["referrals"]


@pytest.mark.parametrize(("args", "message"), [
    (["--period-end", "2030-03-31"], "cannot be known yet"),
    (["--council", "X99"], "no council 'X99'"),
    (["--la", "London"], "not a local authority code"),
    (["--id", "nonsense"], "no indicator nonsense"),
    (["--by", "shoe_size"], "--by must be one of"),
])
def test_clear_errors(councils, capsys, args, message):
    _, db = councils.loaded(size="tiny", seed=1)
    assert main(["indicators", "--db", str(db), *args]) == 2
    assert message in capsys.readouterr().err
