"""The indicator catalogue for one council at one period end, with direction of travel and benchmarks.

Opens the analytics database read-only (attached to an in-memory connection), scopes it to one council,
computes every indicator for the period end and the year before (for the direction of travel), and places
each whole-council figure beside the DfE's published figures (``benchmarks``): England, the statistical
neighbours' mean, the council's rank and quartile among all councils.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from casewatch import benchmarks, words
from casewatch.measures import stats
from casewatch.measures.compute import Figure, compute_all, in_force
from casewatch.measures.define import BREAKDOWNS, REGISTRY, IndicatorError
from casewatch.measures.scope import _minus_year

__all__ = ["Context", "IndicatorError", "council_context", "indicators"]  # IndicatorError: defined in define.py


@dataclass
class Context:
    council_id: str
    council_name: str
    la_code: str | None
    period_end: date
    data_to: date
    data_from: date | None = None  # the first day the loaded data covers completely (None: not known)


def last_31_march(d: date) -> date:
    return date(d.year if (d.month, d.day) >= (3, 31) else d.year - 1, 3, 31)


def council_context(con, council: str | None, period_end: date | None, la: str | None) -> Context:
    """Which council of the attached database (``db``) is meant, its name, DfE code, period end and data window;
    an IndicatorError says plainly what cannot be (several councils and none chosen, a period not yet in the
    data)."""
    known = dict(con.execute("SELECT council_id, name FROM db.councils ORDER BY council_id").fetchall())
    if not known:
        raise IndicatorError("no council in this database")
    if council is None and len(known) > 1:
        raise IndicatorError(f"this database holds several councils; choose one with --council ({', '.join(known)})")
    council = council or next(iter(known))
    if council not in known:
        raise IndicatorError(f"no council {council!r} here ({', '.join(known)})")
    data_to = con.execute("SELECT data_to FROM db.councils WHERE council_id = ?", [council]).fetchone()[0]
    period_end = period_end or last_31_march(data_to)
    if period_end > data_to:
        raise IndicatorError(f"the data runs to {words.day(data_to)}; figures at {words.day(period_end)} cannot be known yet")
    def is_la(code: str) -> bool:  # a council's 3-digit DfE code (la_name also knows regions)
        return code.isdigit() and benchmarks.la_name(code) is not None

    if la is None:  # the LA the data says (councils.la_code), else a real council's own code
        la = _stored_la(con, council) or (council if is_la(council) else None)
    elif la is not None and not is_la(la):
        raise IndicatorError(f"{la!r} is not a local authority code the DfE publishes figures for")
    return Context(council, known[council], la, period_end, data_to, _data_from(con, council))


def _stored_la(con, council: str) -> str | None:
    """The DfE LA number the load recorded for the council (None in a database loaded before it was kept)."""
    has = con.execute("SELECT count(*) FROM duckdb_columns() WHERE database_name = 'db' AND table_name = 'councils' "
                      "AND column_name = 'la_code'").fetchone()[0]
    if not has:
        return None
    la = con.execute("SELECT la_code FROM db.councils WHERE council_id = ?", [council]).fetchone()[0]
    return la if la and benchmarks.la_name(la) is not None else None


def _data_from(con, council: str) -> date | None:
    has = con.execute("SELECT count(*) FROM duckdb_columns() WHERE database_name = 'db' AND table_name = 'councils' "
                      "AND column_name = 'data_from'").fetchone()[0]
    if not has:  # a database loaded before casewatch recorded it
        return None
    return con.execute("SELECT data_from FROM db.councils WHERE council_id = ?", [council]).fetchone()[0]


def tables_of(ind) -> list[str]:
    """The canonical tables an indicator's SQL reads."""
    from casewatch.model import TABLES

    return [t.name for t in TABLES if re.search(rf"\b{t.name}\b", ind.units)]


