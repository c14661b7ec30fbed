"""Compounding arithmetic on two numbers: the growth a target needs, a level after growth, and
the years to double.

Rates are in percent a year. :func:`required_cagr` and :func:`compound` are each other's inverse;
the growth of a *series* between two of its years is :func:`jbanalysis.metrics.cagr`.
"""

from __future__ import annotations

import math

from jbanalysis.metrics._checks import MetricsError


def annual_growth(first, last, years):
    """Percent a year that takes ``first`` to ``last`` in ``years``, element-wise, unchecked.

    .. math:: r = 100 \\, [(x_{last} / x_{first})^{1/years} - 1]

    The one formula behind :func:`jbanalysis.metrics.cagr`, :func:`required_cagr` and the
    headline growth; the callers check that the values are positive and the years > 0.

    Examples
    --------
    >>> from jbanalysis.metrics.compounding import annual_growth
    >>> round(annual_growth(100.0, 121.0, 2), 6)
    10.0
    """
    return 100.0 * ((last / first) ** (1.0 / years) - 1.0)


def doubling_time(rate: float) -> float:
    """Years to double at a constant growth rate (percent per year).

    .. math:: T_2 = \\ln 2 / \\ln(1 + r/100)

    Parameters
    ----------
    rate : float
        Growth rate in percent per year; must be > 0 (a level that does not grow never doubles).

    Returns
    -------
    float
        Years.

    Examples
    --------
    >>> from jbanalysis.metrics import doubling_time
    >>> round(doubling_time(7.0), 4)
    10.2448
    """
    rate = float(rate)
    if not math.isfinite(rate) or rate <= 0:
        raise MetricsError(f"doubling time needs a positive finite growth rate, got {rate}")
    return math.log(2.0) / math.log1p(rate / 100.0)


def required_cagr(current: float, target: float, years: float) -> float:
    """Growth rate (percent per year) needed to go from ``current`` to ``target`` in ``years``.

    .. math:: r = 100 \\, [(target / current)^{1/years} - 1]

    Parameters
    ----------
    current, target : float
        Strictly positive levels in the same unit.
    years : float
        Number of years (> 0).

    Returns
    -------
    float
        Percent per year. :func:`compound` is its inverse.

    Examples
    --------
    >>> from jbanalysis.metrics import required_cagr
    >>> round(required_cagr(100.0, 200.0, 10), 4)
    7.1773
    """
    current, target, years = float(current), float(target), float(years)
    if not (current > 0 and target > 0):
        raise MetricsError(f"levels must be > 0, got current={current}, target={target}")
    if not years > 0:
        raise MetricsError(f"years must be > 0, got {years}")
    return annual_growth(current, target, years)


def compound(current: float, rate: float, years: float) -> float:
    """Level after ``years`` of growth at ``rate`` percent per year.

    .. math:: x_{T} = x_0 (1 + r/100)^{T}

    Parameters
    ----------
    current : float
        Starting level.
    rate : float
        Percent per year (> -100).
    years : float
        Number of years (>= 0).

    Returns
    -------
    float
        Level in the unit of ``current``.

    Examples
    --------
    >>> from jbanalysis.metrics import compound
    >>> round(compound(100.0, 10.0, 2), 6)
    121.0
    """
    current, rate, years = float(current), float(rate), float(years)
    if rate <= -100:
        raise MetricsError(f"rate must be > -100 %, got {rate}")
    if years < 0:
        raise MetricsError(f"years must be >= 0, got {years}")
    return current * (1.0 + rate / 100.0) ** years
