"""Simple, honest trend forecasts of short annual series, with intervals, backtests and targets.

Annual district series are short (10-20 values) and broken by census revisions. This subpackage
fits a handful of simple models (naive, drift on levels and on logs, the median of recent changes,
linear and log-linear trends, the Theta method, damped-trend exponential smoothing and a small
ARIMA family, on levels and on logs) and their equal-weight combinations; it keeps the years
before a registered break, re-levelled; it measures models by rolling-origin backtests, widens
intervals that the backtest shows too narrow, and says which years it fitted and why.

>>> import pandas as pd
>>> from jbanalysis import forecast as fc
>>> s = pd.Series([100.0, 110.0, 121.0, 133.1, 146.41], index=range(2018, 2023))
>>> fc.forecast(s, horizon=1, model="drift", calibrate=False)[["year", "median"]].round(2)
   year  median
0  2023  161.05

statsmodels is imported only when a model that needs it is fitted; its warnings are captured in
``attrs["diagnostics"]``.
"""

from jbanalysis.forecast import breaks as _breaks
from jbanalysis.forecast.breaks import known_break_years, relevel
from jbanalysis.forecast.calibration import Calibration, calibrate
from jbanalysis.forecast.core import forecast, outturn
from jbanalysis.forecast.distributions import (
    Censored,
    Combination,
    LaplaceOnScale,
    Predictive,
    Widened,
)
from jbanalysis.forecast.evaluate import backtest, combine_backtest, score
from jbanalysis.forecast.fitting import MAX_HORIZON
from jbanalysis.forecast.inputs import series_inputs
from jbanalysis.forecast.models import (
    DEFAULT_MODEL,
    DEFAULT_MODELS,
    MODEL_NAMES,
    ModelFitError,
    fit_model,
)
from jbanalysis.forecast.options import FitOptions
from jbanalysis.forecast.panels import (
    backtest_panel,
    forecast_district,
    forecast_panel,
    outturn_check,
)
from jbanalysis.forecast.protocol import MIN_ORIGINS_TO_SELECT
from jbanalysis.forecast.selection import Selection, honest_score, select_model
from jbanalysis.forecast.series import FitWindow, SeriesError, as_annual_series, fit_window
from jbanalysis.forecast.targets import TargetCheck, target_check
from jbanalysis.metrics.growth import cagr  # the one cagr: decisions 19.x

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_MODELS",
    "ECONOMIC_CENSUS_YEARS",
    "MAX_HORIZON",
    "MIN_ORIGINS_TO_SELECT",
    "MODEL_NAMES",
    "POPULATION_CENSUS_YEARS",
    "Calibration",
    "Censored",
    "Combination",
    "FitOptions",
    "FitWindow",
    "LaplaceOnScale",
    "ModelFitError",
    "Predictive",
    "Selection",
    "SeriesError",
    "TargetCheck",
    "Widened",
    "as_annual_series",
    "backtest",
    "backtest_panel",
    "cagr",
    "calibrate",
    "combine_backtest",
    "fit_model",
    "fit_window",
    "forecast",
    "forecast_district",
    "forecast_panel",
    "honest_score",
    "known_break_years",
    "outturn",
    "outturn_check",
    "relevel",
    "score",
    "select_model",
    "series_inputs",
    "target_check",
]


def __getattr__(name: str):
    # census years are read from the break registry when first asked for (no file read at import)
    if name in ("ECONOMIC_CENSUS_YEARS", "POPULATION_CENSUS_YEARS"):
        return getattr(_breaks, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
