"""Decision 0017: a care episode with a child and a usable DECOM is never quarantined. Faults the DfE flags (an
overlap, REC without DEC, DEC without REC, a code valid only in some years) are loaded, repaired as the DfE's
statistics treat them, and reported; the headline figures equal those of the same return without the faults."""

from __future__ import annotations

import collections
import csv

import pytest

from casewatch import jobs
from casewatch.returns.write_all import write_returns

YEAR = 2026


def _figures(db) -> tuple:
    got = jobs.summary(db).figures
    return got["cla_at_31_march"], got["cla_starts"], got["cla_ceased"]


@pytest.fixture(scope="module")
def clean(councils, tmp_path_factory):
    root = tmp_path_factory.mktemp("policy")
    write_returns(councils.synth(size="tiny", seed=1), root / "returns")
    db = root / "clean.duckdb"
    jobs.load([root / "returns" / "ssda903"], db)
    return root / "returns" / "ssda903", _figures(db)


def _damage(src, dst, how) -> int:
    import shutil

    shutil.copytree(src, dst)
    f = dst / f"SSDA903_{YEAR}_episodes.csv"
    with open(f, newline="") as fh:
        rows = list(csv.reader(fh))
    i = {c: n for n, c in enumerate(rows[0])}
    n = how(rows[1:], i)
    with open(f, "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return n


def _quarantined(db) -> int:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM quarantine WHERE table_name = 'cla_episodes'").fetchone()[0]


def _issues(db, rule) -> int:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM data_issues WHERE rule = ?", [rule]).fetchone()[0]


def overlap(rows, i) -> int:
    """The first of two episodes ends after the second starts (rule 501)."""
    by = collections.defaultdict(list)
    for r in rows:
        by[r[i["CHILD"]]].append(r)
    n = 0
    for eps in by.values():
        if len(eps) >= 2 and eps[0][i["DEC"]] and n < 8:
            eps[0][i["DEC"]] = eps[1][i["DEC"]] or f"31/03/{YEAR}"
            n += 1
    return n


def rec_without_dec(rows, i) -> int:
    hit = [r for r in rows if not r[i["DEC"]]][:6]
    for r in hit:
        r[i["REC"]] = "E11"
    return len(hit)


def dec_without_rec(rows, i) -> int:
    hit = [r for r in rows if r[i["DEC"]]][:6]
    for r in hit:
        r[i["REC"]] = ""
    return len(hit)


def custod(rows, i) -> int:
    """CUSTOD is valid from 2018-19; the model's own code list refused it in every year."""
    for r in rows[:15]:
        r[i["REASON_PLACE_CHANGE"]] = "CUSTOD"
    return 15


@pytest.mark.parametrize("damage, rule", [(overlap, "CW-903-OVERLAP"), (rec_without_dec, "CW-903-REC"),
                                          (dec_without_rec, "CW-903-REC"), (custod, None)])
def test_no_child_in_care_vanishes(damage, rule, clean, tmp_path):
    src, figures = clean
    n = _damage(src, tmp_path / "ssda903", damage)
    assert n > 0
    db = tmp_path / "damaged.duckdb"
    jobs.load([tmp_path / "ssda903"], db)
    assert _quarantined(db) == 0
    assert _figures(db) == figures
    if rule:
        assert _issues(db, rule) == n


def test_provr_is_in_no_year():
    from casewatch.model import codes

    assert "CUSTOD" in codes.REASON_PLACE_CHANGE and "PROVR" not in codes.REASON_PLACE_CHANGE
