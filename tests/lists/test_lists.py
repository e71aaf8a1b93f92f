"""Spec tests for the action lists: small ASCII tables -> who is listed, due when, how many days overdue."""

from __future__ import annotations

from datetime import date

import pytest

from casewatch import standards
from casewatch.lists.run import run_lists
from casewatch.measures.testing import database

ON = date(2025, 3, 31)  # a Monday


def listed(name: str, on: date = ON, std: dict | None = None, **tables) -> dict[str, tuple[str, int]]:
    con = database(**tables)
    try:
        rows = run_lists(con, on, std or standards.load(), [name])
    finally:
        con.close()
    return {r.child: (r.due_date, r.days_overdue) for r in rows}


def test_cla_visits_follow_regulation_28():
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place
        a1         | 1        | 2025-03-20 | S   | C2           | U1
        b1         | 2        | 2024-10-01 | S   | C2           | U1
        c1         | 3        | 2023-01-01 | S   | C2           | U1
        d1         | 4        | 2025-03-26 | S   | V3           | U1
        e1         | 5        | 2024-01-01 | S   | C2           | U1
        e2         | 5        | 2025-03-27 | P   | C2           | U4
    """
    visits = """
        visit_id | child_id | visit_date | kind | child_seen
        v1       | 2        | 2025-02-14 | CLA  | true
        v2       | 3        | 2025-01-01 | CLA  | true
        v3       | 5        | 2025-03-20 | CLA  | true
    """
    got = listed("cla_visits", cla_episodes=episodes, visits=visits)
    # 1: placed 20 March, no visit: due 27 March, 4 days overdue. 2: first year, seen 14 Feb: due 28 March.
    # 3: over a year in placement, seen 1 Jan: due 2 April (3 months): within the 7-day look-ahead.
    # 4: short breaks, not in care. 5: new placement 27 March, the visit before it does not count: due 3 April.
    assert got == {"1": ("2025-03-27", 4), "2": ("2025-03-28", 3), "3": ("2025-04-02", -2),
                   "5": ("2025-04-03", -3)}


def test_cp_visits_in_working_days_and_a_local_standard():
    plans = """
        plan_id | child_id | start_date | end_date
        p1      | 1        | 2025-01-06 |
        p2      | 2        | 2025-01-06 |
    """
    visits = """
        visit_id | child_id | visit_date | kind | child_seen
        v1       | 1        | 2025-03-17 | CP   | true
        v2       | 2        | 2025-03-25 | CP   | true
        v3       | 2        | 2025-03-28 | CP   | false
    """
    # 1: seen Monday 17 March: 10 working days later is 31 March (today): due today, 0 days overdue
    # 2: seen 25 March (28 March not seen): due 8 April, outside the look-ahead
    assert listed("cp_visits", cp_plans=plans, visits=visits) == {"1": ("2025-03-31", 0)}
    std = standards.load()
    std["visits"]["cp_working_days"] = 5
    assert listed("cp_visits", std=std, cp_plans=plans, visits=visits) == {
        "1": ("2025-03-24", 7), "2": ("2025-04-01", -1)}


def test_assessments_open_beyond_45_working_days_or_due_soon():
    assessments = """
        assessment_id | child_id | start_date | authorised_date
        a1            | 1        | 2025-01-27 |
        a2            | 2        | 2025-02-03 |
        a3            | 3        | 2025-01-02 | 2025-03-30
        a4            | 4        | 2025-02-17 |
    """
    # 45 working days: 27 Jan -> 31 March (today); 3 Feb -> 7 April (in 7 days); 17 Feb: 21 April, not listed
    assert listed("assessments", assessments=assessments) == {"1": ("2025-03-31", 0), "2": ("2025-04-07", -7)}


def test_icpc_not_held_within_15_working_days():
    s47 = """
        s47_id | child_id | strategy_discussion_date | start_date | icpc_date  | outcome
        s1     | 1        | 2025-03-03               | 2025-03-03 |            |
        s2     | 2        | 2025-03-03               | 2025-03-03 | 2025-03-20 | icpc
        s3     | 3        | 2025-03-03               | 2025-03-03 |            | nfa
        s4     | 4        |                          | 2025-03-14 |            | icpc
    """
    # s1: due 24 March, 7 days overdue; s4 (no strategy date): from the s47 start, due 4 April
    assert listed("icpc", section47=s47) == {"1": ("2025-03-24", 7), "4": ("2025-04-04", -4)}


def test_cp_and_cla_reviews():
    plans = """
        plan_id | child_id | start_date | end_date | review_dates
        p1      | 1        | 2024-12-20 |          |
        p2      | 2        | 2024-01-10 |          | 2024-04-05,2024-09-30
    """
    assert listed("cp_reviews", cp_plans=plans) == {"1": ("2025-03-20", 11), "2": ("2025-03-30", 1)}
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place
        a1         | 1        | 2025-03-03 | S   | C2           | U1
        b1         | 2        | 2024-12-02 | S   | C2           | U1
    """
    reviews = """
        review_id | child_id | review_date
        r1        | 2        | 2024-12-30
    """
    # 1: 20 working days from 3 March = 31 March; 2: first review 30 Dec, second due within 3 months: 30 March
    assert listed("cla_reviews", cla_episodes=episodes, cla_reviews=reviews) == {
        "1": ("2025-03-31", 0), "2": ("2025-03-30", 1)}


