"""The numbers of the backtest protocol that every door shares (API, CLI, reports).

How many origins a choice needs, how many forecasts a calibration needs, what coverage counts as
calibrated, and how far ahead the backtest behind ``model="auto"`` looks: defined once here, and
read by the backtests (:mod:`~jbanalysis.forecast.evaluate`), the calibration
(:mod:`~jbanalysis.forecast.calibration`), the choice of model (:mod:`~jbanalysis.forecast.choice`)
and the sentences that explain them.
"""

from __future__ import annotations

__all__ = [
    "BACKTEST_HORIZON",
    "CALIBRATED_BANDS",
    "MIN_ERRORS_TO_CALIBRATE",
    "MIN_ORIGINS_TO_SELECT",
    "NARROW_SLACK",
    "default_min_train",
]


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
    >>> from jbanalysis.forecast.protocol import default_min_train
    >>> default_min_train(18), default_min_train(7), default_min_train(4)
    (5, 4, 3)
    """
    return max(3, min(5, n - MIN_ORIGINS_TO_SELECT))
