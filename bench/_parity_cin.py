"""Shared by bench/parity_cin.py and bench/inject_cin.py: the record an injection op edits (R), where each tool's
flagged records are in the XML, and the per-rule comparison.

Both tools are reduced to the same location of a flagged record, worked out from the XML itself:
``(child, episode, table, n)``: the position of the ``<Child>`` in the file (0-based; LAchildID is kept for
showing, but an ID can be missing, repeated or damaged), the position of the ``<CINdetails>`` within the child
(1-based, both tools number them so; 0 for the child's own records), the table family (child, disability,
cin_details, assessments, cin_plans, section47, cp_plans) and the element's position within its episode (or,
for a disability, within the child). The peer gives a row number in one of its own tables; PEER_RECORDS walks
the XML in the order its reader (XMLtoCSV) fills those tables to turn the row into a location. casewatch gives
the line of the flagged element; ``XmlIndex`` turns a line into a location.
"""

from __future__ import annotations

import bisect
import copy
import csv
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from lxml import etree

FILE = (-1, -1, "file", 0)  # a return-level (LA) or header issue: no child

# Runs in the peer's venv: argv year, XML path, JSON out path. As its CLI does (ET.parse, convert_data,
# process_data, CinValidator), then every flagged record of full_issue_df with its location, and the codes of
# return-level issues (la_rule_issues) and header issues (multichild_issues).
PEER_RECORDS = r"""
import contextlib, importlib, io, json, sys, time
import xml.etree.ElementTree as ET
import pandas as pd
t0 = time.perf_counter()
from cin_validator import cin_validator
year, path, out_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
t1 = time.perf_counter()
registry = importlib.import_module(f"cin_validator.rules.cin{year - 1}_{year % 100:02d}").registry
root = ET.parse(path).getroot()
data = cin_validator.process_data(cin_validator.convert_data(root))
buf, crash, dropped = io.StringIO(), None, []
with contextlib.redirect_stdout(buf):  # it prints "Error with rule X: ..." for rules that crash
    try:
        v = cin_validator.CinValidator(data, registry, selected_rules=None)
    except Exception as e:  # the whole run fails (as its front end would): redo its steps minus the bad rows
        import copy
        crash = f"{type(e).__name__}: {e}"
        v = cin_validator.CinValidator.__new__(cin_validator.CinValidator)
        v.data_files, v.ruleset_registry = data, registry
        v.create_issue_report_df(None)
        df = v.full_issue_df
        bad_rows = df["tables_affected"].notna() & df["ROW_ID"].isna()
        dropped = sorted({str(c) for c in df.loc[bad_rows, "rule_code"]})
        df = cin_validator.include_issue_child(df[~bad_rows], copy.deepcopy(data))
        v.full_issue_df = df.rename(columns={"ROW_ID": "row_id", "LAchildID": "child_id"})
        header = v.full_issue_df["tables_affected"] == "Header"
        v.multichild_issues = pd.concat([v.full_issue_df[header], v.la_rule_issues])[["rule_code"]] \
            if len(v.la_rule_issues) or header.any() else []
        v.full_issue_df = v.full_issue_df[~header]
t2 = time.perf_counter()
ids = {t: [] for t in data}
def plans(ci, ep, parent):
    for k, p in enumerate(parent.findall("ChildProtectionPlans"), 1):
        ids["ChildProtectionPlans"].append((ci, ep, "cp_plans", k))
        ids["Reviews"].extend([(ci, ep, "cp_plans", k)] * len(p.findall("Reviews[CPPreviewDate]")))
for ci, ch in enumerate(root.find("Children").findall("Child")):
    ids["ChildIdentifiers"].append((ci, 0, "child", 0))
    ids["ChildCharacteristics"].append((ci, 0, "child", 0))
    dis = ch.find("ChildCharacteristics/Disabilities")
    ids["Disabilities"].extend((ci, 0, "disability", k) for k, _ in enumerate(dis if dis is not None else [], 1))
    for ep, det in enumerate(ch.findall("CINdetails"), 1):
        ids["CINdetails"].append((ci, ep, "cin_details", 0))
        for k, a in enumerate(det.findall("Assessments"), 1):
            ids["Assessments"].append((ci, ep, "assessments", k))
            f = a.find("FactorsIdentifiedAtAssessment")
            ids["AssessmentFactorsList"].extend([(ci, ep, "assessments", k)] * len(f if f is not None else []))
        ids["CINplanDates"].extend((ci, ep, "cin_plans", k) for k, _ in enumerate(det.findall("CINPlanDates"), 1))
        ids["Section47"].extend((ci, ep, "section47", k) for k, _ in enumerate(det.findall("Section47"), 1))
        plans(ci, ep, det)
    plans(ci, 0, ch)
    ids["Reviews"].extend([(ci, 0, "cp_plans", 0)] * len(ch.findall("Reviews[CPPreviewDate]")))
bad = sorted(t for t in ids if t != "Header" and len(ids[t]) != len(data[t]))
issues = {}
df = v.full_issue_df
for rule, table, row, col, child in zip(df["rule_code"], df["tables_affected"], df["row_id"],
                                        df["columns_affected"], df["child_id"]):
    row = int(row)
    loc = ids[table][row] if table in ids and table not in bad and row < len(ids[table]) else (None,) * 4
    key = (str(rule), table, row)
    if key not in issues:
        issues[key] = [str(rule), table, row, [], *loc, None if pd.isna(child) else str(child)]
    issues[key][3].append(str(col))
file_level = sorted({str(c) for c in v.multichild_issues["rule_code"]}) if len(v.multichild_issues) else []
failed = {l.split()[3].rstrip(":"): l.split(":", 1)[1].strip()[:160] for l in buf.getvalue().splitlines()
          if l.startswith("Error with rule")}
out = {"import_s": t1 - t0, "run_s": t2 - t1, "crash": crash, "crash_rules": dropped,
       "issues": list(issues.values()), "file_level": file_level,
       "failed": failed, "unmapped_tables": bad, "rows": {k: len(d) for k, d in data.items()},
       "rules": {str(c): str(r.message) for c, r in registry.items()}}
with open(out_path, "w") as fh:
    json.dump(out, fh)
"""


