"""The synthetic council looks like England, and the pressure scenario tells the story of the seeds."""

from __future__ import annotations

import statistics

from casewatch.synth import params as P
from casewatch.synth.calibration import ENGLAND
from conftest import read_truth


def _rate(n, population):
    return n / population * 10_000


def test_baseline_is_calibrated_to_england(councils):
    out = councils.synth(size="medium", seed=1)
    periods = read_truth(out)["councils"]["X01"]["periods"].values()
    pop = P.SIZES["medium"].population
    mean = lambda key: statistics.mean(p[key] for p in periods)  # noqa: E731
    assert abs(_rate(mean("referrals"), pop) / ENGLAND.referrals_per_10k - 1) < 0.08
    assert abs(mean("re_referrals_12m") / mean("referrals") - ENGLAND.re_referral_rate) < 0.03
    assert abs(mean("assessments_within_45wd") / mean("assessments_completed") - ENGLAND.assessments_within_45wd_rate) < 0.03
    assert abs(_rate(mean("cp_at_31_march"), pop) / ENGLAND.cp_per_10k - 1) < 0.2
    assert abs(_rate(mean("cla_at_31_march"), pop) / ENGLAND.cla_per_10k - 1) < 0.2
    assert abs(_rate(mean("cla_starts"), pop) / ENGLAND.cla_starts_per_10k - 1) < 0.2
    assert abs(_rate(mean("cin_at_31_march"), pop) / ENGLAND.cin_per_10k - 1) < 0.2
    assert 13 <= mean("caseload_per_fte") <= 18


def test_pressure_scenario_story(councils):
    out = councils.synth(size="small", seed=3, scenario="pressure")
    truth = read_truth(out)["councils"]["X01"]["periods"]
    first, last = truth["2022-03-31"], truth["2026-03-31"]
    pop = P.SIZES["small"].population
    # children in care rise from below England's rate to above it
    assert _rate(first["cla_at_31_march"], pop) < ENGLAND.cla_per_10k < _rate(last["cla_at_31_march"], pop)
    # referrals rise after early help is cut in year 2; assessments slip
    assert last["referrals"] > 1.15 * first["referrals"]
    assert (last["assessments_within_45wd"] / last["assessments_completed"]
            < first["assessments_within_45wd"] / first["assessments_completed"] - 0.03)
    # two teams' caseloads climb far above the rest
    import pyarrow.parquet as pq

    workers = pq.read_table(out / "workers.parquet").to_pylist()
    team_of = {w["worker_id"]: w["team_id"] for w in workers}
    fte = {w["worker_id"]: float(w["fte"]) for w in workers}
    by_team: dict[str, list[float]] = {}
    for wid, n in last["caseload_at_period_end"].items():
        by_team.setdefault(team_of[wid], []).append(n / fte[wid])
    team_load = sorted((statistics.mean(v) for v in by_team.values()), reverse=True)
    # (1.15: since CIN episodes stay open until their ICPC, plans and assessment end, every team carries more)
    assert team_load[1] > 1.15 * statistics.median(team_load[2:])