def records_with_issues(con, inds) -> dict[str, int | None]:
    """For each indicator, the records (file rows) with an error-severity data issue in the tables it reads, from
    the last load of returns; None where the database keeps no issues (a load of canonical tables)."""
    has = con.execute("SELECT count(*) FROM duckdb_columns() WHERE database_name = 'db' "
                      "AND table_name = 'data_issues' AND column_name = 'feeds'").fetchone()[0]
    sql = """SELECT count(DISTINCT (source_file, row_number)) FROM db.data_issues
             WHERE severity = 'error' AND list_has_any(feeds, ?)"""
    return {ind.id: con.execute(sql, [tables_of(ind)]).fetchone()[0] if has else None for ind in inds}


def history_too_short(ind, period_start: date, data_from: date | None) -> str | None:
    """Why a figure cannot be given, or None: the indicator looks back before the data starts."""
    if not ind.history_months or data_from is None:
        return None
    month = period_start.month - 1 - ind.history_months
    needed = date(period_start.year + month // 12, month % 12 + 1, 1)
    if needed >= data_from:
        return None
    return (f"history too short: it looks back {ind.history_months} months before the period start, to "
            f"{words.day(needed)}; the data starts {words.day(data_from)}")


def _item(fig: Figure, previous: Figure | None, ctx: Context, whole: bool) -> dict:
    ind = REGISTRY[fig.id]
    short = history_too_short(ind, date.fromisoformat(fig.period_start), ctx.data_from)
    if short:
        fig = replace(fig, value=None, numerator=None, denominator=None)
    if short or (previous is not None and history_too_short(ind, date.fromisoformat(previous.period_start),
                                                            ctx.data_from)):
        previous = None  # no direction of travel from a figure that could not be known
    item = {"id": fig.id, "title": fig.title, "value": fig.value, "numerator": fig.numerator,
            "denominator": fig.denominator, "unit": fig.unit, "polarity": fig.polarity,
            "period_start": fig.period_start, "period_end": fig.period_end, "history": short}
    bench = {"england": None, "sn_mean": None, "quartile": None, "rank": None, "of": None, "benchmark_year": None}
    if whole:
        found = benchmarks.compare(fig.id, ctx.la_code, ctx.period_end.year, fig.value, ind.higher_is_better)
        bench = {k: found.get(k) for k in bench}
        for k in ("england", "sn_mean"):
            if isinstance(bench[k], float):
                bench[k] = round(bench[k], ind.decimals + 1)
    item |= bench
    item |= {"previous": previous.value if previous else None,
             "direction": stats.direction(fig.polarity, fig.value, previous.value if previous else None),
             "breakdown": fig.breakdown, "group": fig.group}
    if fig.limits:
        item["limits"] = fig.limits
    return item


def indicators(db_path: str, period_end: date | None = None, council: str | None = None, la: str | None = None,
               by: str | None = None, ids: list[str] | None = None, settings: dict | None = None,
               standards: dict | None = None) -> tuple[Context, list[dict]]:
    """The catalogue as items; the indicators' params from ``standards`` (the council's, ``standards.load``; the
    shipped defaults when None) with ``settings`` (``--set NAME=VALUE``) laid over them."""
    from casewatch.measures.api import open_council

    if by is not None and by not in BREAKDOWNS:
        raise IndicatorError(f"--by must be one of {', '.join(BREAKDOWNS)}")
    unknown = [i for i in ids or [] if i not in REGISTRY]
    if unknown:
        raise IndicatorError(f"no indicator {', '.join(unknown)} (casewatch indicators --list shows them)")
    in_force(standards, settings)  # a wrong --set is said before the database is opened
    with open_council(db_path, council, la, period_end) as (con, ctx):
        before = _minus_year(ctx.period_end)
        figs = compute_all(con, [before, ctx.period_end], ids, settings, breakdowns=(by,) if by else (),
                           standards=standards)
        issues = records_with_issues(con, [REGISTRY[i] for i in {f.id for f in figs}])
    previous = {(f.id, f.breakdown, f.group): f for f in figs if f.period_end == before.isoformat()}
    items = [_item(f, previous.get((f.id, f.breakdown, f.group)), ctx, f.breakdown is None)
             | {"records_with_issues": issues[f.id]}
             for f in figs if f.period_end == ctx.period_end.isoformat()]
    return ctx, items
