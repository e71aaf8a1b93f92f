"""Report downloads: the internal report (admin, analyst, head of service) and the public one (every signed-in
role), as HTML, PDF or XLSX.

All six files are built in the background after each load (``casewatch.web.report_jobs``: one job, the figures
worked out once per audience) into a cache beside the app database, keyed by the analytics file's signature
(inode, modification time, size), the council and the standards, so a new load gets new reports. The reports
page shows the job's progress (with htmx its status region asks again every few seconds; without, the page
refreshes itself) and the download links once the files are there. A download asked for before then waits for
that job; it never starts a second one. Every download is audited.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from casewatch.web import report_jobs
from casewatch.web.audit import record
from casewatch.web.permissions import REPORT_AUDIENCES, REPORT_FORMATS, report_allowed
from casewatch.web.principal import principal
from casewatch.web.source import Source, current
from casewatch.web.views.casework import fragment_wanted, htmx_vendored
from casewatch.words import day

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The report's HTML carries its own <style> and inline SVG charts; it is served as a sandboxed document with a
# policy of its own: no script at all, styles only from itself.
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

POLL_SECONDS = 3


def cache_root() -> Path:
    return Path(settings.WEB_DB).parent / "report-cache"


def cache_key(src: Source) -> str:
    ino, mtime, size = src.signature()
    council = "".join(c for c in (src.council or "default") if c.isalnum() or c in "-_")
    la = "".join(c for c in (getattr(src, "la", None) or "") if c.isalnum())
    from casewatch.web.casework import standards_in_force

    # the standards too: the report's caseload figures (the FTE shortfall at the cap) depend on them
    std = hashlib.sha256(standards_in_force()[1].encode()).hexdigest()[:12]
    return f"{council}{'-' + la if la else ''}-{ino}-{mtime}-{size}-{std}"


def reports(request):
    who = principal(request)
    src = current()
    ctx = src.context()
    job = report_jobs.ensure(src)
    audiences = [{"audience": a, "label": "Internal report" if a == "internal" else "Public report",
                  "formats": REPORT_FORMATS} for a in REPORT_AUDIENCES if report_allowed(a, who.role)]
    data = {"ctx": ctx, "audiences": audiences, "job": job, "poll": POLL_SECONDS, "data_to": day(ctx.data_to),
            "period_end": day(ctx.period_end)}
    if fragment_wanted(request):
        response = render(request, "casewatch/reports_status.html", data | {"htmx": True})
    else:
        htmx = htmx_vendored()
        response = render(request, "casewatch/reports.html", data | {"htmx": htmx})
        if not job.finished.is_set() and not htmx:
            response["Refresh"] = str(POLL_SECONDS)  # no JavaScript: the browser asks again itself
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    response["Cache-Control"] = "no-store"
    return response


def report_file(request, audience: str, fmt: str):
    if audience not in REPORT_AUDIENCES or fmt not in REPORT_FORMATS:
        raise Http404("no such report")
    who = principal(request)
    if not report_allowed(audience, who.role):
        record(request, "denied_report", detail=f"{audience} {fmt}")
        raise PermissionDenied
    src = current()
    path = report_jobs.wait_for(src, audience, fmt)
    record(request, "download_report", detail=f"{audience} {fmt}")
    ctx = src.context()
    name = f"casewatch-{audience}-report-{ctx.period_end.isoformat()}.{fmt}"
    response = FileResponse(path.open("rb"), as_attachment=fmt != "html", filename=name,
                            content_type=CONTENT_TYPES[fmt])
    if fmt == "html":
        response["Content-Security-Policy"] = REPORT_CSP
    return response
