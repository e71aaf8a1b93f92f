"""The dashboard's indicator figures take the caseload cap from the council's standards file
(settings.CASEWATCH_STANDARDS), as the teams page and `casewatch caseloads` do (issue 22)."""

from __future__ import annotations

import json

from django.conf import settings
from django.urls import reverse

from casewatch.cli import main


def test_the_over_cap_figure_follows_the_standards_file(world, as_role, tmp_path, monkeypatch, capsys):
    def latest() -> dict:
        page = as_role("analyst").get(reverse("indicator", args=["caseload_over_cap_pct"]))
        assert page.status_code == 200
        return page.context["periods"][-1]

    at_default = latest()
    path = tmp_path / "standards.toml"
    path.write_text("[caseload]\ncap = 10\n")
    monkeypatch.setattr(settings, "CASEWATCH_STANDARDS", str(path))
    at_10 = latest()  # not the figure cached for the shipped standards
    on = at_10["period_end"].isoformat()
    assert main(["caseloads", "--db", str(world.db), "--date", on, "--standards", str(path), "--format", "json"]) == 0
    workers = json.loads(capsys.readouterr().out)["workers"]
    assert (at_10["numerator"], at_10["denominator"]) == (str(sum(w["over_cap"] for w in workers)), str(len(workers)))
    assert at_10["numerator"] != at_default["numerator"]


def test_the_councils_page_measures_every_council_against_the_server_s_standards(world, as_role, tmp_path,
                                                                                   monkeypatch):
    """/councils/ ranks councils against the standards file the server was given (it used the shipped ones)."""
    def numerators() -> dict[str, object]:
        page = as_role("analyst").get(reverse("councils") + "?indicator=caseload_over_cap_pct")
        assert page.status_code == 200
        return {c.council: c.numerator for c in page.context["ranked"]}

    at_default = numerators()
    path = tmp_path / "standards.toml"
    path.write_text("[caseload]\ncap = 1\n")
    monkeypatch.setattr(settings, "CASEWATCH_STANDARDS", str(path))
    at_1 = numerators()
    assert set(at_1) == set(at_default) and all(at_1[c] > at_default[c] for c in at_1)
