"""Takeaway sentences of the forecast report (04), in Chinese (``"zh"``) or English (``"en"``).

They only *say* what :mod:`jbanalysis.forecast` computed — the forecast table and its
``attrs``, the :class:`~jbanalysis.forecast.Calibration` of its intervals, a
:class:`~jbanalysis.forecast.TargetCheck`, an outturn table — and follow the rules of the
briefing-grade reports (issue 13):

* money levels are nominal, and said so (名义/现价; never 实际, which means price-adjusted);
* a fitting window or a forecast period that crosses a registered break says so in the same
  sentence (:func:`jbanalysis.registry.breaks.crossed_breaks`);
* a last value that is corrected, interpolated, estimated or of low reliability is named;
* a probability is given only where the series' intervals are calibrated, else "not estimable"
  with the reason;
* one language per sentence, model names included (:data:`MODEL_WORDS`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from jbanalysis.registry.terms import check_lang
from jbanalysis.text import formatting as fm

__all__ = [
    "MODEL_WORDS",
    "fit_span",
    "forecast_sentence",
    "model_name",
    "outturn_sentence",
    "quality_sentence",
    "selection_sentence",
    "table_columns",
    "target_sentence",
    "target_table",
]

#: Model names as a report says them: id -> (zh, en).
MODEL_WORDS: dict[str, tuple[str, str]] = {
    "naive": ("朴素预测（沿用最后一年的值）", "naive (last value carried forward)"),
    "recent_drift": (
        "近期漂移（近四年变化量的中位数）",
        "recent drift (median of the last four changes)",
    ),
    "drift_level": ("水平漂移", "drift on levels"),
    "drift": ("对数漂移（固定增长率）", "drift on logs (constant growth rate)"),
    "linear": ("线性趋势", "linear trend"),
    "loglinear": ("对数线性趋势", "log-linear trend"),
    "theta": ("Theta法", "Theta method"),
    "theta_log": ("对数Theta法", "Theta method on logs"),
    "ets_level": ("阻尼趋势指数平滑", "damped-trend exponential smoothing"),
    "ets": ("对数阻尼趋势指数平滑", "damped-trend exponential smoothing on logs"),
    "arima_level": ("ARIMA模型", "ARIMA"),
    "arima": ("对数ARIMA模型", "ARIMA on logs"),
}

_MONEY_UNITS = ("cny_100m", "cny")
_FLAG_WORDS = {
    "interpolated": ("插值", "interpolated"),
    "corrected": ("更正值", "a corrected value"),
    "derived": ("推算值", "derived"),
    "estimate": ("预计数", "an estimate"),
    "preliminary": ("初步数", "preliminary"),
}


_pick = fm.pick


def model_name(label: str, lang: str = "zh") -> str:
    """A model or combination (``combo(a+b)``) in words.

    >>> model_name("recent_drift"), model_name("combo(naive+theta)", "en")
    ('近期漂移（近四年变化量的中位数）', 'equal-weight combination of naive (last value carried forward) and Theta method')
    """
    names = label.removeprefix("combo(").rstrip(")").split("+")
    words = [MODEL_WORDS[n][0 if check_lang(lang) == "zh" else 1] for n in names]
    if len(words) == 1:
        return words[0]
    return _pick(
        f"{'、'.join(words)}的等权组合",
        f"equal-weight combination of {fm.join(words, 'en')}",
        lang,
    )


def _is_money(indicator: str) -> bool:
    return fm.indicator_unit(indicator) in _MONEY_UNITS


def _subject(district: str, indicator: str, lang: str, nominal_zh: bool = True) -> str:
    """江北区地区生产总值（现价） / Jiangbei's nominal GDP."""
    name, ind = fm.district_name(district, lang), fm.indicator_name(indicator, lang)
    if lang == "en" and len(ind) > 1 and ind[0].isupper() and ind[1].islower():
        ind = ind[0].lower() + ind[1:]  # "retail sales" inside a sentence, "GDP" stays
    if _is_money(indicator):
        return _pick(
            f"{name}{ind}" + ("（现价）" if nominal_zh else ""), f"{name}'s nominal {ind}", lang
        )
    return _pick(f"{name}{ind}", f"{name}'s {ind}", lang)


