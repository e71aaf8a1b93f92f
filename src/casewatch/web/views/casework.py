"""Teams and caseloads, and the action lists (page and CSV export): child- and worker-level, scoped."""

from __future__ import annotations

import io

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from casewatch import words
from casewatch.lists.define import LISTS
from casewatch.outputs.safefile import csv_writer, xlsx_workbook
from casewatch.web import casework, figures
from casewatch.web.audit import record
from casewatch.web.principal import principal
from casewatch.web.source import current

HTMX = "vendor/htmx.min.js"  # `make setup`
FIELDS = ("list", "child", "team", "worker", "what", "due_date", "days_overdue", "rule", "basis")


def teams(request):
    who = principal(request)
    src = current()
    ctx, data = casework.caseloads(src, who)  # workers carry worker_name and team_name (workforce.pressure)
    chart = src.memo(("caseload-chart", tuple(w["worker"] for w in data["workers"])),
                     lambda: figures.caseload_chart(data["workers"], data["cap"]))
    return render(request, "casewatch/teams.html", {"ctx": ctx, **data, "chart": chart})


def _filters(request) -> dict:
    names = [n for n in request.GET.getlist("list") if n in LISTS]
    return {"names": names, "team": request.GET.get("team") or None, "worker": request.GET.get("worker") or None}


PAGE = 100  # rows a page shows: a long list is read a page at a time (and renders quickly)


def lists(request):
    who = principal(request)
    f = _filters(request)
    src = current()
    ctx, rows = casework.action_rows(src, who, f["names"], f["team"], f["worker"])
    record(request, "view_list", detail=f"{len(rows)} rows")
    teams = {k: v for k, v in casework.team_names(src).items() if who.reach == "all" or k in who.teams}
    pages = max(1, -(-len(rows) // PAGE))
    try:
        page = min(max(1, int(request.GET.get("page", "1"))), pages)
    except ValueError:
        page = 1
    query = request.GET.copy()
    query.pop("page", None)

    def link(n: int) -> str:
        q = query.copy()
        q["page"] = str(n)
        return q.urlencode()

    data = {
        "ctx": ctx, "rows": [_shown(r) for r in rows[(page - 1) * PAGE: page * PAGE]], "total": len(rows),
        "overdue": sum(1 for r in rows if r["days_overdue"] > 0),
        "due_week": sum(1 for r in rows if -7 <= r["days_overdue"] <= 0), "page": page,
        "pages": pages, "first": (page - 1) * PAGE + 1 if rows else 0, "last": min(page * PAGE, len(rows)),
        "prev": link(page - 1) if page > 1 else None, "next": link(page + 1) if page < pages else None,
        "filters": f, "lists": list(LISTS), "teams": teams, "query": query.urlencode()}
    if fragment_wanted(request):
        response = render(request, "casewatch/lists_results.html", data | {"fragment": True})
    else:
        response = render(request, "casewatch/lists.html", data | {"htmx": htmx_vendored()})
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    return response


def _shown(row: dict) -> dict:
    """A list row as a person reads it: "overdue by 3 days", "due today", "due in 5 days" (not a negative number
    of days overdue), the due date as 7 Apr 2026 (words.day_short) and the list's title, not its name."""
    n = row["days_overdue"]
    when = (f"overdue by {n} day{'s' if n != 1 else ''}" if n > 0 else "due today" if n == 0
            else f"due in {-n} day{'s' if n != -1 else ''}")
    title = LISTS[row["list"]].title if row.get("list") in LISTS else row.get("list")
    return row | {"when": when, "due": words.day_short(row["due_date"]), "list_title": title}


def fragment_wanted(request) -> bool:
    """An htmx request for a page's results region only (a history restore wants the whole page)."""
    return (request.headers.get("HX-Request") == "true"
            and request.headers.get("HX-History-Restore-Request") != "true")


def htmx_vendored() -> bool:
    """`make setup` copied htmx into web/static/vendor/: without it the pages are plain forms and links."""
    return (settings.STATIC_ROOT / HTMX).is_file()


def lists_csv(request):
    who = principal(request)
    f = _filters(request)
    ctx, rows = casework.action_rows(current(), who, f["names"], f["team"], f["worker"])
    record(request, "export_list", detail=f"{len(rows)} rows as CSV")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="actions-{ctx.data_to.isoformat()}.csv"'
    w = csv_writer(response, lineterminator="\n")  # text starting =, +, -, @ is quoted (outputs.safefile)
    w.writerow(FIELDS)
    for r in rows:
        w.writerow([r[k] for k in FIELDS])
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def lists_xlsx(request):
    """The same rows as the CSV export, as a spreadsheet: text is written as text (never as a formula or a
    link), and text starting =, +, -, @ is quoted as in the CSV."""
    who = principal(request)
    f = _filters(request)
    ctx, rows = casework.action_rows(current(), who, f["names"], f["team"], f["worker"])
    record(request, "export_list", detail=f"{len(rows)} rows as XLSX")
    buf = io.BytesIO()
    book = xlsx_workbook(buf, {"default_date_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet(f"actions {ctx.data_to:%d-%m-%Y}")
    sheet.write_row(0, 0, FIELDS, book.add_format({"bold": True}))
    for i, r in enumerate(rows, start=1):
        for j, k in enumerate(FIELDS):
            value = r[k]
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(i, j, value)
            else:
                sheet.write(i, j, value)
    sheet.autofilter(0, 0, max(len(rows), 1), len(FIELDS) - 1)
    sheet.freeze_panes(1, 0)
    book.close()
    response = HttpResponse(buf.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="actions-{ctx.data_to.isoformat()}.xlsx"'
    return response
