"""Sentences of report 02 (the district against the other central districts).

Each function words one result of :mod:`jbanalysis.metrics` (``level_comparison``,
``index_comparison``, ``growth_comparison``, ``real_growth_comparison``, ``rank_history``,
``series_path``) by the rules of docs/reports.md: a rank is given in the comparison year (two
thirds of the group with values, the missing named, never "of 1" or "of 2"); growth of levels is
called nominal and taken over the longest window without a registered break; a window that
crosses one says so; a value resting on a low-reliability, estimated, corrected, interpolated or
derived figure says so with its kind of source; a direction word only where the path agrees.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from jbanalysis.registry.terms import check_lang, term
from jbanalysis.text.formatting import (
    district_name,
    fmt_pct,
    fmt_value,
    fmt_years,
    indicator_phrase,
    indicator_unit,
    names,
    ordinal,
    pick,
)
from jbanalysis.text.sentences.common import (
    breaks_phrase,
    caveat,
    missing_phrase,
    peer_flags_phrase,
)

__all__ = [
    "HEADINGS",
    "QUESTION",
    "growth_sentence",
    "heading",
    "index_sentence",
    "level_sentence",
    "lines_note",
    "path_phrase",
    "rank_sentence",
    "real_growth_sentence",
    "share_sentence",
]

QUESTION = (
    "**问题：** {d}的经济规模、增长、比重和位次与其他中心城区相比如何？人均地区生产总值、财政、"
    "消费、金融和收入呢？",
    "**Question:** how does {d} compare with the other central districts in size, growth, share "
    "and rank, and in GDP per capita, fiscal revenue, consumption, finance and income?",
)

#: Section headings of report 02 and the notes under them, key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "level": ("## 1. 地区生产总值规模", "## 1. GDP level"),
    "index": ("## 2. 地区生产总值指数", "## 2. GDP index"),
    "growth": ("## 3. 年均增长", "## 3. Compound annual growth"),
    "growth_table": (
        "表中各区间为名义年均增长（%）；†：该区的序列在区间内跨越登记的口径断点，增长含口径变化。",
        "Nominal growth a year (%) over each window; †: the district's series crosses a "
        "registered break inside the window, so the rate includes the change of basis.",
    ),
    "real": (
        "## 4. 实际增长（可比价，公布值）",
        "## 4. Real growth (comparable prices, as published)",
    ),
    "shares": ("## 5. 占全市与九区比重", "## 5. Share of the city and of the nine"),
    "rank": ("## 6. 位次", "## 6. Rank"),
    "others": (
        "## 7. 人均地区生产总值、财政、消费、金融与收入",
        "## 7. Per capita, fiscal, consumption, finance, income",
    ),
    "summary": ("## 要点", "## Summary"),
}


def heading(key: str, lang: str = "zh", district: str | None = None) -> str:
    """A section heading (or note) of report 02 as Markdown; ``"question"`` gives the report's
    question for ``district``.

    >>> heading("level", "en"), heading("rank")
    ('## 1. GDP level', '## 6. 位次')
    >>> heading("question", "en", "yubei")[:40]
    '**Question:** how does Yubei compare wit'
    """
    if key == "question":
        return pick(*QUESTION, lang).format(d=district_name(district or "jiangbei", lang))
    return pick(*HEADINGS[key], lang)


def _paren(parts: list[str], lang: str) -> str:
    parts = [p for p in parts if p]
    if not parts:
        return ""
    return pick(f"（{'；'.join(parts)}）", f" ({'; '.join(parts)})", lang)


def _value_caveat(provenance: Mapping, year: int | None, lang: str) -> str:
    text = caveat(provenance.get(year), lang) if year is not None else ""
    return _paren([text], lang)


def _endpoint_notes(provenance: Mapping, years: list[int], lang: str) -> list[str]:
    notes = []
    for year in years:
        text = caveat(provenance.get(year), lang)
        if text:
            notes.append(pick(f"{year}年为{text}", f"{year}: {text}", lang))
    return notes


def _growth_clause(growth, provenance: Mapping, said: set, lang: str) -> str:
    """``2014–2018年名义年均增长14.2%（不跨口径断点的最长区间：…）``.

    ``said``: years whose value the sentence has already qualified (not repeated).
    """
    if growth is None:
        return ""
    if not growth.ok:
        if growth.first is not None and growth.last is not None and growth.last > growth.first:
            return pick(
                "各相邻有值年份之间均有口径断点，不计算年均增长",
                "every span between its values crosses a break: no growth rate",
                lang,
            )
        return ""
    ends = [y for y in (growth.start, growth.end) if y not in said]
    notes = _endpoint_notes(provenance, ends, lang)
    full = (growth.first, growth.last) != (growth.start, growth.end)
    if full and len(growth.span_breaks):
        crossed = breaks_phrase(growth.span_breaks, lang)
        notes.insert(
            0,
            pick(
                f"不跨口径断点的最长区间：{growth.first}–{growth.last}年间有{crossed}",
                f"the longest span without a break: {growth.first}–{growth.last} includes "
                f"{crossed}",
                lang,
            ),
        )
    rate = fmt_pct(growth.cagr)
    return pick(
        f"{growth.start}–{growth.end}年名义年均增长{rate}{_paren(notes, 'zh')}",
        f"its nominal growth was {rate} a year over {growth.start}–{growth.end}"
        f"{_paren(notes, 'en')}",
        lang,
    )


def _rank_clauses(
    standing,
    fmt,
    provenance: Mapping,
    peer_flags: Mapping,
    count_in_latest: int,
    subject: tuple[str, str],
    lang: str,
    among: tuple[str, str] = ("有数据的", "with data"),
) -> list[str]:
    """The latest value, its rank in the comparison year, and the missing, as clauses.

    ``subject`` is (zh, en): ``("江北区地区生产总值", "Jiangbei's GDP")``.
    """
    name = district_name(standing.district, lang)
    comp = standing.comparison
    latest, value = standing.latest_year, fmt(standing.latest_value)
    zh_subject, en_subject = subject
    latest_notes = [caveat(provenance.get(latest), lang)]
    rank_text, later = "", []
    if comp.ok:
        year = int(comp.year)
        notes = _paren(
            [missing_phrase(comp.missing, lang), peer_flags_phrase(peer_flags, lang)], lang
        )
        rank_text = pick(
            f"在{among[0]}{comp.n}个区中居{ordinal(int(standing.rank), 'zh')}{notes}",
            f"{ordinal(int(standing.rank), 'en')} of the {comp.n} districts {among[1]}{notes}",
            lang,
        )
        if year != latest:
            if latest > year:
                total = len(comp.members)
                latest_notes.append(
                    pick(
                        f"{latest}年只有{count_in_latest}个区有数据，不作排名"
                        if count_in_latest > 1
                        else f"其他区没有{latest}年数据，不作排名",
                        f"only {count_in_latest} of the {total} districts have {latest} data: "
                        "no rank"
                        if count_in_latest > 1
                        else f"no other district has {latest} data: no rank",
                        lang,
                    )
                )
            later.append(
                pick(
                    f"{year}年为{fmt(standing.value)}{_value_caveat(provenance, year, 'zh')}，"
                    f"{rank_text}",
                    f"in {year} it was {fmt(standing.value)}"
                    f"{_value_caveat(provenance, year, 'en')}, {rank_text}",
                    lang,
                )
            )
    first = pick(
        f"{latest}年{zh_subject}为{value}{_paren(latest_notes, 'zh')}",
        f"{en_subject} was {value} in {latest}{_paren(latest_notes, 'en')}",
        lang,
    )
    if comp.ok and int(comp.year) == latest:
        first = pick(f"{first}，{rank_text}", f"{first}, {rank_text}", lang)
    clauses = [first, *later]
    if comp.ok:
        year = int(comp.year)
        if comp.group_year is not None and year != comp.group_year:
            others = len(comp.members) - 1
            clauses.append(
                pick(
                    f"{name}无{comp.group_year}年数据（三分之二以上的区已有）",
                    f"{name} has no {comp.group_year} value (at least two thirds of the "
                    f"{others + 1} districts have one)",
                    lang,
                )
            )
    elif comp.group_year is None:
        clauses.append(
            pick(
                "没有哪一年有三分之二以上的区有数据，不作比较",
                "no year has values for two thirds of the districts: no comparison",
                lang,
            )
        )
    else:
        clauses.append(
            pick(
                f"在三分之二以上的区有数据的年份（最近为{comp.group_year}年），{name}均无数据，"
                "不作比较",
                f"{name} has no value in any year in which two thirds of the districts have one "
                f"(the latest is {comp.group_year}): no comparison",
                lang,
            )
        )
    return clauses


def _join_clauses(clauses: list[str], lang: str) -> str:
    clauses = [c for c in clauses if c]
    return pick("；".join(clauses) + "。", "; ".join(clauses) + ".", lang)


def level_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.LevelComparison` in words.

    The district's latest value (with what it rests on), its rank among the districts with a
    value in the comparison year (the missing named; "no rank" when fewer than two thirds have
    one), and its nominal growth over the longest window without a registered break.

    Examples
    --------
    >>> from jbanalysis.metrics import LevelComparison, Standing, ComparisonYear, HeadlineGrowth
    >>> import pandas as pd
    >>> c = ComparisonYear("jiangbei", 2022, 2022, ("jiangbei", "yubei", "banan", "dadukou"),
    ...                    ("jiangbei", "yubei", "banan"), ("dadukou",), 3)
    >>> s = Standing("jiangbei", 2022, 1602.76, c, value=1602.76, rank=2)
    >>> g = HeadlineGrowth("jiangbei", "gdp", 2019, 2022, 6.2, 1.0, 1.0, 2019, 2022, ())
    >>> prov = {2022: {"flag": "corrected", "reliability": "low", "vintage": "first_release",
    ...                "source_kind": "aggregator", "correction": "C002"}}
    >>> level_sentence(LevelComparison("gdp", "jiangbei", s, g, prov))
    '2022年江北区地区生产总值为1602.8亿元（来自汇编网站的低可靠性数值，经C002更正），在有数据的3个区中居第2位（大渡口区无数据）；2019–2022年名义年均增长6.2%。'
    >>> level_sentence(LevelComparison("gdp", "jiangbei", s, g, prov), "en")
    "Jiangbei's GDP was CNY 160.3 bn in 2022 (a low-reliability value from an aggregator site, corrected by C002), 2nd of the 3 districts with data (no data for Dadukou); its nominal growth was 6.2% a year over 2019–2022."
    """
    check_lang(lang)
    standing = comparison.standing
    name = district_name(comparison.district, lang)
    ind = indicator_phrase(comparison.indicator, lang)
    if standing.latest_year is None:
        return pick(
            f"{name}没有{ind}数据。",
            f"There is no {ind} data for {name}.",
            lang,
        )
    unit = indicator_unit(comparison.indicator)
    clauses = _rank_clauses(
        standing,
        lambda v: fmt_value(v, unit, lang),
        comparison.provenance,
        comparison.peer_flags,
        comparison.count_in_latest,
        (f"{name}{ind}", f"{name}'s {ind}"),
        lang,
    )
    said = {standing.latest_year, standing.year}
    clauses.append(_growth_clause(comparison.growth, comparison.provenance, said, lang))
    return _join_clauses(clauses, lang)


