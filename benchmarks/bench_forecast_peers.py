"""jbanalysis's default ``forecast()`` against statsforecast's models, protocol by protocol, one run.

Run: ``.venv/bin/pip install -e ".[bench]"`` once (statsforecast: a benchmark-only extra), then
``.venv/bin/python benchmarks/bench_forecast_peers.py [--protocol bench,other,heldout]
[--variants] [--jobs 2]``. It prints Markdown tables and writes them to
``benchmarks/results/bench_forecast_peers_<protocols>.md`` (scored rows beside them, ``_rows.csv``).

Protocols (the windows, origins, horizons and scores are the same for all three):

- ``bench`` (issue 10, fixed before any model was changed): the yearbook panel (source
  ``cq_yearbook_panel``) for gdp, retail_sales and fiscal_revenue of every unit with a value in
  every year 2005-2020 (37 units x 3 = 111 series); values exactly as transcribed (first
  releases, the 2017 interpolations of the compilers kept);
- ``other`` (issue 16): every other indicator of the bundled panel (``load_panel()``, the default
  selection) for every district and county with a value in every year 2005-2020 (986 series);
- ``heldout`` (issue 16): annual series from outside China that no choice of this package was
  made on, bundled with statsmodels so that anyone can rerun them: the World Bank's fertility
  rates of 1960-2013 by country (``fertility``), the U.S. macro aggregates of ``macrodata`` as
  yearly means, and the Grunfeld firms' investment, value and capital; each cut into windows of
  16 years (1960-75, 1976-91, 1992-2007; 1959-74, 1975-90, 1991-2006; 1935-50, 1939-54), treated
  as 2005-2020. They are positive levels (the U.S. unemployment rate a rate of 0-100 %).
- rolling origins 2012-2019; each fit uses 2005..origin only; forecasts 1-3 years ahead where the
  outcome is in 2020 or before (21 forecasts a series);
- MASE: ``|actual - point| / d`` with ``d = mean |y[t] - y[t-1]|`` over the training years of that
  origin (the in-sample naive scale, as M4 scales yearly series); a forecast whose training years
  never changed has no scale and is left out (15 of protocol ``other``'s 20,670); MASE mean and
  median over every forecast; coverage = % of outcomes inside the 80 % / 95 % interval;
- jbanalysis: ``forecast(train, horizon=3, indicator=..., district=...)`` with its defaults and the
  panel's vintages (the point forecast is the ``median`` column, the package's documented point
  forecast); the held-out series with ``breaks="none"`` and their domain; a call that raises is
  counted as a failure and scored with nothing (the table says how many);
- statsforecast: ``Naive``, ``RandomWalkWithDrift``, ``AutoETS``, ``AutoARIMA``, ``AutoTheta``
  (``season_length=1``) fitted on the same training years, and the mean of AutoETS, AutoARIMA and
  AutoTheta (point and bounds averaged) as their combination.

``--variants`` also scores jbanalysis's single models and ``breaks="none"`` (slower). ``--jobs``
spreads the jbanalysis calls over processes; the CPU time is summed over them (the target is for
the default on the ``bench`` protocol).
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


def load_other() -> dict[tuple[str, str], tuple[pd.Series, pd.Series]]:
    """Protocol ``other``: every other indicator of the bundled panel, complete 2005-2020."""
    import jbanalysis as jb

    reg = jb.load_districts()
    units = set(reg.loc[~reg["group"].isin(["aggregate", "city"]), "id"])
    panel = jb.load_panel()
    panel = panel[
        panel["value"].notna()
        & panel["year"].between(FIRST, LAST)
        & ~panel["indicator"].isin(INDICATORS)
        & panel["district"].isin(units)
    ]
    out = {}
    for (indicator, district), part in panel.groupby(["indicator", "district"], sort=True):
        part = part.set_index("year").sort_index()
        if part.index.tolist() == list(range(FIRST, LAST + 1)):
            out[(indicator, district)] = (part["value"].astype(float), part["vintage"])
    return out


def _windows(series: pd.Series, starts, key: tuple[str, str], out: dict, domain: str) -> None:
    for start in starts:
        window = series.loc[start : start + LAST - FIRST]
        if len(window) == LAST - FIRST + 1 and window.notna().all():
            moved = pd.Series(window.to_numpy(dtype=float), index=range(FIRST, LAST + 1))
            out[(key[0], f"{key[1]}:{start}")] = (moved, domain)


def load_heldout() -> dict[tuple[str, str], tuple[pd.Series, str]]:
    """Protocol ``heldout``: 16-year windows of statsmodels' bundled annual series."""
    import statsmodels.datasets as sm

    out: dict = {}
    fertility = sm.fertility.load_pandas().data
    years = [c for c in fertility.columns if c.isdigit()]
    for _, row in fertility.iterrows():
        s = pd.Series(row[years].to_numpy(dtype=float), index=[int(y) for y in years])
        _windows(s, (1960, 1976, 1992), ("fertility", row["Country Code"]), out, "[0, inf)")
    macro = sm.macrodata.load_pandas().data
    for var in ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "pop",
                "unemp"):  # fmt: skip
        s = macro.groupby("year")[var].mean()
        s.index = s.index.astype(int)
        domain = "[0, 100]" if var == "unemp" else "[0, inf)"
        _windows(s, (1959, 1975, 1991), (f"macro:{var}", "usa"), out, domain)
    grunfeld = sm.grunfeld.load_pandas().data
    for firm, part in grunfeld.groupby("firm"):
        part = part.set_index("year").sort_index()
        part.index = part.index.astype(int)
        for var in ("invest", "value", "capital"):
            _windows(part[var].astype(float), (1935, 1939), (f"grunfeld:{var}", firm), out,
                     "[0, inf)")  # fmt: skip
    return out


