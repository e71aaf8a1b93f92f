"""How Annex A cells are compared and how a DfE code is found inside an Annex A label.

Shared by the reader and by ``tools/derive_annex_a_spec.py`` (which must judge labels exactly as the reader
will), and needing nothing but the standard library.

Councils write Annex A's coded columns in many ways: Ofsted's group ("a) White"), Ofsted's newer template,
which carries the DfE code ("a) WBRI", "q) 6: Police", "f) U6: Foster placement - not FFA"), the DfE code
with its label ("N1 - Abuse or neglect", "[PR1] Own provision", "(B) With parents") or their own system's
words ("Parent / Carer"). ``dfe_code`` finds a DfE code where the label carries one:

- ``prefix`` lists (most): the code at the start of the label, after an optional Ofsted letter ("q) ",
  "p1) ") or an opening bracket, followed by the end of the label or a separator (``:`` ``-`` space ``)``
  ``]`` ``.`` ``,``); or the code in square or round brackets anywhere ("White - British [WBRI]").
  Case-sensitive: DfE codes are capitals, so "Both parents" is not BOTH, "Bed and breakfast" is not B.
- ``exact`` lists (care leavers' IN_TOUCH: YES, NO...): the whole label, less an Ofsted letter, is the code,
  in any case ("a) Yes" is YES; "No contact recorded" is not NO).
"""

from __future__ import annotations

import re
from functools import cache

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                         "\ufeff": " ", "\u2013": "-", "\u2014": "-"})
_LETTER = r"(?:[a-z]\d?\)\s*)?"


def norm(value) -> str:
    """The key a cell is looked up by: lower case, one space between words, plain quotes and dashes,
    ``1.0`` as ``1``, "a)male" as "a) male"."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _SPACE.sub(" ", str(value).translate(_QUOTES)).strip().lower()
    return re.sub(r"^([a-z]\d?\))(?=\S)", r"\1 ", text)


def header_key(value) -> str:
    """Headers compare on letters and digits only: "Date of Birth", "DateOfBirth" and "date_of_birth" agree."""
    return re.sub(r"[^a-z0-9]", "", str(value).translate(_QUOTES).lower())


@cache
def _pattern(codes: tuple[str, ...], mode: str) -> re.Pattern:
    alts = "|".join(re.escape(c) for c in sorted(codes, key=lambda c: (-len(c), c)))
    if mode == "exact":
        return re.compile(rf"^{_LETTER}({alts})$", re.IGNORECASE)
    return re.compile(rf"^{_LETTER}[(\[]?({alts})(?=$|[\s:\-)\].,])|[\[(]({alts})[\])]")


def dfe_code(text: str, codes: tuple[str, ...], mode: str = "prefix") -> str | None:
    """The DfE code ``text`` carries, from ``codes``, or None."""
    t = _SPACE.sub(" ", str(text).translate(_QUOTES)).strip()
    m = _pattern(codes, mode).search(t)
    if not m:
        return None
    found = next(g for g in m.groups() if g)
    if mode == "exact":
        return next(c for c in codes if c.lower() == found.lower())
    return found