def _breaks_between(indicator: str, district: str, start: int, end: int, lang: str) -> str:
    """Registered breaks with ``start < first_year <= end``, in words (:func:`breaks_phrase`:
    ``2008、2013年经济普查``; ``""`` for none)."""
    from jbanalysis.registry.breaks import crossed_breaks
    from jbanalysis.registry.districts import load_districts
    from jbanalysis.text.sentences.common import breaks_phrase

    where = district if district in set(load_districts()["id"]) else None
    try:
        rows = crossed_breaks(indicator, start, end, where)
    except (KeyError, ValueError):
        return ""
    return breaks_phrase(rows, lang)


def _join(parts: list[str], lang: str) -> str:
    return fm.join(parts, lang)  # "a, b and c": a bare comma list reads as one clause in English


def _last_value_note(
    year: int, flags: Mapping | None, reliability: Mapping | None, lang: str
) -> str:
    notes = []
    flags = {} if flags is None else flags
    reliability = {} if reliability is None else reliability
    flag = flags.get(year)
    if isinstance(flag, str) and flag in _FLAG_WORDS:
        zh, en = _FLAG_WORDS[flag]
        notes.append(_pick(f"{year}年的值为{zh}", f"the {year} value is {en}", lang))
    rel = reliability.get(year)
    if rel == "low":
        notes.append(
            _pick(
                f"{year}年的值来源可靠性低",
                f"the {year} value rests on a low-reliability source",
                lang,
            )
        )
    return _pick("，".join(notes), "; ".join(notes), lang)


def forecast_sentence(
    forecast: pd.DataFrame,
    district: str,
    indicator: str,
    lang: str = "zh",
    *,
    flags: Mapping | None = None,
    reliability: Mapping | None = None,
) -> str:
    """The last forecast year's median and 80 % interval, the fit, breaks and the last value.

    Parameters
    ----------
    forecast : DataFrame
        A :func:`jbanalysis.forecast.forecast` table (its last row is said).
    district, indicator : str
        Ids.
    flags, reliability : mapping of year to str, optional
        The panel's ``flag`` and ``reliability`` by year: a last fitted value that is not a plain
        observation, or rests on a low-reliability source, is named.

    Examples
    --------
    >>> f = pd.DataFrame({"year": [2023, 2024], "median": [1700.0, 1800.4],
    ...                   "lo80": [1600.0, 1650.2], "hi80": [1800.0, 1950.6],
    ...                   "model": "recent_drift", "fit_start": 2005, "fit_end": 2022})
    >>> forecast_sentence(f, "jiangbei", "gdp", flags={2022: "corrected"})
    '按近期漂移（近四年变化量的中位数）模型（拟合2005–2022年；拟合期跨2008、2013、2018年经济普查，此前年份已换算到新口径），2024年江北区地区生产总值中位预测为1800.4亿元（现价），80%区间为1650.2亿元至1950.6亿元（预测期跨2023年经济普查：预测按现口径，未计入届时的修订；2022年的值为更正值）。'
    >>> forecast_sentence(f, "jiangbei", "gdp", "en")
    "With the recent drift (median of the last four changes) model (fitted on 2005–2022, across the 2008, 2013 and 2018 economic censuses, earlier years re-levelled onto the new basis), the median forecast of Jiangbei's nominal GDP for 2024 is CNY 180.0 bn, 80% interval CNY 165.0 bn to CNY 195.1 bn (the forecast period crosses the 2023 economic census: the forecast is on the current basis and includes no revision)."
    """
    row = forecast.iloc[-1]
    unit = fm.indicator_unit(indicator)
    start, end, year = int(row["fit_start"]), int(row["fit_end"]), int(row["year"])
    model = model_name(str(row["model"]), lang)
    med = fm.fmt_value(float(row["median"]), unit, lang)
    if _is_money(indicator):
        med = _pick(f"{med}（现价）", med, lang)
    lo, hi = (fm.fmt_value(float(row[c]), unit, lang) for c in ("lo80", "hi80"))
    inside = _breaks_between(indicator, district, start, end, lang)
    ahead = _breaks_between(indicator, district, end, year, lang)
    fit_zh, fit_en = f"拟合{start}–{end}年", f"fitted on {start}–{end}"
    if inside:
        fit_zh += f"；拟合期跨{inside}，此前年份已换算到新口径"
        fit_en += f", across {inside}, earlier years re-levelled onto the new basis"
    sentence = _pick(
        f"按{model}模型（{fit_zh}），{year}年{_subject(district, indicator, lang, False)}中位预测为"
        f"{med}，"
        f"80%区间为{lo}至{hi}。",
        f"With the {model} model ({fit_en}), the median forecast of "
        f"{_subject(district, indicator, lang)} for {year} is {med}, 80% interval {lo} to {hi}.",
        lang,
    )
    notes = []
    if ahead:
        notes.append(
            _pick(
                f"预测期跨{ahead}：预测按现口径，未计入届时的修订",
                f"the forecast period crosses {ahead}: the forecast is on the "
                "current basis and includes no revision",
                lang,
            )
        )
    last = _last_value_note(end, flags, reliability, lang)
    if last:
        notes.append(last)
    return fm.with_note(sentence, _pick("；".join(notes), "; ".join(notes), lang), lang)


