"""Input checks of jbanalysis.forecast: short, gappy, broken and awkward series."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jbanalysis.forecast import (
    DEFAULT_MODEL,
    ECONOMIC_CENSUS_YEARS,
    as_annual_series,
    fit_window,
    forecast,
    known_break_years,
)


def annual(values, start=2005) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=range(start, start + len(values)))


def test_two_values_are_a_clear_error():
    with pytest.raises(ValueError, match=r"only 2 value\(s\) to fit \(2005–2006.*at least 3"):
        forecast(annual([1.0, 2.0]), breaks="none")


def test_three_to_five_values_offer_only_the_difference_models_and_linear():
    s = annual([10.0, 11, 12.5, 13, 14.2])
    fc = forecast(s, horizon=2, breaks="none")
    # the default on five values: two backtest origins (2007, 2008), too few to call its
    # intervals calibrated, and the point between last year's value and a straight line's
    assert fc["model"].iloc[0] == DEFAULT_MODEL
    assert (14.2 < fc["median"]).all() and (fc["median"] < 14.2 + 1.05 * np.array([1, 2])).all()
    cal = fc.attrs["calibration"]
    assert (cal.n_origins, cal.calibrated) == (2, False)
    assert cal.reason == "only 2 backtest origin(s), at least 3 are needed"
    for name in ("loglinear", "ets", "arima"):
        with pytest.raises(ValueError, match=f"model '{name}' needs at least"):
            forecast(s, model=name, breaks="none")
    assert forecast(s, model="linear", breaks="none")["n_fit"].iloc[0] == 5


def test_a_gap_in_the_window_names_the_missing_years():
    s = annual(np.arange(1.0, 19.0))  # 2005-2022
    s[[2008, 2009, 2014]] = np.nan
    s = s.drop(2016)  # a year absent from the index is a gap too
    with pytest.raises(ValueError, match=r"no value for 2008–2009, 2014, 2016 inside .* 2005–2022"):
        forecast(s, breaks="none", gaps="error")
    for gaps in ("narrow", "last_stretch"):  # narrow the window to the years after the gap
        fc = forecast(s, model="drift", breaks="none", gaps=gaps)
        assert fc.attrs["fit_years"] == list(range(2017, 2023))
        assert (
            "narrowed to the years after the last gap (no value for 2008–2009, 2014, 2016; "
            "nothing filled)" in fc.attrs["notes"][0]
        )
    # the default steps over the gaps: every year with a value is fitted, and the notes say so
    fc = forecast(s, model="drift_level", breaks="none")
    assert fc.attrs["fit_years"] == [
        y for y in range(2005, 2023) if y not in (2008, 2009, 2014, 2016)
    ]
    assert fc["n_fit"].iloc[0] == 14
    assert (
        "no value for 2008–2009, 2014, 2016: the models step over them (the change across a gap "
        "counts as equal yearly changes; nothing is filled in the data or the results)"
        in fc.attrs["notes"][0]
    )
    # a straight line with holes is still that line: 1 a year from 18 in 2022
    assert fc["median"].to_numpy() == pytest.approx([19.0, 20.0, 21.0, 22.0, 23.0])
    # three values in all, never two in a row: stepped over, or too few once narrowed
    sparse = annual([1.0, np.nan, 2.0, np.nan, 3.0])
    assert forecast(sparse, model="drift_level", breaks="none")["n_fit"].iloc[0] == 3
    with pytest.raises(ValueError, match=r"only 1 value\(s\) to fit"):
        forecast(sparse, breaks="none", gaps="narrow")


def test_leading_and_trailing_missing_values_only_bound_the_span():
    s = annual([np.nan, 1.0, 2, 3, 5, 6, np.nan])
    w = fit_window(s, breaks="none")
    assert (w.start, w.end) == (2006, 2010)
    assert w.notes[1] == "the series is observed 2006–2010"
    assert forecast(s, horizon=1, model="naive", breaks="none")["year"].tolist() == [2011]


def test_non_positive_values_refuse_log_models_and_keep_drift_on_levels():
    s = annual([-5.0, -2, 0, 3, 4, 7, 9, 12, 13, 15, 18, 20])
    for name in ("loglinear", "ets", "arima"):
        with pytest.raises(
            ValueError, match=f"'{name}' works on logs and the series has values <= 0"
        ):
            forecast(s, model=name, breaks="none")
    fc = forecast(s, breaks="none")  # auto: the default works on levels
    assert fc["model"].iloc[0] == DEFAULT_MODEL
    assert "log models are refused" in " ".join(fc.attrs["notes"])
    assert forecast(s, model="drift", breaks="none")["detail"].iloc[0] == "drift (levels)"


def test_a_constant_series_forecasts_its_value_with_the_smallest_spread():
    fc = forecast(annual([50.0] * 8), horizon=3, breaks="none")
    assert fc["median"].to_numpy() == pytest.approx([50.0] * 3, rel=1e-12)
    # the degenerate-backtest rule: a spread of 0.1 % a year on logs, a quarter of a random
    # walk's mean absolute error (the factor's lower bound): finite, narrow, around 50
    k = 0.25 * np.sqrt(2 / np.pi) * np.sqrt(np.arange(1, 4) * (1 + np.arange(1, 4) / 7))
    assert fc["hi95"].to_numpy() == pytest.approx(50 * np.exp(1e-3 * k * np.log(20)))
    assert "the series is constant in the window" in " ".join(fc.attrs["notes"])


@pytest.mark.parametrize(
    "index",
    [
        pd.DatetimeIndex(["2019-12-31", "2020-12-31", "2021-12-31"]),
        pd.PeriodIndex(["2019", "2020", "2021"], freq="Y"),
        pd.Index([2019.0, 2020.0, 2021.0]),
        pd.Index(np.array([2019, 2020, 2021], dtype=np.int32)),
    ],
)
def test_years_become_an_int_annual_index(index):
    s = as_annual_series(pd.Series([1, 2, 3], index=index))
    assert s.index.tolist() == [2019, 2020, 2021]
    assert s.index.dtype == np.int64 and s.index.name == "year"
    assert s.dtype == np.float64
    fc = forecast(pd.Series([1.0, 2, 4], index=index), horizon=1, model="naive", breaks="none")
    assert fc["year"].tolist() == [2022]


def test_unsorted_years_are_sorted():
    s = pd.Series([3.0, 1.0, 2.0], index=[2021, 2019, 2020])
    assert as_annual_series(s).tolist() == [1.0, 2.0, 3.0]


@pytest.mark.parametrize(
    ("series", "message"),
    [
        (pd.Series([1.0, 2.0], index=["a", "b"]), "the series index must hold years"),
        (pd.Series([1.0, 2.0], index=[2019.5, 2020.5]), "the series index must hold years"),
        (pd.Series([1.0, 2.0, 3.0], index=[2019, 2019, 2020]), r"more than one value .*\[2019\]"),
        (pd.Series(["1", "2"], index=[2019, 2020]), "the series values must be numbers"),
        (pd.Series([1.0, np.inf], index=[2019, 2020]), r"infinite values in year\(s\) \[2020\]"),
        (pd.Series([np.nan, np.nan], index=[2019, 2020]), "has no values"),
    ],
)
def test_bad_input_is_a_clear_error(series, message):
    with pytest.raises(ValueError, match=message):
        fit_window(series, breaks="none")


def test_a_frame_is_refused_with_a_pointer_to_the_panel_functions():
    with pytest.raises(TypeError, match="forecast_panel"):
        forecast(pd.DataFrame({"a": [1.0, 2, 3]}))


def test_known_breaks_come_from_the_registry_per_indicator_and_district():
    from jbanalysis.registry.breaks import census_years

    assert (
        ECONOMIC_CENSUS_YEARS == census_years("economic_census") == (2004, 2008, 2013, 2018, 2023)
    )
    assert known_break_years("gdp") == (2005, 2009, 2014, 2019, 2024)
    assert known_break_years("gdp", {2013: "census", 2018: "revised"}) == (
        2005, 2009, 2013, 2018, 2024,
    )  # fmt: skip
    # only registered breaks count: retail sales change basis with the 2013 census (B03) and at
    # the 2018 and 2019 definition changes (B19, B10), not at the 2008 or 2018 censuses
    assert known_break_years("retail_sales", district="jiangbei") == (2014, 2018, 2019)
    assert known_break_years("pop_resident", {2010: "first_release"}) == (2010, 2020)
    # 渝北's revenue: the broad scope in 2011 (B16), its own again from 2012 in the panel (B22:
    # the bulletin's 2012 figure) and from 2013 in the yearbook (B13)
    assert known_break_years("fiscal_revenue", district="yubei") == (2011, 2012, 2013)
    assert known_break_years("fiscal_revenue", district="dadukou") == ()
    assert 2011 in known_break_years("gdp", district="dazu")  # the 2011 merger
    assert known_break_years(None) == ()
    s = annual(np.linspace(100, 300, 18))  # 2005-2022
    assert fit_window(s, indicator="gdp", on_break="cut").start == 2019
    assert fit_window(s, indicator="gdp", on_break="cut", vintages={2018: "revised"}).start == 2018
    assert fit_window(s, indicator="pop_resident", on_break="cut").start == 2020
    assert fit_window(s, breaks=[2012], on_break="cut").start == 2012
    assert fit_window(s, indicator="gdp").start == 2005  # the default keeps the past


def test_bad_break_and_gap_arguments():
    s = annual([1.0, 2, 3])
    with pytest.raises(ValueError, match="breaks='census' is not understood"):
        fit_window(s, breaks="census")
    with pytest.raises(ValueError, match=r"break year 2010\.5 is not a whole year"):
        fit_window(s, breaks=[2010.5])
    with pytest.raises(ValueError, match="gaps='fill' is not understood"):
        fit_window(s, gaps="fill")


def test_flags_in_the_window_are_named():
    s = annual([1.0, 2, 3, 4])
    w = fit_window(s, breaks="none", flags={2006: "interpolated", 2007: "observed"})
    assert (
        w.notes[-1] == "values in the window that are not plain observations: 2006 (interpolated)"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"horizon": 0}, "horizon 0: expected a whole number of years from 1 to 20"),
        ({"horizon": 1000}, "horizon 1000: expected a whole number of years from 1 to 20"),
        ({"horizon": 2.5}, "horizon 2.5: expected a whole number"),
        ({"model": "prophet"}, "unknown model 'prophet'"),
        ({"model": ["drift", "drift"]}, "lists a model twice"),
        ({"level": (80, 100)}, "interval levels must be percentages between 0 and 100"),
    ],
)
def test_bad_forecast_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        forecast(annual([1.0, 2, 3, 4]), breaks="none", **kwargs)


def test_other_levels_make_their_columns():
    fc = forecast(annual([1.0, 2, 3, 5]), horizon=1, model="naive", level=[50, 99.5], breaks="none")
    assert list(fc.columns[:7]) == ["year", "mean", "median", "lo50", "hi50", "lo99.5", "hi99.5"]
