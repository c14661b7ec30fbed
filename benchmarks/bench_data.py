"""Benchmarks of the foundation, as ratios of medians measured side by side in one run.

* ``import jbanalysis`` (and ``from jbanalysis import load_panel``, which brings pandas in)
  against ``import pandas``, each in a fresh interpreter; target ≤ 1.3×.
* ``load_panel()`` on a cold cache against a bare ``pandas.read_csv`` of the same file
  (``data/observations.csv``, every row the panel is selected from); target ≤ 2×.
  The warm figure (observations cached in the process) is reported too.

Run: ``.venv/bin/python benchmarks/bench_data.py [--repeat N]``; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _interleaved(cases: dict, repeat: int) -> dict[str, float]:
    """Median seconds of each case, running the cases in turn so that drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(ts) for name, ts in times.items()}


def _python(code: str):
    return lambda: subprocess.run([sys.executable, "-c", code], check=True)


def bench_import(repeat: int) -> dict[str, float]:
    return _interleaved(
        {
            "import pandas": _python("import pandas"),
            "import jbanalysis": _python("import jbanalysis"),
            "from jbanalysis import load_panel": _python("from jbanalysis import load_panel"),
        },
        repeat,
    )


def bench_load_panel(repeat: int) -> dict[str, float]:
    import pandas as pd

    from jbanalysis.panel.load import load_panel
    from jbanalysis.registry.paths import bundle_path
    from jbanalysis.sources.source_files import read_observations_file

    path = str(bundle_path("observations.csv"))

    def cold():
        read_observations_file.cache_clear()
        load_panel()

    load_panel()  # first call pays one-off imports; not what is measured
    return _interleaved(
        {
            "pandas.read_csv(observations.csv)": lambda: pd.read_csv(path),
            "load_panel() cold": cold,
            "load_panel() warm": load_panel,
        },
        repeat,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args(argv)
    imp = bench_import(args.repeat)
    panel = bench_load_panel(args.repeat)
    base_i, base_p = imp["import pandas"], panel["pandas.read_csv(observations.csv)"]
    print("| measurement | median (ms) | ratio | target |")
    print("|---|---|---|---|")
    for name, sec in imp.items():
        target = "" if name == "import pandas" else "≤ 1.3×"
        print(f"| {name} | {sec * 1000:.1f} | {sec / base_i:.2f}× | {target} |")
    for name, sec in panel.items():
        target = "≤ 2×" if "cold" in name else ""
        print(f"| {name} | {sec * 1000:.1f} | {sec / base_p:.2f}× | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
