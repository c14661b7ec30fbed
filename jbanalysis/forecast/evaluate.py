"""Rolling-origin backtests, accuracy scores and model selection.

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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.forecast.distributions import Combination, Predictive, Widened
from jbanalysis.forecast.fitting import check_levels, level_name, model_label, predict
from jbanalysis.forecast.models import (
    DEFAULT_MODEL,
    MODEL_NAMES,
    MODELS,
    ModelFitError,
    check_model,
)
from jbanalysis.forecast.series import FitWindow, fit_window

#: Fewest backtest origins before any choice is made from backtest errors (every door).
MIN_ORIGINS_TO_SELECT = 3

#: Fewest backtest forecasts from which a series' intervals may be called calibrated.
MIN_ERRORS_TO_CALIBRATE = 10

#: Coverage (%) that counts as calibrated on the backtest, per interval level.
CALIBRATED_BANDS = {80: (70.0, 90.0), 95: (88.0, 98.0)}

#: Intervals count as too narrow when their backtest coverage falls this many binomial standard
#: errors below the nominal level (chosen on simulated series and the peer benchmark).
NARROW_SLACK = 0.0

#: Longest horizon of the backtests behind ``model="auto"`` (longer forecasts reuse its errors).
BACKTEST_HORIZON = 3


def default_min_train(n: int) -> int:
    """Default first training length: 5 values, fewer for short series (>= 3 origins), at least 3.

    Examples
    --------
    >>> default_min_train(18), default_min_train(7), default_min_train(4)
    (5, 4, 3)
    """
    return max(3, min(5, n - MIN_ORIGINS_TO_SELECT))


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
        steps = [h for h in hs if i + h <= n]
        if not steps:
            continue
        # each origin re-levels its own past: a break after the origin is not known there
        train = window.head(i)
        scale = float(np.mean(np.abs(np.diff(train.published))))
        for name in names:
            try:
                dist, _, diag = predict((name,), train.values, steps[-1], train.keep)
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
    breaks: str | Iterable[int] = "known",
    gaps: str = "narrow",
    indicator: str | None = None,
    vintages: pd.Series | None = None,
    flags: pd.Series | None = None,
    district: str | None = None,
    on_break: str = "adjust",
    ratios: dict[int, float] | None = None,
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
    breaks, gaps, indicator, vintages, flags, district, on_break, ratios
        As for :func:`~jbanalysis.forecast.forecast`: the backtest runs inside the same window,
        and each origin re-levels only the breaks it has seen.

    Returns
    -------
    pandas.DataFrame
        One row per origin, horizon and model: ``origin`` (last training year), ``h``, ``year``,
        ``model``, ``actual``, ``mean``, ``median``, interval bounds, ``scale`` (MASE
        denominator of that origin), ``n_train``, ``status`` (``ok`` or why the fit failed) and
        ``error = actual - mean``. ``attrs`` carries ``notes`` and ``diagnostics``.

    Examples
    --------
    >>> s = pd.Series([1.0, 2, 3, 4, 5, 6], index=range(2010, 2016))
    >>> bt = backtest(s, models=["naive", "linear"], horizons=1, min_train=4, breaks="none")
    >>> bt[["origin", "model", "actual", "mean", "error"]].round(6)
       origin   model  actual  mean  error
    0    2013   naive     5.0   4.0    1.0
    1    2013  linear     5.0   5.0    0.0
    2    2014   naive     6.0   5.0    1.0
    3    2014  linear     6.0   6.0    0.0
    """
    window = fit_window(
        series, breaks=breaks, gaps=gaps, indicator=indicator, vintages=vintages, flags=flags,
        district=district, on_break=on_break, ratios=ratios,
    )  # fmt: skip
    return backtest_window(window, models, horizons, min_train, level)


