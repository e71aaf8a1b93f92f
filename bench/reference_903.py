"""casewatch's headline 903 figures against an independent plain-Python DfE count, on returns with real errors.

Generates a tiny synthetic council's 903 CSVs (5 years to 31 March 2026), injects each set of errors
(tests/reference/inject.py), and for each set prints, at every 31 March: the reference count
(tests/reference/dfe903.py) against casewatch's for children in care / started / ceased, and the rows casewatch
quarantined; first with every year loaded together, then each year loaded alone. Issue 17's "before" table.

    .venv/bin/python bench/reference_903.py [--seed 1] [--inject-seed 7] [--input DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reference import dfe903  # noqa: E402
from tests.reference.inject import casewatch_counts, inject  # noqa: E402

SETS = (  # name, errors, naming
    ("clean", (), "generator"),
    ("bad codes", ("bad_codes",), "generator"),
    ("REC/DEC mismatch", ("rec_dec",), "generator"),
    ("overlaps", ("overlaps",), "generator"),
    ("missing CHILD", ("missing_child",), "generator"),
    ("DfE file names", (), "dfe"),
    ("odd names", (), "odd"),
    ("all errors", ("bad_codes", "rec_dec", "overlaps", "missing_child"), "odd"),
)


def synth(out: Path, seed: int) -> Path:
    from casewatch.synth import SynthOptions, generate

    generate(out, SynthOptions(size="tiny", seed=seed, years=5, end=date(2026, 3, 31)))
    from casewatch.returns.write_all import write_returns

    write_returns(out, out / "returns")
    return out / "returns" / "ssda903"


def cell(ref: tuple, cw: tuple | None) -> list[str]:
    if cw is None:
        return [f"{r}/-" for r in ref]
    return [f"{r}" if r == c else f"{r}/{c} !" for r, c in zip(ref, cw, strict=False)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1, help="synthetic council seed")
    ap.add_argument("--inject-seed", type=int, default=7)
    ap.add_argument("--input", type=Path, help="a folder of SSDA903_YYYY_<table>.csv instead of generating")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = args.input or synth(tmp / "synth", args.seed)
        print("cells: reference count, or reference/casewatch ! where they differ; q = rows casewatch quarantined "
              "(episodes rows in brackets); dropped = rows the reference could not count (no CHILD / DECOM)\n")
        head = f"{'set':18} {'loaded':9} {'31 March':9} {'in care':>9} {'started':>9} {'ceased':>9} {'q':>8} " \
               f"{'dropped':>7}  note"
        print(head)
        print("-" * len(head))
        mismatches = 0
        for name, errors, naming in SETS:
            inj = inject(src, tmp / name.replace(" ", "_").replace("/", "_"), errors=errors, naming=naming,
                         seed=args.inject_seed)
            years = sorted(inj.files_by_year)
            runs = [("together", inj.files, years)] + [(f"{y} alone", inj.files_by_year[y], [y]) for y in years]
            for i, (label, files, ys) in enumerate(runs):
                ref = dfe903.count(files)
                cw = casewatch_counts(files, tmp / f"{name}_{i}.duckdb".replace(" ", "_").replace("/", "_"), ys)
                for y in ys:
                    r = ref.by_year.get(y)
                    r = r.as_tuple() if r else ("?", "?", "?")
                    c = cw.by_year.get(y)
                    mismatches += c != r
                    q = f"{cw.quarantined}({cw.quarantined_episodes})"
                    note = (cw.error or "")[:90] if c is None else ""
                    print(f"{name:18} {label:9} {y}-03-31 " + " ".join(f"{x:>9}" for x in cell(r, c))
                          + f" {q:>8} {ref.dropped:>7}  {note}")
            print()
        print(f"{mismatches} (set, load, 31 March) rows where casewatch differs from the reference")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
