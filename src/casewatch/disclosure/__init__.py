"""Disclosure control: the one place aggregates are suppressed and rounded for public audiences (control.py)."""

from casewatch.disclosure.control import (
    PUBLIC,
    SUPPRESSED,
    DisclosureError,
    Policy,
    count,
    is_small,
    ratio,
    table,
    total,
)
from casewatch.disclosure.figures import public_figure

__all__ = ["PUBLIC", "SUPPRESSED", "DisclosureError", "Policy", "count", "is_small", "ratio", "public_figure", "table", "total"]
