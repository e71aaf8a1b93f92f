"""A sentence the statement takes word for word from the report is never 'contradicted' (issue 20)."""

import pytest

from casewatch.scrutiny.check import scrutinise
from casewatch.scrutiny.statement import read_statement


@pytest.mark.parametrize("stem", ["norfolk_13-january-2023", "birmingham_18-april-2023", "blackpool_01-february-2023",
                                  "bolton_21-march-2014", "isle-of-wight_07-january-2019"])
def test_the_report_s_own_sentences_are_never_contradicted(stem, parsed, tmp_path):
    report = parsed(stem)
    sentences = [s.text for s in report.sentences if len(s.text) > 40][:120]
    path = tmp_path / "statement.txt"
    path.write_text("\n\n".join(sentences), encoding="utf-8")
    found = scrutinise(report, read_statement(path), lexical=True)
    wrong = [(c.text, c.reason) for c in found.claims if c.verdict == "contradicted"]
    assert wrong == [], f"{len(wrong)} of the report's own sentences contradicted, e.g. {wrong[:2]}"


def test_outstanding_as_not_yet_done_is_no_grade_but_a_grade_still_is(parsed, tmp_path):
    report = parsed("norfolk_13-january-2023")  # judged good overall
    path = tmp_path / "statement.txt"
    path.write_text("Some of our actions remain outstanding for too long, and we are fixing that.\n\n"
                    "Our children's services remain outstanding.", encoding="utf-8")
    found = {c.text: c.verdict for c in scrutinise(report, read_statement(path), lexical=True).claims}
    assert found.get("Some of our actions remain outstanding for too long, and we are fixing that.") != "contradicted"
    assert found["Our children's services remain outstanding."] == "contradicted"


def test_a_grade_in_a_when_clause_of_the_last_inspection_is_that_inspection_s(parsed, tmp_path):
    report = parsed("blackpool_01-february-2023")  # requires improvement now; inadequate in 2018
    path = tmp_path / "statement.txt"
    path.write_text("Since the last Ofsted inspection in 2018, when our children's services were judged to be "
                    "inadequate overall, our leaders have improved services.\n\n"
                    "Our children's services are judged to be inadequate.", encoding="utf-8")
    found = {c.text: c.verdict for c in scrutinise(report, read_statement(path), lexical=True).claims}
    assert found["Since the last Ofsted inspection in 2018, when our children's services were judged to be "
                 "inadequate overall, our leaders have improved services."] != "contradicted"
    assert found["Our children's services are judged to be inadequate."] == "contradicted"


@pytest.mark.parametrize("sentence, verdict", [
    ("Ofsted judged the impact of our leaders to be good.", "supported"),  # every phrasing of a grade
    ("Inspectors rated our services 'Outstanding'.", "contradicted"),  # a quoted grade is a grade, not a quote
    ("Ofsted rates councils as outstanding, good, requires improvement or inadequate.", "unsupported"),  # the scale
    ("Neighbouring Suffolk was rated outstanding last year.", "unsupported"),  # another council
    ("Norfolk's services were judged outstanding.", "contradicted"),
])
def test_grades_in_every_phrasing_and_not_the_scale_or_other_councils(sentence, verdict, parsed, tmp_path):
    report = parsed("norfolk_13-january-2023")  # good in every area
    path = tmp_path / "statement.txt"
    path.write_text(sentence, encoding="utf-8")
    claims = scrutinise(report, read_statement(path), lexical=True).claims
    assert [(c.text, c.verdict) for c in claims] == [(sentence, verdict)], [c.reason for c in claims]
