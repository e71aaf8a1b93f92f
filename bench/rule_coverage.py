"""Which DfE rule codes casewatch has, against the DfE's validators' rule packs, year by year.

Reads the rule registries of csc-validator-be-903 and csc-validator-be-cin (in their bench-only venv,
var/bench/peers) and casewatch's (`casewatch.rules.engine.registry`) for each collection year, and prints, per
year: the peer's codes, casewatch's DfE codes, the shared ones, the peer's codes casewatch lacks, and casewatch's
own codes. With --missing, lists the codes casewatch lacks, with the peer's message.

    .venv/bin/python bench/rule_coverage.py [--missing]
"""

from __future__ import annotations

import argparse
import json
import subprocess

from _peers import peers_python

from casewatch.rules.engine import registry

PEER_CODES = r"""
import importlib, json
from lac_validator.rules.ruleset_utils import get_year_ruleset
out = {"ssda903": {}, "cin": {}}
for y in range(2023, 2028):
    out["ssda903"][y] = {str(c): str(r.message) for c, r in get_year_ruleset(str(y)).items()}
for y in range(2023, 2027):
    try:
        reg = importlib.import_module(f"cin_validator.rules.cin{y - 1}_{y % 100:02d}").registry
    except ModuleNotFoundError:
        continue
    out["cin"][y] = {str(r.code): str(r.message) for r in reg.values()}
print(json.dumps(out))
"""


def own(code: str) -> bool:
    return code.startswith("CW")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--missing", action="store_true", help="list the peer's codes casewatch lacks")
    a = p.parse_args()
    peer = json.loads(subprocess.run([str(peers_python()), "-c", PEER_CODES], capture_output=True, text=True,
                                     check=True).stdout)
    for kind, years in peer.items():
        print(f"\n{kind}: | year | peer | casewatch DfE | shared | peer only | casewatch own |")
        lacking: dict[str, tuple[list[int], str]] = {}
        for y, codes in sorted(years.items(), key=lambda kv: int(kv[0])):
            ours = set(registry(kind, int(y)))
            dfe = {c for c in ours if not own(c)}
            only = sorted(set(codes) - dfe)
            for c in only:
                lacking.setdefault(c, ([], codes[c]))[0].append(int(y))
            print(f"  | {int(y) - 1}-{int(y) % 100:02d} | {len(codes)} | {len(dfe)} | {len(dfe & set(codes))} | "
                  f"{len(only)} | {len(ours) - len(dfe)} |")
        extra = sorted({c for y in years for c in registry(kind, int(y)) if not own(c)} -
                       {c for codes in years.values() for c in codes})
        if extra:
            print(f"  casewatch DfE codes the peer lacks in these years: {', '.join(extra)}")
        if a.missing:
            for c, (ys, msg) in sorted(lacking.items()):
                print(f"    {c:<10} {ys[0] - 1}-{ys[-1] % 100:02d}  {msg[:100]}")


if __name__ == "__main__":
    main()
