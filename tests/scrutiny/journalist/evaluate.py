"""How many of the sentences a journalist picked (picks.json) casewatch's omitted findings list puts in its top 10.

    .venv/bin/python tests/scrutiny/journalist/evaluate.py [--reports DIR] [--show] [--half tune|check|all]

Each report is checked against a statement that claims nothing ("<council> children's services were inspected
by Ofsted."), so every critical finding counts as omitted and the list is the report's ranking. A pick is found
when its words (``quotes.normal``) are inside a listed finding (which may carry the sentence before it), or
nearly the same (rapidfuzz partial ratio >= 95, for hyphens the PDF text breaks). Also counted: top 10s with a
duplicate or a finding that leans on a sentence it does not carry.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rapidfuzz import fuzz

from casewatch.scrutiny.check import scrutinise
from casewatch.scrutiny.findings import leans_back
from casewatch.scrutiny.quotes import normal
from casewatch.scrutiny.report import parse_report
from casewatch.scrutiny.statement import read_statement

HERE = Path(__file__).parent


def found(pick: str, findings: list[str]) -> int | None:
    """The rank (1-based) of the finding that holds the pick, or None."""
    key = normal(pick)
    for i, f in enumerate(findings, 1):
        other = normal(f)
        if key in other or (len(key) > 20 and fuzz.partial_ratio(key, other) >= 95):
            return i
    return None


def half(stem: str, which: str) -> bool:
    """The tune half (every other report, alphabetically: the ranking was adjusted on these) or the check half."""
    stems = sorted(json.loads((HERE / "picks.json").read_text()))
    return which == "all" or (stems.index(stem) % 2 == 0) == (which == "tune")


def measure(reports: Path, top: int = 10, which: str = "all") -> dict:
    picks = {k: v for k, v in json.loads((HERE / "picks.json").read_text()).items() if half(k, which)}
    out = {"picks": 0, "in_top": 0, "listed": 0, "dangling": [], "duplicates": [], "per_report": {}, "top": {}}
    for stem, chosen in sorted(picks.items()):
        report = parse_report(reports / f"{stem}.pdf")
        s = scrutinise(report, read_statement(f"{report.council} children's services were inspected by Ofsted."),
                       None, lexical=True)
        texts = [f.text for f in s.omitted]
        ranks = [found(p["sentence"], texts) for p in chosen]
        out["picks"] += len(chosen)
        out["in_top"] += sum(1 for r in ranks if r is not None and r <= top)
        out["listed"] += sum(1 for r in ranks if r is not None)
        out["per_report"][stem] = ranks
        head = texts[:top]
        out["top"][stem] = head
        out["dangling"] += [f"{stem}: {t[:90]}" for t in head if leans_back(t)]
        keys = [normal(t) for t in head]
        out["duplicates"] += [f"{stem}: {head[i][:90]}" for i, k in enumerate(keys)
                              if any(k in o or o in k for j, o in enumerate(keys) if j != i)]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", default="/work/shared/reference/ofsted/reports")
    ap.add_argument("--show", action="store_true", help="print each report's top 10 and its missed picks")
    ap.add_argument("--half", default="all", choices=["tune", "check", "all"])
    a = ap.parse_args()
    m = measure(Path(a.reports), which=a.half)
    print(f"picks in the top 10: {m['in_top']}/{m['picks']} = {m['in_top'] / m['picks']:.2f}; "
          f"listed anywhere: {m['listed']}/{m['picks']}")
    print(f"top 10s with a dangling finding: {len(m['dangling'])}; duplicates: {len(m['duplicates'])}")
    for stem, ranks in m["per_report"].items():
        print(f"  {stem}: ranks {ranks}")
    for line in m["dangling"] + m["duplicates"]:
        print(f"  ! {line}")
    if a.show:
        picks = json.loads((HERE / "picks.json").read_text())
        for stem, ranks in m["per_report"].items():
            report = parse_report(Path(a.reports) / f"{stem}.pdf")
            s = scrutinise(report, read_statement(f"{report.council} children's services were inspected."),
                           None, lexical=True)
            print(f"\n## {stem}")
            for f in s.omitted[:12]:
                print(f"  {f.rank:>2} [{f.section[:12]}|sev {f.severity}|imp {int(f.improvement)}] {f.text[:150]}")
            for p, r in zip(picks[stem], ranks, strict=True):
                if r is None or r > 10:
                    print(f"  MISSED (rank {r}): {p['sentence'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
