"""Child- and worker-level data for the pages, always cut to what the principal may see.

Action lists come from casewatch.lists (run_lists), caseloads from casewatch.workforce; rows outside a team
manager's teams or a social worker's caseload are dropped here, before any page or export sees them.
"""

from __future__ import annotations

from django.conf import settings

from casewatch import standards
from casewatch.lists.run import run_lists
from casewatch.web.principal import Principal
from casewatch.web.source import Source


def local_standards() -> dict:
    return standards.load(settings.CASEWATCH_STANDARDS)


def team_names(src: Source) -> dict[str, str]:
    def compute():
        with src.connect() as (con, _):
            return dict(con.execute("SELECT team_id, coalesce(name, team_id) FROM teams ORDER BY name").fetchall())

    return src.memo(("team-names",), compute)


def action_rows(src: Source, who: Principal, names: list[str] | None, team: str | None,
                worker: str | None) -> tuple[object, list[dict]]:
    """(context, rows) of the action lists on the date the data runs to, only rows ``who`` may see."""
    def compute():
        with src.connect() as (con, ctx):
            return ctx, [r.as_dict() for r in run_lists(con, ctx.data_to, local_standards())]

    ctx, rows = src.memo(("lists",), compute)
    keep = [r for r in rows
            if (not names or r["list"] in names) and (not team or r["team"] == team)
            and (not worker or r["worker"] == worker) and who.sees_row(r["team"], r["worker"])]
    return ctx, keep


def caseloads(src: Source, who: Principal) -> tuple[object, dict]:
    """Teams' pressure (every team: aggregates) and workers' caseloads (only those ``who`` may see)."""
    from casewatch.workforce.caseloads import daily
    from casewatch.workforce.pressure import _months_before, teams_on, workers_on

    def compute():
        std = local_standards()["caseload"]
        with src.connect() as (con, ctx):
            daily(con, _months_before(ctx.data_to, 12), ctx.data_to, std["weights"])
            return ctx, {"cap": std["cap"], "teams": teams_on(con, ctx.data_to, std["cap"], std["asye_factor"]),
                         "workers": workers_on(con, ctx.data_to, std["cap"], std["asye_factor"])}

    ctx, data = src.memo(("caseloads",), compute)
    workers = [w for w in data["workers"] if who.sees_worker(w["team"], w["worker"])]
    return ctx, {"cap": data["cap"], "teams": data["teams"], "workers": workers}


def balancing_plan(src: Source, who: Principal) -> tuple[object, dict]:
    """The caseload balancer's plan on the date the data runs to (casewatch.workforce.plan, solved once per data
    file), cut to ``who``: a team manager sees the moves into or out of their teams and their teams' workers."""
    from casewatch.workforce.plan import PlanError, propose

    def compute():
        with src.connect() as (con, ctx):
            try:
                return ctx, propose(con, ctx.data_to, local_standards(), time_limit=10.0, threads=2)
            except PlanError as exc:
                return ctx, {"error": str(exc)}

    ctx, plan = src.memo(("balancing-plan",), compute)
    if "error" in plan:
        return ctx, plan
    before, after = plan["before"]["workers"], plan["after"]["workers"]

    def team_of(worker: str) -> str:
        return (before.get(worker) or after.get(worker) or {}).get("team") or ""

    moves = [m for m in plan["moves"] if who.sees_row(team_of(m["from"]), m["from"])
             or who.sees_row(team_of(m["to"]), m["to"])]
    workers = [{"worker": w, **after[w], "before": before[w]} for w in sorted(after)
               if who.sees_worker(after[w]["team"] or "", w)
               and (before[w]["cases"] != after[w]["cases"] or before[w]["over_cap"] or after[w]["over_cap"])]
    return ctx, plan | {"moves": moves, "workers": workers}
