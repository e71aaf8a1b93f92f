"""Record-level parity of casewatch's CIN census rules with the DfE's validator (csc-validator-be-cin 0.1.13).

Takes casewatch's synthetic council's CIN census XML for --year (or --input FILE), breaks rules in it on purpose
(bench/inject_cin.py; --no-inject to leave it as it is), and runs both tools on the same file for the same
collection year: the peer through its Python API in its own venv (as its CLI does; every flagged record with its
table and row), casewatch as `casewatch validate FILE --year Y --issues CSV` (every issue with its table and the
line of the flagged element). --fixtures also runs both on the peer's own sample files (its GitHub repository's
fake_data/, copied to var/bench/cin_fixtures/).

How records are matched, and why. The tools locate an issue differently: the peer names a row of one of its
tables (and, for many rules, rows of several tables: the CINdetails row and the Section47 row...), casewatch the
line of the one element it blames. Both are turned into the same place in the XML (bench/_parity_cin.py): the
<Child> (by position in the file, as IDs can be missing or repeated), the <CINdetails> within it (the episode, by
position: both tools number them so; the episode's CINreferralDate is shown), and the element. Per rule code the
unit compared is the (child, episode): the record that identifies a nested record in both tools whatever table
each prefers to blame. A child-level record (the child, its disabilities) matches anything the other tool flagged
on that child (a rule about the child's date of death, say, is blamed on the child by one tool and on the CP
plan by the other), and a return-level (LA or header) issue matches a return-level issue. Going finer (the
element itself) would count as disagreement what is only a choice of where to point; how often the two, on an
agreed episode, blamed the same table but a different element of it is shown as "other rec".
For each code both have: both, peer-only, casewatch-only and agreement = both / (child, episode) keys either
flagged (the 99% mark is on this); "child" is the same at the level of the child alone. Codes neither flagged are
listed as not exercised. Children whose LAchildID was removed or repeated by the injection count for 8500/8510
only (the peer links a child's records by LAchildID, so it merges children who share a missing or repeated
ID; casewatch links them by their <Child> record); their other disagreements are summed up aside and kept in
the CSV (column aside).

Outputs: var/bench/parity_cin_<year>.csv (every disagreement: rule, side, child, episode, what each tool flagged,
the injected change on that child), var/bench/parity_cin_fixtures.csv, and the runs' files in
var/bench/parity_cin/. The fixtures are data-to-insight/csc-validator-be-cin's fake_data/*.xml (commit 1bf6f22),
copied into var/bench/cin_fixtures/; their census year is taken from each file's ReferenceDate (fixture_years).

    .venv/bin/python bench/parity_cin.py [--year 2025] [--size small] [--seed 1] [--input FILE] [--no-inject]
                                         [--per-op 5] [--fixtures]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from _parity_cin import (
    PEER_RECORDS,
    XmlIndex,
    casewatch_records,
    compare,
    describe,
    peer_records,
    where,
    write_disagreements,
)
from _peers import CASEWATCH, ROOT, VAR, measure, peer_versions, peers_python, synth
from inject_cin import OPS, inject, load_changes, load_isolated
from peer_cin import year_file

WORK = VAR / "parity_cin"
FIXTURES = VAR / "cin_fixtures"

# Why the tools disagree on a rule (injected file, --year 2025, --size small, seed 1), from reading both rules
# (the peer's under var/bench/peers/.../cin_validator/rules/, quoting the DfE's logic), the DfE's text and the
# flagged records. [who is right per the DfE text]
EXPLAINED: dict[str, str] = {
    "2887Q": "the peer keeps only the NONE rows and counts rows; DfE: 'excluding NONE, the number of different "
             "disability codes used ... should be more than 7'; casewatch counts the different codes [casewatch]",
    "2888Q": "the peer counts a child's rows, so one code twice (dis_dup: LD, LD) is 'more than one disability'; "
             "casewatch counts different codes other than NONE, and no child has two [casewatch]",
    "4003": "the peer needs CPPendDate present and a CINPlanEndDate (an open CIN plan or CP plan never counts) and "
            "reads only the first review of each <Reviews>; DfE: no CPPreviewDate between any CINPlanStartDate and "
            "CINPlanEndDate unless it is the CPPendDate; casewatch runs an open CIN plan to the ReferenceDate "
            "[casewatch]",
    "8510": "same duplicates: the peer flags every record with the repeated ID, casewatch the second and later ones "
            "(it keeps the first, quarantines the rest) [both readings of 'more than one record']",
    "8540": "the peer finds them but names the row column ROW_ID_x in two of its three issue frames; building its "
            "report then fails inside a bare except, so 8540 never reports anything [casewatch]",
    "8565": "the peer's rule raises ValueError (ERROR_ID assignment) whenever it finds a case, so it reports nothing; "
            "its CP-plan part checks a hard-coded test row ('child1') instead of the file's plans [casewatch]",
    "8569Q": "nfa_edge, a referral on the working day before 1 April (28 Mar 2024): the peer's 'start minus 1 "
             "working day' is start minus 0 rolled forward (2 Apr 2024, after Easter Monday), so it flags referrals "
             "up to 1 April itself; the DfE: 'before [Start_of_Census_Year] minus 1 working day' [casewatch]. (A "
             "missing or invalid ReferralNFA on an old referral, 'must be false', both flag since casewatch's fix.)",
    "8670Q": "ass_open_edge, an open assessment started exactly 45 working days before 31 March (27 Jan 2025): the "
             "peer's 'ReferenceDate minus 45 working days' moves back 44 (its offset is n-1), 28 Jan, and flags it; "
             "the DfE: 'should not be before the ReferenceDate minus 45 working days' [casewatch]",
    "8675Q": "s47_open_edge, the same at 15 working days (10 Mar 2025): the peer's threshold is 11 Mar [casewatch]",
    "8614": "the peer's rule raises TypeError (groups on the factor list: unhashable) whenever it finds a case "
            "[casewatch]",
    "8740": "the peer tests ICPCnotRequired == '0' only; 'false' (s47_prior_open_false and other ops that spell it) "
            "is a valid xs:boolean; spelt 0 (s47_prior_open) both agree [casewatch]",
    "8816": "same children (child column): the peer also flags the latest episode it compares with; casewatch only "
            "the open episode that is not the latest, the one the DfE text is about [presentation]",
    "8820": "same children (child column): the peer flags both overlapping episodes, casewatch the one whose referral "
            "falls inside the other ('for each module the CINreferralDate must not fall between ...') [presentation]",
    "8832": "the peer's merge has its suffixes the wrong way round (the episode's ROW_ID becomes ROW_ID_cpp), so it "
            "flags the CP plan whose row number equals the episode's: another child's plan, or none [casewatch]",
    "8841": "the peer reads only the first <CPPreviewDate> of each <Reviews> (its reader, although the XSD allows "
            "many): a review before the start that is not the first (review_before_start_last) is missed [casewatch]",
    "8842Q": "review_blank_extra, a blank <CPPreviewDate/> before valid dates in one <Reviews>: the group has a "
             "valid date, as the DfE text asks ('a valid CPPreviewDate should be present within the group'); the "
             "peer flags it only because its reader keeps the first date alone [casewatch]. (A <Reviews> with only "
             "a blank date, review_blank_only, both flag since casewatch counts such groups.)",
    "8869": "the peer compares the assessment's factor list with the string '21', never equal, so it never fires on "
            "XML [casewatch]",
    "8870Q": "the peer re-parses InitialCPCtarget with format %d-%m-%Y; the XML's yyyy-mm-dd gives NaT, so it never "
             "fires [casewatch]",
    "8898": "the peer's rule raises TypeError (unhashable list) whenever an assessment has factors [casewatch]",
    "8935": "the peer counts open plans per (LAchildID, CPPID), CPPID being the plan's position in its episode, so "
            "two open plans in one episode are never counted together; DfE: 'This child is showing more than one "
            "open Child Protection plan' [casewatch]",
    "8945Q": "the peer applies .str.upper() to the factor list (NaN for a list): never fires on XML [casewatch]",
    "8950Q": "the peer applies .str.upper() to the factor list (NaN for a list): never fires on XML [casewatch]",
}
# The same on the peer's own sample files (--fixtures).
FIXTURES_EXPLAINED: dict[str, str] = {
    "100": "the samples say <Year>2023</Year> with ReferenceDate 2024-03-31: the peer compares with 31/03/<Year>, "
           "casewatch with the year it is run as (--year from the ReferenceDate here, so both use the same census "
           "year; run without --year it takes <Year> and flags them too) [setup]",
    "1560Q": "FormerUPN X98765432123B (a temporary UPN: letter at 13): the peer wants characters 2-13 all digits; "
             "the XSD's pattern [A-Za-z]\\d{11}(\\d|[A-Za-z]) allows it [casewatch]",
    "2886Q": "fake_CIN_data: 96 of 332 children GenderCurrent 0; the peer's 2022-24 rule tests "
             "'isna() | col == 0', which by precedence and type (text '0' vs 0) never holds [casewatch]",
    "2887Q": "fake_CIN_data uses 12 different codes (6 NONE rows): the peer counts NONE rows [casewatch]",
    "4180": "<Sex>1</Sex> in a 2023-24 return, whose XSD has <GenderCurrent>: the peer reports the gender missing; "
            "casewatch reads <Sex> in its place [peer, strictly; casewatch lenient]",
    "8525Q": "ExpectedPersonBirthDate 1066-04-13 beside a birth date: pandas cannot hold a date before 1677, so the "
             "peer's date parsing makes it NaT and sees no expected date [casewatch]",
    "8530Q": "the same 1066 expected date of birth, out of range: NaT in the peer [casewatch]",
    "8565": "a CP plan ending after the episode closed: the peer's CP-plan part checks a hard-coded test row "
            "[casewatch]",
    **{c: "fake_CIN_data's ReferenceDate is 2022-07-21: the peer takes its census year from it (22 Jul 2021 - 21 Jul "
          "2022), casewatch runs 2021-22 (1 Apr 2021 - 31 Mar 2022); dates between differ [setup, rule 100 "
          "flags the date]" for c in ("8520", "8569Q", "8600", "8620")},
}


def cw_codes(year: int) -> dict[str, str]:
    code = ("import json,sys; from casewatch.rules.engine import registry; "
            "print(json.dumps({c: r.message for c, r in registry('cin', int(sys.argv[1])).items()}))")
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code, str(year)], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)


def run_both(py: Path, path: Path, year: int, tag: str, cw_year: int | None = None) -> tuple[dict, dict, dict, dict]:
    WORK.mkdir(parents=True, exist_ok=True)
    pj, issues = WORK / f"{tag}.peer.json", WORK / f"{tag}.issues.csv"
    peer = measure([str(py), "-c", PEER_RECORDS, str(year), str(path), str(pj)], f"parity_cin_peer_{tag}", ok=(0,),
                   cwd=VAR)
    cw = measure([str(CASEWATCH), "validate", str(path), "--kind", "cin", "--year", str(cw_year or year), "--issues",
                  str(issues), "--format", "json"], f"parity_cin_casewatch_{tag}")
    pdata = json.loads(pj.read_text())
    index = XmlIndex(path)
    ours, own = casewatch_records(issues, index)
    timing = {"peer_s": peer["seconds"], "peer_run_s": pdata["run_s"], "casewatch_s": cw["seconds"],
              "peer_mb": peer["peak_mb"], "casewatch_mb": cw["peak_mb"], "own": own,
              "cw_failed": json.loads(cw["stdout"] or "{}").get("rules_failed", []) if cw["stdout"].strip() else []}
    return pdata, peer_records(pdata), ours, timing


def report(title: str, stats: list[dict], disagree: list[dict], shared: set[str], index_of, changes_of,
           targeted: dict[str, list[str]], explained: dict[str, str], show: int = 3) -> list[str]:
    rows = [s for s in stats if s["rule"] in shared]
    rows.sort(key=lambda s: (-s["agreement"], s["rule"]))
    good = [s for s in rows if s["agreement"] >= 0.99]
    fired = {s["rule"] for s in rows}
    print(f"\n{title}: {len(rows)} rules compared, {len(good)} agree on >= 99% of (child, episode) records")
    print(f"  {'rule':<8}{'both':>7}{'peer':>7}{'cw':>7}{'agree':>8}{'child':>8}{'other rec':>10}  injected by")
    for s in rows:
        ops = ",".join(targeted.get(s["rule"], []))
        print(f"  {s['rule']:<8}{s['both']:>7}{s['peer-only']:>7}{s['casewatch-only']:>7}{s['agreement']:>8.1%}"
              f"{s.get('child_agreement', 1.0):>8.1%}{s['other_record']:>10}  {ops[:56]}")
    below = [s for s in rows if s["agreement"] < 0.99]
    if below:
        print(f"\n  below 99% ({len(below)}): examples and reasons")
    for s in sorted(below, key=lambda s: s["rule"]):
        print(f"  {s['rule']}: {explained.get(s['rule'], 'NOT YET EXPLAINED')}")
        picked = [d for d in disagree if d["rule"] == s["rule"] and not d.get("aside")]
        for side in ("peer-only", "casewatch-only"):
            for d in [d for d in picked if d["side"] == side][:show]:
                print(f"      {side}: {describe(d, index_of(d), changes_of(d))}")
    missing = sorted(shared - fired)
    print(f"\n  not exercised (neither flagged) ({len(missing)}): {' '.join(missing) or '-'}")
    return [s["rule"] for s in below]


def fixture_years(path: Path) -> tuple[int, int]:
    """casewatch's year: the one whose 31 March is nearest the header's ReferenceDate (the peer takes its census
    period from the ReferenceDate, casewatch from the year); the peer's rule pack: that year, within 2023-2027."""
    m = re.search(rb"<ReferenceDate>\s*(\d{4})-(\d\d)-\d\d", path.read_bytes())
    year = int(m[1]) + (int(m[2]) > 9) if m else 2024
    return min(max(year, 2023), 2027), year


