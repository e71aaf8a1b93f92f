"""The statement check in the dashboard: every signed-in role, documents parsed in a child process."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

DEVSET = Path(__file__).resolve().parents[1] / "scrutiny" / "devset"


def _report() -> bytes:
    return gzip.decompress((DEVSET / "reports" / "blackpool_17-january-2019.txt.gz").read_bytes())


def test_a_member_checks_a_press_release(world, as_role):
    client = as_role("member")
    page = client.get("/scrutiny/")
    assert page.status_code == 200 and b'enctype="multipart/form-data"' in page.content
    statement = json.loads((DEVSET / "blackpool_17-january-2019__positive_spin.json").read_text())["statement"]
    answer = client.post("/scrutiny/", {"report": SimpleUploadedFile("report.txt", _report()),
                                        "statement_text": statement})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Overall effectiveness fell from requires improvement (2014) to inadequate." in html
    assert html.count("govuk-tag--red\">contradicted") == 4
    assert html.count("govuk-tag--yellow\">unsupported") == 2
    assert "Adopters spoke highly of the support provided to them" in html


def test_missing_and_wrong_files_are_named(world, as_role):
    client = as_role("analyst")
    html = client.post("/scrutiny/", {}).content.decode()
    assert "Choose the Ofsted report (PDF or text)" in html and "Choose the statement" in html
    html = client.post("/scrutiny/", {"report": SimpleUploadedFile("report.exe", b"MZ"),
                                      "statement_text": "Ofsted said we are good."}).content.decode()
    assert "The report must be a PDF or a .txt file" in html
    html = client.post("/scrutiny/", {"report": SimpleUploadedFile("menu.txt", b"Soup of the day"),
                                      "statement_text": "Ofsted said we are good."}).content.decode()
    assert "not an Ofsted children" in html and "/tmp/" not in html  # the error names the upload, not a path


def test_anonymous_visitors_are_sent_to_sign_in(world, as_role):
    response = as_role(None).post("/scrutiny/", {"statement_text": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/login/")
