"""Spec tests: children in care and permanence indicators (903 episodes as the DfE counts them)."""

from casewatch.measures.catalogue import all_indicators  # noqa: F401  (registers every indicator)
from casewatch.measures.testing import by, figure, value

PE = "2025-03-31"
EPISODES = """
    episode_id | child_id | decom      | dec        | rne | legal_status | place | rec
    e1         | 1        | 2024-01-01 | 2024-06-01 | S   | V2           | U1    | X1
    e2         | 1        | 2024-06-01 | 2024-09-01 | P   | C2           | U4    | X1
    e3         | 1        | 2024-09-01 | 2024-10-01 | T   | C2           | U4    | X1
    e4         | 1        | 2024-10-01 |            | P   | C2           | K2    |
    e5         | 2        | 2024-05-01 | 2024-07-01 | S   | V3           | T0    | E8
    e6         | 3        | 2024-04-01 | 2025-03-31 | S   | V2           | U1    | E4A
    e7         | 4        | 2025-03-31 |            | S   | C1           | U1    |
    e8         | 5        | 2020-01-01 | 2024-12-01 | S   | E1           | A5    | E11
    e9         | 6        | 2021-02-01 | 2025-01-10 | S   | C2           | U1    | E45
"""


def test_cla_at_31_march_excludes_short_breaks_and_episodes_ending_that_day():
    assert value("cla_at_31_march", PE, cla_episodes=EPISODES) == 2  # children 1 and 4
    assert by("cla_at_31_march", "placement_type", PE, cla_episodes=EPISODES) == {"residential": 1, "foster": 1}
    assert by("cla_at_31_march", "legal_status", PE, cla_episodes=EPISODES) == {"care order": 2}


def test_cla_starts_and_ceased_count_children_once_not_short_breaks():
    assert value("cla_starts", PE, cla_episodes=EPISODES) == 2  # children 3 and 4 (child 2: short breaks)
    assert value("cla_ceased", PE, cla_episodes=EPISODES) == 3  # children 3, 5, 6
    assert figure("cla_ceased_adopted_pct", PE, cla_episodes=EPISODES).numerator == 1
    assert figure("cla_ceased_sgo_pct", PE, cla_episodes=EPISODES).numerator == 1
    assert figure("cla_ceased_home_pct", PE, cla_episodes=EPISODES).numerator == 1
    assert value("sgo_granted", PE, cla_episodes=EPISODES) == 1


def test_cla_rates():
    population = """
        mid_year | age | children
        2024     | 9   | 1000
    """
    assert value("cla_rate_per_10k", PE, cla_episodes=EPISODES, population=population) == 20.0
    assert value("cla_starts_rate_per_10k", PE, cla_episodes=EPISODES, population=population) == 20.0


def test_three_placements_counts_the_one_held_at_the_start_of_the_year_and_not_a_move_with_the_same_carer():
    # child 1: U1 (open on 1 April 2024), the move of 1 June (P), not 1 Sept (T: same carer), 1 Oct (P): 3
    f = figure("cla_3plus_placements_pct", PE, cla_episodes=EPISODES)
    assert (f.numerator, f.denominator) == (1, 2)


def test_uasc_at_31_march_only_while_still_uasc():
    children = """
        child_id | date_of_birth | uasc  | uasc_ceased
        1        | 2008-01-01    | true  | 2025-03-31
        4        | 2008-01-01    | true  |
    """
    assert value("cla_uasc_at_31_march", PE, cla_episodes=EPISODES, children=children) == 1


def test_long_term_stability():
    episodes = """
        episode_id | child_id | decom      | dec        | rne | legal_status | place
        a1         | 1        | 2022-01-01 | 2023-06-01 | S   | C2           | U1
        a2         | 1        | 2023-06-01 | 2023-09-01 | P   | C2           | U4
        a3         | 1        | 2023-09-01 |            | L   | E1           | U4
        b1         | 2        | 2022-09-01 |            | S   | C2           | U1
        c1         | 3        | 2021-01-01 |            | S   | C2           | U1
    """
    children = """
        child_id | date_of_birth
        1        | 2012-01-01
        2        | 2012-01-01
        3        | 2009-03-31
    """
    # child 1: in care 3 years, placed 1 June 2023 (L is no move): not 2 years. Child 2: 2 years 7 months in care,
    # same placement: yes. Child 3 turned 16 on 31 March 2025: not counted.
    f = figure("cla_long_term_stability_pct", PE, cla_episodes=episodes, children=children)
    assert (f.numerator, f.denominator) == (1, 2)


