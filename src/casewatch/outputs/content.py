"""What the report says, before any format: every indicator over five years beside England and the statistical
neighbours, what got worse, where the council is behind, team variation, and the Ofsted history.

For ``audience="public"`` every figure passes through disclosure/ (``publish``) and team breakdowns are
left out; nothing child- or worker-level is ever in the report. "What got worse" and "behind England or our
statistical neighbours" are built from the data for every audience: no option removes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from casewatch import benchmarks
from casewatch.disclosure import SUPPRESSED, publish
from casewatch.measures.api import open_council
from casewatch.measures.compute import Figure, compute_all
from casewatch.measures.define import REGISTRY, Indicator
from casewatch.measures.run import Context, history_too_short, records_with_issues
from casewatch.measures.scope import _minus_year
from casewatch.measures.stats import direction as _direction
from casewatch.words import day

HEADLINE = ("cla_at_31_march", "cla_rate_per_10k", "cla_starts", "cla_ceased", "cla_3plus_placements_pct",
            "cp_at_31_march", "cp_rate_per_10k", "cp_second_or_subsequent_pct", "referrals", "re_referrals_12m_pct",
            "assessments_within_45wd_pct", "caseload_per_fte", "sw_changes_3plus_pct")
GRADES = {"outstanding": 4, "good": 3, "requires improvement": 2, "inadequate": 1}
YEARS = 5


@dataclass
class Line:
    ind: Indicator
    value: object  # a number, SUPPRESSED ('c') or None
    numerator: object
    denominator: object
    previous: object
    direction: str | None
    series: list[tuple[str, object]]  # (period end, value), oldest first
    bench: dict
    england_series: list[tuple[int, float | None]]
    teams: list[Figure] = field(default_factory=list)
    caveat: str | None = None  # why the figure is missing (history too short) or what to weigh it with

    @property
    def worse_than(self) -> list[str]:
        """'England' and/or 'statistical neighbours' when the value is worse than theirs by polarity."""
        if self.ind.polarity is None or not isinstance(self.value, int | float) or self.ind.is_count:
            return []  # a count is one council's total: never "behind" England's
        higher = self.ind.polarity == "higher"
        out = []
        for key, label in (("england", "England"), ("sn_mean", "statistical neighbours")):
            other = self.bench.get(key)
            if isinstance(other, int | float) and (self.value < other if higher else self.value > other):
                out.append(label)
        return out


@dataclass
class Report:
    ctx: Context
    audience: str
    period_ends: list[date]
    lines: list[Line]
    ofsted: list[dict]
    downgrades: list[str]
    forecast: dict | None = None  # casewatch.forecast.run.forecast from the data's last day (None if it can't be made)
    shortfall: dict | None = None  # whether the cases fit under the cap on the data's last day (``_shortfall``)

    def line(self, ind_id: str) -> Line:
        return next(x for x in self.lines if x.ind.id == ind_id)

    @property
    def headline(self) -> list[Line]:
        return [self.line(i) for i in HEADLINE]

    @property
    def worse(self) -> list[Line]:
        """The lines that got worse, in the order of ``worse_ranked`` (most unusual change first)."""
        return [self.line(w.ind.id) for w in self.worse_ranked.worse]

    @property
    def worse_ranked(self):
        """What got worse, ranked by casewatch.measures.worse (the ranking the web overview shows), from the
        figures as this report's audience sees them: a casewatch.measures.worse.Ranking."""
        from casewatch.measures import worse

        return worse.rank([worse.candidate(x.ind, x.series, x.denominator, x.bench) for x in self.lines
                           if x.ind.polarity])

    @property
    def behind(self) -> list[Line]:
        return [x for x in self.lines if x.worse_than]

    def areas(self) -> dict[str, list[Line]]:
        out: dict[str, list[Line]] = {}
        for x in self.lines:
            out.setdefault(x.ind.area, []).append(x)
        return out


def _shown(fig: Figure, ind: Indicator, audience: str) -> tuple:
    if audience == "public":
        return publish(ind.unit, fig.value, fig.numerator, fig.denominator, fig.units, ind.decimals)
    return fig.value, fig.numerator, fig.denominator