def index_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.IndexComparison` in words: the index, its rank, the breaks.

    >>> from jbanalysis.metrics import IndexComparison, Standing, ComparisonYear
    >>> import pandas as pd
    >>> c = ComparisonYear("jiangbei", 2020, 2020, ("jiangbei", "yubei", "banan"),
    ...                    ("jiangbei", "yubei", "banan"), (), 3)
    >>> s = Standing("jiangbei", 2020, 250.0, c, value=250.0, rank=2)
    >>> b = pd.DataFrame({"kind": ["economic_census"], "year": [2018], "first_year": [2019]})
    >>> index_sentence(IndexComparison(2010, s, b))
    '以2010年为100（名义值），2020年江北区为250，在有数据的3个区中居第2位；2010–2020年跨越2018年经济普查，指数含口径变化。'
    >>> index_sentence(IndexComparison(2010, s, b), "en")
    'With 2010 = 100 (nominal), Jiangbei stood at 250 in 2020, 2nd of the 3 districts with data; 2010–2020 crosses the 2018 economic census, so the index includes that change of basis.'
    """
    check_lang(lang)
    standing, base = comparison.standing, comparison.base_year
    name = district_name(standing.district, lang)
    if standing.latest_year is None:
        return pick(f"{name}没有指数数据。", f"There is no index for {name}.", lang)
    clauses = _rank_clauses(
        standing,
        lambda v: f"{v:.0f}",
        {},
        {},
        comparison.count_in_latest,
        (name, name),
        lang,
    )
    # "2020年江北区为250" / "Jiangbei was 250 in 2020": say "stood at" in English
    clauses[0] = clauses[0].replace(f"{name} was ", f"{name} stood at ", 1)
    prefix = pick(f"以{base}年为100（名义值），", f"With {base} = 100 (nominal), ", lang)
    clauses[0] = prefix + clauses[0]
    end = standing.year if standing.year is not None else standing.latest_year
    if len(comparison.breaks):
        crossed = breaks_phrase(comparison.breaks, lang)
        several = len(comparison.breaks) > 1
        clauses.append(
            pick(
                f"{base}–{end}年跨越{crossed}，指数含口径变化",
                f"{base}–{end} crosses {crossed}, so the index includes "
                + ("those changes of basis" if several else "that change of basis"),
                lang,
            )
        )
    return _join_clauses(clauses, lang)


def growth_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.GrowthComparison` in words: headline window, rate, rank.

    >>> from jbanalysis.metrics import GrowthComparison, Standing, ComparisonYear, HeadlineGrowth
    >>> import pandas as pd
    >>> c = ComparisonYear("jiangbei", 2018, 2018, ("jiangbei", "yubei", "banan", "yuzhong"),
    ...                    ("jiangbei", "yubei", "banan"), ("yuzhong",), 3)
    >>> s = Standing("jiangbei", 2018, 14.19, c, value=14.19, rank=1, median=8.45)
    >>> b = pd.DataFrame({"kind": ["economic_census"], "year": [2018], "first_year": [2019]})
    >>> g = HeadlineGrowth("jiangbei", "gdp", 2014, 2018, 14.19, 1.0, 1.0, 2014, 2022, (2019,), b)
    >>> growth_sentence(GrowthComparison(g, s, shared=True))
    '2014–2018年江北区地区生产总值名义年均增长14.2%（三分之二以上的区可比、不跨口径断点的最长区间：2014–2022年间有2018年经济普查），高于有可比数据各区的中位数8.4%，在3个区中居第1位（渝中区无可比数据）。'
    >>> growth_sentence(GrowthComparison(g, s, shared=True), "en")
    "Over 2014–2018, Jiangbei's nominal GDP growth was 14.2% a year (the longest span without a break that two thirds of the districts share: 2014–2022 includes the 2018 economic census), above the median of the districts with comparable data (8.4%), 1st of 3 (no comparable data for Yuzhong)."
    """
    check_lang(lang)
    headline, standing = comparison.headline, comparison.standing
    name = district_name(headline.district, lang)
    ind = indicator_phrase(headline.indicator, lang)
    if not headline.ok:
        return pick(
            f"{name}的{ind}各有值年份之间均有口径断点或缺值，无法计算年均增长。",
            f"No growth rate of {ind} can be computed for {name}: every span between its values "
            "crosses a break or a gap.",
            lang,
        )
    notes = _endpoint_notes(comparison.provenance, [headline.start, headline.end], lang)
    shared = getattr(comparison, "shared", False)
    if (headline.first, headline.last) != (headline.start, headline.end) and len(
        headline.span_breaks
    ):
        crossed = breaks_phrase(headline.span_breaks, lang)
        what = pick(
            "三分之二以上的区可比、不跨口径断点的最长区间" if shared else "不跨口径断点的最长区间",
            "the longest span without a break that two thirds of the districts share"
            if shared
            else "the longest span without a break",
            lang,
        )
        notes.insert(
            0,
            pick(
                f"{what}：{headline.first}–{headline.last}年间有{crossed}",
                f"{what}: {headline.first}–{headline.last} includes {crossed}",
                lang,
            ),
        )
    value = headline.cagr
    span = f"{headline.start}–{headline.end}"
    head = pick(
        f"{span}年{name}{ind}名义年均增长",
        f"Over {span}, {name}'s nominal {ind} growth was ",
        lang,
    )
    comp = standing.comparison
    if not comp.ok:
        shown = fmt_pct(value)
        return pick(
            f"{head}{shown}{_paren(notes, 'zh')}；同期有可比数据的区不足三分之二，不作比较。",
            f"{head}{shown} a year{_paren(notes, 'en')}; fewer than two thirds of the districts "
            "have comparable data for that span: no comparison.",
            lang,
        )
    median = standing.median
    # two decimals where one would print the value and the median alike
    digits = 2 if f"{value:.1f}" == f"{median:.1f}" and value != median else 1
    shown, shown_median = fmt_pct(value, digits=digits), fmt_pct(median, digits=digits)
    zh_cmp = "高于" if value > median else ("等于" if value == median else "低于")
    en_cmp = "above" if value > median else ("equal to" if value == median else "below")
    missing = _paren(
        [
            pick(
                f"{names(comp.missing, 'zh')}无可比数据",
                f"no comparable data for {names(comp.missing, 'en')}",
                lang,
            )
            if comp.missing
            else ""
        ],
        lang,
    )
    return pick(
        f"{head}{shown}{_paren(notes, 'zh')}，{zh_cmp}有可比数据各区的中位数{shown_median}，"
        f"在{comp.n}个区中居{ordinal(int(standing.rank), 'zh')}{missing}。",
        f"{head}{shown} a year{_paren(notes, 'en')}, {en_cmp} the median of the districts with "
        f"comparable data ({shown_median}), {ordinal(int(standing.rank), 'en')} of {comp.n}"
        f"{missing}.",
        lang,
    )


def real_growth_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.RealGrowthComparison` in words.

    Published real growth (可比价) with its rank among the districts that publish it in the
    comparison year, then nominal growth of the levels in the same year with its rank.

    >>> from jbanalysis.metrics import (LevelComparison, Standing, ComparisonYear,
    ...                                 RealGrowthComparison)
    >>> import pandas as pd
    >>> m = ("jiangbei", "yubei", "banan")
    >>> c = ComparisonYear("jiangbei", 2018, 2018, m, m, (), 3)
    >>> real = LevelComparison("gdp_real_growth", "jiangbei",
    ...                        Standing("jiangbei", 2018, 9.0, c, value=9.0, rank=1), None)
    >>> nominal = Standing("jiangbei", 2022, 2.0, c, value=13.8, rank=2)
    >>> r = RealGrowthComparison(real, nominal, pd.DataFrame(), {})
    >>> real_growth_sentence(r)
    '2018年江北区地区生产总值实际增长9.0%（可比价，公布值），在公布该数据的3个区中居第1位；同年名义增长（现价总量计算）13.8%，在有数据的3个区中居第2位。'
    >>> real_growth_sentence(r, "en")
    "Jiangbei's published real GDP growth (comparable prices) was 9.0% in 2018, 1st of the 3 districts that publish it; nominal growth that year (current-price levels) was 13.8%, 2nd of the 3 districts with data."
    """
    check_lang(lang)
    real = comparison.real
    standing = real.standing
    name = district_name(real.district, lang)
    if standing.latest_year is None:
        return pick(
            f"{name}没有公布的地区生产总值实际增长率（可比价）。",
            f"{name} has no published real GDP growth (comparable prices).",
            lang,
        )
    clauses = _rank_clauses(
        standing,
        fmt_pct,
        real.provenance,
        real.peer_flags,
        real.count_in_latest,
        (
            f"{name}地区生产总值实际增长",
            f"{name}'s published real GDP growth (comparable prices)",
        ),
        lang,
        among=("公布该数据的", "that publish it"),
    )
    # "…实际增长为9.0%" reads "…实际增长9.0%（可比价，公布值）" in Chinese
    clauses[0] = clauses[0].replace("实际增长为", "实际增长", 1)
    if lang == "zh":
        latest = fmt_pct(standing.latest_value)
        clauses[0] = clauses[0].replace(
            f"实际增长{latest}", f"实际增长{latest}（可比价，公布值）", 1
        )
        clauses[0] = clauses[0].replace("）（", "；", 1)
    nominal = comparison.nominal
    if nominal.year is not None:
        year = int(nominal.year)
        notes = _endpoint_notes(comparison.nominal_provenance, [year - 1, year], lang)
        notes.append(missing_phrase(nominal.comparison.missing, lang))
        clauses.append(
            pick(
                f"{'同年' if year == standing.year else f'{year}年'}名义增长（现价总量计算）"
                f"{fmt_pct(nominal.value)}，在有数据的{nominal.n}个区中居"
                f"{ordinal(int(nominal.rank), 'zh')}{_paren(notes, 'zh')}",
                f"nominal growth {'that year' if year == standing.year else f'in {year}'} "
                f"(current-price levels) was {fmt_pct(nominal.value)}, "
                f"{ordinal(int(nominal.rank), 'en')} of the {nominal.n} districts with data"
                f"{_paren(notes, 'en')}",
                lang,
            )
        )
    elif standing.year is not None or standing.latest_year is not None:
        year = int(standing.year or standing.latest_year)
        reason = nominal.comparison.reason
        if len(comparison.nominal_breaks):
            crossed = breaks_phrase(comparison.nominal_breaks, lang)
            clauses.append(
                pick(
                    f"{year}年{name}地区生产总值为新口径（{crossed}），名义增长不可比",
                    f"{name}'s {year} GDP is on a new basis ({crossed}): no comparable nominal "
                    "growth",
                    lang,
                )
            )
        elif reason.startswith("no value for"):
            clauses.append(
                pick(
                    f"{name}缺{year - 1}年或{year}年地区生产总值，{year}年名义增长无法计算",
                    f"{name} lacks GDP for {year - 1} or {year}: no nominal growth for {year}",
                    lang,
                )
            )
        else:
            clauses.append(
                pick(
                    f"{year}年名义增长有数据的区不足三分之二，不作比较",
                    f"fewer than two thirds of the districts have nominal growth for {year}: "
                    "no comparison",
                    lang,
                )
            )
    return _join_clauses(clauses, lang)


