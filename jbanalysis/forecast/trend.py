"""Two small trend models in plain numpy: Holt's damped trend and ARIMA(1,1,0) with drift.

Their equal-weight combination is the default forecast (``model="auto"``): the damped trend lets a
trend fade, the ARIMA(1,1,0) lets this year's change pull the next ones before they return to the
average change. Each is fitted in microseconds, so that every forecast can afford the backtest
behind its intervals (:mod:`~jbanalysis.forecast.intervals`).

``holt_damped``: Holt's linear method with a damped trend, ETS(A,Ad,N) (Gardner & McKenzie 1985;
Hyndman & Athanasopoulos, *Forecasting: principles and practice*, 3rd ed., section 8.2)::

    level[t] = level[t-1] + phi * trend[t-1] + alpha * e[t]
    trend[t] = phi * trend[t-1] + alpha * beta * e[t]
    y[T+h]   = level[T] + (phi + phi**2 + ... + phi**h) * trend[T]

with ``level[0] = y[0]``, ``trend[0] = y[1] - y[0]`` and ``(alpha, beta, phi)`` the point of a small
grid (alpha 0.1-0.9, beta 0.01-0.3, phi 0.8-0.98) with the least one-step squared error.
Variance: ``s**2 * (1 + sum_j (alpha + alpha * beta * (phi + ... + phi**j))**2)``, ``j < h``
(Hyndman et al. 2008, *Forecasting with exponential smoothing*, table 6.1).

``ar1_drift``: ARIMA(1,1,0) with drift fitted by least squares on the yearly changes ``d``::

    d[t] - mu = phi * (d[t-1] - mu) + e[t],   phi clipped to [-0.9, 0.9]
    y[T+h]   = y[T] + sum_{i<=h} (mu + phi**i * (d[T] - mu))

Variance: ``s**2 * sum_{j<h} psi_j**2``, ``psi_j = 1 + phi + ... + phi**j``. With fewer than four
changes it is the drift ``y[T] + h * mean(d)`` (noted in its label).

Both take the years of a gap as equal steps (the window's ``filled`` values) and leave a
break-year change (``keep``) out of the changes they learn from.
"""

from __future__ import annotations

import numpy as np

from jbanalysis.forecast.distributions import Predictive

#: The grid of (alpha, beta, phi) of the damped trend: smoothing of the level, of the trend (as a
#: share of alpha) and the damping. Coarse on purpose: 10-20 yearly values cannot tell finer.
HOLT_GRID = np.array(
    [
        (a, b, p)
        for a in (0.1, 0.3, 0.5, 0.7, 0.9)
        for b in (0.01, 0.1, 0.3)
        for p in (0.8, 0.9, 0.98)
    ]
)

#: Fewest yearly changes from which the AR(1) of the changes is estimated (else: the drift).
AR_MIN_CHANGES = 4


def _steps(horizon: int) -> np.ndarray:
    return np.arange(1, horizon + 1)


def holt_damped_path(y: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray, float, int]:
    """Point forecasts, their standard deviations, and the fit's (sse, n) of the damped trend.

    Examples
    --------
    A straight line is followed with its slope damped (phi is 0.98 at most), so 19.93 and 20.85
    instead of 20 and 21:

    >>> import numpy as np
    >>> from jbanalysis.forecast.trend import holt_damped_path
    >>> point, sd, sse, n = holt_damped_path(np.arange(10.0, 20.0), 2)
    >>> point.round(2).tolist()
    [19.93, 20.85]
    """
    alpha, beta, phi = HOLT_GRID[:, 0], HOLT_GRID[:, 0] * HOLT_GRID[:, 1], HOLT_GRID[:, 2]
    level = np.full(len(HOLT_GRID), y[0])
    trend = np.full(len(HOLT_GRID), y[1] - y[0])
    sse = np.zeros(len(HOLT_GRID))
    for value in y[1:]:
        forecast = level + phi * trend
        error = value - forecast
        sse += error**2
        level = forecast + alpha * error
        trend = phi * trend + beta * error
    best = int(np.argmin(sse))
    a, b, p = alpha[best], beta[best], phi[best]
    damp = np.cumsum(p ** _steps(horizon))
    point = level[best] + damp * trend[best]
    n = len(y) - 1
    s2 = sse[best] / max(n - 3, 1)
    c = a + b * np.concatenate([[0.0], damp[:-1]])  # c_j for j = 0..h-1 (c_0 unused)
    var = s2 * (1 + np.concatenate([[0.0], np.cumsum(c[1:] ** 2)]))
    return point, np.sqrt(var), float(sse[best]), n