def ofsted_story(history: list[dict]) -> list[str]:
    """Every downgrade in the council's inspection history, newest first, said plainly as history (the latest
    inspection itself is said first, on its own, by the report)."""
    graded = [h for h in history if h.get("overall") in GRADES]
    out = []
    for new, old in zip(graded, graded[1:], strict=False):
        if GRADES[new["overall"]] < GRADES[old["overall"]]:
            out.append(f"In the inspection published {day(new['published'])}, Ofsted judged children's services "
                       f"'{new['overall']}' overall, down from '{old['overall']}' (published {day(old['published'])}).")
    return out


def build(db_path: str, period_end: date | None = None, council: str | None = None, la: str | None = None,
          audience: str = "internal", settings: dict | None = None, standards: dict | None = None) -> Report:
    """``standards``: the council's (casewatch.standards.load; the shipped defaults when None), for the indicators
    and the FTE shortfall alike; ``settings`` (``--set``) laid over them for the indicators. ``la``: the DfE
    LA code to benchmark as; when None, the council's own (``measures.run.council_context``: the LA the data
    records, else the council's id if that is an LA code)."""
    if audience not in ("internal", "public"):
        raise ValueError("audience is 'internal' or 'public'")
    with open_council(db_path, council, la, period_end) as (con, ctx):
        ends = [ctx.period_end]
        for _ in range(YEARS - 1):
            ends.insert(0, _minus_year(ends[0]))
        figs = compute_all(con, ends, settings=settings, breakdowns=("team",) if audience == "internal" else (),
                           standards=standards)
        demand = _forecast(con, ctx.data_to, audience)
        short = _shortfall(con, ctx.data_to, standards, audience)
        issues = records_with_issues(con, REGISTRY.values())
    whole = {(f.id, f.period_end): f for f in figs if f.breakdown is None
             and not history_too_short(REGISTRY[f.id], date.fromisoformat(f.period_start), ctx.data_from)}
    lines = []
    for ind in REGISTRY.values():
        series = []
        for pe in ends:
            f = whole.get((ind.id, pe.isoformat()))
            series.append((pe.isoformat(), _shown(f, ind, audience)[0] if f else None))
        now = whole.get((ind.id, ctx.period_end.isoformat()))
        if now is None:  # history too short: said, not a number
            lines.append(Line(ind, None, None, None, series[-2][1] if len(series) > 1 else None, None, series,
                              benchmarks.compare(ind.id, ctx.la_code, ctx.period_end.year, None,
                                                 ind.higher_is_better), [], caveat="history too short: the data loaded does not reach back as far as this "
                                         "figure looks"))
            continue
        value, num, den = _shown(now, ind, audience)
        previous = series[-2][1] if len(series) > 1 else None
        comparable = all(isinstance(v, int | float) for v in (value, previous))
        raw_prev = whole.get((ind.id, ends[-2].isoformat()))
        direction = _direction(ind.polarity, now.value, raw_prev.value if raw_prev else None) if comparable else None
        bench = benchmarks.compare(ind.id, ctx.la_code, ctx.period_end.year,
                                   value if isinstance(value, int | float) else None, ind.higher_is_better)
        england = benchmarks.series(ind.id, "E92000001") if benchmarks.published(ind.id) else []
        teams = [f for f in figs if f.id == ind.id and f.breakdown == "team"
                 and f.period_end == ctx.period_end.isoformat()] if ind.funnel else []
        n = issues.get(ind.id)
        caveat = (f"{n:,} record{'s' if n != 1 else ''} in the data it uses carr{'y' if n != 1 else 'ies'} a data "
                  "issue (see the load's issues report)") if n and audience == "internal" else None
        lines.append(Line(ind, value, num, den, previous, direction, series, bench,
                          [(y, v) for y, v in england if y > ends[0].year - 1], teams, caveat))
    history = benchmarks.ofsted(ctx.la_code) if ctx.la_code else []
    return Report(ctx, audience, ends, lines, history, ofsted_story(history), demand, short)


