"""Cost that follows the size of the data, not the shape of an attack (issue 23 point 6; bench/worst_inputs.py
runs the full-size cases): duplicate rows refused set-wise and counted, an xlsx that unpacks past the limit
refused before it is unpacked, a cell in column XFD read like a cell in column A."""

import csv
import json
import zipfile

import duckdb
import openpyxl
import xlsxwriter

from casewatch.cli import main
from casewatch.returns import annex_a, xlsxsafe
from casewatch.returns.annex_a.spec import lists
from casewatch.returns.reference import providers
from casewatch.rules.run import LISTED

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/05/2010,WBRI,UN2,,\n2,2,01/05/2012,WBRI,UN2,,\n"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
COPIES = 5_000


def _duplicates(tmp_path):
    d = tmp_path / "returns"
    d.mkdir()
    (d / "SSDA903_2024_header.csv").write_text(HEADER)
    row = "1,01/05/2023,S,C2,N1,U1,PR1,,,,,,\n"
    (d / "SSDA903_2024_episodes.csv").write_text(EPISODES + "2,01/06/2023,S,C2,N1,U1,PR1,,,,,,\n" + row * COPIES)
    return d


def test_thousands_of_duplicates_are_all_refused_counted_and_kept(tmp_path, capsys):
    d = _duplicates(tmp_path)
    db, report = tmp_path / "cw.duckdb", tmp_path / "issues.csv"
    assert main(["validate", str(d), "--issues", str(report), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert main(["load", str(d), "--db", str(db)]) == 0
    episodes = next(f for f in out["files"] if f["path"].endswith("episodes.csv"))
    # the first copy is kept, as the DfE treats duplicates; every other one is refused, and the counts reconcile
    assert (episodes["rows_read"], episodes["rows_loaded"], episodes["rows_quarantined"]) == (COPIES + 1, 2,
                                                                                            COPIES - 1)
    assert out["issues_by_rule"]["CW-903-003"] == COPIES - 1  # every copy counted, though not every one listed
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM quarantine WHERE source_table = 'ssda903.episodes'").fetchone()[0] \
        == COPIES - 1
    # the database keeps every finding, one row each, and no summary row
    assert con.execute("SELECT count(*), count(DISTINCT row_number) FROM data_issues WHERE rule = 'CW-903-003'"
                       ).fetchone() == (COPIES - 1, COPIES - 1)
    assert not con.execute("SELECT count(*) FROM data_issues WHERE message LIKE '%more rows flagged%'").fetchone()[0]
    con.close()
    # the issues report lists every finding, one row each: the first LISTED as issues, the rest from the rows the
    # rule run kept (no summary line in their place), each with its own row number
    with open(report, encoding="utf-8") as fh:
        found = list(csv.DictReader(fh))
    rows = [r for r in found if r["rule"] == "CW-903-003"]
    assert COPIES - 1 > LISTED and len(rows) == len({r["row"] for r in rows}) == COPIES - 1
    assert not [r for r in found if "more rows flagged" in r["message"]]
    xlsx = tmp_path / "issues.xlsx"
    assert main(["validate", str(d), "--issues", str(xlsx)]) == 0
    sheet = openpyxl.load_workbook(xlsx, read_only=True)["Issues"]
    assert sum(1 for r in sheet.iter_rows(values_only=True) if r[7] == "CW-903-003") == COPIES - 1


def _workbook(path, cell_column: int | None = None):
    """An Annex A list 1 of three children, with one more cell (column index) on the last row if asked."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("List 1")
    sheet.write_row(0, 0, [c.header for c in lists()["list_1"]])
    for r, child in enumerate(("11", "12", "13"), start=1):
        sheet.write_row(r, 0, [child, "b) Female", "a) White", "01/01/2015", 9, "02/05/2023", "b) Schools"])
    if cell_column is not None:
        sheet.write(3, cell_column, "x")
    book.close()
    return path


def test_a_cell_in_column_xfd_reads_the_same_rows_as_one_in_column_a(tmp_path):
    plain = annex_a.read(_workbook(tmp_path / "a.xlsx", cell_column=10))
    far = annex_a.read(_workbook(tmp_path / "xfd.xlsx", cell_column=16_383))  # XFD, the last column there is
    assert far.error is None and far.records == plain.records == 3
    assert far.tables["annex_a.list_1"].columns == plain.tables["annex_a.list_1"].columns
    book = xlsxsafe.open_workbook(tmp_path / "xfd.xlsx")
    widths = [len(r) for r in xlsxsafe.rows(book.worksheets[0])]
    book.close()
    assert max(widths) <= xlsxsafe.MAX_COLUMNS  # the XFD cell is not read: rows stop at 256 columns


def _bomb(source, target, part: str, mb: int) -> None:
    """``source`` with ``part`` replaced by about ``mb`` MB of XML that packs to a few hundred KB."""
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 30_000 + b"</t></is></c></row>"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        names = [i.filename for i in src.infolist()]
        for name in names + ([part] if part not in names else []):
            if name != part:
                dst.writestr(name, src.read(name))
                continue
            info = zipfile.ZipInfo(part)
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w", force_zip64=True) as fh:
                head = src.read(part).partition(b"</sheetData>")[0] if part in names else b"<sst>"
                fh.write(head)
                for _ in range(mb * 2**20 // len(row)):
                    fh.write(row)
                fh.write(b"</sheetData></worksheet>" if part in names else b"</sst>")


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_unpacked(tmp_path, capsys):
    _workbook(tmp_path / "plain.xlsx")
    limit_mb = xlsxsafe.PART_LIMIT // 2**20
    folder = tmp_path / "bomb"
    folder.mkdir()
    _bomb(tmp_path / "plain.xlsx", folder / "Annex_A.xlsx", "xl/worksheets/sheet1.xml", limit_mb + 5)
    assert (folder / "Annex_A.xlsx").stat().st_size < 2**20  # a small file: the size is in the unpacking
    f = annex_a.read(folder / "Annex_A.xlsx")
    assert f.error == (f"{folder / 'Annex_A.xlsx'}: sheet 'List 1' unpacks to {limit_mb + 5} MB, over the "
                       f"{limit_mb} MB a sheet may take; not read") and f.records == 0
    assert main(["validate", str(folder), "--format", "json"]) == 1  # nothing usable
    out = json.loads(capsys.readouterr().out)
    assert out["issues_by_rule"] == {"CW-FILE": 1} and out["files"][0]["rows_read"] == 0
    # the shared text is read whole when a workbook opens: too big, the workbook is never opened
    _bomb(tmp_path / "plain.xlsx", tmp_path / "strings.xlsx", "xl/sharedStrings.xml", limit_mb + 5)
    f = annex_a.read(tmp_path / "strings.xlsx")
    assert "part xl/sharedStrings.xml unpacks to" in f.error and f.records == 0
    assert not providers.sniff(tmp_path / "strings.xlsx", b"PK")  # nor opened to tell what it is
