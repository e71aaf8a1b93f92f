"""Report downloads: the internal report (admin, analyst, head of service) and the public one (every signed-in
role), as HTML, PDF or XLSX.

A report is generated on its first request by ``casewatch.outputs.report.write_report`` into a cache beside the
app database, keyed by the analytics file's signature (inode, modification time, size), the council and the
standards, so a new load gets new reports. One lock per file: two simultaneous requests for the same report
generate it once. Every download is audited.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render

from casewatch.web.audit import record
from casewatch.web.permissions import REPORT_AUDIENCES, REPORT_FORMATS, report_allowed
from casewatch.web.principal import principal
from casewatch.web.source import Source, current

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The report's HTML carries its own <style> and inline SVG charts; it is served as a sandboxed document with a
# policy of its own: no script at all, styles only from itself.
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

_locks: dict[tuple, threading.Lock] = {}
_locks_lock = threading.Lock()


def cache_root() -> Path:
    return Path(settings.WEB_DB).parent / "report-cache"


def _key(src: Source) -> str:
    ino, mtime, size = src.signature()
    council = "".join(c for c in (src.council or "default") if c.isalnum() or c in "-_")
    from casewatch.web.casework import local_standards

    # the standards file too: the report's caseload figures (the FTE shortfall at the cap) depend on it
    std = hashlib.sha256(json.dumps(local_standards(), sort_keys=True).encode()).hexdigest()[:12]
    return f"{council}-{ino}-{mtime}-{size}-{std}"


def _lock(key: tuple) -> threading.Lock:
    with _locks_lock:
        return _locks.setdefault(key, threading.Lock())


def generate(src: Source, audience: str, fmt: str) -> Path:
    """The cached report file, written on first request (under a lock, into a temporary directory then moved
    into place, so a half-written file is never served)."""
    from casewatch.outputs.report import write_report
    from casewatch.web.casework import local_standards

    key = _key(src)
    target = cache_root() / key / audience / f"report.{fmt}"
    if target.is_file():
        return target
    with _lock((key, audience, fmt)):
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{fmt}-", dir=target.parent))
        try:
            written = write_report(src.path, work, council=src.council, audience=audience, formats=(fmt,),
                                   standards=local_standards())
            Path(written.files[fmt]).replace(target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return target


def reports(request):
    who = principal(request)
    ctx = current().context()
    audiences = [{"audience": a, "label": "Internal report" if a == "internal" else "Public report",
                  "formats": REPORT_FORMATS} for a in REPORT_AUDIENCES if report_allowed(a, who.role)]
    return render(request, "casewatch/reports.html", {"ctx": ctx, "audiences": audiences})


def report_file(request, audience: str, fmt: str):
    if audience not in REPORT_AUDIENCES or fmt not in REPORT_FORMATS:
        raise Http404("no such report")
    who = principal(request)
    if not report_allowed(audience, who.role):
        record(request, "denied_report", detail=f"{audience} {fmt}")
        raise PermissionDenied
    src = current()
    path = generate(src, audience, fmt)
    record(request, "download_report", detail=f"{audience} {fmt}")
    ctx = src.context()
    name = f"casewatch-{audience}-report-{ctx.period_end.isoformat()}.{fmt}"
    response = FileResponse(path.open("rb"), as_attachment=fmt != "html", filename=name,
                            content_type=CONTENT_TYPES[fmt])
    if fmt == "html":
        response["Content-Security-Policy"] = REPORT_CSP
    return response
