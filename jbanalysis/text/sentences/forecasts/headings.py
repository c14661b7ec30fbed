"""Report 04's headings and the words around its tables and charts, in one language at a time.

Each text is typed once here, as ``(zh, en)``; the notebook shows the one of the report's
language (the notebook's first cell, for JupyterLab, is not part of the rendered report).
"""

from __future__ import annotations

from jbanalysis.text.headings import question
from jbanalysis.text.labels import indicator_name
from jbanalysis.text.lang import pick
from jbanalysis.text.numbers import fmt_number

__all__ = ["HEADINGS", "heading", "target_text"]

#: Headings and fixed paragraphs of report 04: key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "quality": ("## 1. 预测与回测质量", "## 1. Forecasts and how good they were in backtests"),
    "method": (
        "各序列从其最后一个观测年起预测。默认模型为阻尼趋势与ARIMA(1,1,0)的等权组合，对每个序列都相同，"
        "不按回测挑选；登记在册的口径断裂（经济普查、区划调整、统计范围与定义变化）之前的年份按新口径"
        "换算后保留，缺数的年份由模型跨过，不补数。预测区间按本序列的回测误差计算，数值始终落在该指标"
        "可能的取值范围内（总量不为负，比重在0–100%之间）；只有区间在样本外检验中覆盖率合格时才给出概率。",
        "Each series is forecast from its last observed year. The default model is an equal-weight "
        "mix of a damped trend and ARIMA(1,1,0), the same for every series, not chosen by its "
        "backtest; the years before a registered break (censuses, boundary, scope and definition "
        "changes) are kept, re-levelled onto the new basis, and a missing year is stepped over, "
        "never filled. The intervals come from the series' own backtest errors and stay within "
        "the values the indicator can take (a total never below zero, a share within 0–100%); a "
        "probability is given only where they held their level when checked out of sample.",
    ),
    "fan": ("## 2. 扇形图", "## 2. Fan charts"),
    "fan_key": (
        "灰色阴影为模型拟合所用的年份；深浅红色带为80%与95%预测区间。",
        "The grey band marks the years the model was fitted on; the red bands are the 80% and "
        "95% prediction intervals.",
    ),
    "outturn": ("## 3. 预测与实际对照", "## 3. Forecast against outturn"),
    "outturn_how": (
        "以较早的数据（不含最近两年）作出同样的预测，再与已公布的最近两年数值对照。",
        "The same forecast made from earlier data (without the latest two years), set against the "
        "values since published.",
    ),
    "target": ("## 4. 目标测算", "## 4. Target tracking"),
    "summary": ("## 要点", "## Summary"),
}


def heading(key: str, lang: str = "zh", district: str | None = None) -> str:
    """A heading or fixed paragraph of report 04 in ``lang``; ``"question"`` gives the report's
    question for ``district``.

    >>> from jbanalysis.text.sentences.forecasts.headings import heading
    >>> heading("fan", "en"), heading("summary")
    ('## 2. Fan charts', '## 要点')
    """
    if key == "question":
        return question("forecasts", lang, district)
    return pick(*HEADINGS[key], lang)


def target_text(indicator: str, multiple: float, years: int, lang: str = "zh") -> str:
    """The target the report tracks, in words (no parameter names).

    >>> from jbanalysis.text.sentences.forecasts.headings import target_text
    >>> target_text("retail_sales", 2.0, 10)
    '目标：社会消费品零售总额在最后一个观测年的基础上翻一番，期限为10年。只有当该序列的预测区间经回测校准时才给出达成概率。'
    >>> target_text("retail_sales", 1.5, 8, "en")
    "Target: retail sales of consumer goods at 1.5 times their last observed value within 8 years; a probability is given only where the series' intervals are calibrated on its backtest."
    """
    name_zh, name_en = indicator_name(indicator, "zh"), indicator_name(indicator, "en")
    name_en = name_en[0].lower() + name_en[1:] if name_en[1:2].islower() else name_en
    times_zh = "翻一番" if multiple == 2 else f"增至{fmt_number(multiple, 1)}倍"
    times_en = "double" if multiple == 2 else f"at {fmt_number(multiple, 1)} times"
    return pick(
        f"目标：{name_zh}在最后一个观测年的基础上{times_zh}，期限为{years}年。"
        "只有当该序列的预测区间经回测校准时才给出达成概率。",
        f"Target: {name_en} {times_en} their last observed value within {years} years; a "
        "probability is given only where the series' intervals are calibrated on its backtest.",
        lang,
    )
