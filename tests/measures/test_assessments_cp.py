"""Spec tests: assessments, section 47, child protection and children in need indicators."""

from casewatch.measures.catalogue import all_indicators  # noqa: F401  (registers every indicator)
from casewatch.measures.testing import by, figure, value

PE = "2025-03-31"
# Working days: Friday 4 April 2025 to ... ; the 2024 Christmas bank holidays (25, 26 Dec) and 1 Jan 2025 are not
# working days, nor Easter 2024 (29 March, 1 April).
ASSESSMENTS = """
    assessment_id | child_id | start_date | authorised_date | child_seen | outcome
    a1            | 1        | 2024-12-02 | 2025-02-06      | true       | nfa
    a2            | 2        | 2024-12-02 | 2025-02-07      | false      | cin_plan
    a3            | 3        | 2024-03-28 | 2024-04-02      |            | early_help
    a4            | 4        | 2025-03-01 |                 |            |
    a5            | 5        | 2024-01-01 | 2024-03-31      | true       | s47
"""


def test_assessments_completed_counts_authorisations_in_the_year():
    assert value("assessments_completed", PE, assessments=ASSESSMENTS) == 3


def test_45_working_days_skips_christmas_bank_holidays():
    # 2 Dec 2024 -> 6 Feb 2025 is 45 working days (25, 26 Dec and 1 Jan are bank holidays); -> 7 Feb is 46.
    # a3 runs over Good Friday and Easter Monday 2024: 28 March -> 2 April is 1 working day.
    f = figure("assessments_within_45wd_pct", PE, assessments=ASSESSMENTS)
    assert (f.numerator, f.denominator, f.value) == (2, 3, 66.7)


def test_median_working_days():
    assert value("assessment_median_wd", PE, assessments=ASSESSMENTS) == 45


def test_child_seen_counts_only_assessments_that_record_it():
    f = figure("assessments_child_seen_pct", PE, assessments=ASSESSMENTS)
    assert (f.numerator, f.denominator) == (1, 2)


def test_assessments_nfa_includes_early_help():
    assert figure("assessments_nfa_pct", PE, assessments=ASSESSMENTS).numerator == 2


S47 = """
    s47_id | child_id | strategy_discussion_date | start_date | icpc_date
    s1     | 1        | 2024-12-20               | 2024-12-20 | 2025-01-15
    s2     | 2        | 2024-12-20               | 2024-12-20 | 2025-01-16
    s3     | 3        |                          | 2024-05-01 | 2024-05-22
    s4     | 4        | 2024-03-28               | 2024-03-28 | 2024-04-10
    s5     | 5        | 2025-03-01               | 2025-03-01 |
"""


def test_icpc_within_15_working_days_of_the_strategy_discussion():
    # 20 Dec 2024 -> 15 Jan 2025 = 15 working days (Christmas, Boxing Day, New Year's Day skipped); -> 16 Jan = 16.
    # s3 has no strategy discussion date: from the s47 start, 1 -> 22 May 2024 (bank holiday 6 May) = 14.
    # s4's ICPC is in the year: 28 March -> 10 April 2024 over Easter = 7.
    f = figure("icpc_within_15wd_pct", PE, section47=S47)
    assert (f.numerator, f.denominator) == (3, 4)


def test_s47_to_icpc_and_rate():
    f = figure("s47_to_icpc_pct", PE, section47=S47)
    assert (f.numerator, f.denominator) == (3, 4)
    population = """
        mid_year | age | children
        2024     | 7   | 2000
    """
    assert value("s47_rate_per_10k", PE, section47=S47, population=population) == 20.0


PLANS = """
    plan_id | child_id | start_date | end_date   | review_dates
    p1      | 1        | 2022-01-10 | 2024-01-09 | 2022-04-08,2022-10-01
    p2      | 1        | 2024-06-01 |            | 2024-08-30,2025-02-28
    p3      | 2        | 2023-03-31 | 2025-03-31 | 2023-06-30,2024-01-05
    p4      | 3        | 2025-03-31 |            |
    p5      | 4        | 2022-05-01 | 2024-05-02 | 2022-08-01,2023-02-01,2023-08-01,2024-02-01
"""


