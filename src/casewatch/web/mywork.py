"""The data behind a person's first page: one worker's children with what is next due for each (My caseload), and
each worker's overdue and due-this-week counts (This week). Cut to the principal's reach like web/casework.py.

A worker's children on the date the data runs to are the children with an allocation to them open on that day
(start on or before it, no end or an end after it): the children web/chronology.may_open lets that social worker
open. What is next due comes from the action lists (casewatch.lists) run with a long look-ahead, so a child whose
next visit is months away still shows its date; the counts use the same rows as the action lists page.
"""

from __future__ import annotations

from collections import defaultdict

from casewatch import words
from casewatch.lists.define import LISTS
from casewatch.lists.run import run_lists
from casewatch.web import casework
from casewatch.web.principal import Principal
from casewatch.web.source import Source

AHEAD = 400  # days: far enough for every statutory item (a six-monthly review, a 13-week visit) to have a date
WEEK = 7  # "due in the next 7 days": -7 <= days overdue <= 0, as on the action lists page

# children held by each worker on {d}; the holding team as lists/run.py HELD takes it
HOLDERS = """SELECT DISTINCT a.child_id, a.worker_id, coalesce(a.team_id, w.team_id) AS team_id
    FROM allocations a LEFT JOIN workers w USING (worker_id)
    WHERE a.start_date <= $d AND (a.end_date IS NULL OR a.end_date > $d)"""

# what each open child is open for on {d}: in care (short breaks aside), on a CP plan, on a CIN plan
STATUS = {
    "care": """SELECT child_id, arg_max(legal_status, decom) FROM cla_episodes
        WHERE decom <= $d AND (dec IS NULL OR dec > $d) AND coalesce(legal_status, '') NOT IN ('V3', 'V4')
        GROUP BY child_id""",
    "cp": """SELECT child_id, arg_max(coalesce(latest_category, initial_category), start_date) FROM cp_plans
        WHERE start_date <= $d AND (end_date IS NULL OR end_date > $d) GROUP BY child_id""",
    "cin": """SELECT child_id, min(start_date) FROM cin_plans
        WHERE start_date <= $d AND (end_date IS NULL OR end_date > $d) GROUP BY child_id""",
}


def _base(src: Source) -> tuple[object, dict]:
    """Everything for every worker on the data date, computed once per database file (cut later, per person)."""
    def compute():
        std = casework.local_standards()
        with src.connect() as (con, ctx):
            on = ctx.data_to
            rows = [r.as_dict() for r in run_lists(con, on, std | {"lists": std["lists"] | {"look_ahead_days": AHEAD}})]
            holders = con.execute(HOLDERS, {"d": on}).fetchall()
            status = {k: dict(con.execute(sql, {"d": on}).fetchall()) for k, sql in STATUS.items()}
            teams = dict(con.execute("SELECT worker_id, team_id FROM workers WHERE team_id IS NOT NULL").fetchall())
        return ctx, {"rows": rows, "holders": holders, "status": status, "teams": teams}

    return src.memo(("mywork", AHEAD, casework.standards_in_force()[1]), compute)


def status_words(status: dict, child: str) -> str:
    """What the case is, in words: child in care (legal status), child protection plan (category), child in need
    plan, or open case."""
    if child in status["care"]:
        return f"Child in care ({words.label('cla_episodes.legal_status', status['care'][child])})"
    if child in status["cp"]:
        return f"Child protection plan ({words.label('cp_plans.latest_category', status['cp'][child])})"
    if child in status["cin"]:
        return "Child in need plan"
    return "Open case"


def worker_team(src: Source, worker: str) -> str | None:
    """The worker's team (their workers row, else the team of a case they hold), or None if no such worker."""
    _, base = _base(src)
    if worker in base["teams"]:
        return base["teams"][worker]
    return next((t or "" for _, w, t in base["holders"] if w == worker), None)


