"""Read a council's press release or statement (text, HTML or .docx) into sentences and quotations.

A quotation is either **speech** (the leader's or director's own words: "…," said the leader) or words the
statement presents as the report's ("inspectors found children are 'seen regularly'"). Speech is not checked
against the report as a quotation (its sentences are still claims); a report quotation inside speech is.
Press releases mark both with double quotes, or report quotations with single quotes; an apostrophe
(children's) is never taken for a quote mark.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

from casewatch.errors import CasewatchError
from casewatch.returns import xmlsafe
from casewatch.scrutiny import limits
from casewatch.scrutiny.report import split_sentences


class StatementError(CasewatchError, ValueError):
    """The statement could not be read."""


@dataclass(frozen=True)
class Quote:
    text: str  # the words inside the quote marks
    sentence: int  # index into Statement.sentences
    speech: bool  # someone's own words, not the report's


@dataclass(frozen=True)
class Statement:
    headline: str
    sentences: list[str]  # the headline first, when there is one
    quotes: list[Quote] = field(default_factory=list)
    source: str = ""

    @property
    def report_quotes(self) -> list[Quote]:
        return [q for q in self.quotes if not q.speech]


SPEECH_VERB = r"(?:said|says|added|adds|commented|comments|explained|continued|stated|told|welcomed|remarked)"
_SPEECH_AFTER = re.compile(rf"^\s*[,.]?\s*(?:{SPEECH_VERB}\b|(?:[A-Z][\w’'-]*\s+){{1,6}}{SPEECH_VERB}\b)")
_SPEECH_BEFORE = re.compile(rf"\b{SPEECH_VERB}(?:\s+that)?\s*[:,]\s*$|:\s*$")
_REPORT_BEFORE = re.compile(r"\b(?:inspectors?|ofsted|the report|report|found|noted|described|judged|highlighted|"
                            r"recognised|recognized|observed|concluded|stat(?:ed|es) that)\b[^\"“”]{0,60}$", re.I)
_INSPECTORS_SAID = re.compile(rf"\b(?:inspectors?|ofsted|the (?:inspection )?report)\s+(?:\w+\s+){{0,2}}"
                              rf"(?:{SPEECH_VERB}|noted|concluded|found|observed|wrote)(?:\s+that)?\s*[:,]?\s*$", re.I)
_GRADE_ONLY = re.compile(r"\s*(?:outstanding|good|requires? improvement(?: to be good)?|inadequate)\s*", re.I)
_DOUBLE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
_SINGLE = re.compile(r"(?<![\w’'])['‘]((?:[^'’‘\n]|[’'](?=\w))+?)['’](?![\w’'])")


def read_statement(source: str | Path) -> Statement:
    """A statement from a .txt, .html/.htm or .docx file, or its text. Paragraphs are separated by blank lines
    (text), block elements (HTML) or paragraphs (Word); the first paragraph is the headline when it is short
    and has no full stop."""
    paragraphs, name = _paragraphs(source)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise StatementError(f"{name}: no text found")
    headline = ""
    if len(paragraphs) > 1 and len(paragraphs[0].split()) <= 25 and not paragraphs[0].rstrip().endswith("."):
        headline = paragraphs[0]
    sentences = [headline] if headline else []
    quotes: list[Quote] = _quotes(sentences) if headline else []
    speaking = False
    for p in paragraphs[1:] if headline else paragraphs:
        mine = [s for s in split_sentences(p) if s.strip()]
        found = _quotes(mine)
        if speaking and p[:1] in "\"“" and found and found[0].sentence == 0 and not found[0].speech:
            # a paragraph that opens a quotation after a speech paragraph goes on with the speech
            inner = [Quote(q.group(1).strip(" ,."), 0, False) for q in _SINGLE.finditer(found[0].text)
                     if len(q.group(1).split()) >= 3]
            found = [Quote(found[0].text, 0, True), *inner, *found[1:]]
        speaking = any(q.speech for q in found) or (speaking and not found)
        quotes += [Quote(q.text, q.sentence + len(sentences), q.speech) for q in found]
        sentences.extend(mine)
    return Statement(headline, sentences, quotes, name)


def _paragraphs(source: str | Path) -> tuple[list[str], str]:
    path = Path(source) if isinstance(source, Path) or ("\n" not in str(source) and len(str(source)) < 4096) \
        else None
    if path is None or not path.exists():
        if isinstance(source, Path):
            raise StatementError(f"{source}: no such file")
        return re.split(r"\n\s*\n", str(source)), "<text>"
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return _docx(path), str(path)
        raw = path.read_bytes()
        if suffix in (".html", ".htm") or raw.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            return _html(raw, str(path)), str(path)
        return re.split(r"\n\s*\n", raw.decode("utf-8-sig", errors="replace")), str(path)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, etree.ParserError, zlib.error, EOFError,
            RuntimeError, NotImplementedError) as exc:  # damaged, encrypted or packed in an unknown way
        raise StatementError(f"{path}: could not be read as {suffix.lstrip('.') or 'text'} "
                             f"({type(exc).__name__})") from None


BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "dd", "figcaption")


def _html(raw: bytes, name: str = "<html>") -> list[str]:
    """The text of a web page's block elements, without scripts, styles, navigation, header or footer."""
    doc = html.fromstring(raw, parser=html.HTMLParser(no_network=True, remove_comments=True, encoding="utf-8"))
    for bad in doc.xpath("//script|//style|//nav|//header|//footer|//noscript|//form|//aside"):
        bad.drop_tree()
    root = (doc.xpath("//main") or doc.xpath("//article") or doc.xpath("//body") or [doc])[0]
    out = []
    for el in root.iter(*BLOCKS):
        if any(a.tag in BLOCKS for a in el.iterancestors()):
            continue  # its text is in the enclosing block
        out.append(el.text_content())
    out = out or [root.text_content()]
    if sum(len(p) for p in out) > limits.MAX_STATEMENT_CHARACTERS:
        raise StatementError(f"{name}: {_too_much_text()}")
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(path: Path) -> list[str]:
    """Paragraphs of a Word document (word/document.xml). Refused before reading when it would unpack to more
    than any press release needs (its declared size, its packing ratio, then the bytes actually unpacked),
    when it declares a DOCTYPE or entities (returns/xmlsafe.py), or when it holds too much text. Read as a
    stream: memory stays small however many paragraphs it has."""
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
        if info.file_size > limits.MAX_DOCX_UNPACKED or (
                info.file_size > limits.MB and info.file_size > limits.MAX_DOCX_RATIO * max(info.compress_size, 1)):
            raise StatementError(f"{path}: {_docx_too_big(info.file_size)}")
        with tempfile.TemporaryDirectory(prefix="casewatch-docx-") as tmp:
            xml = Path(tmp) / "document.xml"
            unpacked = 0
            with z.open(info) as src, open(xml, "wb") as dst:
                while chunk := src.read(1 << 16):
                    unpacked += len(chunk)
                    if unpacked > limits.MAX_DOCX_UNPACKED:  # the declared size lied
                        raise StatementError(f"{path}: {_docx_too_big(unpacked)}")
                    dst.write(chunk)
            try:
                xmlsafe.read_head(xml)
                return _docx_paragraphs(path, xml)
            except xmlsafe.XMLAttack as exc:
                raise StatementError(f"{path}: refused: {exc}, which a Word document never has (it may be made "
                                     "to overload the checker); paste its text instead") from None


