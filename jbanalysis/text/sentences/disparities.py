"""Sentences of report 03's section on inequality and convergence: σ's path and its verdict
(:func:`dispersion_sentence`), β-convergence (:func:`beta_sentence`).

A verdict (converging / diverging) is drawn only from like-for-like changes: with
:func:`jbanalysis.metrics.path_verdict`, a stretch whose change sits mostly on registered breaks or
interpolated years says so instead (issue 18).
"""

from __future__ import annotations

import math

import pandas as pd

from jbanalysis.registry.terms import check_lang, has_term, term
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years, join, names
from jbanalysis.text.numbers import fmt_number
from jbanalysis.text.sentences.common import breaks_phrase

__all__ = ["beta_sentence", "dispersion_sentence"]


def dispersion_sentence(path, group: str, lang: str = "zh", verdict=None) -> str:
    """A :class:`jbanalysis.metrics.DispersionPath` in words: σ's path, turning points named.

    The verdict (converging / diverging) is that of the last stretch of the path, with the year it
    starts; a path with too many turns is said to fluctuate, without a verdict. With ``verdict``
    (:func:`jbanalysis.metrics.path_verdict`), a stretch whose change is not mostly in
    like-for-like years gets no verdict: the sentence says how much of it is, and names the
    breaks and interpolated years the rest sits on (issue 18).

    >>> import pandas as pd
    >>> from jbanalysis.metrics import dispersion_path
    >>> from jbanalysis.text.sentences.structure import dispersion_sentence
    >>> y = pd.DataFrame({"a": [1.0, 1.0, 1.0], "b": [1.8, 1.2, 1.5], "yuzhong": [1.0, 1.1, None]},
    ...                  index=[2005, 2011, 2020])
    >>> p = dispersion_path(y)
    >>> dispersion_sentence(p, "central")
    '中心城区九区中2个区（渝中区数据不全，未纳入）人均地区生产总值对数标准差由2005年的0.294降69%至2011年的0.091，此后升122%至2020年的0.203：2011年以来趋于发散。'
    >>> dispersion_sentence(p, "central", "en")
    'Dispersion of GDP per capita across 2 of the nine central districts (std of log values; Yuzhong left out: incomplete data) fell 69% from 0.294 in 2005 to 0.091 in 2011, then rose 122% to 0.203 in 2020: diverging since 2011.'

    The units of a registry group are named by what they hold (issue 18):

    >>> from jbanalysis.registry.districts import district_ids
    >>> nine = district_ids("central")
    >>> z = pd.DataFrame({d: [1.0 + i / 10, 1.0 + i / 8] for i, d in enumerate(nine)},
    ...                  index=[2019, 2020])
    >>> z.loc[2019, "yuzhong"] = None
    >>> dispersion_sentence(dispersion_path(z), "central", "en")
    'Dispersion of GDP per capita (std of log values) across 8 of the 9 central districts (no Yuzhong) rose 17% from 0.161 in 2019 to 0.188 in 2020: diverging since 2019.'
    >>> dispersion_sentence(dispersion_path(z), "central")
    '中心城区9区中的8区（不含渝中区）人均地区生产总值对数标准差由2019年的0.161升17%至2020年的0.188：2019年以来趋于发散。'

    When most of the rise is in years across breaks (here a made-up judgement of it):

    >>> from jbanalysis.metrics import PathVerdict
    >>> b = pd.DataFrame({"kind": ["economic_census"], "year": [2018], "first_year": [2019]})
    >>> v = PathVerdict(2011, 2020, "up", 0.112, 0.02, pd.DataFrame(), b, (2017,))
    >>> dispersion_sentence(p, "central", "en", verdict=v)
    'Dispersion of GDP per capita across 2 of the nine central districts (std of log values; Yuzhong left out: incomplete data) fell 69% from 0.294 in 2005 to 0.091 in 2011, then rose 122% to 0.203 in 2020: of its rise of 0.112 since 2011, only 0.020 is in like-for-like year-on-year changes; the rest is in years across the 2018 economic census or next to the interpolated values of 2017, so no verdict on divergence is drawn.'
    >>> dispersion_sentence(p, "central", verdict=v)
    '中心城区九区中2个区（渝中区数据不全，未纳入）人均地区生产总值对数标准差由2005年的0.294降69%至2011年的0.091，此后升122%至2020年的0.203：2011年以来上升0.112，其中可比的逐年变化仅占0.020，其余出现在跨2018年经济普查或紧邻2017年插值的年份，不据此判断趋于发散。'
    """
    from jbanalysis.metrics import SeriesPath
    from jbanalysis.text.sentences.versus import path_phrase

    check_lang(lang)
    label = term(group, lang) if has_term(group) else group
    sigma = path.sigma["sigma"].dropna()
    if sigma.empty or not path.segments:
        return pick(
            f"{label}的离散度无法计算。", f"Dispersion of {label} cannot be measured.", lang
        )
    n = len(path.kept)
    series_path = SeriesPath(
        path.segments,
        int(sigma.idxmin()),
        int(sigma.idxmax()),
        float(sigma.min()),
        float(sigma.max()),
        tuple(int(y) for y in path.sigma.index if pd.isna(path.sigma.at[y, "sigma"])),
    )
    phrase = path_phrase(series_path, lambda v: fmt_number(v, 3), lang, pct=True)
    left = list(path.left_out)
    left_note = ""
    if left and len(left) <= 3 and all(_is_district(d) for d in left):
        left_note = pick(
            f"（{names(left, 'zh')}数据不全，未纳入）",
            f"; {names(left, 'en')} left out: incomplete data",
            lang,
        )
    elif left:
        left_note = pick(
            f"（{len(left)}个单位数据不全，未纳入）",
            f"; {len(left)} units left out: incomplete data",
            lang,
        )
    last = path.segments[-1]
    verdict_zh = verdict_en = ""
    if not series_path.fluctuates and verdict is not None and not verdict.holds:
        verdict_zh, verdict_en = _no_verdict(verdict)
    elif not series_path.fluctuates:
        since = last.start
        if last.direction == "down":
            verdict_zh, verdict_en = f"：{since}年以来趋于收敛", f": converging since {since}"
        elif last.direction == "up":
            verdict_zh, verdict_en = f"：{since}年以来趋于发散", f": diverging since {since}"
        else:
            verdict_zh, verdict_en = f"：{since}年以来基本不变", f": about unchanged since {since}"
    who = _group_words(path, group, lang)
    if (
        who is not None
    ):  # named by what it holds (issue 18): "8 of the 9 central districts (no Yuzhong)"
        return pick(
            f"{who}人均地区生产总值对数标准差{phrase}{verdict_zh}。",
            f"Dispersion of GDP per capita (std of log values) across {who} {phrase}{verdict_en}.",
            lang,
        )
    if lang == "zh":
        return (
            f"{label}中{n}个区{left_note}人均地区生产总值对数标准差{phrase}{verdict_zh}。"
            if group == "central"
            else f"{label}中{n}个单位{left_note}人均地区生产总值对数标准差{phrase}{verdict_zh}。"
        )
    return (
        f"Dispersion of GDP per capita across {n} of {label} (std of log values{left_note}) "
        f"{phrase}{verdict_en}."
    )


