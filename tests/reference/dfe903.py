"""An independent reference count of children looked after, written from the DfE's definitions in plain Python.

This module deliberately uses nothing but the standard library (``csv``, ``datetime``): no DuckDB and no
casewatch import, so that agreeing with casewatch means something (issue 17).

Definitions followed (the SSDA903 return guidance, "Children looked after by local authorities in England:
guide to the SSDA903 collection", and the methodology of the DfE statistics "Children looked after in
England including adoptions"):

* An *episode* is one row of the episodes table: CHILD, DECOM (date the episode commenced), RNE (reason for
  new episode; ``S`` = started a new period of care), LS (legal status), DEC (date the episode ceased, blank
  while open) and REC (reason episode ceased; ``X1`` = the episode ended but the period of care continues in
  the next episode; any other code ends the period of care). Dates are dd/mm/yyyy.
* A *period of care* is an unbroken run of episodes. Children looked after under an agreed series of
  short-term placements (legal status ``V3`` / ``V4``, "short breaks") are excluded from every headline figure;
  here the episodes with those legal statuses are dropped throughout.
* *Children looked after at 31 March* (statistics table A1): distinct children with an episode where
  DECOM <= 31 March and (DEC blank or DEC > 31 March).
* *Children who started to be looked after* in the year 1 April - 31 March: the DfE counts children, not
  periods ("only the first occasion on which a child started to be looked after in the year has been
  counted"): distinct children with an episode with RNE ``S`` and DECOM in the year.
* *Children who ceased to be looked after* in the year: likewise children, not periods ("only the last
  occasion on which a child ceased to be looked after in the year has been counted"): distinct children with
  an episode whose DEC is in the year and whose REC ends the period of care (anything but ``X1``).

The handling of real files (which carry errors) follows what the DfE's statistics and Social Finance's
903 demand model do with them; each rule is stated on the function that applies it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

SHORT_BREAKS = frozenset({"V3", "V4"})
PERIOD_CONTINUES = "X1"
NEW_PERIOD = "S"
EPISODE_COLUMNS = frozenset({"CHILD", "DECOM", "RNE", "LS", "DEC", "REC"})


@dataclass(frozen=True)
class Episode:
    child: str
    decom: date
    rne: str
    ls: str
    dec: date | None
    rec: str
    year: int  # the collection year (the 31 March it ends) of the file this version came from
    source: str = ""
    row: int = 0  # 1-based data row in its file


@dataclass(frozen=True)
class Counts:
    in_care: int
    started: int
    ceased: int

    def as_tuple(self) -> tuple[int, int, int]:
        return (self.in_care, self.started, self.ceased)


@dataclass
class Reading:
    """What was read: usable episodes, and the rows that could not be counted (file, row, why)."""

    episodes: list[Episode] = field(default_factory=list)
    dropped: list[tuple[str, int, str]] = field(default_factory=list)
    years: dict[str, int] = field(default_factory=dict)  # episodes file -> collection year
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files that are not an episodes table


def parse_date(text: str | None) -> date | None:
    """A 903 date. The return's format is dd/mm/yyyy (SSDA903 guidance); ISO yyyy-mm-dd and a trailing
    time (what spreadsheet exports add) are accepted too, anything else is unreadable (None)."""
    text = (text or "").strip()
    if not text:
        return None
    text = text.split(" ")[0].split("T")[0]
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def year_ending(d: date) -> int:
    """The collection year containing ``d``, named (as the DfE names it) by the 31 March it ends."""
    return d.year if (d.month, d.day) <= (3, 31) else d.year + 1


def year_bounds(year: int) -> tuple[date, date]:
    """1 April Y-1 .. 31 March Y, both inclusive (the 903's reporting year)."""
    return date(year - 1, 4, 1), date(year, 3, 31)


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.reader(fh)
        try:
            head = [h.strip().upper() for h in next(reader)]
        except StopIteration:
            return [], []
        rows = [dict(zip(head, (v.strip() for v in r), strict=False)) for r in reader if any(v.strip() for v in r)]
    return head, rows


def _csv_files(paths) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() == ".csv") if p.is_dir() else [p]
    return out


def read_episodes(paths, year: int | None = None) -> Reading:
    """Read every episodes table among ``paths`` (files and/or folders, searched recursively).

    * Which file is the episodes table is told from its columns (CHILD, DECOM, RNE, LS, DEC, REC), never from
      its name: the DfE's own tools call it ``episodes.csv``, councils' copies are called anything.
    * The collection year of a file is ``year`` if the caller gives one, otherwise taken from the content: the
      31 March on or after the latest readable DECOM or DEC in the file (a 903 holds episodes up to its
      31 March and none after). The file name is not trusted.
    * A row is counted only if it has a CHILD and a readable DECOM: those two fields identify an episode (the
      SSDA903 guidance's key). A row without them is dropped and reported in ``Reading.dropped``. Errors in
      any other field (codes valid in no year, REC on an open episode, DEC without REC, ...) do not stop the
      row being counted; an unreadable DEC is read as blank (the episode is treated as open).
    """
    reading = Reading()
    for path in _csv_files(paths):
        head, rows = _rows(path)
        if not set(head) >= EPISODE_COLUMNS:
            reading.skipped.append((str(path), "not an episodes table"))
            continue
        dates = [d for r in rows for d in (parse_date(r.get("DECOM")), parse_date(r.get("DEC"))) if d]
        file_year = year or (year_ending(max(dates)) if dates else None)
        if file_year is None:
            reading.skipped.append((str(path), "no readable date to tell the collection year"))
            reading.dropped += [(str(path), i, "no collection year") for i, _ in enumerate(rows, 1)]
            continue
        reading.years[str(path)] = file_year
        for i, r in enumerate(rows, 1):
            child, decom = r.get("CHILD", ""), parse_date(r.get("DECOM"))
            if not child:
                reading.dropped.append((str(path), i, "no CHILD"))
                continue
            if decom is None:
                reading.dropped.append((str(path), i, "DECOM missing or unreadable"))
                continue
            reading.episodes.append(Episode(
                child=child, decom=decom, rne=r.get("RNE", "").upper(), ls=r.get("LS", "").upper(),
                dec=parse_date(r.get("DEC")), rec=r.get("REC", "").upper(), year=file_year, source=str(path),
                row=i))
    return reading


