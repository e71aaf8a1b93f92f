"""903 rule 633: Where given, the local authority where the previous permanence option was arranged
(PrevPerm LA_PERM) must be a valid code: an English local authority's code (casewatch's benchmark list of
LAs, ``benchmarks/data/las.csv``, which has the codes of LAs since abolished or merged too), or WAL, SCO,
NIR, NUK for elsewhere in or outside the UK. 999 is accepted too, as the DfE's validator accepts it.
(The DfE's validator's list lacks the newer codes 838, 839 and 940-943; casewatch accepts them.)"""

from casewatch.benchmarks.store import las
from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

OUTSIDE_ENGLAND = ("WAL", "SCO", "NIR", "NUK", "999")


@rule("633", "ssda903", "Local authority code where previous permanence option was arranged is not a valid value.", tables=("prev_perm",), fields=("LA_PERM",))
def sql(year: int) -> str:
    valid = tuple(sorted(las())) + OUTSIDE_ENGLAND
    return f"""SELECT _file, _row, CHILD AS child FROM prev_perm
       WHERE LA_PERM IS NOT NULL AND upper(LA_PERM) NOT IN ({quote_list(valid)})"""


def test_633():
    assert flagged(sql, 2024, prev_perm="""
        CHILD | PREV_PERM | LA_PERM
        1     | P1        | 800
        2     | P1        | 940
        3     | P1        | WAL
        4     | P1        | 123
        5     | P1        |
        6     | P1        | XYZ
    """) == [5, 7]
