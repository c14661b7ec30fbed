"""Intervals from a forecast's own backtest errors, on a scale that keeps to the indicator's domain.

The model is refitted at every earlier origin of the series (the first five values, then one
more, ...) and its forecasts 1 to :data:`~jbanalysis.forecast.protocol.BACKTEST_HORIZON` years
ahead are compared with what was published, on the interval scale ``g`` of
:mod:`~jbanalysis.forecast.domains` (log for a level, log-odds for a share). Each error is
measured in units of that origin's spread of yearly changes on the same scale,
``u = |g(actual) - g(forecast)| / s_origin``. The forecast's distribution at horizon ``h`` is then
a Laplace on the scale ``g`` around the point forecast with mean absolute error

    ``b_h = s_T * k_h``,  ``k_h = (sum of u at h + w * prior_h) / (n_h + w)``

(``w`` = :data:`PRIOR_WEIGHT` pseudo-errors; ``prior_h`` = the errors of every horizon pooled,
grown like a random walk's, ``sqrt(h (1 + h / m))``), so that its ``L`` % interval is
``g(point) -/+ b_h ln(1 / (1 - L/100))`` mapped back. Laplace, not normal: yearly errors are
peaked with long tails (a break year, a crisis), which a normal fitted to them widens the 80 %
interval for and narrows the 95 % one. Beyond the backtest's horizon ``k_h`` grows like
``sqrt(h (1 + h / m))`` from its last value.

Bounded, with a rule for degenerate backtests: ``k_h`` stays within :data:`FACTOR_BOUNDS` times
what a random walk with drift would have (``0.8 sqrt(h (1 + h / m))``: the mean absolute value of
a normal error), and a spread of yearly changes below :data:`MIN_SPREAD` (0.1 % a year on a log
or logit scale; 0.1 % of the mean level on levels) counts as that minimum, so a series that
rose by exactly the same amount every year gets narrow but finite intervals.

The intervals count as calibrated (a probability may be shown) when, checked out of sample -
at each origin, ``k_h`` from the errors known by then, applied to that origin's forecasts - they
held their level within :data:`~jbanalysis.forecast.protocol.CALIBRATED_BANDS` give or take two
binomial standard errors, over at least
:data:`~jbanalysis.forecast.protocol.MIN_ERRORS_TO_CALIBRATE` forecasts, the point forecast was
not worse than naive, and no bound reaches the domain's edge.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from jbanalysis.forecast.calibration import Calibration
from jbanalysis.forecast.distributions import LaplaceOnScale
from jbanalysis.forecast.domains import Scale, choose_scale
from jbanalysis.forecast.fitting import predict
from jbanalysis.forecast.models import ModelFitError
from jbanalysis.forecast.protocol import (
    BACKTEST_HORIZON,
    CALIBRATED_BANDS,
    MIN_ERRORS_TO_CALIBRATE,
    MIN_ORIGINS_TO_SELECT,
    default_min_train,
)
from jbanalysis.forecast.series import FitWindow

#: Weight, in backtest errors, of the pooled errors in each horizon's mean absolute error.
PRIOR_WEIGHT = 2.0

#: Least and most a backtest may make of a random walk's intervals (the factor's bounds).
FACTOR_BOUNDS = (0.25, 10.0)

#: Smallest spread of yearly changes: 0.001 on a log or logit scale (0.1 % a year), else 0.1 % of
#: the mean absolute level.
MIN_SPREAD = 1e-3

#: Mean absolute value of a standard normal error, sqrt(2 / pi): a random walk's ``k``.
NORMAL_MAE = float(np.sqrt(2 / np.pi))


def spread(z: np.ndarray, keep: np.ndarray, scale: Scale, level: float) -> tuple[float, int]:
    """Standard deviation of the yearly changes of ``z`` (break-year changes left out), floored.

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast.domains import Scale
    >>> from jbanalysis.forecast.intervals import spread
    >>> s, m = spread(np.array([1.0, 2, 4, 5]), np.ones(3, bool), Scale("levels"), 3.0)
    >>> round(s, 6), m  # the sd of the changes 1, 2, 1
    (0.57735, 3)
    >>> spread(np.array([8.0, 16, 24]), np.ones(2, bool), Scale("levels"), 16.0)  # degenerate
    (0.016, 2)
    """
    d = np.diff(z)
    if len(keep) == len(d) and keep.any():
        d = d[keep]
    d = d[np.isfinite(d)]
    s = float(d.std(ddof=1)) if len(d) > 1 else 0.0
    floor = MIN_SPREAD if scale.name != "levels" else MIN_SPREAD * max(abs(level), 1e-12)
    return max(s, floor), len(d)


def growth(h: np.ndarray, m) -> np.ndarray:
    """How a random walk with drift's error grows with the horizon: ``sqrt(h (1 + h / m))``.

    ``m`` (the yearly changes behind the drift) may be one number or one per ``h``.
    """
    return np.sqrt(h * (1 + h / np.maximum(m, 1)))


def _points(names, values, keep, steps):
    dist, _, _ = predict(names, values, steps, keep)
    return dist.quantile(0.5)


def inner_backtest(window: FitWindow, names: Sequence[str], scale: Scale) -> dict[str, np.ndarray]:
    """The model's errors at every earlier origin of the window, as arrays (one row a forecast).

    Columns: ``origin`` (index of the origin's last value + 1), ``h``, ``u`` (error on the interval
    scale in units of the origin's spread), ``m`` (changes behind that spread), ``ase`` and
    ``ase_naive`` (absolute errors in units of the mean yearly change, of the model and of naive).
    """
    rows: list[tuple] = []
    n = window.n
    present = np.isfinite(window.published)
    for i in range(default_min_train(int(present.sum())), n):
        if not present[i - 1]:
            continue
        head = window.head(i)
        steps = min(BACKTEST_HORIZON, n - i)
        actual = window.published[i : i + steps]
        if not np.isfinite(actual).any():
            continue
        try:
            point = _points(tuple(names), head.filled, head.keep, steps)
        except (ModelFitError, ValueError):
            continue
        observed = head.published[np.isfinite(head.published)]
        floor = float(np.min(np.abs(observed))) / 2 if scale.name == "log" else None
        if floor is not None:
            point = np.maximum(point, floor)
        point = scale.clip(point) if scale.name == "levels" else point
        if scale.name == "logit":
            point = np.clip(point, 1e-6, 100 - 1e-6)
        s, m = spread(scale.to(head.filled), head.keep, scale, float(np.mean(np.abs(observed))))
        d = np.abs(np.diff(observed))
        mean_change = float(np.mean(d)) if len(d) else 0.0
        last = head.published[i - 1]
        for j in range(steps):
            if not np.isfinite(actual[j]):
                continue
            u = abs(float(scale.to(np.array([actual[j]]))[0] - scale.to(np.array([point[j]]))[0]))
            rows.append((i, j + 1, u / s, m, abs(actual[j] - point[j]), abs(actual[j] - last),
                         mean_change))  # fmt: skip
    cols = ("origin", "h", "u", "m", "abs_error", "abs_error_naive", "mean_change")
    table = np.array(rows, dtype=float).reshape(-1, len(cols))
    return {c: table[:, k] for k, c in enumerate(cols)}


def mean_abs_factors(errors: dict[str, np.ndarray], horizon: int, m: int) -> np.ndarray:
    """``k_h`` for h = 1..horizon from backtest errors (see the module's formula), bounded.

    Examples
    --------
    No backtest error: the random walk's ``0.8 sqrt(h (1 + h / m))``:

    >>> import numpy as np
    >>> from jbanalysis.forecast.intervals import mean_abs_factors
    >>> empty = {"h": np.array([]), "u": np.array([]), "m": np.array([])}
    >>> mean_abs_factors(empty, 2, 8).round(4).tolist()
    [0.8463, 1.2616]
    """
    h = np.arange(1, horizon + 1)
    walk = NORMAL_MAE * growth(h, m)
    if len(errors["u"]) == 0:
        return walk
    pooled = float(np.mean(errors["u"] / growth(errors["h"], errors["m"])))
    k = pooled * growth(h, m)
    last = min(horizon, BACKTEST_HORIZON)
    for j in range(last):
        at = errors["u"][errors["h"] == j + 1]
        k[j] = (np.sum(at) + PRIOR_WEIGHT * k[j]) / (len(at) + PRIOR_WEIGHT)
    if horizon > last:  # beyond the backtest: grow from the last estimated horizon
        k[last:] = k[last - 1] * growth(h[last:], m) / growth(np.array([last]), m)
    lo, hi = FACTOR_BOUNDS
    return np.clip(k, lo * walk, hi * walk)


def _sequential_coverage(errors, levels, m_final) -> tuple[dict, dict, int]:
    """Coverage of the intervals (and of a random walk's) when each origin's ``k`` is estimated
    from the errors known by then only: the honest check behind ``calibrated``."""
    inside = {lv: [] for lv in levels}
    walk_inside = {lv: [] for lv in levels}
    origins = np.unique(errors["origin"])
    for o in origins:
        # errors whose outcome was known at origin o: target index origin + h - 1 <= o - 1
        known = errors["origin"] + errors["h"] - 1 <= o - 1
        if len(np.unique(errors["origin"][known])) < MIN_ORIGINS_TO_SELECT:
            continue
        past = {c: v[known] for c, v in errors.items()}
        now = errors["origin"] == o
        hs = errors["h"][now].astype(int)
        k = mean_abs_factors(past, int(hs.max()), int(errors["m"][now][0]))
        walk = NORMAL_MAE * growth(hs.astype(float), int(errors["m"][now][0]))
        for lv in levels:
            q = np.log(1 / (1 - lv / 100))
            inside[lv].extend((errors["u"][now] <= k[hs - 1] * q).tolist())
            walk_inside[lv].extend((errors["u"][now] <= walk * q).tolist())
    n = len(inside[levels[0]])
    cov = {lv: float(100 * np.mean(v)) if n else np.nan for lv, v in inside.items()}
    walk_cov = {lv: float(100 * np.mean(v)) if n else np.nan for lv, v in walk_inside.items()}
    return walk_cov, cov, n


def calibrated_distribution(
    window: FitWindow,
    names: Sequence[str],
    point: np.ndarray,
    horizon: int,
    levels: Sequence[float],
    domain: tuple[float, float],
) -> tuple[LaplaceOnScale, Calibration]:
    """The forecast distribution of ``names`` on ``window`` and the calibration behind it.

    ``point`` is the model's point forecast on the window (its median); it is cut into the domain.
    """
    scale = choose_scale(domain, window.published, point)
    point = scale.clip(point)
    level = float(np.nanmean(np.abs(window.published)))
    s, m = spread(scale.to(window.filled), window.keep, scale, level)
    errors = inner_backtest(window, names, scale)
    k = mean_abs_factors(errors, horizon, m)
    dist = LaplaceOnScale(scale.to(point), s * k, scale)
    n_errors = len(errors["u"])
    n_origins = len(np.unique(errors["origin"]))
    moved = errors["mean_change"] > 0  # MASE is undefined where the history did not move
    mase, naive = (
        float(np.mean(errors[c][moved] / errors["mean_change"][moved])) if moved.any() else np.nan
        for c in ("abs_error", "abs_error_naive")
    )
    walk_cov, cov, n_checked = _sequential_coverage(errors, list(levels), m)
    reasons = []
    if n_origins < MIN_ORIGINS_TO_SELECT:
        reasons.append(
            f"only {n_origins} backtest origin(s), at least {MIN_ORIGINS_TO_SELECT} are needed"
        )
    elif n_checked < MIN_ERRORS_TO_CALIBRATE:
        reasons.append(
            f"only {n_checked} backtest forecasts could be checked out of sample (at least "
            f"{MIN_ERRORS_TO_CALIBRATE} are needed)"
        )
    if np.isfinite(naive) and mase > naive:
        reasons.append(f"the model is worse than naive (MASE {mase:.2f} vs {naive:.2f})")
    if n_checked >= MIN_ERRORS_TO_CALIBRATE:
        for lv, c in cov.items():
            lo, hi = CALIBRATED_BANDS.get(lv, (lv - 10, lv + 10 if lv < 90 else min(100, lv + 3)))
            slack = 200 * np.sqrt(lv / 100 * (1 - lv / 100) / n_checked)
            if not lo - slack <= c <= hi + slack:
                reasons.append(f"the {lv:g} % intervals held {c:.0f} % (outside {lo:g}–{hi:g} %)")
    edge = [lv for lv in levels if _at_edge(dist, lv, scale)]
    if edge:
        reasons.append(
            f"the {edge[-1]:g} % interval reaches the edge of the indicator's values "
            f"({scale.lower:g}–{scale.upper:g})"
        )
    walk = NORMAL_MAE * growth(np.arange(1, horizon + 1), m)
    factors = {int(h): float(f) for h, f in enumerate(k / walk, start=1)}
    how = (
        f"intervals from the backtest errors {scale.words()}: Laplace with the mean absolute "
        f"error of each horizon, {factors[1]:.2f}x a random walk's at 1 year ahead"
    )
    cal = Calibration(factors[1], n_origins, n_errors, walk_cov, cov, mase, naive,
                      not reasons, "; ".join(reasons), scale=scale.name, factors=factors,
                      how=how, n_checked=n_checked)  # fmt: skip
    return dist, cal


def _at_edge(dist: LaplaceOnScale, lv: float, scale: Scale) -> bool:
    if scale.name != "levels":
        return False
    tail = (1 - lv / 100) / 2
    lo, hi = dist.quantile(tail), dist.quantile(1 - tail)
    return bool(np.any(lo <= scale.lower) or np.any(hi >= scale.upper))
