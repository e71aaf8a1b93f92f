"""Which return is this file? Told from its content (and name), overridable with ``--kind``/``--year``.

Each return's package (``returns/ssda903``, ``returns/cin``...) has ``sniff(path, head)``; the first that
claims the file reads it. A file nobody claims is reported as unreadable, naming it and saying why. Which files
a load reads from the folders it is given is ``casewatch.returns.inputs``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from casewatch.returns.core import ReturnFile

KINDS = ("cin", "swwc", "ssda903", "reference", "annex_a", "cms")  # reference before annex_a: Ofsted's xlsx lists


def reader(kind: str):
    try:
        return importlib.import_module(f"casewatch.returns.{kind}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"casewatch.returns.{kind}"):
            return None
        raise


def read_file(path: Path, kind: str | None = None, year: int | None = None, xsd: bool = False) -> ReturnFile:
    if not path.exists():
        return ReturnFile(str(path), kind or "unknown", year, error=f"{path}: no such file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        return ReturnFile(str(path), kind or "unknown", year, error=f"{path}: cannot be opened ({exc.strerror})")
    if not head.strip():
        return ReturnFile(str(path), kind or "unknown", year, error=f"{path}: the file is empty")
    kinds = (kind,) if kind else KINDS
    for k in kinds:
        mod = reader(k)
        if mod is None:
            continue
        if kind or mod.sniff(path, head):
            if k == "cin":
                return mod.read(path, year, xsd=xsd)
            return mod.read(path, year)
    return ReturnFile(str(path), "unknown", year, error=(
        f"{path}: not a return casewatch reads (SSDA903 CSV/XML, CIN census XML, Annex A xlsx, workforce "
        "census XML, case-management CSV, ONS postcode directory CSV, Ofsted provider list xlsx); use --kind if it is one of these"))
