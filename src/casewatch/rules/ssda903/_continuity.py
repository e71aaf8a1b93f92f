"""This year's return against last year's: "the open episode at the end of last year" and "the first episode" of
this year, defined once for the 903 rules that compare them (502, 503A-503F, 562, 1010).

- **Last year's final episode**: the child's episode in last year's return with the latest DECOM (an episode
  whose DECOM is blank or not a date cannot be placed and is left out). Where two share that DECOM, the open
  one is taken, then the one listed last.
- **Open at the end of last year**: that final episode has DEC blank. A DEC cell holding something that is not
  a date is not blank (the council wrote an end), so that episode is not open.
- **This year's first episode**: the child's episode in this year's return with the earliest DECOM. Where
  several share it, a rule that compares a field is satisfied if any of them agrees (which of two episodes
  starting the same day came first is unknown; the duplicate is another rule's error), and the row reported
  is the one listed first.

A child in only one of the two returns has no pair to compare: these helpers give no row for them (the rules
that are about such children, NoE, 562 and 1010, say so themselves).
"""

from __future__ import annotations

DEC_BLANK = "(DEC IS NULL AND json_extract_string(_bad, '$.DEC') IS NULL)"


def last_final(*, open_only: bool) -> str:
    """SQL (a parenthesised subquery) for last year's final episode of each child, all its columns; with
    ``open_only`` only where it is open (DEC blank)."""
    keep = f" AND {DEC_BLANK}" if open_only else ""
    return f"""(SELECT * EXCLUDE (_n) FROM (
          SELECT *, row_number() OVER (PARTITION BY CHILD
                                       ORDER BY DECOM DESC, {DEC_BLANK} DESC, _file DESC, _row DESC) AS _n
          FROM episodes_last WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL)
        WHERE _n = 1{keep})"""


def first_episodes() -> str:
    """SQL (a parenthesised subquery) for this year's episodes that start on their child's earliest DECOM,
    all columns, with ``_n`` = 1 on the one listed first."""
    return """(SELECT * FROM (
          SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _file, _row) AS _n,
                 min(DECOM) OVER (PARTITION BY CHILD) AS _first
          FROM episodes WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL)
        WHERE DECOM = _first)"""


def differs_from_open_episode(field: str, also_same: str = "false") -> str:
    """SQL for the 503 rules: this year's first episode whose ``field`` differs from (a blank is a value: blank
    against a code differs) that of last year's final episode, where that one was open. ``also_same`` is SQL
    over ``g`` (this year's first episode) and ``l`` (last year's open one) for pairs the DfE accepts as the
    same (a code the DfE replaced between the years)."""
    return f"""SELECT f._file, f._row, f.CHILD AS child
       FROM {first_episodes()} f JOIN {last_final(open_only=True)} l ON l.CHILD = f.CHILD
       WHERE f._n = 1
         AND NOT EXISTS (SELECT 1 FROM {first_episodes()} g WHERE g.CHILD = f.CHILD
                         AND (g.{field} IS NOT DISTINCT FROM l.{field} OR {also_same}))"""
