"""Planted truth: the generator's own answers, counted from its event log in plain Python.

Nothing here uses SQL, DuckDB or the code under test: these figures are what ``casewatch summary`` must
recover exactly from the loaded database. Definitions (docs/planted-truth.md):

* open at date d: start <= d and (end is None or end > d); a year is 1 April to 31 March inclusive.
* cla_at_31_march, cla_starts, cla_ceased: distinct children, SSDA903 episodes, short breaks (LS V3/V4)
  excluded; a start is an episode with RNE S, a cessation an episode whose REC is not X1.
* cp_at_31_march, cp_starts: distinct children on / starting a child protection plan.
* cin_at_31_march: distinct children with an open CIN episode (referral), including those on CP plans and in care.
* referrals: referrals received; re_referrals_12m: those with an earlier referral of the same child within
  the 12 months before (same calendar date a year earlier or later, and before the referral's date).
* assessments_completed: authorised in the year; assessments_within_45wd: of those, at most 45 working days
  from start to authorisation (England & Wales working days, DfE counting).
* caseload_at_period_end: allocations open at the period end per worker; cases_held is their sum,
  case_holder_fte the FTE of workers holding at least one case, caseload_per_fte = cases_held /
  case_holder_fte rounded to 2 decimal places (DfE workforce census definition).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from casewatch.model import TABLES_BY_NAME
from casewatch.synth.clock import wd_between
from casewatch.synth.rows import EventLog

SHORT_BREAKS = ("V3", "V4")


def _idx(table: str) -> dict[str, int]:
    return {c: i for i, c in enumerate(TABLES_BY_NAME[table].column_names)}


def _open(start: int, end: int | None, d: int) -> bool:
    return start <= d and (end is None or end > d)


def year_before(o: int) -> int:
    d = date.fromordinal(o)
    try:
        return d.replace(year=d.year - 1).toordinal()
    except ValueError:
        return date(d.year - 1, 2, 28).toordinal()


def period_truth(log: EventLog, period_end: date) -> dict:
    pe = period_end.toordinal()
    ps = date(period_end.year - 1, 4, 1).toordinal()
    rows = log.rows

    e = _idx("cla_episodes")
    cla_now, starts, ceased = set(), set(), set()
    for r in rows["cla_episodes"]:
        if r[e["legal_status"]] in SHORT_BREAKS:
            continue
        child, decom, dec = r[e["child_id"]], r[e["decom"]], r[e["dec"]]
        if _open(decom, dec, pe):
            cla_now.add(child)
        if r[e["rne"]] == "S" and ps <= decom <= pe:
            starts.add(child)
        if dec is not None and ps <= dec <= pe and r[e["rec"]] != "X1":
            ceased.add(child)

    p = _idx("cp_plans")
    cp_now = {r[p["child_id"]] for r in rows["cp_plans"] if _open(r[p["start_date"]], r[p["end_date"]], pe)}
    cp_starts = {r[p["child_id"]] for r in rows["cp_plans"] if ps <= r[p["start_date"]] <= pe}

    f = _idx("referrals")
    cin_now = {r[f["child_id"]] for r in rows["referrals"] if _open(r[f["referral_date"]], r[f["closure_date"]], pe)}
    by_child = defaultdict(list)
    for r in rows["referrals"]:
        by_child[r[f["child_id"]]].append(r[f["referral_date"]])
    referrals = re_referrals = 0
    for dates in by_child.values():
        for d in dates:
            if ps <= d <= pe:
                referrals += 1
                if any(year_before(d) <= x < d for x in dates):
                    re_referrals += 1

    a = _idx("assessments")
    done = [r for r in rows["assessments"] if r[a["authorised_date"]] is not None and ps <= r[a["authorised_date"]] <= pe]
    within = sum(1 for r in done if wd_between(r[a["start_date"]], r[a["authorised_date"]]) <= 45)

    al, w = _idx("allocations"), _idx("workers")
    caseload: dict[str, int] = defaultdict(int)
    for r in rows["allocations"]:
        if _open(r[al["start_date"]], r[al["end_date"]], pe):
            caseload[r[al["worker_id"]]] += 1
    fte = {r[w["worker_id"]]: r[w["fte"]] for r in rows["workers"]}
    cases = sum(caseload.values())
    holder_fte = sum((fte[k] for k in caseload), Decimal("0"))
    per_fte = float((Decimal(cases) / holder_fte).quantize(Decimal("0.01"), ROUND_HALF_UP)) if holder_fte else None

    return {
        "period_end": period_end.isoformat(),
        "cla_at_31_march": len(cla_now),
        "cla_starts": len(starts),
        "cla_ceased": len(ceased),
        "cp_at_31_march": len(cp_now),
        "cp_starts": len(cp_starts),
        "cin_at_31_march": len(cin_now),
        "referrals": referrals,
        "re_referrals_12m": re_referrals,
        "assessments_completed": len(done),
        "assessments_within_45wd": within,
        "cases_held": cases,
        "case_holder_fte": float(holder_fte),
        "caseload_per_fte": per_fte,
        "caseload_at_period_end": dict(sorted(caseload.items())),
    }
