"""Shared by the peer benchmarks: the peers' own venv, timing and peak memory of a fresh process, printing.

The peers (csc-validator-be-903, csc-validator-be-cin) are installed into var/bench/peers, never into
casewatch's environment; each measurement runs in a new process so peak RSS is that run's alone.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "var" / "bench" / "peers"
PEERS = ("csc-validator-be-903==0.1.17", "csc-validator-be-cin==0.1.13")


def peers_python() -> Path:
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", *PEERS], check=True)
    return py


def measure(cmd: list[str], repeat: int = 1) -> dict:
    """Median wall time and the largest peak RSS (MB) over ``repeat`` fresh runs; the last run's stdout."""
    times, peaks, out = [], [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
        times.append(time.perf_counter() - started)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-800:]}")
        peaks.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
        out = proc.stdout
    return {"seconds": statistics.median(times), "peak_mb": max(peaks), "stdout": out}


def last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit("no JSON in the output")


def synth(size: str, seed: int = 1) -> Path:
    out = ROOT / "var" / "bench" / f"synth-{size}-{seed}"
    if not (out / "returns").exists():
        subprocess.run([str(ROOT / ".venv" / "bin" / "casewatch"), "synth", "--out", str(out), "--size", size,
                        "--seed", str(seed), "--years", "3", "--formats", "parquet,returns"], check=True)
    return out / "returns"


def report(title: str, peer: dict, ours: dict, rows: int, peer_errors: dict, our_issues: dict) -> None:
    ratio = peer["seconds"] / ours["seconds"] if ours["seconds"] else float("inf")
    print(f"\n{title}: {rows:,} records")
    print(f"  {'':<28}{'wall s':>9}{'peak MB':>10}")
    print(f"  {'peer (pandas)':<28}{peer['seconds']:>9.2f}{peer['peak_mb']:>10.0f}")
    print(f"  {'casewatch load + validate':<28}{ours['seconds']:>9.2f}{ours['peak_mb']:>10.0f}")
    print(f"  speed-up: {ratio:.1f}x   memory: {peer['peak_mb'] / max(ours['peak_mb'], 1):.1f}x less")
    print(f"  peer's errors on casewatch's synthetic files, by rule: {sum(peer_errors.values()):,}")
    for code, n in sorted(peer_errors.items(), key=lambda kv: -kv[1]):
        print(f"    {code:<12}{n:>7,}")
    print(f"  casewatch's issues on the same files, by rule: {our_issues or 'none'}")
