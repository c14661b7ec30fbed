"""Report 02: the level of an indicator and its index (base year = 100), with rank and growth."""

from __future__ import annotations

from jbanalysis.registry.terms import check_lang
from jbanalysis.text.labels import district_name, indicator_phrase, indicator_unit
from jbanalysis.text.lang import pick
from jbanalysis.text.numbers import fmt_number, fmt_value
from jbanalysis.text.sentences.common import (
    breaks_phrase,
)
from jbanalysis.text.sentences.versus.clauses import growth_clause, join_clauses, rank_clauses


def level_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.LevelComparison` in words.

    The district's latest value (with what it rests on), its rank among the districts with a
    value in the comparison year (the missing named; "no rank" when fewer than two thirds have
    one), and its nominal growth over the longest window without a registered break.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import ComparisonYear, HeadlineGrowth, LevelComparison, Standing
    >>> from jbanalysis.text.sentences.versus.levels import level_sentence
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
    clauses = rank_clauses(
        standing,
        lambda v: fmt_value(v, unit, lang),
        comparison.provenance,
        comparison.peer_flags,
        comparison.count_in_latest,
        (f"{name}{ind}", f"{name}'s {ind}"),
        lang,
    )
    said = {standing.latest_year, standing.year}
    clauses.append(growth_clause(comparison.growth, comparison.provenance, said, lang))
    return join_clauses(clauses, lang)


def index_sentence(comparison, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.IndexComparison` in words: the index, its rank, the breaks.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import ComparisonYear, IndexComparison, Standing
    >>> from jbanalysis.text.sentences.versus.levels import index_sentence
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
    clauses = rank_clauses(
        standing,
        lambda v: fmt_number(v, 0, grouped=False),
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
    return join_clauses(clauses, lang)