# What bench/inject_cin.py damages the XML with: a record of a child and its edits, logged.
TAG = {"det": "CINdetails", "ass": "Assessments", "plan": "CINPlanDates", "s47": "Section47",
       "cpp": "ChildProtectionPlans"}
DAY = timedelta(days=1)


def _date(text):
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


class R:
    """One record of a child that an op may damage: ``el`` (the element of its kind), its episode ``det`` and
    the child's ``ids`` (ChildIdentifiers). Edits are logged."""

    def __init__(self, ch, det, el, path: str, year: int, log: list):
        self.ch, self.det, self.el, self.path, self.year, self.log = ch, det, el, path, year, log
        self.ids = ch.find("ChildIdentifiers")
        self.ref, self.start = date(year, 3, 31), date(year - 1, 4, 1)

    def on(self, where):
        return {"el": self.el, "det": self.det, "ids": self.ids}.get(where, where)

    def d(self, tag, where="el"):
        return _date(self.on(where).findtext(tag)) if self.on(where) is not None else None

    def t(self, tag, where="el"):
        return self.on(where).findtext(tag)

    def set(self, tag, value, where="el"):
        el = self.on(where)
        value = value.isoformat() if isinstance(value, date) else str(value)
        sub = el.find(tag)
        old = sub.text if sub is not None else None
        if sub is None:
            sub = etree.SubElement(el, tag)
        sub.text = value
        self.log.append(f"{self._where(el)} {tag}: {old or '(none)'} -> {value}")
        return True

    def drop(self, tag, where="el"):
        el = self.on(where)
        for sub in el.findall(tag):
            el.remove(sub)
            self.log.append(f"{self._where(el)} {tag}: {sub.text} -> (removed)")
        return True

    def copy(self, **changes):
        """A copy of ``el`` placed after it, with ``changes`` ({tag: value or None to drop}); its R."""
        new = copy.deepcopy(self.el)
        self.el.addnext(new)
        n = len(self.el.getparent().findall(self.el.tag))
        r = R(self.ch, self.det if self.el is not self.det else new, new, f"{self.path} copy", self.year, self.log)
        self.log.append(f"{self.path} copied (now {n} {self.el.tag})")
        for tag, value in changes.items():
            r.set(tag, value) if value is not None else r.drop(tag)
        return r

    def review(self, value, first=True):
        reviews = self.el.find("Reviews")
        if reviews is None:
            reviews = etree.SubElement(self.el, "Reviews")
        new = etree.Element("CPPreviewDate")
        new.text = value.isoformat() if value else None
        reviews.insert(0 if first else len(reviews), new)
        self.log.append(f"{self.path} Reviews: added {'first' if first else 'last'} CPPreviewDate {new.text}")
        return True

    def _where(self, el):
        if el.tag == "Child":
            return "Child"
        return "ChildIdentifiers" if el is self.ids else "ChildCharacteristics" if el.tag == "ChildCharacteristics" \
            else self.path if el is self.el else self.path.split("/")[0]

    def n(self, kind, where="det"):
        return len(self.on(where).findall(TAG[kind]))

    def sub(self, kind):
        return [R(self.ch, self.det, e, f"{self.path}/{TAG[kind]}[{i}]", self.year, self.log)
                for i, e in enumerate(self.det.findall(TAG[kind]), 1)]


