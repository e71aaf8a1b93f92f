"""903 rule 557: A child placed for adoption (PLACE A3 to A6) or under an order (LS E1; also D1 until
2023-24) who left care other than by adoption (REC given, not X1, E11 or E12), with no record that the
decision to place them for adoption ceased. The episode is flagged unless a PlacedAdoption row of the child
has both DATE_PLACED_CEASED and REASON_PLACED_CEASED. (The DfE's validator flags the child if ANY of their
PlacedAdoption rows lacks them, which also catches earlier decisions; the DfE's text asks only that the
ceasing be recorded.)"""

from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def orders(year: int) -> tuple[str, ...]:
    return ("D1", "E1") if year <= 2024 else ("E1",)


@rule("557", "ssda903", "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.", tables=("episodes", "placed_adoption"), fields=("REC",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE (e.PLACE IN ('A3', 'A4', 'A5', 'A6') OR e.LS IN ({quote_list(orders(year))}))
         AND e.REC NOT IN ('X1', 'E11', 'E12')
         AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD
                         AND p.DATE_PLACED_CEASED IS NOT NULL AND p.REASON_PLACED_CEASED IS NOT NULL)"""


def test_557():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | LS | REC
        1     | A3    | E1 | E4A
        2     | A4    | C2 | E12
        3     | U1    | D1 | E4A
        4     | U1    | C2 | E4A
        5     | A5    | C2 | X1
        6     | A6    | C2 | E13
        7     | U1    | E1 |
    """, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED | REASON_PLACED_CEASED
        1     | 01/04/2023  | 01/06/2023         | RD1
        3     | 01/04/2023  | 01/06/2023         |
    """) == [4, 7]


def test_557_from_2024_25():
    assert flagged(sql, 2025, episodes="""
        CHILD | PLACE | LS | REC
        1     | U1    | D1 | E4A
        2     | U1    | E1 | E4A
    """) == [3]
