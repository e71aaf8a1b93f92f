"""After a new load, the pages' cached results are rebuilt in the background while the file before it is still
served, and only then is the new file swapped in: nobody waits for every page to be worked out at once.

A load renames its new file over the old one, so the old one lives on only while something holds it. The app
holds the file it serves by a hard link of its own (``Held``), in a private folder beside the database
(``.NAME.serving/``): DuckDB opens a file by name, and an open descriptor (``/proc/self/fd/N``) is resolved back
to the deleted name and refused. When the server notices a new file, one thread (``warm_up``) works out again,
from the new file, every cached result that was read from the database and took ``SLOW`` or more to work out, then
the charts, sparklines and rankings made from those (through the pages' own functions, ``_remakers``: such a
result captures the values it was made from, so it cannot simply be run again); then the source swaps the new
file and its results in at once and lets the old link go, and the thread goes on with the quick results (a
chronology, an access check). A new file that cannot be served (not a casewatch database, not this council) is
logged and the old one stays. Where no link can be made (a folder the app may not write to, a file system
without hard links), a new file is served at once, as before, and the pages are worked out as they are asked for.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("casewatch.web.warm")

_ids = itertools.count(1)
_links: set[Path] = set()  # this process's links, removed when it exits
_links_lock = threading.Lock()


@dataclass(eq=False)
class Held:
    """One version of the analytics file as the app serves it: its signature (inode, modification time, size),
    the path connections attach (the private link; the database's own path when no link could be made), the
    results worked out from it and how each was worked out (``computes``: only those that read the database)."""
    sig: tuple
    path: str
    link: Path | None
    memo: dict = field(default_factory=dict)
    computes: dict = field(default_factory=dict)
    costs: dict = field(default_factory=dict)  # processor seconds each took to work out, in its thread
    users: int = 0  # connections open on it now
    retired: bool = False  # swapped out: the link goes when the last connection closes


def signature(st: os.stat_result) -> tuple:
    return st.st_ino, st.st_mtime_ns, st.st_size


def hold(path: str) -> Held:
    """The file now at ``path``, held by a link in ``.NAME.serving/`` beside it (or by its path when no link can be
    made). Raises OSError if there is no file."""
    real = Path(os.path.realpath(path))
    folder = real.with_name(f".{real.name}.serving")
    link = folder / f"{os.getpid()}-{next(_ids)}.duckdb"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        _remove_stale(folder)
        os.link(real, link)
    except FileNotFoundError:
        raise
    except OSError as exc:
        log.warning("cannot keep a link to the analytics database (%s): after each load the pages are worked "
                    "out again as they are asked for", type(exc).__name__)
        return Held(signature(os.stat(path)), path, None)
    with _links_lock:
        _links.add(link)
    return Held(signature(os.stat(link)), str(link), link)


def release(held: Held) -> None:
    if held.link is None:
        return
    held.link.unlink(missing_ok=True)
    with _links_lock:
        _links.discard(held.link)


def _remove_stale(folder: Path) -> None:
    """Links left by a server that is no longer running (killed before it could remove them)."""
    for old in folder.glob("*.duckdb"):
        pid = old.name.split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # alive, another user's process


@atexit.register
def _remove_ours() -> None:
    with _links_lock:
        for link in list(_links):
            link.unlink(missing_ok=True)
        _links.clear()


def what(key) -> str:
    """A cached result's kind, for the log: the first word of its key ("child-timeline"), never its ids."""
    return str(key[0] if isinstance(key, tuple) and key else key)


SLOW = 0.1  # seconds of processor time (not of waiting, which grows with the load): a result that took this
# long in its thread is rebuilt before the swap (the overview's figures, the lists: 0.2-0.5 s on a small
# council), a quicker one just after it (a chronology, an access check: about 0.05 s)


def _remakers() -> dict:
    """The pages' functions that make, from the cached figures, the results made from other results (charts,
    sparklines, rankings), by the first word of those results' keys: called again from the new figures."""
    from casewatch.web import figures, worse

    return {"sparklines": lambda src, k: figures.headline(src, k[1]),
            "worse": lambda src, k: worse.ranking(src, k[1]),
            "worse-sparks": lambda src, k: worse.rows(src, k[1], k[2]),
            "chart": lambda src, k: figures.detail(src, k[1], k[2]),
            "funnel": lambda src, k: figures.detail(src, k[1], False)}


def warm_up(src, old: Held) -> None:
    """Work out again from the file now at ``src.path`` what ``old`` holds, then swap it in (``src.swap``): first
    the results from the database that were slow to work out, and the charts and rankings made from them; then,
    just after the swap, the quick ones (a chronology, an access check: worked out meanwhile if asked for). If
    the new file cannot be opened as the council, keep serving ``old``."""
    try:
        _warm_up(src, old)
    finally:
        src.warmed()


def _warm_up(src, old: Held) -> None:
    began = time.monotonic()
    try:
        new = hold(src.path)
    except OSError as exc:
        log.error("the new analytics database cannot be read; still serving the one before it (%s)",
                  type(exc).__name__)
        return
    failed: Counter = Counter()
    with src.serving(new):
        try:
            src.context()  # opens as a casewatch database and as this council, or the old file stays
        except Exception as exc:
            log.error("the new analytics database cannot be served; still serving the one before it (%s)",
                      type(exc).__name__)
            release(new)
            src.refused(new.sig)
            return
        _rebuild(src, old, new, failed, slow=True)
        remakers, done = _remakers(), set()
        for key in list(old.memo):
            remake = remakers.get(what(key))
            if remake is None or (what(key), *key[1:3]) in done:
                continue
            done.add((what(key), *key[1:3]))
            try:
                remake(src, key)
            except Exception as exc:
                failed[what(key), type(exc).__name__] += 1
        swapped = time.monotonic()
        src.swap(old, new)
        _rebuild(src, old, new, failed, slow=False)
    if failed:  # the page works each out when asked, and says what is wrong then
        log.warning("warm-up: %d results not rebuilt (%s); each is worked out when asked for", sum(failed.values()),
                    ", ".join(f"{kind}: {error} x{n}" for (kind, error), n in sorted(failed.items())))
    log.info("warm-up: the new analytics database served after %.1f s; %d results rebuilt in %.1f s",
             swapped - began, len(new.memo), time.monotonic() - began)


def _rebuild(src, old: Held, new: Held, failed: Counter, slow: bool) -> None:
    """Run again, against ``new``, what ``old`` read from the database: those that took ``SLOW`` or more
    (``slow``), or the others. Results asked for from ``old`` while this runs are rebuilt too."""
    tried: set = set()
    for _ in range(3):
        todo = [(k, c) for k, c in dict(old.computes).items()  # a copy: requests add to it meanwhile
                if k not in new.memo and k not in tried and (old.costs.get(k, 0.0) >= SLOW) == slow]
        if not todo:
            return
        for key, compute in todo:
            tried.add(key)
            try:
                src.memo(key, compute)
            except Exception as exc:
                failed[what(key), type(exc).__name__] += 1