def _docx_too_big(size: int) -> str:
    most = limits.megabytes(limits.MAX_DOCX_UNPACKED)
    return (f"{limits.TOO_BIG}: its text unpacks to {limits.megabytes(size)} or more, where the checker reads up "
            f"to {most} and a press release's is under 1 MB")


def _docx_paragraphs(path: Path, xml: Path) -> list[str]:
    """Each paragraph's text, in document order; a paragraph inside another (a text box) is read with the
    paragraph that holds it, and again on its own."""
    out, characters = [], 0
    for _, top in xmlsafe.iterparse(xml, events=("end",), tag=f"{W}p"):
        if any(a.tag == f"{W}p" for a in top.iterancestors()):
            continue  # read with the paragraph that holds it
        for p in top.iter(f"{W}p"):
            text = "".join(t.text or "" if t.tag == f"{W}t" else "\t" if t.tag == f"{W}tab" else " "
                           for t in p.iter(f"{W}t", f"{W}tab", f"{W}br"))
            out.append(text)
            characters += len(text)
        if characters > limits.MAX_STATEMENT_CHARACTERS:
            raise StatementError(f"{path}: {_too_much_text()}")
        top.clear()  # the paragraphs read so far are dropped: memory stays small
        while top.getprevious() is not None:
            del top.getparent()[0]
    return out


def _too_much_text() -> str:
    return (f"{limits.TOO_MUCH_TEXT}: more than {limits.MAX_STATEMENT_CHARACTERS:,} characters, where a press "
            "release has 2,000 to 20,000")


def _quotes(sentences: list[str]) -> list[Quote]:
    """The quotations in the statement, each with the index of the sentence it starts in; a quotation may run
    over several sentences ("... said: \u201cServices are good. Children are safe.\u201d")."""
    out: list[Quote] = []
    starts, at = [], 0
    for s in sentences:
        starts.append(at)
        at += len(s) + 1
    full = " ".join(sentences)

    def where(pos: int) -> int:
        return max(k for k, st in enumerate(starts) if st <= pos)

    found = list(_DOUBLE.finditer(full))
    tail = re.search(r"[\"“]([^\"“”]{20,})$", full[found[-1].end() if found else 0:])
    if tail:  # a quotation left open at the paragraph's end (the next paragraph goes on speaking)
        found.append(re.compile(r"[\"“]([^\"“”]{20,})$").search(full, len(full) - len(tail.group(0))))
    for m in found:
        i, j = where(m.start()), where(max(m.end() - 1, m.start()))
        speech = _is_speech(full[starts[i]:starts[j] + len(sentences[j])], m, starts[i])
        out.append(Quote(m.group(1).strip(" ,."), i, speech))
        if speech:  # report quotations inside the speech
            out.extend(Quote(q.group(1).strip(" ,."), i, False) for q in _SINGLE.finditer(m.group(1))
                       if len(q.group(1).split()) >= 3)
    outside = _DOUBLE.sub(lambda m: " " * len(m.group(0)), full)
    out.extend(Quote(q.group(1).strip(" ,."), where(q.start()), False) for q in _SINGLE.finditer(outside))
    # a grade in quotation marks ('Outstanding') is the grade named, not words quoted from the report
    return [q for q in out if (len(q.text.split()) >= 2 or not q.speech) and not _GRADE_ONLY.fullmatch(q.text)]


def _is_speech(sentence: str, m: re.Match, offset: int = 0) -> bool:
    """Someone's own words: followed by "said X" / preceded by "X said:", or first-person and not introduced as
    the report's ("inspectors found ...")."""
    before, after = sentence[:m.start() - offset], sentence[m.end() - offset:]
    if _INSPECTORS_SAID.search(before):
        return False  # "inspectors commented that ...": the report's words
    if _SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before):
        return True
    if _REPORT_BEFORE.search(before):
        return False
    return bool(re.search(r"\b(?:I|we|our|us|my)\b", m.group(1))) and len(m.group(1).split()) > 8
