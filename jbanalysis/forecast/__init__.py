"""Simple, honest trend forecasts of short annual series, with intervals, backtests and targets.

Annual district series are short (10-20 values) and broken by census revisions. This subpackage
fits a handful of simple models (naive, random walk with drift, linear and log-linear trends,
damped-trend exponential smoothing, a small ARIMA family) and their equal-weight combinations,
measures them by rolling-origin backtests, and says which years it fitted and why.

>>> import pandas as pd
>>> from jbanalysis import forecast as fc
>>> s = pd.Series([100.0, 110.0, 121.0, 133.1, 146.41], index=range(2018, 2023))
>>> fc.forecast(s, horizon=1, model="drift")[["year", "median"]].round(2)
   year  median
0  2023  161.05

statsmodels is imported only when a model that needs it is fitted; its warnings are captured in
``attrs["diagnostics"]``.
"""

from jbanalysis.forecast.breaks import (
    ECONOMIC_CENSUS_YEARS,
    POPULATION_CENSUS_YEARS,
    known_break_years,
)
from jbanalysis.forecast.core import forecast
from jbanalysis.forecast.distributions import Combination, Predictive
from jbanalysis.forecast.evaluate import (
    Selection,
    backtest,
    combine_backtest,
    score,
    select_model,
)
from jbanalysis.forecast.models import MODEL_NAMES, ModelFitError, fit_model
from jbanalysis.forecast.panels import backtest_panel, forecast_panel
from jbanalysis.forecast.series import FitWindow, as_annual_series, fit_window
from jbanalysis.forecast.targets import TargetCheck, cagr, target_check

__all__ = [
    "ECONOMIC_CENSUS_YEARS",
    "MODEL_NAMES",
    "POPULATION_CENSUS_YEARS",
    "Combination",
    "FitWindow",
    "ModelFitError",
    "Predictive",
    "Selection",
    "TargetCheck",
    "as_annual_series",
    "backtest",
    "backtest_panel",
    "cagr",
    "combine_backtest",
    "fit_model",
    "fit_window",
    "forecast",
    "forecast_panel",
    "known_break_years",
    "score",
    "select_model",
    "target_check",
]
