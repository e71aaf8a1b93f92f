"""Runs inside the peers' venv (never imported by casewatch): csc-validator-be-cin on one CIN census XML.

Usage: peers/bin/python _peer_cin_driver.py YEAR FILE ; prints JSON {"errors_by_rule": {...}, "seconds": s}.
Called the way the package's own `run` command calls it.
"""

import importlib
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter

from cin_validator import cin_validator

year, path = int(sys.argv[1]), sys.argv[2]
started = time.perf_counter()
ruleset = f"cin{year - 1}_{year % 100:02d}"
registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
data = cin_validator.process_data(cin_validator.convert_data(ET.parse(path).getroot()))
v = cin_validator.CinValidator(data, registry, selected_rules=None)
df = v.full_issue_df
counts = Counter(str(c) for c in df["rule_code"]) if len(df) and "rule_code" in df else Counter()
print(json.dumps({"ruleset": ruleset, "errors_by_rule": dict(counts), "seconds": time.perf_counter() - started,
                  "rules": len(registry)}))
