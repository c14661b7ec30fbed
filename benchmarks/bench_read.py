"""``read_table`` against a bare ``pandas.read_csv``/its own real content, side by side in one run.

* A long CSV of about 68 MB (228,228 rows: 38 districts × 78 indicators × 77 years, with a unit,
  a source and a note column) written once into a temporary folder: ``read_table`` as users call
  it (everything: sniffing, every column's role, parsing, names, units, the row account, the
  duplicate and negative checks and the slip check against the bundle) against
  ``pandas.read_csv`` of the same file. Targets: time ≤ 3×, peak memory ≤ 3× (peak resident
  memory above the interpreter's baseline, each in a fresh process). The table copies the bundled
  series, whose own jumps the slip check stops (decision 20.11): the read accepts them, with a
  reason, as a user would.
* A workbook with one formatted cell a million rows below its 3-row table against the same
  workbook without that cell. Target: ≈ 1× (it costs what its real content costs).

Run: ``.venv/bin/python benchmarks/bench_read.py [--repeat N]``; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_data import _interleaved  # one timing loop for the benchmarks (same folder)

ACCEPT = "the bench table copies the bundled series, jumps included"

NOTE = (
    "数据来源：各区国民经济和社会发展统计公报及统计年鉴，按现价计算，增长速度按可比价格计算；"
    "部分年份为初步核算数，经济普查年份按普查结果修订，历史数据未作追溯调整"
)


def write_long_csv(path: Path) -> int:
    """A long table whose values are of the size the bundled series have (so every value passes
    the plausibility check, as a real table would)."""
    import numpy as np
    import pandas as pd

    from jbanalysis.registry.districts import load_districts
    from jbanalysis.registry.indicators import load_indicators, load_units
    from jbanalysis.sources.observations import bundled_observations

    reg = load_districts()
    districts = reg[reg["level"].isin(["district", "county"])]["name_zh"].tolist()
    ids = dict(zip(reg["name_zh"], reg["id"], strict=True))
    inds = load_indicators()
    symbols = load_units().set_index("id")["symbol_zh"]
    series = (
        bundled_observations()
        .astype({"district": str, "indicator": str})
        .groupby(["district", "indicator", "year"])["value"]
        .median()
    )
    by_key = {k: g.droplevel([0, 1]) for k, g in series.groupby(level=[0, 1])}
    rng = np.random.default_rng(11)
    years = np.arange(1949, 2026)
    rows = []
    for name in districts:
        for ind in inds.itertuples(index=False):
            known = by_key.get((ids[name], ind.id))
            if known is None or not len(known):
                base = np.full(len(years), 50.0)
            else:  # the bundled value of the nearest year, as the plausibility check compares
                idx = np.abs(years[:, None] - known.index.to_numpy()[None, :]).argmin(axis=1)
                base = np.abs(known.to_numpy()[idx]) + 0.01
            values = np.round(base * rng.uniform(0.9, 1.1, len(years)), 4)
            for year, value in zip(years, values, strict=True):
                rows.append((name, int(year), ind.name_zh, value, symbols[ind.unit], "bench", NOTE))
    frame = pd.DataFrame(rows, columns=["地区", "年份", "指标", "数值", "单位", "来源", "备注"])
    frame.to_csv(path, index=False)
    return len(frame)


def write_workbooks(folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    paths = []
    for name, far in (("plain.xlsx", False), ("far.xlsx", True)):
        book = Workbook()
        sheet = book.active
        for row in [
            ["地区", "2020年", "2021年"],
            ["江北区", 1325.4, 1507.07],
            ["渝中区", 1357.6, 1517.7],
        ]:
            sheet.append(row)
        if far:
            sheet.cell(row=1_000_000, column=3).font = Font(bold=True)
        book.save(folder / name)
        paths.append(folder / name)
    return paths[0], paths[1]


_PEAK = """
import json, resource, sys
import pandas as pd
import jbanalysis.io
from jbanalysis.sources.read import read_table
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize()
before = rss()
if sys.argv[1] == "read_csv":
    pd.read_csv(sys.argv[2])
else:
    read_table(sys.argv[2], accept_implausible=sys.argv[3])
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec
with open("/proc/self/status") as fh:
    peak = next(int(ln.split()[1]) * 1024 for ln in fh if ln.startswith("VmHWM:"))
print(json.dumps({"before": before, "peak": peak}))
"""


def peak_memory(kind: str, path: Path) -> int:
    """Peak resident memory above the baseline of an interpreter with pandas and jbanalysis."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, kind, str(path), ACCEPT],
        check=True,
        capture_output=True,
        text=True,
    )
    got = json.loads(out.stdout)
    return got["peak"] - got["before"]


def cpu_times(cases: dict, repeat: int) -> dict[str, float]:
    """Median CPU seconds of this process (every thread: ``read_csv`` parses in several) per
    case, in turn: a loaded machine moves wall time much more than CPU time."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, fn in cases.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    import pandas as pd

    from jbanalysis.sources.read import read_table

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv = folder / "long.csv"
        n = write_long_csv(csv)
        size = csv.stat().st_size / 1e6
        read_table(csv, accept_implausible=ACCEPT)  # the first call pays imports and caches
        cases = {
            "read_csv": lambda: pd.read_csv(csv),
            "read_table": lambda: read_table(csv, accept_implausible=ACCEPT),
        }
        times = _interleaved(cases, args.repeat)
        cpu = cpu_times(cases, args.repeat)
        mem = {k: peak_memory(k, csv) for k in ("read_csv", "read_table")}
        plain, far = write_workbooks(folder)
        assert len(read_table(far, indicator="gdp", unit="亿元")) == 4
        books = _interleaved(
            {
                "plain": lambda: read_table(plain, indicator="gdp", unit="亿元"),
                "far": lambda: read_table(far, indicator="gdp", unit="亿元"),
            },
            max(args.repeat, 5),
        )
    mib = 1 << 20
    print("| budget | measured side by side | ratio | target |")
    print("|---|---|---|---|")
    print(
        f"| `read_table` of a long CSV ({size:.1f} MB, {n:,} rows) vs bare `pandas.read_csv` "
        f"(median of {args.repeat}) | {times['read_table']:.2f} s vs {times['read_csv']:.2f} s | "
        f"{times['read_table'] / times['read_csv']:.2f}× | ≤ 3× |"
    )
    print(
        f"| the same, CPU time of the process (all threads; median of {args.repeat}) | "
        f"{cpu['read_table']:.2f} s vs {cpu['read_csv']:.2f} s | "
        f"{cpu['read_table'] / cpu['read_csv']:.2f}× | ≤ 3× |"
    )
    print(
        f"| peak memory of the same (above the interpreter's baseline, fresh processes) | "
        f"{mem['read_table'] / mib:.0f} MiB vs {mem['read_csv'] / mib:.0f} MiB | "
        f"{mem['read_table'] / mem['read_csv']:.2f}× | ≤ 3× |"
    )
    print(
        "| `read_table` of a 3-row workbook with one formatted cell at row 1,000,000 vs the same "
        f"workbook without it | {books['far'] * 1000:.0f} ms vs {books['plain'] * 1000:.0f} ms | "
        f"{books['far'] / books['plain']:.2f}× | ≈ 1× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