_VERBS = {"up": ("升至", "rose"), "down": ("降至", "fell")}


def path_phrase(path, fmt, lang: str = "zh", pct: bool = False) -> str:
    """A :class:`jbanalysis.metrics.SeriesPath` in words, one direction word per segment.

    ``fmt`` formats a value; ``pct`` adds each segment's relative change (``升62%至``).

    >>> from jbanalysis.metrics import series_path
    >>> p = series_path(pd.Series([0.298, 0.156, 0.253], index=[2005, 2011, 2020]), digits=3)
    >>> path_phrase(p, lambda v: f"{v:.3f}", pct=True)
    '由2005年的0.298降48%至2011年的0.156，此后升62%至2020年的0.253'
    >>> path_phrase(p, lambda v: f"{v:.3f}", "en", pct=True)
    'fell 48% from 0.298 in 2005 to 0.156 in 2011, then rose 62% to 0.253 in 2020'
    """
    check_lang(lang)
    segs = path.segments
    if not segs:
        return ""
    y0, y1 = segs[0].start, segs[-1].end
    if path.fluctuates:
        return pick(
            f"在{y0}–{y1}年间于{fmt(path.low)}（{path.low_year}年）至{fmt(path.high)}"
            f"（{path.high_year}年）之间波动，{y1}年为{fmt(segs[-1].end_value)}",
            f"moved between {fmt(path.low)} ({path.low_year}) and {fmt(path.high)} "
            f"({path.high_year}) over {y0}–{y1}, {fmt(segs[-1].end_value)} in {y1}",
            lang,
        )
    parts = []
    for i, seg in enumerate(segs):
        by = f"{abs(seg.change_pct):.0f}%" if pct and seg.start_value else ""
        if seg.direction == "flat":
            parts.append(
                pick(
                    f"{'由' if i == 0 else '此后'}{seg.start}年的{fmt(seg.start_value)}至"
                    f"{seg.end}年的{fmt(seg.end_value)}基本持平",
                    f"{'held' if i == 0 else 'then held'} about level from "
                    f"{fmt(seg.start_value)} in {seg.start} to {fmt(seg.end_value)} in {seg.end}",
                    lang,
                )
            )
            continue
        zh_verb, en_verb = _VERBS[seg.direction]
        if i == 0:
            parts.append(
                pick(
                    f"由{seg.start}年的{fmt(seg.start_value)}{zh_verb[0]}{by}{zh_verb[1]}"
                    f"{seg.end}年的{fmt(seg.end_value)}",
                    f"{en_verb}{' ' + by if by else ''} from {fmt(seg.start_value)} in "
                    f"{seg.start} to {fmt(seg.end_value)} in {seg.end}",
                    lang,
                )
            )
        else:
            parts.append(
                pick(
                    f"{'此后' if i == 1 else '再'}{zh_verb[0]}{by}{zh_verb[1]}{seg.end}年的"
                    f"{fmt(seg.end_value)}",
                    f"then {en_verb}{' ' + by if by else ''} to {fmt(seg.end_value)} in {seg.end}",
                    lang,
                )
            )
    return pick("，".join(parts), ", ".join(parts), lang)


