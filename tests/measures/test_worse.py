"""Spec tests: what got worse, ranked (casewatch.measures.worse). Small tables of figures -> the exact order and
the words; a pure function, no database."""

from casewatch.measures.define import Indicator
from casewatch.measures.worse import Candidate, rank

YEARS = ("2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31", "2026-03-31")


def _cell(text: str):
    text = text.strip()
    if text in ("", "-"):
        return None
    if text == "c":
        return "c"
    return float(text) if "." in text else int(text)


def candidates(table: str) -> list[Candidate]:
    """One Candidate per row: title | unit | better (higher/lower/none) | five years | denominator | England |
    neighbours | spread between councils | benchmark year."""
    lines = [line for line in table.strip().splitlines() if line.strip()]
    out = []
    for line in lines[1:]:
        title, unit, better, *rest = [c.strip() for c in line.split("|")]
        values, (den, england, sn, spread, year) = [_cell(c) for c in rest[:5]], [_cell(c) for c in rest[5:]]
        ind = Indicator(id=title.lower().replace(" ", "_"), title=title, description="-", source="-", area="-",
                        unit=unit, polarity=None if better == "none" else better, period="year", numerator="-",
                        denominator=None if unit == "count" else "-", units="", decimals=0 if unit == "count" else 1)
        out.append(Candidate(ind, tuple(zip(YEARS, values, strict=True)), den, england, sn, year, spread))
    return out


def titles(table: str) -> list[str]:
    return [w.ind.title for w in rank(candidates(table)).worse]


def test_a_small_unusual_change_in_a_steady_indicator_ranks_above_a_big_change_that_is_usual_for_its_indicator():
    # contacts move by about 1,000 a year (sd of +1000, -800, +900 = 1,011.6): +500 is 0.49 times that.
    # assessments move by 0.1-0.2 points (sd 0.17): a fall of 1.0 point is 5.8 times that.
    table = """
    title               | unit    | better | 2022 | 2023 | 2024 | 2025 | 2026 | den | england | sn | spread | year
    Contacts received   | count   | lower  | 6000 | 7000 | 6200 | 7100 | 7600 |     |         |    |        |
    Assessments on time | percent | higher | 80.0 | 80.2 | 80.1 | 80.3 | 79.3 | 500 | 85.0    |    | 5.0    | 2025
    """
    r = rank(candidates(table))
    assert [w.ind.title for w in r.worse] == ["Assessments on time", "Contacts received"]
    assessments, contacts = r.worse
    assert round(assessments.change_score, 2) == 5.77 and assessments.basis == "usual"
    assert round(contacts.change_score, 2) == 0.49 and contacts.basis == "usual"
    assert assessments.sentence == ("fell from 80.3% to 79.3% (worse): 5.8 times its usual year-to-year change; "
                                    "5.7 points below England (2025): worse than England, 1.1 times the usual "
                                    "spread between councils")
    assert contacts.sentence == ("rose from 7,100 to 7,600 (worse): 0.5 times its usual year-to-year change; "
                                 "a count: not compared with England's total")


def test_equal_change_scores_are_ranked_by_distance_from_england_and_neighbours_then_by_title():
    # each changes by exactly twice its usual change (earlier changes +1, -1, +1: sd 1.15; latest 2.31 = 2.0 sd)
    table = """
    title           | unit    | better | 2022 | 2023 | 2024 | 2025 | 2026  | den | england | sn   | spread | year
    Near England    | percent | higher | 50.0 | 51.0 | 50.0 | 51.0 | 48.69 | 100 | 49.0    |      | 10.0   | 2025
    Far from SNs    | percent | higher | 50.0 | 51.0 | 50.0 | 51.0 | 48.69 | 100 | 49.0    | 68.7 | 10.0   | 2025
    Behind England  | percent | higher | 50.0 | 51.0 | 50.0 | 51.0 | 48.69 | 100 | 58.7    |      | 10.0   | 2025
    Also near       | percent | higher | 50.0 | 51.0 | 50.0 | 51.0 | 48.69 | 100 | 49.0    |      | 10.0   | 2025
    """
    r = rank(candidates(table))
    assert {round(w.change_score, 1) for w in r.worse} == {2.0}
    assert [w.ind.title for w in r.worse] == ["Far from SNs", "Behind England", "Also near", "Near England"]
    assert [round(w.distance, 2) for w in r.worse] == [2.0, 1.0, 0.03, 0.03]


