"""Quoting for the few SQL texts that cannot take bound parameters (ATTACH paths, identifiers in DDL)."""

from __future__ import annotations

import os


def literal(value: str | os.PathLike) -> str:
    """A SQL string literal: ``O'Brien`` -> ``'O''Brien'``."""
    return "'" + str(value).replace("'", "''") + "'"


def identifier(name: str) -> str:
    """A quoted SQL identifier: ``my table`` -> ``"my table"``."""
    return '"' + str(name).replace('"', '""') + '"'
