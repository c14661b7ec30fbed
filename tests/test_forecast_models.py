"""Models of jbanalysis.forecast on synthetic series of known behaviour.

Reference value: the Student-t quantile with 2 degrees of freedom has the closed form
t_p = (2p - 1) / sqrt(2 p (1 - p)), so t(0.975; 2) = 0.95 / sqrt(0.04875) = 4.3027 (t tables, e.g.
the NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2, print 4.303).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from jbanalysis.forecast import MODEL_NAMES, fit_model, forecast
from jbanalysis.forecast import models as models_module
from jbanalysis.forecast.models import ARIMA_ORDERS, ModelSpec

T975_2 = 0.95 / np.sqrt(2 * 0.975 * 0.025)


def annual(values, start=2005) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=range(start, start + len(values)))


def test_reference_t_quantiles():
    assert round(T975_2, 3) == 4.303
    assert stats.t.ppf(0.975, 2) == pytest.approx(T975_2, rel=1e-10)


def test_naive_by_hand():
    # y = 1, 3, 5: differences 2, 2; s = sqrt(mean(4, 4)) = 2 with 2 df
    fc = forecast(annual([1, 3, 5]), horizon=2, model="naive", breaks="none", calibrate=False)
    assert fc["mean"].tolist() == [5.0, 5.0]
    assert fc["hi95"].tolist() == pytest.approx([5 + 2 * T975_2, 5 + 2 * np.sqrt(2) * T975_2])
    assert fc["lo95"].tolist() == pytest.approx([5 - 2 * T975_2, 5 - 2 * np.sqrt(2) * T975_2])
    assert fc["year"].tolist() == [2008, 2009]


def test_drift_on_levels_by_hand():
    # a value <= 0 keeps drift on levels: differences 2, 3, 2; c = 7/3; s**2 = 1/3 (ddof 1)
    fc = forecast(annual([-1, 1, 4, 6]), horizon=2, model="drift", breaks="none", calibrate=False)
    c, s, m = 7 / 3, np.sqrt(1 / 3), 3
    h = np.array([1, 2])
    assert fc["mean"].to_numpy() == pytest.approx(6 + h * c)
    half = T975_2 * s * np.sqrt(h * (1 + h / m))
    assert fc["hi95"].to_numpy() == pytest.approx(6 + h * c + half)
    assert fc["detail"].iloc[0] == "drift (levels)"
    # drift_level is the same model on levels whatever the sign of the values
    same = forecast(annual([1, 3, 6, 8]), horizon=2, model="drift_level", calibrate=False)
    assert same["median"].to_numpy() == pytest.approx(8 + h * c)


def test_linear_trend_is_recovered_exactly():
    years = np.arange(2005, 2021)
    fc = forecast(
        pd.Series(50 + 3.0 * (years - 2005), index=years),
        horizon=3,
        model="linear",
        breaks="none",
        calibrate=False,
    )
    assert fc["mean"].to_numpy() == pytest.approx([98.0, 101.0, 104.0], abs=1e-9)
    assert (fc["hi95"] - fc["lo95"]).to_numpy() == pytest.approx([0, 0, 0], abs=1e-6)


def test_linear_trend_with_noise_matches_the_ols_formula():
    rng = np.random.default_rng(1)
    n, horizon = 16, 4
    t = np.arange(n)
    y = 50 + 3.0 * t + rng.normal(0, 2, n)
    fc = forecast(annual(y), horizon=horizon, model="linear", breaks="none", calibrate=False)
    slope, intercept = np.polyfit(t, y, 1)
    assert slope == pytest.approx(3.0, abs=0.4)  # the trend is recovered
    t0 = np.arange(n, n + horizon)
    mu = intercept + slope * t0
    resid = y - (intercept + slope * t)
    s2 = resid @ resid / (n - 2)
    sxx = ((t - t.mean()) ** 2).sum()
    se = np.sqrt(s2 * (1 + 1 / n + (t0 - t.mean()) ** 2 / sxx))
    q = stats.t.ppf(0.9, n - 2)
    assert fc["mean"].to_numpy() == pytest.approx(mu, rel=1e-10)
    assert fc["lo80"].to_numpy() == pytest.approx(mu - q * se, rel=1e-10)
    assert fc["hi80"].to_numpy() == pytest.approx(mu + q * se, rel=1e-10)


def test_random_walk_interval_width_grows_like_sqrt_h():
    rng = np.random.default_rng(2)
    y = 100 + np.cumsum(rng.normal(0, 5, 15))
    fc = forecast(annual(y), horizon=10, model="naive", breaks="none", calibrate=False)
    width = (fc["hi95"] - fc["lo95"]).to_numpy()
    h = np.arange(1, 11)
    assert width / width[0] == pytest.approx(np.sqrt(h), rel=1e-12)
    width80 = (fc["hi80"] - fc["lo80"]).to_numpy()
    assert width80 / width80[0] == pytest.approx(np.sqrt(h), rel=1e-12)


def test_log_models_back_transform_median_mean_and_bounds():
    rng = np.random.default_rng(3)
    n, horizon = 12, 3
    t = np.arange(n)
    y = np.exp(4 + 0.08 * t + rng.normal(0, 0.05, n))
    fc = forecast(annual(y), horizon=horizon, model="loglinear", breaks="none", calibrate=False)
    # by hand: OLS on log(y), new-observation standard error, t quantiles, then exp
    z = np.log(y)
    slope, intercept = np.polyfit(t, z, 1)
    t0 = np.arange(n, n + horizon)
    mu = intercept + slope * t0
    resid = z - (intercept + slope * t)
    s2 = resid @ resid / (n - 2)
    se = np.sqrt(s2 * (1 + 1 / n + (t0 - t.mean()) ** 2 / ((t - t.mean()) ** 2).sum()))
    q = stats.t.ppf(0.975, n - 2)
    assert fc["median"].to_numpy() == pytest.approx(np.exp(mu), rel=1e-10)
    assert fc["mean"].to_numpy() == pytest.approx(np.exp(mu + se**2 / 2), rel=1e-10)
    assert fc["lo95"].to_numpy() == pytest.approx(np.exp(mu - q * se), rel=1e-10)
    assert fc["hi95"].to_numpy() == pytest.approx(np.exp(mu + q * se), rel=1e-10)
    # on the original scale the interval is skewed upwards and the mean exceeds the median
    assert ((fc["hi95"] - fc["median"]) > (fc["median"] - fc["lo95"])).all()
    assert (fc["mean"] > fc["median"]).all()


def test_log_normal_mean_matches_simulation():
    # the mean column is the mean of the forecast distribution on the original scale
    rng = np.random.default_rng(4)
    y = np.exp(np.cumsum(0.1 + 0.2 * rng.standard_normal(20)))
    fit = fit_model("arima", y, 3).predictive
    draws = np.exp(fit.center[:, None] + fit.scale[:, None] * rng.standard_normal((3, 400_000)))
    assert fit.mean() == pytest.approx(draws.mean(axis=1), rel=5e-3)


def _coverage(model, simulate, n=15, horizon=3, runs=2000, seed=5):
    rng = np.random.default_rng(seed)
    inside95 = inside80 = total = 0
    for _ in range(runs):
        path = simulate(rng, n + horizon)
        fit = fit_model(model, path[:n], horizon).predictive
        future = path[n:]
        inside95 += np.sum((future >= fit.quantile(0.025)) & (future <= fit.quantile(0.975)))
        inside80 += np.sum((future >= fit.quantile(0.1)) & (future <= fit.quantile(0.9)))
        total += horizon
    return 100 * inside95 / total, 100 * inside80 / total


# Tolerance: with 2000 series the binomial standard error of a 95 % coverage is
# sqrt(0.95 * 0.05 / 2000) = 0.49 points (0.89 for 80 %); allow about three of them.
@pytest.mark.parametrize(
    ("model", "simulate"),
    [
        ("naive", lambda rng, n: 100 + np.cumsum(rng.normal(0, 3, n))),
        ("drift", lambda rng, n: np.exp(4 + np.cumsum(rng.normal(0.07, 0.04, n)))),
        ("linear", lambda rng, n: 20 + 2.0 * np.arange(n) + rng.normal(0, 3, n)),
    ],
)
def test_95_percent_intervals_cover_95_percent(model, simulate):
    cov95, cov80 = _coverage(model, simulate)
    assert cov95 == pytest.approx(95, abs=1.5)
    assert cov80 == pytest.approx(80, abs=2.7)


def test_combination_equals_the_mean_of_its_parts():
    rng = np.random.default_rng(6)
    s = annual(np.exp(5 + np.cumsum(rng.normal(0.06, 0.03, 14))))
    parts = ["drift", "linear", "ets"]
    combo = forecast(s, horizon=4, model=parts, breaks="none", calibrate=False)
    singles = [forecast(s, horizon=4, model=m, breaks="none", calibrate=False) for m in parts]
    for col in ("mean", "median", "lo80", "hi80", "lo95", "hi95"):
        expected = np.mean([f[col].to_numpy() for f in singles], axis=0)
        assert combo[col].to_numpy() == pytest.approx(expected, rel=1e-12)
    assert combo["model"].iloc[0] == "combo(drift+linear+ets)"
    assert forecast(s, 4, model="drift+linear+ets", breaks="none", calibrate=False)["mean"].equals(
        combo["mean"]
    )


def test_arima_picks_the_smallest_aicc_with_drift():
    from statsmodels.tsa.arima.model import ARIMA

    rng = np.random.default_rng(7)
    y = np.exp(np.cumsum(0.08 + 0.03 * rng.standard_normal(16)))
    result = fit_model("arima", y, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        aicc = {o: ARIMA(np.log(y), order=o, trend="t").fit().aicc for o in ARIMA_ORDERS}
    p, d, q = min(aicc, key=aicc.get)
    assert result.label == f"arima({p},{d},{q})+drift (log)"


def test_every_model_gives_finite_ordered_bands():
    rng = np.random.default_rng(8)
    s = annual(np.exp(5 + np.cumsum(rng.normal(0.06, 0.03, 14))))
    for name in MODEL_NAMES:
        fc = forecast(s, horizon=5, model=name, breaks="none", calibrate=False)
        values = fc[["lo95", "lo80", "median", "hi80", "hi95"]].to_numpy()
        assert np.isfinite(values).all(), name
        assert (np.diff(values, axis=1) >= 0).all(), name
        assert fc["model"].iloc[0] == name


def test_statsmodels_warnings_go_to_diagnostics(monkeypatch):
    from statsmodels.tools.sm_exceptions import ConvergenceWarning

    def warn_then_naive(y, horizon, log, keep):
        warnings.warn("maximum likelihood did not converge", ConvergenceWarning, stacklevel=1)
        return models_module._naive(y, horizon, log, keep)

    monkeypatch.setitem(
        models_module.MODELS, "naive", ModelSpec("naive", 3, "never", warn_then_naive)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning reaching the caller would fail here
        fc = forecast(
            annual([1.0, 2, 3, 4]), horizon=1, model="naive", breaks="none", calibrate=False
        )
    assert fc.attrs["diagnostics"] == [
        "naive: ConvergenceWarning: maximum likelihood did not converge"
    ]


def test_recent_drift_by_hand():
    # changes 2, 4, 1, 3, 6, 2: drift = median of the last four (1, 3, 6, 2) = 2.5; s = sample
    # sd of all six changes; sd_h = s * sqrt(h + h**2 * pi / (2 * 4)); Student-t with 5 df
    y = np.array([10.0, 12, 16, 17, 20, 26, 28])
    d = np.diff(y)
    s = d.std(ddof=1)
    h = np.arange(1, 4)
    p = fit_model("recent_drift", y, 3).predictive
    assert p.center == pytest.approx(28 + 2.5 * h)
    assert p.scale == pytest.approx(s * np.sqrt(h + h**2 * np.pi / 8))
    assert p.df == 5 and not p.log
    # a change into a break year is left out of both the median and the spread
    keep = np.array([True, True, True, True, False, True])  # the change 20 -> 26 is a break
    q = fit_model("recent_drift", y, 1, keep).predictive
    assert q.center[0] == pytest.approx(28 + np.median([4, 1, 3, 2]))
    assert q.scale[0] == pytest.approx(np.std([2, 4, 1, 3, 2], ddof=1) * np.sqrt(1 + np.pi / 8))


def test_theta_is_statsmodels_theta_model():
    from statsmodels.tsa.forecasting.theta import ThetaModel

    rng = np.random.default_rng(21)
    y = 100 + np.cumsum(rng.normal(5, 2, 14))
    res = ThetaModel(pd.Series(y), period=1, deseasonalize=False).fit()
    direct = np.asarray(res.forecast(3))
    bounds = res.prediction_intervals(3, alpha=0.05)
    p = fit_model("theta", y, 3).predictive
    assert p.center == pytest.approx(direct, rel=1e-12)
    assert p.quantile(0.975) == pytest.approx(np.asarray(bounds["upper"]), rel=1e-9)
    assert p.quantile(0.025) == pytest.approx(np.asarray(bounds["lower"]), rel=1e-9)
    on_logs = fit_model("theta_log", np.exp(y / 100), 3)
    assert on_logs.predictive.log and on_logs.label == "theta (log)"


def test_damped_trend_on_levels_is_statsmodels_ets():
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    rng = np.random.default_rng(22)
    y = 100 + np.cumsum(rng.normal(5, 2, 14))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ETSModel(pd.Series(y), error="add", trend="add", damped_trend=True).fit(disp=False)
    pred = res.get_prediction(start=14, end=16)
    p = fit_model("ets_level", y, 3)
    assert p.predictive.center == pytest.approx(np.asarray(pred.predicted_mean), rel=1e-9)
    assert p.label == "ets(A,Ad,N) (levels)" and not p.predictive.log
