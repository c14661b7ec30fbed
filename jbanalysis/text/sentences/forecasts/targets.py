"""Report 04: a target in words (required against historical growth, the chance), the
outturn against the forecast, and the target table in the report's language."""

from __future__ import annotations

import math

import pandas as pd

from jbanalysis.registry.terms import check_lang
from jbanalysis.text.labels import indicator_unit
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years
from jbanalysis.text.numbers import fmt_pct, fmt_value
from jbanalysis.text.sentences.forecasts.words import (
    breaks_between,
    is_money,
    model_name,
    subject,
    table_columns,
)


def target_sentence(check, district: str, indicator: str, lang: str = "zh") -> str:
    """A :class:`jbanalysis.forecast.TargetCheck` in words: required growth, trend, probability.

    Growth of money levels is nominal and said so; a historical window that crosses a registered
    break says so; the probability is said only where it is estimable.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.targets import target_sentence
    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"basis": ["required", "historical 5 years"], "cagr": [14.87, 10.0],
    ...                   "note": ["", ""], "start_year": [2022, 2017], "end_year": [2027, 2022]})
    >>> c = SimpleNamespace(last_year=2022, last_value=146.41, target_year=2027,
    ...                     target_value=292.82, required_cagr=14.87, probability=0.031, table=t,
    ...                     probability_note="")
    >>> target_sentence(c, "jiangbei", "retail_sales", "en")
    "To reach CNY 29.3 bn by 2027 from CNY 14.6 bn in 2022, Jiangbei's nominal retail sales of consumer goods must grow 14.9% a year (nominal), against 10.0% a year over 2017–2022 (across the 2018 and 2019 definition changes: partly a change of basis); the forecast gives it a 3% chance."
    >>> c.probability, c.probability_note = float("nan"), "x"
    >>> target_sentence(c, "jiangbei", "retail_sales")
    '要在2027年由2022年的146.4亿元达到292.8亿元，江北区社会消费品零售总额（现价）需名义年均增长14.9%，2017–2022年名义年均增长10.0%（跨2018、2019年口径变化，部分反映口径变化）；达成概率不可估计：该序列的预测区间未经回测校准。'
    """
    unit = indicator_unit(indicator)
    money = is_money(indicator)
    word_zh = "名义年均增长" if money else "年均增长"
    tag_en = " (nominal)" if money else ""
    hist = check.table[check.table["basis"].str.startswith("historical")].dropna(subset=["cagr"])
    trend_zh = trend_en = ""
    if len(hist):
        row = hist.iloc[-1]
        start, end = int(row["start_year"]), int(row["end_year"])
        crossed = breaks_between(indicator, district, start, end, "zh")
        crossed_en = breaks_between(indicator, district, start, end, "en")
        trend_zh = f"，{start}–{end}年{word_zh}{fmt_pct(row['cagr'])}"
        trend_en = f", against {fmt_pct(row['cagr'])} a year over {start}–{end}"
        if crossed:
            trend_zh += f"（跨{crossed}，部分反映口径变化）"
            trend_en += f" (across {crossed_en}: partly a change of basis)"
    target = fmt_value(check.target_value, unit, lang)
    last = fmt_value(check.last_value, unit, lang)
    prob = float(check.probability)
    if math.isfinite(prob):
        chance_zh = f"按预测分布，达成概率约{fmt_pct(100 * prob, digits=0)}"
        chance_en = f"the forecast gives it a {fmt_pct(100 * prob, digits=0)} chance"
    else:
        chance_zh = "达成概率不可估计：该序列的预测区间未经回测校准"
        chance_en = (
            "the chance is not estimable: this series' intervals are not calibrated on its backtest"
        )
    return pick(
        f"要在{check.target_year}年由{check.last_year}年的{last}达到{target}，"
        f"{subject(district, indicator, 'zh')}需{word_zh}{fmt_pct(check.required_cagr)}"
        f"{trend_zh}；{chance_zh}。",
        f"To reach {target} by {check.target_year} from {last} in {check.last_year}, "
        f"{subject(district, indicator, 'en')} must grow {fmt_pct(check.required_cagr)} a "
        f"year{tag_en}{trend_en}; {chance_en}.",
        lang,
    )


