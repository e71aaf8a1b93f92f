"""The report as an Excel workbook in the layout analysts know from the DfE's ChAT: a contents sheet, the headline,
what got worse, where the council is behind, one sheet per area (each indicator a row: five years, England,
statistical neighbours, rank, quartile, direction), team figures (internal only) and the definitions.

Numbers are numbers (suppressed figures are the text 'c'); headers bold with frozen panes; every text cell is
written as a string and any that would begin a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe, so
that no cell can run as a formula (CSV/formula injection): the rule lives in outputs.safefile."""

from __future__ import annotations

import re

from casewatch.benchmarks import SOURCE
from casewatch.outputs.content import Line, Report, for_readers
from casewatch.outputs.safefile import safe_text, xlsx_workbook
from casewatch.words import day


def _sheet_name(name: str, used: set) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", name)[:31]
    out, i = base, 2
    while out.lower() in used:
        out = f"{base[:28]} {i}"
        i += 1
    used.add(out.lower())
    return out


class _Book:
    def __init__(self, path: str):
        self.book = xlsx_workbook(path)
        self.bold = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#F3F2F1"})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.title = self.book.add_format({"bold": True, "font_size": 14})
        self.used: set = set()

    def sheet(self, name: str, title: str, header: list[str], widths: list[int]):
        ws = self.book.add_worksheet(_sheet_name(name, self.used))
        ws.write_string(0, 0, safe_text(title), self.title)
        for j, (h, w) in enumerate(zip(header, widths, strict=True)):
            ws.write_string(2, j, h, self.bold)
            ws.set_column(j, j, w)
        ws.freeze_panes(3, 1)
        return ws

    def cell(self, ws, i: int, j: int, v) -> None:
        if isinstance(v, bool):
            ws.write_boolean(i, j, v)
        elif isinstance(v, int | float):
            ws.write_number(i, j, v)
        elif v is None:
            ws.write_blank(i, j, None)
        else:
            ws.write_string(i, j, safe_text(v), self.wrap)


def _years(r: Report) -> list[str]:
    return [f"{pe.year - 1}-{str(pe.year)[2:]}" for pe in r.period_ends]


def _indicator_rows(r: Report, lines: list[Line]) -> tuple[list[str], list[list]]:
    header = ["Indicator", "id", "Unit", *_years(r), "England", "Statistical neighbours", "Rank", "Of",
              "Quartile (1 best)", "Direction", "Polarity", "Numerator", "Denominator"]
    rows = [[x.ind.title, x.ind.id, x.ind.unit, *[v for _, v in x.series], x.bench.get("england"),
             x.bench.get("sn_mean"), x.bench.get("rank"), x.bench.get("of"), x.bench.get("quartile"),
             x.direction, x.ind.polarity or "context", x.numerator, x.denominator] for x in lines]
    return header, rows


def write(r: Report, path: str) -> None:
    b = _Book(path)
    contents = b.sheet("Contents", f"{r.ctx.council_name}: children's social care, year ending "
                       f"{day(r.ctx.period_end)} ({r.audience})", ["Sheet", "What it holds"], [28, 90])
    entries = []

    def table(name: str, title: str, lines: list[Line]) -> None:
        header, rows = _indicator_rows(r, lines)
        ws = b.sheet(name, title, header, [44, 26, 9] + [9] * len(r.period_ends) + [11, 12, 7, 6, 9, 11, 9, 11, 11])
        for i, row in enumerate(rows, start=3):
            for j, v in enumerate(row):
                b.cell(ws, i, j, v)
        ws.autofilter(2, 0, 2 + max(len(rows), 1), len(header) - 1)
        entries.append((ws.name, title))

    table("Headline", "Headline figures", r.headline)
    table("What got worse", "What got worse than last year (by each indicator's polarity)", r.worse)
    table("Behind", "Where we are behind England or our statistical neighbours", r.behind)
    for area, lines in r.areas().items():
        table(area, area, lines)
    if r.shortfall:
        sf = r.shortfall
        ws = b.sheet("Shortfall", f"Cases against capacity at cap {sf['cap']:g} ({sf['weights']})",
                     ["Level", "Name", "Weighted cases", "Capacity", "Short (weighted cases)", "Short (FTE)"],
                     [10, 30, 14, 11, 20, 11])
        rows = [["council", r.ctx.council_name, sf["cases"], sf["capacity"], sf["short_weighted"], sf["short_fte"]]]
        rows += [[level, k, p["cases"], p["capacity"], p["short_weighted"], p["short_fte"]]
                 for level, parts in (("service", sf["services"]), ("team", sf["teams"])) for k, p in parts.items()]
        for i, row in enumerate(rows, start=3):
            for j, v in enumerate(row):
                b.cell(ws, i, j, v)
        if sf["sentence"]:
            b.cell(ws, len(rows) + 4, 0, sf["sentence"])
        entries.append((ws.name, "Whether the cases fit under the cap: the shortfall in weighted cases and FTE"))
    if r.audience == "internal":
        ws = b.sheet("Teams", "Team figures with funnel limits (internal only)",
                     ["Indicator", "id", "Team", "Value", "Numerator", "Denominator", "Lower 95%", "Upper 95%",
                      "Lower 99.8%", "Upper 99.8%", "Outside 99.8%"], [40, 26, 16, 9, 10, 11, 9, 9, 10, 10, 12])
        i = 3
        for x in r.lines:
            for f in x.teams:
                lim = f.limits or {}
                for j, v in enumerate([x.ind.title, x.ind.id, f.group, f.value, f.numerator, f.denominator,
                                       lim.get("lower95"), lim.get("upper95"), lim.get("lower998"),
                                       lim.get("upper998"), lim.get("outside")]):
                    b.cell(ws, i, j, v)
                i += 1
        entries.append((ws.name, "Team figures with funnel limits"))
    ws = b.sheet("Definitions", "Definitions: what each indicator counts, and its source",
                 ["id", "Indicator", "What it is", "Numerator", "Denominator", "Unit", "Polarity", "Period", "Source"],
                 [26, 36, 60, 40, 40, 9, 9, 11, 60])
    for i, x in enumerate(r.lines, start=3):
        for j, v in enumerate([x.ind.id, x.ind.title, for_readers(x.ind.description), for_readers(x.ind.numerator),
                               for_readers(x.ind.denominator) or None, x.ind.unit, x.ind.polarity or "context",
                               x.ind.period, for_readers(x.ind.source)]):
            b.cell(ws, i, j, v)
    entries.append((ws.name, "Definitions with sources"))
    for i, (name, what) in enumerate(entries, start=3):
        b.cell(contents, i, 0, name)
        b.cell(contents, i, 1, what)
    note = ("Public: counts of 1-4 suppressed (c), others rounded to 5. " if r.audience == "public"
            else "Internal: not rounded or suppressed; do not publish. ") + SOURCE
    b.cell(contents, len(entries) + 4, 0, note)
    b.book.close()
