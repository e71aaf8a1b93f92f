"""903 rule 105 (header.UASC): the child's UASC status must be 0 or 1.

The DfE's text: the Unaccompanied Asylum-Seeking Children status of the child is invalid or has not been
completed. The status is the HEADER's <UASC> element of the 903 XML; the DfE's CSV header has no UASC column
(the DfE's validator derives the flag from the UASC table for CSVs and so checks only XML). casewatch checks
the flag wherever it was written: a value other than 0 or 1 is flagged; a blank is flagged in an XML file
(told by its name, ``.xml``) and in a header file that gives the flag for some children (a CSV with a UASC
column), but not in a CSV header without the column, where the flag was never asked for."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("105", "ssda903", "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.", tables=("header",), fields=("UASC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM header
       WHERE (UASC IS NOT NULL AND UASC NOT IN ('0', '1'))
          OR (UASC IS NULL AND (lower(_file) LIKE '%.xml'
                                OR _file IN (SELECT _file FROM header WHERE UASC IS NOT NULL)))"""


def test_105_a_header_that_gives_the_flag():
    assert flagged(sql, 2024, header="""
        CHILD | DOB        | UASC
        1     | 01/01/2010 | 0
        2     | 01/01/2010 | 1
        3     | 01/01/2010 |
        4     | 01/01/2010 | 2
        5     | 01/01/2010 | Y
        6     | 01/01/2010 | 01
    """) == [4, 5, 6, 7]


def test_105_a_csv_header_without_the_flag_is_not_flagged():
    assert flagged(sql, 2024, header="""
        CHILD | DOB        | ETHNIC
        1     | 01/01/2010 | WBRI
        2     | 01/01/2012 | WBRI
    """) == []