def combine_backtest(frame: pd.DataFrame, members: Sequence[str]) -> pd.DataFrame:
    """Backtest rows of the equal-weight combination of ``members`` (no refit needed).

    At each origin and horizon the combination's mean, median and bounds are the averages of the
    members' (quantile averaging). An origin where a member failed is marked failed.

    Examples
    --------
    Naive forecasts 5 and 7; the OLS trend 6.5 (slope 7 / 5 = 1.4) and 8.3 (slope 15 / 10):

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


@dataclass
class Selection:
    """Result of :func:`select_model`.

    Attributes
    ----------
    model : tuple of str
        The chosen model, or the members of the chosen combination.
    label : str
        Its name (``drift`` or ``combo(drift+ets+arima)``).
    scores : pandas.DataFrame
        :func:`score` of every candidate, best first.
    backtest : pandas.DataFrame
        The backtest rows, the combination's included.
    notes : list of str
    honest : pandas.DataFrame
        Score of choosing by backtest out of sample (:func:`honest_score`).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series([100.0, 108, 115, 125, 134, 146, 155, 168, 180, 194], index=range(2010, 2020))
    >>> sel = select_model(s, horizons=1, breaks="none")
    >>> isinstance(sel, Selection), sel.scores.index[0] == sel.label
    (True, True)
    """

    model: tuple[str, ...]
    label: str
    scores: pd.DataFrame
    backtest: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    honest: pd.DataFrame = field(default_factory=pd.DataFrame)


def honest_score(frame: pd.DataFrame, candidates: Sequence[str] | None = None) -> pd.DataFrame:
    """Score of choosing by backtest, each choice made on errors known before it was used.

    At every origin ``o`` that has at least :data:`MIN_ORIGINS_TO_SELECT` earlier origins whose
    outcomes are known by ``o`` (target year <= ``o``), the candidate with the smallest MASE on
    those known errors is picked and its forecasts from ``o`` are kept. The score of the kept rows
    is what selection by backtest would have achieved out of sample (a nested backtest), unlike
    the winner's own score, which the selection has seen.

    Returns
    -------
    pandas.DataFrame
        One row (``model = "selected by backtest (nested)"``) of :func:`score`, plus ``picks``:
        the model picked at each scored origin. Empty when no origin has enough history.

    Examples
    --------
    >>> s = pd.Series([1.0, 2, 4, 5, 7, 8, 10, 11, 13, 14], index=range(2010, 2020))
    >>> bt = backtest(s, models=["naive", "drift_level"], horizons=1, min_train=3, breaks="none")
    >>> h = honest_score(bt)
    >>> h["picks"].iloc[0], int(h["n"].iloc[0])
    ('2015: drift_level; 2016: drift_level; 2017: drift_level; 2018: drift_level', 4)
    """
    ok = frame[frame["status"] == "ok"]
    names = list(candidates or dict.fromkeys(ok["model"]))
    origins = sorted(ok["origin"].unique())
    kept, picks = [], []
    for o in origins:
        known = ok[(ok["year"] <= o) & ok["model"].isin(names)]
        if known["origin"].nunique() < MIN_ORIGINS_TO_SELECT:
            continue
        mase = score(known)["MASE"].dropna()
        if mase.empty:
            continue
        order = {m: i for i, m in enumerate(names)}
        best = min(mase.index, key=lambda m: (mase[m], order.get(m, len(order))))
        kept.append(frame[(frame["origin"] == o) & (frame["model"] == best)])
        picks.append(f"{o}: {best}")
    if not kept:
        return pd.DataFrame()
    rows = pd.concat(kept, ignore_index=True).assign(model="selected by backtest (nested)")
    out = score(rows)
    out["picks"] = "; ".join(picks)
    return out


def select_window(
    window: FitWindow,
    horizons: int | Iterable[int] = BACKTEST_HORIZON,
    min_train: int | None = None,
    k: int = 3,
    level: Iterable[float] = (80, 95),
    models: str | Sequence[str] = "all",
) -> Selection:
    """Model selection on an already chosen fitting window (see :func:`select_model`)."""
    bt = backtest_window(window, models, horizons, min_train, level)
    singles = score(bt)
    order = {name: i for i, name in enumerate(MODEL_NAMES)}
    ranked = sorted(singles.index, key=lambda m: (singles.at[m, "MASE"], order[m]))
    ranked = [m for m in ranked if np.isfinite(singles.at[m, "MASE"])]
    frames = [bt]
    if k >= 2 and len(ranked) >= 2:
        members = ranked[: min(k, len(ranked))]
        # keep the members in the order of simplicity: a stable, readable name
        members = sorted(members, key=order.__getitem__)
        frames.append(combine_backtest(bt, members))
    full = pd.concat(frames, ignore_index=True)
    full.attrs = bt.attrs
    scores = score(full)
    candidates = [m for m in scores.index if np.isfinite(scores.at[m, "MASE"])]
    if not candidates:
        raise ValueError("no model could be scored: every backtest forecast failed")
    rank = {m: i for i, m in enumerate(scores.index)}  # singles in simplicity order, combo last
    scores = scores.loc[sorted(scores.index, key=lambda m: (scores.at[m, "MASE"], rank[m]))]
    n_origins = int(full["origin"].nunique())
    span = f"{full['origin'].min()}–{full['origin'].max()}"
    honest = honest_score(full, [m for m in scores.index if m in candidates])
    if n_origins < MIN_ORIGINS_TO_SELECT:
        best = DEFAULT_MODEL if DEFAULT_MODEL in candidates else candidates[0]
        why = (
            f"only {n_origins} backtest origin(s) ({span}): too few to choose a model by its "
            f"errors (at least {MIN_ORIGINS_TO_SELECT}); the default model {best} is used"
        )
    else:
        best = min(candidates, key=lambda m: (scores.at[m, "MASE"], rank[m]))
        why = (
            f"model chosen by backtest MASE over {n_origins} origins ({span}): {best} "
            f"(MASE {scores.at[best, 'MASE']:.3f})"
        )
        if len(honest):
            why += (
                f"; choosing this way scored MASE {honest['MASE'].iloc[0]:.3f} on origins it "
                "had not seen (nested backtest)"
            )
    names = tuple(best.removeprefix("combo(").rstrip(")").split("+"))
    notes = [*bt.attrs["notes"], why]
    return Selection(names, best, scores, full, notes, honest)


def select_model(
    series: pd.Series,
    horizons: int | Iterable[int] = BACKTEST_HORIZON,
    min_train: int | None = None,
    k: int = 3,
    level: Iterable[float] = (80, 95),
    *,
    breaks: str | Iterable[int] = "known",
    gaps: str = "narrow",
    indicator: str | None = None,
    vintages: pd.Series | None = None,
    flags: pd.Series | None = None,
    district: str | None = None,
    on_break: str = "adjust",
    ratios: dict[int, float] | None = None,
    models: str | Sequence[str] = "all",
) -> Selection:
    """Compare models by backtest MASE; the best-``k`` combination competes too.

    Every eligible model is backtested (:func:`backtest`); the ``k`` best by MASE are combined
    with equal weights (:func:`combine_backtest`) and the combination is scored alongside. Ties
    go to the simpler model. With fewer than :data:`MIN_ORIGINS_TO_SELECT` origins nothing is
    chosen: the default model is named. The winner's own score has been seen by the choice, so
    ``Selection.honest`` also scores the choice made at each origin from earlier errors only
    (:func:`honest_score`). ``forecast(model="auto")`` does not pick freely among these: see
    :func:`choose_model`.

    Returns
    -------
    Selection

    Examples
    --------
    >>> s = pd.Series([100.0, 108, 115, 125, 134, 146, 155, 168, 180, 194], index=range(2010, 2020))
    >>> sel = select_model(s, breaks="none", models=["naive", "recent_drift", "drift_level"])
    >>> sel.label
    'recent_drift'
    >>> sel.scores[["n", "MASE"]].round(3)
                                            n   MASE
    model
    recent_drift                           12  0.493
    drift_level                            12  0.559
    combo(naive+recent_drift+drift_level)  12  1.142
    naive                                  12  2.388
    """
    window = fit_window(
        series, breaks=breaks, gaps=gaps, indicator=indicator, vintages=vintages, flags=flags,
        district=district, on_break=on_break, ratios=ratios,
    )  # fmt: skip
    return select_window(window, horizons, min_train, k, level, models)


def _half_width_ratios(rows, lv: float) -> np.ndarray:
    """``|actual - median|`` over the half-width of the ``lv`` interval on the actual's side."""
    actual, median = np.asarray(rows["actual"], float), np.asarray(rows["median"], float)
    lo, hi = np.asarray(rows[f"lo{lv:g}"], float), np.asarray(rows[f"hi{lv:g}"], float)
    half = np.where(actual >= median, hi - median, median - lo)
    gap = np.abs(actual - median)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(half > 0, gap / half, np.where(gap > 0, np.inf, 0.0))


