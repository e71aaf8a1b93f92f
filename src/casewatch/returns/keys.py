"""Canonical identifiers for records that the statutory returns hold without one.

The CIN census has no referral or assessment IDs and the 903 has no episode IDs, so the canonical ID is
built from the natural key: the child, a tag for the kind of record and its date, ``1234:E:2023-04-01``.
The same episode in the 2023 and the 2024 903, or the same referral in the CIN census and in Annex A, gets
the same ID, which is how several years and several returns build one history (``returns/merge.py``).

Where the DfE treats two records of a child on one date as a duplicate (903 episodes, CIN referrals...),
``seq=False``: the second gets the same ID and is refused as a duplicate within its file. Where several on
one day are real (contacts, visits), ``seq=True`` numbers the later ones ``:2``, ``:3`` in file order.
"""

from __future__ import annotations

TAGS = {
    "referrals": "R", "assessments": "A", "section47": "S", "cin_plans": "N", "cp_plans": "P",
    "cla_episodes": "E", "cla_reviews": "V", "missing_episodes": "M", "permanence": "Q", "contacts": "K",
    "early_help_episodes": "H", "allocations": "L", "visits": "W",
}


def event_id(table: str, child: str, date: str, *, seq: bool = False, order: str = "_row") -> str:
    """SQL expression for the canonical ID of a row of ``table`` from ``child`` and ``date`` expressions.

    ``seq=True`` needs the expression to be used in a SELECT over the staging rows (it is a window)."""
    base = f"({child} || ':{TAGS[table]}:' || strftime({date}, '%Y-%m-%d'))"
    if not seq:
        return base
    n = f"row_number() OVER (PARTITION BY _file, {child}, {date} ORDER BY {order})"
    return f"({base} || CASE WHEN {n} > 1 THEN ':' || {n} ELSE '' END)"