def _units_words(units, lang: str) -> str | None:
    """The units of a fit named as the part of the city's districts and counties they are."""
    from jbanalysis.registry.districts import district_ids
    from jbanalysis.registry.groups import group_label

    if units is None or not set(units) <= set(district_ids("all")):
        return None
    return group_label(units, "all", lang)


def _group_words(path, group: str, lang: str) -> str | None:
    """The registry group σ covers, named by the units it holds; None for units that are not
    all members of a registry group (a user's own set keeps the plain count)."""
    from jbanalysis.registry.districts import GROUPS, district_ids
    from jbanalysis.registry.groups import group_label

    if group not in GROUPS:
        return None
    members = set(district_ids(group))
    if not set(path.kept) <= members or not set(path.left_out) <= members:
        return None
    return group_label(path.kept, group, lang)


def _no_verdict(verdict) -> tuple[str, str]:
    """The clause that replaces a verdict not drawn from like-for-like changes: (zh, en)."""
    up = verdict.change > 0
    size, clean = fmt_number(abs(verdict.change), 3), fmt_number(abs(verdict.clean), 3)
    if abs(verdict.clean) < 0.0005:  # what three printed decimals hide
        clean_zh, clean_en = (
            "合计近乎为零",
            "like-for-like year-on-year changes add up to about nothing",
        )
    elif verdict.clean * verdict.change > 0:
        clean_zh, clean_en = (
            f"仅占{clean}",
            f"only {clean} is in like-for-like year-on-year changes",
        )
    else:
        clean_zh = f"合计反而{'下降' if up else '上升'}{clean}"
        clean_en = (
            f"like-for-like year-on-year changes add up to a {'fall' if up else 'rise'} of {clean}"
        )
    where_zh, where_en = [], []
    if not verdict.breaks.empty:
        where_zh.append(f"跨{breaks_phrase(verdict.breaks, 'zh')}")
        where_en.append(f"across {breaks_phrase(verdict.breaks, 'en')}")
    if verdict.interpolated:
        where_zh.append(f"紧邻{fmt_years(verdict.interpolated, 'zh')}年插值")
        runs = fmt_years(verdict.interpolated, "en").split(", ")
        where_en.append(f"next to the interpolated values of {join(runs, 'en')}")
    return (
        f"：{verdict.start}年以来{'上升' if up else '下降'}{size}，其中可比的逐年变化{clean_zh}，"
        f"其余出现在{'或'.join(where_zh)}的年份，不据此判断{'趋于发散' if up else '趋于收敛'}",
        f": of its {'rise' if up else 'fall'} of {size} since {verdict.start}, {clean_en}; the rest "
        f"is in years {' or '.join(where_en)}, so no verdict on "
        f"{'divergence' if up else 'convergence'} is drawn",
    )


