"""Registered breaks keep the past: re-levelling, splicing by overlap ratio, both sides used."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jbanalysis.forecast import backtest, fit_window, forecast, relevel


def annual(values, start=2005) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=range(start, start + len(values)))


def test_the_break_year_change_is_left_out_and_the_past_re_levelled():
    # 10 % a year, a 50 % jump into 2008: the change into 2008 becomes the median change, 10 %
    y = np.array([100.0, 110.0, 121.0, 199.65, 219.615])
    r = relevel(y, np.arange(2005, 2010), [2008])
    assert r.values == pytest.approx([150.0, 165.0, 181.5, 199.65, 219.615])
    assert r.keep.tolist() == [True, True, False, True]
    assert r.factors == {2008: pytest.approx(1.5)}
    assert r.how == {2008: "break-year change left out"}
    # the years after the break are exactly as published
    assert r.values[3:].tolist() == y[3:].tolist()


def test_an_overlap_ratio_splices_the_past_exactly():
    y = np.array([100.0, 110.0, 121.0, 199.65, 219.615])
    r = relevel(y, np.arange(2005, 2010), [2008], ratios={2008: 1.2})
    assert r.values[:3] == pytest.approx([120.0, 132.0, 145.2])
    assert r.how == {2008: "overlap ratio"}


def test_non_positive_series_shift_on_levels():
    y = np.array([-3.0, -1.0, 1.0, 13.0, 15.0])  # +2 a year, a jump of +12 into 2008
    r = relevel(y, np.arange(2005, 2010), [2008])
    assert r.values == pytest.approx([7.0, 9.0, 11.0, 13.0, 15.0])
    assert r.factors == {2008: pytest.approx(10.0)}


def test_breaks_outside_the_window_change_nothing():
    y = np.array([1.0, 2.0, 3.0])
    r = relevel(y, np.arange(2010, 2013), [2010, 2020])
    assert r.values.tolist() == [1.0, 2.0, 3.0] and r.keep.all() and r.how == {}


def test_both_sides_of_a_break_are_used():
    # 10 a year before 2013, 15 a year after a 1.5x re-levelling: with the overlap ratio the
    # spliced history is one straight line 15 a year, so the drift forecasts +15 a year
    # from the last value; cutting at the break leaves only the years after it
    before = 100 + 10.0 * np.arange(8)  # 2005-2012
    after = 1.5 * (100 + 10.0 * np.arange(8, 14))  # 2013-2018
    s = annual(np.r_[before, after])
    fc = forecast(s, horizon=2, model="drift_level", breaks=[2013], ratios={2013: 1.5})
    assert fc["median"].to_numpy() == pytest.approx(after[-1] + 15 * np.array([1, 2]))
    assert fc.attrs["fit_years"] == list(range(2005, 2019))
    cut = forecast(s, horizon=2, breaks=[2013], on_break="cut")
    assert cut.attrs["fit_years"] == list(range(2013, 2019))
    # ignoring the break learns the jump as growth in the backtest; keeping the past does not
    w = fit_window(s, breaks=[2013], ratios={2013: 1.5})
    assert np.diff(w.values) == pytest.approx(np.full(13, 15.0))


def test_only_registered_breaks_count():
    # a jump in 2016 is not registered for GDP: it is learnt as growth, not re-levelled
    s = annual(np.r_[100 + 10.0 * np.arange(11), 300 + 10.0 * np.arange(7)])  # 2005-2022
    w = fit_window(s, indicator="gdp")
    assert 2016 not in w.relevelled
    assert sorted(w.relevelled) == [2009, 2014, 2019]
    # re-levelling scales whole stretches, so the unregistered jump keeps its size in logs
    assert np.diff(np.log(w.values))[2016 - 2005 - 1] == pytest.approx(np.log(300 / 200))


def test_a_backtest_origin_does_not_know_the_breaks_after_it():
    s = annual(np.r_[100 + 10.0 * np.arange(8), 300 + 15.0 * np.arange(6)])  # jump into 2013
    bt = backtest(s, models=["recent_drift"], horizons=1, min_train=4, breaks=[2013])
    before = bt[bt["origin"] == 2011]  # fitted on 2005-2011: nothing re-levelled, +10 a year
    assert before["median"].iloc[0] == pytest.approx(160.0 + 10)
    after = bt[bt["origin"] == 2017]  # 2013-2017 changes 15; the break change left out
    assert after["median"].iloc[0] == pytest.approx(300 + 15 * 4 + 15)
