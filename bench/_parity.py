"""Helpers of bench/parity_903.py: run the DfE's 903 validator and casewatch on the same CSVs and collect every
flagged record of each as {rule code: {(table, CSV line)}}.

Row mapping (checked by ``check_lines`` on every run, not assumed): the peer reads each CSV with
``pandas.read_csv`` and keeps its default RangeIndex through the datastore, and ``Report`` gives that index as
``RowID``: RowID 0 is the first data record. casewatch's ``row`` is the CSV line a record ends on (header =
line 1). pandas skips blank lines and casewatch counts them, so RowID n is mapped to the line the n-th
non-blank record ends on (``record_lines``); in a file without blank lines or quoted line breaks that is
RowID + 2.
"""

from __future__ import annotations

import csv
import json
import subprocess
import time
from pathlib import Path

from _peers import CASEWATCH, VAR

# peer table (ingress config.column_names) -> casewatch staging table (returns/staging.py)
TABLES = {"Header": "header", "Episodes": "episodes", "Reviews": "reviews", "UASC": "uasc", "OC2": "oc2",
          "OC3": "oc3", "AD1": "ad1", "PlacedAdoption": "placed_adoption", "PrevPerm": "prev_perm",
          "Missing": "missing", "SWEpisodes": "social_worker", "DoLo": "dolo"}

# What the peer's front end does (PEER_903 in _peers.py), but every flagged record is written out: rule code,
# table, RowID, CHILD, from Report.report's ERR_ columns (what create_issue_df reads). Output goes to a JSON
# file because some of the peer's rules print to stdout.
PEER_903_ALL = r"""
import json, logging, sys, time
t0 = time.perf_counter()
from lac_validator import lac_validator
from lac_validator.report import Report
from lac_validator.rules.ruleset_utils import get_year_ruleset
from lac_validator.utils import process_uploaded_files
logging.disable(logging.CRITICAL)
spec = json.loads(sys.argv[1])
t1 = time.perf_counter()
registry = get_year_ruleset(str(spec["year"]))
if spec.get("deep"):  # diagnostic: each rule gets its own deep copy (the peer's copy is shallow: rules leak)
    import dataclasses
    lac_validator.copy_datastore = lambda ds: {k: v if k == "metadata" else v.copy(deep=True) for k, v in ds.items()}
    def guard(f):  # a rule that then returns rows its table lacks would stop the whole run
        def g(ds):
            have = {k: set(v.index) for k, v in ds.items() if k != "metadata"}
            return {t: [i for i in v if i in have.get(t, ())] for t, v in f(ds).items()}
        return g
    registry = {c: dataclasses.replace(r, func=guard(r.func)) for c, r in registry.items()}
files = process_uploaded_files({"This year": spec["this"], "Prev year": spec["prev"]})
v = lac_validator.LacValidator(metadata={"collectionYear": str(spec["year"]), "localAuthority": spec["la"]},
                               files=files, registry=registry, selected_rules=None)
rep = Report(v.ds_results, registry).report
t2 = time.perf_counter()
records = []
for col in [c for c in rep.columns if c.startswith("ERR_")]:
    hit = rep[rep[col] == True]
    for table, row_id, child in zip(hit["Table"], hit["RowID"], hit["CHILD"]):
        records.append([col[4:], str(table), int(row_id), None if child != child else str(child)])
rules = {str(c): sorted(r.tables or []) for c, r in registry.items()}
json.dump({"import_s": t1 - t0, "run_s": t2 - t1, "records": records, "rules": rules,
           "skipped": sorted(map(str, v.skips)), "failed": sorted(map(str, v.fails)),
           "rows": {k: len(df) for k, df in v.dfs.items()}}, open(spec["out"], "w"))
"""


def table_of(peer_table: str) -> str:
    base, last = (peer_table[:-5], "_last") if peer_table.endswith("_last") else (peer_table, "")
    return TABLES.get(base, base.lower()) + last


def record_lines(path: str) -> list[int]:
    """The CSV line each data record ends on, in the order pandas numbers them (it skips blank lines)."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        r = csv.reader(fh)
        next(r, None)
        return [r.line_num for row in r if row]


def run_peer(py: Path, year: int, this: list[str], prev: list[str], paths: dict[str, str], tag: str,
             la: str = "E09000027", deep: bool = False) -> dict:
    """The peer in its venv; returns its JSON plus ``by_code`` {code: {(table, line)}}, ``children``
    {(table, line): CHILD} and ``seconds`` (wall, fresh process). ``paths``: staging table -> file.

    ``deep``: give every rule a deep copy of the tables. The peer gives each rule ``copy_datastore``'s shallow
    copy, and with pandas 1.5 a rule that changes a column in place (rule 361: ``epi["DEC"].fillna(
    collection_end, inplace=True)``) changes it for every rule run after it: from then on no episode is open.
    The difference between the two runs is the leak's effect on each rule."""
    tag += "_deep" if deep else ""
    out = VAR / f"parity_peer_{tag}.json"
    spec = json.dumps({"year": year, "this": this, "prev": prev, "la": la, "out": str(out), "deep": deep})
    started = time.perf_counter()
    done = subprocess.run([str(py), "-c", PEER_903_ALL, spec], capture_output=True, text=True, cwd=VAR,
                          env={"PYTHONWARNINGS": "ignore", "PATH": "/usr/bin:/bin"})
    seconds = time.perf_counter() - started
    (VAR / f"parity_peer_{tag}.log").write_text(done.stdout + done.stderr)
    if done.returncode:
        raise SystemExit(f"peer failed ({tag}); see var/bench/parity_peer_{tag}.log:\n{done.stderr[-1500:]}")
    res = json.loads(out.read_text())
    lines = {t: record_lines(p) for t, p in paths.items()}
    res["seconds"], res["by_code"], res["children"] = seconds, {}, {}
    for code, table, row_id, child in res["records"]:
        t = table_of(table)
        key = (t, lines[t][row_id] if t in lines and row_id < len(lines[t]) else row_id + 2)
        res["by_code"].setdefault(code, set()).add(key)
        res["children"][key] = child
    return res


