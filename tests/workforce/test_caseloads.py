"""Daily caseloads: counted and weighted, by interval arithmetic; planted truth at every period end."""

from __future__ import annotations

from datetime import date

from casewatch import standards
from casewatch.measures.scope import attach, scope
from casewatch.measures.testing import database
from casewatch.workforce.caseloads import daily, team_pressure_sql
from conftest import read_truth

WEIGHTS = {"cla": 2.0, "cp": 1.5, "cin": 1.0, "assessment": 0.5}


def test_weighted_load_follows_the_childs_case_type_day_by_day():
    con = database(
        workers="""
            worker_id | team_id | fte | asye
            w1        | east    | 0.5 | false
        """,
        referrals="""
            referral_id | child_id | referral_date | closure_date
            r1          | 1        | 2025-01-01    |
        """,
        assessments="""
            assessment_id | child_id | start_date | authorised_date
            a1            | 1        | 2025-01-02 | 2025-01-10
        """,
        cp_plans="""
            plan_id | child_id | start_date | end_date
            p1      | 1        | 2025-01-20 | 2025-02-01
        """,
        cla_episodes="""
            episode_id | child_id | decom      | dec | rne | legal_status | place
            e1         | 1        | 2025-02-01 |     | S   | C2           | U1
        """,
        allocations="""
            allocation_id | child_id | worker_id | start_date | end_date
            x1            | 1        | w1        | 2025-01-05 | 2025-02-10
        """)
    try:
        daily(con, date(2025, 1, 1), date(2025, 2, 12), WEIGHTS)
        got = dict(con.execute("SELECT day, weighted FROM daily_caseloads WHERE worker_id = 'w1'").fetchall())
        assert date(2025, 1, 4) not in got  # before the first case: no row
        assert got[date(2025, 1, 5)] == 0.5  # an open assessment
        assert got[date(2025, 1, 10)] == 1.0  # authorised that day: a CIN case
        assert got[date(2025, 1, 20)] == 1.5  # on a CP plan
        assert got[date(2025, 2, 1)] == 2.0  # in care (the plan ended the day care began)
        assert got[date(2025, 2, 10)] == 0  # passed on
        per_fte = con.execute("SELECT weighted_per_fte FROM daily_caseloads WHERE worker_id = 'w1' "
                              "AND day = DATE '2025-02-01'").fetchone()[0]
        assert per_fte == 4.0  # half-time
        over = con.execute(team_pressure_sql(3, 0.8) + "").fetchall()
        assert dict(((t, d), o) for t, d, _h, _c, _f, _w, o in over)[("east", date(2025, 2, 1))] == 100.0
    finally:
        con.close()


def test_counted_caseloads_equal_the_planted_truth_at_every_period_end(councils):
    out, db = councils.loaded(size="tiny", seed=1)
    truth = read_truth(out)["councils"]["X01"]["periods"]
    con = attach(str(db))
    try:
        scope(con, "X01")
        daily(con, date(2021, 4, 1), date(2026, 3, 31), standards.load()["caseload"]["weights"])
        for period_end, want in truth.items():
            got = dict(con.execute("SELECT worker_id, cases FROM daily_caseloads WHERE day = ? AND cases > 0",
                                   [date.fromisoformat(period_end)]).fetchall())
            assert got == want["caseload_at_period_end"], period_end
    finally:
        con.close()


def test_caseloads_cli_workers_against_cap_and_team_trend(councils, capsys):
    import json

    from casewatch.cli import main

    out, db = councils.loaded(size="tiny", seed=1)
    truth = read_truth(out)["councils"]["X01"]["periods"]["2026-03-31"]["caseload_at_period_end"]
    assert main(["caseloads", "--db", str(db), "--date", "2026-03-31", "--cap", "12", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert {w["worker"]: w["cases"] for w in got["workers"]} == truth
    assert all(w["over_cap"] == (w["weighted"] > w["cap"]) for w in got["workers"])
    assert any(w["over_cap"] for w in got["workers"])
    assert sum(t["cases"] for t in got["teams"]) == sum(truth.values())
    assert {t["trend_3_months"] for t in got["teams"]} <= {"falling", "rising", "flat", None}


def test_a_child_held_outside_any_referral_still_counts_as_the_indicators_count_it():
    """An allocation that starts before the referral or outlives its closure is still on the worker's list: the
    caseloads page counted it only while a referral, plan or episode covered it, while the caseload indicators
    count every open allocation. It now counts on every day, weighed as child in need."""
    tables = dict(
        workers="""
            worker_id | team_id | fte | asye
            w1        | east    | 1.0 | false
        """,
        referrals="""
            referral_id | child_id | referral_date | closure_date
            r1          | 1        | 2025-01-15    | 2025-01-25
        """,
        cla_episodes="""
            episode_id | child_id | decom      | dec | rne | legal_status | place
            e1         | 1        | 2025-01-20 | 2025-01-22 | S   | C2           | U1
        """,
        allocations="""
            allocation_id | child_id | worker_id | start_date | end_date
            x1            | 1        | w1        | 2025-01-01 | 2025-03-10
        """)
    con = database(**tables)
    try:
        daily(con, date(2025, 1, 1), date(2025, 3, 31), WEIGHTS)
        got = dict(con.execute("SELECT day, weighted FROM daily_caseloads WHERE worker_id = 'w1'").fetchall())
        assert got[date(2025, 1, 1)] == 1.0  # before the referral: child in need
        assert got[date(2025, 1, 20)] == 2.0  # in care
        assert got[date(2025, 2, 28)] == 1.0  # after the referral closed, still allocated
        assert got[date(2025, 3, 10)] == 0  # passed on
    finally:
        con.close()
    from casewatch.measures.testing import figure

    f = figure("caseload_per_fte", "2025-02-28", **tables)
    assert (f.numerator, f.denominator) == (1, 1.0)  # the indicator counts the same case that day
