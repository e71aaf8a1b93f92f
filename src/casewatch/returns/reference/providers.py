"""Read Ofsted's provider lists (the "Children's homes list" and the "Social care providers list") into
``reference.providers``, for the 903 rules on the episode's Ofsted URN (1008, 219, 221, 224, 227, 228, 229, 241).

Ofsted sends councils these lists as Excel workbooks; their layouts have changed over the years, so casewatch
finds the columns by their headings, in every sheet, rather than by position:

- the Children's homes list: a sheet "Provider information" (or "Settings and Inspection Info" with the
  postcodes on "Address Details"); its "Provider Code" is the placement types (K1, K2...) and its "Provider
  Placement Code" the placement providers (PR1/PR2...), as the DfE's validator reads them;
- the Social care providers list: "Current providers" and "Providers closed in ...";
- the combined list Ofsted has sent since 2023-24: "Providers" and, for supported accommodation, "SA
  Providers" (one row per setting: a provider may have premises in several LAs).

A sheet is a provider sheet when a heading row (one of its first ten rows) has "URN" and a placement code or
placement provider code column, or is the supported-accommodation sheet ("SA Providers", by its name); a sheet
with a URN and a postcode but no codes ("Address Details") lends its postcodes to the rows of the same URN with
none. Other sheets ("Registration Conditions") are not read.

Columns (case and spacing do not matter; the first found is used), see ``COLUMNS``. Values: the URN as text
(upper case; a number as its digits); codes split on "," or "/" (``PR1/PR2``, ``U1, U2``); postcodes in the
directory's normal form; "-", "n/a" and "na" are blank. The LA the provider is in (``la``) is the ONS code(s)
of the LA the list names, matched by name against ``la_codes.csv`` ("East Sussex County Council" is East
Sussex); a name matching no English LA leaves ``la`` blank, counted in a CW-REF query. A supported-accommodation
sheet with no placement code column is K3 (supported accommodation) throughout, as the DfE's validator takes
it; one with no provider code column leaves the codes blank (the validator assumes PR4).

Rows: ``_row`` is the sheet's line number, plus 1,000,000 times the sheet's position in the workbook (0 for the
first), so that rows of different sheets never share a number; ``sheet`` names the sheet. A row with no cell
at all is not a row; one with no URN is staged, matches nothing, and is counted in a CW-REF query.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import cache
from pathlib import Path

from casewatch.returns import xlsxsafe
from casewatch.returns.core import Issue, ReturnFile

SHEET_ROWS = 1_000_000
COLUMNS = {  # staged meaning -> headings, lower case, in order of preference
    "urn": ("urn",),
    "la_name": ("setting local authority", "local authority", "provider local authority"),
    "provider_type": ("provider type", "provision type"),
    "place_codes": ("placement code", "provider code"),
    "provider_codes": ("placement provider code", "provider placement code"),
    "registered": ("registration date",),
    "closed": ("deregistration date", "closed date"),
    "postcode": ("setting postcode", "setting address postcode", "postcode", "provider postcode"),
    "places": ("number of registered places", "max users", "maximum fostering places", "capacity"),
}
BLANK = {"", "-", "na", "n/a", "none", "null"}


def _heading(value) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().lower()


def columns(names: list[str]) -> dict[str, int]:
    """Staged meaning -> the column index, for the meanings a heading row has."""
    out = {}
    for meaning, options in COLUMNS.items():
        for opt in options:
            if opt in names:
                out[meaning] = names.index(opt)
                break
    return out


def _header_row(rows: list[tuple]) -> tuple[int, dict[str, int]] | None:
    """(index, columns) of the first of ``rows`` that is a heading row with a URN column, or None."""
    for i, row in enumerate(rows):
        found = columns([_heading(c) for c in row])
        if "urn" in found:
            return i, found
    return None


def _is_provider_sheet(found: dict[str, int]) -> bool:
    return "place_codes" in found or "provider_codes" in found


def _supported_accommodation(title: str) -> bool:
    t = title.strip().lower()
    return t.startswith("sa ") or "supported accommodation" in t


def sniff(path: Path, head: bytes) -> bool:
    """An xlsx with a sheet whose heading row has a URN and a placement (provider) code column."""
    if Path(path).suffix.lower() not in (".xlsx", ".xlsm") or head[:2] != b"PK":
        return False
    try:
        wb = xlsxsafe.open_workbook(path)
    except Exception:  # noqa: BLE001 (not a workbook openpyxl reads, or too big to open: not ours)
        return False
    try:
        for ws in wb.worksheets:
            found = _header_row(list(xlsxsafe.rows(ws, max_row=10)))
            if found and _is_provider_sheet(found[1]):
                return True
        return False
    finally:
        wb.close()


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return None if text.lower() in BLANK else text


def _codes(value) -> list[str] | None:
    text = _text(value)
    if text is None:
        return None
    return [c for c in (p.strip().upper() for p in re.split(r"[,/;]", text)) if c] or None


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _text(value)


def postcode(value) -> str | None:
    """A postcode in the directory's normal form: upper case, one space before the last three characters."""
    text = _text(value)
    if text is None:
        return None
    k = re.sub(r"\s+", "", text).upper()
    return f"{k[:-3]} {k[-3:]}" if 5 <= len(k) <= 7 else k


