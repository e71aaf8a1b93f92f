"""Benchmarks for a council's figure: England, its region, its statistical neighbours, rank and quartile.

All figures come from the files shipped in ``data/`` (see docs/benchmarks.md); nothing is fetched.
"""

from __future__ import annotations

import math
from bisect import bisect_right

from casewatch.benchmarks import store
from casewatch.benchmarks.lait_map import LAIT_MAP
from casewatch.measures import stats

SOURCE = ("Contains public sector information licensed under the Open Government Licence v3.0: "
          "DfE Local Authority Interactive Tool (LAIT); DfE statistical neighbour model")
OFSTED_SOURCE = ("Contains public sector information licensed under the Open Government Licence v3.0: "
                 "Ofsted inspections of local authority children's services")


def published(indicator_id: str) -> bool:
    """Whether the DfE publishes this casewatch indicator in LAIT (and so benchmarks are shipped)."""
    return indicator_id in LAIT_MAP and bool(store.lait_years(indicator_id))


def lait_polarity(indicator_id: str) -> bool | None:
    """LAIT's own polarity: True higher is better, False lower is better, None neither / not mapped."""
    pol = store.measures().get(indicator_id, {}).get("polarity")
    return {"high": True, "low": False}.get(pol or "")


def la_name(code: str | int | None) -> str | None:
    """Name of an LA (by 3-digit number), a region (by name) or England (E92000001 / 'England')."""
    code = store.norm_code(code)
    if code is None:
        return None
    la = store.las().get(code)
    return la["name"] if la else store.area_names().get(code if code == store.ENGLAND_CODE else code.lower())


def region(code: str | int | None) -> str | None:
    """The LA's region as LAIT names its region rows (Inner and Outer London LAs: 'London')."""
    la = store.las().get(store.norm_code(code) or "")
    return la["region"] if la else None


def statistical_neighbours(la_code: str | int, edition: int = 2025) -> list[str]:
    """The LA's 10 statistical neighbours, closest first, from the 2021 or 2025 edition ([] if none)."""
    return list(store.neighbours().get((edition, store.norm_code(la_code) or ""), []))


def _sn_for(la_code: str, year_ending: int) -> tuple[int | None, list[str]]:
    """The edition for a year (2025 from year_ending 2025, else 2021), falling back to the other one."""
    first = 2025 if year_ending >= 2025 else 2021
    for edition in (first, 2021 if first == 2025 else 2025):
        sns = statistical_neighbours(la_code, edition)
        if sns:
            return edition, sns
    return None, []


def series(indicator_id: str, area_code: str | int) -> list[tuple[int, float | None]]:
    """(year_ending, value) for an LA, a region (by name) or England, oldest first; [] if not shipped."""
    code = store.norm_code(area_code) or ""
    key = code if code[:1].isdigit() or code == store.ENGLAND_CODE else code.lower()
    return list(store.series_index().get((indicator_id, key), []))


def benchmark_year(indicator_id: str, year_ending: int) -> int | None:
    """The LAIT year used for a year: the same year if published, else the latest earlier one."""
    years = store.lait_years(indicator_id)
    i = bisect_right(years, year_ending)
    return years[i - 1] if i else None


def rank_among(sorted_values: list[float], value: float, higher_is_better: bool | None,
               own: float | None = None) -> tuple[int, int, int | None]:
    """(rank, of, quartile) of value among sorted_values, after removing own (the council's published value).

    Rank 1 is best by polarity (ties share the better rank); with no polarity, rank 1 is the lowest value and
    the quartile is None. Ranks and quartiles as casewatch.measures.stats defines them (quartile 1 the best
    quarter, 4 the worst).
    """
    higher = bool(higher_is_better)
    rank = stats.rank_among(sorted_values, value, higher)
    if own is not None and (own > value if higher else own < value):
        rank -= 1
    of = len(sorted_values) + 1 - (own is not None)
    return rank, of, None if higher_is_better is None else stats.quartile(rank, of)


def compare(indicator_id: str, la_code: str | int | None, year_ending: int, value: float | None,
            higher_is_better: bool | None) -> dict:
    """Benchmarks for a council's value of an indicator in a year ending 31 March.

    Keys: england, region, sn_mean (mean of the council's statistical neighbours that have a value), sn_edition,
    rank / of / quartile (the council's value inserted among all LAs with a value, its own published value
    removed; null when value is None), benchmark_year (the LAIT year used) and benchmark_year_exact (False when
    an earlier year stood in), lait_code, source. Benchmark values are null when the indicator is not mapped.
    """
    out: dict = {"england": None, "region": None, "sn_mean": None, "sn_edition": None, "rank": None,
                 "of": None, "quartile": None, "benchmark_year": None, "benchmark_year_exact": None,
                 "lait_code": None, "source": SOURCE}
    measure = LAIT_MAP.get(indicator_id)
    year = benchmark_year(indicator_id, year_ending) if measure else None
    if year is None:
        return out
    fig = store.lait()[indicator_id][year]
    out.update(england=fig.england, benchmark_year=year, benchmark_year_exact=year == year_ending,
               lait_code=measure.code)
    code = store.norm_code(la_code)
    known = code is not None and code in store.las()
    if known:
        out["region"] = fig.regions.get((region(code) or "").lower())
        edition, sns = _sn_for(code, year_ending)
        vals = [fig.las[c] for c in sns if fig.las.get(c) is not None]
        if vals:
            out.update(sn_mean=sum(vals) / len(vals), sn_edition=edition)
    if value is not None and not (isinstance(value, float) and math.isnan(value)):
        own = fig.las.get(code) if known else None
        out["rank"], out["of"], out["quartile"] = rank_among(fig.sorted_las, float(value), higher_is_better, own)
    return out


def direction_of_travel(indicator_id: str, area_code: str | int, year_ending: int,
                        higher_is_better: bool | None) -> str | None:
    """'better' / 'worse' / 'no change' ('up' / 'down' without polarity) against the previous year: the one
    direction of travel (measures.stats.direction), on the published figures."""
    points = dict(series(indicator_id, area_code))
    polarity = None if higher_is_better is None else ("higher" if higher_is_better else "lower")
    return stats.direction(polarity, points.get(year_ending), points.get(year_ending - 1))


def ofsted(la_code: str | int) -> list[dict]:
    """Every Ofsted inspection of the LA's children's services (SIF 2013-18, ILACS from 2018), newest first.

    Keys: la_code, la_name, urn, framework ('sif'|'ilacs'|'other'), ilacs_type ('standard'|'short'),
    inspection_start, inspection_end, published (datetime.date or None), overall, leaders, help_and_protection,
    children_in_care, care_leavers, adoption, lscb (judgements as published, lower case; None when not judged),
    web_link, report_file.
    """
    return [dict(r) for r in store.inspections().get(store.norm_code(la_code) or "", [])]
