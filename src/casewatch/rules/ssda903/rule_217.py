"""903 rule 217: A placement for adoption with the current foster carers (PLACE A3 or A5) must start a new
episode for a reason that goes with it: RNE S (new period of care), T (change of legal status only) or U
(change of both legal status and placement).

The DfE applies it to episodes starting on or after 1 April 2015, when placement codes A3-A6 came in;
earlier episodes (still open in a later return) are not judged. An episode with no usable DECOM is left to
the date rules."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("217", "ssda903", "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE IN ('A3', 'A5') AND DECOM >= DATE '2015-04-01'
         AND (RNE IS NULL OR RNE NOT IN ('S', 'T', 'U'))"""


def test_217():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | PLACE
        1     | 01/04/2015 | S   | A3
        2     | 31/12/2015 | T   | A5
        3     | 20/01/2016 | U   | A3
        4     |            |     |
        5     | 01/10/2017 | P   | U1
        6     | 20/02/2016 | P   | A3
        7     | 01/01/2017 | B   | A5
        8     | 01/04/2013 | P   | A5
        9     | 01/05/2023 |     | A3
        10    | 01/05/2023 | X   | A4
    """) == [7, 8, 10]
