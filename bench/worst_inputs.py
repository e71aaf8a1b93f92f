"""The bad-input corpus's worst cases for cost (issue 23 point 6): time and peak memory of validate and load.

    .venv/bin/python bench/worst_inputs.py [--out DIR] [--duplicates 400000] [--src OTHER_CHECKOUT/src]

Builds three inputs from a synthetic council (``casewatch synth --size tiny --years 1 --formats returns``):

- ``duplicates``: the 903 episodes CSV with one episode row appended ``--duplicates`` times (each copy refused);
- ``bomb``: the Annex A workbook with a sheet of ~1 GiB of XML packed into ~1 MB (``--bomb-mb``);
- ``xfd``: the Annex A workbook with one cell in column XFD, the 16,384th (and ``col_a``, the same workbook with
  that cell in column AZ, to compare).

Each is run through ``casewatch validate`` and ``casewatch load`` in a child process of its own; peak memory is
that child's ru_maxrss (os.wait4). ``--src`` runs another checkout's code (e.g. ``git archive HEAD``) with this
venv, for before/after figures. Figures go into docs/performance.md ("Bad input: worst cases") by hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = "import sys; from casewatch.cli import main; sys.exit(main())"


def council(out: Path) -> Path:
    made = out / "council"
    if not (made / "returns").exists():
        subprocess.run([sys.executable, "-c", CLI, "synth", "--out", str(made), "--size", "tiny", "--years", "1",
                        "--formats", "returns"], check=True, capture_output=True)
    return made / "returns"


def duplicates(returns: Path, out: Path, n: int) -> Path:
    """The 903 CSVs with the first episode row repeated ``n`` times at the end of the episodes file."""
    target = out / f"duplicates_{n}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(returns / "ssda903", target)
    episodes = next(target.glob("*episodes*.csv"))
    text = episodes.read_text(encoding="utf-8").rstrip("\r\n")
    row = text.splitlines()[1]
    with open(episodes, "w", encoding="utf-8", newline="") as fh:
        fh.write(text + "\r\n")
        for _ in range(n):
            fh.write(row + "\r\n")
    return target


def _rewrite(source: Path, target: Path, sheet: str, write) -> None:
    """Copy an xlsx, replacing one part (``sheet``) with what ``write(stream)`` writes."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename == sheet:
                part = zipfile.ZipInfo(sheet, info.date_time)
                part.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(part, "w", force_zip64=True) as fh:
                    write(fh, src.read(sheet))
            else:
                dst.writestr(info, src.read(info.filename))


def bomb(returns: Path, out: Path, mb: int) -> Path:
    """The Annex A workbook whose first sheet keeps its header and then ~``mb`` MB of identical rows."""
    target = out / f"bomb_{mb}mb"
    target.mkdir(parents=True, exist_ok=True)
    source = next((returns / "annex_a").glob("*.xlsx"))
    row = b'<row><c t="inlineStr"><is><t>' + b'A' * 30_000 + b'</t></is></c></row>'
    chunks = (mb * 2**20) // len(row)

    def write(fh, xml: bytes) -> None:
        head, _, _ = xml.partition(b"</sheetData>")
        fh.write(head)
        for _ in range(chunks):
            fh.write(row)
        fh.write(b"</sheetData></worksheet>")

    _rewrite(source, target / source.name, "xl/worksheets/sheet1.xml", write)
    return target


def one_cell(returns: Path, out: Path, column: str) -> Path:
    """The Annex A workbook with one cell more, in ``column`` of the last row of its longest sheet."""
    import openpyxl

    target = out / f"cell_{column}"
    target.mkdir(parents=True, exist_ok=True)
    source = next((returns / "annex_a").glob("*.xlsx"))
    book = openpyxl.load_workbook(source)
    sheet = max(book.worksheets, key=lambda ws: ws.max_row)
    sheet[f"{column}{sheet.max_row}"] = "x"
    book.save(target / source.name)
    return target


def run(args: list[str], src: str | None) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds, peak MB, exit code) of ``casewatch ARGS`` in a child process."""
    env = dict(os.environ, PYTHONPATH=src) if src else None
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/casewatch-worst")
    ap.add_argument("--duplicates", type=int, default=400_000)
    ap.add_argument("--bomb-mb", type=int, default=1024)
    ap.add_argument("--src", default=None, help="run the code of this src folder instead (before/after)")
    ap.add_argument("--only", default=None, help="comma-separated cases: duplicates,bomb,xfd,col_a")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    returns = council(out)
    cases = {"duplicates": lambda: duplicates(returns, out, args.duplicates),
             "bomb": lambda: bomb(returns, out, args.bomb_mb),
             "col_a": lambda: one_cell(returns, out, "AZ"), "xfd": lambda: one_cell(returns, out, "XFD")}
    wanted = args.only.split(",") if args.only else list(cases)
    print(f"{'case':12} {'input MB':>9} {'command':9} {'seconds':>8} {'CPU s':>7} {'peak MB':>8} exit")
    for name in wanted:
        folder = cases[name]()
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        for command in ("validate", "load"):
            extra = ["--db", str(out / f"{name}.duckdb")] if command == "load" else []
            seconds, cpu, peak, code = run([command, str(folder), *extra], args.src)
            print(f"{name:12} {size:9.1f} {command:9} {seconds:8.1f} {cpu:7.1f} {peak:8.0f} {code}", flush=True)


if __name__ == "__main__":
    main()
