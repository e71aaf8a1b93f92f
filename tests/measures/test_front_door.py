"""Spec tests: front door and early help indicators (ASCII tables -> expected value)."""

from casewatch.measures.catalogue import all_indicators  # noqa: F401  (registers every indicator)
from casewatch.measures.testing import by, figure, value

PE = "2025-03-31"
REFERRALS = """
    child_id | referral_date | nfa   | source
    1        | 2024-03-31    | false | 6
    1        | 2024-04-01    | true  | 6
    1        | 2025-03-31    | false | 2A
    2        | 2023-04-01    | false | 3A
    2        | 2024-04-02    | false | 1A
    3        | 2025-04-01    | false | 6
    4        | 2024-06-01    | false |
"""


def test_referrals_count_the_year_1_april_to_31_march_inclusive():
    # child 1: 1 April 2024 and 31 March 2025 count, 31 March 2024 does not; 1 April 2025 is next year
    assert value("referrals", PE, referrals=REFERRALS) == 4


def test_re_referrals_within_12_months_of_an_earlier_referral():
    f = figure("re_referrals_12m_pct", PE, referrals=REFERRALS)
    # child 1's referral of 1 April 2024 follows 31 March 2024 (1 day); 31 March 2025 follows 1 April 2024 (within
    # 12 months); child 2's of 2 April 2024 is 12 months and a day after 1 April 2023: not a re-referral
    assert (f.numerator, f.denominator, f.value) == (2, 4, 50.0)


def test_referrals_nfa_pct():
    assert value("referrals_nfa_pct", PE, referrals=REFERRALS) == 25.0


def test_referral_sources_count_only_referrals_with_a_recorded_source():
    assert figure("referral_source_police_pct", PE, referrals=REFERRALS).denominator == 3
    assert value("referral_source_police_pct", PE, referrals=REFERRALS) == 33.3
    assert value("referral_source_schools_pct", PE, referrals=REFERRALS) == 33.3
    assert value("referral_source_health_pct", PE, referrals=REFERRALS) == 0.0


def test_referrals_rate_per_10k_uses_the_mid_year_estimate_before_the_period_end():
    population = """
        council_id | mid_year | age | children
        X01        | 2023     | 5   | 1
        X01        | 2024     | 5   | 4000
        X01        | 2024     | 15  | 6000
    """
    f = figure("referrals_rate_per_10k", PE, referrals=REFERRALS, population=population)
    assert (f.numerator, f.denominator, f.value) == (4, 10000, 4.0)
    children = """
        child_id | date_of_birth
        1        | 2010-01-01
        2        | 2019-01-01
        4        | 2019-06-01
    """
    bands = by("referrals_rate_per_10k", "age_band", PE, referrals=REFERRALS, population=population,
               children=children)
    # child 4 turns 5 on the day of the referral; child 1 is 14 then 15: 2 of 4,000 aged 5-9, 2 of 6,000 aged 10-15
    assert bands == {"5-9": 5.0, "10-15": 3.3}


def test_contacts():
    assert value("contacts", PE, contacts="""
        contact_id | child_id | contact_date
        c1         | 1        | 2024-04-01
        c2         | 1        | 2024-04-01
        c3         | 2        | 2024-03-31
    """) == 2


EARLY_HELP = """
    episode_id | child_id | start_date | end_date
    e1         | 1        | 2023-04-01 | 2023-09-01
    e2         | 2        | 2024-03-31 | 2024-05-01
    e3         | 3        | 2024-04-01 |
"""


def test_early_help_episodes_started_in_the_year():
    assert value("early_help_episodes", PE, early_help_episodes=EARLY_HELP) == 1


def test_early_help_step_up_looks_at_last_years_starters_with_a_full_year_to_follow():
    f = figure("early_help_step_up_12m_pct", PE, early_help_episodes=EARLY_HELP, referrals="""
        child_id | referral_date
        1        | 2024-04-01
        2        | 2025-03-30
    """)
    # e1 and e2 started in 2023-24; child 1 referred 12 months after e1's start (not within), child 2 within
    assert (f.numerator, f.denominator) == (1, 2)


def test_referrals_after_early_help_ended():
    f = figure("referrals_after_early_help_pct", PE, early_help_episodes=EARLY_HELP, referrals="""
        child_id | referral_date
        1        | 2024-08-31
        2        | 2024-05-01
        3        | 2024-06-01
    """)
    # child 1: early help ended 1 Sep 2023, referred 31 Aug 2024 (within 12 months); child 2 referred the day it
    # ended (counts); child 3's early help has not ended
    assert (f.numerator, f.denominator) == (2, 3)
