"""Forecasts and backtests of a whole group of districts in one call."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jbanalysis.forecast import backtest, backtest_panel, forecast, forecast_panel, score
from jbanalysis.forecast.panels import as_wide


@pytest.fixture
def wide() -> pd.DataFrame:
    years = pd.Index(range(2005, 2021), name="year")
    grow = 100 * 1.1 ** np.arange(16) * (1 + 0.01 * np.sin(np.arange(16)))
    short = np.full(16, np.nan)
    short[-2:] = [5.0, 6.0]
    gappy = grow.copy()
    gappy[5] = np.nan
    return pd.DataFrame({"a": grow, "b": 2 * grow, "short": short, "gappy": gappy}, index=years)


def test_forecast_panel_stacks_districts_and_reports_the_ones_it_cannot_do(wide):
    fc = forecast_panel(wide, horizon=2, model="drift", breaks="none", gaps="error")
    ok = fc[fc["status"] == "ok"]
    assert ok["district"].tolist() == ["a", "a", "b", "b"]
    single = forecast(wide["a"], horizon=2, model="drift", breaks="none")
    assert ok.loc[ok["district"] == "a", "mean"].to_numpy() == pytest.approx(single["mean"])
    reasons = fc.loc[fc["status"] != "ok"].set_index("district")["status"]
    assert (
        reasons["short"]
        == "'short' has only 2 value(s) to fit (2019–2020, all observed years); at least 3 are "
        "needed"
    )
    assert reasons["gappy"].startswith("'gappy' has no value for 2010 inside the fitting window")
    assert fc.loc[fc["status"] != "ok", "mean"].isna().all()
    assert fc["year"].dtype == "Int64"
    assert set(fc.attrs["notes"]) == {"a", "b", "short", "gappy"}
    # by default the models step over a gap, and the district is forecast from all its years;
    # gaps="narrow" fits the years after the gap only
    stepped = forecast_panel(wide, horizon=2, model="drift", breaks="none")
    assert stepped.loc[stepped["district"] == "gappy", "fit_start"].iloc[0] == 2005
    narrowed = forecast_panel(wide, horizon=2, model="drift", breaks="none", gaps="narrow")
    assert narrowed.loc[narrowed["district"] == "gappy", "fit_start"].iloc[0] == 2011


def test_backtest_panel_matches_single_backtests_and_lists_skipped(wide):
    bt = backtest_panel(wide, models=["naive", "drift"], horizons=2, min_train=10, breaks="none",
                        gaps="error")  # fmt: skip
    assert sorted(bt.attrs["skipped"]) == ["gappy", "short"]
    single = backtest(wide["b"], models=["naive", "drift"], horizons=2, min_train=10, breaks="none")
    mine = bt[bt["district"] == "b"].drop(columns="district").reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, single)
    sc = score(bt, by=["district", "model"])
    assert sc.index.tolist() == [("a", "naive"), ("a", "drift"), ("b", "naive"), ("b", "drift")]
    # MASE is scale-free: district b is district a doubled
    assert sc.loc[("a", "drift"), "MASE"] == pytest.approx(sc.loc[("b", "drift"), "MASE"])


def test_tidy_panel_input_uses_vintages_for_the_breaks():
    years = list(range(2010, 2023))
    tidy = pd.DataFrame(
        {
            "district": ["x"] * 13 + ["y"] * 13,
            "year": years * 2,
            "indicator": "gdp",
            "value": np.r_[np.linspace(100, 220, 13), np.linspace(50, 90, 13)],
            "vintage": ["first_release"] * 13
            + ["revised" if y == 2018 else "first_release" for y in years],
            "flag": "observed",
        }
    )
    fc = forecast_panel(tidy, horizon=1, indicator="gdp", model="naive", on_break="cut")
    assert fc.set_index("district")["fit_start"].to_dict() == {"x": 2019, "y": 2018}
    kept = forecast_panel(tidy, horizon=1, indicator="gdp", model="naive")
    assert kept.set_index("district")["fit_start"].to_dict() == {"x": 2010, "y": 2010}
    assert any("registered breaks inside: 2014, 2018" in n for n in kept.attrs["notes"]["y"])
    with pytest.raises(ValueError, match="pass indicator='gdp'"):
        forecast_panel(tidy)
    with pytest.raises(ValueError, match=r"no rows for indicator 'loans'; the panel has \['gdp'\]"):
        forecast_panel(tidy, indicator="loans")


def test_as_wide_selects_districts_and_names_missing_ones(wide):
    assert as_wide(wide, districts=["b", "a"]).columns.tolist() == ["b", "a"]
    assert as_wide(wide, districts="a").columns.tolist() == ["a"]
    with pytest.raises(KeyError, match=r"no column for district\(s\) \['yubei'\]"):
        as_wide(wide, districts=["a", "yubei"])
