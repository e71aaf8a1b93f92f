"""Child ids holding "/", a space or a double quote: pages that link to such a child still answer, the child's
page opens at the link it is given, and the id never reaches a log line."""

from __future__ import annotations

import logging
import shutil

import duckdb
import pytest
from django.conf import settings
from django.urls import reverse

from casewatch.web.logfilter import RedactIdentifiers

SLASHED = "X01/C 0001"
QUOTED = 'X01/"C" 0002'  # the one with action-list rows: /lists/ shows it


@pytest.fixture(scope="module")
def odd_db(world, tmp_path_factory):
    """A copy of the world's database in which the world's child and one more child of the same team carry odd ids."""
    db = tmp_path_factory.mktemp("odd-ids") / "odd.duckdb"
    shutil.copy(world.db, db)
    con = duckdb.connect(str(db))
    try:
        second = con.execute("""
            SELECT a.child_id FROM allocations a LEFT JOIN workers w USING (worker_id)
            WHERE a.start_date <= $d AND (a.end_date IS NULL OR a.end_date > $d)
              AND coalesce(a.team_id, w.team_id) = $t AND a.child_id <> $c
            ORDER BY (a.worker_id = $w) DESC, a.child_id LIMIT 1""",
                             {"d": world.data_to, "t": world.team, "c": world.child, "w": world.worker}).fetchone()[0]
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'child_id'").fetchall()]
        for old, new in ((world.child, SLASHED), (second, QUOTED)):
            for table in tables:
                con.execute(f"UPDATE {table} SET child_id = $new WHERE child_id = $old", {"new": new, "old": old})
        assert con.execute("SELECT count(*) FROM children WHERE child_id IN ($a, $b)",
                           {"a": SLASHED, "b": QUOTED}).fetchone()[0] == 2
    finally:
        con.close()
    return db


@pytest.fixture
def odd(odd_db, monkeypatch):
    monkeypatch.setattr(settings, "CASEWATCH_DB", str(odd_db))
    return odd_db


@pytest.mark.parametrize("role", ["admin", "analyst", "head_of_service", "team_manager", "social_worker"])
def test_lists_answer_with_odd_child_ids(odd, world, as_role, role):
    response = as_role(role).get(reverse("lists"), {"worker": world.worker})
    assert response.status_code == 200
    shown = {r["child"] for r in response.context["rows"]}
    assert QUOTED in shown
    assert reverse("child", args=[QUOTED]).encode() in response.content


def test_caseload_and_this_week_link_to_odd_child_ids(odd, world, as_role):
    caseload = as_role("head_of_service").get(reverse("my_caseload"), {"worker": world.worker})
    assert caseload.status_code == 200
    assert reverse("child", args=[SLASHED]).encode() in caseload.content
    assert as_role("social_worker").get(reverse("my_caseload")).status_code == 200
    week = as_role("team_manager").get(reverse("this_week"))
    assert week.status_code == 200


@pytest.mark.parametrize("child", [SLASHED, QUOTED])
def test_child_page_opens_at_its_link(odd, as_role, child):
    url = reverse("child", args=[child])
    assert url.startswith("/children/") and " " not in url and '"' not in url
    response = as_role("team_manager").get(url)
    assert response.status_code == 200
    assert child.replace('"', "&quot;").encode() in response.content


def test_odd_child_ids_never_reach_the_log(odd, as_role):
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    handler = Keep()
    handler.addFilter(RedactIdentifiers())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        for child in (SLASHED, QUOTED):  # a member may not open a child: Django logs the refused path
            assert as_role("member").get(reverse("child", args=[child])).status_code == 403
    finally:
        logger.removeHandler(handler)
    assert len(lines) == 2 and all("/children/[redacted]" in line for line in lines)
    # the development server's request lines carry the encoded path and the query string
    served = [f'"GET {reverse("child", args=[c])}?from=lists HTTP/1.1" 200 512' for c in (SLASHED, QUOTED)]
    served.append(f'"GET {reverse("my_caseload")}?worker=W 1 HTTP/1.1" 200 10')
    for line in served:
        record = logging.LogRecord("django.server", logging.INFO, __file__, 1, "%s", (line,), None)
        RedactIdentifiers().filter(record)
        lines.append(record.getMessage())
    for line in lines:
        for part in ("X01", "C 0001", "0002", "%2F", "%22", "W 1"):
            assert part not in line, line
