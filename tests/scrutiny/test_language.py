"""The inspection lexicon, statements (text, HTML, Word) and their quotations, quotes against a report."""

from __future__ import annotations

import zipfile

import pytest

from casewatch.scrutiny.lexicon import polarity, spin, tone
from casewatch.scrutiny.quotes import ReportText, diff_words, normal
from casewatch.scrutiny.statement import StatementError, read_statement

# sentence | severity | polarity
TONE = """
Caseloads are too high for most social workers and unsustainable in some teams.          | 2 | -1
A significant minority of children do not get the help and support they need quickly.   | 2 | -1
Serious failures leave some children at risk of significant harm.                        | 3 | -1
Plans are not consistently effective.                                                    | 2 | -1
Leaders could not assure themselves that all 16- and 17-year-olds are safe.              | 2 | -1
Children are seen regularly and without delay.                                           | 0 | 1
There is no drift in planning for children.                                              | 0 | 0
Most children receive a good service from skilled social workers.                        | 0 | 1
Services for children in need of help and protection require improvement to be good.    | 2 | -1
"""


@pytest.mark.parametrize("line", [x for x in TONE.strip().splitlines()])
def test_tone_of_inspection_sentences(line):
    sentence, severity, sign = (part.strip() for part in line.split("|"))
    assert tone(sentence).severity == int(severity), tone(sentence)
    assert polarity(sentence) == int(sign)


def test_spin_is_a_framing_of_the_whole():
    assert spin("This report is an independent vote of confidence in our direction.") == "vote of confidence"
    assert spin("Services have gone from strength to strength.") == "strength to strength"
    assert spin("Strong progress has been made in our children’s services since the last inspection.")
    assert spin("Inspectors recognised the progress made on children missing education.") is None
    assert spin("I am delighted that inspectors met so many of our social workers.") is None


STATEMENT = """Council welcomes Ofsted report

Ofsted has judged Northshire’s children’s services as requires improvement. Inspectors found that "caseloads are
too high for most social workers" and that children are 'seen regularly'.

"This report is an independent vote of confidence in our staff, and I thank them," said the leader of the council.
The director said: "We know there is more to do, and inspectors noted that 'leaders know their services well'."

The full report is available on the Ofsted website."""


def test_a_text_statement_its_headline_sentences_and_quotes():
    st = read_statement(STATEMENT)
    assert st.headline == "Council welcomes Ofsted report"
    assert st.sentences[1] == "Ofsted has judged Northshire’s children’s services as requires improvement."
    assert [(q.text, q.speech) for q in st.quotes] == [
        ("caseloads are too high for most social workers", False), ("seen regularly", False),
        ("This report is an independent vote of confidence in our staff, and I thank them", True),
        ("We know there is more to do, and inspectors noted that 'leaders know their services well'", True),
        ("leaders know their services well", False)]
    assert [q.text for q in st.report_quotes] == ["caseloads are too high for most social workers", "seen regularly",
                                                  "leaders know their services well"]


def test_an_html_statement_without_page_furniture(tmp_path):
    page = tmp_path / "news.html"
    page.write_text("""<!doctype html><html><head><title>x</title><script>var a = "not text";</script></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><header>Council logo</header>
      <main><h1>Ofsted report published</h1><p>Inspectors found that children are
      <strong>seen regularly</strong>.</p><ul><li>Help and protection: requires improvement.</li></ul></main>
      <footer>© Council 2026</footer></body></html>""", encoding="utf-8")
    st = read_statement(page)
    assert st.headline == "Ofsted report published"
    assert st.sentences[1:] == ["Inspectors found that children are seen regularly.",
                                "Help and protection: requires improvement."]
    assert not any("Home" in s or "logo" in s or "not text" in s or "©" in s for s in st.sentences)


def _docx(path, paragraphs):
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{p}</w:t></w:r></w:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/"
                   "package/2006/content-types'/>")
        z.writestr("word/document.xml", "<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='http://"
                   "schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>" + body + "</w:body></w:document>")


def test_a_word_statement(tmp_path):
    _docx(tmp_path / "release.docx", ["Ofsted praises council", "Inspectors found that children are 'seen "
                                      "regularly'. Caseloads remain high."])
    st = read_statement(tmp_path / "release.docx")
    assert st.headline == "Ofsted praises council"
    assert st.sentences[1:] == ["Inspectors found that children are 'seen regularly'.", "Caseloads remain high."]
    assert [q.text for q in st.report_quotes] == ["seen regularly"]


def test_a_damaged_word_file_names_itself(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(StatementError, match="broken.docx: could not be read as docx"):
        read_statement(bad)


REPORT = ReportText([
    "Caseloads are too high for most social workers, and unsustainable in some teams.",
    "Multi-agency strategy meetings are held promptly when children are at risk.",
    "Children are seen regularly, and they benefit from direct work with social workers."])


@pytest.mark.parametrize(("quote", "status"), [
    ("caseloads are too high for most social workers", "verbatim"),
    ("CASELOADS are too high, for most social workers", "verbatim"),  # case and punctuation are not alterations
    ("multiagency strategy meetings are held promptly", "verbatim"),  # nor is line-end hyphenation
    ("Caseloads are too high … in some teams", "verbatim"),  # an ellipsis stands for words left out
    ("caseloads are high for some social workers", "altered"),
    ("children are seen regularly and benefit from direct work", "altered"),
    ("the council's early help offer is among the best in the country", "not_in_report"),
])
def test_quote_status(quote, status):
    assert REPORT.check(quote).status == status


def test_an_altered_quote_shows_the_report_words_and_the_changes():
    got = REPORT.check("caseloads are high for some social workers")
    assert got.report_text == REPORT.sentences[0]
    assert got.diff == [("same", "caseloads are"), ("removed", "too"), ("same", "high for"), ("removed", "most"),
                        ("added", "some"), ("same", "social workers")]
    assert diff_words("a b c", "a c") == [("same", "a"), ("removed", "b"), ("same", "c")]
    assert normal("Children’s ‘multi-agency’ work!") == "children s multiagency work"
