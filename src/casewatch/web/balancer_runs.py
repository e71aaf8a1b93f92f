"""The caseload balancer run in the background for the balancer page (casewatch.workforce.plan.propose).

A run takes seconds to minutes, so a request starts it in a thread and returns; the page asks again until it is
done. One run at a time per council, data date and parameters: asking again while one runs joins it. A plan
found is kept like any cached result (per council, date, cap and time limit, until the database file changes);
a failure is never kept: it is shown once to the user who asked, and the next request runs again.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date

from casewatch.web.source import Source

log = logging.getLogger(__name__)

CAP = (5.0, 40.0)  # the bounds a user may set: weighted cases per full-time worker
TIME_LIMIT = (1.0, 120.0)  # seconds
THREADS = 2  # solver threads per run


@dataclass
class Run:
    key: tuple
    askers: set[str]  # who asked (started or joined it): a failure is shown to each of them, once
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    error: str | None = None

    @property
    def running(self) -> bool:
        return self.finished is None

    @property
    def seconds(self) -> int:
        return int((self.finished or time.monotonic()) - self.started)


_runs: dict[tuple, Run] = {}
_lock = threading.Lock()


def key(src: Source, on: date, cap: float, time_limit: float) -> tuple:
    return (src.path, src.council, on.isoformat(), float(cap), float(time_limit))


def plan_key(on: date, cap: float, time_limit: float) -> tuple:
    """Where a plan found is kept in the source's cache."""
    return ("balancing-plan", on.isoformat(), float(cap), float(time_limit))


def parameters(query, default_cap: float) -> tuple[float, float, str | None]:
    """(cap, time limit, None) from a query (a QueryDict), or (.., .., why refused) when out of bounds."""
    values = {}
    for name, default, (low, high) in (("cap", default_cap, CAP), ("time_limit", 10.0, TIME_LIMIT)):
        raw = query.get(name) or ""
        try:
            value = float(raw) if raw.strip() else float(default)
        except ValueError:
            return 0.0, 0.0, f"{name.replace('_', ' ')} must be a number"
        if not low <= value <= high:  # also refuses nan
            return 0.0, 0.0, f"{name.replace('_', ' ')} must be from {low:g} to {high:g}"
        values[name] = value
    return values["cap"], values["time_limit"], None


def start(src: Source, on: date, asker: str, cap: float, time_limit: float, std: dict) -> str:
    """"started" (a run in a thread), "joined" (the one under way for these parameters) or "kept" (a plan for
    them is kept already: it is shown, the same question is not solved twice on the same data)."""
    if src.cached(plan_key(on, cap, time_limit)) is not None:
        return "kept"
    k = key(src, on, cap, time_limit)
    with _lock:
        run = _runs.get(k)
        if run is not None and run.running:
            run.askers.add(asker)
            return "joined"
        run = _runs[k] = Run(k, {asker})
    threading.Thread(target=_work, args=(src, run, on, cap, time_limit, std), daemon=True,
                     name=f"balancer-{cap:g}-{time_limit:g}").start()
    return "started"


def _work(src: Source, run: Run, on: date, cap: float, time_limit: float, std: dict) -> None:
    from casewatch.workforce.plan import PlanError, propose

    try:
        sig = src.signature()
        with src.connect() as (con, ctx):
            if ctx.data_to != on:
                raise PlanError("the data was reloaded while the plan was asked for: ask again")
            plan = propose(con, on, std, cap=cap, time_limit=time_limit, threads=THREADS)
        src.keep(plan_key(on, cap, time_limit), plan, sig)
    except PlanError as exc:
        run.error = str(exc)
    except Exception:  # the page says it failed; the log has the traceback (never child data: no values logged)
        log.exception("the balancer failed")
        run.error = "the balancer failed unexpectedly (see the server log)"
    finally:
        run.finished = time.monotonic()


def state(src: Source, on: date, who: str, cap: float, time_limit: float) -> tuple[str, object]:
    """("plan", plan) | ("running", seconds so far) | ("failed", message, shown once to who asked) | ("none", None)."""
    plan = src.cached(plan_key(on, cap, time_limit))
    k = key(src, on, cap, time_limit)
    with _lock:
        run = _runs.get(k)
        if run is not None and run.running:
            return "running", run.seconds
        if run is not None and run.error is None:
            del _runs[k]  # done: the plan is in the cache
        elif run is not None and who in run.askers:
            run.askers.discard(who)  # a failure is said once to each who asked, then forgotten
            if not run.askers:
                del _runs[k]
            return "failed", run.error
    if plan is not None:
        return "plan", plan
    return "none", None


def wait(src: Source, on: date, cap: float, time_limit: float, timeout: float) -> None:
    """Until the run for these parameters is done (tests, and the CLI-like callers)."""
    k = key(src, on, cap, time_limit)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with _lock:
            run = _runs.get(k)
            if run is None or not run.running:
                return
        time.sleep(0.1)
    raise TimeoutError(f"the balancer run {k} is still running after {timeout:g} s")
