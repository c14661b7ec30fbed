"""target_check: required growth, history and the probability of reaching a target."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from jbanalysis.forecast import cagr, forecast, target_check


@pytest.fixture
def series() -> pd.Series:
    return pd.Series([100.0, 104, 106, 111, 113], index=range(2018, 2023))


def test_one_cagr_with_one_meaning():
    # jb.forecast.cagr is jb.metrics.cagr: a series between two of its years
    import jbanalysis as jb
    from jbanalysis.metrics import required_cagr

    assert cagr is jb.metrics.cagr
    s = pd.Series([100.0, 110.0, 121.0], index=[2020, 2021, 2022])
    assert cagr(s, 2020, 2022) == pytest.approx(10.0)
    # the rate between two numbers is required_cagr, and the old call says so
    assert required_cagr(100, 200, 5) == pytest.approx(100 * (2**0.2 - 1))
    with pytest.raises(ValueError, match=r"use jb\.metrics\.required_cagr\(100, 200, 5\)"):
        cagr(100, 200, 5)
    with pytest.raises(ValueError, match="levels must be > 0"):
        required_cagr(0, 10, 2)


def test_target_check_with_naive_by_hand(series):
    tc = target_check(
        series, 125.0, 2024, model="naive", windows=(3, 5), breaks="none", calibrate=False
    )
    assert (tc.last_year, tc.last_value, tc.target_year) == (2022, 113.0, 2024)
    assert tc.required_cagr == pytest.approx(100 * ((125 / 113) ** 0.5 - 1))
    # naive: Y_2024 = 113 + 3.5 * sqrt(2) * t(4 df); s**2 = mean(4**2, 2**2, 5**2, 2**2) = 12.25
    z = (125 - 113) / (3.5 * np.sqrt(2))
    assert tc.probability == pytest.approx(1 - stats.t.cdf(z, 4), rel=1e-9)
    table = tc.table.set_index("basis")
    assert table.loc["historical 3 years", "cagr"] == pytest.approx(
        100 * ((113 / 104) ** (1 / 3) - 1)
    )
    assert np.isnan(table.loc["historical 5 years", "cagr"])
    assert table.loc["historical 5 years", "note"] == "no value for 2017"
    assert table.loc["forecast (naive) median", "cagr"] == pytest.approx(0.0)
    assert tc.model == "naive: naive"


def test_target_from_above(series):
    below = target_check(series, 110.0, 2023, model="naive", direction="at_most", breaks="none",
                         calibrate=False)  # fmt: skip
    above = target_check(series, 110.0, 2023, model="naive", breaks="none", calibrate=False)
    assert below.probability + above.probability == pytest.approx(1.0)
    assert below.probability == pytest.approx(stats.t.cdf((110 - 113) / 3.5, 4))


def test_probability_of_a_combination_is_consistent_with_its_quantiles():
    rng = np.random.default_rng(12)
    s = pd.Series(np.exp(5 + np.cumsum(rng.normal(0.07, 0.03, 12))), index=range(2009, 2021))
    parts = ["drift", "linear", "loglinear"]
    for calibrate in (False, True):  # a widened combination is consistent too
        fc = forecast(s, horizon=3, model=parts, breaks="none", calibrate=calibrate)
        for col, p in (("median", 0.5), ("hi80", 0.1), ("lo95", 0.975)):
            tc = target_check(s, float(fc[col].iloc[-1]), 2023, model=parts, breaks="none",
                              calibrate=calibrate)  # fmt: skip
            if calibrate and not tc.estimable:
                assert tc.probability_note
                continue
            assert tc.probability == pytest.approx(p, abs=1e-6)


def test_no_probability_where_the_intervals_are_not_calibrated(series):
    tc = target_check(series, 125.0, 2024, breaks="none")  # 5 values: 2 backtest origins
    assert not tc.estimable and np.isnan(tc.probability)
    assert tc.probability_note == "only 2 backtest origin(s), at least 3 are needed"
    assert any("not estimable" in n for n in tc.notes)
    # a model worse than naive never gets a probability either
    s = pd.Series([100.0, 120, 140, 160, 180] + [180.0] * 7, index=range(2009, 2021))
    worse = target_check(s, 200.0, 2023, model="linear", breaks="none")
    assert not worse.estimable
    assert "the model is worse than naive" in worse.probability_note


def test_historical_windows_that_cross_a_break_say_so():
    s = pd.Series(np.linspace(100, 200, 8), index=range(2015, 2023))
    tc = target_check(s, 300.0, 2025, model="drift", windows=(2, 5), indicator="gdp")
    assert tc.last_year == 2022 and tc.notes[0].startswith("fitted on 2015–2022")
    notes = tc.table.set_index("basis")["note"]
    assert notes["historical 2 years"] == ""
    assert notes["historical 5 years"] == (
        "crosses the registered break at 2019: partly a change of basis"
    )


def test_target_argument_errors(series):
    with pytest.raises(ValueError, match="target year 2022 is not after the last fitted year 2022"):
        target_check(series, 120.0, 2022, breaks="none")
    with pytest.raises(ValueError, match="direction='up'"):
        target_check(series, 120.0, 2025, direction="up", breaks="none")
    with pytest.raises(ValueError, match="target_value must be a positive finite number"):
        target_check(series, float("nan"), 2025, breaks="none")
