"""casewatch's SSDA903 XML (<EXPSSDA903>) read by the DfE/Data to Insight validator, csc-validator-be-903.

Issue 17: the writer's output must be readable by the DfE's 903 validator. This writes a synthetic council's
returns with `casewatch synth` (903 CSVs in returns/ssda903, the same years as XML in returns/ssda903_xml) and,
for each collection year, in the peer's own venv (var/bench/peers, installed by bench/_peers.py):

1. reads our XML with the peer's XML reader (lac_validator.ingress.read_xml_from_text, what its front end calls
   for an .xml upload) and our CSVs with its CSV reader (read_csvs_from_text), and prints, per peer table, the
   rows from each and whether the two frames are equal row for row (as multisets of rows, blank = NaN);
2. runs the peer's validation as its front end does (bench/_peers.py PEER_903: LacValidator, Report) on the
   XML and on the CSVs, each in a fresh process, and prints the rule codes whose counts differ.

Our XML has no <PERMANENCE> element when no child has previous permanence, and the peer's reader then builds a
PrevPerm frame with no columns, on which its Report crashes (KeyError 'CHILD'). That crash is reported as it
happens; a second, clearly labelled WORKAROUND run (this bench only) gives such column-less frames their columns.
Output goes to stdout; the peer's logs to var/bench/*.log.

    .venv/bin/python bench/peer_903_xml.py [--size tiny] [--years 2025 2026] > /tmp/peer903xml.txt 2>&1
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from _peers import ROOT, VAR, last_json, measure, peer_versions, peers_python, synth

# Runs in the peer's venv. argv[1]: {"mode": "read"|"validate", "year", "la", "xml", "csv": [...],
# "fmt": "xml"|"csv", "workaround": bool}. One JSON line on stdout.
PEER_XML = r"""
import collections, json, sys, time, traceback
t0 = time.perf_counter()
import pandas as pd
from lac_validator import ingress, lac_validator
from lac_validator.config import column_names
from lac_validator.report import Report
from lac_validator.rules.ruleset_utils import get_year_ruleset
from lac_validator.utils import process_uploaded_files
spec = json.loads(sys.argv[1])
t1 = time.perf_counter()

def cols_of(name, df):
    cols = list(column_names.get(name, df.columns))
    if name == "Header" and "UASC" in df.columns:
        cols.append("UASC")
    return cols

def canon(name, df):
    cols = cols_of(name, df)
    if not len(df.columns):
        return pd.DataFrame(columns=cols)
    return df.reindex(columns=cols).astype(object).where(df.reindex(columns=cols).notna(), "").astype(str)

if spec["mode"] == "read":
    r0 = time.perf_counter()
    xml = ingress.read_xml_from_text(open(spec["xml"], "rb").read())
    r1 = time.perf_counter()
    csv = ingress.read_csvs_from_text(process_uploaded_files({"This year": spec["csv"]}))
    r2 = time.perf_counter()
    tables = {}
    for name in list(xml) + [n for n in csv if n not in xml]:
        a, b = xml.get(name), csv.get(name)
        row = {"xml": None if a is None else len(a), "csv": None if b is None else len(b),
               "xml_cols": None if a is None else len(a.columns), "equal": False, "columns": {}}
        if a is not None and b is not None:
            ca, cb = canon(name, a), canon(name, b)
            if list(ca.columns) != list(cb.columns):
                ca, cb = ca.reindex(columns=cb.columns).fillna(""), cb
            key = list(ca.columns)
            ea = ca.sort_values(key).reset_index(drop=True)
            eb = cb.sort_values(key).reset_index(drop=True)
            row["equal"] = len(ea) == len(eb) and bool((ea.values == eb.values).all()) if len(ea) else len(eb) == 0
            for c in key:  # columns whose values differ (as multisets): what the inequality is made of
                va, vb = collections.Counter(ca[c]), collections.Counter(cb[c])
                if va != vb:
                    row["columns"][c] = {"xml_only": sum((va - vb).values()), "csv_only": sum((vb - va).values()),
                                         "xml_top": [[k, n] for k, n in (va - vb).most_common(3)],
                                         "csv_top": [[k, n] for k, n in (vb - va).most_common(3)]}
        tables[name] = row
    print(json.dumps({"import_s": t1 - t0, "read_xml_s": r1 - r0, "read_csv_s": r2 - r1, "tables": tables}))
    sys.exit(0)

