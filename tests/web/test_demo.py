"""`casewatch serve --demo-accounts`: one account per role, on a synthetic council only."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from casewatch.web.users import DEMO_PASSWORD, AccountError, demo_accounts


def test_one_account_per_role_scoped_to_the_busiest_team(world):
    made = demo_accounts(str(world.db))
    assert [role for _, role, _ in made] == ["admin", "analyst", "head_of_service", "team_manager", "social_worker",
                                             "member"]
    assert demo_accounts(str(world.db)) == made  # a second start keeps them
    assert get_user_model().objects.get(username="demo_member").check_password(DEMO_PASSWORD)


def test_refused_for_a_real_council(tmp_path, world):
    import duckdb

    real = tmp_path / "real.duckdb"
    con = duckdb.connect(str(real))
    con.execute(f"ATTACH '{world.db}' AS src (READ_ONLY)")
    con.execute("CREATE TABLE councils AS SELECT * REPLACE ('873' AS council_id) FROM src.councils")
    con.close()
    with pytest.raises(AccountError, match="only for a synthetic council"):
        demo_accounts(str(real))
