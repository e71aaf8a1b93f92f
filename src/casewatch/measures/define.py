"""What an indicator is: a small declarative definition, and the registry of them.

An indicator's ``units`` SQL returns one row per thing counted (a referral, a child, a worker) for every period
at once: it reads the council's canonical tables and the ``periods`` table (one row per period end: ``pe`` the
period end, ``ps`` the start of the 12 months to it, ``ps3`` the start of the three years to it, ``mid_year``
the population estimate used for rates) and returns these columns:

- ``pe``: the period end the row counts towards;
- ``num``: its contribution to the numerator (1/0 for a count or a percentage, days for a mean, cases for a
  caseload);
- ``den``: its contribution to the denominator (1 for a percentage or a mean, FTE for a caseload; NULL for
  a count or a rate, whose denominator is the child population);
- ``child_id``, ``dated``: the child and the date the row describes. The engine finds from them the team and
  worker holding the case that day, and the child's age band, sex, ethnicity and disability;
- optionally ``worker_id`` (the row is about a worker: workforce measures), ``legal_status`` and
  ``placement`` (903 codes on the day: children in care measures).

The engine (``compute.py``) adds the breakdowns and aggregates by the indicator's ``unit``. Nothing here
knows about breakdowns but their names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import import_module

from casewatch import standards
from casewatch.errors import CasewatchError


class IndicatorError(CasewatchError):
    """The indicators cannot be computed as asked (no such council, period not yet in the data, an indicator
    whose SQL names a column that is not there...)."""


UNITS = {
    "count": "a count",
    "percent": "a percentage: 100 x numerator / denominator",
    "per_10k": "a rate per 10,000 children aged 0-17 (ONS mid-year estimate)",
    "mean": "a mean: numerator / denominator",
    "median": "the median of the units' values",
    "ratio": "a ratio: numerator / denominator",
}
PERIOD_KINDS = {
    "year": "the 12 months to the period end (1 April to 31 March for a 31 March period end)",
    "snapshot": "on the period end date",
    "three_years": "the three years to the period end (as the DfE's adoption scorecard)",
}
CHILD_BREAKDOWNS = ("team", "worker", "age_band", "sex", "ethnicity", "disability")
CLA_BREAKDOWNS = CHILD_BREAKDOWNS + ("legal_status", "placement_type")
WORKER_BREAKDOWNS = ("team", "worker")
RATE_BREAKDOWNS = ("age_band",)
BREAKDOWNS = {
    "team": "the team holding the case on the date the unit describes (or the worker's team)",
    "worker": "the worker holding the case on that date ('unallocated' if none)",
    "age_band": "the child's age on that date in the DfE's bands: under 1, 1-4, 5-9, 10-15, 16+",
    "sex": "M, F or U",
    "ethnicity": "the DfE's major ethnic groups (White, Mixed, Asian, Black, Other, Refused/not obtained)",
    "disability": "a disability recorded: yes, no, not recorded",
    "legal_status": "903 legal status on that date, grouped: care order, placement order, s20, other",
    "placement_type": "903 placement on that date, grouped: foster, adoption, residential, with parents, "
                      "independent living, other",
}


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    description: str  # plain English: what a head of service would say it is
    source: str  # the regulation, statutory guidance or DfE methodology it follows
    area: str
    unit: str
    polarity: str | None  # 'higher' is better, 'lower' is better, None: context, not a target
    period: str
    numerator: str
    denominator: str | None
    units: str  # SQL; see the module docstring
    breakdowns: tuple[str, ...] = CHILD_BREAKDOWNS
    decimals: int = 1
    funnel: bool = False  # per-team control limits (percentages only)
    # the local standards the SQL takes, {name in the SQL ({{name}}): the standard's flat name (caseload_cap)}:
    # their values come from the council's standards (casewatch.standards), `--set` laid over them
    params: dict = field(default_factory=dict)
    # months of data before the period start that the indicator looks back into (re-referrals: the 12 months
    # before each referral). Where the loaded data starts later, the figure is "history too short", not a
    # number: counting only what was loaded would understate it (decision 0017). "Ever" is taken as 60 months.
    history_months: int = 0

    @property
    def higher_is_better(self) -> bool | None:
        return None if self.polarity is None else self.polarity == "higher"

    @property
    def is_count(self) -> bool:
        """A count (referrals, children in care): one council's total, never drawn against or compared with
        England's, which is a total of every council's."""
        return self.unit == "count"


class Registry(Mapping):
    """The definitions of one kind (indicators, action lists), by name, in the order they were defined.

    The package's own definitions live in ``modules``, each declaring its definitions as it is imported; the
    registry imports them, once, the first time anything reads it, so no caller imports a module for its side
    effect; then ``extend`` ("module:function"), which adds a council's own definitions (``measures.local``)."""

    def __init__(self, kind: str, modules: tuple[str, ...], extend: str | None = None):
        self.kind, self.modules, self.extend = kind, modules, extend
        self._items: dict = {}
        self._state = "empty"  # "loading" while the package's modules are imported, then "loaded"

    def load(self) -> Registry:
        if self._state == "empty":
            self._state = "loading"
            try:
                for name in self.modules:
                    import_module(name)
                if self.extend:
                    module, _, function = self.extend.partition(":")
                    getattr(import_module(module), function)()
            except BaseException:
                self._state = "empty"
                raise
            self._state = "loaded"
        return self

    def add(self, name: str, item) -> None:
        """Register one definition; the same name twice is an error (a council's own cannot replace ours)."""
        if self._state == "empty":
            self.load()
        if name in self._items:
            raise ValueError(f"{self.kind} {name}: defined twice")
        self._items[name] = item

    def remove(self, name: str) -> None:
        """Forget a council's own definition (tests, and a folder read again)."""
        self._items.pop(name, None)

    def __getitem__(self, name: str):
        return self.load()._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.load()._items)

    def __len__(self) -> int:
        return len(self.load()._items)


