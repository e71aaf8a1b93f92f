"""What the 903 social worker episode rules (the DfE's SWEpisodes table, casewatch's ``social_worker``) share.

- The DfE's ``CLA_AT_31_MARCH``: a child with an episode that has no date ceased (DEC) and a legal status
  other than V3/V4 (short breaks), as the DfE defines it for SW01STG1.
- The start of the social worker reporting period (SW07STG2): social worker episodes were first collected
  for 2023-24, from 1 April 2023; from 2024-25 the DfE's period starts a year before the collection year
  (1 April two years before the 31 March the collection year ends), so that the year before is covered too.
- Each child's social worker episodes in sequence: ordered by the date the episode began (SW_DECOM), then
  the date it ceased (SW_DEC, an open episode last), then the row; an episode with no start date has no
  place in the sequence and is left out (SW01/SW03/SW04 report it).
"""

from __future__ import annotations

import datetime as dt

CLA_AT_31_MARCH = "DEC IS NULL AND coalesce(LS, '') NOT IN ('V3', 'V4')"


def year_end(year: int) -> str:
    """31 March of the collection year, as a SQL date."""
    return f"DATE '{year}-03-31'"


def year_start(year: int) -> str:
    """1 April that starts the collection year, as a SQL date."""
    return f"DATE '{year - 1}-04-01'"


def reporting_start(year: int) -> dt.date:
    """The first day of the social worker reporting period for a collection year."""
    return dt.date(max(year - 2, 2023), 4, 1)


def sequenced() -> str:
    """SQL: every social worker episode with a start date, with the child's episode before it in the sequence
    (``prev_DECOM``, ``prev_DEC``; NULL for the first, ``n`` = 1) and the one after it (``next_DECOM``)."""
    order = "PARTITION BY CHILD ORDER BY SW_DECOM, SW_DEC NULLS LAST, _file, _row"
    return f"""SELECT *, row_number() OVER ({order}) AS n,
              lag(SW_DECOM) OVER ({order}) AS prev_DECOM, lag(SW_DEC) OVER ({order}) AS prev_DEC,
              lead(SW_DECOM) OVER ({order}) AS next_DECOM
       FROM social_worker WHERE SW_DECOM IS NOT NULL AND CHILD IS NOT NULL"""
