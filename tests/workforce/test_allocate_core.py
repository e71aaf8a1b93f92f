"""The caseload balancer's pure core against brute force, and its hard rules (no database)."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

import pytest

from casewatch.workforce.allocate import (
    SCALE,
    Child,
    NoEligibleWorker,
    Problem,
    Worker,
    evaluate,
    loads,
    solve,
)

SERVICES = ("safeguarding", "children_in_care")


def brute_force(problem: Problem) -> tuple[int, int, int, int]:
    """The optimum by enumerating every assignment of the movable children, derived independently of the solver
    (over-cap workers' children, the unallocated and those of leavers move): lexicographically (1) the total
    overload above cap, summed over workers, (2) workers over cap, (3) the worst overload, (4) the move cost (1 a
    child, more than all others together for a child with 2+ changes; placing an unallocated child is free),
    among the assignments where no worker ends more over cap than the worst would with no change (every allocated
    child staying, the others placed for the least total overload, then the least worst). Overloads in 1/SCALE
    cases."""
    ids = {w.id for w in problem.workers}
    caps = {w.id: round(w.cap * SCALE) for w in problem.workers}
    load = defaultdict(float)
    for c in problem.children:
        load[c.current] += c.weight
    over = {w.id for w in problem.workers if round(load[w.id] * SCALE) > caps[w.id]}
    movable = [c for c in problem.children if c.current not in ids or c.current in over]
    choices = [[w.id for w in problem.workers if w.service == c.service or w.id == c.current] for c in movable]
    light = sum(1 for c in movable if c.current is not None and c.changes < problem.heavy_changes)
    best, no_change, plans = None, None, []
    for combo in itertools.product(*choices):
        a = dict(zip([c.id for c in movable], combo, strict=True))
        ok = True
        for c1, c2 in itertools.combinations(movable, 2):  # siblings sharing a worker (or both unallocated)
            if c1.family and c1.family == c2.family and c1.current == c2.current and (
                    c1.current in ids or c1.service == c2.service) and a[c1.id] != a[c2.id]:
                ok = False
                break
        if ok:
            after = defaultdict(int)
            cost = 0
            for c in problem.children:
                w = a.get(c.id, c.current)
                after[w] += round(c.weight * SCALE)
                if w != c.current and c.current is not None:
                    cost += light + 1 if c.changes >= problem.heavy_changes else 1
            overs = [max(0, after[w] - caps[w]) for w in caps]
            value = (sum(overs), sum(1 for o in overs if o > 0), max(overs), cost)
            plans.append(value)
            if all(a[c.id] == c.current for c in movable if c.current in ids):
                pair = (sum(overs), max(overs))
                no_change = pair if no_change is None or pair < no_change else no_change
    for value in plans:
        if value[2] <= no_change[1]:
            best = value if best is None or value < best else best
    return best


def random_problem(seed: int) -> Problem:
    rng = random.Random(seed)
    workers = []
    for i in range(rng.randint(3, 4)):
        asye = rng.random() < 0.3
        fte = rng.choice((1.0, 1.0, 0.6))
        workers.append(Worker(f"w{i}", cap=round(rng.choice((2, 3, 4, 5, 6)) * fte * (0.8 if asye else 1.0), 2),
                              service=SERVICES[i % 2], team=f"t{i % 2}", fte=fte, asye=asye))
    children = []
    n = 0
    families = ["f1", "f2", None, None, None]
    target = rng.randint(7, 10)
    while len(children) < target:
        cur = rng.choice([None] + [w.id for w in workers] * 2)
        service = next((w.service for w in workers if w.id == cur), rng.choice(SERVICES))
        if rng.random() < 0.15:
            service = rng.choice(SERVICES)  # a case type the holder's service does not serve
        fam = rng.choice(families)
        for _ in range(2 if fam and rng.random() < 0.5 else 1):
            children.append(Child(f"c{n}", service, weight=rng.choice((1.0, 1.5, 0.5)), current=cur,
                                  changes=rng.choice((0, 0, 1, 2, 3)), family=fam, case_type="cin"))
            n += 1
    return Problem(workers, children)


@pytest.mark.parametrize("seed", range(16))
def test_the_solver_finds_the_brute_force_optimum(seed):
    problem = random_problem(seed)
    expected = brute_force(problem)
    got = solve(problem, time_limit=10)
    assert got.status == "OPTIMAL"
    assert (round(got.total_overload * SCALE), got.workers_over, round(got.max_overload * SCALE), got.move_cost) \
        == expected
    assert evaluate(problem, got.assignment) == (expected[2], expected[3])
    assert got.gap == 0
    # never worse than no change: every allocated child staying (and the rest placed) is a candidate
    cand = got.candidate
    assert (round(cand["total_overload"] * SCALE), cand["workers_over_cap"]) >= expected[:2]


def test_caps_are_met_when_they_can_be_and_asye_caps_are_protected():
    workers = [Worker("a", cap=3, service="safeguarding"), Worker("n", cap=2.4, service="safeguarding", asye=True),
               Worker("b", cap=3, service="safeguarding")]
    children = [Child(f"c{i}", "safeguarding", current="a") for i in range(5)]
    children += [Child("u1", "safeguarding", weight=1.5), Child("u2", "safeguarding")]
    sol = solve(Problem(workers, children))
    assert sol.status == "OPTIMAL" and sol.max_overload == 0
    after = loads(Problem(workers, children), sol.assignment)["workers"]
    assert all(w["weighted"] <= w["cap"] for w in after.values())
    assert after["n"]["weighted"] <= 2.4
    assert sol.children_moved == 2  # a keeps 3, two move; the two unallocated are placements
    assert sol.children_placed == 2
    assert {m.why for m in sol.moves} == {"over cap", "unallocated"}


def test_an_infeasible_cap_leaves_the_least_overload_on_the_fewest_workers():
    workers = [Worker("a", cap=2, service="safeguarding"), Worker("b", cap=2, service="safeguarding")]
    children = [Child(f"c{i}", "safeguarding", current="a") for i in range(5)] + [Child("u", "safeguarding")]
    sol = solve(Problem(workers, children))
    # 6 cases, 4 places: 2 over in total, on one worker (fewest over before the worst), with one move
    assert sol.status == "OPTIMAL" and sol.total_overload == 2 and sol.workers_over == 1
    assert sol.max_overload == 2 and sol.bound_overload == 2
    after = loads(Problem(workers, children), sol.assignment)["workers"]
    assert sorted(w["cases"] for w in after.values()) == [2, 4]
    assert sol.children_moved == 1 and sol.candidate["total_overload"] == 3  # a keeps 5, u goes to b


def test_no_eligible_worker_names_the_service_and_no_child():
    workers = [Worker("a", cap=5, service="safeguarding")]
    children = [Child("secret-child-id", "children_in_care")]
    with pytest.raises(NoEligibleWorker) as exc:
        solve(Problem(workers, children))
    assert "children_in_care" in str(exc.value) and "secret-child-id" not in str(exc.value)


def test_a_child_held_outside_their_service_may_stay_but_only_moves_within_it():
    workers = [Worker("a", cap=1, service="safeguarding"), Worker("b", cap=5, service="safeguarding"),
               Worker("c", cap=5, service="children_in_care")]
    children = [Child("x", "children_in_care", current="a"), Child("y", "safeguarding", current="a")]
    sol = solve(Problem(workers, children))
    assert sol.max_overload == 0 and sol.children_moved == 1
    assert sol.assignment["x"] in ("a", "c") and sol.assignment["y"] in ("a", "b")


def test_siblings_who_share_a_worker_move_together_and_unallocated_siblings_are_placed_together():
    workers = [Worker("a", cap=3, service="safeguarding"), Worker("b", cap=2, service="safeguarding"),
               Worker("c", cap=2, service="safeguarding")]
    children = [Child("s1", "safeguarding", current="a", family="f"), Child("s2", "safeguarding", current="a",
                                                                             family="f"),
                Child("o1", "safeguarding", current="a"), Child("o2", "safeguarding", current="a"),
                Child("u1", "safeguarding", family="g"), Child("u2", "safeguarding", family="g")]
    sol = solve(Problem(workers, children))
    assert sol.max_overload == 0
    assert sol.assignment["s1"] == sol.assignment["s2"]
    assert sol.assignment["u1"] == sol.assignment["u2"]
    whys = {m.child: m.why for m in sol.moves}
    assert whys.get("u2") == "sibling of u1"


def test_a_child_with_two_changes_stays_when_another_child_can_move():
    workers = [Worker("a", cap=2, service="safeguarding"), Worker("b", cap=5, service="safeguarding")]
    children = [Child("churned", "safeguarding", current="a", changes=2),
                Child("p", "safeguarding", current="a", changes=1), Child("q", "safeguarding", current="a")]
    sol = solve(Problem(workers, children))
    assert sol.assignment["churned"] == "a"
    assert sol.children_moved == 1 and sol.move_cost == 1


def test_a_child_with_two_changes_moves_when_nothing_else_works():
    # the other child is in care, and no other worker serves children in care: only the churned child can go
    workers = [Worker("a", cap=1, service="safeguarding"), Worker("b", cap=5, service="safeguarding")]
    children = [Child("churned", "safeguarding", current="a", changes=3),
                Child("cic", "children_in_care", current="a")]
    sol = solve(Problem(workers, children))
    assert sol.max_overload == 0 and sol.children_moved == 1
    assert sol.assignment["churned"] == "b" and sol.assignment["cic"] == "a"


def test_children_of_a_worker_who_left_are_placed():
    workers = [Worker("b", cap=5, service="safeguarding")]
    children = [Child("x", "safeguarding", current="gone")]
    sol = solve(Problem(workers, children))
    assert sol.assignment["x"] == "b" and sol.moves[0].why == "worker left" and sol.children_placed == 1
