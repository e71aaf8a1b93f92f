"""The data loads page: counts from the db schema's system tables, never child ids, rows or messages."""

from __future__ import annotations

import shutil

import duckdb
from django.conf import settings
from django.urls import reverse

from casewatch.measures.scope import attach

SECRET_CHILD = "ZZCHILD0000099"
SECRET_VALUE = "ZZVALUE-31-02-2099"


def test_loads_page_on_the_synthetic_database(world, as_role):
    con = attach(str(world.db))
    try:
        read, loaded, quarantined = con.execute(
            "SELECT sum(rows_read), sum(rows_loaded), sum(rows_quarantined) FROM db.loads").fetchone()
        issues = con.execute("SELECT count(*) FROM db.data_issues").fetchone()[0]
        held = con.execute("SELECT count(*) FROM db.quarantine").fetchone()[0]
    finally:
        con.close()
    response = as_role("analyst").get(reverse("loads"))
    assert response.status_code == 200
    assert response.context["missing"] == []
    loads = response.context["loads"]
    assert sum(x["read"] for x in loads) == read
    assert sum(x["loaded"] for x in loads) == loaded
    assert sum(x["quarantined"] for x in loads) == quarantined
    assert all(x["reconciles"] for x in loads)
    assert response.context["issue_total"] == issues
    assert response.context["quarantine_total"] == held
    page = response.content.decode()
    assert "rows read = rows loaded + rows quarantined" in page
    assert world.child not in page
    for role in ("team_manager", "social_worker", "member"):
        assert as_role(role).get(reverse("loads")).status_code == 403


def test_loads_page_counts_issues_and_quarantine_without_showing_them(world, as_role, tmp_path, monkeypatch):
    from casewatch.rules.engine import all_rules

    rule = all_rules()[0]
    copy = tmp_path / "handmade.duckdb"
    shutil.copyfile(world.db, copy)
    con = duckdb.connect(str(copy))  # a separate read-write connection, closed before the app reads the file
    try:
        con.execute("""INSERT INTO loads VALUES
            ('L-test', TIMESTAMP '2026-04-01 09:00:00', 'episodes', '/in/903_episodes.csv', 10, 7, 3, 'ssda903 2026')""")
        for i in range(4):
            con.execute("INSERT INTO data_issues VALUES ('L-test', '/in/903_episodes.csv', 'episodes', ?, ?, 'DECOM', "
                        "?, 'error', ?, ['cla_episodes'], ?, 'a date')",
                        [i + 2, SECRET_CHILD, rule.code, f"DECOM {SECRET_VALUE} is not a date", SECRET_VALUE])
        con.execute("INSERT INTO data_issues VALUES ('L-test', NULL, NULL, NULL, NULL, NULL, 'CW-FILE', 'error', ?, "
                    "NULL, NULL, NULL)",
                    [f"could not read {SECRET_VALUE}"])
        for i in range(3):
            con.execute("""INSERT INTO quarantine VALUES ((SELECT coalesce(max(quarantine_id), 0) + 1 FROM quarantine),
                'L-test', '/in/903_episodes.csv', 'episodes', 'ssda903.episodes', ?, ['DECOM: not a date'], ?)""",
                        [i + 2, f'{{"CHILD": "{SECRET_CHILD}", "DECOM": "{SECRET_VALUE}"}}'])
    finally:
        con.close()
    monkeypatch.setattr(settings, "CASEWATCH_DB", str(copy))  # restored after the test

    response = as_role("head_of_service").get(reverse("loads"))
    assert response.status_code == 200
    page = response.content.decode()
    assert SECRET_CHILD not in page and SECRET_VALUE not in page
    load = next(x for x in response.context["loads"] if x["load_id"] == "L-test")
    assert (load["read"], load["loaded"], load["quarantined"], load["reconciles"]) == (10, 7, 3, True)
    assert load["tables"][0]["file"] == "903_episodes.csv"
    issues = {(i["rule"], i["severity"], i["table"]): i for i in response.context["issues"]}
    mine = issues[(rule.code, "error", "episodes")]
    assert mine["count"] >= 4
    assert rule.message in mine["text"]
    assert issues[("CW-FILE", "error", "-")]["count"] >= 1
    held = {(q["table"], q["file"]): q["count"] for q in response.context["quarantine"]}
    assert held[("episodes", "903_episodes.csv")] >= 3
    assert "903_episodes.csv" in page and rule.code in page
