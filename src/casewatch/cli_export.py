"""`casewatch export`: one council's data, pseudonymised for the regional pool (Parquet, 903 CSVs, manifest)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("export", help="one council's data pseudonymised for a regional pool (keyed-hash ids, "
                                      "birth months, postcode districts)")
    p.add_argument("--db", required=True, help="analytics database (opened read-only)")
    p.add_argument("--out", required=True, help="new (or empty) folder for the export")
    p.add_argument("--key-file", required=True, help="the council's pseudonymisation key (keep it; use the same "
                                                     "key every year; never send it with the export)")
    p.add_argument("--new-key", action="store_true", help="create a new key in --key-file first (never "
                                                          "overwrites one)")
    p.add_argument("--council", default=None, help="council code when the database holds several")

    def run(args: argparse.Namespace) -> int:
        from casewatch.pool.export import ExportError, export
        from casewatch.pool.policy import PolicyError
        from casewatch.pool.pseudonymise import KeyFileError, load_key, new_key

        target = Path(args.out)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise user_error(f"{target} already exists and is not an empty folder; choose a new one")
        try:
            if args.new_key:
                new_key(args.key_file)
                err.print(f"new key written to {args.key_file} (owner-only). Keep it safe and use it for every "
                          "export: another key gives every child a new pseudonym.", markup=False, soft_wrap=True)
            key = load_key(args.key_file)
            manifest = export(args.db, target, key, args.council)
        except (KeyFileError, ExportError, PolicyError) as exc:
            raise user_error(str(exc)) from None
        rows = sum(t["rows"] for t in manifest.tables.values())
        years = manifest.ssda903_years
        span = f"903 for {years[0]}-{years[-1]}" if years else "no 903 year"
        out.print(f"exported {manifest.council_id}: {rows:,} rows in {len(manifest.tables)} tables, {span}, "
                  f"key fingerprint {manifest.key_fingerprint}, to {target} in {manifest.seconds:.1f} s",
                  markup=False, soft_wrap=True)
        return 0

    p.set_defaults(func=run)
