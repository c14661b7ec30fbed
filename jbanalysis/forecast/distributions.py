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


#: Levels of the grid on which a mean is taken from quantiles (midpoints of 400 equal slices).
_MEAN_GRID = (np.arange(400) + 0.5) / 400


@dataclass(frozen=True)
class LaplaceOnScale:
    """A Laplace distribution per horizon on a domain scale, mapped back to the series' values.

    On the scale ``z = g(y)`` of :class:`~jbanalysis.forecast.domains.Scale` (log, logit or
    levels) the forecast is ``Laplace(center, b)``: ``P(|z - center| > x) = exp(-x / b)``, so the
    ``L`` % interval is ``center -/+ b * ln(1 / (1 - L/100))`` and ``b`` is the mean absolute
    error. Quantiles map back through ``g``'s inverse, so every bound lies in the domain; the
    mean is the average of 400 quantiles (a log scale's mean lies above its median).

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast.distributions import LaplaceOnScale
    >>> import numpy as np
    >>> from jbanalysis.forecast.domains import Scale
    >>> d = LaplaceOnScale(np.log(np.array([100.0])), np.array([0.1]), Scale("log", 0.0))
    >>> lo, hi = d.quantile(0.1)[0], d.quantile(0.9)[0]  # 100 * exp(-/+ 0.1 * ln 5)
    >>> round(float(lo), 2), round(float(hi), 2), round(float(d.cdf(hi)[0]), 6)
    (85.13, 117.46, 0.9)
    """

    center: np.ndarray
    b: np.ndarray
    scale: object  # a domains.Scale

    def _z(self, p: float) -> np.ndarray:
        x = np.log(2 * p) if p < 0.5 else -np.log(2 * (1 - p))
        return self.center + self.b * x

    def quantile(self, p: float) -> np.ndarray:
        return self.scale.back(self._z(p))

    def mean(self) -> np.ndarray:
        return np.mean([self.quantile(float(p)) for p in _MEAN_GRID], axis=0)

    def cdf(self, x: float) -> np.ndarray:
        if x < self.scale.lower:
            return np.zeros_like(self.center)
        if x > self.scale.upper:
            return np.ones_like(self.center)
        if self.scale.name != "levels" and x in (self.scale.lower, self.scale.upper):
            return (
                np.zeros_like(self.center) if x == self.scale.lower else np.ones_like(self.center)
            )
        z = float(self.scale.to(np.array([x]))[0])
        with np.errstate(divide="ignore", invalid="ignore"):
            u = (z - self.center) / self.b
        u = np.where(self.b > 0, u, np.where(z >= self.center, np.inf, -np.inf))
        below = 0.5 * np.exp(np.minimum(u, 0))
        return np.where(u < 0, below, 1 - 0.5 * np.exp(-np.maximum(u, 0)))

    def head(self, h: int) -> LaplaceOnScale:
        return LaplaceOnScale(self.center[:h], self.b[:h], self.scale)


@dataclass(frozen=True)
class Censored:
    """A distribution whose quantiles are cut to a domain: a model's own, unchecked intervals
    (``calibrate=False``) never leave the indicator's values; the mass beyond an edge sits on it.

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast.distributions import Censored, Predictive
    >>> d = Censored(Predictive(np.array([1.0]), np.array([2.0]), np.inf, log=False), 0.0, 100.0)
    >>> float(d.quantile(0.025)[0]), float(d.cdf(-1.0)[0])
    (0.0, 0.0)
    """

    base: Predictive | Combination | Widened
    lower: float
    upper: float

    def quantile(self, p: float) -> np.ndarray:
        return np.clip(self.base.quantile(p), self.lower, self.upper)

    def mean(self) -> np.ndarray:
        inside = (self.base.quantile(1e-4) >= self.lower) & (
            self.base.quantile(1 - 1e-4) <= self.upper
        )
        if np.all(inside):  # nothing (to 1e-4) beyond the edges: the model's own mean
            return self.base.mean()
        return np.mean([self.quantile(float(p)) for p in _MEAN_GRID], axis=0)

    def cdf(self, x: float) -> np.ndarray:
        if x < self.lower:
            return np.zeros_like(self.base.mean())
        if x >= self.upper:
            return np.ones_like(self.base.mean())
        return self.base.cdf(x)

    def head(self, h: int) -> Censored:
        return Censored(self.base.head(h), self.lower, self.upper)