def share_sentence(shares, district: str, of: str, lang: str = "zh") -> str:
    """How the district's share of a total moved: the path, not just the end points.

    Parameters
    ----------
    shares : DataFrame or SeriesPath
        Output of :func:`jbanalysis.metrics.share` (``year, district, share, reason``), or the
        :func:`jbanalysis.metrics.series_path` of the district's shares.
    of : {"city", "central"}
        What the total is (for the wording).

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2010, 2011, 2012], "district": ["jiangbei"] * 3,
    ...                   "share": [4.0, None, 5.5], "reason": ["", "total missing", ""]})
    >>> share_sentence(s, "jiangbei", "city")
    '江北区占全市比重由2010年的4.0%升至2012年的5.5%（2011年无法计算）。'
    >>> s["share"] = [4.0, 6.1, 5.5]
    >>> share_sentence(s, "jiangbei", "city", "en")
    "Jiangbei's share of the city rose from 4.0% in 2010 to 6.1% in 2011, then fell to 5.5% in 2012."
    """
    from jbanalysis.metrics import series_path

    if isinstance(shares, pd.DataFrame):
        rows = shares[shares["district"] == district].sort_values("year")
        path = series_path(rows.set_index("year")["share"], digits=1)
    else:
        path = shares
    name = district_name(district, lang)
    what = term("share_city" if of == "city" else "share_central", lang)
    if not path.segments:
        if path.low_year is not None:
            return pick(
                f"{name}{what}仅{path.low_year}年可计算，为{fmt_pct(path.low)}。",
                f"{name}'s {what} can be computed for {path.low_year} only: {fmt_pct(path.low)}.",
                lang,
            )
        return pick(f"{name}{what}无法计算。", f"{name}'s {what} cannot be computed.", lang)
    phrase = path_phrase(path, fmt_pct, lang)
    sentence = pick(f"{name}{what}{phrase}。", f"{name}'s {what} {phrase}.", lang)
    if path.gaps:
        note = pick(
            f"{fmt_years(path.gaps, 'zh')}年无法计算",
            f"not computable in {fmt_years(path.gaps)}",
            lang,
        )
        sentence = sentence.rstrip("。.") + _paren([note], lang) + pick("。", ".", lang)
    return sentence


