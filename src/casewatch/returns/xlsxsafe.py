"""Open an xlsx workbook without letting its size decide the cost: the one way casewatch's readers open one.

An xlsx is a zip of XML parts. Before openpyxl unpacks anything, the size each part unpacks to (as the zip
records it; a part that unpacks to more than it declares fails its check when read) is compared with
``PART_LIMIT``: a sheet or the workbook's shared text over it refuses the whole file, naming the sheet, so a
1.7 MB file that unpacks to 1 GiB costs a directory read, not a gigabyte. Rows are read streaming (openpyxl
``read_only``) and never wider than ``MAX_COLUMNS``, or than the last column a reader's header uses: a single
cell in column XFD (the 16,384th) no longer makes every row 16,384 cells wide.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

PART_LIMIT = 200 * 2**20  # bytes one part (a sheet, the shared text) may unpack to
BOOK_LIMIT = 500 * 2**20  # bytes all the parts together may unpack to
MAX_COLUMNS = 256  # columns read from a heading row: more than any return or reference list has


class Refused(Exception):
    """The workbook is not opened: why, in words (names the file and the sheet or part, never a value)."""


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def _parts(path: Path) -> dict[str, int]:
    try:
        with zipfile.ZipFile(path) as z:
            return {i.filename: i.file_size for i in z.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Refused(f"{path}: not a readable xlsx workbook ({type(exc).__name__})") from None


def open_workbook(path):
    """An openpyxl read-only workbook, or ``Refused`` when a part unpacks past the limits (or it is no zip)."""
    path = Path(path)
    parts = _parts(path)
    total = sum(parts.values())
    over = {name: size for name, size in parts.items() if size > PART_LIMIT}
    sheets = {name: size for name, size in over.items() if name.lower().startswith("xl/worksheets/")}
    for name, size in over.items():  # shared text, styles...: read whole when the workbook opens, so never opened
        if name not in sheets:
            raise Refused(f"{path}: part {name} unpacks to {_mb(size)}, over the {_mb(PART_LIMIT)} a part of a "
                          "workbook may take; not read")
    if total > BOOK_LIMIT and not sheets:
        raise Refused(f"{path}: the workbook unpacks to {_mb(total)}, over the {_mb(BOOK_LIMIT)} casewatch reads "
                      "from one workbook; not read")
    import openpyxl  # here: a load without workbooks should not pay for importing it

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in book.worksheets:
        size = sheets.get(getattr(ws, "_worksheet_path", ""), 0)
        if size:
            book.close()
            raise Refused(f"{path}: sheet {ws.title[:40]!r} unpacks to {_mb(size)}, over the {_mb(PART_LIMIT)} a "
                          "sheet may take; not read")
    if sheets or total > BOOK_LIMIT:  # an oversized part no sheet names: refused all the same
        book.close()
        raise Refused(f"{path}: the workbook unpacks to {_mb(total)}, over what casewatch reads from one "
                      "workbook; not read")
    return book


def trim(row: tuple) -> tuple:
    """A row without its trailing blank cells."""
    end = len(row)
    while end and (row[end - 1] is None or (isinstance(row[end - 1], str) and not row[end - 1].strip())):
        end -= 1
    return row[:end]


def rows(sheet, *, min_row: int = 1, max_row: int | None = None, max_col: int = MAX_COLUMNS) -> Iterator[tuple]:
    """A sheet's rows as values, streaming, each at most ``max_col`` wide and without trailing blanks. The size
    the sheet claims for itself is ignored (some writers record a wrong one): every row there is is read."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    for row in sheet.iter_rows(min_row=min_row, max_row=max_row, max_col=max(1, max_col), values_only=True):
        yield trim(row)
