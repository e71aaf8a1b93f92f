"""Spec tests: workforce, continuity and care leaver indicators; and the catalogue itself."""

import re
from pathlib import Path

import pytest

from casewatch.measures.catalogue import all_indicators
from casewatch.measures.testing import by, figure, value

PE = "2025-03-31"
WORKERS = """
    worker_id | team_id | fte
    w1        | east    | 1.0
    w2        | east    | 0.5
    w3        | west    | 1.0
"""
ALLOCATIONS = """
    allocation_id | child_id | worker_id | start_date | end_date
    a1            | 1        | w1        | 2024-01-01 |
    a2            | 2        | w1        | 2024-01-01 | 2025-03-31
    a3            | 3        | w2        | 2024-01-01 |
    a4            | 4        | w2        | 2025-03-31 |
    a5            | 5        | w3        | 2024-01-01 | 2024-06-01
"""


def test_caseload_per_fte_counts_cases_held_on_the_day_by_case_holders_only():
    # w1 holds 1 (a2 passed on 31 March), w2 holds 2 (a4 starts that day); w3 holds none and is not a case holder
    f = figure("caseload_per_fte", PE, workers=WORKERS, allocations=ALLOCATIONS)
    assert (f.numerator, f.denominator, f.value) == (3, 1.5, 2.0)
    assert by("caseload_per_fte", "worker", PE, workers=WORKERS, allocations=ALLOCATIONS) == {"w1": 1.0, "w2": 4.0}
    assert by("caseload_per_fte", "team", PE, workers=WORKERS, allocations=ALLOCATIONS) == {"east": 2.0}


def test_caseload_cap_is_pro_rata_and_a_setting():
    assert value("caseload_over_cap_pct", PE, workers=WORKERS, allocations=ALLOCATIONS) == 0.0
    # cap 1.5: w1 (1 case, cap 1.5) under; w2 (2 cases, cap 0.75) over
    assert value("caseload_over_cap_pct", PE, settings={"cap": 1.5}, workers=WORKERS, allocations=ALLOCATIONS) == 50.0
    assert value("caseload_median", PE, workers=WORKERS, allocations=ALLOCATIONS) == 1.5


CENSUS = """
    worker_id | census_date | agency | fte_30_sep | role_end_date | working_days_lost
    w1        | 2024-09-30  | false  | 1.0        |               | 10
    w2        | 2024-09-30  | false  | 0.5        | 2024-06-30    |
    w3        | 2024-09-30  | true   | 1.0        |               |
    w4        | 2024-09-30  | false  | 1.0        |               | 0
"""


def test_workforce_rates_follow_the_dfe_formulas():
    vacancies = """
        census_date | vacancies_fte | agency_fte | agency_headcount
        2024-09-30  | 2.0           | 1.0        | 1
    """
    f = figure("vacancy_rate_pct", PE, workforce_census=CENSUS, vacancies=vacancies)
    assert (f.numerator, f.denominator, f.value) == (2, 4, 50.0)  # 2 / (2 + 2 employed FTE in post)
    assert value("agency_rate_pct", PE, workforce_census=CENSUS) == 33.3  # 1 / 3 in post
    t = figure("turnover_rate_pct", PE, workforce_census=CENSUS)
    assert (t.numerator, t.denominator, t.value) == (0.5, 2, 25.0)  # w2 left 30 June 2024 (0.5 FTE) / 2 FTE
    # 10 days lost / (2 FTE x 253 working days from 30 Sep 2023 to 30 Sep 2024)
    a = figure("absence_rate_pct", PE, workforce_census=CENSUS)
    assert (a.numerator, a.denominator, a.value) == (10, 506, 2.0)


def test_three_or_more_social_workers_in_12_months():
    referrals = """
        referral_id | child_id | referral_date
        r1          | 1        | 2023-01-01
        r2          | 2        | 2023-01-01
    """
    allocations = """
        allocation_id | child_id | worker_id | start_date | end_date
        a1            | 1        | w1        | 2023-01-01 | 2024-04-01
        a2            | 1        | w2        | 2024-04-01 | 2024-10-01
        a3            | 1        | w3        | 2024-10-01 |
        b1            | 2        | w1        | 2023-01-01 | 2024-03-31
        b2            | 2        | w2        | 2024-03-31 | 2024-10-01
        b3            | 2        | w3        | 2024-10-01 |
    """
    # child 1's first worker held the case into the 12 months (until 1 April 2024); child 2's handed over on
    # 31 March 2024, the day before the 12 months began
    f = figure("sw_changes_3plus_pct", PE, referrals=referrals, allocations=allocations)
    assert (f.numerator, f.denominator) == (1, 2)
    assert value("sw_per_child_mean", PE, referrals=referrals, allocations=allocations) == 2.5


