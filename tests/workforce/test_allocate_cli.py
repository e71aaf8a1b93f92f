"""The caseload balancer from the database: who it considers, and `casewatch allocate` end to end."""

from __future__ import annotations

import json
from datetime import date

from casewatch.cli import main
from casewatch.measures.testing import database
from casewatch.workforce import allocate_data
from casewatch.workforce.allocate import Child, Problem, Worker, solve, split
from casewatch.workforce.allocate_data import build_problem
from casewatch.workforce.cases import SERVICE

ON = date(2026, 3, 31)
WEIGHTS = {"cla": 2.0, "cp": 1.5, "cin": 1.0, "assessment": 0.5}


def test_the_problem_holds_receivers_their_cases_the_unallocated_and_the_left_behind():
    con = database(
        teams="""
            team_id | name | service          | start_date
            sg      | SG   | safeguarding     | 2020-01-01
            cic     | CiC  | children_in_care | 2020-01-01
        """,
        workers="""
            worker_id | team_id | role                 | fte | asye  | start_date | end_date
            w1        | sg      | social_worker        | 0.5 | false | 2020-01-01 |
            w2        | sg      | social_worker        | 1.0 | true  | 2025-09-01 |
            gone      | sg      | social_worker        | 1.0 | false | 2020-01-01 | 2026-03-01
            tm        | sg      | team_manager         | 1.0 | false | 2020-01-01 |
            c1        | cic     | senior_social_worker | 1.0 | false | 2020-01-01 |
        """,
        children="""
            child_id | family_id
            1        | f
            2        | f
            3        |
            4        |
            5        |
        """,
        referrals="""
            referral_id | child_id | referral_date | closure_date
            r1          | 1        | 2025-01-01    |
            r2          | 2        | 2025-01-01    |
            r3          | 3        | 2025-01-01    |
            r4          | 4        | 2025-01-01    |
            r5          | 5        | 2025-01-01    |
        """,
        cp_plans="""
            plan_id | child_id | start_date | end_date
            p1      | 1        | 2025-02-01 |
        """,
        allocations="""
            allocation_id | child_id | worker_id | start_date | end_date   | end_reason
            a1            | 1        | w1        | 2025-01-01 | 2025-06-01 | worker_left
            a2            | 1        | c1        | 2025-06-01 | 2025-09-01 | worker_left
            a3            | 1        | w1        | 2025-09-01 |            |
            a4            | 2        | w1        | 2025-01-01 |            |
            a5            | 3        | gone      | 2025-01-01 |            |
            a6            | 4        | tm        | 2025-01-01 |            |
        """)
    try:
        p = build_problem(con, ON, 10, 0.8, WEIGHTS)
    finally:
        con.close()
    assert {w.id: w.cap for w in p.workers} == {"w1": 5.0, "w2": 8.0, "c1": 10.0}
    kids = {c.id: c for c in p.children}
    assert set(kids) == {"1", "2", "3", "5"}  # the team manager's case is left alone
    assert kids["1"].case_type == "cp" and kids["1"].weight == 1.5 and kids["1"].changes == 2
    assert kids["1"].family == kids["2"].family == "f"
    assert kids["3"].current == "gone" and kids["5"].current is None
    assert kids["5"].service == SERVICE["cin"]
    sol = solve(p)
    assert sol.assignment["3"] in ("w1", "w2") and sol.assignment["5"] in ("w1", "w2")


