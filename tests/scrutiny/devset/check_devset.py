#!/usr/bin/env python3
"""Consistency checker for the scrutiny development set (plain script, not a pytest test).

For every ``<report-stem>__<kind>.json`` in this directory it loads the report text
(``pdftotext`` of the PDF when available, otherwise ``reports/<stem>.txt.gz``),
normalises whitespace, and verifies that:

* every ``omitted.must_flag`` / ``omitted.must_not_flag`` substring and every
  altered quote's ``report_text`` occurs verbatim in the report text;
* every ``verbatim`` quote occurs in the report ignoring case, punctuation and
  whitespace differences, and every ``altered`` / ``not_in_report`` quote does NOT;
* every claim/quote ``contains`` occurs in the statement exactly once;
* for quotes, ``contains`` lies inside a '...' quoted span of the statement, and the
  whole quoted span is the unit checked against the report;
* 5-12 sentences after the headline; 3-6 must_flag and at most 3 must_not_flag;
* kinds, verdicts, statuses and judgement changes use the allowed values.

Usage: python3 tests/scrutiny/devset/check_devset.py [--pdf-dir DIR] [--write-texts]
  --write-texts  (re)write reports/<stem>.txt.gz from the PDFs (casewatch.scrutiny.text.plain_text).
Exit status 0 when everything passes.
"""
import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PDF_DIR = "/work/shared/reference/ofsted/reports"
KINDS = {"accurate", "positive_spin", "selective_quotation", "altered_quote"}
VERDICTS = {"supported", "unsupported", "contradicted"}
STATUSES = {"verbatim", "altered", "not_in_report"}
CHANGES = {"down", "up", "same"}
JUDGEMENTS = {None, "outstanding", "good", "requires improvement", "inadequate"}
# report quotations in the statements are delimited by ASCII single quotes;
# apostrophes inside the statements are written as U+2019.
QUOTE_RE = re.compile(r"'([^']+)'")


def ws(text):
    return re.sub(r"\s+", " ", text).strip()


def loose(text):
    """Lower-case, drop punctuation (incl. curly quotes), collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(ch if (ch.isalnum() or ch.isspace()) else " " for ch in text)
    return ws(text)


def report_text(stem, pdf_dir):
    pdf = os.path.join(pdf_dir, stem + ".pdf")
    if os.path.exists(pdf):
        out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout
        return ws(out.decode("utf-8", "replace")), "pdf"
    gz = os.path.join(HERE, "reports", stem + ".txt.gz")
    with gzip.open(gz, "rt", encoding="utf-8") as f:
        return ws(f.read()), "gz"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf-dir", default=DEFAULT_PDF_DIR)
    ap.add_argument("--write-texts", action="store_true")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(HERE, "*__*.json")))
    errors, cache = [], {}
    kinds, verdicts, statuses = Counter(), Counter(), Counter()
    n_flag = n_noflag = 0
    for path in files:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            d = json.load(f)

        def err(m, name=name):
            errors.append(f"{name}: {m}")
        stem, kind = d["report"], d["kind"]
        if name != f"{stem}__{kind}.json":
            err("file name does not match report/kind")
        if kind not in KINDS:
            err(f"bad kind {kind}")
        kinds[kind] += 1
        if d.get("previous_judgement") not in JUDGEMENTS:
            err(f"bad previous_judgement {d.get('previous_judgement')!r}")
        if stem not in cache:
            cache[stem] = report_text(stem, args.pdf_dir)
            if args.write_texts and cache[stem][1] == "pdf":
                # the saved text is what casewatch itself reads from the PDF (PDFium, line breaks kept), so that
                # the scrutiny tests parse it as they would the PDF
                from casewatch.scrutiny.text import plain_text

                os.makedirs(os.path.join(HERE, "reports"), exist_ok=True)
                text = plain_text(os.path.join(args.pdf_dir, stem + ".pdf"))
                with open(os.path.join(HERE, "reports", stem + ".txt.gz"), "wb") as f:
                    f.write(gzip.compress(text.encode("utf-8"), mtime=0))
        rep, _src = cache[stem]
        rep_loose = loose(rep)
        st = d["statement"]
        exp = d["expected"]
        if exp["judgement_change"] not in CHANGES:
            err(f"bad judgement_change {exp['judgement_change']}")
        body = st.split("\n\n", 1)[-1]  # first paragraph is the headline line
        n_sent = len(re.findall(r"[.!?][\"'’]*(\s|$)", body))
        if not 5 <= n_sent <= 12:
            err(f"statement body has ~{n_sent} sentence ends (want 5-12)")
        spans = [m for m in QUOTE_RE.finditer(st)]
        labelled_spans = set()
        for c in exp["claims"]:
            if c["verdict"] not in VERDICTS:
                err(f"bad verdict {c['verdict']}")
            verdicts[c["verdict"]] += 1
            k = st.count(c["contains"])
            if k != 1:
                err(f"claim contains occurs {k}x in statement: {c['contains']!r}")
        for q in exp["quotes"]:
            if q["status"] not in STATUSES:
                err(f"bad status {q['status']}")
            statuses[q["status"]] += 1
            k = st.count(q["contains"])
            if k != 1:
                err(f"quote contains occurs {k}x in statement: {q['contains']!r}")
                continue
            pos = st.index(q["contains"])
            span = [m for m in spans if m.start(1) <= pos and pos + len(q["contains"]) <= m.end(1)]
            if len(span) != 1:
                err(f"quote contains not inside one '...' span: {q['contains']!r}")
                continue
            labelled_spans.add(span[0].start())
            quoted = span[0].group(1)
            found = loose(quoted) in rep_loose
            if q["status"] == "verbatim":
                if not found:
                    err(f"verbatim quote not in report: {quoted!r}")
                if q.get("report_text") is not None:
                    err(f"verbatim quote should have report_text null: {quoted!r}")
            else:
                if found:
                    err(f"{q['status']} quote IS in report: {quoted!r}")
                if q["status"] == "altered":
                    rt = q.get("report_text")
                    if not rt or ws(rt) not in rep:
                        err(f"altered report_text not verbatim in report: {rt!r}")
                elif q.get("report_text") is not None:
                    err(f"not_in_report quote should have report_text null: {quoted!r}")
        for m in spans:
            if m.start() not in labelled_spans:
                err(f"quoted span has no quote label: {m.group(1)!r}")
        om = exp["omitted"]
        for key in ("must_flag", "must_not_flag"):
            for s in om[key]:
                if ws(s) not in rep:
                    err(f"{key} substring not verbatim in report: {s!r}")
        if not 3 <= len(om["must_flag"]) <= 6:
            err(f"must_flag has {len(om['must_flag'])} entries (want 3-6)")
        if len(om["must_not_flag"]) > 3:
            err(f"must_not_flag has {len(om['must_not_flag'])} entries (want at most 3)")
        if set(om["must_flag"]) & set(om["must_not_flag"]):
            err("must_flag and must_not_flag overlap")
        n_flag += len(om["must_flag"])
        n_noflag += len(om["must_not_flag"])

    print(f"files: {len(files)}  reports: {len(cache)}  (text source: "
          + ", ".join(f"{k}={v}" for k, v in Counter(s for _, s in cache.values()).items()) + ")")
    print("statements by kind:", dict(sorted(kinds.items())))
    print("claims by verdict:", dict(sorted(verdicts.items())), "total", sum(verdicts.values()))
    print("quotes by status:", dict(sorted(statuses.items())), "total", sum(statuses.values()))
    print(f"must_flag: {n_flag}  must_not_flag: {n_noflag}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