def may_see_worker(src: Source, who: Principal, worker: str) -> bool:
    team = worker_team(src, worker)
    return team is not None and who.sees_worker(team, worker)


def workers_in_reach(src: Source, who: Principal) -> list[dict]:
    """Workers holding a case on the data date whom ``who`` may see: {worker, name, team, children}."""
    _, base = _base(src)
    names = casework.worker_names(src)
    held: dict[tuple[str, str], set] = defaultdict(set)
    for child, worker, team in base["holders"]:
        team = base["teams"].get(worker, team or "")
        if who.sees_worker(team, worker):
            held[(worker, team)].add(child)
    return [{"worker": w, "name": names.get(w, w), "team": t, "children": len(c)}
            for (w, t), c in sorted(held.items())]


def caseload(src: Source, worker: str) -> tuple[object, dict]:
    """One worker's children, most overdue first, each with its status and next due item per list; and the
    counts: children, overdue items, items due in the next 7 days. The caller checks ``worker`` is in reach."""
    ctx, base = _base(src)
    mine = sorted({c for c, w, _ in base["holders"] if w == worker})
    wanted = set(mine)
    by_child: dict[str, dict[str, dict]] = defaultdict(dict)
    items = [r for r in base["rows"] if r["child"] in wanted]
    for r in items:  # rows come overdue first: the first per child and list is the earliest due
        by_child[r["child"]].setdefault(r["list"], r)
    children = []
    for c in mine:
        due = sorted(by_child[c].values(), key=lambda r: (-r["days_overdue"], r["list"]))
        children.append({"child": c, "status": status_words(base["status"], c),
                         "due": [r | {"title": LISTS[r["list"]].title} for r in due],
                         "worst": due[0]["days_overdue"] if due else None})
    children.sort(key=lambda x: (x["worst"] is None, -(x["worst"] or 0), x["child"]))
    return ctx, {"worker": worker, "name": casework.worker_names(src).get(worker, worker), "children": children,
                 "ahead": AHEAD,
                 "overdue": sum(1 for r in items if r["days_overdue"] > 0),
                 "due_week": sum(1 for r in items if -WEEK <= r["days_overdue"] <= 0),
                 "children_overdue": sum(1 for x in children if x["worst"] is not None and x["worst"] > 0)}


def this_week(src: Source, who: Principal) -> tuple[object, dict]:
    """Per worker in reach: overdue and due in the next 7 days, from the action lists page's own rows (so the
    totals are that page's totals), with the children each worker holds; workers with nothing due are listed."""
    ctx, rows = casework.action_rows(src, who, None, None, None)
    names = casework.team_names(src)
    per: dict[str, dict] = {}
    for w in workers_in_reach(src, who):
        per[w["worker"]] = w | {"overdue": 0, "due_week": 0, "children_overdue": set(), "items": []}
    for r in rows:
        w = per.setdefault(r["worker"], {"worker": r["worker"], "team": r["team"], "children": 0, "overdue": 0,
                                         "due_week": 0, "children_overdue": set(), "items": [], "name": r["worker"]})
        if w["name"] == w["worker"]:  # no name from the workers table: the list row's, if it has one
            w["name"] = r.get("worker_name") or w["worker"]
        if r["days_overdue"] > 0:
            w["overdue"] += 1
            w["children_overdue"].add(r["child"])
        elif r["days_overdue"] >= -WEEK:
            w["due_week"] += 1
            w["items"].append(r)
    workers = sorted(per.values(), key=lambda w: (-w["overdue"], -w["due_week"], w["name"]))
    for w in workers:
        w["children_overdue"] = len(w["children_overdue"])
        w["team_name"] = names.get(w["team"], w["team"])
        w["allocated"] = w["worker"] != "unallocated"
    return ctx, {"workers": workers, "overdue": sum(w["overdue"] for w in workers),
                 "due_week": sum(w["due_week"] for w in workers),
                 "children_overdue": sum(w["children_overdue"] for w in workers)}
