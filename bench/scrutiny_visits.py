"""How many Ofsted visit letters `read_visit` reads whole and right (issue 20).

    .venv/bin/python bench/scrutiny_visits.py [--letters DIR] [--show] [--not-visits DIR]

Reads every PDF in DIR (default /tmp/corpus/flat_fv, the focused-visit letters named
``<council-slug>_<dd-month-yyyy>.pdf`` by publication date) and prints how many give a VisitFacts with the
council, the letter's date and both visit dates. Each letter is then checked:

- council: equal to the file name's council slug, once both are lower-cased and stripped of punctuation, "&",
  "and" and "the" (so "Brighton & Hove" is brighton-and-hove), or its first words ("Newcastle" for
  newcastle-upon-tyne, "East Riding" for east-riding-of-yorkshire);
- letter date: at most 60 days before the publication date of the file name, or 7 after it (how often the two
  are the same day is counted);
- visit dates: first day <= last day <= letter date, the visit at most 14 days long and ending at most 120 days
  before the letter;
- body: the first body block is the opening sentence ("This letter summarises ...") or a heading, and no block
  of the body (less the letterhead blocks read_visit names) is an address, a salutation, a lone date or
  Ofsted's address, nor starts with a postcode or ends with "Ofsted" (letterhead run into a paragraph).

A field the letter itself does not print readably (LETTER_DEFECTS, read by hand) is right when it comes back
None. Every failure is listed with its reason; --show prints every letter's facts; --not-visits DIR (e.g.
/tmp/corpus/flat_ilacs) counts inspection reports wrongly read as visit letters.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casewatch.scrutiny.text import blocks_from_pages, source_pages  # noqa: E402
from casewatch.scrutiny.visit import VisitFacts, read_visit  # noqa: E402

POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
ADDRESS = re.compile(r"^(?:dear\b|ofsted$|piccadilly gate|store street|t 0300|textphone|\d{1,2} \w+ \d{4}$)", re.I)


# Hand-read letters (pdftotext) that do not print a field readably: the field must come back None.
LETTER_DEFECTS = {
    "cambridgeshire_29-august-2025.pdf": ({"letter_date"}, "the letter prints no date"),
    "north-somerset_06-november-2025.pdf": ({"letter_date"}, "the letter is dated '6 November 20205'"),
    "dudley_21-january-2020.pdf": ({"letter_date"}, "dated '21 January 2019' for a visit on 18 and 19 December 2019"),
    "darlington_28-november-2023.pdf": ({"visit_start"}, "visit 'on 24 October 2022 to 25 October 2023'"),
    "coventry_22-february-2018.pdf": ({"visit_start", "visit_end"}, "visit 'on 30 and 31 January', no year"),
    "durham_23-august-2021.pdf": ({"visit_start", "visit_end"}, "visit 'on 13 and 14 July', no year"),
}
SLUG_ALIASES = {"london-corporation": "city of london"}  # the file names use the corporation's name


def slug_name(text: str) -> str:
    text = SLUG_ALIASES.get(text, text).lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9 ]", " ", text.replace("-", " ").replace("'", ""))
    text = re.sub(r"^(?:the\s+)?(?:city of|county)\s+", "", " ".join(text.split()))
    text = re.sub(r"\b(?:and|the)\b", " ", text)
    return re.sub(r"\bst\b", "saint", " ".join(text.split()))


def same_council(name: str, slug: str) -> bool:
    """The letter's name is the slug, or its first words ("Newcastle" for newcastle-upon-tyne)."""
    a, b = slug_name(name).split(), slug_name(slug).split()
    return bool(a) and (a == b or len(a) >= 1 and b[:len(a)] == a and len(b) - len(a) <= 2)


def file_facts(path: Path) -> tuple[str, date | None]:
    slug, _, when = path.stem.rpartition("_")
    try:
        published = datetime.strptime(when, "%d-%B-%Y").date()
    except ValueError:
        published = None
    return slug, published


