"""The forecasting models: each turns a gap-free annual array into a forecast distribution.

=============  =========  ===========================================================  ========
name           scale      model and prediction interval                                min. n
=============  =========  ===========================================================  ========
``naive``      levels     ``y[T+h] = y[T]``; sd ``s * sqrt(h)``, ``s**2 = mean(dy**2)``,     3
                          Student-t with ``n - 1`` df
``drift``      logs [1]_  random walk with drift ``c = mean(dz)``; sd                      3
                          ``s * sqrt(h * (1 + h / m))``, ``m = n - 1`` differences,
                          ``s`` their sample sd; Student-t with ``m - 1`` df
``linear``     levels     OLS ``y = a + b * t`` (statsmodels ``OLS``); sd of a new            3
                          observation ``s * sqrt(1 + x0' (X'X)^-1 x0)``; t, ``n - 2`` df
``loglinear``  logs       the same on ``log(y)`` (constant growth rate)                    6
``ets``        logs       ETS(A,Ad,N): additive errors, damped additive trend             10
                          (statsmodels ``ETSModel``), analytic normal intervals
``arima``      logs       ARIMA(p,1,q) with drift, (p, q) in {0, 1}², chosen by AICc      10
                          (statsmodels ``ARIMA``, ``trend="t"``), normal intervals
=============  =========  ===========================================================  ========

.. [1] on logs when every value is positive, else on levels.

The drift and naive variances are the textbook ones (Hyndman & Athanasopoulos, *Forecasting:
principles and practice*, 3rd ed., table 5.2); the extra ``h / m`` term is the variance of the
estimated drift ``s**2 / m`` times ``h**2``. Under Gaussian increments the standardised forecast
error is exactly Student-t, which keeps the intervals honest on 10-20 yearly points. ARIMA and ETS
intervals ignore parameter uncertainty (as statsmodels computes them).

statsmodels is imported only when a model that needs it is fitted, and every warning it raises
(ConvergenceWarning, "non-invertible starting MA parameters", ...) is captured into the
diagnostics instead of reaching the user.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from jbanalysis.forecast.distributions import Predictive

#: ARIMA orders tried on the log series (with drift); the smallest AICc wins.
ARIMA_ORDERS: tuple[tuple[int, int, int], ...] = ((0, 1, 0), (1, 1, 0), (0, 1, 1), (1, 1, 1))


class ModelFitError(RuntimeError):
    """A model could not produce a finite forecast from the data it was given."""


@dataclass
class FitResult:
    """A fitted model's forecast distribution, the label of what was fitted, and diagnostics."""

    predictive: Predictive
    label: str
    diagnostics: list[str] = field(default_factory=list)


def _naive(y: np.ndarray, horizon: int, log: bool) -> tuple[Predictive, str]:
    dy = np.diff(y)
    s = np.sqrt(np.mean(dy**2))
    h = np.arange(1, horizon + 1)
    center = np.full(horizon, y[-1], dtype=float)
    return Predictive(center, s * np.sqrt(h), float(len(dy)), log=False), "naive"


def _drift(y: np.ndarray, horizon: int, log: bool) -> tuple[Predictive, str]:
    z = np.log(y) if log else y
    dz = np.diff(z)
    m = len(dz)
    c = dz.mean()
    s = dz.std(ddof=1)
    h = np.arange(1, horizon + 1)
    center = z[-1] + h * c
    scale = s * np.sqrt(h * (1 + h / m))
    return Predictive(center, scale, float(m - 1), log=log), "drift (log)" if log else "drift"


def _ols_trend(z: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray, float]:
    from statsmodels.regression.linear_model import OLS

    n = len(z)
    t = np.arange(n + horizon, dtype=float)
    x = np.column_stack([np.ones_like(t), t])
    res = OLS(z, x[:n]).fit()
    pred = res.get_prediction(x[n:])
    return np.asarray(pred.predicted_mean), np.asarray(pred.se_obs), float(res.df_resid)


def _linear(y: np.ndarray, horizon: int, log: bool) -> tuple[Predictive, str]:
    center, scale, df = _ols_trend(y, horizon)
    return Predictive(center, scale, df, log=False), "linear"


def _loglinear(y: np.ndarray, horizon: int, log: bool) -> tuple[Predictive, str]:
    center, scale, df = _ols_trend(np.log(y), horizon)
    return Predictive(center, scale, df, log=True), "loglinear"


def _ets(y: np.ndarray, horizon: int, log: bool) -> tuple[Predictive, str]:
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    n = len(y)
    # A Series (RangeIndex): ETSResults.get_prediction fails on a bare ndarray in statsmodels 0.15.
    z = pd.Series(np.log(y))
    res = ETSModel(z, error="add", trend="add", damped_trend=True).fit(disp=False)
    pred = res.get_prediction(start=n, end=n + horizon - 1)
    center = np.asarray(pred.predicted_mean, dtype=float)
    scale = np.sqrt(np.asarray(pred.var_pred_mean, dtype=float))
    return Predictive(center, scale, np.inf, log=True), "ets(A,Ad,N) (log)"


