"""The rule engine: registry per year with inheritance and override, and loud failure of a broken rule."""

import duckdb

from casewatch.returns.core import ReturnFile
from casewatch.returns.stage import stage
from casewatch.rules import engine
from casewatch.rules.run import run_rules


def _register(code, since=2017, until=None, sql="SELECT _file, _row FROM episodes WHERE false"):
    r = engine.rule(code, "ssda903", f"test rule {code}", tables=("episodes",), fields=("DECOM",), since=since,
                    until=until)(lambda year: sql)
    return r


def test_registry_inherits_and_overrides_by_year(monkeypatch):
    monkeypatch.setattr(engine, "_ALL", [])
    monkeypatch.setattr(engine, "_loaded", True)
    old = _register("T1")
    new = _register("T1", since=2022)
    gone = _register("T2", until=2019)
    assert engine.registry("ssda903", 2018) == {"T1": old, "T2": gone}
    assert engine.registry("ssda903", 2021) == {"T1": old}
    assert engine.registry("ssda903", 2024) == {"T1": new}


def test_a_rule_that_raises_is_reported_as_failed_not_passed(monkeypatch):
    monkeypatch.setattr(engine, "_ALL", [])
    monkeypatch.setattr(engine, "_loaded", True)
    _register("BROKEN", sql="SELECT _file, _row FROM episodes WHERE CHILD = 'secret-1' AND no_such_column")
    _register("OK", sql="SELECT _file, _row, CHILD AS child FROM episodes")
    f = ReturnFile("e.csv", "ssda903", 2024, records=1)
    f.builder("ssda903.episodes").add(2, {"CHILD": "42", "DECOM": "01/04/2023"})
    con = duckdb.connect()
    stage(con, [f])
    run = run_rules(con, ("ssda903",))
    assert [(k, c, y) for k, c, y, _ in run.failed] == [("ssda903", "BROKEN", 2024)]
    failed = [i for i in run.issues if i.severity == "failed"]
    assert [i.rule for i in failed] == ["BROKEN"] and "could not run" in failed[0].message
    assert "secret-1" not in failed[0].message
    assert [(i.rule, i.row, i.child) for i in run.issues if i.severity != "failed"] == [("OK", 2, "42")]


def test_every_shipped_rule_has_a_test_in_its_file_and_is_alone_there():
    import importlib
    import inspect
    from collections import Counter

    per_module = Counter(r.module for r in engine.all_rules())
    assert [m for m, n in per_module.items() if n > 1] == []
    for r in engine.all_rules():
        mod = importlib.import_module(r.module)
        tests = [n for n, _ in inspect.getmembers(mod, inspect.isfunction) if n.startswith("test")]
        assert tests, f"{r.module} has no test"
        assert mod.__name__.rsplit(".", 1)[-1].startswith("rule_"), r.module


def test_a_rule_comparing_with_last_year_runs_only_when_last_year_is_loaded(monkeypatch):
    monkeypatch.setattr(engine, "_ALL", [])
    monkeypatch.setattr(engine, "_loaded", True)
    engine.rule("NEW", "ssda903", "child not in last year's return", tables=("episodes", "episodes_last"))(
        lambda year: "SELECT _file, _row, CHILD AS child FROM episodes "
                     "WHERE CHILD NOT IN (SELECT CHILD FROM episodes_last)")
    files = []
    for year, child in ((2023, "1"), (2024, "1"), (2024, "2")):
        f = ReturnFile(f"e{year}{child}.csv", "ssda903", year, records=1)
        f.builder("ssda903.episodes").add(2, {"CHILD": child, "DECOM": f"01/05/{year - 1}"})
        files.append(f)
    con = duckdb.connect()
    stage(con, files)
    run = run_rules(con, ("ssda903",))
    assert [(i.rule, i.file, i.child) for i in run.issues] == [("NEW", "e20242.csv", "2")]
    assert run.skipped == [("ssda903", "NEW", 2023, "needs the year before's return")]  # 2022-23 has no year before it loaded: not run, said so


def test_an_issue_says_the_value_found_and_what_the_rule_allows():
    from casewatch.returns.ssda903.spec import codes
    from casewatch.rules.ssda903 import rule_102, rule_103, rule_178
    from casewatch.rules.testing import issues

    found = issues(rule_103.rule, 2024, header="""
        CHILD | ETHNIC
        1     | WBRI
        2     |
        3     | ZZ9
    """)
    assert [(i.row, i.field, i.value) for i in found] == [(3, "ETHNIC", None), (4, "ETHNIC", "ZZ9")]
    assert found[0].expected == "one of: " + ", ".join(codes(2024, "header", "ETHNIC")) + " (not blank)"
    assert "ZZ9" not in found[1].message  # the value is a field of the issue, never in its message
    dob = issues(rule_102.rule, 2024, header="""
        CHILD | DOB
        1     | 01/02/2010
        2     | !31/02/2010
    """)
    assert [(i.row, i.value, i.expected) for i in dob] == [(3, "31/02/2010", "a date, dd/mm/yyyy (not blank)")]
    provider = issues(rule_178.sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | T0    | PR1
    """)
    assert [(i.row, i.value, i.expected) for i in provider] == [(2, "PR1", None)]
