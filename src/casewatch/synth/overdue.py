"""Planted truth for the action lists: which children are overdue for what on a date, counted from the event log
in plain Python (no SQL, nothing from casewatch.lists). The rules are the statutory defaults of
casewatch/standards.toml, restated here on purpose: the lists must recover these exactly.

A child is overdue on date d when the action was due before d (days overdue > 0). Conditions (no social worker,
three or more workers in 12 months, no permanence plan by the second review, no return interview, no health
assessment) are overdue from the day after they began.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from datetime import date

from casewatch.model import TABLES_BY_NAME
from casewatch.synth.clock import add_wd
from casewatch.synth.truth import year_before

SHORT_BREAKS = ("V3", "V4")
NEW_PLACEMENT = ("S", "P", "B", "U")
STANDARDS = {"cla_first": 7, "cla_year1": 42, "cla_later": 91, "cp_wd": 10, "cin_wd": 20, "assessment_wd": 45,
             "icpc_wd": 15, "cp_first_months": 3, "cp_later_months": 6, "cla_first_wd": 20, "cla_second_months": 3,
             "cla_later_months": 6, "workers": 3, "plan_by_review": 2, "rhi_days": 3}


def _cols(table: str) -> dict[str, int]:
    return {c: i for i, c in enumerate(TABLES_BY_NAME[table].column_names)}


def add_months(o: int, n: int) -> int:
    """As DuckDB's date + INTERVAL n MONTH: the same day n months on, or that month's last day."""
    d = date.fromordinal(o)
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1])).toordinal()


def _open(start, end, d) -> bool:
    return start <= d and (end is None or end > d)


class _Index:
    """The event log's rows by child, for the tables the lists read."""

    def __init__(self, rows: dict[str, list]):
        self.by_child: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for table in ("cla_episodes", "cp_plans", "cin_plans", "assessments", "section47", "referrals",
                      "allocations", "visits", "cla_reviews", "permanence", "missing_episodes", "cla_health"):
            c = _cols(table)["child_id"]
            for r in rows.get(table, []):
                self.by_child[r[c]][table].append(r)


