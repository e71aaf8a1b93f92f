"""Caseload balancer: a pure core (no database) that proposes who should hold which child.

A ``Problem`` lists the case-holding workers who can receive cases (each with a weighted cap and the service of
their team) and the children the balancer may look at: those held by these workers, the unallocated, and those
still held by someone who has left. ``solve`` decides which children are movable — the unallocated, those of a
worker who has left, and every child of a worker over their cap; children of workers at or under their cap stay
put and only count toward load — and builds a CP-SAT model over the movable ones only.

Constraints (hard): every movable child ends with exactly one worker; a child goes only to a worker whose team
serves the child's case type (or stays with their current worker); siblings (same family) who share a worker now
end with the same worker, and unallocated siblings (of one service) are placed together.

Objective, in this order (two CP-SAT solves, the second with the first's optimum fixed):

1. the largest overload over workers, max(0, weighted load - cap), as small as possible (0 when every cap can be
   met: caps are hard where feasible);
2. the move cost: 1 for each allocated child who changes worker, ``heavy_penalty`` (more than every other
   possible move together) for a child who has already had ``heavy_changes`` or more changes of worker in the
   last 12 months. Placing an unallocated child costs nothing.

Only when the cap cannot be met, a third solve (a tie-break outside the stated objective) holds both and
minimises the total overload. Parts of the problem that share no worker (allocate_model.components) are
solved separately. Weights and caps are scaled to integers (``SCALE`` = 100ths of a case). Nothing here logs
or raises with a child's identifier in it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from casewatch.workforce.allocate_greedy import greedy
from casewatch.workforce.allocate_model import Part, components

SCALE = 100
HEAVY_CHANGES = 2


class NoEligibleWorker(Exception):  # noqa: N818 - reads as a message: "no eligible worker"
    """Some children have no worker they may go to (no case holder in their service)."""

    def __init__(self, service: str, children: int):
        self.service, self.children = service, children
        super().__init__(f"no case-holding worker in the {service} service can take {children} "
                         f"child{'ren' if children != 1 else ''} who must be allocated")


@dataclass(frozen=True)
class Worker:
    id: str
    cap: float  # weighted cases: cap x FTE (x the ASYE factor)
    service: str | None = None  # the service of the worker's team; None receives no new cases
    team: str | None = None
    fte: float = 1.0
    asye: bool = False


@dataclass(frozen=True)
class Child:
    id: str
    service: str
    weight: float = 1.0
    current: str | None = None  # worker holding the case now; None when unallocated
    changes: int = 0  # changes of worker in the last 12 months
    family: str | None = None
    case_type: str = ""


@dataclass
class Problem:
    workers: list[Worker]
    children: list[Child]
    heavy_changes: int = HEAVY_CHANGES


@dataclass(frozen=True)
class Move:
    child: str
    case_type: str
    from_worker: str | None  # None: unallocated
    to_worker: str
    why: str


@dataclass
class Solution:
    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE or UNKNOWN
    assignment: dict[str, str]  # every child of the problem -> worker after (None only if no solution)
    moves: list[Move]
    max_overload: float  # weighted cases over cap, the worst worker after
    move_cost: int
    children_moved: int  # allocated children who change worker
    children_placed: int  # unallocated (or left-behind) children given a worker
    bound_overload: float
    bound_move_cost: int
    gap: float  # relative gap of the stage not proven optimal (0 when both are)
    seconds: float
    movable: int = 0
    stages: list[dict] = field(default_factory=list)


def scaled(x: float) -> int:
    return int(round(x * SCALE))


def split(problem: Problem) -> tuple[list[Child], list[Child], set[str]]:
    """(movable children, children who stay put, ids of workers over their cap now)."""
    by_id = {w.id: w for w in problem.workers}
    load: dict[str, int] = defaultdict(int)
    for c in problem.children:
        if c.current in by_id:
            load[c.current] += scaled(c.weight)
    over = {w.id for w in problem.workers if load[w.id] > scaled(w.cap)}
    movable = [c for c in problem.children if c.current is None or c.current not in by_id or c.current in over]
    fixed = [c for c in problem.children if not (c.current is None or c.current not in by_id or c.current in over)]
    return movable, fixed, over


def eligible(problem: Problem, child: Child) -> list[str]:
    """Workers the child may end with: those of the child's service, and the current worker if still receiving."""
    return [w.id for w in problem.workers if w.service == child.service or w.id == child.current]


