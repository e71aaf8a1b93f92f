"""Reading a statement within limits (issue 23): a Word file is streamed, refused before reading when it would
unpack to far more than a press release (declared size, packing ratio, bytes actually unpacked) or declares
entities, and refused when it holds too much text; a web page too. The builders here make the Word files the
dashboard's tests upload too (tests/web/test_scrutiny_limits.py)."""

from __future__ import annotations

import io
import zipfile

import pytest

from casewatch.scrutiny import limits
from casewatch.scrutiny.statement import StatementError, read_statement

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
MB = 1024 * 1024


def docx(pieces, declared: int | None = None) -> bytes:
    """A Word file whose word/document.xml is ``pieces`` (bytes, written one after another); ``declared``
    rewrites the size its headers claim (a lie)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", TYPES)
        with z.open("word/document.xml", "w") as f:
            for piece in pieces:
                f.write(piece)
    data = buf.getvalue()
    if declared is not None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            real = z.getinfo("word/document.xml").file_size
        assert data.count(real.to_bytes(4, "little")) == 2  # the local and the central header
        data = data.replace(real.to_bytes(4, "little"), declared.to_bytes(4, "little"))
    return data


def document(body: str) -> list[bytes]:
    return [f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()]


def paragraphs(texts: list[str]) -> list[bytes]:
    return document("".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts))


_ENTITIES = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
LAUGHS = (f'<?xml version="1.0"?><!DOCTYPE w:document [{_ENTITIES}]><w:document xmlns:w="{W}"><w:body>'
          f'<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>').encode()  # "lol" 10^9 times


def _write(tmp_path, data: bytes, name: str = "statement.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_word_file_reads_paragraph_by_paragraph_text_boxes_included(tmp_path):
    box = '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>'
    body = ("<w:p><w:r><w:t>Council welcomes Ofsted report</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Inspectors found children</w:t><w:br/><w:t>are safe.</w:t></w:r></w:p>"
            f"<w:p><w:r><w:t>Before the box.</w:t></w:r>{box}</w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    s = read_statement(_write(tmp_path, docx(document(body))))
    assert s.headline == "Council welcomes Ofsted report"
    # the text box is read inside the paragraph holding it, then on its own, as before streaming
    assert s.sentences == ["Council welcomes Ofsted report", "Inspectors found children are safe.",
                           "Before the box.Boxed words", "Boxed words", "In a table."]


def test_a_word_file_that_unpacks_too_far_is_refused_before_it_is_read(tmp_path):
    empty = [f'<w:document xmlns:w="{W}"><w:body>'.encode(), *[b"<w:p/>" * 100_000] * 20, b"</w:body></w:document>"]
    packed = docx(empty)  # 12 MB unpacked, declared honestly
    assert len(packed) < 30_000
    with pytest.raises(StatementError, match=f"{limits.TOO_BIG}: its text unpacks to 11 MB or more, where the "
                                             "checker reads up to 10 MB"):
        read_statement(_write(tmp_path, packed))
    ratio = docx(empty[:1] + empty[1:4] + empty[-1:])  # 1.7 MB, under the size limit, packed 1,000 to 1
    with pytest.raises(StatementError, match=limits.TOO_BIG):
        read_statement(_write(tmp_path, ratio))


def test_a_word_file_lying_about_its_size_is_read_no_further_than_it_claims(tmp_path):
    lying = docx(paragraphs(["Children are safe."] * 200_000), declared=20_000)
    with pytest.raises(StatementError, match=r"could not be read as docx \(BadZipFile\)"):
        read_statement(_write(tmp_path, lying))


def test_a_word_file_declaring_entities_is_refused(tmp_path):
    with pytest.raises(StatementError, match="refused: the file declares a DOCTYPE or entities, which a Word"):
        read_statement(_write(tmp_path, docx([LAUGHS])))
    # a DOCTYPE pushed past the first 64 KiB by a comment: refused by the parser's check on the first element
    pushed = (f'<?xml version="1.0"?><!-- {"x" * 70_000} --><!DOCTYPE w:document [<!ENTITY a "Good">]>'
              f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>')
    with pytest.raises(StatementError, match="refused: the file declares a DOCTYPE, which a Word"):
        read_statement(_write(tmp_path, docx([pushed.encode()])))


def test_too_much_text_is_refused_in_a_word_file_and_a_web_page(tmp_path):
    long = ["Children are seen regularly by their social workers. " * 40] * 100  # 212,000 characters
    assert sum(map(len, long)) > limits.MAX_STATEMENT_CHARACTERS
    with pytest.raises(StatementError, match=f"{limits.TOO_MUCH_TEXT}: more than 200,000 characters"):
        read_statement(_write(tmp_path, docx(paragraphs(long))))
    page = "<html><body>" + "".join(f"<p>{p}</p>" for p in long) + "</body></html>"
    with pytest.raises(StatementError, match=limits.TOO_MUCH_TEXT):
        read_statement(_write(tmp_path, page.encode(), "statement.html"))
    assert len(read_statement(_write(tmp_path, docx(paragraphs(long[:90])))).sentences) == 90 * 40
