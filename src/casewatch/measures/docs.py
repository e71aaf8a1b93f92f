"""docs/indicators.md, generated from the definitions: `python -m casewatch.measures.docs > docs/indicators.md`.
A test fails when the file and the definitions differ."""

from __future__ import annotations

from casewatch.measures.catalogue import all_indicators
from casewatch.measures.define import BREAKDOWNS, PERIOD_KINDS, UNITS

POLARITY = {"higher": "higher is better", "lower": "lower is better", None: "context (neither)"}


def _fill(text: str, params: dict) -> str:
    for name, default in params.items():
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
        f"{len(inds)} indicators. `casewatch indicators --db FILE [--period-end D] [--by B] [--format json]`.",
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
            settings = ", ".join(f"`{k}` = {v}" for k, v in ind.params.items())
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
                lines.append(f"- **Settings** (`--set NAME=VALUE`): {settings}")
            if ind.history_months:
                lines.append(f"- **Looks back** {ind.history_months} months before the period start: where the "
                             "loaded data starts later, the figure is 'history too short', not a number")
            lines.append("")
    from casewatch.measures.worse import DOC as WORSE

    lines += ["## What got worse", "", WORSE, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
