"""casewatch against the DfE/Data to Insight CIN census validator (csc-validator-be-cin) on the same XML.

Writes a synthetic council's returns with `casewatch synth --formats returns` (or takes --input DIR), runs the
peer (in its own venv, var/bench/peers) on one collection year's CIN census XML the way its CLI
`python -m cin_validator run FILE -r cinYYYY_YY` does, and casewatch on the same file, each in fresh processes.
Prints the peer's errors and queries per rule on our file (goal: none) and wall time and peak RSS of both.
Goal: casewatch >= 10x faster. Logs: var/bench/*.log.

    .venv/bin/python bench/peer_cin.py [--size medium] [--year 2025] [--repeat 3] [--input DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from _peers import (
    PEER_CIN,
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

GOAL = 10.0

# Why the peer (0.1.13, rule pack cin2024_25) flags casewatch's synthetic CIN census, from reading its rules and
# the flagged rows (2026-11-22). Shown in place of the peer's message; a rule not listed shows the message.
WHY = {
    "1580": "[writer] LAchildID has a hyphen (X01-C...): must be alphanumeric",
    "8770Q": "[writer] neither UPN nor UPNunknown written (query)",
    "8897Q": "[writer] no AssessmentFactors on authorised assessments (query)",
    "2990": "[writer] RC8/RC9 closure (no further action) yet S47/CPP/CIN plan/ICPC",
    "8825Q": "[writer] RC8/RC9 closure with no Assessments module (query)",
    "2885": "[writer] CPP start date differs from the initial CPC date",
    "8670Q": "[query] assessment open > 45 working days at 31 March: plausible",
    "8675Q": "[query] S47 open > 15 working days with no ICPC: plausible",
    "2888Q": "[query] one disability code only: plausible",
    "2991Q": "[writer] S47 with no assessment in the episode (query)",
}


def year_file(root: Path, year: int) -> Path | None:
    found = sorted(root.rglob(f"CIN_{year}.xml")) or sorted(
        p for p in root.rglob(f"*{year}*.xml") if "cin" in p.name.lower())
    return found[0].resolve() if found else None


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="medium", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--year", type=int, default=2025, help="census year, named by the 31 March it ends")
    p.add_argument("--end", default="2026-03-31", help="synth: last period end (3 years are written)")
    p.add_argument("--repeat", type=int, default=3, help="fresh runs of each; the median time is shown")
    p.add_argument("--input", type=Path, help="a directory holding CIN_YEAR.xml instead of a synthetic one")
    p.add_argument("--peer-year", type=int, help="collection year of the peer's rule pack (default --year)")
    a = p.parse_args()

    py = peers_python()
    src = a.input or synth(a.size, a.seed, a.end)
    path = year_file(src, a.year)
    if not path:
        sys.exit(f"no CIN census XML for {a.year} under {src}")
    peer_year = a.peer_year or a.year
    children = len(re.findall(rb"<Child>", path.read_bytes()))
    label = f"{path}" if a.input else f"synthetic {a.size} council (seed {a.seed})"
    print(f"CIN census {a.year - 1}-{a.year % 100:02d}, {label}: {children:,} children, "
          f"{path.stat().st_size / 2**20:.1f} MiB")
    print(f"  peer: {peer_versions(py)}; rule pack cin{peer_year - 1}_{peer_year % 100:02d}")

    peer = measure([str(py), "-c", PEER_CIN, str(peer_year), str(path)], "peer_cin", a.repeat, ok=(0,), cwd=VAR)
    pj = last_json(peer["stdout"])
    print(f"  peer read {', '.join(f'{k} {n:,}' for k, n in pj['rows'].items())} rows")

    if casewatch_ready():
        val, load, cw = ours([str(path)], "peercin", a.repeat)
        print(f"  casewatch: {sum(f['rows_read'] for f in cw['files']):,} records read, "
              f"{sum(f['rows_quarantined'] for f in cw['files']):,} quarantined, {cw['issues_total']:,} issues")
        print_timing(peer, pj, val, load, GOAL)
    else:
        cw = {"issues_by_rule": {}}
        print(f"  casewatch not installed yet: peer alone {peer['seconds']:.2f} s, peak {peer['peak_mb']:.0f} MB")

    errs = pj["errors_by_rule"]
    print_rules("peer's errors and queries (Q) (children flagged per rule; cw: casewatch's issues)",
                [("children", errs), ("cw", cw["issues_by_rule"])], pj["rules"], lambda code: WHY.get(code, ""))
    if pj["failed"]:
        print(f"  peer rules that crashed: {', '.join(pj['failed'])}")
    print(f"  ({pj['rules_run']} peer rules run; logs in {VAR.relative_to(ROOT)}/)")


if __name__ == "__main__":
    main()
