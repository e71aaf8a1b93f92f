"""Synthetic councils with planted truth: seeded, deterministic, calibrated to England.

``generate`` writes the canonical tables as Parquet and ``truth.json``: the exact figures the system must
recover, counted from the generator's own event log (truth.py), never from the code under test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casewatch.synth import params as P
from casewatch.synth.council import Council
from casewatch.synth.overdue import overdue_on
from casewatch.synth.truth import period_truth
from casewatch.synth.write import TableWriters

COUNCIL_NAMES = ("Northshire", "Southwold", "Eastmere", "Westbury", "Midvale", "Riverton", "Hillford",
                 "Coastley", "Marshfield", "Oakham Vale")


def latest_period_end(today: date | None = None) -> date:
    """The most recent 31 March on or before today."""
    today = today or date.today()
    return date(today.year if (today.month, today.day) >= (3, 31) else today.year - 1, 3, 31)


@dataclass(frozen=True)
class SynthOptions:
    size: str = "small"
    seed: int = 1
    years: int = 5
    scenario: str = "baseline"
    councils: int = 1
    end: date | None = None
    first_council: int = 0  # index of the first council (X01 is 0): councils made in separate runs don't clash
    la: str | None = None  # the DfE LA number one council is compared as (England, neighbours, Ofsted history)

    def period_ends(self) -> list[date]:
        end = self.end or latest_period_end()
        return [date(end.year - k, 3, 31) for k in range(self.years - 1, -1, -1)]


def council_code(i: int) -> str:
    return f"X{i + 1:02d}" if i < 99 else f"X{i + 1}"


def generate(out: str | Path, options: SynthOptions,
             on_council: Callable[[int, int], None] | None = None) -> dict:
    """Generate ``options.councils`` councils into ``out``; returns the truth written to truth.json."""
    if options.size not in P.SIZES:
        raise ValueError(f"size must be one of {', '.join(P.SIZES)}")
    if options.scenario not in P.SCENARIOS:
        raise ValueError(f"scenario must be one of {', '.join(P.SCENARIOS)}")
    if options.la is not None and options.councils != 1:
        raise ValueError("an LA code to compare as is for one council at a time")
    if not 1 <= options.years <= 15:
        raise ValueError("years must be between 1 and 15")
    out = Path(out)
    ends = options.period_ends()
    window_start = date(ends[0].year - 1, 4, 1)
    out.mkdir(parents=True, exist_ok=True)
    writers = TableWriters(out)
    truth = {
        "generator": {"seed": options.seed, "size": options.size, "years": options.years,
                      "scenario": options.scenario, "councils": options.councils},
        "period_ends": [d.isoformat() for d in ends],
        "councils": {},
    }
    for i in range(options.first_council, options.first_council + options.councils):
        if on_council:
            on_council(i - options.first_council, options.councils)
        code = council_code(i)
        name = COUNCIL_NAMES[i % len(COUNCIL_NAMES)] + ("" if i < len(COUNCIL_NAMES) else f" {i // len(COUNCIL_NAMES) + 1}")
        council = Council(code, name, P.SIZES[options.size], P.SCENARIOS[options.scenario],
                          options.seed * 1000 + i, window_start, ends[-1], la=options.la)
        log = council.run()
        truth["councils"][code] = {
            "name": name,
            "periods": {d.isoformat(): period_truth(log, d) for d in ends},
            # the action lists' children overdue at the last period end (synth/overdue.py; casewatch lists)
            "overdue": overdue_on(log.rows, ends[-1].toordinal()),
        }
        writers.write(log.rows)
        del log
    counts = writers.close()
    truth["rows"] = counts
    (out / "truth.json").write_text(json.dumps(truth, indent=1, sort_keys=False) + "\n")
    return truth
