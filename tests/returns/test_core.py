"""The cleaners every reader shares: the mess real files hold, typed once."""

import datetime as dt

import pytest

from casewatch.returns.core import ReturnFile, clean_code, clean_id, parse_bool, parse_date, parse_int


@pytest.mark.parametrize("raw, want", [
    ("1234", "1234"), ("1234.0", "1234"), (1234.0, "1234"), ("  1234 ", "1234"), ("\ufeff1234", "1234"),
    ("0012", "0012"), ("A12.5", "A12.5"), ("", None), ("   ", None), (None, None), ("12\u00a0", "12"),
])
def test_ids_excel_mangled(raw, want):
    assert clean_id(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("e11", "E11"), (" X1 ", "X1"), ("1.0", "1"), (1.0, "1"), ("", None), ("pr1\t", "PR1"),
])
def test_codes(raw, want):
    assert clean_code(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("01/04/2023", dt.date(2023, 4, 1)), ("1/4/2023", dt.date(2023, 4, 1)), ("2023-04-01", dt.date(2023, 4, 1)),
    ("2023-04-01T00:00:00", dt.date(2023, 4, 1)), ("2023-04-01 00:00:00", dt.date(2023, 4, 1)),
    (45017, dt.date(2023, 4, 1)), ("45017", dt.date(2023, 4, 1)), (45017.0, dt.date(2023, 4, 1)),
    (dt.datetime(2023, 4, 1, 9, 30), dt.date(2023, 4, 1)), ("29/02/2024", dt.date(2024, 2, 29)),
    ("01.04.2023", dt.date(2023, 4, 1)), ("", None),
])
def test_dates_in_every_form_councils_send(raw, want):
    assert parse_date(raw) == want


@pytest.mark.parametrize("raw", ["31/02/2023", "2023/13/01", "yesterday", "04/01/23", "45017.5", True])
def test_bad_dates_refused(raw):
    with pytest.raises((ValueError, TypeError)):
        parse_date(raw)


def test_ints_and_bools():
    assert parse_int("3.0") == 3 and parse_int(" 7 ") == 7 and parse_int("") is None
    with pytest.raises(ValueError):
        parse_int("3.5")
    assert [parse_bool(v) for v in ("true", "0", "Y", "no", "")] == [True, False, True, False, None]


def test_a_cell_that_cannot_be_typed_is_null_reported_once_and_kept_for_quarantine():
    f = ReturnFile("episodes.csv", "ssda903", 2024)
    b = f.builder("ssda903.episodes")
    b.add(2, {"CHILD": "1", "DECOM": "01/04/2023"})
    b.add(3, {"CHILD": "2", "DECOM": "31/02/2023"}, child="2")
    assert b.columns["DECOM"] == [dt.date(2023, 4, 1), None]
    assert b.columns["_bad"] == [None, '{"DECOM": "31/02/2023"}']
    assert [(i.rule, i.row, i.field, i.message) for i in f.issues] == [("CW-TYPE", 3, "DECOM", "DECOM is not a date")]
    assert "31/02" not in f.issues[0].message  # values never in messages
