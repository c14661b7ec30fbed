"""Backtests, scores and model selection, checked against hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jbanalysis.forecast import backtest, combine_backtest, score, select_model
from jbanalysis.forecast import models as models_module
from jbanalysis.forecast.models import ModelSpec


@pytest.fixture
def small_backtest() -> pd.DataFrame:
    s = pd.Series([1.0, 2, 4, 7, 11], index=range(2010, 2015))
    return backtest(s, models=["naive", "linear"], horizons=2, min_train=3, breaks="none")


def test_backtest_rows_by_hand(small_backtest):
    bt = small_backtest
    assert bt[["origin", "h", "year", "model"]].to_numpy().tolist() == [
        [2012, 1, 2013, "naive"],
        [2012, 2, 2014, "naive"],
        [2012, 1, 2013, "linear"],
        [2012, 2, 2014, "linear"],
        [2013, 1, 2014, "naive"],
        [2013, 1, 2014, "linear"],
    ]
    # naive repeats the last value; OLS on (0,1),(1,2),(2,4): slope 1.5, intercept 5/6;
    # on (0,1),(1,2),(2,4),(3,7): slope 2, intercept 0.5
    assert bt["mean"].to_numpy() == pytest.approx([4, 4, 5 / 6 + 4.5, 5 / 6 + 6, 7, 8.5])
    assert bt["error"].to_numpy() == pytest.approx([3, 7, 7 - 16 / 3, 11 - 41 / 6, 4, 2.5])
    # MASE denominators: mean |diff| of the training window: (1 + 2) / 2 and (1 + 2 + 3) / 3
    assert bt["scale"].tolist() == [1.5, 1.5, 1.5, 1.5, 2.0, 2.0]
    assert bt["n_train"].tolist() == [3, 3, 3, 3, 4, 4]
    assert (bt["status"] == "ok").all()


def test_scores_by_hand(small_backtest):
    sc = score(small_backtest)
    naive, linear = sc.loc["naive"], sc.loc["linear"]
    assert naive["n"] == 3 and naive["n_failed"] == 0
    assert naive["MAE"] == pytest.approx(14 / 3)
    assert naive["MAPE"] == pytest.approx(100 * (3 / 7 + 7 / 11 + 4 / 11) / 3)
    assert naive["sMAPE"] == pytest.approx(200 * (3 / 11 + 7 / 15 + 4 / 18) / 3)
    assert naive["MASE"] == pytest.approx((3 / 1.5 + 7 / 1.5 + 4 / 2) / 3)
    assert linear["MAE"] == pytest.approx((5 / 3 + 25 / 6 + 2.5) / 3)
    assert linear["MASE"] == pytest.approx((5 / 3 / 1.5 + 25 / 6 / 1.5 + 2.5 / 2) / 3)
    # naive 95 % bounds: 4 -/+ 4.30 * 1.58 (h=1) etc. hold every actual; 80 % bounds none
    assert naive["coverage95"] == 100.0
    assert naive["coverage80"] == 0.0


def test_scores_by_horizon(small_backtest):
    sc = score(small_backtest, by=["model", "h"])
    assert sc.loc[("naive", 2), "n"] == 1
    assert sc.loc[("naive", 1), "MAE"] == pytest.approx((3 + 4) / 2)


def test_combination_rows_are_the_mean_of_the_members(small_backtest):
    combo = combine_backtest(small_backtest, ["naive", "linear"])
    assert combo["model"].unique().tolist() == ["combo(naive+linear)"]
    members = small_backtest.groupby(["origin", "h"])[["mean", "lo95", "hi95"]].mean()
    assert combo.set_index(["origin", "h"])[["mean", "lo95", "hi95"]].equals(members)
    with pytest.raises(ValueError, match=r"no rows for model\(s\) \['ets'\]"):
        combine_backtest(small_backtest, ["naive", "ets"])


def test_a_failed_fit_is_a_row_with_its_reason(monkeypatch):
    def fail_on_three(y, horizon, log, keep):
        if len(y) == 3:
            raise np.linalg.LinAlgError("singular matrix")
        return models_module._linear(y, horizon, log, keep)

    monkeypatch.setitem(
        models_module.MODELS, "linear", ModelSpec("linear", 3, "never", fail_on_three)
    )
    s = pd.Series([1.0, 2, 4, 7, 11], index=range(2010, 2015))
    bt = backtest(s, models=["naive", "linear"], horizons=2, min_train=3, breaks="none")
    failed = bt[bt["status"] != "ok"]
    assert failed[["origin", "model"]].to_numpy().tolist() == [[2012, "linear"], [2012, "linear"]]
    assert failed["status"].iloc[0] == "failed: linear: the fit failed: singular matrix"
    assert failed["mean"].isna().all()
    sc = score(bt)
    assert (sc.loc["linear", "n"], sc.loc["linear", "n_failed"]) == (1, 2)
    assert sc.loc["linear", "MAE"] == pytest.approx(2.5)
    combo = combine_backtest(bt, ["naive", "linear"])
    assert combo.loc[combo["origin"] == 2012, "mean"].isna().all()
    assert (combo.loc[combo["origin"] == 2012, "status"] != "ok").all()


def test_models_left_out_of_all_are_noted():
    s = pd.Series(np.linspace(100, 200, 12), index=range(2005, 2017))
    bt = backtest(s, breaks="none")  # default min_train = min(5, 12 - 3) = 5
    assert sorted(bt["model"].unique()) == [
        "ar1_drift", "drift", "drift_level", "holt_damped", "linear", "naive", "recent_drift"
    ]  # fmt: skip
    assert "ets left out: needs 10 training values, min_train=5" in bt.attrs["notes"]
    assert "theta left out: needs 6 training values, min_train=5" in bt.attrs["notes"]


def test_backtest_argument_errors():
    s = pd.Series([1.0, 2, 3, 4, 5], index=range(2010, 2015))
    with pytest.raises(ValueError, match="min_train=5 leaves no origin"):
        backtest(s, min_train=5, breaks="none")
    with pytest.raises(ValueError, match="model 'ets' needs at least 10 values"):
        backtest(s, models=["ets"], min_train=3, breaks="none")
    with pytest.raises(ValueError, match="horizons must be years ahead >= 1"):
        backtest(s, horizons=0, breaks="none")


def test_select_model_takes_the_smallest_mase_ties_to_the_simpler():
    # a straight line: every difference model and the linear trend are exact (MASE 0); the
    # simplest of them, recent_drift, wins the tie
    s = pd.Series(10 + 5.0 * np.arange(14), index=range(2005, 2019))
    sel = select_model(s, horizons=3, breaks="none", models=["naive", "recent_drift", "linear"])
    for name in ("recent_drift", "linear"):
        assert sel.scores.loc[name, "MASE"] == pytest.approx(0, abs=1e-9)
    assert sel.scores.loc["naive", "MASE"] > 1
    assert sel.label == "recent_drift" and sel.scores.index[0] == "recent_drift"
    combo = next(n for n in sel.scores.index if n.startswith("combo("))
    assert combo == "combo(naive+recent_drift+linear)"
    # default min_train 5: origins 2009-2017 (the last origin with a year to score)
    assert sel.notes[-1].startswith("model chosen by backtest MASE over 9 origins (2009–2017)")
    assert "nested backtest" in sel.notes[-1]
    assert len(sel.honest) == 1


def test_selection_needs_three_origins_before_any_choice():
    s = pd.Series([10.0, 12, 15, 16, 20, 21], index=range(2015, 2021))
    sel = select_model(s, horizons=1, breaks="none", models=["naive", "linear"], min_train=4)
    assert sel.label == "naive"  # nothing chosen: the default is not a candidate, first one named
    assert "only 2 backtest origin(s) (2018–2019): too few to choose" in sel.notes[-1]


def test_auto_is_the_default_combination_of_two_trend_models():
    from jbanalysis.forecast import DEFAULT_MODEL, DEFAULT_MODELS, forecast

    rng = np.random.default_rng(11)
    s = pd.Series(np.exp(5 + np.cumsum(rng.normal(0.06, 0.03, 16))), index=range(2005, 2021))
    fc = forecast(s, horizon=3, breaks="none")
    assert fc["model"].iloc[0] == DEFAULT_MODEL == "combo(holt_damped+ar1_drift)"
    assert DEFAULT_MODELS == ("holt_damped", "ar1_drift")
    # the point forecast is the mean of the two models' own medians; intervals never move it
    own = forecast(s, horizon=3, breaks="none", model=list(DEFAULT_MODELS), calibrate=False)
    assert fc["median"].to_numpy() == pytest.approx(own["median"].to_numpy(), rel=1e-12)
    cal = fc.attrs["calibration"]
    assert cal.mase < cal.mase_naive
    assert any(n.startswith("model: the default, the equal-weight mean") for n in
               fc.attrs["notes"])  # fmt: skip


def test_when_growth_stops_the_default_stops_too_and_says_it_lost_to_naive():
    from jbanalysis.forecast import forecast

    # growth stops: the damped trend and the AR(1) of the changes both let it go
    s = pd.Series([100.0, 120, 140, 160, 180] + [180.0] * 7, index=range(2009, 2021))
    fc = forecast(s, horizon=2, breaks="none")
    assert fc["median"].to_numpy() == pytest.approx([180.0, 180.0], abs=0.2)
    # naive was right at every origin of the flat years: no probability from these intervals
    cal = fc.attrs["calibration"]
    assert not cal.calibrated and "the model is worse than naive" in cal.reason
