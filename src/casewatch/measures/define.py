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

from dataclasses import dataclass, field

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
    params: dict = field(default_factory=dict)  # named settings a council may change, {name: default}
    # months of data before the period start that the indicator looks back into (re-referrals: the 12 months
    # before each referral). Where the loaded data starts later, the figure is "history too short", not a
    # number: counting only what was loaded would understate it (decision 0017). "Ever" is taken as 60 months.
    history_months: int = 0

    @property
    def higher_is_better(self) -> bool | None:
        return None if self.polarity is None else self.polarity == "higher"


REGISTRY: dict[str, Indicator] = {}


def indicator(**kw) -> Indicator:
    """Define and register one indicator; refuses a definition that is incomplete or inconsistent."""
    ind = Indicator(**kw)
    problems = []
    if ind.id in REGISTRY:
        problems.append("defined twice")
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
    if ind.funnel and ind.unit != "percent":
        problems.append("funnel limits are for percentages")
    if (ind.denominator is None) != (ind.unit in ("count", "median")):
        problems.append("a count or median has no denominator; everything else has one")
    if problems:
        raise ValueError(f"indicator {ind.id}: " + "; ".join(problems))
    REGISTRY[ind.id] = ind
    return ind
