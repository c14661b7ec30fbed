"""Scale: the bundled data replicated 1×, 10×, 100× and 200× (≈ 4.3 M observations), end to end.

A user who loads all of China's ≈ 2,850 county-level units (≈ 30 years × 50 indicators each,
≈ 4.3 M values) must not hit a wall. This builds synthetic data folders of that size and times each
step a user runs on them, with its peak memory, against three targets:

* the log-log growth slope of every step between sizes ≤ 1.1 (linear, give or take a log);
* ``load_panel()`` (cold: read and select) ≤ 2× a bare ``pandas.read_csv`` of the same
  ``observations.csv``, at every size (the two run alternately in one process);
* the peak memory of every step ≤ 3× the in-memory size of the observations frame
  (``load_observations().memory_usage(deep=True)``).

**The synthetic data.** Size k is k replicas of the bundled data folder, so that every structure a
real table has is there in proportion: the same five source files (a yearbook panel, a dataset, two
compilations of published pages, a census table), the same categories, vintages competing for a
share of the keys (first release, revised, preliminary, estimates), periods and bounds, the 600
corrections (numbers, exclusions, interpolation flags, accepted findings), the registered breaks,
gaps. Replica ``r`` of a unit is a new registry unit (``jiangbei_r7``, published as ``江北区#7``);
its money levels are scaled by a random factor ``f``, its population and counts by ``g``, its
per-capita money by ``f / g`` (rates unchanged), each value rounded to the digits it was printed
with; its records get a suffix ``@r7`` and its corrections follow it. In the replicas 1 % of the
yearbook values (never a corrected one) are left out, so gaps are not only where the bundle has
them. Replica 0 is the bundled data itself: at 1× ``build`` reproduces ``data/observations.csv``.
The shape differs from China's in one way: k × 43 registry units with ≈ 500 values each rather
than 2,850 with ≈ 1,500, which makes every per-unit cost count three times more often, not less.

**Measurement.** Each step runs in a fresh interpreter (``JBANALYSIS_DATA`` = the synthetic
folder) that first loads the step's inputs and warms the imports; time is wall and CPU seconds
(median of ``--repeat`` runs at 1× and 10×, one run above: each takes minutes); memory is the
process's resident-set high-water mark (``VmHWM``, reset through ``/proc/self/clear_refs`` just
before the step) minus its resident set at that moment: what the step adds on top of its inputs.
Slopes use CPU seconds (wall time on a shared machine moves with other people's jobs). Linux only.

Steps: ``build`` (:func:`jbanalysis.data.build`: read the sources, correct, convert, write
``observations.csv`` and ``datapackage.json``), ``read_csv`` (the floor), ``load_panel``,
``conflicts``, ``validate`` (``validate(folder)``: hashes, two builds, every rule), ``wide``
(``wide(panel, "gdp", districts=None)``: every unit), ``coverage`` (``coverage(panel,
districts=None)``: every unit × year × indicator), ``trace`` (one key's candidates with their
source rows).

Usage::

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1,10,100,200] [--repeat 3] [--work DIR]

Synthetic folders are made in ``--work`` (default: a temporary folder, removed afterwards; a
given folder is kept and reused). Results: a Markdown table on stdout and
``benchmarks/results/bench_scale.json``.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("build", "load_panel", "conflicts", "validate", "wide", "coverage", "trace")
TARGET_SLOPE = 1.1
TARGET_READ_CSV = 2.0
TARGET_MEMORY = 3.0
SEED = 20261201
REGISTRY_FILES = ("indicators.csv", "units.csv", "terms.csv", "sources.csv")


# -- the synthetic data folder ----------------------------------------------------------------


def _bundled() -> Path:
    from jbanalysis.registry.paths import _default_bundle_dir

    return _default_bundle_dir()


def _suffix_id(name: str, r: int) -> str:
    return name if r == 0 or not name else f"{name}_r{r}"


def _suffix_name(name: str, r: int) -> str:
    return name if r == 0 or not name else f"{name.strip()}#{r}"


def _factors(k: int) -> list[tuple[float, float]]:
    """(money factor, population factor) of each replica; replica 0 is the bundle itself."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    out = [(1.0, 1.0)]
    for _ in range(1, k):
        out.append((float(np.exp(rng.normal(0, 0.3))), float(np.exp(rng.normal(0, 0.3)))))
    return out


