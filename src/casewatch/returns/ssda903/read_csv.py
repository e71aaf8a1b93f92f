"""Read one SSDA903 CSV (one table per file) as councils really send them, and tell its collection year.

The table is told from the header row (column names matched without regard to case, spaces or BOM; extra
columns ignored and reported once) and, when two tables fit equally, from the file name. Files named as the
DfE's tools name them (``header.csv``, ``episodes.csv``, ``reviews.csv``, ``uasc.csv``, ``oc2.csv``,
``oc3.csv``, ``ad1.csv``, ``missing.csv``, ``placed_for_adoption.csv``, ``previous_permanence.csv``,
``sw_episodes.csv``, ``dolo.csv`` (deprivation of liberty orders, from 2026-27), and copies such as
``Copy of episodes (2).csv``) are read like ``SSDA903_2024_episodes.csv``. A header's UASC column (0/1, which
the 903 XML has and some systems also write in the CSV) is read when present.
Encoding: UTF-8 (with or without BOM), else Windows-1252 (what Excel writes), else Latin-1. Blank rows are
skipped and not counted. ``_row`` is the line in the file a record ends on, the header being line 1. Damaged
rows (stray carriage returns, cells over 128 KB, unclosed quotes, extra cells) are read as
``returns/csvfile.py`` says, with a CW-CSV issue each.

The collection year (named by the 31 March it ends) is told from the content, not the name:

1. ``--year`` decides, always. (A query says so when the file's dates run past it.)
2. A file's own evidence is its latest *relevant* date: episodes DECOM/DEC, reviews REVIEW, missing
   MIS_START/MIS_END, placed for adoption DATE_PLACED/DATE_PLACED_CEASED, ad1 DATE_INT/DATE_MATCH, social
   worker episodes SW_DECOM/SW_DEC, DoLOs DOLO_START/DOLO_END. Dates of birth are not evidence, nor is uasc's
   DUC (a future date), and header, uasc, oc2, oc3 and previous permanence have no evidence. Dates before
   1990 or after 31 March of next year (today's year + 2) are ignored as typos. Each date belongs to the year
   whose 31 March is on or after it; the file's dates "run to" the latest such year that holds at least 2 of
   its dates (any 1 in a file of under 20 dates; 0.5% of them in a file of over 400), so one mistyped date
   cannot move a year. Nothing after 31 March Y can be in year Y's return, so a file's year is never before
   its dates run to.
3. An episodes file's year is the year its dates run to (every year's episodes hold that year's starts and
   ends). The other evidence can be years old (a child placed for adoption in 2019 is still in the 2024
   file), so it only sets the earliest year the file can be.
4. The files of one set share a year: a set is the 903 CSV files of one folder whose names are the same but
   for the table's name (``SSDA903_2024_{}.csv``, ``{}.csv``, ``Copy of {} (2).csv``). A set's year is the
   year its episodes file says. A file without evidence of its own, or with only a lower bound, takes, in
   this order: its set's episodes year; the year its name or folder gives in a clear form
   (``SSDA903_2024_...``, ``..._2023-24_...``, ``2023_24``, a folder named ``2024`` or ``2023-24``; a 20xx
   elsewhere in a name is not a year); the episodes year of its folder, then of everything read together,
   when those say one year; and at the last its own lower bound. Failing all, an error asks for ``--year``.
5. Name and content disagreeing is one CW-YEAR error on the file ("the name says 2024 but its dates run to
   31 March 2025; read as 2025"); a year told from dates alone, with no name to check it against, is a
   CW-YEAR query.

``read_csv`` applies this to the one file it reads; ``settle_years`` (called by the pipeline once every file
is read) applies it across all the files of a call, so each file of a set, and each set of several years
given together, gets its own year.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from pathlib import Path

from casewatch.returns.core import Issue, ReturnFile
from casewatch.returns.csvfile import Rows, decode, first_row
from casewatch.returns.staging import STAGING

TABLES = {t.name: t for t in STAGING.values() if t.schema == "ssda903"}
NAME_HINTS = {
    "header": ("header",), "episodes": ("episode",), "reviews": ("review",), "uasc": ("uasc",),
    "oc2": ("oc2",), "oc3": ("oc3",), "ad1": ("ad1",), "placed_adoption": ("placed", "adoption"),
    "prev_perm": ("prev", "permanence"), "missing": ("missing",), "social_worker": ("social", "sw"),
    "dolo": ("dolo",),
}
# a column only this table has: the header must contain it for the table to be chosen
MARKER = {
    "header": "ETHNIC", "episodes": "DECOM", "reviews": "REVIEW", "uasc": "DUC", "oc2": "SDQ_SCORE",
    "oc3": "IN_TOUCH", "ad1": "DATE_INT", "placed_adoption": "DATE_PLACED", "prev_perm": "PREV_PERM",
    "missing": "MIS_START", "social_worker": "SW_ID", "dolo": "DOLO_START",
}
# the table's name as file names carry it (casewatch's, the DfE tools'), longest first
NAMES = {
    "header": ("header",), "episodes": ("episodes", "episode"), "reviews": ("reviews", "review"),
    "uasc": ("uasc",), "oc2": ("oc2",), "oc3": ("oc3",), "ad1": ("ad1",), "missing": ("missing",),
    "placed_adoption": ("placed_for_adoption", "placed_adoption", "placedforadoption", "placed"),
    "prev_perm": ("previous_permanence", "prev_perm", "prevperm", "permanence"),
    "social_worker": ("sw_episodes", "social_workers", "social_worker", "sw_episode", "sw"), "dolo": ("dolo",),
}
# the dates that say which year a table is from (see the module docstring); the rest have none
EVIDENCE = {
    "episodes": ("DECOM", "DEC"), "reviews": ("REVIEW",), "missing": ("MIS_START", "MIS_END"),
    "placed_adoption": ("DATE_PLACED", "DATE_PLACED_CEASED"), "ad1": ("DATE_INT", "DATE_MATCH"),
    "social_worker": ("SW_DECOM", "SW_DEC"), "dolo": ("DOLO_START", "DOLO_END"),
}
EARLIEST = dt.date(1990, 1, 1)
_YEAR = r"(20\d\d)"
_NAMED = re.compile(rf"(?<![a-z0-9])(?:ssda)?903[ _\-]*{_YEAR}(?!\d)", re.IGNORECASE)  # SSDA903_2024_...
_SPAN = re.compile(rf"(?<!\d){_YEAR}[ _\-/]?(?:20)?(\d\d)(?!\d)")  # 2023-24, 2023_24, 2023-2024, 202324
_FOLDER = re.compile(rf"^(?:year[ _\-]*)?{_YEAR}(?:[ _\-/](?:20)?(\d\d))?$", re.IGNORECASE)  # 2024, 2023-24
_YEAR_ISSUE = "_year_issues"  # ReturnFile.extra keys: the issues settle_years may replace
_COLUMN_ISSUE = "_column_issues"


def norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip(" \t\r\n\ufeff\u00a0\"'")).upper()


def table_for_header(head: bytes, filename: str = "") -> str | None:
    try:
        cols = {norm(c) for c in first_row(decode(head))}
    except UnicodeDecodeError:
        return None
    if "CHILD" not in cols:
        return None
    fits = [t for t, m in MARKER.items() if m in cols]
    if len(fits) > 1:
        lower = filename.lower()
        named = [t for t in fits if any(h in lower for h in NAME_HINTS[t])]
        fits = named or sorted(fits, key=lambda t: -len(cols & set(TABLES[t].field_names)))
    return fits[0] if fits else None


def _span_year(text: str) -> int | None:
    for m in _SPAN.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if second == (first + 1) % 100:
            return first + 1
    return None


def year_from_name(name: str) -> int | None:
    """The collection year a file name gives in a clear form: ``SSDA903_2024...`` (2024), ``..._2023-24_...``
    or ``2023_2024`` (2024). Any other 20xx in a name (a date stamp, a version, an LA code) is not a year."""
    stem = Path(name).name
    m = _NAMED.search(stem)
    return _span_year(stem) or (int(m.group(1)) if m else None)


def year_from_folder(path: Path) -> int | None:
    """A folder (the file's, or the one above it) named as a year: ``2024``, ``2023-24``, ``Year 2024``."""
    for folder in list(path.parents)[:2]:
        m = _FOLDER.match(folder.name.strip())
        if m:
            first, second = int(m.group(1)), m.group(2)
            if second is None:
                return first
            if int(second) == (first + 1) % 100:
                return first + 1
    return None


def year_of(d: dt.date) -> int:
    """The collection year a date falls in: the year of the 31 March on or after it."""
    return d.year + (1 if d.month >= 4 else 0)


def dates_run_to(dates, today: dt.date | None = None) -> int | None:
    """The latest collection year the dates run to, read robustly (see the module docstring, rule 2)."""
    latest = dt.date((today or dt.date.today()).year + 2, 3, 31)
    years = Counter(year_of(d) for d in dates if d is not None and EARLIEST <= d <= latest)
    n = sum(years.values())
    if not n:
        return None
    need = 1 if n < 20 else max(2, math.ceil(n * 0.005))
    held = [y for y, k in years.items() if k >= need]
    return max(held) if held else max(years)


def read_csv(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        return ReturnFile(name, "ssda903", year, error=f"{name}: cannot be read ({exc.strerror})")
    except UnicodeDecodeError:
        return ReturnFile(name, "ssda903", year, error=f"{name}: not a text (CSV) file")
    table = table_for_header(text[:65536].encode("utf-8"), path.name)
    if table is None:
        return ReturnFile(name, "ssda903", year, error=f"{name}: the header row is not one of the 903 tables")
    out = ReturnFile(name, "ssda903", year)
    rows = Rows(text, out, table)
    header, at = rows.header, rows.header_row
    builder = out.builder(f"ssda903.{table}")
    wanted = set(builder.table.field_names)
    index: dict[str, int] = {}
    for i, raw in enumerate(header):
        col = norm(raw)
        if col in index:
            out.issue("CW-COLUMN", f"column {col} appears twice; the first is used", severity="query",
                      table=table, row=at, field=col)
        elif col in wanted:
            index[col] = i
        elif col:
            out.issue("CW-COLUMN", f"column {col} is not in the 903 {table} table; ignored", severity="query",
                      table=table, row=at, field=col)
    absent = [col for col in builder.table.field_names if col not in index]
    out.extra[_COLUMN_ISSUE] = (len(out.issues), [])  # where the required-column issues go, once the year is known
    rows.names = [None] * len(header)
    for col, i in index.items():
        rows.names[i] = col
    for line, cells in rows:
        values = {col: (cells[i] if i < len(cells) else None) for col, i in index.items()}
        builder.add(line, values, child=None)
        out.records += 1
    evidence = [d for col in EVIDENCE.get(table, ()) if col in index for d in builder.columns[col]]
    out.extra["ssda903_csv"] = {
        "table": table, "given": year, "name": year_from_name(path.name), "folder": year_from_folder(path),
        "dates": dates_run_to(evidence), "exact": table == "episodes", "absent": absent, "header_row": at,
    }
    settle_years([out], year)
    return out


def _may_be_absent(table: str, col: str, year: int | None) -> bool:
    from casewatch.returns.ssda903 import spec

    return col not in spec.columns(year or spec.LAST, table)


def _latest_date(builder) -> dt.date | None:
    dates = [d for f in builder.table.fields if f.type == "DATE" and f.name not in ("DOB", "MC_DOB")
             for d in builder.columns[f.name] if d is not None]
    return max(dates) if dates else None


def _pattern(path: Path, table: str) -> str:
    """The file's name with the table's name taken out: the files of one set share it."""
    stem = re.sub(r"[\s\-_.]+", "_", path.stem.lower())
    for alias in NAMES[table]:
        got = re.sub(rf"(?<![a-z]){alias}(?![a-z])", "{}", stem, count=1)
        if got != stem:
            return got
    return stem


def _one(years) -> int | None:
    found = {y for y in years if y}
    return found.pop() if len(found) == 1 else None


def settle_years(files: list[ReturnFile], given: int | None = None) -> None:
    """Give every 903 CSV file among ``files`` its collection year, as the module docstring says; replace the
    CW-YEAR and required-column issues an earlier settling gave it."""
    ours = [f for f in files if not f.error and "ssda903_csv" in f.extra]
    sets: dict[tuple, list[ReturnFile]] = {}
    folders: dict[Path, list[ReturnFile]] = {}
    for f in ours:
        p = Path(f.path)
        sets.setdefault((p.parent, _pattern(p, f.extra["ssda903_csv"]["table"])), []).append(f)
        folders.setdefault(p.parent, []).append(f)

    def episodes_year(group):
        eps = [g for g in group if g.extra["ssda903_csv"]["exact"]]
        return _one(g.extra["ssda903_csv"]["dates"] for g in eps), next(iter(eps), None)

    everything = episodes_year(ours)[0]
    for f in ours:
        p, info = Path(f.path), f.extra["ssda903_csv"]
        table, own, hint = info["table"], info["dates"], info["name"] or info["folder"]
        said = ("the name" if info["name"] else "the folder's name") + f" says {hint}"
        issues: list[tuple[str, str]] = []  # (severity, message)
        if given or info["given"]:
            year = given or info["given"]
            if own and (own > year or (info["exact"] and own != year)):
                issues.append(("query", f"its dates run to 31 March {own}; read as {year}, as given"))
        elif info["exact"] and own:
            year, why = own, f"its dates run to 31 March {own}"
            issues += _against(hint, year, said, why)
        else:
            set_year, eps = episodes_year(sets[(p.parent, _pattern(p, table))])
            folder_year = episodes_year(folders[p.parent])[0]
            if set_year:
                year, why = set_year, f"the episodes of its set ({Path(eps.path).name}) run to 31 March {set_year}"
            elif hint:
                year, why = hint, None
            elif folder_year:
                year, why = folder_year, f"the episodes in its folder run to 31 March {folder_year}"
            elif everything:
                year, why = everything, f"the episodes read with it run to 31 March {everything}"
            else:
                year, why = own, f"its dates run to 31 March {own}"
            if own and (year is None or own > year):
                year, why = own, f"its dates run to 31 March {own}"
            if why is None:
                issues = []
            elif year:
                issues += _against(hint, year, said, why)
        _set_year(f, year, table, issues)


def _against(hint, year, said, why) -> list[tuple[str, str]]:
    """One CW-YEAR line: an error when the name says another year; a query when nothing but dates said it."""
    if hint and hint != year:
        return [("error", f"{said} but {why}; read as {year}")]
    return [] if hint else [("query", f"collection year {year}, as {why}")]


def _set_year(f: ReturnFile, year: int | None, table: str, issues: list[tuple[str, str]]) -> None:
    info = f.extra["ssda903_csv"]
    f.year = year
    for b in f.tables.values():
        b.year = year
    old = set(map(id, f.extra.get(_YEAR_ISSUE, []) + f.extra[_COLUMN_ISSUE][1]))
    at = f.extra[_COLUMN_ISSUE][0]
    f.issues[:] = [i for i in f.issues if id(i) not in old]
    columns = [Issue("CW-COLUMN", "error", f"required column {col} is missing", f.path, table, info["header_row"],
                     None, col)
               for col in info["absent"] if col == "CHILD" or not _may_be_absent(table, col, year)]
    f.issues[at:at] = columns
    f.extra[_COLUMN_ISSUE] = (at, columns)
    if year is None:
        issues = [("error", "the collection year cannot be told from the file's dates, its set's episodes or "
                            "its name; give it with --year")]
    made = [Issue("CW-YEAR", sev, msg, f.path, table) for sev, msg in issues]
    f.issues.extend(made)
    f.extra[_YEAR_ISSUE] = made