def test_cp_at_31_march_a_plan_ending_that_day_is_not_open():
    assert value("cp_at_31_march", PE, cp_plans=PLANS) == 2  # p2, p4 (p3 ended on 31 March)


def test_cp_starts_and_second_plans():
    assert value("cp_starts", PE, cp_plans=PLANS) == 2
    f = figure("cp_second_or_subsequent_pct", PE, cp_plans=PLANS)
    assert (f.numerator, f.denominator) == (1, 2)  # p2: child 1 had p1


def test_cp_plans_lasting_two_years():
    ended = figure("cp_ended_2plus_years_pct", PE, cp_plans=PLANS)
    assert (ended.numerator, ended.denominator) == (2, 2)  # p3 ends 31 March 2025 (2 years and a day); p5 ended 2 May 2024
    assert figure("cp_2plus_years_open_pct", PE, cp_plans=PLANS).numerator == 0


def test_cp_reviews_on_time():
    # p2: first review 30 Aug 2024 within 3 months of 1 June, next 28 Feb 2025 within 6 months: on time.
    # p3: first review 30 June 2023 on time, next 5 Jan 2024 over 6 months after: late. p5: all on time, and the
    # plan ended 2 May 2024 before the next was due. p1 ended before the year; p4 is under 3 months old.
    f = figure("cp_reviews_on_time_pct", PE, cp_plans=PLANS)
    assert (f.numerator, f.denominator) == (2, 3)


def test_cp_visits_within_10_working_days():
    visits = """
        visit_id | child_id | visit_date | kind | child_seen
        v1       | 1        | 2025-03-17 | CP   | true
        v2       | 3        | 2025-03-31 | CP   | true
        v3       | 1        | 2025-03-18 | CP   | false
    """
    # child 1: seen 17 March, 10 working days before 31 March: in time. Child 3's plan started that day: not counted.
    f = figure("cp_visits_on_time_pct", PE, cp_plans=PLANS, visits=visits)
    assert (f.numerator, f.denominator) == (1, 1)
    tight = figure("cp_visits_on_time_pct", PE, settings={"visit_wd": 9}, cp_plans=PLANS, visits=visits)
    assert (tight.numerator, tight.denominator) == (0, 1)


def test_cp_rates_per_10k():
    population = """
        mid_year | age | children
        2024     | 3   | 1000
    """
    assert value("cp_rate_per_10k", PE, cp_plans=PLANS, population=population) == 20.0
    assert value("cp_starts_rate_per_10k", PE, cp_plans=PLANS, population=population) == 20.0


CIN = """
    referral_id | child_id | referral_date | closure_date
    r1          | 1        | 2023-03-31    |
    r2          | 2        | 2025-01-01    |
    r3          | 3        | 2024-01-01    | 2025-03-31
    r4          | 2        | 2022-01-01    |
"""


def test_children_in_need_counted_once_by_their_earliest_open_episode():
    assert value("cin_at_31_march", PE, referrals=CIN) == 2
    assert figure("cin_open_2plus_years_pct", PE, referrals=CIN).numerator == 2  # child 2 open since 2022 too
    assert figure("cin_open_under_3_months_pct", PE, referrals=CIN).numerator == 0
    population = """
        mid_year | age | children
        2024     | 3   | 1000
    """
    assert value("cin_rate_per_10k", PE, referrals=CIN, population=population) == 20.0


def test_breakdown_by_team_follows_the_allocation_on_the_day():
    allocations = """
        allocation_id | child_id | worker_id | team_id | start_date | end_date
        x1            | 1        | w1        | east    | 2024-01-01 | 2025-02-06
        x2            | 1        | w2        | west    | 2025-02-06 |
        x3            | 2        | w3        | west    | 2024-01-01 | 2025-02-06
    """
    # a1 authorised 6 Feb 2025, the day w2 took child 1 over: w2's; a2 authorised 7 Feb, the day after child 2's
    # allocation ended, and a3 (child 3 never allocated): unallocated
    teams = by("assessments_completed", "worker", PE, assessments=ASSESSMENTS, allocations=allocations)
    assert teams == {"w2": 1, "unallocated": 2}
