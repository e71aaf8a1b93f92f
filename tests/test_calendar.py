"""Tests for the England & Wales working-day calendar (casewatch.calendar)."""

from __future__ import annotations

import time
from datetime import date, timedelta

import duckdb
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casewatch.calendar import (
    CALENDAR_END,
    CALENDAR_START,
    add_working_days,
    bank_holidays,
    create_calendar_table,
    is_working_day,
    working_day_number,
    working_days_between,
)

D = date


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    create_calendar_table(connection)
    yield connection
    connection.close()


# --- what the holidays package returns --------------------------------------------------------


def test_easter_2024():
    hols = bank_holidays(2024, 2024)
    assert hols[D(2024, 3, 29)] == "Good Friday"
    assert hols[D(2024, 4, 1)] == "Easter Monday"  # only present with subdiv="ENG"
    assert not is_working_day(D(2024, 3, 29))
    assert not is_working_day(D(2024, 4, 1))
    assert is_working_day(D(2024, 3, 28)) and is_working_day(D(2024, 4, 2))


def test_full_2024_list():
    assert list(bank_holidays(2024, 2024)) == [
        D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6),
        D(2024, 5, 27), D(2024, 8, 26), D(2024, 12, 25), D(2024, 12, 26),
    ]  # fmt: skip


def test_christmas_new_year_substitutes():
    hols = bank_holidays(2021, 2023)
    # Christmas 2021 on Saturday, Boxing Day on Sunday -> Mon 27 and Tue 28 Dec.
    assert hols[D(2021, 12, 27)] == "Christmas Day (observed)"
    assert hols[D(2021, 12, 28)] == "Boxing Day (observed)"
    # 1 Jan 2022 on Saturday -> Mon 3 Jan 2022.
    assert hols[D(2022, 1, 3)] == "New Year's Day (observed)"
    # Christmas 2022 on Sunday, Boxing Day Monday -> Tue 27 Dec 2022 substitute.
    assert hols[D(2022, 12, 26)] == "Boxing Day"
    assert hols[D(2022, 12, 27)] == "Christmas Day (observed)"
    # 1 Jan 2023 on Sunday -> Mon 2 Jan 2023.
    assert hols[D(2023, 1, 2)] == "New Year's Day (observed)"
    for d in (D(2021, 12, 27), D(2021, 12, 28), D(2022, 1, 3), D(2022, 12, 27), D(2023, 1, 2)):
        assert not is_working_day(d)
    assert is_working_day(D(2021, 12, 24))  # Christmas Eve is not a bank holiday


def test_weekend_holidays_are_listed_by_the_package():
    # Surprise: the package also lists the weekend date itself, next to the substitute day.
    hols = bank_holidays(2021, 2022)
    assert hols[D(2021, 12, 25)] == "Christmas Day"  # a Saturday
    assert hols[D(2022, 1, 1)] == "New Year's Day"  # a Saturday
    assert D(2021, 12, 25).weekday() == 5 and not is_working_day(D(2021, 12, 25))
    assert len([d for d in hols if d.year == 2021]) == 10  # gov.uk lists 8 for 2021


def test_2022_extra_bank_holidays():
    hols = bank_holidays(2022, 2022)
    assert hols[D(2022, 6, 2)] == "Spring Bank Holiday"  # moved from Mon 30 May
    assert hols[D(2022, 6, 3)] == "Platinum Jubilee of Elizabeth II"
    assert hols[D(2022, 9, 19)] == "State Funeral of Queen Elizabeth II"
    assert D(2022, 5, 30) not in hols
    assert is_working_day(D(2022, 5, 30))
    assert not is_working_day(D(2022, 6, 2)) and not is_working_day(D(2022, 6, 3))
    assert not is_working_day(D(2022, 9, 19))


def test_other_one_off_holidays():
    hols = bank_holidays(1999, 2023)
    assert hols[D(2023, 5, 8)] == "Coronation of Charles III"
    assert hols[D(2011, 4, 29)] == "Wedding of William and Catherine"
    assert hols[D(2012, 6, 4)] == "Spring Bank Holiday"  # moved from 28 May
    assert hols[D(2012, 6, 5)] == "Diamond Jubilee of Elizabeth II"
    assert hols[D(2002, 6, 3)] == "Golden Jubilee of Elizabeth II"
    assert hols[D(2002, 6, 4)] == "Spring Bank Holiday"
    assert hols[D(1999, 12, 31)] == "Millennium Celebrations"
    assert hols[D(2020, 5, 8)] == "May Day"  # moved to VE Day (Friday)
    assert D(2020, 5, 4) not in hols


def test_bank_holidays_returns_fresh_copies():
    first = bank_holidays(2024, 2024)
    first.clear()
    assert len(bank_holidays(2024, 2024)) == 8
    with pytest.raises(ValueError):
        bank_holidays(2025, 2024)


# --- working-day numbers and worked examples ---------------------------------------------------


