"""The council's own local authority: the DfE's PL_LOCATION is IN when the placement's LA is the council's.

The DfE's validator is told the council's LA (its ``localAuthority``, an ONS code such as E09000027); the 903
itself does not say. casewatch takes it, in this order, from:

1. ``--council``, when that is an LA code: the council's 3-digit DfE LA number (``318``) or its ONS code
   (``E09000027``);
2. the returns loaded with the 903: the case-management extract's ``council.csv`` (``la_code``) and the
   ``<LEA>`` of the CIN census and workforce census headers, when they all name the same LA.

A DfE number becomes ONS codes through ``la_codes.csv``: the DfE's own list of LA numbers and ONS codes (the
``old_la_codes`` list of the DfE's dfeR package, dfe-analytical-services), every English LA past and present,
with the areas of the councils the 2019-2023 reorganisations abolished (Dorset, Poole, Bournemouth, Cumbria,
Northamptonshire) given their successors' codes too, since the postcode directory places every postcode in
today's authorities. An LA number that changed ONS code (Buckinghamshire, North Yorkshire, Somerset) has both.

When no LA can be told (none given, one not in the list, or the returns disagree), ``reference.council_la``
stays empty, the rules that need it (411, 503J, 1015) are reported as not run, and a CW-LA issue says why.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from casewatch.returns.core import Issue, ReturnFile
from casewatch.returns.staging import STAGING

LA_CODES = Path(__file__).with_name("la_codes.csv")
ONS = re.compile(r"E(06|08|09|10)\d{6}")
HOW = ("give --council with its 3-digit DfE LA number (or its ONS code), or la_code in the case-management "
       "extract's council.csv")


@cache
def lookup() -> dict[str, tuple[str, ...]]:
    """DfE LA number -> its ONS codes (upper-tier: E06, E08, E09, E10)."""
    out: dict[str, list[str]] = {}
    with open(LA_CODES, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["la_code"], []).append(row["ons_code"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def ons_codes(code: str | None) -> tuple[str, ...]:
    """The ONS codes of the LA a DfE number or an ONS code names (all codes of its DfE number), or ()."""
    text = (code or "").strip().upper()
    if ONS.fullmatch(text):
        same = [codes for codes in lookup().values() if text in codes]
        return tuple(sorted({text, *(c for codes in same for c in codes)}))
    if text.isdigit():
        return lookup().get(text, ())
    return ()


def _named(con, files: list[ReturnFile]) -> list[str]:
    """The LA codes the returns name: CMS council.csv la_code, CIN/workforce census header <LEA>."""
    named = {f.council_id.strip() for f in files if f.council_id and not f.error and f.council_id.strip()}
    if "cms.council" in STAGING:
        named |= {r[0].strip() for r in con.execute(
            "SELECT DISTINCT la_code FROM cms.council WHERE la_code IS NOT NULL").fetchall() if r[0].strip()}
    return sorted(named)


def stage_council(con, files: list[ReturnFile], council_id: str | None) -> None:
    """Fill ``reference.council_la`` with the council's ONS codes, when reference data is loaded and the council's
    LA can be told; otherwise a CW-LA issue on the reference file says why the rules needing it are not run."""
    refs = [f for f in files if f.kind == "reference" and not f.error]
    if not refs:
        return
    if council_id and ons_codes(council_id):
        code = council_id.strip()
    else:  # --council not given, or not an LA code (a council's own name for itself): what the returns say
        named = _named(con, files)
        code = named[0] if len(named) == 1 and ons_codes(named[0]) else None
    if code is None:
        if len(named) > 1:
            why = f"the returns name several LAs ({', '.join(named)})"
        elif named:
            why = f"the LA code the returns give ({named[0]}) is not an English LA's DfE number or ONS code"
        else:
            why = "no file says which LA the council is"
        if council_id:
            why = f"--council {council_id} is not an LA code and {why}"
        refs[0].issues.append(Issue("CW-LA", "query", f"the council's own LA is not known ({why}), so the rules "
                                    f"comparing the placement's LA with it are not run; {HOW}", refs[0].path))
        return
    con.executemany("INSERT INTO reference.council_la (_file, _row, la, la_code) VALUES ('casewatch', ?, ?, ?)",
                    [[i, la, code] for i, la in enumerate(ons_codes(code))])


def dfe_number(con, files: list[ReturnFile], council_id: str | None) -> str | None:
    """The council's DfE LA number (``873``), kept as ``councils.la_code`` so the figures are compared with
    England, the statistical neighbours and its Ofsted history without being told again: from ``--council``
    when that is an LA code, else the one LA the returns name (headers, the extract's council.csv); None
    when none or several are named. Needs no reference data."""
    named = [council_id.strip()] if council_id and ons_codes(council_id) else _named(con, files)
    numbers = set()
    for code in named:
        ons = set(ons_codes(code))
        numbers |= {n for n, codes in lookup().items() if ons & set(codes)} if ons else set()
    if len(numbers) > 1:  # an ONS code two DfE numbers share (a reorganised area): the one named, if a number
        numbers &= {c.strip() for c in named}
    return next(iter(numbers)) if len(numbers) == 1 else None
