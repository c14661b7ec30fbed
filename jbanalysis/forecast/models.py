"""The forecasting models: each turns a gap-free annual array into a forecast distribution.

================  =========  ======================================================  ========
name              scale      model and prediction interval                           min. n
================  =========  ======================================================  ========
``naive``         levels     ``y[T+h] = y[T]``; sd ``s * sqrt(h)``,                        3
                             ``s**2 = mean(dy**2)``; Student-t, ``m`` df
``recent_drift``  levels     the default: drift ``c = median`` of the last 4 yearly         3
                             changes; sd ``s * sqrt(h + h**2 * pi / (2 k))``, ``s``
                             the sample sd of every change, ``k`` changes in the
                             median; Student-t, ``m - 1`` df
``drift_level``   levels     random walk with drift ``c = mean(dy)``; sd                    3
                             ``s * sqrt(h * (1 + h / m))``; Student-t, ``m - 1`` df
``drift``         logs [1]_  the same on ``log(y)`` (constant growth rate)                  3
``linear``        levels     OLS ``y = a + b * t`` (statsmodels ``OLS``); sd of a new       3
                             observation; Student-t, ``n - 2`` df
``theta``         levels     the Theta method (statsmodels ``ThetaModel``: SES plus         6
                             half the OLS slope), its normal intervals
``loglinear``     logs       OLS on ``log(y)``                                              6
``theta_log``     logs       the Theta method on ``log(y)``                                 6
``ets_level``     levels     ETS(A,Ad,N), damped additive trend (``ETSModel``)             10
``ets``           logs       the same on ``log(y)``                                        10
``arima_level``   levels     ARIMA(p,1,q) with drift, (p, q) in {0, 1}², by AICc           10
                             (statsmodels ``ARIMA``, ``trend="t"``)
``arima``         logs       the same on ``log(y)``                                        10
``holt_damped``   levels     Holt's damped trend, ETS(A,Ad,N), on a small grid of            3
                             parameters (numpy; :mod:`~jbanalysis.forecast.trend`)
``ar1_drift``     levels     ARIMA(1,1,0) with drift by least squares on the changes          3
                             (numpy; the drift with fewer than four changes)
================  =========  ======================================================  ========

``dy`` are the yearly changes the model may learn from: the change into the first year of a
registered break is left out (``keep``), ``m`` is how many remain.

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
from jbanalysis.forecast.trend import _ar1_drift, _holt_damped

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


def _changes(z: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Yearly changes a difference model may learn from (break-year changes left out)."""
    dz = np.diff(z)
    kept = dz[keep] if keep.any() else dz
    return kept