def test_allocate_end_to_end_on_a_synthetic_council(councils, capsys):
    _, db = councils.loaded(size="tiny", seed=1)
    assert main(["allocate", "--db", str(db), "--date", "2026-03-31", "--cap", "18", "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    for key in ("moves", "before", "after", "max_weighted_load_after", "children_moved", "optimality_gap",
                "solve_seconds", "status", "objective", "best_bound"):
        assert key in r
    assert r["status"] in ("OPTIMAL", "FEASIBLE")
    assert any(w["over_cap"] for w in r["before"]["workers"].values())  # someone is over at cap 18
    assert r["moves"] and r["children_moved"] >= 1
    if r["objective"]["max_overload"] == 0:  # the cap can be met: every worker ends at or under it
        assert r["message"] is None
        for w in r["after"]["workers"].values():
            assert w["weighted"] <= w["cap"] + 1e-9
    else:
        assert r["message"].startswith("cap 18 cannot be met")
    services = {wid: w["service"] for wid, w in r["after"]["workers"].items()}
    for m in r["moves"]:
        assert services[m["to"]] == SERVICE[m["case_type"]]
        assert m["why"] in ("over cap", "unallocated", "worker left") or m["why"].startswith("sibling of ")
    assert sum(w["cases"] for w in r["after"]["workers"].values()) == \
        sum(w["cases"] for w in r["before"]["workers"].values()) + r["before"]["unallocated"]


def test_allocate_says_when_the_cap_cannot_be_met(councils, capsys):
    _, db = councils.loaded(size="tiny", seed=1)
    assert main(["allocate", "--db", str(db), "--date", "2026-03-31", "--cap", "12", "--format", "json",
                 "--time-limit", "20"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["objective"]["max_overload"] > 0
    assert r["message"].startswith("cap 12 cannot be met: the best plan leaves ")
    worst = max(w["weighted"] - w["cap"] for w in r["after"]["workers"].values())
    assert abs(worst - r["max_overload_after"]) < 1e-6
    s = r["shortfall"]  # cases against capacity, before any plan: what no balancing can change
    assert s["capacity"] == round(sum(w["cap"] for w in r["before"]["workers"].values() if w["service"]), 2)
    assert s["short_weighted"] == round(sum(p["short_weighted"] for p in s["services"].values()), 2)
    if s["short_weighted"] > 0:
        assert r["shortfall_message"].startswith(f"Cases exceed capacity at cap 12: {s['cases']:g} weighted cases")
    assert main(["allocate", "--db", str(db), "--date", "2026-03-31", "--cap", "12", "--time-limit", "20"]) == 0
    out = capsys.readouterr().out
    assert "cap 12 cannot be met" in out
    if s["short_weighted"] > 0:  # the finding first
        assert out.index("Cases exceed capacity") < out.index("cap 12 cannot be met")


def test_no_eligible_worker_exits_2_naming_the_service(councils, capsys, monkeypatch):
    _, db = councils.loaded(size="tiny", seed=1)

    def no_cic_workers(con, on, cap, asye_factor, weights):
        return Problem([Worker("w", cap=5, service="safeguarding")],
                       [Child("child-secret", "children_in_care", case_type="cla")])

    monkeypatch.setattr(allocate_data, "build_problem", no_cic_workers)
    assert main(["allocate", "--db", str(db), "--date", "2026-03-31", "--cap", "5"]) == 2
    captured = capsys.readouterr()
    assert "children_in_care" in captured.err and "child-secret" not in captured.err + captured.out
    assert "Traceback" not in captured.err


def test_nothing_to_move_at_a_generous_cap(councils, capsys):
    _, db = councils.loaded(size="tiny", seed=1)
    assert main(["allocate", "--db", str(db), "--date", "2026-03-31", "--cap", "40", "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["moves"] == [] and r["children_moved"] == 0 and r["status"] == "OPTIMAL"


def test_split_keeps_under_cap_workers_children_in_place():
    p = Problem([Worker("a", cap=2, service="s"), Worker("b", cap=1, service="s")],
                [Child("1", "s", current="a"), Child("2", "s", current="b"), Child("3", "s", current="b")])
    movable, fixed, over = split(p)
    assert over == {"b"} and {c.id for c in movable} == {"2", "3"} and {c.id for c in fixed} == {"1"}


def test_a_plan_is_never_worse_than_no_change_on_a_pressure_council(councils):
    """Issue 19: (1) total overload and (2) workers over cap after are at most those of the loads before."""
    from casewatch import standards
    from casewatch.measures.run import council_context
    from casewatch.measures.scope import attach, scope
    from casewatch.workforce.allocate import loads

    _, db = councils.loaded(size="tiny", seed=1, scenario="pressure")
    std = standards.load(None)
    con = attach(str(db))
    try:
        scope(con, council_context(con, None, None, None).council_id)
        for cap in (12, 18):
            p = build_problem(con, ON, cap, float(std["caseload"]["asye_factor"]), std["caseload"]["weights"])
            sol = solve(p, time_limit=5)
            before = loads(p)["workers"].values()
            after = loads(p, sol.assignment)["workers"].values()
            total = round(sum(max(0.0, w["weighted"] - w["cap"]) for w in after), 2)
            assert total == round(sol.total_overload, 2) and sum(w["over_cap"] for w in after) == sol.workers_over
            assert (total, sol.workers_over) <= (round(sol.candidate["total_overload"], 2),
                                                 sol.candidate["workers_over_cap"])
            if not any(c.current is None or c.current not in {w.id for w in p.workers} for c in p.children):
                assert total <= round(sum(max(0.0, w["weighted"] - w["cap"]) for w in before), 2) + 1e-9
                assert sol.workers_over <= sum(w["over_cap"] for w in before)
    finally:
        con.close()
