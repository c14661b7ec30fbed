"""Report 04: the forecast of a fan chart in words (median, 80 % interval, fit, breaks)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from jbanalysis.text.labels import indicator_unit
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years, with_note
from jbanalysis.text.numbers import fmt_value
from jbanalysis.text.sentences.forecasts.words import (
    breaks_between,
    is_money,
    last_value_note,
    model_name,
    subject,
)


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
    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.fan import forecast_sentence
    >>> f = pd.DataFrame({"year": [2023, 2024], "median": [1700.0, 1800.4],
    ...                   "lo80": [1600.0, 1650.2], "hi80": [1800.0, 1950.6],
    ...                   "model": "recent_drift", "fit_start": 2005, "fit_end": 2022})
    >>> forecast_sentence(f, "jiangbei", "gdp", flags={2022: "corrected"})
    '按近期漂移（近四年变化量的中位数）模型（拟合2005–2022年；拟合期跨2008、2013、2018年经济普查和2018年口径变化，此前年份已换算到新口径），2024年江北区地区生产总值中位预测为1800.4亿元（现价），80%区间为1650.2亿元至1950.6亿元（预测期跨2023年经济普查：预测按现口径，未计入届时的修订；2022年的值为更正值）。'
    >>> forecast_sentence(f, "jiangbei", "gdp", "en")
    "With the recent drift (median of the last four changes) model (fitted on 2005–2022, across the 2008, 2013 and 2018 economic censuses and the 2018 definition change, earlier years re-levelled onto the new basis), the median forecast of Jiangbei's nominal GDP for 2024 is CNY 180.0 bn, 80% interval CNY 165.0 bn to CNY 195.1 bn (the forecast period crosses the 2023 economic census: the forecast is on the current basis and includes no revision)."
    """
    row = forecast.iloc[-1]
    unit = indicator_unit(indicator)
    start, end, year = int(row["fit_start"]), int(row["fit_end"]), int(row["year"])
    model = model_name(str(row["model"]), lang)
    med = fmt_value(float(row["median"]), unit, lang)
    if is_money(indicator):
        med = pick(f"{med}（现价）", med, lang)
    lo, hi = (fmt_value(float(row[c]), unit, lang) for c in ("lo80", "hi80"))
    inside = breaks_between(indicator, district, start, end, lang)
    ahead = breaks_between(indicator, district, end, year, lang)
    fit_zh, fit_en = f"拟合{start}–{end}年", f"fitted on {start}–{end}"
    fitted = forecast.attrs.get("fit_years")
    skipped = [y for y in range(start, end + 1) if fitted is not None and y not in fitted]
    if skipped:
        listed = fmt_years(skipped, lang)
        fit_zh += f"，跨过缺数的{listed}年"
        fit_en += (
            f", stepping over {listed}, which {'has' if len(skipped) == 1 else 'have'} no value"
        )
    if inside:
        fit_zh += f"；拟合期跨{inside}，此前年份已换算到新口径"
        fit_en += f", across {inside}, earlier years re-levelled onto the new basis"
    sentence = pick(
        f"按{model}模型（{fit_zh}），{year}年{subject(district, indicator, lang, False)}中位预测为"
        f"{med}，"
        f"80%区间为{lo}至{hi}。",
        f"With the {model} model ({fit_en}), the median forecast of "
        f"{subject(district, indicator, lang)} for {year} is {med}, 80% interval {lo} to {hi}.",
        lang,
    )
    notes = []
    if ahead:
        notes.append(
            pick(
                f"预测期跨{ahead}：预测按现口径，未计入届时的修订",
                f"the forecast period crosses {ahead}: the forecast is on the "
                "current basis and includes no revision",
                lang,
            )
        )
    last = last_value_note(end, flags, reliability, lang)
    if last:
        notes.append(last)
    return with_note(sentence, pick("；".join(notes), "; ".join(notes), lang), lang)


