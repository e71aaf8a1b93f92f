"""After a new load the pages keep being answered from the data before it until the results have been worked out
again from the new file; then the new council's figures are served at once. A new file that cannot be served
leaves the old one in place."""

from __future__ import annotations

import logging
import os
import shutil

from django.conf import settings
from django.urls import reverse

from casewatch.measures.scope import attach
from casewatch.web.source import current


def _rows_read(db) -> int:
    con = attach(str(db))
    try:
        return con.execute("SELECT sum(rows_read) FROM db.loads").fetchone()[0]
    finally:
        con.close()


def _shown(response) -> int:
    assert response.status_code == 200
    return sum(x["read"] for x in response.context["loads"])


def _opened(src) -> int:
    """Connections to the analytics file this thread has opened: the test client runs each view in this thread."""
    return getattr(src._local, "connects", 0)


def _move_in(source, path) -> None:
    """What a load does: a complete file written beside the served one, then renamed over it."""
    staged = path.with_name(f".{path.name}.loading-test")
    shutil.copyfile(source, staged)
    os.replace(staged, path)


def _serve_copy(world, tmp_path, monkeypatch):
    path = tmp_path / "served.duckdb"
    shutil.copyfile(world.db, path)
    monkeypatch.setattr(settings, "CASEWATCH_DB", str(path))
    return path, current()


def test_pages_are_rebuilt_before_the_new_load_is_served(world, councils, as_role, tmp_path, monkeypatch):
    _, other = councils.loaded(size="tiny", seed=2, scenario="pressure")
    a, b = _rows_read(world.db), _rows_read(other)
    assert a != b
    path, src = _serve_copy(world, tmp_path, monkeypatch)
    analyst = as_role("analyst")
    assert _shown(analyst.get(reverse("loads"))) == a
    overview_a = analyst.get("/").context["rows"]
    assert analyst.get(f"/indicators/{world.indicator}/").status_code == 200
    old = src.signature()

    _move_in(other, path)
    before = _opened(src)
    response = analyst.get(reverse("loads"))  # the first request after the swap: it notices, and starts the warm-up
    assert _shown(response) == a  # the data before the load, as it was cached
    assert _opened(src) == before  # nothing worked out again while the user waited

    assert src.wait_warm(120)
    assert src.signature() != old and src.signature()[0] == os.stat(path).st_ino
    before = _opened(src)
    assert _shown(analyst.get(reverse("loads"))) == b  # the new council's figures, already worked out
    overview_b = analyst.get("/").context["rows"]
    page = analyst.get(f"/indicators/{world.indicator}/")
    assert _opened(src) == before  # every result read from the database was rebuilt by the warm-up
    assert page.status_code == 200 and page.context["chart"] is not None
    assert [r["value_text"] for r in overview_b] != [r["value_text"] for r in overview_a]
    assert not list((path.parent / ".served.duckdb.serving").glob("*.duckdb"))[1:]  # the old file let go


def test_a_new_file_that_cannot_be_served_leaves_the_old_one(world, councils, as_role, tmp_path, monkeypatch,
                                                             caplog):
    path, src = _serve_copy(world, tmp_path, monkeypatch)
    analyst = as_role("analyst")
    a = _rows_read(world.db)
    assert _shown(analyst.get(reverse("loads"))) == a
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database\n" * 4096)

    with caplog.at_level(logging.INFO, logger="casewatch.web.warm"):
        _move_in(junk, path)
        assert _shown(analyst.get(reverse("loads"))) == a
        assert not src.wait_warm(60)
    assert "the new analytics database cannot be served; still serving the one before it" in caplog.text
    assert world.child not in caplog.text
    assert _shown(analyst.get(reverse("loads"))) == a  # still the old council
    assert analyst.get(f"/indicators/{world.indicator}/").status_code == 200  # not cached: read from the old file

    _, other = councils.loaded(size="tiny", seed=2, scenario="pressure")
    _move_in(other, path)  # the next good load is served as usual
    analyst.get(reverse("loads"))
    assert src.wait_warm(120)
    assert _shown(analyst.get(reverse("loads"))) == _rows_read(other)
