"""Derive casewatch's typed SSDA903 spec (src/casewatch/returns/ssda903/spec.json) from the DfE column specs.

Run from the repository root: ``.venv/bin/python tools/derive_903_spec.py [REFERENCE_DIR]``. The base
specification (2017) plus every yearly diff up to a year gives that year's tables, columns, code lists and
which fields may be blank. The package reads only the JSON this writes; PyYAML is needed here only.
"""

import json
import sys
from pathlib import Path

import yaml

REF = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/specs/ssda903")
OUT = Path("src/casewatch/returns/ssda903/spec.json")
YEARS = range(2017, 2028)


def _field(spec: dict) -> dict:
    kind = next(k for k in spec if k != "canbeblank")
    out = {"type": {"string": "text", "date": "date", "category": "code", "numeric": "number"}[kind],
           "blank": spec.get("canbeblank") in (True, "yes")}
    if kind == "category":
        out["codes"] = [str(c["code"]) for c in spec["category"]]
    return out


def main() -> None:
    base = yaml.safe_load((REF / "SSDA903_schema_2017.yml").read_text())["column_map"]
    diffs = sorted((int(p.name.split("_")[2].split(".")[0]), p) for p in REF.glob("*.diff.yml"))
    current = {t: {c: _field(s) for c, s in cols.items()} for t, cols in base.items()}
    spec = {}
    for year in YEARS:
        for dyear, path in diffs:
            if dyear != year:
                continue
            for key, change in yaml.safe_load(path.read_text()).items():
                parts = key.split(".")[1:]
                if change["type"] == "add" and len(parts) == 1:
                    current[parts[0]] = {c: _field(s) for c, s in change["value"].items()}
                elif change["type"] == "modify" and parts[-1] == "category":
                    current[parts[0]][parts[1]]["codes"] = [str(c["code"]) for c in change["value"]]
                else:
                    raise SystemExit(f"{path}: cannot apply {key} ({change['type']})")
        spec[str(year)] = json.loads(json.dumps(current))
    OUT.write_text(json.dumps(spec, separators=(",", ":"), sort_keys=True))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes) for {YEARS.start}-{YEARS.stop - 1}")


if __name__ == "__main__":
    main()
