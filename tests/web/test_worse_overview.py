"""The overview's "What got worse" (issue 21): ranked as the figures say, worked out here independently of
casewatch.measures.worse; words, not arrows, for members; the year of England's figures said."""

from __future__ import annotations

import re
import statistics
from datetime import date

from casewatch import benchmarks
from casewatch.benchmarks import store
from casewatch.disclosure import SUPPRESSED, publish
from casewatch.measures.catalogue import all_indicators
from casewatch.measures.compute import compute_all
from casewatch.measures.run import council_context, history_too_short
from casewatch.measures.scope import attach, scope

SHOWN = re.compile(r'<li class="cw-worse__item" data-indicator="([^"]+)">')


def _expected_order(db) -> list[str]:
    """The indicators that got worse, ranked from the council's unrounded five years: change over the sd of the
    earlier year-on-year changes (binomial fallback for percentages), then the larger gap to England or the
    neighbours over the sd of all councils' figures, then title."""
    inds = [i for i in all_indicators() if i.polarity]
    con = attach(str(db))
    try:
        ctx = council_context(con, None, None, None)
        scope(con, ctx.council_id)
        ends = [date(ctx.period_end.year - k, 3, 31) for k in range(4, -1, -1)]
        figs = compute_all(con, ends, [i.id for i in inds], breakdowns=())
    finally:
        con.close()
    known = {(f.id, f.period_end): f for f in figs if not history_too_short(
        next(i for i in inds if i.id == f.id), date.fromisoformat(f.period_start), ctx.data_from)}
    keys = []
    for ind in inds:
        fs = [known.get((ind.id, e.isoformat())) for e in ends]
        vals = [f.value if f is not None else None for f in fs]
        now, before = vals[-1], vals[-2]
        if now is None or before is None or now == before or (now > before) == (ind.polarity == "higher"):
            continue
        earlier = [b - a for a, b in zip(vals[:-2], vals[1:-1], strict=True) if a is not None and b is not None]
        score = None
        if len(earlier) >= 2 and statistics.stdev(earlier) > 0:
            score = abs(now - before) / statistics.stdev(earlier)
        elif ind.unit == "percent" and fs[-1].denominator:
            p1, p0, n = now / 100, before / 100, fs[-1].denominator
            score = abs(now - before) / (100 * ((p1 * (1 - p1) + p0 * (1 - p0)) / n) ** 0.5)
        bench = benchmarks.compare(ind.id, ctx.la_code, ctx.period_end.year, now, ind.higher_is_better)
        year = bench["benchmark_year"]
        las = [v for v in store.lait()[ind.id][year].las.values() if v is not None] if year else []
        gaps = []
        for other in (bench["england"], bench["sn_mean"]):
            if other is not None and ind.unit != "count":
                gap = other - now if ind.polarity == "higher" else now - other
                gaps.append(gap / statistics.pstdev(las) if len(las) >= 10 else gap / abs(other))
        distance = max(gaps) if gaps else None
        keys.append(((score is None, -round(score or 0, 1), distance is None, -(distance or 0), ind.title), ind.id))
    return [ind_id for _, ind_id in sorted(keys)]


def _suppressed(db) -> int:
    """Indicators with a polarity whose published figure this year or last year is suppressed."""
    inds = [i for i in all_indicators() if i.polarity]
    con = attach(str(db))
    try:
        ctx = council_context(con, None, None, None)
        scope(con, ctx.council_id)
        figs = compute_all(con, [date(ctx.period_end.year - 1, 3, 31), ctx.period_end], [i.id for i in inds],
                           breakdowns=())
    finally:
        con.close()
    unit = {i.id: i for i in inds}
    hidden = {f.id for f in figs if not history_too_short(unit[f.id], date.fromisoformat(f.period_start),
                                                            ctx.data_from)
              and publish(unit[f.id].unit, f.value, f.numerator, f.denominator, f.units,
                                unit[f.id].decimals)[0] == SUPPRESSED}
    return len(hidden)


def test_head_of_service_sees_what_got_worse_first_in_the_ranked_order(world, as_role):
    want = _expected_order(world.db)
    assert len(want) >= 3  # the tiny council has a few that got worse, so the order is tested
    client = as_role("head_of_service")
    html = client.get("/").content.decode()
    assert html.index("What got worse") < html.index("Headline indicators")
    top = SHOWN.findall(html)
    assert top == want[:8]
    if len(want) > 8:
        assert f"See all {len(want)} indicators that got worse" in html
    everything = client.get("/", {"worse": "all"}).content.decode()
    assert SHOWN.findall(everything) == want
    for ind_id in top:  # each with its sparkline, a link to its page and its change in words
        item = html.split(f'data-indicator="{ind_id}">', 1)[1].split("</li>", 1)[0]
        assert f'href="/indicators/{ind_id}/"' in item and "<svg" in item
        assert "(worse)" in item and "times" in item or "too few years" in item


def test_the_member_reads_better_and_worse_in_words_and_the_year_of_england(world, as_role):
    html = as_role("member").get("/").content.decode()
    worse_part = html.split('id="worse-heading"', 1)[1].split("</section>", 1)[0]
    items = re.findall(r'<li class="cw-worse__item".*?</li>', worse_part, re.S)
    assert items and all("(worse)" in i for i in items)
    directions = re.findall(r'cw-direction--[a-z-]+">([^<]+)<', html)
    assert directions and {"better", "worse"} & set(directions)
    assert set(directions) <= {"better", "worse", "no change", "up", "down", "-"}
    assert "▲" not in html and "▼" not in html
    assert re.search(r"England \(20\d\d\)</th>", html)
    left_out = _suppressed(world.db)
    assert left_out >= 1  # the tiny council has small numbers: what the member cannot rank is said, never guessed
    assert f"{left_out} indicator{'s' if left_out != 1 else ''} left out: " in worse_part
    assert "left out" not in as_role("head_of_service").get("/").content.decode()