def _arima(y: np.ndarray, horizon: int, log: bool) -> tuple[Predictive, str]:
    from statsmodels.tsa.arima.model import ARIMA

    z = np.log(y)
    best = None
    failures = []
    for order in ARIMA_ORDERS:
        try:
            res = ARIMA(z, order=order, trend="t").fit()
        except (ValueError, np.linalg.LinAlgError) as exc:
            failures.append(f"{order}: {exc}")
            continue
        if np.isfinite(res.aicc) and (best is None or res.aicc < best[0]):
            best = (res.aicc, order, res)
    if best is None:
        raise ModelFitError(f"no ARIMA order could be fitted ({'; '.join(failures)})")
    _, order, res = best
    fc = res.get_forecast(horizon)
    center = np.asarray(fc.predicted_mean, dtype=float)
    scale = np.sqrt(np.asarray(fc.var_pred_mean, dtype=float))
    p, d, q = order
    return Predictive(center, scale, np.inf, log=True), f"arima({p},{d},{q})+drift (log)"


@dataclass(frozen=True)
class ModelSpec:
    """A model's name, the fewest values it accepts, whether it works on logs, and its fitter."""

    name: str
    min_values: int
    log: str  # "never", "always" or "if_positive"
    fitter: Callable[[np.ndarray, int, bool], tuple[Predictive, str]]


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec("naive", 3, "never", _naive),
        ModelSpec("drift", 3, "if_positive", _drift),
        ModelSpec("linear", 3, "never", _linear),
        ModelSpec("loglinear", 6, "always", _loglinear),
        ModelSpec("ets", 10, "always", _ets),
        ModelSpec("arima", 10, "always", _arima),
    )
}

#: Model names in order of simplicity (ties in backtest error go to the simpler model).
MODEL_NAMES: tuple[str, ...] = tuple(MODELS)


def check_model(name: str, n: int, positive: bool) -> None:
    """Raise ``ValueError`` saying why model ``name`` cannot be fitted to ``n`` values.

    Examples
    --------
    >>> check_model("ets", 8, True)
    Traceback (most recent call last):
    ...
    ValueError: model 'ets' needs at least 10 values; the fitting window has 8 ...
    """
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; expected one of {', '.join(MODEL_NAMES)}")
    spec = MODELS[name]
    if n < spec.min_values:
        raise ValueError(
            f"model {name!r} needs at least {spec.min_values} values; the fitting window has {n} "
            "(with 3-5 values only naive, drift and linear are fitted)"
        )
    if spec.log == "always" and not positive:
        raise ValueError(
            f"model {name!r} works on logs and the series has values <= 0; "
            "use naive, drift or linear"
        )


def eligible_models(n: int, positive: bool) -> list[str]:
    """Models that can be fitted to ``n`` values (log models only when all are positive).

    Examples
    --------
    >>> eligible_models(5, True)
    ['naive', 'drift', 'linear']
    >>> eligible_models(12, False)
    ['naive', 'drift', 'linear']
    >>> eligible_models(12, True)
    ['naive', 'drift', 'linear', 'loglinear', 'ets', 'arima']
    """
    return [
        name
        for name, spec in MODELS.items()
        if n >= spec.min_values and (positive or spec.log != "always")
    ]


def fit_model(name: str, y: np.ndarray, horizon: int) -> FitResult:
    """Fit model ``name`` to ``y`` and forecast ``horizon`` steps; warnings go to diagnostics.

    Parameters
    ----------
    name : str
        One of :data:`MODEL_NAMES`.
    y : numpy.ndarray
        Consecutive annual values, no NaN.
    horizon : int
        Steps ahead (>= 1).

    Returns
    -------
    FitResult

    Raises
    ------
    ValueError
        The model cannot be used on these data (too few values, values <= 0 for a log model).
    ModelFitError
        The fit failed or produced a non-finite forecast.

    Examples
    --------
    >>> r = fit_model("naive", np.array([1.0, 3.0, 5.0]), 2)
    >>> r.predictive.center.tolist(), r.predictive.scale.tolist()  # s = sqrt((4 + 4) / 2) = 2
    ([5.0, 5.0], [2.0, 2.8284271247461903])
    """
    positive = bool(np.all(y > 0))
    check_model(name, len(y), positive)
    spec = MODELS[name]
    log = spec.log == "always" or (spec.log == "if_positive" and positive)
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="ignore"):
        warnings.simplefilter("always")
        try:
            predictive, label = spec.fitter(y, horizon, log)
        except (ValueError, np.linalg.LinAlgError) as exc:
            raise ModelFitError(f"{name}: the fit failed: {exc}") from exc
    diagnostics = [f"{name}: {w.category.__name__}: {w.message}" for w in caught]
    if not (
        np.all(np.isfinite(predictive.center))
        and np.all(np.isfinite(predictive.scale))
        and np.all(np.isfinite(predictive.mean()))
    ):
        raise ModelFitError(
            f"{name}: the fit gave a non-finite forecast ({'; '.join(diagnostics)})"
        )
    return FitResult(predictive, label, diagnostics)
