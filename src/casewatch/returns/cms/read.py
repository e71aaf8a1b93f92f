"""Read one case-management extract CSV: the table told from the file name, else from its columns.

``_row`` is the line the record starts on (the header is line 1). Blank lines are skipped; a row with fewer
cells than the header has the rest blank, cells beyond the header are ignored. Decoding and damaged rows
(stray carriage returns, cells over 128 KB, unclosed quotes, extra cells): ``returns/csvfile.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from casewatch.returns.cms.tables import FILES, column_for
from casewatch.returns.core import ReturnFile
from casewatch.returns.csvfile import Rows, decode, first_row


def _named(filename: str) -> str | None:
    """The template file a name says: ``visits.csv``, ``extract_visits.csv``, ``Visits 2024.csv``, ``visit.csv``."""
    stem = re.sub(r"[^a-z0-9]+", "_", Path(filename).stem.lower()).strip("_")
    hits = []
    for s in FILES:
        for form in {s, s[:-1] if s.endswith("s") else s}:
            if re.search(rf"(^|_){re.escape(form)}(_|$)", stem):
                hits.append(s)
    return max(hits, key=len) if hits else None


def table_for(head: bytes | str, filename: str) -> str | None:
    named = _named(filename)
    if named:
        return named
    try:
        text = decode(head) if isinstance(head, bytes) else head
    except UnicodeDecodeError:
        return None
    scores = []
    for stem, (_, _cols, required) in FILES.items():
        found = {column_for(stem, h) for h in first_row(text)} - {None}
        if set(required) <= found:
            scores.append((len(found), stem))
    scores.sort(reverse=True)
    if scores and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return scores[0][1]
    return None


def read_cms(path: Path, year: int | None = None) -> ReturnFile:
    name = str(path)
    out = ReturnFile(name, "cms", year)
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        out.error = f"{name}: cannot be read ({exc.strerror})"
        return out
    except UnicodeDecodeError:
        out.error = f"{name}: not a text (CSV) file"
        return out
    if not text.strip():
        out.error = f"{name}: the file is empty"
        return out
    stem = table_for(text[:65536], path.name)
    if stem is None:
        out.error = f"{name}: not one of the case-management extract files (docs/cms-template.md): name it as " \
                    "the template does, or give it the template's columns"
        return out
    rows = Rows(text, out, stem, first_line=True)
    out.extra["table"] = stem
    index = _columns(out, stem, rows.header, rows.header_row)
    rows.names = [None] * len(rows.header)
    for col, i in index.items():
        rows.names[i] = col
    builder = out.builder(f"cms.{stem}")
    for start, cells in rows:
        values = {c: (cells[i] if i < len(cells) else None) for c, i in index.items()}
        child = values.get("child_id")
        builder.add(start, values, child=child.strip() if child and child.strip() else None)
        out.records += 1
    return out


def _columns(out: ReturnFile, stem: str, header: list[str], at: int) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, raw in enumerate(header):
        col = column_for(stem, raw)
        if col is None:
            if raw.strip():
                out.issue("CW-COLUMN", f"column {raw.strip()[:60]!r} is not in the {stem} template; ignored",
                          severity="query", table=stem, row=at)
        elif col in index:
            out.issue("CW-COLUMN", f"column {col} appears twice; the first is used", severity="query", table=stem,
                      row=at, field=col)
        else:
            index[col] = i
    for col in FILES[stem][2]:
        if col not in index:
            out.issue("CW-COLUMN", f"required column {col} is missing", table=stem, row=at, field=col)
    return index
