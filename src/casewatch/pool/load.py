"""Pool many councils' data into one analytics database: `casewatch pool IMPORT_DIR... --db FILE`.

An import is a pseudonymised export (`casewatch export`: manifest.json and parquet/) or a folder of canonical
tables (`casewatch synth` output). Every table is the union of the imports' tables; a record given by more than
one import (the same council exported in two years) is kept once, from the import whose data runs latest. The
union is then loaded like any canonical folder (model.load.load_directory: every row validated, loaded or
quarantined with its reason, the new database swapped in only when the load succeeds).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from casewatch.model import TABLES
from casewatch.model.load import LoadError, LoadReport, load_directory


@dataclass(frozen=True)
class Import:
    folder: Path  # where the table files are
    label: str
    data_to: str  # the latest data_to of its councils (ISO), for choosing between copies of a record
    councils: tuple[str, ...]


def find_import(path: str | Path) -> Import:
    root = Path(path)
    folder = root / "parquet" if (root / "manifest.json").is_file() else root
    if not (folder / "councils.parquet").is_file():
        raise LoadError(f"{root}: not a casewatch export (manifest.json and parquet/) or a folder of canonical "
                        "tables with councils.parquet")
    rows = duckdb.connect().execute("SELECT council_id, data_to FROM read_parquet(?)",
                                    [str(folder / "councils.parquet")]).fetchall()
    if not rows:
        raise LoadError(f"{root}: councils.parquet has no council")
    if (root / "manifest.json").is_file():
        json.loads((root / "manifest.json").read_text())  # must at least be readable
    return Import(folder, str(root), max(str(r[1]) for r in rows), tuple(sorted(r[0] for r in rows)))


def merge(imports: list[Import], out: Path) -> dict[str, dict]:
    """Write each table's union of the imports, one row per primary key, into ``out``; returns per table the
    rows read and the duplicates dropped."""
    from casewatch.model.store import configure

    con = configure(duckdb.connect())
    con.execute("SET preserve_insertion_order = false")
    stats = {}
    order = sorted(range(len(imports)), key=lambda i: imports[i].data_to)  # later data last: it wins
    named = [c for imp in imports for c in imp.councils]
    overlap = len(named) != len(set(named))
    for table in TABLES:
        files = [(rank, imports[i]) for rank, i in enumerate(order)
                 if (imports[i].folder / f"{table.name}.parquet").is_file()]
        if not files:
            continue
        cols = ", ".join(f'"{c.name}"' for c in table.columns)
        union = " UNION ALL BY NAME ".join(
            f"SELECT {rank} AS _rank, {_columns(con, table, imp.folder / f'{table.name}.parquet')} "
            f"FROM read_parquet('{imp.folder / f'{table.name}.parquet'}')" for rank, imp in files)
        key = ", ".join(f'"{k}"' for k in table.primary_key)
        target = out / f"{table.name}.parquet"
        if overlap:  # a council in two imports: keep one copy of each record, from the later data
            select = f"SELECT {cols} FROM ({union}) QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY _rank DESC) = 1"
        else:  # every council once: nothing to choose between, so no window (which holds all rows in memory)
            select = f"SELECT {cols} FROM ({union})"
        con.execute(f"COPY ({select}) TO '{target}' (FORMAT parquet)")
        read = con.execute(f"SELECT count(*) FROM ({union})").fetchone()[0]
        kept = con.execute("SELECT count(*) FROM read_parquet(?)", [str(target)]).fetchone()[0]
        stats[table.name] = {"rows_read": read, "rows_kept": kept, "duplicates_dropped": read - kept}
    con.close()
    return stats


# a column an export leaves out that the model requires, and what stands in for it in the pool
STAND_INS = {("teams", "name"): '"team_id"'}  # team names are dropped by the export: a team is known by its id


def _columns(con, table, path: Path) -> str:
    """The model's columns from one file: as given, a stand-in where the export dropped a required one, else NULL
    (an optional column an export left out, or one an older version of casewatch did not have)."""
    present = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
    return ", ".join(f'"{c.name}"' if c.name in present
                     else f'{STAND_INS.get((table.name, c.name), "NULL")}::{c.type} AS "{c.name}"'
                     for c in table.columns)


def pool(paths: list[str | Path], db_path: str | Path) -> tuple[list[Import], dict, LoadReport]:
    imports = [find_import(p) for p in paths]
    tmp = Path(tempfile.mkdtemp(prefix="casewatch-pool-", dir=Path(db_path).resolve().parent))
    try:
        stats = merge(imports, tmp)
        report = load_directory(tmp, db_path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return imports, stats, report
