"""903 rule 231: an unaccompanied asylum-seeking child under 11 at the end of the collection year.

The DfE's text: we expect UASC to be generally older young people; if the child's UASC status is 1, the date
of birth should be more than 11 years before the end of the collection year (31 March): a child who turns 11
on 31 March is not flagged, one born the day after is. The DfE's validator reads a column ``UASC_STATUS``
that no 903 table has (the header's flag is ``UASC``, which its reader fills from the XML or, for CSVs, from
whether the child is in the UASC table); casewatch reads the header's UASC and, where the header does not
give it (a CSV header has no UASC column), takes a child in the UASC table as UASC, as the DfE's reader does.
A query: the message asks for the date of birth to be checked, and explained if right."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("231", "ssda903", "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.", tables=("header", "uasc"), fields=("DOB", "UASC"), severity="query", since=2025)
def sql(year: int) -> str:
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE h.DOB > DATE '{int(year) - 11}-03-31'
         AND coalesce(h.UASC, CASE WHEN h.CHILD IN (SELECT CHILD FROM uasc WHERE CHILD IS NOT NULL)
                                   THEN '1' END) = '1'"""


def test_231_header_flag():
    assert flagged(sql, 2025, header="""
        CHILD | DOB        | UASC
        1     | 01/04/2014 | 1
        2     | 31/03/2014 | 1
        3     | 01/04/2014 | 0
        4     | 30/03/2014 | 1
        5     |            | 1
        6     | 01/01/2020 | 0
    """, uasc="""
        CHILD | DOB        | DUC
        6     | 01/01/2020 |
    """) == [2]
    assert not sql.applies(2024) and sql.applies(2027)


def test_231_csv_header_without_the_flag_uses_the_uasc_table():
    assert flagged(sql, 2026, header="""
        CHILD | DOB
        1     | 01/04/2015
        2     | 01/04/2015
        3     | 31/03/2015
    """, uasc="""
        CHILD | DOB        | DUC
        1     | 01/04/2015 |
        3     | 31/03/2015 | 31/03/2033
    """) == [2]
