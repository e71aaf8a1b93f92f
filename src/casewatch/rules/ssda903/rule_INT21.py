"""903 rule INT21: a UASC row whose SEX is not the SEX the Header gives the same child; the UASC row is
flagged, only where both are given. Shared shape and its judgement calls: ``_integrity.differs_from_header``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import differs_from_header
from casewatch.rules.testing import flagged


@rule("INT21", "ssda903", "Internal Check: SEX in UASC is different to SEX in Header.",
      tables=("uasc", "header"), fields=("SEX",))
def sql(year: int) -> str:
    return differs_from_header("uasc", "SEX")


def test_INT21():
    assert flagged(sql, 2024, header="""
        CHILD | SEX
        1     | 1
        2     | 2
        3     |
    """, uasc="""
        CHILD | SEX
        1     | 1
        2     | 1
        3     | 2
        1     |
        4     | 2
        2     | 2
    """) == [3]


def test_INT21_codes_from_2026_27():
    assert flagged(sql, 2027, header="""
        CHILD | SEX
        1     | M
        2     | U
    """, uasc="""
        CHILD | SEX
        1     | F
        1     | M
        2     | U
    """) == [2]
