"""Words, not codes: one date format and one label table (src/casewatch/words.toml) for every coded column."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from casewatch import words
from casewatch.model import TABLES

CODED = [(f"{t.name}.{c.name}", c.codes) for t in TABLES for c in t.columns if c.codes]


def test_dates_read_one_way():
    assert words.day(date(2026, 3, 31)) == "31 March 2026"
    assert words.day("2026-04-07") == "7 April 2026"  # no leading zero, ISO text read as a date
    assert words.day(datetime(2026, 1, 30, 14, 5)) == "30 January 2026"
    assert words.day_short(date(2026, 4, 7)) == "7 Apr 2026"
    assert words.month(date(2026, 3, 1)) == "Mar 2026"
    assert words.day(None) == words.day_short("") == ""
    assert words.day_short("not a date") == "not a date"


@pytest.mark.parametrize(("column", "codes"), CODED, ids=[c for c, _ in CODED])
def test_every_code_of_every_coded_column_has_words(column, codes):
    # a code list changed in model/codes.py (or a new coded column) without words in words.toml fails here
    missing = [code for code in codes if words.label(column, code) == code]
    assert not missing, f"{column}: no words for {missing} in words.toml"
    assert all(words.label(column, code).strip() for code in codes)


def test_known_words():
    assert words.label("cla_episodes.legal_status", "C2") == "Full care order"
    assert words.label("cla_snapshots.legal_status", "C1") == "Interim care order"
    assert words.label("cla_episodes.place", "U1") == "Foster placement with relative or friend, long-term fostering"
    assert words.label("cp_plans.initial_category", "PHY") == words.label("cp_plans.latest_category", "PHY") \
        == "Physical abuse"
    assert words.label("referrals.primary_need", "N4") == words.label("cla_episodes.cin", "N4") \
        == "Family in acute stress"
    assert words.label("children.ethnicity", "WBRI") == "White British"
    assert words.label("children.sex", "F") == "Female"
    assert words.label("care_leavers.accommodation", "Z2") == "With former foster carers, not suitable"
    assert words.label("care_leavers.activity", "0") == words.label("care_leavers.activity", 0)
    assert words.label("teams.service", "children_in_care") == "Children in care"


def test_unknown_codes_are_shown_as_they_are():
    assert words.label("cla_episodes.legal_status", "Q9") == "Q9"
    assert words.label("no_table.no_column", "C2") == "C2"
    assert words.label("cla_episodes.legal_status", None) == ""
    assert words.label_code("cla_episodes.legal_status", "C2") == "Full care order (C2)"
    assert words.label_code("cla_episodes.legal_status", "Q9") == "Q9"


def test_the_label_file_holds_only_columns_of_the_model_and_lists_it_uses():
    data = tomllib.loads((Path(words.__file__).parent / "words.toml").read_text())
    coded = {column for column, _ in CODED}
    assert set(data["columns"]) == coded  # every coded column mapped, and no stale column
    assert set(data["columns"].values()) == set(data["lists"])  # no list without a column