files = process_uploaded_files({"This year": [spec["xml"]] if spec["fmt"] == "xml" else spec["csv"]})
patched = []
if spec["workaround"]:  # WORKAROUND (this bench only): give column-less (empty) tables their columns
    original = lac_validator.read_from_text
    def read_from_text(raw_files):
        dfs, extras = original(raw_files)
        for name, df in dfs.items():
            if not len(df.columns) and name in column_names:
                dfs[name] = pd.DataFrame(columns=cols_of(name, df), dtype=object)
                patched.append(name)
        return dfs, extras
    lac_validator.read_from_text = read_from_text
registry = get_year_ruleset(str(spec["year"]))
out = {"fmt": spec["fmt"], "workaround": spec["workaround"], "import_s": t1 - t0, "crash": None}
try:
    v = lac_validator.LacValidator(metadata={"collectionYear": str(spec["year"]), "localAuthority": spec["la"]},
                                   files=files, registry=registry, selected_rules=None)
    out.update(rows={k: len(df) for k, df in v.dfs.items()}, skipped=sorted(map(str, v.skips)),
               failed=sorted(map(str, v.fails)), rules_run=len(registry))
    stage = "Report"
    r = Report(v.ds_results, registry)
    s = r.error_summary
    out["errors_by_rule"] = {str(c): int(n) for c, n in zip(s["Code"], s["Error Count"]) if n}
except Exception as e:
    tb = traceback.extract_tb(e.__traceback__)  # the peer's own innermost frame, then where it was raised
    ours = [f for f in tb if "lac_validator" in f.filename][-1:] + tb[-1:]
    out["crash"] = {"error": f"{type(e).__name__}: {e}", "where": [f"{f.filename.split('site-packages/')[-1]}:"
                    f"{f.lineno} {f.name} ({(f.line or '').strip()[:60]})" for f in ours]}
