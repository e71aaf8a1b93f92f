"""Write the event log as canonical Parquet tables (one file per table, typed as the model says)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from casewatch.model import TABLES
from casewatch.model.schema import Table

EPOCH = 719163  # date(1970, 1, 1).toordinal()


def _arrow_type(sql_type: str) -> pa.DataType:
    if sql_type.startswith("DECIMAL"):
        p, s = sql_type[8:-1].split(",")
        return pa.decimal128(int(p), int(s))
    return {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_(), "DOUBLE": pa.float64(),
        "DATE": pa.date32(), "DATE[]": pa.list_(pa.date32()),
    }[sql_type]


def _column(values: list, sql_type: str) -> pa.Array:
    if sql_type == "DATE":
        return pa.array([None if v is None else v - EPOCH for v in values], pa.int32()).cast(pa.date32())
    if sql_type == "DATE[]":
        return pa.array([[x - EPOCH for x in v] for v in values], pa.list_(pa.int32())).cast(pa.list_(pa.date32()))
    return pa.array(values, _arrow_type(sql_type))


def table_to_arrow(table: Table, rows: list) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in table.columns]
    arrays = [_column(list(vals), col.type) for vals, col in zip(columns, table.columns, strict=True)]
    return pa.Table.from_arrays(arrays, names=table.column_names)


class TableWriters:
    """One Parquet file per canonical table, written a council at a time (a row group each), so that generating
    many councils holds one council's rows in memory, not all of them (150 medium councils needed ~37 GB)."""

    def __init__(self, out: Path):
        out.mkdir(parents=True, exist_ok=True)
        self.writers = {t.name: pq.ParquetWriter(out / f"{t.name}.parquet", table_to_arrow(t, []).schema,
                                                 compression="zstd") for t in TABLES}
        self.counts = dict.fromkeys(self.writers, 0)

    def write(self, rows: dict[str, list]) -> None:
        for table in TABLES:
            data = [tuple(r) for r in rows.get(table.name, [])]
            if data:
                self.writers[table.name].write_table(table_to_arrow(table, data))
                self.counts[table.name] += len(data)

    def close(self) -> dict[str, int]:
        for w in self.writers.values():
            w.close()
        return dict(self.counts)
