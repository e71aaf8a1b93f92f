"""Disclosure control: the one place aggregates are suppressed and rounded for public audiences (control.py);
``publish`` (figures.py) is the one entry every public figure passes through."""

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
from casewatch.disclosure.figures import Published, publish

__all__ = ["PUBLIC", "SUPPRESSED", "DisclosureError", "Policy", "Published", "count", "is_small", "publish",
           "ratio", "table", "total"]
