"""Derive casewatch's CIN census spec (src/casewatch/returns/cin/spec.json) from the DfE's XSDs.

For each collection year: every element, whether it is required (minOccurs >= 1) and, for enumerated
types, its codes. Run from the repository root: ``.venv/bin/python tools/derive_cin_spec.py``. The XSDs
themselves ship in src/casewatch/returns/cin/xsd/ for offline validation (docs/decisions/0006).
"""

import json
from pathlib import Path

from lxml import etree

XSD_DIR = Path("src/casewatch/returns/cin/xsd")
OUT = Path("src/casewatch/returns/cin/spec.json")
NS = {"xs": "http://www.w3.org/2001/XMLSchema"}


def _codes(simple) -> list[str] | None:
    values = simple.xpath("xs:restriction/xs:enumeration/@value", namespaces=NS)
    return [str(v) for v in values] or None


def derive(path: Path) -> dict:
    root = etree.parse(str(path)).getroot()
    named = {s.get("name"): _codes(s) for s in root.xpath("//xs:simpleType[@name]", namespaces=NS)}
    out = {}
    for el in root.xpath("//xs:element[@name]", namespaces=NS):
        name = el.get("name")
        inline = el.xpath("xs:simpleType", namespaces=NS)
        codes = _codes(inline[0]) if inline else named.get((el.get("type") or "").split(":")[-1])
        required = int(el.get("minOccurs", "1")) >= 1
        prev = out.get(name)
        out[name] = {"required": required or bool(prev and prev["required"]), "codes": codes or (prev or {}).get("codes")}
    return out


def main() -> None:
    spec = {p.stem.split("_")[-1]: derive(p) for p in sorted(XSD_DIR.glob("CIN_schema_*.xsd"))}
    OUT.write_text(json.dumps(spec, separators=(",", ":"), sort_keys=True))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes) for {', '.join(spec)}")


if __name__ == "__main__":
    main()
