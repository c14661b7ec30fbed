"""The values a series can take, and the scale its intervals are built on so that they keep to them.

An indicator's domain is registered (``data/indicators.csv``, column ``domain``): levels are zero
or more, shares and rates of a whole lie within 0-100 %, growth rates above -100 %. A forecast
builds its intervals on a scale on which every number maps back inside that domain:

* ``log`` for a level whose values are all above zero: ``z = ln(y)``, ``y = exp(z) > 0``;
* ``logit`` for a share whose values are all strictly between 0 and 100 %:
  ``z = ln(y / (100 - y))``, ``y = 100 / (1 + exp(-z))``, inside (0, 100);
* ``levels`` otherwise (a level with a zero in it, a share at 0 or 100 %, a growth rate): the
  numbers are cut at the domain's edges, which a bound then reaches (a value at the edge is
  possible: a count of zero, a share of 100 %).

A series without an indicator has no registered domain: it is unbounded, and its intervals are
built on logs when every value is above zero (a positive series is forecast in proportions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: Domain of a series that is not a registered indicator.
UNBOUNDED = (-math.inf, math.inf)


def domain_of(indicator: str | None, domain: tuple[float, float] | str | None = None):
    """The domain ``(lower, upper)`` of a series: given, else its indicator's, else unbounded.

    Examples
    --------
    >>> from jbanalysis.forecast.domains import domain_of
    >>> domain_of("urbanization_rate"), domain_of(None), domain_of(None, "[0, inf)")
    ((0.0, 100.0), (-inf, inf), (0.0, inf))
    """
    from jbanalysis.registry.indicators import indicator_domain, parse_domain

    if isinstance(domain, str):
        return parse_domain(domain)
    if domain is not None:
        lower, upper = (float(v) for v in domain)
        if not lower < upper:
            raise ValueError(f"domain {domain!r}: the lower bound must be below the upper")
        return lower, upper
    if indicator is None:
        return UNBOUNDED
    return indicator_domain(indicator)


@dataclass(frozen=True)
class Scale:
    """A transform onto which intervals are built, and the domain they are cut to.

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast.domains import Scale
    >>> s = Scale("logit", 0.0, 100.0)
    >>> round(float(s.back(s.to(np.array([80.0]))[0])), 6), round(float(s.back(np.array([5.0]))[0]), 2)
    (80.0, 99.33)
    """

    name: str  # "log", "logit" or "levels"
    lower: float = -math.inf
    upper: float = math.inf

    def to(self, y: np.ndarray) -> np.ndarray:
        y = np.asarray(y, dtype=float)
        if self.name == "log":
            return np.log(y)
        if self.name == "logit":
            return np.log(y / (100.0 - y))
        return y

    def back(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        if self.name == "log":
            return np.exp(z)
        if self.name == "logit":
            return 100.0 / (1.0 + np.exp(-z))
        return self.clip(z)

    def clip(self, y: np.ndarray) -> np.ndarray:
        """``y`` cut to the domain (a no-op on log and logit scales, which never leave it)."""
        return np.clip(np.asarray(y, dtype=float), self.lower, self.upper)

    def contains(self, y: np.ndarray) -> np.ndarray:
        y = np.asarray(y, dtype=float)
        return (y >= self.lower) & (y <= self.upper)

    def words(self) -> str:
        """How the scale is described in the notes."""
        return {
            "log": "on logs (a level stays above zero)",
            "logit": "on log-odds (a share stays within 0-100 %)",
        }.get(self.name, "on levels, cut at the indicator's bounds")


def choose_scale(domain: tuple[float, float], values: np.ndarray, point: np.ndarray) -> Scale:
    """The scale of a forecast's intervals, from the domain, the values fitted and the point.

    Examples
    --------
    >>> import math
    >>> import numpy as np
    >>> from jbanalysis.forecast.domains import choose_scale
    >>> choose_scale((0.0, math.inf), np.array([1.0, 2.0]), np.array([3.0])).name
    'log'
    >>> choose_scale((0.0, math.inf), np.array([0.0, 2.0]), np.array([3.0])).name
    'levels'
    >>> choose_scale((0.0, 100.0), np.array([40.0, 60.0]), np.array([70.0])).name
    'logit'
    >>> choose_scale((-math.inf, math.inf), np.array([1.0, 2.0]), np.array([3.0])).name
    'log'
    """
    lower, upper = domain
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    both = np.concatenate([values, np.asarray(point, dtype=float)])
    if lower == 0 and upper == 100 and np.all((both > 0) & (both < 100)):
        return Scale("logit", lower, upper)
    if lower >= 0 or lower == -math.inf:
        if upper == math.inf and np.all(both > 0):
            return Scale("log", max(lower, 0.0), upper)
    return Scale("levels", lower, upper)
