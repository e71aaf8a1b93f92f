"""The report: all three files for a synthetic council, the PDF's pages not blank, the workbook's numbers equal
to the indicators, 'what got worse' always there, and the public report passing disclosure control."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest
from PIL import Image

from casewatch.cli import main
from casewatch.disclosure import SUPPRESSED
from casewatch.measures.run import indicators
from casewatch.outputs.content import build
from casewatch.outputs.xlsx import safe_text

PE = "2026-03-31"


@pytest.fixture(scope="module")
def written(councils, tmp_path_factory):
    _, db = councils.loaded(size="tiny", seed=1)
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "--db", str(db), "--out", str(out / "internal"), "--la", "873"]) == 0
    assert main(["report", "--db", str(db), "--out", str(out / "public"), "--la", "873", "--audience", "public"]) == 0
    return db, out


def test_three_files_and_the_pdf_pages_are_not_blank(written, tmp_path):
    _, out = written
    for audience in ("internal", "public"):
        for name in ("report.html", "report.pdf", "report.xlsx"):
            assert (out / audience / name).stat().st_size > 10_000
    pdf = out / "internal" / "report.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 20
    for page in pages:
        extrema = Image.open(page).convert("L").getextrema()
        assert extrema[0] < 128, f"{page.name} is blank"


def test_html_is_self_contained_accessible_and_always_says_what_got_worse(written):
    _, out = written
    html = (out / "internal" / "report.html").read_text()
    assert "<script" not in html and not re.search(r'(src|href)="(https?:|//)', html)  # nothing fetched
    assert 'lang="en-GB"' in html and "<caption>" in html and 'role="img" aria-label=' in html
    for heading in ("What got worse", "Where we are behind England or our statistical neighbours",
                    "Variation between teams", "Ofsted judgements", "Definitions"):
        assert f">{heading}</h2>" in html
    # Cambridgeshire: the latest inspection (2024) first; the 2019 downgrade from 'good' only as history
    latest = html.index("Ofsted&#x27;s latest inspection (published 16 May 2024): <strong>requires improvement</strong>")
    earlier = html.index("<h3>Earlier inspections</h3>")
    story = html.index("In the inspection published 18 February 2019, Ofsted judged children&#x27;s services "
                       "&#x27;requires improvement&#x27; overall, down from &#x27;good&#x27; (published 8 August 2014).")
    assert latest < earlier < story < html.index("<h2>Headline figures</h2>")
    assert "Downgraded" not in html and 'class="alert">In the inspection' not in html


# what a member must never be shown: a command-line flag or command, a file path, a code span
NOT_FOR_READERS = re.compile(r"(?<![\w-])--[a-z]|\bcasewatch\s+[a-z]|/tmp|/home|\.duckdb|\bvar/|`|\bdocs/|"
                             r"\.md\b|\.py\b")


def _readable_text(out) -> dict[str, str]:
    """What a reader of the report can read: the HTML's text (no style sheet, no embedded image data), the PDF's
    text (pdftotext) and every text cell of the workbook."""
    from html import unescape

    page = (out / "report.html").read_text()
    page = re.sub(r"<style>.*?</style>|data:image/[^\"']+", " ", page, flags=re.S)
    pdf = subprocess.run(["pdftotext", str(out / "report.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    book = openpyxl.load_workbook(out / "report.xlsx")
    cells = "\n".join(c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str))
    return {"html": unescape(re.sub(r"<[^>]+>", " ", page)), "pdf": pdf, "xlsx": cells}


def test_no_public_output_holds_a_command_line_flag_or_a_file_path(written):
    _, out = written
    for kind, text in _readable_text(out / "public").items():
        assert len(text) > 5_000, kind
        found = [text[max(0, m.start() - 40):m.end() + 20] for m in NOT_FOR_READERS.finditer(text)]
        assert not found, (kind, found[:5])
    # the check itself can fail: the texts that were there before
    for bad in ("run `casewatch report --la CODE`", "use --audience public", "(docs/cms-template.md)",
                "/tmp/x/casewatch.duckdb", "var/report-cache"):
        assert NOT_FOR_READERS.search(bad), bad


def _fill(pdf, folder) -> list[float]:
    """How full each page is: the lowest inked row above the footer, as a share of the page's printable height."""
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "30", str(pdf), str(folder / "fill")], check=True)
    fills = []
    for path in sorted(folder.glob("fill-*.png")):
        im = Image.open(path).convert("L")
        w, h = im.size
        top, bottom = round(h * 18 / 297), round(h * 277 / 297)  # the @page margins: 18 mm, 20 mm (footer)
        px = im.load()
        inked = [y for y in range(top, bottom) if any(px[x, y] < 200 for x in range(w))]
        fills.append(((inked[-1] if inked else top) - top) / (bottom - top))
    return fills


