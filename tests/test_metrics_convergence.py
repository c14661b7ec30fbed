"""Sigma and beta convergence on hand-made cross-sections."""

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from jbanalysis.metrics import (
    MetricsError,
    MissingDataError,
    beta_convergence,
    sigma_convergence,
)


def test_sigma_convergence_by_hand():
    y = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [4.0, 4.0, np.nan]}, index=[2010, 2015, 2020])
    out = sigma_convergence(y)
    # std (ddof 0) of two logs = half their distance
    assert out.at[2010, "sigma"] == pytest.approx(math.log(4) / 2, abs=1e-15)
    assert out.at[2015, "sigma"] == pytest.approx(math.log(2) / 2, abs=1e-15)
    assert out.at[2010, "cv"] == pytest.approx(1.5 / 2.5, abs=1e-15)
    assert math.isnan(out.at[2020, "sigma"])
    assert out.at[2020, "reason"] == "no value for ['b']"


def test_beta_convergence_exact_line():
    y0 = np.array([1.0, 2.0, 4.0, 8.0, 16.0])
    growth = 0.1 - 0.02 * np.log(y0)  # beta = -0.02 exactly, per year
    y = pd.DataFrame([y0, y0 * np.exp(10 * growth)], index=[2000, 2010], columns=list("abcde"))
    res = beta_convergence(y, 2000, 2010)
    assert res.beta == pytest.approx(-0.02, abs=1e-12)
    assert res.intercept == pytest.approx(0.1, abs=1e-12)
    assert res.r_squared == pytest.approx(1.0, abs=1e-12)
    assert res.n == 5
    speed = -math.log(1 - 0.2) / 10
    assert res.speed == pytest.approx(speed, abs=1e-12)
    assert res.half_life == pytest.approx(math.log(2) / speed, abs=1e-9)
    assert res.note == ""


def test_beta_convergence_matches_textbook_ols():
    rng = np.random.default_rng(7)
    y0 = np.exp(rng.uniform(8, 11, size=12))
    y1 = y0 * np.exp(8 * (0.3 - 0.025 * np.log(y0) + rng.normal(0, 0.01, size=12)))
    frame = pd.DataFrame([y0, y1], index=[2012, 2020], columns=[f"r{i}" for i in range(12)])
    res = beta_convergence(frame, 2012, 2020)
    x, g = np.log(y0), np.log(y1 / y0) / 8
    ref = stats.linregress(x, g)
    assert res.beta == pytest.approx(ref.slope, abs=1e-12)
    assert res.r_squared == pytest.approx(ref.rvalue**2, abs=1e-12)
    assert res.p_value == pytest.approx(ref.pvalue, rel=1e-9)


def test_beta_divergence_has_no_half_life_and_says_why():
    y0 = np.array([1.0, 2.0, 4.0])
    y = pd.DataFrame([y0, y0**2], index=[2000, 2010], columns=list("abc"))
    res = beta_convergence(y, 2000, 2010)
    assert res.beta > 0 and math.isnan(res.half_life)
    assert "no convergence" in res.note


def test_beta_convergence_refuses_missing_endpoints():
    y = pd.DataFrame({"a": [1.0, 2.0], "b": [1.0, np.nan], "c": [2.0, 3.0]}, index=[2000, 2010])
    with pytest.raises(MissingDataError, match="b 2010"):
        beta_convergence(y, 2000, 2010)
    with pytest.raises(MetricsError, match="at least 3"):
        beta_convergence(y[["a", "c"]], 2000, 2010)
    with pytest.raises(MetricsError, match="before"):
        beta_convergence(y, 2010, 2000)


def test_importing_metrics_does_not_import_statsmodels():
    code = "import sys, jbanalysis.metrics; print('statsmodels' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
