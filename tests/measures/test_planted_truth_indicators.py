"""Planted truth: every figure the generator planted equals the matching indicator, for every council and period
(the headline counts, the re-referral and 45-working-day numerators, and every worker's caseload)."""

from __future__ import annotations

from datetime import date

import pytest

from casewatch.measures.catalogue import all_indicators
from casewatch.measures.compute import compute_all
from casewatch.measures.scope import attach, scope
from conftest import read_truth

# truth key -> (indicator, which part of the figure)
MATCH = {
    "cla_at_31_march": ("cla_at_31_march", "value"), "cla_starts": ("cla_starts", "value"),
    "cla_ceased": ("cla_ceased", "value"), "cp_at_31_march": ("cp_at_31_march", "value"),
    "cp_starts": ("cp_starts", "value"), "cin_at_31_march": ("cin_at_31_march", "value"),
    "referrals": ("referrals", "value"), "re_referrals_12m": ("re_referrals_12m_pct", "numerator"),
    "assessments_completed": ("assessments_completed", "value"),
    "assessments_within_45wd": ("assessments_within_45wd_pct", "numerator"),
    "cases_held": ("caseload_per_fte", "numerator"), "case_holder_fte": ("caseload_per_fte", "denominator"),
    "caseload_per_fte": ("caseload_per_fte", "value"),
}


@pytest.mark.parametrize(("size", "seed", "councils_n"), [("tiny", 1, 1), ("small", 2, 1), ("tiny", 7, 3)])
def test_every_planted_figure_equals_its_indicator(councils, size, seed, councils_n):
    kw = {"scenario": "pressure", "councils": councils_n} if councils_n > 1 else {}
    out, db = councils.loaded(size=size, seed=seed, **kw)
    truth = read_truth(out)
    ids = sorted({ind for ind, _ in MATCH.values()})
    con = attach(str(db))
    try:
        for code, council in truth["councils"].items():
            scope(con, code)
            ends = [date.fromisoformat(p) for p in council["periods"]]
            figs = compute_all(con, ends, ids, breakdowns=("worker",))
            whole = {(f.id, f.period_end): f for f in figs if f.breakdown is None}
            for period_end, want in council["periods"].items():
                for key, (ind, part) in MATCH.items():
                    got = getattr(whole[(ind, period_end)], part)
                    assert got == pytest.approx(want[key]), (code, period_end, key)
                caseloads = {f.group: f.numerator for f in figs if f.id == "caseload_per_fte"
                             and f.breakdown == "worker" and f.period_end == period_end}
                assert caseloads == want["caseload_at_period_end"], (code, period_end)
    finally:
        con.close()
    assert len(all_indicators()) >= 45