def groups(problem: Problem, movable: list[Child]) -> list[list[Child]]:
    """Children who must end with one worker: siblings sharing a worker now, unallocated siblings of a service."""
    ids = {w.id for w in problem.workers}
    keyed: dict[tuple, list[Child]] = defaultdict(list)
    for c in movable:
        if c.family is None:
            keyed[("child", c.id)].append(c)
        else:
            stays_possible = c.current in ids
            keyed[("family", c.family, c.current, None if stays_possible else c.service)].append(c)
    return [sorted(g, key=lambda c: c.id) for _, g in sorted(keyed.items(), key=lambda kv: str(kv[0]))]


def group_eligible(problem: Problem, group: list[Child]) -> list[str]:
    common = None
    for c in group:
        e = set(eligible(problem, c))
        common = e if common is None else common & e
    return [w.id for w in problem.workers if w.id in (common or set())]


def move_cost_of(problem: Problem, child: Child, penalty: int) -> int:
    if child.current is None:
        return 0
    return penalty if child.changes >= problem.heavy_changes else 1


def heavy_penalty(problem: Problem, movable: list[Child]) -> int:
    """More than moving every other allocated movable child: a heavy child moves only if nothing else works."""
    return 1 + sum(1 for c in movable if c.current is not None and c.changes < problem.heavy_changes)


def evaluate(problem: Problem, assignment: dict[str, str]) -> tuple[int, int]:
    """(max overload in 1/SCALE cases, move cost) of a complete assignment (child -> worker)."""
    movable, _fixed, _over = split(problem)
    penalty = heavy_penalty(problem, movable)
    load: dict[str, int] = defaultdict(int)
    cost = 0
    for c in problem.children:
        w = assignment.get(c.id, c.current)
        load[w] += scaled(c.weight)
        if w != c.current:
            cost += move_cost_of(problem, c, penalty)
    overload = max([0] + [load[w.id] - scaled(w.cap) for w in problem.workers])
    return overload, cost


def _check(problem: Problem, gs: list[list[Child]]) -> list[list[str]]:
    options = []
    missing: dict[str, int] = defaultdict(int)
    for g in gs:
        opts = group_eligible(problem, g)
        if not opts:
            for c in g:
                missing[c.service] += 1
        options.append(opts)
    if missing:
        service = sorted(missing)[0]
        raise NoEligibleWorker(service, missing[service])
    return options


def solve(problem: Problem, time_limit: float = 10.0, num_workers: int = 2, params: dict | None = None) -> Solution:
    """Propose an allocation: lexicographically minimal (max overload, move cost). Raises NoEligibleWorker."""
    started = time.perf_counter()
    movable, fixed, over = split(problem)
    gs = groups(problem, movable)
    options = _check(problem, gs)
    penalty = heavy_penalty(problem, movable)
    fixed_load: dict[str, int] = defaultdict(int)
    for c in fixed:
        fixed_load[c.current] += scaled(c.weight)
    caps = {w.id: scaled(w.cap) for w in problem.workers}
    weights = [sum(scaled(c.weight) for c in g) for g in gs]
    current = [g[0].current for g in gs]
    costs = [sum(move_cost_of(problem, c, penalty) for c in g) for g in gs]
    start = greedy(options, weights, current, fixed_load, caps)
    constant = max([0] + [fixed_load[w.id] - caps[w.id] for w in problem.workers])
    parts = [Part(comp, options, weights, costs, current, fixed_load, caps, start, num_workers, params)
             for comp in components(options)]
    sizes = [max(1, len(p.x)) for p in parts]

    def budget(share: float, i: int, stage_started: float) -> float:
        """This part's slice of the stage's share of the time left, by model size; what a part leaves, the next
        may use."""
        stage_time = share * (time_limit - (stage_started - started))
        left = stage_time - (time.perf_counter() - stage_started)
        return left * sizes[i] / sum(sizes[i:])

    stages: list[dict] = []
    t = time.perf_counter()
    r1 = [p.stage1(budget(0.5, i, t)) for i, p in enumerate(parts)]
    if any(r["value"] is None for r in r1):
        bad = next(r["status"] for r in r1 if r["value"] is None)
        return Solution("INFEASIBLE" if bad == "INFEASIBLE" else "UNKNOWN", {}, [], 0.0, 0, 0, 0, 0.0, 0, 1.0,
                        time.perf_counter() - started, len(movable))
    best_over = max([constant] + [r["value"] for r in r1])
    bound_over = max([constant] + [r["bound"] for r in r1])
    stages.append(_stage("max_overload", r1, best_over / SCALE, bound_over / SCALE))
    t = time.perf_counter()
    # each part (in practice each service) keeps its own smallest overload: a service that cannot meet the cap
    # does not license overload in one that can ("every worker at or under the cap when that is feasible")
    r2 = [p.stage2(r["value"], budget(0.7 if best_over > 0 else 1.0, i, t))
          for i, (p, r) in enumerate(zip(parts, r1, strict=True))]
    best_cost, bound_cost = sum(r["value"] for r in r2), sum(r["bound"] for r in r2)
    stages.append(_stage("move_cost", r2, best_cost, bound_cost))
    if best_over > 0:  # tie-break (not part of the stated objective): as little overload in total as possible
        t = time.perf_counter()
        r3 = [p.stage3(r["value"], budget(1.0, i, t)) for i, (p, r) in enumerate(zip(parts, r2, strict=True))]
        stages.append(_stage("total_overload (tie-break)", r3, None, None))

    assignment: dict[str, str] = {c.id: c.current for c in fixed}
    for p in parts:
        for gi, w in p.chosen().items():
            for c in gs[gi]:
                assignment[c.id] = w
    moves = _moves(gs, assignment, over, {w.id for w in problem.workers})
    over_after, cost_after = evaluate(problem, assignment)
    optimal = all(r["status"] == "OPTIMAL" for r in r1 + r2)
    gap1 = (best_over - bound_over) / max(1, abs(best_over))
    gap2 = (best_cost - bound_cost) / max(1, abs(best_cost))
    return Solution(
        status="OPTIMAL" if optimal else "FEASIBLE", assignment=assignment, moves=moves,
        max_overload=over_after / SCALE, move_cost=cost_after,
        children_moved=sum(1 for mv in moves if mv.from_worker is not None and mv.why != "worker left"),
        children_placed=sum(1 for mv in moves if mv.from_worker is None or mv.why == "worker left"),
        bound_overload=bound_over / SCALE, bound_move_cost=bound_cost, gap=0.0 if optimal else max(gap1, gap2),
        seconds=time.perf_counter() - started, movable=len(movable), stages=stages)


