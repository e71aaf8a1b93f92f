"""Build the benchmark files casewatch ships (src/casewatch/benchmarks/data/) from the DfE and Ofsted sources.

Run from anywhere: ``.venv/bin/python tools/build_benchmarks.py [--source DIR] [--out DIR]``. ``--source`` is the
reference folder holding ``benchmarks/`` (LAIT long table, data dictionary, LA code list, statistical neighbour
workbooks) and ``ofsted/`` (ILACS overview, judgement history); it defaults to ../shared/reference next to the
repository, then /work/shared/reference. Only the LAIT measures in casewatch.benchmarks.lait_map are kept.
Offline and deterministic: rows are sorted and the same sources give the same files.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import openpyxl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from casewatch.benchmarks.lait_map import LAIT_MAP, YEAR_OFFSET  # noqa: E402

OUT = REPO / "src" / "casewatch" / "benchmarks" / "data"
ENGLAND_CODE = "E92000001"
REGION_NUMBERS = range(980, 991)  # LAIT 'LA Number' of the regions (986 London, 987/988 Inner/Outer London)


def default_source() -> Path:
    local = REPO.parent / "shared" / "reference"
    return local if local.is_dir() else Path("/work/shared/reference")


def _write_csv(path: Path, header: list[str], rows: list[tuple]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(["" if v is None else v for v in r] for r in sorted(rows, key=_sort_key))


def _sort_key(row: tuple) -> tuple:
    """Numbers as numbers (so '201' < '1000' and rank 2 < 10), blanks first."""
    return tuple((v is not None, int(v) if isinstance(v, str) and v.isdigit() else 0, str(v)) for v in row)


def _region_name(name: str) -> str:
    """LA list regions ('Inner London', 'Yorkshire and The Humber') to the LAIT region rows' names."""
    if name in ("Inner London", "Outer London"):
        return "London"
    return "Yorkshire and the Humber" if name.lower() == "yorkshire and the humber" else name


def build_measures(con: duckdb.DuckDBPyConnection, src: Path) -> list[tuple]:
    """Mapped measures with their LAIT title, polarity and year type (lait_measures.csv)."""
    rows = con.execute(
        "SELECT Measure_short, any_value(Chart_title), any_value(Polarity), any_value(Year_Type) "
        "FROM read_csv(?, all_varchar = true) GROUP BY 1", [str(src / "lait_data_dictionary.csv")]).fetchall()
    by_code = {r[0]: r[1:] for r in rows}
    out = []
    for ind, m in LAIT_MAP.items():
        if m.code not in by_code:
            raise SystemExit(f"{ind}: LAIT measure {m.code!r} is not in the data dictionary")
        title, polarity, year_type = by_code[m.code]
        if year_type not in YEAR_OFFSET:
            raise SystemExit(f"{ind}: no year_ending rule for LAIT Year_Type {year_type!r}")
        out.append((ind, m.code, title.strip(), {"High": "high", "Low": "low"}.get(polarity, ""), year_type))
    return out


def build_lait(con: duckdb.DuckDBPyConnection, src: Path, measures: list[tuple], out: Path) -> int:
    con.execute("CREATE TEMP TABLE map (indicator_id VARCHAR, lait_code VARCHAR, scale DOUBLE, year_offset INT)")
    con.executemany("INSERT INTO map VALUES (?, ?, ?, ?)",
                    [(ind, code, LAIT_MAP[ind].scale, YEAR_OFFSET[yt]) for ind, code, _, _, yt in measures])
    bad = con.execute("""SELECT DISTINCT b."Short Desc", b.Years FROM read_parquet(?) b
        JOIN map m ON m.lait_code = b."Short Desc" WHERE NOT regexp_full_match(b.Years, '\\d{4}')""",
                      [str(src / "bds_long_0.parquet")]).fetchall()
    if bad:
        raise SystemExit(f"unexpected LAIT year labels (only 'YYYY' is mapped): {bad[:5]}")
    con.execute(f"""CREATE TEMP TABLE lait AS
        SELECT m.indicator_id, m.lait_code,
            CAST(CAST(b.Years AS INTEGER) + m.year_offset AS INTEGER) AS year_ending,
            CASE WHEN b."LA Number" = 970 THEN 'england'
                 WHEN b."LA Number" BETWEEN {REGION_NUMBERS.start} AND {REGION_NUMBERS.stop - 1} THEN 'region'
                 ELSE 'la' END AS area_type,
            CASE WHEN b."LA Number" = 970 THEN '{ENGLAND_CODE}'
                 WHEN b."LA Number" BETWEEN {REGION_NUMBERS.start} AND {REGION_NUMBERS.stop - 1}
                     THEN b."LA and Regions"
                 ELSE CAST(CAST(b."LA Number" AS INTEGER) AS VARCHAR) END AS area_code,
            b."LA and Regions" AS area_name,
            round(TRY_CAST(trim(b."Values") AS DOUBLE) * m.scale, 6) AS value
        FROM read_parquet(?) b JOIN map m ON m.lait_code = b."Short Desc"
        ORDER BY indicator_id, year_ending, area_type, area_code""", [str(src / "bds_long_0.parquet")])
    dupes = con.execute("SELECT count(*) FROM (SELECT 1 FROM lait GROUP BY indicator_id, year_ending, area_code "
                        "HAVING count(*) > 1)").fetchone()[0]
    if dupes:
        raise SystemExit(f"{dupes} duplicate (indicator, year, area) rows in the LAIT extract")
    con.execute(f"COPY (SELECT * FROM lait ORDER BY indicator_id, year_ending, area_type, area_code) TO "
                f"'{out / 'lait.parquet'}' (FORMAT parquet, COMPRESSION zstd)")
    return con.execute("SELECT count(*) FROM lait").fetchone()[0]