def _quick_backtest(
    window: FitWindow, names: Sequence[str], hs: int, min_train: int, levels: Sequence[float]
) -> dict[str, dict[str, np.ndarray]]:
    """The backtest behind ``model="auto"`` as arrays per model (no frames: it runs per forecast).

    The same forecasts as :func:`backtest_window` with ``horizons=hs`` (tested to agree).
    """
    y, n = window.published, window.n
    tails = [(lv, (1 - lv / 100) / 2) for lv in levels]
    cols = ["origin", "year", "actual", "median", "scale", *(f"{k}{lv:g}" for lv, _ in tails
                                                            for k in ("lo", "hi"))]  # fmt: skip
    out = {name: {c: [] for c in cols} for name in names}
    for i in range(min_train, n):
        steps = min(hs, n - i)
        if steps < 1:
            continue
        train = window.head(i)
        scale = float(np.mean(np.abs(np.diff(train.published))))
        for name in names:
            try:
                dist, _, _ = predict(tuple(name.removeprefix("combo(").rstrip(")").split("+")),
                                     train.values, steps, train.keep)  # fmt: skip
            except (ModelFitError, ValueError):
                continue
            acc = out[name]
            acc["origin"].extend([int(window.years[i - 1])] * steps)
            acc["year"].extend(window.years[i : i + steps].tolist())
            acc["actual"].extend(y[i : i + steps].tolist())
            acc["median"].extend(dist.quantile(0.5).tolist())
            acc["scale"].extend([scale] * steps)
            for lv, tail in tails:
                acc[f"lo{lv:g}"].extend(dist.quantile(tail).tolist())
                acc[f"hi{lv:g}"].extend(dist.quantile(1 - tail).tolist())
    return {
        name: {c: np.asarray(v, dtype=float) for c, v in acc.items()} for name, acc in out.items()
    }


