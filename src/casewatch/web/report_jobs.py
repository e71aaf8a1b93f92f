"""The reports, built in the background after each load: one job writes all six files (the internal and the
public report, each as HTML, Excel and PDF) into the cache, and counts them as it goes.

The figures and charts are worked out once per audience (``outputs.report.write_report`` with every format), not
once per file. A job starts when the server notices that the analytics file has changed (``watch``: a daemon
thread that ``casewatch serve`` starts, checking the file's signature every few seconds), or on the first request
that finds the reports missing (the reports page or a download), whichever comes first; there is never more
than one job per version of the data. A download asked for while the job runs waits for that job. Each file is
written into a temporary directory and moved into place, so a half-written file is never served. When a job
has built all its files, the reports of the same council's earlier data are removed from the cache.
docs/report.md has why.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from casewatch.web.permissions import REPORT_AUDIENCES, REPORT_FORMATS
from casewatch.web.source import NoData, Source, current

log = logging.getLogger("casewatch.web.reports")
POLL_SECONDS = 5


@dataclass
class Build:
    """One job: the reports for one version of the data (``key``, the cache's directory name) in one cache
    (``root``: fixed when the job starts, so a job never writes into another cache than the one it was asked
    for)."""
    key: str
    root: Path
    total: int = len(REPORT_AUDIENCES) * len(REPORT_FORMATS)
    done: int = 0
    failed: bool = False
    started: float = field(default_factory=time.monotonic)
    finished: threading.Event = field(default_factory=threading.Event)

    @property
    def ready(self) -> bool:
        return self.finished.is_set() and not self.failed


_builds: dict[tuple[str, str], Build] = {}
_builds_lock = threading.Lock()


def target(job: Build, audience: str, fmt: str) -> Path:
    return job.root / job.key / audience / f"report.{fmt}"


def ensure(src: Source, retry: bool = False) -> Build:
    """The job for the data as it is now: the one already running or done, else a new one, started here.
    ``retry``: start again if that job failed (a download asks again; the page only shows the failure)."""
    from casewatch.web.views.reports import cache_key, cache_root

    fresh = Build(cache_key(src), cache_root())
    with _builds_lock:
        job = _builds.get((str(fresh.root), fresh.key))
        missing = [(a, f) for a in REPORT_AUDIENCES for f in REPORT_FORMATS if not target(fresh, a, f).is_file()]
        if job is not None and not (retry and job.failed) and not (job.ready and missing):
            return job  # running, failed (the page says so), or done with its files still there
        job = _builds[(str(fresh.root), fresh.key)] = fresh
        job.done = job.total - len(missing)
        if not missing:  # built before (by another process, or before a restart)
            job.finished.set()
            return job
    threading.Thread(target=_run, args=(src, job), name=f"reports-{job.key}", daemon=True).start()
    return job


def _run(src: Source, job: Build) -> None:
    from casewatch.outputs.report import write_report
    from casewatch.web.casework import local_standards

    try:
        for audience in sorted(REPORT_AUDIENCES, key=lambda a: a != "public"):  # the one every role may open first
            formats = tuple(f for f in REPORT_FORMATS if not target(job, audience, f).is_file())
            if not formats:
                continue
            folder = target(job, audience, "html").parent
            folder.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=".build-", dir=folder))

            def written(fmt: str, path: Path, audience=audience) -> None:
                path.replace(target(job, audience, fmt))
                job.done += 1

            try:
                with src.file() as path:  # the version the job's key names, even while a newer one warms up
                    write_report(path, work, council=src.council, la=src.la, audience=audience, formats=formats,
                                 standards=local_standards(), on_file=written)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        log.info("reports built in %.0f s", time.monotonic() - job.started)
        _prune(job)
    except Exception as exc:  # the page says it failed; the exception's type only (no figures in the log)
        job.failed = True
        log.error("the reports could not be built: %s", type(exc).__name__)
    finally:
        job.finished.set()


def _prune(job: Build) -> None:
    """Remove the reports of earlier versions of the same council's data from the cache (its key without the
    file's signature and standards), once this job has built all of its files; a job still running keeps its
    folder. A download already under way keeps reading the file it opened."""
    council = job.key.rsplit("-", 4)[0]
    with _builds_lock:
        running = {b.key for (root, _), b in _builds.items() if root == str(job.root) and not b.finished.is_set()}
    for folder in job.root.iterdir() if job.root.is_dir() else ():
        if (folder.is_dir() and folder.name != job.key and folder.name not in running
                and folder.name.rsplit("-", 4)[0] == council):
            shutil.rmtree(folder, ignore_errors=True)


def wait_for(src: Source, audience: str, fmt: str) -> Path:
    """The report file, waiting for the job that builds it (started if none is running; started again if the
    last one failed)."""
    job = ensure(src, retry=True)
    path = target(job, audience, fmt)
    while not path.is_file() and not job.finished.wait(0.5):
        pass  # the job writes the quickest files first: this one may be there before the job is done
    if not path.is_file():
        raise RuntimeError("the reports could not be built")
    return path


def watch(interval: float = POLL_SECONDS) -> threading.Thread:
    """A daemon thread that starts a build whenever the analytics file's signature changes (a new load)."""

    def loop() -> None:
        seen = None
        while True:
            try:
                src = current()
                sig = src.signature()
                if sig != seen:
                    ensure(src)
                    seen = sig
            except NoData:
                pass
            except Exception as exc:  # keep watching; the page shows what a request finds
                log.error("the report watcher: %s", type(exc).__name__)
            time.sleep(interval)

    thread = threading.Thread(target=loop, name="report-watcher", daemon=True)
    thread.start()
    return thread
