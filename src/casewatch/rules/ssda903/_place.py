"""The placement fields the DfE derives from an episode's postcodes, defined once for the 903 rules about them
(164, 169, 179, 218, 230, 243, 392a, 392c, 398, 406, 411, 420, 452, 453, 454, 503G, 503H, 503J, 1015).

The council returns HOME_POST and PL_POST; the DfE looks them up in the ONS Postcode Directory and derives:

- **PL_LA**, the LA of placement: the upper-tier local authority of PL_POST (the county where there is one,
  else the district or unitary authority: ``reference.postcodes.la``) for a postcode in England; WAL, SCO or
  NIR for one in Wales, Scotland or Northern Ireland; blank when PL_POST is blank or not in the directory, and
  for the Channel Islands and the Isle of Man (no LA the DfE names).
- **PL_LOCATION**: IN when PL_LA is the council's own LA (``reference.council_la``), OUT for any other place
  the directory knows (Wales, Scotland, Northern Ireland, islands included); blank when PL_POST is blank or not
  in the directory.
- **PL_DISTANCE**: the straight line between the two postcodes' grid references, in miles, as the DfE's
  guidance gives it and its validator computes it: sqrt(dE^2 + dN^2) / 1000 / 1.6093, rounded to one decimal
  (DuckDB rounds a half away from zero, the validator's numpy to even: they can differ only on an exact tie of
  the second decimal). Blank unless both postcodes are in the directory with a grid reference. The directory
  gives Northern Ireland's postcodes on the Irish grid, so a distance between Great Britain and Northern Ireland
  is not a real one: the DfE's formula, and its validator, take it as it comes; so does casewatch.

Postcodes are matched in the directory's normal form (upper case, one space before the last three
characters: ``postcode_sql``), so ``sw1a1aa`` finds ``SW1A 1AA``. A postcode the directory lists more than
once (a reduced extract may) is matched on its first listing only. Terminated postcodes are found: an episode
may have begun before its postcode was terminated.

UASC: the DfE's text leaves out a child who is, or in either of the two years before was, an unaccompanied
asylum-seeking child. casewatch knows this from this year's return (``uasc_children``): the header's UASC flag,
and the UASC table, which lists former UASC with the date their status ceased. Last year's return is not read
(a rule reading it would run only when it is loaded), so a former UASC known only from an earlier return is
not known: the DfE's own notes on these rules warn of this.
"""

from __future__ import annotations

from casewatch.returns.reference.read import postcode_sql

COUNTRY_LA = {"W92000004": "WAL", "S92000003": "SCO", "N92000002": "NIR"}
ENGLAND = "E92000001"


def _pl_la(p: str) -> str:
    others = " ".join(f"WHEN '{code}' THEN '{la}'" for code, la in COUNTRY_LA.items())
    return f"(CASE {p}.country WHEN '{ENGLAND}' THEN {p}.la {others} END)"


def placed(table: str = "episodes") -> str:
    """SQL (a parenthesised subquery): every row of ``table`` (episodes or episodes_last) with all its columns
    and the DfE's PL_LA, PL_LOCATION and PL_DISTANCE, and HOME_FOUND / PL_FOUND: whether each postcode is
    in the directory."""
    pl_la = _pl_la("p")
    return f"""(SELECT e.*, h.postcode IS NOT NULL AS HOME_FOUND, p.postcode IS NOT NULL AS PL_FOUND,
              {pl_la} AS PL_LA,
              CASE WHEN p.postcode IS NULL THEN NULL
                   WHEN {pl_la} IN (SELECT la FROM reference.council_la) THEN 'IN' ELSE 'OUT' END AS PL_LOCATION,
              round(sqrt(power(CAST(h.easting AS DOUBLE) - p.easting, 2)
                         + power(CAST(h.northing AS DOUBLE) - p.northing, 2)) / 1000 / 1.6093, 1) AS PL_DISTANCE
       FROM {table} e
       LEFT JOIN reference.postcodes h ON h.postcode = {postcode_sql('e.HOME_POST')} AND h.duplicate IS NOT TRUE
       LEFT JOIN reference.postcodes p ON p.postcode = {postcode_sql('e.PL_POST')} AND p.duplicate IS NOT TRUE)"""


