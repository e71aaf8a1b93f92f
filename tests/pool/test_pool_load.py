"""`casewatch pool` and `casewatch compare`: councils pooled from separate folders give the same figures as each
council alone; a record given twice is kept once, from the later data; ranks, quartiles and funnels."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest

from casewatch.measures import stats
from casewatch.measures.compute import Figure
from casewatch.model.load import load_directory
from casewatch.pool.compare import _funnel, compare, figures
from casewatch.pool.load import pool
from casewatch.synth import SynthOptions, generate

END = date(2026, 3, 31)
IDS = ["re_referrals_12m_pct", "cla_rate_per_10k", "cp_rate_per_10k", "assessments_within_45wd_pct"]


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    root = tmp_path_factory.mktemp("pool")
    for n in (1, 2):
        generate(root / f"c{n}", SynthOptions(size="tiny", seed=7, years=3, end=END, first_council=n - 1))
    return root


def test_pooled_councils_have_their_own_figures(two, tmp_path):
    imports, stats, report = pool([two / "c1", two / "c2"], tmp_path / "pool.duckdb")
    assert sorted(c for i in imports for c in i.councils) == ["X01", "X02"]
    assert report.rows_quarantined == 0 and all(s["duplicates_dropped"] == 0 for s in stats.values())
    alone = {}
    for n, council in ((1, "X01"), (2, "X02")):
        load_directory(two / f"c{n}", tmp_path / f"{council}.duckdb")
        alone[council] = figures(str(tmp_path / f"{council}.duckdb"), END, IDS)[2][council]
    pe, names, pooled = figures(str(tmp_path / "pool.duckdb"), END, IDS)
    assert pe == END and set(names) == {"X01", "X02"}
    for council in ("X01", "X02"):
        for i in IDS:
            assert pooled[council][i].value == alone[council][i].value, (council, i)
            assert pooled[council][i].numerator == alone[council][i].numerator
    assert pooled["X01"]["re_referrals_12m_pct"].value != pooled["X02"]["re_referrals_12m_pct"].value


def test_a_record_given_twice_is_kept_once_from_the_later_data(two, tmp_path):
    later = tmp_path / "c1_later"
    shutil.copytree(two / "c1", later)
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * REPLACE (DATE '2027-03-31' AS data_to) FROM read_parquet('{two}/c1/councils.parquet')) "
                f"TO '{later}/councils.parquet' (FORMAT parquet)")
    episode = con.execute(f"SELECT episode_id FROM read_parquet('{two}/c1/cla_episodes.parquet') WHERE dec IS NOT NULL "
                          "ORDER BY episode_id LIMIT 1").fetchone()[0]
    con.execute(f"COPY (SELECT * REPLACE (CASE WHEN episode_id = '{episode}' THEN NULL ELSE dec END AS dec, "
                f"CASE WHEN episode_id = '{episode}' THEN NULL ELSE rec END AS rec) "
                f"FROM read_parquet('{two}/c1/cla_episodes.parquet')) TO '{later}/cla_episodes.parquet' (FORMAT parquet)")
    _, stats, report = pool([later, two / "c1"], tmp_path / "p.duckdb")  # order given does not matter
    rows = pq.read_metadata(two / "c1" / "cla_episodes.parquet").num_rows
    assert stats["cla_episodes"] == {"rows_read": 2 * rows, "rows_kept": rows, "duplicates_dropped": rows}
    got = duckdb.connect(str(tmp_path / "p.duckdb"), read_only=True)
    assert got.execute("SELECT dec FROM cla_episodes WHERE episode_id = ?", [episode]).fetchone()[0] is None
    assert got.execute("SELECT data_to FROM councils").fetchall() == [(date(2027, 3, 31),)]


def test_not_an_import_is_refused(tmp_path):
    from casewatch.model.load import LoadError

    (tmp_path / "notes").mkdir()
    with pytest.raises(LoadError, match="notes: not a casewatch export"):
        pool([tmp_path / "notes"], tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def _fig(value, num=None, den=None):
    return Figure("re_referrals_12m_pct", "t", "percent", "lower", "2025-04-01", "2026-03-31", None, None, value,
                  num, den)


def test_ranks_quartiles_and_funnel():
    assert stats.ranks({"a": 10, "b": 20, "c": 20, "d": 30}, False) == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert stats.ranks({"a": 10, "b": 20}, True) == {"b": 1, "a": 2}
    assert stats.ranks({"a": 10}, None) == {}
    assert [stats.quartile(r, 8) for r in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]
    # pool 20%: with 400 referrals the 95% limits are 20 +- 3.92, the 99.8% limits 20 +- 6.18
    assert _funnel(_fig(23.9, 95.6, 400), 20.0, "percent") == "within"
    assert _funnel(_fig(24.0, 96, 400), 20.0, "percent") == "above 95%"
    assert _funnel(_fig(26.2, 104.8, 400), 20.0, "percent") == "above 99.8%"
    assert _funnel(_fig(13.7, 54.8, 400), 20.0, "percent") == "below 99.8%"
    rows = compare({"a": "A", "b": "B"}, {"a": {"re_referrals_12m_pct": _fig(10.0, 10, 100)},
                                          "b": {"re_referrals_12m_pct": _fig(30.0, 30, 100)}})
    assert rows[0]["pooled"] == pytest.approx(20.0)
    assert [(c.council, c.rank, c.quartile, c.funnel) for c in rows[0]["councils"]] == [
        ("a", 1, 2, "below 95%"), ("b", 2, 4, "above 95%")]  # quartile ceil(4 x rank / of): measures.stats


def test_compare_html_ranks_and_draws_a_funnel(two, tmp_path):
    import subprocess
    import sys

    pool([two / "c1", two / "c2"], tmp_path / "pool.duckdb")
    done = subprocess.run([sys.executable, "-m", "casewatch.cli", "compare", "--db", str(tmp_path / "pool.duckdb"),
                           "--indicator", "re_referrals_12m_pct", "--format", "html", "--out", str(tmp_path / "c.html")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "c.html").read_text()
    assert page.count("<svg") == 1 and "2 councils around the pool&#x27;s" in page and "1/2" in page and "2/2" in page


def test_exports_pool_to_the_same_figures(two, tmp_path):
    """Each council exported pseudonymised with its own key, then pooled: figures that do not depend on exact
    dates of birth are the same as each council's own."""
    from casewatch.pool.export import export

    dirs = []
    for n, council in ((1, "X01"), (2, "X02")):
        load_directory(two / f"c{n}", tmp_path / f"{council}.duckdb")
        export(tmp_path / f"{council}.duckdb", tmp_path / f"e{n}", bytes([n]) * 32)
        dirs.append(tmp_path / f"e{n}")
    _, _, report = pool(dirs, tmp_path / "pool.duckdb")
    assert report.rows_quarantined == 0
    ids = ["re_referrals_12m_pct", "assessments_within_45wd_pct"]
    _, _, pooled = figures(str(tmp_path / "pool.duckdb"), END, ids)
    for council in ("X01", "X02"):
        own = figures(str(tmp_path / f"{council}.duckdb"), END, ids)[2][council]
        for i in ids:
            assert (pooled[council][i].numerator, pooled[council][i].denominator) == (
                own[i].numerator, own[i].denominator), (council, i)