def selection_sentence(
    label: str, mase: float, n_origins: int, lang: str = "zh", min_origins: int = 3
) -> str:
    """Which model the backtest chose and how it scored, or that it had too few origins.

    ``min_origins`` is the fewest origins on which a choice by backtest error is trusted
    (:data:`jbanalysis.forecast.MIN_ORIGINS_TO_SELECT`); below it nothing is chosen.

    >>> selection_sentence("recent_drift", 0.457, 3, "en")
    'The backtest over 3 forecast origins chose recent drift (median of the last four changes) (MASE 0.46: its errors average 0.46 times the mean yearly change).'
    >>> selection_sentence("naive", 0.3, 1)
    '回测只有1个预测起点，不足以据误差选择模型（至少需要3个）；预测采用默认模型，见图下说明。'
    """
    if n_origins < min_origins:
        return _pick(
            f"回测只有{n_origins}个预测起点，不足以据误差选择模型（至少需要{min_origins}个）；"
            "预测采用默认模型，见图下说明。",
            f"Only {n_origins} backtest origin(s): too few to choose a model by its errors "
            f"(at least {min_origins}); the forecast uses the default model named in the notes "
            "under its chart.",
            lang,
        )
    model = model_name(label, lang)
    return _pick(
        f"在{n_origins}个预测起点上的回测选择了{model}（MASE {mase:.2f}：误差平均为年均变化量的"
        f"{mase:.2f}倍）。",
        f"The backtest over {n_origins} forecast origins chose {model} (MASE {mase:.2f}: its "
        f"errors average {mase:.2f} times the mean yearly change).",
        lang,
    )