def _holt_damped(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray):
    point, sd, _, n = holt_damped_path(y, horizon)
    return Predictive(point, sd, float(max(n - 3, 1)), log=False), "damped trend (Holt, levels)"


def ar1_drift_path(
    y: np.ndarray, horizon: int, keep: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, float, str]:
    """Point forecasts, standard deviations, degrees of freedom and label of ARIMA(1,1,0)+drift.

    Examples
    --------
    Changes 1, 3, 1, 3, 1: each year undoes the last (phi = -1, clipped to -0.9; the drift is then
    the mean change, 1.8), so the next change is 1.8 + 0.9 * 0.8 = 2.52 and the one after it
    1.8 - 0.81 * 0.8 = 1.152:

    >>> import numpy as np
    >>> from jbanalysis.forecast.trend import ar1_drift_path
    >>> point, sd, df, label = ar1_drift_path(np.array([0.0, 1, 4, 5, 8, 9]), 2)
    >>> point.round(2).tolist(), label
    ([11.52, 12.67], 'ARIMA(1,1,0) with drift (levels)')
    """
    d = np.diff(y)
    if keep is not None and len(keep) == len(d) and keep.any():
        d_kept = d[keep]
    else:
        d_kept = d
    h = _steps(horizon)
    if len(d_kept) < AR_MIN_CHANGES:
        mu = float(d_kept.mean())
        s = float(d_kept.std(ddof=1)) if len(d_kept) > 1 else 0.0
        m = len(d_kept)
        return y[-1] + h * mu, s * np.sqrt(h * (1 + h / m)), float(max(m - 1, 1)), "drift (levels)"
    # pairs of consecutive changes, neither of them into a break year
    pairs = np.ones(len(d) - 1, dtype=bool)
    if keep is not None and len(keep) == len(d):
        pairs = keep[:-1] & keep[1:]
    x, z = d[:-1][pairs], d[1:][pairs]
    if len(x) < AR_MIN_CHANGES - 1 or np.ptp(x) == 0:
        phi, mu = 0.0, float(d_kept.mean())
        resid = d_kept - mu
    else:
        slope, intercept = np.polyfit(x, z, 1)
        phi = float(np.clip(slope, -0.9, 0.9))
        mu = float(intercept / (1 - slope)) if abs(1 - slope) > 1e-9 else float(d_kept.mean())
        if phi != slope:  # clipped: the mean change is the drift
            mu = float(d_kept.mean())
        resid = z - (mu + phi * (x - mu))
    dof = max(len(resid) - 2, 1)
    s = float(np.sqrt(np.sum(resid**2) / dof))
    last = d[-1] if (keep is None or len(keep) != len(d) or keep[-1]) else mu
    changes = mu + phi**h * (last - mu)
    point = y[-1] + np.cumsum(changes)
    psi = np.cumsum(phi ** np.arange(horizon))  # psi_0 .. psi_{h-1}
    sd = s * np.sqrt(np.cumsum(psi**2))
    return point, sd, float(dof), "ARIMA(1,1,0) with drift (levels)"


def _ar1_drift(y: np.ndarray, horizon: int, log: bool, keep: np.ndarray):
    point, sd, df, label = ar1_drift_path(y, horizon, keep)
    return Predictive(point, sd, df, log=False), label
