"""Shipped benchmarks: real values read from the DfE / Ofsted sources, polarity of ranks, and a rebuild check."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from casewatch import benchmarks as bm
from casewatch.benchmarks import store
from casewatch.benchmarks.api import rank_among
from casewatch.measures.catalogue import REGISTRY
from shared_data import missing

REPO = Path(__file__).resolve().parents[2]
SOURCES = [REPO.parent / "shared" / "reference", Path("/work/shared/reference")]
SOURCE = next((p for p in SOURCES if (p / "benchmarks" / "bds_long_0.parquet").is_file()), None)

# LAIT (bds_long_0.parquet), England (LA Number 970), 'LAC' / 'LACnum', Years '2024'
ENGLAND_CLA_RATE_2024 = 69.0
ENGLAND_CLA_2024 = 83530.0
# sn_may_2025.xlsx, Cambridgeshire (873), SN1..SN10
CAMBS_SN_2025 = ["931", "919", "825", "803", "937", "916", "938", "823", "850", "869"]
# sn_april_2021.xlsx, Cambridgeshire (873), SN1..SN10
CAMBS_SN_2021 = ["931", "916", "850", "800", "865", "938", "869", "919", "885", "937"]


def test_england_cla_rate_and_count_at_31_march_2024():
    assert dict(bm.series("cla_rate_per_10k", "England"))[2024] == ENGLAND_CLA_RATE_2024
    assert dict(bm.series("cla_at_31_march", "E92000001"))[2024] == ENGLAND_CLA_2024
    out = bm.compare("cla_rate_per_10k", "873", 2024, 45.0, False)
    assert out["england"] == ENGLAND_CLA_RATE_2024
    assert out["benchmark_year"] == 2024 and out["benchmark_year_exact"] is True
    assert out["lait_code"] == "LAC" and "Open Government Licence v3.0" in out["source"]


def test_england_cla_rate_equals_the_lait_source():
    if SOURCE is None:
        missing("DfE LAIT source (shared/reference/benchmarks) not on this machine")
    raw = duckdb.connect().execute(
        """SELECT CAST("Values" AS DOUBLE) FROM read_parquet(?) WHERE "Short Desc" = 'LAC'
           AND "Years" = '2024' AND "LA Number" = 970""",
        [str(SOURCE / "benchmarks" / "bds_long_0.parquet")]).fetchone()[0]
    assert raw == ENGLAND_CLA_RATE_2024


def test_workforce_september_census_maps_to_the_following_march():
    # LAIT 'Work_Force_Vac_Rate', England, Years '2022' (30 September 2022) = 20 -> year ending 31 March 2023
    assert dict(bm.series("vacancy_rate_pct", "England"))[2023] == 20.0
    assert 2016 not in dict(bm.series("vacancy_rate_pct", "England"))


def test_region_and_neighbours_of_cambridgeshire():
    assert bm.la_name(873) == "Cambridgeshire" and bm.region("873") == "East of England"
    assert bm.region("202") == "London"  # Camden: Inner London LAs benchmark against London
    assert bm.statistical_neighbours("873") == CAMBS_SN_2025
    assert bm.statistical_neighbours("873", edition=2021) == CAMBS_SN_2021
    out = bm.compare("cla_rate_per_10k", "873", 2024, 45.0, False)
    fig = store.lait()["cla_rate_per_10k"][2024]
    expected = [fig.las[c] for c in CAMBS_SN_2021 if fig.las.get(c) is not None]  # 2024 -> 2021 edition
    assert out["sn_edition"] == 2021 and out["sn_mean"] == pytest.approx(sum(expected) / len(expected))
    assert out["region"] == fig.regions["east of england"]
    assert bm.compare("cla_rate_per_10k", "873", 2025, 45.0, False)["sn_edition"] == 2025


def test_cambridgeshire_ofsted_history():
    history = bm.ofsted("873")
    assert [h["published"] for h in history] == sorted((h["published"] for h in history), reverse=True)
    ilacs_2019 = [h for h in history if h["framework"] == "ilacs" and h["published"].year == 2019]
    assert len(ilacs_2019) == 1 and ilacs_2019[0]["overall"] == "requires improvement"
    latest = history[0]  # the 2024 ILACS, enriched from the overview workbook
    assert latest["inspection_start"] == date(2024, 3, 4) and latest["web_link"].startswith("https://")
    assert any(h["framework"] == "sif" and h["published"].year == 2014 for h in history)


def test_rank_follows_polarity():
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
    assert rank_among(values, 6.5, True) == (2, 8, 1)
    assert rank_among(values, 6.5, False) == (7, 8, 4)
    assert rank_among(values, 6.5, None) == (7, 8, None)
    assert rank_among(values, 6.5, True, own=7.0) == (1, 7, 1)  # the council's published value is replaced
    assert rank_among(values, 4.0, True) == (4, 8, 2)  # ties share the better rank


def test_compare_ranks_and_falls_back_to_an_earlier_year():
    hi = bm.compare("assessments_within_45wd_pct", "873", 2024, 100.0, True)
    lo = bm.compare("assessments_within_45wd_pct", "873", 2024, 100.0, False)
    assert hi["rank"] == 1 and hi["quartile"] == 1 and lo["quartile"] == 4 and hi["of"] == lo["of"] > 140
    later = bm.compare("cla_rate_per_10k", "873", 2030, 45.0, False)
    assert later["benchmark_year"] == 2025 and later["benchmark_year_exact"] is False
    assert bm.compare("cla_rate_per_10k", None, 2024, None, False)["sn_mean"] is None


def test_unmapped_indicators_give_null_benchmarks():
    assert not bm.published("contacts") and bm.published("cla_rate_per_10k")
    out = bm.compare("contacts", "873", 2024, 1000.0, True)
    assert all(v is None for k, v in out.items() if k != "source")
    assert bm.compare("cla_rate_per_10k", "873", 2010, 45.0, False)["england"] is None  # before any LAIT year


def test_every_casewatch_indicator_is_mapped_or_listed_unmapped():
    assert set(bm.LAIT_MAP) | set(bm.UNMAPPED) == set(REGISTRY)
    assert not set(bm.LAIT_MAP) & set(bm.UNMAPPED)
    assert all(bm.published(i) for i in bm.LAIT_MAP)


def test_direction_of_travel():
    # Cambridgeshire's CLA rate: 45 (2024) -> 49 (2025)
    assert bm.direction_of_travel("cla_rate_per_10k", "873", 2025, False) == "worse"
    assert bm.direction_of_travel("cla_rate_per_10k", "873", 2025, True) == "better"
    assert bm.direction_of_travel("cla_rate_per_10k", "873", 2025, None) == "up"


def test_compare_is_fast_after_the_first_call():
    bm.compare("cla_rate_per_10k", "873", 2024, 45.0, False)
    start = time.perf_counter()
    for _ in range(1000):
        bm.compare("cp_rate_per_10k", "873", 2024, 40.0, False)
    assert (time.perf_counter() - start) / 1000 < 0.001


def test_shipped_files_equal_a_fresh_build(tmp_path):
    if SOURCE is None:
        missing("DfE/Ofsted sources (shared/reference) not on this machine: cannot rebuild the shipped benchmark files")
    subprocess.run([sys.executable, str(REPO / "tools" / "build_benchmarks.py"), "--source", str(SOURCE),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    shipped = sorted(p.name for p in store.DATA.iterdir() if p.is_file())
    assert shipped == sorted(p.name for p in tmp_path.iterdir())
    for name in shipped:
        if name.endswith(".parquet"):  # the footer names the DuckDB version that wrote it: compare the contents
            import pyarrow.parquet as pq

            built, kept = pq.read_table(tmp_path / name), pq.read_table(store.DATA / name)
            assert built.schema.equals(kept.schema, check_metadata=False), name
            assert built.equals(kept), name
        else:
            assert (tmp_path / name).read_bytes() == (store.DATA / name).read_bytes(), name
