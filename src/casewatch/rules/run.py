"""Run the rules in force over staged returns, year by year, and turn failures into located issues.

For each return and collection year present in staging, the staging tables are exposed as views filtered to
that year in a schema of their own, and that schema is put first on DuckDB's search path, so a rule's SQL
names ``episodes`` or ``cin_details`` and sees only that year's rows. A rule that raises is reported as
issue severity ``failed`` under its own code, never silently as a pass.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from casewatch.returns.core import Issue
from casewatch.returns.staging import STAGING
from casewatch.rules.engine import Rule, registry


@dataclass
class RuleRun:
    issues: list[Issue] = field(default_factory=list)  # listed one by one, and one summary per rule and file
    failed: list[tuple[str, str, int, str]] = field(default_factory=list)  # kind, code, year, error
    rejected: list[pa.Table] = field(default_factory=list)  # _src, _file, _k, reason: rows quarantining rules refused
    skipped: list[tuple[str, str, int, str]] = field(default_factory=list)  # kind, code, year, what it needs
    unlisted: list[pa.Table] = field(default_factory=list)  # flagged rows beyond LISTED, with Issue's fields
    summaries: list[Issue] = field(default_factory=list)  # the issues that count unlisted rows (not findings)
    rules_run: int = 0

    def findings(self, issues: list[Issue]) -> list[Issue]:
        """``issues`` less the summaries that count unlisted rows: each one a finding (the unlisted rows are the
        rest of them)."""
        counted = {id(i) for i in self.summaries}
        return [i for i in issues if id(i) not in counted]

    def unlisted_counts(self) -> Counter:
        """Rows each rule flagged beyond those listed as issues (summaries are not findings)."""
        out: Counter = Counter()
        for t in self.unlisted:
            out.update(t["rule"].to_pylist())
        return out


def _years(con, kind: str) -> list[int]:
    parts = [f"SELECT DISTINCT _year FROM {t.qualified}" for t in STAGING.values() if t.schema == kind]
    if not parts:
        return []
    rows = con.execute(" UNION ".join(parts)).fetchall()
    return sorted(y for (y,) in rows if y is not None)


def _year_views(con, kind: str, year: int) -> str:
    """A schema holding each staging table of ``kind`` as a view of the collection year's rows (``episodes``)
    and of the year before's (``episodes_last``, the DfE validator's name), for the rules that compare the
    return with last year's."""
    schema = f"_rules_{kind}_{year}"
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    for t in STAGING.values():
        if t.schema == kind:
            for name, y in ((t.name, year), (f"{t.name}_last", year - 1)):
                con.execute(f"CREATE OR REPLACE VIEW {schema}.{name} AS "
                            f"SELECT * FROM {t.qualified} WHERE _year = {int(y)}")
    return schema


def _with_value(sql: str, names: list[str], r: Rule) -> str:
    """The rule's query, with ``value``: what ``fields[0]`` held on each flagged row of ``tables[0]``, as the
    file had it (the text of an untypeable cell; a date as dd/mm/yyyy). Unchanged when the rule says its own
    ``value``, names another table or field per row, or has no field."""
    staged = STAGING.get(f"{r.kind}.{r.tables[0]}")
    field = r.fields[0] if r.fields else None
    if ("value" in names or "_table" in names or "field" in names or staged is None
            or field not in staged.field_names):
        return sql
    typ = next(f.type for f in staged.fields if f.name == field)
    shown = {"DATE": f"strftime(t.\"{field}\", '%d/%m/%Y')",
             "DATE[]": f"array_to_string(list_transform(t.\"{field}\", lambda d: strftime(d, '%d/%m/%Y')), ',')",
             "VARCHAR[]": f"array_to_string(t.\"{field}\", ',')"}.get(typ, f"CAST(t.\"{field}\" AS VARCHAR)")
    line = " AND t._line IS NOT DISTINCT FROM q._line" if staged.nested and "_line" in names else ""
    return f"""SELECT q.* EXCLUDE (_q), coalesce(json_extract_string(t._bad, '$.{field}'), {shown}) AS value
       FROM (SELECT *, row_number() OVER () AS _q FROM ({sql})) q
       LEFT JOIN {r.tables[0]} t ON t._file = q._file AND t._row = q._row{line}
       QUALIFY row_number() OVER (PARTITION BY q._q) = 1 ORDER BY q._q"""


