"""Whether the cases fit under the cap at all: weighted cases against the caseload capacity of each service and
team, and the shortfall in full-time social workers. Said before any plan, because no plan can do better: when
1,637 weighted cases meet 1,240 of capacity, balancing moves the overload about; only staff remove it.

A service's cases are every case its receiving workers hold, the unallocated children of the service, and those
still held by someone who has left (they must be placed in it). Its capacity is the sum of its receiving workers'
caps (cap x FTE, ASYE-reduced). A team's cases are those its workers hold now. Shortfall = cases - capacity when
positive; in FTE, divided by the cap of one full-time worker and rounded up to a tenth. The council's shortfall is the sum of its
services' (a case cannot move to another service, so one service's spare capacity does not cover another's).
"""

from __future__ import annotations

import math

from casewatch.workforce.allocate import Problem


def fte(weighted: float, cap: float) -> float:
    """Weighted cases as full-time workers at the cap, rounded UP to a tenth: the staff it takes."""
    return math.ceil(weighted / cap * 10 - 1e-9) / 10 if cap > 0 and weighted > 0 else 0.0


def shortfall(problem: Problem, cap: float) -> dict:
    """{"cap", "cases", "capacity", "short_weighted", "short_fte", "services": {...}, "teams": {...}}, each part
    with cases, capacity, short_weighted and short_fte (0 when the cases fit)."""
    receiving = {w.id: w for w in problem.workers if w.service is not None}
    services: dict[str, dict] = {}
    teams: dict[str, dict] = {}

    def part(table: dict, key: str, service: str | None = None) -> dict:
        return table.setdefault(key, {"service": service, "cases": 0.0, "capacity": 0.0})

    for w in receiving.values():
        part(services, w.service)["capacity"] += w.cap
        part(teams, w.team or "no team", w.service)["capacity"] += w.cap
    for c in problem.children:
        holder = receiving.get(c.current) if c.current else None
        service = holder.service if holder else c.service
        part(services, service)["cases"] += c.weight
        if holder:
            part(teams, holder.team or "no team", holder.service)["cases"] += c.weight
    for table in (services, teams):
        for p in table.values():
            _short(p, cap)
    total = {"cases": round(sum(p["cases"] for p in services.values()), 2),
             "capacity": round(sum(p["capacity"] for p in services.values()), 2),
             # cases cannot cross services: the council is short by what each service is short, summed
             "short_weighted": round(sum(p["short_weighted"] for p in services.values()), 2)}
    total["short_fte"] = fte(total["short_weighted"], cap)
    return {"cap": cap, **total, "services": dict(sorted(services.items())), "teams": dict(sorted(teams.items()))}


def _short(p: dict, cap: float) -> None:
    p["cases"], p["capacity"] = round(p["cases"], 2), round(p["capacity"], 2)
    p["short_weighted"] = round(max(0.0, p["cases"] - p["capacity"]), 2)
    p["short_fte"] = fte(p["short_weighted"], cap)


def sentence(s: dict) -> str | None:
    """The finding in words, or None when every service's cases fit under the cap."""
    short = {k: p for k, p in s["services"].items() if p["short_weighted"] > 0}
    if not short:
        return None
    teams = [f"{k} {p['short_fte']:g} FTE" for k, p in s["teams"].items() if p["short_weighted"] > 0]
    parts = "; ".join(f"{k}: {p['cases']:g} against {p['capacity']:g}, short by {p['short_fte']:g} FTE"
                      for k, p in short.items())
    return (f"Cases exceed capacity at cap {s['cap']:g}: {s['cases']:g} weighted cases against {s['capacity']:g} "
            f"of capacity, short by {s['short_weighted']:g} weighted cases = {s['short_fte']:g} FTE. By service: "
            f"{parts}." + (f" Teams short now: {', '.join(teams)}." if teams else ""))