def test_with_too_few_years_a_percentage_is_scored_against_chance_and_one_with_no_score_ranks_last():
    # 60% -> 50% of 100: binomial standard error of the change sqrt((.5*.5 + .6*.4) / 100) = 7.0 points: 1.4
    table = """
    title                | unit    | better | 2022 | 2023 | 2024 | 2025 | 2026 | den | england | sn | spread | year
    Two-year count       | count   | lower  |      |      |      | 10   | 90   |     |         |    |        |
    Visits on time       | percent | higher |      |      |      | 60.0 | 50.0 | 100 |         |    |        |
    Long-run steady      | percent | higher | 70.0 | 70.5 | 70.0 | 70.5 | 69.0 | 100 |         |    |        |
    """
    r = rank(candidates(table))
    assert [w.ind.title for w in r.worse] == ["Long-run steady", "Visits on time", "Two-year count"]
    steady, visits, count = r.worse
    assert (round(steady.change_score, 1), steady.basis) == (2.6, "usual")  # 1.5 over the sd of +.5, -.5, +.5
    assert (round(visits.change_score, 2), visits.basis) == (1.43, "chance")
    assert visits.score_words == ("1.4 times the change chance alone would give (too few years to know its usual "
                                  "change)")
    assert (count.change_score, count.basis) == (None, None)
    assert count.score_words == "too few years to tell how unusual the change is"


def test_only_changes_that_are_worse_by_polarity_count_and_suppressed_figures_are_left_out_and_counted():
    table = """
    title             | unit    | better | 2022 | 2023 | 2024 | 2025 | 2026 | den | england | sn | spread | year
    Improved          | percent | higher | 50.0 | 51.0 | 52.0 | 53.0 | 60.0 | 100 |         |    |        |
    Fewer is better   | count   | lower  | 50   | 52   | 51   | 53   | 40   |     |         |    |        |
    No target         | count   | none   | 50   | 52   | 51   | 53   | 90   |     |         |    |        |
    Unchanged         | percent | lower  | 50.0 | 51.0 | 52.0 | 53.0 | 53.0 | 100 |         |    |        |
    Suppressed now    | count   | lower  | 50   | 52   | 51   | 5    | c    |     |         |    |        |
    Suppressed before | count   | higher | 50   | 52   | 51   | c    | 8    |     |         |    |        |
    Suppressed early  | count   | higher | c    | 52   | 51   | 53   | 40   |     |         |    |        |
    Not yet known     | count   | higher | 50   | 52   | 51   | 53   |      |     |         |    |        |
    """
    r = rank(candidates(table))
    assert [w.ind.title for w in r.worse] == ["Suppressed early"]
    # two earlier changes (51-52, 53-51) are enough: sd of -1 and +2 = 2.12; the fall of 13 is 6.1 times that
    assert round(r.worse[0].change_score, 1) == 6.1
    assert (r.left_out, r.considered) == (2, 4)


def test_lower_is_better_says_above_england_is_worse_and_below_the_neighbours_is_better():
    table = """
    title          | unit    | better | 2022 | 2023 | 2024 | 2025 | 2026 | den | england | sn   | spread | year
    Re-referrals   | percent | lower  | 20.0 | 21.0 | 20.0 | 21.0 | 23.0 | 200 | 22.0    | 24.5 | 4.0    | 2025
    """
    w = rank(candidates(table)).worse[0]
    assert w.distance_words == ("1.0 points above England (2025): worse than England, 0.2 times the usual spread "
                                "between councils; 1.5 points below statistical neighbours (2025): better than "
                                "statistical neighbours, 0.4 times the usual spread between councils")
    assert round(w.distance, 2) == 0.25  # the larger of +0.25 (England) and -0.375 (neighbours)
