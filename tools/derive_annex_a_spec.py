"""Derive casewatch's Annex A spec (src/casewatch/returns/annex_a/spec.json) from the header/alias YAML.

For each list: its columns in order, each with a field name (snake case), a type, the header patterns real
workbooks use and, for coded columns, every label councils write mapped to Ofsted's code. Run from the
repository root: ``.venv/bin/python tools/derive_annex_a_spec.py [PATH_TO_YAML]``.
"""

import json
import re
import sys
from pathlib import Path

import yaml

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/specs/annex_a/Annex_A_schema.yml")
OUT = Path("src/casewatch/returns/annex_a/spec.json")


def snake(name: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", name.lower())).strip("_")[:60]


def pattern(rx: str) -> str:
    body = rx.strip().split(" *")[0]  # drop the YAML's trailing notes such as " *date-not-blank"
    return body[1:body.rindex("/")] if body.startswith("/") else re.escape(body)


def main() -> None:
    spec = {}
    for lst, cols in yaml.safe_load(SRC.read_text())["column_map"].items():
        out = []
        for name, s in cols.items():
            kind = next(k for k in ("category", "date", "numeric", "string") if k in s)
            col = {"name": name, "field": snake(name), "type": kind,
                   "patterns": [pattern(r) for r in s.get("header_regex", [])]}
            if kind == "category":
                aliases = {}
                for c in s["category"]:
                    code = str(c["code"])
                    names = c.get("name") or []
                    for n in [code] + ([names] if isinstance(names, str) else list(names)):
                        aliases[str(n).strip().lower()] = code
                col["aliases"] = aliases
            out.append(col)
        spec[lst] = out
    OUT.write_text(json.dumps(spec, separators=(",", ":"), sort_keys=True))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes): {', '.join(f'{k} {len(v)}' for k, v in spec.items())}")


if __name__ == "__main__":
    main()
