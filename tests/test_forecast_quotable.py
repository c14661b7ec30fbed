"""Forecasts a reader can quote (issue 16): possible values, stale data said, gaps stepped over."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis.forecast import forecast, forecast_district, series_inputs, target_check
from jbanalysis.forecast.intervals import FACTOR_BOUNDS, NORMAL_MAE, growth
from jbanalysis.registry.indicators import indicator_domain

BOUNDS = ["median", "lo80", "hi80", "lo95", "hi95"]


@pytest.mark.slow  # about 1,300 forecasts with their backtests: 30-90 s on two cores
def test_no_bound_leaves_the_domain_and_no_probability_without_calibration(monkeypatch):
    # every district x indicator with three values or more, every horizon 1-10: each series is
    # fitted once, through target_check (the call behind the report's probability); the forecast
    # it makes is kept to check its bounds
    from jbanalysis.forecast import targets

    made, real = [], targets.forecast_window

    def keep(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(targets, "forecast_window", keep)
    panel = jb.load_panel()
    counts = panel[panel["value"].notna()].groupby(["district", "indicator"]).size()
    outside, wrong, shown, done = [], [], 0, 0
    for district, indicator in counts[counts >= 3].index:
        inputs = series_inputs(district, indicator, panel=panel)
        lower, upper = indicator_domain(indicator)
        last = float(inputs.series.dropna().iloc[-1])
        year = int(inputs.series.dropna().index[-1]) + 10
        if last <= 0:  # a growth rate below zero: a target (a level to reach) means nothing
            fc, check = forecast_district(district, indicator, horizon=10, panel=panel), None
        else:  # +20 % (halfway to the domain's top for a rate), 10 years after the data
            target = min(1.2 * last, (last + upper) / 2)
            check = target_check(inputs.series, target, year, options=inputs.options())
            fc = made.pop()
        cal = fc.attrs["calibration"]
        assert len(fc) == 10 and fc["year"].iloc[-1] == year
        values = fc[BOUNDS].to_numpy()
        if not (np.isfinite(values).all() and (values >= lower).all() and (values <= upper).all()):
            outside.append((district, indicator))
        # a probability only where this series' intervals are calibrated (and so possible)
        if check is None:
            pass
        elif check.estimable != (cal is not None and cal.calibrated):
            wrong.append((district, indicator, "shown" if check.estimable else "hidden"))
        elif check.estimable:
            shown += 1
            p, end = check.probability, fc.iloc[-1]
            # the probability agrees with the bounds it is read from
            consistent = (
                0 <= p <= 1
                and (target < end["hi95"] or p <= 0.025 + 1e-9)
                and (target > end["lo95"] or p >= 0.975 - 1e-9)
                and (not end["lo80"] <= target <= end["hi80"] or 0.1 - 1e-9 <= p <= 0.9 + 1e-9)
            )
            if not consistent:
                wrong.append((district, indicator, p))
        elif not check.probability_note or cal is None or check.probability_note != cal.reason:
            wrong.append((district, indicator, check.probability_note))
        done += 1
    assert done == len(counts[counts >= 3]) > 1000
    assert outside == [] and wrong == []
    # both branches are exercised: many series calibrated, many not
    assert 100 < shown < done - 100


def test_the_issues_impossible_values_are_gone():
    # 大渡口 retail sales to 2030: the lower bounds were -57 (80 %) and -139 (95 %) 亿元
    fc = forecast_district("大渡口", "retail_sales", horizon=10)
    assert (fc[BOUNDS] > 0).all().all()
    assert fc.attrs["calibration"].scale == "log"
    # 大足 urbanisation 2013: -46 % to 143 %; now on log-odds, inside 0-100 %
    urban = series_inputs("大足", "urbanization_rate")
    cut = urban.until(2013)
    fc = forecast(cut.series, horizon=10, options=cut.options())
    assert ((fc[BOUNDS] > 0) & (fc[BOUNDS] < 100)).all().all()
    assert fc.attrs["calibration"].scale == "logit"


def test_a_series_rising_by_exactly_the_same_every_year_gets_bounded_intervals():
    # 綦江 crop sown area rose by exactly 8.0 a year: the old widening was about 1e14
    s = pd.Series(130.0 + 8.0 * np.arange(12), index=range(2009, 2021))
    fc = forecast(s, horizon=3, breaks="none", indicator="crop_sown_area")
    cal = fc.attrs["calibration"]
    lower, upper = FACTOR_BOUNDS
    assert all(lower <= f <= upper for f in cal.factors.values())
    # the spread of yearly changes on logs is floored at 0.001: the 95 % interval stays within
    # 0.1 % of the point forecast times ln 20 times the factor's upper bound
    walk = NORMAL_MAE * growth(np.arange(1, 4), 11)
    width = np.log(fc["hi95"] / fc["median"]).to_numpy()
    assert (width <= 1e-3 * upper * walk * np.log(20) + 1e-12).all()
    assert fc["median"].iloc[0] == pytest.approx(226.0, abs=1.0)


def test_a_probability_only_where_the_intervals_are_calibrated():
    # a short series: no calibration, no probability, and the reason said
    short = pd.Series([100.0, 108, 115, 125, 134], index=range(2016, 2021))
    check = target_check(short, 200.0, 2030, breaks="none", indicator="gdp")
    assert not check.estimable and "backtest origin" in check.probability_note
    # a long one whose intervals hold out of sample: the probability agrees with the bounds
    rng = np.random.default_rng(11)
    s = pd.Series(np.exp(4 + np.cumsum(rng.normal(0.07, 0.02, 20))), index=range(2001, 2021))
    fc = forecast(s, horizon=3, breaks="none", indicator="gdp")
    assert fc.attrs["calibration"].calibrated
    hi80 = float(fc["hi80"].iloc[-1])
    check = target_check(s, hi80, 2023, breaks="none", indicator="gdp")
    assert check.probability == pytest.approx(0.10, abs=1e-9)


def test_years_gone_by_are_said_to_be_past():
    # 大渡口's series end in 2020-2021: read in December 2026, 2021-2025 are past years
    fc = forecast_district("大渡口", "retail_sales", horizon=10, today=datetime.date(2026, 12, 1))
    assert fc.attrs["last_observed"] == 2020 and fc.attrs["today"] == "2026-12-01"
    assert fc.loc[fc["past"], "year"].tolist() == [2021, 2022, 2023, 2024, 2025]
    assert not fc.loc[fc["year"] >= 2026, "past"].any()
    # an outturn the data hold beside the forecast of its year (the report's end_year cut)
    cut = forecast_district("江北", "gdp", horizon=3, last_year=2020, today=2026)
    actual = series_inputs("江北", "gdp").series.loc[2021:2023].to_numpy()
    assert cut["actual"].to_numpy() == pytest.approx(actual)
    assert cut["past"].all()


def test_a_missing_year_is_stepped_over_not_cut():
    # 渝中 GDP with a 2025 value added and 2024 missing: every year with a value is fitted
    inputs = series_inputs("渝中", "gdp")
    series = inputs.series.copy()
    series.loc[2025] = float(series.dropna().iloc[-1]) * 1.05
    series = series.drop(2024, errors="ignore")
    fc = forecast(series, horizon=5, options=inputs.options(), today=2026)
    assert fc.attrs["last_observed"] == 2025 and fc["year"].iloc[0] == 2026
    assert 2023 in fc.attrs["fit_years"] and 2025 in fc.attrs["fit_years"]
    assert "2024" not in fc.attrs["fit_years"]
    assert "the models step over" in fc.attrs["notes"][0]
    assert (fc[BOUNDS] > 0).all().all()


@pytest.mark.slow  # renders report 04 in a kernel
def test_report_04_renders_when_a_year_is_added_after_a_missing_one(tmp_path, capsys):
    # the issue's case: 渝中 2025 GDP added to a user folder; the bundle has no 渝中 2024. The
    # figure is the test's own input (the mechanism is tested, not the number).
    import shutil

    from jbanalysis.cli import main
    from jbanalysis.registry.paths import notebooks_dir

    table = tmp_path / "yuzhong_2025.csv"
    table.write_text(
        "区县,年份,指标,数值,单位\n渝中区,2025,地区生产总值,1750.0,亿元\n", encoding="utf-8"
    )
    user = tmp_path / "data"
    added = main(["data", "add", str(table), "--user-dir", str(user), "--source-id", "test_2025",
                  "--kind", "user", "--vintage", "first_release", "--title", "test input",
                  "--publisher", "test", "--url", "https://example.org/test"])  # fmt: skip
    assert added == 0
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(notebooks_dir() / "04_forecasts.ipynb", notebooks)
    out = tmp_path / "out"
    code = main(["report", "--user-dir", str(user), "--district", "渝中", "--notebooks",
                 str(notebooks), "--out", str(out), "--jobs", "1"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    page = (out / "04_forecasts_yuzhong_zh.html").read_text(encoding="utf-8")
    assert "2030年渝中区地区生产总值中位预测为" in page
    assert "跨过缺数的2007–2012、2014、2016–2017、2024年" in page
    # 渝中's retail sales have three values (2015, 2022 and the 2025 work report's): forecast,
    # but too few to hold two years out for the check against outturn, which a sentence says
    assert "社会消费品零售总额：只有3个数值，留出最近2年后不足3个，无法作预测与实际对照。" in page


@pytest.mark.slow  # renders report 04 in a kernel
def test_report_04_sets_a_users_outturn_against_the_past_years(tmp_path, capsys):
    # 大渡口's retail sales end in 2020; the user adds 2021 (the test's own figure) and renders
    # report 04 in English with the data window ending in 2020, as one checks an old forecast
    import shutil

    from bs4 import BeautifulSoup

    from jbanalysis.cli import main
    from jbanalysis.forecast import outturn
    from jbanalysis.registry.paths import notebooks_dir
    from jbanalysis.text.sentences.forecasts import outturn_sentence, stale_sentence

    table = tmp_path / "dadukou_2021.csv"
    table.write_text(
        "区县,年份,指标,数值,单位\n大渡口区,2021,社会消费品零售总额,70.5,亿元\n", encoding="utf-8"
    )
    user = tmp_path / "data"
    assert main(["data", "add", str(table), "--user-dir", str(user), "--source-id", "test_2021",
                 "--kind", "user", "--vintage", "first_release", "--title", "test input",
                 "--publisher", "test", "--url", "https://example.org/test"]) == 0  # fmt: skip
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(notebooks_dir() / "04_forecasts.ipynb", notebooks)
    out = tmp_path / "out"
    code = main(["report", "--user-dir", str(user), "--district", "大渡口", "--lang", "en",
                 "--end-year", "2020", "--notebooks", str(notebooks), "--out", str(out),
                 "--jobs", "1"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    html = (out / "04_forecasts_dadukou_en.html").read_text(encoding="utf-8")
    page = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    # what the API says of the same forecast, word for word
    panel = jb.load_panel(user_dir=user)
    fc = forecast_district("大渡口", "retail_sales", horizon=5, last_year=2020, panel=panel)
    assert fc["actual"].notna().tolist() == [True, False, False, False, False]
    stale = stale_sentence(fc, "en")
    now = datetime.date.today().year
    assert stale.startswith(
        f"The forecast uses the data to 2020 and it is now {now}: 2021 has a published value, "
        f"set against the forecast below; 2022–{now - 1} are past years, not yet in the data"
    )
    held = outturn(fc, fc.set_index("year")["actual"])
    said = outturn_sentence(held, "dadukou", "retail_sales", "en")
    assert said.startswith("Published values to check against: in 2021 ")
    assert " was CNY 7.1 bn against a median forecast of " in said
    assert stale in page and said in page
