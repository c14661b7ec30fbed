"""Every forecast sentence in both languages, against hand-checked expectations."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from jbanalysis.forecast import Calibration
from jbanalysis.text.sentences import forecasts as fs


def frame(**extra) -> pd.DataFrame:
    f = pd.DataFrame({"year": [2023, 2024, 2025], "median": [1700.0, 1800.0, 1900.0],
                      "lo80": [1650.0, 1700.0, 1750.0], "hi80": [1750.0, 1900.0, 2050.0],
                      "model": "recent_drift", "fit_start": 2019, "fit_end": 2022})  # fmt: skip
    for k, v in extra.items():
        f[k] = v
    return f


def cal(**kw) -> Calibration:
    base = {"factor": 1.0, "n_origins": 8, "n_errors": 21, "coverage_model": {80: 81.0, 95: 95.2},
            "coverage": {80: 81.0, 95: 95.2}, "mase": 0.64, "mase_naive": 1.5,
            "calibrated": True, "reason": ""}  # fmt: skip
    base.update(kw)
    return Calibration(**base)


def test_forecast_sentence_in_both_languages():
    # 2019-2022 crosses no registered GDP break; 2022-2025 crosses the 2023 census (new basis 2024)
    f = frame()
    assert fs.forecast_sentence(f, "yubei", "gdp") == (
        "按近期漂移（近四年变化量的中位数）模型（拟合2019–2022年），2025年渝北区地区生产总值中位预测为"
        "1900.0亿元（现价），80%区间为1750.0亿元至2050.0亿元（预测期跨2023年经济普查：预测按现口径，"
        "未计入届时的修订）。"
    )
    assert fs.forecast_sentence(f, "yubei", "gdp", "en") == (
        "With the recent drift (median of the last four changes) model (fitted on 2019–2022), the "
        "median forecast of Yubei's nominal GDP for 2025 is CNY 190.0 bn, 80% interval CNY 175.0 bn "
        "to CNY 205.0 bn (the forecast period crosses the 2023 economic census: the forecast is on "
        "the current basis and includes no revision)."
    )


def test_forecast_sentence_names_breaks_in_the_window_and_an_unreliable_last_value():
    f = frame(fit_start=2010, model="naive")
    f["year"] = [2021, 2022, 2023]  # retail sales: the 2014, 2018 and 2019 breaks are in the window
    flags, rel = {2022: "corrected"}, {2022: "low"}
    f["fit_end"] = 2022
    zh = fs.forecast_sentence(f, "jiangbei", "retail_sales", flags=flags, reliability=rel)
    assert "拟合期跨2013年经济普查和2018、2019年口径变化，此前年份已换算到新口径" in zh
    assert "2022年的值为更正值，2022年的值来源可靠性低" in zh
    assert "实际" not in zh  # nominal is never called real
    en = fs.forecast_sentence(f, "jiangbei", "retail_sales", "en", flags=flags, reliability=rel)
    assert (
        "across the 2013 economic census and the 2018 and 2019 definition changes, earlier years "
        "re-levelled onto the new basis" in en
    )
    assert "the 2022 value is corrected; the 2022 value rests on a low-reliability source" in en
    assert "nominal retail sales of consumer goods" in en


def test_quality_sentence_in_both_languages():
    f = frame()
    f.attrs["calibration"] = cal()
    assert fs.quality_sentence(f) == (
        "回测（8个起点、21个预测）中，近期漂移（近四年变化量的中位数）的平均误差为年均变化量的0.64倍（MASE），"
        "朴素预测为1.50倍；80%区间覆盖81%、95%区间覆盖95%：区间经回测校准。"
    )
    assert fs.quality_sentence(f, "en") == (
        "In the backtest (8 origins, 21 forecasts) the errors of the recent drift (median of the "
        "last four changes) averaged 0.64 times the mean yearly change (MASE), naive's 1.50; the "
        "80% interval held 81% and the 95% interval 95%: the intervals are calibrated on the "
        "backtest."
    )


def test_quality_sentence_says_plainly_when_nothing_beats_naive():
    f = frame(model="naive")
    f.attrs["calibration"] = cal(mase=1.2, mase_naive=1.2, coverage={80: 50.0, 95: 70.0},
                                 calibrated=False, reason="x")  # fmt: skip
    zh = fs.quality_sentence(f)
    assert "没有可用的趋势模型优于朴素预测，预测沿用最后一年的值" in zh
    # 21 forecasts: two binomial standard errors of slack, 17.5 points at 80 % and 9.5 at 95 %
    assert "区间未达校准标准（80%区间覆盖50%（应在70–90%）、95%区间覆盖70%（应在88–98%））" in zh
    en = fs.quality_sentence(f, "en")
    assert (
        "no available trend model beat naive, so the forecast carries the last value forward" in en
    )
    assert "so no probability is estimable" in en


def test_quality_sentence_without_a_backtest():
    f = frame()
    f.attrs["calibration"] = cal(n_origins=2, n_errors=3, coverage_model={}, coverage={},
                                 calibrated=False)  # fmt: skip
    assert fs.quality_sentence(f) == (
        "近期漂移（近四年变化量的中位数）未经回测检验（回测起点只有2个（至少需要3个））：区间是模型自身的，未经校准。"
    )
    assert fs.quality_sentence(f, "en") == (
        "The recent drift (median of the last four changes) was not checked in a backtest (only 2 "
        "backtest origin(s) (at least 3)): its intervals are the model's own, not calibrated."
    )


def test_target_sentence_in_both_languages():
    # required: (292.82 / 146.41) ** (1/5) - 1 = 14.87 %; history 2019-2022 crosses no break
    t = pd.DataFrame({"basis": ["required", "historical 3 years"], "cagr": [14.87, 9.6],
                      "start_year": [2022, 2019], "end_year": [2027, 2022], "note": ["", ""]})  # fmt: skip
    c = SimpleNamespace(last_year=2022, last_value=146.41, target_year=2027, target_value=292.82,
                        required_cagr=14.87, probability=0.284, table=t, probability_note="")  # fmt: skip
    assert fs.target_sentence(c, "jiangbei", "retail_sales") == (
        "要在2027年由2022年的146.4亿元达到292.8亿元，江北区社会消费品零售总额（现价）需名义年均增长14.9%，"
        "2019–2022年名义年均增长9.6%；按预测分布，达成概率约28%。"
    )
    assert fs.target_sentence(c, "jiangbei", "retail_sales", "en") == (
        "To reach CNY 29.3 bn by 2027 from CNY 14.6 bn in 2022, Jiangbei's nominal retail sales of "
        "consumer goods must grow 14.9% a year (nominal), against 9.6% a year over 2019–2022; the "
        "forecast gives it a 28% chance."
    )
    c.probability = float("nan")
    assert fs.target_sentence(c, "jiangbei", "retail_sales").endswith(
        "达成概率不可估计：该序列的预测区间未经回测校准。"
    )
    assert "0%" not in fs.target_sentence(c, "jiangbei", "retail_sales", "en")


def test_outturn_sentence_in_both_languages():
    # 2023: actual 1761.0 vs median 1716.9: +2.57 %, inside the 80 % interval; 2024: 1600 vs
    # 1831: -12.6 %, outside the 95 % interval
    o = pd.DataFrame({"year": [2023, 2024], "actual": [1761.0, 1600.0], "median": [1716.9, 1831.0],
                      "error_pct": [100 * (1761 / 1716.9 - 1), 100 * (1600 / 1831 - 1)],
                      "inside80": [True, False], "inside95": [True, False]})  # fmt: skip
    assert fs.outturn_sentence(o, "jiangbei", "gdp") == (
        "已有公布值可对照：2023年江北区地区生产总值（现价）为1761.0亿元，预测中位数1716.9亿元，"
        "实际比预测高2.6%，在80%区间内；2024年江北区地区生产总值（现价）为1600.0亿元，预测中位数"
        "1831.0亿元，实际比预测低12.6%，在95%区间之外。"
    )
    assert fs.outturn_sentence(o, "jiangbei", "gdp", "en") == (
        "Published values to check against: in 2023 Jiangbei's nominal GDP was CNY 176.1 bn against "
        "a median forecast of CNY 171.7 bn, 2.6% above it, inside the 80% interval; in 2024 "
        "Jiangbei's nominal GDP was CNY 160.0 bn against a median forecast of CNY 183.1 bn, 12.6% "
        "below it, outside the 95% interval."
    )


def test_selection_sentence_in_both_languages():
    assert fs.selection_sentence("naive", 0.91, 5) == (
        "在5个预测起点上的回测选择了朴素预测（沿用最后一年的值）（MASE 0.91：误差平均为年均变化量的0.91倍）。"
    )
    assert fs.selection_sentence("combo(naive+theta)", 0.5, 4, "en") == (
        "The backtest over 4 forecast origins chose equal-weight combination of naive (last value "
        "carried forward) and Theta method (MASE 0.50: its errors average 0.50 times the mean "
        "yearly change)."
    )
    assert fs.selection_sentence("naive", 0.3, 2, "en").startswith("Only 2 backtest origin(s)")


def test_tables_speak_the_report_language():
    check = SimpleNamespace(table=pd.DataFrame({
        "basis": ["required", "historical 5 years", "forecast (recent_drift) mean"],
        "start_year": [2022, 2017, 2022], "end_year": [2027, 2022, 2027], "cagr": [1.0, 2.0, 3.0],
        "value_at_target_year": [1.0, 2.0, 3.0],
        "note": ["", "crosses the registered break at 2019: partly a change of basis", ""]}))  # fmt: skip
    zh = fs.target_table(check, "zh")
    assert list(zh.columns) == ["依据", "起始年", "终止年", "年均增长率（%）", "目标年数值", "说明"]
    assert zh["依据"].tolist() == [
        "所需增长",
        "近5年历史增长",
        "预测均值（近期漂移（近四年变化量的中位数））",
    ]
    assert zh["说明"].iloc[1] == "跨2019年口径断裂，部分反映口径变化"
    en = fs.target_table(check, "en")
    # the English table says its words too: no model id (recent_drift) in a report's table
    assert en["basis"].tolist() == [
        "required growth",
        "last 5 years",
        "forecast mean (recent drift (median of the last four changes))",
    ]
    assert set(fs.table_columns("zh")) == set(fs.table_columns("en"))
    assert np.all([not any("\u4e00" <= ch <= "\u9fff" for ch in v)
                   for v in fs.table_columns("en").values()])  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_model_has_words_in_both_languages(lang):
    from jbanalysis.forecast import MODEL_NAMES

    for name in MODEL_NAMES:
        words = fs.model_name(name, lang)
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in words)
        assert cjk == (lang == "zh"), (name, words)