def rank_sentence(history, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.RankHistory` in words: first and latest rank, and the years
    in which the ranks are among fewer districts (shaded in the chart).

    >>> from jbanalysis.metrics import RankHistory, Standing, ComparisonYear
    >>> m = ("jiangbei", "yubei", "banan", "yuzhong")
    >>> c0 = ComparisonYear("jiangbei", 2005, 2022, m, m, (), 3)
    >>> c1 = ComparisonYear("jiangbei", 2022, 2022, m, m[:3], ("yuzhong",), 3)
    >>> h = RankHistory(None, Standing("jiangbei", 2022, 1.0, c0, value=1.0, rank=4),
    ...                 Standing("jiangbei", 2022, 1.0, c1, value=1.0, rank=2), (2007, 2008, 2022), ())
    >>> rank_sentence(h)
    '江北区2005年在4个区中居第4位，2022年在有数据的3个区中居第2位（渝中区无数据）；2007–2008、2022年有区缺数，这些年的位次只在有数据的区之间排名（图中阴影、空心点）。'
    >>> rank_sentence(h, "en")
    'Jiangbei ranked 4th of 4 in 2005 and 2nd of the 3 districts with data in 2022 (no data for Yuzhong). In 2007–2008, 2022 not every district has a value: ranks there are among those with data only (shaded, hollow points).'
    """
    check_lang(lang)
    first, last = history.first, history.last
    if last is None or first is None:
        return pick("没有可比较的位次。", "There is no rank to compare.", lang)
    name = district_name(last.district, lang)

    def part(standing, lang: str) -> str:
        comp = standing.comparison
        among_zh = "有数据的" if comp.missing else ""
        among_en = f"the {comp.n} districts with data" if comp.missing else f"{comp.n}"
        notes = _paren([missing_phrase(comp.missing, lang)], lang)
        return pick(
            f"{comp.year}年在{among_zh}{comp.n}个区中居{ordinal(int(standing.rank), 'zh')}{notes}",
            f"{ordinal(int(standing.rank), 'en')} of {among_en} in {comp.year}{notes}",
            lang,
        )

    if first.year == last.year:
        sentence = pick(f"{name}{part(last, 'zh')}", f"{name} ranked {part(last, 'en')}", lang)
    else:
        sentence = pick(
            f"{name}{part(first, 'zh')}，{part(last, 'zh')}",
            f"{name} ranked {part(first, 'en')} and {part(last, 'en')}",
            lang,
        )
    extra_zh, extra_en = [], []
    if history.incomplete:
        years = fmt_years(history.incomplete)
        extra_zh.append(
            f"{fmt_years(history.incomplete, 'zh')}年有区缺数，这些年的位次只在有数据的区之间排名"
            "（图中阴影、空心点）"
        )
        extra_en.append(
            f"In {years} not every district has a value: ranks there are among those with data "
            "only (shaded, hollow points)"
        )
    if history.unranked:
        years = fmt_years(history.unranked)
        extra_zh.append(f"{fmt_years(history.unranked, 'zh')}年有数据的区不足三分之二，不排名")
        extra_en.append(f"In {years} fewer than two thirds have a value: no rank")
    if lang == "zh":
        return sentence + "".join(f"；{e}" for e in extra_zh) + "。"
    return sentence + "." + "".join(f" {e}." for e in extra_en)


def lines_note(
    panel: pd.DataFrame, indicator: str, districts, district: str, lang: str = "zh"
) -> str:
    """What the marks of an indicator chart mean, computed: hollow markers and break lines.

    >>> p = pd.DataFrame({"district": ["jiangbei", "yubei"], "year": [2017, 2017],
    ...                   "indicator": ["gdp", "gdp"], "value": [1.0, 2.0],
    ...                   "flag": ["interpolated", "observed"], "vintage": ["first_release"] * 2})
    >>> lines_note(p, "gdp", ["jiangbei", "yubei"], "jiangbei")
    '空心圆为插值（2017年：江北区）。'
    """
    from jbanalysis.metrics import basis_breaks, series_vintages

    check_lang(lang)
    districts = list(districts)
    sub = panel[
        (panel["indicator"] == indicator)
        & panel["district"].isin(districts)
        & panel["value"].notna()
    ]
    shapes = {
        "interpolated": ("空心圆", "hollow circles"),
        "corrected": ("空心菱形", "hollow diamonds"),
        "derived": ("空心方块", "hollow squares"),
    }
    parts = []
    for flag, (zh_shape, en_shape) in shapes.items():
        rows = sub[sub["flag"] == flag]
        if rows.empty:
            continue
        groups = []
        for year, group in rows.groupby("year"):
            who = [d for d in districts if d in set(group["district"])]
            if len(who) > 3:  # a list of eight names says less than their number
                groups.append(
                    pick(
                        f"{int(year)}年：{len(who)}个区", f"{int(year)}: {len(who)} districts", lang
                    )
                )
            else:
                groups.append(
                    pick(
                        f"{int(year)}年：{names(who, 'zh')}",
                        f"{int(year)}: {names(who, 'en')}",
                        lang,
                    )
                )
        word = term(flag, lang)
        parts.append(
            pick(
                f"{zh_shape}为{word}（{'；'.join(groups)}）",
                f"{en_shape} are {word} values ({'; '.join(groups)})",
                lang,
            )
        )
    table = basis_breaks(indicator, district, series_vintages(panel, indicator, district))
    years = sorted(set(sub["year"]))
    if years:
        inside = table[(table["basis_year"] > years[0]) & (table["basis_year"] <= years[-1])]
        if len(inside):
            lines = fmt_years(sorted(set(inside["basis_year"])), lang)
            parts.append(
                pick(
                    f"点线标出{district_name(district, 'zh')}序列新口径的起始年（{lines}年：{breaks_phrase(inside, 'zh')}）",
                    f"dotted lines mark where {district_name(district, 'en')}'s series starts a "
                    f"new basis ({lines}: {breaks_phrase(inside, 'en')})",
                    lang,
                )
            )
    if not parts:
        return ""
    if lang == "zh":
        return "；".join(parts) + "。"
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]