def _mase(rows) -> float:
    actual, median = np.asarray(rows["actual"], float), np.asarray(rows["median"], float)
    scale = np.asarray(rows["scale"], float)
    ok = np.isfinite(median) & (scale > 0)
    return float(np.mean(np.abs(actual - median)[ok] / scale[ok])) if ok.any() else np.nan


def conformal_factor(ratios: np.ndarray, lv: float) -> float:
    """Widening that makes ``lv`` % of backtest errors fall inside (finite-sample conformal).

    ``r_(j)``, the ``j = ceil((n + 1) * lv / 100)``-th smallest ratio of error to interval
    half-width (Vovk et al.; Angelopoulos & Bates 2021): the interval widened ``r_(j)`` times
    holds at least ``lv`` % of ``n + 1`` exchangeable errors. With too few errors for ``j <= n``
    the largest ratio is used (and the intervals are not called calibrated).

    Examples
    --------
    >>> conformal_factor(np.array([0.5, 0.8, 1.2, 1.5, 2.0]), 80)  # j = ceil(6 * 0.8) = 5
    2.0
    """
    r = np.sort(np.asarray(ratios, dtype=float))
    r = r[np.isfinite(r)] if np.isfinite(r).any() else r
    if len(r) == 0:
        return 1.0
    j = int(np.ceil((len(r) + 1) * lv / 100))
    return float(r[min(j, len(r)) - 1])


