"""The CSV rows both CSV readers share (903 tables, case-management extract), read through the damage real
files carry: each damaged row is read as well as it can be and reported as rule CW-CSV; csv.Error never
escapes.

- Encoding: UTF-8 (with or without BOM). A file that is not valid UTF-8 but has UTF-8 letters on some lines
  (a UTF-8 file edited in Windows) is read line by line, each line as UTF-8 or else Windows-1252, with one
  query naming the rows read as Windows-1252 (the first ``EACH``, then a count) and the column of the first.
  A file with no UTF-8 letters at all is read as Windows-1252 (a normal Windows export; no issue), else
  Latin-1. NUL bytes: not a text file.
- Line ends: \\r\\n and \\n. A file whose lines end in \\r alone (old Mac) has them read as line ends (one
  query). A lone \\r inside a line is read as a space.
- A cell over 128 KB (csv's limit, 131,072 characters) is read as blank; the rest of its row is read.
- A NUL character or a byte-order mark inside a cell (a damaged copy; a second file pasted on the end of the
  first) is removed, with a query naming the row and the column: a child id does not silently gain a hidden
  character.
- A quote that opens a field and is not closed on its line or within ``QUOTE_LINES`` lines after (or by the
  end of the file) is an unclosed quote: that line is read with the quote taken as part of the value and
  the lines after it as rows of their own. Quoted fields with commas, doubled quotes ("") and line breaks
  read as before.
- A row with more non-blank cells than the header: the cells beyond it are ignored (error). A row with
  fewer cells has the rest blank, without an issue: Excel writes such rows, and the rules report the
  blanks that matter; but a last row with fewer cells and no line end after it is a file cut off (error,
  naming the first missing column; the row is kept, read as far as it goes).
- Blank rows are skipped. Messages name the row and the column, never a cell's value.

Clean files take the fast path: the per-line checks are C-level str methods over the file, and only the
lines they pick out get any Python work; the rows come from one csv.reader pass.
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_right
from collections.abc import Iterator
from itertools import compress, repeat

from casewatch.returns.core import ReturnFile

LIMIT = 131_072  # csv's default field size limit: a longer cell is read as blank
QUOTE_LINES = 20  # a quoted field must close within this many physical lines
EACH = 20  # issues of one kind listed per file; any more are counted in one summary issue
RULE = "CW-CSV"
_MORE = {"cr": "hold a carriage return inside a line, read as a space",
         "long": f"hold a cell over {LIMIT:,} characters, read as blank",
         "quote": "open a quote that is never closed, read as part of the value",
         "extra": "have non-blank cells beyond the header's, ignored",
         "hidden": "hold a NUL character or a byte-order mark inside a cell, removed"}
HIDDEN = {"\x00": "a NUL character", "\ufeff": "a byte-order mark"}  # never part of a value a person typed


class Mixed(str):
    """Text decoded line by line from a file mixing UTF-8 and Windows-1252: ``cp1252`` holds the lines (1-based)
    read as Windows-1252; ``Rows`` reports them."""

    cp1252: tuple[int, ...] = ()


def decode(raw: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped): the fast path. A file that is not valid UTF-8 is read line by line:
    when some lines hold UTF-8 letters (a multi-byte sequence) and others do not decode as UTF-8, each line is
    read as what it is, UTF-8 or else Windows-1252, and the text comes back as ``Mixed``; a file with no UTF-8
    letters at all is read as Windows-1252 (a normal Windows export), else Latin-1 (which never fails).
    Raises UnicodeDecodeError when NUL bytes near the start say it is not a text file."""
    if b"\x00" in raw[:4096]:
        raise UnicodeDecodeError("binary", raw[:1], 0, 1, "NUL bytes: not a text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n") if b"\n" in raw else raw.split(b"\r")
    texts: list[str] = []
    cp1252: list[int] = []
    utf8 = False
    for n, line in enumerate(lines, 1):
        if line.isascii():
            texts.append(line.decode("ascii"))
            continue
        try:
            texts.append(line.decode("utf-8-sig" if n == 1 else "utf-8"))
            utf8 = True
        except UnicodeDecodeError:
            texts.append(_windows(line))
            cp1252.append(n)
    if not utf8:
        return _windows(raw)
    out = Mixed(("\n" if b"\n" in raw else "\r").join(texts))
    out.cp1252 = tuple(cp1252)
    return out


