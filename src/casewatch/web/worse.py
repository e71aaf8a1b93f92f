"""What got worse, for the overview: every indicator with a polarity over five years, ranked by
casewatch.measures.worse (the ranking the report uses too), each with its sparkline and the change in words.

The figures are computed once per database file, in the same run as the headline's (web.figures.five_years;
about 3 s for all ~71 indicators over five years on the demo council, synth --size small); for an
aggregate-only role they pass through casewatch.disclosure (web.figures._shown) before they are ranked, and a
suppressed one is left out and counted.
"""

from __future__ import annotations

from datetime import date

from casewatch import benchmarks
from casewatch.measures import worse
from casewatch.measures.define import REGISTRY
from casewatch.measures.run import history_too_short
from casewatch.web.figures import YEARS, _ends, _shown, five_years, spark_chart, standards_in_force
from casewatch.web.source import Source

TOP = 8  # shown on the overview; the rest behind "See all"


def ranking(src: Source, public: bool) -> tuple[object, worse.Ranking]:
    """(context, ranking) of the indicators that got worse, from the figures as this audience sees them."""
    ctx, figs = five_years(src)
    key = standards_in_force()[1]

    def ranked():
        by = {(f.id, f.period_end): f for f in figs  # a year whose look-back the data does not reach is left out
              if not history_too_short(REGISTRY[f.id], date.fromisoformat(f.period_start), ctx.data_from)}
        ends = [e.isoformat() for e in _ends(ctx.period_end, YEARS)]
        candidates = []
        for ind in REGISTRY.values():
            if not ind.polarity:
                continue
            shown = [(pe, _shown(by.get((ind.id, pe)), public)) for pe in ends]
            value, _, den = shown[-1][1]
            bench = benchmarks.compare(ind.id, ctx.la_code, ctx.period_end.year,
                                       value if isinstance(value, int | float) else None, ind.higher_is_better)
            candidates.append(worse.candidate(ind, [(pe, v[0]) for pe, v in shown], den, bench))
        return worse.rank(candidates)

    return ctx, src.memo(("worse", public, key), ranked)


def rows(src: Source, public: bool, limit: int | None = TOP) -> tuple[object, list[dict], int, int]:
    """(context, rows, how many got worse, how many were left out as suppressed): the first ``limit`` ranked
    (all when None), each with its words, its sparkline and its rank."""
    ctx, r = ranking(src, public)
    shown = r.worse if limit is None else r.worse[:limit]
    sparks = src.memo(("worse-sparks", public, limit, standards_in_force()[1]), lambda: {
        w.ind.id: spark_chart(w.ind, list(w.series)) for w in shown})
    out = [{"rank": n, "id": w.ind.id, "title": w.ind.title, "change": w.change_words, "score": w.score_words,
            "distance": w.distance_words, "spark": sparks.get(w.ind.id)} for n, w in enumerate(shown, 1)]
    return ctx, out, len(r.worse), r.left_out