def _forecast(con, on: date, audience: str) -> dict | None:
    """Two years ahead from the data's last day, with its backtest. For the public report every number of
    children (recorded, forecast with its band, coming into care and leaving a year) is published as a count
    (disclosure.publish), and the split by age and placement left out."""
    from casewatch.forecast.run import ForecastError, forecast

    try:
        result = forecast(con, on, 24, 6, runs=500)
    except ForecastError:
        return None
    if audience == "public":
        return public_forecast(result)
    return result


def public_forecast(result: dict) -> dict:
    """A forecast (casewatch.forecast.run.forecast) as the public report gives it."""
    def shown(n):
        return publish("count", n).value

    out = dict(result)
    out["history"] = [h | {"in_care": shown(h["in_care"])} for h in result["history"]]
    out["total"] = [t | {k: shown(t[k]) for k in ("mean", "lower", "upper")} for t in result["total"]]
    out["in_care_at_start"] = shown(result["in_care_at_start"])
    out["rates"] = {k: shown(v) for k, v in result["rates"].items()}
    for unshown in ("series", "model_total", "backtest"):  # the split by age and placement; unrounded checks
        out.pop(unshown, None)
    return out


def _shortfall(con, on: date, std: dict | None, audience: str) -> dict:
    """The FTE shortfall at the council's cap (casewatch.workforce.shortfall): the council's and each service's
    weighted cases against capacity; the teams' too for the internal report. Workload figures, not counts of
    children: like the caseload-per-FTE ratios, the public report gives a service's shortfall only when 5 or
    more workers stand behind it (else 'c'), and leaves out its cases and capacity, as it does a ratio's
    numerator and denominator, and the teams."""
    from casewatch import standards as local
    from casewatch.workforce.allocate_data import build_problem
    from casewatch.workforce.shortfall import sentence, shortfall

    std = (std or local.load(None))["caseload"]
    cap = float(std["cap"])
    problem = build_problem(con, on, cap, float(std["asye_factor"]), std["weights"])
    s = shortfall(problem, cap)
    out = {"cap": cap, "weights": local.weights_note(std["weights"]), "sentence": sentence(s), "short_weighted":
           s["short_weighted"], "short_fte": s["short_fte"], "cases": s["cases"], "capacity": s["capacity"],
           "services": s["services"], "teams": s["teams"]}
    if audience == "public":  # made safe in disclosure/, as a caseload-per-FTE ratio is (unit "ratio")
        workers: dict[str, int] = {}
        for w in problem.workers:
            if w.service is not None:
                workers[w.service] = workers.get(w.service, 0) + 1

        def safe(value, behind: int):
            return publish("ratio", value, None, None, behind).value

        everyone = len(problem.workers)
        out |= {"sentence": None, "cases": None, "capacity": None, "teams": {},
                "short_weighted": safe(s["short_weighted"], everyone), "short_fte": safe(s["short_fte"], everyone),
                "services": {k: {"cases": None, "capacity": None,
                                 "short_weighted": safe(p["short_weighted"], workers.get(k, 0)),
                                 "short_fte": safe(p["short_fte"], workers.get(k, 0))}
                             for k, p in s["services"].items()}}
    return out


_PATH = re.compile(r"\s*[(;,]?\s*\bdocs/[\w./-]+\.md\b\)?")


def for_readers(text) -> str:
    """A catalogue text (an indicator's source, definition) as the report prints it: without the references to
    casewatch's own documentation files ("(docs/cms-template.md)"), which a reader of the report cannot open."""
    return _PATH.sub("", "" if text is None else str(text)).strip()


def fmt(value, unit: str, decimals: int = 1, short: bool = False) -> str:
    """A figure as a reader sees it: thousands separated, the unit said (only % when ``short``), 'c' for
    suppressed, '-' for none."""
    if value is None:
        return "-"
    if value == SUPPRESSED:
        return "c"
    if unit == "count":
        return f"{int(value):,}"
    text = f"{value:,.{decimals}f}"
    if short:
        return f"{text}%" if unit == "percent" else text
    return {"percent": f"{text}%", "per_10k": f"{text} per 10,000", "mean": f"{text}", "median": f"{text}"}.get(
        unit, text)
