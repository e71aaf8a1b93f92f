"""903 rule 168 (header.UPN): where given, the Unique Pupil Number must be well formed, a letter (not I, O or
S) and 12 digits, or 11 digits and a final letter, or one of the codes for an unknown UPN, UN1-UN5. Letters
are expected in upper case as the DfE writes them."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("168", "ssda903", "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.", tables=("header",), fields=("UPN",))
def sql(year: int) -> str:
    return r"""SELECT _file, _row, CHILD AS child FROM header
       WHERE UPN IS NOT NULL AND NOT regexp_full_match(UPN, '[A-HJ-NP-RT-Z](\d{12}|\d{11}[A-Z])|UN[1-5]')"""


def test_168():
    assert flagged(sql, 2024, header="""
        CHILD | UPN
        1     | A123456789012
        2     | H12345678901B
        3     | UN1
        4     | UN5
        5     |
        6     | I123456789012
        7     | UN6
        8     | A12345678901
        9     | a123456789012
        10    | A1234567890123
    """) == [7, 8, 9, 10, 11]
