"""903 rule 635: A date of order (DATE_PERM) or local authority (LA_PERM) for a previous permanence option
given as Z1 (no previous permanence option, or not known).

The DfE's text: the entries should not be there where PREV_PERM is Z1. The DfE's validator flags them
where PREV_PERM is blank instead; casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("635", "ssda903", "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1", tables=("prev_perm",), fields=("PREV_PERM",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM prev_perm
       WHERE PREV_PERM = 'Z1' AND (LA_PERM IS NOT NULL OR DATE_PERM IS NOT NULL)"""


def test_635():
    assert flagged(sql, 2024, prev_perm="""
        CHILD | PREV_PERM | LA_PERM | DATE_PERM
        1     | Z1        |         |
        2     | Z1        | 800     |
        3     | Z1        |         | zz/zz/2015
        4     | P1        | 800     | 01/05/2015
    """) == [3, 4]