out["patched"] = patched
out["run_s"] = time.perf_counter() - t1
out["messages"] = {str(c): str(rule.message) for c, rule in registry.items()}
print(json.dumps(out))
"""


def peer(py: Path, spec: dict, name: str) -> tuple[dict, dict]:
    m = measure([str(py), "-c", PEER_XML, json.dumps(spec)], name, 1, ok=(0,), cwd=VAR)
    return m, last_json(m["stdout"])


def print_tables(tables: dict) -> None:
    print(f"  {'peer table':<16}{'rows XML':>9}{'rows CSV':>9}  equal?")
    for name, t in tables.items():
        xml = "-" if t["xml"] is None else f"{t['xml']:,}" + ("" if t["xml_cols"] else " (no cols)")
        csv = "-" if t["csv"] is None else f"{t['csv']:,}"
        eq = "yes" if t["equal"] else "NO" if t["xml"] is not None and t["csv"] is not None else "n/a"
        print(f"  {name:<16}{xml:>9}{csv:>9}  {eq}")
        for col, d in t["columns"].items():
            print(f"  {'':<16}  column {col}: {d['xml_only']} values only in XML {d['xml_top']}, "
                  f"{d['csv_only']} only in CSV {d['csv_top']}")


def print_run(label: str, m: dict, j: dict) -> None:
    head = f"  {label:<34} {m['seconds']:6.2f} s wall, {m['peak_mb']:4.0f} MB peak"
    if j["crash"]:
        print(f"{head}: CRASHED {j['crash']['error']}\n{'':<37}at {' -> '.join(j['crash']['where'])}")
        return
    n = j["errors_by_rule"]
    print(f"{head}: {len(n)} rules flag {sum(n.values()):,} rows; {len(j['failed'])} rules failed to run"
          f"{' ' + str(j['failed']) if j['failed'] else ''}, {len(j['skipped'])} skipped of {j['rules_run']}"
          + (f"; column-less tables given columns: {j['patched']}" if j["patched"] else ""))


def print_diff(a_label: str, a: dict, b_label: str, b: dict, messages: dict) -> int:
    codes = sorted(set(a) | set(b), key=lambda c: (-abs(a.get(c, 0) - b.get(c, 0)), c))
    codes = [c for c in codes if a.get(c, 0) != b.get(c, 0)]
    print(f"  rules whose counts differ ({a_label} vs {b_label}): {len(codes)}")
    if codes:
        print(f"    {'rule':<10}{a_label:>9}{b_label:>9}  peer's message")
        for c in codes:
            print(f"    {c:<10}{a.get(c, 0):>9,}{b.get(c, 0):>9,}  {messages.get(c, '')[:90]}")
    return len(codes)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="tiny", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--years", type=int, nargs="+",
                   help="collection years (named by the 31 March they end) to compare; default every year written")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--end", default="2026-03-31", help="synth: last period end (3 years are written)")
    p.add_argument("--la", default="E09000027", help="the peer's localAuthority metadata")
    a = p.parse_args()

    started = time.perf_counter()
    py = peers_python()
    t = time.perf_counter()
    src = synth(a.size, a.seed, a.end)  # casewatch synth --formats returns (903 CSVs + 903 XML)
    synth_s = time.perf_counter() - t
    found = sorted(int(x.stem.split("_")[1]) for x in (src / "ssda903_xml").glob("SSDA903_*.xml"))
    years = a.years or found
    print(f"903 XML vs CSV through the DfE validator: synthetic {a.size} council (seed {a.seed}), years {years}")
    print(f"  peer: {peer_versions(py, ('csc-validator-be-903', 'pandas'))}; data in {src.relative_to(ROOT)}")
    totals = {"read": 0.0, "xml": 0.0, "csv": 0.0}
    for year in years:
        xml = src / "ssda903_xml" / f"SSDA903_{year}.xml"
        csvs = [str(x.resolve()) for x in sorted((src / "ssda903").glob(f"SSDA903_{year}_*.csv"))]
        if not xml.exists() or not csvs:
            print(f"\n{year}: no XML or CSVs under {src}; skipped")
            continue
        spec = {"year": year, "la": a.la, "xml": str(xml.resolve()), "csv": csvs, "workaround": False}
        print(f"\nSSDA903 {year - 1}-{year % 100:02d} (rule pack lac{year - 1}_{year % 100:02d}): "
              f"{xml.name} {xml.stat().st_size / 1024:,.0f} KB, {len(csvs)} CSVs")
        rm, rj = peer(py, {**spec, "mode": "read"}, f"peer_903_xml_read_{year}")
        totals["read"] += rm["seconds"]
        print_tables(rj["tables"])
        print(f"  peer's readers: XML {rj['read_xml_s']:.2f} s, CSVs {rj['read_csv_s']:.2f} s (in-process)")
        xm, xj = peer(py, {**spec, "mode": "validate", "fmt": "xml"}, f"peer_903_xml_xml_{year}")
        cm, cj = peer(py, {**spec, "mode": "validate", "fmt": "csv"}, f"peer_903_xml_csv_{year}")
        totals["xml"] += xm["seconds"]
        totals["csv"] += cm["seconds"]
        print_run("validate XML (as the front end)", xm, xj)
        print_run("validate CSVs", cm, cj)
        xml_counts = xj.get("errors_by_rule")
        if xj["crash"]:
            wm, wj = peer(py, {**spec, "mode": "validate", "fmt": "xml", "workaround": True},
                          f"peer_903_xml_workaround_{year}")
            totals["xml"] += wm["seconds"]
            print_run("WORKAROUND: XML, empty cols given", wm, wj)
            xml_counts = None if wj["crash"] else wj["errors_by_rule"]
            label = "XML(wa)"
        else:
            label = "XML"
        if xml_counts is not None and not cj["crash"]:
            print_diff(label, xml_counts, "CSV", cj["errors_by_rule"], cj["messages"])
            only = sorted(set(xj.get("failed", []) if not xj["crash"] else wj["failed"]) ^ set(cj["failed"]))
            if only:
                print(f"  rules that failed to run on one input only: {only}")
    print(f"\ntimings: peer venv check + synth (cached when src/ unchanged) {synth_s:.1f} s; peer processes: read/compare "
          f"{totals['read']:.1f} s, validate XML {totals['xml']:.1f} s, validate CSV {totals['csv']:.1f} s; "
          f"total {time.perf_counter() - started:.1f} s. Logs in {VAR.relative_to(ROOT)}/peer_903_xml_*.log")


if __name__ == "__main__":
    sys.exit(main())