def run_casewatch(files: list[str], prev: list[str], tag: str, year: int, given: bool, refs: list[str] = (),
                  council: str | None = None) -> dict:
    """`casewatch validate FILES PREV [REFS] --issues X.csv --format json [--year YEAR] [--council LA]`: its issues
    on this year's files (those it read as ``year``), and those a rule of this year puts on last year's rows
    (``*_last``). ``refs``: reference files (the ONSPD extract of bench/_postcodes.py); ``council``: the LA the
    peer is given as ``localAuthority``."""
    issues = VAR / f"parity_cw_{tag}.csv"
    started = time.perf_counter()
    cmd = [str(CASEWATCH), "validate", *files, *prev, *refs, "--issues", str(issues), "--format", "json"]
    cmd += ["--council", council] if council else []
    done = subprocess.run(cmd + (["--year", str(year)] if given else []), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    (VAR / f"parity_cw_{tag}.log").write_text(done.stderr)
    if done.returncode not in (0, 1):
        raise SystemExit(f"casewatch validate failed ({tag}):\n{done.stderr[-1500:]}")
    summary = json.loads(done.stdout[done.stdout.index("{"):])
    this_set, prev_set = {str(Path(f).resolve()) for f in files}, {str(Path(f).resolve()) for f in prev}
    res = {"seconds": seconds, "by_code": {}, "children": {}, "summary": summary}
    read_as = {str(Path(f["path"]).resolve()): f["year"] for f in summary["files"]}
    with open(issues, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            path = str(Path(r["file"]).resolve())
            if not r["row"]:  # an issue about the whole file (CW-YEAR...)
                continue
            # this year's rows, and last year's rows a rule of this year flags (table *_last); casewatch also
            # checks last year's files as that year's return: not compared
            if not (path in this_set and read_as.get(path) == year
                    or path in prev_set and r["table"].endswith("_last")):
                continue
            key = (r["table"], int(r["row"]))
            res["by_code"].setdefault(r["rule"], set()).add(key)
            res["children"][key] = r["child"] or None
    return res


def check_lines(peer: dict, paths: dict[str, str]) -> tuple[int, int]:
    """Every peer record's CHILD against the CHILD on CSV line RowID + 2 of its file: (checked, mismatched)."""
    child_at: dict[tuple[str, int], str | None] = {}
    for table, path in paths.items():
        with open(path, newline="", encoding="utf-8-sig") as fh:
            r = csv.reader(fh)
            col = next(r).index("CHILD")
            for row in r:
                if row:  # the line a record ends on (blank lines are not records but are counted)
                    child_at[(table, r.line_num)] = row[col].strip().upper() or None
    checked = bad = 0
    for key, child in peer["children"].items():
        if key in child_at:
            checked += 1
            bad += child_at[key] != (child.strip().upper() if child else None)
    return checked, bad


def compare(peer: dict, cw: dict, codes: list[str]) -> dict[str, dict]:
    """Per rule: the records only one tool flags, how many both flag, agreement = both / union; ``same_child``:
    the one-sided records whose child the other tool flags on another row (often just a choice of row)."""
    out = {}
    for code in codes:
        p, c = peer["by_code"].get(code, set()), cw["by_code"].get(code, set())
        union = p | c
        kids = {"peer": {peer["children"].get(k) for k in p} - {None}, "cw": {cw["children"].get(k) for k in c} - {None}}
        same = {k for k in p - c if peer["children"].get(k) in kids["cw"]}
        same |= {k for k in c - p if cw["children"].get(k) in kids["peer"]}
        out[code] = {"peer_only": sorted(p - c), "cw_only": sorted(c - p), "both": len(p & c), "same_child": same,
                     "agree": 100.0 if not union else 100.0 * len(p & c) / len(union), "fired": bool(union)}
    return out


def injected_at(record: list[dict]) -> dict[tuple[str, int], str]:
    """(table, line) -> the kinds of damage on that row (for the disagreement CSV)."""
    at: dict[tuple[str, int], list[str]] = {}
    for r in record:
        if r["old"] != "(row deleted)":
            at.setdefault((r["table"], int(r["line"])), []).append(f"{r['kind']}:{r['column']}".rstrip(":"))
    return {k: " ".join(sorted(set(v))) for k, v in at.items()}
