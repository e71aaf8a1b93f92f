"""docs/indicators.md, generated from the definitions: `python -m casewatch.measures.docs > docs/indicators.md`.
A test fails when the file and the definitions differ."""

from __future__ import annotations

from casewatch import standards
from casewatch.measures.catalogue import all_indicators
from casewatch.measures.define import BREAKDOWNS, PERIOD_KINDS, UNITS

POLARITY = {"higher": "higher is better", "lower": "lower is better", None: "context (neither)"}
OWN = """
A council adds its own indicators without editing casewatch: a folder of TOML files, given to
`casewatch indicators --indicators-dir DIR` or, for every command, the report and the dashboard, by the
environment variable `CASEWATCH_INDICATORS_DIR`. Each file holds any number of `[[indicator]]` tables (and
`[[list]]` tables: [lists.md](lists.md)):

```toml
[[indicator]]
id = "referrals_police"                 # a name not already taken
title = "Referrals from the police"
description = "Referrals in the year whose source is the police (CIN census 5A)."
area = "Front door"                     # the section it is listed under
unit = "count"                          # count, percent, per_10k, mean, median, ratio
polarity = "none"                       # higher, lower or none (context)
period = "year"                         # year (default), snapshot, three_years
numerator = "referrals in the year from the police"
# denominator = "..."                   # in words; every unit but count and median has one
sql = \"\"\"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS num FROM periods p
         JOIN referrals r ON r.referral_date BETWEEN p.ps AND p.pe WHERE r.source = '5A'\"\"\"
```

Optional: `source` (default: the file's name), `breakdowns`, `decimals`, `funnel`, `history_months`, `params`,
as the package's own definitions (`src/casewatch/measures/define.py` describes the SQL's columns). Each is
checked twice, and refused with a message naming the indicator and the column rather than computed wrong:
when it is read (every `alias.column` its SQL names is a column of the table the alias stands for: `casewatch
schema` lists them) and before it runs (its result has `pe`, `num`, `dated`, `child_id` or `worker_id`, `den`
exactly when the unit has a denominator, `legal_status` and `placement` when broken down by them, and no
other column). An id already taken, by casewatch or another file, is refused.
"""


def _defaults(params: dict) -> dict:
    """An indicator's params with the shipped standards' values (casewatch/standards.toml)."""
    values = standards.flat(standards.defaults())
    return {name: values[standard] for name, standard in params.items()}


def _fill(text: str, params: dict) -> str:
    for name, default in _defaults(params).items():
        text = text.replace("{" + name + "}", str(default))
    return text


def render() -> str:
    inds = all_indicators()
    lines = [
        "# Indicators",
        "",
        "Generated from `src/casewatch/measures/` by `python -m casewatch.measures.docs`; do not edit by hand "
        "(a test fails when this file and the definitions differ). How they are computed: "
        "[decisions/0009-indicator-conventions.md](decisions/0009-indicator-conventions.md). Benchmarks (England, "
        "statistical neighbours, quartiles): [benchmarks.md](benchmarks.md).",
        "",
        f"{len(inds)} indicators. `casewatch indicators --db FILE [--period-end D] [--by B] [--standards FILE] "
        "[--set NAME=VALUE] [--format json]`. The local standards an indicator takes (a caseload cap, a visit "
        "frequency) come from the council's standards file, the one the lists, caseloads, the balancer, the report "
        "and the dashboard read ([lists.md](lists.md)); `--set` overrides one for a run.",
        "",
        "Units: " + "; ".join(f"**{k}** {v}" for k, v in UNITS.items()) + ".",
        "",
        "Periods: " + "; ".join(f"**{k}** {v}" for k, v in PERIOD_KINDS.items()) + ".",
        "",
        "Breakdowns: " + "; ".join(f"**{k}** {v}" for k, v in BREAKDOWNS.items()) + ".",
        "",
        "Charts: each indicator's five years are drawn as a line whose y axis starts at zero and is titled with the "
        "indicator's unit (%, per 10,000 children, days, working days, children, ...). A count is drawn on its own "
        "axis, never beside England's total (which is not comparable with one council's); the matching rate per "
        "10,000, where there is one, compares it with England. Percentages, rates, means and medians are drawn "
        "beside England's published figures, named with their years ('England (to 2025)'); in tables an England "
        "or neighbour figure from an earlier year than the row's is named with its year in brackets. The small "
        "lines beside headline figures are scaled to their own lowest and highest years, and say so.",
        "",
    ]
    areas: dict[str, list] = {}
    for ind in inds:
        areas.setdefault(ind.area, []).append(ind)
    for area, members in areas.items():
        lines += [f"## {area}", ""]
        for ind in members:
            defaults = _defaults(ind.params)
            settings = ", ".join(f"`{standard}` = {defaults[k]}" for k, standard in ind.params.items())
            lines += [
                f"### `{ind.id}`: {_fill(ind.title, ind.params)}",
                "",
                _fill(ind.description, ind.params),
                "",
                f"- **Numerator**: {_fill(ind.numerator, ind.params)}",
                f"- **Denominator**: {_fill(ind.denominator, ind.params) if ind.denominator else '-'}",
                f"- **Unit**: {ind.unit}; **polarity**: {POLARITY[ind.polarity]}; **period**: {ind.period}",
                f"- **Breakdowns**: {', '.join(ind.breakdowns) or 'none'}"
                + ("; per-team funnel limits (95%, 99.8%)" if ind.funnel else ""),
                f"- **Source**: {ind.source}",
            ]
            if settings:
                lines.append(f"- **Standards it takes** (the standards file, `--standards FILE`; `--set NAME=VALUE` "
                             f"over it): {settings}")
            if ind.history_months:
                lines.append(f"- **Looks back** {ind.history_months} months before the period start: where the "
                             "loaded data starts later, the figure is 'history too short', not a number")
            lines.append("")
    from casewatch.measures.worse import DOC as WORSE

    lines += ["## A council's own indicators", "", OWN.strip(), "", "## What got worse", "", WORSE, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