def _naive(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    dy = _changes(y, keep)
    s = np.sqrt(np.mean(dy**2))
    h = np.arange(1, horizon + 1)
    center = np.full(horizon, y[-1], dtype=float)
    return Predictive(center, s * np.sqrt(h), float(len(dy)), log=False), "naive"


#: Yearly changes whose median is the drift of ``recent_drift``.
RECENT_CHANGES = 4


def _recent_drift(
    y: np.ndarray, horizon: int, log: bool, keep: np.ndarray
) -> tuple[Predictive, str]:
    dy = _changes(y, keep)
    recent = dy[-RECENT_CHANGES:]
    k, m = len(recent), len(dy)
    c = float(np.median(recent))
    s = float(dy.std(ddof=1)) if m > 1 else 0.0
    h = np.arange(1, horizon + 1)
    center = y[-1] + h * c
    # var of the median of k changes ~ (pi / 2) s**2 / k (asymptotic efficiency of the median)
    scale = s * np.sqrt(h + h**2 * np.pi / (2 * k))
    return Predictive(center, scale, float(max(m - 1, 1)), log=False), (
        f"recent drift (median of the last {k} changes, levels)"
    )


def _drift(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    z = np.log(y) if log else y
    dz = _changes(z, keep)
    m = len(dz)
    c = dz.mean()
    s = dz.std(ddof=1) if m > 1 else 0.0
    h = np.arange(1, horizon + 1)
    center = z[-1] + h * c
    scale = s * np.sqrt(h * (1 + h / m))
    return Predictive(center, scale, float(max(m - 1, 1)), log=log), (
        "drift (log)" if log else "drift (levels)"
    )


def _ols_trend(z: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray, float]:
    from statsmodels.regression.linear_model import OLS

    n = len(z)
    t = np.arange(n + horizon, dtype=float)
    x = np.column_stack([np.ones_like(t), t])
    res = OLS(z, x[:n]).fit()
    pred = res.get_prediction(x[n:])
    return np.asarray(pred.predicted_mean), np.asarray(pred.se_obs), float(res.df_resid)


def _linear(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    center, scale, df = _ols_trend(y, horizon)
    return Predictive(center, scale, df, log=False), "linear"


def _loglinear(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    center, scale, df = _ols_trend(np.log(y), horizon)
    return Predictive(center, scale, df, log=True), "loglinear"


def _theta(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    import pandas as pd
    from statsmodels.tsa.forecasting.theta import ThetaModel

    z = pd.Series(np.log(y) if log else y)
    res = ThetaModel(z, period=1, deseasonalize=False).fit()
    center = np.asarray(res.forecast(horizon), dtype=float)
    bounds = res.prediction_intervals(horizon, alpha=0.05)
    q = 1.959963984540054  # the normal quantile statsmodels used for alpha = 0.05
    scale = (np.asarray(bounds["upper"]) - np.asarray(bounds["lower"])) / (2 * q)
    return Predictive(center, scale, np.inf, log=log), "theta (log)" if log else "theta"


def _ets(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    n = len(y)
    # A Series (RangeIndex): ETSResults.get_prediction fails on a bare ndarray in statsmodels 0.15.
    z = pd.Series(np.log(y) if log else y)
    res = ETSModel(z, error="add", trend="add", damped_trend=True).fit(disp=False)
    pred = res.get_prediction(start=n, end=n + horizon - 1)
    center = np.asarray(pred.predicted_mean, dtype=float)
    scale = np.sqrt(np.asarray(pred.var_pred_mean, dtype=float))
    return Predictive(center, scale, np.inf, log=log), (
        "ets(A,Ad,N) (log)" if log else "ets(A,Ad,N) (levels)"
    )


def _arima(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray) -> tuple[Predictive, str]:
    from statsmodels.tsa.arima.model import ARIMA

    z = np.log(y) if log else y
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
    return Predictive(center, scale, np.inf, log=log), (
        f"arima({p},{d},{q})+drift ({'log' if log else 'levels'})"
    )


@dataclass(frozen=True)
class ModelSpec:
    """A model's name, the fewest values it accepts, whether it works on logs, and its fitter."""

    name: str
    min_values: int
    log: str  # "never", "always" or "if_positive"
    fitter: Callable[[np.ndarray, int, bool, np.ndarray], tuple[Predictive, str]]


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec("naive", 3, "never", _naive),
        ModelSpec("recent_drift", 3, "never", _recent_drift),
        ModelSpec("drift_level", 3, "never", _drift),
        ModelSpec("drift", 3, "if_positive", _drift),
        ModelSpec("linear", 3, "never", _linear),
        ModelSpec("theta", 6, "never", _theta),
        ModelSpec("loglinear", 6, "always", _loglinear),
        ModelSpec("theta_log", 6, "always", _theta),
        ModelSpec("ets_level", 10, "never", _ets),
        ModelSpec("ets", 10, "always", _ets),
        ModelSpec("arima_level", 10, "never", _arima),
        ModelSpec("arima", 10, "always", _arima),
        ModelSpec("holt_damped", 3, "never", _holt_damped),
        ModelSpec("ar1_drift", 3, "never", _ar1_drift),
    )
}

#: Model names in order of simplicity (ties in backtest error go to the simpler model).
MODEL_NAMES: tuple[str, ...] = tuple(MODELS)

#: The models of ``forecast(model="auto")``, combined with equal weights: Holt's damped trend and
#: ARIMA(1,1,0) with drift (:mod:`~jbanalysis.forecast.trend`; docs/forecasts.md, "The default").
DEFAULT_MODELS: tuple[str, ...] = ("holt_damped", "ar1_drift")

#: The default's name, as a forecast table's ``model`` column gives it.
DEFAULT_MODEL = "combo(holt_damped+ar1_drift)"


def check_model(name: str, n: int, positive: bool) -> None:
    """Raise ``ValueError`` saying why model ``name`` cannot be fitted to ``n`` values.

    Examples
    --------
    >>> from jbanalysis.forecast.models import check_model
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
            f"(with 3-5 values only {', '.join(eligible_models(5, True))} are fitted)"
        )
    if spec.log == "always" and not positive:
        raise ValueError(
            f"model {name!r} works on logs and the series has values <= 0; "
            "use a model on levels (naive, recent_drift, drift_level, linear, theta, ...)"
        )


def eligible_models(n: int, positive: bool) -> list[str]:
    """Models that can be fitted to ``n`` values (log models only when all are positive).

    Examples
    --------
    >>> from jbanalysis.forecast.models import eligible_models
    >>> eligible_models(5, True)
    ['naive', 'recent_drift', 'drift_level', 'drift', 'linear', 'holt_damped', 'ar1_drift']
    >>> eligible_models(12, False)  # doctest: +NORMALIZE_WHITESPACE
    ['naive', 'recent_drift', 'drift_level', 'drift', 'linear', 'theta', 'ets_level',
     'arima_level', 'holt_damped', 'ar1_drift']
    """
    return [
        name
        for name, spec in MODELS.items()
        if n >= spec.min_values and (positive or spec.log != "always")
    ]


def fit_model(name: str, y: np.ndarray, horizon: int, keep: np.ndarray | None = None) -> FitResult:
    """Fit model ``name`` to ``y`` and forecast ``horizon`` steps; warnings go to diagnostics.

    Parameters
    ----------
    name : str
        One of :data:`MODEL_NAMES`.
    y : numpy.ndarray
        Consecutive annual values, no NaN.
    horizon : int
        Steps ahead (>= 1).
    keep : numpy.ndarray of bool, optional
        One per yearly change: ``False`` leaves a break-year change out of difference models.

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
    >>> import numpy as np
    >>> from jbanalysis.forecast import fit_model
    >>> r = fit_model("naive", np.array([1.0, 3.0, 5.0]), 2)
    >>> r.predictive.center.tolist(), r.predictive.scale.tolist()  # s = sqrt((4 + 4) / 2) = 2
    ([5.0, 5.0], [2.0, 2.8284271247461903])
    """
    positive = bool(np.all(y > 0))
    check_model(name, len(y), positive)
    spec = MODELS[name]
    keep = np.ones(len(y) - 1, dtype=bool) if keep is None else np.asarray(keep, dtype=bool)
    log = spec.log == "always" or (spec.log == "if_positive" and positive)
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="ignore"):
        warnings.simplefilter("always")
        try:
            predictive, label = spec.fitter(y, horizon, log, keep)
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
