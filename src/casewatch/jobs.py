"""The jobs casewatch does, one function each, with real parameters: synth, load, summary, demo.

The command line parses options and prints; these functions do the work and return what they made. ``casewatch
demo`` (what ``make run`` calls) is these same functions in a row, so a new option can never be lost between
a command and the demo again (it was: ``demo`` built the synth command's options by hand and broke when
``--first-council`` was added). The report is ``casewatch.outputs.report.write_report``.

Errors a person can fix are ``CasewatchError``s; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casewatch.errors import CasewatchError

SIZES = ("tiny", "small", "medium", "large")
SCENARIOS = ("baseline", "pressure")
FORMATS = ("parquet", "returns")


class JobError(CasewatchError):
    """A job asked for something it cannot do (an unknown format, a council numbered 0...)."""


@dataclass
class Synthesised:
    out: Path
    truth: dict
    returns: list[Path] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.truth["rows"].values())


def synth(out: str | Path, *, size: str = "small", seed: int = 1, years: int = 5, scenario: str = "baseline",
          councils: int = 1, first_council: int = 1, end: date | None = None,
          formats: Sequence[str] = ("parquet",), la: str | None = None,
          on_council: Callable[[int, int], None] | None = None) -> Synthesised:
    """Write a synthetic council's canonical tables (Parquet) and truth.json to ``out``; with "returns" in
    ``formats``, also its statutory returns under ``out/returns``. ``first_council`` counts from 1 (X01)."""
    from casewatch.synth import SynthOptions, generate

    if first_council < 1 or councils < 1:
        raise JobError("--councils and --first-council start at 1")
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise JobError(f"unknown format(s): {', '.join(sorted(unknown))} (formats: {', '.join(FORMATS)})")
    if size not in SIZES or scenario not in SCENARIOS:
        raise JobError(f"size is one of {', '.join(SIZES)}; scenario one of {', '.join(SCENARIOS)}")
    if la is not None:
        from casewatch import benchmarks

        if not (la.isdigit() and len(la) == 3 and benchmarks.la_name(la)):
            raise JobError(f"{la!r} is not a local authority number the DfE publishes figures for")
        if councils != 1:
            raise JobError("--la is for one council at a time")
    options = SynthOptions(size=size, seed=seed, years=years, scenario=scenario, councils=councils, end=end,
                           first_council=first_council - 1, la=la)
    try:
        truth = generate(out, options, on_council=on_council)
    except ValueError as exc:
        raise JobError(str(exc)) from None
    made = Synthesised(Path(out), truth)
    if "returns" in formats:
        from casewatch.returns.write_all import write_returns

        try:
            made.returns = write_returns(Path(out), Path(out) / "returns")
        except ValueError as exc:
            raise JobError(str(exc)) from None
    return made


def is_canonical(paths: Sequence[str | Path]) -> bool:
    """A ``casewatch synth`` (or pool) folder of canonical Parquet tables, rather than statutory returns."""
    return len(paths) == 1 and (Path(paths[0]) / "children.parquet").is_file()


@dataclass
class Loaded:
    """What a load did. ``report`` for canonical tables (model.load.LoadReport), ``run`` for returns
    (ingest.pipeline.ReturnsRun); exactly one is set."""
    db: Path
    report: object | None = None
    run: object | None = None

    @property
    def rows_loaded(self) -> int:
        if self.report is not None:
            return self.report.rows_loaded
        return sum(f.rows_loaded for f in self.run.files)


def load(paths: Sequence[str | Path], db: str | Path, *, kind: str | None = None, year: int | None = None,
         council: str | None = None, xsd: bool = False, follow_symlinks: bool = False,
         on_table: Callable[[str, int, int], None] | None = None) -> Loaded:
    """Load returns (files or folders) or one canonical folder into a new database at ``db``, swapped in only
    when the load succeeds."""
    paths = [str(p) for p in paths]
    if not paths:
        raise JobError("give at least one file or folder to load")
    if is_canonical(paths):
        if kind or year or council or xsd:
            raise JobError("--kind, --year, --council and --xsd are for returns; this is a folder of canonical "
                           "tables (casewatch synth)")
        from casewatch.model.load import load_directory

        return Loaded(Path(db), report=load_directory(paths[0], db, on_table=on_table,
                                                      follow_symlinks=follow_symlinks))
    from casewatch.ingest.pipeline import load as load_returns

    return Loaded(Path(db), run=load_returns(paths, db, kind=kind, year=year, council_id=council, xsd=xsd,
                                             follow_symlinks=follow_symlinks))


@dataclass
class Summary:
    council_id: str
    name: str
    period_end: date
    figures: dict


def summary(db: str | Path, *, period_end: date | None = None, council: str | None = None) -> Summary:
    """The headline figures (the names truth.json uses) for one council at a 31 March."""
    from casewatch.measures.api import open_council
    from casewatch.measures.headline import headline

    with open_council(db, council, period_end=period_end) as (con, ctx):
        return Summary(ctx.council_id, ctx.council_name, ctx.period_end,
                       headline(con, ctx.period_end, ctx.council_id))


@dataclass
class Demo:
    synthesised: Synthesised
    loaded: Loaded
    summary: Summary
    report: object  # outputs.report.Written


def demo(out: str | Path, *, size: str = "small", seed: int = 1, scenario: str = "pressure", la: str = "873",
         on_step: Callable[[str], None] | None = None) -> Demo:
    """What ``make run`` shows: a synthetic council made, loaded, summarised and reported under ``out``."""
    from casewatch.outputs.report import write_report

    step = on_step or (lambda _: None)
    base = Path(out)
    step("generating a synthetic council")
    made = synth(base / "synth", size=size, seed=seed, scenario=scenario, la=la)
    step("loading it into the analytics database")
    loaded = load([base / "synth"], base / "casewatch.duckdb")
    figures = summary(loaded.db)
    step("writing the report (HTML, PDF, Excel)")
    written = write_report(str(loaded.db), base / "report", la=la)
    return Demo(made, loaded, figures, written)
