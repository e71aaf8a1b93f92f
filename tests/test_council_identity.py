"""The council's DfE LA number is kept with the data (councils.la_code), so England, the statistical neighbours
and the Ofsted history appear without being told again: from `synth --la`, from the returns (the extract's
council.csv), or `--la` (serve, report, indicators) over it."""

from __future__ import annotations

import csv
import shutil

import duckdb
import pytest

from casewatch import benchmarks
from casewatch.jobs import JobError, load, synth
from casewatch.measures.run import IndicatorError, council_context
from casewatch.measures.scope import attach
from conftest import END


def _context(db, la=None):
    con = attach(str(db))
    try:
        return council_context(con, None, None, la)
    finally:
        con.close()


def _stored(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT council_id, la_code FROM councils").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("identity")
    synth(root / "s", size="tiny", seed=3, end=END, la="873")
    load([root / "s"], root / "s.duckdb")
    synth(root / "r", size="tiny", seed=3, end=END, formats=("parquet", "returns"))
    return root


def test_a_synthetic_council_keeps_the_la_it_is_compared_as(made):
    assert _stored(made / "s.duckdb") == [("X01", "873")]
    ctx = _context(made / "s.duckdb")
    assert ctx.la_code == "873"
    assert benchmarks.la_name("873") == "Cambridgeshire"
    assert _context(made / "s.duckdb", la="318").la_code == "318"  # --la still overrides it


def test_synth_refuses_an_la_the_dfe_does_not_publish(tmp_path):
    with pytest.raises(JobError, match="not a local authority number"):
        synth(tmp_path / "x", size="tiny", la="999")
    with pytest.raises(JobError, match="one council at a time"):
        synth(tmp_path / "y", size="tiny", la="873", councils=2)


def _extract_only(made, tmp_path, la_code: str):
    """The synthetic council's 903 CSVs and case-management extract, its council.csv naming ``la_code``."""
    src = made / "r" / "returns"
    shutil.copytree(src / "ssda903", tmp_path / "ssda903")
    shutil.copytree(src / "cms", tmp_path / "cms")
    path = tmp_path / "cms" / "council.csv"
    rows = list(csv.DictReader(path.open(newline="")))
    for r in rows:
        r["la_code"] = la_code
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return [tmp_path / "ssda903", tmp_path / "cms"]


def test_the_returns_name_the_la(made, tmp_path):
    db = tmp_path / "r.duckdb"
    load(_extract_only(made, tmp_path / "in", "873"), db)
    assert _stored(db) == [("X01", "873")]
    assert _context(db).la_code == "873"


def test_an_la_the_returns_do_not_name_is_unknown_not_guessed(made, tmp_path):
    db = tmp_path / "r.duckdb"
    load(_extract_only(made, tmp_path / "in", "001"), db)  # a synthetic council's own number: no such LA
    assert _stored(db) == [("X01", None)]
    assert _context(db).la_code is None


def test_an_la_given_that_the_dfe_does_not_publish_is_refused(made):
    with pytest.raises(IndicatorError, match="not a local authority code"):
        _context(made / "s.duckdb", la="999")