PROTOCOLS = {"bench": load_series, "other": load_other, "heldout": load_heldout}


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
    # the default's point forecast with the models' own intervals (cut at the domain)
    "jbanalysis default, own intervals": {"calibrate": False},
    # the former default's point (issue 10) with the backtest intervals of issue 16
    "jbanalysis model=recent_drift": {"model": "recent_drift"},
    "jbanalysis model=recent_drift+holt_damped+ar1_drift": {
        "model": "recent_drift+holt_damped+ar1_drift"
    },
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
            "holt_damped",
            "ar1_drift",
        )
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
        if isinstance(vintages, str):  # a held-out series: no registry, its domain given
            about = {"breaks": "none", "domain": vintages}
        else:
            about = {"indicator": key[0], "vintages": vintages.loc[:origin], **where}
        for method, kwargs in methods.items():
            try:
                fc = forecast(train, horizon=HORIZON, **about, **kwargs)
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
    rows = rows[rows["scale"] > 0]  # training years that never changed: no MASE scale
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


def run_protocol(name: str, args) -> tuple[str, pd.DataFrame]:
    """The tables of one protocol, as Markdown, and its scored rows."""
    data = PROTOCOLS[name]()
    lines = [f"## Protocol `{name}`: {len(data)} series", ""]
    jb, jb_cpu, jb_wall = run_jbanalysis(data, DEFAULT, args.jobs)
    frames = [jb]
    if args.variants:
        frames.append(run_jbanalysis(data, VARIANTS, args.jobs)[0])
    sf_wall = float("nan")
    if not args.no_peers:
        try:
            peer_data = {k: (s, None) for k, (s, _) in data.items()}
            sf, sf_wall = run_statsforecast(peer_data)
            frames.append(sf)
        except ImportError:
            print("statsforecast is not installed: pip install -e '.[bench]'", file=sys.stderr)
    rows = pd.concat(frames, ignore_index=True)
    rows["error"] = rows["error"].fillna("")
    table = summary(rows)
    lines.append(markdown(table))
    lines.append("")
    peers = table[table.index.str.startswith("statsforecast")]
    default = table.loc["jbanalysis forecast() default"]
    if len(peers):
        best = peers["MASE mean"].idxmin()
        ratio = default["MASE mean"] / peers.at[best, "MASE mean"]
        target = 0.95 if name == "heldout" else 0.9
        lines.append(
            f"default MASE mean / best statsforecast ({best}, {peers.at[best, 'MASE mean']:.3f}): "
            f"{ratio:.3f} (target <= {target}); coverage 80 % {default['coverage 80 %']:.1f} "
            f"(target 75-85), 95 % {default['coverage 95 %']:.1f} (target 90-98)"
        )
    lines.append(
        f"jbanalysis default, whole protocol: wall {jb_wall:.1f} s with {args.jobs} process(es), "
        f"CPU {jb_cpu:.1f} s (target <= 60 s on the bench protocol); statsforecast, all five "
        f"models: wall {sf_wall:.1f} s (one process)"
    )
    by_h = summary(rows.assign(method=rows["method"] + " · h=" + rows["h"].astype(str)))
    lines += ["", "By horizon:", "", markdown(by_h)]
    group = rows["indicator"].str.split(":").str[0]
    by_ind = summary(rows.assign(method=rows["method"] + " · " + group))
    lines += ["", "By indicator (or held-out source):", "", markdown(by_ind)]
    mine = rows[rows["method"].str.startswith("jbanalysis")]
    failures = (mine.loc[mine["error"] != "", "method"] + ": " + mine.loc[mine["error"] != "",
                "error"]).value_counts().head(8)  # fmt: skip
    if len(failures):
        lines += ["", "jbanalysis failures (most frequent):"]
        lines += [f"- {n} × {msg}" for msg, n in failures.items()]
    return "\n".join(lines), rows.assign(protocol=name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--protocol", default="bench,other,heldout",
                        help="comma-separated: bench, other, heldout (default: all three)")  # fmt: skip
    parser.add_argument("--variants", action="store_true", help="also jbanalysis's single models")
    parser.add_argument("--jobs", type=int, default=2, help="processes for jbanalysis (default 2)")
    parser.add_argument("--no-peers", action="store_true", help="skip statsforecast")
    args, _ = parser.parse_known_args()  # run.py may pass options meant for other scripts
    texts, frames = [], []
    for name in args.protocol.split(","):
        if name not in PROTOCOLS:
            raise SystemExit(f"--protocol {name!r}: expected one of {', '.join(PROTOCOLS)}")
        text, rows = run_protocol(name, args)
        print(text, flush=True)
        texts.append(text)
        frames.append(rows)
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    stem = "bench_forecast_peers_" + args.protocol.replace(",", "_")  # one run a protocol keeps
    (results / f"{stem}.md").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    pd.concat(frames, ignore_index=True).to_csv(results / f"{stem}_rows.csv", index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
