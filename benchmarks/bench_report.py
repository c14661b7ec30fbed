"""``jbanalysis report`` against its floor, measured side by side in one run.

The floor is what any notebook report pays before doing anything: one kernel start plus
``import pandas, seaborn, statsmodels.api`` per notebook, run with the same parallelism as the
report. The target is report time <= 1.6 x floor (issue 13: with the map and the downloads).

Runs alternate (floor, report, floor, report, ...) so that a change in machine load hits both;
the medians and their ratio are printed and written to ``benchmarks/results/bench_report.json``.
Beside wall time, the CPU time of the whole process tree (this process and the kernels it
started and reaped) is measured: on a shared machine under load, wall times swing by tens of
percent from run to run, CPU time much less.

Usage::

    .venv/bin/python benchmarks/bench_report.py [--repeat 3] [--jobs N] [--district D] [--lang L]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from jbanalysis.report.build import build_reports, list_notebooks
from jbanalysis.report.execute import execute_notebook

FLOOR_SOURCE = "import pandas, seaborn, statsmodels.api"
TARGET_RATIO = 1.6


def floor_notebook(folder: Path) -> Path:
    """A notebook with only the imports every report notebook needs (and a parameters cell)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = nbformat.v4.new_code_cell('district = "jiangbei"\nlang = "zh"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    path = folder / "00_floor.ipynb"
    nbformat.write(nb, path)
    return path


def cpu_seconds() -> float:
    """CPU time so far of this process and of its children that have been waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_floor(path: Path, count: int, jobs: int) -> tuple[float, float]:
    """Wall and CPU time of ``count`` floor notebooks executed ``jobs`` at a time."""
    start, cpu = time.perf_counter(), cpu_seconds()
    with ThreadPoolExecutor(max_workers=min(jobs, count)) as pool:
        list(pool.map(lambda _: execute_notebook(path, {"district": "jiangbei"}), range(count)))
    return time.perf_counter() - start, cpu_seconds() - cpu


def time_report(
    out: Path, jobs: int, district: str, lang: str
) -> tuple[float, float, dict[str, float]]:
    """Wall and CPU time of a full report run (map and downloads included), and each
    notebook's own wall time."""
    start, cpu = time.perf_counter(), cpu_seconds()
    results = build_reports(district, lang, out, jobs=jobs, progress=False)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    failed = [r.notebook for r in results if not r.ok]
    if failed:
        raise SystemExit(f"report failed for {failed}: {[r.error for r in results if not r.ok]}")
    return seconds, cpu, {r.notebook: round(r.seconds, 2) for r in results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--district", default="jiangbei")
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    args = parser.parse_args(argv)
    count = len(list_notebooks())
    floors, reports, per_notebook, floor_cpu, report_cpu = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = floor_notebook(folder)
        time_floor(floor, 1, 1)  # warm-up: file caches, matplotlib's font cache
        for i in range(args.repeat):
            wall, cpu = time_floor(floor, count, args.jobs)
            floors.append(wall)
            floor_cpu.append(cpu)
            seconds, cpu, each = time_report(
                folder / f"reports{i}", args.jobs, args.district, args.lang
            )
            reports.append(seconds)
            report_cpu.append(cpu)
            per_notebook.append(each)
            print(
                f"run {i + 1}: floor {floors[-1]:.1f} s ({floor_cpu[-1]:.1f} s CPU), "
                f"report {seconds:.1f} s ({cpu:.1f} s CPU)",
                flush=True,
            )
    floor_s, report_s = statistics.median(floors), statistics.median(reports)
    ratio = report_s / floor_s
    cpu_ratio = statistics.median(report_cpu) / statistics.median(floor_cpu)
    result = {
        "notebooks": count,
        "jobs": args.jobs,
        "cores": os.cpu_count(),
        "floor_seconds": [round(s, 2) for s in floors],
        "report_seconds": [round(s, 2) for s in reports],
        "per_notebook_seconds": per_notebook,
        "median_floor": round(floor_s, 2),
        "median_report": round(report_s, 2),
        "ratio": round(ratio, 2),
        "floor_cpu_seconds": [round(s, 2) for s in floor_cpu],
        "report_cpu_seconds": [round(s, 2) for s in report_cpu],
        "cpu_ratio": round(cpu_ratio, 2),
        "target_ratio": TARGET_RATIO,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_report.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(
        f"floor (kernel + imports) x {count}: {floor_s:.1f} s; report: {report_s:.1f} s; "
        f"ratio {ratio:.2f} ({verdict} the {TARGET_RATIO}x target); CPU ratio {cpu_ratio:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