def _calibration_reasons(cal, lang: str) -> list[str]:
    """Why a calibration is not calibrated, in words of ``lang`` (from its fields)."""
    from jbanalysis.forecast.evaluate import (
        CALIBRATED_BANDS,
        MIN_ERRORS_TO_CALIBRATE,
        MIN_ORIGINS_TO_SELECT,
    )

    out = []
    if cal.n_origins < MIN_ORIGINS_TO_SELECT:
        return [
            _pick(
                f"回测起点只有{cal.n_origins}个（至少需要{MIN_ORIGINS_TO_SELECT}个）",
                f"only {cal.n_origins} backtest origin(s) (at least {MIN_ORIGINS_TO_SELECT})",
                lang,
            )
        ]
    if cal.n_errors < MIN_ERRORS_TO_CALIBRATE:
        out.append(
            _pick(
                f"回测预测只有{cal.n_errors}个（至少需要{MIN_ERRORS_TO_CALIBRATE}个）",
                f"only {cal.n_errors} backtest forecasts (at least {MIN_ERRORS_TO_CALIBRATE})",
                lang,
            )
        )
    if math.isfinite(cal.mase_naive) and cal.mase > cal.mase_naive:
        out.append(_pick("模型不如朴素预测", "the model is worse than naive", lang))
    for lv, c in cal.coverage.items():
        lo, hi = CALIBRATED_BANDS.get(lv, (lv - 10, lv + 10))
        slack = 200 * math.sqrt(lv / 100 * (1 - lv / 100) / max(cal.n_errors, 1))
        if not lo - slack <= c <= hi + slack:
            out.append(
                _pick(
                    f"{lv:g}%区间覆盖{c:.0f}%（应在{lo:g}–{hi:g}%）",
                    f"the {lv:g}% interval held {c:.0f}% (should be {lo:g}–{hi:g}%)",
                    lang,
                )
            )
    return out


def quality_sentence(forecast: pd.DataFrame, lang: str = "zh") -> str:
    """How good the forecast's model was in its backtest, in words.

    Says the backtest MASE of the model and of naive, how often its intervals held, whether they
    were widened, and plainly when no trend model beat naive.

    Examples
    --------
    >>> from jbanalysis.forecast import Calibration
    >>> c = Calibration(1.3, 10, 27, {80: 70.4, 95: 85.2}, {80: 85.2, 95: 96.3}, 0.82, 1.9,
    ...                 True, "")
    >>> f = pd.DataFrame({"model": ["recent_drift"]})
    >>> f.attrs["calibration"] = c
    >>> quality_sentence(f)
    '回测（10个起点、27个预测）中，近期漂移（近四年变化量的中位数）的平均误差为年均变化量的0.82倍（MASE），朴素预测为1.90倍；模型自身的区间偏窄，已按回测误差放宽1.30倍，放宽后80%区间覆盖85%、95%区间覆盖96%：区间经回测校准。'
    >>> quality_sentence(f, "en")
    "In the backtest (10 origins, 27 forecasts) the recent drift (median of the last four changes)'s errors averaged 0.82 times the mean yearly change (MASE), naive's 1.90; the model's own intervals were too narrow and were widened 1.30 times from the backtest errors, after which the 80% interval held 85% and the 95% interval 96%: the intervals are calibrated on the backtest."
    """
    cal = forecast.attrs.get("calibration")
    label = str(forecast["model"].iloc[0])
    model = model_name(label, lang)
    if cal is None or cal.n_origins == 0 or not cal.coverage:
        why = _calibration_reasons(cal, lang) if cal is not None else []
        return _pick(
            f"{model}未经回测检验（{_join(why, 'zh') or '未做回测'}）：区间是模型自身的，未经校准。",
            f"The {model} was not checked in a backtest ({_join(why, 'en') or 'none run'}): "
            "its intervals are the model's own, not calibrated.",
            lang,
        )
    cov = {lv: f"{c:.0f}%" for lv, c in cal.coverage.items()}
    worse = math.isfinite(cal.mase_naive) and cal.mase > cal.mase_naive
    head = _pick(
        f"回测（{cal.n_origins}个起点、{cal.n_errors}个预测）中，{model}的平均误差为年均变化量的"
        f"{cal.mase:.2f}倍（MASE），朴素预测为{cal.mase_naive:.2f}倍",
        f"In the backtest ({cal.n_origins} origins, {cal.n_errors} forecasts) the {model}'s "
        f"errors averaged {cal.mase:.2f} times the mean yearly change (MASE), naive's "
        f"{cal.mase_naive:.2f}",
        lang,
    )
    if label == "naive":
        head += _pick(
            "；没有可用的趋势模型优于朴素预测，预测沿用最后一年的值",
            "; no available trend model beat naive, so the forecast carries the last value forward",
            lang,
        )
    elif worse:
        head += _pick("；该模型不如朴素预测", "; this model is worse than the naive forecast", lang)
    c80, c95 = cov.get(80, "–"), cov.get(95, "–")
    if cal.widened:
        body = _pick(
            f"；模型自身的区间偏窄，已按回测误差放宽{cal.factor:.2f}倍，放宽后80%区间覆盖{c80}、"
            f"95%区间覆盖{c95}",
            f"; the model's own intervals were too narrow and were widened {cal.factor:.2f} "
            f"times from the backtest errors, after which the 80% interval held {c80} and the "
            f"95% interval {c95}",
            lang,
        )
    else:
        body = _pick(
            f"；80%区间覆盖{c80}、95%区间覆盖{c95}",
            f"; the 80% interval held {c80} and the 95% interval {c95}",
            lang,
        )
    if cal.calibrated:
        tail = _pick("：区间经回测校准。", ": the intervals are calibrated on the backtest.", lang)
    else:
        why = _calibration_reasons(cal, lang)
        tail = _pick(
            f"：区间未达校准标准（{_join(why, 'zh')}），概率不可估计。",
            f": the intervals are not calibrated ({_join(why, 'en')}), so no probability is "
            "estimable.",
            lang,
        )
    return head + body + tail


