"""Text of an Ofsted report, from the published PDF (via pypdfium2) or from plain text.

Running headers and footers, page numbers, footnotes and line-wrapping are removed, so that each paragraph,
bullet item and heading comes back as one block of continuous text. PDFium marks a hyphen at a line end
(U+FFFE); it is kept as a hyphen ("multi-agency"), where pdftotext drops it ("multiagency").
"""

from __future__ import annotations

import calendar
import mmap
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from casewatch.errors import CasewatchError
from casewatch.scrutiny import limits

MONTHS = [m.lower() for m in calendar.month_name[1:]]  # january ... december, as reports write dates

BULLETS = "•●◼▪◦‣∙·■□➢✓*-−–"
BULLET = re.compile(rf"^(?:[\ue000-\uf8ff{re.escape(BULLETS)}]|o(?=\s))\s*")
NUMBERED = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
TERMINAL = re.compile(r"[.!?;:][’”'\")\]]*$")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
FOOTNOTE = re.compile(r"^\d{1,2}\s?[A-Z][a-z]")


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or bullet item; ``number`` is a numbered paragraph's number."""

    kind: str  # "heading" | "paragraph" | "bullet"
    text: str
    page: int
    number: int | None = None


class TextError(CasewatchError, ValueError):
    """The source could not be read as text."""


def pdf_pages(path: str | Path) -> list[str]:
    """The text of each page of a PDF, one printed line a line, a blank line where a vertical gap parts blocks.

    Refused before PDFium reads a page when its compressed streams unpack to more than any report needs or
    it has too many pages, and while reading when its text passes the limit (scrutiny/limits.py)."""
    import pypdfium2 as pdfium

    _unpacked_streams(path)
    try:
        doc = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise TextError(f"{path}: not a readable PDF ({exc})") from None
    try:
        if len(doc) > limits.MAX_PAGES:
            raise TextError(f"{path}: {limits.TOO_MANY_PAGES}: {len(doc):,}, where the checker reads up to "
                            f"{limits.MAX_PAGES} and an Ofsted report has under 100")
        pages, characters = [], 0
        for page in doc:
            textpage = page.get_textpage()
            characters += textpage.count_chars()
            if characters <= limits.MAX_REPORT_CHARACTERS:
                pages.append(_page_text(textpage))
            textpage.close()
            page.close()
            if characters > limits.MAX_REPORT_CHARACTERS:
                raise TextError(f"{path}: {limits.TOO_MUCH_TEXT}: more than {limits.MAX_REPORT_CHARACTERS:,} "
                                "characters, where an Ofsted report has under 150,000")
        return pages
    finally:
        doc.close()


_STREAM = re.compile(rb"stream\r?\n")


def _unpacked_streams(path: str | Path) -> int:
    """The size of a PDF's compressed (Flate) streams together, unpacked a piece at a time and counted, never
    held: TextError once past MAX_PDF_UNPACKED (real reports: 0.5 to 2.2 MB)."""
    total = 0
    try:
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)  # stays open after the file is closed
    except (OSError, ValueError):  # missing, unreadable or empty: PDFium says what is wrong with it
        return 0
    with data:
        for m in _STREAM.finditer(data):
            unzip, at = zlib.decompressobj(), m.end()
            try:
                while not unzip.eof and at < len(data):
                    piece = data[at:at + (1 << 16)]
                    at += len(piece)
                    while piece and not unzip.eof:
                        total += len(unzip.decompress(piece, 1 << 20))
                        piece = unzip.unconsumed_tail
                        if total > limits.MAX_PDF_UNPACKED:
                            raise TextError(f"{path}: {limits.TOO_BIG}: its contents come to more than "
                                            f"{limits.megabytes(limits.MAX_PDF_UNPACKED)}, where an Ofsted report's "
                                            "come to under 3 MB")
            except zlib.error:
                continue  # not a Flate stream (an image, or damaged): PDFium decides
    return total


