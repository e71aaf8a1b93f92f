"""The caseload balancer as integer flows between workers, solved with HiGHS (scipy.optimize.milp), in stages.

Children who are indistinguishable to the objective — the same current worker, the same workers they may go to
(their service), the same weight and the same move cost (which carries the "2+ changes" flag) — form a *class*;
a sibling group that must stay whole is one unit of its own class (classes of identical sibling groups merge
too). The model decides how many units of class k end with worker w: y[k, w], an integer in [0, n_k] for each
worker the class may go to (its service's workers and its current worker). Integer data only: weights and caps in
1/SCALE cases, worker indices, class indices; nothing here names a child.

Variables: y (integer flows), o_w >= 0 (overload of worker w, continuous: at an optimum it is an integer),
b_w in {0, 1} (worker w over cap), z (the worst overload). Rows: each class is placed exactly (sum_w y = n_k);
fixed_w + sum_k wt_k y[k, w] - o_w <= cap_w; o_w <= M_w b_w (M_w: the most w could be over); o_w <= z.

Lexicographic objective, solved in four stages; each stage's best value (integer, in 1/SCALE cases or counts) is
fixed with a half-unit tolerance — so exactly — before the next:

1. total overload, sum_w o_w;
2. workers over cap, sum_w b_w;
3. the worst overload, z;
4. the move cost, sum_k cost_k (n_k - y[k, current_k]).

A fifth solve, first, is the "no change" candidate: every allocated unit stays, and the unallocated and the
children of leavers are placed minimising stage 1 alone. Its worst overload bounds every stage: no worker ends
more over cap than the worst would be with no change (else stage 2 piles the excess on a few workers). The answer is the lexicographically best of the candidate and every
stage's incumbent, so a plan is never worse than no change, even when a stage runs out of time.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, csr_matrix, vstack

STAGES = ("total_overload", "workers_over_cap", "max_overload", "move_cost")


@contextlib.contextmanager
def _quiet_stdout():
    """HiGHS (C++) sometimes prints a diagnostic line on file descriptor 1 even with output off; keep it off
    stdout, where `casewatch allocate --format json` writes its answer."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no stdout descriptor to protect
        yield
        return
    try:
        os.dup2(2, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class FlowModel:
    """``n``, ``wt``, ``cost``: per class (units, weight of one unit, move cost of one unit); ``cur``: the worker
    index the class is held by now (-1: unallocated, or a worker who has left); ``opts``: per class, the worker
    indices it may end with (including ``cur`` when the class may stay); ``fixed``, ``caps``: per worker."""

    def __init__(self, n, wt, cost, cur, opts: list[np.ndarray], fixed, caps):
        t = time.perf_counter()
        self.n, self.wt, self.cost, self.cur = (np.asarray(a, dtype=np.int64) for a in (n, wt, cost, cur))
        self.fixed, self.caps = np.asarray(fixed, dtype=np.int64), np.asarray(caps, dtype=np.int64)
        k = len(self.n)
        sizes = np.array([len(o) for o in opts], dtype=np.int64)
        self.pk = np.repeat(np.arange(k), sizes)  # class of each pair
        self.pw_all = np.concatenate(opts).astype(np.int64) if k else np.zeros(0, dtype=np.int64)  # worker
        used = np.unique(self.pw_all)  # workers anything may reach; the others keep their (fixed) load
        self.workers = used
        local = np.full(len(self.caps), -1, dtype=np.int64)
        local[used] = np.arange(len(used))
        self.pw = local[self.pw_all]  # worker of each pair, as a model worker index
        p, m = len(self.pk), len(used)
        self.p, self.m = p, m
        self.stay = self.pw_all == self.cur[self.pk]  # the pair that keeps a class where it is
        # the most each model worker could be over: fixed load plus everything that may come
        most = self.fixed[used] + np.bincount(self.pw, weights=(self.wt * self.n)[self.pk], minlength=m)
        self.big = np.maximum(0, most - self.caps[used]).astype(float)
        # variables: y (p) | o (m) | b (m) | z (1)
        self.nv = p + 2 * m + 1
        self.iy, self.io, self.ib, self.iz = 0, p, p + m, p + 2 * m
        pairs = np.arange(p)
        place = csr_matrix((np.ones(p), (self.pk, pairs)), shape=(k, self.nv))
        mo = np.arange(m)
        load = coo_matrix((np.concatenate([self.wt[self.pk].astype(float), -np.ones(m)]),
                           (np.concatenate([self.pw, mo]), np.concatenate([pairs, self.io + mo]))),
                          shape=(m, self.nv))
        link = coo_matrix((np.concatenate([np.ones(m), -self.big]), (np.concatenate([mo, mo]),
                                                                     np.concatenate([self.io + mo, self.ib + mo]))),
                          shape=(m, self.nv))
        worst = coo_matrix((np.concatenate([np.ones(m), -np.ones(m)]), (np.concatenate([mo, mo]),
                                                                         np.concatenate([self.io + mo,
                                                                                         np.full(m, self.iz)]))),
                           shape=(m, self.nv))
        self.a = vstack([place, load, link, worst]).tocsr()
        inf = np.inf
        self.lo = np.concatenate([self.n.astype(float), np.full(m, -inf), np.full(m, -inf), np.full(m, -inf)])
        self.hi = np.concatenate([self.n.astype(float), (self.caps[used] - self.fixed[used]).astype(float),
                                  np.zeros(m), np.zeros(m)])
        self.integrality = np.concatenate([np.ones(p), np.zeros(m), np.ones(m), np.zeros(1)])
        self.ub = np.concatenate([self.n[self.pk].astype(float), self.big, (self.big > 0).astype(float),
                                  [max(self.big, default=0.0)]])
        self.objectives = [np.zeros(self.nv) for _ in STAGES]
        self.objectives[0][self.io:self.io + m] = 1
        self.objectives[1][self.ib:self.ib + m] = 1
        self.objectives[2][self.iz] = 1
        self.objectives[3][:p] = -(self.cost[self.pk] * self.stay)  # + sum cost*n, a constant
        self.move_constant = int((self.cost * self.n).sum())
        self.build_seconds = time.perf_counter() - t

    def size(self) -> dict:
        return {"classes": len(self.n), "units": int(self.n.sum()), "variables": self.nv,
                "integer_variables": int(self.integrality.sum()), "rows": self.a.shape[0] + len(STAGES) - 1,
                "nonzeros": int(self.a.nnz)}

    def metrics(self, y: np.ndarray) -> tuple[int, int, int, int]:
        """(total overload, workers over cap, worst overload, move cost) of integer flows y."""
        y = np.rint(y[:self.p]).astype(np.int64)
        load = self.fixed.copy()
        np.add.at(load, self.pw_all, self.wt[self.pk] * y)
        over = np.maximum(0, load - self.caps)
        cost = self.move_constant - int((self.cost[self.pk] * self.stay * y).sum())
        return int(over.sum()), int((over > 0).sum()), int(over.max(initial=0)), cost

    def over_pattern(self, y: np.ndarray) -> np.ndarray:
        """1 for each model worker over cap under flows y."""
        y = np.rint(y[:self.p]).astype(np.int64)
        load = self.fixed[self.workers] + np.bincount(self.pw, weights=self.wt[self.pk] * y, minlength=self.m)
        return (load > self.caps[self.workers]).astype(float)

    def _solve(self, c: np.ndarray, fixes: list[tuple[int, int]], ub: np.ndarray, limit: float,
               lb: np.ndarray | None = None) -> dict:
        rows, lo, hi = [self.a], [self.lo], [self.hi]
        for stage, value in fixes:  # earlier stages held at their best value (integers: a half-unit tolerance)
            rows.append(csr_matrix(self.objectives[stage].reshape(1, -1)))
            offset = self.move_constant if stage == 3 else 0
            lo.append([-np.inf])
            hi.append([value - offset + 0.5])
        a = vstack(rows).tocsr() if len(rows) > 1 else self.a
        started = time.perf_counter()
        with _quiet_stdout():
            res = milp(c, integrality=self.integrality,
                       bounds=Bounds(np.zeros(self.nv) if lb is None else lb, ub),
                       constraints=LinearConstraint(a, np.concatenate(lo), np.concatenate(hi)),
                       options={"time_limit": max(0.05, limit), "mip_rel_gap": 0.0, "presolve": True})
        x = res.x if res.x is not None and res.status in (0, 1) else None
        bound = getattr(res, "mip_dual_bound", None)
        return {"x": x, "optimal": res.status == 0 and x is not None, "bound": bound,
                "seconds": time.perf_counter() - started, "message": res.message}

    def candidate_ub(self) -> np.ndarray:
        """Bounds for "no change": a class that can stay has only its staying pair open (the placement row then
        keeps it whole); the unallocated and the children of leavers may go anywhere allowed."""
        ub = self.ub.copy()
        can_stay = np.zeros(len(self.n), dtype=bool)
        can_stay[self.pk[self.stay]] = True
        ub[:self.p] = np.where(can_stay[self.pk] & ~self.stay, 0.0, ub[:self.p])
        return ub

    def fallback(self, ub: np.ndarray) -> np.ndarray:
        """A plan without the solver (it found none in time): within ``ub``, each class to the worker with room."""
        y = np.zeros(self.nv)
        load = self.fixed.astype(np.int64).copy()
        for k in np.argsort(-self.wt, kind="stable"):
            idx = np.flatnonzero(self.pk == k)
            idx = idx[ub[idx] > 0]
            for _ in range(int(self.n[k])):
                room = self.caps[self.pw_all[idx]] - load[self.pw_all[idx]]
                j = idx[int(np.argmax(room))]
                y[j] += 1
                load[self.pw_all[j]] += self.wt[k]
        return y

    def solve(self, time_limit: float) -> dict:
        """Stages 1-4 and the no-change candidate within ``time_limit`` seconds: the best flows and a report."""
        started = time.perf_counter()

        def left(share: float) -> float:
            return share * (time_limit - (time.perf_counter() - started))

        stages: list[dict] = []
        cand_ub = self.candidate_ub()
        r = self._solve(self.objectives[0], [], cand_ub, left(0.25))
        cand = r["x"] if r["x"] is not None else self.fallback(cand_ub)
        if r["x"] is not None:  # of the no-change plans with the least total overload, the least worst one
            r2 = self._solve(self.objectives[2], [(0, self.metrics(cand)[0])], cand_ub, left(0.1))
            if r2["x"] is not None and self.metrics(r2["x"])[::2] < self.metrics(cand)[::2]:
                cand = r2["x"]
        best, best_m = cand, self.metrics(cand)
        candidate = best_m
        # No worker ends more over cap than the worst-overloaded worker would be with no change: without this
        # bound, "fewest workers over cap" (stage 2) piles the unavoidable excess on a few workers (small council,
        # cap 20: one worker 214 weighted cases over). The candidate meets it, so every stage stays feasible.
        self.ub[self.iz] = float(candidate[2])
        self.ub[self.io:self.io + self.m] = np.minimum(self.ub[self.io:self.io + self.m], float(candidate[2]))
        stages.append({"stage": "no change (candidate)", "status": "OPTIMAL" if r["optimal"] else "FEASIBLE",
                       "objective": best_m[0], "best_bound": r["bound"], "seconds": round(r["seconds"], 3)})
        def restricted(objective: int, fixes: list, limit: float) -> None:
            """The incumbent's workers over cap held (b fixed): a quick, near-transportation problem, since
            scipy's milp takes no starting solution."""
            nonlocal best, best_m
            pattern = self.over_pattern(best)
            lb, ub = np.zeros(self.nv), self.ub.copy()
            lb[self.ib:self.ib + self.m] = ub[self.ib:self.ib + self.m] = pattern
            q = self._solve(self.objectives[objective], fixes, ub, limit, lb)
            if q["x"] is not None and self.metrics(q["x"]) < best_m:
                best, best_m = q["x"], self.metrics(q["x"])

        # share of the time left: (quick restricted solve, full solve) per stage; moves matter most to managers
        shares = ((0.0, 0.4), (0.5, 0.3), (0.25, 0.2), (0.6, 1.0))
        for s, name in enumerate(STAGES):
            fixes = [(i, best_m[i]) for i in range(s)]
            if s >= 1:
                restricted(3 if s == 1 else s, fixes, left(shares[s][0]))  # stage 2's: fewest moves at optimum 1
            r = self._solve(self.objectives[s], fixes, self.ub, left(shares[s][1]))
            if r["x"] is not None:
                m = self.metrics(r["x"])
                if m < best_m:
                    best, best_m = r["x"], m
            value = best_m[s]
            bound = r["bound"]
            if bound is not None and s == 3:
                bound += self.move_constant
            if s == 1 and best_m[0] > 0 and self.ub[self.iz] > 0:  # nobody carries more than the worst bound
                bound = max(bound if bound is not None and np.isfinite(bound) else 0,
                            np.ceil(best_m[0] / self.ub[self.iz] - 1e-9))
            if s == 2 and best_m[1] > 0:  # the total over cap shared by the fewest workers: one carries the mean
                bound = max(bound if bound is not None and np.isfinite(bound) else 0, best_m[0] / best_m[1])
            if s == 3 and (bound is None or not np.isfinite(bound)):  # no bound found in time: no move at all
                bound = 0
            if bound is not None and np.isfinite(bound):
                bound = int(np.ceil(bound - 1e-6))
                bound = min(bound, value)
            else:
                bound = None
            stages.append({"stage": name, "status": "OPTIMAL" if r["optimal"] else
                           "FEASIBLE" if r["x"] is not None else "NO_SOLUTION", "objective": value,
                           "best_bound": bound if not r["optimal"] else value, "seconds": round(r["seconds"], 3)})
        return {"y": np.rint(best[:self.p]).astype(np.int64), "metrics": best_m, "candidate": candidate,
                "stages": stages, "seconds": time.perf_counter() - started}
