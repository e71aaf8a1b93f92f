"""The analytics database, as the web app reads it: read-only, one connection per request, and results cached
only until the file is replaced.

A new load is usually written beside the old file and moved over it; the cache compares the file's inode,
modification time and size on every use, so a reload is picked up by the next request without a restart.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from casewatch.measures.api import Context, open_council


class NoData(Exception):
    """CASEWATCH_DB is not set or the file is not there."""


class Source:
    def __init__(self, path: str | Path, council: str | None = None, la: str | None = None):
        self.path = str(path)
        self.council = council
        self.la = la  # the DfE LA number the figures are compared as; None: the one the database records
        self._signature: tuple | None = None
        self._memo: dict = {}
        self._lock = threading.Lock()

    def signature(self) -> tuple:
        try:
            st = os.stat(self.path)
        except OSError:
            raise NoData(f"the analytics database {self.path} cannot be read") from None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def memo(self, key, compute: Callable):
        """``compute()``, cached until the database file changes."""
        sig = self.signature()
        with self._lock:
            if sig != self._signature:
                self._signature, self._memo = sig, {}
            if key in self._memo:
                return self._memo[key]
        value = compute()
        with self._lock:
            if self._signature == sig:
                self._memo[key] = value
        return value

    def cached(self, key):
        """What ``memo`` or ``keep`` stored under ``key`` for the file as it is now, or None."""
        sig = self.signature()
        with self._lock:
            return self._memo.get(key) if sig == self._signature else None

    def keep(self, key, value, sig: tuple) -> None:
        """Store ``value`` under ``key`` if the file is still the one it was computed from (``sig``, taken
        before computing): a result worked out in the background, kept like ``memo``'s."""
        with self._lock:
            if self._signature != sig:
                if self.signature() != sig:
                    return
                self._signature, self._memo = sig, {}
            self._memo[key] = value

    @contextmanager
    def connect(self) -> Iterator[tuple[object, Context]]:
        """A fresh in-memory connection with the database attached READ_ONLY and scoped to the council."""
        self.signature()
        with open_council(self.path, self.council, self.la) as (con, ctx):
            yield con, ctx

    def context(self) -> Context:
        def compute() -> Context:
            with self.connect() as (_, ctx):
                return ctx

        return self.memo("context", compute)


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