def outturn_sentence(outturn: pd.DataFrame, district: str, indicator: str, lang: str = "zh") -> str:
    """Forecast against what was later published (:func:`jbanalysis.forecast.outturn`).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.targets import outturn_sentence
    >>> o = pd.DataFrame({"year": [2023], "actual": [1761.0], "median": [1716.9],
    ...                   "error_pct": [2.57], "inside80": [True], "inside95": [True]})
    >>> outturn_sentence(o, "jiangbei", "gdp")
    '已有公布值可对照：2023年江北区地区生产总值（现价）为1761.0亿元，预测中位数1716.9亿元，实际比预测高2.6%，在80%区间内。'
    >>> outturn_sentence(o.iloc[:0], "jiangbei", "gdp", "en")
    'No published value yet for the forecast years: the forecast cannot be checked against an outturn.'
    """
    if outturn.empty:
        return pick(
            "预测年份尚无公布值，无法与实际值对照。",
            "No published value yet for the forecast years: the forecast cannot be checked "
            "against an outturn.",
            lang,
        )
    unit = indicator_unit(indicator)
    parts = []
    for _, r in outturn.iterrows():
        actual = fmt_value(float(r["actual"]), unit, lang)
        med = fmt_value(float(r["median"]), unit, lang)
        err = float(r["error_pct"])
        where = (
            pick("在80%区间内", "inside the 80% interval", lang)
            if r["inside80"]
            else pick("在80%区间外、95%区间内", "outside the 80% but inside the 95% interval", lang)
            if r["inside95"]
            else pick("在95%区间之外", "outside the 95% interval", lang)
        )
        side_zh = "高" if err >= 0 else "低"
        side_en = "above" if err >= 0 else "below"
        parts.append(
            pick(
                f"{int(r['year'])}年{subject(district, indicator, 'zh')}为{actual}，预测中位数{med}，"
                f"实际比预测{side_zh}{fmt_pct(abs(err))}，{where}",
                f"in {int(r['year'])} {subject(district, indicator, 'en')} was {actual} against a "
                f"median forecast of {med}, {fmt_pct(abs(err))} {side_en} it, {where}",
                lang,
            )
        )
    return pick(
        f"已有公布值可对照：{'；'.join(parts)}。",
        f"Published values to check against: {'; '.join(parts)}.",
        lang,
    )


def target_table(check, lang: str = "zh") -> pd.DataFrame:
    """A :class:`~jbanalysis.forecast.TargetCheck` table with its words in ``lang``.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.targets import target_table
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
    zh = check_lang(lang) == "zh"

    def basis(text: str) -> str:
        if text == "required":
            return pick("所需增长", "required growth", lang)
        if m := re.fullmatch(r"historical (\d+) years", text):
            return pick(f"近{m.group(1)}年历史增长", f"last {m.group(1)} years", lang)
        if m := re.fullmatch(r"forecast \((.+)\) (median|mean)", text):
            model = model_name(m.group(1), lang)
            if zh:
                return f"预测{'中位数' if m.group(2) == 'median' else '均值'}（{model}）"
            return f"forecast {m.group(2)} ({model})"
        return text

    def note(text: str) -> str:
        if m := re.fullmatch(
            r"crosses the registered break at (.+): partly a change of basis", text
        ):
            years = [int(y) for y in m.group(1).split(", ")]
            return pick(
                f"跨{fmt_years(years, 'zh')}年口径断裂，部分反映口径变化",
                f"crosses the registered break at {fmt_years(years, 'en')}: partly a change of "
                "basis",
                lang,
            )
        if m := re.fullmatch(r"no value for (\d+)", text):
            return pick(f"{m.group(1)}年无数据", f"no value for {m.group(1)}", lang)
        return text

    table["basis"] = table["basis"].map(basis)
    table["note"] = table["note"].map(note)
    return table.rename(columns=table_columns(lang))


def outturn_table(checks: dict, lang: str = "zh") -> pd.DataFrame:
    """The outturn tables of several indicators, stacked, heads and yes/no in ``lang``.

    ``checks`` maps an indicator to the ``(held, table)`` of
    :func:`jbanalysis.forecast.outturn_check`.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.forecasts.targets import outturn_table
    >>> t = pd.DataFrame({"year": [2023], "actual": [117.0], "median": [110.0],
    ...                   "error_pct": [6.36], "inside80": [False], "inside95": [True]})
    >>> outturn_table({"gdp": (None, t)}).to_dict("records")
    [{'公布值': 117.0, '预测中位数': 110.0, '偏差（%）': 6.36, '在80%区间内': '否', '在95%区间内': '是'}]
    """
    from jbanalysis.registry.terms import term
    from jbanalysis.text.labels import indicator_name

    heads = table_columns(lang)
    frames = {}
    for indicator, (_, table) in checks.items():
        table = table.set_index("year").copy()
        for column in ("inside80", "inside95"):
            if column in table:
                table[column] = [term(str(bool(v)), lang) for v in table[column]]
        frames[indicator_name(indicator, lang)] = table
    out = pd.concat(frames, names=[heads["indicator"], heads["year"]])
    return out.rename(columns=heads)
