"""casewatch's demand forecast against Social Finance's demand model (demand-model) on the same synthetic 903 data.

Writes a synthetic council with `casewatch synth --scenario pressure --formats returns` and loads its SSDA903 CSVs
with `casewatch load`. For each backtest point T (31 March of each year from the data's 3rd year on, to the last
31 March minus the horizon; --step-months 6 adds the 30 Septembers), each model is fitted on the --reference-months
before T and forecasts --horizon-months month ends after T, in fresh processes:

  * the peer, demand-model 0.2.0 in its own venv (var/bench/peers), driven by bench/peer_demand_peer.py as its
    `demand-model predict SOURCE --start --end --prediction_date` CLI drives it (see that file's docstring for
    why its front end is re-implemented there and for every adaptation of our files);
  * `casewatch forecast --db FILE --as-of T --horizon-months H --reference-months R --format json`, whose JSON
    has "total": [{"date", "mean", "lower", "upper"}] ("forecast not available yet" while it fails);
  * naive: the number in care at T carried forward.

The actual number in care on each month end is casewatch's own (measures.fragments.CLA_AT_PE: an episode with
decom <= d and (dec IS NULL or dec > d), short breaks V3/V4 excluded, one per child) from the loaded database,
checked against the synthetic council's canonical cla_episodes.parquet. Prints, per T, the MAPE of the total over
the horizon months and the wall time of each model's process, then the mean absolute percentage error at each
horizon month across the Ts. Details: var/bench/peer_demand.json; logs: var/bench/*.log.

    .venv/bin/python bench/peer_demand.py [--size small] [--seed 1] [--years 5] [--step-months 12] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import statistics
from datetime import date, timedelta
from pathlib import Path

from _peers import (
    CASEWATCH,
    ROOT,
    VAR,
    VENV,
    casewatch_ready,
    last_json,
    measure,
    peer_versions,
    peers_python,
    run_once,
    synth,
)

PEER_SCRIPT = Path(__file__).resolve().parent / "peer_demand_peer.py"


def month_end(d: date, months: int) -> date:
    """The month end `months` after the month of d."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    nxt = date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1)
    return nxt - timedelta(days=1)


def points(first_end: date, last_end: date, horizon: int, step: int) -> list[date]:
    """31 March of the data's 3rd year on, every `step` months, while the horizon still has actuals."""
    t, out = month_end(first_end, 24), []
    while month_end(t, horizon) <= last_end:
        out.append(t)
        t = month_end(t, step)
    return out


def in_care(db: Path, parquet: Path, dates: list[date]) -> tuple[dict, dict]:
    """Children in care on each date, casewatch's definition, from the database and from the synthetic truth."""
    import duckdb

    from casewatch.measures.fragments import CLA_AT_PE

    listed = ", ".join(f"DATE '{d}'" for d in dates)
    periods = f"WITH periods AS (SELECT unnest([{listed}]) AS pe) "
    q = periods + f"SELECT pe, count(*) FROM ({CLA_AT_PE}) GROUP BY pe"
    with duckdb.connect(str(db), read_only=True) as con:
        actual = {d: 0 for d in dates} | dict(con.execute(q).fetchall())
    truth = {}
    if parquet.exists():
        q2 = periods + f"SELECT pe, count(*) FROM ({CLA_AT_PE.replace('cla_episodes', repr(str(parquet)))}) GROUP BY pe"
        truth = {d: 0 for d in dates} | dict(duckdb.execute(q2).fetchall())
    return actual, truth


def ape(forecast: dict, actual: dict, dates: list[date]) -> list[float] | None:
    if not forecast or any(d not in forecast for d in dates):
        return None
    return [abs(forecast[d] - actual[d]) / actual[d] * 100 for d in dates]


