"""Read the ONS Postcode Directory (ONSPD), or a reduced extract of it, into ``reference.postcodes``.

The full directory is ~2.7 million rows and over 1 GB, so no Python row is ever built for it: ``read`` only
checks the header and leaves a stager on the ``ReturnFile`` (``extra["stage"]``), which ``stage()`` calls with
its DuckDB connection: one ``INSERT ... SELECT`` from DuckDB's ``read_csv`` of the needed columns, normalising
as it goes. The number of rows read (``records``) is known once it has run; the file's issues (cells that did
not type, blank and repeated postcodes) once ``check`` has, after every file is staged (the pipeline calls it
once: the ONSPD also comes as ~120 per-area files, and a repeat can be across files).

Columns (case does not matter; the first name found is used):

- postcode: ``pcds`` (the ONSPD's one-space form), else ``pcd``, ``pcd7``, ``pcd8``;
- district (local authority district or unitary authority): ``oslaua``, ``laua`` or ``ladNNcd`` (``lad25cd``);
- county: ``oscty``, ``cty`` or ``ctyNNcd``; a pseudo code (``E99999999``, ``W99999999``...) or a blank means
  none, and the district is then the upper-tier authority;
- country: ``ctry`` or ``ctryNNcd``;
- grid reference in metres: ``oseast1m`` and ``osnrth1m`` (or ``east1m``, ``north1m``). casewatch measures
  the DfE's distance on these, as the DfE does: a file with only ``lat``/``long`` is refused, naming the
  columns it needs (the ONSPD has both);
- optional: ``doterm`` (yyyymm the postcode was terminated). Terminated postcodes are kept: an episode that
  began years ago may have a postcode since terminated, and the DfE's validator keeps them too.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from casewatch.model.sql import identifier
from casewatch.returns.core import Issue, ReturnFile

KIND = "reference"
COLUMNS = {  # staged meaning -> header names, in order of preference (a regex where it has \d)
    "postcode": ("pcds", "pcd", "pcd7", "pcd8"),
    "district": ("oslaua", "laua", r"lad\d\dcd"),
    "county": ("oscty", "cty", r"cty\d\dcd"),
    "country": ("ctry", r"ctry\d\dcd"),
    "easting": ("oseast1m", "east1m"),
    "northing": ("osnrth1m", "north1m"),
    "doterm": ("doterm",),
}
OPTIONAL = ("doterm",)


def postcode_sql(expr: str) -> str:
    """SQL normalising a postcode: upper case, spaces removed, then one space before the last three characters
    (``sw1a1aa`` and ``SW1A  1AA`` are ``SW1A 1AA``); a value too short or long to be a postcode is kept
    without spaces, so it matches nothing real; blank is NULL."""
    k = f"nullif(upper(replace({expr}, ' ', '')), '')"
    return f"(CASE WHEN length({k}) BETWEEN 5 AND 7 THEN {k}[:-4] || ' ' || {k}[-3:] ELSE {k} END)"


def header(head: bytes | str) -> list[str]:
    """The first line's column names, lower case and stripped ([] if it is not text)."""
    try:
        text = head.decode("utf-8-sig") if isinstance(head, bytes) else head
    except UnicodeDecodeError:
        return []
    first = text.splitlines()[0] if text.strip() else ""
    return [c.strip().lower() for c in next(csv.reader(io.StringIO(first)), [])]


def columns(names: list[str]) -> dict[str, str]:
    """Staged meaning -> the header's column, for the meanings the header has."""
    out = {}
    for meaning, options in COLUMNS.items():
        for opt in options:
            found = next((n for n in names if re.fullmatch(opt, n)), None)
            if found:
                out[meaning] = found
                break
    return out


def sniff(path: Path, head: bytes) -> bool:
    """A CSV whose header has a postcode column and a district one (the ONSPD or an extract of it)."""
    if Path(path).suffix.lower() not in (".csv", ".txt"):
        return False
    found = columns(header(head))
    return "postcode" in found and "district" in found


def read(path, year: int | None = None) -> ReturnFile:
    """Check the header; the rows are staged later, straight from the file (``stage``). Reference data has no
    collection year: ``year`` is ignored."""
    path = Path(path)
    out = ReturnFile(str(path), KIND, None)
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        out.error = f"{path}: cannot be opened ({exc.strerror})"
        return out
    found = columns(header(head))
    missing = [m for m in COLUMNS if m not in found and m not in OPTIONAL]
    if missing:
        names = {m: "/".join(o.replace(r"\d\d", "NN") for o in COLUMNS[m]) for m in missing}
        extra = ""
        if {"easting", "northing"} & set(missing) and {"lat", "long"} <= set(header(head)):
            extra = ("; it has lat/long, but casewatch measures distances on the grid references, as the DfE "
                     "does: use the ONSPD's oseast1m and osnrth1m columns")
        out.error = (f"{path}: a postcode directory needs the column(s) {', '.join(names.values())}{extra}")
        return out
    out.extra["reference_columns"] = found
    out.extra["stage"] = lambda con: _stage(con, out, found)
    return out


