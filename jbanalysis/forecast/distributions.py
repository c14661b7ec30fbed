"""Forecast distributions on the original scale of a series.

A model forecasts on its own scale (levels or natural logs) as a location-scale distribution,
normal or Student-t. On the original scale:

* quantiles are ``g(mu + scale * q_p)`` with ``g = exp`` for log models: a monotone transform
  maps quantiles to quantiles, so intervals and the median back-transform exactly;
* the mean of a log model is the log-normal mean ``exp(mu + scale**2 / 2)`` (the median
  ``exp(mu)`` understates the mean; Hyndman & Athanasopoulos, *Forecasting: principles and
  practice*, 3rd ed., section 5.6 "bias adjustments"). For a Student-t log-scale forecast the
  exact mean is infinite; the log-normal mean with the same scale is used and documented.

An equal-weight combination averages the members' means and their quantiles (quantile averaging,
"Vincentization"), so its point forecast is exactly the mean of its parts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def _standard_quantile(p: float, df: float) -> float:
    """Quantile of the standard normal (``df=inf``) or Student-t distribution."""
    from scipy.special import ndtri, stdtrit  # deferred: scipy.special is slow to import

    return float(ndtri(p)) if np.isinf(df) else float(stdtrit(df, p))


def _standard_cdf(z: np.ndarray, df: float) -> np.ndarray:
    from scipy.special import ndtr, stdtr

    return ndtr(z) if np.isinf(df) else stdtr(df, z)


@dataclass(frozen=True)
class Predictive:
    """Location-scale forecast distribution per horizon, possibly on logs.

    Attributes
    ----------
    center, scale : numpy.ndarray
        Location and scale (standard deviation for the normal) per horizon, on the model scale.
    df : float
        Degrees of freedom of the Student-t; ``inf`` for the normal.
    log : bool
        Whether the model scale is the natural log of the series.

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast import Predictive
    >>> d = Predictive(np.array([0.0]), np.array([1.0]), np.inf, log=True)
    >>> round(float(d.quantile(0.5)[0]), 6), round(float(d.mean()[0]), 6)  # exp(0), exp(1/2)
    (1.0, 1.648721)
    """

    center: np.ndarray
    scale: np.ndarray
    df: float
    log: bool

    def quantile(self, p: float) -> np.ndarray:
        """Quantile ``p`` (0 < p < 1) per horizon on the original scale."""
        z = self.center + self.scale * _standard_quantile(p, self.df)
        return np.exp(z) if self.log else z

    def mean(self) -> np.ndarray:
        """Mean per horizon on the original scale (log-normal mean for log models)."""
        if self.log:
            return np.exp(self.center + self.scale**2 / 2)
        return np.asarray(self.center, dtype=float)

    def cdf(self, x: float) -> np.ndarray:
        """``P(Y <= x)`` per horizon on the original scale."""
        if self.log:
            if x <= 0:
                return np.zeros_like(self.center)
            x = np.log(x)
        # a zero scale (an exactly regular history) is a point mass: a step at the centre
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (x - self.center) / self.scale
        z = np.where(self.scale > 0, z, np.where(x >= self.center, np.inf, -np.inf))
        return _standard_cdf(z, self.df)

    def head(self, h: int) -> Predictive:
        """The first ``h`` horizons."""
        return Predictive(self.center[:h], self.scale[:h], self.df, self.log)


@dataclass(frozen=True)
class Combination:
    """Equal-weight combination of forecast distributions (quantile averaging).

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast import Combination, Predictive
    >>> a = Predictive(np.array([10.0]), np.array([1.0]), np.inf, log=False)
    >>> b = Predictive(np.array([20.0]), np.array([1.0]), np.inf, log=False)
    >>> c = Combination((a, b))
    >>> float(c.mean()[0]), float(c.quantile(0.5)[0])
    (15.0, 15.0)
    """

    members: tuple[Predictive | Combination, ...]

    def quantile(self, p: float) -> np.ndarray:
        return np.mean([m.quantile(p) for m in self.members], axis=0)

    def mean(self) -> np.ndarray:
        return np.mean([m.mean() for m in self.members], axis=0)

    def cdf(self, x: float) -> np.ndarray:
        """``P(Y <= x)``: the level ``p`` whose averaged quantile equals ``x`` (bisection)."""
        lo_p, hi_p = np.full_like(self.mean(), 1e-12), np.full_like(self.mean(), 1 - 1e-12)
        below = self.quantile(1e-12) >= x
        above = self.quantile(1 - 1e-12) <= x
        for _ in range(60):  # 2**-60: far below any reported precision
            mid = (lo_p + hi_p) / 2
            q = np.array([self._quantile_at(mid, i) for i in range(len(mid))])
            lower = q < x
            lo_p = np.where(lower, mid, lo_p)
            hi_p = np.where(lower, hi_p, mid)
        p = (lo_p + hi_p) / 2
        return np.where(below, 0.0, np.where(above, 1.0, p))

    def _quantile_at(self, p: np.ndarray, i: int) -> float:
        return float(self.quantile(float(p[i]))[i])

    def head(self, h: int) -> Combination:
        return Combination(tuple(m.head(h) for m in self.members))


@dataclass(frozen=True)
class Widened:
    """A forecast distribution whose intervals are widened by ``factor`` around its median.

    ``quantile(p) = m + factor * (q(p) - m)`` with ``m`` the median and ``q`` the quantiles of the
    original distribution, so an interval keeps its centre and its skew (a log model's interval
    stays longer above than below) and grows ``factor`` times; ``cdf(x) = F(m + (x - m) /
    factor)``. Used where a model's own intervals are narrower than its backtest errors (conformal
    style, see :func:`jbanalysis.forecast.evaluate.calibrate`). The mean is the original one
    moved with the median (widening around the median does not move it).

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast import Predictive, Widened
    >>> d = Predictive(np.array([10.0]), np.array([1.0]), np.inf, log=False)
    >>> w = Widened(d, 2.0)
    >>> round(float(w.quantile(0.975)[0]), 4), round(float(w.cdf(10.0 + 2 * 1.959964)[0]), 4)
    (13.92, 0.975)
    """

    base: Predictive | Combination
    factor: float

    def _median(self) -> np.ndarray:
        return self.base.quantile(0.5)

    def quantile(self, p: float) -> np.ndarray:
        m = self._median()
        return m + self.factor * (self.base.quantile(p) - m)

    def mean(self) -> np.ndarray:
        return self.base.mean()

    def cdf(self, x: float) -> np.ndarray:
        m = self._median()
        return np.array(
            [float(self.base.cdf(float(m[i] + (x - m[i]) / self.factor))[i]) for i in range(len(m))]
        )

    def head(self, h: int) -> Widened:
        return Widened(self.base.head(h), self.factor)
