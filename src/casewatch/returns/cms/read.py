"""Read one case-management extract CSV: the table told from the file name, else from its columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from casewatch.returns.cms.tables import FILES
from casewatch.returns.core import ReturnFile
from casewatch.returns.ssda903.read_csv import decode


def norm(name: str) -> str:
    return name.strip(" \t\r\n\ufeff\u00a0\"'").lower().replace(" ", "_").replace("-", "_")


def table_for(head: bytes, filename: str) -> str | None:
    try:
        first = decode(head).lstrip("\r\n").splitlines()[0]
    except (UnicodeDecodeError, IndexError):
        first = ""
    cols = {norm(c) for c in next(csv.reader([first]), [])}
    stem = norm(Path(filename).stem)
    named = sorted((s for s in FILES if s == stem or stem.endswith("_" + s) or stem.startswith(s + "_")),
                   key=len, reverse=True)
    if named and (not cols or set(FILES[named[0]][2]) <= cols or stem == named[0]):
        return named[0]
    # told from the columns: all the required ones present, and most columns known to that file
    fits = [s for s, (_, all_cols, required) in FILES.items()
            if set(required) <= cols and len(cols & set(all_cols)) * 2 > len(cols)]
    fits.sort(key=lambda s: -len(cols & set(FILES[s][1])))
    return fits[0] if fits and (len(fits) == 1 or len(cols & set(FILES[fits[0]][1])) >
                                len(cols & set(FILES[fits[1]][1]))) else None


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
    stem = table_for(text[:65536].encode("utf-8"), path.name)
    if stem is None:
        out.error = f"{name}: not one of the case-management extract files (docs/cms-template.md)"
        return out
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        out.error = f"{name}: the file is empty"
        return out
    builder = out.builder(f"cms.{stem}")
    _, cols, required = FILES[stem]
    index: dict[str, int] = {}
    for i, raw in enumerate(header):
        col = norm(raw)
        if col in index:
            out.issue("CW-COLUMN", f"column {col} appears twice; the first is used", severity="query", table=stem,
                      row=1, field=col)
        elif col in cols:
            index[col] = i
        elif col:
            out.issue("CW-COLUMN", f"column {col} is not in the {stem} template; ignored", severity="query",
                      table=stem, row=1, field=col)
    for col in required:
        if col not in index:
            out.issue("CW-COLUMN", f"required column {col} is missing", table=stem, row=1, field=col)
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        builder.add(reader.line_num, {c: (cells[i] if i < len(cells) else None) for c, i in index.items()})
        out.records += 1
    return out
