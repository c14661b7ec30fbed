"""Overhead of jbanalysis.forecast over the same statsmodels fits called directly.

Run: ``.venv/bin/python benchmarks/bench_forecast.py [--repeats 5]`` (a few minutes on two cores).

Work: rolling-origin backtests (first training window 10 values, expanding, 1-5 years ahead, all
six models) of 3 indicators (gdp, va_tertiary, retail_sales) x the 9 central districts of the
bundled panel, every year as published (``breaks="none"``). A series with a gap inside its
observed span (yuzhong) is skipped by both sides (``gaps="error"``).

- ``jbanalysis``: ``backtest_panel`` for each indicator (input checks, warning capture, interval
  quantiles, the tidy result frame).
- ``direct``: the same fits written against statsmodels and numpy by hand: naive and drift in
  closed form, ``OLS(...).fit().get_prediction`` on levels and logs, ``ETSModel(..., damped_trend=
  True).fit().get_prediction``, four ``ARIMA(..., trend="t").fit()`` with the smallest AICc's
  ``get_forecast``; warnings silenced once; only means and variances are kept.

Both run in this process, interleaved, after a warm-up; the medians of ``--repeats`` runs are
compared, in CPU time of the process (robust when other work shares the cores) and in wall time. The import time of ``jbanalysis.forecast`` is measured against ``import pandas`` in fresh
interpreters (medians too). Target from issue 4: ratio <= 1.2.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import warnings

# One BLAS thread: the matrices are tiny, and idle BLAS threads spinning on two shared cores made
# the timings of both sides swing by a factor of three. Must be set before numpy is imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

# Imported here, not inside the timed loop: importing statsmodels installs "always" filters for
# its warnings, which would override the direct side's "ignore" on the first run.
from statsmodels.regression.linear_model import OLS  # noqa: E402
from statsmodels.tsa.arima.model import ARIMA  # noqa: E402
from statsmodels.tsa.exponential_smoothing.ets import ETSModel  # noqa: E402

from jbanalysis.forecast import backtest_panel  # noqa: E402
from jbanalysis.panel.load import load_panel  # noqa: E402
from jbanalysis.panel.views import wide  # noqa: E402

INDICATORS = ("gdp", "va_tertiary", "retail_sales")
MIN_TRAIN, HORIZON = 10, 5
ARIMA_ORDERS = ((0, 1, 0), (1, 1, 0), (0, 1, 1), (1, 1, 1))
#: The six models the direct side writes by hand (the package has more; these are compared).
MODELS = ("naive", "drift", "linear", "loglinear", "ets", "arima")


def load_series() -> dict[str, pd.DataFrame]:
    panel = load_panel(districts="central", indicators=list(INDICATORS))
    return {ind: wide(panel, ind, districts="central") for ind in INDICATORS}


def usable(column: pd.Series) -> np.ndarray | None:
    """Values of the observed span, or None if it has a gap or is too short (as jbanalysis)."""
    present = column.dropna()
    if present.empty:
        return None
    span = column.loc[present.index[0] : present.index[-1]]
    if span.isna().any() or len(span) <= MIN_TRAIN:
        return None
    return span.to_numpy(dtype=float)


def direct_fits(y: np.ndarray) -> int:
    """Backtest one series with statsmodels called directly; returns the number of model fits."""
    fits = 0
    n = len(y)
    for i in range(MIN_TRAIN, n):
        train, steps = y[:i], min(HORIZON, n - i)
        h = np.arange(1, steps + 1)
        d = np.diff(train)  # naive
        _ = (np.full(steps, train[-1]), np.mean(d**2) * h)
        dz = np.diff(np.log(train))  # drift on logs
        _ = (np.log(train[-1]) + h * dz.mean(), dz.var(ddof=1) * h * (1 + h / len(dz)))
        t = np.arange(i + steps, dtype=float)
        x = np.column_stack([np.ones_like(t), t])
        for z in (train, np.log(train)):  # linear, log-linear
            pred = OLS(z, x[:i]).fit().get_prediction(x[i:])
            _ = (pred.predicted_mean, pred.se_obs)
        ets = ETSModel(pd.Series(np.log(train)), error="add", trend="add", damped_trend=True)
        pred = ets.fit(disp=False).get_prediction(start=i, end=i + steps - 1)
        _ = (pred.predicted_mean, pred.var_pred_mean)
        results = [ARIMA(np.log(train), order=o, trend="t").fit() for o in ARIMA_ORDERS]
        best = min(results, key=lambda r: r.aicc)
        fc = best.get_forecast(steps)
        _ = (fc.predicted_mean, fc.var_pred_mean)
        fits += 6
    return fits


def run_direct(data: dict[str, pd.DataFrame]) -> int:
    fits = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for frame in data.values():
            for district in frame.columns:
                y = usable(frame[district])
                if y is not None:
                    fits += direct_fits(y)
    return fits


def run_jbanalysis(data: dict[str, pd.DataFrame]) -> int:
    fits = 0
    for frame in data.values():
        bt = backtest_panel(
            frame, models=list(MODELS), horizons=HORIZON, min_train=MIN_TRAIN, breaks="none",
            gaps="error",
        )  # fmt: skip
        fits += len(bt.drop_duplicates(["district", "origin", "model"]))
    return fits


def timed(fn, data) -> tuple[float, float, int]:
    """CPU seconds of this process, wall seconds, and the number of fits of one run."""
    cpu, wall = time.process_time(), time.perf_counter()
    fits = fn(data)
    return time.process_time() - cpu, time.perf_counter() - wall, fits


def import_seconds(statement: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args, _ = parser.parse_known_args()  # run.py may pass options meant for other scripts
    data = load_series()
    n_series = sum(usable(f[d]) is not None for f in data.values() for d in f.columns)
    # warm-up: imports and first-call caches on both sides
    run_direct({k: v.iloc[:, :2] for k, v in data.items()})
    run_jbanalysis({k: v.iloc[:, :2] for k, v in data.items()})
    direct, mine = [], []
    for r in range(args.repeats):
        order = (run_direct, run_jbanalysis) if r % 2 == 0 else (run_jbanalysis, run_direct)
        for fn in order:
            (direct if fn is run_direct else mine).append(timed(fn, data))
    fits_direct, fits_mine = direct[0][2], mine[0][2]
    if fits_direct != fits_mine:
        raise SystemExit(f"not the same work: {fits_direct} direct fits vs {fits_mine}")
    cpu_direct = statistics.median(c for c, _, _ in direct)
    cpu_mine = statistics.median(c for c, _, _ in mine)
    wall_direct = statistics.median(w for _, w, _ in direct)
    wall_mine = statistics.median(w for _, w, _ in mine)
    imp_pandas = import_seconds("import pandas", args.repeats)
    imp_forecast = import_seconds("import jbanalysis.forecast", args.repeats)
    print(
        f"series backtested: {n_series} (3 indicators x 9 central districts, gapped ones skipped)"
    )
    print(f"model fits per run: {fits_mine} (each side); repeats: {args.repeats}")
    for label, runs in (("direct statsmodels ", direct), ("jbanalysis.forecast", mine)):
        cpu = statistics.median(c for c, _, _ in runs)
        wall = statistics.median(w for _, w, _ in runs)
        print(
            f"{label}: CPU median {cpu:.2f} s {[round(c, 1) for c, _, _ in runs]}; "
            f"wall median {wall:.2f} s {[round(w, 1) for _, w, _ in runs]}"
        )
    best = min(c for c, _, _ in mine) / min(c for c, _, _ in direct)
    print(f"ratio of the fastest runs (CPU): {best:.3f}")
    print(
        f"ratio jbanalysis / direct: CPU {cpu_mine / cpu_direct:.3f}, "
        f"wall {wall_mine / wall_direct:.3f} (target <= 1.2; CPU time is the robust one on a "
        "shared machine)"
    )
    print(
        f"import: pandas {imp_pandas:.3f} s, jbanalysis.forecast {imp_forecast:.3f} s "
        f"(ratio {imp_forecast / imp_pandas:.2f}; fresh interpreters, medians)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