def _scale_kind(indicators) -> dict[str, str]:
    """How each indicator's values scale: ``money``, ``persons``, ``per_capita`` or ``none``."""
    units = {}
    import pandas as pd

    unit_table = pd.read_csv(_bundled() / "units.csv", dtype=str, keep_default_na=False)
    units = dict(zip(unit_table["id"], unit_table["dimension"], strict=True))
    out = {}
    for row in indicators.to_dict("records"):
        dim = units[row["unit"]]
        if dim in ("percent", "ratio"):
            out[row["id"]] = "none"
        elif dim == "money":
            out[row["id"]] = "per_capita" if row["kind"] == "per_capita" else "money"
        else:  # persons, households, counts, beds, tonnes, hectares: grow with the unit
            out[row["id"]] = "persons"
    return out


def _decimals(texts) -> list[int]:
    return [len(t.split(".")[1]) if "." in t else 0 for t in texts]


def _scaled(texts, factor: float, decimals=None) -> list[str]:
    """Each printed number times ``factor``, printed with as many decimals as before."""
    decimals = _decimals(texts) if decimals is None else decimals
    out = []
    for text, d in zip(texts, decimals, strict=True):
        if factor == 1.0 or not text or "e" in text.lower():
            out.append(text)
        else:
            out.append(f"{float(text) * factor:.{d}f}")
    return out


def make_folder(k: int, dest: Path) -> Path:
    """Write a data folder of ``k`` replicas of the bundled data to ``dest`` (sources only:
    ``build`` writes ``observations.csv`` and ``datapackage.json``)."""
    import numpy as np
    import pandas as pd

    src = _bundled()
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "sources").mkdir(exist_ok=True)
    for name in REGISTRY_FILES:
        shutil.copy(src / name, dest / name)
    read = dict(dtype=str, keep_default_na=False)
    factors = _factors(k)
    kind = _scale_kind(pd.read_csv(src / "indicators.csv", **read))

    districts = pd.read_csv(src / "districts.csv", **read)
    ids = set(districts["id"])
    copies = []
    for r in range(k):
        d = districts.copy()
        d["id"] = d["id"].map(lambda x, r=r: _suffix_id(x, r))
        for col in ("name_zh", "name_en"):
            d[col] = d[col].map(lambda x, r=r: _suffix_name(x, r))
        d["adcode"] = d["adcode"].map(lambda x, r=r: f"{x}{r:03d}" if x and r else x)
        d["member_of"] = d["member_of"].map(
            lambda x, r=r: "|".join(_suffix_id(m, r) for m in x.split("|")) if x else x
        )
        d["aliases"] = d["aliases"].map(
            lambda x, r=r: "|".join(_suffix_name(a, r) for a in x.split("|")) if x else x
        )
        copies.append(d)
    pd.concat(copies).to_csv(dest / "districts.csv", index=False, lineterminator="\n")

    breaks = pd.read_csv(src / "breaks.csv", **read)
    breaks["districts"] = breaks["districts"].map(
        lambda spec: "|".join(
            _suffix_id(d, r) for d in spec.split("|") for r in (range(k) if d in ids else [0])
        )
    )
    breaks.to_csv(dest / "breaks.csv", index=False, lineterminator="\n")

    corrections = pd.read_csv(src / "corrections.csv", **read)
    fixed = set(zip(corrections["source_id"], corrections["record"], strict=True))
    published: dict[tuple[str, str], str] = {}  # (source, replica record) -> printed value
    rng = np.random.default_rng(SEED + 1)
    for path in sorted((src / "sources").glob("*.csv")):
        table = pd.read_csv(path, **read)
        how = table["indicator"].map(kind).fillna("none").to_numpy()
        texts = table["value"].to_numpy(dtype=object)
        decimals = np.array(_decimals(texts))
        corrected = np.array([(path.stem, rec) in fixed for rec in table["record"]], dtype=bool)
        names = table["district"].to_numpy(dtype=object)
        with open(dest / "sources" / path.name, "w", encoding="utf-8", newline="") as out:
            table.to_csv(out, index=False)  # replica 0: the bundled file itself
            for r, (f_money, f_pop) in enumerate(factors[1:], start=1):
                t = table.copy()
                values = texts.copy()
                for scale, f in (("money", f_money), ("persons", f_pop)):
                    rows = np.flatnonzero(how == scale)
                    values[rows] = _scaled(texts[rows], f, decimals[rows])
                rows = np.flatnonzero(how == "per_capita")
                values[rows] = _scaled(texts[rows], f_money / f_pop, decimals[rows])
                t["value"] = values
                t["district"] = [_suffix_name(n, r) for n in names]
                t["record"] = t["record"] + f"@r{r}"
                keep = corrected.copy()
                if path.stem == "cq_yearbook_panel":  # gaps: 1 % of the yearbook's values
                    keep |= rng.random(len(t)) >= 0.01
                else:
                    keep[:] = True
                for rec, value in zip(t["record"][corrected], values[corrected], strict=True):
                    published[(path.stem, rec)] = value  # what the replica's corrections match
                t[keep].to_csv(out, header=False, index=False)

    copies = [corrections]
    for r, (f_money, f_pop) in enumerate(factors[1:], start=1):
        factor = {"money": f_money, "persons": f_pop, "per_capita": f_money / f_pop}
        c = corrections[corrections["record"] != "*"].copy()  # a whole column-year: once
        c["correction_id"] = c["correction_id"] + f"-r{r}"
        c["record"] = c["record"] + f"@r{r}"
        c["district"] = c["district"].map(lambda x, r=r: _suffix_id(x, r) if x in ids else x)
        c["published_value"] = [
            published[(s, rec)] for s, rec in zip(c["source_id"], c["record"], strict=True)
        ]
        c["corrected_value"] = [
            _scaled([v], factor.get(kind.get(ind, "none"), 1.0))[0]
            if v.lower() not in ("exclude", "keep", "interpolated")
            else v
            for v, ind in zip(c["corrected_value"], c["indicator"], strict=True)
        ]
        copies.append(c)
    pd.concat(copies).to_csv(dest / "corrections.csv", index=False, lineterminator="\n")
    (dest / ".complete").write_text(str(k))
    return dest