def records(ch, kind: str, year: int, log: list):
    if kind in ("child", "chars"):
        el = ch.find("ChildIdentifiers" if kind == "child" else "ChildCharacteristics")
        yield R(ch, None, el, el.tag, year, log)
        return
    for ep, det in enumerate(ch.findall("CINdetails"), 1):
        if kind == "det":
            yield R(ch, det, det, f"CINdetails[{ep}]", year, log)
            continue
        for k, el in enumerate(det.findall(TAG[kind]), 1):
            yield R(ch, det, el, f"CINdetails[{ep}]/{TAG[kind]}[{k}]", year, log)


def upn(rng: random.Random, la: str = "201", wrong: bool = False) -> str:
    """A UPN with a correct (or, ``wrong``, an incorrect) check letter: the DfE's weights 2-13, mod 23."""
    body = la + "".join(rng.choice("0123456789") for _ in range(9))
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    check = letters[sum(int(c) * w for c, w in zip(body, range(2, 14), strict=True)) % 23]
    return (letters[(letters.index(check) + 1) % 23] if wrong else check) + body


def saturday(d: date) -> date:
    return d + timedelta(days=(5 - d.weekday()) % 7)


class XmlIndex:
    """Every structural element of a CIN census XML by line: the location of a line, the children's IDs and the
    episodes' referral dates (to show which record is meant)."""

    def __init__(self, path: Path):
        self.lines: list[int] = []
        self.locs: list[tuple] = []
        self.child_ids: list[str | None] = []
        self.referral: dict[tuple[int, int], str | None] = {}
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        header = root.find("Header")
        if header is not None:
            self._add(header, FILE)
        kids = root.find("Children")
        for ci, ch in enumerate(kids.findall("Child") if kids is not None else []):
            self._add(ch, (ci, 0, "child", 0))
            self.child_ids.append(ch.findtext("ChildIdentifiers/LAchildID"))
            for k, d in enumerate(ch.iterfind("ChildCharacteristics/Disabilities/*"), 1):
                self._add(d, (ci, 0, "disability", k))
            for ep, det in enumerate(ch.findall("CINdetails"), 1):
                self._add(det, (ci, ep, "cin_details", 0))
                self.referral[(ci, ep)] = det.findtext("CINreferralDate")
                for tag, fam in (("Assessments", "assessments"), ("CINPlanDates", "cin_plans"),
                                 ("Section47", "section47"), ("ChildProtectionPlans", "cp_plans")):
                    for k, el in enumerate(det.findall(tag), 1):
                        self._add(el, (ci, ep, fam, k))
            for k, el in enumerate(ch.findall("ChildProtectionPlans"), 1):
                self._add(el, (ci, 0, "cp_plans", k))
        order = sorted(range(len(self.lines)), key=self.lines.__getitem__)
        self.lines = [self.lines[i] for i in order]
        self.locs = [self.locs[i] for i in order]

    def _add(self, el, loc: tuple) -> None:
        self.lines.append(el.sourceline)
        self.locs.append(loc)

    def at(self, line: int) -> tuple:
        """The location of the innermost structural element starting on or before ``line``."""
        i = bisect.bisect_right(self.lines, line) - 1
        return self.locs[i] if i >= 0 else FILE


def casewatch_records(issues_csv: Path, index: XmlIndex) -> tuple[dict, dict]:
    """casewatch's --issues CSV as {rule: {location: {fields}}} and its CW-* codes' counts."""
    out: dict = defaultdict(lambda: defaultdict(set))
    own: dict = defaultdict(int)
    with issues_csv.open(newline="") as fh:
        for r in csv.DictReader(fh):
            code = r["rule"]
            if code.startswith("CW-") and code not in ("CW-CIN-001", "CW-CIN-002", "CW-CIN-003", "CW-CIN-004",
                                                       "CW-CIN-005", "CW-CIN-006"):
                own[code] += 1
                continue
            loc = FILE if not r["row"] or r["table"] == "header" else index.at(int(r["row"]))
            out[code][loc].add(f"{r['table']}.{r['field']}")
    return out, dict(own)


def peer_records(peer: dict) -> dict:
    """The peer's JSON (PEER_RECORDS) as {rule: {location: {table.columns}}}."""
    out: dict = defaultdict(lambda: defaultdict(set))
    for rule, table, _row, cols, ci, ep, fam, sub, _child in peer["issues"]:
        loc = (ci, ep, fam, sub) if ci is not None else (-2, -2, table, _row)  # unmapped: never matches
        out[rule][loc].update(f"{table}.{c}" for c in cols)
    for rule in peer["file_level"]:
        out[rule][FILE].add("return")
    return out