def _ok_rows(rows) -> dict[str, np.ndarray]:
    """Backtest rows (frame or arrays) with a forecast, as arrays."""
    if isinstance(rows, pd.DataFrame):
        rows = rows[rows["status"] == "ok"]
        return {c: rows[c].to_numpy() for c in rows.columns if c not in ("model", "status")}
    keep = np.isfinite(rows["median"])
    return {c: np.asarray(v)[keep] for c, v in rows.items()}


@dataclass
class Calibration:
    """How a model's intervals fared in its backtest, and the widening applied (if any).

    Attributes
    ----------
    factor : float
        Widening of the intervals around the median (1 = the model's own).
    n_origins, n_errors : int
        Backtest origins and scored forecasts behind it.
    coverage_model, coverage : dict of level to float
        % of backtest outcomes inside the model's own and the widened intervals.
    mase, mase_naive : float
        Backtest MASE of the model and of naive on the same origins.
    calibrated : bool
        Whether probabilities from these intervals may be shown.
    reason : str
        Why not, in words (empty when calibrated).

    Examples
    --------
    >>> c = Calibration(1.25, 8, 21, {80: 71.4, 95: 85.7}, {80: 85.7, 95: 95.2}, 0.64, 1.5,
    ...                 True, "")
    >>> c.widened, c.note()
    (True, "backtest over 8 origins (21 forecasts): MASE 0.64 (naive 1.50); the model's own intervals held 80 %: 71 %, 95 %: 86 %; too narrow, so widened 1.25x from its backtest errors (conformal), then held 80 %: 86 %, 95 %: 95 %")
    """

    factor: float
    n_origins: int
    n_errors: int
    coverage_model: dict
    coverage: dict
    mase: float
    mase_naive: float
    calibrated: bool
    reason: str

    @property
    def widened(self) -> bool:
        return self.factor > 1.0

    def summary(self) -> dict[str, float]:
        """The numbers a report table shows: MASE, naive's, coverage own and widened, factor.

        Examples
        --------
        >>> c = Calibration(1.2, 5, 12, {80: 70.0, 95: 90.0}, {80: 80.0, 95: 95.0}, 0.8, 1.5,
        ...                 True, "")
        >>> c.summary()["coverage95"]
        95.0
        """
        out = {"origins": float(self.n_origins), "forecasts": float(self.n_errors),
               "MASE": self.mase, "MASE_naive": self.mase_naive}  # fmt: skip
        for lv, c in self.coverage_model.items():
            out[f"coverage{lv:g}_model"] = c
        for lv, c in self.coverage.items():
            out[f"coverage{lv:g}"] = c
        out["widening"] = self.factor
        return out

    def note(self) -> str:
        """One sentence for the forecast's notes."""
        cov = ", ".join(f"{lv:g} %: {c:.0f} %" for lv, c in self.coverage_model.items())
        if self.n_origins < MIN_ORIGINS_TO_SELECT:
            return f"intervals are the model's own, not checked: {self.reason}"
        base = (
            f"backtest over {self.n_origins} origins ({self.n_errors} forecasts): MASE "
            f"{self.mase:.2f} (naive {self.mase_naive:.2f}); the model's own intervals held {cov}"
        )
        if self.widened:
            after = ", ".join(f"{lv:g} %: {c:.0f} %" for lv, c in self.coverage.items())
            base += (
                f"; too narrow, so widened {self.factor:.2f}x from its backtest errors "
                f"(conformal), then held {after}"
            )
        return base + ("" if self.calibrated else f"; not calibrated: {self.reason}")


