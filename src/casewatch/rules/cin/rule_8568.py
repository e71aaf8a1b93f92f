"""CIN rule 8568: ReferralNFA is present and true or false (1 or 0). A value that is neither is NULL in
staging (kept in ``_bad``, reported once as CW-TYPE) and is flagged here as invalid."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8568", "cin", "RNFA flag is missing or invalid", tables=("cin_details",), fields=("ReferralNFA",))
def sql(year: int) -> str:
    return "SELECT _file, _row, _line, LAchildID AS child FROM cin_details WHERE ReferralNFA IS NULL"


def test_8568():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 1
        1         | 2            | false
        2         | 1            |
        3         | 1            | !maybe
    """) == [4, 5]