def _keys(records: dict) -> tuple[set, set]:
    keys = {(loc[0], loc[1]) for loc in records}
    return keys, {k[0] for k in keys}


def _has(key: tuple, keys: set, children: set) -> bool:
    """A flagged episode is matched by the same episode or by the child as a whole; a child-level record (episode
    0) by anything on that child; a return-level issue by a return-level issue."""
    ci, ep = key
    if ci == -1:
        return key in keys
    return key in keys or (ci, 0) in keys or (ep == 0 and ci in children)


def _side(key, pk, pch, ck, cch) -> str:
    in_p, in_c = _has(key, pk, pch), _has(key, ck, cch)
    return "both" if in_p and in_c else "peer-only" if in_p else "casewatch-only"


def compare(peer: dict, ours: dict, isolated: dict[int, set[str]] | None = None) -> tuple[list[dict], list[dict]]:
    """Per rule both tools have and either flagged: peer-only, casewatch-only, both, agreement; and every key one
    tool flagged and the other did not (its records, as each tool located them). A child in ``isolated`` counts
    only for the codes given for it; its other disagreements are returned too, marked ``aside``."""
    stats, disagree = [], []
    isolated = isolated or {}
    for code in sorted(set(peer) | set(ours)):
        p, c = peer.get(code, {}), ours.get(code, {})
        pk, pch = _keys(p)
        ck, cch = _keys(c)
        gp, gc = defaultdict(dict), defaultdict(dict)
        for loc, v in p.items():
            gp[loc[:2]][loc[2:]] = v
        for loc, v in c.items():
            gc[loc[:2]][loc[2:]] = v
        counts = {"both": 0, "peer-only": 0, "casewatch-only": 0}
        other_record = 0
        for key in sorted(pk | ck):
            side = _side(key, pk, pch, ck, cch)
            recs_p, recs_c = gp.get(key, {}), gc.get(key, {})
            aside = key[0] in isolated and code not in isolated[key[0]]
            if side != "both":
                disagree.append({"rule": code, "side": side, "key": key, "peer": recs_p, "casewatch": recs_c,
                                 "aside": aside})
            if aside:
                continue
            counts[side] += 1
            fams = {f for f, _ in recs_p} & {f for f, _ in recs_c}
            if side == "both" and any({r for r in recs_p if r[0] == f} != {r for r in recs_c if r[0] == f}
                                      for f in fams):
                other_record += 1
        union = sum(counts.values())
        kids_p = {k[0] for k in pk if not (k[0] in isolated and code not in isolated[k[0]])}
        kids_c = {k[0] for k in ck if not (k[0] in isolated and code not in isolated[k[0]])}
        kids = len(kids_p | kids_c)
        stats.append({"rule": code, **counts, "union": union, "other_record": other_record,
                      "agreement": counts["both"] / union if union else 1.0, "kids_both": len(kids_p & kids_c),
                      "kids_union": kids, "child_agreement": len(kids_p & kids_c) / kids if kids else 1.0})
    return stats, disagree


def where(recs: dict) -> str:
    return "; ".join(f"{fam}#{n} {'/'.join(sorted(v))}" if n else f"{fam} {'/'.join(sorted(v))}"
                     for (fam, n), v in sorted(recs.items()))


def write_disagreements(path: Path, rows: list[dict], index: XmlIndex, changes: dict, year: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["year", "rule", "side", "aside", "child_pos", "LAchildID", "episode", "CINreferralDate",
                    "peer_flagged", "casewatch_flagged", "injected_on_child"])
        for d in rows:
            ci, ep = d["key"]
            ident = index.child_ids[ci] if 0 <= ci < len(index.child_ids) else ""
            ref = index.referral.get((ci, ep), "") if ep > 0 else ""
            w.writerow([year, d["rule"], d["side"], int(d.get("aside", False)), ci, ident, ep, ref, where(d["peer"]),
                        where(d["casewatch"]), " | ".join(changes.get(ci, []))])


def describe(d: dict, index: XmlIndex, changes: dict) -> str:
    ci, ep = d["key"]
    if ci < 0:
        return f"the return as a whole{' (' + d['file'] + ')' if 'file' in d else ''}"
    ident = index.child_ids[ci] if ci < len(index.child_ids) else "?"
    at = f" episode {ep} (referral {index.referral.get((ci, ep))})" if ep > 0 else ""
    got = where(d["peer"] if d["side"] == "peer-only" else d["casewatch"])
    inj = "" if changes is None else f" [{'; '.join(changes.get(ci, [])) or 'no change injected on this child'}]"
    return f"{d['file'] + ' ' if 'file' in d else ''}child #{ci} {ident}{at}: {got}{inj}"
