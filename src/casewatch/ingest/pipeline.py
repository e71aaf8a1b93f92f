"""Load or validate statutory returns: read -> stage -> rules -> canonical model, with reconciliation.

The orchestrator sits above both ``returns`` (reading, staging, merging) and ``rules`` (the DfE's checks,
which name staging tables): rules import returns, this imports both, and returns imports neither.

``load`` writes a new analytics database (the old one is replaced only if the load succeeds); ``validate``
runs exactly the same steps in memory and writes nothing. Both account for every record of every file:
rows_read = rows_loaded + rows_quarantined, per file, or the run fails loudly.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from casewatch.calendar import create_calendar_table
from casewatch.model import TABLES
from casewatch.model.load import LoadError
from casewatch.model.schema import create_model
from casewatch.model.sql import literal
from casewatch.model.store import SYSTEM_DDL, configure, write_new
from casewatch.returns import detect
from casewatch.returns.core import Issue, ReturnFile
from casewatch.returns.inputs import input_files
from casewatch.returns.merge import QUARANTINE_WORK, CanonicalLoad, load_table
from casewatch.returns.stage import release, stage
from casewatch.returns.staging import STAGING
from casewatch.rules.run import RuleRun, run_rules


@dataclass
class FileResult:
    path: str
    kind: str
    year: int | None
    rows_read: int
    rows_loaded: int
    rows_quarantined: int
    error: str | None = None

    def as_dict(self) -> dict:
        return {"path": self.path, "kind": self.kind, "year": self.year, "rows_read": self.rows_read,
                "rows_loaded": self.rows_loaded, "rows_quarantined": self.rows_quarantined,
                **({"error": self.error} if self.error else {})}


@dataclass
class ReturnsRun:
    load_id: str
    council_id: str
    files: list[FileResult]
    issues: list[Issue]
    tables: list[CanonicalLoad]
    rules: RuleRun
    db_path: str | None = None
    by_rule: Counter = field(default_factory=Counter)

    @property
    def usable(self) -> bool:
        return any(f.rows_loaded for f in self.files)


def read_all(paths, kind=None, year=None, xsd=False, follow_symlinks=False) -> list[ReturnFile]:
    from casewatch.returns.ssda903.read_csv import settle_years

    found, refused = input_files(paths, follow_symlinks)  # links, pipes, devices: refused, each an issue
    files = [detect.read_file(p, kind, year, xsd) for p in found] + refused
    settle_years(files, year)  # a 903 CSV set's year is the one its episodes say, for every file of the set
    return files


def _one_return_a_year(files: list[ReturnFile]) -> None:
    """Refuse the same collection year's return given twice: a 903 as both CSV tables and XML, or two CIN census
    files. Loaded together, each record would be read twice: the validation rules would quarantine one copy of
    every child and the merge would keep the wrong half of some episodes (an ended episode left open)."""
    from pathlib import Path

    by: dict[tuple[str, int], dict[str, list[str]]] = {}
    for f in files:
        if f.error or not f.year or f.kind not in ("ssda903", "cin"):
            continue
        # a 903 as CSV tables or as XML, told by what was read, not by the name (a file may have lost its .csv)
        fmt = ("csv" if "ssda903_csv" in f.extra else "xml") if f.kind == "ssda903" else f.path
        by.setdefault((f.kind, f.year), {}).setdefault(fmt, []).append(f.path)
    for (kind_, year_), formats in sorted(by.items()):
        if len(formats) > 1:
            shown = "; ".join(paths[0] if len(paths) == 1 else f"{len(paths)} {fmt.upper()} files in "
                              f"{Path(paths[0]).parent}" for fmt, paths in sorted(formats.items()))
            raise LoadError(f"the {'SSDA903' if kind_ == 'ssda903' else 'CIN census'} return for {year_ - 1}-"
                            f"{str(year_)[2:]} is given more than once ({shown}): load one copy of each year")


def _council(files: list[ReturnFile], council_id: str | None, con) -> str:
    if council_id:
        return council_id
    named = sorted({f.council_id for f in files if f.council_id and not f.error})
    if "cms.council" in STAGING:  # the extract names the council; its la_code is what the headers carry
        rows = con.execute("SELECT DISTINCT council_id, la_code FROM cms.council "
                           "WHERE council_id IS NOT NULL").fetchall()
        if rows:
            named = sorted({r[0] for r in rows} | (set(named) - {r[1] for r in rows} - {r[0] for r in rows}))
    if len(named) > 1:
        raise LoadError(f"these files come from several councils ({', '.join(named)}); load each council "
                        "separately, or name one with --council")
    return named[0] if named else "LA"


def _data_from(files: list[ReturnFile]) -> dt.date | None:
    """The first day every history-bearing return loaded covers: the latest of each return's earliest
    collection year start (CIN census and 903 loaded from different years: the shorter history wins, so no
    look-back is claimed that one of them lacks)."""
    first = {}
    for f in files:
        if f.year and not f.error and f.kind in ("ssda903", "cin"):
            first[f.kind] = min(first.get(f.kind, f.year), f.year)
    return max(dt.date(y - 1, 4, 1) for y in first.values()) if first else None


def _data_to(files: list[ReturnFile]) -> dt.date | None:
    ends = [dt.date(f.year, 3, 31) for f in files if f.year and not f.error and f.kind in ("ssda903", "cin")]
    return max(ends) if ends else None


def _mappings(kinds: set[str]) -> dict[str, list[str]]:
    """Candidate SQL per canonical table from the returns present (a return with no file adds nothing)."""
    out: dict[str, list[str]] = {}
    for kind in detect.KINDS:
        if kind not in kinds:
            continue
        mod = detect.reader(kind)
        if mod is None or not hasattr(mod, "to_model"):
            continue
        for table, sql in mod.to_model().items():
            out.setdefault(table, []).append(sql)
    out.setdefault("councils", []).append(
        "SELECT getvariable('council_id') AS council_id, getvariable('council_name') AS name, "
        "getvariable('data_to')::DATE AS data_to, getvariable('data_from')::DATE AS data_from, "
        "getvariable('la_code')::VARCHAR AS la_code, "
        "'casewatch' AS _file, 0::BIGINT AS _row, "
        "0 AS _year, 'casewatch.council' AS _src")
    return out


def _unmapped(con, load_id: str) -> None:
    """Staged rows no canonical table took are quarantined, never silently dropped."""
    staged = [f"SELECT _file, _row, {'coalesce(_line, _row)' if t.nested else '_row'} AS k, "
              f"{literal(t.qualified)} AS src FROM {t.qualified}" for t in STAGING.values()]
    con.execute(f"""
        INSERT INTO _quarantined (file, record_row, k, src, reasons, record, tbl)
        SELECT s._file, s._row, s.k, s.src, ['CW-MAP: casewatch has no canonical table for this record yet'],
               NULL, '(none)'
        FROM ({' UNION ALL '.join(staged)}) s
        ANTI JOIN _seen x ON x._src = s.src AND x._file = s._file AND x._k = s.k""")
    con.execute("""
        INSERT INTO quarantine (quarantine_id, load_id, source_file, table_name, source_table, row_number,
                                reasons, record)
        SELECT (SELECT coalesce(max(quarantine_id), 0) FROM quarantine) + row_number() OVER (ORDER BY file, k),
               ?, file, '(none)', src, k, reasons, '{}'
        FROM _quarantined WHERE tbl = '(none)'""", [load_id])


def _run(con, paths, *, kind=None, year=None, council_id=None, council_name=None, xsd=False,
         follow_symlinks: bool = False, calendar: bool = True, keep: bool = True) -> ReturnsRun:
    load_id = uuid.uuid4().hex[:12]
    for k in detect.KINDS:  # every reader registers its staging tables, so every mapping finds its tables
        detect.reader(k)
    files = read_all(paths, kind, year, xsd, follow_symlinks)
    _one_return_a_year(files)
    stage(con, files)
    release(files)  # DuckDB has the rows now
    council = _council(files, council_id, con)
    if any(f.kind == "reference" for f in files):  # the postcode directory's checks; the council's own LA
        from casewatch.returns.reference import finish

        finish(con, files, council_id)
    data_to = _data_to(files) or dt.date.today()
    con.execute("SET VARIABLE council_id = ?", [council])
    con.execute("SET VARIABLE council_name = ?", [council_name or f"Council {council}"])
    con.execute("SET VARIABLE data_to = ?", [data_to.isoformat()])
    data_from = _data_from(files)
    con.execute("SET VARIABLE data_from = ?", [data_from.isoformat() if data_from else None])
    from casewatch.returns.reference.council import dfe_number

    con.execute("SET VARIABLE la_code = ?", [dfe_number(con, files, council_id)])

    rules = run_rules(con)
    create_model(con, TABLES)
    con.execute(SYSTEM_DDL)
    if calendar:  # the analytics database needs it; a validation that writes nothing does not
        create_calendar_table(con)
    con.execute(QUARANTINE_WORK)
    con.execute("CREATE OR REPLACE TEMP TABLE _rejected (_src VARCHAR, _file VARCHAR, _k BIGINT, reason VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE _seen (_src VARCHAR, _file VARCHAR, _k BIGINT)")
    if rules.rejected:  # one set-wise insert (executemany cost ~0.7 ms a row: 400,000 duplicates took minutes)
        rejected = pa.concat_tables(rules.rejected)  # noqa: F841 (read by DuckDB)
        con.execute("INSERT INTO _rejected SELECT _src, _file, _k, reason FROM rejected")

    mappings = _mappings({f.kind for f in files if not f.error})
    for sql in mappings.pop("_folded", []):  # rows folded into their record's row: accounted, no row of their own
        con.execute(f"INSERT INTO _seen SELECT _src, _file, coalesce(_line, _row) FROM ({sql})")
    tables = [load_table(con, t, mappings[t.name], load_id) for t in TABLES if t.name in mappings]
    _unmapped(con, load_id)

    issues = [i for f in files for i in f.issues]
    issues += [Issue("CW-FILE", "error", f.error, f.path) for f in files if f.error]
    issues += rules.issues
    issues += _quarantine_issues(con)
    issues += [Issue(rule, "error", f"{tbl}.{fld}: {msg}", file, table, k, child, fld)
               for file, k, table, tbl, fld, rule, msg, child in con.execute("SELECT * FROM _repaired").fetchall()]
    results = _account(con, files)
    run = ReturnsRun(load_id, council, results, issues, tables, rules)
    run.by_rule = Counter(i.rule for i in rules.findings(issues)) + rules.unlisted_counts()
    if keep:  # a validation writes nothing: 1.6 million findings would fill memory with rows nobody reads
        _record_loads(con, run, _feeds(mappings))
    return run


def _quarantine_issues(con) -> list[Issue]:
    """Model and mapping refusals as issues (rule refusals are already issues from their rule)."""
    rows = con.execute("""
        SELECT q.file, split_part(q.src, '.', 2), q.k, r, q.tbl, q.record->>'child_id'
        FROM (SELECT *, unnest(reasons) AS r FROM _quarantined) q
        WHERE r LIKE 'CW-MODEL %' OR r LIKE 'CW-MAP%'""").fetchall()
    out = []
    for file, table, k, reason, tbl, child in rows:
        code, _, rest = reason.partition(" ")
        fld, _, msg = rest.partition(": ")
        if code.endswith(":"):
            code, fld, msg = code[:-1], None, rest
        elif fld == "(row)":
            fld = None
        out.append(Issue(code, "error", f"{tbl}.{fld}: {msg}" if fld else f"{tbl}: {msg}", file, table, k, child, fld))
    return out


def _account(con, files: list[ReturnFile]) -> list[FileResult]:
    # a record is a row of a table (one staging table per sheet or file) or an XML record (<Child>, <CSWWWorker>)
    # with everything nested in it; rows casewatch inferred (src casewatch.*) are accounted through their sources
    # (every table of a return that nests records, the CIN census, is keyed by the return: a <Child> is one)
    xml = sorted({t.schema for t in STAGING.values() if t.nested})
    quarantined = dict(con.execute(f"""
        SELECT file, count(DISTINCT (CASE WHEN split_part(src, '.', 1) IN ({', '.join(map(literal, xml)) or "''"})
                                          THEN split_part(src, '.', 1) ELSE src END, record_row))
        FROM _quarantined WHERE src NOT LIKE 'casewatch.%' GROUP BY file""").fetchall())
    out = []
    for f in files:
        if f.error:
            out.append(FileResult(f.path, f.kind, f.year, 0, 0, 0, f.error))
            continue
        q = quarantined.get(f.path, 0)
        if q > f.records:
            raise LoadError(f"{f.path}: {q} records quarantined but only {f.records} read; refusing to write "
                            "an inconsistent database")
        out.append(FileResult(f.path, f.kind, f.year, f.records, f.records - q, q))
    return out


def _feeds(mappings: dict[str, list[str]]) -> dict[str, list[str]]:
    """Staging table name -> the canonical tables its rows become (read from the mapping SQL)."""
    schemas = "|".join(sorted({t.schema for t in STAGING.values()}))
    out: dict[str, set[str]] = {}
    for canonical, sqls in mappings.items():
        for sql in sqls:
            for staged in re.findall(rf"\b(?:{schemas})\.(\w+)", sql):
                out.setdefault(staged, set()).add(canonical)
    return {k: sorted(v) for k, v in out.items()}


def _record_loads(con, run: ReturnsRun, feeds: dict[str, list[str]]) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    # every finding once: the issues listed one by one, then the rows a rule flagged beyond them (not the
    # summary issues that count those rows), each a row of data_issues
    listed = run.rules.findings(run.issues)
    cols = ("file", "table", "row", "child", "field", "rule", "severity", "message", "value", "expected")
    parts = [pa.table({k: pa.array([getattr(i, k) for i in listed])
                       for k in cols})] if listed else []
    parts += [t.select(cols) for t in run.rules.unlisted]
    con.execute("CREATE OR REPLACE TEMP TABLE _feeds (tbl VARCHAR, feeds VARCHAR[])")
    if feeds:
        con.execute("INSERT INTO _feeds SELECT unnest(?), unnest(?)", [list(feeds), list(feeds.values())])
    for part in parts:  # in order; each part set-wise
        issues = part.append_column("_n", pa.array(range(part.num_rows), pa.int64()))  # noqa: F841
        con.execute("INSERT INTO data_issues SELECT ?, i.file, i.\"table\", i.\"row\", i.child, i.field, i.rule, "
                    "i.severity, i.message, coalesce(f.feeds, CASE WHEN i.\"table\" IS NOT NULL "
                    "THEN [i.\"table\"] ELSE [] END), i.value, i.expected "
                    "FROM issues i LEFT JOIN _feeds f ON f.tbl = coalesce(i.\"table\", '') ORDER BY i._n", [run.load_id])
    con.executemany(
        "INSERT INTO loads VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [[run.load_id, now, f"file:{i}", f.path, f.rows_read, f.rows_loaded, f.rows_quarantined,
          f"{f.kind} {f.year or ''}".strip() + (f"; {f.error}" if f.error else "")]
         for i, f in enumerate(run.files)])


MEMORY_LIMIT = "256MB"  # DuckDB's share of a returns load when CASEWATCH_MEMORY_LIMIT is not set; it spills beyond


def _bounded(con, spill: str):
    """DuckDB's memory bounded (CASEWATCH_MEMORY_LIMIT, else ``MEMORY_LIMIT``; its own default is 80% of the
    machine), spilling to ``spill`` (a folder of the system's temporary files, removed after the connection
    closes): 400,000 refused rows and their reasons no longer hold 1.5 GB."""
    configure(con)
    if not os.environ.get("CASEWATCH_MEMORY_LIMIT"):
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET temp_directory = ?", [spill])
    return con


def validate(paths, **kw) -> ReturnsRun:
    with tempfile.TemporaryDirectory(prefix="casewatch-spill-") as spill:
        con = _bounded(duckdb.connect(), spill)
        try:
            return _run(con, paths, calendar=False, keep=False, **kw)
        finally:
            con.close()


def load(paths, db_path, **kw) -> ReturnsRun:
    """Load into a new database at ``db_path``; raises LoadError (old database untouched) if nothing usable."""
    with tempfile.TemporaryDirectory(prefix="casewatch-spill-") as spill, write_new(db_path) as con:
        run = _run(_bounded(con, spill), paths, **kw)
        if not run.usable:
            raise LoadError("nothing usable was loaded from these files; the previous database is unchanged")
        for schema in sorted({t.schema for t in STAGING.values()}):
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        for (name,) in con.execute("SELECT schema_name FROM information_schema.schemata "
                                   "WHERE schema_name LIKE '\\_rules\\_%' ESCAPE '\\'").fetchall():
            con.execute(f"DROP SCHEMA {name} CASCADE")
        run.db_path = str(db_path)
    return run