def _is_district(key: str) -> bool:
    from jbanalysis.registry.districts import load_districts

    return key in set(load_districts()["id"])


def beta_sentence(result, lang: str = "zh", breaks: pd.DataFrame | None = None, units=None) -> str:
    """A :class:`jbanalysis.metrics.BetaConvergence` in words: β, its significance, half-life,
    and the breaks its window crosses (growth of nominal per-capita values). With ``units``
    (the districts and counties fitted), they are named by what they hold ("37 of the 38
    districts and counties of the city (no Yuzhong)").

    >>> from jbanalysis.metrics import BetaConvergence
    >>> from jbanalysis.text.sentences.structure import beta_sentence
    >>> r = BetaConvergence(beta=-0.02, intercept=0.3, speed=0.0211, half_life=32.9,
    ...                     r_squared=0.4, p_value=0.01, n=37, start=2005, end=2020)
    >>> beta_sentence(r, "en")
    'Across 37 units, 2005–2020, nominal growth of GDP per capita fell with the initial level (beta = -0.0200 a year, p = 0.010, significant at 5%): poorer units caught up, half-life 32.9 years.'
    >>> beta_sentence(r)
    '2005–2020年37个单位中，人均地区生产总值名义增长率随初始水平下降（β = -0.0200/年，p = 0.010，在5%水平显著）：低水平单位增长更快，差距减半约需32.9年。'
    >>> from jbanalysis.registry.districts import district_ids
    >>> units = [d for d in district_ids("all") if d != "yuzhong"]
    >>> beta_sentence(r, "en", units=units)[:90]
    'Across 37 of the 38 districts and counties of the city (no Yuzhong), 2005–2020, nominal gr'
    >>> beta_sentence(r, units=units)[:51]
    '2005–2020年，全市38个区县中的37个（不含渝中区）的人均地区生产总值名义增长率随初始水平下降'
    """
    check_lang(lang)
    span = f"{result.start}–{result.end}"
    significant = result.p_value < 0.05
    sig_zh = "在5%水平显著" if significant else "在5%水平不显著"
    sig_en = "significant at 5%" if significant else "not significant at 5%"
    if result.beta < 0 and significant and math.isfinite(result.half_life):
        tail = pick(
            f"低水平单位增长更快，差距减半约需{fmt_number(result.half_life, 1)}年",
            f"poorer units caught up, half-life {fmt_number(result.half_life, 1)} years",
            lang,
        )
    elif result.beta < 0:
        tail = pick("不能认为低水平单位在追赶", "no evidence that poorer units caught up", lang)
    else:
        tail = pick("没有追赶", "no catching up", lang)
    crossed_zh = crossed_en = ""
    if breaks is not None and len(breaks):
        crossed_zh = f"；区间跨越{breaks_phrase(breaks, 'zh')}，增长率含口径变化"
        crossed_en = f"; the span crosses {breaks_phrase(breaks, 'en')}, so growth includes the changes of basis"
    fell = result.beta < 0
    who = _units_words(units, lang)
    lead_zh = f"{span}年，{who}的" if who else f"{span}年{result.n}个单位中，"
    lead_en = f"Across {who}" if who else f"Across {result.n} units"
    return pick(
        f"{lead_zh}人均地区生产总值名义增长率{'随初始水平下降' if fell else '未随初始水平下降'}"
        f"（β = {fmt_number(result.beta, 4)}/年，p = {fmt_number(result.p_value, 3)}，{sig_zh}）：{tail}{crossed_zh}。",
        f"{lead_en}, {span}, nominal growth of GDP per capita "
        + ("fell" if fell else "did not fall")
        + f" with the initial level (beta = {fmt_number(result.beta, 4)} a year, p = {fmt_number(result.p_value, 3)}, "
        f"{sig_en}): {tail}{crossed_en}.",
        lang,
    )
