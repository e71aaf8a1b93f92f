"""Record-level parity of casewatch's SSDA903 rules with the DfE's validator (csc-validator-be-903 0.1.17).

Writes a synthetic council's 903 CSVs (`casewatch synth --years 2`), breaks rules on purpose in the collection
year's files (bench/inject_903.py, every change recorded in injected.csv), then runs the peer (in its own venv,
var/bench/peers) and `casewatch validate` on the same files twice: this year's files alone, and with last
year's too (the peer's "Prev year"; casewatch runs its last-year rules when both years are loaded). For each
rule code both have in force that year, the flagged records are matched on (table, CSV line): peer-only,
casewatch-only, both; agreement = both / union (100% when neither flags anything: such rules are listed as not
exercised). Every disagreeing record goes to var/bench/parity_903_<year>.csv with the damage on its row.

Postcodes (bench/_postcodes.py): the synthetic HOME_POST / PL_POST are replaced, in both years, by real ones
from the peer's own postcode data, and casewatch is given an ONSPD-format extract of exactly those postcodes
(from the same data) and ``--council`` the LA the peer is given (``--la``, default E09000027); with --input or
--fixtures the files keep their postcodes and get an extract of them. --no-postcodes: neither.

    .venv/bin/python bench/parity_903.py [--year 2025] [--size small] [--seed 1] [--input DIR] [--no-inject]
                                         [--la E09000027] [--no-postcodes]
    .venv/bin/python bench/parity_903.py --fixtures [--year 2023]   # the peer's own sample CSVs
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from pathlib import Path

from _parity import check_lines, compare, injected_at, run_casewatch, run_peer
from _peers import CASEWATCH, ROOT, VAR, peer_versions, peers_python
from _postcodes import COUNCIL, extract_for, realise
from inject_903 import inject

from casewatch.rules.engine import registry

GOOD = 99.0
FIXTURES = VAR / "peer903_fixtures"
FIXTURE_REPO = Path("/work/.mirror/data-to-insight+csc-validator-be-903/repo")  # `fetch` of the peer's repo
FIXTURE_FILES = ("header", "episodes", "reviews", "uasc", "oc2", "oc3", "ad1", "placed_for_adoption",
                 "previous_permanence", "missing", "sw_episodes")

# Why a shared rule disagrees, from reading the peer's rule (lac_validator/rules/lac20xx_yy/rule_<code>.py),
# casewatch's (src/casewatch/rules/ssda903/rule_<code>.py), the DfE's text (as the rule docstrings quote it) and
# the rows of var/bench/parity_903_<year>.csv (runs of 2025, 2024 and --fixtures, 2026-12). Tags: [cw wrong] and
# [peer wrong] say who departs from the DfE's text; [documented] a judgement the casewatch rule's docstring
# states; the others are differences in reading damaged input, where the DfE's text says nothing. "[leak]" is
# added by reason() when the peer's own shallow copy changes the rule's records (see _parity.run_peer).
BLANK_CHILD = "[blank CHILD] pandas merges the blank (NaN) CHILDs of two tables as one child; SQL never joins NULLs"
UNREADABLE = ("[unreadable date] casewatch reads a non-date as missing (NULL, and reports CW-TYPE); the peer keeps "
              "the text, which its isna() tests take as given")
ISO = "[ISO date] casewatch reads 2024-06-01 as a date; the peer only takes dd/mm/yyyy"
NO_HEADER = "[no Header row] the peer's left merge leaves DOB NaN and its negated NaN comparison flags the row"
ROW = "[row choice] both flag the child; the peer also (or instead) flags its row in another table"
DUP = ("[duplicate row] two identical episodes tie on DECOM: the peer takes the copy as the later one, casewatch "
       "the original")
ORDER = ("[no DECOM] casewatch sorts an episode with a blank or unreadable DECOM last (NULLS LAST); the peer first "
         "(filled with 01/01/1901) or last (NaT)")
BLANK_MANDATORY = ("[blank in a mandatory field] casewatch's validity rule also flags a blank where spec.json has no "
                   "blank; the peer's rule passes blanks")
SW_DATE = ("[documented] an unreadable SW date is SW04STG1's/SW05STG1's for casewatch; the peer counts it as "
           "missing")
EXPLAINED: dict[str, str] = {
    "1001": ("[documented] the peer flags care leavers aged 20+ with no episode in the two years (its own NOTE: "
             "false positives) and ones with no Header row; casewatch judges under-20s with episodes, by OC3's DOB"),
    "1002": ("[documented] the peer flags every care leaver with no episode in the two loaded years (all who left "
             "care before last year); casewatch only those whose 16th birthday falls in the two years"),
    "1003": "[row choice] the peer also flags the episode; it crashes when a child's DECOMs are all unreadable",
    "1006": BLANK_MANDATORY, "113": BLANK_MANDATORY, "114": BLANK_MANDATORY, "176": BLANK_MANDATORY, "115": BLANK_MANDATORY, "143": BLANK_MANDATORY,
    "144": BLANK_MANDATORY, "145": BLANK_MANDATORY,
    "1014": ("[documented] casewatch also flags a UASC care leaver with no episode at all (episode_dropped); the "
             "peer judges only children with an episode row"),
    "102": ISO, "203": ISO, "197B": ISO, "357": ISO, "504": ISO,
    "502": ISO + ": the child's first episode is not the one the peer compares with last year's open episode",
    "503C": ISO + " (as 502)", "503D": ISO + " (as 502)", "503E": ISO + " (as 502)",
    "104": "[peer adds] the peer also flags a DUC before the year began; the message asks only for a valid date",
    "117": ("[peer wrong] the peer judges only children with a ceased episode, so a DATE_PLACED after 31 March of a "
            "child with none is missed; it also flags the episode row (row choice)"),
    "118": ROW, "302": ROW, "335": ROW, "523": ROW, "525": ROW, "552": ROW, "554": ROW, "358": ROW, "399": ROW,
    "334": ROW,
    "132": ("[blank] the peer flags a blank ACTIV; casewatch passes it (blank_ok) although spec.json makes ACTIV "
            "mandatory"),
    "133": ("[blank] the peer also flags a blank ACCOM; casewatch passes it (the text asks about the code given). "
            "Both now leave out S1 and X1"),
    "141": BLANK_MANDATORY + "; " + ISO,
    "142": "[peer adds] the peer also flags an ended episode with a blank REC; " + ORDER,
    "146": "[peer wrong] its 2024-25 PLACE list has 'k3' (lower case): every K3 is flagged; " + BLANK_MANDATORY,
    "148": UNREADABLE, "359": UNREADABLE, "551": UNREADABLE + "; " + BLANK_CHILD, "553": UNREADABLE,
    "564": UNREADABLE, "575": UNREADABLE,
    "157": "[documented] 16-year-olds: the text says '16 years or under at the end of the year'; the peer spares them",
    "165": ("[peer wrong from 2024-25] the peer tests SEX '1'/'2' after the recoding to M/F (misses girls, flags an "
            "invalid '1'); casewatch also flags blank MOTHER for U or blank SEX and for girls with no episode and no "
            "OC3, as the text says; the peer also flags MOTHER given for a boy, which the text does not"),
    "167": "[peer adds] the peer also flags a review code given with a blank review date",
    "184": ("[peer wrong] the peer compares DATE_PLACED with PlacedAdoption's own DOB and its negated NaN test flags "
            "every row whose DOB is blank or unreadable"),
    "185": BLANK_CHILD + "; " + ISO + " (a child whose only DECOM is ISO is not in the peer's 12-month cohort)",
    "190": BLANK_CHILD + "; " + ISO + " (as 185)", "198": BLANK_CHILD, "215": BLANK_CHILD, "EPI": BLANK_CHILD,
    "NoE": BLANK_CHILD,
    "191": "fixed: casewatch no longer lets a blank-CHILD OC2 row hide the cohort (100% since)",
    "202": "[peer wrong] the peer compares SEX across the 2024-25 recoding (1/2 -> M/F): every child is flagged",
    "205A": ("[documented] the peer takes any child with a CSV UASC row as UASC, casewatch reads DUC; the peer's "
             "flags here are children with no Header row"),
    "205B": ROW + " (the Header row); casewatch-only: a child with no Header row",
    "225": DUP, "501": DUP,
    "433": ("[duplicate row] ties are now broken by the row, but of an episode and its copy the peer still flags the "
            "copy (the later line), casewatch the original; " + ISO),
    "388": ("[no DECOM] " + ORDER[12:] + ": the next episode of a child has a blank or unreadable DECOM; " + ROW
            + " (an X1 episode with a blank DEC); no duplicate-row ties remain"),
    "355": "[peer wrong] compares DECOM and DEC as text: two blanks ('nan' == 'nan') count as the same day",
    "370": "[documented] the peer skips episodes with no DEC", "371": "[documented] the peer skips episodes with no DEC",
    "372": "[documented] the peer skips episodes with no DEC", "373": "[documented] the peer skips episodes with no DEC",
    "374": "[documented] the peer skips episodes with no DEC",
    "377": "[documented] casewatch counts T3 episodes in 12 months, the peer in the whole return",
    "387": NO_HEADER, "389": "[documented] an E7 episode with no DEC has no age to judge; the peer flags it",
    "398": ("[documented] the peer flags a short break (V3/V4) with either postcode given; casewatch only when a "
            "distance is derived (both postcodes in the directory), as the text says ('distance field completed'); "
            "a placement postcode given under V3/V4 is rule 214's"),
    "392b": "fixed: a UASC row with a blank DUC now exempts the child (100% since)",
    "432": "fixed: only the DfE's ceased codes count as leaving care (100% since)",
    "544": "[documented] the text says 'conviction information completed'; the peer judges only CONVICTED 1",
    "547": "[documented] the text says 'health promotion information completed'; the peer judges only HEALTH_CHECK 1",
    "546": "[documented] the text has no 12-month condition; the peer judges only the OC2 cohort",
    "557": "[documented] the peer flags a child if any PlacedAdoption row lacks the ceasing; the text asks one",
    "558": "[documented] the peer flags only where more than one ceased decision exists",
    "574": ("[row choice] of two overlapping missing periods the peer flags the earlier-starting one (it sorts by "
            "end date), casewatch the later one, which the text calls the error"),
    "577": "[documented] the peer also flags periods ending outside the period of care (575's, 578's)",
    "578": "[documented] starts before the first episode are 581's for casewatch; the peer flags them here too",
    "581": "[documented] the peer flags any start outside every episode, and blank or unreadable starts",
    "601": ROW + "; " + UNREADABLE,
    "634": "[documented] the text names 1 April 2016; the peer compares with the start of the collection year",
    "SW01aSTG1": SW_DATE, "SW01bSTG1": SW_DATE, "SW08STG2": SW_DATE, "SW14STG2": SW_DATE + "; SW_DECOM order",
    "SW01STG1": ("[leak] with rule 361's filled DECs the peer sees no child looked after on 31 March (with its own "
                 "copy: 209 rows, on SWEpisodes with episode row numbers); casewatch flags children none of whose SW "
                 "episodes has a SW_REASON (the synthetic writer leaves them blank)"),
    "367": "[row choice, documented] casewatch flags every V3 episode of a child over 75 days, the peer those in the year",
    "376": "the peer's extra rows are the leak's: open T3 episodes given DEC 31 March", "386": "the leak's rows (as 376)",
    "407": "the leak's rows (as 376)", "607": "the leak's rows: girls whose open episode was given DEC 31 March",
    "602": "the child's E12 episode has no DEC: no adoption in the year for casewatch; the leak gives it 31 March",
    "347": "[peer wrong] compares ACCOM with a bare 'T', which no code equals: never fires (documented); crashes on a bad DOB",
    "SW13STG1": ("[documented] from 2024-25 a blank SW_REASON is SW01bSTG1's; the peer still flags it here (and crashes "
                 "on an unreadable SW_DECOM)"),
    "511": "[documented] the text allows only MM, FF, MF for two adopters; the peer flags only M1 and F1",
    "625": ROW,
    "SW10STG2": "[documented] the peer also flags a gap of more than 7 days and a previous episode with no end",
    "SW11aSTG2": "[documented] the peer flags the next episode, casewatch the episode that ended with none after it",
    "SW12STG2": "[documented] the peer pairs every care start/end with every SW episode; casewatch reads the message",
}
# The rules on the derived placement fields, with real postcodes and an ONSPD extract (bench/_postcodes.py)
NEW_LA = ("[peer wrong] the peer maps a postcode's district (lad25cd) to its upper-tier LA with a 2021 list "
          "(qlacref_authorities): districts created since (Sheffield E08000039, Barnsley E08000038, Cumberland, "
          "Westmorland and Furness, North Yorkshire, Somerset E06000063-66) get no PL_LA, though in England and "
          "placed (OUT)")
EXPLAINED |= {
    "169": NEW_LA + ": every peer-only row is such a placement",
    "1015": ("[documented] a PR1 episode with PL_POST blank or not in the directory has no LA of placement: rule "
             "169's error for casewatch; the peer's PL_LA NaN != its LA flags it as outside"),
    "406": ("[no Header row] the peer knows UASC only from the Header's UASC column (ingress sets it from the UASC "
            "table for children with a Header row): a former UASC whose Header row is missing or has a blank CHILD "
            "is missed in the 1y run (casewatch reads the UASC table); " + BLANK_CHILD),
    "452": ISO + " (as 502): the peer's first episode of the child is not the one carried over from last year",
    "503H": ISO + " (as 502)", "503J": ISO + " (as 502)",
    "453": ("[documented] casewatch flags a distance given last year and blank now (a postcode blanked or made "
            "invalid), as the text's 'not the same' says; the peer's test repeats 'PRE blank and now given' twice "
            "(the other way round was meant) and abs(NaN - x) >= 0.2 is false; " + ISO + " (as 502)"),
    "503G": "[documented] as 453",
}
EXPLAINED |= {c: BLANK_CHILD + (": casewatch flags the row as not in Header, the peer matches a blank-CHILD Header row"
                              if c < "INT10" else ": the peer compares DOBs with a blank-CHILD Header row")
              for c in ("INT02", "INT03", "INT04", "INT05", "INT06", "INT08", "INT09", "INT12", "INT13", "INT14",
                        "INT15", "INT17", "INT18", "INT21")}


def year_files(root: Path, year: int, prev: bool = False) -> list[str]:
    """``SSDA903_<year>_<table>.csv`` under root; failing those (a council's own names) the CSVs in ``root/<year>``,
    else this year's in root itself and last year's in ``root/prev``."""
    named = sorted(root.rglob("SSDA903_*_*.csv"))
    if named:
        return [str(p.resolve()) for p in named if p.name.startswith(f"SSDA903_{year}_")]
    folder = root / str(year) if (root / str(year)).is_dir() else root / "prev" if prev else root
    return [str(p.resolve()) for p in sorted(folder.glob("*.csv"))]


def synth(size: str, seed: int, year: int) -> Path:
    out = VAR / f"parity903-synth-{size}-{seed}-{year}"
    if not (out / ".done").exists():
        print(f"casewatch synth --size {size} --seed {seed} --years 2 --end {year}-03-31 ...", flush=True)
        subprocess.run([str(CASEWATCH), "synth", "--out", str(out), "--size", size, "--seed", str(seed), "--years",
                        "2", "--end", f"{year}-03-31", "--formats", "returns"], check=True, capture_output=True)
        (out / ".done").touch()
    return out / "returns" / "ssda903"


def fixtures() -> list[str]:
    """The peer's repository's tests/fake_data CSVs, copied once out of the fetched repository."""
    if not (FIXTURES / "header.csv").exists():
        if not FIXTURE_REPO.exists():
            sys.exit(f"no copy of the peer's repository at {FIXTURE_REPO} (fetch data-to-insight/"
                     "csc-validator-be-903) and none in {FIXTURES}")
        FIXTURES.mkdir(parents=True, exist_ok=True)
        for name in FIXTURE_FILES:
            data = subprocess.run(["git", "--git-dir", str(FIXTURE_REPO), "show", f"HEAD:tests/fake_data/{name}.csv"],
                                  capture_output=True, check=True).stdout
            (FIXTURES / f"{name}.csv").write_bytes(data)
    return [str(FIXTURES / f"{n}.csv") for n in FIXTURE_FILES]


def table_paths(files: list[str], prev: list[str]) -> dict[str, str]:
    """Staging table -> file, for the line check: read each file's header like the peer does."""
    from _parity import TABLES

    cols = {"DECOM": "episodes", "ETHNIC": "header", "REVIEW": "reviews", "DUC": "uasc", "SDQ_SCORE": "oc2",
            "IN_TOUCH": "oc3", "DATE_INT": "ad1", "DATE_PLACED": "placed_adoption", "PREV_PERM": "prev_perm",
            "MISSING": "missing", "SW_ID": "social_worker", "DOLO_START": "dolo"}
    assert set(cols.values()) <= set(TABLES.values())
    out = {}
    for suffix, paths in (("", files), ("_last", prev)):
        for p in paths:
            with open(p, newline="", encoding="utf-8-sig") as fh:
                head = set(next(csv.reader(fh), []))
            for col, table in cols.items():
                if col in head:
                    out[table + suffix] = p
    return out


def fmt(stats: dict | None) -> str:
    if stats is None:
        return f"{'':>6}{'':>6}{'':>6}{'-':>8}{'':>6}"
    agree = f"{stats['agree']:.1f}" if stats["fired"] else "n/e"
    leak = stats["leak"] or ""
    return f"{len(stats['peer_only']):>6}{len(stats['cw_only']):>6}{stats['both']:>6}{agree:>8}{leak:>6}"


def reason(code: str, results: dict) -> str:
    leak = max(st[code]["leak"] for _, _, st in results.values() if code in st)
    why = EXPLAINED.get(code, "NOT YET EXPLAINED")
    return why if not leak or "[leak]" in why else f"[leak] {leak} peer records are an earlier rule's leak; {why}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--year", type=int, help="collection year, named by the 31 March it ends (2025; --fixtures 2023)")
    p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per", type=int, default=2, help="rows damaged per table, column and kind")
    p.add_argument("--input", type=Path, help="a folder of SSDA903_<year>_<table>.csv instead of synthetic ones")
    p.add_argument("--no-inject", action="store_true", help="compare on the files as they are")
    p.add_argument("--fixtures", action="store_true", help="the peer's own sample CSVs (tests/fake_data)")
    p.add_argument("--la", default=COUNCIL, help="the council's LA (ONS code): the peer's localAuthority, "
                   "casewatch's --council (default E09000027, Richmond upon Thames)")
    p.add_argument("--no-postcodes", action="store_true", help="keep the synthetic postcodes and give casewatch no "
                   "postcode directory (the postcode rules then only fire for the peer)")
    a = p.parse_args()
    year = a.year or (2023 if a.fixtures else 2025)
    py = peers_python()
    record: list[dict] = []
    refs: list[str] = []
    if a.fixtures:
        this, prev, label = fixtures(), [], "the peer's tests/fake_data CSVs"
    else:
        src = a.input or synth(a.size, a.seed, year)
        label = str(a.input) if a.input else f"synthetic {a.size} council (seed {a.seed})"
        if not a.input and not a.no_postcodes:  # real postcodes from the peer's data, and their ONSPD extract
            real = VAR / f"parity903-synth-{a.size}-{a.seed}-{year}-postcodes"
            ref, kinds = realise(py, src, real, [year, year - 1], a.seed)
            src, refs = real, [str(ref)]
            label += (f", real postcodes ({ref.relative_to(ROOT)}: "
                      + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")")
        if a.no_inject or not any(Path(src).glob(f"SSDA903_{year}_*.csv")):  # inject_903 reads generator names
            this, prev = year_files(src, year), year_files(src, year - 1, prev=True)
        else:
            out = VAR / f"parity903-{'input' if a.input else a.size}-{a.seed}-{year}"
            this, prev, record = inject(src, out, year, a.seed, a.per)
            this, prev = [str(x) for x in this], [str(x) for x in prev]
            label += f", {len(record)} changes injected ({out.relative_to(ROOT)}/injected.csv)"
    if not this:
        sys.exit(f"no SSDA903 CSVs for {year}")
    if (a.input or a.fixtures) and not a.no_postcodes:  # their own postcodes: an extract from the peer's data
        ref = VAR / f"parity903-{'fixtures' if a.fixtures else 'input'}-{year}_ONSPD_extract.csv"
        n = extract_for(py, this + prev, ref)
        refs, label = [str(ref)], label + f", {n} of its postcodes in {ref.relative_to(ROOT)}"
    la = None if a.no_postcodes else a.la
    print(f"SSDA903 {year - 1}-{year % 100:02d} parity, {label}; peer: {peer_versions(py, ('csc-validator-be-903',))}")

    runs = [("1y", prev[:0])] + ([("+prev", prev)] if prev else [])
    cw_rules = registry("ssda903", year)
    results, timing = {}, []
    for tag, prv in runs:
        paths = table_paths(this, prv)
        peer = run_peer(py, year, this, prv, paths, f"{year}_{tag}", la=a.la)
        deep = run_peer(py, year, this, prv, paths, f"{year}_{tag}", la=a.la, deep=True)
        cw = run_casewatch(this, prv, f"{year}_{tag}", year, given=not prv, refs=refs, council=la)
        checked, bad = check_lines(peer, paths)
        print(f"  run {tag}: peer's RowID -> CSV line checked on {checked} flagged records (its CHILD against the "
              f"file's): {bad} mismatched")
        moved = [f"{Path(f['path']).name} as {f['year']}" for f in cw["summary"]["files"]
                 if f["path"] in this and f["year"] != year]
        if moved:
            print(f"  run {tag}: WARNING casewatch read {', '.join(moved)}: its rows are not compared")
        timing.append(f"{tag}: peer {peer['seconds']:.1f} s (in-process {peer['run_s']:.1f} s), "
                      f"casewatch validate {cw['seconds']:.1f} s")
        shared = sorted(set(peer["rules"]) & set(cw_rules))
        if tag == "1y":  # rules that need last year's return: the peer skips them, casewatch too
            shared = [c for c in shared if not cw_rules[c].needs_last_year]
        crashed = set(peer["failed"]) | set(cw["summary"]["rules_failed"])
        absent = {c for c in set(peer["skipped"]) & set(shared) if not cw_rules[c].needs_last_year or prv}
        results[tag] = (peer, cw, compare(peer, cw, [c for c in shared if c not in crashed | absent]))
        for c, st in results[tag][2].items():  # records the peer flags only because an earlier rule leaked
            st["leak"] = len(peer["by_code"].get(c, set()) ^ deep["by_code"].get(c, set()))
        if crashed & set(shared):
            print(f"  run {tag}: shared rules that crashed, not compared: peer {' '.join(sorted(peer['failed']))}; "
                  f"casewatch {' '.join(sorted(cw['summary']['rules_failed'])) or '-'}")
        if absent:
            shown = sorted(absent)[:25]
            more = f" and {len(absent) - 25} more" if len(absent) > 25 else ""
            print(f"  run {tag}: skipped by the peer for want of a table, not compared: {' '.join(shown)}{more}")

    codes = sorted({c for _, _, st in results.values() for c in st})
    worst = {c: min(st[c]["agree"] for _, _, st in results.values() if c in st) for c in codes}
    fired = {c: any(st[c]["fired"] for _, _, st in results.values() if c in st) for c in codes}
    head = "".join(f"{f'{t}: peer':>12}{'cw':>6}{'both':>6}{'agree%':>8}{'leak':>6}" for t, _ in runs)
    print(f"\n  {'rule':<11}{head}\n  (peer / cw: rows only the peer / casewatch flags; n/e: not exercised; leak: peer "
          "records that change when each of its rules gets its own copy of the tables)")
    for c in sorted(codes, key=lambda c: (worst[c] if fired[c] else 101, c)):
        print(f"  {c:<11}" + "".join(fmt(results[t][2].get(c)) for t, _ in runs))
    good = [c for c in codes if fired[c] and worst[c] >= GOOD]
    idle = [c for c in codes if not fired[c]]
    below = [c for c in codes if worst[c] < GOOD]
    print(f"\n  {len(codes)} shared rules compared; {len(codes) - len(idle)} exercised, of which {len(good)} agree "
          f">= {GOOD:.0f}% on every run; {len(below)} below")
    print(f"  not exercised (neither tool flagged a row): {' '.join(idle) or '-'}")
    if below:
        print(f"\n  below {GOOD:.0f}%: up to 3 rows each (table:line) and the reason")
    for c in below:
        groups: dict = {}  # runs with the same disagreement are shown once
        for tag, _ in runs:
            st = results[tag][2].get(c)
            if st and st["agree"] < GOOD:
                groups.setdefault((tuple(st["peer_only"]), tuple(st["cw_only"])), (st, []))[1].append(tag)
        for st, tags in groups.values():
            ex = " ".join(f"{k[0]}:{k[1]}" for k in st["peer_only"][:3])
            ey = " ".join(f"{k[0]}:{k[1]}" for k in st["cw_only"][:3])
            same = len(st["same_child"])
            note = f" ({same} of them: a child the other tool flags on another row)" if same else ""
            print(f"  {c:<10}{','.join(tags):<9}{st['agree']:>6.1f}%  peer-only [{ex}]  cw-only [{ey}]{note}")
        print(f"  {'':<19}reason: {reason(c, results)}")
    for tag, _ in runs:
        peer, cw, _ = results[tag]
        extra = sorted(c for c in set(peer["by_code"]) - set(cw_rules))
        mine = sorted(c for c in set(cw["by_code"]) - set(peer["rules"]))
        print(f"  {tag}: fired, not shared: peer {' '.join(extra) or '-'}; casewatch {' '.join(mine) or '-'}")
    print("\n  run times (fresh processes, wall):\n    " + "\n    ".join(timing))

    damage = injected_at(record)
    suffix = "_fixtures" if a.fixtures else "_input" if a.input else "_clean" if a.no_inject else ""
    path = VAR / f"parity_903_{year}{suffix}.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["run", "rule", "table", "line", "flagged_by", "child", "other_flags_child", "injected_on_row",
                    "reason"])
        for tag, (peer, cw, stats) in results.items():
            for c, st in sorted(stats.items()):
                for who, keys, src in (("peer", st["peer_only"], peer), ("casewatch", st["cw_only"], cw)):
                    for k in keys:
                        child = "" if a.input else (src["children"].get(k) or "")
                        w.writerow([tag, c, k[0], k[1], who, child, int(k in st["same_child"]), damage.get(k, ""),
                                    reason(c, results)])
    print(f"  record-level disagreements: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