def calibrate(
    rows: pd.DataFrame, naive_rows: pd.DataFrame | None, levels: Sequence[float]
) -> Calibration:
    """Widen a model's intervals from its backtest errors where they are too narrow.

    Intervals are too narrow when, for some level ``L``, fewer than ``L`` % of the backtest
    outcomes fell inside by more than one binomial standard error (``100 * sqrt(p (1 - p) / n)``
    points). Then ``factor = max(1, conformal_factor(r_L, L) for each level L)`` with ``r_L`` the ratio of each
    backtest error to the half-width of the ``L`` % interval on its side
    (:func:`conformal_factor`): one factor for every level and horizon, so the widened forecast is
    still one distribution (its probabilities agree with its intervals). The intervals count as
    calibrated when the backtest has at least :data:`MIN_ORIGINS_TO_SELECT` origins and
    :data:`MIN_ERRORS_TO_CALIBRATE` forecasts, the model is not worse than naive, and the widened
    intervals cover within :data:`CALIBRATED_BANDS`, give or take two binomial standard errors
    of that backtest (``200 * sqrt(p (1 - p) / n)`` points: 36 forecasts can miss a 95 % interval
    never, by chance, one time in six).

    Examples
    --------
    >>> s = pd.Series(np.cumsum([5.0, 1, 9, 2, 8, 1, 9, 3, 7, 2, 8, 1]) + 100, index=range(2009, 2021))
    >>> bt = backtest(s, models=["recent_drift", "naive"], horizons=3, breaks="none")
    >>> c = calibrate(bt[bt.model == "recent_drift"], bt[bt.model == "naive"], (80, 95))
    >>> c.n_origins, c.factor >= 1.0
    (7, True)
    """
    ok = _ok_rows(rows)
    n_origins, n_errors = len(set(ok["origin"].tolist())), len(ok["actual"])
    mase = _mase(ok) if n_errors else np.nan
    mase_naive = np.nan
    if naive_rows is not None:
        naive_ok = _ok_rows(naive_rows)
        mase_naive = _mase(naive_ok) if len(naive_ok["actual"]) else np.nan

    def coverage(factor: float) -> dict:
        out = {}
        for lv in levels:
            r = _half_width_ratios(ok, lv)
            out[lv] = float(100 * np.mean(r <= factor)) if len(r) else np.nan
        return out

    if n_origins < MIN_ORIGINS_TO_SELECT:
        reason = f"only {n_origins} backtest origin(s), at least {MIN_ORIGINS_TO_SELECT} are needed"
        return Calibration(1.0, n_origins, n_errors, coverage(1.0), coverage(1.0), mase,
                           mase_naive, False, reason)  # fmt: skip
    cov_model = coverage(1.0)

    def slack(lv: float) -> float:  # one binomial standard error of this backtest, in points
        return 100 * np.sqrt(lv / 100 * (1 - lv / 100) / max(n_errors, 1))

    # widen only intervals the backtest shows too narrow (beyond sampling noise): a model whose
    # own intervals hold keeps them
    too_narrow = any(cov_model[lv] < lv - NARROW_SLACK * slack(lv) for lv in levels)
    factor = 1.0
    if too_narrow:
        factor = max([1.0, *(conformal_factor(_half_width_ratios(ok, lv), lv) for lv in levels)])
        if not np.isfinite(factor):
            factor = 1.0
    cov = coverage(factor)
    reasons = []
    if n_errors < MIN_ERRORS_TO_CALIBRATE:
        reasons.append(
            f"only {n_errors} backtest forecasts (at least {MIN_ERRORS_TO_CALIBRATE} are needed)"
        )
    if np.isfinite(mase_naive) and mase > mase_naive:
        reasons.append(f"the model is worse than naive (MASE {mase:.2f} vs {mase_naive:.2f})")
    for lv, c in cov.items():
        lo, hi = CALIBRATED_BANDS.get(lv, (lv - 10, lv + 10 if lv < 90 else min(100, lv + 3)))
        # a band for one short backtest: two binomial standard errors of slack either side
        slack = 200 * np.sqrt(lv / 100 * (1 - lv / 100) / max(n_errors, 1))
        if not lo - slack <= c <= hi + slack:
            reasons.append(f"the {lv:g} % intervals held {c:.0f} % (outside {lo:g}–{hi:g} %)")
    return Calibration(factor, n_origins, n_errors, cov_model, cov, mase, mase_naive,
                       not reasons, "; ".join(reasons))  # fmt: skip