def test_every_table_is_scoped_to_its_council_in_a_pool(two, tmp_path):
    """Each council's scoped views together hold every row of every table exactly once (a table left unfiltered
    would count its rows twice: adopter_snapshots was, until this test)."""
    from casewatch.measures.scope import attach, scope
    from casewatch.model import TABLES

    pool([two / "c1", two / "c2"], tmp_path / "pool.duckdb")
    con = attach(str(tmp_path / "pool.duckdb"))
    totals = {t.name: con.execute(f"SELECT count(*) FROM db.{t.name}").fetchone()[0] for t in TABLES}
    seen = dict.fromkeys(totals, 0)
    for council in ("X01", "X02"):
        scope(con, council)
        for t in TABLES:
            seen[t.name] += con.execute(f"SELECT count(*) FROM main.{t.name}").fetchone()[0]
    assert seen == totals
    assert totals["visits"] > 0 and totals["cla_episodes"] > 0


def test_compare_measures_every_council_against_the_standards_it_is_given(two, tmp_path, capsys):
    """One yardstick for the ranking: the shipped standards by default, a standards file or --set when given,
    the same for every council (a review found compare could not be told a cap)."""
    import json

    from casewatch.cli import main

    db = tmp_path / "pool.duckdb"
    pool([two / "c1", two / "c2"], db)

    def over_cap(*args) -> dict[str, tuple]:
        assert main(["compare", "--db", str(db), "--indicator", "caseload_over_cap_pct", "--format", "json",
                     *args]) == 0
        row = json.loads(capsys.readouterr().out)["indicators"][0]
        return {c["council"]: (c["numerator"], c["denominator"]) for c in row["councils"]}

    shipped = over_cap()
    file = tmp_path / "cap.toml"
    file.write_text("[caseload]\ncap = 1\n")
    at_1 = over_cap("--standards", str(file))
    assert over_cap("--set", "caseload_cap=1") == at_1
    for council in ("X01", "X02"):  # every holder of more than one case is over a cap of 1
        assert at_1[council][1] == shipped[council][1] > 0
        assert at_1[council][0] > shipped[council][0]
    assert main(["compare", "--db", str(db), "--set", "caseload_capp=1"]) == 2
    assert "caseload_capp" in capsys.readouterr().err
