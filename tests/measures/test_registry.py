"""The indicator registry, the check before an indicator runs, a council's own indicators and lists (a folder of
TOML files), and the public measures API (open_council)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import duckdb
import pytest

from casewatch.lists.define import LISTS
from casewatch.lists.run import run_lists
from casewatch.measures.api import IndicatorError, open_council
from casewatch.measures.catalogue import registry
from casewatch.measures.compute import compute, unknown_columns
from casewatch.measures.define import REGISTRY, Indicator
from casewatch.measures.local import forget, load_folder
from casewatch.measures.run import indicators
from casewatch.measures.scope import periods
from casewatch.measures.testing import database
from casewatch.standards import load as load_standards

PE = date(2025, 3, 31)
REFERRALS = """
    child_id | referral_date
    1        | 2024-06-01
    2        | 2024-07-01
"""
ALLOCATIONS = """
    child_id | worker_id | team_id | start_date
    1        | W1        | T1      | 2024-01-01
    2        | W1        | T1      | 2024-01-01
"""
IN_YEAR = "FROM periods p JOIN referrals r ON r.referral_date BETWEEN p.ps AND p.pe"


def _referrals(units: str) -> Indicator:
    return Indicator(id="local_referrals", title="Referrals", description="Referrals in the year.", source="test",
                     area="Front door", unit="count", polarity=None, period="year", numerator="referrals",
                     denominator=None, units=units)


def _compute(ind: Indicator):
    con = database(referrals=REFERRALS, allocations=ALLOCATIONS)
    try:
        periods(con, [PE])
        return compute(con, [ind])
    finally:
        con.close()


def test_a_well_shaped_indicator_puts_each_child_with_the_worker_holding_the_case():
    figs = _compute(_referrals(f"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS num {IN_YEAR}"))
    assert {f.group: f.value for f in figs if f.breakdown == "worker"} == {"W1": 2}
    assert {f.group: f.value for f in figs if f.breakdown == "age_band"} == {"5-9": 2}


def test_an_indicator_whose_result_lacks_child_id_is_refused_not_counted_as_unallocated():
    # before the check the engine put NULL for the missing column: both referrals came out under worker
    # 'unallocated' and age band 'unknown', with no error
    with pytest.raises(IndicatorError) as exc:
        _compute(_referrals(f"SELECT p.pe, r.referral_date AS dated, 1 AS num {IN_YEAR}"))
    assert "local_referrals" in str(exc.value) and "'child_id'" in str(exc.value)


def test_an_indicator_returning_a_misnamed_column_is_refused_naming_both():
    with pytest.raises(IndicatorError) as exc:
        _compute(_referrals(f"SELECT p.pe, r.child_id, r.referral_date AS date, 1 AS num {IN_YEAR}"))
    assert "local_referrals" in str(exc.value) and "'dated'" in str(exc.value) and "'date'" in str(exc.value)


def test_an_indicator_naming_a_column_its_table_lacks_is_refused_naming_table_and_column():
    with pytest.raises(IndicatorError) as exc:
        _compute(_referrals("SELECT p.pe, r.child_id, r.referal_date AS dated, 1 AS num FROM periods p "
                            "JOIN referrals r ON r.referal_date BETWEEN p.ps AND p.pe"))
    assert "indicator local_referrals" in str(exc.value) and "referrals.referal_date" in str(exc.value)


def test_a_percentage_without_den_is_refused():
    ind = Indicator(id="local_pct", title="x", description="x", source="x", area="x", unit="percent",
                    polarity="higher", period="year", numerator="x", denominator="y",
                    units=f"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS num {IN_YEAR}")
    with pytest.raises(IndicatorError, match="local_pct.*'den'"):
        _compute(ind)


def test_every_indicator_we_ship_passes_the_check_and_names_only_real_columns():
    assert len(REGISTRY) >= 45
    assert [i.id for i in REGISTRY.values() if unknown_columns(i.units)] == []


def test_the_registry_loads_itself_without_importing_any_indicator_module():
    code = ("from casewatch.measures.define import REGISTRY; from casewatch.lists.define import LISTS; "
            "print(len(REGISTRY), 'contacts' in REGISTRY, 'cp_visits' in LISTS)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin"}).stdout.split()
    assert out == [str(len(REGISTRY)), "True", "True"]


OWN = '''
[[indicator]]
id = "referrals_police_local"
title = "Referrals from the police"
description = "Referrals in the year whose source is the police (CIN census 5A)."
area = "Front door"
unit = "count"
polarity = "none"
numerator = "referrals in the year from the police"
sql = """SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS num FROM periods p
         JOIN referrals r ON r.referral_date BETWEEN p.ps AND p.pe WHERE r.source = '5A'"""

[[list]]
name = "cp_plan_two_years_local"
title = "On a child protection plan for two years"
rule = "a plan open two years is reviewed by the head of service"
sql = """SELECT p.child_id, (p.start_date + INTERVAL 2 YEAR)::DATE AS due_date, 'plan open two years' AS what
         FROM cp_plans p WHERE p.start_date <= {d} AND (p.end_date IS NULL OR p.end_date > {d})"""
'''


@pytest.fixture
def own(tmp_path):
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "front_door.toml").write_text(OWN)
    yield folder
    forget(folder)


def test_a_councils_own_indicator_is_computed_and_equals_an_independent_count(councils, own):
    _, db = councils.loaded(size="tiny")
    registry(own)
    assert "referrals_police_local" in REGISTRY and REGISTRY["referrals_police_local"].polarity is None
    ctx, items = indicators(str(db), ids=["referrals_police_local"])
    value = next(i["value"] for i in items if i["breakdown"] is None)
    with duckdb.connect(str(db), read_only=True) as con:
        expected = con.execute("SELECT count(*) FROM referrals WHERE source = '5A' AND referral_date BETWEEN ? AND ?",
                               [date(ctx.period_end.year - 1, 4, 1), ctx.period_end]).fetchone()[0]
    assert expected > 0 and value == expected


def test_a_councils_own_list_runs_with_ours(councils, own):
    _, db = councils.loaded(size="tiny")
    load_folder(own)
    assert list(LISTS)[-1] == "cp_plan_two_years_local"
    std = load_standards(None)
    with open_council(db) as (con, ctx):
        rows = run_lists(con, ctx.data_to, std, ["cp_plan_two_years_local"])
        ahead = int(std["lists"]["look_ahead_days"])
        expected = con.execute("""SELECT count(*) FROM cp_plans WHERE start_date <= $d
            AND (end_date IS NULL OR end_date > $d) AND start_date + INTERVAL 2 YEAR <= $d + $a""",
                               {"d": ctx.data_to, "a": ahead}).fetchone()[0]
    assert len(rows) == expected
    assert {r.rule for r in rows} <= {"a plan open two years is reviewed by the head of service"}


def test_a_councils_own_indicator_naming_a_missing_column_is_refused_on_reading(tmp_path):
    (tmp_path / "bad.toml").write_text(OWN.replace("r.source = '5A'", "r.referral_source = '5A'"))
    with pytest.raises(IndicatorError) as exc:
        load_folder(tmp_path)
    assert "bad.toml" in str(exc.value) and "referrals.referral_source" in str(exc.value)
    assert "referrals_police_local" not in REGISTRY


def test_a_councils_own_indicator_cannot_take_the_name_of_ours(tmp_path):
    (tmp_path / "clash.toml").write_text(OWN.replace("referrals_police_local", "contacts"))
    with pytest.raises(IndicatorError, match="contacts: defined twice"):
        load_folder(tmp_path)
    assert REGISTRY["contacts"].title == "Contacts received"


def test_open_council_yields_the_council_scoped_and_its_context(councils):
    _, db = councils.loaded(size="tiny", seed=2, councils=2)
    with duckdb.connect(str(db), read_only=True) as raw:
        ids = [r[0] for r in raw.execute("SELECT council_id FROM councils ORDER BY 1").fetchall()]
        second, data_to = raw.execute("SELECT council_id, data_to FROM councils ORDER BY 1 DESC").fetchone()
        theirs = raw.execute("SELECT count(*) FROM referrals r JOIN children c USING (child_id) "
                             "WHERE c.council_id = ?", [second]).fetchone()[0]
    with open_council(db, council=second) as (con, ctx):
        assert (ctx.council_id, ctx.data_to, ctx.period_end) == (second, data_to, date(data_to.year, 3, 31)
                                                               if (data_to.month, data_to.day) >= (3, 31)
                                                               else date(data_to.year - 1, 3, 31))
        assert con.execute("SELECT count(*) FROM referrals").fetchone()[0] == theirs
    with pytest.raises(duckdb.Error):
        con.execute("SELECT 1")  # closed on leaving the block
    with pytest.raises(IndicatorError, match="several councils"), open_council(db):
        pass
    assert len(ids) == 2


def test_the_examples_in_the_docs_are_read_as_written(tmp_path):
    import re
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    for page in ("indicators.md", "lists.md"):
        text = (docs / page).read_text()
        block = re.search(r"```toml\n(\[\[(?:indicator|list)\]\].*?)```", text, re.S).group(1)
        (tmp_path / page.replace(".md", ".toml")).write_text(block)
    try:
        assert sorted(load_folder(tmp_path)) == ["cp_plan_two_years", "referrals_police"]
        assert REGISTRY["referrals_police"].unit == "count" and LISTS["cp_plan_two_years"].basis == "local standard"
    finally:
        forget(tmp_path)
    assert "referrals_police" not in REGISTRY and "cp_plan_two_years" not in LISTS


def test_the_command_line_takes_a_councils_own_folder_and_says_what_is_wrong_with_it(own, tmp_path):
    from cli.helpers import run

    listed = run("indicators", "--list", "--indicators-dir", own).stdout
    assert "referrals_police_local" in listed and "Referrals from the police" in listed
    assert "referrals_police_local" in run("indicators", "--list", env={"CASEWATCH_INDICATORS_DIR": str(own)}).stdout
    (tmp_path / "bad.toml").write_text(OWN.replace("r.child_id, r.referral_date", "r.child, r.referral_date"))
    said = run("indicators", "--list", "--indicators-dir", tmp_path, expect=2).stderr
    assert "bad.toml" in said and "referrals.child" in said


@pytest.mark.parametrize(("change", "said"), [
    ("'plan open two years' AS what", "returns no column 'what'"),
    ("(p.start_date + INTERVAL 2 YEAR)::DATE AS due_date", "returns no column 'due_date'"),
    ("(p.start_date + INTERVAL 2 YEAR)::DATE AS due_date", "gives 'due_date' as VARCHAR, not a DATE"),
    ("FROM cp_plans p", "its SQL cannot run"),
    ("{d})", "its SQL has a {...} that is not {d}"),
])
def test_a_councils_own_list_of_the_wrong_shape_is_an_error_naming_it(councils, tmp_path, change, said):
    """A council's list whose result lacks a column the lists read, or gives the due date as text, is refused
    before it runs with the list's name and what is wrong (it was a database error, or a crash on .isoformat)."""
    replacement = {"returns no column 'what'": "'plan open two years' AS reason",
                   "returns no column 'due_date'": "(p.start_date + INTERVAL 2 YEAR)::DATE AS due",
                   "gives 'due_date' as VARCHAR, not a DATE": "'soon' AS due_date",
                   "its SQL cannot run": "FROM cp_plan p",
                   "its SQL has a {...} that is not {d}": "{day})"}[said]
    (tmp_path / "bad.toml").write_text(OWN.replace(change, replacement, 1))
    _, db = councils.loaded(size="tiny")
    try:
        load_folder(tmp_path)
        with open_council(db) as (con, ctx), pytest.raises(IndicatorError) as exc:
            run_lists(con, ctx.data_to, load_standards(None), ["cp_plan_two_years_local"])
        assert "list cp_plan_two_years_local" in str(exc.value) and said in str(exc.value)
    finally:
        forget(tmp_path)
