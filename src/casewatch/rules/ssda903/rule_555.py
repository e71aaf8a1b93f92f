"""903 rule 555: A freeing order (LS D1) with no date of the decision that the child should be placed for
adoption; judged as rule 553 is for placement orders. In the DfE's rules until 2023-24 (D1 then left the
legal status codes)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_553 import order_without_decision
from casewatch.rules.testing import issues


@rule("555", "ssda903", "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.", tables=("episodes", "placed_adoption"), fields=("LS",), until=2024)
def sql(year: int) -> str:
    return order_without_decision("D1")


def test_555():
    found = issues(sql, 2024, episodes="""
        CHILD | DECOM      | LS | DEC
        1     | 01/05/2023 | D1 |
        2     | 01/05/2023 | D1 |
        3     | 01/05/2023 | E1 |
    """, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/04/2023  | 01/06/2023
    """)
    assert sorted((i.table, i.row) for i in found) == [("episodes", 3), ("placed_adoption", 2)]
