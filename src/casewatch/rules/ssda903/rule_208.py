"""903 rule 208: the child's UPN differs from the one recorded in last year's return.

Allowed changes (the DfE validator's, whose reading casewatch follows): from unknown to known (last year blank
or an unknown code UN1-UN5, this year a UPN); from blank or UN1 (not yet of school age) to another unknown code
UN2-UN5; from blank to UN1. Blank in both years is left to rule 442. UPNs are compared without regard to case.
Any other change is flagged: one UPN to another, a UPN to an unknown code or blank, one of UN2-UN5 to another.
The DfE validator means to allow blank -> UN1 (its comment says so) but its test of it can never be true (it
asks that last year's UPN be both blank and UN1), so it flags that change; casewatch follows the intent."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

UNKNOWN = "('UN1', 'UN2', 'UN3', 'UN4', 'UN5')"


@rule("208", "ssda903", "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.", tables=("header", "header_last"), fields=("UPN",))
def sql(year: int) -> str:
    now, was = "upper(trim(h.UPN))", "upper(trim(l.UPN))"
    return f"""SELECT h._file, h._row, h.CHILD AS child,
              'as last year: ' || string_agg(DISTINCT coalesce(l.UPN, 'blank'), ', ') AS expected
       FROM header h JOIN header_last l ON l.CHILD = h.CHILD
       WHERE {now} IS DISTINCT FROM {was}
         AND NOT coalesce(({was} IS NULL OR {was} = 'UN1') AND {now} IN ('UN2', 'UN3', 'UN4', 'UN5'), false)
         AND NOT coalesce({was} IS NULL AND {now} = 'UN1', false)
         AND NOT coalesce(({was} IS NULL OR {was} IN {UNKNOWN}) AND {now} NOT IN {UNKNOWN}, false)
       GROUP BY h._file, h._row, h.CHILD"""


def test_208():
    assert flagged(sql, 2024, header="""
        CHILD | UPN
        1     | A123456789012
        2     | A123456789012
        3     | a123456789012
        4     | UN2
        5     | UN3
        6     | UN1
        7     | A123456789012
        8     | A123456789012
        9     | UN4
        10    |
        11    |
        12    | UN2
        13    | B123456789012
        14    | UN1
    """, header_last="""
        CHILD | UPN
        1     | A123456789012
        2     | B123456789012
        3     | A123456789012
        4     | UN1
        5     |
        6     |
        7     | UN2
        8     |
        9     | A123456789012
        10    | A123456789012
        11    |
        12    | UN3
        14    | UN2
    """) == [3, 10, 11, 13, 15]
