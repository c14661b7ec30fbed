"""Intervals that hold: from backtest errors (and the conformal check of a model's own), on
simulated series."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jbanalysis.forecast import Predictive, Widened, forecast
from jbanalysis.forecast.calibration import conformal_factor


def test_conformal_factor_by_hand():
    r = np.array([0.2, 0.5, 0.9, 1.1, 1.3, 1.6, 2.0, 2.4, 3.0])  # n = 9
    assert conformal_factor(r, 80) == 2.4  # j = ceil(10 * 0.8) = 8th smallest
    assert conformal_factor(r, 50) == 1.3  # j = ceil(10 * 0.5) = 5th
    assert conformal_factor(r, 95) == 3.0  # j = 10 > n: the largest (too few to call calibrated)


def test_widened_distribution_is_one_distribution():
    base = Predictive(np.array([100.0, 100.0]), np.array([5.0, 8.0]), 6.0, log=False)
    w = Widened(base, 1.5)
    assert w.quantile(0.5) == pytest.approx([100.0, 100.0])
    assert w.quantile(0.9) - 100 == pytest.approx(1.5 * (base.quantile(0.9) - 100))
    # cdf inverts quantile: P(Y <= hi80) = 0.9 after widening too
    assert w.cdf(float(w.quantile(0.9)[0]))[0] == pytest.approx(0.9, abs=1e-9)
    logs = Widened(Predictive(np.array([4.6]), np.array([0.1]), np.inf, log=True), 2.0)
    med = float(logs.quantile(0.5)[0])
    hi, lo = float(logs.quantile(0.975)[0]), float(logs.quantile(0.025)[0])
    assert hi - med > med - lo  # the skew of a log model is kept


def test_backtest_intervals_replace_a_models_own_too_narrow_ones():
    # a linear trend fitted to a random walk: its own intervals are far too narrow; the
    # default intervals come from its backtest errors, wider, around the same point forecast
    rng = np.random.default_rng(31)
    s = pd.Series(100 + np.cumsum(rng.normal(3, 6, 18)), index=range(2005, 2023))
    own = forecast(s, horizon=3, model="linear", breaks="none", calibrate=False)
    fc = forecast(s, horizon=3, model="linear", breaks="none")
    cal = fc.attrs["calibration"]
    assert cal.scale == "log" and cal.factor > 1
    assert ((fc["hi95"] - fc["lo95"]) > (own["hi95"] - own["lo95"])).all()
    assert fc["median"].to_numpy() == pytest.approx(own["median"].to_numpy(), rel=1e-12)
    assert any("intervals from the backtest errors on logs" in n for n in fc.attrs["notes"])
    assert any("intervals: linear's own, not checked" in n for n in own.attrs["notes"])


def _simulated_coverage(simulate, runs, n=16, horizon=3, seed=33):
    rng = np.random.default_rng(seed)
    inside = {80: 0, 95: 0}
    total = 0
    for _ in range(runs):
        path = simulate(rng, n + horizon)
        s = pd.Series(path[:n], index=range(2000, 2000 + n))
        fc = forecast(s, horizon=horizon, breaks="none")
        future = path[n:]
        for lv in inside:
            inside[lv] += int(np.sum((future >= fc[f"lo{lv}"]) & (future <= fc[f"hi{lv}"])))
        total += horizon
    return {lv: 100 * k / total for lv, k in inside.items()}


@pytest.mark.parametrize(
    "simulate",
    [
        # random walk with drift, normal steps
        lambda rng, n: 100 + np.cumsum(rng.normal(4, 3, n)),
        # growth that slows down, heavy-tailed (t, 3 df) shocks: the default's own intervals
        # are too narrow for these, the widening has to do the work
        lambda rng, n: 100 + np.cumsum(8 * 0.93 ** np.arange(n) + 2 * rng.standard_t(3, n)),
    ],
)
def test_default_intervals_hold_on_simulated_series(simulate):
    # 150 series x 3 horizons = 450 outcomes: binomial sd of a 95 % coverage about 1 point
    cov = _simulated_coverage(simulate, runs=150)
    assert 70 <= cov[80] <= 90
    assert 88 <= cov[95] <= 98