def build_las(src: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(src / "la_code_list.xlsx", read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    if rows[0][:4] != ("LA Number", "LA Name", "Region", "Type"):
        raise SystemExit(f"la_code_list.xlsx: unexpected header {rows[0]}")
    return [(str(int(r[0])), str(r[1]).strip(), _region_name(str(r[2]).strip()), str(r[3]).strip())
            for r in rows[1:] if isinstance(r[0], int | float) and r[0] < 970]


def build_sn(src: Path) -> list[tuple]:
    """Both editions' neighbour lists; rows under 'Old SNs:' (pre-reorganisation councils) are section 'old'."""
    out = []
    for edition, name in ((2021, "sn_april_2021.xlsx"), (2025, "sn_may_2025.xlsx")):
        rows = list(openpyxl.load_workbook(src / name, read_only=True).worksheets[0].iter_rows(values_only=True))
        hdr = next(i for i, r in enumerate(rows) if r[0] == "LA num")
        cols = [rows[hdr].index(f"SN{k}") for k in range(1, 11)]
        section = "current"
        for r in rows[hdr + 1:]:
            if r[1] == "Old SNs:":
                section = "old"
            if not isinstance(r[0], int | float):
                continue
            for rank, c in enumerate(cols, start=1):
                if isinstance(r[c], int | float) or str(r[c]).strip().isdigit():
                    out.append((edition, section, str(int(r[0])), str(int(r[c])), rank))
    return out


def _date(text: str | None, fmt: str) -> str | None:
    text = (text or "").strip()
    return datetime.strptime(text, fmt).date().isoformat() if text else None


def _grade(text: str | None) -> str | None:
    text = (text or "").strip().lower()
    return text if text in ("outstanding", "good", "requires improvement", "inadequate") else None


OFSTED_HEADER = ["la_code", "la_name", "urn", "framework", "ilacs_type", "inspection_start", "inspection_end",
                 "published", "overall", "leaders", "help_and_protection", "children_in_care", "care_leavers",
                 "adoption", "lscb", "web_link", "report_file"]


def build_ofsted(ofsted_dir: Path) -> list[tuple]:
    """Every inspection in judgement_history.csv, enriched from (or extended by) the latest-ILACS overview."""
    with (ofsted_dir / "judgement_history.csv").open(encoding="utf-8") as f:
        history = list(csv.DictReader(f))
    ws = openpyxl.load_workbook(ofsted_dir / "ilacs_overview.xlsx", read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    overview = [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[1]]
    latest = {}
    for o in overview:
        pub = _date(o["publication_date"], "%d/%m/%y")
        latest[(str(o["la_code"]).strip(), pub)] = o
    out, used = [], set()
    for h in history:
        key = (h["la_code"].strip(), h["published"].strip())
        o = latest.get(key) if h["framework"] == "ilacs" else None
        if o:
            used.add(key)
        out.append((key[0], h["la_name"].strip(), h["urn"].strip(), h["framework"].strip(),
                    (o or {}).get("inspection_framework") if o and o["inspection_framework"] != "None" else None,
                    _date(o["inspection_start_date"], "%d/%m/%Y") if o else None,
                    _date(o["inspection_end_date"], "%d/%m/%Y") if o else None,
                    key[1], _grade(h["overall"]), _grade(h["leaders"]), _grade(h["help_and_protection"]),
                    _grade(h["children_in_care"]), _grade(h["care_leavers"]), _grade(h["adoption"]),
                    _grade(h["lscb"]), o["inspection_link"] if o else None, h["source_file"].strip() or None))
    names = {h["la_code"].strip(): h["la_name"].strip() for h in history}
    for key, o in latest.items():
        if key in used or not key[1]:
            continue
        out.append((key[0], names.get(key[0], str(o["local_authority"]).title()), str(o["urn"]), "ilacs",
                    o["inspection_framework"] if o["inspection_framework"] != "None" else None,
                    _date(o["inspection_start_date"], "%d/%m/%Y"), _date(o["inspection_end_date"], "%d/%m/%Y"),
                    key[1], _grade(o["overall_effectiveness_grade"]), _grade(o["impact_of_leaders_grade"]),
                    _grade(o["help_and_protection_grade"]), _grade(o["in_care_grade"]),
                    _grade(o["care_leavers_grade"]), None, None, o["inspection_link"], None))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None, help="reference folder (holds benchmarks/ and ofsted/)")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default: the package's data folder)")
    args = ap.parse_args(argv)
    src = args.source or default_source()
    bench, out = src / "benchmarks", args.out
    if not (bench / "bds_long_0.parquet").is_file():
        raise SystemExit(f"no LAIT source under {bench}")
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET threads = 1")
    measures = build_measures(con, bench)
    n = build_lait(con, bench, measures, out)
    _write_csv(out / "lait_measures.csv", ["indicator_id", "lait_code", "lait_title", "polarity", "year_type"],
               measures)
    las = build_las(bench)
    _write_csv(out / "las.csv", ["la_code", "name", "region", "la_type"], las)
    sn = build_sn(bench)
    _write_csv(out / "sn.csv", ["edition", "section", "la_code", "neighbour_code", "rank"], sn)
    ofsted = build_ofsted(src / "ofsted")
    _write_csv(out / "ofsted.csv", OFSTED_HEADER, ofsted)
    print(f"{date.today()}: {n} LAIT rows ({len(measures)} measures), {len(las)} LAs, {len(sn)} SN rows, "
          f"{len(ofsted)} inspections -> {out}")


if __name__ == "__main__":
    main()