def _page_text(textpage) -> str:
    """PDFium's lines of a page: a blank line wherever the vertical gap before a line is wide, footnotes
    (the run of small print closing the page) left out."""
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    lines: list[tuple[str, float]] = []
    pos, prev_bottom = 0, None
    for line in text.split("\r\n"):
        first = next((i for i, ch in enumerate(line) if ch.isalnum()), None)
        start = pos + (first or 0)
        pos += len(line) + 2
        if not line.strip():
            continue
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, start)
        try:
            _, bottom, _, top = textpage.get_charbox(start, loose=True)
        except Exception:  # a character PDFium cannot place: no gap information
            bottom = top = None
        if bottom is not None and prev_bottom is not None and prev_bottom - top > 0.4 * (top - bottom):
            lines.append(("", 0.0))
        lines.append((line.strip(), size))
        if bottom is not None:
            prev_bottom = bottom
    sizes = sorted(size for ln, size in lines if ln)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    end = len(lines)
    while end and (not lines[end - 1][0] or lines[end - 1][1] < 0.85 * body):
        end -= 1
    if any(ln and size < 0.85 * body for ln, size in lines[end:]) and end > len(lines) // 2:
        lines = lines[:end]
    return "\n".join(ln for ln, _ in lines)


def source_pages(source: str | Path) -> tuple[list[str], str]:
    """Pages of a report given as a PDF path, a text-file path or the text itself; also a name for errors."""
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 1024
                                     and Path(source).suffix.lower() in (".pdf", ".txt")):
        path = Path(source)
        if not path.is_file():
            raise TextError(f"{path}: no such file")
        with open(path, "rb") as f:
            head = f.read(5)
        if head == b"%PDF-":
            return pdf_pages(path), str(path)
        if path.suffix.lower() == ".pdf":
            with open(path, "rb") as f:
                start = f.read(2048).lstrip().lower()
            kind = "a web page (HTML)" if start.startswith((b"<!doctype html", b"<html")) else "not a PDF"
            raise TextError(f"{path}: named .pdf but {kind}, not a report: download the report's PDF again")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise TextError(f"{path}: neither a PDF nor UTF-8 text") from None
        return text.split("\f"), str(path)
    return str(source).split("\f"), "<text>"


def _norm(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line)).strip().lower()


