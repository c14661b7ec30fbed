"""Words of report 04 that every sentence uses: model names, table heads, the subject of a
forecast (nominal for money), the breaks between two years and a note on the last value."""

from __future__ import annotations

from collections.abc import Mapping

from jbanalysis.registry.schema import CAVEAT_FLAGS, CAVEAT_VINTAGES
from jbanalysis.registry.terms import check_lang, term
from jbanalysis.text.labels import district_name, indicator_name, indicator_unit
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import join
from jbanalysis.text.sentences.common import caveat_words

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
    "holt_damped": ("阻尼趋势（Holt法）", "damped trend (Holt)"),
    "ar1_drift": ("带漂移的一阶自回归差分模型", "ARIMA(1,1,0) with drift"),
    # the default, jbanalysis.forecast.DEFAULT_MODEL: one name, not a list of its members
    "combo(holt_damped+ar1_drift)": (
        "阻尼趋势与ARIMA(1,1,0)的等权组合",
        "equal-weight mix of a damped trend and ARIMA(1,1,0)",
    ),
}


_MONEY_UNITS = ("cny_100m", "cny")


#: Flags and vintages a last fitted value is named for (its words: terms.csv, ``caveat_*``).
_NAMED = (*CAVEAT_FLAGS, *CAVEAT_VINTAGES)


def model_name(label: str, lang: str = "zh") -> str:
    """A model or combination (``combo(a+b)``) in words.

    >>> from jbanalysis.text.sentences.forecasts.words import model_name
    >>> model_name("recent_drift"), model_name("combo(naive+theta)", "en")
    ('近期漂移（近四年变化量的中位数）', 'equal-weight combination of naive (last value carried forward) and Theta method')
    """
    if label in MODEL_WORDS:
        return MODEL_WORDS[label][0 if check_lang(lang) == "zh" else 1]
    names = label.removeprefix("combo(").rstrip(")").split("+")
    words = [MODEL_WORDS[n][0 if check_lang(lang) == "zh" else 1] for n in names]
    if len(words) == 1:
        return words[0]
    return pick(
        f"{'、'.join(words)}的等权组合",
        f"equal-weight combination of {join(words, 'en')}",
        lang,
    )


def lead(indicator: str, lang: str = "zh", aside: str = "") -> str:
    """The bold indicator name that opens a paragraph, with an aside, and the colon of ``lang``.

    >>> from jbanalysis.text.sentences.forecasts.words import lead
    >>> lead("gdp"), lead("gdp", "en", " (forecast from 2005–2020)")
    ('**地区生产总值**：', '**GDP** (forecast from 2005–2020): ')
    """
    return pick(
        f"**{indicator_name(indicator, 'zh')}**{aside}：",
        f"**{indicator_name(indicator, 'en')}**{aside}: ",
        lang,
    )


def is_money(indicator: str) -> bool:
    return indicator_unit(indicator) in _MONEY_UNITS


def subject(district: str, indicator: str, lang: str, nominal_zh: bool = True) -> str:
    """江北区地区生产总值（现价） / Jiangbei's nominal GDP."""
    name, ind = district_name(district, lang), indicator_name(indicator, lang)
    if lang == "en" and len(ind) > 1 and ind[0].isupper() and ind[1].islower():
        ind = ind[0].lower() + ind[1:]  # "retail sales" inside a sentence, "GDP" stays
    if is_money(indicator):
        return pick(
            f"{name}{ind}" + ("（现价）" if nominal_zh else ""), f"{name}'s nominal {ind}", lang
        )
    return pick(f"{name}{ind}", f"{name}'s {ind}", lang)


def breaks_between(indicator: str, district: str, start: int, end: int, lang: str) -> str:
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


def last_value_note(
    year: int, flags: Mapping | None, reliability: Mapping | None, lang: str
) -> str:
    notes = []
    flags = {} if flags is None else flags
    reliability = {} if reliability is None else reliability
    flag = flags.get(year)
    if isinstance(flag, str) and flag in _NAMED:
        zh, en = caveat_words(flag, "zh"), caveat_words(flag, "en")
        notes.append(pick(f"{year}年的值{zh}", f"the {year} value is {en}", lang))
    rel = reliability.get(year)
    if rel == "low":
        notes.append(
            pick(
                f"{year}年的值来源{caveat_words('low', 'zh')}",
                f"the {year} value rests on a {term('low_reliability', 'en')} source",
                lang,
            )
        )
    return pick("，".join(notes), "; ".join(notes), lang)


#: Column heads of the report's tables: key -> (zh, en).
COLUMN_WORDS: dict[str, tuple[str, str]] = {
    "indicator": ("指标", "indicator"),
    "year": ("年份", "year"),
    "origins": ("回测起点数", "origins"),
    "forecasts": ("回测预测数", "forecasts"),
    "MASE": ("MASE", "MASE"),
    "MASE_naive": ("朴素预测MASE", "naive MASE"),
    "checked": ("样本外检验的预测数", "forecasts checked out of sample"),
    "coverage80_model": ("随机游走80%区间覆盖率（%）", "a random walk's 80% coverage (%)"),
    "coverage95_model": ("随机游走95%区间覆盖率（%）", "a random walk's 95% coverage (%)"),
    "coverage80": ("80%区间覆盖率（%）", "80% coverage (%)"),
    "coverage95": ("95%区间覆盖率（%）", "95% coverage (%)"),
    "widening": ("区间放宽倍数", "widening"),
    "factor": ("误差相对随机游走的倍数", "error over a random walk's"),
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

    >>> from jbanalysis.text.sentences.forecasts.words import table_columns
    >>> table_columns("zh")["error_pct"], table_columns("en")["inside80"]
    ('偏差（%）', 'inside 80%')
    """
    i = 0 if check_lang(lang) == "zh" else 1
    return {k: v[i] for k, v in COLUMN_WORDS.items()}