LISTED = 1_000  # flagged rows of one rule, year and file listed as issues one by one; the rest are kept as rows


def _run_one(con, r: Rule, year: int, out: RuleRun) -> None:
    """One rule on one year. Its findings are fetched as one Arrow table (no Python object per row): the first
    ``LISTED`` of each file become ``Issue`` objects, the rest stay rows in ``out.unlisted`` (same columns,
    counted in one summary issue per file), and every row a quarantining rule refuses goes to ``out.rejected``,
    so 400,000 duplicate rows cost what 400,000 rows of a column cost, not 400,000 objects."""
    sql = r.sql(year)
    found = con.sql(sql).to_arrow_table()
    if "_file" not in found.column_names or "_row" not in found.column_names:
        raise ValueError("rule query must return _file and _row")
    if not found.num_rows:  # most rules, most years: one query
        return
    with_value = _with_value(sql, found.column_names, r)
    if with_value is not sql:  # it flagged rows: run it again, saying what each flagged field held
        found = con.sql(with_value).to_arrow_table()
    rows = _issue_rows(found, r, year)
    if r.quarantine:
        reason = f"{r.code} {(r.fields[0] if r.fields else None) or ''}: {r.message}".replace(" :", ":")
        tables = rows["table"].combine_chunks()
        out.rejected.append(pa.table({
            "_src": pa.DictionaryArray.from_arrays(tables.indices, pa.array(
                [f"{r.kind}.{t}" for t in tables.dictionary.to_pylist()], pa.string())),
            "_file": rows["file"], "_k": rows["row"],
            "reason": pa.DictionaryArray.from_arrays(pa.repeat(0, rows.num_rows).cast(pa.int32()),
                                                     pa.array([reason], pa.string()))}))
    listed = _first_per_file(rows["file"])
    out.issues.extend(Issue(**d) for d in rows.filter(listed).to_pylist())
    rest = rows.filter(pc.invert(listed))
    if rest.num_rows:
        out.unlisted.append(rest)
        for file, n in sorted(Counter(rest["file"].to_pylist()).items()):
            summary = Issue(r.code, r.severity, f"{n:,} more rows flagged by this rule in this file (the first "
                            f"{LISTED:,} are listed one by one; every one is counted, and a load keeps every one "
                            "in the database's data issues)", file, rows["table"][0].as_py(), None, None,
                            r.fields[0] if r.fields else None)
            out.issues.append(summary)
            out.summaries.append(summary)


def _first_per_file(files: pa.ChunkedArray) -> pa.Array:
    seen: Counter = Counter()
    keep = []
    for f in files.to_pylist():
        seen[f] += 1
        keep.append(seen[f] <= LISTED)
    return pa.array(keep, pa.bool_())


def _issue_rows(found: pa.Table, r: Rule, year: int) -> pa.Table:
    """The rule's findings as rows with ``Issue``'s fields, in the order the rule gave them."""
    n, cols = found.num_rows, set(found.column_names)

    def const(v):  # one value for every row: stored once (a dictionary), not n times
        return pa.DictionaryArray.from_arrays(pa.nulls(n, pa.int32()) if v is None else pa.repeat(0, n).cast(
            pa.int32()), pa.array([v], pa.string()))

    def text(name, default=None, repeats=False):
        if name not in cols:
            return const(default)
        col = found[name]
        if pa.types.is_string(col.type) or pa.types.is_integer(col.type) or pa.types.is_dictionary(col.type):
            out = pc.cast(col, pa.string())
        else:  # dates, decimals, booleans, lists: written as Python writes them, as the issue always said
            out = pa.chunked_array([pa.array([None if v is None else str(v) for v in col.to_pylist()], pa.string())])
        return pc.dictionary_encode(out).combine_chunks() if repeats else out.combine_chunks()

    row = pc.cast(found["_row"], pa.int64())
    if "_line" in cols:
        row = pc.coalesce(pc.cast(found["_line"], pa.int64()), row)
    expected = r.expected(year) if r.expected else None
    return pa.table({"rule": const(r.code), "severity": const(r.severity), "message": const(r.message),
                     "file": text("_file", repeats=True), "table": text("_table", r.tables[0], True),
                     "row": row, "child": text("child"), "field": text("field", r.fields[0] if r.fields else None, True),
                     "value": text("value"), "expected": text("expected", expected, True)})


