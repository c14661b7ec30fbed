"""Growth metrics on hand-made series with hand-computed values."""

import math

import numpy as np
import pandas as pd
import pytest

from jbanalysis.metrics import (
    MetricsError,
    MissingDataError,
    cagr,
    chain_real_growth,
    compound,
    doubling_time,
    index_to_base,
    log_growth,
    required_cagr,
    rolling_cagr,
    yoy_growth,
)

GDP = pd.Series([100.0, 110.0, 121.0, 133.1], index=[2010, 2011, 2012, 2013], name="jiangbei")
FRAME = pd.DataFrame(
    {"jiangbei": [100.0, 110.0, 121.0], "yubei": [200.0, 190.0, np.nan]},
    index=pd.Index([2010, 2011, 2012], name="year"),
)


def test_yoy_growth_by_hand():
    assert yoy_growth(GDP).round(10).tolist()[1:] == [10.0, 10.0, 10.0]
    out = yoy_growth(FRAME)
    assert out.at[2011, "yubei"] == pytest.approx(-5.0, abs=1e-12)
    assert math.isnan(out.at[2012, "yubei"])  # the 2012 gap stays a gap


def test_yoy_growth_uses_year_labels_not_positions():
    gappy = pd.Series([100.0, 110.0, 130.0], index=[2010, 2011, 2013])
    out = yoy_growth(gappy)
    assert math.isnan(out[2013])  # 2012 is absent: no growth for 2013, not 130/110


def test_log_growth_by_hand():
    out = log_growth(pd.Series([100.0, 200.0, 100.0], index=[2010, 2011, 2012]))
    assert out[2011] == pytest.approx(100 * math.log(2), abs=1e-12)
    assert out[2011] + out[2012] == pytest.approx(0.0, abs=1e-12)


def test_cagr_by_hand():
    assert cagr(GDP, 2010, 2013) == pytest.approx(10.0, abs=1e-12)
    assert cagr(GDP, 2011, 2012) == pytest.approx(10.0, abs=1e-12)
    # 100 -> 150 in 4 years: 1.5 ** 0.25 = 1.1066819197...
    series = pd.Series([100.0, 150.0], index=[2016, 2020])
    assert cagr(series, 2016, 2020) == pytest.approx(10.66819197003215, abs=1e-12)


def test_cagr_of_a_frame_is_per_district():
    out = cagr(FRAME, 2010, 2011)
    assert out.to_dict() == pytest.approx({"jiangbei": 10.0, "yubei": -5.0})


def test_cagr_names_the_missing_endpoint():
    with pytest.raises(MissingDataError, match=r"\[2015\]"):
        cagr(GDP, 2010, 2015)
    with pytest.raises(MissingDataError, match="yubei 2012"):
        cagr(FRAME, 2010, 2012)
    with pytest.raises(MetricsError, match="before"):
        cagr(GDP, 2012, 2010)
    with pytest.raises(MetricsError, match="int year"):
        cagr(GDP, "2010", 2012)
    assert issubclass(MissingDataError, ValueError)


def test_cagr_from_the_tidy_panel():
    tidy = pd.DataFrame(
        {
            "district": ["jb", "jb", "jb", "jb"],
            "year": [2010, 2012, 2010, 2012],
            "indicator": ["gdp", "gdp", "pop", "pop"],
            "value": [100.0, 121.0, 50.0, 50.0],
        }
    )
    assert cagr(tidy, 2010, 2012, indicator="gdp")["jb"] == pytest.approx(10.0, abs=1e-12)
    with pytest.raises(MetricsError, match="several indicators"):
        cagr(tidy, 2010, 2012)


def test_wrong_shapes_are_refused():
    with pytest.raises(MetricsError, match="int years"):
        cagr(pd.Series([1.0, 2.0], index=["2010", "2011"]), 2010, 2011)
    with pytest.raises(MetricsError, match="duplicated years"):
        yoy_growth(pd.Series([1.0, 2.0], index=[2010, 2010]))
    with pytest.raises(MetricsError, match="numeric"):
        yoy_growth(pd.Series(["1", "2"], index=[2010, 2011]))
    with pytest.raises(MetricsError, match="expected a Series"):
        yoy_growth([1.0, 2.0])


def test_rolling_cagr_gives_reasons():
    series = pd.Series([100.0, 110.0, np.nan, 133.1], index=[2010, 2011, 2012, 2013], name="jb")
    out = rolling_cagr(series, 2)
    assert out["end"].tolist() == [2012, 2013]
    assert math.isnan(out["cagr"].iloc[0])
    assert out["reason"].iloc[0] == "no value for jb in 2012"
    assert out["cagr"].iloc[1] == pytest.approx(10.0, abs=1e-12)
    assert out["reason"].iloc[1] == ""
    with pytest.raises(MetricsError, match="whole number of years"):
        rolling_cagr(series, 0)


def test_index_to_base():
    assert index_to_base(GDP, 2011).tolist() == pytest.approx([100 / 1.1, 100.0, 110.0, 121.0])
    with pytest.raises(MissingDataError, match="yubei"):
        index_to_base(FRAME, 2012)


def test_chain_real_growth_forward_and_backward():
    real = pd.Series([10.0, 5.0, -2.0], index=[2011, 2012, 2013])
    out = chain_real_growth(real)
    assert out.to_dict() == pytest.approx({2010: 100.0, 2011: 110.0, 2012: 115.5, 2013: 113.19})
    rebased = chain_real_growth(real, base_year=2012)
    assert rebased[2012] == 100.0
    assert rebased[2010] == pytest.approx(100.0 / 1.155, abs=1e-12)


def test_chain_real_growth_to_constant_price_levels():
    rates = pd.DataFrame({"a": [10.0, 10.0], "b": [0.0, 50.0]}, index=[2011, 2012])
    base = pd.Series({"a": 200.0, "b": 10.0})  # nominal 2010 levels
    out = chain_real_growth(rates, base_value=base)
    assert out.loc[2012].to_dict() == pytest.approx({"a": 242.0, "b": 15.0})


def test_chain_real_growth_refuses_a_broken_chain():
    real = pd.Series([10.0, np.nan, 5.0], index=[2011, 2012, 2013])
    with pytest.raises(MissingDataError, match="2012"):
        chain_real_growth(real)
    with pytest.raises(MissingDataError, match="2012"):
        chain_real_growth(pd.Series([10.0, 5.0], index=[2011, 2013]))


def test_doubling_time():
    assert doubling_time(7.0) == pytest.approx(math.log(2) / math.log(1.07), abs=1e-12)
    assert doubling_time(100.0) == pytest.approx(1.0, abs=1e-12)
    with pytest.raises(MetricsError, match="positive"):
        doubling_time(0.0)


def test_required_cagr_and_compound():
    assert required_cagr(100.0, 200.0, 10) == pytest.approx(100 * (2**0.1 - 1), abs=1e-12)
    assert compound(100.0, 10.0, 2) == pytest.approx(121.0, abs=1e-12)
    # Jiangbei-like target: double 1325.4 in 15 years needs 4.729 % a year
    rate = required_cagr(1325.4, 2650.8, 15)
    assert compound(1325.4, rate, 15) == pytest.approx(2650.8, rel=1e-12)
    with pytest.raises(MetricsError):
        required_cagr(0.0, 1.0, 5)
    with pytest.raises(MetricsError):
        required_cagr(1.0, 2.0, 0)
