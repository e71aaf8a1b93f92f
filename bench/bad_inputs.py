"""A bad-input corpus (issue 23): files a council might really send, damaged one way each, built from a synthetic
council's returns. One folder per case under ``--out``, and ``manifest.json`` there: per case its base (the
undamaged set it starts from), what was done, and where (file, row, field) when one place was damaged.

Each case is a small function with a one-line description; it writes into its folder, which holds a copy of its
base, flat. Bases: ``903`` (header and episodes CSV), ``cms``
(council, teams, workers), ``cin`` (the census XML), ``903xml``, ``annex_a`` (Lists 1-3, 150 rows each);
a ``clean_*`` case per base is the yardstick the runner compares issues against. ``small=True`` (the
test) shrinks the big cases: 400k duplicate rows -> 2,000, 1M rows -> 5,000, the 1 GiB xlsx bomb -> 8 MiB, the
50 MB text node -> 1 MB.

    .venv/bin/python bench/bad_inputs.py [--out /tmp/casewatch-bad-inputs] [--small] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EPI, HDR = "SSDA903_2026_episodes.csv", "SSDA903_2026_header.csv"
ANNEX = "Annex_A_2026-03-31.xlsx"
BASES = {"903": [f"ssda903/{HDR}", f"ssda903/{EPI}"], "cms": ["cms/council.csv", "cms/teams.csv", "cms/workers.csv"],
         "cin": ["cin/CIN_2026.xml"], "903xml": ["ssda903_xml/SSDA903_2026.xml"], "annex_a": [f"annex_a/{ANNEX}"]}


@dataclass
class Case:
    name: str
    base: str
    what: str
    make: Callable


CASES: dict[str, Case] = {}


def case(base: str, what: str):
    def add(fn):
        CASES[fn.__name__] = Case(fn.__name__, base, what, fn)
        return fn
    return add


# ---- helpers: every edit names the line (header = 1) and column it damaged, as an issue would
def rows(p: Path) -> list[str]:
    return p.read_text(encoding="utf-8").splitlines()


def put(p: Path, lines: list[str], end: str = "\n") -> None:
    p.write_bytes((end.join(lines) + end).encode("utf-8"))


def cell(d: Path, file: str, line: int, col: str, value: str) -> dict:
    p = d / file
    lines = rows(p)
    head = lines[0].split(",")
    cells = lines[line - 1].split(",")
    cells[head.index(col)] = value
    lines[line - 1] = ",".join(cells)
    put(p, lines)
    return {"file": file, "row": line, "field": col}


def column(d: Path, file: str, col: str, fn) -> dict:
    """Every non-blank cell of ``col`` through ``fn``."""
    p = d / file
    lines = rows(p)
    i = lines[0].split(",").index(col)
    for n in range(1, len(lines)):
        cells = lines[n].split(",")
        if cells[i]:
            cells[i] = fn(cells[i])
        lines[n] = ",".join(cells)
    put(p, lines)
    return {"file": file, "field": col}


# ---- clean yardsticks
for _b in ("903", "cms", "cin", "903xml", "annex_a"):
    CASES[f"clean_{_b}"] = Case(f"clean_{_b}", _b, f"the {_b} base, undamaged (the yardstick)", lambda d, big: None)


# ---- CSV damage (903 episodes unless said)
@case("903", "a quote opened on line 3 of the episodes and never closed")
def csv_quote_early(d, big):
    return cell(d, EPI, 3, "PL_POST", '"ZZ1 5')


@case("903", "a quote opened on the episodes' last line and never closed")
def csv_quote_last_line(d, big):
    return cell(d, EPI, len(rows(d / EPI)), "PL_POST", '"ZZ1 5')


@case("903", "every episode's PL_POST opens a quote that never closes")
def csv_quote_whole_file(d, big):
    return column(d, EPI, "PL_POST", lambda v: '"' + v)


@case("903", "the episodes' last row cut off mid-cell, no line end")
def csv_truncated_last_row(d, big):
    p = d / EPI
    text = p.read_text().rstrip("\n")
    last = text.rsplit("\n", 1)[1]
    p.write_text(text[: len(text) - len(last) + last.index(",") + 6])  # CHILD, then DECOM cut to dd/mm
    return {"file": EPI, "row": text.count("\n") + 1, "field": "DECOM"}


@case("cms", "workers.csv in UTF-8 with one name saved as Windows-1252 bytes (Renée)")
def csv_mixed_encoding(d, big):
    p = d / "workers.csv"
    lines = rows(p)
    raw = [ln.encode() for ln in lines]
    raw[2] = raw[2].replace(lines[2].split(",")[1].encode(), "Zoë Café".encode())
    raw[5] = raw[5].replace(lines[5].split(",")[1].encode(), "Renée Brontë".encode("cp1252"))
    p.write_bytes(b"\n".join(raw) + b"\n")
    return {"file": "workers.csv", "row": 6, "field": "name"}


@case("cms", "workers.csv wholly in Windows-1252, names with accents")
def csv_cp1252(d, big):
    p = d / "workers.csv"
    lines = rows(p)
    lines[3] = lines[3].replace(lines[3].split(",")[1], "Chloë Çelik")
    p.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))


@case("903", "the episodes saved as UTF-16 with a byte-order mark")
def csv_utf16_bom(d, big):
    p = d / EPI
    p.write_bytes(p.read_text().encode("utf-16"))
    return {"file": EPI}


@case("903", "NUL bytes in the middle of an episode row (past the first 4 KiB)")
def csv_nul_bytes(d, big):
    return cell(d, EPI, 120, "PL_POST", "ZZ1\x00\x00 5")


@case("903", "a byte-order mark at the start of line 50 of the episodes")
def csv_bom_mid_file(d, big):
    p = d / EPI
    lines = rows(p)
    lines[49] = "\ufeff" + lines[49]
    put(p, lines)
    return {"file": EPI, "row": 50, "field": "CHILD"}


@case("903", "the episodes file is only its header")
def csv_header_only(d, big):
    put(d / EPI, rows(d / EPI)[:1])


@case("903", "the episodes file is empty (0 bytes)")
def csv_empty(d, big):
    (d / EPI).write_bytes(b"")
    return {"file": EPI}


@case("903", "the episodes file is only its header, every name padded with spaces")
def csv_header_spaces(d, big):
    put(d / EPI, [",".join(f" {h} " for h in rows(d / EPI)[0].split(","))])


def _reorder(d: Path, file: str, fn) -> None:
    lines = [ln.split(",") for ln in rows(d / file)]
    order = fn(list(range(len(lines[0]))))
    put(d / file, [",".join(r[i] if i is not None else "x" for i in order) for r in lines])


@case("903", "the episodes' columns in reverse order")
def csv_columns_reordered(d, big):
    _reorder(d, EPI, lambda ix: ix[::-1])


@case("903", "the episodes without the DECOM column")
def csv_missing_column(d, big):
    _reorder(d, EPI, lambda ix: ix[:1] + ix[2:])
    return {"file": EPI, "field": "DECOM"}


@case("903", "the episodes with two extra columns (NOTES, EXTRA)")
def csv_extra_columns(d, big):
    lines = rows(d / EPI)
    put(d / EPI, [lines[0] + ",NOTES,EXTRA"] + [ln + ",note,1" for ln in lines[1:]])


@case("903", "the episodes with CHILD twice (second copy blank)")
def csv_duplicate_columns(d, big):
    lines = rows(d / EPI)
    put(d / EPI, [lines[0] + ",CHILD"] + [ln + "," for ln in lines[1:]])


@case("903", "the episodes' header in lower case")
def csv_lowercase_headers(d, big):
    lines = rows(d / EPI)
    put(d / EPI, [lines[0].lower()] + lines[1:])


@case("903", "the episodes with \\r-only line ends (old Mac)")
def csv_cr_only(d, big):
    put(d / EPI, rows(d / EPI), end="\r")


@case("903", "a 200 KB cell in an episode's PL_POST")
def csv_cell_200kb(d, big):
    return cell(d, EPI, 10, "PL_POST", "Z" * 200_000)


@case("903", "an episode row with 10,000 cells")
def csv_row_10000_cells(d, big):
    lines = rows(d / EPI)
    lines[9] += ",x" * 9_987
    put(d / EPI, lines)
    return {"file": EPI, "row": 10}


@case("903", "one episode row repeated 400,000 times (2,000 small)")
def csv_duplicates_400k(d, big):
    lines = rows(d / EPI)
    put(d / EPI, lines + [lines[1]] * (400_000 if big else 2_000))


@case("cms", "a 1,000,000-row visits.csv (~60 MB; 5,000 small), children.csv beside it")
def csv_rows_1m(d, big):
    src = d.parent / ".src" / "cms"
    shutil.copy(src / "children.csv", d)
    vis = rows(src / "visits.csv")
    n = 1_000_000 if big else 5_000
    with open(d / "visits.csv", "w", encoding="utf-8") as fh:
        fh.write(vis[0] + "\n")
        for i in range(n):
            fh.write(vis[1 + i % (len(vis) - 1)] + "\n")


# ---- dates
@case("903", "an episode starting in 2124")
def date_2124(d, big):
    return cell(d, EPI, 5, "DECOM", "22/07/2124")


@case("903", "an episode starting in 9999")
def date_9999(d, big):
    return cell(d, EPI, 6, "DECOM", "31/12/9999")


@case("903", "a child born in 1812")
def date_1812(d, big):
    return cell(d, HDR, 4, "DOB", "06/05/1812")


@case("903", "an episode starting on 31/02/2024")
def date_31_feb(d, big):
    return cell(d, EPI, 7, "DECOM", "31/02/2024")


@case("903", 'every episode date as Excel writes date-times ("22/07/2024 00:00")')
def date_excel_datetime(d, big):
    column(d, EPI, "DECOM", lambda v: v + " 00:00")
    return column(d, EPI, "DEC", lambda v: v + " 00:00")


@case("903", "episode start dates as Excel serial numbers (45495)")
def date_excel_serial(d, big):
    return cell(d, EPI, 8, "DECOM", "45495")


@case("903", "every episode start date in ISO form (2024-07-22)")
def date_iso(d, big):
    return column(d, EPI, "DECOM", lambda v: f"{v[6:]}-{v[3:5]}-{v[:2]}")


@case("903", "episode start dates in mixed forms (dd/mm/yyyy, ISO, d-m-yy, 22 Jul 2024)")
def date_mixed(d, big):
    forms = [lambda v: v, lambda v: f"{v[6:]}-{v[3:5]}-{v[:2]}", lambda v: f"{int(v[:2])}-{int(v[3:5])}-{v[8:]}",
             lambda v: "22 Jul 2024"]
    n = iter(range(10**6))
    return column(d, EPI, "DECOM", lambda v: forms[next(n) % 4](v))


# ---- codes
@case("903", "legal status ZZ, a code that never existed")
def code_bad(d, big):
    return cell(d, EPI, 9, "LS", "ZZ")


@case("903", "placement T0 and reason for new episode S: codes of other collection years only")
def code_other_year(d, big):
    cell(d, EPI, 11, "RNE", "S")
    return cell(d, EPI, 12, "PLACE", "T0")


@case("903", "every placement and legal status code in lower case")
def code_lowercase(d, big):
    column(d, EPI, "LS", str.lower)
    return column(d, EPI, "PLACE", str.lower)


# ---- episodes
@case("903", "two episodes of one child overlapping (the second starts before the first ends)")
def episodes_overlap(d, big):
    lines = rows(d / EPI)
    head = lines[0].split(",")
    for ln in lines[1:]:
        c = ln.split(",")
        if c[head.index("DEC")]:
            c[head.index("DECOM")] = "01/" + c[head.index("DEC")][3:]
            c[head.index("DEC")] = ""
            lines.append(",".join(c))
            put(d / EPI, lines)
            return {"file": EPI, "row": len(lines)}


@case("903", "an episode whose child has no header row")
def episode_no_header(d, big):
    return cell(d, EPI, 3, "CHILD", "X01C9999999")


# ---- child ids (the same id in header and episodes)
def _child(d: Path, new: str) -> None:
    """A valid id, oddly spelt: to be read as it is, with no issue of its own."""
    old = rows(d / HDR)[1].split(",")[0]
    q = '"' + new.replace('"', '""') + '"' if any(ch in new for ch in ',"') else new
    for f in (HDR, EPI):
        put(d / f, [q + ln[len(old):] if ln.startswith(old + ",") else ln for ln in rows(d / f)])


for _n, _id, _what in [("id_slash", "X01/C/0006", "'/'"), ("id_spaces", "X01 C 0006", "spaces"),
                       ("id_quotes", 'X01"C"0006', "double quotes"),
                       ("id_hyperlink", '=HYPERLINK("http://example.org","x")', "a live-formula HYPERLINK"),
                       ("id_200_chars", "X" * 200, "200 characters"), ("id_unicode", "Ẋ01Ç∂😀0006", "non-ASCII letters")]:
    CASES[_n] = Case(_n, "903", f"a child id with {_what}", lambda d, big, _id=_id: _child(d, _id))

# ---- XML
CIN, XML903 = "CIN_2026.xml", "SSDA903_2026.xml"


def _xml(d: Path, file: str, fn) -> None:
    p = d / file
    p.write_text(fn(p.read_text(encoding="utf-8")), encoding="utf-8")


def _decl(text: str, insert: str) -> str:
    head, _, rest = text.partition("?>\n")
    return head + "?>\n" + insert + rest


@case("cin", "an external entity (XXE) reading /etc/passwd into a child id")
def xml_xxe(d, big):
    _xml(d, CIN, lambda t: _decl(t, '<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
         .replace("<LAchildID>X01C0000006<", "<LAchildID>&xxe;<", 1))
    return {"file": CIN}


@case("903xml", "billion laughs: ten levels of ten entities in one child id")
def xml_billion_laughs(d, big):
    ents = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    _xml(d, XML903, lambda t: _decl(t, f"<!DOCTYPE EXPSSDA903 [{ents}]>\n")
         .replace("<CHILDID>X01C0000006<", "<CHILDID>&lol9;<", 1))
    return {"file": XML903}


@case("903xml", "a DOCTYPE with an entity after a 70 KB comment (past the first 64 KiB)")
def xml_doctype_after_64k(d, big):
    _xml(d, XML903, lambda t: _decl(t, "<!--" + " pad" * 17_500 + " -->\n"
                                    '<!DOCTYPE EXPSSDA903 [<!ENTITY e "X01C0000006">]>\n')
         .replace("<CHILDID>X01C0000006<", "<CHILDID>&e;<", 1))
    return {"file": XML903}


@case("cin", "the census cut off halfway, mid-element")
def xml_truncated(d, big):
    _xml(d, CIN, lambda t: t[: len(t) // 2])
    return {"file": CIN}


@case("cin", "the census's root element in a namespace of its own")
def xml_wrong_namespace(d, big):
    _xml(d, CIN, lambda t: t.replace("<Message>", '<Message xmlns="http://example.org/not-the-cin-census">', 1))
    return {"file": CIN}


@case("cin", "100,000 nested elements inside the first child")
def xml_deep_nesting(d, big):
    _xml(d, CIN, lambda t: t.replace("</ChildIdentifiers>", "<a>" * 100_000 + "</a>" * 100_000
                                     + "</ChildIdentifiers>", 1))
    return {"file": CIN}


@case("903xml", "a 50 MB text node in one child's UPN (1 MB small)")
def xml_text_50mb(d, big):
    _xml(d, XML903, lambda t: t.replace("<UPN>UN2</UPN>", "<UPN>" + "A" * (50_000_000 if big else 1_000_000)
                                        + "</UPN>", 1))
    return {"file": XML903}


@case("cin", "a 2025-26 census saying it is 2018-19 (Year and ReferenceDate)")
def cin_wrong_year(d, big):
    _xml(d, CIN, lambda t: t.replace("<Year>2026</Year>", "<Year>2019</Year>", 1)
         .replace("<ReferenceDate>2026-03-31<", "<ReferenceDate>2019-03-31<", 1))
    return {"file": CIN}


# ---- xlsx (Annex A, Lists 1-3)
def _book(d: Path, fn) -> None:
    import openpyxl

    book = openpyxl.load_workbook(d / ANNEX)
    fn(book)
    book.save(d / ANNEX)


@case("annex_a", "an xlsx bomb: ~1.7 MB unpacking to 1 GiB, 2.1M identical List 1 rows then spaces (8 MiB small)")
def xlsx_bomb(d, big):
    import openpyxl

    book = openpyxl.load_workbook(d / ANNEX, read_only=True)
    head = [c.value for c in next(book["List 1"].iter_rows(max_row=1))]
    book.close()
    plain = openpyxl.Workbook()
    plain.active.title = "List 1"
    plain.active.append(head)
    tmp = d / "plain.xlsx"
    plain.save(tmp)
    row = b"<row>" + b"<c><v>1</v></c>" * len(head) + b"</row>"
    size = 2**30 if big else 2**23  # a quarter rows (2.1M of them big), the rest spaces between them
    reps = size // 4 // len(row)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(d / ANNEX, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info.filename, data)
                continue
            before, after = data.split(b"</sheetData>")
            with z.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(before)
                block = row * 8192
                for _ in range(reps // 8192):
                    fh.write(block)
                for _ in range(size * 3 // 4 // 2**20):
                    fh.write(b" " * 2**20)
                fh.write(b"</sheetData>" + after)
    tmp.unlink()
    return {"file": ANNEX}


@case("annex_a", "one cell in column XFD (the last column) of List 1")
def xlsx_xfd(d, big):
    _book(d, lambda b: b["List 1"].cell(row=5, column=16_384, value="x"))


@case("annex_a", "a text file named like the Annex A workbook")
def xlsx_not_zip(d, big):
    (d / ANNEX).write_text("Child Unique ID,Gender\nX01C0000001,a) Male\n")
    return {"file": ANNEX}


@case("annex_a", "a zip holding a text file, named like the Annex A workbook")
def xlsx_zip_not_workbook(d, big):
    with zipfile.ZipFile(d / ANNEX, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    return {"file": ANNEX}


@case("annex_a", "a password-protected workbook: an OLE container as Excel writes one (signature and stream "
                 "names only; no encryption library here)")
def xlsx_encrypted(d, big):
    sector = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (d / ANNEX).write_bytes(sector + "EncryptionInfo".encode("utf-16-le").ljust(512, b"\0")
                            + "EncryptedPackage".encode("utf-16-le").ljust(512, b"\0") + os.urandom(4096))
    return {"file": ANNEX}


@case("annex_a", "formulas in List 1: a date =DATE(2025,4,1) and a child id =A2 (no cached values)")
def xlsx_formulas(d, big):
    def f(b):
        b["List 1"]["F3"] = "=DATE(2025,4,1)"
        b["List 1"]["A4"] = "=A2"
    _book(d, f)
    return {"file": ANNEX, "row": 3, "field": "Date of Contact"}


@case("annex_a", "List 1's Gender and Ethnicity header cells merged into one")
def xlsx_merged_header(d, big):
    _book(d, lambda b: b["List 1"].merge_cells("B1:C1"))
    return {"file": ANNEX, "field": "Ethnicity"}


@case("annex_a", "List 1's header on row 3 under a title and a blank row")
def xlsx_header_row_3(d, big):
    def f(b):
        b["List 1"].insert_rows(1, 2)
        b["List 1"]["A1"] = "Annex A: List 1 (contacts), Northshire"
    _book(d, f)


# ---- files and folders
def _rename(d: Path, old: str, new: str) -> None:
    (d / old).rename(d / new)


@case("903", "the episodes named 'SSDA903 2026 épisodes (copy).csv'")
def file_name_unicode(d, big):
    _rename(d, EPI, "SSDA903 2026 épisodes (copy).csv")


@case("903", "the episodes named without an extension")
def file_no_extension(d, big):
    _rename(d, EPI, EPI[:-4])


@case("903", "the episodes named .CSV (upper case)")
def file_upper_csv(d, big):
    _rename(d, EPI, EPI[:-4] + ".CSV")


@case("903", "two years in one folder: the same set also named 2025")
def file_two_years(d, big):
    for f in (EPI, HDR):
        shutil.copy(d / f, d / f.replace("2026", "2025"))


@case("cms", "teams.csv a symbolic link to /etc/passwd")
def file_symlink_passwd(d, big):
    (d / "teams.csv").unlink()
    (d / "teams.csv").symlink_to("/etc/passwd")
    return {"file": "teams.csv"}


@case("903", "a FIFO (named pipe) named SSDA903_2026_missing.csv")
def file_fifo(d, big):
    os.mkfifo(d / "SSDA903_2026_missing.csv")
    return {"file": "SSDA903_2026_missing.csv"}


@case("cin", "the census a zero-byte file")
def file_zero_byte(d, big):
    (d / CIN).write_bytes(b"")
    return {"file": CIN}


@case("903", "a directory named SSDA903_2026_reviews.csv")
def file_dir_named_like_file(d, big):
    (d / "SSDA903_2026_reviews.csv").mkdir()


@case("903", "the episodes unreadable (chmod 000; as root every file is readable, so this tests nothing)")
def file_unreadable(d, big):
    (d / EPI).chmod(0)
    return {"file": EPI}


# ---- build
def _sources(out: Path) -> Path:
    src = out / ".src"
    if not (src / "cms" / "visits.csv").exists():
        from casewatch import jobs

        with tempfile.TemporaryDirectory() as tmp:
            jobs.synth(Path(tmp), size="tiny", years=1, formats=("parquet", "returns"))
            shutil.rmtree(src, ignore_errors=True)
            shutil.copytree(Path(tmp) / "returns", src)
        import openpyxl

        book = openpyxl.load_workbook(src / "annex_a" / ANNEX)
        for ws in list(book):
            if ws.title not in ("List 1", "List 2", "List 3"):
                book.remove(ws)
            elif ws.max_row > 151:
                ws.delete_rows(152, ws.max_row)
        book.save(src / "annex_a" / ANNEX)
    return src


def build(out: Path, small: bool = False, only: list[str] | None = None) -> dict:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    src = _sources(out)
    known = out / "manifest.json"
    manifest = json.loads(known.read_text()) if only and known.exists() else {}
    for c in CASES.values():
        if only and c.name not in only:
            continue
        d = out / c.name
        if d.exists():
            shutil.rmtree(d)
        d.mkdir()
        for rel in BASES[c.base]:  # flat in the case folder: edits name files by their own name
            shutil.copy(src / rel, d / Path(rel).name)
        where = c.make(d, not small) or {}
        manifest[c.name] = {"base": c.base, "what": c.what, **where}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="/tmp/casewatch-bad-inputs")
    ap.add_argument("--small", action="store_true", help="the test's scale: big cases shrunk")
    ap.add_argument("--only", default=None, help="comma-separated case names")
    a = ap.parse_args()
    made = build(Path(a.out), a.small, a.only.split(",") if a.only else None)
    print(f"{len(made)} cases in {a.out}")


if __name__ == "__main__":
    main()
