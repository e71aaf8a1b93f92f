"""Same seed, same bytes; another seed, other data."""

from __future__ import annotations

from datetime import date

from casewatch.synth import SynthOptions, generate


def _files(d):
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def test_same_seed_gives_byte_identical_output(tmp_path):
    opts = SynthOptions(size="tiny", seed=11, scenario="pressure", end=date(2026, 3, 31))
    generate(tmp_path / "a", opts)
    generate(tmp_path / "b", opts)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert set(a) == {"truth.json"} | {f"{t}.parquet" for t in (
        "councils", "population", "teams", "workers", "children", "contacts", "early_help_episodes", "referrals",
        "assessments", "section47", "cin_plans", "cp_plans", "cla_episodes", "cla_reviews", "permanence",
        "care_leavers", "missing_episodes", "allocations", "visits", "cla_health", "previous_permanence", "adopters",
        "workforce_census", "vacancies", "cla_snapshots", "care_leaver_snapshots", "adopter_snapshots")}
    assert a == b


def test_another_seed_gives_other_data(tmp_path):
    generate(tmp_path / "a", SynthOptions(size="tiny", seed=11, end=date(2026, 3, 31)))
    generate(tmp_path / "b", SynthOptions(size="tiny", seed=12, end=date(2026, 3, 31)))
    assert _files(tmp_path / "a")["referrals.parquet"] != _files(tmp_path / "b")["referrals.parquet"]


def test_same_seed_same_bytes_across_processes(tmp_path):
    """Separate processes with different string-hash seeds still write the same bytes."""
    import os
    import subprocess
    import sys

    for name, hashseed in (("a", "1"), ("b", "2")):
        subprocess.run([sys.executable, "-m", "casewatch.cli", "synth", "--out", str(tmp_path / name), "--size", "tiny",
                        "--seed", "5", "--end", "2026-03-31"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": hashseed})
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
