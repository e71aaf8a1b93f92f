"""The files a load or validation reads, from the files and folders it is given.

A folder is walked (hidden files and casewatch's own outputs skipped). Inside it, a symbolic link is not
followed unless asked (``--follow-symlinks``): a ``teams.csv`` linked to /etc/passwd would otherwise be read
as a return and its first line copied into the issues. Anything that is neither a regular file nor a folder (a
named pipe, a device, a socket) is never opened: reading a pipe would wait for ever. Each refusal is a file
that could not be read, named with the reason, so the load's summary counts it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from casewatch.returns.core import ReturnFile

SKIP_SUFFIXES = (".lock", ".wal", ".duckdb", ".parquet", ".json", ".md", ".pdf")
NOT_FOLLOWED = "a symbolic link: not followed; give --follow-symlinks to read it"


def _skipped(path: Path) -> bool:
    return path.name.startswith(".") or path.suffix.lower() in SKIP_SUFFIXES


def _not_regular(mode: int) -> str | None:
    """Why a thing that is not a regular file or folder is not read, or None if it is one."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file: not read"
    return "not a regular file: not read"


def _refused(path: Path, why: str) -> ReturnFile:
    return ReturnFile(str(path), "unknown", None, error=f"{path}: {why}")


def input_files(paths, follow_symlinks: bool = False) -> tuple[list[Path], list[ReturnFile]]:
    """(files to read, files refused) from the files and folders given, each list in a stable order.

    A path named directly is read as named (a link the person chose), unless it is a pipe, device or socket.
    Inside folders, links (to files or folders) are refused unless ``follow_symlinks``; a linked folder is then
    entered once (a link back up the tree is not walked round for ever)."""
    found: list[Path] = []
    refused: list[ReturnFile] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(folder: Path) -> None:
        st = folder.stat()
        if (st.st_dev, st.st_ino) in seen_dirs:
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                path = Path(entry.path)
                if _skipped(path):
                    continue
                if entry.is_symlink() and not follow_symlinks:
                    refused.append(_refused(path, NOT_FOLLOWED))
                    continue
                try:
                    mode = entry.stat(follow_symlinks=True).st_mode
                except OSError as exc:  # a link to nothing, or no permission to look
                    refused.append(_refused(path, f"cannot be opened ({exc.strerror})"))
                    continue
                if stat.S_ISDIR(mode):
                    walk(path)
                elif why := _not_regular(mode):
                    refused.append(_refused(path, why))
                else:
                    found.append(path)

    for p in map(Path, paths):
        if p.is_dir():
            folder_found = len(found)
            walk(p)
            found[folder_found:] = sorted(found[folder_found:])
            continue
        try:
            why = _not_regular(p.stat().st_mode)
        except OSError:
            why = None  # missing: read_file says "no such file"
        if why:
            refused.append(_refused(p, why))
        else:
            found.append(p)
    return found, refused
