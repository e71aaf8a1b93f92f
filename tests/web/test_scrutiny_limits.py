"""The Statement check under hostile uploads (issue 23): each bomb is built here, refused within the limits of
casewatch/scrutiny/limits.py with a page in plain words and the right HTTP status, while another user's page
answers in under a second; a real report and statement still check through the limited child process."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casewatch.scrutiny import limits
from casewatch.scrutiny.text import TextError, pdf_pages
from casewatch.web.views import scrutiny as view
from scrutiny.test_statement_limits import LAUGHS, MB, W, docx, paragraphs

REPORTS = Path("/work/shared/reference/ofsted/reports")
REALSET = Path(__file__).resolve().parents[1] / "scrutiny" / "realset"


# --- the bombs ---------------------------------------------------------------------------------------------

def zip_bomb_pieces(unpacked: int = 300 * MB):
    head, tail = f'<w:document xmlns:w="{W}"><w:body>'.encode(), b"</w:body></w:document>"
    block = b"<w:p/>" * 100_000
    return [head, *[block] * (unpacked // len(block)), tail]


def zip_bomb() -> bytes:
    """About 450 KB that unpacks to 300 MB of empty paragraphs (fifty million elements)."""
    return docx(zip_bomb_pieces())


def billion_laughs() -> bytes:
    """A Word file whose document.xml declares entities that expand to "lol" ten to the power nine times."""
    return docx([LAUGHS])


def pdf(pages: int, content: bytes, flate: bool = False) -> bytes:
    """A minimal PDF of ``pages`` pages sharing one content stream (packed with Flate when ``flate``)."""
    stream = content
    if flate:
        pack = zlib.compressobj(9)
        stream = b"".join(pack.compress(content[i:i + 8 * MB]) for i in range(0, len(content), 8 * MB))
        stream += pack.flush()
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               f"<< /Length {len(stream)}{' /Filter /FlateDecode' if flate else ''} >>\nstream\n".encode()
               + stream + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents 4 0 R >>"] * pages
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


LINE = b"BT /F1 11 Tf 72 720 Td (Children are seen regularly by their social workers.) Tj ET\n"


def many_pages() -> bytes:
    return pdf(5000, LINE)


def flate_bomb() -> bytes:
    """About 1 MB whose one content stream unpacks to 400 MB of text."""
    return pdf(1, LINE * (400 * MB // len(LINE)), flate=True)


def memory_bomb() -> bytes:
    """Under 300 KB, its one content stream unpacks to 95 MB (under MAX_PDF_UNPACKED) of three million tiny
    pieces of text: PDFium needs more than 1.5 GB of memory to lay them out."""
    tiny = b"BT /F1 11 Tf 72 720 Td (a) Tj ET\n"
    return pdf(1, tiny * (95 * MB // len(tiny)), flate=True)


def test_the_pdf_reader_stops_at_the_page_and_text_limits(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf(limits.MAX_PAGES, LINE))
    assert len(pdf_pages(path)) == 300
    path.write_bytes(pdf(limits.MAX_PAGES + 1, LINE))
    with pytest.raises(TextError, match="too many pages: 301, where the checker reads up to 300"):
        pdf_pages(path)
    lines = b"(Children are seen regularly by their social workers.) Tj 0 -1.2 Td\n" * 40_000
    path.write_bytes(pdf(1, b"BT /F1 1 Tf 72 820 Td\n" + lines + b"ET", flate=True))  # 2.2 million characters
    with pytest.raises(TextError, match="too much text: more than 2,000,000 characters"):
        pdf_pages(path)


# --- checking them ---------------------------------------------------------------------------------------------

def _devset_report() -> bytes:
    import gzip

    devset = Path(__file__).resolve().parents[1] / "scrutiny" / "devset"
    return gzip.decompress((devset / "reports" / "blackpool_17-january-2019.txt.gz").read_bytes())


STATEMENT = "Ofsted inspectors found that children are seen regularly and services are good."


@pytest.fixture(scope="module")
def bombs() -> dict:
    """Each bomb as the form field it is sent in: (report, statement) uploads."""
    report = ("report.txt", _devset_report())
    return {
        "zip_bomb": (report, ("statement.docx", zip_bomb())),
        "zip_bomb_lying": (report, ("statement.docx", docx(zip_bomb_pieces(), declared=5 * MB))),
        "billion_laughs": (report, ("statement.docx", billion_laughs())),
        "many_pages": (("report.pdf", many_pages()), None),
        "flate_bomb": (("report.pdf", flate_bomb()), None),
        "memory_bomb": (("report.pdf", memory_bomb()), None),
    }


def _post(client, report, statement):
    data = {"report": SimpleUploadedFile(*report)}
    if statement is None:
        data["statement_text"] = STATEMENT
    else:
        data["statement"] = SimpleUploadedFile(*statement)
    start = time.monotonic()
    answer = client.post("/scrutiny/", data)
    return answer, time.monotonic() - start


def _checks(caplog) -> list[tuple[str, float, int]]:
    """(outcome, seconds, peak resident MB) of each check the view logged."""
    return [r.args for r in caplog.records if r.name == "casewatch.web.scrutiny" and len(r.args) == 3]


# bomb, status, words on the page
REFUSALS = [
    ("zip_bomb", 413, "The statement is too big when unpacked: its text unpacks to 300 MB or more, where the "
                      "checker reads up to 10 MB and a press release's is under 1 MB. Check you chose"),
    ("zip_bomb_lying", 422, "The statement: could not be read as docx (BadZipFile)"),
    ("billion_laughs", 422, "The statement: refused: the file declares a DOCTYPE or entities, which a Word "
                            "document never has"),
    ("many_pages", 413, "The report has too many pages: 5,000, where the checker reads up to 300 and an Ofsted "
                        "report has under 100. Check you chose the inspection report"),
    ("flate_bomb", 413, "The report is too big when unpacked: its contents come to more than 100 MB, where an "
                        "Ofsted report's come to under 3 MB."),
    ("memory_bomb", 422, "The documents needed more memory than the checker allows (1.5 GB)"),
]


@pytest.mark.parametrize(("bomb", "status", "words"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_each_bomb_is_refused_within_the_limits(world, as_role, bombs, caplog, bomb, status, words):
    caplog.set_level(logging.INFO, logger="casewatch.web.scrutiny")
    answer, seconds = _post(as_role("member"), *bombs[bomb])
    html = answer.content.decode()
    assert answer.status_code == status, html[-2000:]
    assert words.replace("'", "&#x27;") in html
    assert "/tmp" not in html and "Traceback" not in html and "casewatch-" not in html
    [(outcome, child_seconds, peak)] = _checks(caplog)
    assert outcome.startswith("refused")
    assert peak * MB < limits.ADDRESS_SPACE  # the child's own peak, from wait4
    assert seconds < limits.WALL_SECONDS and child_seconds < limits.WALL_SECONDS
    if bomb != "memory_bomb":  # refused before the document is read: no more than a real check needs
        assert peak < 300, peak


def _capped(code: str) -> subprocess.CompletedProcess:
    """``code`` run after ``limits.apply()`` in a fresh interpreter, as the child runs."""
    return subprocess.run([sys.executable, "-c", f"from casewatch.scrutiny import limits\n{code}"],
                          capture_output=True, text=True, timeout=60)


def test_the_childs_limits_are_hard_and_hold():
    grab = _capped("limits.apply()\ntry:\n    bytearray(2 * 1024 ** 3)\nexcept MemoryError:\n    print('refused')")
    assert grab.stdout.strip() == "refused"  # 2 GB cannot be had under the 1.5 GB cap
    raise_it = _capped("import resource\nlimits.apply()\nresource.setrlimit(resource.RLIMIT_AS, (-1, -1))")
    assert raise_it.returncode == 1 and "ValueError" in raise_it.stderr  # the child cannot lift its cap
    spin = _capped("limits.CPU_SECONDS = 1\nlimits.apply()\nwhile True:\n    pass")
    assert spin.returncode == -signal.SIGXCPU
    paths = {"report": Path("r.pdf"), "statement": Path("s.txt")}
    assert view._outcome(spin.returncode, "", paths, 40)[1:] == ("report", "took too long", 422)


def test_a_check_past_the_wall_clock_limit_is_stopped(world, as_role, monkeypatch, caplog):
    caplog.set_level(logging.INFO, logger="casewatch.web.scrutiny")
    monkeypatch.setattr(limits, "WALL_SECONDS", 0.5)  # a real check takes a few seconds
    answer, seconds = _post(as_role("member"), ("report.txt", _devset_report()), None)
    assert answer.status_code == 422 and seconds < 5
    assert "The documents took longer than the checker allows (60 seconds of work, 90 seconds in all)" in \
        answer.content.decode()
    assert [c[0] for c in _checks(caplog)] == ["refused (took too long)"]


def test_the_checker_says_it_is_busy_when_two_checks_run(world, as_role, monkeypatch):
    """Two checks running: the next waits QUEUE_WAIT for a turn; two more waiting too: the next is told at once."""
    monkeypatch.setattr(limits, "QUEUE_WAIT", 0.5)
    held = [view._turns, view._turns, view._queue, view._queue]  # two checks running
    answers = []
    try:
        for semaphore in held:
            assert semaphore.acquire(timeout=5)
        answers.append(_post(as_role("member"), ("report.txt", _devset_report()), None))
        for _ in range(view.WAITING):  # and two waiting
            assert view._queue.acquire(timeout=5)
            held.append(view._queue)
        answers.append(_post(as_role("member"), ("report.txt", _devset_report()), None))
    finally:
        for semaphore in held:
            semaphore.release()
    (waited, waited_s), (told, told_s) = answers
    for answer in (waited, told):
        assert answer.status_code == 503 and answer["Retry-After"] == "60"
        assert "The checker is busy: 2 other checks are running. Try again in a minute" in answer.content.decode()
    assert 0.5 <= waited_s < 5 and told_s < 0.5
    assert _post(as_role("member"), ("report.txt", _devset_report()), None)[0].status_code == 200  # all free again


def test_another_users_page_answers_within_a_second_while_two_bombs_are_checked(world, as_role, bombs):
    done: dict[str, int] = {}

    def check(bomb: str) -> None:
        answer, _ = _post(as_role("member"), *bombs[bomb])
        done[bomb] = answer.status_code

    threads = [threading.Thread(target=check, args=(b,)) for b in ("memory_bomb", "zip_bomb")]
    for t in threads:
        t.start()
    analyst, anonymous, waits = as_role("analyst"), as_role(None), []
    while any(t.is_alive() for t in threads):
        for client, url in ((anonymous, "/login/"), (analyst, "/scrutiny/")):
            start = time.monotonic()
            assert client.get(url).status_code == 200
            waits.append(time.monotonic() - start)
        time.sleep(0.1)
    for t in threads:
        t.join()
    assert done == {"memory_bomb": 422, "zip_bomb": 413}
    assert len(waits) >= 10, waits  # the pages were asked for while the bombs were being checked
    assert max(waits) < 1.0, sorted(waits)[-5:]


def _realset(case: str) -> dict:
    return json.loads((REALSET / f"{case}__real.json").read_text())


@pytest.mark.skipif(not REPORTS.is_dir(), reason="the Ofsted reports in reference/ofsted")
def test_a_real_report_and_statement_still_check_in_the_limited_child(world, as_role, caplog):
    caplog.set_level(logging.INFO, logger="casewatch.web.scrutiny")
    case = _realset("norfolk_13-january-2023")
    report = ("report.pdf", (REPORTS / f"{case['report']}.pdf").read_bytes())
    client = as_role("member")
    data = {"report": SimpleUploadedFile(*report), "statement_text": case["statement"]}
    pasted = client.post("/scrutiny/", data)
    word = docx(paragraphs([_escape(p) for p in case["statement"].split("\n\n")]))
    from_word, _ = _post(client, report, ("statement.docx", word))
    assert pasted.status_code == 200 and from_word.status_code == 200
    result = pasted.content.decode().split('id="result"', 1)[1]
    assert "Norfolk" in result and "What the statement claims" in result
    assert from_word.content.decode().split('id="result"', 1)[1] == result  # the Word file reads as the text
    assert [c[0] for c in _checks(caplog)] == ["done", "done"]
    assert all(peak * MB < limits.ADDRESS_SPACE / 3 for _, _, peak in _checks(caplog))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize(("threads", "at_once", "waiting"), [(1, 1, 0), (2, 1, 0), (4, 1, 0), (7, 1, 0), (8, 2, 0),
                                                              (12, 2, 1), (16, 2, 2), (64, 2, 2)])
def test_the_checks_never_hold_every_request_thread(threads, at_once, waiting):
    """On `serve --threads 2` two checks held both threads and another page waited 8.5 s: the checks' share is at
    most a quarter of the threads, and one thread is always left for other pages."""
    assert limits.shares(threads) == (at_once, waiting)
    assert threads == 1 or at_once + waiting < threads