def _page_lines(pages: list[str]) -> list[list[str]]:
    """Lines of each page ("" where blocks part) with running headers/footers and page numbers removed."""
    split = []
    for page in pages:
        text = page.replace("\r\n", "\n").replace("\r", "\n")
        for ch, to in (("\u00ad", ""), ("\ufffe", "-"), ("\u00a0", " "), ("\u202f", " "), ("\ufb01", "fi"), ("\ufb02", "fl")):
            text = text.replace(ch, to)
        split.append([ln.strip() for ln in text.split("\n")])
    edges: Counter[str] = Counter()
    for lines in split:
        body = [ln for ln in lines if ln]
        for ln in set(body[:3] + body[-3:]):
            edges[_norm(ln)] += 1
    repeated = {k for k, n in edges.items() if n >= max(3, len(split) // 3) and len(k) > 3}
    out = []
    for lines in split:
        body = [i for i, ln in enumerate(lines) if ln]
        edge = set(body[:3] + body[-3:])
        keep: list[str] = []
        for i, ln in enumerate(lines):
            if ln and PAGE_NUMBER.match(ln):
                continue  # a page number, or a footnote mark set on a line of its own
            if ln and i in edge and _norm(ln) in repeated:
                continue
            if ln or (keep and keep[-1]):
                keep.append(ln)
        while keep and not keep[-1]:
            keep.pop()
        while "" in keep and FOOTNOTE.match(keep[len(keep) - keep[::-1].index(""):][0]):
            del keep[len(keep) - keep[::-1].index("") - 1:]  # a footnote parted from the text by a gap
            while keep and not keep[-1]:
                keep.pop()
        out.append(keep)
    return out


def _first_word(line: str) -> str:
    return line.split(" ", 1)[0]


def _starts_block(prev: str, line: str, width: float, expect: int | None, gaps: bool) -> bool:
    """Whether ``line`` begins a new block after ``prev``, when no blank line parts them.

    Bullets and numbered paragraphs always start one. Otherwise a line does when its first word would have
    fitted on ``prev`` (so ``prev`` ended its paragraph); where the text marks blocks with blank lines
    (``gaps``), only when ``prev`` ended with a full stop, or was a short unpunctuated line (a heading).
    """
    if BULLET.match(line):
        return True
    m = NUMBERED.match(line)
    if m and (expect is None or int(m.group(1)) in (expect, 1)) and line[m.end()].isupper():
        return True
    if not (line[:1].isupper() or line[:1].isdigit() or line[:1] in "‘“'\"("):
        return False
    fits = len(prev) + 1 + len(_first_word(line)) < width * 0.92
    if gaps:  # a line after a short unpunctuated one (a heading) or after a paragraph's last line
        return len(prev) < width * 0.6 and (not TERMINAL.search(prev) or prev.endswith("?")) or (
            fits and prev.endswith("."))
    if TERMINAL.search(prev):
        return fits
    return fits and len(prev) < width * 0.8 and not prev.endswith((",", "-", "–", "and", "of", "the", "to"))


def _join(a: str, b: str) -> str:
    """Join a wrapped line to its paragraph; after a hyphen no space: "multi-" + "agency", "16-" + "17"."""
    if re.search(r"\w-$", a) and (b[:1].islower() or b[:1].isdigit()):
        return a + b
    return a.rstrip() + " " + b.lstrip()


def blocks(source: str | Path) -> list[Block]:
    """Headings, paragraphs and bullet items of a report, in reading order."""
    pages, _ = source_pages(source)
    return blocks_from_pages(pages)


def blocks_from_pages(pages: list[str]) -> list[Block]:
    """Blocks from page texts (see ``blocks``)."""
    page_lines = _page_lines(pages)
    lengths = [len(ln) for lines in page_lines for ln in lines if len(ln) > 20]
    width = statistics.quantiles(lengths, n=10)[8] if len(lengths) >= 10 else 80.0
    out: list[Block] = []
    cur: list = []  # [kind, text, page, number]
    last_number: int | None = None
    prev_line = ""

    def flush() -> None:
        if cur:
            text = re.sub(r"\s+", " ", cur[1]).strip()
            if text:
                out.append(Block(cur[0], text, cur[2], cur[3]))
        cur.clear()

    gaps = any(not ln for lines in page_lines for ln in lines)
    gap = False
    lone_number = ""  # pdftotext sets a paragraph's number or bullet apart from its text: "12." then the text
    for page_no, lines in enumerate(page_lines, start=1):
        for i, line in enumerate(lines):
            if not line:
                gap = True
                continue
            if re.fullmatch(r"\d{1,3}\.", line) or BULLET.fullmatch(line):
                lone_number = line  # the number or bullet goes with the next line of text
                continue
            if lone_number:
                line, lone_number = f"{lone_number} {line}", ""
            expect = None if last_number is None else last_number + 1
            mid_sentence = (line[:1].islower() or line[:1] == "(") and not TERMINAL.search(prev_line)
            page_turn = i == 0 and not line[:1].islower() and bool(
                TERMINAL.search(prev_line) or prev_line.endswith(")") or (cur and len(cur[1].split()) < 12))
            if cur and (mid_sentence or not (gap or page_turn or _starts_block(prev_line, line, width, expect, gaps))):
                cur[1] = _join(cur[1], line)
                prev_line, gap = line, False
                continue
            gap = False
            flush()
            prev_line = line
            b = BULLET.match(line)
            m = NUMBERED.match(line)
            if b and len(line) > b.end():
                cur[:] = ["bullet", line[b.end():], page_no, None]
            elif m and (expect is None or int(m.group(1)) in (expect, 1)):
                last_number = int(m.group(1))
                cur[:] = ["paragraph", line[m.end():], page_no, last_number]
            else:
                cur[:] = ["paragraph", line, page_no, None]
    flush()
    return [_classify(b) for b in out]


def _classify(block: Block) -> Block:
    """Mark short unpunctuated paragraphs as headings."""
    text = block.text
    words = len(text.split())
    if (block.kind == "paragraph" and block.number is None and not text.endswith(",")
            and (not TERMINAL.search(text) and words <= 25 or text.endswith("?") and words <= 12)):
        return Block("heading", re.sub(r"(?<=[a-z])\d$", "", text), block.page)
    return block


def plain_text(source: str | Path) -> str:
    """The report as clean text: one block a line, a blank line between blocks."""
    parts = []
    for b in blocks(source):
        if b.kind == "heading":
            parts.append(b.text)
        elif b.kind == "bullet":
            parts.append("• " + b.text)
        else:
            parts.append((f"{b.number}. " if b.number else "") + b.text)
    return "\n\n".join(parts) + "\n"