def test_working_day_number_basics():
    assert working_day_number(CALENDAR_START) == 0  # Mon 1 Jan 1990 was New Year's Day
    assert working_day_number(D(1990, 1, 2)) == 1
    # Weekends and holidays carry the previous working day's number.
    assert working_day_number(D(2024, 3, 30)) == working_day_number(D(2024, 3, 28))
    assert working_day_number(D(2024, 4, 1)) == working_day_number(D(2024, 3, 28))
    assert working_day_number(D(2024, 4, 2)) == working_day_number(D(2024, 3, 28)) + 1


def test_friday_to_monday_is_one_working_day():
    assert working_days_between(D(2024, 1, 5), D(2024, 1, 8)) == 1  # Fri -> Mon
    assert working_days_between(D(2024, 1, 8), D(2024, 1, 8)) == 0
    assert working_days_between(D(2024, 1, 8), D(2024, 1, 5)) == -1


def test_working_days_between_across_easter_2024():
    # After Thu 28 Mar: Fri 29 (Good Friday), Sat 30, Sun 31, Mon 1 Apr (Easter Monday),
    # Tue 2 Apr (working) -> 1 working day (3 weekdays).
    assert working_days_between(D(2024, 3, 28), D(2024, 4, 2)) == 1
    # After Mon 25 Mar to Fri 5 Apr: Tue 26, Wed 27, Thu 28, [Fri 29 GF], [Mon 1 EM],
    # Tue 2, Wed 3, Thu 4, Fri 5 -> 7.
    assert working_days_between(D(2024, 3, 25), D(2024, 4, 5)) == 7


def test_working_days_between_across_christmas():
    # After Thu 23 Dec 2021 to Tue 4 Jan 2022: Fri 24 (1), [25, 26 weekend], [Mon 27, Tue 28
    # substitutes], Wed 29 (2), Thu 30 (3), Fri 31 (4), [1, 2 weekend], [Mon 3 Jan substitute],
    # Tue 4 (5) -> 5.
    assert working_days_between(D(2021, 12, 23), D(2022, 1, 4)) == 5
    # After Fri 23 Dec 2022 to Tue 3 Jan 2023: [24, 25 weekend], [Mon 26 Boxing Day],
    # [Tue 27 substitute], Wed 28 (1), Thu 29 (2), Fri 30 (3), [31, 1 weekend],
    # [Mon 2 Jan substitute], Tue 3 (4) -> 4.
    assert working_days_between(D(2022, 12, 23), D(2023, 1, 3)) == 4


def test_working_days_between_2022_and_2023_one_offs():
    # After Fri 27 May 2022: Mon 30 (1), Tue 31 (2), Wed 1 Jun (3), [Thu 2, Fri 3], Mon 6 (4).
    assert working_days_between(D(2022, 5, 27), D(2022, 6, 6)) == 4
    # After Fri 16 Sep 2022: [Mon 19 state funeral], Tue 20 (1).
    assert working_days_between(D(2022, 9, 16), D(2022, 9, 20)) == 1
    # After Fri 28 Apr 2023: [Mon 1 May], Tue-Fri 2-5 (4), [Mon 8 coronation], Tue-Fri 9-12 (8).
    assert working_days_between(D(2023, 4, 28), D(2023, 5, 12)) == 8


def test_add_working_days_45_day_assessment():
    # No holidays Sep-Nov 2024: 45 working days = 9 weeks = 63 days -> Mon 4 Nov 2024.
    assert add_working_days(D(2024, 9, 2), 45) == D(2024, 11, 4)
    # Mon 2 Dec 2024: 63 days is Mon 3 Feb 2025, but 25 Dec, 26 Dec and 1 Jan fall on
    # weekdays in between, so 3 more working days -> Thu 6 Feb 2025.
    assert add_working_days(D(2024, 12, 2), 45) == D(2025, 2, 6)
    # Fri 1 Mar 2024: 63 days is Fri 3 May; Good Friday and Easter Monday push it 2 working
    # days further, and Mon 6 May is May Day -> Tue 7 (1), Wed 8 May 2024 (2).
    assert add_working_days(D(2024, 3, 1), 45) == D(2024, 5, 8)
    # A Saturday referral counts from the Friday before (same working-day number).
    assert add_working_days(D(2024, 3, 2), 45) == D(2024, 5, 8)
    assert working_days_between(D(2024, 3, 1), D(2024, 5, 8)) == 45
    assert working_days_between(D(2024, 3, 1), D(2024, 5, 7)) == 44


def test_add_working_days_15_day_icpc_over_christmas_2022():
    # After Mon 19 Dec 2022: Tue 20 - Fri 23 (4), [26, 27], Wed 28 - Fri 30 (7), [Mon 2 Jan],
    # Tue 3 - Fri 6 (11), Mon 9 - Thu 12 Jan 2023 (15).
    assert add_working_days(D(2022, 12, 19), 15) == D(2023, 1, 12)


def test_add_working_days_zero_and_negative():
    assert add_working_days(D(2024, 3, 30), 0) == D(2024, 3, 30)  # returns d itself
    assert add_working_days(D(2024, 4, 2), -1) == D(2024, 3, 28)  # skips Easter
    assert add_working_days(D(2024, 1, 6), 1) == D(2024, 1, 8)  # Sat + 1 -> Mon
    assert add_working_days(D(2024, 1, 6), -1) == D(2024, 1, 4)  # Sat - 1 -> Thu (Fri is 0)
    assert add_working_days(D(2025, 2, 6), -45) == D(2024, 12, 2)