def with_placed() -> str:
    """A WITH clause that puts the derived fields on ``episodes`` and ``episodes_last`` for the query after it,
    under their own names (each is read from the view of the same name), so the shared helpers of
    ``_continuity.py`` compare PL_LA, PL_LOCATION and PL_DISTANCE like any other field."""
    return (f"WITH episodes AS MATERIALIZED {placed('episodes')}, "
            f"episodes_last AS MATERIALIZED {placed('episodes_last')} ")


def outside_england(alias: str = "e") -> str:
    """SQL over a ``placed()`` row, never NULL: the placement postcode is in the directory and outside England
    (Wales, Scotland, Northern Ireland, or no LA: the Channel Islands, the Isle of Man)."""
    others = ", ".join(f"'{la}'" for la in COUNTRY_LA.values())
    return f"coalesce({alias}.PL_LA IN ({others}) OR ({alias}.PL_FOUND AND {alias}.PL_LA IS NULL), false)"


def uasc_children() -> str:
    """SQL for the CHILD ids this year's return gives as UASC or former UASC: UASC 1 in the header, or a row in
    the UASC table (as the DfE's validator reads a CSV set, where the header has no flag)."""
    return """SELECT CHILD FROM header WHERE UASC = '1' AND CHILD IS NOT NULL
       UNION SELECT CHILD FROM uasc WHERE CHILD IS NOT NULL"""


def short_break(alias: str = "e") -> str:
    """SQL: the episode is a short break (legal status V3 or V4), which needs no placement location."""
    return f"coalesce({alias}.LS IN ('V3', 'V4'), false)"


def distance_differs(g: str = "g", l: str = "l") -> str:  # noqa: E741 (l: last year's episode, as in _continuity)
    """SQL over this year's episode ``g`` and last year's ``l``: their distances differ by 0.2 miles or more (the
    DfE validator's tolerance: the directory's centroids move a little between editions), or one is blank and
    the other not. The difference is rounded to a tenth before comparing, so 10.3 against 10.1 differs."""
    return (f"(round(abs({g}.PL_DISTANCE - {l}.PL_DISTANCE), 1) >= 0.2 "
            f"OR (({g}.PL_DISTANCE IS NULL) <> ({l}.PL_DISTANCE IS NULL)))")


# For the rules' tests: a few postcodes as the directory has them, and the council (Richmond upon Thames,
# E09000027). TW9 1AA to SW1A 1AA is 7.5 miles, TW9 2ZZ to it 7.2, TW9 3AA 7.3, TW9 4AA 7.4; TW9 1AA to TW9 2ZZ
# 0.3, to ME1 1AA 35.1, to ZE1 0AA (Shetland) 601.9; TR1 1AA
# (Cornwall) is a unitary authority; ME1 1AA a Kent district (the LA is the county, E10000016); JE2 3AA is in
# Jersey, with no LA and no grid reference; XX9 9XX has a grid reference 2,000 km from TW9 1AA (a bad extract).
SAMPLE_POSTCODES = """
    postcode | la        | country   | easting | northing
    TW9 1AA  | E09000027 | E92000001 | 518000  | 175000
    TW9 2ZZ  | E09000027 | E92000001 | 518300  | 175400
    TW9 3AA  | E09000027 | E92000001 | 518250  | 175000
    TW9 4AA  | E09000027 | E92000001 | 518100  | 175000
    SW1A 1AA | E09000033 | E92000001 | 529090  | 179645
    ME1 1AA  | E10000016 | E92000001 | 574000  | 168000
    TR1 1AA  | E06000052 | E92000001 | 182000  | 44000
    CF10 1AA | W06000015 | W92000004 | 318000  | 176000
    EH1 1AA  | S12000036 | S92000003 | 325000  | 673000
    BT1 1AA  | N09000003 | N92000002 | 146000  | 530000
    ZE1 0AA  | S12000027 | S92000003 | 447000  | 1141000
    JE2 3AA  | L99999999 | L93000001 |         |
    XX9 9XX  | E09000027 | E92000001 | 518000  | 2175000
"""
SAMPLE_COUNCIL = """
    la        | la_code
    E09000027 | 318
"""
