"""Child- and worker-level data for the pages, always cut to what the principal may see.

Action lists come from casewatch.lists (run_lists), caseloads from casewatch.workforce; rows outside a team
manager's teams or a social worker's caseload are dropped here, before any page or export sees them.
"""

from __future__ import annotations

import json

from django.conf import settings

from casewatch import standards
from casewatch.lists.run import run_lists
from casewatch.web.principal import Principal
from casewatch.web.source import Source


def local_standards() -> dict:
    return standards.load(settings.CASEWATCH_STANDARDS)


def standards_in_force() -> tuple[dict, str]:
    """The council's standards and a key for the memo made of their contents: figures, lists and caseloads take
    caps, weights and timescales from them, so a standards file edited in place gives new results, not cached
    ones."""
    std = local_standards()
    return std, json.dumps(std, sort_keys=True)


def team_names(src: Source) -> dict[str, str]:
    def compute():
        with src.connect() as (con, _):
            return dict(con.execute("SELECT team_id, coalesce(name, team_id) FROM teams ORDER BY name").fetchall())

    return src.memo(("team-names",), compute)


def worker_names(src: Source) -> dict[str, str]:
    """Worker id -> the name colleagues know them by (a worker without one is not in it)."""
    from casewatch.workforce.pressure import names

    def compute():
        with src.connect() as (con, _):
            return names(con)[0]

    return src.memo(("worker-names",), compute)


def action_rows(src: Source, who: Principal, names: list[str] | None, team: str | None,
                worker: str | None) -> tuple[object, list[dict]]:
    """(context, rows) of the action lists on the date the data runs to, only rows ``who`` may see."""
    def compute():
        with src.connect() as (con, ctx):
            return ctx, [r.as_dict() for r in run_lists(con, ctx.data_to, local_standards())]

    ctx, rows = src.memo(("lists", standards_in_force()[1]), compute)
    keep = [r for r in rows
            if (not names or r["list"] in names) and (not team or r["team"] == team)
            and (not worker or r["worker"] == worker) and who.sees_row(r["team"], r["worker"])]
    return ctx, keep


def caseloads(src: Source, who: Principal) -> tuple[object, dict]:
    """Teams' pressure (every team: aggregates), the FTE shortfall at the cap (workforce.shortfall: aggregates)
    and workers' caseloads (only those ``who`` may see)."""
    from casewatch.workforce.allocate_data import build_problem
    from casewatch.workforce.caseloads import daily
    from casewatch.workforce.pressure import _months_before, teams_on, workers_on
    from casewatch.workforce.shortfall import sentence, shortfall

    def compute():
        std = local_standards()["caseload"]
        cap, asye = float(std["cap"]), float(std["asye_factor"])
        with src.connect() as (con, ctx):
            daily(con, _months_before(ctx.data_to, 12), ctx.data_to, std["weights"])
            short = shortfall(build_problem(con, ctx.data_to, cap, asye, std["weights"]), cap)
            teams = teams_on(con, ctx.data_to, std["cap"], std["asye_factor"])
            for t in teams:
                t["short_fte"] = short["teams"].get(t["team"], {}).get("short_fte", 0.0)
            names = {t["team"]: t["name"] or t["team"] for t in teams}
            named = short | {"teams": {names.get(k, k): p for k, p in short["teams"].items()}}
            return ctx, {"cap": std["cap"], "teams": teams, "shortfall": short,
                         "shortfall_message": sentence(named), "weights": standards.weights_note(std["weights"]),
                         "workers": workers_on(con, ctx.data_to, std["cap"], std["asye_factor"])}

    ctx, data = src.memo(("caseloads", standards_in_force()[1]), compute)
    workers = [w for w in data["workers"] if who.sees_worker(w["team"], w["worker"])]
    return ctx, data | {"workers": workers}


def cut_plan(plan: dict, who: Principal, workers: dict[str, str] | None = None,
             teams: dict[str, str] | None = None) -> dict:
    """A balancing plan (casewatch.workforce.plan.propose) cut to ``who``: a team manager sees the moves into or
    out of their teams and their teams' workers. With ``workers`` and ``teams`` (id -> name: worker_names,
    team_names) each move gains ``from_name``/``to_name`` and each worker ``worker_name``/``team_name``; ids stay."""
    wname, tname = workers or {}, teams or {}
    before, after = plan["before"]["workers"], plan["after"]["workers"]

    def team_of(worker: str) -> str:
        return (before.get(worker) or after.get(worker) or {}).get("team") or ""

    moves = [m | {"from_name": wname.get(m["from"], m["from"]), "to_name": wname.get(m["to"], m["to"])}
             for m in plan["moves"] if who.sees_row(team_of(m["from"]), m["from"])
             or who.sees_row(team_of(m["to"]), m["to"])]
    shown = [{"worker": w, **after[w], "before": before[w]} for w in sorted(after)
             if who.sees_worker(after[w]["team"] or "", w)
             and (before[w]["cases"] != after[w]["cases"] or before[w]["over_cap"] or after[w]["over_cap"])]
    shown = [w | {"worker_name": wname.get(w["worker"], w["worker"]),
                  "team_name": tname.get(w["team"] or "", w["team"] or "no team")} for w in shown]
    return plan | {"moves": moves, "workers": shown}
