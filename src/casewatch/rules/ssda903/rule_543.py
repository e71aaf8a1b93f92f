"""903 rule 543: A child aged 10 or over at 31 March, looked after continuously for 12 months (the
cohort below), with no conviction information (OC2 CONVICTED).

The DfE's text: aged 10 or over at 31 March; the DfE's validator leaves out a child whose 10th birthday is
31 March itself. casewatch follows the text.

``looked_after_12_months(year)`` is the DfE's OC2 cohort as its 903 rules define it (rule 545 uses it too):
a child looked after at some point in the year with no episode showing a break in it: a new period of care
(RNE S) starting after 1 April, an episode ending after 1 April and before 31 March for a reason other
than a change of placement (REC not X1), or short-break care (LS V3 or V4) during the year."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("543", "ssda903", "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.", tables=("oc2", "episodes"), fields=("CONVICTED",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE CONVICTED IS NULL AND DOB + INTERVAL 10 YEAR <= DATE '{int(year)}-03-31'
         AND CHILD IN ({looked_after_12_months(year)})"""


def test_543():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC | REC
        1     | 01/01/2020 | S   | C2 |     |
        2     | 01/01/2020 | S   | C2 |     |
        3     | 01/01/2020 | S   | C2 |     |
        4     | 01/05/2023 | S   | C2 |     |
        5     | 01/01/2020 | S   | C2 |     |
    """, oc2="""
        CHILD | DOB        | CONVICTED
        1     | 31/03/2014 |
        2     | 01/04/2014 |
        3     | 01/01/2010 | 0
        4     | 01/01/2010 |
        5     | 01/01/2010 |
    """) == [2, 6]


def test_543_breaks_in_care():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 | 01/06/2023 | X1
        1     | 01/06/2023 | P   | C2 |            |
        2     | 01/01/2020 | S   | C2 | 01/06/2023 | E4A
        3     | 01/01/2020 | S   | V3 |            |
        4     | 01/01/2020 | S   | C2 | 01/01/2023 | E11
    """, oc2="""
        CHILD | DOB        | CONVICTED
        1     | 01/01/2010 |
        2     | 01/01/2010 |
        3     | 01/01/2010 |
        4     | 01/01/2010 |
    """) == [2]
