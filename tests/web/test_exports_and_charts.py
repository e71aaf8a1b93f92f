"""The action lists as XLSX; the indicator page's trend and funnel charts, the teams page's caseload chart and the
overview's five-year lines: each mark checked against the figures the page shows."""

from __future__ import annotations

import io
import re
from html import unescape

import openpyxl
import pytest
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


def _marks(svg) -> list[dict]:
    """The points a chart draws (Vega's symbol marks), each as its aria-label's fields."""
    out = []
    for group in re.findall(r'<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)</g>', str(svg), re.S):
        for label in re.findall(r'<path aria-label="([^"]*)"', group):
            out.append(dict(part.split(": ", 1) for part in unescape(label).split("; ")))
    return out


def _figure(page: str, fig_id: str) -> str:
    start = page.index(f'<figure class="cw-chart" id="{fig_id}">')
    return page[start:page.index("</figure>", start)]


@pytest.mark.parametrize("role", ["admin", "analyst", "head_of_service", "team_manager", "social_worker"])
def test_teams_chart_has_one_mark_per_worker_in_reach(world, as_role, role):
    response = as_role(role).get(reverse("teams"))
    assert response.status_code == 200
    workers, chart = response.context["workers"], response.context["chart"]
    assert workers and chart, f"the tiny council has workers in {role}'s reach"
    marks = _marks(chart["svg"])
    assert len(marks) == len(workers)
    assert sorted((m["team"], float(m["Weighted caseload"])) for m in marks) == sorted(
        (w["team_name"], w["weighted"]) for w in workers)
    over = [m for m in marks if m["where"] == "over own cap"]
    assert len(over) == sum(w["over_cap"] for w in workers)
    teams = {w["team_name"] for w in workers}
    n = len(workers)
    assert chart["alt"].startswith(f"Workers' weighted caseloads: {n} worker{'s' if n != 1 else ''} in "
                                   f"{len(teams)} team")
    assert f"the cap of {response.context['cap']:g} per full-time worker" in chart["alt"]
    figure = _figure(response.content.decode(), "cw-caseload-chart")
    assert 'role="img"' in figure and "<figcaption" in figure and "style=" not in figure
    if role == "team_manager":
        assert {w["team"] for w in workers} == {world.team}
    if role == "social_worker":
        assert [w["worker"] for w in workers] == [world.worker]


def test_member_gets_no_caseload_chart(world, as_role):
    response = as_role("member").get(reverse("teams"))
    assert response.status_code == 403 and b"cw-caseload-chart" not in response.content


FUNNEL = "re_referrals_12m_pct"  # a funnel indicator with team figures in the tiny council


def test_indicator_funnel_chart_for_staff_not_members(world, as_role):
    response = as_role("analyst").get(reverse("indicator", args=[FUNNEL]))
    funnel = response.context["funnel"]
    assert funnel is not None
    charted = {(m["n"], m["pct"]) for m in _marks(funnel["svg"])}
    shown = {(t["denominator"].replace(",", ""), t["value_text"].rstrip("%").removesuffix(".0"))
             for t in response.context["teams"] if t["team"] not in ("unallocated", "no team")
             and t["value_text"] != "-"}
    assert charted == shown and len(charted) >= 2
    assert funnel["alt"].startswith(f"{response.context['ind'].title}, by team: {len(charted)} teams")
    figure = _figure(response.content.decode(), "cw-funnel-chart")
    assert 'role="img"' in figure and "style=" not in figure
    member = as_role("member").get(reverse("indicator", args=[FUNNEL]))
    assert member.context["funnel"] is None and b"cw-funnel-chart" not in member.content
    plain = as_role("analyst").get(reverse("indicator", args=[world.indicator]))  # not a funnel indicator
    assert plain.context["funnel"] is None


@pytest.mark.parametrize("role", ["analyst", "member"])
def test_overview_five_year_lines_match_the_indicator_pages(world, as_role, role):
    client = as_role(role)
    response = client.get(reverse("overview"))
    rows = response.context["rows"]
    page = response.content.decode()
    assert page.count('<td class="govuk-table__cell cw-spark"><svg role="img"') == sum(bool(r["spark"]) for r in rows)
    for r in rows:
        periods = client.get(reverse("indicator", args=[r["id"]])).context["periods"]
        shown = {str(p["period_end"].year): float(p["value"]) for p in periods if isinstance(p["value"], int | float)}
        if len(shown) < 2:
            assert r["spark"] is None
            continue
        charted = {m["year"]: float(m["value"]) for m in _marks(r["spark"]["svg"])}
        assert charted == shown, r["id"]
        assert r["spark"]["alt"].endswith(f"{r['value']} in {max(shown)}"), r["spark"]["alt"]
    referrals = next(r for r in rows if r["id"] == "referrals")
    assert referrals["spark"] and len(_marks(referrals["spark"]["svg"])) == 5
    if role == "member":
        assert all(v % 5 == 0 for v in (float(m["value"]) for m in _marks(referrals["spark"]["svg"])))