_DROP = re.compile(r"\b(the|london borough of|royal borough of|metropolitan borough of|borough of|city of|county of|"
                   r"county|city|metropolitan|borough|district|council|unitary authority)\b")


def la_key(name: str | None) -> str:
    """A local authority's name reduced for matching: lower case, "&" as "and", no punctuation, and none of
    the words councils add to it ("County Council", "London Borough of", ", City of"...)."""
    text = (name or "").lower().replace("&", " and ").replace("(successor)", "")
    text = re.sub(r"[^a-z ]", " ", text.replace("st.", "st"))
    text = _DROP.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def la_names() -> dict[str, tuple[str, ...]]:
    """Reduced LA name -> its ONS codes (every code ``la_codes.csv`` gives that name)."""
    from casewatch.returns.reference.council import LA_CODES

    out: dict[str, set[str]] = {}
    with open(LA_CODES, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if "(successor)" not in row["name"]:
                out.setdefault(la_key(row["name"]), set()).add(row["ons_code"])
    out.setdefault("durham", out.get("county durham", set()))
    return {k: tuple(sorted(v)) for k, v in out.items() if k}


def la_codes(name) -> list[str] | None:
    """The ONS codes of the LA a list names, or None when the name is blank or no English LA's."""
    text = _text(name)
    if text is None:
        return None
    found = la_names().get(la_key(text))
    return list(found) if found else None


def read(path, year: int | None = None) -> ReturnFile:
    """Every provider sheet's rows into ``reference.providers``. Reference data has no collection year."""
    path = Path(path)
    out = ReturnFile(str(path), "reference", None)
    try:  # sizes checked before anything is unpacked (returns.xlsxsafe)
        wb = xlsxsafe.open_workbook(path)
    except xlsxsafe.Refused as exc:
        out.error = str(exc)
        return out
    except Exception as exc:  # noqa: BLE001 (a damaged workbook: named, never fatal)
        out.error = f"{path}: not an Excel workbook casewatch can read ({str(exc).splitlines()[0][:200]})"
        return out
    sheets, addresses = [], {}
    try:
        for k, ws in enumerate(wb.worksheets):
            rows = list(xlsxsafe.rows(ws))  # streaming, each row at most MAX_COLUMNS wide (not 16,384)
            found = _header_row(rows[:10])
            if not found:
                continue
            top, cols = found
            if _is_provider_sheet(cols) or _supported_accommodation(ws.title):
                sheets.append((k, ws.title, top, cols, rows))
            elif "postcode" in cols:  # "Address Details": postcodes by URN
                for row in rows[top + 1:]:
                    urn = _text(row[cols["urn"]]) if cols["urn"] < len(row) else None
                    pc = postcode(row[cols["postcode"]]) if cols["postcode"] < len(row) else None
                    if urn and pc:
                        addresses.setdefault(urn.upper(), pc)
    finally:
        wb.close()
    if not sheets:
        out.error = (f"{path}: no sheet of Ofsted's provider lists (a heading row with URN and Placement code or "
                     "Placement provider code)")
        return out
    builder = out.builder("reference.providers")
    no_urn: dict[str, int] = {}
    no_la: dict[str, int] = {}
    for k, title, top, cols, rows in sheets:
        sa = _supported_accommodation(title)
        for i, row in enumerate(rows[top + 1:], start=top + 2):
            if all(_text(c) is None for c in row):
                continue

            def cell(meaning, row=row, cols=cols):
                j = cols.get(meaning)
                return row[j] if j is not None and j < len(row) else None

            urn = _text(cell("urn"))
            urn = urn.upper() if urn else None
            place = _codes(cell("place_codes"))
            if place is None and sa and "place_codes" not in cols:
                place = ["K3"]
            pc = postcode(cell("postcode")) or (addresses.get(urn) if urn else None)
            la_name = _text(cell("la_name"))
            la = la_codes(la_name)
            if urn is None:
                no_urn[title] = no_urn.get(title, 0) + 1
            elif la is None:
                no_la[la_name or "(blank)"] = no_la.get(la_name or "(blank)", 0) + 1
            builder.add(k * SHEET_ROWS + i, {
                "urn": urn, "sheet": title, "provider_type": _text(cell("provider_type")), "la_name": la_name,
                "la": la, "postcode": pc, "place_codes": place, "provider_codes": _codes(cell("provider_codes")),
                "registered": _date(cell("registered")), "closed": _date(cell("closed")),
                "places": _text(cell("places"))})
            out.records += 1
    for title, n in no_urn.items():
        out.issues.append(Issue("CW-REF", "query", f"no URN on sheet {title} ({_rows(n)}), matching nothing",
                                out.path, "providers", None, None, "urn"))
    if no_la:
        names = ", ".join(sorted(no_la)[:5]) + (", ..." if len(no_la) > 5 else "")
        out.issues.append(Issue(
            "CW-REF", "query", f"the local authority is not one casewatch knows ({_rows(sum(no_la.values()))}: "
            f"{names}): the provider's LA is taken as not known", out.path, "providers", None, None, "la_name"))
    return out


def _rows(n: int) -> str:
    return f"{n:,} row" + ("" if n == 1 else "s")


def urn_sql(expr: str) -> str:
    """SQL: a URN as the lists are matched (upper case, trimmed; blank is NULL)."""
    return f"nullif(upper(trim({expr})), '')"


def given(alias: str = "e") -> str:
    """SQL: the episode gives a URN that is not the DfE's placeholder XXXXXXX (no Ofsted-registered provider)."""
    return f"coalesce({urn_sql(f'{alias}.URN')} <> 'XXXXXXX', false)"


def by_urn() -> str:
    """SQL (a parenthesised subquery): one row per URN in the lists, gathering its rows (a URN may be on both
    lists, or a provider on one row per setting): every place code, provider code, postcode and LA given for
    it, and ``closed``, the latest closure date when every row of it has one (else NULL: it is open)."""
    return """(SELECT urn,
              list_distinct(flatten(list(place_codes) FILTER (WHERE place_codes IS NOT NULL))) AS place_codes,
              list_distinct(flatten(list(provider_codes) FILTER (WHERE provider_codes IS NOT NULL))) AS provider_codes,
              list_distinct(list(postcode) FILTER (WHERE postcode IS NOT NULL)) AS postcodes,
              list_distinct(flatten(list(la) FILTER (WHERE la IS NOT NULL))) AS la,
              CASE WHEN count(closed) = count(*) THEN max(closed) END AS closed
       FROM reference.providers WHERE urn IS NOT NULL GROUP BY urn)"""