def stale_sentence(forecast: pd.DataFrame, lang: str = "zh") -> str:
    """How old the data are: the last observed year, today's, and the forecast years already past.

    A forecast year the data hold (its ``actual`` column: the report's window ended before the
    data do, e.g. ``--end-year``, or the user added the outturn) is said to have a published
    value, to be set against the forecast (:func:`~.targets.outturn_sentence`), never "not yet in
    the data".

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.fan import stale_sentence
    >>> f = pd.DataFrame({"year": [2021, 2022, 2026], "past": [True, True, False]})
    >>> f.attrs.update(last_observed=2020, today="2026-12-06")
    >>> stale_sentence(f)
    '数据截至2020年，现为2026年：2021–2022年已经过去，但尚无数据，图表中这几年的数值也是预测。'
    >>> stale_sentence(f, "en")
    'The data end in 2020 and it is now 2026: 2021–2022 are past years, not yet in the data, so their values here are forecasts too.'
    >>> g = pd.DataFrame({"year": [2027], "past": [False]})
    >>> g.attrs.update(last_observed=2026, today="2027-03-01")
    >>> stale_sentence(g, "en")
    'The data end in 2026 and it is now 2027.'
    >>> f["actual"] = [75.0, None, None]  # an outturn of 2021 beyond the report's window
    >>> stale_sentence(f)
    '预测所用数据截至2020年，现为2026年：2021年已有公布值，与预测的对照见下；2022年已经过去，但尚无数据，图表中这一年的数值也是预测。'
    >>> stale_sentence(f, "en")
    'The forecast uses the data to 2020 and it is now 2026: 2021 has a published value, set against the forecast below; 2022 is a past year, not yet in the data, so its value here is a forecast too.'
    """
    last, now = forecast.attrs["last_observed"], int(str(forecast.attrs["today"])[:4])
    held = forecast["actual"].notna() if "actual" in forecast else pd.Series(False, forecast.index)
    published = [int(y) for y in forecast.loc[held, "year"]]
    past = (
        [int(y) for y in forecast.loc[forecast["past"] & ~held, "year"]]
        if "past" in forecast
        else []
    )
    if published:
        one = len(published) == 1
        zh = (
            f"预测所用数据截至{last}年，现为{now}年：{fmt_years(published, 'zh')}年已有公布值，"
            "与预测的对照见下"
        )
        en = (
            f"The forecast uses the data to {last} and it is now {now}: "
            f"{fmt_years(published, 'en')} {'has a published value' if one else 'have published values'}"
            ", set against the forecast below"
        )
        zh_sep, en_sep = "；", "; "
    else:
        zh, en = f"数据截至{last}年，现为{now}年", f"The data end in {last} and it is now {now}"
        zh_sep, en_sep = "：", ": "
    if not past:
        return pick(zh + "。", en + ".", lang)
    span = fmt_years(past, lang)
    one = len(past) == 1
    return pick(
        f"{zh}{zh_sep}{span}年已经过去，但尚无数据，图表中"
        f"{'这一年' if one else '这几年'}的数值也是预测。",
        f"{en}{en_sep}{span} "
        f"{'is a past year' if one else 'are past years'}, not yet in the data, so "
        f"{'its value' if one else 'their values'} here {'is a forecast' if one else 'are forecasts'} too.",
        lang,
    )


def fit_span(forecast: pd.DataFrame, lang: str = "zh") -> str:
    """Which years a forecast was made from, in words, bracketed as the language brackets.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.fan import fit_span
    >>> f = pd.DataFrame({"fit_start": [2005], "fit_end": [2020]})
    >>> fit_span(f), fit_span(f, "en")
    ('（据2005–2020年数据预测）', ' (forecast from 2005–2020)')
    """
    start, end = int(forecast["fit_start"].iloc[0]), int(forecast["fit_end"].iloc[0])
    return pick(f"（据{start}–{end}年数据预测）", f" (forecast from {start}–{end})", lang)
