"""What every reader shares: cleaning of the mess real files hold, typed row building, issues, staging.

A reader turns one file into a ``ReturnFile``: its kind and collection year, the number of records read, the
typed rows of each staging table (``returns/staging.py``) and the problems met while reading. It never
raises for bad content: a file it cannot read at all comes back with ``error`` set and no rows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import partial

from casewatch.returns.staging import STAGING, StagingTable

EXCEL_EPOCH = dt.date(1899, 12, 30)
_SPACES = " \t\r\n\u00a0\ufeff"
_FLOAT_INT = re.compile(r"^[+-]?\d+\.0*$")
_TIME = r"(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?"  # Excel's date-time: the date is read
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _TIME + "$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


EARLIEST_YEAR = 1900  # a date before 1 January 1900 is impossible in these returns
AHEAD = {"DUC": 18, "uasc_ceased": 18}  # dates given in advance (a UASC child's 18th birthday): years they may run
# beyond the latest year any other date may have


class ImpossibleDate(ValueError):
    """A well-formed date no return can hold: before 1900 or after 31 December of next year. Its message says
    so in words, never the value."""


def latest_year(ahead: int = 0) -> int:
    """The last year a date may fall in: next year (today's year + 1), plus ``ahead`` for dates given in
    advance."""
    return dt.date.today().year + 1 + ahead


_LATEST = [latest_year()]  # cached for speed; checked against today before a date is refused (years only grow)


class Unreadable(Exception):
    """The file is not the format it was taken for, or is corrupt. The message names the file and why."""


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip(_SPACES) == "")


def clean_id(value) -> str | None:
    """An identifier as the council wrote it: stripped; Excel's float form ``1234.0`` back to ``1234``.

    Leading zeros are kept: ``0012`` and ``12`` are different children in a case management system.
    """
    if _blank(value):
        return None
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value).strip(_SPACES)
    if _FLOAT_INT.match(text):
        text = text.split(".")[0]
    return text


def clean_code(value) -> str | None:
    """A code from a DfE code list: stripped and upper-cased (``' e11 '`` is ``E11``; ``1.0`` is ``1``)."""
    text = clean_id(value)
    return text.upper() if text is not None else None


def clean_text(value) -> str | None:
    if _blank(value):
        return None
    return str(value).strip(_SPACES)


def parse_date(value, ahead: int = 0) -> dt.date | None:
    """dd/mm/yyyy (the DfE's format), ISO yyyy-mm-dd (XML), either with a time after it as Excel writes them
    ("22/07/2024 00:00", "2024-07-22T00:00:00": the date is read, whatever the time), an Excel serial day
    number or an xlsx date cell. Raises ValueError for anything else, or a date that does not exist
    (31/02/2024), and ImpossibleDate for one before 1900 or after next year (``ahead`` more years for a date
    given in advance, see AHEAD)."""
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _possible(value.date(), ahead)
    if isinstance(value, dt.date):
        return _possible(value, ahead)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _possible(_serial(value), ahead)
    text = str(value).strip(_SPACES)
    if len(text) == 10 and text[4] == "-":  # ISO, as every XML return has it: the fast path
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return d if EARLIEST_YEAR <= d.year <= _LATEST[0] else _possible(d, ahead)
    m = _DMY.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return dt.date(y, mo, d) if EARLIEST_YEAR <= y <= _LATEST[0] else _possible(dt.date(y, mo, d), ahead)
    m = _YMD.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return _possible(dt.date(y, mo, d), ahead)
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _possible(_serial(float(text)), ahead)
    raise ValueError("not a date")


def _possible(d: dt.date, ahead: int = 0) -> dt.date:
    if EARLIEST_YEAR <= d.year <= _LATEST[0] + ahead:
        return d
    if d.year > _LATEST[0] + ahead:
        _LATEST[0] = latest_year()  # the year may have turned since the bound was cached
        if d.year <= _LATEST[0] + ahead:
            return d
    raise ImpossibleDate(f"impossible date: before {EARLIEST_YEAR} or after {_LATEST[0] + ahead}")


def _serial(n: float) -> dt.date:
    if not 1 <= n < 2958466 or not float(n).is_integer():
        raise ValueError("not an Excel date serial")
    return EXCEL_EPOCH + dt.timedelta(days=int(n))


def parse_int(value) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError("not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError("not a whole number")
    text = str(value).strip(_SPACES)
    if _FLOAT_INT.match(text):
        text = text.split(".")[0]
    return int(text)


def parse_decimal(value) -> float | None:
    if _blank(value):
        return None
    return float(str(value).strip(_SPACES)) if not isinstance(value, (int, float)) else float(value)


_TRUE = {"TRUE", "1", "Y", "YES", "T"}
_FALSE = {"FALSE", "0", "N", "NO", "F"}


def parse_bool(value) -> bool | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = clean_code(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("not true/false")


def _parse_list(parse):
    def inner(value):
        if value is None:
            return None
        return [parse(v) for v in value if not _blank(v)]
    return inner


PARSERS = {
    "ID": clean_id, "CODE": clean_code, "VARCHAR": clean_text, "DATE": parse_date, "INTEGER": parse_int,
    "DECIMAL": parse_decimal, "BOOLEAN": parse_bool, "DATE[]": _parse_list(parse_date),
    "VARCHAR[]": _parse_list(clean_code),
}
TYPE_WORDS = {"DATE": "a date", "INTEGER": "a whole number", "DECIMAL": "a number", "BOOLEAN": "true or false",
              "DATE[]": "a list of dates"}


@dataclass
class Issue:
    """One problem at one place. ``row`` is where the analyst finds it in the file (see staging.LINEAGE)."""

    rule: str
    severity: str  # error | query | failed (a rule that raised)
    message: str
    file: str | None = None
    table: str | None = None
    row: int | None = None
    child: str | None = None
    field: str | None = None
    value: str | None = None  # what the field held, as the file had it: child-level, never in aggregate output
    expected: str | None = None  # what the rule allows there ("one of: A1, A2 ..."), when it can say

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("file", "table", "row", "child", "field", "value", "expected",
                                              "rule", "severity", "message")}


class TableBuilder:
    """Collects the typed rows of one staging table from one file, column by column."""

    def __init__(self, table: StagingTable, file: str, year: int | None, issues: list[Issue]):
        self.table, self.file, self.year, self.issues = table, file, year, issues
        self.columns: dict[str, list] = {n: [] for n in ("_row", "_bad", *(("_line",) if table.nested else ()))}
        for f in table.fields:
            self.columns[f.name] = []
        self._parsers = [(f.name, f.type, partial(parse_date, ahead=AHEAD[f.name]) if f.type == "DATE" and f.name in
                          AHEAD else PARSERS[f.type]) for f in table.fields]

    def __len__(self) -> int:
        return len(self.columns["_row"])

    def add(self, row: int, values: dict, line: int | None = None, child: str | None = None) -> None:
        """Add one row; ``values`` maps field names to what the file held (missing keys are blank)."""
        cols, bad = self.columns, None
        cols["_row"].append(row)
        if self.table.nested:
            cols["_line"].append(line if line is not None else row)
        for name, typ, parse in self._parsers:
            raw = values.get(name)
            try:
                cols[name].append(parse(raw))
            except (ValueError, TypeError, OverflowError) as exc:
                cols[name].append(None)
                bad = bad or {}
                bad[name] = str(raw)[:100]
                self.issues.append(Issue(
                    "CW-TYPE", "error", f"{name} is not {TYPE_WORDS.get(typ, typ)}"
                    + (f" ({exc})" if isinstance(exc, ImpossibleDate) else ""), self.file,
                    self.table.name, line or row, child, name))
        cols["_bad"].append(json.dumps(bad) if bad else None)


@dataclass
class ReturnFile:
    path: str
    kind: str  # ssda903 | cin | annex_a | swwc | cms
    year: int | None  # collection year (year ending 31 March); None if it cannot be told
    records: int = 0  # rows_read: data rows for tables, records (<Child>, <CSWWWorker>) for XML
    tables: dict[str, TableBuilder] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    error: str | None = None  # set when the file could not be read at all
    council_id: str | None = None  # LA code when the file says (CIN/workforce header)
    extra: dict = field(default_factory=dict)  # reader-specific facts (reference date, software...)

    def builder(self, qualified: str) -> TableBuilder:
        if qualified not in self.tables:
            self.tables[qualified] = TableBuilder(STAGING[qualified], self.path, self.year, self.issues)
        return self.tables[qualified]

    def issue(self, rule: str, message: str, *, severity: str = "error", table: str | None = None,
              row: int | None = None, child: str | None = None, field: str | None = None) -> None:
        self.issues.append(Issue(rule, severity, message, self.path, table, row, child, field))
