"""Where a command's document goes: to ``--out FILE`` (saying so on stderr) or to stdout."""

from __future__ import annotations

import sys


def emit(text: str, out_path: str | None, err) -> None:
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        err.print(f"casewatch: wrote {out_path}", markup=False)
    else:
        sys.stdout.write(text + "\n")