# every indicator, in the order a report reads them
REGISTRY: Registry = Registry("indicator", tuple(f"casewatch.measures.{name}" for name in (
    "front_door", "early_help", "assessments", "child_protection", "children_in_care", "permanence",
    "care_leavers", "workforce", "continuity")), extend="casewatch.measures.local:load_folder")


def indicator(**kw) -> Indicator:
    """Define and register one indicator; refuses a definition that is incomplete or inconsistent."""
    ind = Indicator(**kw)
    problems = []
    if ind.unit not in UNITS:
        problems.append(f"unit {ind.unit!r} is not one of {sorted(UNITS)}")
    if ind.period not in PERIOD_KINDS:
        problems.append(f"period {ind.period!r} is not one of {sorted(PERIOD_KINDS)}")
    if ind.polarity not in ("higher", "lower", None):
        problems.append("polarity must be 'higher', 'lower' or None")
    if not ind.source.strip() or not ind.description.strip():
        problems.append("every indicator cites its source and says what it is")
    if unknown := set(ind.breakdowns) - set(BREAKDOWNS):
        problems.append(f"unknown breakdowns {sorted(unknown)}")
    if ind.unit == "per_10k" and set(ind.breakdowns) - set(RATE_BREAKDOWNS):
        problems.append("a rate per 10,000 can only be broken down by age band (the population's only split)")
    if ind.params and (unknown := set(ind.params.values()) - set(standards.flat(standards.defaults()))):
        problems.append(f"params {sorted(unknown)} are not casewatch standards (casewatch/standards.toml)")
    if ind.funnel and ind.unit != "percent":
        problems.append("funnel limits are for percentages")
    if (ind.denominator is None) != (ind.unit in ("count", "median")):
        problems.append("a count or median has no denominator; everything else has one")
    if problems:
        raise ValueError(f"indicator {ind.id}: " + "; ".join(problems))
    REGISTRY.add(ind.id, ind)
    return ind