def latest_versions(episodes: list[Episode]) -> list[Episode]:
    """One version of each episode. Consecutive years' 903s repeat the episodes still open at the earlier
    year's end (the return covers every episode open at any time in its year), and the later return holds the
    later state (a DEC that was blank, a corrected code). An episode is keyed by (CHILD, DECOM) and the
    version from the latest collection year is kept; within one file a repeated key keeps its last row."""
    best: dict[tuple[str, date], Episode] = {}
    for e in episodes:  # in reading order, so a tie (same year) goes to the row read last
        key = (e.child, e.decom)
        if key not in best or e.year >= best[key].year:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e.child, e.decom))


def close_overlaps(episodes: list[Episode]) -> list[Episode]:
    """A child is in one episode at a time. Where an episode starts before the previous one of the same child
    has ended (an earlier episode still open, or with a DEC after the later DECOM), the earlier episode is
    treated as ending on the later one's DECOM, with the period of care continuing into it (REC read as
    X1). The DfE's statistics and Social Finance's demand model both resolve overlaps this way.

    A DEC with no REC (an error in the return) is read the same way: if another episode of the child starts
    on that DEC the care continued (X1); otherwise the period of care ended there."""
    out: list[Episode] = []
    by_child: dict[str, list[Episode]] = {}
    for e in episodes:
        by_child.setdefault(e.child, []).append(e)
    for eps in by_child.values():
        eps.sort(key=lambda e: e.decom)
        starts = {e.decom for e in eps}
        for e, nxt in zip(eps, eps[1:] + [None], strict=False):
            if nxt is not None and (e.dec is None or e.dec > nxt.decom):
                e = replace(e, dec=nxt.decom, rec=PERIOD_CONTINUES)
            elif e.dec is not None and not e.rec:
                e = replace(e, rec=PERIOD_CONTINUES if e.dec in starts else "")
            out.append(e)
    return out


def prepare(episodes: list[Episode]) -> list[Episode]:
    """The episodes the counts are made from: the latest version of each, short breaks (legal status V3/V4)
    dropped throughout, as the DfE's figures exclude them, and then overlaps closed among what is left."""
    return close_overlaps([e for e in latest_versions(episodes) if e.ls not in SHORT_BREAKS])


def in_care_at(episodes: list[Episode], day: date) -> set[str]:
    """Children looked after on ``day`` (statistics table A1 at 31 March): an episode with DECOM <= day and
    DEC blank or after the day. ``episodes`` should come from ``prepare``."""
    return {e.child for e in episodes if e.decom <= day and (e.dec is None or e.dec > day)}


def started_in(episodes: list[Episode], year: int) -> set[str]:
    """Children who started to be looked after in the year: an episode with RNE S (start of a new period of
    care) and DECOM in 1 April .. 31 March; a child is counted once however many periods began."""
    start, end = year_bounds(year)
    return {e.child for e in episodes if e.rne == NEW_PERIOD and start <= e.decom <= end}


def ceased_in(episodes: list[Episode], year: int) -> set[str]:
    """Children who ceased to be looked after in the year: an episode with DEC in 1 April .. 31 March and a
    REC that ends the period of care (not X1); a child is counted once however many periods ended."""
    start, end = year_bounds(year)
    return {e.child for e in episodes
            if e.dec is not None and start <= e.dec <= end and e.rec != PERIOD_CONTINUES}


def counts(episodes: list[Episode], year: int) -> Counts:
    """The three headline figures for the collection year ending 31 March ``year`` (episodes from
    ``prepare``)."""
    return Counts(len(in_care_at(episodes, date(year, 3, 31))), len(started_in(episodes, year)),
                  len(ceased_in(episodes, year)))


@dataclass
class Result:
    by_year: dict[int, Counts]
    reading: Reading

    @property
    def dropped(self) -> int:
        return len(self.reading.dropped)


def count(paths, year: int | None = None, years: list[int] | None = None) -> Result:
    """Read a folder (or list) of 903 CSV files and count, at each collection year's 31 March present in the
    files (or ``years``), children in care, started and ceased."""
    reading = read_episodes(paths, year)
    eps = prepare(reading.episodes)
    wanted = years or sorted(set(reading.years.values()))
    return Result({y: counts(eps, y) for y in wanted}, reading)