def test_no_page_but_the_last_is_nearly_empty(written, tmp_path):
    """No section is forced onto a new page: before, 5 of the 55 pages of a small council's public PDF were
    under a quarter full (the page before each short section's forced break)."""
    _, out = written
    for audience in ("internal", "public"):
        folder = tmp_path / audience
        folder.mkdir()
        fills = _fill(out / audience / "report.pdf", folder)
        assert len(fills) >= 10
        assert [round(f, 2) for f in fills[:-1] if f < 0.25] == [], audience


def test_workbook_values_equal_the_indicators(written):
    db, out = written
    _, items = indicators(str(db), la="873")
    want = {i["id"]: i for i in items}
    sheet = openpyxl.load_workbook(out / "internal" / "report.xlsx")["Headline"]
    header = [c.value for c in sheet[3]]
    year_col = header.index("2025-26")
    seen = 0
    for row in sheet.iter_rows(min_row=4, values_only=True):
        ind = row[1]
        assert row[year_col] == want[ind]["value"], ind
        assert row[header.index("England")] == want[ind]["england"], ind
        seen += 1
    assert seen == 13


def test_public_report_passes_disclosure_control(written):
    _, out = written
    book = openpyxl.load_workbook(out / "public" / "report.xlsx")
    assert "Teams" not in book.sheetnames  # no team (or worker, or child) figures in public
    checked = 0
    for ws in book.worksheets:
        header = [c.value for c in ws[3]] if ws.max_row >= 3 else []
        if "Unit" not in header or "Numerator" not in header or "England" not in header:
            continue
        years = [j for j, h in enumerate(header) if isinstance(h, str) and h[:4].isdigit() and h[4] == "-"]
        for row in ws.iter_rows(min_row=4, values_only=True):
            unit = row[header.index("Unit")]
            counts = [row[j] for j in years] if unit == "count" else []
            counts += [row[header.index("Numerator")], row[header.index("Denominator")]]
            for v in counts:
                if isinstance(v, int | float):
                    assert v == 0 or (v >= 5 and v % 5 == 0), (ws.title, row[1], v)
                    checked += 1
                else:
                    assert v in (None, SUPPRESSED), (ws.title, row[1], v)
    assert checked > 100
    html = (out / "public" / "report.html").read_text()
    assert "Team figures are not published" in html and "X01C" not in html and "SW0" not in html


def _worse_by_hand(polarity, now, before) -> bool:
    """Worse than the year before by the indicator's polarity, in plain Python (the oracle, not Report's filter)."""
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (now, before))
    return bool(polarity) and numbers and now != before and (now > before) != (polarity == "higher")


def _behind_by_hand(polarity, unit, value, england, sn_mean) -> bool:
    if not polarity or unit == "count" or not isinstance(value, int | float):
        return False
    return any(isinstance(b, int | float) and (value < b if polarity == "higher" else value > b)
               for b in (england, sn_mean))


