"""Quoting for the SQL texts that cannot take bound parameters (paths in read_parquet/ATTACH, identifiers,
code lists and messages built into generated SQL). Every literal and quoted name in casewatch is made here."""

from __future__ import annotations

import os


def literal(value: str | os.PathLike) -> str:
    """A SQL string literal: ``O'Brien`` -> ``'O''Brien'``."""
    return "'" + str(value).replace("'", "''") + "'"


def quote_list(values) -> str:
    """Literals for an IN list: ``('A', "B'C")`` -> ``'A', 'B''C'``."""
    return ", ".join(literal(v) for v in values)


def identifier(name: str) -> str:
    """A quoted SQL identifier: ``my table`` -> ``"my table"``."""
    return '"' + str(name).replace('"', '""') + '"'
