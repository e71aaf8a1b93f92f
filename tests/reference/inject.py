"""Put the errors real SSDA903 files carry into the clean 903 CSVs casewatch's generator writes (issue 17).

``inject(src, out, errors=..., naming=..., seed=...)`` reads ``src/SSDA903_YYYY_<table>.csv`` (what
``casewatch synth --formats returns`` writes under ``returns/ssda903``), changes rows deterministically for the
seed and writes the set again under ``out`` named in one of three styles. Every change is recorded
(``Injected.record``) so a failing comparison can be traced to the rows behind it.

Errors (names usable in ``errors``):

* ``bad_codes`` - REASON_PLACE_CHANGE ``CUSTOD`` (valid from the 2018-19 return, so valid in every year the
  generator writes) and codes valid in no year's specification: REASON_PLACE_CHANGE ``SWAP``,
  PLACE_PROVIDER ``PR9``, CIN ``N0``.
* ``rec_dec`` - REC filled on an open episode (DEC blank); DEC without REC on a closed episode.
* ``overlaps`` - an X1 episode's DEC moved past the next episode's DECOM, or the X1 episode left open although
  the next episode (which ended the care) has started: the child has two episodes at once.
* ``missing_child`` - CHILD blanked on a few episode rows.

Naming styles: ``generator`` (``SSDA903_2024_episodes.csv``), ``dfe`` (the DfE tools' names, one folder per
year: ``2024/episodes.csv``, ``2024/placed_for_adoption.csv``, ``2024/sw_episodes.csv``), ``odd`` (one flat
folder of names a council's shared drive holds: ``Copy of episodes (2).csv``; nothing in the name tells the
year, which has to come from the content).

``casewatch_counts`` loads files into a fresh database with casewatch (the same calls ``casewatch load`` and
``casewatch summary`` make) and returns its headline figures, for comparing with ``dfe903``.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ERRORS = ("bad_codes", "rec_dec", "overlaps", "missing_child")
NAMINGS = ("generator", "dfe", "odd")
DFE_NAMES = {
    "header": "header.csv", "episodes": "episodes.csv", "reviews": "reviews.csv", "uasc": "uasc.csv",
    "oc2": "oc2.csv", "oc3": "oc3.csv", "ad1": "ad1.csv", "missing": "missing.csv",
    "placed_adoption": "placed_for_adoption.csv", "previous_permanence": "previous_permanence.csv",
    "social_worker": "sw_episodes.csv",
}
ODD_PATTERNS = ("Copy of {t} ({n}).csv", "{t} FINAL v{n}.csv", "{t} - Copy ({n}).csv", "903 {t} {n}.csv",
                "{t}({n}).csv")
GENERATOR_NAME = re.compile(r"SSDA903_(\d{4})_(\w+)\.csv$")
PER_YEAR = 2  # rows changed per error kind per year's file


@dataclass
class Table:
    columns: list[str]
    rows: list[dict[str, str]]


@dataclass
class Injected:
    out: Path
    files_by_year: dict[int, list[Path]] = field(default_factory=dict)
    record: list[dict] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [p for ps in self.files_by_year.values() for p in ps]

    def kinds(self) -> set[str]:
        return {r["error"] for r in self.record}


def read_set(src: Path) -> dict[tuple[int, str], Table]:
    out = {}
    for path in sorted(Path(src).glob("SSDA903_*_*.csv")):
        m = GENERATOR_NAME.search(path.name)
        if not m:
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            r = csv.DictReader(fh)
            out[(int(m.group(1)), m.group(2))] = Table(list(r.fieldnames or []), list(r))
    return out


def _d(text: str) -> date | None:
    return datetime.strptime(text, "%d/%m/%Y").date() if text else None


def _s(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _episodes(tables, year) -> list[dict[str, str]]:
    t = tables.get((year, "episodes"))
    return t.rows if t else []


def _note(record, error, year, row, what):
    record.append({"error": error, "year": year, "child": row.get("CHILD", ""), "decom": row["DECOM"],
                   "what": what})


def _bad_codes(tables, years, rng, record):
    for y in years:
        rows = _episodes(tables, y)
        changes = [("REASON_PLACE_CHANGE", "CUSTOD"), ("REASON_PLACE_CHANGE", "SWAP"),
                   ("PLACE_PROVIDER", "PR9"), ("CIN", "N0")]
        for (col, code), row in zip(changes, rng.sample(rows, min(len(changes), len(rows))), strict=False):
            _note(record, "bad_codes", y, row, f"{col} {row.get(col, '')!r} -> {code!r}")
            row[col] = code


def _rec_dec(tables, years, rng, record):
    for y in years:
        rows = _episodes(tables, y)
        open_ = [r for r in rows if not r["DEC"]]
        closed = [r for r in rows if r["DEC"] and r["REC"]]
        for row in rng.sample(open_, min(PER_YEAR, len(open_))):
            code = rng.choice(["E11", "X1", "E13"])
            _note(record, "rec_dec", y, row, f"REC on an open episode: '' -> {code!r}")
            row["REC"] = code
        for row in rng.sample(closed, min(PER_YEAR, len(closed))):
            _note(record, "rec_dec", y, row, f"DEC without REC: REC {row['REC']!r} -> ''")
            row["REC"] = ""


def _overlaps(tables, years, rng, record):
    """Two ways a child ends up with two episodes at once, each in every year's file that holds the episode:
    an X1 episode's DEC moved a few days past the next episode's DECOM (staying inside the collection year, so
    the file's year does not change); and an X1 episode left open (DEC and REC blank) although the child's
    next episode, which ended the period of care, has started."""
    rows = [r for y in reversed(years) for r in _episodes(tables, y)]  # latest year's version first
    by_child: dict[str, list[dict]] = {}
    for r in rows:
        by_child.setdefault(r["CHILD"], [])
        if all(r["DECOM"] != o["DECOM"] for o in by_child[r["CHILD"]]):
            by_child[r["CHILD"]].append(r)
    extend, leave_open = [], []
    for _child, eps in sorted(by_child.items()):
        eps = sorted(eps, key=lambda r: _d(r["DECOM"]))
        for a, b in zip(eps, eps[1:], strict=False):
            if a["REC"] == "X1" and a["DEC"] and a["DEC"] == b["DECOM"]:
                (leave_open if b["DEC"] and b["REC"] not in ("", "X1") else extend).append((a, b))
    for kind, pairs in (("extend", extend), ("open", leave_open)):
        for a, b in rng.sample(pairs, min(PER_YEAR * len(years) // 2, len(pairs))):
            old = _d(a["DEC"])
            if kind == "extend":
                ends = [_d(b["DEC"]) - timedelta(days=1)] if b["DEC"] else []
                year_end = date(old.year if (old.month, old.day) <= (3, 31) else old.year + 1, 3, 31)
                new = min([old + timedelta(days=rng.randint(3, 40)), year_end, *ends])
                if new <= old:
                    continue
                dec, rec = _s(new), "X1"
            else:
                dec, rec = "", ""
            for y in years:
                for r in _episodes(tables, y):
                    if r["CHILD"] == a["CHILD"] and r["DECOM"] == a["DECOM"] and r["DEC"] == a["DEC"]:
                        _note(record, "overlaps", y, r, f"DEC {r['DEC']} -> {dec or 'blank'}, REC {r['REC']} -> "
                                                        f"{rec or 'blank'} (next episode starts {b['DECOM']})")
                        r["DEC"], r["REC"] = dec, rec


def _missing_child(tables, years, rng, record):
    """Blank CHILD on rows whose episode is in that one year's file only (so no other year's file holds a
    usable copy of it)."""
    seen: dict[tuple[str, str], int] = {}
    for y in years:
        for r in _episodes(tables, y):
            seen[(r["CHILD"], r["DECOM"])] = seen.get((r["CHILD"], r["DECOM"]), 0) + 1
    for y in years:
        only = [r for r in _episodes(tables, y) if seen[(r["CHILD"], r["DECOM"])] == 1]
        for row in rng.sample(only, min(PER_YEAR, len(only))):
            _note(record, "missing_child", y, row, f"CHILD {row['CHILD']!r} -> ''")
            row["CHILD"] = ""


INJECTORS = {"bad_codes": _bad_codes, "rec_dec": _rec_dec, "overlaps": _overlaps, "missing_child": _missing_child}


def _name(naming: str, year: int, table: str, n: int) -> str:
    if naming == "generator":
        return f"SSDA903_{year}_{table}.csv"
    if naming == "dfe":
        return f"{year}/{DFE_NAMES.get(table, table + '.csv')}"
    t = {"placed_adoption": "placed for adoption", "social_worker": "sw_episodes"}.get(table, table)
    return ODD_PATTERNS[n % len(ODD_PATTERNS)].format(t=t, n=n + 1)


def inject(src: Path, out: Path, *, errors=(), naming: str = "generator", seed: int = 0,
           years: list[int] | None = None) -> Injected:
    """Copy the 903 CSV set in ``src`` to ``out`` with ``errors`` injected and files named by ``naming``."""
    unknown = set(errors) - set(INJECTORS)
    if unknown or naming not in NAMINGS:
        raise ValueError(f"unknown error kinds {sorted(unknown)} or naming {naming!r}")
    tables = read_set(Path(src))
    all_years = sorted({y for y, _ in tables})
    years = [y for y in all_years if years is None or y in years]
    rng = random.Random(seed)
    done = Injected(Path(out))
    for kind in ERRORS:  # a fixed order, so a seed gives the same files whatever order ``errors`` is in
        if kind in errors:
            INJECTORS[kind](tables, years, rng, done.record)
    order = list(range(len(years)))
    rng.shuffle(order)  # odd names: the number in a name says nothing about the year
    for y, n in zip(years, order, strict=False):
        for (ty, table), t in sorted(tables.items()):
            if ty != y:
                continue
            path = Path(out) / _name(naming, y, table, n)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", newline="", encoding="utf-8") as fh:
                w = csv.DictWriter(fh, t.columns)
                w.writeheader()
                w.writerows(t.rows)
            done.files_by_year.setdefault(y, []).append(path)
    return done


# --- casewatch's side of the comparison ------------------------------------------------------------------------
@dataclass
class CasewatchCounts:
    by_year: dict[int, tuple[int, int, int]]  # (in care, started, ceased) at each 31 March asked for
    quarantined: int  # rows casewatch quarantined, all tables
    quarantined_episodes: int  # of which episode rows
    error: str | None = None  # the load or summary refused


def casewatch_counts(files: list[Path], db: Path, years: list[int]) -> CasewatchCounts:
    """Load ``files`` with casewatch (what ``casewatch load FILES --db DB`` does) and read the headline
    figures at each 31 March (what ``casewatch summary --db DB --period-end Y-03-31`` does)."""
    from casewatch import jobs

    try:
        loaded = jobs.load([str(f) for f in files], str(db))
    except Exception as exc:  # noqa: BLE001 - a refusal is a result here
        return CasewatchCounts({}, 0, 0, f"load: {type(exc).__name__}: {exc}")
    run = loaded.run
    quarantined = sum(f.rows_quarantined for f in run.files) if run else loaded.report.rows_quarantined
    q_eps = sum(f.rows_quarantined for f in run.files if _is_episodes(f.path)) if run else 0
    out, error = {}, None
    for y in years:
        try:
            s = jobs.summary(str(db), period_end=date(y, 3, 31))
        except Exception as exc:  # noqa: BLE001
            error = f"summary {y}: {type(exc).__name__}: {exc}"
            continue
        out[y] = (s.figures["cla_at_31_march"], s.figures["cla_starts"], s.figures["cla_ceased"])
    return CasewatchCounts(out, quarantined, q_eps, error)


def _is_episodes(path) -> bool:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        head = {h.strip().upper() for h in next(csv.reader(fh), [])}
    return {"DECOM", "RNE", "LS"} <= head