def test_unallocated_and_many_social_workers():
    referrals = """
        referral_id | child_id | referral_date | closure_date
        r1          | 1        | 2025-03-01    |
        r2          | 2        | 2024-01-01    |
        r3          | 3        | 2024-01-01    | 2025-03-01
    """
    allocations = """
        allocation_id | child_id | worker_id | start_date | end_date
        x1            | 2        | w1        | 2024-01-01 | 2024-06-01
        x2            | 2        | w2        | 2024-06-01 | 2025-01-10
        x3            | 2        | w3        | 2025-01-10 | 2025-03-21
    """
    # 1 never allocated (since referral, 30 days); 2's last worker left 21 March (10 days); 3 is closed
    assert listed("unallocated", referrals=referrals, allocations=allocations) == {
        "1": ("2025-03-01", 30), "2": ("2025-03-21", 10)}
    assert listed("sw_changes", referrals=referrals, allocations=allocations) == {"2": ("2025-01-10", 80)}


def test_missing_without_return_interview_and_health():
    missing = """
        missing_id | child_id | kind | start_date | end_date   | return_interview_offered
        m1         | 1        | M    | 2025-03-01 | 2025-03-02 | false
        m2         | 2        | M    | 2025-03-01 | 2025-03-02 | true
        m3         | 3        | M    | 2025-03-20 | 2025-03-27 |
        m4         | 4        | A    | 2025-03-01 | 2025-03-02 |
        m5         | 5        | M    | 2023-03-01 | 2023-03-02 |
    """
    assert listed("missing_rhi", missing_episodes=missing) == {"1": ("2025-03-05", 26), "3": ("2025-03-30", 1)}
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place
        a1         | 1        | 2023-01-01 | S   | C2           | U1
        b1         | 2        | 2023-01-01 | S   | C2           | U1
    """
    health = """
        child_id | year_ending | health_assessment
        1        | 2024-03-31  | false
        2        | 2024-03-31  | true
    """
    assert listed("health_assessment", cla_episodes=episodes, cla_health=health) == {"1": ("2024-03-31", 365)}


def test_permanence_plan_by_the_second_review():
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place
        a1         | 1        | 2024-06-01 | S   | C2           | U1
        b1         | 2        | 2024-06-01 | S   | C2           | U1
        c1         | 3        | 2025-01-01 | S   | C2           | U1
    """
    reviews = """
        review_id | child_id | review_date
        r1        | 1        | 2024-06-28
        r2        | 1        | 2024-09-20
        r3        | 2        | 2024-06-28
        r4        | 2        | 2024-09-20
        r5        | 3        | 2025-01-28
    """
    permanence = """
        permanence_id | child_id | route              | decision_date
        p1            | 2        | long_term_fostering | 2024-09-20
    """
    assert listed("permanence_plan", cla_episodes=episodes, cla_reviews=reviews, permanence=permanence) == {
        "1": ("2024-09-20", 192)}


def test_filters_and_worker_on_the_day():
    assessments = """
        assessment_id | child_id | start_date
        a1            | 1        | 2025-01-27
        a2            | 2        | 2025-01-27
    """
    allocations = """
        allocation_id | child_id | worker_id | team_id | start_date | end_date
        x1            | 1        | w1        | east    | 2025-01-27 | 2025-03-31
        x2            | 1        | w2        | west    | 2025-03-31 |
    """
    con = database(assessments=assessments, allocations=allocations)
    try:
        rows = run_lists(con, ON, standards.load(), ["assessments"])
        assert {(r.child, r.worker, r.team) for r in rows} == {("1", "w2", "west"), ("2", "unallocated", "unallocated")}
        assert [r.child for r in run_lists(con, ON, standards.load(), ["assessments"], team="west")] == ["1"]
    finally:
        con.close()


def test_a_standards_file_that_is_wrong_is_refused(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text("[visits]\ncp_working_day = 10\n")
    with pytest.raises(standards.StandardsError, match="cp_working_day: not a casewatch standard"):
        standards.load(bad)
    bad.write_text("[visits]\ncp_working_days = -1\n")
    with pytest.raises(standards.StandardsError, match="is not a number of 0 or more"):
        standards.load(bad)
