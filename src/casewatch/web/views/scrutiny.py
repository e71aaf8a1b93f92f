"""The scrutiny checker in the browser: upload an Ofsted report and the council's statement, see the findings.

Both documents are public; nothing here touches child data, so every signed-in role may use it (councillors
and scrutiny officers most of all). Uploads are written to a private temporary folder, checked in a child
process under hard limits (``casewatch.scrutiny.limits``: address space, CPU seconds, a wall-clock limit, and
the readers' limits on unpacked size, pages and text) and deleted when the answer is back. At most AT_ONCE
checks run at once in a server process and at most WAITING wait up to QUEUE_WAIT seconds for a turn (on nothing
but that semaphore): 2 and 2 on the default 16 request threads, never more than a quarter of them and never all
(``limits.shares``), so no other page waits for a thread. Each refusal is a page in plain words with its own HTTP status: 413 too big, 422
could not be read (or needed too much memory or time), 503 busy.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from casewatch.scrutiny import limits
from casewatch.scrutiny.report import GRADES

log = logging.getLogger("casewatch.web.scrutiny")

MAX_REPORT = 25 * 1024 * 1024
MAX_STATEMENT = 2 * 1024 * 1024
STATEMENT_TYPES = (".txt", ".html", ".htm", ".docx")
AT_ONCE, WAITING = limits.shares(settings.CASEWATCH_SERVER_THREADS)  # 2 and 2 on the default 16 threads
_turns = threading.BoundedSemaphore(max(AT_ONCE, 1))
_queue = threading.BoundedSemaphore(max(AT_ONCE + WAITING, 1))  # running or waiting

BUSY = (f"The checker is busy: {AT_ONCE} other check{'s are' if AT_ONCE != 1 else ' is'} running. Try again in a "
        "minute; nothing you sent was kept.")
TOO_LONG = (f"The documents took longer than the checker allows ({limits.CPU_SECONDS} seconds of work, "
            f"{limits.WALL_SECONDS} seconds in all); a real report is checked in a few seconds. Check you chose the "
            "inspection report and the statement, not another file.")
GB = f"{limits.ADDRESS_SPACE / 1024 ** 3:.1f} GB"
TOO_MUCH_MEMORY = (f"The documents needed more memory than the checker allows ({GB}); a real report needs under a "
                   "third of that. A file may be damaged or made to overload the "
                   "checker: download it again from where it was published.")
STOPPED = ("The checker stopped while reading the documents: they needed more memory than it allows "
           f"({GB}) or are damaged. Download them again from where they were "
           "published.")


@require_http_methods(["GET", "POST"])
def scrutiny(request):
    context = {"grades": GRADES, "errors": [], "result": None, "previous": request.POST.get("previous", ""),
               "limits": {"pages": limits.MAX_PAGES, "at_once": AT_ONCE, "wait": limits.QUEUE_WAIT}}
    status = 200
    if request.method == "POST":
        errors, files = _uploads(request)
        context["errors"] = errors
        if not errors:
            result, error, status = _in_turn(files, context["previous"])
            context["result"], context["errors"] = result, [error] if error else []
    response = render(request, "casewatch/scrutiny.html", context, status=status)
    if status == 503:
        response["Retry-After"] = "60"
    return response


def _in_turn(files: dict, previous: str) -> tuple[dict | None, dict | None, int]:
    """The check when its turn comes, or the busy page: at once when the queue is full, else after QUEUE_WAIT."""
    if not _queue.acquire(blocking=False):
        log.warning("statement check refused: busy (%d running, %d waiting)", AT_ONCE, WAITING)
        return None, {"field": "report", "text": BUSY}, 503
    try:
        if not _turns.acquire(timeout=limits.QUEUE_WAIT):
            log.warning("statement check refused: busy (no turn in %d s)", limits.QUEUE_WAIT)
            return None, {"field": "report", "text": BUSY}, 503
        try:
            return _check(files, previous)
        finally:
            _turns.release()
    finally:
        _queue.release()


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


def _check(files: dict, previous: str) -> tuple[dict | None, dict | None, int]:
    """(the findings, None, 200), or (None, the error, its HTTP status)."""
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
        argv = [sys.executable, "-c", limits.CHILD, "scrutiny", "--report", str(paths["report"]),
                "--statement", str(paths["statement"]), "--format", "json"]
        if previous:
            argv += ["--previous-judgement", previous]
        code, out, err, seconds, peak = _run(argv, Path(tmp))
    outcome = _outcome(code, err, paths, peak)
    log.log(logging.INFO if outcome is None else logging.WARNING, "statement check %s in %.1f s, peak memory %s MB",
            "done" if outcome is None else f"refused ({outcome[2]})", seconds, "?" if peak is None else peak)
    if outcome is None:
        return json.loads(out), None, 200
    text, field, _, status = outcome
    return None, {"field": field, "text": text}, status


def _run(argv: list[str], tmp: Path) -> tuple[int, str, str, float, int | None]:
    """Run the child to its end or the wall-clock limit: (exit code, stdout, stderr, seconds, peak resident MB).
    Its output goes to files, so no pipe can fill and stall it."""
    start = time.monotonic()
    env = {**os.environ, **limits.CHILD_ENVIRONMENT}
    with open(tmp / "out", "w+b") as out, open(tmp / "err", "w+b") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=tmp, env=env)
        code, peak = _wait(proc, start + limits.WALL_SECONDS)
        out.seek(0)
        err.seek(0)
        return code, out.read().decode("utf-8"), err.read().decode("utf-8", "replace"), \
            time.monotonic() - start, peak


def _wait(proc: subprocess.Popen, deadline: float) -> tuple[int | None, int | None]:
    """The child's exit code (None when the wall-clock limit stopped it) and its peak resident memory in MB,
    the high-water mark Linux keeps for it (/proc/PID/status VmHWM), read at each look until it ends."""
    peak = None
    while True:
        now = _high_water(proc.pid)  # Popen returns once the child has started the new program: its own memory
        peak = peak if now is None else max(peak or 0, now)
        try:
            return proc.wait(0.05), peak
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                return None, peak


def _high_water(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((int(line.split()[1]) // 1024 for line in f if line.startswith("VmHWM:")), None)
    except OSError:  # not Linux, or already gone
        return None


def _outcome(code: int | None, err: str, paths: dict, peak: int | None) -> tuple[str, str, str, int] | None:
    """None when the check succeeded, else (the words for the page, the field, the limit's name, HTTP status).
    A crash with the memory in use past half the cap is the cap reached inside PDFium (it aborts)."""
    if code == 0:
        return None
    if code is None or code in (-getattr(signal, "SIGXCPU", 24), -getattr(signal, "SIGKILL", 9)):
        return TOO_LONG, "report", "took too long", 422
    if "MemoryError" in err or (code < 0 and peak is not None and peak * limits.MB > limits.ADDRESS_SPACE / 2):
        return TOO_MUCH_MEMORY, "report", "needed too much memory", 422
    if code < 0:  # a crash: a damaged file, or the cap reached early
        return STOPPED, "report", "stopped by a signal", 422
    reason = err.strip().splitlines()[-1] if err.strip() else "it could not be read"
    field = "statement" if str(paths["statement"]) in reason else "report"
    reason = reason.removeprefix("casewatch: ").replace(str(paths["report"]), "The report") \
        .replace(str(paths["statement"]), "The statement")
    for limit in (limits.TOO_BIG, limits.TOO_MANY_PAGES, limits.TOO_MUCH_TEXT):
        if limit in reason:
            return _plainly(field, reason, limit), field, limit, 413
    return reason[:300], field, "could not be read", 422


def _plainly(field: str, reason: str, limit: str) -> str:
    """A limit's refusal for a councillor: which document, what is wrong with it, and what to do."""
    what = reason.split(f"{limit}: ", 1)[-1]
    document = "The report" if field == "report" else "The statement"
    verb = {limits.TOO_BIG: "is too big when unpacked", limits.TOO_MANY_PAGES: "has too many pages",
            limits.TOO_MUCH_TEXT: "has too much text"}[limit]
    advice = ("Check you chose the inspection report, and download it again from Ofsted's website."
              if field == "report" else "Check you chose the council's statement about this inspection, or paste "
              "its text into the box instead.")
    return f"{document} {verb}: {what}. {advice}"[:500]
