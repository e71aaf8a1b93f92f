"""Report downloads: who may have which audience, the cache and its lock, content types, and the audit."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from django.urls import reverse

from casewatch.web.models import AuditEvent
from casewatch.web.views import reports


@pytest.fixture
def fake_reports(monkeypatch, tmp_path):
    """write_report replaced by a slow fake that counts its calls; the cache in a temporary directory."""
    import casewatch.outputs.report as report

    calls = []

    def fake(db_path, out_dir, period_end=None, council=None, la=None, audience="internal", formats=("html",),
             standards=None):
        calls.append((audience, formats))
        time.sleep(0.3)
        files = {}
        for fmt in formats:
            files[fmt] = Path(out_dir) / f"report.{fmt}"
            files[fmt].write_bytes(f"{audience} {fmt}".encode())
        return report.Written(None, files, {})

    monkeypatch.setattr(report, "write_report", fake)
    monkeypatch.setattr(reports, "cache_root", lambda: tmp_path / "cache")
    return calls


@pytest.mark.parametrize("role", ["team_manager", "social_worker", "member"])
def test_internal_report_is_refused_and_public_allowed(world, as_role, fake_reports, role):
    client = as_role(role)
    assert client.get(reverse("report_file", args=["internal", "pdf"])).status_code == 403
    assert AuditEvent.objects.first().action == "denied_report"
    page = client.get(reverse("reports"))
    assert page.status_code == 200
    assert reverse("report_file", args=["internal", "html"]) not in page.content.decode()
    assert reverse("report_file", args=["public", "xlsx"]) in page.content.decode()
    response = client.get(reverse("report_file", args=["public", "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == reports.CONTENT_TYPES["xlsx"]


@pytest.mark.parametrize("role", ["admin", "analyst", "head_of_service"])
def test_internal_report_for_the_whole_service(world, as_role, fake_reports, role):
    response = as_role(role).get(reverse("report_file", args=["internal", "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"internal pdf"
    event = AuditEvent.objects.first()
    assert (event.action, event.detail, event.username) == ("download_report", "internal pdf", f"u_{role}")


def test_unknown_audience_or_format(world, as_role, fake_reports):
    assert as_role("admin").get(reverse("report_file", args=["secret", "pdf"])).status_code == 404
    assert as_role("admin").get(reverse("report_file", args=["public", "docx"])).status_code == 404
    assert fake_reports == []


def test_generated_once_even_when_asked_twice_at_once(world, fake_reports):
    from casewatch.web.source import current

    src = current()
    out = []
    threads = [threading.Thread(target=lambda: out.append(reports.generate(src, "public", "xlsx"))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fake_reports == [("public", ("xlsx",))]
    assert len(set(out)) == 1 and out[0].read_bytes() == b"public xlsx"
    assert src.signature()[0] and str(src.signature()[0]) in str(out[0])
    reports.generate(src, "public", "xlsx")
    assert len(fake_reports) == 1


def test_real_public_html_report(world, as_role):
    """write_report for real (the public HTML): served inline, sandboxed, no unrounded team table."""
    response = as_role("member").get(reverse("report_file", args=["public", "html"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "attachment" not in response.get("Content-Disposition", "")
    assert "sandbox" in response["Content-Security-Policy"] and "script-src" not in response["Content-Security-Policy"]
    body = b"".join(response.streaming_content).decode()
    assert "<html" in body.lower()
    assert AuditEvent.objects.first().action == "download_report"
