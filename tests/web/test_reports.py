"""Report downloads: built for real by one background job per load (progress on the reports page while it runs),
then downloaded in well under 2 s; who may have which audience; content types and the audit."""

from __future__ import annotations

import re
import threading
import time

import pytest
from django.test import Client
from django.urls import reverse

from casewatch.web import report_jobs
from casewatch.web.models import AuditEvent
from casewatch.web.source import current
from casewatch.web.views import reports
from casewatch.words import day

BACKEND = "django.contrib.auth.backends.ModelBackend"
PROGRESS = re.compile(r"Building the reports for data to\s+(\d+ \w+ \d{4}):\s+(\d) of (\d) files done")


@pytest.fixture(scope="module")
def built(world, tmp_path_factory):
    """The six reports built once for this module by the real job, in a cache of its own; what the page said
    while the job ran (polled as htmx polls it), and a download asked for before the job was done."""
    root = tmp_path_factory.mktemp("report-cache")
    client = Client()
    client.force_login(world.users["analyst"], backend=BACKEND)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reports, "cache_root", lambda: root)
        council = reports.cache_key(current()).rsplit("-", 4)[0]
        stale = {"earlier load": root / f"{council}-1-2-3-0123456789ab",
                 "another council": root / f"{council}Z-1-2-3-0123456789ab"}
        for folder in stale.values():  # what earlier versions of the data left in the cache
            (folder / "public").mkdir(parents=True)
            (folder / "public" / "report.html").write_text("<p>an earlier report</p>")
        first = client.get(reverse("reports"))  # the first request after the load starts the job
        job = report_jobs.ensure(current())
        seen, early = [], []

        def download() -> None:  # a member asks for the public report while the job runs: it waits for it
            other = Client()
            other.force_login(world.users["member"], backend=BACKEND)
            early.append(b"".join(other.get(reverse("report_file", args=["public", "html"])).streaming_content))

        asker = threading.Thread(target=download)
        while not job.finished.wait(0.3):
            fragment = client.get(reverse("reports"), HTTP_HX_REQUEST="true").content.decode()
            seen += [(m.group(1), int(m.group(2)), int(m.group(3))) for m in PROGRESS.finditer(fragment)]
            if len(seen) == 2:
                asker.start()
        if asker.ident is None:  # the job was quicker than two polls: the download is then merely immediate
            asker.start()
        asker.join()
        yield {"first": first, "job": job, "seen": seen, "early": early[0], "client": client, "root": root,
               "stale": stale}


def test_a_finished_build_removes_the_same_council_s_earlier_reports(world, built):
    """The cache keeps one version per council: the earlier load's reports go once the new ones are all
    built; another council's stay."""
    assert built["job"].ready
    assert not built["stale"]["earlier load"].exists()
    assert (built["stale"]["another council"] / "public" / "report.html").is_file()
    assert sorted(p.name for p in built["root"].iterdir()) == sorted([built["job"].key,
                                                                      built["stale"]["another council"].name])


def test_the_page_shows_the_build_s_progress(world, built):
    first = built["first"]
    page = first.content.decode()
    m = PROGRESS.search(page)
    assert m and m.group(1) == day(world.data_to) and m.group(3) == "6", page
    assert 'hx-trigger="every 3s"' in page or first["Refresh"] == "3"  # it asks again by itself
    assert reverse("report_file", args=["internal", "pdf"]) not in page  # no links before the files are there
    counts = [n for _, n, _ in built["seen"]]
    assert counts == sorted(counts) and len(set(counts)) >= 3, counts  # it moves: 0, 1, 2 ... of 6
    assert built["job"].ready and built["job"].done == 6
    assert sorted(p.name for p in (built["root"] / built["job"].key).glob("*/report.*")) == sorted(
        f"report.{f}" for f in ("html", "pdf", "xlsx") * 2)


def test_a_download_asked_for_while_building_waits_for_that_job(world, built):
    assert built["early"].startswith(b"<!DOCTYPE html>") and b"Public report" in built["early"]
    assert report_jobs.ensure(current()) is built["job"]  # still the one job: no second build was started
    assert report_jobs._builds[(str(built["root"]), built["job"].key)] is built["job"]


def test_once_built_every_report_downloads_in_under_2_seconds(world, built):
    client = built["client"]
    page = client.get(reverse("reports")).content.decode()
    assert "Building" not in page and f"Reports for data to {day(world.data_to)}: ready." in page
    for audience in ("internal", "public"):
        for fmt, magic in (("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF"), ("xlsx", b"PK")):
            start = time.perf_counter()
            response = client.get(reverse("report_file", args=[audience, fmt]))
            body = b"".join(response.streaming_content)
            seconds = time.perf_counter() - start
            assert response.status_code == 200 and body.startswith(magic), (audience, fmt)
            assert seconds < 2, (audience, fmt, seconds)
            assert response["Content-Type"] == reports.CONTENT_TYPES[fmt]


@pytest.mark.parametrize("role", ["team_manager", "social_worker", "member"])
def test_internal_report_is_refused_and_public_allowed(world, as_role, built, role):
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
def test_internal_report_for_the_whole_service(world, as_role, built, role):
    response = as_role(role).get(reverse("report_file", args=["internal", "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    event = AuditEvent.objects.first()
    assert (event.action, event.detail, event.username) == ("download_report", "internal pdf", f"u_{role}")


def test_unknown_audience_or_format(world, as_role, built):
    assert as_role("admin").get(reverse("report_file", args=["secret", "pdf"])).status_code == 404
    assert as_role("admin").get(reverse("report_file", args=["public", "docx"])).status_code == 404


def test_real_public_html_report(world, as_role, built):
    """The public HTML: served inline, sandboxed, no team table."""
    response = as_role("member").get(reverse("report_file", args=["public", "html"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "attachment" not in response.get("Content-Disposition", "")
    assert "sandbox" in response["Content-Security-Policy"] and "script-src" not in response["Content-Security-Policy"]
    body = b"".join(response.streaming_content).decode()
    assert "<html" in body.lower() and "Team figures are not published" in body
    assert AuditEvent.objects.first().action == "download_report"
