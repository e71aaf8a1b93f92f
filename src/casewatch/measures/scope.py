"""One council's canonical tables, as the indicator SQL sees them.

Indicators read plain table names (``referrals``, ``cla_episodes``...). ``scope`` makes those names views on an
in-memory connection over the analytics database attached read-only (or, in spec tests, over a schema of test
tables), each holding only the rows of one council: its children and everything about them, its workers and
teams, its population. A regional database of several councils is therefore measured one council at a time,
and nothing an indicator does can write to the analytics database.
"""

from __future__ import annotations

from datetime import date

import duckdb

from casewatch.model import TABLES
from casewatch.model.sql import literal

BY_WORKER = ("workforce_census",)
AGE_BANDS = ((0, "under 1"), (1, "1-4"), (5, "5-9"), (10, "10-15"), (16, "16+"))


def attach(db_path: str) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the analytics database attached read-only as ``db``."""
    from casewatch.model.store import attach_readonly, configure

    con = configure(duckdb.connect())
    try:
        attach_readonly(con, db_path, "db")
    except BaseException:
        con.close()
        raise
    return con


def council_link(table) -> str:
    """How a table's rows say their council: "council" (its own council_id: every table that has one),
    "worker" (through workers) or "child" (through children)."""
    cols = table.column_names
    if "council_id" in cols:
        return "council"
    if table.name in BY_WORKER:
        return "worker"
    if "child_id" in cols:
        return "child"
    raise ValueError(f"{table.name}: no council, worker or child column to scope it by")


def scope(con: duckdb.DuckDBPyConnection, council_id: str, source: str = "db") -> None:
    """(Re)create a view per canonical table in ``main``, holding only ``council_id``'s rows of ``source``."""
    quoted = literal(council_id)
    others = con.execute(f"SELECT count(*) FROM {source}.councils WHERE council_id <> ?", [council_id]).fetchone()[0]
    children = f"SELECT child_id FROM {source}.children WHERE council_id = {quoted}"
    workers = f"SELECT worker_id FROM {source}.workers WHERE council_id = {quoted}"
    for table in TABLES:
        link = council_link(table)
        if not others:  # the database holds this council only: nothing to filter
            where = "true"
        elif link == "council":
            where = f"council_id = {quoted}"
        elif link == "worker":
            where = f"worker_id IN ({workers})"
        else:
            where = f"child_id IN ({children})"
        con.execute(f"CREATE OR REPLACE VIEW main.{table.name} AS SELECT * FROM {source}.{table.name} WHERE {where}")
    con.execute(f"CREATE OR REPLACE VIEW main.calendar AS SELECT * FROM {source}.calendar")


def periods(con: duckdb.DuckDBPyConnection, period_ends: list[date]) -> None:
    """The ``periods`` table the indicators join: one row per period end."""
    con.execute("""CREATE OR REPLACE TEMP TABLE periods (pe DATE PRIMARY KEY, ps DATE, ps3 DATE, mid_year INTEGER,
                   prev DATE)""")
    rows = []
    for pe in sorted(set(period_ends)):
        rows.append((pe, _years_before(pe, 1), _years_before(pe, 3), pe.year - 1, _minus_year(pe)))
    con.executemany("INSERT INTO periods VALUES (?, ?, ?, ?, ?)", rows)


def _minus_year(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return date(d.year - 1, 2, 28)


def _years_before(pe: date, n: int) -> date:
    """The first day of the n years that end on ``pe``: 1 April for a 31 March period end."""
    start = pe
    for _ in range(n):
        start = _minus_year(start)
    return date.fromordinal(start.toordinal() + 1)


def age_sql(dob: str, on: str) -> str:
    """Age in completed years on a date, in integer arithmetic (yyyymmdd difference // 10000)."""
    return (f"((year({on}) * 10000 + month({on}) * 100 + day({on})) - "
            f"(year({dob}) * 10000 + month({dob}) * 100 + day({dob}))) // 10000")


def age_band_sql(age: str) -> str:
    """The DfE's age band for an age already worked out (``age_sql``); 'unknown' when it is NULL."""
    cases = " ".join(f"WHEN {age} < {AGE_BANDS[i + 1][0]} THEN '{label}'" for i, (_, label) in enumerate(AGE_BANDS[:-1]))
    return f"CASE WHEN {age} IS NULL THEN 'unknown' {cases} ELSE '{AGE_BANDS[-1][1]}' END"


ETHNIC_GROUP = """CASE WHEN {c} IS NULL THEN 'not recorded' WHEN {c} IN ('REFU', 'NOBT') THEN 'refused or not obtained'
    WHEN left({c}, 1) = 'W' THEN 'White' WHEN left({c}, 1) = 'M' THEN 'Mixed' WHEN left({c}, 1) = 'A' THEN 'Asian'
    WHEN left({c}, 1) = 'B' THEN 'Black' ELSE 'Other' END"""
LEGAL_GROUP = """CASE WHEN {c} IN ('C1', 'C2') THEN 'care order' WHEN {c} = 'E1' THEN 'placement order'
    WHEN {c} = 'V2' THEN 'accommodated (s20)' WHEN {c} IS NULL THEN 'not in care' ELSE 'other' END"""
PLACEMENT_GROUP = """CASE WHEN {c} IS NULL THEN 'not in care' WHEN left({c}, 1) = 'U' THEN 'foster'
    WHEN left({c}, 1) = 'A' THEN 'adoption' WHEN {c} IN ('K1', 'K2', 'R1', 'R2', 'R5', 'S1') THEN 'residential'
    WHEN {c} = 'P1' THEN 'with parents' WHEN {c} IN ('P2', 'H5', 'P3') THEN 'independent living' ELSE 'other' END"""
