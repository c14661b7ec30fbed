"""Peak memory of ``jbanalysis report``: the whole process tree (the command and its kernels).

``ru_maxrss`` only knows the largest single process, and a report runs one kernel per notebook in
parallel, so this samples ``/proc/<pid>/status`` (VmRSS) of the command and all its descendants
every 50 ms and reports the largest sum, next to the peak of the command's own process and of one
bare kernel running the floor imports for scale. Linux only.

Usage: ``.venv/bin/python benchmarks/bench_memory.py [--jobs N] [--district D] [--lang L]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        kids = []
        # every thread's children: the kernels are started from worker threads
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                kids += [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
        found += kids
        stack += kids
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_tree_rss(argv: list[str]) -> tuple[float, float, float]:
    """Run ``argv``; return (wall seconds, peak RSS of the tree in MiB, peak of the root)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_tree = peak_root = 0
    while proc.poll() is None:
        root = _rss_kib(proc.pid)
        total = root + sum(_rss_kib(p) for p in _children(proc.pid))
        peak_tree, peak_root = max(peak_tree, total), max(peak_root, root)
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return time.perf_counter() - start, peak_tree / 1024, peak_root / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--district", default="jiangbei")
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--repeat", type=int, default=1, help="ignored (one run is enough here)")
    args = parser.parse_args(argv)
    exe = Path(sys.executable).with_name("jbanalysis")
    with tempfile.TemporaryDirectory() as out:
        cmd = [str(exe), "report", "--district", args.district, "--lang", args.lang]
        cmd += ["--out", out, "--jobs", str(args.jobs)]
        wall, tree, root = peak_tree_rss(cmd)
    floor = peak_tree_rss(
        [sys.executable, "-c", "import pandas, seaborn, statsmodels.api, matplotlib.pyplot"]
    )[1]
    print("| measurement | value |")
    print("|---|---|")
    print(f"| jbanalysis report, jobs={args.jobs}: wall | {wall:.1f} s |")
    print(f"| peak RSS of the process tree (command + kernels) | {tree:.0f} MiB |")
    print(f"| peak RSS of the command's own process | {root:.0f} MiB |")
    print(
        f"| one interpreter with pandas, seaborn, statsmodels, pyplot (scale) | {floor:.0f} MiB |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
