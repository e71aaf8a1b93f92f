"""Caseload balancer: a pure core (no database) that proposes who should hold which child.

A ``Problem`` lists the case-holding workers who can receive cases (each with a weighted cap and the service of
their team) and the children the balancer may look at: those held by these workers, the unallocated, and those
still held by someone who has left. ``solve`` decides which children are movable — the unallocated, those of a
worker who has left, and every child of a worker over their cap; children of workers at or under their cap stay
put and only count toward load.

Constraints (hard): every movable child ends with exactly one worker; a child goes only to a worker whose team
serves the child's case type (or stays with their current worker); siblings (same family) who share a worker now
end with the same worker, and unallocated siblings (of one service) are placed together; no worker ends more
over cap than the worst would be with no change.

Objective, lexicographic (issue 19): (1) the weighted overload above cap, summed over workers; (2) workers over
cap; (3) the worst overload; (4) the move cost: 1 for each allocated child who changes worker, ``heavy_penalty``
(more than every other possible move together) for a child who has already had ``heavy_changes`` or more
changes of worker in the last 12 months; placing an unallocated child costs nothing. Solved as integer flows of
classes of indistinguishable children with HiGHS, stage by stage (allocate_flow.py, decision 0019); the "no
change" plan is always a candidate, so a plan is never worse than doing nothing. Weights and caps are scaled to
integers (``SCALE`` = 100ths of a case). Nothing here logs or raises with a child's identifier in it. (The CP-SAT
model of issue 5, one Boolean per child and worker, was removed: it built 2.4-11 s of model before solving and
found no plan for a medium council in 10 s: docs/decisions/0019.)
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

SCALE = 100
HEAVY_CHANGES = 2
OBJECTIVE_ORDER = ("lexicographic: (1) weighted overload above cap, summed over workers; (2) workers over cap; "
                   "(3) the worst overload; (4) changes of social worker (a child with 2+ changes in 12 months "
                   "costs more than all other moves together)")


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
    # issue 19: the lexicographic objective (total overload, workers over cap, max overload, move cost)
    total_overload: float = 0.0  # weighted cases over cap, summed over workers
    workers_over: int = 0
    bound_total_overload: float = 0.0
    bound_workers_over: int = 0
    candidate: dict = field(default_factory=dict)  # the "no change" plan's objective (every allocated child stays)
    model: dict = field(default_factory=dict)  # classes, variables, rows, nonzeros
    build_seconds: float = 0.0
    objective_order: str = OBJECTIVE_ORDER


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
    """Propose an allocation, lexicographically minimal in (total overload, workers over cap, max overload, move
    cost), as integer flows of classes of indistinguishable children (allocate_flow). Never worse than the "no
    change" plan. Raises NoEligibleWorker. ``num_workers`` and ``params`` are accepted for the callers' sake and
    unused: HiGHS's MIP search is serial."""
    import numpy as np

    from casewatch.workforce.allocate_flow import FlowModel

    started = time.perf_counter()
    movable, fixed, over = split(problem)
    gs = groups(problem, movable)
    penalty = heavy_penalty(problem, movable)
    index = {w.id: i for i, w in enumerate(problem.workers)}
    by_service: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(problem.workers):
        if w.service is not None:
            by_service[w.service].append(i)
    options: dict[tuple, np.ndarray] = {}
    classes: dict[tuple, list[int]] = defaultdict(list)
    missing: dict[str, int] = defaultdict(int)
    for gi, g in enumerate(gs):
        services = tuple(sorted({c.service for c in g}))
        cur = index.get(g[0].current, -1)
        okey = (services, cur)
        if okey not in options:  # a worker has one service: a group of two services can only stay
            common = set(by_service.get(services[0], ())) if len(services) == 1 else set()
            if cur >= 0:
                common.add(cur)
            options[okey] = np.array(sorted(common), dtype=np.int64)
        if not len(options[okey]):
            for c in g:
                missing[c.service] += 1
            continue
        classes[okey + (sum(scaled(c.weight) for c in g), sum(move_cost_of(problem, c, penalty) for c in g))] \
            .append(gi)
    if missing:
        service = sorted(missing)[0]
        raise NoEligibleWorker(service, missing[service])
    assignment: dict[str, str] = {c.id: c.current for c in fixed}
    keys = sorted(classes, key=lambda k: (k[1], k[0], k[2], k[3]))
    fixed_load = np.zeros(len(problem.workers), dtype=np.int64)
    for c in fixed:
        fixed_load[index[c.current]] += scaled(c.weight)
    caps = np.array([scaled(w.cap) for w in problem.workers], dtype=np.int64)
    if not keys:
        over_now = np.maximum(0, fixed_load - caps)
        return Solution("OPTIMAL", assignment, [], over_now.max(initial=0) / SCALE, 0, 0, 0,
                        over_now.max(initial=0) / SCALE, 0, 0.0, time.perf_counter() - started, 0,
                        total_overload=over_now.sum() / SCALE, workers_over=int((over_now > 0).sum()))
    fm = FlowModel([len(classes[k]) for k in keys], [k[2] for k in keys], [k[3] for k in keys],
                   [k[1] for k in keys], [options[k[:2]] for k in keys], fixed_load, caps)
    # 5% held back for HiGHS overrunning a stage's limit and for reading the answer: the whole call within the limit
    r = fm.solve(max(0.1, 0.95 * time_limit - (time.perf_counter() - started)))
    y = r["y"]
    # units to workers: in each class the first units (in child order) stay, the rest go where the flows say
    order = np.lexsort((fm.pw_all, ~fm.stay, fm.pk))
    queues = [list(classes[k]) for k in keys]
    for j in order[y[order] > 0]:
        to = problem.workers[int(fm.pw_all[j])].id
        for _ in range(int(y[j])):
            for c in gs[queues[fm.pk[j]].pop(0)]:
                assignment[c.id] = to
    moves = _moves(gs, assignment, over, set(index))
    total, count, worst, cost = r["metrics"]
    stages = [{**st, "parts": 1} for st in r["stages"]]
    for st in stages:  # weighted cases, not hundredths
        if st["stage"] in ("no change (candidate)", "total_overload", "max_overload"):
            st["objective"] = st["objective"] / SCALE
            st["best_bound"] = None if st["best_bound"] is None else st["best_bound"] / SCALE
    bounds = {st["stage"]: st["best_bound"] for st in stages}
    optimal = all(st["status"] == "OPTIMAL" for st in stages[1:])
    gaps = [(st["objective"] - st["best_bound"]) / max(1.0, abs(st["objective"]))
            for st in stages[1:] if st["best_bound"] is not None]
    gap = 0.0 if optimal else max(gaps + [0.0] if len(gaps) == 4 else gaps + [1.0])

    def bound_or(name: str, value):
        return value if bounds.get(name) is None else bounds[name]

    cand = r["candidate"]
    return Solution(
        status="OPTIMAL" if optimal else "FEASIBLE", assignment=assignment, moves=moves,
        max_overload=worst / SCALE, move_cost=cost,
        children_moved=sum(1 for mv in moves if mv.from_worker is not None and mv.why != "worker left"),
        children_placed=sum(1 for mv in moves if mv.from_worker is None or mv.why == "worker left"),
        bound_overload=bound_or("max_overload", 0.0), bound_move_cost=int(bound_or("move_cost", 0)), gap=gap,
        seconds=time.perf_counter() - started, movable=len(movable), stages=stages,
        total_overload=total / SCALE, workers_over=count,
        bound_total_overload=bound_or("total_overload", 0.0), bound_workers_over=int(bound_or("workers_over_cap", 0)),
        candidate={"total_overload": cand[0] / SCALE, "workers_over_cap": cand[1], "max_overload": cand[2] / SCALE,
                   "move_cost": cand[3]},
        model=fm.size(), build_seconds=fm.build_seconds)


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