def target_sentence(check, district: str, indicator: str, lang: str = "zh") -> str:
    """A :class:`jbanalysis.forecast.TargetCheck` in words: required growth, trend, probability.

    Growth of money levels is nominal and said so; a historical window that crosses a registered
    break says so; the probability is said only where it is estimable.

    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"basis": ["required", "historical 5 years"], "cagr": [14.87, 10.0],
    ...                   "note": ["", ""], "start_year": [2022, 2017], "end_year": [2027, 2022]})
    >>> c = SimpleNamespace(last_year=2022, last_value=146.41, target_year=2027,
    ...                     target_value=292.82, required_cagr=14.87, probability=0.031, table=t,
    ...                     probability_note="")
    >>> target_sentence(c, "jiangbei", "retail_sales", "en")
    "To reach CNY 29.3 bn by 2027 from CNY 14.6 bn in 2022, Jiangbei's nominal retail sales of consumer goods must grow 14.9% a year (nominal), against 10.0% a year over 2017–2022 (across the 2019 definition change: partly a change of basis); the forecast gives it a 3% chance."
    >>> c.probability, c.probability_note = float("nan"), "x"
    >>> target_sentence(c, "jiangbei", "retail_sales")
    '要在2027年由2022年的146.4亿元达到292.8亿元，江北区社会消费品零售总额（现价）需名义年均增长14.9%，2017–2022年名义年均增长10.0%（跨2019年口径变化，部分反映口径变化）；达成概率不可估计：该序列的预测区间未经回测校准。'
    """
    unit = fm.indicator_unit(indicator)
    money = _is_money(indicator)
    word_zh = "名义年均增长" if money else "年均增长"
    tag_en = " (nominal)" if money else ""
    hist = check.table[check.table["basis"].str.startswith("historical")].dropna(subset=["cagr"])
    trend_zh = trend_en = ""
    if len(hist):
        row = hist.iloc[-1]
        start, end = int(row["start_year"]), int(row["end_year"])
        crossed = _breaks_between(indicator, district, start, end, "zh")
        crossed_en = _breaks_between(indicator, district, start, end, "en")
        trend_zh = f"，{start}–{end}年{word_zh}{fm.fmt_pct(row['cagr'])}"
        trend_en = f", against {fm.fmt_pct(row['cagr'])} a year over {start}–{end}"
        if crossed:
            trend_zh += f"（跨{crossed}，部分反映口径变化）"
            trend_en += f" (across {crossed_en}: partly a change of basis)"
    target = fm.fmt_value(check.target_value, unit, lang)
    last = fm.fmt_value(check.last_value, unit, lang)
    prob = float(check.probability)
    if math.isfinite(prob):
        chance_zh = f"按预测分布，达成概率约{100 * prob:.0f}%"
        chance_en = f"the forecast gives it a {100 * prob:.0f}% chance"
    else:
        chance_zh = "达成概率不可估计：该序列的预测区间未经回测校准"
        chance_en = (
            "the chance is not estimable: this series' intervals are not calibrated on its backtest"
        )
    return _pick(
        f"要在{check.target_year}年由{check.last_year}年的{last}达到{target}，"
        f"{_subject(district, indicator, 'zh')}需{word_zh}{fm.fmt_pct(check.required_cagr)}"
        f"{trend_zh}；{chance_zh}。",
        f"To reach {target} by {check.target_year} from {last} in {check.last_year}, "
        f"{_subject(district, indicator, 'en')} must grow {fm.fmt_pct(check.required_cagr)} a "
        f"year{tag_en}{trend_en}; {chance_en}.",
        lang,
    )