def _stage(con, out: ReturnFile, cols: dict[str, str]) -> None:
    """Insert every row of the file into ``reference.postcodes`` and count it; report what did not type."""
    c = {m: identifier(n) for m, n in cols.items()}
    doterm = c.get("doterm", "NULL")
    county = f"nullif(upper(trim({c['county']})), '')"
    terminated = f"try_strptime(trim({doterm}) || '01', '%Y%m%d')::DATE"
    east, north = f"nullif(trim({c['easting']}), '')", f"nullif(trim({c['northing']}), '')"
    checks = {"easting": (f"{east} IS NOT NULL AND TRY_CAST({east} AS INTEGER) IS NULL", c["easting"]),
              "northing": (f"{north} IS NOT NULL AND TRY_CAST({north} AS INTEGER) IS NULL", c["northing"])}
    if "doterm" in c:
        checks["terminated"] = (f"nullif(trim({doterm}), '') IS NOT NULL AND {terminated} IS NULL", doterm)
    cells = ", ".join(f"CASE WHEN {cond} THEN '\"{name}\":' || to_json(trim({col})) END"
                      for name, (cond, col) in checks.items())
    bad_json = (f"CASE WHEN {' OR '.join(f'({cond})' for cond, _ in checks.values())} "
                f"THEN '{{' || concat_ws(',', {cells}) || '}}' END")
    src = ("read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', "
           "strict_mode = false, null_padding = true)")
    try:
        n = con.execute(f"""
            INSERT INTO reference.postcodes (_file, _row, _year, _bad, postcode, la, country, easting, northing,
                                             terminated)
            SELECT ?, _row, NULL, {bad_json}, {postcode_sql(c['postcode'])},
                   CASE WHEN {county} IS NULL OR {county} LIKE '_99999999' THEN upper(trim({c['district']}))
                        ELSE {county} END,
                   upper(trim({c['country']})), TRY_CAST({east} AS INTEGER), TRY_CAST({north} AS INTEGER),
                   {terminated}
            FROM (SELECT *, row_number() OVER () + 1 AS _row FROM {src})""",
                        [out.path, out.path]).fetchone()[0]
    except Exception as exc:  # noqa: BLE001 (a file DuckDB cannot parse: unreadable, named, never fatal)
        first = str(exc).splitlines()[0][:200]
        out.error = f"{out.path}: not a CSV casewatch can read as a postcode directory ({first})"
        return
    out.records = n


def _rows(n: int) -> str:
    return f"{n:,} row" + ("" if n == 1 else "s")


def check(con, files: list[ReturnFile]) -> None:
    """Once every directory file is staged: count, per file, the cells that did not type and the rows with no
    postcode (one pass over the table), and mark the second and later rows of one postcode, over all the files,
    as ``duplicate``: the first live one is used, then the first in file order (the full ONSPD has none)."""
    refs = {f.path: f for f in files if f.kind == KIND and not f.error and "reference_columns" in f.extra}
    if not refs:
        return
    names = ("easting", "northing", "terminated")
    counts = con.execute(f"""
        SELECT _file, {', '.join(f"count(*) FILTER (WHERE json_extract_string(_bad, '$.{n}') IS NOT NULL)"
                                 for n in names)}, count(*) FILTER (WHERE postcode IS NULL)
        FROM reference.postcodes GROUP BY _file""").fetchall()
    for file, *bad, blank in counts:
        out = refs.get(file)
        if out is None:
            continue
        cols = out.extra["reference_columns"]
        for name, n in zip(names, bad, strict=True):
            if n:
                col = cols["doterm" if name == "terminated" else name]
                what = "a month (yyyymm)" if name == "terminated" else "a whole number of metres"
                out.issues.append(Issue("CW-TYPE", "error", f"{col} is not {what} ({_rows(n)}), taken as blank",
                                        out.path, "postcodes", None, None, col))
        if blank:
            out.issues.append(Issue("CW-REF", "query", f"no postcode ({_rows(blank)}), matching nothing",
                                    out.path, "postcodes", None, None, cols["postcode"]))
    n = con.execute("SELECT count(postcode) - count(DISTINCT postcode) FROM reference.postcodes").fetchone()[0]
    if not n:
        return
    con.execute("""
        UPDATE reference.postcodes t SET duplicate = d.dup
        FROM (SELECT _file, _row, row_number() OVER (PARTITION BY postcode
                                                     ORDER BY terminated IS NOT NULL, _file, _row) > 1 AS dup
              FROM reference.postcodes WHERE postcode IS NOT NULL) d
        WHERE t._file = d._file AND t._row = d._row AND t.duplicate IS DISTINCT FROM d.dup""")
    for file, k in con.execute("SELECT _file, count(*) FROM reference.postcodes WHERE duplicate GROUP BY _file "
                               "ORDER BY _file").fetchall():
        if file in refs:
            refs[file].issues.append(Issue(
                "CW-REF", "query", f"a postcode listed before is repeated ({_rows(k)}); its first listing (a live "
                "one first) is used", file, "postcodes", None, None, refs[file].extra["reference_columns"]["postcode"]))
