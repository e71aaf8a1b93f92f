"""The action lists with htmx: an htmx request gets the results region alone, from the same view as the page (so
the same permission check, the same scoping and the same audit row); every other request gets the whole page,
which works as a plain GET form and plain links. htmx is served by the app and configured within the CSP."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from casewatch.web.middleware import CSP
from casewatch.web.models import AuditEvent
from casewatch.web.views.casework import PAGE

HX = {"HTTP_HX_REQUEST": "true"}


def _table(html: str) -> str:
    return html[html.index('<table class="govuk-table" id="cw-actions">'):html.index("</table>") + len("</table>")]


def _body_rows(html: str) -> list[str]:
    table = _table(html)
    body = table[table.index("<tbody"):table.index("</tbody>")]
    return re.findall(r"<tr .*?</tr>", body, re.S)


def _audited(n: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("-id")[:n])[::-1]


@pytest.mark.parametrize(("role", "query"), [
    ("analyst", {}),
    ("analyst", {"list": "cin_visits"}),
    ("head_of_service", {"team": "team"}),  # the world's team
    ("team_manager", {}),
    ("social_worker", {}),
])
def test_htmx_request_gets_only_the_results_with_the_same_rows_and_is_audited(world, as_role, role, query):
    query = {k: (world.team if v == "team" else v) for k, v in query.items()}
    client = as_role(role)
    before = AuditEvent.objects.count()
    full = client.get(reverse("lists"), query)
    part = client.get(reverse("lists"), query, **HX)
    assert (full.status_code, part.status_code) == (200, 200)
    page, fragment = full.content.decode(), part.content.decode()

    assert "<html" in page and "govuk-header" in page and 'class="cw-filters"' in page
    for whole_page_only in ("<html", "<head", "<body", "govuk-header", "govuk-service-navigation", "<form",
                            "<h1", "<footer", "Sign out"):
        assert whole_page_only not in fragment, whole_page_only
    rows = full.context["rows"]
    assert rows, f"the tiny council has actions for {role} {query}"
    assert part.context["rows"] == rows and part.context["total"] == full.context["total"]
    assert _body_rows(fragment) == _body_rows(page) and len(_body_rows(fragment)) == len(rows)
    assert _table(fragment) == _table(page)
    children = re.findall(r'href="/children/([^/"]+)/"', _table(fragment))
    assert children == [r["child"] for r in rows]
    assert "HX-Request" in part["Vary"] and "HX-Request" in full["Vary"]
    assert part["Content-Security-Policy"] == CSP

    assert AuditEvent.objects.count() == before + 2
    seen_full, seen_part = _audited(2)
    for event in (seen_full, seen_part):
        assert (event.action, event.username, event.role) == ("view_list", f"u_{role}", role)
        assert event.detail == f"{full.context['total']} rows"
    assert seen_part.path == seen_full.path


def test_htmx_fragment_is_scoped_like_the_page(world, as_role):
    tm = as_role("team_manager")
    rows = tm.get(reverse("lists"), **HX).context["rows"]
    assert rows and {r["team"] for r in rows} == {world.team}
    other = next(t for t in as_role("analyst").get(reverse("lists")).context["teams"] if t != world.team)
    assert tm.get(reverse("lists"), {"team": other}, **HX).context["rows"] == []
    sw = as_role("social_worker").get(reverse("lists"), **HX).context["rows"]
    assert sw and {r["worker"] for r in sw} == {world.worker}


def test_htmx_requests_pass_the_permission_middleware(world, as_role):
    before = AuditEvent.objects.count()
    assert as_role("member").get(reverse("lists"), **HX).status_code == 403
    anonymous = as_role(None).get(reverse("lists"), **HX)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert AuditEvent.objects.count() == before


def test_history_restore_gets_the_whole_page(world, as_role):
    response = as_role("analyst").get(reverse("lists"), **HX, HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode() and 'class="cw-filters"' in response.content.decode()


def test_pages_work_without_javascript(world, as_role):
    client = as_role("analyst")
    page = client.get(reverse("lists")).content.decode()
    form = re.search(r'<form [^>]*class="cw-filters"[^>]*>', page, re.S).group(0)
    assert 'method="get"' in form and f'action="{reverse("lists")}"' in form
    assert f'hx-get="{reverse("lists")}"' in form and 'hx-target="#cw-results"' in form
    assert 'hx-push-url="true"' in form
    total = client.get(reverse("lists")).context["total"]
    assert total > PAGE, "the tiny council's actions fill two pages"
    nxt = re.search(r'<a [^>]*rel="next"[^>]*>', page).group(0)
    href = unescape(re.search(r'href="([^"]+)"', nxt).group(1))
    assert unescape(re.search(r'hx-get="([^"]+)"', nxt).group(1)) == href
    second = client.get(href)
    assert second.context["page"] == 2 and len(second.context["rows"]) == total - PAGE
    assert "<html" in second.content.decode() and 'class="cw-filters"' in second.content.decode()
    fragment = client.get(href, **HX)
    assert fragment.context["rows"] == second.context["rows"]


def test_htmx_is_local_and_configured_within_the_csp(world, as_role):
    client = as_role("analyst")
    response = client.get(reverse("lists"))
    page = response.content.decode()
    assert response["Content-Security-Policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
    scripts = re.findall(r"<script[^>]*>", page)
    assert all(" src=" in s for s in scripts), scripts  # no inline script
    assert '<script src="/static/vendor/htmx.min.js" defer>' in scripts
    assert not re.search(r"\sstyle=|<style|\shx-on|\shx-vars|\bjs:", page)
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page).group(1))
    assert config["includeIndicatorStyles"] is False and config["allowEval"] is False
    assert config["allowScriptTags"] is False and config["historyCacheSize"] == 0
    served = client.get("/static/vendor/htmx.min.js")
    assert served.status_code == 200 and "javascript" in served["Content-Type"]
    assert b'version:"2.' in b"".join(served.streaming_content)
    # only the page that uses it loads it
    assert "htmx" not in client.get(reverse("overview")).content.decode()
