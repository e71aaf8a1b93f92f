"""casewatch against the DfE/Data to Insight SSDA903 validator (csc-validator-be-903) on the same 903 CSVs.

Writes a synthetic council's returns with `casewatch synth --formats returns` (or takes --input DIR), runs the
peer (in its own venv, var/bench/peers) on one collection year's SSDA903 CSVs, and casewatch on the same files,
each in fresh processes. Prints the peer's errors per rule on our files (goal: none that a single year's files
can decide; a second, untimed peer run that is also given last year's files shows which rules needed them)
and wall time and peak RSS of both. Goal: casewatch >= 20x faster. Logs: var/bench/*.log.

    .venv/bin/python bench/peer_903.py [--size medium] [--year 2025] [--repeat 3] [--input DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from _peers import (
    PEER_903,
    ROOT,
    VAR,
    casewatch_ready,
    last_json,
    measure,
    ours,
    peer_versions,
    peers_python,
    print_rules,
    print_timing,
    synth,
)

GOAL = 20.0

# Why the peer (0.1.17, rule pack lac2024_25) flags casewatch's synthetic 903 files, from reading its rules and
# the flagged rows (2026-11-22). Shown in place of the peer's message; a rule not listed shows the message.
WHY = {
    "169": "[postcodes] PL_LA is derived from PL_POST via the ONS directory; ZZn m postcodes are not real",
    "179": "[postcodes] PL_LOCATION (in/out of LA) derived from the postcode: none",
    "392a": "[postcodes] PL_DISTANCE derived from both postcodes: none",
    "392c": "[postcodes] synthetic postcodes are not in the ONS directory",
    "1015": "[postcodes] own provision (PR1) but PL_LA (from the postcode) is not the LA",
    "392d": "[writer] home and placement postcode drawn equal for non-P1 placements",
    "146": "[peer defect] its 2024-25 PLACE list has 'k3' (lower case): every K3 flagged",
    "231": "[peer defect] crashes on CSV input: Header has no UASC_STATUS column",
    "202": "[peer limit] compares SEX across the 2024-25 recoding (1/2 -> M/F)",
    "1001": "[needs earlier years] care leavers whose care ended before last year (peer says so)",
    "1002": "[needs earlier years] care leavers with no episodes in the 2 years given",
    "393": "[writer] MOTHER is blank for looked-after girls (should be 0 or 1)",
    "607": "[writer] MOTHER blank for girls who ceased care in the year",
    "SW01bSTG1": "[writer] SW_REASON blank on open SW episodes (DfE: reason on every episode)",
    "SW13STG1": "[writer] same rows: SW_REASON written as the end reason, only when closed",
    "225": "[writer] REASON_PLACE_CHANGE goes on the new episode; DfE wants it on the X1 one",
    "504": "[writer] CIN (need code) changes within one period of care",
    "434": "[writer] RNE L episodes with a new placement (URN/postcode) or unchanged LS",
    "435": "[writer] RNE P episodes with a changed LS or an unchanged placement",
    "EPI": "[writer] Header rows for children with no episode in the year (not OC3)",
    "1012": "[writer] PlacedAdoption rows for children with no episode in the year",
    "523": "[writer] AD1 DATE_INT differs from PlacedAdoption DATE_PLACED",
    "333": "[writer] AD1 DATE_INT after DATE_MATCH",
    "335": "[writer] FOSTER_CARE inconsistent with the adoption placement type",
    "408": "[writer] A5/A6 placement with a legal status other than E1",
    "217": "[writer] A3/A5 placements that start with RNE other than S/T/U",
    "378": "[writer] P1 (placed with parents) under V2",
    "133": "[writer] OC3 ACCOM S1/X1 (no fixed abode/custody is never 'suitable')",
    "205B": "[writer] UASC in both years with DUC that does not support it",
    "232": "[intended] SEX U planted (a warning)",
    "SW10STG2": "[writer] overlapping SW episodes",
    "SW11bSTG2": "[writer] SW episode ends in the last 5 days with no successor",
    "SW12STG2": "[writer] SW episodes missing for part of the year",
}


def year_files(root: Path, year: int) -> list[str]:
    found = sorted(root.rglob(f"SSDA903_{year}_*.csv")) or sorted(
        p for p in root.rglob(f"*{year}*.csv") if "903" in p.name)
    return [str(p.resolve()) for p in found]


def peer_run(py: Path, year: int, this: list[str], prev: list[str], la: str, name: str, repeat: int):
    spec = json.dumps({"year": year, "this": this, "prev": prev, "la": la})
    m = measure([str(py), "-c", PEER_903, spec], name, repeat, ok=(0,), cwd=VAR)
    return m, last_json(m["stdout"])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="medium", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--year", type=int, default=2025, help="collection year, named by the 31 March it ends")
    p.add_argument("--end", default="2026-03-31", help="synth: last period end (3 years are written)")
    p.add_argument("--repeat", type=int, default=3, help="fresh runs of each; the median time is shown")
    p.add_argument("--input", type=Path, help="a directory of SSDA903_YEAR_*.csv instead of synthetic ones")
    p.add_argument("--peer-year", type=int, help="collection year of the peer's rule pack (default --year)")
    p.add_argument("--la", default="E09000027", help="the peer's localAuthority metadata")
    p.add_argument("--no-prev", action="store_true", help="skip the diagnostic peer run with last year's files")
    a = p.parse_args()

    py = peers_python()
    src = a.input or synth(a.size, a.seed, a.end)
    this, prev = year_files(src, a.year), year_files(src, a.year - 1)
    if not this:
        sys.exit(f"no SSDA903 CSVs for {a.year} under {src}")
    peer_year = a.peer_year or a.year
    rows = sum(max(len(Path(f).read_bytes().splitlines()) - 1, 0) for f in this)
    label = f"{a.input}" if a.input else f"synthetic {a.size} council (seed {a.seed})"
    print(f"SSDA903 {a.year - 1}-{a.year % 100:02d}, {label}: {len(this)} CSVs, {rows:,} rows")
    print(f"  peer: {peer_versions(py)}; rule pack lac{peer_year - 1}_{peer_year % 100:02d}")

    peer, pj = peer_run(py, peer_year, this, [], a.la, "peer_903", a.repeat)
    with_prev = {}
    if prev and not a.no_prev:
        _, pj2 = peer_run(py, peer_year, this, prev, a.la, "peer_903_prev", 1)
        with_prev = pj2["errors_by_rule"]
        pj["rules"].update(pj2["rules"])

    if casewatch_ready():
        val, load, cw = ours(this, "peer903", a.repeat)
        print(f"  casewatch: {sum(f['rows_read'] for f in cw['files']):,} rows read, "
              f"{sum(f['rows_quarantined'] for f in cw['files']):,} quarantined, {cw['issues_total']:,} issues")
        print_timing(peer, pj, val, load, GOAL)
    else:
        cw = {"issues_by_rule": {}}
        print(f"  casewatch not installed yet: peer alone {peer['seconds']:.2f} s, peak {peer['peak_mb']:.0f} MB")

    errs = pj["errors_by_rule"]

    def note(code: str) -> str:
        tables = pj["rules"].get(code, {}).get("tables", [])
        if with_prev and with_prev.get(code, 0) < errs.get(code, 0):
            return "[needs last year's return] " + pj["rules"][code]["message"]
        if code in WHY:
            return WHY[code]
        if any(t.endswith("_last") for t in tables):
            return "[compares with last year] " + pj["rules"][code]["message"]
        return ""

    cols = [("1 year", errs)] + ([("+prev", with_prev)] if with_prev else []) + [("cw", cw["issues_by_rule"])]
    print_rules("peer's errors (rows flagged per rule; +prev: given last year's files too; cw: casewatch's "
                "issues)", cols, pj["rules"], note)
    if pj["failed"]:
        print(f"  peer rules that crashed: {', '.join(pj['failed'])}")
    print(f"  ({len(pj['skipped'])} of {pj['rules_run']} peer rules skipped for want of tables; logs in "
          f"{VAR.relative_to(ROOT)}/)")


if __name__ == "__main__":
    main()