def test_distance_and_placement_area():
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place | placement_distance_miles | placement_la
        a1         | 1        | 2024-01-01 | S   | C2           | U1    | 25.5                     | 873
        b1         | 2        | 2024-01-01 | S   | C2           | U1    | 20.0                     | X01
        c1         | 3        | 2024-01-01 | S   | C2           | U1    |                          |
    """
    f = figure("cla_placed_20_miles_pct", PE, cla_episodes=episodes)
    assert (f.numerator, f.denominator) == (1, 2)  # exactly 20 miles is not more than 20
    g = figure("cla_placed_outside_la_pct", PE, cla_episodes=episodes)
    assert (g.numerator, g.denominator) == (1, 2)


def test_visits_regulation_28():
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place
        a1         | 1        | 2025-03-25 | S   | C2           | U1
        b1         | 2        | 2025-03-20 | S   | C2           | U1
        c1         | 3        | 2024-01-01 | S   | C2           | U1
        d1         | 4        | 2024-10-01 | S   | C2           | U1
    """
    visits = """
        visit_id | child_id | visit_date | kind | child_seen
        v1       | 3        | 2025-01-01 | CLA  | true
        v2       | 4        | 2025-02-17 | CLA  | true
    """
    # child 1 placed 6 days ago, not yet visited: not due. Child 2 placed 11 days ago, not visited: overdue.
    # child 3, seen a year after placement and 89 days before: in time (3 months after the first year). Child 4 in its first year, seen 42 days before.
    f = figure("cla_visits_on_time_pct", PE, cla_episodes=episodes, visits=visits)
    assert (f.numerator, f.denominator) == (3, 4)


def test_reviews_regulation_33():
    episodes = """
        episode_id | child_id | decom      | rne | legal_status | place
        a1         | 1        | 2025-03-03 | S   | C2           | U1
        b1         | 2        | 2025-02-03 | S   | C2           | U1
        c1         | 3        | 2024-10-01 | S   | C2           | U1
        d1         | 4        | 2024-01-01 | S   | C2           | U1
    """
    reviews = """
        review_id | child_id | review_date
        r3        | 3        | 2024-10-28
        r4        | 4        | 2024-01-26
        r5        | 4        | 2024-04-20
        r6        | 4        | 2024-10-20
    """
    # child 1: 20 working days from 3 March is 31 March: not overdue. Child 2: first review was due 3 March: overdue.
    # child 3: one review, the second due within 3 months (28 Jan): overdue. Child 4: due 20 April 2025: in time.
    f = figure("cla_reviews_on_time_pct", PE, cla_episodes=episodes, cla_reviews=reviews)
    assert (f.numerator, f.denominator) == (2, 4)


def test_health_and_dental_checks_from_oc2():
    health = """
        child_id | year_ending | health_assessment | teeth_check
        1        | 2025-03-31  | true              | false
        2        | 2025-03-31  | true              |
        3        | 2024-03-31  | false             | false
    """
    assert value("cla_health_checks_pct", PE, cla_health=health) == 100.0
    assert value("cla_dental_checks_pct", PE, cla_health=health) == 0.0


def test_missing():
    missing = """
        missing_id | child_id | kind | start_date
        m1         | 1        | M    | 2024-05-01
        m2         | 1        | M    | 2024-06-01
        m3         | 3        | A    | 2024-06-01
        m4         | 6        | M    | 2024-03-31
    """
    assert value("cla_missing_episodes", PE, cla_episodes=EPISODES, missing_episodes=missing) == 2
    f = figure("cla_missing_pct", PE, cla_episodes=EPISODES, missing_episodes=missing)
    assert (f.numerator, f.denominator) == (1, 5)  # looked after in the year: 1, 3, 4, 5, 6 (2: short breaks)


ADOPTION = """
    episode_id | child_id | decom      | dec        | rne | legal_status | place | rec
    a1         | 1        | 2021-01-01 | 2022-01-01 | S   | C2           | U4    | X1
    a2         | 1        | 2022-01-01 | 2022-07-01 | L   | E1           | U4    | X1
    a3         | 1        | 2022-07-01 | 2023-01-01 | T   | E1           | A5    | E11
    b1         | 2        | 2022-01-01 | 2022-06-01 | S   | C2           | U1    | X1
    b2         | 2        | 2022-06-01 | 2023-03-01 | P   | E1           | U4    | X1
    b3         | 2        | 2023-03-01 | 2024-03-01 | P   | E1           | A6    | E12
    c1         | 3        | 2020-01-01 | 2022-03-31 | S   | E1           | A6    | E11
"""


def test_adoption_scorecard_a1_and_a10_over_three_years():
    # three years to 31 March 2025 start 1 April 2022: children 1 and 2 (child 3 adopted 31 March 2022)
    # A1: child 1 1 Jan 2021 -> 1 July 2022 (546 days), child 2 1 Jan 2022 -> 1 March 2023 (424): mean 485
    f = figure("adoption_a1_days", PE, cla_episodes=ADOPTION)
    assert (f.numerator, f.denominator, f.value) == (970, 2, 485)
    # A10: child 1 was adopted by their foster carers (A5): moved in with them 1 Jan 2021 -> 0 days; mean 212
    assert value("adoption_a10_days", PE, cla_episodes=ADOPTION) == 212


def test_adoption_a2_placement_order_to_match():
    permanence = """
        permanence_id | child_id | route    | matched_date
        p1            | 1        | adoption | 2022-06-01
    """
    adopters = """
        child_id | placed_date | matched_date
        2        | 2023-03-01  | 2023-01-31
    """
    # child 1: placement order (E1) 1 Jan 2022 -> match 1 June 2022 = 151; child 2: 1 June 2022 -> 31 Jan 2023 = 244
    f = figure("adoption_a2_days", PE, cla_episodes=ADOPTION, permanence=permanence, adopters=adopters)
    assert (f.numerator, f.denominator, f.value) == (395, 2, 198)


def test_days_to_permanence_median():
    assert value("days_to_permanence_median", "2024-03-31", cla_episodes=ADOPTION) == 790  # child 2 only
