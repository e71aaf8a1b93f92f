"""A balancing plan for one day: the problem from the database, the solver's answer, and the summary managers
read (moves, workers and teams before and after, how close to optimal). Used by `casewatch allocate` and the
dashboard's balancer page."""

from __future__ import annotations

from datetime import date

from casewatch.errors import CasewatchError
from casewatch.workforce import allocate_data
from casewatch.workforce.allocate import NoEligibleWorker, Problem, Solution, loads, solve
from casewatch.workforce.shortfall import sentence, shortfall


class PlanError(CasewatchError):
    """No plan can be made as asked (no workers, no eligible worker, or the solver ran out of time)."""


def propose(con, on: date, std: dict, cap: float | None = None, time_limit: float = 10.0,
            threads: int = 2) -> dict:
    """The plan on ``on`` for the scoped council on ``con`` (see ``summary`` for its keys)."""
    cap = float(std["caseload"]["cap"]) if cap is None else cap
    problem = allocate_data.build_problem(con, on, cap, float(std["caseload"]["asye_factor"]), std["caseload"]["weights"])
    if not problem.workers:
        raise PlanError(f"no case-holding worker in post on {on}")
    try:
        sol = solve(problem, time_limit=time_limit, num_workers=max(1, threads))
    except NoEligibleWorker as exc:
        raise PlanError(str(exc)) from None
    if sol.status in ("INFEASIBLE", "UNKNOWN"):
        short = sentence(shortfall(problem, cap))
        raise PlanError((f"{short} " if short else "") + f"The solver found no plan in {time_limit:g} s (status "
                        f"{sol.status}); try a longer time limit")
    return summary(problem, sol, cap, on)


def summary(problem: Problem, sol: Solution, cap: float, on: date) -> dict:
    """The JSON-ready result: moves, before/after distributions, objective, bound, gap, timing."""
    before, after = loads(problem), loads(problem, sol.assignment)
    over_after = [w for w in after["workers"].values() if w["over_cap"]]
    worst = max((w["weighted"] - w["cap"] for w in over_after), default=0.0)
    message = None
    if sol.max_overload > 0:
        message = (f"cap {cap:g} cannot be met: the best plan leaves {len(over_after)} worker"
                   f"{'s' if len(over_after) != 1 else ''} over, the worst by {worst:.2f} weighted cases")
    short = shortfall(problem, cap)
    return {
        "date": on.isoformat(), "cap": cap, "status": sol.status, "message": message,
        "shortfall": short, "shortfall_message": sentence(short),
        "moves": [{"child": m.child, "case_type": m.case_type, "from": m.from_worker or "unallocated",
                   "to": m.to_worker, "why": m.why} for m in sol.moves],
        "before": before, "after": after,
        "max_weighted_load_after": max((w["weighted"] for w in after["workers"].values()), default=0.0),
        "max_overload_after": sol.max_overload,
        "workers_over_cap_before": sum(1 for w in before["workers"].values() if w["over_cap"]),
        "workers_over_cap_after": len(over_after),
        "children_moved": sol.children_moved, "children_placed": sol.children_placed,
        "children_considered": sol.movable,
        "objective": {"max_overload": sol.max_overload, "move_cost": sol.move_cost,
                      "total_overload": sol.total_overload, "workers_over_cap": sol.workers_over},
        "best_bound": {"max_overload": sol.bound_overload, "move_cost": sol.bound_move_cost,
                       "total_overload": sol.bound_total_overload, "workers_over_cap": sol.bound_workers_over},
        "objective_order": sol.objective_order,
        "no_change": sol.candidate,  # every allocated child stays (the rest placed): never better than the plan
        "gap_message": None if sol.status == "OPTIMAL" else
        (f"not proven best in {sol.seconds:.0f} s: gap {sol.gap:.1%}; bounds: total overload "
         f"{sol.bound_total_overload:g}, workers over cap {sol.bound_workers_over}, worst overload "
         f"{sol.bound_overload:g}, move cost {sol.bound_move_cost}"),
        "model": sol.model,
        "optimality_gap": round(sol.gap, 6), "solve_seconds": round(sol.seconds, 3), "stages": sol.stages,
    }
