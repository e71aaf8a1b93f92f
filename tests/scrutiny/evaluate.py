"""The scrutiny checker against the hand-labelled development set (tests/scrutiny/devset): precision and recall.

    .venv/bin/python tests/scrutiny/evaluate.py [--text] [--lexical] [--half tune|held-out|all]
                                                [--set devset|heldout|realset|all] [--misses]

Reports come from the corpus PDFs when they are on this machine (../shared/reference/ofsted/reports), else from
the saved text (devset/reports/*.txt.gz), or always from the text with --text. The "tune" half is the five
reports the rules and thresholds were tuned on; "held-out" the other five (docs/scrutiny.md says how held out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "devset"
SETS = {"devset": DEVSET, "heldout": HERE / "heldout", "realset": HERE / "realset"}
PDFS = [HERE.parents[2] / "shared" / "reference" / "ofsted" / "reports", Path("/work/shared/reference/ofsted/reports")]
TUNE = {"barnsley_27-october-2023", "birmingham_25-november-2016", "blackpool_17-january-2019",
        "bolton_27-october-2023", "brighton-and-hove_16-may-2024"}
VERDICTS = ("supported", "unsupported", "contradicted")
STATUSES = ("verbatim", "altered", "not_in_report")


@dataclass
class Score:
    claims: Counter = field(default_factory=Counter)  # (expected, got)
    quotes: Counter = field(default_factory=Counter)
    changes: Counter = field(default_factory=Counter)
    flagged: int = 0  # must_flag found among the omitted findings
    must_flag: int = 0
    wrongly_flagged: int = 0  # must_not_flag found among them
    must_not_flag: int = 0
    statements: int = 0
    misses: list = field(default_factory=list)

    def precision(self, table: Counter, label: str) -> float | None:
        got = sum(n for (_, g), n in table.items() if g == label)
        return table[(label, label)] / got if got else None

    def recall(self, table: Counter, label: str) -> float | None:
        expected = sum(n for (e, _), n in table.items() if e == label)
        return table[(label, label)] / expected if expected else None


def report_source(stem: str, text: bool):
    if not text:
        for folder in PDFS:
            if (folder / f"{stem}.pdf").is_file():
                return folder / f"{stem}.pdf"
    return gzip.decompress((DEVSET / "reports" / f"{stem}.txt.gz").read_bytes()).decode("utf-8")


def evaluate(half: str = "all", text: bool = False, lexical: bool = False, sets: tuple[str, ...] = ("devset",)
             ) -> Score:
    """Scores over the named sets (devset: 40 written statements; heldout: 16 written blind to the checker;
    realset: real council releases); ``half`` splits the devset only."""
    from casewatch.scrutiny.check import scrutinise
    from casewatch.scrutiny.quotes import normal
    from casewatch.scrutiny.report import parse_report
    from casewatch.scrutiny.statement import read_statement

    score, reports = Score(), {}
    for path in sorted(p for name in sets for p in SETS[name].glob("*.json")):
        case = json.loads(path.read_text())
        if half != "all" and path.parent == DEVSET and (half == "tune") != (case["report"] in TUNE):
            continue
        if case["report"] not in reports:
            reports[case["report"]] = parse_report(report_source(case["report"], text))
        found = scrutinise(reports[case["report"]], read_statement(case["statement"]), case["previous_judgement"],
                           lexical=lexical)
        score.statements += 1
        want = case["expected"]
        score.changes[(want["judgement_change"], found.judgements.overall.direction)] += 1
        for c in want["claims"]:
            got = next((x.verdict for x in found.claims if c["contains"] in x.text), "not a claim")
            score.claims[(c["verdict"], got)] += 1
            if got != c["verdict"]:
                score.misses.append((path.stem, "claim", c["verdict"], got, c["contains"]))
        for q in want["quotes"]:
            got = next((x.status for x in found.quotes if q["contains"] in x.text), "not found")
            score.quotes[(q["status"], got)] += 1
        omitted = [normal(f.text) for f in found.omitted]
        for text_ in want["omitted"]["must_flag"]:
            hit = any(normal(text_) in f for f in omitted)
            score.flagged += hit
            score.must_flag += 1
            if not hit:
                score.misses.append((path.stem, "must_flag", "", "", text_))
        for text_ in want["omitted"]["must_not_flag"]:
            hit = any(normal(text_) in f for f in omitted)
            score.wrongly_flagged += hit
            score.must_not_flag += 1
    return score


def table(score: Score) -> str:
    def pct(x):
        return "-" if x is None else f"{x:.2f}"

    lines = [f"statements: {score.statements}", "| what | label | labelled | precision | recall |", "|---|---|---|---|---|"]
    for name, t, labels in (("claims", score.claims, VERDICTS), ("quotes", score.quotes, STATUSES)):
        for label in labels:
            n = sum(v for (e, _), v in t.items() if e == label)
            lines.append(f"| {name} | {label} | {n} | {pct(score.precision(t, label))} | {pct(score.recall(t, label))} |")
    lines.append(f"| omitted findings | must flag | {score.must_flag} | - | {pct(score.flagged / score.must_flag)} |")
    lines.append(f"| omitted findings | must not flag | {score.must_not_flag} | - | wrongly flagged "
                 f"{score.wrongly_flagged} |")
    right = sum(v for (e, g), v in score.changes.items() if e == g)
    lines.append(f"| judgement change | down/up/same | {score.statements} | - | {right}/{score.statements} right |")
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="all", choices=["tune", "held-out", "all"])
    ap.add_argument("--text", action="store_true", help="read the reports from the saved text, not the PDFs")
    ap.add_argument("--lexical", action="store_true", help="word-based similarity instead of the model")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--set", default="devset", choices=[*SETS, "all"], help="which labelled set (default devset)")
    a = ap.parse_args()
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    s = evaluate(a.half, a.text, a.lexical, tuple(SETS) if a.set == "all" else (a.set,))
    print(table(s))
    if a.misses:
        for m in s.misses:
            print(*m, sep=" | ")
