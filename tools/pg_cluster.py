"""A throwaway PostgreSQL server on loopback for tests and benchmarks of the app database.

    python tools/pg_cluster.py start DIR   # prints postgresql://casewatch:PASSWORD@127.0.0.1:PORT/casewatch
    python tools/pg_cluster.py stop DIR

``start`` makes a new cluster (removing any earlier one of DIR's), listening on 127.0.0.1 only on a free port,
with password (SCRAM) authentication for one role, ``casewatch``, which owns the database ``casewatch``. PostgreSQL
refuses to run as root, so as root the server runs as the ``postgres`` account that Debian's package creates; that
account may not be able to reach DIR (a clone in a private folder), so the cluster lives in a fresh folder of its
own under the system's temporary directory, and DIR/location says where.
The binaries come from ``pg_config --bindir`` or Debian's /usr/lib/postgresql/<version>/bin (``make
system-deps`` installs the package when it is missing).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    if shutil.which("pg_config"):
        return Path(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                                   check=True).stdout.strip())
    sys.exit("PostgreSQL is not installed: run `make system-deps` (Debian package postgresql)")


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd: list[str], what: str, cwd: Path) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, cwd=cwd)
    if done.returncode:
        sys.exit(f"PostgreSQL {what} failed ({done.returncode}): {done.stderr.strip()[-500:]}")


def start(folder: Path) -> str:
    stop(folder, quiet=True)
    folder.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="casewatch-pg-"))
    (folder / "location").write_text(str(home))
    data, sockets = home / "data", home / "socket"
    sockets.mkdir()
    password, port = secrets.token_urlsafe(18), _free_port()
    pwfile = home / "pwfile"
    pwfile.write_text(password + "\n")
    pwfile.chmod(0o600)
    if os.geteuid() == 0:
        for p in (home, sockets, pwfile):
            shutil.chown(p, "postgres")
    pg = bindir()
    _run([str(pg / "initdb"), "-D", str(data), "-U", "casewatch", "--auth=scram-sha-256", f"--pwfile={pwfile}",
          "--encoding=UTF8", "--locale=C", "--no-sync"], "initdb", home)
    pwfile.unlink()
    _run([str(pg / "pg_ctl"), "-D", str(data), "-l", str(home / "server.log"), "-w", "-t", "60", "-o",
          f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sockets} -c fsync=off "
          "-c max_connections=200", "start"], "start", home)
    env = dict(os.environ, PGPASSWORD=password)
    done = subprocess.run([str(pg / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "casewatch", "casewatch"],
                          capture_output=True, text=True, env=env, cwd=home)
    if done.returncode:
        sys.exit(f"PostgreSQL createdb failed: {done.stderr.strip()[-500:]}")
    return f"postgresql://casewatch:{password}@127.0.0.1:{port}/casewatch"


def stop(folder: Path, quiet: bool = False) -> None:
    location = folder / "location"
    home = Path(location.read_text().strip()) if location.is_file() else None
    if home is None or not (home / "data" / "postmaster.pid").exists():
        if not quiet:
            print(f"no server running for {folder}", file=sys.stderr)
        if home is not None:
            shutil.rmtree(home, ignore_errors=True)
            location.unlink(missing_ok=True)
        return
    _run([str(bindir() / "pg_ctl"), "-D", str(home / "data"), "-w", "-m", "fast", "stop"], "stop", home)
    shutil.rmtree(home, ignore_errors=True)
    location.unlink(missing_ok=True)


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        sys.exit(__doc__)
    folder = Path(argv[1]).resolve()
    if argv[0] == "start":
        print(start(folder))
    else:
        stop(folder)


if __name__ == "__main__":
    main(sys.argv[1:])
