"""Inequality across regions: Gini, Theil T and L (with decomposition), coefficient of variation.

Values are one cross-section (e.g. GDP per capita of the districts in one year). Weights are
optional population weights: with weights, each region counts as many people as it has, and
``values`` must then be per-capita values. Missing values are refused (named), never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import MetricsError, as_values


def _prepare(values, weights, strictly_positive: bool = False) -> tuple[np.ndarray, np.ndarray]:
    x = as_values(values, "values")
    if weights is None:
        w = np.ones_like(x)
    else:
        w = as_values(weights, "weights")
        if w.shape != x.shape:
            raise MetricsError(f"weights has {w.size} entries, values {x.size}; expected equal")
        if isinstance(values, pd.Series) and isinstance(weights, pd.Series):
            if not values.index.equals(weights.index):
                raise MetricsError("values and weights are indexed differently; align them first")
        if (w < 0).any() or w.sum() == 0:
            raise MetricsError("weights must be non-negative and not all zero")
    if strictly_positive and (x <= 0).any():
        raise MetricsError("this measure needs strictly positive values (ln of each value)")
    if (x < 0).any():
        raise MetricsError("values must be non-negative")
    if np.dot(w, x) == 0:
        raise MetricsError("values are all zero; inequality of nothing is undefined")
    return x, w


def gini(values: Sequence[float] | pd.Series, weights: Sequence[float] | None = None) -> float:
    """Gini coefficient (0 = equal, towards 1 = one region has everything).

    .. math::
        G = \\frac{\\sum_i \\sum_j w_i w_j |x_i - x_j|}{2 W^2 \\mu}, \\quad
        W = \\textstyle\\sum_i w_i, \\; \\mu = \\sum_i w_i x_i / W

    Unweighted (all :math:`w_i = 1`) this is the population Gini without small-sample
    correction, as PySAL ``inequality.gini.Gini`` computes it. Computed in O(n log n) from the
    sorted values.

    Parameters
    ----------
    values : sequence of float or Series
        Non-negative values (per-capita values when weighted).
    weights : sequence of float, optional
        Non-negative weights (e.g. resident population); integer weights equal repetition.

    Returns
    -------
    float
        Dimensionless, in [0, 1).

    Examples
    --------
    >>> from jbanalysis.metrics import gini
    >>> round(gini([1.0, 2.0, 3.0, 4.0]), 6)
    0.25
    >>> round(gini([1.0, 2.0], weights=[3, 1]), 6)
    0.15
    """
    x, w = _prepare(values, weights)
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    cum = np.cumsum(w)
    total_w = cum[-1]
    mean = np.dot(w, x) / total_w
    # sum_{i,j} w_i w_j |x_i - x_j| = 2 sum_i w_i x_i (2 C_i - w_i - W), C_i cumulative weight.
    pair_sum = 2.0 * np.dot(w * x, 2.0 * cum - w - total_w)
    return float(pair_sum / (2.0 * total_w**2 * mean))


def theil(values: Sequence[float] | pd.Series, weights: Sequence[float] | None = None) -> float:
    """Theil T index (GE(1)): inequality weighted by income shares.

    .. math:: T = \\textstyle\\sum_i p_i \\frac{x_i}{\\mu} \\ln \\frac{x_i}{\\mu}, \\quad
        p_i = w_i / W, \\; \\mu = \\sum_i p_i x_i

    Unweighted, :math:`p_i = 1/n` (PySAL ``inequality.theil.Theil``). A zero value contributes
    0 (the limit of x ln x).

    Parameters
    ----------
    values : sequence of float or Series
        Non-negative values.
    weights : sequence of float, optional
        Population weights.

    Returns
    -------
    float
        Dimensionless, in [0, ln n] (unweighted).

    Examples
    --------
    >>> from jbanalysis.metrics import theil
    >>> round(theil([1.0, 3.0]), 6)
    0.130812
    """
    x, w = _prepare(values, weights)
    p = w / w.sum()
    ratio = x / np.dot(p, x)
    terms = np.zeros_like(ratio)
    pos = ratio > 0
    terms[pos] = ratio[pos] * np.log(ratio[pos])
    return float(max(np.dot(p, terms), 0.0))


def theil_l(values: Sequence[float] | pd.Series, weights: Sequence[float] | None = None) -> float:
    """Theil L index (GE(0), mean log deviation): inequality weighted by population shares.

    .. math:: L = \\textstyle\\sum_i p_i \\ln \\frac{\\mu}{x_i}, \\quad p_i = w_i / W

    Parameters
    ----------
    values : sequence of float or Series
        Strictly positive values.
    weights : sequence of float, optional
        Population weights.

    Returns
    -------
    float
        Dimensionless, >= 0.

    Examples
    --------
    >>> from jbanalysis.metrics import theil_l
    >>> round(theil_l([1.0, 3.0]), 6)
    0.143841
    """
    x, w = _prepare(values, weights, strictly_positive=True)
    p = w / w.sum()
    return float(max(np.dot(p, np.log(np.dot(p, x) / x)), 0.0))


def theil_decomposition(
    values: Sequence[float] | pd.Series,
    groups: Sequence[object] | pd.Series,
    weights: Sequence[float] | None = None,
) -> pd.Series:
    """Theil T split into between-group and within-group inequality.

    .. math::
        T = \\underbrace{\\textstyle\\sum_g s_g \\ln \\frac{s_g}{p_g}}_{between}
          + \\underbrace{\\textstyle\\sum_g s_g T_g}_{within}

    with :math:`s_g` the group's share of the total (:math:`\\sum_{i \\in g} w_i x_i / \\sum_i
    w_i x_i`), :math:`p_g` its share of the weight (of the count when unweighted) and
    :math:`T_g` the Theil T inside the group (PySAL ``inequality.theil.TheilD``).

    Parameters
    ----------
    values : sequence of float or Series
        Non-negative values.
    groups : sequence or Series
        Group label of each value (e.g. "central" / "other").
    weights : sequence of float, optional
        Population weights.

    Returns
    -------
    Series
        ``total``, ``between``, ``within`` (between + within = total).

    Examples
    --------
    >>> from jbanalysis.metrics import theil_decomposition
    >>> out = theil_decomposition([1.0, 1.0, 3.0, 3.0], ["a", "a", "b", "b"])
    >>> out.round(6).to_dict()
    {'total': 0.130812, 'between': 0.130812, 'within': 0.0}
    """
    x, w = _prepare(values, weights)
    labels = np.asarray(groups, dtype=object)
    if labels.shape != x.shape:
        raise MetricsError(f"groups has {labels.size} entries, values {x.size}; expected equal")
    if pd.isna(pd.Series(labels)).any():
        raise MetricsError("groups has missing labels")
    income = w * x
    between = within = 0.0
    for label in pd.unique(pd.Series(labels)):
        mask = labels == label
        s_g = income[mask].sum() / income.sum()
        p_g = w[mask].sum() / w.sum()
        if s_g > 0:
            between += s_g * np.log(s_g / p_g)
            within += s_g * theil(x[mask], w[mask])
    total = theil(x, w)
    return pd.Series({"total": total, "between": float(between), "within": float(within)})


def coefficient_of_variation(
    values: Sequence[float] | pd.Series, weights: Sequence[float] | None = None
) -> float:
    """Coefficient of variation: standard deviation over mean (population-weighted if weights).

    .. math:: CV = \\frac{\\sqrt{\\sum_i p_i (x_i - \\mu)^2}}{\\mu}, \\quad p_i = w_i / W,
        \\; \\mu = \\textstyle\\sum_i p_i x_i

    With population weights this is Williamson's (1965) index of regional inequality; unweighted
    each region counts once (:math:`p_i = 1/n`, i.e. the standard deviation with ddof = 0).

    Parameters
    ----------
    values : sequence of float or Series
        Non-negative values (per-capita values when weighted).
    weights : sequence of float, optional
        Population weights.

    Returns
    -------
    float
        Dimensionless ratio (not percent).

    Examples
    --------
    >>> from jbanalysis.metrics import coefficient_of_variation
    >>> round(coefficient_of_variation([1.0, 3.0]), 6)
    0.5
    """
    x, w = _prepare(values, weights)
    p = w / w.sum()
    mean = np.dot(p, x)
    return float(np.sqrt(np.dot(p, (x - mean) ** 2)) / mean)