def test_worse_and_behind_sections_hold_exactly_the_figures_that_are_worse(written, capsys):
    """The two sections against figures read independently: the internal report against the indicators' own
    figures (``casewatch indicators``: this year's value, last year's, England's and the neighbours'), the public
    one against the published series; each set is compared whole, so a filter that drops or adds a line fails."""
    db, _ = written
    _, items = indicators(str(db), la="873")
    whole = [i for i in items if i["breakdown"] is None]
    want_worse = {i["id"] for i in whole if _worse_by_hand(i["polarity"], i["value"], i["previous"])}
    want_behind = {i["id"] for i in whole
                   if _behind_by_hand(i["polarity"], i["unit"], i["value"], i["england"], i["sn_mean"])}
    polar = {i["id"] for i in whole if i["polarity"] and isinstance(i["value"], int | float)}
    assert want_worse and want_behind and want_worse < polar and want_behind < polar  # the checks can fail both ways

    internal = build(str(db), la="873")
    got_worse = [x.ind.id for x in internal.worse]
    assert len(got_worse) == len(set(got_worse)) and set(got_worse) == want_worse
    assert {x.ind.id for x in internal.behind} == want_behind

    public = build(str(db), la="873", audience="public")
    lines = public.lines
    want = {x.ind.id for x in lines if len(x.series) > 1 and _worse_by_hand(x.ind.polarity, x.series[-1][1],
                                                                             x.series[-2][1])}
    assert want and {x.ind.id for x in public.worse} == want
    want = {x.ind.id for x in lines if _behind_by_hand(x.ind.polarity, x.ind.unit, x.value, x.bench.get("england"),
                                                        x.bench.get("sn_mean"))}
    assert want and {x.ind.id for x in public.behind} == want

    with pytest.raises(SystemExit):
        main(["report", "--help"])
    options = capsys.readouterr().out.lower()
    for word in ("worse", "behind", "suppress", "disclosure-off", "no-disclosure"):
        assert f"--{word}" not in options and f"--no-{word}" not in options  # nothing turns them off


def test_text_cells_cannot_run_as_formulas():
    assert safe_text("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_text("+1") == "'+1" and safe_text("-2") == "'-2" and safe_text("@SUM") == "'@SUM"
    assert safe_text("Referrals") == "Referrals"


def test_the_workforce_section_says_the_fte_shortfall_at_the_council_s_cap(written, shortfall_of):
    from casewatch.outputs import html, xlsx
    from casewatch.standards import load

    db, out = written
    at_20 = (out / "internal" / "report.html").read_text()  # the shipped cap (20): the tiny council's cases fit
    assert shortfall_of(db, 20.0)["council"] == (0.0, 0.0) and "no service is short of staff at this cap" in at_20
    assert "weights: none set" in at_20

    std = load(None)
    std["caseload"]["cap"] = 12
    want = shortfall_of(db, 12.0)
    short, fte = want["council"]
    assert fte > 0
    internal = build(str(db), la="873", standards=std)
    page = html.render(internal, {})
    section = page.split('<h2>Workforce</h2>', 1)[1].split("</section>", 1)[0]
    assert "Cases exceed capacity at cap 12: " in section
    assert f"short by {short:g} weighted cases = {fte:g} FTE" in section
    for team, (_, f) in want["teams"].items():
        assert f'<th scope="row">{team}</th>' in section
        if f:
            assert f"{team} {f:g} FTE" in section
    for service, (s, f) in want["services"].items():
        assert re.search(rf'<th scope="row">{service}</th>(<td class="n">[^<]*</td>){{2}}<td class="n">{s:g}</td>'
                         rf'<td class="n">{f:g}</td>', section), service

    public = build(str(db), la="873", audience="public", standards=std)
    page = html.render(public, {})
    section = page.split('<h2>Workforce</h2>', 1)[1].split("</section>", 1)[0]
    assert f"short of staff by {short:g} weighted cases = {fte:g} FTE" in section
    assert "X01T" not in section and "by team" not in section  # no team figures in public
    book = out / "public-shortfall.xlsx"
    xlsx.write(public, str(book))
    sheet = openpyxl.load_workbook(book)["Shortfall"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    assert rows[0][2:] == (None, None, short, fte) and {r[0] for r in rows} == {"council", "service"}


def test_the_report_compares_the_council_as_the_la_the_data_records(written, tmp_path):
    """No --la: the LA code the load recorded for the council (councils.la_code) brings the Ofsted history and
    the statistical neighbours into the report, as a report downloaded from the dashboard is made."""
    import shutil

    import duckdb

    from casewatch.outputs import html

    db, _ = written
    copy = tmp_path / "recorded.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    try:
        con.execute("ALTER TABLE councils ADD COLUMN IF NOT EXISTS la_code VARCHAR")
        con.execute("UPDATE councils SET la_code = '873'")
    finally:
        con.close()
    r = build(str(copy), audience="public")
    assert r.ctx.la_code == "873" and str(r.ofsted[0]["published"]) == "2024-05-16"
    assert any(x.bench.get("sn_mean") is not None for x in r.headline)
    page = html.render(r, {})
    assert "Ofsted&#x27;s latest inspection (published 16 May 2024)" in page
    assert "local authority code is not known" in html.render(build(str(db), audience="public"), {})
