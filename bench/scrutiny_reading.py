"""How many Ofsted reports `parse_report` reads, and whether every grade and date is right (issue 20).

    .venv/bin/python bench/scrutiny_reading.py [--reports DIR] [--history CSV]

Parses every PDF in the corpus (../shared/reference/ofsted/reports) and prints: how many were read, how many
refused (grouped by message), counts by framework period (SIF 2013-17, ILACS 2018-25, 2025-26 reformed,
visits), and each read report's grades and dates checked against judgement_history.csv, matched by council and
publication date (or, where the report states none, the first publication within 200 days of the inspection's
end). Every mismatch is listed.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUDGEMENTS = ("overall", "leaders", "help_and_protection", "children_in_care", "care_leavers", "adoption")


def _name(text: str) -> str:
    text = text.lower().replace("&", " and ")
    text = re.sub(r"\b(the|council|metropolitan|borough|county|city|of)\b", " ", text)
    return " ".join(re.sub(r"[^a-z ]", " ", text).split())


def _within(part: str, whole: str) -> bool:
    return bool(re.search(rf"\b{re.escape(part)}\b", whole))


def period(report) -> str:
    if report.framework == "visit":
        return "visits"
    if report.framework == "sif" or report.framework == "other":
        return "SIF 2013-17"
    when = report.inspection_end or report.published
    if when and when >= date(2025, 11, 1) or "overall" not in report.judgements:
        return "2025-26 reformed"
    return "ILACS 2018-25"


def history_match(report, rows: list[dict]) -> tuple[dict | None, str]:
    council = _name(report.council)
    mine = [
        r
        for r in rows
        if _name(r["la_name"])
        and (_within(_name(r["la_name"]), council) or _within(council, _name(r["la_name"])))
    ]
    if not mine:
        return None, f"no history rows for council {report.council!r}"
    inside = [r for r in mine if _within(_name(r["la_name"]), council)]
    if inside:  # "London Borough of Islington" is not City of London, "Somerset" not North Somerset
        longest = max(len(_name(r["la_name"])) for r in inside)
        mine = [r for r in inside if len(_name(r["la_name"])) == longest]
    if report.published:
        found = [r for r in mine if abs((date.fromisoformat(r["published"]) - report.published).days) <= 7]
        how = f"published {report.published}"
    elif report.inspection_end:
        after = sorted((date.fromisoformat(r["published"]) - report.inspection_end).days for r in mine)
        after = [d for d in after if 0 <= d <= 200][:1]  # the first publication after the inspection ended
        found = [
            r for r in mine if [(date.fromisoformat(r["published"]) - report.inspection_end).days] == after
        ]
        how = f"inspection ended {report.inspection_end}"
    else:
        return None, "no publication or inspection dates read"
    if len(found) != 1:
        return None, f"{len(found)} history rows match {report.council} ({how})"
    return found[0], ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", default=str(ROOT.parent / "shared/reference/ofsted/reports"))
    ap.add_argument("--history", default=None)
    a = ap.parse_args()
    from casewatch.scrutiny.report import ReportError, parse_report

    folder = Path(a.reports)
    if not folder.is_dir():
        folder = Path("/work/shared/reference/ofsted/reports")
    history = Path(a.history) if a.history else folder.parent / "judgement_history.csv"
    if not history.is_file():
        history = ROOT.parent / "shared/reference/ofsted/judgement_history.csv"
    if not history.is_file():
        history = Path("/work/shared/reference/ofsted/judgement_history.csv")
    with open(history, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pdfs = sorted(folder.glob("*.pdf"))
    read, refused, periods, mismatches = [], Counter(), Counter(), []
    refused_files: list[tuple[str, str]] = []
    for pdf in pdfs:
        try:
            r = parse_report(pdf)
        except ReportError as exc:
            msg = str(exc).replace(str(pdf), "").lstrip(": ")
            refused[re.sub(r"\(.*\)", "(...)", msg)] += 1
            refused_files.append((pdf.name, msg))
            continue
        read.append(r)
        periods[period(r)] += 1
        if r.framework == "visit":
            continue  # a visit carries no judgement; the history holds inspections only
        row, why = history_match(r, rows)
        if row is None:
            mismatches.append(f"{pdf.name}: {why}")
            continue
        want = {k: row[k] for k in JUDGEMENTS if row[k]}
        if r.judgements != want:
            diff = {
                k: (r.judgements.get(k), want.get(k))
                for k in set(want) | set(r.judgements)
                if r.judgements.get(k) != want.get(k)
            }
            mismatches.append(f"{pdf.name}: grades (read, history) {diff}")
        if row["framework"] != r.framework:
            mismatches.append(f"{pdf.name}: framework {r.framework} but history says {row['framework']}")
        if r.published and abs((date.fromisoformat(row["published"]) - r.published).days) > 7:
            mismatches.append(f"{pdf.name}: published {r.published}, history {row['published']}")
        if r.inspection_start and r.inspection_end and not r.inspection_start <= r.inspection_end:
            mismatches.append(f"{pdf.name}: inspection dates {r.inspection_start} > {r.inspection_end}")
    n = len(pdfs)
    print(f"corpus: {folder} ({n} PDFs)")
    print(f"read: {len(read)}/{n} ({100 * len(read) / max(n, 1):.1f}%)   refused: {n - len(read)}")
    for msg, k in refused.most_common():
        print(f"  refused {k}: {msg}")
    for name, msg in refused_files:
        print(f"    {name}: {msg}")
    print(
        "by framework: "
        + ", ".join(
            f"{p} {periods[p]}" for p in ("SIF 2013-17", "ILACS 2018-25", "2025-26 reformed", "visits")
        )
    )
    checked = sum(1 for r in read if r.framework != "visit")
    print(f"checked against judgement_history.csv: {checked}, mismatches: {len(mismatches)}")
    for m in mismatches:
        print(f"  MISMATCH {m}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
