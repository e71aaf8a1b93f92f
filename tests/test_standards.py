"""One settings object: the standards file (casewatch.standards) sets the caseload cap, the ASYE factor and the
visit timescales for the indicators, caseloads, lists, the balancer, the report and the web alike; `--set` only
lays a value over it for one run."""

from __future__ import annotations

import json
from datetime import date

import pytest

from casewatch import standards
from casewatch.cli import main
from casewatch.measures.define import REGISTRY

ON = "2026-03-31"  # the fixed end of the synthetic councils (conftest.END)


def _standards_file(tmp_path, cap: float):
    path = tmp_path / f"cap_{cap:g}.toml"
    path.write_text(f"[caseload]\ncap = {cap:g}\n")
    return path


def _over_cap_in_caseloads(capsys, db, *args) -> tuple[int, int]:
    """(case holders over their cap, case holders) as `casewatch caseloads` says on the day."""
    assert main(["caseloads", "--db", str(db), "--date", ON, *args, "--format", "json"]) == 0
    workers = json.loads(capsys.readouterr().out)["workers"]
    return sum(w["over_cap"] for w in workers), len(workers)


def _over_cap_indicator(capsys, db, *args) -> tuple[int, int]:
    """(numerator, denominator) of `caseload_over_cap_pct` at the period end."""
    assert main(["indicators", "--db", str(db), "--period-end", ON, "--id", "caseload_over_cap_pct", *args,
                 "--format", "json"]) == 0
    item = json.loads(capsys.readouterr().out)[0]
    return item["numerator"], item["denominator"]


def test_a_cap_of_10_in_the_standards_file_reaches_caseloads_and_the_indicator_alike(councils, capsys, tmp_path):
    # issue 22: with the cap at 10 in a standards file, `caseloads` said 26 of 27 case holders over their cap and
    # the indicator 0% (it kept its own cap of 20, and ignored the ASYE factor: 25 even with --set cap=10)
    _, db = councils.loaded(size="tiny", seed=1)
    file = _standards_file(tmp_path, 10)
    over, holders = _over_cap_in_caseloads(capsys, db, "--standards", str(file))
    assert _over_cap_indicator(capsys, db, "--standards", str(file)) == (over, holders)
    at_20 = _over_cap_in_caseloads(capsys, db)
    assert over > at_20[0] and holders > 0  # the file's cap is what made the difference
    assert _over_cap_indicator(capsys, db) == at_20  # and without a file both take the shipped cap of 20


def test_weights_in_the_standards_file_reach_the_indicator_as_they_reach_caseloads(councils, capsys, tmp_path):
    # a review found the indicator counting cases while the caseloads page and the balancer weigh them: with
    # a child in care weighing 3 the two disagreed on who is over the cap
    _, db = councils.loaded(size="tiny", seed=1)
    file = tmp_path / "weights.toml"
    file.write_text("[caseload]\ncap = 20\n[caseload.weights]\ncla = 3\ncp = 2\nassessment = 0.5\n")
    over, holders = _over_cap_in_caseloads(capsys, db, "--standards", str(file))
    assert _over_cap_indicator(capsys, db, "--standards", str(file)) == (over, holders)
    assert over > _over_cap_in_caseloads(capsys, db)[0]  # the weights made the difference, not the cap


def test_set_overrides_the_standards_file(councils, capsys, tmp_path):
    _, db = councils.loaded(size="tiny", seed=1)
    at_10 = _over_cap_indicator(capsys, db, "--standards", str(_standards_file(tmp_path, 10)))
    at_15 = _over_cap_in_caseloads(capsys, db, "--standards", str(_standards_file(tmp_path, 15)))
    got = _over_cap_indicator(capsys, db, "--standards", str(_standards_file(tmp_path, 10)), "--set",
                              "caseload_cap=15")
    assert got == at_15 and got != at_10


def test_a_standard_that_is_not_known_is_an_error_naming_it(councils, capsys, tmp_path):
    _, db = councils.loaded(size="tiny", seed=1)
    bad = tmp_path / "bad.toml"
    bad.write_text("[caseload]\ncap = 10\ncaseload_capp = 3\n")
    with pytest.raises(standards.StandardsError, match=r"caseload\.caseload_capp: not a casewatch standard"):
        standards.load(bad)
    for command in (["indicators", "--id", "caseload_over_cap_pct"], ["caseloads"], ["lists"]):
        assert main([command[0], "--db", str(db), *command[1:], "--standards", str(bad)]) == 2
        assert "caseload.caseload_capp: not a casewatch standard" in capsys.readouterr().err
    assert main(["indicators", "--db", str(db), "--set", "caseload_capp=3"]) == 2
    assert "--set caseload_capp: no indicator has a setting of that name" in capsys.readouterr().err


def test_every_indicator_setting_is_a_standard_and_takes_its_value_from_the_file(tmp_path):
    from casewatch.measures.compute import in_force, render

    shipped = standards.flat(standards.load())
    taken = {standard for ind in REGISTRY.values() for standard in ind.params.values()}
    assert taken == {"caseload_cap", "caseload_asye_factor", "visits_cp_working_days", "visits_cla_first_days",
                     "visits_cla_year1_days", "visits_cla_later_days", "caseload_weights_cla", "caseload_weights_cp",
                     "caseload_weights_cin", "caseload_weights_assessment"}
    assert taken <= set(shipped)
    file = tmp_path / "council.toml"
    file.write_text("[visits]\ncp_working_days = 15\n[caseload]\nasye_factor = 0.5\n")
    council = standards.load(file)
    cp = render(REGISTRY["cp_visits_on_time_pct"], in_force(council))
    assert "15" in cp and "15" not in render(REGISTRY["cp_visits_on_time_pct"])
    over = render(REGISTRY["caseload_over_cap_pct"], in_force(council, {"cap": "18"}))  # the indicator's own name
    assert "18 * fte * CASE WHEN asye THEN 0.5 ELSE 1 END" in over


def test_override_names_standards_flat_and_leaves_the_object_as_it_was():
    shipped = standards.load()
    changed = standards.override(shipped, {"caseload_cap": "15", "caseload_weights_cla": 2, "lists_look_ahead_days": 3})
    assert changed["caseload"]["cap"] == 15 and changed["caseload"]["weights"]["cla"] == 2
    assert changed["lists"]["look_ahead_days"] == 3
    assert shipped["caseload"]["cap"] == 20 and shipped["caseload"]["weights"]["cla"] == 1.0
    with pytest.raises(standards.StandardsError, match="caseload_capp: not a casewatch standard"):
        standards.override(shipped, {"caseload_capp": 15})
    with pytest.raises(standards.StandardsError, match="is not a number of 0 or more"):
        standards.override(shipped, {"caseload_cap": "-1"})


def test_the_report_takes_the_indicators_standards_from_the_file_it_is_given(councils, capsys, tmp_path):
    from casewatch.outputs.content import build

    _, db = councils.loaded(size="tiny", seed=1)
    file = _standards_file(tmp_path, 10)
    over, holders = _over_cap_in_caseloads(capsys, db, "--standards", str(file))
    report = build(str(db), date.fromisoformat(ON), standards=standards.load(file))
    line = report.line("caseload_over_cap_pct")
    assert (line.numerator, line.denominator) == (over, holders)
    assert report.shortfall["cap"] == 10  # the FTE shortfall reads the same file
