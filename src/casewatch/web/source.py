"""The analytics database, as the web app reads it: read-only, one connection per request, and results cached
until a new load has replaced the file and the results have been worked out again from the new one.

A new load is written beside the old file and moved over it. Every use compares the file's inode, modification
time and size with the file being served; when they differ, the old file (held by a private link) and its
results go on being served while one background thread rebuilds the results from the new file, and then the new
file and its results are swapped in at once (web/warm.py). A reload is still picked up without a restart.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from casewatch.measures.api import Context, open_council
from casewatch.web import warm


class NoData(Exception):
    """CASEWATCH_DB is not set or the file is not there."""


class Source:
    def __init__(self, path: str | Path, council: str | None = None, la: str | None = None):
        self.path = str(path)
        self.council = council
        self.la = la  # the DfE LA number the figures are compared as; None: the one the database records
        self._served: warm.Held | None = None
        self._failed: tuple | None = None  # a new file that could not be served: not tried again until it changes
        self._warming: threading.Thread | None = None
        self._lock = threading.Lock()
        self._local = threading.local()  # the warm-up thread reads the new file while the others read the old

    def _on_disk(self) -> tuple:
        try:
            return warm.signature(os.stat(self.path))
        except OSError:
            raise NoData(f"the analytics database {self.path} cannot be read") from None

    def _current(self) -> warm.Held:
        """The file this thread reads: the one served (the new one, in the warm-up thread). Notices a new file on
        disk and starts its warm-up; where the old file cannot be held, serves the new one at once."""
        mine = getattr(self._local, "held", None)
        if mine is not None:
            return mine
        disk = self._on_disk()
        with self._lock:
            held = self._served
            if held is None or (disk != held.sig and held.link is None):
                try:
                    self._served = warm.hold(self.path)
                except OSError:
                    raise NoData(f"the analytics database {self.path} cannot be read") from None
                if held is not None:
                    self._retire(held)
                return self._served
            if disk != held.sig and disk != self._failed and self._warming is None:
                self._warming = threading.Thread(target=warm.warm_up, args=(self, held), daemon=True,
                                                 name="analytics-warm-up")
                self._warming.start()
            return held

    def signature(self) -> tuple:
        """The served file's (inode, modification time, size): after a load, the new file's once its warm-up has
        finished (report jobs and report names follow it, so they change with the pages)."""
        return self._current().sig

    def memo(self, key, compute: Callable):
        """``compute()``, cached until a new file is swapped in. A compute that reads the database (through
        ``connect``) is remembered and run again by the warm-up, so it must depend only on this source and on
        what its key holds."""
        held = self._current()
        with self._lock:
            if key in held.memo:
                return held.memo[key]
        before, began = getattr(self._local, "connects", 0), time.thread_time()
        value = compute()
        with self._lock:
            held.memo[key] = value
            if getattr(self._local, "connects", 0) > before:
                held.computes[key], held.costs[key] = compute, time.thread_time() - began
        return value

    def cached(self, key):
        """What ``memo`` or ``keep`` stored under ``key`` for the file served now, or None."""
        held = self._current()
        with self._lock:
            return held.memo.get(key)

    def keep(self, key, value, sig: tuple) -> None:
        """Store ``value`` under ``key`` if the file served is still the one it was computed from (``sig``, taken
        before computing): a result worked out in the background, kept like ``memo``'s (not rebuilt by a warm-up)."""
        with self._lock:
            if self._served is not None and self._served.sig == sig:
                self._served.memo[key] = value

    @contextmanager
    def file(self) -> Iterator[str]:
        """The path of the file served (the warm-up's new one, in the warm-up thread), kept readable for the block:
        for what opens the database itself (the Councils page, the report job) rather than through ``connect``."""
        held = self._current()
        with self._lock:
            held.users += 1
        self._local.connects = getattr(self._local, "connects", 0) + 1
        try:
            yield held.path
        finally:
            with self._lock:
                held.users -= 1
                if held.retired and not held.users:
                    warm.release(held)

    @contextmanager
    def connect(self) -> Iterator[tuple[object, Context]]:
        """A fresh in-memory connection with the served file attached READ_ONLY and scoped to the council."""
        with self.file() as path, open_council(path, self.council, self.la) as (con, ctx):
            yield con, ctx

    def context(self) -> Context:
        def compute() -> Context:
            with self.connect() as (_, ctx):
                return ctx

        return self.memo("context", compute)

    def wait_warm(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a new file's warm-up (started here if none is under way); True if
        the file served is then the one on disk."""
        self._current()
        with self._lock:
            thread = self._warming
        if thread is not None:
            thread.join(timeout)
        with self._lock:
            return self._served is not None and self._served.sig == self._on_disk()

    @contextmanager
    def serving(self, held: warm.Held) -> Iterator[None]:
        """This thread reads ``held`` (the warm-up's new file) while every other thread reads the served one."""
        self._local.held = held
        try:
            yield
        finally:
            self._local.held = None

    def swap(self, old: warm.Held, new: warm.Held) -> None:
        """Serve ``new`` and its results in place of ``old`` (the warm-up has rebuilt them)."""
        with self._lock:
            if self._served is old:
                self._served, self._failed = new, None
                self._retire(old)

    def refused(self, sig: tuple) -> None:
        """A new file that cannot be served: the old one stays, and this one is not tried again until it changes."""
        with self._lock:
            self._failed = sig

    def warmed(self) -> None:
        """The warm-up thread is done (a later load starts another)."""
        with self._lock:
            self._warming = None

    def _retire(self, held: warm.Held) -> None:
        held.retired = True
        if not held.users:
            warm.release(held)


_sources: dict[tuple, Source] = {}
_sources_lock = threading.Lock()


def current() -> Source:
    path = settings.CASEWATCH_DB
    if not path:
        raise NoData("CASEWATCH_DB is not set: start the app with casewatch serve --db FILE")
    key = (str(path), settings.CASEWATCH_COUNCIL, settings.CASEWATCH_LA)
    with _sources_lock:
        if key not in _sources:
            _sources[key] = Source(*key)
        return _sources[key]
