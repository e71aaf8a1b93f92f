"""The one kind of error a person can fix: a bad option, a missing or wrong file, data that cannot answer the
question asked. Every command prints such an error as one line (``casewatch: ...``) and exits 2, never with a
traceback. Each module keeps its own subclass (LoadError, StoreError, IndicatorError...) so callers can still
tell them apart.

A message names the file, row, field, option or rule, and never carries a child's data.
"""

from __future__ import annotations


class CasewatchError(Exception):
    """A problem the user can fix; its message says what and where, with no child-level values."""
