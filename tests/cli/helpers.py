"""Run ``casewatch`` as a user does: the installed script, in its own process, output captured as text."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASEWATCH = Path(sys.executable).parent / "casewatch"


def run(*args, stdin: str | None = None, env: dict | None = None, expect: int = 0,
        timeout: float = 600) -> subprocess.CompletedProcess:
    """``casewatch ARGS``; asserts the exit code and that no traceback was printed, whatever the code."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("CASEWATCH_DEBUG", None)
    result = subprocess.run([str(CASEWATCH), *map(str, args)], input=stdin, capture_output=True, text=True,
                            env=full_env, timeout=timeout, cwd=ROOT)
    shown = f"casewatch {' '.join(map(str, args))}\n--- stdout\n{result.stdout[-3000:]}\n--- stderr\n" \
            f"{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, shown
    assert result.returncode == expect, f"exit {result.returncode}, expected {expect}\n{shown}"
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
