"""The model of a forecast and its distribution: the default combination or the models asked for,
with intervals from the backtest (:mod:`~jbanalysis.forecast.intervals`) or the models' own.

``model="auto"`` is one pre-specified combination, the same for every series: the equal-weight
mean of Holt's damped trend and ARIMA(1,1,0) with drift (:data:`DEFAULT_MODELS`). It is not
chosen per series: choosing among models by a backtest of 10-20 yearly values did not beat a fixed
combination out of sample, on this project's series or on others (docs/forecasts.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jbanalysis.forecast.calibration import Calibration
from jbanalysis.forecast.distributions import Censored
from jbanalysis.forecast.fitting import model_label, predict
from jbanalysis.forecast.intervals import calibrated_distribution
from jbanalysis.forecast.models import DEFAULT_MODELS, check_model
from jbanalysis.forecast.series import FitWindow


@dataclass
class Choice:
    """What a forecast is fitted with, its distribution, and why."""

    names: tuple[str, ...]
    distribution: object
    detail: str
    notes: list[str]
    diagnostics: list[str]
    calibration: Calibration | None


def choose(
    window: FitWindow,
    horizon: int,
    levels: Sequence[float],
    names: tuple[str, ...] | None = None,
    calibrate: bool = True,
) -> Choice:
    """Fit ``names`` (``None``: the default combination) and give their forecast distribution.

    With ``calibrate`` the intervals come from the series' own backtest on the domain's scale
    (:func:`~jbanalysis.forecast.intervals.calibrated_distribution`); without, they are the
    models' own, cut at the domain's edges.
    """
    notes: list[str] = []
    if names is None:
        names = DEFAULT_MODELS
        notes.append(
            "model: the default, the equal-weight mean of Holt's damped trend and ARIMA(1,1,0) "
            "with drift (the same for every series, not chosen by its backtest)"
        )
    for name in names:
        check_model(name, window.n_values, window.positive)
    own, detail, diagnostics = predict(tuple(names), window.filled, horizon, window.keep)
    if calibrate:
        dist, cal = calibrated_distribution(
            window, names, own.quantile(0.5), horizon, levels, window.domain
        )
        notes.append(cal.note())
    else:
        unbounded = window.domain == (float("-inf"), float("inf"))
        dist, cal = (own if unbounded else Censored(own, *window.domain)), None
        notes.append(
            f"intervals: {model_label(names)}'s own, not checked against a backtest"
            + ("" if unbounded else "; cut at the edges of the values the indicator can take")
        )
    return Choice(tuple(names), dist, detail, notes, diagnostics, cal)
