"""One options object for the fitting window, taken the same way by every door."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from jbanalysis import forecast as fc
from jbanalysis.forecast import FitOptions, fit_window
from jbanalysis.forecast.options import CHOICES, FIELDS


@pytest.fixture
def gappy() -> pd.Series:
    # a gap in 2014: the models step over it by default; gaps="narrow" fits 2015-2020 only
    return pd.Series(
        [10.0, 11, 12, 13, None, 15, 16, 17, 18, 19, 20], index=range(2010, 2021), name="x"
    )


def test_the_fields_are_declared_once():
    # no door redeclares a field of FitOptions as a parameter of its own (the panel doors name
    # their series by district and indicator, and read its other fields from the panel)
    series_doors = [fc.forecast, fc.backtest, fc.select_model, fc.target_check, fit_window]
    panel_doors = [fc.forecast_district, fc.forecast_panel, fc.backtest_panel]
    for door in series_doors + panel_doors:
        params = inspect.signature(door).parameters
        declared = set(FIELDS if door in series_doors else CHOICES) & set(params)
        assert not declared, (door.__name__, declared)
        assert "options" in params and "fit" in params, door.__name__


def test_keywords_and_the_object_give_the_same_window(gappy):
    by_keyword = fit_window(gappy, breaks="none", gaps="narrow")
    by_object = fit_window(gappy, FitOptions(breaks="none", gaps="narrow"))
    assert (by_keyword.start, by_keyword.end) == (by_object.start, by_object.end) == (2015, 2020)
    a = fc.forecast(gappy, horizon=2, breaks="none", gaps="narrow", model="drift_level",
                    calibrate=False, today=2030)  # fmt: skip
    b = fc.forecast(gappy, horizon=2, options=FitOptions(breaks="none", gaps="narrow"),
                    model="drift_level", calibrate=False, today=2030)  # fmt: skip
    pd.testing.assert_frame_equal(a, b)
    # drift of 2015-2020 by hand: (20 - 15) / 5 = 1 a year
    assert a["median"].tolist() == pytest.approx([21.0, 22.0])
    # stepping over the gap (the default) fits 2010-2020: (20 - 10) / 10 = 1 a year too
    assert fit_window(gappy, breaks="none").start == 2010


def test_a_keyword_overrides_the_object(gappy):
    strict = FitOptions(breaks="none", gaps="error")
    with pytest.raises(ValueError, match="no value for 2014"):
        fc.backtest(gappy, models=["naive"], horizons=1, options=strict)
    bt = fc.backtest(gappy, models=["naive"], horizons=1, options=strict, gaps="narrow")
    assert bt["origin"].min() >= 2015


def test_wrong_settings_are_named():
    with pytest.raises(
        TypeError, match=r"forecast\(\) got an unexpected keyword argument 'brakes'"
    ):
        fc.forecast(pd.Series([1.0, 2, 3, 4]), brakes="none")
    with pytest.raises(TypeError, match=r"forecast_district.*'vintages'.*breaks, gaps, on_break"):
        fc.forecast_district("jiangbei", "gdp", vintages={})
    with pytest.raises(TypeError, match="options must be a FitOptions"):
        fit_window(pd.Series([1.0, 2, 3]), "none")
    with pytest.raises(ValueError, match="on_break='keep' is not understood"):
        FitOptions(on_break="keep")


def test_series_inputs_carry_their_options():
    inputs = fc.series_inputs("jiangbei", "gdp")
    opts = inputs.options(FitOptions(on_break="cut"))
    assert (opts.indicator, opts.district, opts.on_break) == ("gdp", "jiangbei", "cut")
    assert opts.ratios == inputs.ratios
    assert set(inputs.kwargs()) == {"indicator", "district", "vintages", "flags", "ratios"}
