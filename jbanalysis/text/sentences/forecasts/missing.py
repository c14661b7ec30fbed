"""Report 04: why a series has no forecast (or no outturn check), said in the report's language.

The reason comes from :class:`jbanalysis.forecast.SeriesError` (a key and its numbers), so a
series that cannot be forecast is a sentence, never a failed report or an English message in a
Chinese one.
"""

from __future__ import annotations

from jbanalysis.text.labels import indicator_name
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years

__all__ = ["unavailable_sentence"]


def unavailable_sentence(indicator: str, error: Exception, lang: str = "zh") -> str:
    """Why ``indicator`` has no forecast (or outturn check), from the error that said so.

    Examples
    --------
    >>> from jbanalysis.forecast import SeriesError
    >>> from jbanalysis.text.sentences.forecasts.missing import unavailable_sentence
    >>> err = SeriesError("...", "too_few", n=2, needed=3, years=[2015, 2022])
    >>> unavailable_sentence("retail_sales", err)
    '社会消费品零售总额：只有2个数值（2015、2022年），至少需要3个，无法预测。'
    >>> unavailable_sentence("retail_sales", err, "en")
    'Retail sales of consumer goods: only 2 values (2015, 2022), at least 3 are needed, so there is no forecast.'
    >>> unavailable_sentence("gdp", SeriesError("...", "too_few_to_hold_out", n=4, held=2), "en")
    'GDP: 4 values leave fewer than 3 to fit once the latest 2 years are held out, so there is no check against outturn.'
    """
    name = indicator_name(indicator, lang)
    fields = getattr(error, "fields", {})
    reason = getattr(error, "reason", "")
    if reason == "too_few":
        n, needed = fields["n"], fields["needed"]
        years = fields.get("years") or []
        zh_years = f"（{fmt_years(years, 'zh')}年）" if years else ""
        en_years = f" ({fmt_years(years, 'en')})" if years else ""
        return pick(
            f"{name}：只有{n}个数值{zh_years}，至少需要{needed}个，无法预测。",
            f"{name}: only {n} value{'s' if n != 1 else ''}{en_years}, at least {needed} are "
            "needed, so there is no forecast.",
            lang,
        )
    if reason == "no_values":
        return pick(
            f"{name}：数据中没有数值，无法预测。",
            f"{name}: the data hold no value, so there is no forecast.",
            lang,
        )
    if reason == "outside_domain":
        years = fields.get("years") or []
        return pick(
            f"{name}：{fmt_years(years, 'zh')}年的数值超出该指标可能的取值范围，请核对数据；无法预测。",
            f"{name}: the values of {fmt_years(years, 'en')} lie outside the values the indicator "
            "can take; check them in the data. No forecast.",
            lang,
        )
    if reason == "too_few_to_hold_out":
        n, held = fields["n"], fields["held"]
        return pick(
            f"{name}：只有{n}个数值，留出最近{held}年后不足3个，无法作预测与实际对照。",
            f"{name}: {n} values leave fewer than 3 to fit once the latest {held} years are held "
            "out, so there is no check against outturn.",
            lang,
        )
    return pick(
        f"{name}：该序列不满足预测条件，无法预测（原因见命令 jbanalysis forecast 的说明）。",
        f"{name}: the series does not allow a forecast (the command jbanalysis forecast says why).",
        lang,
    )