def check(path: Path, facts: VisitFacts | None, blocks) -> list[str]:
    """Reasons this letter's facts are wrong or missing (empty: all right)."""
    if facts is None:
        return ["not read as a visit letter"]
    slug, published = file_facts(path)
    why = []
    absent, defect = LETTER_DEFECTS.get(path.name, (set(), ""))
    missing = [f for f in ("council", "letter_date", "visit_start", "visit_end") if not getattr(facts, f)]
    if set(missing) - absent:
        why.append("missing " + ", ".join(f for f in missing if f not in absent))
    if absent - set(missing):
        why.append(f"read {', '.join(sorted(absent - set(missing)))} although {defect}")
    if facts.council and not same_council(facts.council, slug):
        why.append(f"council {facts.council!r} is not {slug!r}")
    if facts.letter_date and published and not (-7 <= (published - facts.letter_date).days <= 60):
        why.append(f"letter date {facts.letter_date} far from publication {published}")
    s, e, d = facts.visit_start, facts.visit_end, facts.letter_date
    if s and e and not (0 <= (e - s).days <= 14):
        why.append(f"visit {s} to {e} is not a visit's length")
    if e and d and not (0 <= (d - e).days <= 120):
        why.append(f"visit end {e} vs letter date {d}")
    first = blocks[facts.body_start] if facts.body_start < len(blocks) else None
    if first is None or not (first.kind == "heading" or re.match(r"this letter|between|the (visit|inspection)",
                                                                  first.text, re.I)):
        why.append(f"body starts at {first.text[:60] if first else None!r}")
    skip = set(facts.letterhead)
    for i, b in enumerate(blocks[facts.body_start:facts.body_start + 60], start=facts.body_start):
        if i not in skip and b.page == 1 and (ADDRESS.match(b.text) or POSTCODE.match(b.text) or b.text.endswith(
                " Ofsted") or POSTCODE.search(b.text) and len(b.text.split()) <= 8):
            why.append(f"letterhead in the body: block {i} {b.text[:60]!r}")
            break
    return why


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", default="/tmp/corpus/flat_fv", help="folder of visit letters (PDF)")
    ap.add_argument("--show", action="store_true", help="print every letter's facts")
    ap.add_argument("--not-visits", metavar="DIR", help="also read these inspection reports: none may be a visit")
    args = ap.parse_args()
    if args.not_visits:
        false = []
        reports = sorted(Path(args.not_visits).glob("*.pdf"))
        for path in reports:
            try:
                facts = read_visit(blocks_from_pages(source_pages(path)[0]))
            except Exception:  # an unreadable report is no visit letter either
                continue
            if facts:
                false.append(f"{path.name}: {facts}")
        print(f"inspection reports read as visit letters: {len(false)}/{len(reports)}")
        for line in false:
            print(f"FALSE VISIT {line}")
    paths = sorted(Path(args.letters).glob("*.pdf"))
    if not paths:
        print(f"no PDFs in {args.letters}")
        return 1
    complete = right = same_day = dated = 0
    kinds: Counter[str] = Counter()
    failures = []
    for path in paths:
        try:
            pages, _ = source_pages(path)
            blocks = blocks_from_pages(pages)
            facts = read_visit(blocks)
        except Exception as exc:  # a damaged file is a failure to list, not a crash
            failures.append((path.name, [f"could not be read: {type(exc).__name__}: {exc}"]))
            continue
        if args.show:
            print(path.name, facts)
        if facts:
            kinds[facts.kind] += 1
            if facts.council and facts.letter_date and facts.visit_start and facts.visit_end:
                complete += 1
            _, published = file_facts(path)
            if facts.letter_date and published:
                dated += 1
                same_day += facts.letter_date == published
        why = check(path, facts, blocks)
        if why:
            failures.append((path.name, why))
        else:
            right += 1
    n = len(paths)
    print(f"letters: {n}  read as visits: {sum(kinds.values())} ({', '.join(f'{k}: {v}' for k, v in kinds.items())})")
    print(f"council, letter date and both visit dates: {complete}/{n} ({100 * complete / n:.1f}%)")
    print(f"all fields right: {right}/{n} ({100 * right / n:.1f}%), counting None as right for the"
          f" {len(LETTER_DEFECTS)} fields letters do not print readably")
    print(f"letter date = publication date in the file name: {same_day}/{dated}")
    for name, why in failures:
        print(f"FAIL {name}: {'; '.join(why)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
