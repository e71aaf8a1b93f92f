"""The scrutiny checker in the browser: upload an Ofsted report and the council's statement, see the findings.

Both documents are public; nothing here touches child data, so every signed-in role may use it (councillors
and scrutiny officers most of all). Uploads are parsed in a child process (``casewatch.cli_scrutiny``) with a
time limit, so a broken or hostile PDF can cost that process, never the dashboard; they are written to a
private temporary folder and deleted when the answer is back.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from casewatch.scrutiny.report import GRADES

MAX_REPORT = 25 * 1024 * 1024
MAX_STATEMENT = 2 * 1024 * 1024
TIME_LIMIT = 90  # seconds: a 46-page report takes about 1 s
STATEMENT_TYPES = (".txt", ".html", ".htm", ".docx")


@require_http_methods(["GET", "POST"])
def scrutiny(request):
    context = {"grades": GRADES, "errors": [], "result": None, "previous": request.POST.get("previous", "")}
    if request.method == "POST":
        errors, files = _uploads(request)
        context["errors"] = errors
        if not errors:
            result, error = _check(files, context["previous"])
            context["result"], context["errors"] = result, [error] if error else []
    return render(request, "casewatch/scrutiny.html", context)


def _uploads(request) -> tuple[list[dict], dict]:
    errors, files = [], {}
    report = request.FILES.get("report")
    if report is None:
        errors.append({"field": "report", "text": "Choose the Ofsted report (PDF or text)"})
    elif report.size > MAX_REPORT:
        errors.append({"field": "report", "text": "The report must be smaller than 25 MB"})
    elif Path(report.name).suffix.lower() not in (".pdf", ".txt"):
        errors.append({"field": "report", "text": "The report must be a PDF or a .txt file"})
    else:
        files["report"] = (Path(report.name).suffix.lower(), report)
    statement, pasted = request.FILES.get("statement"), request.POST.get("statement_text", "").strip()
    if statement is not None:
        if statement.size > MAX_STATEMENT:
            errors.append({"field": "statement", "text": "The statement must be smaller than 2 MB"})
        elif Path(statement.name).suffix.lower() not in STATEMENT_TYPES:
            errors.append({"field": "statement", "text": "The statement must be .txt, .html or .docx"})
        else:
            files["statement"] = (Path(statement.name).suffix.lower(), statement)
    elif pasted:
        files["statement"] = (".txt", pasted.encode("utf-8")[:MAX_STATEMENT])
    else:
        errors.append({"field": "statement", "text": "Choose the statement's file or paste its text"})
    if request.POST.get("previous") and request.POST["previous"] not in GRADES:
        errors.append({"field": "previous", "text": "Choose a judgement from the list, or leave it blank"})
    return errors, files


def _check(files: dict, previous: str) -> tuple[dict | None, dict | None]:
    with tempfile.TemporaryDirectory(prefix="casewatch-scrutiny-") as tmp:
        paths = {}
        for name, (suffix, content) in files.items():
            path = Path(tmp) / f"{name}{suffix}"
            with path.open("wb") as f:
                if isinstance(content, bytes):
                    f.write(content)
                else:
                    for chunk in content.chunks():
                        f.write(chunk)
            paths[name] = path
        argv = [sys.executable, "-m", "casewatch.cli", "scrutiny", "--report", str(paths["report"]),
                "--statement", str(paths["statement"]), "--format", "json"]
        if previous:
            argv += ["--previous-judgement", previous]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=TIME_LIMIT, cwd=tmp)
        except subprocess.TimeoutExpired:
            return None, {"field": "report", "text": f"The documents took longer than {TIME_LIMIT} seconds to read"}
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "it could not be read"
        reason = reason.removeprefix("casewatch: ").replace(str(paths["report"]), "the report") \
            .replace(str(paths["statement"]), "the statement")
        return None, {"field": "report", "text": reason[:300]}
    return json.loads(done.stdout), None
