"""``forecast()``: a tidy table of point forecasts and prediction intervals for one series."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from jbanalysis.forecast.calibration import Calibration, widen
from jbanalysis.forecast.choice import choose_model
from jbanalysis.forecast.distributions import Combination, Predictive, Widened
from jbanalysis.forecast.fitting import (
    MAX_HORIZON,
    ModelArg,
    check_horizon,
    check_levels,
    level_name,
    model_label,
    parse_model,
    predict,
)
from jbanalysis.forecast.models import check_model
from jbanalysis.forecast.options import FitOptions, fit_options
from jbanalysis.forecast.series import FitWindow, fit_window

__all__ = ["MAX_HORIZON", "ModelArg", "forecast", "forecast_frame", "forecast_window", "outturn"]


def forecast(
    series: pd.Series,
    horizon: int = 5,
    model: ModelArg = "auto",
    level: Iterable[float] = (80, 95),
    *,
    options: FitOptions | None = None,
    calibrate: bool = True,
    k: int = 3,
    **fit,
) -> pd.DataFrame:
    """Forecast an annual series with prediction intervals, on the original scale.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year (int, dates or annual periods).
    horizon : int
        Years ahead of the last observed year, 1 to :data:`MAX_HORIZON` (20).
    model : str or list of str
        ``"auto"`` (default): ``recent_drift`` (the median of the last four yearly changes, on
        levels), unless it loses to naive in the series' backtest, then naive
        (:func:`~jbanalysis.forecast.choice.choose_model`); or a model name (see
        :data:`~jbanalysis.forecast.MODEL_NAMES`); or a list of names, combined with equal
        weights (mean = mean of the members' means, bounds = means of their quantiles).
    level : iterable of float
        Prediction interval levels in percent.
    options : FitOptions, optional
        How the fitting window is chosen and what the series is
        (:class:`~jbanalysis.forecast.FitOptions`: ``breaks``, ``gaps``, ``on_break``,
        ``indicator``, ``district``, ``vintages``, ``flags``, ``ratios``); default
        ``FitOptions()``: registered breaks kept and re-levelled, a gap narrows the window.
    **fit
        Any field of :class:`~jbanalysis.forecast.FitOptions` as a keyword (``breaks="none"``,
        ``indicator="gdp"``), overriding ``options``.
    calibrate : bool
        Backtest the model and widen its intervals where they were too narrow (default).
    k : int
        Kept for compatibility; ``model="auto"`` no longer combines the best k.

    Returns
    -------
    pandas.DataFrame
        One row per forecast year: ``year, mean, median, lo80, hi80, lo95, hi95, model, detail,
        fit_start, fit_end, n_fit``. The point forecast is the **median** (a log model's mean is
        inflated by its variance on short fits). ``attrs["notes"]`` explains the window, the
        breaks and the choice of model; ``attrs["calibration"]`` the backtest behind the intervals
        (:class:`~jbanalysis.forecast.evaluate.Calibration`); ``attrs["diagnostics"]`` every
        warning statsmodels raised; ``attrs["fit_years"]`` the years fitted.

    Examples
    --------
    A series known to be on one statistical basis throughout (``breaks="none"``):

    >>> import pandas as pd
    >>> from jbanalysis.forecast import forecast
    >>> s = pd.Series([100.0, 104.0, 106.0, 111.0, 113.0], index=range(2018, 2023))
    >>> fc = forecast(s, horizon=2, model="naive", breaks="none", calibrate=False)
    >>> fc[["year", "median", "lo95", "hi95"]].round(2)
       year  median    lo95    hi95
    0  2023   113.0  103.28  122.72
    1  2024   113.0   99.26  126.74

    (``s = sqrt(mean([4, 2, 5, 2] ** 2)) = 3.5``, ``t(0.975, 4 df) = 2.776``: ``113 -/+ 9.72``.)

    >>> fc.attrs["notes"][0]
    'fitted on 2018–2022 (5 values): all observed years; breaks considered: none'

    The default: the median of the last four yearly changes (4, 2, 5, 2 -> 3) added to 113:

    >>> forecast(s, horizon=2)["median"].tolist()
    [116.0, 119.0]
    """
    horizon = check_horizon(horizon)
    levels = check_levels(level)
    names = parse_model(model)
    window = fit_window(series, fit_options(options, "forecast", **fit))
    return forecast_window(window, horizon, names, levels, calibrate=calibrate)


def forecast_window(
    window: FitWindow,
    horizon: int,
    names: tuple[str, ...] | None,
    levels: Sequence[float],
    *,
    calibrate: bool = True,
) -> pd.DataFrame:
    """:func:`forecast` on an already chosen window (``names=None`` for ``model="auto"``)."""
    notes = list(window.notes)
    if names is not None:
        for name in names:
            check_model(name, window.n, window.positive)
    choice = choose_model(window, horizon, levels, names, calibrate_intervals=calibrate)
    notes.extend(choice.notes)
    dist, detail, diagnostics = predict(choice.names, window.values, horizon, window.keep)
    dist = widen(dist, choice.calibration)
    frame = forecast_frame(dist, window, horizon, levels, model_label(choice.names), detail)
    frame.attrs["notes"] = notes
    frame.attrs["diagnostics"] = diagnostics
    frame.attrs["fit_years"] = window.years.tolist()
    frame.attrs["calibration"] = choice.calibration
    frame.attrs["distribution"] = dist
    frame.attrs["relevelled"] = dict(window.relevelled)
    return frame


def forecast_frame(
    dist: Predictive | Combination | Widened,
    window: FitWindow,
    horizon: int,
    levels: Sequence[float],
    model: str,
    detail: str,
) -> pd.DataFrame:
    """Tidy table of a forecast distribution (see :func:`forecast`)."""
    columns: dict[str, object] = {
        "year": np.arange(window.end + 1, window.end + 1 + horizon, dtype=np.int64),
        "mean": dist.mean(),
        "median": dist.quantile(0.5),
    }
    for lv in levels:
        tail = (1 - lv / 100) / 2
        columns[level_name("lo", lv)] = dist.quantile(tail)
        columns[level_name("hi", lv)] = dist.quantile(1 - tail)
    frame = pd.DataFrame(columns)
    frame["model"] = model
    frame["detail"] = detail
    frame["fit_start"] = window.start
    frame["fit_end"] = window.end
    frame["n_fit"] = window.n
    return frame


def calibration_of(frame: pd.DataFrame) -> Calibration | None:
    """The :class:`~jbanalysis.forecast.evaluate.Calibration` behind a :func:`forecast` table."""
    return frame.attrs.get("calibration")


def outturn(forecast: pd.DataFrame, actual: pd.Series) -> pd.DataFrame:
    """Forecast against outturn for the forecast years the data already hold.

    Parameters
    ----------
    forecast : pandas.DataFrame
        A :func:`forecast` table, fitted on data that end before the outturn years.
    actual : pandas.Series
        The series by year, with the later values (e.g. 2023-2024 as published).

    Returns
    -------
    pandas.DataFrame
        One row per forecast year with a published value: ``year, actual, median, error_pct``
        (``100 * (actual / median - 1)``), ``inside80``, ``inside95``.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import outturn
    >>> f = pd.DataFrame({"year": [2023, 2024], "median": [110.0, 120.0], "lo80": [105.0, 110.0],
    ...                   "hi80": [115.0, 130.0], "lo95": [100.0, 100.0], "hi95": [120.0, 140.0]})
    >>> outturn(f, pd.Series({2022: 100.0, 2023: 117.0}))
       year  actual  median  error_pct  inside80  inside95
    0  2023   117.0   110.0   6.363636     False      True
    """
    known = actual.dropna()
    rows = forecast[forecast["year"].isin(known.index)]
    out = pd.DataFrame(
        {
            "year": rows["year"].to_numpy(dtype=np.int64),
            "actual": known.reindex(rows["year"]).to_numpy(dtype=float),
            "median": rows["median"].to_numpy(dtype=float),
        }
    )
    out["error_pct"] = 100 * (out["actual"] / out["median"] - 1)
    for lv in (80, 95):
        if f"lo{lv}" in rows:
            lo, hi = rows[f"lo{lv}"].to_numpy(), rows[f"hi{lv}"].to_numpy()
            out[f"inside{lv}"] = (out["actual"].to_numpy() >= lo) & (out["actual"].to_numpy() <= hi)
    return out