def outturn_sentence(outturn: pd.DataFrame, district: str, indicator: str, lang: str = "zh") -> str:
    """Forecast against what was later published (:func:`jbanalysis.forecast.outturn`).

    >>> o = pd.DataFrame({"year": [2023], "actual": [1761.0], "median": [1716.9],
    ...                   "error_pct": [2.57], "inside80": [True], "inside95": [True]})
    >>> outturn_sentence(o, "jiangbei", "gdp")
    '已有公布值可对照：2023年江北区地区生产总值（现价）为1761.0亿元，预测中位数1716.9亿元，实际比预测高2.6%，在80%区间内。'
    >>> outturn_sentence(o.iloc[:0], "jiangbei", "gdp", "en")
    'No published value yet for the forecast years: the forecast cannot be checked against an outturn.'
    """
    if outturn.empty:
        return _pick(
            "预测年份尚无公布值，无法与实际值对照。",
            "No published value yet for the forecast years: the forecast cannot be checked "
            "against an outturn.",
            lang,
        )
    unit = fm.indicator_unit(indicator)
    parts = []
    for _, r in outturn.iterrows():
        actual = fm.fmt_value(float(r["actual"]), unit, lang)
        med = fm.fmt_value(float(r["median"]), unit, lang)
        err = float(r["error_pct"])
        where = (
            _pick("在80%区间内", "inside the 80% interval", lang)
            if r["inside80"]
            else _pick(
                "在80%区间外、95%区间内", "outside the 80% but inside the 95% interval", lang
            )
            if r["inside95"]
            else _pick("在95%区间之外", "outside the 95% interval", lang)
        )
        side_zh = "高" if err >= 0 else "低"
        side_en = "above" if err >= 0 else "below"
        parts.append(
            _pick(
                f"{int(r['year'])}年{_subject(district, indicator, 'zh')}为{actual}，预测中位数{med}，"
                f"实际比预测{side_zh}{abs(err):.1f}%，{where}",
                f"in {int(r['year'])} {_subject(district, indicator, 'en')} was {actual} against a "
                f"median forecast of {med}, {abs(err):.1f}% {side_en} it, {where}",
                lang,
            )
        )
    return _pick(
        f"已有公布值可对照：{'；'.join(parts)}。",
        f"Published values to check against: {'; '.join(parts)}.",
        lang,
    )