def overdue_on(rows: dict[str, list], d: int) -> dict[str, list[str]]:
    """{list name: sorted child ids overdue on ordinal day d}."""
    ix = _Index(rows)
    e, p, n, a, s, f = (_cols(t) for t in ("cla_episodes", "cp_plans", "cin_plans", "assessments", "section47",
                                            "referrals"))
    al, v, rv, pm, m, h = (_cols(t) for t in ("allocations", "visits", "cla_reviews", "permanence",
                                               "missing_episodes", "cla_health"))
    out: dict[str, set] = defaultdict(set)
    oc2_years = [r[h["year_ending"]] for r in rows.get("cla_health", []) if r[h["year_ending"]] <= d]
    latest_oc2 = max(oc2_years) if oc2_years else None
    for child, t in ix.by_child.items():
        eps = [r for r in t["cla_episodes"] if r[e["legal_status"]] not in SHORT_BREAKS]
        in_care = any(_open(r[e["decom"]], r[e["dec"]], d) for r in eps)
        all_eps = t["cla_episodes"]
        first_ep = min((r[e["decom"]] for r in all_eps), default=None)
        starts = [r[e["decom"]] for r in all_eps if r[e["rne"]] == "S" and r[e["decom"]] <= d]
        began = max(starts) if starts else first_ep
        placed_at = [r[e["decom"]] for r in all_eps if r[e["rne"]] in NEW_PLACEMENT and r[e["decom"]] <= d]
        placed = max(placed_at) if placed_at else first_ep

        def seen(kind: str, since: int | None = None, t=t) -> int | None:
            days = [r[v["visit_date"]] for r in t["visits"] if r[v["kind"]] == kind and r[v["child_seen"]]
                    and r[v["visit_date"]] <= d and (since is None or r[v["visit_date"]] >= since)]
            return max(days) if days else None

        cp_open = [r for r in t["cp_plans"] if _open(r[p["start_date"]], r[p["end_date"]], d)]
        if in_care:
            last = seen("CLA")
            due = (placed + STANDARDS["cla_first"] if last is None or last < placed else
                   last + STANDARDS["cla_year1"] if last < placed + 365 else last + STANDARDS["cla_later"])
            if d > due:
                out["cla_visits"].add(child)
            reviews = sorted(r[rv["review_date"]] for r in t["cla_reviews"] if began <= r[rv["review_date"]] <= d)
            due = (add_wd(began, STANDARDS["cla_first_wd"]) if not reviews else
                   add_months(reviews[-1], STANDARDS["cla_second_months"]) if len(reviews) == 1 else
                   add_months(reviews[-1], STANDARDS["cla_later_months"]))
            if d > due:
                out["cla_reviews"].add(child)
            k = STANDARDS["plan_by_review"]
            if len(reviews) >= k and d > reviews[k - 1] and not any(
                    r[pm["decision_date"]] is not None and began <= r[pm["decision_date"]] <= d
                    for r in t["permanence"]):
                out["permanence_plan"].add(child)
        if cp_open and not in_care:
            start = min(r[p["start_date"]] for r in cp_open)
            last = seen("CP", start)
            if d > add_wd(last if last is not None else start, STANDARDS["cp_wd"]):
                out["cp_visits"].add(child)
        if cp_open:
            start = min(r[p["start_date"]] for r in cp_open)
            held = [x for r in cp_open for x in (r[p["review_dates"]] or []) if x <= d]
            due = add_months(max(held), STANDARDS["cp_later_months"]) if held else add_months(
                start, STANDARDS["cp_first_months"])
            if d > due:
                out["cp_reviews"].add(child)
        cin_open = [r for r in t["cin_plans"] if _open(r[n["start_date"]], r[n["end_date"]], d)]
        if cin_open and not in_care and not cp_open:
            start = min(r[n["start_date"]] for r in cin_open)
            last = seen("CIN", start)
            if d > add_wd(last if last is not None else start, STANDARDS["cin_wd"]):
                out["cin_visits"].add(child)
        for r in t["assessments"]:
            if _open(r[a["start_date"]], r[a["authorised_date"]], d) and d > add_wd(r[a["start_date"]],
                                                                                     STANDARDS["assessment_wd"]):
                out["assessments"].add(child)
        for r in t["section47"]:
            began_s47 = r[s["strategy_discussion_date"]] or r[s["start_date"]]
            if began_s47 <= d and (r[s["icpc_date"]] is None or r[s["icpc_date"]] > d) \
                    and r[s["outcome"]] in (None, "icpc") and d > add_wd(began_s47, STANDARDS["icpc_wd"]):
                out["icpc"].add(child)
        open_cin = [r[f["referral_date"]] for r in t["referrals"] if _open(r[f["referral_date"]], r[f["closure_date"]], d)]
        if open_cin:
            allocs = t["allocations"]
            if not any(_open(r[al["start_date"]], r[al["end_date"]], d) for r in allocs):
                since = min(open_cin)
                ended = [r[al["end_date"]] for r in allocs if r[al["end_date"]] is not None and r[al["end_date"]] <= d]
                if d > max([since, *ended]):
                    out["unallocated"].add(child)
            window = year_before(d)
            first: dict[str, int] = {}
            for r in allocs:
                if r[al["start_date"]] <= d and (r[al["end_date"]] is None or r[al["end_date"]] > window):
                    w = r[al["worker_id"]]
                    first[w] = min(first.get(w, r[al["start_date"]]), r[al["start_date"]])
            if len(first) >= STANDARDS["workers"] and d > max(first.values()):
                out["sw_changes"].add(child)
        for r in t["missing_episodes"]:
            end = r[m["end_date"]]
            if r[m["kind"]] == "M" and end is not None and year_before(d) < end <= d \
                    and not r[m["return_interview_offered"]] and d > end + STANDARDS["rhi_days"]:
                out["missing_rhi"].add(child)
        if in_care and latest_oc2 is not None and d > latest_oc2 and any(
                r[h["year_ending"]] == latest_oc2 and not r[h["health_assessment"]] for r in t["cla_health"]):
            out["health_assessment"].add(child)
    return {name: sorted(out.get(name, ())) for name in (
        "cla_visits", "cp_visits", "cin_visits", "assessments", "icpc", "cp_reviews", "cla_reviews", "unallocated",
        "sw_changes", "permanence_plan", "missing_rhi", "health_assessment")}