# -- one step in a fresh interpreter ----------------------------------------------------------


def _status() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            name, value = line.split(":")
            out[name] = int(value.split()[0]) * 1024
    return out


def _trim() -> None:
    """Give freed memory back to the system, so that a step cannot hide in what an earlier one
    freed (glibc ``malloc_trim``; a no-op elsewhere)."""
    import ctypes

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _measure(fn, setup=None) -> dict:
    """Wall and CPU seconds of ``fn()``; peak resident memory it adds (bytes)."""
    if setup is not None:
        setup()
    _trim()
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current VmRSS
    before = _status()["VmRSS"]
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _status()["VmHWM"]
    del result
    return {"wall": wall, "cpu": cpu, "peak": peak - before, "rss_before": before}


def _worker(step: str, folder: Path, repeat: int) -> dict:
    import pandas as pd

    import jbanalysis.metrics.vintages  # noqa: F401  (imports validation uses, not measured)
    from jbanalysis import data, panel
    from jbanalysis.checks import validate as validation
    from jbanalysis.sources.source_files import read_observations_file

    runs: dict[str, list[dict]] = {}

    def run(name, fn, times=repeat, setup=None):
        for _ in range(times):
            runs.setdefault(name, []).append(_measure(fn, setup))

    if step == "build":
        run("build", lambda: data.build(folder))
    elif step == "load_panel":
        path = str(folder / "observations.csv")
        clear = read_observations_file.cache_clear
        for _ in range(repeat):  # alternately, so that the machine's load hits both alike
            run("read_csv", lambda: pd.read_csv(path), 1)
            run("load_panel", panel.load_panel, 1, setup=clear)
    else:
        obs = data.load_observations()
        table = panel.load_panel()
        gdp = table[table["indicator"] == "gdp"].iloc[len(table[table["indicator"] == "gdp"]) // 2]
        steps = {
            "conflicts": lambda: panel.conflicts(),
            "validate": lambda: validation.validate(folder),
            "wide": lambda: panel.wide(table, "gdp", districts=None),
            "coverage": lambda: panel.coverage(table, districts=None),
            "trace": lambda: data.trace(gdp["district"], int(gdp["year"]), "gdp"),
        }
        steps[step]()  # warm: imports and registries, not what is measured
        run(step, steps[step])
        del obs
    out = {}
    for name, measured in runs.items():
        out[name] = {
            "wall": statistics.median(m["wall"] for m in measured),
            "cpu": statistics.median(m["cpu"] for m in measured),
            "peak": max(m["peak"] for m in measured),
            "runs": len(measured),
        }
    obs = data.load_observations()
    out["_obs"] = {"rows": len(obs), "bytes": int(obs.memory_usage(deep=True).sum())}
    return out


def _run_step(step: str, folder: Path, repeat: int) -> dict:
    env = {**os.environ, "JBANALYSIS_DATA": str(folder)}
    cmd = [sys.executable, __file__, "--worker", step, "--folder", str(folder)]
    cmd += ["--repeat", str(repeat)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"step {step} at {folder} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the report --------------------------------------------------------------------------------


def _slope(a: tuple[float, float], b: tuple[float, float]) -> float:
    (n1, t1), (n2, t2) = a, b
    if t1 <= 0 or t2 <= 0:
        return float("nan")
    return math.log(t2 / t1) / math.log(n2 / n1)


def _figure(results: dict[int, dict], k: int, name: str) -> dict:
    return results[k]["load_panel" if name == "read_csv" else name][name]


def _table(results: dict[int, dict]) -> str:
    """Three Markdown tables: time with slopes, peak memory, load_panel against read_csv."""
    sizes = sorted(results)
    names = ["build", "read_csv", "load_panel", *STEPS[2:]]
    names = [n for n in names if all(n == "read_csv" or n in results[k] for k in sizes)]
    obs = {k: results[k]["build"]["_obs"] for k in sizes}
    head = " | ".join(f"{k}×" for k in sizes)
    rule = "|---|" + "---|" * len(sizes)
    rows = " | ".join(f"{obs[k]['rows']:,}" for k in sizes)
    lines = [f"| CPU s (wall s) | {head} | slopes | ≤ {TARGET_SLOPE} |", rule + "---|---|"]
    lines.append(f"| observations | {rows} | | |")
    for name in names:
        cells, points = [], []
        for k in sizes:
            m = _figure(results, k, name)
            cells.append(f"{m['cpu']:.2f} ({m['wall']:.1f})")
            points.append((obs[k]["rows"], m["cpu"]))
        slopes = [_slope(a, b) for a, b in itertools.pairwise(points)]
        worst = max((x for x in slopes if x == x), default=float("nan"))
        verdict = "" if name == "read_csv" else ("met" if worst <= TARGET_SLOPE else "**missed**")
        lines.append(
            f"| {name} | {' | '.join(cells)} | {', '.join(f'{x:.2f}' for x in slopes)} | "
            f"{verdict} |"
        )
    lines += [
        "",
        f"| peak memory added, MiB (× observations frame) | {head} | ≤ {TARGET_MEMORY}× |",
    ]
    lines.append(rule + "---|")
    size = " | ".join(f"{obs[k]['bytes'] / 2**20:.1f}" for k in sizes)
    lines.append(f"| observations frame in memory (deep) | {size} | |")
    for name in names:
        ratios = [_figure(results, k, name)["peak"] / obs[k]["bytes"] for k in sizes]
        cells = [
            f"{_figure(results, k, name)['peak'] / 2**20:.0f} ({r:.1f}×)"
            for k, r in zip(sizes, ratios, strict=True)
        ]
        worst = max(ratios)
        verdict = "" if name == "read_csv" else ("met" if worst <= TARGET_MEMORY else "**missed**")
        lines.append(f"| {name} | {' | '.join(cells)} | {verdict} |")
    lines += ["", f"| load_panel / read_csv | {head} | ≤ {TARGET_READ_CSV}× |", rule + "---|"]
    for clock in ("cpu", "wall"):
        ratios = [
            _figure(results, k, "load_panel")[clock] / _figure(results, k, "read_csv")[clock]
            for k in sizes
        ]
        verdict = "met" if max(ratios) <= TARGET_READ_CSV else "**missed**"
        lines.append(f"| {clock} | {' | '.join(f'{r:.2f}×' for r in ratios)} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,200")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep and reuse the synthetic folders here")
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args.worker, args.folder, args.repeat)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    steps = [s for s in STEPS if s in args.steps.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="jb-scale-"))
    results: dict[int, dict] = {}
    try:
        for k in sizes:
            folder = work / f"x{k}"
            if not (folder / ".complete").is_file():
                start = time.perf_counter()
                make_folder(k, folder)
                print(f"{k}×: synthetic folder in {time.perf_counter() - start:.0f} s", flush=True)
            repeat = args.repeat if k <= 10 else 1
            results[k] = {}
            for step in ["build", *[s for s in steps if s != "build"]]:
                results[k][step] = _run_step(step, folder, repeat)
                m = results[k][step][step]
                print(
                    f"{k}×: {step} {m['cpu']:.2f} s CPU, {m['wall']:.2f} s wall, "
                    f"+{m['peak'] / 2**20:.0f} MiB",
                    flush=True,
                )
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "bench_scale.json").write_text(json.dumps(results, indent=1) + "\n")
    print()
    print(_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