def fixtures(py: Path) -> None:
    files, seen = [], set()
    for f in sorted(FIXTURES.glob("*.xml")):
        digest = hashlib.sha1(f.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            files.append(f)
    if not files:
        print(f"\nno fixtures under {FIXTURES}: copy the peer repository's fake_data/*.xml there")
        return
    all_stats: dict[str, Counter] = {}
    all_dis, index_of = [], {}
    shared: set[str] = set()
    print(f"\nthe peer's own sample files ({FIXTURES.relative_to(ROOT)}; duplicates by content skipped):")
    for f in files:
        year, cw_year = fixture_years(f)
        pdata, peer, ours, t = run_both(py, f, year, f"fixture_{f.stem}", cw_year)
        both_have = set(pdata["rules"]) & set(cw_codes(cw_year))
        shared |= both_have
        stats, dis = compare(peer, ours)
        differ = sorted(f"{s['rule']} (peer {s['peer-only']}, cw {s['casewatch-only']})" for s in stats
                        if s["rule"] in both_have and s["agreement"] < 1)
        idx = XmlIndex(f)
        for d in dis:
            d["file"] = f.name
            index_of[id(d)] = idx
        all_dis += dis
        for s in stats:
            all_stats.setdefault(s["rule"], Counter()).update(
                {k: s[k] for k in ("both", "peer-only", "casewatch-only", "union", "other_record", "kids_both",
                                   "kids_union")})
        crashed = ", ".join(pdata["failed"]) or "none"
        if pdata.get("crash"):
            crashed += f"; the whole run FAILS: {pdata['crash'][:60]}"
        print(f"  {f.name}: peer rules {year}, casewatch --year {cw_year}, {len(idx.child_ids)} children, "
              f"peer {t['peer_s']:.1f} s (rules crashed: {crashed}), casewatch {t['casewatch_s']:.1f} s; "
              f"differ on: {', '.join(differ) or '-'}")
    stats = [{"rule": r, **c, "agreement": c["both"] / c["union"] if c["union"] else 1.0,
              "child_agreement": c["kids_both"] / c["kids_union"] if c["kids_union"] else 1.0}
             for r, c in all_stats.items()]
    report("fixtures, all files", stats, all_dis, shared, lambda d: index_of[id(d)], lambda d: None, {},
           FIXTURES_EXPLAINED)
    with (VAR / "parity_cin_fixtures.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "rule", "side", "child_pos", "episode", "peer_flagged", "casewatch_flagged"])
        for d in all_dis:
            if d["rule"] in shared:
                w.writerow([d["file"], d["rule"], d["side"], *d["key"], where(d["peer"]), where(d["casewatch"])])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--year", type=int, default=2025, help="census year, named by the 31 March it ends")
    p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1, help="synthetic council and injection seed")
    p.add_argument("--input", type=Path, help="a CIN census XML instead of the synthetic council's")
    p.add_argument("--no-inject", action="store_true", help="compare on the file as it is")
    p.add_argument("--per-op", type=int, default=5, help="children damaged by each injection op")
    p.add_argument("--fixtures", action="store_true", help="also compare on the peer's own sample files")
    a = p.parse_args()

    py = peers_python()
    src = a.input.resolve() if a.input else year_file(synth(a.size, a.seed, f"{a.year}-03-31", years=2), a.year)
    if not src:
        sys.exit(f"no CIN census XML for {a.year}")
    path = src
    if not a.no_inject:
        WORK.mkdir(parents=True, exist_ok=True)
        path = WORK / f"CIN_{a.year}_injected.xml"
        changes = inject(src, path, a.year, a.seed, a.per_op)
        print(f"injected: {len(changes)} children damaged by {len(OPS)} ops ({a.per_op} each) -> "
              f"{path.relative_to(ROOT)} (+ .changes.csv)")
    print(f"CIN census {a.year - 1}-{a.year % 100:02d}: {path}; peer {peer_versions(py, ('csc-validator-be-cin',))}")
    pdata, peer, ours, t = run_both(py, path, a.year, f"y{a.year}")
    print(f"  run time (fresh process, wall): peer {t['peer_s']:.1f} s (validation alone {t['peer_run_s']:.1f} s, "
          f"peak {t['peer_mb']:.0f} MB), casewatch validate {t['casewatch_s']:.1f} s (peak {t['casewatch_mb']:.0f} MB)")
    if pdata.get("crash"):
        print(f"  the peer FAILS on this file ({pdata['crash'][:80]}): its rules {', '.join(pdata['crash_rules'])} "
              f"report a record with no row; those records are dropped here to get the rest of its report")
    if pdata["failed"] or t["cw_failed"]:
        print(f"  rules that crashed: peer {pdata['failed'] or '-'}, casewatch {t['cw_failed'] or '-'}")
    if pdata["unmapped_tables"]:
        print(f"  peer tables whose rows could not be placed in the XML: {pdata['unmapped_tables']}")
    cw = cw_codes(a.year)
    shared = set(pdata["rules"]) & set(cw)
    index, changes, isolated = XmlIndex(path), load_changes(path), load_isolated(path)
    stats, disagree = compare(peer, ours, isolated)
    targeted: dict[str, list[str]] = {}
    for name, codes, *_ in OPS:
        for c in codes.split():
            targeted.setdefault(c, []).append(name)
    below = report(f"{path.name}, year {a.year}", stats, disagree, shared, lambda d: index, lambda d: changes,
                   targeted if not a.no_inject else {}, EXPLAINED)
    aside = Counter((d["rule"], d["side"]) for d in disagree if d.get("aside") and d["rule"] in shared)
    if isolated:
        print(f"  the {len(isolated)} children whose LAchildID was removed or repeated (and those it repeats) count "
              f"for 8500/8510 only; on them the tools also differ on: "
              + (", ".join(f"{r} {s.split('-')[0]} {n}" for (r, s), n in sorted(aside.items())) or "nothing"))
    only_peer = sorted(c for c in peer if c not in cw)
    only_cw = {c: len(v) for c, v in ours.items() if c not in pdata["rules"]}
    print(f"  codes only the peer has that fired: {' '.join(only_peer) or '-'}; casewatch's own: "
          f"{' '.join(f'{c} {n}' for c, n in sorted(only_cw.items())) or '-'}; casewatch reading issues: "
          f"{' '.join(f'{c} {n}' for c, n in sorted(t['own'].items())) or '-'}")
    unexplained = [c for c in below if c not in EXPLAINED]
    if unexplained:
        print(f"  below 99% and not yet explained: {' '.join(unexplained)}")
    out = VAR / f"parity_cin_{a.year}.csv"
    write_disagreements(out, [d for d in disagree if d["rule"] in shared], index, changes, a.year)
    print(f"  every disagreement: {out.relative_to(ROOT)}")
    if a.fixtures:
        fixtures(py)


if __name__ == "__main__":
    main()