#: Column heads of the report's tables: key -> (zh, en).
COLUMN_WORDS: dict[str, tuple[str, str]] = {
    "indicator": ("指标", "indicator"),
    "year": ("年份", "year"),
    "origins": ("回测起点数", "origins"),
    "forecasts": ("回测预测数", "forecasts"),
    "MASE": ("MASE", "MASE"),
    "MASE_naive": ("朴素预测MASE", "naive MASE"),
    "coverage80_model": ("80%区间覆盖率（模型自身，%）", "80% coverage, model's own (%)"),
    "coverage95_model": ("95%区间覆盖率（模型自身，%）", "95% coverage, model's own (%)"),
    "coverage80": ("80%区间覆盖率（%）", "80% coverage (%)"),
    "coverage95": ("95%区间覆盖率（%）", "95% coverage (%)"),
    "widening": ("区间放宽倍数", "widening"),
    "actual": ("公布值", "published"),
    "median": ("预测中位数", "median forecast"),
    "error_pct": ("偏差（%）", "error (%)"),
    "inside80": ("在80%区间内", "inside 80%"),
    "inside95": ("在95%区间内", "inside 95%"),
    "basis": ("依据", "basis"),
    "start_year": ("起始年", "from"),
    "end_year": ("终止年", "to"),
    "cagr": ("年均增长率（%）", "CAGR (%)"),
    "value_at_target_year": ("目标年数值", "value in the target year"),
    "note": ("说明", "note"),
}


def table_columns(lang: str = "zh") -> dict[str, str]:
    """Column heads of the forecast report's tables in ``lang`` (for ``DataFrame.rename``).

    >>> table_columns("zh")["error_pct"], table_columns("en")["inside80"]
    ('偏差（%）', 'inside 80%')
    """
    i = 0 if check_lang(lang) == "zh" else 1
    return {k: v[i] for k, v in COLUMN_WORDS.items()}


def fit_span(forecast: pd.DataFrame, lang: str = "zh") -> str:
    """Which years a forecast was made from, in words, bracketed as the language brackets.

    >>> f = pd.DataFrame({"fit_start": [2005], "fit_end": [2020]})
    >>> fit_span(f), fit_span(f, "en")
    ('（据2005–2020年数据预测）', ' (forecast from 2005–2020)')
    """
    start, end = int(forecast["fit_start"].iloc[0]), int(forecast["fit_end"].iloc[0])
    return _pick(f"（据{start}–{end}年数据预测）", f" (forecast from {start}–{end})", lang)


def target_table(check, lang: str = "zh") -> pd.DataFrame:
    """A :class:`~jbanalysis.forecast.TargetCheck` table with its words in ``lang``.

    >>> t = pd.DataFrame({"basis": ["required", "historical 3 years", "forecast (naive) median"],
    ...                   "start_year": [2022] * 3, "end_year": [2027] * 3, "cagr": [1.0] * 3,
    ...                   "value_at_target_year": [2.0] * 3,
    ...                   "note": ["", "crosses the registered break at 2019: partly a change of basis", ""]})
    >>> from types import SimpleNamespace
    >>> target_table(SimpleNamespace(table=t))["依据"].tolist()
    ['所需增长', '近3年历史增长', '预测中位数（朴素预测（沿用最后一年的值））']
    """
    import re

    table = check.table.copy()
    if check_lang(lang) == "zh":

        def basis(text: str) -> str:
            if text == "required":
                return "所需增长"
            if m := re.fullmatch(r"historical (\d+) years", text):
                return f"近{m.group(1)}年历史增长"
            if m := re.fullmatch(r"forecast \((.+)\) (median|mean)", text):
                what = "中位数" if m.group(2) == "median" else "均值"
                return f"预测{what}（{model_name(m.group(1), 'zh')}）"
            return text

        def note(text: str) -> str:
            if m := re.fullmatch(
                r"crosses the registered break at (.+): partly a change of basis", text
            ):
                return f"跨{m.group(1)}年口径断裂，部分反映口径变化"
            if m := re.fullmatch(r"no value for (\d+)", text):
                return f"{m.group(1)}年无数据"
            return text

        table["basis"] = table["basis"].map(basis)
        table["note"] = table["note"].map(note)
    return table.rename(columns=table_columns(lang))
