"""Shipped DfE benchmarks (LAIT, statistical neighbours) and Ofsted judgement history; see docs/benchmarks.md."""

from casewatch.benchmarks.api import (
    OFSTED_SOURCE,
    SOURCE,
    benchmark_year,
    compare,
    direction_of_travel,
    la_name,
    lait_polarity,
    ofsted,
    published,
    region,
    series,
    statistical_neighbours,
)
from casewatch.benchmarks.lait_map import LAIT_MAP, UNMAPPED, LaitMeasure

__all__ = [
    "LAIT_MAP", "OFSTED_SOURCE", "SOURCE", "UNMAPPED", "LaitMeasure", "benchmark_year", "compare",
    "direction_of_travel", "la_name", "lait_polarity", "ofsted", "published", "region", "series",
    "statistical_neighbours",
]
