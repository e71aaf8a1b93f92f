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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from casewatch.returns.core import Issue
from casewatch.returns.staging import STAGING
from casewatch.rules.engine import Rule, registry


@dataclass
class RuleRun:
    issues: list[Issue] = field(default_factory=list)
    failed: list[tuple[str, str, int, str]] = field(default_factory=list)  # kind, code, year, error
    rejected: dict[tuple[str, str], list[tuple[str, int, str]]] = field(default_factory=dict)
    skipped: list[tuple[str, str, int, str]] = field(default_factory=list)  # kind, code, year, what it needs
    # (schema.table) -> [(_file, _row, "code: message")] rows the quarantining rules refused
    rules_run: int = 0


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


def _run_one(con, r: Rule, year: int, out: RuleRun) -> None:
    sql = r.sql(year)
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    if "_file" not in names or "_row" not in names:
        raise ValueError("rule query must return _file and _row")
    found = cur.fetchall()
    if not found:  # most rules, most years: one query
        return
    with_value = _with_value(sql, names, r)
    if with_value is not sql:  # it flagged rows: run it again, saying what each flagged field held
        cur = con.execute(with_value)
        names = [d[0] for d in cur.description]
        found = cur.fetchall()
    idx = {n: i for i, n in enumerate(names)}
    default_table, default_field = r.tables[0], (r.fields[0] if r.fields else None)
    expected = r.expected(year) if r.expected else None
    for rec in found:
        table = rec[idx["_table"]] if "_table" in idx else default_table
        where = rec[idx["_line"]] if "_line" in idx and rec[idx["_line"]] is not None else rec[idx["_row"]]
        value = rec[idx["value"]] if "value" in idx else None
        out.issues.append(Issue(
            r.code, r.severity, r.message, rec[idx["_file"]], table, where,
            str(rec[idx["child"]]) if "child" in idx and rec[idx["child"]] is not None else None,
            rec[idx["field"]] if "field" in idx else default_field,
            None if value is None else str(value),
            rec[idx["expected"]] if "expected" in idx else expected,
        ))
        if r.quarantine:
            out.rejected.setdefault((r.kind, table), []).append(
                (rec[idx["_file"]], where, f"{r.code} {default_field or ''}: {r.message}".replace(" :", ":")))


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
        part.rejected = {}
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
                        for key, rows in part.rejected.items():
                            out.rejected.setdefault(key, []).extend(rows)
    finally:
        for cur, _ in cursors.values():
            cur.close()
    return out
