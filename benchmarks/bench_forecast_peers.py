"""jbanalysis's default ``forecast()`` against statsforecast's models on one protocol, one run.

Run: ``.venv/bin/pip install -e ".[bench]"`` once (statsforecast: a benchmark-only extra), then
``.venv/bin/python benchmarks/bench_forecast_peers.py [--variants] [--jobs 2]``. It prints a
Markdown table and writes it to ``benchmarks/results/bench_forecast_peers.md``.

Protocol (issue 10, fixed before any model was changed):

- series: the yearbook panel (source ``cq_yearbook_panel``) for gdp, retail_sales and
  fiscal_revenue of every unit with a value in every year 2005-2020 (37 units x 3 = 111 series);
  values exactly as transcribed (first releases, the 2017 interpolations of the compilers kept);
- rolling origins 2012-2019; each fit uses 2005..origin only; forecasts 1-3 years ahead where the
  outcome is in 2020 or before (21 forecasts a series, 2,331 in all);
- MASE: ``|actual - point| / d`` with ``d = mean |y[t] - y[t-1]|`` over the training years of that
  origin (the in-sample naive scale, as M4 scales yearly series); MASE mean and median over every
  forecast; coverage = % of outcomes inside the 80 % / 95 % interval;
- jbanalysis: ``forecast(train, horizon=3, indicator=..., district=...)`` with its defaults and the
  panel's vintages (the point forecast is the ``median`` column, the package's documented point
  forecast); a call that raises is counted as a failure and scored with nothing (the table says
  how many);
- statsforecast: ``Naive``, ``RandomWalkWithDrift``, ``AutoETS``, ``AutoARIMA``, ``AutoTheta``
  (``season_length=1``) fitted on the same training years, and the mean of AutoETS, AutoARIMA and
  AutoTheta (point and bounds averaged) as their combination.

``--variants`` also scores jbanalysis's single models and ``breaks="none"`` (slower). ``--jobs``
spreads the jbanalysis calls over processes (the time target is for the default on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

INDICATORS = ("gdp", "retail_sales", "fiscal_revenue")
FIRST, LAST = 2005, 2020
ORIGINS = range(2012, 2020)
HORIZON = 3
LEVELS = (80, 95)
SOURCE = "cq_yearbook_panel"


def load_series() -> dict[tuple[str, str], tuple[pd.Series, pd.Series]]:
    """``{(indicator, district): (values, vintages)}`` of the complete 2005-2020 yearbook series."""
    from jbanalysis.sources.observations import load_observations

    obs = load_observations()
    obs = obs[
        (obs["source_id"] == SOURCE)
        & obs["indicator"].isin(INDICATORS)
        & obs["year"].between(FIRST, LAST)
        & obs["value"].notna()
    ]
    out = {}
    for (indicator, district), part in obs.groupby(["indicator", "district"], sort=True):
        part = part.set_index("year").sort_index()
        if part.index.duplicated().any():
            raise SystemExit(f"{SOURCE} has two values a year for {district} {indicator}")
        if part.index.tolist() == list(range(FIRST, LAST + 1)):
            out[(indicator, district)] = (part["value"].astype(float), part["vintage"])
    return out


def _rows(key, series: pd.Series, origin: int, method: str, fc: pd.DataFrame | None, err=""):
    """Scored rows of one forecast (``fc`` has year, point, lo80, hi80, lo95, hi95)."""
    train = series.loc[:origin].to_numpy()
    scale = float(np.mean(np.abs(np.diff(train))))
    rows = []
    for h in range(1, HORIZON + 1):
        year = origin + h
        if year > LAST:
            break
        actual = float(series[year])
        row = {"indicator": key[0], "district": key[1], "origin": origin, "h": h,
               "method": method, "actual": actual, "scale": scale, "error": err}  # fmt: skip
        if fc is not None:
            f = fc[fc["year"] == year].iloc[0]
            row.update({c: float(f[c]) for c in ("point", "lo80", "hi80", "lo95", "hi95")})
        rows.append(row)
    return rows


DEFAULT = {"jbanalysis forecast() default": {}}
VARIANTS = {
    "jbanalysis default, breaks='none'": {"breaks": "none"},
    "jbanalysis default, on_break='cut'": {"on_break": "cut"},
    **{
        f"jbanalysis model={m} (own intervals)": {"model": m, "calibrate": False}
        for m in (
            "naive",
            "recent_drift",
            "drift_level",
            "drift",
            "linear",
            "theta",
            "theta_log",
            "ets_level",
            "ets",
            "arima_level",
            "arima",
        )
    },
    "jbanalysis model=recent_drift+theta_log+ets (own intervals)": {
        "model": "recent_drift+theta_log+ets",
        "calibrate": False,
    },
}


def jb_task(args) -> tuple[list[dict], float]:
    """Every origin of one series through jbanalysis (one process task); rows and CPU seconds."""
    key, series, vintages, methods = args
    import inspect

    from jbanalysis.forecast import forecast

    where = {"district": key[1]} if "district" in inspect.signature(forecast).parameters else {}
    rows, cpu = [], time.process_time()
    for origin in ORIGINS:
        train = series.loc[:origin]
        for method, kwargs in methods.items():
            try:
                fc = forecast(train, horizon=HORIZON, indicator=key[0],
                              vintages=vintages.loc[:origin], **where, **kwargs)  # fmt: skip
            except (ValueError, RuntimeError) as exc:
                rows.extend(_rows(key, series, origin, method, None, str(exc)[:200]))
                continue
            fc = fc.rename(columns={"median": "point"})
            rows.extend(_rows(key, series, origin, method, fc))
    return rows, time.process_time() - cpu


def run_jbanalysis(data, methods: dict, jobs: int) -> tuple[pd.DataFrame, float, float]:
    tasks = [(key, s, v, methods) for key, (s, v) in data.items()]
    wall = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(jb_task, tasks, chunksize=4))
    else:
        results = [jb_task(t) for t in tasks]
    wall = time.perf_counter() - wall
    rows = [r for rs, _ in results for r in rs]
    return pd.DataFrame(rows), sum(c for _, c in results), wall


def run_statsforecast(data) -> tuple[pd.DataFrame, float]:
    from statsforecast import StatsForecast
    from statsforecast.models import (
        AutoARIMA,
        AutoETS,
        AutoTheta,
        Naive,
        RandomWalkWithDrift,
    )

    names = {"Naive": "Naive", "RWD": "RandomWalkWithDrift", "AutoETS": "AutoETS",
             "AutoARIMA": "AutoARIMA", "AutoTheta": "AutoTheta"}  # fmt: skip
    long = pd.concat(
        pd.DataFrame({"unique_id": f"{k[0]}|{k[1]}", "ds": s.index.astype(int), "y": s.to_numpy()})
        for k, (s, _) in data.items()
    )
    series = {f"{k[0]}|{k[1]}": (k, s) for k, (s, _) in data.items()}
    rows = []
    start = time.perf_counter()
    for origin in ORIGINS:
        sf = StatsForecast(
            models=[Naive(), RandomWalkWithDrift(), AutoETS(season_length=1),
                    AutoARIMA(season_length=1), AutoTheta(season_length=1)],
            freq=1, n_jobs=1,
        )  # fmt: skip
        fc = sf.forecast(df=long[long["ds"] <= origin], h=HORIZON, level=list(LEVELS))
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        for uid, part in fc.groupby("unique_id", sort=False):
            key, s = series[uid]
            part = part.rename(columns={"ds": "year"})
            cols = {}
            for alias, label in names.items():
                f = pd.DataFrame({"year": part["year"].astype(int), "point": part[alias]})
                for lv in LEVELS:
                    f[f"lo{lv}"] = part[f"{alias}-lo-{lv}"].to_numpy()
                    f[f"hi{lv}"] = part[f"{alias}-hi-{lv}"].to_numpy()
                cols[label] = f
                rows.extend(_rows(key, s, origin, f"statsforecast {label}", f))
            combo = cols["AutoETS"].copy()
            value_cols = ["point", "lo80", "hi80", "lo95", "hi95"]
            combo[value_cols] = sum(cols[m][value_cols].to_numpy()
                                    for m in ("AutoETS", "AutoARIMA", "AutoTheta")) / 3  # fmt: skip
            rows.extend(_rows(key, s, origin, "statsforecast ETS+ARIMA+Theta mean", combo))
    return pd.DataFrame(rows), time.perf_counter() - start


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    ok = rows["point"].notna() if "point" in rows else pd.Series(False, index=rows.index)
    r = rows.assign(
        ase=((rows["actual"] - rows.get("point")).abs() / rows["scale"]).where(ok),
        in80=((rows["actual"] >= rows.get("lo80")) & (rows["actual"] <= rows.get("hi80"))).where(
            ok
        ),
        in95=((rows["actual"] >= rows.get("lo95")) & (rows["actual"] <= rows.get("hi95"))).where(
            ok
        ),
        failed=~ok,
    )
    g = r.groupby("method", sort=False)
    return pd.DataFrame(
        {
            "forecasts": g["ase"].count(),
            "failed": g["failed"].sum().astype(int),
            "MASE mean": g["ase"].mean(),
            "MASE median": g["ase"].median(),
            "coverage 80 %": 100 * g["in80"].mean(),
            "coverage 95 %": 100 * g["in95"].mean(),
        }
    )


def markdown(table: pd.DataFrame) -> str:
    lines = ["| method | forecasts | failed | MASE mean | MASE median | 80 % cov. | 95 % cov. |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, r in table.iterrows():
        lines.append(
            f"| {name} | {int(r['forecasts'])} | {int(r['failed'])} | {r['MASE mean']:.2f} "
            f"| {r['MASE median']:.2f} | {r['coverage 80 %']:.1f} % | {r['coverage 95 %']:.1f} % |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", action="store_true", help="also jbanalysis's single models")
    parser.add_argument("--jobs", type=int, default=2, help="processes for jbanalysis (default 2)")
    parser.add_argument("--no-peers", action="store_true", help="skip statsforecast")
    args, _ = parser.parse_known_args()  # run.py may pass options meant for other scripts
    data = load_series()
    print(f"series: {len(data)} ({', '.join(INDICATORS)}; complete {FIRST}-{LAST} in {SOURCE})")
    jb, jb_cpu, jb_wall = run_jbanalysis(data, DEFAULT, args.jobs)
    frames = [jb]
    if args.variants:
        frames.append(run_jbanalysis(data, VARIANTS, args.jobs)[0])
    sf_wall = float("nan")
    if not args.no_peers:
        try:
            sf, sf_wall = run_statsforecast(data)
            frames.append(sf)
        except ImportError:
            print("statsforecast is not installed: pip install -e '.[bench]'", file=sys.stderr)
    rows = pd.concat(frames, ignore_index=True)
    rows["error"] = rows["error"].fillna("")
    table = summary(rows)
    text = markdown(table)
    peers = table[table.index.str.startswith("statsforecast")]
    default = table.loc["jbanalysis forecast() default"]
    lines = [text, ""]
    if len(peers):
        best = peers["MASE mean"].idxmin()
        ratio = default["MASE mean"] / peers.at[best, "MASE mean"]
        lines.append(
            f"default MASE mean / best statsforecast ({best}, {peers.at[best, 'MASE mean']:.2f}): "
            f"{ratio:.3f} (target <= 0.9)"
        )
    lines.append(
        f"jbanalysis default, whole protocol: wall {jb_wall:.1f} s with {args.jobs} process(es), "
        f"CPU {jb_cpu:.1f} s (target <= 60 s on 2 cores); statsforecast, all five models: wall "
        f"{sf_wall:.1f} s (one process)"
    )
    by_ind = summary(rows.assign(method=rows["method"] + " · " + rows["indicator"]))
    lines += ["", "By indicator:", "", markdown(by_ind)]
    by_h = summary(rows.assign(method=rows["method"] + " · h=" + rows["h"].astype(str)))
    lines += ["", "By horizon:", "", markdown(by_h)]
    mine = rows[rows["method"].str.startswith("jbanalysis")]
    failures = (mine.loc[mine["error"] != "", "method"] + ": " + mine.loc[mine["error"] != "",
                "error"]).value_counts().head(8)  # fmt: skip
    if len(failures):
        lines += ["", "jbanalysis failures (most frequent):"]
        lines += [f"- {n} × {msg}" for msg, n in failures.items()]
    out = "\n".join(lines)
    print(out)
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / "bench_forecast_peers.md").write_text(out + "\n", encoding="utf-8")
    rows.to_csv(results / "bench_forecast_peers_rows.csv", index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
