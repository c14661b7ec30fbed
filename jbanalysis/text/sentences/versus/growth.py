"""Report 02: compound annual growth of the levels, and published real growth beside nominal."""

from __future__ import annotations

from jbanalysis.registry.terms import check_lang
from jbanalysis.text.labels import district_name, indicator_phrase
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import names, ordinal
from jbanalysis.text.numbers import fmt_pct
from jbanalysis.text.sentences.common import (
    breaks_phrase,
    missing_phrase,
)
from jbanalysis.text.sentences.versus.clauses import (
    endpoint_notes,
    join_clauses,
    paren,
    rank_clauses,
)


def growth_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.GrowthComparison` in words: headline window, rate, rank.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import ComparisonYear, GrowthComparison, HeadlineGrowth, Standing
    >>> from jbanalysis.text.sentences.versus.growth import growth_sentence
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
    notes = endpoint_notes(comparison.provenance, [headline.start, headline.end], lang)
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
            f"{head}{shown}{paren(notes, 'zh')}；同期有可比数据的区不足三分之二，不作比较。",
            f"{head}{shown} a year{paren(notes, 'en')}; fewer than two thirds of the districts "
            "have comparable data for that span: no comparison.",
            lang,
        )
    median = standing.median
    # two decimals where one would print the value and the median alike
    digits = 2 if fmt_pct(value) == fmt_pct(median) and value != median else 1
    shown, shown_median = fmt_pct(value, digits=digits), fmt_pct(median, digits=digits)
    zh_cmp = "高于" if value > median else ("等于" if value == median else "低于")
    en_cmp = "above" if value > median else ("equal to" if value == median else "below")
    missing = paren(
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
        f"{head}{shown}{paren(notes, 'zh')}，{zh_cmp}有可比数据各区的中位数{shown_median}，"
        f"在{comp.n}个区中居{ordinal(int(standing.rank), 'zh')}{missing}。",
        f"{head}{shown} a year{paren(notes, 'en')}, {en_cmp} the median of the districts with "
        f"comparable data ({shown_median}), {ordinal(int(standing.rank), 'en')} of {comp.n}"
        f"{missing}.",
        lang,
    )


def real_growth_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.RealGrowthComparison` in words.

    Published real growth (可比价) with its rank among the districts that publish it in the
    comparison year, then nominal growth of the levels in the same year with its rank.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import (LevelComparison, Standing, ComparisonYear,
    ...                                 RealGrowthComparison)
    >>> from jbanalysis.text.sentences.versus.growth import real_growth_sentence
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
    clauses = rank_clauses(
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
        notes = endpoint_notes(comparison.nominal_provenance, [year - 1, year], lang)
        notes.append(missing_phrase(nominal.comparison.missing, lang))
        clauses.append(
            pick(
                f"{'同年' if year == standing.year else f'{year}年'}名义增长（现价总量计算）"
                f"{fmt_pct(nominal.value)}，在有数据的{nominal.n}个区中居"
                f"{ordinal(int(nominal.rank), 'zh')}{paren(notes, 'zh')}",
                f"nominal growth {'that year' if year == standing.year else f'in {year}'} "
                f"(current-price levels) was {fmt_pct(nominal.value)}, "
                f"{ordinal(int(nominal.rank), 'en')} of the {nominal.n} districts with data"
                f"{paren(notes, 'en')}",
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
    return join_clauses(clauses, lang)
