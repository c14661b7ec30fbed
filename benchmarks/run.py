"""Run every benchmark script in this folder (``bench_*.py``) in turn; each prints its own table.

Two are left to an explicit run, because they take an hour or need the ``[bench]`` extra:
``bench_scale.py`` (synthetic data up to 200× the bundle) and ``bench_forecast_peers.py``
(statsforecast). ``make bench`` says so and prints their commands.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LONG = {
    "bench_scale.py": "benchmarks/bench_scale.py [--sizes 1,10,100,200]  # about an hour",
    "bench_forecast_peers.py": 'pip install -e ".[bench]" && benchmarks/bench_forecast_peers.py',
}


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        if script.name in LONG:
            print(f"\n## {script.name}: not run by make bench; run it with\n  {LONG[script.name]}")
            continue
        print(f"\n## {script.name}\n", flush=True)
        if subprocess.run([sys.executable, str(script), *sys.argv[1:]]).returncode:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
