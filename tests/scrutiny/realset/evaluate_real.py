"""The scrutiny checker against real council releases (tests/scrutiny/realset): precision, recall, disagreements.

    .venv/bin/python tests/scrutiny/realset/evaluate_real.py [--mode lexical|default|both]

Not a pytest test: the set is small and the disagreements are the point (README.md says how it was labelled).
Reports are read from the corpus PDFs (../shared/reference/ofsted/reports or /work/shared/reference/ofsted/reports);
a case whose PDF is absent is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PDFS = [ROOT.parent / "shared" / "reference" / "ofsted" / "reports", Path("/work/shared/reference/ofsted/reports")]
VERDICTS = ("supported", "unsupported", "contradicted")
STATUSES = ("verbatim", "altered", "not_in_report")


def pdf(stem: str) -> Path | None:
    return next((d / f"{stem}.pdf" for d in PDFS if (d / f"{stem}.pdf").is_file()), None)


def pr(table: Counter, label: str) -> tuple[str, str, int]:
    got = sum(n for (_, g), n in table.items() if g == label)
    want = sum(n for (e, _), n in table.items() if e == label)
    right = table[(label, label)]
    fmt = lambda a, b: f"{a}/{b} = {a / b:.2f}" if b else "-"  # noqa: E731
    return fmt(right, got), fmt(right, want), want


def run(lexical: bool) -> None:
    from casewatch.scrutiny.check import scrutinise
    from casewatch.scrutiny.quotes import normal
    from casewatch.scrutiny.report import parse_report
    from casewatch.scrutiny.statement import read_statement

    claims, quotes, changes = Counter(), Counter(), Counter()
    flagged = must_flag = wrongly = must_not = 0
    misses, below_top10 = [], []
    for path in sorted(HERE.glob("*.json")):
        case = json.loads(path.read_text())
        source = pdf(case["report"])
        if source is None:
            print(f"skipped {path.name}: {case['report']}.pdf not on this machine")
            continue
        found = scrutinise(parse_report(source), read_statement(case["statement"]), case["previous_judgement"],
                           lexical=lexical)
        want = case["expected"]
        changes[(want["judgement_change"], found.judgements.overall.direction)] += 1
        for c in want["claims"]:
            hit = next((x for x in found.claims if c["contains"] in x.text), None)
            got = hit.verdict if hit else "not a claim"
            claims[(c["verdict"], got)] += 1
            if got != c["verdict"]:
                ev = hit.evidence[0]["text"][:160] if hit and hit.evidence else ""
                misses.append((path.stem, "claim", c["verdict"], got, c["contains"],
                               (hit.reason if hit else "") + (f" | evidence: {ev}" if ev else "")))
        for q in want["quotes"]:
            hit = next((x for x in found.quotes if q["contains"] in x.text), None)
            got = hit.status if hit else "not found"
            quotes[(q["status"], got)] += 1
            if got != q["status"]:
                misses.append((path.stem, "quote", q["status"], got, q["contains"], ""))
        omitted = [normal(f.text) for f in found.omitted]
        top10 = omitted[:10]
        for text in want["omitted"]["must_flag"]:
            hit = any(normal(text) in f for f in omitted)
            flagged += hit
            must_flag += 1
            if not hit:
                misses.append((path.stem, "must_flag", "listed", "not listed", text, ""))
            elif not any(normal(text) in f for f in top10):
                below_top10.append((path.stem, text))
        for text in want["omitted"]["must_not_flag"]:
            hit = any(normal(text) in f for f in omitted)
            wrongly += hit
            must_not += 1
            if hit:
                misses.append((path.stem, "must_not_flag", "not listed", "listed", text, ""))
        if found.judgements.overall.direction != want["judgement_change"]:
            misses.append((path.stem, "judgement_change", want["judgement_change"], found.judgements.overall.direction,
                           "", ""))

    from casewatch.scrutiny import similar
    print(f"\n## {'lexical=True' if lexical else 'default: ' + similar.method()}\n")
    print("| what | label | labelled | precision | recall |\n|---|---|---|---|---|")
    for name, table, labels in (("claims", claims, VERDICTS), ("quotes", quotes, STATUSES)):
        for label in labels:
            p, r, n = pr(table, label)
            print(f"| {name} | {label} | {n} | {p} | {r} |")
    print(f"| omitted findings | must flag | {must_flag} | - | {flagged}/{must_flag} listed |")
    print(f"| omitted findings | must flag in the top 10 | {must_flag} | - | {flagged - len(below_top10)}/{must_flag} |")
    print(f"| omitted findings | must not flag | {must_not} | - | {wrongly} wrongly listed |")
    right = sum(n for (e, g), n in changes.items() if e == g)
    print(f"| judgement change | up/same/down | {sum(changes.values())} | - | {right} right |")
    print("\nconfusion (labelled -> checker): claims", dict(claims), "\n                                 quotes", dict(quotes))
    print(f"\n### disagreements ({len(misses)})\n")
    for m in misses:
        print(" | ".join(str(x) for x in m))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="both", choices=["lexical", "default", "both"])
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if a.mode in ("lexical", "both"):
        run(lexical=True)
    if a.mode in ("default", "both"):
        run(lexical=False)
