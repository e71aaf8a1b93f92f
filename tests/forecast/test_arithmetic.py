"""The projection and scenario arithmetic, checked by hand on tiny cases."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from casewatch.forecast.project import month_ends, project
from casewatch.forecast.scenario import Scenario, ScenarioError, apply, load
from casewatch.forecast.states import EXIT, INDEX, STATES

S = len(STATES)
A = INDEX[("10-16", "residential")]
B = INDEX[("10-16", "in_house_fostering")]


def test_month_ends():
    assert month_ends(date(2025, 3, 31), 3) == [date(2025, 4, 30), date(2025, 5, 31), date(2025, 6, 30)]
    assert month_ends(date(2025, 3, 15), 2) == [date(2025, 3, 31), date(2025, 4, 30)]
    assert month_ends(date(2024, 1, 31), 1) == [date(2024, 2, 29)]


def test_entries_only_add_up_day_by_day():
    """10 children, no one moves or leaves, 0.5 a day come in: 10 + 0.5 x 30 = 25 on 30 April."""
    stock, h, e = np.zeros(S), np.zeros((S, S + 1)), np.zeros(S)
    stock[A], e[A] = 10, 0.5
    p = project(stock, h, e, date(2025, 3, 31), 2, runs=200)
    assert p.total[0] == pytest.approx(25.0)
    assert p.total[1] == pytest.approx(25.0 + 0.5 * 31)
    assert p.simulated.sum(axis=2).mean(axis=0)[0] == pytest.approx(25.0, abs=0.5)


def test_leaving_compounds_daily():
    """10 children leaving at 1% a day: 10 x 0.99^30 = 7.397 after 30 days."""
    stock, h = np.zeros(S), np.zeros((S, S + 1))
    stock[A], h[A, EXIT] = 10, 0.01
    p = project(stock, h, np.zeros(S), date(2025, 3, 31), 1, runs=2000)
    assert p.total[0] == pytest.approx(10 * 0.99 ** 30)
    assert p.simulated.sum(axis=2).mean() == pytest.approx(10 * 0.99 ** 30, abs=0.1)


def test_a_scenario_scales_entries_and_adds_a_step_down():
    h, e = np.zeros((S, S + 1)), np.full(S, 0.1)
    s = Scenario("fewer entries, more step-down", entry_multiplier=0.9, entry_by_age={"10-16": 0.5},
                 step_down_per_year=0.2)
    h2, e2 = apply(s, h, e)
    assert e2[INDEX[("0-1", "kinship")]] == pytest.approx(0.09)
    assert e2[A] == pytest.approx(0.1 * 0.9 * 0.5)
    assert h2[A, B] == pytest.approx(-math.log(0.8) / 365.25)  # 0.000611 a day: 20% a year on its own
    assert h2[INDEX[("5-10", "residential")], INDEX[("5-10", "in_house_fostering")]] == pytest.approx(0.000611, abs=1e-6)
    assert (h2[B] == 0).all()
    # 100 children in residential, nothing else happening: a year later 80 are left there, 20 in fostering
    stock = np.zeros(S)
    stock[A] = 100
    p = project(stock, h2, np.zeros(S), date(2025, 3, 31), 12, runs=200)
    assert p.mean[-1, A] == pytest.approx(80.0, abs=0.1)
    assert p.mean[-1, B] == pytest.approx(20.0, abs=0.1)


def test_a_scenario_file_and_its_errors(tmp_path):
    f = tmp_path / "early_help.toml"
    f.write_text('name = "Early help"\n[entries]\nmultiplier = 0.9\nby_age = { "10-16" = 0.8 }\n'
                 '[step_down]\nresidential_per_year = 0.15\n[costs]\nresidential = 4800\n')
    s = load(f)
    assert (s.name, s.entry_multiplier, s.entry_by_age, s.step_down_per_year, s.costs) == (
        "Early help", 0.9, {"10-16": 0.8}, 0.15, {"residential": 4800.0})
    for body, says in (("[entries]\nmultiplier = -1\n", "entries.multiplier must be a number from 0 to 10"),
                       ("[entries]\nby_age = { \"teens\" = 1 }\n", "no age band 'teens'"),
                       ("[costs]\nhotel = 10\n", "no placement category 'hotel'"),
                       ("[weather]\n", "unknown section or key 'weather'"), ("name = \n", "not valid TOML")):
        f.write_text(body)
        with pytest.raises(ScenarioError, match=f"early_help.toml: .*{says}"):
            load(f)
