"""From staged returns to the canonical model: map, refuse, merge, check, insert; keep the lineage of every row.

For each canonical table, in load order:

1. **map**: every return present contributes candidate rows (its ``to_model()`` SQL), each carrying the
   lineage of the staged row it came from (``_file``, ``_row``, ``_line``, ``_year``, ``_src``);
2. **refuse** candidates a quarantining rule flagged, whose cells could not be typed as the model says, or
   that repeat a key already seen in the same file (the first is kept, as the DfE treats duplicates);
3. **merge** candidates with the same primary key from different files: several years of 903 build one
   history, the CIN census and Annex A describe the same referral. Per column the value comes from the
   most detailed source (``PRECEDENCE``), then the latest collection year, that has one; a blank never
   overwrites a value;
4. **check** the merged rows against the model (required fields, code lists, checks, references) and
   insert the good ones; the rest go to ``quarantine``, one row per source row, with every reason.

Reasons name the field and the rule, never a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casewatch.model.load import faults, reason_exprs
from casewatch.model.schema import Repair, Table
from casewatch.model.sql import literal

MODEL = "CW-MODEL "  # the prefix of the model's reasons in a returns load (the canonical-table load has none)

PRECEDENCE = {"cms": 5, "cin": 4, "ssda903": 3, "swwc": 2, "annex_a": 1, "casewatch": 0}
LINEAGE_COLS = ("_file", "_row", "_line", "_year", "_src")


@dataclass
class CanonicalLoad:
    table: str
    candidates: int = 0
    loaded: int = 0
    merged: int = 0  # candidates folded into a row from another file
    quarantined: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


def _reasons_list(exprs: list[str]) -> str:
    return f"list_filter([{', '.join(exprs) or 'NULL'}]::VARCHAR[], lambda x: x IS NOT NULL)"


def load_table(con, table: Table, sqls: list[str], load_id: str) -> CanonicalLoad:
    """Run steps 1-4 for one canonical table; candidates come from ``sqls`` (SELECTs over staging)."""
    result = CanonicalLoad(table.name)
    union = " UNION ALL BY NAME ".join(f"({s})" for s in sqls)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _cand AS {union}")
    have = {r[0]: r[1] for r in con.execute("DESCRIBE _cand").fetchall()}
    result.candidates = con.execute("SELECT count(*) FROM _cand").fetchone()[0]
    if not result.candidates:
        return result

    # 1-2: type every column as the model says; refuse rows a rule refused, that did not type, or repeat a key
    select, type_reasons = [], []
    keys = table.key_columns
    for col in table.columns:
        if col.name not in have:
            select.append(f"CAST(NULL AS {col.type}) AS {col.name}")
        elif have[col.name] != col.type:
            select.append(f"TRY_CAST({col.name} AS {col.type}) AS {col.name}")
            typed = f"TRY_CAST({col.name} AS {col.type})"
            if col.name in keys:
                type_reasons += reason_exprs(col, MODEL, typed, raw=col.name, rules=("type",))
            else:  # not a key: loaded as unknown, and said (decision 0017)
                bad = next(f for f in faults(col, typed, raw=col.name) if f.rule == "type")
                child = "child_id" if "child_id" in have else "NULL"
                con.execute(f"""
                    INSERT INTO _repaired SELECT _file, coalesce({'_line' if '_line' in have else 'NULL'}, _row),
                        split_part(_src, '.', 2), ?, ?, 'CW-MODEL', ?, {child}
                    FROM _cand WHERE {bad.sql}""",
                    [table.name, col.name, f"{bad.reason}; loaded as unknown"])
        else:
            select.append(col.name)
    line = "_line" if "_line" in have else "NULL::BIGINT"
    select += ["_file", "_row", f"coalesce({line}, _row) AS _k", "_year", "_src"]
    pk = ", ".join(table.primary_key)
    prec = "CASE split_part(_src, '.', 1) " + " ".join(
        f"WHEN {literal(k)} THEN {v}" for k, v in PRECEDENCE.items()) + " ELSE 0 END"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _typed AS
        WITH t AS (SELECT {', '.join(select)}, {_reasons_list(type_reasons)} AS _r FROM _cand),
        j AS (SELECT _src, _file, _k, list(reason) AS rs FROM _rejected GROUP BY ALL),
        r AS (
            SELECT t.* EXCLUDE (_r), list_concat(t._r, coalesce(j.rs, [])) AS _r
            FROM t LEFT JOIN j ON j._src = t._src AND j._file = t._file AND j._k = t._k
        )
        SELECT *, {prec} AS _prec,
               CASE WHEN len(_r) = 0 THEN row_number() OVER (PARTITION BY len(_r) = 0, _file, _src, {pk} ORDER BY _k)
               END AS _dup
        FROM r""")
    dup = literal(f"{MODEL}{table.primary_key[-1]}: repeats a record already in this file ({pk}); the first "
             "was kept")
    con.execute(f"UPDATE _typed SET _r = [{dup}] WHERE _dup > 1")

    # 3: merge what is left across files
    cols = table.column_names
    merged_cols = [f"arg_max({c}, [_prec, coalesce(_year, 0)]) FILTER (WHERE {c} IS NOT NULL) AS {c}"
                   if c not in table.primary_key else c for c in cols]
    # a record given once (nearly all) is its own merge: only keys given more than once are aggregated, so a
    # million-row file needs a count per key, not a million lists held in memory (it ran out at 256 MB)
    on = " AND ".join(f"m.{c} IS NOT DISTINCT FROM t.{c}" for c in table.primary_key)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _many AS
        SELECT {pk} FROM _typed WHERE len(_r) = 0 GROUP BY {pk} HAVING count(*) > 1""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _merged AS
        SELECT {', '.join(cols)}, [{{'f': _file, 'r': _row, 'k': _k, 's': _src}}] AS _lineage
        FROM _typed t WHERE len(_r) = 0 AND NOT EXISTS (SELECT 1 FROM _many m WHERE {on})
        UNION ALL
        SELECT {', '.join(merged_cols)},
               list({{'f': _file, 'r': _row, 'k': _k, 's': _src}} ORDER BY _prec DESC, coalesce(_year, 0) DESC, _file, _k)
                   AS _lineage
        FROM _typed t WHERE len(_r) = 0 AND EXISTS (SELECT 1 FROM _many m WHERE {on}) GROUP BY {pk}""")

    _repair(con, table, [*_unknown(table), *table.repairs])

    # 4: check against the model; insert the good, quarantine the rest (one row per source row)
    reasons = [e for col in table.columns if col.name in keys for e in reason_exprs(col, MODEL)]
    reasons += [f"CASE WHEN NOT ({chk.sql}) THEN {literal(MODEL + '(row): ' + chk.message)} END"
                for chk in table.checks]
    con.execute(f"CREATE OR REPLACE TEMP TABLE _checked AS SELECT *, {_reasons_list(reasons)} AS _r FROM _merged")
    col_list = ", ".join(cols)
    con.execute(f"INSERT INTO {table.name} ({col_list}) SELECT {col_list} FROM _checked WHERE len(_r) = 0")
    record = "to_json({" + ", ".join(f"{literal(c)}: {c}" for c in cols) + "})"
    con.execute(f"""
        INSERT INTO _quarantined (file, record_row, k, src, reasons, record)
        SELECT _file, _row, _k, _src, _r, {record} FROM _typed WHERE len(_r) > 0
        UNION ALL
        SELECT l.f, l.r, l.k, l.s, _r, {record} FROM (SELECT *, unnest(_lineage) AS l FROM _checked)
        WHERE len(_r) > 0""")
    con.execute("""
        INSERT INTO quarantine (quarantine_id, load_id, source_file, table_name, source_table, row_number,
                                reasons, record)
        SELECT (SELECT coalesce(max(quarantine_id), 0) FROM quarantine) + row_number() OVER (ORDER BY file, k),
               ?, file, ?, src, k, reasons, record
        FROM _quarantined WHERE tbl IS NULL""", [load_id, table.name])
    con.execute("UPDATE _quarantined SET tbl = ? WHERE tbl IS NULL", [table.name])

    result.loaded = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
    result.quarantined = con.execute("SELECT count(*) FROM _quarantined WHERE tbl = ?", [table.name]).fetchone()[0]
    kept = con.execute("SELECT count(*) FROM _typed WHERE len(_r) = 0").fetchone()[0]
    result.merged = kept - con.execute("SELECT count(*) FROM _merged").fetchone()[0]
    for reason, n in con.execute(
            "SELECT r, count(*) FROM (SELECT unnest(reasons) AS r FROM _quarantined WHERE tbl = ?) GROUP BY r",
            [table.name]).fetchall():
        result.reasons[reason] = n
    con.execute("INSERT INTO _seen SELECT DISTINCT _src, _file, _k FROM _typed")
    for t in ("_cand", "_typed", "_many", "_merged", "_checked"):
        con.execute(f"DROP TABLE {t}")
    return result


def _unknown(table: Table) -> list[Repair]:
    """A value that breaks the model in a column that is not a key (a code in no year's list, a failed check,
    a reference not found) is loaded as unknown (NULL) and reported; a required one that is missing is reported.
    Only keys refuse a record (decision 0017). As repairs, so one piece of code applies and reports them all."""
    return [Repair("CW-MODEL", col.name, f.sql, None if f.rule == "missing" else f"{col.name} = NULL",
                   f"{f.reason}; loaded as unknown")
            for col in table.columns if col.name not in table.key_columns for f in faults(col, f"m.{col.name}")]


def _repair(con, table: Table, repairs: list[Repair]) -> None:
    """Apply repairs to the merged rows of ``table`` in order: each row a repair's ``where`` holds for is recorded
    in ``_repaired`` (where the load's issues are read from) and then changed as its ``set`` says (None: only
    reported)."""
    pk = " AND ".join(f"n.{k} = m.{k}" for k in table.primary_key)
    child = "m.child_id" if "child_id" in table.column_names else "NULL"
    for r in repairs:
        using = f" FROM ({r.using}) n" if r.using else ""
        join = f" AND {pk}" if r.using else ""
        where_from = f"FROM _merged m, ({r.using}) n WHERE {pk} AND" if r.using else "FROM _merged m WHERE"
        con.execute(f"""
            INSERT INTO _repaired
            SELECT m._lineage[1].f, m._lineage[1].k, split_part(m._lineage[1].s, '.', 2), ?, ?, ?, ?, {child}
            {where_from} ({r.where})""", [table.name, r.field, r.rule, r.message])
        if r.set:
            con.execute(f"UPDATE _merged AS m SET {r.set}{using} WHERE ({r.where}){join}")


QUARANTINE_WORK = """
CREATE OR REPLACE TEMP TABLE _quarantined (
  file VARCHAR, record_row BIGINT, k BIGINT, src VARCHAR, reasons VARCHAR[], record JSON, tbl VARCHAR
);
CREATE OR REPLACE TEMP TABLE _repaired (
  file VARCHAR, k BIGINT, source_table VARCHAR, tbl VARCHAR, field VARCHAR, rule VARCHAR, message VARCHAR,
  child VARCHAR
);
"""
