"""Spec tests for indicators as small ASCII tables (the style of OpenSAFELY's ehrQL).

    def test_cla_at_31_march():
        assert value("cla_at_31_march", "2025-03-31", cla_episodes='''
            child_id | decom      | dec        | legal_status | rne
            1        | 2024-01-01 |            | C2           | S
            2        | 2024-01-01 | 2025-03-31 | C2           | S
        ''') == 1

Each keyword argument names a canonical table (model/); columns not written are NULL and no constraint is
enforced, so a test writes only what the indicator reads. Dates are ISO or dd/mm/yyyy; lists (review_dates)
comma-separated; true/false for booleans. Every child_id mentioned is a child of council X01 (born
2015-01-01 unless a ``children`` table says otherwise); workers and teams likewise. The working-day
calendar is the real one. ``figure`` returns the whole-council Figure, ``by`` a {group: value} dict.
"""

from __future__ import annotations

from datetime import date

import duckdb

from casewatch.calendar.working_days import create_calendar_table
from casewatch.measures.compute import Figure, compute
from casewatch.measures.define import REGISTRY
from casewatch.measures.scope import periods, scope
from casewatch.model import TABLES, TABLES_BY_NAME
from casewatch.returns.core import parse_date
from casewatch.rules.testing import parse_table

COUNCIL = "X01"


def _cell(text: str, col_type: str):
    if text == "":
        return None
    if col_type == "DATE":
        d = parse_date(text)
        if d is None:
            raise ValueError(f"not a date: {text!r}")
        return d
    if col_type == "DATE[]":
        return [_cell(t.strip(), "DATE") for t in text.split(",")]
    if col_type == "BOOLEAN":
        return {"true": True, "false": False, "yes": True, "no": False}[text.lower()]
    if col_type == "INTEGER":
        return int(text)
    if col_type.startswith("DECIMAL") or col_type == "DOUBLE":
        return float(text)
    return text


def database(**tables: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA src")
    for t in TABLES:
        cols = ", ".join(f'"{c.name}" {c.type}' for c in t.columns)
        con.execute(f"CREATE TABLE src.{t.name} ({cols})")
    con.execute("USE memory.src")
    create_calendar_table(con, date(2010, 1, 1), date(2035, 12, 31))
    con.execute("USE memory.main")
    seen: dict[str, set] = {"child_id": set(), "worker_id": set(), "team_id": set()}
    for name, text in tables.items():
        table = TABLES_BY_NAME[name]
        header, rows = parse_table(text)
        types = [table.column(h).type for h in header]
        con.executemany(f"INSERT INTO src.{name} ({', '.join(header)}) VALUES ({', '.join('?' * len(header))})",
                        [[_cell(c, t) for c, t in zip(r, types, strict=True)] for r in rows])
        for key in seen:
            if key in header:
                seen[key] |= {r[header.index(key)] for r in rows if r[header.index(key)]}
    for t in ("population", "teams", "workers", "children", "vacancies"):  # rows written without a council
        con.execute(f"UPDATE src.{t} SET council_id = '{COUNCIL}' WHERE council_id IS NULL")
    con.execute(f"INSERT INTO src.councils (council_id, name) SELECT '{COUNCIL}', 'Test' "
                "WHERE NOT EXISTS (SELECT 1 FROM src.councils)")
    for key, table, extra in (("child_id", "children", ", date_of_birth"), ("worker_id", "workers", ", fte"),
                              ("team_id", "teams", "")):
        default = {"children": ", DATE '2015-01-01'", "workers": ", 1.0", "teams": ""}[table]
        if not seen[key]:
            continue
        con.executemany(f"INSERT INTO src.{table} ({key}, council_id{extra}) SELECT ?, '{COUNCIL}'{default} "
                        f"WHERE NOT EXISTS (SELECT 1 FROM src.{table} WHERE {key} = ?)",
                        [(v, v) for v in sorted(seen[key])])
    scope(con, COUNCIL, source="src")
    return con


def figures(ind_id: str, period_end: str, settings: dict | None = None, **tables: str) -> list[Figure]:
    con = database(**tables)
    try:
        periods(con, [date.fromisoformat(period_end)])
        return compute(con, [REGISTRY[ind_id]], settings)
    finally:
        con.close()


def figure(ind_id: str, period_end: str, settings: dict | None = None, **tables: str) -> Figure:
    return next(f for f in figures(ind_id, period_end, settings, **tables) if f.breakdown is None)


def value(ind_id: str, period_end: str, settings: dict | None = None, **tables: str):
    return figure(ind_id, period_end, settings, **tables).value


def by(ind_id: str, breakdown: str, period_end: str, settings: dict | None = None, **tables: str) -> dict:
    return {f.group: f.value for f in figures(ind_id, period_end, settings, **tables) if f.breakdown == breakdown}
