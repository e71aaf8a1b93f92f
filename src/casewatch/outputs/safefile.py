"""The one writer for every CSV and XLSX casewatch makes from data (issues files, action lists, exports, the
report's workbook): text from the data never becomes a spreadsheet formula or a link (CSV/formula injection).

Rule: text starting =, +, -, @, tab or carriage return gets a leading apostrophe (`cell`); numbers, dates and
blanks pass unchanged. Workbooks are opened with xlsxwriter's string conversions off, so a string is always
written as a string. The statutory return writers (returns/*/write*.py) are the one exception: a return must
hold its values verbatim."""

from __future__ import annotations

import csv

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RISKY_START = "^[" + "".join("\\" + c if c in "-\\]^" else c for c in FORMULA_START) + "]"  # the same, as a regex


def safe_text(text) -> str:
    """Any value as text that cannot start a formula."""
    s = "" if text is None else str(text)
    return "'" + s if s.startswith(FORMULA_START) else s


def safe_columns(table):
    """An Arrow table with every text column made safe as ``safe_text`` makes a value (a leading apostrophe
    before =, +, -, @, tab or carriage return), column at a time: for the issues report's millions of rows."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for col in table.columns:
        if pa.types.is_dictionary(col.type) or pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            text = col.cast(pa.string())
            risky = pc.fill_null(pc.match_substring_regex(text, _RISKY_START), False)
            col = pc.if_else(risky, pc.binary_join_element_wise("'", text, ""), text)
        columns.append(col)
    return pa.table(columns, names=table.column_names)


def cell(value):
    """A value for a CSV or spreadsheet cell: text made safe (`safe_text`), anything else unchanged."""
    return safe_text(value) if isinstance(value, str) else value


class _SafeWriter:
    """csv.writer whose writerow/writerows pass every text cell through `cell`."""

    def __init__(self, fh, **kwargs):
        self._w = csv.writer(fh, **kwargs)

    @property
    def dialect(self):
        return self._w.dialect

    def writerow(self, row):
        return self._w.writerow([cell(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(fh, **kwargs) -> _SafeWriter:
    """A csv.writer (same keyword arguments) that never writes a formula."""
    return _SafeWriter(fh, **kwargs)


class _SafeDictWriter(csv.DictWriter):
    def __init__(self, fh, fieldnames, **kwargs):
        super().__init__(fh, fieldnames, **kwargs)
        self.writer = _SafeWriter(fh, **{k: v for k, v in kwargs.items()
                                         if k not in ("restval", "extrasaction")})


def dict_writer(fh, fieldnames, **kwargs) -> csv.DictWriter:
    """A csv.DictWriter (same arguments) that never writes a formula."""
    return _SafeDictWriter(fh, fieldnames, **kwargs)


class _SafeSheet(Worksheet):
    """Every string written (write, write_row, write_string...) passes through `safe_text`."""

    def _write_string(self, row, col, string, cell_format=None):
        return super()._write_string(row, col, safe_text(string), cell_format)


class _SafeBook(xlsxwriter.Workbook):
    worksheet_class = _SafeSheet


def xlsx_workbook(path_or_buffer, options: dict | None = None) -> xlsxwriter.Workbook:
    """An xlsxwriter Workbook that writes strings as strings, never a formula, link or number, and quotes text
    that would start a formula. Pass an io.BytesIO for an in-memory book; `options` adds others (formats)."""
    opts = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    if not isinstance(path_or_buffer, str | bytes) and hasattr(path_or_buffer, "write"):
        opts["in_memory"] = True
    opts.update({k: v for k, v in (options or {}).items() if k not in opts})
    return _SafeBook(path_or_buffer, opts)
