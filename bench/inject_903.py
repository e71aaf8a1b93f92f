"""Break SSDA903 rules on purpose in casewatch's clean synthetic 903 CSVs, for bench/parity_903.py.

``inject(src, out, year, seed)`` reads ``src/SSDA903_<year>_<table>.csv`` and last year's set (what
``casewatch synth --formats returns`` writes under ``returns/ssda903``), damages THIS year's tables on a few rows
per column and per kind of damage, copies last year's unchanged, and writes both under ``out`` with the same
names plus ``out/injected.csv``: one line per change (year, table, CSV line after writing, column, kind, old and
new value; a deleted row has the line it had before). Deterministic for a seed.

Kinds, per column of every table (``PER`` rows each, rows not yet damaged first): ``blank``; ``invalid_code``;
``other_year_code`` (valid in another collection year only); ``other_valid_code`` (valid, but usually wrong for
the row's other fields); ``not_a_date`` / ``iso_date`` (2024-06-01: a date, but not the DfE's dd/mm/yyyy);
``after_year_end`` (five years on, so that casewatch, which reads a date past next year as a typo, does
not take the file for another year's); ``before_dob``; ``dob_future``; ``out_of_range`` / ``not_a_number``; ``bad_format`` (UPN,
postcodes, URN, SW_ID). Across columns and tables: ``end_before_start``, ``swapped_dates``, ``duplicate_row``,
``overlap``, ``gap``, ``child_not_in_header`` (Header row deleted), ``dob_mismatch``, ``sex_mismatch``,
``mother_male``, ``mother_too_young``, ``sdq_under_4``, ``oc3_too_young``, ``rec_on_open``,
``before_care`` (review or missing episode before the child's first episode), and against last year's return:
``episode_dropped`` (an episode open at last year's end deleted) and ``episode_changed`` (its LS changed).

    .venv/bin/python bench/inject_903.py SRC OUT [--year 2025] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.reference.inject import read_set  # noqa: E402

from casewatch.returns.ssda903 import spec  # noqa: E402

PER = 2  # rows damaged per (table, column, kind)
PAIRS = {"episodes": ("DECOM", "DEC"), "missing": ("MIS_START", "MIS_END"), "social_worker": ("SW_DECOM", "SW_DEC"),
         "placed_adoption": ("DATE_PLACED", "DATE_PLACED_CEASED"), "ad1": ("DATE_INT", "DATE_MATCH")}
BAD_TEXT = {"UPN": "A12", "HOME_POST": "NOT A PC", "PL_POST": "Q1 1QQQ", "URN": "12", "SW_ID": "SW 1!"}
NUMBERS = {"SDQ_SCORE": ("45", "x"), "NB_ADOPTR": ("3", "two")}
RECORD_COLUMNS = ["year", "table", "line", "column", "kind", "old", "new"]


def _d(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except (TypeError, ValueError):
        return None


def _s(d: date) -> str:
    return d.strftime("%d/%m/%Y")


class Damage:
    def __init__(self, tables: dict, year: int, seed: int, per: int = PER):
        self.t = {name: tb for (y, name), tb in tables.items() if y == year}
        self.last = {name: tb for (y, name), tb in tables.items() if y == year - 1}
        self.year, self.per, self.rng = year, per, random.Random(seed)
        self.start, self.end = date(year - 1, 4, 1), date(year, 3, 31)
        self.used: set[int] = set()
        self.changes: list[tuple[str, dict, str, str, str, str]] = []  # table, row, column, kind, old, new
        self.deleted: list[tuple[str, int, str]] = []  # table, line before, kind
        self.dob = {r["CHILD"]: _d(r["DOB"]) for r in self.rows("header")}

    def rows(self, table: str) -> list[dict]:
        tb = self.t.get(table)
        return tb.rows if tb else []

    def pick(self, rows: list, n: int | None = None) -> list:
        """Up to n of ``rows`` (rows or pairs of rows) none of whose rows is damaged yet, so that each damaged
        row carries one kind of damage (small tables run out: later kinds then damage nothing there)."""
        n = self.per if n is None else n
        fresh = [r for r in rows if not {id(x) for x in (r if isinstance(r, tuple) else (r,))} & self.used]
        got = self.rng.sample(fresh, min(n, len(fresh)))
        self.used.update(id(x) for r in got for x in (r if isinstance(r, tuple) else (r,)))
        return got

    def set(self, table: str, row: dict, column: str, new: str, kind: str) -> None:
        self.changes.append((table, row, column, kind, row.get(column, ""), new))
        row[column] = new

    # --- per column ---------------------------------------------------------------------------------------------
    def columns(self) -> None:
        for table in sorted(self.t):
            for column in self.rng.sample(self.t[table].columns, len(self.t[table].columns)):
                kind = (spec._year(self.year).get(table, {}).get(column) or {}).get("type")
                def filled(table=table, column=column):
                    return [r for r in self.rows(table) if r.get(column)]
                for row in self.pick(filled(), 1 if column == "CHILD" else None):  # 2 blank CHILDs in header
                    self.set(table, row, column, "", "blank")  # and uasc make the peer misalign UASC (ingress)
                if kind == "code":
                    self.codes(table, column, filled)
                elif kind == "date":
                    self.dates(table, column, filled)
                elif column in NUMBERS:
                    for new, how in zip(NUMBERS[column], ("out_of_range", "not_a_number"), strict=True):
                        for row in self.pick(filled(), 1):
                            self.set(table, row, column, new, how)
                elif column in BAD_TEXT:
                    for row in self.pick(filled()):
                        self.set(table, row, column, BAD_TEXT[column], "bad_format")

    def codes(self, table: str, column: str, filled) -> None:
        valid = list(spec.codes(self.year, table, column) or ())
        other = sorted({c for y in range(spec.FIRST, spec.LAST + 1) for c in spec.codes(y, table, column) or ()}
                       - set(valid))
        for row in self.pick(filled()):
            self.set(table, row, column, "ZZ9" if len(max(valid, key=len, default="")) > 1 else "7", "invalid_code")
        if other:
            for row in self.pick(filled()):
                self.set(table, row, column, self.rng.choice(other), "other_year_code")
        for row in self.pick(filled()):
            choices = [c for c in valid if c != row[column]]
            if choices:
                self.set(table, row, column, self.rng.choice(choices), "other_valid_code")

    def dates(self, table: str, column: str, filled) -> None:
        for row, bad in zip(self.pick(filled()), (f"31/02/{self.year}", "not a date"), strict=False):
            self.set(table, row, column, bad, "not_a_date")
        if column == next(c for c in self.t[table].columns if spec._year(self.year)[table].get(c, {}).get("type")
                          == "date"):
            for row in self.pick(filled(), 1):
                d = _d(row[column])
                if d:
                    self.set(table, row, column, d.isoformat(), "iso_date")
        if column in ("DOB", "MC_DOB"):
            for row in self.pick(filled(), 1):
                self.set(table, row, column, _s(self.end + timedelta(days=self.rng.randint(1, 200))), "dob_future")
            return
        for row in self.pick(filled()):  # years ahead: casewatch reads dates past next year as typos (read_csv)
            later = date(self.year + 5, self.rng.randint(1, 12), self.rng.randint(1, 28))
            self.set(table, row, column, _s(later), "after_year_end")
        born = [r for r in filled() if self.dob.get(r.get("CHILD"))]
        for row in self.pick(born):
            self.set(table, row, column, _s(self.dob[row["CHILD"]] - timedelta(days=self.rng.randint(1, 90))),
                     "before_dob")

    # --- across columns and tables -------------------------------------------------------------------------------
    def pairs(self) -> None:
        for table, (a, b) in PAIRS.items():
            both = [r for r in self.rows(table) if _d(r.get(a, "")) and _d(r.get(b, "")) and r[a] != r[b]]
            for row in self.pick(both):
                self.set(table, row, b, _s(_d(row[a]) - timedelta(days=self.rng.randint(1, 30))), "end_before_start")
            for row in self.pick(both):
                old_a, old_b = row[a], row[b]
                self.set(table, row, a, old_b, "swapped_dates")
                self.set(table, row, b, old_a, "swapped_dates")

    def duplicates(self) -> None:
        for table in ("header", "episodes", "reviews", "missing", "oc2", "oc3", "social_worker", "placed_adoption",
                      "ad1"):
            for row in self.pick(self.rows(table), 1):
                copy = dict(row)
                self.rows(table).append(copy)
                self.changes.append((table, copy, "", "duplicate_row", "", ""))

    def episodes(self) -> None:
        eps = self.rows("episodes")
        by_child: dict[str, list[dict]] = {}
        for r in eps:
            if _d(r["DECOM"]):
                by_child.setdefault(r["CHILD"], []).append(r)
        seq = []  # (episode ended X1, the next one, starting that day)
        for rs in by_child.values():
            rs = sorted(rs, key=lambda r: _d(r["DECOM"]))
            seq += [(a, b) for a, b in zip(rs, rs[1:], strict=False)
                    if a["REC"] == "X1" and _d(a["DEC"]) and a["DEC"] == b["DECOM"]]
        for a, _next in self.pick(seq):
            self.set("episodes", a, "DEC", _s(_d(a["DEC"]) + timedelta(days=self.rng.randint(2, 9))), "overlap")
        for _prev, b in self.pick(seq):
            self.set("episodes", b, "DECOM", _s(_d(b["DECOM"]) + timedelta(days=self.rng.randint(2, 9))), "gap")
        for row in self.pick([r for r in eps if not r["DEC"] and not r["REC"]]):
            self.set("episodes", row, "REC", self.rng.choice(["E11", "E13", "X1"]), "rec_on_open")
        in_care = sorted({r["CHILD"] for r in eps})
        header = self.t.get("header")
        for child in self.rng.sample(in_care, min(self.per, len(in_care))):
            for i, row in enumerate(header.rows if header else []):
                if row["CHILD"] == child:
                    self.deleted.append(("header", i + 2, "child_not_in_header"))
                    header.rows.remove(row)
                    break
        last_open = {(r["CHILD"], r["DECOM"]) for r in (self.last["episodes"].rows if "episodes" in self.last else [])
                     if not r["DEC"]}
        carried = [r for r in eps if (r["CHILD"], r["DECOM"]) in last_open]
        for row in self.pick(carried, 1):
            self.deleted.append(("episodes", eps.index(row) + 2, "episode_dropped"))
            eps.remove(row)
        for row in self.pick(carried, 1):
            self.set("episodes", row, "LS", "V2" if row["LS"] != "V2" else "C2", "episode_changed")

    def ages(self) -> None:
        age = {c: (self.end - d).days / 365.25 for c, d in self.dob.items() if d}
        for table in ("reviews", "oc2", "missing", "social_worker", "uasc", "oc3"):
            for row in self.pick([r for r in self.rows(table) if _d(r.get("DOB", ""))], 1):
                self.set(table, row, "DOB", _s(_d(row["DOB"]) + timedelta(days=400)), "dob_mismatch")
        header_sex = {r["CHILD"]: r["SEX"] for r in self.rows("header")}
        for row in self.pick([r for r in self.rows("uasc") if r["CHILD"] in header_sex], 1):
            other = [c for c in spec.codes(self.year, "uasc", "SEX") or () if c not in (row["SEX"], "U")]
            if other:
                self.set("uasc", row, "SEX", other[0], "sex_mismatch")
        men = [r for r in self.rows("header") if r["SEX"] in ("M", "1") and age.get(r["CHILD"], 0) > 12]
        for row in self.pick(men, 1):
            self.set("header", row, "MOTHER", "1", "mother_male")
            self.set("header", row, "MC_DOB", _s(self.end - timedelta(days=100)), "mother_male")
        young = [r for r in self.rows("header") if r["SEX"] in ("F", "2") and age.get(r["CHILD"], 99) < 11]
        for row in self.pick(young, 1):
            self.set("header", row, "MOTHER", "1", "mother_too_young")
            self.set("header", row, "MC_DOB", _s(self.end - timedelta(days=100)), "mother_too_young")
        small = [r for r in self.rows("oc2") if age.get(r["CHILD"], 99) < 4]
        for row in self.pick(small, 1):
            self.set("oc2", row, "SDQ_SCORE", "12", "sdq_under_4")
            self.set("oc2", row, "SDQ_REASON", "", "sdq_under_4")
        first = {}
        for r in self.rows("episodes"):
            d = _d(r["DECOM"])
            if d and (r["CHILD"] not in first or d < first[r["CHILD"]]):
                first[r["CHILD"]] = d
        for table, column in (("reviews", "REVIEW"), ("missing", "MIS_START")):
            late = [r for r in self.rows(table) if first.get(r["CHILD"]) and first[r["CHILD"]] >= self.start]
            for row in self.pick(late, 1):
                self.set(table, row, column, _s(first[row["CHILD"]] - timedelta(days=10)), "before_care")
        for row in self.pick([r for r in self.rows("oc3") if _d(r["DOB"])], 1):
            self.set("oc3", row, "DOB", _s(self.end - timedelta(days=int(15.5 * 365))), "oc3_too_young")


def inject(src: Path, out: Path, year: int, seed: int = 1, per: int = PER) -> tuple[list[Path], list[Path], list[dict]]:
    """Damage ``src``'s files of ``year``; write them and last year's (unchanged) to ``out``; return
    (this year's paths, last year's paths, the record of changes)."""
    tables = read_set(Path(src))
    if not any(y == year for y, _ in tables):
        raise SystemExit(f"no SSDA903_{year}_*.csv under {src}")
    dmg = Damage(tables, year, seed, per)
    dmg.episodes()  # the targeted kinds first: the per-column kinds then use the rows left
    dmg.ages()
    dmg.pairs()
    dmg.duplicates()
    dmg.columns()
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    this, prev, line = [], [], {}
    for name, tb in sorted(dmg.t.items()):
        path = out / f"SSDA903_{year}_{name}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, tb.columns)
            w.writeheader()
            w.writerows(tb.rows)
        line.update({id(r): (name, i + 2) for i, r in enumerate(tb.rows)})
        this.append(path)
    for p in sorted(Path(src).glob(f"SSDA903_{year - 1}_*.csv")):
        prev.append(Path(shutil.copy(p, out / p.name)))
    record = [{"year": year, "table": t, "line": n, "column": "", "kind": k, "old": "(row deleted)", "new": ""}
              for t, n, k in dmg.deleted]
    for table, row, column, kind, old, new in dmg.changes:
        if id(row) in line:
            record.append({"year": year, "table": table, "line": line[id(row)][1], "column": column, "kind": kind,
                           "old": old, "new": new})
    record.sort(key=lambda r: (r["table"], r["line"], r["column"]))
    with open(out / "injected.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, RECORD_COLUMNS)
        w.writeheader()
        w.writerows(record)
    return this, prev, record


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("src", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--year", type=int, default=2025)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per", type=int, default=PER)
    a = p.parse_args()
    this, prev, record = inject(a.src, a.out, a.year, a.seed, a.per)
    kinds: dict[str, int] = {}
    for r in record:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(record)} changes in {len(this)} files of {a.year} ({len(prev)} of {a.year - 1} copied): "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
