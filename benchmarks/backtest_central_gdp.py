"""Backtest table of GDP for the nine central districts: every model's MASE and coverage vs drift.

Run: ``.venv/bin/python benchmarks/backtest_central_gdp.py`` (about a minute on two cores). It
prints Markdown tables (recorded in ``docs/forecasts.md``) and writes them to
``benchmarks/results/backtest_central_gdp.md``.

Design (fixed before looking at the results):
- data: the bundled panel, default selection policy, indicator ``gdp``, the nine central districts;
- A, all years 2005-2022 as published (``breaks="none"``): first training window 10 years,
  expanding, forecasts 1-5 years ahead; the 2009 and 2019 census jumps stay in the data and hit
  every model (no model can foresee a revision);
- B, the single-basis stretch 2009-2018 (between the 2008 and 2018 census jumps of the first
  releases): first training window 6 years, 1-4 years ahead; ETS and ARIMA need 10 training values,
  so only naive, drift, linear and log-linear are compared there;
- two pre-specified equal-weight combinations: drift+ets+arima and all models (A only);
- a district that cannot be backtested is listed with the reason, not dropped silently.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

from jbanalysis.forecast import backtest_panel, combine_backtest, score
from jbanalysis.panel.load import load_panel
from jbanalysis.panel.views import wide

COMBOS_A = (("drift", "ets", "arima"), ("naive", "drift", "linear", "loglinear", "ets", "arima"))


def _with_combos(bt: pd.DataFrame, combos) -> pd.DataFrame:
    frames = [bt]
    for members in combos:
        for district, part in bt.groupby("district", sort=False):
            combo = combine_backtest(part.drop(columns="district"), members)
            combo.insert(0, "district", district)
            frames.append(combo)
    return pd.concat(frames, ignore_index=True)


def _fmt(value: float, digits: int = 2) -> str:
    return "" if pd.isna(value) else f"{value:.{digits}f}"


def tables(bt: pd.DataFrame, skipped: dict[str, str], title: str) -> str:
    """Markdown: MASE by district x model (relative to drift), pooled summary, coverage."""
    per = score(bt, by=["district", "model"])
    models = list(dict.fromkeys(bt["model"]))
    districts = list(dict.fromkeys(bt["district"]))
    lines = [f"### {title}", ""]
    lines.append("MASE by district (lower is better; drift = the benchmark):")
    lines.append("")
    lines.append("| district | " + " | ".join(models) + " | best |")
    lines.append("|---" * (len(models) + 2) + "|")
    for d in districts:
        row = per.loc[d, "MASE"].reindex(models)
        best = row.idxmin()
        lines.append(f"| {d} | " + " | ".join(_fmt(row[m]) for m in models) + f" | {best} |")
    for d, reason in skipped.items():
        lines.append(
            f"| {d} | " + " | ".join("–" for _ in models) + f" | not backtested: {reason} |"
        )
    lines.append("")
    pooled = score(bt, by="model").reindex(models)
    drift_mase = per.xs("drift", level="model")["MASE"]
    rel = per["MASE"].unstack("model").reindex(columns=models).div(drift_mase, axis=0)
    wins = per["MASE"].unstack("model").reindex(columns=models).idxmin(axis=1).value_counts()
    lines.append("All districts pooled (every origin and horizon of every district):")
    lines.append("")
    lines.append(
        "| model | forecasts | MASE | MASE / drift (median over districts) | districts won "
        "| sMAPE % | coverage 80 % | coverage 95 % |"
    )
    lines.append("|---|---|---|---|---|---|---|---|")
    for m in models:
        p = pooled.loc[m]
        lines.append(
            f"| {m} | {int(p['n'])} | {_fmt(p['MASE'])} | {_fmt(rel[m].median())} "
            f"| {int(wins.get(m, 0))} | {_fmt(p['sMAPE'], 1)} | {_fmt(p['coverage80'], 0)} "
            f"| {_fmt(p['coverage95'], 0)} |"
        )
    lines.append("")
    by_h = score(bt, by=["model", "h"])["MASE"].unstack("h").reindex(models)
    lines.append("Pooled MASE by horizon (years ahead):")
    lines.append("")
    lines.append("| model | " + " | ".join(f"h={h}" for h in by_h.columns) + " |")
    lines.append("|---" * (len(by_h.columns) + 1) + "|")
    for m in models:
        lines.append(f"| {m} | " + " | ".join(_fmt(v) for v in by_h.loc[m]) + " |")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    start = time.perf_counter()
    panel = load_panel(districts="central", indicators="gdp")
    gdp = wide(panel, "gdp", districts="central")
    bt_a = backtest_panel(gdp, models="all", horizons=5, min_train=10, breaks="none")
    out = [
        tables(
            _with_combos(bt_a, COMBOS_A),
            bt_a.attrs["skipped"],
            "A. GDP 2005-2022 as published, origins 2014-2021, 1-5 years ahead",
        )
    ]
    stretch = gdp.loc[2009:2018]
    bt_b = backtest_panel(stretch, models="all", horizons=4, min_train=6, breaks="none")
    out.append(
        tables(
            bt_b,
            bt_b.attrs["skipped"],
            "B. GDP 2009-2018 (one census basis), origins 2014-2017, 1-4 years ahead",
        )
    )
    n_warn = sum(len(v) for v in bt_a.attrs["diagnostics"].values())
    out.append(
        f"statsmodels warnings captured in diagnostics (A): {n_warn}; "
        f"run time {time.perf_counter() - start:.0f} s."
    )
    text = "\n".join(out)
    print(text)
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / "backtest_central_gdp.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
