"""Spec tests for rules as small ASCII tables (the style of OpenSAFELY's ehrQL).

    def test_dec_before_decom():
        assert flagged(rule, 2024, episodes='''
            CHILD | DECOM      | DEC
            1     | 01/04/2023 | 31/03/2023
            2     | 01/04/2023 |
        ''') == [2]

Each keyword argument names a staging table of the rule's return (``episodes_last=`` for last year's, for
the rules that compare with it; ``cin__cin_details=`` for another return's table, for a cross-return rule); its rows get ``_row`` 2, 3, 4... (the
line numbers a CSV would give them, header on line 1), ``_line`` the same, ``_file`` 'test' and ``_year``
the year given. Cells are typed by the same parsers the readers use (dates dd/mm/yyyy or ISO); lists
(CPPreviewDate, AssessmentFactors) are written comma-separated. Columns not written are NULL. A cell
written ``!text`` is deliberately untypeable (``!31/02/2023``): NULL, with the text kept in ``_bad``, as a
reader would leave it; any other cell that does not parse is a mistake in the test and raises.
``flagged`` returns the sorted row numbers the rule reported; ``issues`` returns the Issue objects.

Nested tables (the CIN census's disability, cin_details, assessments...: XML elements inside a record) carry
their record's row as ``_row``, as the reader gives every element of a <Child> that <Child>'s line; ``_line``
stays the table row (2, 3...). A test names the record by LAchildID: a nested row's ``_row`` is the row of
the ``child`` table (``child_last`` for ``*_last`` tables) with the same LAchildID, or a record of its own
shared by the rows with that LAchildID when the child table does not have it; a row with a blank LAchildID
is a record of its own. To put rows in a record whatever their LAchildID (two children with no ID, or with
the same ID), give a ``_row`` column: the ``child`` table's row of the record.
"""

from __future__ import annotations

import itertools

import duckdb

from casewatch.returns.core import Issue, ReturnFile
from casewatch.returns.stage import stage
from casewatch.rules.engine import Rule
from casewatch.rules.run import RuleRun, _run_one, _year_views


def parse_table(text: str) -> tuple[list[str], list[list[str]]]:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    header = [h.strip() for h in lines[0].split("|")]
    rows = [[c.strip() for c in ln.split("|")] for ln in lines[1:]]
    for r in rows:
        if len(r) != len(header):
            raise ValueError(f"row {r} has {len(r)} cells but the header has {len(header)}")
    return header, rows


def _child_rows(text: str | None) -> dict[str, int]:
    """LAchildID -> row of a test's child table (the first row with it)."""
    if not text:
        return {}
    header, rows = parse_table(text)
    if "LAchildID" not in header:
        return {}
    k = header.index("LAchildID")
    out: dict[str, int] = {}
    for i, cells in enumerate(rows):
        if cells[k]:
            out.setdefault(cells[k], i + 2)
    return out


def issues(r: Rule, year: int, **tables: str) -> list[Issue]:
    file, last = ReturnFile("test", r.kind, year), ReturnFile("test_last", r.kind, year - 1)
    others: dict[str, ReturnFile] = {}
    allowed: set[tuple[int, str]] = set()
    records: dict[str, dict[str, int]] = {}  # per child table: LAchildID -> its record's _row (nested tables)
    own = itertools.count(10_000)  # _row of a record no child table row has
    for name, text in tables.items():
        header, rows = parse_table(text)
        if "__" in name:  # another return's table, for a cross-return rule: cin__cin_details, cms__allocations
            kind, name = name.split("__", 1)
            if kind == "cms":
                import casewatch.returns.cms.tables  # noqa: F401 (registers the CMS staging tables)
            if kind == "reference":
                import casewatch.returns.reference.tables  # noqa: F401 (the postcode directory, the council's LA)
            into = others.setdefault(kind, ReturnFile(f"test_{kind}", kind, year))
            qualified = f"{kind}.{name}"
        else:
            into = last if name.endswith("_last") else file
            qualified = f"{r.kind}.{name.removesuffix('_last')}"
        builder = into.builder(qualified)
        list_fields = {f.name for f in builder.table.fields if f.type.endswith("[]")}
        for i, cells in enumerate(rows):
            for h, c in zip(header, cells, strict=True):
                if c.startswith("!"):  # a deliberately bad cell, e.g. !31/02/2023: typed NULL, kept in _bad
                    allowed.add((i + 2, h))
            cells = [c[1:] if c.startswith("!") else c for c in cells]
            values = {h: (c.split(",") if h in list_fields and c else c or None) for h, c in zip(header, cells, strict=True)}
            record = values.pop("_row", None) if builder.table.nested else None
            unknown = set(values) - set(builder.table.field_names)
            if unknown:
                raise ValueError(f"{r.kind}.{name} has no field(s) {sorted(unknown)}")
            row = i + 2
            if record is not None:
                row = int(record)
            elif builder.table.nested and "LAchildID" in builder.table.field_names:
                child_table = {id(file): "child", id(last): "child_last"}.get(id(into), f"{into.kind}__child")
                ids = records.setdefault(child_table, _child_rows(tables.get(child_table)))
                ident = values.get("LAchildID")
                row = ids.setdefault(ident, next(own)) if ident else next(own)
            builder.add(row, values, line=i + 2, child=None)
    unexpected = [i for f in (file, last, *others.values()) for i in f.issues if (i.row, i.field) not in allowed]
    if unexpected:
        raise ValueError(f"test table cells did not parse: {[(i.field, i.message) for i in unexpected]}")
    con = duckdb.connect()
    try:
        stage(con, [file, last, *others.values()])
        schema = _year_views(con, r.kind, year)
        con.execute(f"SET search_path = '{schema},main'")
        out = RuleRun()
        _run_one(con, r, year, out)  # raises if the rule is broken: a test must see that
        return out.issues
    finally:
        con.close()


def flagged(r: Rule, year: int, **tables: str) -> list[int]:
    return sorted(i.row for i in issues(r, year, **tables))
