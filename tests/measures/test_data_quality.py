"""Figures carry their data quality (decision 0017): how many records with issues feed each one, and "history too
short" instead of a number where the figure looks back before the loaded data starts."""

from __future__ import annotations

import csv
import shutil
from datetime import date

import pytest

from casewatch import jobs
from casewatch.measures.run import indicators
from casewatch.returns.write_all import write_returns


@pytest.fixture(scope="module")
def returns(councils, tmp_path_factory):
    root = tmp_path_factory.mktemp("quality")
    write_returns(councils.synth(size="tiny", seed=1), root / "returns")
    return root / "returns"


def _two_years(returns, out):
    """The CIN census and the 903 for 2024-25 and 2025-26 only."""
    for kind, pattern in (("cin", "CIN_{y}.xml"), ("ssda903", "SSDA903_{y}_*.csv")):
        (out / kind).mkdir(parents=True)
        for y in (2025, 2026):
            for f in (returns / kind).glob(pattern.format(y=y)):
                shutil.copy(f, out / kind / f.name)
    return [out / "cin", out / "ssda903"]


def _bad_codes(f, n: int) -> None:
    with open(f, newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index("REASON_PLACE_CHANGE")
    for r in rows[1:n + 1]:
        r[col] = "SWAP"  # in no year's code list
    with open(f, "w", newline="") as fh:
        csv.writer(fh).writerows(rows)


def test_history_too_short_instead_of_a_number(returns, tmp_path):
    db = tmp_path / "two.duckdb"
    jobs.load(_two_years(returns, tmp_path), db)  # data from 1 April 2024
    ids = ["re_referrals_12m_pct", "cp_second_or_subsequent_pct", "referrals_rate_per_10k"]
    _, now = indicators(str(db), ids=ids)  # year to 31 March 2026
    by = {i["id"]: i for i in now if i["breakdown"] is None}
    assert by["re_referrals_12m_pct"]["history"] is None  # looks back to 1 April 2024: loaded
    assert isinstance(by["re_referrals_12m_pct"]["value"], float)
    repeat = by["cp_second_or_subsequent_pct"]
    assert repeat["value"] is None and repeat["quartile"] is None
    assert repeat["history"] == ("history too short: it looks back 60 months before the period start, to 1 April "
                                 "2020; the data starts 1 April 2024")
    _, before = indicators(str(db), period_end=date(2025, 3, 31), ids=ids)
    by = {i["id"]: i for i in before if i["breakdown"] is None}
    assert by["re_referrals_12m_pct"]["value"] is None and "1 April 2023" in by["re_referrals_12m_pct"]["history"]
    assert by["referrals_rate_per_10k"]["history"] is None  # no look-back: a figure


def test_the_whole_history_gives_the_figure(councils):
    _, db = councils.loaded(size="tiny", seed=1)
    _, items = indicators(str(db), ids=["re_referrals_12m_pct", "cp_second_or_subsequent_pct"])
    assert all(i["history"] is None and i["value"] is not None for i in items if i["breakdown"] is None)


def test_records_with_issues_feed_the_figures_that_use_them(returns, tmp_path):
    src = tmp_path / "ssda903"
    shutil.copytree(returns / "ssda903", src)
    _bad_codes(src / "SSDA903_2026_episodes.csv", 7)
    db = tmp_path / "bad.duckdb"
    jobs.load([src, returns / "cin"], db)
    _, items = indicators(str(db), ids=["cla_at_31_march", "referrals_rate_per_10k"])
    by = {i["id"]: i for i in items if i["breakdown"] is None}
    assert by["cla_at_31_march"]["records_with_issues"] >= 7
    clean = tmp_path / "clean.duckdb"
    jobs.load([returns / "ssda903", returns / "cin"], clean)
    _, items = indicators(str(clean), ids=["cla_at_31_march"])
    base = next(i for i in items if i["breakdown"] is None)["records_with_issues"]
    import duckdb

    with duckdb.connect(str(clean), read_only=True) as con:  # damaged rows that already had an issue
        had = con.execute("""SELECT count(DISTINCT row_number) FROM data_issues WHERE severity = 'error'
                             AND source_file LIKE '%SSDA903_2026_episodes.csv' AND row_number BETWEEN 2 AND 8
                             """).fetchone()[0]
    assert by["cla_at_31_march"]["records_with_issues"] == base + 7 - had
    assert by["cla_at_31_march"]["value"] == next(i for i in items if i["breakdown"] is None)["value"]


def test_a_canonical_load_keeps_no_issues(councils):
    _, db = councils.loaded(size="tiny", seed=1)
    _, items = indicators(str(db), ids=["cla_at_31_march"])
    assert items[0]["records_with_issues"] in (None, 0)


def test_the_report_says_history_too_short_and_counts_issues(returns, tmp_path):
    from casewatch.outputs.content import build
    from casewatch.outputs.html import render

    db = tmp_path / "two.duckdb"
    paths = _two_years(returns, tmp_path)
    _bad_codes(tmp_path / "ssda903" / "SSDA903_2026_episodes.csv", 3)
    jobs.load(paths, db)
    report = build(str(db))
    line = next(x for x in report.lines if x.ind.id == "cp_second_or_subsequent_pct")
    assert line.value is None and line.caveat.startswith("history too short")
    assert line not in report.worse
    issued = [x for x in report.lines if x.caveat and "data issue" in x.caveat]
    _, items = indicators(str(db))
    counted = {i["id"] for i in items if i["breakdown"] is None and i["records_with_issues"]}
    short = {x.ind.id for x in report.lines if x.caveat and x.caveat.startswith("history too short")}
    assert "cla_at_31_march" in counted and {x.ind.id for x in issued} == counted - short
    html = render(report, {})
    assert "history too short" in html
    public = build(str(db), audience="public")
    assert not any(x.caveat and "data issue" in x.caveat for x in public.lines)
