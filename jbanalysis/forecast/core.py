"""``forecast()``: a tidy table of point forecasts and prediction intervals for one series."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from jbanalysis.forecast.distributions import Combination, Predictive
from jbanalysis.forecast.models import MODEL_NAMES, check_model, fit_model
from jbanalysis.forecast.series import FitWindow, fit_window

ModelArg = str | Sequence[str]


def check_levels(level: Iterable[float]) -> tuple[float, ...]:
    """Validate interval levels in percent, e.g. ``(80, 95)``.

    Examples
    --------
    >>> check_levels([95, 80])
    (80, 95)
    """
    levels = tuple(sorted({lv for lv in level}))
    if not levels or any(not 0 < lv < 100 for lv in levels):
        raise ValueError(f"interval levels must be percentages between 0 and 100; got {level!r}")
    return levels


def check_horizon(horizon: int) -> int:
    """Validate a forecast horizon (whole years ahead, >= 1)."""
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise ValueError(f"horizon must be a whole number of years >= 1; got {horizon!r}")
    return int(horizon)


def level_name(kind: str, lv: float) -> str:
    """Column name of an interval bound: ``lo80``, ``hi95``, ``lo99.5``."""
    return f"{kind}{lv:g}"


def parse_model(model: ModelArg) -> tuple[str, ...] | None:
    """``"auto"`` -> None; a name -> (name,); a sequence or ``"a+b"`` -> a combination."""
    if isinstance(model, str):
        if model == "auto":
            return None
        names = tuple(m.strip() for m in model.removeprefix("combo(").rstrip(")").split("+"))
    else:
        names = tuple(model)
    if not names or any(n not in MODEL_NAMES for n in names):
        raise ValueError(
            f"unknown model {model!r}; expected 'auto', one of {', '.join(MODEL_NAMES)}, "
            "or a list of them (an equal-weight combination)"
        )
    if len(set(names)) != len(names):
        raise ValueError(f"model {model!r} lists a model twice")
    return names


def model_label(names: Sequence[str]) -> str:
    """Name of a model or combination: ``drift`` or ``combo(drift+ets)``."""
    return names[0] if len(names) == 1 else f"combo({'+'.join(names)})"


def predict(
    names: Sequence[str], values: np.ndarray, horizon: int
) -> tuple[Predictive | Combination, str, list[str]]:
    """Fit the models ``names`` and return their (combined) distribution, detail and diagnostics."""
    fits = [fit_model(name, values, horizon) for name in names]
    diagnostics = [d for f in fits for d in f.diagnostics]
    detail = " + ".join(f.label for f in fits)
    if len(fits) == 1:
        return fits[0].predictive, detail, diagnostics
    return Combination(tuple(f.predictive for f in fits)), detail, diagnostics


def forecast(
    series: pd.Series,
    horizon: int = 5,
    model: ModelArg = "auto",
    level: Iterable[float] = (80, 95),
    *,
    breaks: str | Iterable[int] = "known",
    gaps: str = "error",
    indicator: str | None = None,
    vintages: pd.Series | None = None,
    flags: pd.Series | None = None,
    k: int = 3,
) -> pd.DataFrame:
    """Forecast an annual series with prediction intervals, on the original scale.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year (int, dates or annual periods).
    horizon : int
        Years ahead, from the last fitted year.
    model : str or list of str
        ``"auto"`` (default): the model or equal-weight combination with the smallest backtest
        MASE (:func:`~jbanalysis.forecast.select_model`); a model name (``naive``, ``drift``,
        ``linear``, ``loglinear``, ``ets``, ``arima``); or a list of names, combined with equal
        weights (mean = mean of the members' means, bounds = means of their quantiles).
    level : iterable of float
        Prediction interval levels in percent.
    breaks : {"known", "none"} or list of int
        Fit on the stretch since the last census revision (``"known"``), on everything
        (``"none"``), or since the last of the given years.
    gaps : {"error", "last_stretch"}
        A missing year inside the fitting window is an error unless ``"last_stretch"``.
    indicator : str, optional
        Indicator id (population indicators break at population censuses).
    vintages, flags : pandas.Series, optional
        The panel's ``vintage`` and ``flag`` by year: vintages place the census breaks, flags
        are named in the notes (see :func:`~jbanalysis.forecast.fit_window`).
    k : int
        Size of the best-k combination considered by ``model="auto"``.

    Returns
    -------
    pandas.DataFrame
        One row per forecast year: ``year, mean, median, lo80, hi80, lo95, hi95, model, detail,
        fit_start, fit_end, n_fit``. ``attrs["notes"]`` explains the fitting window and the choice
        of model; ``attrs["diagnostics"]`` holds every warning statsmodels raised;
        ``attrs["fit_years"]`` lists the years fitted.

    Notes
    -----
    For a model on logs, ``median = exp(mu_h)``, bounds ``exp(mu_h -/+ q * s_h)`` and
    ``mean = exp(mu_h + s_h**2 / 2)`` (log-normal mean).

    Examples
    --------
    A series known to be on one statistical basis throughout (``breaks="none"``):

    >>> s = pd.Series([100.0, 104.0, 106.0, 111.0, 113.0], index=range(2018, 2023))
    >>> fc = forecast(s, horizon=2, model="naive", breaks="none")
    >>> fc[["year", "mean", "lo95", "hi95"]].round(2)
       year   mean    lo95    hi95
    0  2023  113.0  103.28  122.72
    1  2024  113.0   99.26  126.74

    (``s = sqrt(mean([4, 2, 5, 2] ** 2)) = 3.5``, ``t(0.975, 4 df) = 2.776``: ``113 -/+ 9.72``.)

    >>> fc.attrs["notes"][0]  # doctest: +ELLIPSIS
    'fitted on 2018–2022 (5 values): all observed years; breaks considered: none'

    By default (``breaks="known"``) GDP-like series are fitted from the first year on the basis
    of the latest economic census (2019 for first releases):

    >>> forecast(s, horizon=2, model="naive").attrs["fit_years"]
    [2019, 2020, 2021, 2022]
    """
    horizon = check_horizon(horizon)
    levels = check_levels(level)
    names = parse_model(model)
    window = fit_window(
        series, breaks=breaks, gaps=gaps, indicator=indicator, vintages=vintages, flags=flags
    )
    notes = list(window.notes)
    if names is None:
        from jbanalysis.forecast.evaluate import choose_model  # evaluate imports this module

        names, why = choose_model(window, horizon=horizon, k=k, levels=levels)
        notes.append(why)
    else:
        for name in names:
            check_model(name, window.n, window.positive)
    if window.n <= 5:
        notes.append("only 3-5 values: naive, drift and linear are the only models offered")
    dist, detail, diagnostics = predict(names, window.values, horizon)
    frame = forecast_frame(dist, window, horizon, levels, model_label(names), detail)
    frame.attrs["notes"] = notes
    frame.attrs["diagnostics"] = diagnostics
    frame.attrs["fit_years"] = window.years.tolist()
    return frame


def forecast_frame(
    dist: Predictive | Combination,
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
