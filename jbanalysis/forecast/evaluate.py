"""Rolling-origin backtests and their accuracy scores.

A backtest refits every model on an expanding window (the first ``min_train`` values, then one
more, ...) and compares its forecasts ``h`` years ahead with what was later observed. Scores:

* ``MAE = mean|e|``, ``e = actual - point forecast`` (the median), in the series' unit;
* ``MAPE = 100 * mean(|e| / |actual|)``, %;
* ``sMAPE = 100 * mean(2 |e| / (|actual| + |forecast|))``, % (the M4 competition's definition,
  Makridakis, Spiliotis & Assimakopoulos 2020, *Int. J. Forecasting* 36(1));
* ``MASE = mean(|e| / d)``, where ``d`` is the in-sample mean absolute one-step naive error
  ``mean|y[t] - y[t-1]|`` of the training window of that origin (Hyndman & Koehler 2006): 1 means
  "as wrong as last year's change", unit-free, comparable across districts;
* ``coverage80`` / ``coverage95``: % of actuals inside the 80 % / 95 % interval.

The choice among models is :mod:`~jbanalysis.forecast.selection`, the calibration of intervals
:mod:`~jbanalysis.forecast.calibration`; the protocol's numbers are in
:mod:`~jbanalysis.forecast.protocol` (and, for the sentences that quote them, here too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from jbanalysis.forecast.breaks import step_over
from jbanalysis.forecast.fitting import check_levels, level_name, model_label, predict
from jbanalysis.forecast.models import MODEL_NAMES, MODELS, ModelFitError, check_model
from jbanalysis.forecast.options import FitOptions, fit_options
from jbanalysis.forecast.protocol import (
    BACKTEST_HORIZON,
    CALIBRATED_BANDS,
    MIN_ERRORS_TO_CALIBRATE,
    MIN_ORIGINS_TO_SELECT,
    default_min_train,
)
from jbanalysis.forecast.series import FitWindow, fit_window

__all__ = [
    "BACKTEST_HORIZON",
    "CALIBRATED_BANDS",
    "MIN_ERRORS_TO_CALIBRATE",
    "MIN_ORIGINS_TO_SELECT",
    "backtest",
    "backtest_window",
    "combine_backtest",
    "default_min_train",
    "score",
]


def _horizon_list(horizons: int | Iterable[int]) -> list[int]:
    if isinstance(horizons, int | np.integer) and not isinstance(horizons, bool):
        hs = list(range(1, int(horizons) + 1))
    else:
        hs = sorted({int(h) for h in horizons})
    if not hs or hs[0] < 1:
        raise ValueError(
            f"horizons must be years ahead >= 1 (an int H means 1..H); got {horizons!r}"
        )
    return hs


def _models_for(
    models: str | Sequence[str], window: FitWindow, min_train: int, notes: list[str]
) -> list[str]:
    """Models to backtest: all eligible ones for ``"all"`` (noting those left out), else checked."""
    if isinstance(models, str) and models == "all":
        chosen = []
        for name in MODEL_NAMES:
            spec = MODELS[name]
            if spec.log == "always" and not window.positive:
                notes.append(f"{name} left out: the series has values <= 0")
            elif spec.min_values > min_train:
                notes.append(
                    f"{name} left out: needs {spec.min_values} training values, "
                    f"min_train={min_train}"
                )
            else:
                chosen.append(name)
        return chosen
    names = [models] if isinstance(models, str) else list(models)
    for name in names:
        check_model(name, min_train, window.positive)
    return names


def backtest_window(
    window: FitWindow,
    models: str | Sequence[str] = "all",
    horizons: int | Iterable[int] = 5,
    min_train: int | None = None,
    level: Iterable[float] = (80, 95),
) -> pd.DataFrame:
    """Backtest on an already chosen fitting window (see :func:`backtest`)."""
    levels = check_levels(level)
    hs = _horizon_list(horizons)
    n = window.n
    if min_train is None:
        min_train = default_min_train(n)
    if min_train < 3 or min_train >= n:
        raise ValueError(
            f"min_train={min_train} leaves no origin: the fitting window "
            f"{window.start}–{window.end} has {n} values; a backtest needs 3 <= min_train < {n}"
        )
    notes = list(window.notes)
    names = _models_for(models, window, min_train, notes)
    y, years = window.published, window.years
    bounds = [(lv, (1 - lv / 100) / 2) for lv in levels]
    rows: list[tuple] = []
    diagnostics: list[str] = []
    for i in range(min_train, n):
        origin = int(years[i - 1])
        steps = [h for h in hs if i + h <= n and np.isfinite(y[i + h - 1])]
        if not steps or not np.isfinite(y[i - 1]):
            continue  # an origin or an outcome in a gap: nothing to forecast from or score
        # each origin re-levels its own past: a break after the origin is not known there
        train = window.head(i)
        scale = float(np.mean(np.abs(np.diff(step_over(train.published)))))
        for name in names:
            try:
                dist, _, diag = predict((name,), train.filled, steps[-1], train.keep)
            except ModelFitError as exc:
                diagnostics.append(f"origin {origin}: {exc}")
                for h in steps:
                    rows.append(
                        (origin, h, int(years[i + h - 1]), name, y[i + h - 1], np.nan, np.nan)
                        + (np.nan,) * (2 * len(levels))
                        + (scale, i, f"failed: {exc}")
                    )
                continue
            diagnostics.extend(f"origin {origin}: {d}" for d in diag)
            mean, median = dist.mean(), dist.quantile(0.5)
            qs = []
            for _, tail in bounds:
                qs.append(dist.quantile(tail))
                qs.append(dist.quantile(1 - tail))
            for h in steps:
                j = h - 1
                bounds_h = [float(q[j]) for q in qs]
                rows.append((origin, h, int(years[i + j]), name, y[i + j], mean[j], median[j],
                             *bounds_h, scale, i, "ok"))  # fmt: skip
    level_cols = [level_name(k, lv) for lv, _ in bounds for k in ("lo", "hi")]
    columns = ["origin", "h", "year", "model", "actual", "mean", "median", *level_cols]
    frame = pd.DataFrame(rows, columns=[*columns, "scale", "n_train", "status"])
    frame["error"] = frame["actual"] - frame["mean"]
    frame.attrs["notes"] = notes
    frame.attrs["diagnostics"] = diagnostics
    frame.attrs["fit_years"] = window.years.tolist()
    frame.attrs["min_train"] = min_train
    return frame


def backtest(
    series: pd.Series,
    models: str | Sequence[str] = "all",
    horizons: int | Iterable[int] = 5,
    min_train: int | None = None,
    level: Iterable[float] = (80, 95),
    *,
    options: FitOptions | None = None,
    **fit,
) -> pd.DataFrame:
    """Rolling-origin (expanding window) backtest of forecasting models.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year.
    models : "all" or list of str
        Models to test; ``"all"`` takes every model that the window allows (notes say which were
        left out and why).
    horizons : int or iterable of int
        ``H`` means 1..H years ahead.
    min_train : int, optional
        Values in the first training window; default :func:`default_min_train`.
    level : iterable of float
        Interval levels in percent.
    options, **fit
        The fitting window, as for :func:`~jbanalysis.forecast.forecast`
        (:class:`~jbanalysis.forecast.FitOptions`): the backtest runs inside the same window, and
        each origin re-levels only the breaks it has seen.

    Returns
    -------
    pandas.DataFrame
        One row per origin, horizon and model: ``origin`` (last training year), ``h``, ``year``,
        ``model``, ``actual``, ``mean``, ``median``, interval bounds, ``scale`` (MASE
        denominator of that origin), ``n_train``, ``status`` (``ok`` or why the fit failed) and
        ``error = actual - mean``. ``attrs`` carries ``notes`` and ``diagnostics``.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import backtest
    >>> s = pd.Series([1.0, 2, 3, 4, 5, 6], index=range(2010, 2016))
    >>> bt = backtest(s, models=["naive", "linear"], horizons=1, min_train=4, breaks="none")
    >>> bt[["origin", "model", "actual", "mean", "error"]].round(6)
       origin   model  actual  mean  error
    0    2013   naive     5.0   4.0    1.0
    1    2013  linear     5.0   5.0    0.0
    2    2014   naive     6.0   5.0    1.0
    3    2014  linear     6.0   6.0    0.0
    """
    window = fit_window(series, fit_options(options, "backtest", **fit))
    return backtest_window(window, models, horizons, min_train, level)


def combine_backtest(frame: pd.DataFrame, members: Sequence[str]) -> pd.DataFrame:
    """Backtest rows of the equal-weight combination of ``members`` (no refit needed).

    At each origin and horizon the combination's mean, median and bounds are the averages of the
    members' (quantile averaging). An origin where a member failed is marked failed.

    Examples
    --------
    Naive forecasts 5 and 7; the OLS trend 6.5 (slope 7 / 5 = 1.4) and 8.3 (slope 15 / 10):

    >>> import pandas as pd
    >>> from jbanalysis.forecast import backtest, combine_backtest
    >>> s = pd.Series([1.0, 2, 4, 5, 7, 8], index=range(2010, 2016))
    >>> bt = backtest(s, models=["naive", "linear"], horizons=1, min_train=4, breaks="none")
    >>> combine_backtest(bt, ["naive", "linear"])[["origin", "model", "mean"]].round(6)
       origin                model  mean
    0    2013  combo(naive+linear)  5.75
    1    2014  combo(naive+linear)  7.65
    """
    members = list(members)
    missing = sorted(set(members) - set(frame["model"]))
    if missing:
        raise ValueError(f"the backtest has no rows for model(s) {missing}")
    part = frame[frame["model"].isin(members)]
    keys = ["origin", "h", "year"]
    value_cols = [c for c in part.columns if c in ("mean", "median") or c[:2] in ("lo", "hi")]
    grouped = part.groupby(keys, sort=True)
    combo = grouped[value_cols].mean().reset_index()
    first = grouped[["actual", "scale", "n_train"]].first().reset_index(drop=True)
    failed = grouped["status"].agg(lambda s: next((v for v in s if v != "ok"), "ok"))
    combo = pd.concat([combo, first], axis=1)
    combo["model"] = model_label(members)
    combo["status"] = failed.to_numpy()
    combo.loc[combo["status"] != "ok", value_cols] = np.nan
    combo["error"] = combo["actual"] - combo["mean"]
    return combo[list(frame.columns)]


def score(frame: pd.DataFrame, by: str | Sequence[str] = "model") -> pd.DataFrame:
    """Accuracy and interval coverage of backtest forecasts, per group.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`backtest` (or several, concatenated, e.g. with a ``district`` column).
    by : str or list of str
        Grouping columns, e.g. ``"model"`` or ``["model", "h"]``.

    Returns
    -------
    pandas.DataFrame
        Per group: ``n`` (forecasts scored), ``n_failed``, ``MAE``, ``MAPE``, ``sMAPE``, ``MASE``
        and ``coverage<L>`` (%) for each interval level in the frame; sorted like the groups.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import backtest, score
    >>> s = pd.Series([1.0, 2, 3, 4, 5, 6], index=range(2010, 2016))
    >>> bt = backtest(s, models=["naive", "linear"], horizons=1, min_train=4, breaks="none")
    >>> score(bt)[["n", "MAE", "MAPE", "MASE"]].round(3)  # MAPE = 100 * (1/5 + 1/6) / 2
            n  MAE    MAPE  MASE
    model
    naive   2  1.0  18.333   1.0
    linear  2  0.0   0.000   0.0
    """
    by = [by] if isinstance(by, str) else list(by)
    lv_cols = [c for c in frame.columns if c.startswith("lo") and c != "lo"]
    levels = [c[2:] for c in lv_cols]
    ok = frame["status"] == "ok"
    actual, fc = frame["actual"], frame["median"]  # the point forecast is the median
    abs_err = (actual - fc).abs()
    parts = pd.DataFrame({c: frame[c] for c in by})
    parts["ok"] = ok.astype(float)
    parts["failed"] = (~ok).astype(float)
    parts["abs_err"] = abs_err.where(ok)
    parts["ape"] = (100 * abs_err / actual.abs()).where(ok)
    parts["sape"] = (200 * abs_err / (actual.abs() + fc.abs())).where(ok)
    parts["ase"] = (abs_err / frame["scale"]).where(ok & (frame["scale"] > 0))
    for lv in levels:
        inside = (actual >= frame[f"lo{lv}"]) & (actual <= frame[f"hi{lv}"])
        parts[f"cov{lv}"] = (100 * inside.astype(float)).where(ok)
    g = parts.groupby(by, sort=False)
    out = pd.DataFrame(
        {
            "n": g["ok"].sum().astype(int),
            "n_failed": g["failed"].sum().astype(int),
            "MAE": g["abs_err"].mean(),
            "MAPE": g["ape"].mean(),
            "sMAPE": g["sape"].mean(),
            "MASE": g["ase"].mean(),
        }
    )
    for lv in levels:
        out[f"coverage{lv}"] = g[f"cov{lv}"].mean()
    return out
