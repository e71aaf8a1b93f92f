"""Every indicator for every council in a pooled database, and how the councils compare: rank, quartile, the
mean of each council's statistical neighbours in the pool, and a funnel plot of percentages around the pool's.

Each council's figures come from the same definitions (casewatch.measures) as a single council's report, run
council by council on one connection to the pool. A council's statistical neighbours are the DfE's (2025
edition) when its code is a real LA code; synthetic councils (X01...) have none.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casewatch.benchmarks import api as benchmarks
from casewatch.measures import stats
from casewatch.measures.compute import Figure, compute_all
from casewatch.measures.define import REGISTRY
from casewatch.measures.run import last_31_march
from casewatch.measures.scope import attach, council_link, scope
from casewatch.model import TABLES


@dataclass(frozen=True)
class CouncilFigure:
    council: str
    name: str
    value: float | int | None
    numerator: float | int | None
    denominator: float | int | None
    rank: int | None = None
    of: int | None = None
    quartile: int | None = None  # 1 = best quarter
    sn_mean: float | None = None
    funnel: str | None = None  # within | above 95% | above 99.8% | below 95% | below 99.8% (percentages only)


def figures(db_path: str, period_end: date | None = None, ids: list[str] | None = None,
            settings: dict | None = None, standards: dict | None = None
            ) -> tuple[date, dict[str, str], dict[str, dict[str, Figure]]]:
    """(period end, council names, {council: {indicator: Figure}}), the whole-council figures, every council
    measured against the same standards (``standards``, a standards file as ``casewatch.standards.load`` reads
    it, with ``settings`` laid over it; the shipped defaults when None): a ranking needs one yardstick, so a
    council's own caseload cap is not used here.

    With several councils, every table is first split by council into Parquet files in one pass (a join to
    the children or workers for tables without a council column), and each council's figures are computed
    on its own files: scoping the pooled tables council by council instead made every council's queries scan
    every council's rows, so the time grew with the square of the pool."""
    con = attach(db_path)
    folder = None
    try:
        councils = con.execute("SELECT council_id, name, data_to FROM db.councils ORDER BY council_id").fetchall()
        if not councils:
            raise ValueError(f"{db_path}: no council in this database")
        pe = period_end or min(last_31_march(d) for _, _, d in councils)
        if len(councils) > 1:
            folder = Path(tempfile.mkdtemp(prefix="casewatch-compare-", dir=Path(db_path).resolve().parent))
            split(con, folder)
        out = {}
        for council, _, _ in councils:
            if folder is None:
                scope(con, council)
            else:
                scope_split(con, council, folder)
            out[council] = {f.id: f for f in compute_all(con, [pe], ids, settings, breakdowns=(),
                                                          standards=standards)}
        return pe, {c: n for c, n, _ in councils}, out
    finally:
        con.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def split(con, folder: Path) -> None:
    """Every canonical table of ``db``, one Parquet folder per council: folder/<table>/_c=<council>/..."""
    for table in TABLES:
        source = {
            "council": f"SELECT *, council_id AS _c FROM db.{table.name}",
            "worker": f"SELECT t.*, w.council_id AS _c FROM db.{table.name} t JOIN db.workers w USING (worker_id)",
            "child": f"SELECT t.*, k.council_id AS _c FROM db.{table.name} t JOIN db.children k USING (child_id)",
        }[council_link(table)]
        con.execute(f"COPY ({source}) TO '{folder / table.name}' (FORMAT parquet, PARTITION_BY (_c), "
                    "OVERWRITE_OR_IGNORE true)")


def scope_split(con, council: str, folder: Path) -> None:
    """Views in ``main`` over one council's files from ``split`` (an empty view where it has no rows)."""
    for table in TABLES:
        part = folder / table.name / f"_c={council}"
        if part.is_dir():
            src = f"SELECT * FROM read_parquet('{part}/*.parquet', hive_partitioning = false)"
        else:
            src = f"SELECT * FROM db.{table.name} WHERE false"
        con.execute(f"CREATE OR REPLACE VIEW main.{table.name} AS {src}")
    con.execute("CREATE OR REPLACE VIEW main.calendar AS SELECT * FROM db.calendar")


def compare(names: dict[str, str], by_council: dict[str, dict[str, Figure]]) -> list[dict]:
    """Per indicator: the pooled figure and each council's value with rank, quartile, SN mean and funnel."""
    out = []
    ids = sorted({i for figs in by_council.values() for i in figs}, key=lambda i: list(REGISTRY).index(i))
    for ind_id in ids:
        ind = REGISTRY[ind_id]
        rows = {c: figs[ind_id] for c, figs in by_council.items() if ind_id in figs}
        values = {c: f.value for c, f in rows.items() if isinstance(f.value, int | float)}
        ranks = stats.ranks(values, ind.higher_is_better)
        pooled = _pooled(rows.values(), ind.unit)
        items = []
        for council, f in sorted(rows.items()):
            sns = [values[s] for s in _neighbours(council) if s in values]
            items.append(CouncilFigure(
                council, names[council], f.value, f.numerator, f.denominator, ranks.get(council), len(values),
                stats.quartile(ranks.get(council), len(values)), sum(sns) / len(sns) if sns else None,
                _funnel(f, pooled, ind.unit)))
        out.append({"id": ind_id, "title": ind.title, "unit": ind.unit, "polarity": ind.polarity,
                    "pooled": pooled, "councils": items})
    return out


def _pooled(figs, unit: str) -> float | None:
    num = [f.numerator for f in figs if isinstance(f.numerator, int | float) and isinstance(f.denominator, int | float)]
    den = [f.denominator for f in figs if isinstance(f.numerator, int | float) and isinstance(f.denominator, int | float)]
    if not num or not sum(den):
        return None
    scale = {"percent": 100.0, "per_10k": 10_000.0}.get(unit, 1.0)
    return float(sum(num)) / float(sum(den)) * scale


def _funnel(f: Figure, pooled: float | None, unit: str) -> str | None:
    """Where a council's percentage sits in the funnel around the pool's, given its denominator."""
    if unit != "percent" or pooled is None or not isinstance(f.value, int | float) or not f.denominator:
        return None
    return stats.funnel_position(f.value, pooled, float(f.denominator))


def _neighbours(council: str) -> list[str]:
    if not council.isdigit():
        return []
    try:
        return benchmarks.statistical_neighbours(council)
    except (KeyError, ValueError):
        return []
