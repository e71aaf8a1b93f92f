"""Disclosure control: examples and properties (hypothesis) that no public figure is a count of 1-4, every count
is a multiple of 5, and no suppressed cell can be recovered from its row or column total."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casewatch.disclosure import SUPPRESSED, DisclosureError, Policy, count, ratio, table, total


@pytest.mark.parametrize(("n", "shown"), [(0, 0), (1, "c"), (4, "c"), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15),
                                          (1002, 1000), (1003, 1005)])
def test_counts(n, shown):
    assert count(n) == shown


def test_rates_from_suppressed_counts_are_suppressed_and_others_use_unrounded_counts():
    assert ratio(3, 200) == SUPPRESSED
    assert ratio(30, 4) == SUPPRESSED
    assert ratio(7, 9) == 77.8  # not 5/10
    assert ratio(12, 12327, scale=10_000) == 9.7
    assert ratio(0, 0) is None


def test_thresholds_can_be_raised_never_lowered():
    assert count(7, Policy(min_count=10)) == SUPPRESSED
    assert count(12, Policy(round_to=10)) == 10
    with pytest.raises(DisclosureError, match="raised, never lowered"):
        Policy(min_count=3)
    with pytest.raises(DisclosureError):
        Policy(round_to=1)


def test_secondary_suppression_example():
    # row 0 has one small cell: its next smallest (6) goes too; then columns 0 and 1 each have one hidden cell,
    # so 10 and 20 go; row 1 then has two hidden cells and nothing more is needed
    assert table([[3, 6, 40], [10, 20, 30]]) == [["c", "c", 40], ["c", "c", 30]]
    assert table([[3, 6, 40], [0, 0, 30]]) == [["c", "c", 40], [0, 0, 30]]  # zeros give nothing away


def test_bad_input_is_refused():
    with pytest.raises(DisclosureError):
        count(-1)
    with pytest.raises(DisclosureError):
        count(2.5)
    with pytest.raises(DisclosureError):
        table([[1, 2], [3]])


grids = st.integers(1, 5).flatmap(lambda w: st.lists(st.lists(st.integers(0, 40), min_size=w, max_size=w),
                                                       min_size=1, max_size=5))


@settings(max_examples=300, deadline=None)
@given(grids)
def test_no_public_cell_is_small_every_count_is_rounded_and_no_hidden_cell_stands_alone(cells):
    out = table(cells)
    for row_in, row_out in zip(cells, out, strict=True):
        for c_in, c_out in zip(row_in, row_out, strict=True):
            if c_out == SUPPRESSED:
                assert c_in > 0
            else:
                assert c_out % 5 == 0 and not 0 < c_out < 5
                assert abs(c_out - c_in) <= 2
    lines = [list(range(len(cells[0])))]
    for i, row in enumerate(out):  # a row's hidden cells: never exactly one unless the rest are all zero
        hidden = [j for j, c in enumerate(row) if c == SUPPRESSED]
        if len(hidden) == 1:
            assert all(cells[i][j] == 0 for j in lines[0] if j != hidden[0])
    for j in range(len(cells[0])):
        hidden = [i for i in range(len(out)) if out[i][j] == SUPPRESSED]
        if len(hidden) == 1:
            assert all(cells[i][j] == 0 for i in range(len(out)) if i != hidden[0])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=8))
def test_a_line_total_is_controlled_too(cells):
    t = total(cells)
    assert t == SUPPRESSED or (t % 5 == 0 and not 0 < t < 5)
