"""Data loads (admin, analyst, head of service): what each load read, loaded and quarantined, and the data
issues it found, as counts only.

The system tables live in the attached ``db`` schema, not in the council's scoped ``main`` views. ``data_issues``
and ``quarantine`` are child-level: this page never reads their child ids, row numbers, records or messages (a
message can repeat a value from the file); it counts rows by rule, severity, table and file, and takes each
rule's wording from the rule catalogue (``casewatch.rules.engine``), never from the data.
"""

from __future__ import annotations

from pathlib import PurePath

from django.shortcuts import render

from casewatch.web.source import Source, current

SYSTEM_TABLES = ("loads", "data_issues", "quarantine")


def rule_texts() -> dict[str, str]:
    """Each rule code's message as the catalogue words it (codes shared by two returns join their wordings)."""
    from casewatch.rules.engine import all_rules

    texts: dict[str, list[str]] = {}
    for r in all_rules():
        if r.message not in texts.setdefault(r.code, []):
            texts[r.code].append(r.message)
    return {code: " / ".join(msgs) for code, msgs in texts.items()}


def _file(path) -> str:
    return PurePath(path).name if path else "-"


def summary(src: Source) -> dict:
    def compute() -> dict:
        with src.connect() as (con, ctx):
            present = {r[0] for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'db'").fetchall()}
            loads, issues, quarantine = [], [], []
            if "loads" in present:
                rows = con.execute("""
                    SELECT load_id, loaded_at, table_name, source_file, rows_read, rows_loaded, rows_quarantined,
                           note FROM db.loads ORDER BY loaded_at DESC, load_id, table_name""").fetchall()
                by_load: dict[str, dict] = {}
                for load_id, at, table, source, read, loaded, quarantined, note in rows:
                    load = by_load.setdefault(load_id, {"load_id": load_id, "loaded_at": at, "tables": [],
                                                        "read": 0, "loaded": 0, "quarantined": 0})
                    load["tables"].append({"table": table, "file": _file(source), "read": read, "loaded": loaded,
                                           "quarantined": quarantined, "note": note or "",
                                           "reconciles": read == loaded + quarantined})
                    load["read"] += read
                    load["loaded"] += loaded
                    load["quarantined"] += quarantined
                for load in by_load.values():
                    load["reconciles"] = all(t["reconciles"] for t in load["tables"])
                loads = list(by_load.values())
            if "data_issues" in present:
                texts = rule_texts()
                issues = [{"rule": rule, "severity": severity, "table": table or "-", "count": n,
                           "text": texts.get(rule, "")}
                          for rule, severity, table, n in con.execute("""
                              SELECT rule, severity, table_name, count(*) FROM db.data_issues
                              GROUP BY ALL ORDER BY 4 DESC, 1, 2, 3""").fetchall()]
            if "quarantine" in present:
                quarantine = [{"table": table, "file": _file(source), "count": n}
                              for table, source, n in con.execute("""
                                  SELECT table_name, source_file, count(*) FROM db.quarantine
                                  GROUP BY ALL ORDER BY 3 DESC, 1, 2""").fetchall()]
        return {"ctx": ctx, "loads": loads, "issues": issues, "quarantine": quarantine,
                "issue_total": sum(i["count"] for i in issues),
                "quarantine_total": sum(q["count"] for q in quarantine), "missing": [
                    t for t in SYSTEM_TABLES if t not in present]}

    return src.memo(("loads-summary",), compute)


def loads(request):
    return render(request, "casewatch/loads.html", summary(current()))
