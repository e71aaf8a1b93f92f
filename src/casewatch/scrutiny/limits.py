"""The statement check's limits, in one place, and the child process that checks uploads under them.

The dashboard's Statement check (web/views/scrutiny.py) runs ``python -c CHILD scrutiny ...``: the child caps
its own address space and CPU time (hard limits, so they cannot be raised again; set before any document is
opened or the similarity model loaded), lowers its priority, and then runs ``casewatch scrutiny``. The readers
refuse what no real document needs before reading it in full: a Word file or PDF whose contents unpack to far
more than any press release or report, a PDF of too many pages, a document of too much text (scrutiny/statement.py, scrutiny/text.py). The figures were measured on the 25 real Ofsted reports
in reference/ofsted (docs/scrutiny.md, "Limits").
"""

from __future__ import annotations

import os

MB = 1024 * 1024

# The child process (web/views/scrutiny.py). A real check of a 46-page report peaks at 427 MB of address space
# (153 MB resident) with CHILD_ENVIRONMENT, and 3 s of CPU; these are about 3.5 and 20 times that.
ADDRESS_SPACE = 1536 * MB
CPU_SECONDS = 60
WALL_SECONDS = 90  # the check is stopped after this long, however little CPU it used
CHECKS_AT_ONCE = 2  # per server process; the others wait for a turn
QUEUE_WAIT = 20  # seconds a check waits for a turn before the page says the checker is busy
QUEUE_LENGTH = 2  # checks waiting for a turn at most; another is told at once: with the running ones, at most 4 of
# the server's request threads (16 by default) are ever held by the Statement check


def shares(threads: int) -> tuple[int, int]:
    """(checks at once, checks waiting) on a server of ``threads`` request threads: at most a quarter of them held
    by the Statement check, and never all of them when there are two or more (one at once and none waiting on 2
    to 7 threads), so other pages always have a thread."""
    at_once = min(CHECKS_AT_ONCE, max(1, threads // 4))
    return at_once, max(0, min(QUEUE_LENGTH, threads // 4 - at_once))

# Set in the child's environment: one thread for numpy's maths and two malloc arenas, so the address space a
# check needs does not grow with the server's cores.
CHILD_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                     "MALLOC_ARENA_MAX": "2"}

# The documents. The 25 real reports: at most 46 pages, 2.2 MB of unpacked PDF streams, 121,000 characters.
MAX_PAGES = 300
MAX_PDF_UNPACKED = 100 * MB  # all the PDF's compressed streams together, unpacked
MAX_REPORT_CHARACTERS = 2_000_000
MAX_DOCX_UNPACKED = 10 * MB  # a Word file's word/document.xml; a press release's is under 1 MB
MAX_DOCX_RATIO = 100  # unpacked to packed size, for a document.xml over 1 MB (real ones: about 5 to 10)
MAX_STATEMENT_CHARACTERS = 200_000  # a press release is 2,000 to 20,000 characters

# The words each refusal begins with, after the file's name: the dashboard tells them apart by these.
TOO_BIG = "too big when unpacked"
TOO_MANY_PAGES = "too many pages"
TOO_MUCH_TEXT = "too much text"


def megabytes(n: int) -> str:
    return f"{n / MB:,.0f} MB"


def apply() -> None:
    """Cap this process: address space, CPU seconds (SIGXCPU, then SIGKILL 5 s later), no core file, lower
    priority. Nothing on a system without ``resource`` (Windows): the wall-clock limit and the readers' limits
    still hold."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.nice(10)  # the dashboard's own requests come first


def main(argv: list[str]) -> int:
    """``casewatch <argv>`` under the limits; a MemoryError (the address-space cap reached in Python) is one
    line and exit code 3, never a traceback."""
    apply()
    from casewatch.cli import main as cli_main

    try:
        return cli_main(argv)
    except MemoryError:
        os.write(2, b"casewatch: MemoryError\n")
        return 3


CHILD = "import sys; from casewatch.scrutiny.limits import main; sys.exit(main(sys.argv[1:]))"