@dataclass
class Choice:
    """What ``forecast(model="auto")`` (or a named model) is fitted with, and why."""

    names: tuple[str, ...]
    notes: list[str]
    calibration: Calibration | None


def choose_model(
    window: FitWindow,
    horizon: int,
    levels: Sequence[float],
    names: tuple[str, ...] | None = None,
    calibrate_intervals: bool = True,
) -> Choice:
    """The model of a forecast and the calibration of its intervals, from one small backtest.

    ``names=None`` (``model="auto"``): the default model (:data:`DEFAULT_MODEL`), unless its
    backtest (at least :data:`MIN_ORIGINS_TO_SELECT` origins, 1 to
    :data:`BACKTEST_HORIZON` years ahead) is worse than naive's, in which case naive is used and
    the notes say so. With fewer origins the default is used unchecked and the notes say so.
    Either way the intervals are then calibrated on the same backtest (:func:`calibrate`).
    """
    hs = min(horizon, BACKTEST_HORIZON)
    candidate = names or (DEFAULT_MODEL,)
    label = model_label(candidate)
    notes: list[str] = []
    need = max(MODELS[m].min_values for m in candidate)
    min_train = max(default_min_train(window.n), need)
    origins = window.n - min_train
    if window.n <= min_train or origins < 1:
        if names is None:
            notes.append(
                f"only {window.n} values: too few to check a model against naive in a backtest "
                f"(at least {MIN_ORIGINS_TO_SELECT + 3} are needed); the default model "
                f"{DEFAULT_MODEL} is used unchecked"
            )
        reason = (
            f"only {window.n} values, no backtest origin (the model needs {need} to fit)"
            if need > default_min_train(window.n)
            else f"only {window.n} values, no backtest origin"
        )
        cal = Calibration(1.0, 0, 0, {}, {}, np.nan, np.nan, False, reason)
        return Choice(candidate, notes, cal)
    members = list(dict.fromkeys([label, "naive"]))
    arrays = _quick_backtest(window, members, hs, min_train, levels)
    naive_rows, chosen_rows = arrays["naive"], arrays[label]
    n_origins = len(set(chosen_rows["origin"].tolist()))
    if names is None:
        if n_origins < MIN_ORIGINS_TO_SELECT:
            notes.append(
                f"only {n_origins} backtest origin(s): too few to check the default model "
                f"against naive (at least {MIN_ORIGINS_TO_SELECT}); {DEFAULT_MODEL} is used "
                "unchecked"
            )
        else:
            m1, m0 = _mase(chosen_rows), _mase(naive_rows)
            if not m1 <= m0:
                candidate, label = ("naive",), "naive"
                chosen_rows = naive_rows
                notes.append(
                    f"the default model {DEFAULT_MODEL} was worse than naive in the backtest "
                    f"(MASE {m1:.2f} vs {m0:.2f} over {n_origins} origins): naive is used — no "
                    "trend model beats last year's value here"
                )
            else:
                notes.append(
                    f"model {DEFAULT_MODEL}: the default, checked against naive in a backtest "
                    f"over {n_origins} origins (MASE {m1:.2f} vs {m0:.2f})"
                )
    cal = calibrate(chosen_rows, naive_rows, levels) if calibrate_intervals else None
    if cal is not None:
        notes.append(cal.note())
    return Choice(tuple(candidate), notes, cal)


def widen(dist: Predictive | Combination, calibration: Calibration | None):
    """The distribution with its calibration's widening applied (unchanged if none)."""
    if calibration is None or not calibration.widened:
        return dist
    return Widened(dist, calibration.factor)