def _windows(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
        return raw.decode("latin-1")


def first_row(text: str) -> list[str]:
    """The cells of the first line with a non-blank cell (for telling a file's table from its header), read
    as ``Rows`` reads it (a lone carriage return a space); never raises."""
    for line in text.split("\n") if "\n" in text else text.split("\r"):
        if line.strip(" \t\r,"):
            try:
                cells = next(csv.reader([line.removesuffix("\r").replace("\r", " ")[:LIMIT]]), [])
            except csv.Error:
                return []
            if "".join(cells).strip():
                return cells
    return []


def _free(text: str, taken: str = "") -> str:
    """A private-use character the text does not hold, to stand in for a character while csv parses."""
    for code in range(0xE000, 0xF900):
        if chr(code) not in text and chr(code) not in taken:
            return chr(code)
    raise ValueError("no free character")  # needs 6,400 different private-use characters in one file


def _open_quote(line: str, inside: bool = False) -> int:
    """Where the quoted field left open at the end of ``line`` starts (csv's own rules, not strict), or -1
    when the line ends outside quotes. ``inside``: the line starts inside a quoted field (0 if it never
    closes), and -2 says the quote that closes it is not followed by a comma or the line end: not a field
    closing (``,"ZZ1`` is another field opening a quote), so the quote that opened it was a stray."""
    p, opened, first = 0, 0, inside
    while True:
        if inside:
            q = line.find('"', p)
            if q < 0:
                return opened
            if line.startswith('"', q + 1):  # a doubled quote: one quote in the value
                p = q + 2
                continue
            if first and line[q + 1:q + 2] not in ("", ",", "\r"):
                return -2
            inside = first = False
            p = line.find(",", q + 1)  # after the closing quote the field runs to the next comma
        elif line.startswith('"', p):  # a quote opens a field only where the field starts
            inside, opened, p = True, p, p + 1
            continue
        else:
            p = line.find(",", p)
        if p < 0:
            return -1
        p += 1


class Rows:
    """The records of one CSV file after its header: ``for row, cells in Rows(...)``, issues to ``out``.

    ``row`` is a line in the file (the header is line 1, blank lines count): the line a record ends on, or
    with ``first_line`` the line it starts on. ``header`` holds the first non-blank record, ``header_row``
    its line. Set ``names`` (a field name per header position, None for an ignored column) before
    iterating to have issues name the field; otherwise they name the column's position.
    """

    def __init__(self, text: str, out: ReturnFile, table: str | None = None, *, first_line: bool = False):
        self.out, self.table, self.first_line = out, table, first_line
        self.names: list[str | None] = []
        self._counts: dict[str, int] = {}
        self._cr = self._quote = ""
        self._hidden = False
        self._marks: set[int] = set()  # lines (1-based) whose rows need mending
        self._cp1252: tuple[int, ...] = getattr(text, "cp1252", ())
        self._lines = text.split("\n") if self._cp1252 else []  # to find the column of the first one
        text = self._prepare(text)
        self._cut = text.count("\n") + 1 if text and text[-1] not in "\r\n" else 0  # no line end: the last line
        self._multi_long = len(text) > LIMIT  # a record over several lines might hold a long cell
        if self._multi_long and csv.field_size_limit() <= len(text):
            csv.field_size_limit(len(text) + 1)  # only as far as this file needs; never lowered (threads)
        self._reader = csv.reader(io.StringIO(text, newline="\n"))
        self._end = 0
        self.header: list[str] = []
        self.header_row = 1
        for row, cells in self._records():
            self.header, self.header_row = cells, row
            break

    def _prepare(self, text: str) -> str:
        """Line ends made csv's, and the damaged lines marked (and their damage masked) for ``_mend``."""
        crs = text.count("\r")
        if crs:
            lone = crs - text.count("\r\n")
            if lone > text.count("\n"):
                self._issue("cr-only", None, None, "the lines end in a carriage return alone (an old Mac "
                            "format); read as line ends", "query")
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                lone = 0
        else:
            lone = 0
        quotes = '"' in text
        hidden = [c for c in HIDDEN if c in text]
        if not (lone or quotes or hidden or len(text) > LIMIT):
            return text
        lines = text.split("\n")
        at = range(1, len(lines) + 1)
        changed = False
        for c in hidden:  # a second file pasted on the end brings its byte-order mark; a damaged copy, NULs
            self._hidden = True
            self._marks.update(compress(at, map(str.__contains__, lines, repeat(c))))
        if len(text) > LIMIT:
            self._marks.update(compress(at, map(LIMIT.__lt__, map(len, lines))))
        if lone:
            self._cr = _free(text)
            for i, line in enumerate(lines):
                if "\r" in line[:-1]:
                    lines[i] = line[:-1].replace("\r", self._cr) + line[-1]
                    self._marks.add(i + 1)
                    changed = True
        if quotes:
            odd = list(compress(range(len(lines)), map((1).__and__, map(str.count, lines, repeat('"')))))
            bad = _unclosed(lines, odd)
            if bad:
                self._quote = _free(text, self._cr)
                for i, p in bad:
                    lines[i] = lines[i][:p] + lines[i][p:].replace('"', self._quote)
                    self._marks.add(i + 1)
                changed = True
        return "\n".join(lines) if changed else text

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width, cut = len(self.header), self._cut
        if self._cp1252:
            self._mixed()
        for row, cells in self._records():
            if len(cells) > width and "".join(cells[width:]).strip():
                extra = sum(1 for c in cells[width:] if c.strip())
                self._issue("extra", row, None, f"row {row} has {len(cells)} cells, the header {width}: "
                            f"{extra} non-blank cell{'s' if extra > 1 else ''} beyond the header ignored (an "
                            "unquoted comma in a value shifts the cells after it)")
            elif cut and self._end == cut and len(cells) < width:
                self._issue("cut", row, len(cells), f"row {row}: the last row ends without a line end and has "
                            f"{len(cells)} of the header's {width} columns: the file may have been cut off; "
                            f"{self._where(len(cells))} and the columns after it are read as blank")
            yield row, cells
        for kind, n in self._counts.items():
            if n > EACH:
                self.out.issue(RULE, f"{n - EACH:,} more rows {_MORE[kind]} (not listed one by one)",
                               table=self.table)

    def _mixed(self) -> None:
        """One issue for the lines of a mixed file read as Windows-1252, naming the column of the first."""
        rows, first = self._cp1252, self._cp1252[0]
        try:
            cells = next(csv.reader([self._lines[first - 1][:LIMIT].replace("\r", " ")]), [])
        except csv.Error:
            cells = []
        k = next((i for i, c in enumerate(cells) if not c.isascii()), None)
        listed = ", ".join(map(str, rows[:EACH])) + (f" and {len(rows) - EACH:,} more" if len(rows) > EACH else "")
        self._issue("mixed", first, k, f"row{'s' if len(rows) > 1 else ''} {listed} "
                    f"{'are' if len(rows) > 1 else 'is'} not in UTF-8 like the rest of the file: read as Windows-1252 (what Excel writes), the rest as UTF-8; check their "
                    "accented letters", "query")
        self._lines = []

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Non-blank records, mended; continues after a csv.Error (never met, but never raised either)."""
        reader, marks, multi_long, first = self._reader, self._marks, self._multi_long, self.first_line
        while True:
            try:
                for cells in reader:
                    start, end = self._end + 1, reader.line_num
                    self._end = end
                    if end in marks or (start != end and (multi_long or not marks.isdisjoint(range(start, end)))):
                        cells = self._mend(cells, start if first else end)
                    if cells and (cells[0].strip() or "".join(cells).strip()):
                        yield (start if first else end), cells
                return
            except csv.Error as exc:
                row = reader.line_num
                self._end = row
                self._issue("csv", row, None, f"row {row} cannot be read as CSV ({str(exc)[:80]}); skipped")

    def _mend(self, cells: list[str], row: int) -> list[str]:
        cr, quote, opener = self._cr, self._quote, None
        for k, cell in enumerate(cells):
            if len(cell) > LIMIT:
                self._issue("long", row, k, f"row {row}: {self._where(k)} is {len(cell):,} characters long, "
                            f"over the {LIMIT:,} a cell may hold; read as blank")
                cells[k] = ""
                continue
            if cr and cr in cell:
                inner = cr in cell.strip(cr + " \t")
                self._issue("cr", row, k, f"row {row}: {self._where(k)} holds a carriage return inside the "
                            "line; read as a space", "error" if inner else "query")
                cell = cells[k] = cell.replace(cr, " ")
            if self._hidden and (found := [w for c, w in HIDDEN.items() if c in cell]):
                self._issue("hidden", row, k, f"row {row}: {self._where(k)} holds {' and '.join(found)}, which "
                            "no one types; removed (the file may have been joined from two, or damaged)", "query")
                cell = cells[k] = cell.replace("\x00", "").replace("\ufeff", "")
            if quote and quote in cell:
                if opener is None or cell.startswith(quote):
                    opener = k
                cells[k] = cell.replace(quote, '"')
        if opener is not None:
            self._issue("quote", row, opener, f"row {row}: {self._where(opener)} opens a quote that is not "
                        f"closed on its line or within {QUOTE_LINES} lines; the quote is read as part of the "
                        "value and the lines after it as rows of their own")
        return cells

    def _where(self, k: int) -> str:
        name = self.names[k] if k < len(self.names) else None
        return name or f"column {k + 1}"

    def _issue(self, kind: str, row: int | None, k: int | None, message: str, severity: str = "error") -> None:
        n = self._counts[kind] = self._counts.get(kind, 0) + 1
        if n <= EACH or kind not in _MORE:
            name = self.names[k] if k is not None and k < len(self.names) else None
            self.out.issue(RULE, message, severity=severity, table=self.table, row=row, field=name)


def _unclosed(lines: list[str], odd: list[int]) -> list[tuple[int, int]]:
    """(line index, where its quote opens) for each unclosed quote. ``odd``: the lines with an odd number of
    quotes, where a quoted field over several lines opens and closes (every other line keeps the state)."""
    bad, k, n = [], 0, len(odd)
    while k < n:
        i = odd[k]
        k += 1
        p = _open_quote(lines[i])
        if p < 0:  # quotes taken literally, as csv does (5" screen)
            continue
        while k < n and odd[k] - i < QUOTE_LINES:
            k += 1
            closes = _open_quote(lines[odd[k - 1]], inside=True)
            if closes == -1:
                break
            if closes == -2:
                k = n  # to the else: an unclosed quote
        else:
            bad.append((i, p))
            k = bisect_right(odd, i)  # the lines after it are read as rows of their own
    return bad
