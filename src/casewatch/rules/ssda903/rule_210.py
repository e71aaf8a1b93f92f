"""903 rule 210 (header.UPN): a child looked after on 31 March for more than a week should not have UPN UN4
("UPN not yet obtained", the code for a child just come into care).

The DfE's message says exactly that. The validator's code flags the opposite: UN4 children with an episode that
STARTED on or after 24 March (the ones the code is meant for), from a garbled specification line ("If UPN = UN4
then no episode DECOM must be >= 24/03/YYYY"). casewatch follows the message: it flags UN4 for a child who is
looked after on 31 March in a period of care that began on or before 23 March (its latest episode with RNE S
started then, or none started in the year: the period began in an earlier year). The header row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("210", "ssda903", "Children looked after for more than a week at 31 March should not have an unknown Unique "
      "Pupil Number (UPN) code of UN4.", tables=("header", "episodes"), fields=("UPN",))
def sql(year: int) -> str:
    end, week = f"DATE '{int(year)}-03-31'", f"DATE '{int(year)}-03-24'"
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE h.UPN = 'UN4'
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD AND e.DECOM <= {end}
                     AND (e.DEC IS NULL OR e.DEC > {end}))
         AND coalesce((SELECT max(DECOM) FROM episodes s WHERE s.CHILD = h.CHILD AND s.RNE = 'S'
                       AND s.DECOM <= {end}) < {week}, true)"""


def test_210():
    assert flagged(sql, 2025, header="""
        CHILD | UPN
        1     | UN4
        2     | UN4
        3     | UN4
        4     | UN4
        5     | UN1
        6     | UN4
    """, episodes="""
        CHILD | DECOM      | RNE | DEC
        1     | 01/03/2025 | S   |
        2     | 24/03/2025 | S   |
        3     | 01/05/2024 | P   |
        4     | 01/03/2025 | S   | 30/03/2025
        5     | 01/03/2025 | S   |
        6     | 01/03/2024 | S   | 01/03/2025
        6     | 23/03/2025 | S   |
    """) == [2, 4, 7]  # children 1 (in care since 1 March), 3 (since before the year), 6 (since 23 March)
