"""Data-quality rules, in the style of the DfE's validators: one rule per file, its test beside it.

A rule is a SQL query over the staging tables of one return and one collection year (``returns/staging.py``),
written against the DfE's own table and column names, that selects the rows breaking it::

    @rule("103", "ssda903", "The ethnicity code is either not valid or has not been entered.",
          tables=("header",), fields=("ETHNIC",))
    def sql(year: int) -> str:
        return f"SELECT _file, _row, CHILD AS child FROM header WHERE ETHNIC IS NULL OR ETHNIC NOT IN (...)"

The query must return ``_file`` and ``_row``; it may return ``_line`` (where a nested XML element is),
``child``, ``field`` (when it is not ``fields[0]``), ``_table`` (when it is not ``tables[0]``), ``value`` and
``expected``. When it returns no ``value``, the runner looks up what ``fields[0]`` held on the flagged row
(``run.py``); ``expected=`` on the decorator says in words what the field may hold that year (a code list
rule says its codes).

A cross-return rule (casewatch's own, ``CW-X..``) names the other return's staging tables qualified
(``cin.cin_details``, all years: it filters ``_year`` itself) and runs only when that return is loaded too.
A rule that compares the return with last year's names the year before's tables with ``_last``
(``episodes_last``) and lists them in ``tables``; it runs only when last year's return is loaded with this
year's, and is otherwise reported as skipped (never as a pass).

The registry for a collection year inherits the previous year's: every rule applies from ``since`` until
``until`` (inclusive, None = still in force), and a rule file with the same code and a later ``since``
overrides the earlier one from that year. ``quarantine=True`` marks a rule whose failing rows cannot be
trusted in the canonical model (they go to ``quarantine`` with the rule's code and message); other rules
only report.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

RETURN_KINDS = ("ssda903", "cin", "annex_a", "swwc", "cms")
FIRST_YEAR, LAST_YEAR = 2017, 2027  # collection years 2016-17 .. 2026-27


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    message: str
    tables: tuple[str, ...]
    fields: tuple[str, ...]
    severity: str
    since: int
    until: int | None
    quarantine: bool
    sql: Callable[[int], str]
    module: str
    expected: Callable[[int], str | None] | None = None  # what the field may hold that year, in words

    @property
    def needs_last_year(self) -> bool:
        """The rule compares with last year's return (a table named ``*_last``): run only when it is loaded."""
        return any(t.endswith("_last") for t in self.tables)

    @property
    def other_returns(self) -> tuple[str, ...]:
        """Returns other than its own a cross-return rule reads (tables named ``cin.cin_details``): it runs only
        when they are loaded (for the same collection year; the CMS extract has none)."""
        return tuple(sorted({t.split(".")[0] for t in self.tables if "." in t} - {self.kind}))

    def applies(self, year: int) -> bool:
        return self.since <= year and (self.until is None or year <= self.until)


_ALL: list[Rule] = []


def rule(code: str, kind: str, message: str, *, tables: tuple[str, ...], fields: tuple[str, ...] = (),
         severity: str = "error", since: int = FIRST_YEAR, until: int | None = None,
         quarantine: bool = False, expected: Callable[[int], str | None] | None = None,
         ) -> Callable[[Callable[[int], str]], Rule]:
    if kind not in RETURN_KINDS:
        raise ValueError(f"rule {code}: unknown return kind {kind!r}")
    if severity not in ("error", "query"):
        raise ValueError(f"rule {code}: severity must be error or query")

    def wrap(fn: Callable[[int], str]) -> Rule:
        r = Rule(code, kind, message, tuple(tables), tuple(fields), severity, since, until, quarantine, fn,
                 fn.__module__, expected)
        _ALL.append(r)
        return r

    return wrap


_loaded = False


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    import casewatch.rules as pkg

    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.name.rsplit(".", 1)[-1].startswith("rule_"):
            importlib.import_module(info.name)
    _loaded = True


def all_rules() -> list[Rule]:
    _load_all()
    return list(_ALL)


def registry(kind: str, year: int) -> dict[str, Rule]:
    """The rules in force for one return in one collection year, by code."""
    chosen: dict[str, Rule] = {}
    for r in all_rules():
        if r.kind == kind and r.applies(year) and (r.code not in chosen or r.since > chosen[r.code].since):
            chosen[r.code] = r
    return dict(sorted(chosen.items(), key=lambda kv: _sort_key(kv[0])))


def _sort_key(code: str):
    head = code.split("-")[-1]
    digits = "".join(ch for ch in head if ch.isdigit())
    return (not code[:1].isdigit(), int(digits) if digits else 0, code)
