"""Where a command's document goes: to ``--out FILE`` (saying so on stderr) or to stdout. Every command that takes
``--out`` sends every format through here, tables included, so ``--out`` is never ignored."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Sequence

from rich.console import Console

from casewatch.outputs.safefile import csv_writer


def emit(text: str, out_path: str | None, err) -> None:
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as f:
            f.write(text + "\n")
        err.print(f"casewatch: wrote {out_path}", markup=False, soft_wrap=True)
    else:
        sys.stdout.write(text + "\n")


def emit_table(draw: Callable[[Console], None], out_path: str | None, out: Console, err) -> None:
    """Rich tables on the screen, or as plain text (no colour codes, no width limit) in ``out_path``."""
    if not out_path:
        draw(out)
        return
    buffer = io.StringIO()
    draw(Console(file=buffer, width=4000, no_color=True, highlight=False, color_system=None))
    emit(buffer.getvalue().rstrip("\n"), out_path, err)


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """CSV text in which no cell can run as a formula (outputs.safefile)."""
    buffer = io.StringIO()
    w = csv_writer(buffer, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buffer.getvalue().rstrip("\n")