def _loaded(con, kind: str) -> bool:
    return any(con.execute(f"SELECT EXISTS (SELECT 1 FROM {t.qualified})").fetchone()[0]
               for t in STAGING.values() if t.schema == kind)


NEEDS = {"cms": "the case-management extract", "reference": "reference data",
         "reference.postcodes": "the ONS postcode directory",
         "reference.providers": "Ofsted's provider lists (children's homes list, social care providers list)",
         # a table that can be empty while the rest of its kind is loaded: a rule naming it runs only when it is not
         "reference.council_la": "the council's own LA code (--council with its DfE LA number, or la_code in the "
                                 "case-management extract's council.csv)"}


def _cannot_run(r: Rule, year: int, years: dict[str, list[int]], loaded: dict[str, bool]) -> str | None:
    """Why a rule cannot run on what was given (it needs last year's return, or another return), or None."""
    if r.needs_last_year and year - 1 not in years[r.kind]:
        return "needs the year before's return"
    for table in r.tables:  # the most telling first: the table itself (the postcode directory, not "reference")
        if table in NEEDS and not loaded.get(table):
            return f"needs {NEEDS[table]}"
    for other in r.other_returns:
        if not loaded.get(other):
            return f"needs {NEEDS.get(other, f'the {other} return')}"
        if years.get(other) and year not in years[other]:  # a return with collection years: the same one
            return f"needs the {other} return for the same year"
    return None


def _run_safely(con, r: Rule, kind: str, year: int) -> RuleRun:
    """One rule on one year, on its own cursor's results: a rule that raises is reported as failed, by code."""
    part = RuleRun(rules_run=1)
    try:
        _run_one(con, r, year, part)
    except Exception as exc:  # a broken rule must be loud, not a pass
        # quoted text in a database error may be a child's value: never repeated
        first = re.sub(r"'[^']*'|\"[^\"]*\"", "'...'", str(exc).splitlines()[0])[:200]
        msg = f"{type(exc).__name__}: {first}"
        part.issues = [Issue(r.code, "failed", f"rule could not run ({msg})", None, r.tables[0], None, None, None)]
        part.failed.append((kind, r.code, year, msg))
        part.rejected, part.unlisted, part.summaries = [], [], []
    return part


def run_rules(con, kinds: tuple[str, ...] | None = None, threads: int | None = None) -> RuleRun:
    """Every rule in force for each return and year staged. Rules run on ``threads`` cursors at once (DuckDB
    runs each query without holding Python's lock); results are gathered in the registry's order, so the
    issues come out the same whatever the threads."""
    out = RuleRun()
    every = tuple(sorted({t.schema for t in STAGING.values()}))
    kinds = kinds or every
    years = {k: _years(con, k) for k in every}
    loaded = {k: _loaded(con, k) for k in every}
    loaded |= {t: con.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone()[0] for t in NEEDS if t in STAGING}
    db = con.execute("SELECT current_database()").fetchone()[0]  # the search path names it: a bare schema
    threads = threads or min(4, os.cpu_count() or 1)                # would be looked up in DuckDB's default one
    cursors: dict[int, list] = {}  # thread -> [cursor, the search path it has]
    lock = threading.Lock()

    def on_cursor(r: Rule, kind: str, year: int, path: str) -> RuleRun:
        ident = threading.get_ident()
        with lock:
            if ident not in cursors:
                cursors[ident] = [con.cursor(), None]
        cur = cursors[ident]
        if cur[1] != path:
            cur[0].execute(path)
            cur[1] = path
        return _run_safely(cur[0], r, kind, year)

    try:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for kind in kinds:
                for year in years[kind]:
                    schema = _year_views(con, kind, year)
                    path = f"SET search_path = '{db}.{schema},{db}.main'"
                    todo = []
                    for r in registry(kind, year).values():
                        why = _cannot_run(r, year, years, loaded)
                        if why:
                            out.skipped.append((kind, r.code, year, why))  # never a pass: said so, by code
                        else:
                            todo.append(r)
                    for part in pool.map(lambda r, k=kind, y=year, p=path: on_cursor(r, k, y, p), todo):
                        out.rules_run += part.rules_run
                        out.issues.extend(part.issues)
                        out.failed.extend(part.failed)
                        out.rejected.extend(part.rejected)
                        out.unlisted.extend(part.unlisted)
                        out.summaries.extend(part.summaries)
    finally:
        for cur, _ in cursors.values():
            cur.close()
    return out
