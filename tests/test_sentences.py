"""Every sentence function, in both languages, against hand-checked expectations.

Synthetic cases pin the wording and catch swaps (rose/fell, above/below, a unit off by 10×); cases
on the bundled data pin the issue's examples: each number is computed by hand in the comment from
``data/observations.csv`` (values quoted there), so a regression in a rule (like for like, the
path, breaks, reliability, completeness) fails here, not in a reader's briefing.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis import metrics
from jbanalysis.text import formatting as fmt
from jbanalysis.text.sentences import common, overview, structure, versus

NINE = jb.district_ids("central")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    """The nine and the city, 2005 on, with derived per-capita values (as the reports load it)."""
    p = jb.load_panel(districts=[*NINE, "chongqing"], years=range(2005, 2030))
    return metrics.with_derived(p)


@pytest.fixture(scope="module")
def gdp(panel) -> pd.DataFrame:
    return jb.wide(panel, "gdp", districts=NINE)


# --- formatting -----------------------------------------------------------------------------


def test_units_in_both_languages():
    # 1 亿元 = 0.1 bn yuan; 1 万人 = 10 thousand people: 58.8717 万人 = 588,717 people
    assert fmt.fmt_value(1602.76, "cny_100m") == "1602.8亿元"
    assert fmt.fmt_value(1602.76, "cny_100m", "en") == "CNY 160.3 bn"
    assert fmt.fmt_value(58.8717, "persons_10k") == "58.9万人"
    assert fmt.fmt_value(58.8717, "persons_10k", "en") == "589 thousand people"
    assert fmt.fmt_value(230603.4, "cny", "en") == "CNY 230,603"
    assert fmt.fmt_value(float("nan"), "cny", "en") == "no data"
    assert fmt.fmt_points(-1.25) == "-1.3个百分点"  # 四舍五入: half away from zero
    assert fmt.ordinal(2, "en") == "2nd" and fmt.ordinal(13, "en") == "13th"
    assert fmt.join(["a", "b", "c"], "en") == "a, b and c"
    assert fmt.fmt_years([2007, 2008, 2010], "zh") == "2007–2008、2010"


def test_table_heads_and_categories_follow_the_language():
    frame = pd.DataFrame(
        {"year": [2022], "vintage": ["first_release"], "source_kind": ["aggregator"]}
    )
    zh = fmt.table(frame, lang="zh", values=["vintage", "source_kind"])
    assert list(zh.columns) == ["年份", "版本", "source_kind"]
    assert zh.iloc[0].tolist() == [2022, "首发数", "汇编网站"]
    en = fmt.table(frame, lang="en", values=["vintage"])
    assert list(en.columns) == ["year", "vintage", "source_kind"]
    assert en.iloc[0, 1] == "first release"


# --- common ---------------------------------------------------------------------------------


def test_caveats_name_the_kind_of_source_in_both_languages():
    swap = {
        "flag": "corrected",
        "reliability": "low",
        "vintage": "first_release",
        "source_kind": "aggregator",
        "correction": "C002",
    }
    assert common.caveat(swap) == "来自汇编网站的低可靠性数值，经C002更正"
    assert (
        common.caveat(swap, "en")
        == "a low-reliability value from an aggregator site, corrected by C002"
    )
    estimate = {
        "flag": "observed",
        "reliability": "medium",
        "vintage": "estimate",
        "source_kind": "gov_work_report",
    }
    assert common.caveat(estimate) == "来自政府工作报告的预计数"
    assert common.caveat(estimate, "en") == "an estimate from a government work report"
    plain = {
        "flag": "observed",
        "reliability": "high",
        "vintage": "first_release",
        "source_kind": "official_yearbook",
    }
    assert common.caveat(plain) == common.caveat(plain, "en") == ""


def test_breaks_phrase_groups_by_kind_and_names_partial_scope():
    b = pd.DataFrame(
        {
            "kind": ["economic_census", "economic_census", "boundary"],
            "year": [2008, 2013, 2011],
            "first_year": [2009, 2014, 2011],
            "districts": ["", "", "qijiang|dazu"],
            "all": [True, True, False],
        }
    )
    assert common.breaks_phrase(b) == "2008、2013年经济普查和綦江区、大足区2011年行政区划调整"
    assert common.breaks_phrase(b, "en") == (
        "the 2008 and 2013 economic censuses and the 2011 boundary change of Qijiang and Dazu"
    )


def test_titles_gaps_left_out_and_flags_in_both_languages():
    assert common.title("structure", "jiangbei") == "江北区的产业结构与区域差距"
    assert (
        common.title("structure", "jiangbei", "en")
        == "Jiangbei: economic structure and regional disparities"
    )
    v = pd.DataFrame(
        {"yuzhong": [1.0, None, None], "jiangbei": [1.0, 2.0, 3.0]}, index=[2005, 2006, 2007]
    )
    assert common.gaps_sentence(v) == "图中缺失：渝中区 2006–2007。"
    assert common.gaps_sentence(v, "en") == "Gaps: Yuzhong 2006–2007."
    assert common.left_out_sentence(["yuzhong", "dadukou"], "no data", "en") == (
        "Left out: Yuzhong and Dadukou (no data)."
    )
    assert common.flags_note({2017: "interpolated", 2022: "corrected"}, "en") == (
        "2017 interpolated; 2022 corrected"
    )
    assert common.missing_phrase(["yuzhong"]) == "渝中区无数据"
    assert common.peer_flags_phrase({"yuzhong": "derived"}, "en") == "Yuzhong's value derived"
    assert "sha256" in common.data_vintage("zh") and common.data_vintage("en").startswith("bundled")


# --- the path: direction words ----------------------------------------------------------------


def test_share_direction_words_follow_the_path_in_both_languages():
    rising = pd.DataFrame(
        {"year": [2010, 2011, 2012], "district": ["jiangbei"] * 3, "share": [4.0, 4.6, 5.5]}
    )
    falling = rising.assign(share=[5.5, 4.6, 4.0])
    assert versus.share_sentence(rising, "jiangbei", "city", "en") == (
        "Jiangbei's share of the city rose from 4.0% in 2010 to 5.5% in 2012."
    )
    assert versus.share_sentence(falling, "jiangbei", "city", "en") == (
        "Jiangbei's share of the city fell from 5.5% in 2010 to 4.0% in 2012."
    )
    assert (
        versus.share_sentence(rising, "jiangbei", "central")
        == "江北区占中心城区九区比重由2010年的4.0%升至2012年的5.5%。"
    )
    assert (
        versus.share_sentence(falling, "jiangbei", "central")
        == "江北区占中心城区九区比重由2010年的5.5%降至2012年的4.0%。"
    )
    # up then down: the turning point is named, no end-point verdict
    turn = rising.assign(share=[4.0, 6.1, 5.5])
    assert versus.share_sentence(turn, "jiangbei", "city") == (
        "江北区占全市比重由2010年的4.0%升至2011年的6.1%，此后降至2012年的5.5%。"
    )
    # too many turns: "moved between", no direction word at all
    zigzag = pd.DataFrame(
        {
            "year": range(2010, 2017),
            "district": ["jiangbei"] * 7,
            "share": [4.0, 6.0, 3.0, 7.0, 2.0, 8.0, 5.0],
        }
    )
    text = versus.share_sentence(zigzag, "jiangbei", "city", "en")
    assert "moved between 2.0% (2014) and 8.0% (2015)" in text
    assert "rose" not in text and "fell" not in text


def test_sigma_of_the_nine_fell_to_2011_then_rose(panel):
    # σ of log GDP per capita of the eight central districts complete over 2005–2020 (渝中 lacks
    # most years): 0.298 in 2005, lowest 0.156 in 2011, 0.253 in 2020: +62 % since 2011
    # (0.25287 / 0.15642 - 1 = 61.7 %). "趋于收敛" over 2005–2020 would read the end points only.
    per_capita = jb.wide(panel, "gdp_per_capita", districts=NINE)
    path = metrics.dispersion_path(per_capita, range(2005, 2021))
    assert path.left_out == ("yuzhong",)
    zh = structure.dispersion_sentence(path, "central")
    assert "由2005年的0.298降48%至2011年的0.156，此后升62%至2020年的0.253：2011年以来趋于发散" in zh
    assert "趋于收敛" not in zh
    en = structure.dispersion_sentence(path, "central", "en")
    assert (
        "fell 48% from 0.298 in 2005 to 0.156 in 2011, then rose 62% to 0.253 in 2020: diverging since 2011"
        in en
    )
    assert "across 8 of the 9 central districts (no Yuzhong)" in en  # named by what it holds
    # the verdict is withheld: of the rise of 0.096, only 0.036 is in like-for-like changes
    # (2011-2013 and 2014-2016; the rest crosses B03, B18, B04, B07 or the interpolated 2017)
    verdict = metrics.path_verdict(path, "gdp_per_capita", panel)
    assert (round(verdict.change, 3), round(verdict.clean, 3)) == (0.096, 0.036)
    zh = structure.dispersion_sentence(path, "central", verdict=verdict)
    assert "2011年以来上升0.096，其中可比的逐年变化仅占0.036" in zh and "以来趋于发散" not in zh


# --- like for like ----------------------------------------------------------------------------


def test_yubei_rural_income_is_ranked_in_2020_not_among_1(panel):
    # Only Yubei has 2021 (23,465 元); eight of nine have 2020, where Yubei's 21,140 is below
    # all seven others (lowest other: Banan 21,856): 8th of 8, 渝中 missing.
    c = metrics.level_comparison(panel, "income_rural", "yubei", NINE)
    zh = versus.level_sentence(c)
    assert zh.startswith(
        "2021年渝北区农村居民人均可支配收入为23,465元（其他区没有2021年数据，不作排名）；"
        "2020年为21,140元，在有数据的8个区中居第8位（渝中区无数据）；"
    )
    en = versus.level_sentence(c, "en")
    assert en.startswith(
        "Yubei's per-capita disposable income (rural) was CNY 23,465 in 2021 (no other district "
        "has 2021 data: no rank); in 2020 it was CNY 21,140, 8th of the 8 districts with data "
        "(no data for Yuzhong)"
    )
    assert "of 1 " not in en and "of the 1 " not in en


def test_comparison_below_two_thirds_says_no_comparison():
    v = pd.DataFrame({"a": [1.0], "b": [2.0], "c": [math.nan], "d": [math.nan]}, index=[2020])
    c = metrics.comparison_year(v, "a", ["a", "b", "c", "d"])
    assert c.year is None and "at least 3 of the 4" in c.reason
    s = metrics.standing(v, "a", ["a", "b", "c", "d"])
    assert s.rank is None


def test_per_capita_ranks_jiangbei_second_behind_yuzhongs_derived_value(panel):
    # 渝中 2020: GDP 1357.6 亿元 (PF0129) / census population 58.8717 万人 (PF0155)
    # = 1357.6e8 / 588717 = 230,603 元 > 江北's published 143,380 元: 江北 2nd of 9.
    # (2023 is derived too, 1744.0 亿元 / 94.74 万人 = 184,083 元, but only 5 of 9 have 2023.)
    c = metrics.level_comparison(panel, "gdp_per_capita", "jiangbei", NINE)
    assert c.standing.year == 2020 and c.standing.rank == 2 and c.standing.n == 9
    assert c.peer_flags == {"yuzhong": "derived"}
    assert versus.level_sentence(c).startswith(
        "2023年江北区人均地区生产总值为184,083元（推算值：地区生产总值÷常住人口；2023年只有5个区有数据，"
        "不作排名）；2020年为143,380元，在有数据的9个区中居第2位（渝中区为推算值）；"
    )
    yuzhong = metrics.level_comparison(panel, "gdp_per_capita", "yuzhong", NINE)
    assert (
        "2020年为230,603元（推算值：地区生产总值÷普查人口），在有数据的9个区中居第1位"
        in versus.level_sentence(yuzhong)
    )
    assert "CNY 230,603 (derived: GDP ÷ census population), 1st of the 9" in versus.level_sentence(
        yuzhong, "en"
    )


# --- breaks, nominal, reliability ---------------------------------------------------------------


def test_jiangbei_gdp_headline_rests_on_the_corrected_aggregator_value(panel):
    # 2023: 1744.0 亿元, a preliminary figure from the 2024 government work report; only 5 of the
    # nine have 2023, so no rank. 2022: 1602.76 亿元, maigoo (aggregator, low) swapped back by
    # C002; 3rd of the 8 with 2022 data after 渝北 2297.11 and 九龙坡 1763.94 (大渡口 has none).
    # Growth: the longest windows without a break (new bases 2009, 2014, 2019, 2024) are 2014–2018
    # and 2019–2023; the latest: (1744.0 / 1240.07) ** (1/4) - 1 = 8.9 %.
    c = metrics.level_comparison(panel, "gdp", "jiangbei", NINE)
    zh = versus.level_sentence(c)
    assert zh.startswith(
        "2023年江北区地区生产总值为1744.0亿元（来自政府工作报告的初步数；2023年只有5个区有数据，不作排名）；"
        "2022年为1602.8亿元（来自汇编网站的低可靠性数值，经C002更正），"
        "在有数据的8个区中居第3位（大渡口区无数据）；2019–2023年名义年均增长8.9%"
    )
    assert "2005–2022年年均增长" not in zh and "实际" not in zh
    en = versus.level_sentence(c, "en")
    assert "(a low-reliability value from an aggregator site, corrected by C002)" in en
    assert "its nominal growth was 8.9% a year over 2019–2023" in en


def test_growth_comparison_uses_the_window_without_a_break(panel, gdp):
    # 2019–2023 has no break but only 5 of the nine have 2023: the longest window two thirds
    # share is 2009–2013 (new bases 2009, 2014 and, for the yearbook's units, 2018: B18, the
    # level shift against the city's first release, issue 18); 渝中 has no 2009 value. 江北
    # (554.8592 / 325.3546) ** (1/4) - 1 = 14.3 % is 6th of the eight; their median is
    # (15.38 + 17.63) / 2 = 16.5 %. (2014–2018 is no longer quoted: it crosses the 2018 shift.)
    g = metrics.growth_comparison(gdp, "gdp", "jiangbei", NINE, panel=panel)
    assert (g.headline.start, g.headline.end) == (2009, 2013)
    rates = {
        d: 100 * ((gdp.at[2013, d] / gdp.at[2009, d]) ** 0.25 - 1) for d in NINE if d != "yuzhong"
    }
    assert g.standing.rank == 6 and g.standing.n == 8
    assert g.standing.median == pytest.approx(pd.Series(rates).median())
    zh = versus.growth_sentence(g)
    assert g.shared and g.standing.median == pytest.approx((rates["nanan"] + rates["banan"]) / 2)
    assert zh.startswith(
        "2009–2013年江北区地区生产总值名义年均增长14.3%（三分之二以上的区可比、不跨口径断点的最长区间："
    )
    assert "2008、2013、2018年经济普查和2018年口径变化" in zh
    assert "在8个区中居第6位（渝中区无可比数据）" in zh
    en = versus.growth_sentence(g, "en")
    assert en.startswith("Over 2009–2013, Jiangbei's nominal GDP growth was 14.3% a year")
    assert "below the median" in en and "6th of 8 (no comparable data for Yuzhong)" in en


def test_growth_above_and_below_the_median_are_not_swapped():
    three = ["jiangbei", "yubei", "banan"]
    v = pd.DataFrame(
        {"jiangbei": [100.0, 110.0], "yubei": [100.0, 130.0], "banan": [100.0, 120.0]},
        index=[2015, 2016],
    )
    low = versus.growth_sentence(metrics.growth_comparison(v, "gdp", "jiangbei", three), "en")
    assert (
        "10.0% a year, below the median of the districts with comparable data (20.0%), 3rd of 3"
        in low
    )
    high = versus.growth_sentence(metrics.growth_comparison(v, "gdp", "yubei", three))
    assert "名义年均增长30.0%，高于有可比数据各区的中位数20.0%，在3个区中居第1位" in high


def test_real_growth_is_published_and_ranked_beside_nominal(panel):
    # 2018 is the latest year all nine publish real growth; 江北 9.0 % is the highest. Nominal
    # 2017→2018 (1027.8664 / 902.9378 - 1 = 13.8 %) compares the yearbook's 2018 value, on a new
    # basis (B18: the units' level shift against the city's first release, issue 18), with 2017:
    # the sentence says it is not comparable instead of ranking it.
    # 2023: 6.7 % (a preliminary figure, 2024 government work report), 5 of the nine: no rank.
    r = metrics.real_growth_comparison(panel, "jiangbei", NINE)
    zh = versus.real_growth_sentence(r)
    assert zh == (
        "2023年江北区地区生产总值实际增长6.7%（可比价，公布值；来自政府工作报告的初步数；2023年只有5个区"
        "有数据，不作排名）；2018年为9.0%，在公布该数据的9个区中居第1位；2018年江北区地区生产总值为新口径"
        "（2018年口径变化），名义增长不可比。"
    )
    en = versus.real_growth_sentence(r, "en")
    assert en.startswith(
        "Jiangbei's published real GDP growth (comparable prices) was 6.7% in 2023 (a preliminary "
        "figure from a government work report; only 5 of the 9 districts have 2023 data: no rank); "
        "in 2018 it was 9.0%, 1st of the 9 districts that publish it; Jiangbei's 2018 GDP is on a "
        "new basis (the 2018 definition change): no comparable nominal growth."
    )
    assert r.nominal.comparison.year is None and math.isnan(r.nominal.value)


def test_index_sentence_names_the_breaks_it_crosses(panel, gdp):
    # 2005 = 100; 江北 2023: 1744.0 / 133.7 × 100 = 1304 (5 of 9 have 2023: no rank); 2022:
    # 1602.76 / 133.7 × 100 = 1199, 2nd of the 8 with 2022 data after 渝北 2297.11 / 145.3 × 100 = 1581.
    kept, _ = metrics.complete_columns(gdp, [2005])
    index = metrics.index_to_base(gdp[kept], 2005)
    c = metrics.index_comparison(index, "gdp", "jiangbei", kept, 2005, panel=panel)
    assert versus.index_sentence(c) == (
        "以2005年为100（名义值），2023年江北区为1304（2023年只有5个区有数据，不作排名）；2022年为1199，"
        "在有数据的8个区中居第2位（大渡口区无数据）；2005–2022年跨越2008、2013、2018年经济普查和2018年"
        "口径变化，指数含口径变化。"
    )
    assert versus.index_sentence(c, "en") == (
        "With 2005 = 100 (nominal), Jiangbei stood at 1304 in 2023 (only 5 of the 9 districts have "
        "2023 data: no rank); in 2022 it was 1199, 2nd of the 8 districts with data (no data for "
        "Dadukou); 2005–2022 crosses the 2008, 2013 and 2018 economic censuses and the 2018 "
        "definition change, so the index includes those changes of basis."
    )


def test_rank_history_names_incomplete_years(gdp):
    h = metrics.rank_history(gdp, "jiangbei", NINE)
    # 渝中 has GDP in 2005, 2006, 2013, 2015, 2018–2022; 大渡口 lacks 2022
    assert h.incomplete == (2007, 2008, 2009, 2010, 2011, 2012, 2014, 2016, 2017, 2022)
    zh = versus.rank_sentence(h)
    assert zh.startswith(
        "江北区2005年在9个区中居第5位，2022年在有数据的8个区中居第3位（大渡口区无数据）；"
    )
    assert "2007–2012、2014、2016–2017、2022年有区缺数" in zh
    en = versus.rank_sentence(h, "en")
    assert en.startswith(
        "Jiangbei ranked 5th of 9 in 2005 and 3rd of the 8 districts with data in 2022"
    )


def test_lines_note_explains_the_marks(panel):
    note = versus.lines_note(panel, "gdp", NINE, "jiangbei")
    assert note.startswith("空心圆为插值（2017年：8个区）；空心菱形为更正值（2022年：江北区）")
    assert "2009、2014、2018–2019、2024年：2008、2013、2018、2023年经济普查和2018年口径变化" in note
    en = versus.lines_note(panel, "gdp", NINE, "jiangbei", "en")
    assert en.startswith("Hollow circles are interpolated values (2017: 8 districts)")


# --- report 01 --------------------------------------------------------------------------------


def test_coverage_and_breaks_sentences_in_both_languages():
    m = pd.DataFrame(
        {2016: ["observed", ""], 2017: ["interpolated", ""], 2018: ["observed", "observed"]},
        index=["jiangbei", "yuzhong"],
    )
    assert overview.coverage_sentence(m, "yuzhong", "gdp") == (
        "渝中区的地区生产总值在2016–2018年中有1年有值，最新为2018年；完全覆盖这些年份的区：1/2。"
    )
    assert overview.coverage_sentence(m, "yuzhong", "gdp", "en") == (
        "Yuzhong has GDP for 1 of the years 2016–2018, the latest 2018; 1 of 2 districts cover every year."
    )
    b = pd.DataFrame({"year": [2019], "is_break": [True], "revision": ["economic census 2018"]})
    assert overview.breaks_sentence(b).startswith("2019年（2018年经济普查）")
    assert overview.breaks_sentence(b, "en").startswith(
        "Growth rates scatter far beyond the usual in 2019"
    )


def test_conflicts_count_every_conflict_a_districts_values_are_part_of():
    # the swap is listed on 渝中's key; its other side is 江北's value
    c = pd.DataFrame(
        {
            "district": ["yuzhong", "yubei"],
            "district_b": ["jiangbei", ""],
            "kind": ["corrected error", "first release vs revised"],
        }
    )
    assert overview.conflicts_sentence(c, "jiangbei") == (
        "江北区的数值涉及1处来源不一致（已更正的错误1处）；图表所示各区共2处。"
    )
    assert overview.conflicts_sentence(c, "jiangbei", "en") == (
        "Sources disagree on 1 of Jiangbei's values (1 corrected error); 2 across the districts shown."
    )


# --- report 03 --------------------------------------------------------------------------------


def test_structure_year_is_like_for_like_for_yubei():
    # Yubei and 九龙坡 have 2021 sectors, the city too; only 2020 has two thirds of the nine.
    sectors = ["va_primary", "va_secondary", "va_tertiary"]
    p = jb.load_panel(districts=[*NINE, "chongqing"], indicators=sectors)
    c = metrics.structure_year(p, sectors, "yubei")
    assert (c.year, c.n, c.missing) == (2020, 8, ("yuzhong",))


def test_sector_sentence_for_jiangbei():
    # 2005: 60.5 / (1.6 + 71.7 + 60.5) = 45.2 %; 2020: 1040.4147 / (1.1281 + 283.858 + 1040.4147)
    # = 78.5 %; secondary 283.858 / 1325.4008 = 21.4 %
    sectors = ["va_primary", "va_secondary", "va_tertiary"]
    c = metrics.sector_change(jb.load_panel(districts="jiangbei", indicators=sectors), "jiangbei")
    assert structure.sector_sentence(c) == (
        "江北区第三产业比重由2005年的45.2%变为2020年的78.5%（+33.3个百分点；区间跨越2008、2013、"
        "2018年经济普查和2018年口径变化），2020年第二产业比重为21.4%。"
    )
    assert structure.sector_sentence(c, lang="en") == (
        "Jiangbei's tertiary share went from 45.2% in 2005 to 78.5% in 2020 (+33.3 percentage points; the "
        "span crosses the 2008, 2013 and 2018 economic censuses and the 2018 definition change); the "
        "secondary share was 21.4% in 2020."
    )


def test_lq_specialisation_shift_share_and_beta_in_both_languages():
    lq = pd.DataFrame(
        {"jiangbei": [0.1, 0.7, 1.4]}, index=["va_primary", "va_secondary", "va_tertiary"]
    )
    assert (
        structure.lq_sentence(lq, "jiangbei", 2020)
        == "2020年江北区区位商最高的是第三产业（1.40），该产业比重是全市的1.40倍。"
    )
    assert structure.lq_sentence(lq, "jiangbei", 2020, "en").startswith(
        "In 2020 Jiangbei's location quotient is highest in the tertiary sector (1.40)"
    )
    k = pd.Series({"jiangbei": 0.3, "yubei": 0.1, "banan": 0.5, "nanan": 0.2})
    assert "在有数据的4个区中居第2位" in structure.specialisation_sentence(k, "jiangbei", 2020)
    two = structure.specialisation_sentence(
        k[["jiangbei", "yubei"]], "jiangbei", 2020, "en", peers=list(k.index)
    )
    assert two.startswith("Fewer than two thirds")  # never "of 2"
    t = pd.DataFrame(
        {"change": [-5.0], "reference_growth": [2.0], "sector_mix": [0.0], "competitive": [-7.0]},
        index=["total"],
    )
    assert "合计减少5.0亿元（现价）" in structure.shift_share_sentence(t, "jiangbei", 2005, 2020)
    assert "value added fell by CNY 0.5 bn (current prices)" in structure.shift_share_sentence(
        t, "jiangbei", 2005, 2020, "en"
    )
    weak = metrics.BetaConvergence(-0.01, 0.1, 0.01, 69.0, 0.05, 0.3, 37, 2005, 2020)
    assert "不显著" in structure.beta_sentence(
        weak
    ) and "不能认为低水平单位在追赶" in structure.beta_sentence(weak)
    assert "not significant at 5%" in structure.beta_sentence(weak, "en")
    assert "caught up" not in structure.beta_sentence(weak, "en").replace(
        "no evidence that poorer units caught up", ""
    )


def test_headings_are_in_one_language():
    for module in (overview, versus, structure):
        for key in module.HEADINGS:
            zh, en = module.heading(key, "zh"), module.heading(key, "en")
            assert not any("a" <= ch.lower() <= "z" for ch in zh.replace("GDP", "")), zh
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), en


def test_every_kind_of_source_vintage_and_flag_has_words_in_both_languages():
    # a caveat names the kind of source: an id without a term would print English in Chinese
    from jbanalysis.registry.terms import has_term

    observations = jb.load_observations()
    for column in ("source_kind", "vintage", "flag", "reliability"):
        missing = sorted(v for v in observations[column].astype(str).unique() if not has_term(v))
        assert missing == [], column
