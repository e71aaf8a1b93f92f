"""Groups of children several 903 rules share, defined once."""

from __future__ import annotations


def looked_after_12_months(year: int) -> str:
    """SQL for the CHILD ids looked after continuously for the 12 months to 31 March of the year (the DfE's
    OC2 cohort): in care during the year, with no new period of care started in it, no period ended in it (a REC
    other than X1 before 31 March), and no short-break episode (V3, V4) in it. Never NULL: rules use it under
    NOT IN, where one NULL would make every child pass."""
    start, end = f"DATE '{year - 1}-04-01'", f"DATE '{year}-03-31'"
    in_year = f"(DECOM <= {end} AND (DEC IS NULL OR DEC >= {start}))"
    breaks = (f"(RNE = 'S' AND DECOM > {start} AND DECOM <= {end})"
              f" OR (coalesce(REC <> 'X1', true) AND DEC >= {start} AND DEC < {end})"
              f" OR (LS IN ('V3', 'V4') AND {in_year})")
    return f"""SELECT CHILD FROM episodes WHERE CHILD IS NOT NULL GROUP BY CHILD
       HAVING bool_or(coalesce({in_year}, false)) AND NOT bool_or(coalesce({breaks}, false))"""
