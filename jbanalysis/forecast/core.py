"""``forecast()``: a tidy table of point forecasts and prediction intervals for one series."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from jbanalysis.forecast.calibration import Calibration
from jbanalysis.forecast.choice import choose
from jbanalysis.forecast.distributions import Combination, Predictive, Widened
from jbanalysis.forecast.fitting import (
    MAX_HORIZON,
    ModelArg,
    check_horizon,
    check_levels,
    level_name,
    model_label,
    parse_model,
)
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
    today: datetime.date | int | None = None,
    k: int = 3,
    **fit,
) -> pd.DataFrame:
    """Forecast an annual series with prediction intervals that keep to its possible values.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year (int, dates or annual periods).
    horizon : int
        Years ahead of the last observed year, 1 to :data:`MAX_HORIZON` (20).
    model : str or list of str
        ``"auto"`` (default): the equal-weight mean of Holt's damped trend and ARIMA(1,1,0) with
        drift, the same for every series (:mod:`~jbanalysis.forecast.choice`); or a model name
        (see :data:`~jbanalysis.forecast.MODEL_NAMES`); or a list of names, combined with equal
        weights (mean = mean of the members' means, bounds = means of their quantiles).
    level : iterable of float
        Prediction interval levels in percent.
    options : FitOptions, optional
        How the fitting window is chosen and what the series is
        (:class:`~jbanalysis.forecast.FitOptions`: ``breaks``, ``gaps``, ``on_break``,
        ``indicator``, ``district``, ``vintages``, ``flags``, ``ratios``, ``domain``); default
        ``FitOptions()``: registered breaks kept and re-levelled, a gap stepped over.
    calibrate : bool
        ``True`` (default): intervals from the series' own backtest errors, on a scale that keeps
        them inside the indicator's values (:mod:`~jbanalysis.forecast.intervals`). ``False``:
        the models' own intervals, unchecked, cut at the indicator's bounds.
    today : datetime.date or int, optional
        The date (or year) the forecast is read on; default: today. Forecast years before its
        year are marked ``past``.
    k : int
        Kept for compatibility; unused.
    **fit
        Any field of :class:`~jbanalysis.forecast.FitOptions` as a keyword (``breaks="none"``,
        ``indicator="gdp"``), overriding ``options``.

    Returns
    -------
    pandas.DataFrame
        One row per forecast year: ``year, mean, median, lo80, hi80, lo95, hi95, model, detail,
        fit_start, fit_end, n_fit, past``. The point forecast is the **median**. ``past`` is True
        for a year before ``today``'s: a year gone by whose value is not in the data yet.
        ``attrs``: ``notes`` (the window, the breaks, the model, the intervals), ``calibration``
        (:class:`~jbanalysis.forecast.Calibration`, or None), ``diagnostics`` (warnings of the
        fits), ``fit_years``, ``last_observed`` (the last year with a value) and ``today``.

    Examples
    --------
    A series known to be on one statistical basis throughout (``breaks="none"``), naive with its
    own intervals:

    >>> import pandas as pd
    >>> from jbanalysis.forecast import forecast
    >>> s = pd.Series([100.0, 104.0, 106.0, 111.0, 113.0], index=range(2018, 2023))
    >>> fc = forecast(s, horizon=2, model="naive", breaks="none", calibrate=False, today=2024)
    >>> fc[["year", "median", "lo95", "hi95", "past"]].round(2)
       year  median    lo95    hi95   past
    0  2023   113.0  103.28  122.72   True
    1  2024   113.0   99.26  126.74  False

    (``s = sqrt(mean([4, 2, 5, 2] ** 2)) = 3.5``, ``t(0.975, 4 df) = 2.776``: ``113 -/+ 9.72``;
    read in 2024, 2023 is a past year not yet in the data.)

    >>> fc.attrs["notes"][0]
    'fitted on 2018–2022 (5 values): all observed years; breaks considered: none'
    """
    horizon = check_horizon(horizon)
    levels = check_levels(level)
    names = parse_model(model)
    window = fit_window(series, fit_options(options, "forecast", **fit))
    return forecast_window(window, horizon, names, levels, calibrate=calibrate, today=today)


def forecast_window(
    window: FitWindow,
    horizon: int,
    names: tuple[str, ...] | None,
    levels: Sequence[float],
    *,
    calibrate: bool = True,
    today: datetime.date | int | None = None,
) -> pd.DataFrame:
    """:func:`forecast` on an already chosen window (``names=None`` for ``model="auto"``)."""
    choice = choose(window, horizon, levels, names, calibrate)
    frame = forecast_frame(choice.distribution, window, horizon, levels,
                           model_label(choice.names), choice.detail)  # fmt: skip
    day = as_date(today)
    frame["past"] = frame["year"] < day.year
    frame.attrs["last_observed"] = window.end
    frame.attrs["today"] = day.isoformat()
    frame.attrs["notes"] = [*window.notes, *choice.notes]
    frame.attrs["diagnostics"] = choice.diagnostics
    frame.attrs["fit_years"] = window.years[np.isfinite(window.published)].tolist()
    frame.attrs["calibration"] = choice.calibration
    frame.attrs["distribution"] = choice.distribution
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
    frame["n_fit"] = window.n_values
    return frame


def as_date(today: datetime.date | int | None = None) -> datetime.date:
    """The day a forecast is read on: ``today`` (a date, or a year: its 1 January), else today.

    Examples
    --------
    >>> from jbanalysis.forecast.core import as_date
    >>> as_date(2026).isoformat()
    '2026-01-01'
    """
    if today is None:
        return datetime.date.today()
    if isinstance(today, datetime.date):
        return today
    if isinstance(today, int | np.integer) and not isinstance(today, bool):
        return datetime.date(int(today), 1, 1)
    raise TypeError(f"today must be a date or a year, got {today!r}")


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
