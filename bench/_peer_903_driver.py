"""Runs inside the peers' venv (never imported by casewatch): csc-validator-be-903 on one year's 903 CSVs.

Usage: peers/bin/python _peer_903_driver.py YEAR FILE... ; prints JSON {"errors_by_rule": {...}, "seconds": s}.
Called the way the package's own `run-offline` command calls it (LacValidator with the year's registry).
"""

import importlib
import json
import logging
import re
import sys
import time
from collections import Counter

from lac_validator import lac_validator
from lac_validator.utils import process_uploaded_files

year = int(sys.argv[1])
files = sys.argv[2:]
counts: Counter = Counter()


class _Count(logging.Handler):
    """The validator logs 'Error code X found N errors' for each rule: that is its own per-rule count."""

    def emit(self, record):
        m = re.match(r"Error code (\S+) found (\d+) errors", record.getMessage())
        if m:
            counts[m.group(1)] += int(m.group(2))


logging.getLogger("lac_validator").addHandler(_Count())
logging.getLogger("lac_validator").setLevel(logging.INFO)
started = time.perf_counter()
ruleset = f"lac{year - 1}_{year % 100:02d}"
registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
v = lac_validator.LacValidator(metadata={"collectionYear": str(year), "localAuthority": "E09000027"},
                               files=process_uploaded_files({"This year": files}), registry=registry,
                               selected_rules=None)
print(json.dumps({"ruleset": ruleset, "errors_by_rule": dict(counts), "seconds": time.perf_counter() - started,
                  "rules": len(registry)}))
