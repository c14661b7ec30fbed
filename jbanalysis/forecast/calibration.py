"""Calibration of forecast intervals from a model's backtest errors.

Intervals are compared with what happened in the series' own rolling-origin backtest; where they
held fewer outcomes than their level says, they are widened by the conformal factor of the
backtest errors (:func:`conformal_factor`), and a probability is shown only where the widened
intervals are calibrated (:class:`Calibration`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.forecast.distributions import Combination, Predictive, Widened
from jbanalysis.forecast.protocol import (
    CALIBRATED_BANDS,
    MIN_ERRORS_TO_CALIBRATE,
    MIN_ORIGINS_TO_SELECT,
    NARROW_SLACK,
)


def _half_width_ratios(rows, lv: float) -> np.ndarray:
    """``|actual - median|`` over the half-width of the ``lv`` interval on the actual's side."""
    actual, median = np.asarray(rows["actual"], float), np.asarray(rows["median"], float)
    lo, hi = np.asarray(rows[f"lo{lv:g}"], float), np.asarray(rows[f"hi{lv:g}"], float)
    half = np.where(actual >= median, hi - median, median - lo)
    gap = np.abs(actual - median)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(half > 0, gap / half, np.where(gap > 0, np.inf, 0.0))


def mase_of(rows) -> float:
    actual, median = np.asarray(rows["actual"], float), np.asarray(rows["median"], float)
    scale = np.asarray(rows["scale"], float)
    ok = np.isfinite(median) & (scale > 0)
    return float(np.mean(np.abs(actual - median)[ok] / scale[ok])) if ok.any() else np.nan


def conformal_factor(ratios: np.ndarray, lv: float) -> float:
    """Widening that makes ``lv`` % of backtest errors fall inside (finite-sample conformal).

    ``r_(j)``, the ``j = ceil((n + 1) * lv / 100)``-th smallest ratio of error to interval
    half-width (Vovk et al.; Angelopoulos & Bates 2021): the interval widened ``r_(j)`` times
    holds at least ``lv`` % of ``n + 1`` exchangeable errors. With too few errors for ``j <= n``
    the largest ratio is used (and the intervals are not called calibrated).

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast.calibration import conformal_factor
    >>> conformal_factor(np.array([0.5, 0.8, 1.2, 1.5, 2.0]), 80)  # j = ceil(6 * 0.8) = 5
    2.0
    """
    r = np.sort(np.asarray(ratios, dtype=float))
    r = r[np.isfinite(r)] if np.isfinite(r).any() else r
    if len(r) == 0:
        return 1.0
    j = int(np.ceil((len(r) + 1) * lv / 100))
    return float(r[min(j, len(r)) - 1])


def ok_rows(rows) -> dict[str, np.ndarray]:
    """Backtest rows (frame or arrays) with a forecast, as arrays."""
    if isinstance(rows, pd.DataFrame):
        rows = rows[rows["status"] == "ok"]
        return {c: rows[c].to_numpy() for c in rows.columns if c not in ("model", "status")}
    keep = np.isfinite(rows["median"])
    return {c: np.asarray(v)[keep] for c, v in rows.items()}


