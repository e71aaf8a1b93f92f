"""The teams page says whether the cases fit under the cap: the council's FTE shortfall and each team's, against
figures worked out from the database here (tests/conftest.py expected_shortfall), and the caseload weights used."""

from __future__ import annotations

import re

import pytest
from django.conf import settings


@pytest.fixture
def standards_file(tmp_path, monkeypatch):
    """A council standards file laid over the defaults, in force for the app while the test runs."""

    def make(text: str):
        path = tmp_path / "standards.toml"
        path.write_text(text)
        monkeypatch.setattr(settings, "CASEWATCH_STANDARDS", str(path))
        return path

    return make


def _team_rows(html: str) -> dict[str, list[str]]:
    table = html.split('<caption class="govuk-table__caption govuk-table__caption--m">Teams</caption>', 1)[1]
    table = table.split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if cells:
            rows[cells[0]] = cells
    return rows


def test_the_teams_page_says_the_fte_shortfall_at_the_cap(world, as_role, standards_file, shortfall_of):
    standards_file("[caseload]\ncap = 12\n")
    want = shortfall_of(world.db, 12.0)
    short, fte = want["council"]
    assert fte > 0, "at cap 12 the tiny council's cases do not fit: otherwise this checks nothing"
    html = as_role("team_manager").get("/teams/").content.decode()  # aggregates: every team, whoever asks
    assert "Cases exceed capacity at cap 12: " in html
    assert f"short by {short:g} weighted cases = {fte:g} FTE" in html
    for service, (s, f) in want["services"].items():
        if s > 0:
            assert f"{service}: " in html and f"short by {f:g} FTE" in html
    header = re.findall(r'<th scope="col" class="govuk-table__header[^"]*">([^<]+)</th>', html)
    assert "Short (FTE)" in header
    from casewatch.web import casework
    from casewatch.web.source import current

    names = casework.team_names(current())
    rows = _team_rows(html)
    column = header.index("Short (FTE)")
    shown = {team: rows[names.get(team, team)][column] for team in want["teams"] if names.get(team, team) in rows}
    assert shown and shown == {team: f"{f:g}" if f else "0" for team, (_, f) in want["teams"].items() if team in shown}
    assert any(f > 0 for _, f in want["teams"].values())
    assert "weights: none set" in html


def test_at_the_default_cap_the_cases_fit_and_weights_set_are_shown(world, as_role, standards_file, shortfall_of):
    assert shortfall_of(world.db, 20.0)["council"] == (0.0, 0.0)
    html = as_role("head_of_service").get("/teams/").content.decode()
    assert "no service is short of staff at this cap" in html and "Cases exceed capacity" not in html
    assert "weights: none set" in html
    standards_file("[caseload.weights]\ncla = 2.0\ncp = 1.5\n")
    for path in ("/teams/", "/balancer/"):
        html = as_role("head_of_service").get(path).content.decode()
        assert "weights: cla 2, cp 1.5, cin 1, assessment 1" in html, path
