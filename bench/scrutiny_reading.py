"""How many Ofsted reports `parse_report` reads, and whether every grade and date is right (issue 20).

    .venv/bin/python bench/scrutiny_reading.py [--reports DIR] [--history CSV] [--scrape-history CSV]

Parses every PDF in the corpus (../shared/reference/ofsted/reports) and prints: how many were read, how many
refused (grouped by message, files that are not reports at all - web pages saved as .pdf - counted apart),
counts by framework period (named from the file's publication date, so refused reports are counted in their
period too), and each read report's grades and dates checked against judgement_history.csv, matched by council
and publication date (or, where the report states none, the first publication within 200 days of the
inspection's end). Reports newer than that history are checked against ``--scrape-history``: the scrape tool's
own table (data-to-insight/ofsted-ilacs-scrape-tool's ofsted_csc_ilacs_history.csv, written by its own PDF
parser: an independent reading), matched by file name. Every mismatch is listed.
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


PERIODS = ("before SIF (2012-13)", "SIF 2013-17", "ILACS 2018-25", "2025-26 (new labels; no overall from 2026)",
           "visits")


def file_date(name: str) -> date | None:
    m = re.search(r"_(\d{1,2})-([a-z]+)-(\d{4})", name)
    months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december"]
    if not m or m.group(2) not in months:
        return None
    return date(int(m.group(3)), months.index(m.group(2)) + 1, int(m.group(1)))


def period(name: str, report=None) -> str:
    """The framework period, from the publication date in the file's name (a refused report has no framework)."""
    if report is not None and report.framework == "visit":
        return PERIODS[4]
    when = file_date(name) or (report.published if report else None)
    if when is None:
        return "unknown"
    if when < date(2013, 11, 1):
        return PERIODS[0]
    if when < date(2018, 1, 1):
        return PERIODS[1]
    return PERIODS[2] if when < date(2025, 4, 1) else PERIODS[3]


def scrape_truth(path: Path) -> dict[str, dict]:
    """{file stem as in the flattened corpus: judgements} from the scrape tool's history table."""
    from casewatch.scrutiny import report

    keys = {"overall_effectiveness_grade": "overall", "impact_of_leaders_grade": "leaders",
            "help_and_protection_grade": "help_and_protection", "in_care_grade": "children_in_care",
            "care_leavers_grade": "care_leavers"}
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            day = re.search(r"(\d{1,2}) ([a-z]+) (\d{4})", r["pdf_filename"] or "")
            if not day:
                continue
            stem = re.sub(r"[ ,&]+", "-", r["local_authority"]) + "_" + "-".join(day.groups())
            grades = {k: r[c] for c, k in keys.items() if r.get(c) in report.GRADES}
            if grades:
                out[stem] = grades
    return out


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
    ap.add_argument("--scrape-history", default=None, help="the scrape tool's ofsted_csc_ilacs_history.csv")
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
    scraped = scrape_truth(Path(a.scrape_history)) if a.scrape_history else {}
    pdfs = sorted(folder.glob("*.pdf"))
    read, refused, mismatches, not_reports = [], Counter(), [], []
    tally: dict[str, Counter] = {p: Counter() for p in PERIODS}
    refused_files: list[tuple[str, str]] = []
    checked = Counter()
    for pdf in pdfs:
        try:
            r = parse_report(pdf)
        except ReportError as exc:
            msg = str(exc).replace(str(pdf), "").lstrip(": ")
            if "not a report" in msg:
                not_reports.append(f"{pdf.name}: {msg}")
                continue
            refused[re.sub(r"\(.*\)", "(...)", msg)] += 1
            refused_files.append((pdf.name, msg))
            tally.setdefault(period(pdf.name), Counter())["refused"] += 1
            continue
        read.append(r)
        tally.setdefault(period(pdf.name, r), Counter())["read"] += 1
        if r.framework == "visit":
            continue  # a visit carries no judgement; the history holds inspections only
        row, why = history_match(r, rows)
        if row is None and pdf.stem in scraped:
            checked["the scrape tool's history"] += 1
            if r.judgements != scraped[pdf.stem]:
                want = scraped[pdf.stem]
                diff = {k: (r.judgements.get(k), want.get(k)) for k in set(want) | set(r.judgements)
                        if r.judgements.get(k) != want.get(k)}
                mismatches.append(f"{pdf.name}: grades (read, scrape tool) {diff}")
            continue
        if row is None:
            checked["no truth to check against"] += 1
            if "no history rows" not in why and "0 history rows" not in why:
                mismatches.append(f"{pdf.name}: {why}")
            continue
        checked["judgement_history.csv"] += 1
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
        if not (r.inspection_start and r.inspection_end):
            mismatches.append(f"{pdf.name}: no inspection dates read")
    n = len(pdfs) - len(not_reports)
    print(f"corpus: {folder} ({len(pdfs)} PDFs, {len(not_reports)} of them not reports)")
    print(f"read: {len(read)}/{n} ({100 * len(read) / max(n, 1):.1f}%)   refused: {n - len(read)}")
    print("| period | reports | read | refused | read rate |\n|---|---|---|---|---|")
    for p, c in tally.items():
        if sum(c.values()):
            print(f"| {p} | {sum(c.values())} | {c['read']} | {c['refused']} | "
                  f"{100 * c['read'] / sum(c.values()):.1f}% |")
    for msg, k in refused.most_common():
        print(f"  refused {k}: {msg}")
    for name, msg in refused_files:
        print(f"    {name}: {msg}")
    for line in not_reports:
        print(f"  not a report: {line}")
    print("grades checked against: " + ", ".join(f"{k} {v}" for k, v in checked.items())
          + f"; mismatches: {len(mismatches)}")
    for m in mismatches:
        print(f"  MISMATCH {m}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