@dataclass
class Calibration:
    """How a model's intervals fared in its backtest, and the widening applied (if any).

    Attributes
    ----------
    factor : float
        Widening of the intervals around the median (1 = the model's own).
    n_origins, n_errors : int
        Backtest origins and scored forecasts behind it.
    coverage_model, coverage : dict of level to float
        % of backtest outcomes inside the model's own and the widened intervals.
    mase, mase_naive : float
        Backtest MASE of the model and of naive on the same origins.
    calibrated : bool
        Whether probabilities from these intervals may be shown.
    reason : str
        Why not, in words (empty when calibrated).
    scale : str
        For intervals built from the backtest errors (``forecast``'s default): the scale they are
        built on (``log``, ``logit`` or ``levels``; :mod:`~jbanalysis.forecast.intervals`).
    factors : dict of int to float
        Their mean absolute error at each horizon over a random walk's (``factor`` is the first).
    how : str
        How they were built, in words; ``n_checked``: the backtest forecasts on which they were
        checked out of sample (``coverage`` is theirs; ``coverage_model`` a random walk's).

    Examples
    --------
    >>> from jbanalysis.forecast import Calibration
    >>> c = Calibration(1.25, 8, 21, {80: 71.4, 95: 85.7}, {80: 85.7, 95: 95.2}, 0.64, 1.5,
    ...                 True, "")
    >>> c.widened, c.note()
    (True, "backtest over 8 origins (21 forecasts): MASE 0.64 (naive 1.50); the model's own intervals held 80 %: 71 %, 95 %: 86 %; too narrow, so widened 1.25x from its backtest errors (conformal), then held 80 %: 86 %, 95 %: 95 %")
    """

    factor: float
    n_origins: int
    n_errors: int
    coverage_model: dict
    coverage: dict
    mase: float
    mase_naive: float
    calibrated: bool
    reason: str
    scale: str = ""
    factors: dict = field(default_factory=dict)
    how: str = ""
    n_checked: int = 0

    @property
    def widened(self) -> bool:
        return self.factor > 1.0

    def summary(self) -> dict[str, float]:
        """The numbers a report table shows: counts (as ints), MASE, naive's, coverage, factor.

        Examples
        --------
        >>> from jbanalysis.forecast import Calibration
        >>> c = Calibration(1.2, 5, 12, {80: 70.0, 95: 90.0}, {80: 80.0, 95: 95.0}, 0.8, 1.5,
        ...                 True, "")
        >>> c.summary()["coverage95"]
        95.0
        """
        out = {"origins": self.n_origins, "forecasts": self.n_errors,
               "MASE": self.mase, "MASE_naive": self.mase_naive}  # fmt: skip
        if self.how:  # intervals from the backtest errors: checked out of sample, vs a walk's
            out["checked"] = self.n_checked
        for lv, c in self.coverage_model.items():
            out[f"coverage{lv:g}_model"] = c
        for lv, c in self.coverage.items():
            out[f"coverage{lv:g}"] = c
        out["factor" if self.how else "widening"] = self.factor
        return out

    def note(self) -> str:
        """One sentence for the forecast's notes."""
        if self.how:
            held = ", ".join(f"{lv:g} %: {c:.0f} %" for lv, c in self.coverage.items())
            base = (
                f"backtest over {self.n_origins} origins ({self.n_errors} forecasts): MASE "
                f"{self.mase:.2f} (naive {self.mase_naive:.2f}); {self.how}"
            )
            if self.n_checked:
                base += f"; checked out of sample on {self.n_checked} forecasts, they held {held}"
            return base + ("" if self.calibrated else f"; not calibrated: {self.reason}")
        cov = ", ".join(f"{lv:g} %: {c:.0f} %" for lv, c in self.coverage_model.items())
        if self.n_origins < MIN_ORIGINS_TO_SELECT:
            return f"intervals are the model's own, not checked: {self.reason}"
        base = (
            f"backtest over {self.n_origins} origins ({self.n_errors} forecasts): MASE "
            f"{self.mase:.2f} (naive {self.mase_naive:.2f}); the model's own intervals held {cov}"
        )
        if self.widened:
            after = ", ".join(f"{lv:g} %: {c:.0f} %" for lv, c in self.coverage.items())
            base += (
                f"; too narrow, so widened {self.factor:.2f}x from its backtest errors "
                f"(conformal), then held {after}"
            )
        return base + ("" if self.calibrated else f"; not calibrated: {self.reason}")