def test_care_leavers_by_age_group():
    leavers = """
        child_id | birthday   | age | in_touch | activity | accommodation
        1        | 2024-05-01 | 19  | YES      | F2       | S1
        2        | 2024-06-01 | 20  | NO       | G4       | S2
        3        | 2024-07-01 | 21  | NREQ     | P1       | 0
        4        | 2024-08-01 | 19  | DIED     |          |
        5        | 2024-09-01 | 17  | YES      | G5       | B1
        6        | 2024-03-31 | 19  | YES      | F1       | S1
    """
    assert figure("care_leavers_in_touch_19_21_pct", PE, care_leavers=leavers).denominator == 3
    assert value("care_leavers_in_touch_19_21_pct", PE, care_leavers=leavers) == 33.3  # NREQ is not in touch
    assert value("care_leavers_eet_19_21_pct", PE, care_leavers=leavers) == 66.7
    assert value("care_leavers_suitable_accom_19_21_pct", PE, care_leavers=leavers) == 33.3
    assert value("care_leavers_in_touch_17_18_pct", PE, care_leavers=leavers) == 100.0
    assert value("care_leavers_eet_17_18_pct", PE, care_leavers=leavers) == 0.0
    assert value("care_leavers_suitable_accom_17_18_pct", PE, care_leavers=leavers) == 100.0


def test_funnel_limits_for_teams():
    referrals = "\n".join(["referral_id | child_id | referral_date"]
                          + [f"r{i} | c{i} | 2024-06-01" for i in range(40)]
                          + [f"q{i} | c{i} | 2024-07-01" for i in range(10)])
    allocations = "\n".join(["allocation_id | child_id | worker_id | team_id | start_date"]
                            + [f"a{i} | c{i} | w{i % 2} | {'east' if i < 10 else 'west'} | 2024-01-01"
                               for i in range(40)])
    from casewatch.measures.testing import figures
    figs = {f.group: f for f in figures("re_referrals_12m_pct", PE, referrals=referrals, allocations=allocations)
            if f.breakdown == "team"}
    # 50 referrals, 10 re-referrals (20%); east: 20 referrals of which 10 re-referrals (50%): above 99.8% limits
    assert figs["east"].value == 50.0
    assert figs["east"].limits["upper998"] == 47.6
    assert figs["east"].limits["outside"] == "above"
    # west: 0 of 30, below the 95% limit (5.7%) but not the 99.8% one (clipped at 0)
    assert (figs["west"].value, figs["west"].limits["lower95"], figs["west"].limits["outside"]) == (0.0, 5.7, None)


def test_every_indicator_has_a_spec_test_and_cites_its_source():
    tested = "\n".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py"))
    ids = [i.id for i in all_indicators()]
    assert len(ids) >= 45
    untested = [i for i in ids if not re.search(rf'"{i}"', tested)]
    assert untested == []
    for required in ("cla_at_31_march", "cla_rate_per_10k", "cla_starts", "cla_ceased", "cla_3plus_placements_pct",
                     "cp_at_31_march", "cp_rate_per_10k", "cp_second_or_subsequent_pct", "referrals",
                     "re_referrals_12m_pct", "assessments_within_45wd_pct", "caseload_per_fte",
                     "sw_changes_3plus_pct"):
        assert required in ids


def test_a_definition_that_is_incomplete_is_refused():
    from casewatch.measures.define import indicator
    with pytest.raises(ValueError, match="rate per 10,000 can only be broken down by age band"):
        indicator(id="x_rate", title="x", description="x", source="x", area="x", unit="per_10k", polarity=None,
                  period="year", numerator="x", denominator="x", units="SELECT 1")


def test_docs_indicators_md_is_generated_from_the_definitions():
    from casewatch.measures.docs import render
    doc = Path(__file__).parents[2] / "docs" / "indicators.md"
    assert doc.read_text() == render(), "docs/indicators.md is stale: python -m casewatch.measures.docs > docs/indicators.md"
