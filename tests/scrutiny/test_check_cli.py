"""The judgement story, `casewatch scrutiny` in its three formats, and its errors."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from casewatch.scrutiny.judgement import la_code_for, story
from casewatch.scrutiny.report import parse_report

DEVSET = Path(__file__).parent / "devset"


def saved(stem: str) -> str:
    return gzip.decompress((DEVSET / "reports" / f"{stem}.txt.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize(("name", "code"), [
    ("Metropolitan Borough of Barnsley Council", "370"), ("Brighton and Hove City Council", "846"),
    ("Isle of Wight", "921"), ("Bedford Borough", "822"), ("Norfolk County Council", "926"),
    ("Blackpool Borough Council", "890"), ("Nowhere Shire Council", None)])
def test_the_council_a_report_names(name, code):
    assert la_code_for(name) == code


def test_the_judgement_story_from_the_shipped_history():
    told = story(parse_report(saved("blackpool_17-january-2019")))
    assert told.previous_source == "judgement history" and told.previous_published.isoformat() == "2014-09-08"
    assert told.plainly() == ("Overall effectiveness fell from requires improvement (2014) to inadequate. Judged "
                              "worse than last time: the impact of leaders (from requires improvement to inadequate); "
                              "help and protection (from requires improvement to inadequate).")
    same = story(parse_report(saved("bolton_27-october-2023")))
    assert same.plainly() == ("Overall effectiveness stayed good, as at the previous inspection (2018). Judged worse "
                              "than last time: help and protection (from good to requires improvement).")
    given = story(parse_report(saved("norfolk_19-january-2018")), previous="inadequate")
    assert (given.previous_source, given.overall.direction) == ("given", "up")


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "casewatch.cli", "scrutiny", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def blackpool(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scrutiny")
    (folder / "report.txt").write_text(saved("blackpool_17-january-2019"), encoding="utf-8")
    case = json.loads((DEVSET / "blackpool_17-january-2019__positive_spin.json").read_text())
    (folder / "statement.txt").write_text(case["statement"], encoding="utf-8")
    return folder


def test_json_has_the_shape_the_issue_asks_for(blackpool):
    done = _cli("--report", "report.txt", "--statement", "statement.txt", "--format", "json", cwd=blackpool)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert {"judgements", "previous_judgement", "judgement_change", "omitted_findings", "claims", "quotes"} <= set(got)
    assert got["judgements"]["overall"] == "inadequate" and got["previous_judgement"] == "requires improvement"
    assert got["judgement_change"] == "down"
    assert set(got["omitted_findings"][0]) >= {"rank", "text", "section", "severity"}
    assert [f["rank"] for f in got["omitted_findings"]] == list(range(1, len(got["omitted_findings"]) + 1))
    vote = next(c for c in got["claims"] if "vote of confidence" in c["text"])
    assert vote["verdict"] == "contradicted" and "fell from requires improvement to inadequate" in vote["reason"]
    hub = next(c for c in got["claims"] if "Youth Hub" in c["text"])
    assert hub["verdict"] == "unsupported"
    assert [(q["text"], q["status"]) for q in got["quotes"]] == [
        ("Adopters spoke highly of the support provided to them", "verbatim")]
    assert all(set(c) >= {"text", "verdict", "evidence"} for c in got["claims"])


def test_html_is_one_page_with_no_script_and_the_text_escaped(blackpool, tmp_path):
    statement = tmp_path / "s.txt"
    statement.write_text("Inspectors said services are 'excellent <script>alert(1)</script>' overall.")
    done = _cli("--report", str(blackpool / "report.txt"), "--statement", str(statement), "--format", "html",
                "--out", str(tmp_path / "out.html"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Overall effectiveness fell from requires improvement (2014) to inadequate." in page


def test_table_and_errors(blackpool, tmp_path):
    done = _cli("--report", "report.txt", "--statement", "statement.txt", cwd=blackpool)
    assert done.returncode == 0 and "contradicted" in done.stdout and "Blackpool" in done.stdout
    (tmp_path / "menu.txt").write_text("Soup of the day\n\nTomato, with bread.")
    bad = _cli("--report", str(tmp_path / "menu.txt"), "--statement", "statement.txt", cwd=blackpool)
    assert bad.returncode == 2 and "menu.txt: not an Ofsted children's services inspection report" in bad.stderr
    missing = _cli("--report", "report.txt", "--statement", "nowhere.txt", cwd=blackpool)
    assert missing.returncode == 2 and "nowhere.txt: no such file" in missing.stderr