def calibrate(
    rows: pd.DataFrame, naive_rows: pd.DataFrame | None, levels: Sequence[float]
) -> Calibration:
    """Widen a model's intervals from its backtest errors where they are too narrow.

    Intervals are too narrow when, for some level ``L``, fewer than ``L`` % of the backtest
    outcomes fell inside by more than one binomial standard error (``100 * sqrt(p (1 - p) / n)``
    points). Then ``factor = max(1, conformal_factor(r_L, L) for each level L)`` with ``r_L`` the ratio of each
    backtest error to the half-width of the ``L`` % interval on its side
    (:func:`conformal_factor`): one factor for every level and horizon, so the widened forecast is
    still one distribution (its probabilities agree with its intervals). The intervals count as
    calibrated when the backtest has at least :data:`MIN_ORIGINS_TO_SELECT` origins and
    :data:`MIN_ERRORS_TO_CALIBRATE` forecasts, the model is not worse than naive, and the widened
    intervals cover within :data:`CALIBRATED_BANDS`, give or take two binomial standard errors
    of that backtest (``200 * sqrt(p (1 - p) / n)`` points: 36 forecasts can miss a 95 % interval
    never, by chance, one time in six).

    Examples
    --------
    >>> import pandas as pd
    >>> import numpy as np
    >>> from jbanalysis.forecast import backtest, calibrate
    >>> s = pd.Series(np.cumsum([5.0, 1, 9, 2, 8, 1, 9, 3, 7, 2, 8, 1]) + 100, index=range(2009, 2021))
    >>> bt = backtest(s, models=["recent_drift", "naive"], horizons=3, breaks="none")
    >>> c = calibrate(bt[bt.model == "recent_drift"], bt[bt.model == "naive"], (80, 95))
    >>> c.n_origins, c.factor >= 1.0
    (7, True)
    """
    ok = ok_rows(rows)
    n_origins, n_errors = len(set(ok["origin"].tolist())), len(ok["actual"])
    mase = mase_of(ok) if n_errors else np.nan
    mase_naive = np.nan
    if naive_rows is not None:
        naive_ok = ok_rows(naive_rows)
        mase_naive = mase_of(naive_ok) if len(naive_ok["actual"]) else np.nan

    def coverage(factor: float) -> dict:
        out = {}
        for lv in levels:
            r = _half_width_ratios(ok, lv)
            out[lv] = float(100 * np.mean(r <= factor)) if len(r) else np.nan
        return out

    if n_origins < MIN_ORIGINS_TO_SELECT:
        reason = f"only {n_origins} backtest origin(s), at least {MIN_ORIGINS_TO_SELECT} are needed"
        return Calibration(1.0, n_origins, n_errors, coverage(1.0), coverage(1.0), mase,
                           mase_naive, False, reason)  # fmt: skip
    cov_model = coverage(1.0)

    def slack(lv: float) -> float:  # one binomial standard error of this backtest, in points
        return 100 * np.sqrt(lv / 100 * (1 - lv / 100) / max(n_errors, 1))

    # widen only intervals the backtest shows too narrow (beyond sampling noise): a model whose
    # own intervals hold keeps them
    too_narrow = any(cov_model[lv] < lv - NARROW_SLACK * slack(lv) for lv in levels)
    factor = 1.0
    if too_narrow:
        factor = max([1.0, *(conformal_factor(_half_width_ratios(ok, lv), lv) for lv in levels)])
        if not np.isfinite(factor):
            factor = 1.0
    cov = coverage(factor)
    reasons = []
    if n_errors < MIN_ERRORS_TO_CALIBRATE:
        reasons.append(
            f"only {n_errors} backtest forecasts (at least {MIN_ERRORS_TO_CALIBRATE} are needed)"
        )
    if np.isfinite(mase_naive) and mase > mase_naive:
        reasons.append(f"the model is worse than naive (MASE {mase:.2f} vs {mase_naive:.2f})")
    for lv, c in cov.items():
        lo, hi = CALIBRATED_BANDS.get(lv, (lv - 10, lv + 10 if lv < 90 else min(100, lv + 3)))
        # a band for one short backtest: two binomial standard errors of slack either side
        slack = 200 * np.sqrt(lv / 100 * (1 - lv / 100) / max(n_errors, 1))
        if not lo - slack <= c <= hi + slack:
            reasons.append(f"the {lv:g} % intervals held {c:.0f} % (outside {lo:g}–{hi:g} %)")
    return Calibration(factor, n_origins, n_errors, cov_model, cov, mase, mase_naive,
                       not reasons, "; ".join(reasons))  # fmt: skip


def widen(dist: Predictive | Combination, calibration: Calibration | None):
    """The distribution with its calibration's widening applied (unchanged if none)."""
    if calibration is None or not calibration.widened:
        return dist
    return Widened(dist, calibration.factor)
