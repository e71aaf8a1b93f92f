"""The caseload balancer's CP-SAT model for one independent part of the problem.

Groups (children who must end together) and the workers they may go to form a bipartite graph; its connected
components share nothing (in practice, one per service), so each is modelled and solved on its own: the
largest overload of the whole is the largest of the parts, the move cost the sum. Integer data only: weights
and caps in 1/SCALE cases, worker ids, group indices; nothing here names a child.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

SOLVED = (cp_model.OPTIMAL, cp_model.FEASIBLE)


def components(options: list[list[str]]) -> list[list[int]]:
    """Group indices in connected components (groups linked through the workers they may go to)."""
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for opts in options:
        for w in opts[1:]:
            parent[find(w)] = find(opts[0])
    parts: dict[str, list[int]] = defaultdict(list)
    for g, opts in enumerate(options):
        parts[find(opts[0])].append(g)
    return sorted(parts.values(), key=lambda p: p[0])


class Part:
    """One component: x[g, w] = group g ends with worker w; the part's largest overload and move cost."""

    def __init__(self, groups: list[int], options, weights, costs, current, fixed, caps, start, num_workers,
                 params):
        self.groups, self.options, self.num_workers, self.params = groups, options, num_workers, params or {}
        m = self.model = cp_model.CpModel()
        self.x: dict[tuple[int, str], cp_model.IntVar] = {}
        self.by_worker: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for g in groups:
            for w in options[g]:
                self.x[g, w] = m.new_bool_var(f"x{g}_{w}")
                self.by_worker[w].append((g, weights[g]))
            m.add_exactly_one(self.x[g, w] for w in options[g])
        self.fixed, self.caps = fixed, caps
        constant = max([0] + [fixed.get(w, 0) - caps[w] for w in self.by_worker])
        start_load = {w: fixed.get(w, 0) for w in self.by_worker}
        for g in groups:
            start_load[start[g]] += weights[g]
            for w in options[g]:
                m.add_hint(self.x[g, w], w == start[g])
        upper = max([constant] + [start_load[w] - caps[w] for w in self.by_worker])  # the greedy plan's
        self.overload = m.new_int_var(constant, max(constant, upper), "max_overload")
        for w in self.by_worker:
            m.add(self.load(w) - caps[w] <= self.overload)
        terms = []
        for g in groups:
            if costs[g] and (g, current[g]) in self.x:
                terms.append(costs[g] * (1 - self.x[g, current[g]]))
            elif costs[g]:
                terms.append(costs[g])
        self.cost = sum(terms) if terms else 0
        self.solver: cp_model.CpSolver | None = None

    def load(self, w: str):
        return self.fixed.get(w, 0) + sum(wt * self.x[g, w] for g, wt in self.by_worker[w])

    def run(self, limit: float) -> tuple[cp_model.CpSolver, int]:
        s = cp_model.CpSolver()
        s.parameters.max_time_in_seconds = max(0.05, limit)
        s.parameters.num_workers = self.num_workers
        s.parameters.random_seed = 0
        for key, value in self.params.items():  # extra CP-SAT parameters (tuning, benchmarks)
            setattr(s.parameters, key, value)
        status = s.solve(self.model)
        if status in SOLVED:
            self._rehint(s)
            self.solver = s
        return s, status

    def _rehint(self, s: cp_model.CpSolver) -> None:
        self.model.clear_hints()
        for var in self.x.values():
            self.model.add_hint(var, bool(s.value(var)))

    def stage1(self, limit: float) -> dict:
        self.model.minimize(self.overload)
        s, st = self.run(limit)
        if st not in SOLVED:
            return {"status": s.status_name(st), "value": None, "bound": None, "seconds": s.wall_time}
        return {"status": s.status_name(st), "value": int(round(s.objective_value)),
                "bound": int(round(s.best_objective_bound)), "seconds": s.wall_time}

    def stage2(self, max_overload: int, limit: float) -> dict:
        self.model.add(self.overload <= max_overload)
        if isinstance(self.cost, int):
            return {"status": "OPTIMAL", "value": self.cost, "bound": self.cost, "seconds": 0.0}
        before = int(round(self.solver.value(self.cost)))
        self.model.minimize(self.cost)
        s, st = self.run(limit)
        if st not in SOLVED:  # keep stage 1's plan
            return {"status": s.status_name(st), "value": before, "bound": 0, "seconds": s.wall_time}
        return {"status": s.status_name(st), "value": int(round(s.objective_value)),
                "bound": int(round(s.best_objective_bound)), "seconds": s.wall_time}

    def stage3(self, move_cost: int, limit: float) -> dict:
        """Tie-break when the cap cannot be met: the same overload and move cost, the least total overload."""
        if not isinstance(self.cost, int):
            self.model.add(self.cost <= move_cost)
        terms = []
        for w, items in self.by_worker.items():
            top = max(0, self.fixed.get(w, 0) + sum(wt for _, wt in items) - self.caps[w])
            o = self.model.new_int_var(0, top, f"o_{w}")
            self.model.add(o >= self.load(w) - self.caps[w])
            terms.append(o)
        self.model.minimize(sum(terms))
        s, st = self.run(limit)
        return {"status": s.status_name(st), "value": s.objective_value if st in SOLVED else None,
                "bound": s.best_objective_bound, "seconds": s.wall_time}

    def chosen(self) -> dict[int, str]:
        s = self.solver
        return {g: next(w for w in self.options[g] if s.value(self.x[g, w])) for g in self.groups}