def _stage(name: str, results: list[dict], objective, bound) -> dict:
    statuses = {r["status"] for r in results}
    status = "OPTIMAL" if statuses <= {"OPTIMAL"} else "FEASIBLE" if statuses <= {"OPTIMAL", "FEASIBLE"} else \
        "INCOMPLETE"
    if objective is None:
        objective = sum(r["value"] or 0 for r in results) / SCALE
        bound = sum(r["bound"] or 0 for r in results) / SCALE
    return {"stage": name, "status": status, "objective": objective, "best_bound": bound, "parts": len(results),
            "seconds": round(sum(r["seconds"] for r in results), 3)}


def _moves(gs: list[list[Child]], assignment: dict[str, str], over: set[str], ids: set[str]) -> list[Move]:
    moves = []
    for g in gs:
        first = None
        for c in g:
            to = assignment[c.id]
            if to == c.current:
                continue
            if first is not None:
                why = f"sibling of {first}"
            elif c.current is None:
                why = "unallocated"
            elif c.current not in ids:
                why = "worker left"
            else:
                why = "over cap"
            first = first or c.id
            moves.append(Move(c.id, c.case_type, c.current, to, why))
    return sorted(moves, key=lambda mv: (mv.to_worker, mv.child))


def loads(problem: Problem, assignment: dict[str, str] | None = None) -> dict:
    """Per worker and per team: cases and weighted load (with cap), before (None) or after an assignment."""
    workers = {w.id: {"team": w.team, "service": w.service, "cap": w.cap, "fte": w.fte, "asye": w.asye,
                      "cases": 0, "weighted": 0.0} for w in problem.workers}
    for c in problem.children:
        w = c.current if assignment is None else assignment.get(c.id, c.current)
        if w in workers:
            workers[w]["cases"] += 1
            workers[w]["weighted"] += c.weight
    teams: dict[str, dict] = {}
    for w in workers.values():
        w["weighted"] = round(w["weighted"], 2)
        w["over_cap"] = scaled(w["weighted"]) > scaled(w["cap"])
        t = teams.setdefault(w["team"] or "no team", {"service": w["service"], "workers": 0, "cases": 0,
                                                      "weighted": 0.0, "cap": 0.0, "over_cap": 0})
        t["workers"] += 1
        t["cases"] += w["cases"]
        t["weighted"] = round(t["weighted"] + w["weighted"], 2)
        t["cap"] = round(t["cap"] + w["cap"], 2)
        t["over_cap"] += int(w["over_cap"])
    unallocated = sum(1 for c in problem.children
                      if (c.current if assignment is None else assignment.get(c.id, c.current)) not in workers)
    return {"workers": workers, "teams": teams, "unallocated": unallocated}
