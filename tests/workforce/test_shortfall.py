"""The cap's shortfall: weighted cases against capacity per service and team, in FTE, said before any plan."""

from casewatch.workforce.allocate import Child, Problem, Worker
from casewatch.workforce.shortfall import sentence, shortfall


def _problem():
    workers = [Worker("w1", 20, "safeguarding", "A"), Worker("w2", 10, "safeguarding", "A", fte=0.5),
               Worker("w3", 20, "safeguarding", "B"), Worker("w4", 20, "cla", "C"), Worker("gone", 20, None, "A")]
    kids = ([Child(f"a{i}", "safeguarding", current="w1") for i in range(30)]
            + [Child(f"b{i}", "safeguarding", current="w3") for i in range(10)]
            + [Child(f"u{i}", "safeguarding") for i in range(5)]
            + [Child(f"l{i}", "safeguarding", current="gone") for i in range(3)]
            + [Child(f"c{i}", "cla", current="w4", weight=0.5) for i in range(20)])
    return Problem(workers, kids)


def test_a_service_short_of_capacity_is_said_in_cases_and_fte():
    s = shortfall(_problem(), 20)
    assert s["services"]["safeguarding"] == {"service": None, "cases": 48.0, "capacity": 50.0,
                                             "short_weighted": 0.0, "short_fte": 0.0}
    assert s["services"]["cla"]["short_weighted"] == 0.0  # 20 children of weight 0.5: 10 against 20
    assert s["teams"]["A"]["cases"] == 30.0 and s["teams"]["A"]["capacity"] == 30.0
    assert sentence(s) is None  # every service fits: balancing can meet the cap


def test_the_council_is_short_by_each_service_s_shortfall_summed():
    p = _problem()
    p.children.extend(Child(f"x{i}", "safeguarding", current="w3") for i in range(17))
    s = shortfall(p, 20)
    assert (s["services"]["safeguarding"]["cases"], s["services"]["safeguarding"]["short_weighted"]) == (65.0, 15.0)
    assert (s["cases"], s["capacity"], s["short_weighted"], s["short_fte"]) == (75.0, 70.0, 15.0, 0.8)  # cla's
    # spare 10 does not cover safeguarding's 15
    assert s["teams"]["B"]["short_fte"] == 0.4  # 27 against 20: 7 weighted cases
    assert sentence(s) == ("Cases exceed capacity at cap 20: 75 weighted cases against 70 of capacity, short by 15 "
                           "weighted cases = 0.8 FTE. By service: safeguarding: 65 against 50, short by 0.8 FTE. "
                           "Teams short now: B 0.4 FTE.")