# --- range handling ----------------------------------------------------------------------------


@pytest.mark.parametrize("func", [working_day_number, is_working_day])
@pytest.mark.parametrize("bad", [D(1989, 12, 31), D(2046, 1, 1)])
def test_out_of_range_raises(func, bad):
    with pytest.raises(ValueError, match=rf"{bad.isoformat()}.*1990-01-01 to 2045-12-31"):
        func(bad)


def test_out_of_range_arithmetic_raises():
    with pytest.raises(ValueError, match="2046-01-01"):
        working_days_between(D(2045, 1, 1), D(2046, 1, 1))
    with pytest.raises(ValueError, match="30 working days from 2045-12-20 falls outside"):
        add_working_days(D(2045, 12, 20), 30)
    with pytest.raises(ValueError, match="falls outside"):
        add_working_days(D(1990, 1, 3), -5)
    assert add_working_days(D(1990, 1, 3), -1) == D(1990, 1, 2)
    assert working_day_number(CALENDAR_END) > 0


# --- independent oracles -----------------------------------------------------------------------

PAIRS = st.tuples(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)),
)


def _weekday_holidays() -> list[date]:
    return [d for d in bank_holidays(1990, 2045) if d.weekday() < 5]


@settings(max_examples=300, deadline=None)
@given(PAIRS)
def test_between_matches_numpy_busday_count(pair):
    a, b = pair
    # numpy counts business days in [lo+1, hi+1), i.e. after lo up to and including hi.
    # (Its own negative counts for begin > end use a different half-open interval, so swap.)
    lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
    expected = sign * int(np.busday_count(lo + timedelta(1), hi + timedelta(1), holidays=_weekday_holidays()))
    assert working_days_between(a, b) == expected


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)), st.integers(-300, 300))
def test_add_working_days_is_minimal(d, n):
    w = add_working_days(d, n)
    assert working_days_between(d, w) == n
    if n != 0:
        assert is_working_day(w)
        # earliest: no earlier date reaches the same count
        assert working_days_between(d, w - timedelta(1)) == n - 1


# --- the SQL table ----------------------------------------------------------------------------


def test_table_schema_and_comments(con):
    cols = con.sql(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE table_name = 'calendar' ORDER BY column_index"
    ).fetchall()
    assert [(c[0], c[1], c[2]) for c in cols] == [
        ("date", "DATE", False),
        ("is_working_day", "BOOLEAN", False),
        ("bank_holiday", "VARCHAR", True),
        ("working_day_no", "INTEGER", False),
    ]
    assert all(c[3] for c in cols)
    n_days = (CALENDAR_END - CALENDAR_START).days + 1
    assert con.execute("SELECT count(*), count(DISTINCT date) FROM calendar").fetchone() == (n_days, n_days)
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO calendar VALUES ('2024-01-01', false, NULL, 0)")


def test_table_matches_python_for_every_day(con):
    rows = con.sql(
        "SELECT date, is_working_day, bank_holiday, working_day_no FROM calendar ORDER BY date"
    ).fetchall()
    hols = bank_holidays(1990, 2045)
    for d, working, name, number in rows:
        assert (working, name, number) == (is_working_day(d), hols.get(d), working_day_number(d))


def test_table_subrange_keeps_global_numbers():
    c = duckdb.connect()
    create_calendar_table(c, D(2024, 1, 1), D(2024, 12, 31), name="cal 2024")
    assert c.execute('SELECT count(*), min(working_day_no) FROM "cal 2024"').fetchone() == (
        366,
        working_day_number(D(2024, 1, 1)),
    )
    with pytest.raises(ValueError, match="1989-01-01"):
        create_calendar_table(c, D(1989, 1, 1), D(2024, 1, 1))


def test_create_calendar_table_is_fast():
    c = duckdb.connect()
    create_calendar_table(c)  # warm the holiday cache
    t0 = time.perf_counter()
    create_calendar_table(c)
    assert time.perf_counter() - t0 < 0.5


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(PAIRS, st.integers(-60, 120).filter(lambda n: n != 0)), min_size=1, max_size=20))
def test_sql_idioms_match_python(con, cases):
    values = ", ".join(f"({i}, DATE '{a}', DATE '{b}', {n})" for i, ((a, b), n) in enumerate(cases))
    rows = con.sql(
        f"""
        SELECT cb.working_day_no - ca.working_day_no AS between_days, c2.date AS due
        FROM (VALUES {values}) r(i, a, b, n)
        JOIN calendar ca ON ca.date = r.a
        JOIN calendar cb ON cb.date = r.b
        JOIN calendar c2 ON c2.working_day_no = ca.working_day_no + r.n AND c2.is_working_day
        ORDER BY r.i
        """
    ).fetchall()
    assert rows == [(working_days_between(a, b), add_working_days(a, n)) for (a, b), n in cases]