def casewatch_forecast(db: Path, t: date, horizon: int, reference: int) -> tuple[dict | None, float, str]:
    cmd = [str(CASEWATCH), "forecast", "--db", str(db), "--as-of", str(t), "--horizon-months", str(horizon),
           "--reference-months", str(reference), "--no-backtest", "--runs", "1000", "--format", "json"]
    r = run_once(cmd, f"casewatch_forecast_{t}")
    if r["rc"] != 0:
        tail = r["log"].read_text().strip().splitlines()
        return None, r["seconds"], tail[-1] if tail else f"exit {r['rc']}"
    try:
        try:
            doc = json.loads(r["stdout"])
        except json.JSONDecodeError:
            doc = last_json(r["stdout"])
        return {date.fromisoformat(row["date"][:10]): float(row["mean"]) for row in doc["total"]}, r["seconds"], ""
    except (KeyError, TypeError, ValueError, SystemExit) as e:
        return None, r["seconds"], f"unreadable JSON: {e!r}"


def fmt(x: float | None, spec: str = "8.1f") -> str:
    return format(x, spec) if x is not None else format("n/a", f">{spec.split('.')[0]}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--scenario", default="pressure", choices=["baseline", "pressure"])
    p.add_argument("--end", default="2026-03-31", help="synth: last period end")
    p.add_argument("--reference-months", type=int, default=6)
    p.add_argument("--horizon-months", type=int, default=12)
    p.add_argument("--step-months", type=int, default=12, help="months between backtest points")
    p.add_argument("--model", default="multinomial", choices=["multinomial", "stock_and_flow"], help="peer's model")
    p.add_argument("--repeat", type=int, default=1, help="fresh runs of the peer per point; the median time")
    a = p.parse_args()
    if not casewatch_ready():
        raise SystemExit("casewatch is not installed in .venv")

    py = peers_python()
    returns = synth(a.size, a.seed, a.end, a.years, a.scenario)
    csvs = returns / "ssda903"
    # the 903 CSVs only: the very files the peer reads. (On 2026-12-05 `casewatch load` of the whole returns
    # folder, which holds the same 903 returns as CSV and as XML besides CIN etc., gave 1,898 episodes and 333
    # children in care on 2024-03-31; the CSVs alone, the XML alone and the synthetic truth give 2,336 and 274.)
    db = VAR / f"peer_demand-{a.size}-{a.seed}-{a.scenario}.duckdb"
    load = measure([str(CASEWATCH), "load", str(csvs), "--db", str(db)], "casewatch_load_demand")

    last_end = date.fromisoformat(a.end)
    first_end = month_end(last_end, -12 * (a.years - 1))
    ts = points(first_end, last_end, a.horizon_months, a.step_months)
    if not ts:
        raise SystemExit("no backtest point: the data are too short for the horizon")
    horizon = {t: [month_end(t, h) for h in range(1, a.horizon_months + 1)] for t in ts}
    dates = sorted({*ts, *(d for ds in horizon.values() for d in ds)})
    actual, truth = in_care(db, returns.parent / "cla_episodes.parquet", dates)
    print(f"synthetic {a.size} council, scenario {a.scenario}, seed {a.seed}, {a.years} years to {a.end}: "
          f"{len(list(csvs.glob('*.csv')))} SSDA903 CSVs; casewatch load {load['seconds']:.1f} s")
    print(f"  peer: {peer_versions(py, ('demand-model', 'pandas', 'numpy'))} (venv {VENV.relative_to(ROOT)}); "
          f"model {a.model}; reference {a.reference_months} months, horizon {a.horizon_months} months")
    off = [d for d in dates if truth and truth[d] != actual[d]]
    if truth:
        print("  actuals (children in care, casewatch's definition) from the database "
              + ("agree with the synthetic truth on every date" if not off else
                 f"DIFFER from the synthetic truth on {len(off)} of {len(dates)} dates, e.g. {off[0]}: database "
                 f"{actual[off[0]]}, truth {truth[off[0]]}"))

    rows, detail, cw_missing = [], [], None
    for t in ts:
        start = month_end(t, -a.reference_months)
        m = measure([str(py), str(PEER_SCRIPT), str(csvs), "--start", str(start), "--end", str(t),
                     "--horizon-months", str(a.horizon_months), "--model", a.model],
                    f"peer_demand_{t}", a.repeat, ok=(0,), cwd=VAR)
        pj = last_json(m["stdout"])
        peer = {date.fromisoformat(d): v for d, v in zip(pj["dates"], pj["total"], strict=True)}
        cw, cw_s, why = casewatch_forecast(db, t, a.horizon_months, a.reference_months)
        if cw is None and cw_missing is None:
            cw_missing = why
        ds = horizon[t]
        naive = {d: float(actual[t]) for d in ds}
        errs = {"peer": ape(peer, actual, ds), "casewatch": ape(cw, actual, ds), "naive": ape(naive, actual, ds)}
        rows.append((t, actual[t], pj, errs, m, cw_s if cw is not None else None))
        detail.append({"t": str(t), "reference_start": str(start), "actual_at_t": actual[t],
                       "actual": [actual[d] for d in ds], "dates": [str(d) for d in ds],
                       "peer": pj, "peer_wall_s": m["seconds"], "peer_peak_mb": m["peak_mb"],
                       "casewatch": [cw.get(d) for d in ds] if cw else None, "casewatch_wall_s": cw_s,
                       "casewatch_error": why or None, "ape": errs})

    print(f"\n  {'T':<12}{'in care':>8}{'peer@T':>8}{'peer MAPE':>11}{'cw MAPE':>9}{'naive MAPE':>12}"
          f"{'peer s':>9}{'(in-proc)':>10}{'cw s':>7}")
    for t, at, pj, errs, m, cw_s in rows:
        mape = {k: statistics.fmean(v) if v else None for k, v in errs.items()}
        pct = {k: f"{v:.1f}%" if v is not None else "n/a" for k, v in mape.items()}
        print(f"  {t!s:<12}{at:>8}{pj['stock_at_end']:>8.0f}{pct['peer']:>11}{pct['casewatch']:>9}"
              f"{pct['naive']:>12}{m['seconds']:>9.2f}{pj['seconds']:>10.2f}{fmt(cw_s, '7.2f')}")
    print(f"  (MAPE over the {a.horizon_months} month ends after T; peer@T: the peer's own count on T; "
          "peer s: its fresh process, in-proc: reading, fitting and projecting)")

    print(f"\n  absolute % error by horizon month, mean over {len(ts)} point{'s' * (len(ts) > 1)}:")
    print(f"    {'month':>5}{'peer':>8}{'cw':>8}{'naive':>8}")
    for h in range(a.horizon_months):
        col = {k: [r[3][k][h] for r in rows if r[3][k]] for k in ("peer", "casewatch", "naive")}
        vals = [statistics.fmean(v) if len(v) == len(rows) else None for v in col.values()]
        print(f"    {h + 1:>5}" + "".join(fmt(v, "8.1f") for v in vals))

    t, at, pj, *_ = rows[-1]
    print(f"\n  peer's forecast from {t} (actual in care then {at}): "
          + ", ".join(f"{d[5:7]}/{d[2:4]} {v:.0f}" for d, v in list(zip(pj["dates"], pj["total"], strict=True))[2::3])
          + "; actual: " + ", ".join(f"{actual[d]}" for d in horizon[t][2::3]))
    sd = pj.get("sd") or []
    if sd:
        print(f"  peer's sd (sqrt of its summed multinomial variances) at month 1 and {len(sd)}: {sd[0]:.2f}, "
              f"{sd[-1]:.2f} children: the variance of one daily step, not accumulated over the horizon")
    print(f"  peer's states on {t}: {len(pj['states'])} of age band x category (Birth to 1, 1 to 5, 5 to 10, 10 to 16, "
          "16 to 18+ x Fostering, Residential, Supported, Other)")
    warnings = sorted({w for r in rows for w in r[2]["warnings"]})
    if warnings:
        print("  peer warnings: " + "; ".join(warnings))
    if cw_missing is not None:
        print(f"casewatch: forecast not available yet ({cw_missing[:160]})")
    out = VAR / "peer_demand.json"
    out.write_text(json.dumps({"args": vars(a), "points": detail}, indent=1, default=str))
    print(f"  details: {out.relative_to(ROOT)}; logs: {VAR.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
