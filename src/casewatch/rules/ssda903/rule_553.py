"""903 rule 553: A placement order (LS E1) with no date of the decision that the child should be placed for
adoption.

As the DfE's validator judges it: an E1 episode of a child with no PlacedAdoption DATE_PLACED is flagged;
and where the E1 episode is still open, a PlacedAdoption row of the child saying the decision ceased
(DATE_PLACED_CEASED or REASON_PLACED_CEASED given) is flagged too."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged, issues


def order_without_decision(ls: str) -> str:
    """SQL for rules 553 (placement order, LS E1) and 555 (freeing order, LS D1)."""
    return f"""SELECT e._file, e._row, e.CHILD AS child, 'episodes' AS _table, 'LS' AS field FROM episodes e
       WHERE e.LS = '{ls}'
         AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD AND p.DATE_PLACED IS NOT NULL)
       UNION
       SELECT p._file, p._row, p.CHILD, 'placed_adoption', 'DATE_PLACED_CEASED' FROM placed_adoption p
       WHERE (p.DATE_PLACED_CEASED IS NOT NULL OR p.REASON_PLACED_CEASED IS NOT NULL)
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = p.CHILD AND e.LS = '{ls}' AND e.DEC IS NULL)"""


@rule("553", "ssda903", "Placement order has been granted but there is no date of decision that the child should be placed for adoption.", tables=("episodes", "placed_adoption"), fields=("LS",))
def sql(year: int) -> str:
    return order_without_decision("E1")


def test_553():
    found = issues(sql, 2024, episodes="""
        CHILD | DECOM      | LS | DEC
        1     | 01/05/2023 | E1 |
        2     | 01/05/2023 | E1 | 01/06/2023
        3     | 01/05/2023 | E1 |
        4     | 01/05/2023 | C2 |
        5     | 01/05/2023 | E1 |
    """, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED | REASON_PLACED_CEASED
        1     | 01/04/2023  |                    |
        3     | 01/04/2023  | 01/06/2023         | RD1
        5     |             |                    |
    """)
    assert sorted((i.table, i.row) for i in found) == [("episodes", 3), ("episodes", 6), ("placed_adoption", 3)]
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS
        1     | 01/05/2023 | C2
    """) == []
