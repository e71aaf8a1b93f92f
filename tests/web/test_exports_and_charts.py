"""The action lists as XLSX, and the indicator page's trend chart."""

from __future__ import annotations

import io
import re

import openpyxl
from django.urls import reverse

from casewatch.web import figures
from casewatch.web.models import AuditEvent
from casewatch.web.views import casework as casework_views


def _sheet(response):
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return list(book.worksheets[0].iter_rows(values_only=True))


def test_lists_xlsx_matches_csv_and_is_audited(world, as_role):
    for role in ("head_of_service", "team_manager", "social_worker"):
        client = as_role(role)
        csv_rows = client.get(reverse("lists_csv")).content.decode().strip().splitlines()
        response = client.get(reverse("lists_xlsx"))
        assert response.status_code == 200
        assert response["Content-Type"] == casework_views.XLSX
        assert response["Content-Disposition"].startswith('attachment; filename="actions-')
        rows = _sheet(response)
        assert rows[0] == casework_views.FIELDS
        assert len(rows) == len(csv_rows)
        event = AuditEvent.objects.first()
        assert (event.action, event.username) == ("export_list", f"u_{role}")
        assert event.detail.endswith("as XLSX")
    assert as_role("member").get(reverse("lists_xlsx")).status_code == 403
    page = as_role("analyst").get(reverse("lists") + "?list=&team=").content.decode()
    assert reverse("lists_xlsx") in page


def test_lists_xlsx_neutralises_formulas(world, as_role, monkeypatch):
    from casewatch.web.source import current

    ctx = current().context()
    row = {k: "x" for k in casework_views.FIELDS} | {
        "what": "=HYPERLINK(\"http://evil\",\"x\")", "worker": "+1+1", "team": "-2", "rule": "@SUM(A1)",
        "days_overdue": 3}
    monkeypatch.setattr(casework_views.casework, "action_rows", lambda *a, **k: (ctx, [row]))
    rows = _sheet(as_role("admin").get(reverse("lists_xlsx")))
    got = dict(zip(casework_views.FIELDS, rows[1], strict=True))
    assert got["what"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert (got["worker"], got["team"], got["rule"], got["days_overdue"]) == ("'+1+1", "'-2", "'@SUM(A1)", 3)


def test_indicator_chart(world, as_role):
    response = as_role("analyst").get(reverse("indicator", args=[world.indicator]))
    assert response.status_code == 200
    chart = response.context["chart"]
    assert chart and chart["alt"]
    page = response.content.decode()
    figure = page[page.index("<figure"):page.index("</figure>")]
    assert 'role="img"' in figure and "aria-label=" in figure and "<figcaption" in figure
    assert "style=" not in figure and "<script" not in figure.lower()


def test_member_chart_uses_disclosure_controlled_figures(world, as_role):
    response = as_role("member").get(reverse("indicator", args=[world.indicator]))
    assert response.status_code == 200
    chart = response.context["chart"]
    shown = {p["period_end"].year: p["value"] for p in response.context["periods"]
             if isinstance(p["value"], int | float)}
    assert chart is not None and shown, "the synthetic council has publishable figures to chart"
    ours = chart["alt"].split("This council", 1)[1].split(". England", 1)[0]
    charted = {int(y): float(v) for y, v in re.findall(r"(\d{4}): ([-\d.]+)", ours)}
    assert charted == {y: float(v) for y, v in shown.items()}
    assert all(v % 5 == 0 for v in charted.values()), "member counts are rounded to 5"


def test_safe_svg_strips_styles_and_refuses_script():
    assert figures.safe_svg('<svg><g style="fill: red"><rect/></g></svg>') == "<svg><g><rect/></g></svg>"
    assert figures.safe_svg("<svg><script>alert(1)</script></svg>") is None
    assert figures.safe_svg('<svg><rect onload="x()"/></svg>') is None
    assert figures.safe_svg("<svg><style>rect{}</style></svg>") is None
