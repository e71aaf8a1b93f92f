"""Compute indicators: all of them, every period and every breakdown, in a few DuckDB statements.

1. Each indicator's ``units`` SQL (see ``define.py``) runs once for all period ends; its rows go into one
   temp table ``units`` tagged with the indicator's id (numerator and denominator as DECIMAL(18,4), exact for
   FTEs and counts).
2. One statement gives every unit its breakdowns: the team and worker holding the child's case on the unit's
   date (the allocation that started most recently on or before it and had not ended before it; a unit about
   a worker names the worker itself), the child's age band on that date, sex, ethnic group, disability, and
   for children in care the legal status and placement grouped.
3. One ``UNION ALL`` aggregates the whole council and each breakdown an indicator allows, for every period.

Python only turns sums into values with the DfE's rounding (half up) and adds funnel limits for teams.

Before an indicator runs, ``check`` makes sure of its shape: every ``alias.column`` its SQL names is a column of
the canonical table the alias stands for, and its result has the columns the engine reads (``pe``, ``num``,
``dated``, ``child_id`` or ``worker_id``, ``den`` exactly when the unit has a denominator, ``legal_status`` and
``placement`` when it is broken down by them) and no other. A result without ``child_id`` would otherwise put
every unit under 'unallocated' and age 'unknown' without a word; an IndicatorError names the indicator and the
column instead.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import duckdb

from casewatch import standards as council_standards
from casewatch.measures import stats
from casewatch.measures.define import BREAKDOWNS, REGISTRY, Indicator, IndicatorError
from casewatch.measures.scope import (
    ETHNIC_GROUP,
    LEGAL_GROUP,
    PLACEMENT_GROUP,
    age_band_sql,
    age_sql,
    periods,
)


@dataclass
class Figure:
    id: str
    title: str
    unit: str
    polarity: str | None
    period_start: str
    period_end: str
    breakdown: str | None  # None: the whole council
    group: str | None
    value: float | int | None
    numerator: float | int | None
    denominator: float | int | None
    limits: dict | None = None  # funnel limits for a team: lower/upper 95% and 99.8%, and 'outside' (measures.stats)
    units: int = 0  # how many units (children, referrals, workers...) stand behind the figure

    def as_dict(self) -> dict:
        return asdict(self)


UNIT_COLUMNS = {"pe": "DATE", "num": "DECIMAL(18,4)", "den": "DECIMAL(18,4)", "child_id": "VARCHAR",
                "dated": "DATE", "worker_id": "VARCHAR", "legal_status": "VARCHAR", "placement": "VARCHAR"}
HELD = "(al.child_id IS NOT NULL AND (al.end_date IS NULL OR al.end_date >= u.dated))"
# The breakdowns of each distinct (child or worker, date) once: indicators share most of them (every snapshot
# indicator asks about the same children on the same day).
ENRICH = f"""
    CREATE OR REPLACE TEMP TABLE facts AS
    WITH u AS (SELECT DISTINCT child_id, worker_id, dated FROM units)
    SELECT u.child_id, u.worker_id, u.dated,
        CASE WHEN u.worker_id IS NOT NULL THEN u.worker_id WHEN {HELD} THEN al.worker_id ELSE 'unallocated' END
            AS worker,
        CASE WHEN u.worker_id IS NOT NULL THEN coalesce(w.team_id, 'no team')
             WHEN {HELD} THEN coalesce(al.team_id, w.team_id, 'no team') ELSE 'unallocated' END AS team,
        {age_band_sql(age_sql('c.date_of_birth', 'u.dated'))} AS age_band,
        coalesce(c.sex, 'U') AS sex, {ETHNIC_GROUP.format(c='c.ethnicity')} AS ethnicity,
        CASE WHEN c.disability THEN 'yes' WHEN NOT c.disability THEN 'no' ELSE 'not recorded' END AS disability
    FROM u
    LEFT JOIN children c ON c.child_id = u.child_id
    ASOF LEFT JOIN allocations al ON al.child_id = u.child_id AND u.dated >= al.start_date
    LEFT JOIN workers w ON w.worker_id = CASE WHEN u.worker_id IS NOT NULL THEN u.worker_id
                                              WHEN {HELD} THEN al.worker_id END;
    CREATE OR REPLACE TEMP TABLE enriched AS
    SELECT u.ind, u.pe, u.num, u.den, f.worker, f.team, f.age_band, f.sex, f.ethnicity, f.disability,
        {LEGAL_GROUP.format(c='u.legal_status')} AS legal_status,
        {PLACEMENT_GROUP.format(c='u.placement')} AS placement_type
    FROM units u JOIN facts f ON f.child_id IS NOT DISTINCT FROM u.child_id
        AND f.worker_id IS NOT DISTINCT FROM u.worker_id AND f.dated IS NOT DISTINCT FROM u.dated"""


PERIOD_COLUMNS = ("pe", "ps", "ps3", "mid_year", "prev")  # scope.periods
WITH_DENOMINATOR = ("percent", "mean", "ratio")
_NOT_ALIAS = {"on", "where", "join", "left", "right", "inner", "outer", "full", "cross", "asof", "using", "group",
              "order", "union", "natural", "positional", "anti", "semi", "limit", "window", "qualify", "having"}


def unknown_columns(sql: str) -> list[str]:
    """Every ``alias.column`` in ``sql`` whose alias stands for a canonical table (or ``periods``) that has no such
    column, as 'table.column'. Aliases of sub-queries and CTEs are not checked here (DuckDB's binder is)."""
    from casewatch.model import TABLES

    known = {t.name: set(t.column_names) for t in TABLES} | {"periods": set(PERIOD_COLUMNS)}
    text = re.sub(r"'(?:[^']|'')*'|--[^\n]*", "''", sql)  # not inside string literals or comments
    aliases: dict[str, set[str]] = {}
    for table, alias in re.findall(r"(?i)\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", text):
        if table.lower() in known:
            aliases.setdefault(table.lower(), set()).add(table.lower())
            if alias and alias.lower() not in _NOT_ALIAS:
                aliases.setdefault(alias.lower(), set()).add(table.lower())
    missing = []
    for alias, col in re.findall(r"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b", text):
        tables = aliases.get(alias.lower())
        if tables and col != "*" and not any(col.lower() in known[t] for t in tables):
            missing.append(f"{'/'.join(sorted(tables))}.{col}")
    return list(dict.fromkeys(missing))


def check(con: duckdb.DuckDBPyConnection, ind: Indicator, settings: dict | None = None) -> list[str]:
    """The columns of the indicator's result (see the module docstring); an IndicatorError naming the indicator
    and the column when its SQL names a column that is not there or its result is not the shape declared."""
    sql = render(ind, settings)
    if missing := unknown_columns(sql):
        raise IndicatorError(f"indicator {ind.id}: its SQL names {', '.join(missing)}, a column the table does not "
                             "have")
    try:
        described = con.execute(f"DESCRIBE ({sql})").fetchall()
    except duckdb.Error as exc:
        raise IndicatorError(f"indicator {ind.id}: its SQL cannot run: {str(exc).splitlines()[0]}") from None
    cols = {r[0]: r[1] for r in described}
    problems = []
    needed = ["pe", "num", "dated"] + (["den"] if ind.unit in WITH_DENOMINATOR else [])
    needed += [c for b, c in (("legal_status", "legal_status"), ("placement_type", "placement")) if b in ind.breakdowns]
    problems += [f"returns no column {c!r}" for c in needed if c not in cols]
    if "child_id" not in cols and "worker_id" not in cols:
        problems.append("returns neither 'child_id' nor 'worker_id' (whose the unit is: without it every unit "
                        "would be 'unallocated', age 'unknown')")
    if "den" in cols and ind.unit not in WITH_DENOMINATOR:
        problems.append(f"returns 'den', which a {ind.unit} does not use")
    if extra := [c for c in cols if c not in UNIT_COLUMNS]:
        problems.append(f"returns {', '.join(map(repr, extra))}, which the engine does not read (it reads "
                        f"{', '.join(UNIT_COLUMNS)})")
    problems += [f"gives {c!r} as {cols[c]}, not a DATE" for c in ("pe", "dated") if cols.get(c, "DATE") != "DATE"]
    if problems:
        raise IndicatorError(f"indicator {ind.id}: its SQL " + "; ".join(problems))
    return list(cols)


def _unit_insert(con: duckdb.DuckDBPyConnection, ind: Indicator, settings: dict | None) -> str:
    sql = render(ind, settings)
    cols = set(check(con, ind, settings))
    select = ", ".join(f"{'x.' + c if c in cols else 'NULL'}::{t}" for c, t in UNIT_COLUMNS.items())
    # a unit whose numerator cannot be worked out (a date the data does not hold) is left out of both sides
    return f"INSERT INTO units SELECT '{ind.id}', {select} FROM ({sql}) x WHERE x.num IS NOT NULL"


def _aggregate_sql(inds: list[Indicator], breakdowns: tuple[str, ...] | None) -> str:
    ids = ", ".join(f"'{i.id}'" for i in inds)
    medians = ", ".join(f"'{i.id}'" for i in inds if i.unit == "median") or "NULL"
    med = f"median(num) FILTER (WHERE ind IN ({medians}))"  # sorting is dear: only where a median is wanted
    parts = [f"SELECT ind, pe, NULL AS breakdown, NULL AS grp, sum(num) AS num, sum(den) AS den, {med} AS med, "
             f"count(*) AS n FROM enriched WHERE ind IN ({ids}) GROUP BY ind, pe"]
    for b in (breakdowns if breakdowns is not None else BREAKDOWNS):
        allowed = ", ".join(f"'{i.id}'" for i in inds if b in i.breakdowns)
        if allowed:
            parts.append(f"SELECT ind, pe, '{b}', {b}::VARCHAR, sum(num), sum(den), {med}, count(*) FROM enriched "
                         f"WHERE ind IN ({allowed}) GROUP BY ind, pe, {b}")
    return "\nUNION ALL\n".join(parts)


POPULATION = """
    SELECT p.pe, {group} AS grp, sum(x.children) AS pop
    FROM periods p
    JOIN population x ON x.mid_year = coalesce(
        (SELECT max(mid_year) FROM population WHERE mid_year <= p.mid_year), (SELECT min(mid_year) FROM population))
    GROUP BY ALL"""
POP_BAND = ("CASE WHEN x.age < 1 THEN 'under 1' WHEN x.age < 5 THEN '1-4' WHEN x.age < 10 THEN '5-9' "
            "WHEN x.age < 16 THEN '10-15' ELSE '16+' END")


def _population(con) -> dict[tuple[date, str | None], int]:
    out = {(pe, None): pop for pe, _, pop in con.execute(POPULATION.format(group="NULL")).fetchall()}
    out |= {(pe, g): pop for pe, g, pop in con.execute(POPULATION.format(group=POP_BAND)).fetchall()}
    return out


def _round(x, decimals: int):
    if x is None:
        return None
    q = Decimal(str(x)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return int(q) if decimals == 0 else float(q)


def _plain(x):
    if x is None:
        return None
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() else float(x)
    return int(x) if float(x).is_integer() else round(float(x), 4)


def _value(ind: Indicator, num, den, med, pop):
    if ind.is_count:
        return _plain(num if num is not None else 0), None
    if ind.unit == "median":
        return _round(med, ind.decimals), None
    if ind.unit == "per_10k":
        return (_round(Decimal(str(num or 0)) * 10000 / Decimal(pop), ind.decimals) if pop else None), pop
    if not den:
        return None, den
    scale = 100 if ind.unit == "percent" else 1
    return _round(Decimal(str(num or 0)) * scale / Decimal(str(den)), ind.decimals), den


def _limits(value: float, centre_pct: float, n: float) -> dict:
    """A team's funnel limits (casewatch.measures.stats) to one decimal for the tables, and 'outside' decided
    on the unrounded limits, as the funnel chart decides it."""
    lim = {k: round(v, 1) for k, v in asdict(stats.funnel_limits(centre_pct, n)).items()}
    return lim | {"outside": stats.outside_998(value, centre_pct, n)}


def in_force(std: dict | None = None, overrides: dict | None = None) -> dict:
    """The standards the indicators take, by flat name (``caseload_cap``): the council's (``standards.load``; the
    shipped defaults when None) with ``overrides`` (``--set NAME=VALUE``) laid over them. NAME is a standard an
    indicator takes, or an indicator's own name for it (``cap``); anything else, or a value that is not a number
    of 0 or more, is an IndicatorError naming it."""
    std = std if std is not None else council_standards.defaults()
    taken = {local: name for ind in REGISTRY.values() for local, name in ind.params.items()}
    taken |= {name: name for name in taken.values()}
    for name, value in (overrides or {}).items():
        if name not in taken:
            raise IndicatorError(f"--set {name}: no indicator has a setting of that name (settings: "
                                 f"{', '.join(sorted(set(taken.values())))})")
        try:
            std = council_standards.override(std, {taken[name]: value})
        except council_standards.StandardsError:
            raise IndicatorError(f"--set {name}={value}: the value must be a number of 0 or more") from None
    return council_standards.flat(std)


def render(ind: Indicator, settings: dict | None = None) -> str:
    """The indicator's SQL with its params filled in from ``settings`` (``in_force``; the defaults when None)."""
    values = settings if settings is not None else in_force()
    sql = ind.units
    for name, standard in ind.params.items():
        sql = sql.replace("{{" + name + "}}", str(values[standard]))
    return sql


def _figures(ind: Indicator, rows: list, bounds: dict, pop: dict) -> list[Figure]:
    figures, overall = [], {}
    for pe in bounds:  # every period gets a whole-council figure, zero when nothing happened
        if not any(r[0] == pe and r[1] is None for r in rows):
            rows.append((pe, None, None, None, None, None, 0))
    for pe, breakdown, grp, num, den, med, n in sorted(rows, key=lambda r: (r[0], r[1] or "", r[2] or "")):
        value, den_out = _value(ind, num, den, med, pop.get((pe, grp)))
        ps, ps3 = bounds[pe]
        start = {"year": ps, "snapshot": pe, "three_years": ps3}[ind.period]
        fig = Figure(ind.id, ind.title, ind.unit, ind.polarity, start.isoformat(), pe.isoformat(), breakdown, grp,
                     value, _plain(num if num is not None else 0) if ind.unit != "median" else None,
                     _plain(den_out), units=n)
        if breakdown is None:
            overall[pe] = (num, den)
        figures.append(fig)
    if ind.funnel:
        for fig in figures:
            if fig.breakdown == "team" and fig.denominator:
                num, den = overall[date.fromisoformat(fig.period_end)]
                centre = 100 * float(num or 0) / float(den) if den else 0.0
                fig.limits = _limits(fig.value, centre, float(fig.denominator))
    return figures


def compute(con: duckdb.DuckDBPyConnection, inds: list[Indicator], settings: dict | None = None,
            breakdowns: tuple[str, ...] | None = None, standards: dict | None = None) -> list[Figure]:
    """All figures of the indicators for the periods in ``periods`` (see ``scope.periods``); ``breakdowns``
    limits the breakdowns (None: every one each indicator allows; (): the whole council only). The indicators'
    params come from ``standards`` (the council's; the shipped defaults when None), ``settings`` (``--set``)
    laid over them."""
    settings = in_force(standards, settings)
    cols = ", ".join(f"{c} {t}" for c, t in UNIT_COLUMNS.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE units (ind VARCHAR, {cols})")
    for ind in inds:
        con.execute(_unit_insert(con, ind, settings))
    con.execute(ENRICH)
    by_ind: dict[str, list] = {i.id: [] for i in inds}
    for ind_id, *row in con.execute(_aggregate_sql(inds, breakdowns)).fetchall():
        by_ind[ind_id].append(tuple(row))
    bounds = {pe: (ps, ps3) for pe, ps, ps3 in con.execute("SELECT pe, ps, ps3 FROM periods").fetchall()}
    pop = _population(con) if any(i.unit == "per_10k" for i in inds) else {}
    return [f for ind in inds for f in _figures(ind, by_ind[ind.id], bounds, pop)]


def compute_all(con: duckdb.DuckDBPyConnection, period_ends: list[date], ids: list[str] | None = None,
                settings: dict | None = None, breakdowns: tuple[str, ...] | None = None,
                standards: dict | None = None) -> list[Figure]:
    periods(con, period_ends)
    return compute(con, [REGISTRY[i] for i in ids or list(REGISTRY)], settings, breakdowns, standards)
