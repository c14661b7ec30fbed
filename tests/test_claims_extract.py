"""Drafting a ledger from text, rule by rule (issue 17): each test a kind of sentence as statistical
bulletins, news reports and simple English write them, and the rows (or the reasons) it drafts."""

from __future__ import annotations

import pytest

import jbanalysis as jb
from jbanalysis.claims.extract.draft import skipped

COLUMNS = ["district", "indicator", "period", "kind", "stated", "unit", "precision", "group"]


def rows(text: str, **options) -> list[list[str]]:
    return jb.extract_claims(text, **options)[COLUMNS].to_numpy().tolist()


def reasons(text: str, **options) -> list[tuple[str, str]]:
    return [
        tuple(r)
        for r in skipped(jb.extract_claims(text, **options))[["number", "reason"]].to_numpy()
    ]


def test_simple_english():
    text = (
        "In 2023, Jiangbei's GDP grew 6.7%, ranking first among the central districts in GDP "
        "growth. Jiangbei's GDP reached 174.4 billion yuan in 2023. Its resident population was "
        "about 0.93 million people."
    )
    assert rows(text, title="Jiangbei in 2023") == [
        ["江北区", "gdp_real_growth", "2023", "rank", "1", "", "", "central"],
        ["江北区", "gdp_real_growth", "2023", "growth", "6.7", "%", "", ""],
        ["江北区", "gdp", "2023", "value", "174.4", "billion yuan", "", ""],
        ["江北区", "pop_resident", "2023", "value", "0.93", "million persons", "约", ""],
    ]
    checked = jb.check_claims(jb.extract_claims(text, title="Jiangbei in 2023"), lang="en")
    assert checked.loc[2, "verdict"] == "consistent"  # 174.4 bn yuan: 1744 亿元, HO0015


def test_multiples_of_a_named_year():
    text = "2020年,江北区地区生产总值比2010年翻一番。全区一般公共预算收入增长1.5倍(比2015年)。"
    drafted = jb.extract_claims(text)
    assert drafted[["indicator", "period", "kind", "stated", "base"]].to_numpy().tolist()[0] == [
        "gdp",
        "2020",
        "multiple",
        "翻一番",
        "2010",
    ]
    # 1325.4008 / 391.3947 = 3.39 times: not 翻一番 (1.5-2.5 times)
    checked = jb.check_claims(drafted.iloc[[0]], lang="en")
    assert checked.loc[0, "verdict"] == "contradicted"
    assert checked.loc[0, "found"] == pytest.approx(1325.4008 / 391.3947, abs=1e-3)


def test_a_year_after_bi_is_a_base_and_shang_nian_de_the_year_before():
    text = "2006年,全区人均生产总值由上年的16849元增加到20586元,比2000年增长1.2倍。"
    drafted = rows(text, district="渝北")
    assert [r[:5] for r in drafted] == [
        ["渝北区", "gdp_per_capita", "2005", "value", "16849"],
        ["渝北区", "gdp_per_capita", "2006", "value", "20586"],
        ["渝北区", "gdp_per_capita", "2006", "multiple", "2.2"],
    ]


def test_periods_the_data_have_and_those_they_do_not():
    assert rows("今年前三季度,江北区社会消费品零售总额增长9.4%。", published="2023-11-01") == [
        ["江北区", "retail_sales_growth", "2023 Q1-Q3", "growth", "9.4", "%", "", ""]
    ]
    assert reasons("1-11月,江北区社会消费品零售总额增长9.4%。", published="2023-12") == [
        ("9.4%", "the period '1-11月' is not one the data have (Q1, H1, Q1-Q3, year)")
    ]


def test_qualified_names_and_unnamed_numbers_are_listed_with_why():
    text = "2022年全区常住人口111.52万人,其中城镇常住人口81.81万人。全年贡献率达72.3%。"
    assert rows(text, district="涪陵") == [
        ["涪陵区", "pop_resident", "2022", "value", "111.52", "万人", "", ""]
    ]
    assert reasons(text, district="涪陵") == [
        ("81.81万人", "城镇常住人口: narrower than the registry's 常住人口"),
        ("72.3%", "a percentage that no rate of the registry names"),
    ]


def test_groups_the_registry_does_not_hold_and_ranks_without_a_place():
    text = "2017年,重庆GDP总量位列全国城市第4。万州、涪陵、江津一直稳居前列。"
    assert rows(text) == []
    assert reasons(text) == [
        ("第4", "a rank in 全国城市: a national group"),
        ("前列", "前列 names no place: write the rank if the text means one"),
    ]


def test_a_list_after_xinzeng_and_a_count_before_its_name():
    text = "2023年,江北区新增国家小巨人企业2家、专精特新企业25家、智能工厂1个,新增3家上市企业。"
    assert [r[1:5] for r in rows(text)] == [
        ["little_giant_firms_new", "2023", "value", "2"],
        ["srdi_firms_new", "2023", "value", "25"],
        ["smart_factories_new", "2023", "value", "1"],
    ]
    # 上市企业 is not a registry name (上市公司 is): listed, not guessed
    assert reasons(text)[-1][0] == "3家"


def test_shares_with_their_printed_precision():
    text = "前三季度,江北区商品销售总额5560亿元、占全市三分之一;新能源汽车产量占全市总量近六成。"
    drafted = rows(text, published="2023-11")
    assert [r[1:] for r in drafted] == [
        ["commodity_sales", "2023 Q1-Q3", "value", "5560", "亿元", "", ""],
        ["commodity_sales", "2023 Q1-Q3", "share", "三分之一", "", "三分之一", ""],
        ["nev_output", "2023 Q1-Q3", "share", "六成", "", "近六成", ""],
    ]


def test_listed_names_before_a_rank_are_one_rank_each():
    text = "2023年前三季度,江北区一般公共预算收入、全口径税收和收入质量居全市(行政区)第1。"
    assert [(r[1], r[3], r[4], r[7]) for r in rows(text)] == [
        ("fiscal_revenue", "rank", "1", "districts"),
        ("tax_revenue", "rank", "1", "districts"),
        ("revenue_quality", "rank", "1", "districts"),
    ]


def test_a_number_printed_twice_is_one_claim_and_a_different_number_is_two():
    text = (
        "2016年重庆市统计公报。初步核算,全年实现地区生产总值17558.76亿元,比上年增长10.7%。\n"
        "指 标 | 绝对量(亿元) | 比上年增长(%) |\n"
        "全市地区生产总值 | 17558.76 | 10.7 |\n"
    )
    draft = jb.extract_claims(text)
    assert draft[COLUMNS].to_numpy().tolist() == [
        ["重庆市", "gdp", "2016", "value", "17558.76", "亿元", "", ""],
        ["重庆市", "gdp_real_growth", "2016", "growth", "10.7", "%", "", ""],
    ]
    assert draft.loc[0, "note"].endswith("printed again in '全市地区生产总值 | 17558.76 | 10.7 |'")
    # a headline that rounds the body's figure is a claim of its own, checked at its precision
    two = jb.extract_claims(
        "重庆2015年GDP增长11%。全年实现地区生产总值15719.72亿元,同比增长11.0%。"
    )
    assert two[["kind", "stated"]].to_numpy().tolist() == [
        ["growth", "11"],
        ["value", "15719.72"],
        ["growth", "11.0"],
    ]


def test_places_in_a_list_each_make_the_claim_and_fenbie_pairs_them_in_order():
    text = (
        "今年上半年我市GDP增速为5%,其中中心城区、渝西地区和渝东新城增速分别为5.2%、4.6%和5.8%;"
        "渝东北三峡库区增速为4.2%。"
        "大渡口、九龙坡、万盛经开区、綦江(不含万盛)等区县的增速均在6%及以上;渝北和长寿增速超过或达到7%。"
    )
    assert rows(text, published="2025-08-06") == [
        ["重庆市", "gdp_real_growth", "2025 H1", "growth", "5", "%", "", ""],
        ["中心城区（九区合计）", "gdp_real_growth", "2025 H1", "growth", "5.2", "%", "", ""],
        ["大渡口区", "gdp_real_growth", "2025 H1", "growth", "6", "%", "以上", ""],
        ["九龙坡区", "gdp_real_growth", "2025 H1", "growth", "6", "%", "以上", ""],
        ["綦江区", "gdp_real_growth", "2025 H1", "growth", "6", "%", "以上", ""],
        ["渝北区", "gdp_real_growth", "2025 H1", "growth", "7", "%", "以上", ""],
        ["长寿区", "gdp_real_growth", "2025 H1", "growth", "7", "%", "以上", ""],
    ]
    assert reasons(text, published="2025-08-06") == [
        ("4.6%", "渝西地区: not a place the registry holds"),
        ("5.8%", "渝东新城: not a place the registry holds"),
        ("4.2%", "渝东北: a region the registry does not hold"),
    ]


def test_a_rank_of_listed_places_among_all_the_citys_units():
    text = "重庆市统计局公布了今年上半年全市各区县GDP增速,渝北、长寿和潼南的增速位列全市区县前3位。"
    assert rows(text, published="2025-08-06") == [
        [d, "gdp_real_growth", "2025 H1", "rank", "3", "", "前", "all"]
        for d in ("渝北区", "长寿区", "潼南区")
    ]


def test_a_title_naming_several_districts_and_the_city_is_the_citys_text():
    text = "GDP增速为5%。"
    title = "重庆:上半年全市区县GDP增速数据出炉 渝北、长寿和潼南增速位列前3位"
    assert rows(text, title=title, published="2025-08-06")[0][0] == "重庆市"
    assert rows(text, title="2011年重庆市大渡口区统计公报")[0][0] == "大渡口区"


def test_a_table_whose_rows_are_indicators_is_the_subjects_and_a_footnote_mark_is_no_unit_break():
    text = (
        "2023年九龙坡区统计公报。全区常住人口154.02万人。\n"
        "表1 2023年分产业地区生产总值、增速及其比重\n"
        "指 标 | 绝对量(亿元) | 比上年增长(%) | 比重(%) |\n"
        "地区生产总值 | 1867.07 | 6.5 | 100.0 |\n"
        "第一产业 | 8.18 | 4.3 | 0.4 |\n"
        "工 业 | 437.63 | 2.7 | 23.4 |\n"
        "建筑业 | 206.25 | 7.8 | 11.1 |\n"
        "城镇新增就业人员4.20*万人。\n"
    )
    assert [r[1:6] for r in rows(text)] == [
        ["pop_resident", "2023", "value", "154.02", "万人"],
        ["gdp", "2023", "value", "1867.07", "亿元"],
        ["gdp_real_growth", "2023", "growth", "6.5", "%"],
        ["va_primary", "2023", "value", "8.18", "亿元"],
        ["va_primary_growth", "2023", "growth", "4.3", "%"],
        ["va_primary_share", "2023", "value", "0.4", "%"],
        ["industrial_va", "2023", "value", "437.63", "亿元"],
        ["industrial_va_growth", "2023", "growth", "2.7", "%"],
        ["new_urban_jobs", "2023", "value", "4.20", "万人"],
    ]
    assert {d for d, *_ in rows(text)} == {"九龙坡区"}
    assert reasons(text) == [
        ("100.0", "the total's share of itself"),
        ("23.4", "the registry has no share of industrial_va in GDP"),
        ("206.25", "建筑业: no place or indicator of the registry"),
        ("7.8", "建筑业: no place or indicator of the registry"),
        ("11.1", "建筑业: no place or indicator of the registry"),
    ]


def test_a_line_broken_inside_a_sentence_and_a_region_named_in_quotes():
    text = (
        "2012年重庆市统计公报\n"
        "三次产业结构比为\n8.2:53.9:37.9。\n"
        "“一小时经济圈”[2]完成地区生产总值8864.78亿元,比上年增长13.4%,占全市生产总值的77.4%。\n"
    )
    assert [r[1:5] for r in rows(text)] == [
        ["va_primary_share", "2012", "value", "8.2"],
        ["va_secondary_share", "2012", "value", "53.9"],
        ["va_tertiary_share", "2012", "value", "37.9"],
    ]
    assert reasons(text)[0] == ("8864.78亿元", "一小时经济圈: a region the registry does not hold")
    assert len(reasons(text)) == 3  # its growth and its share are not the city's either


def test_a_share_after_a_growth_rate_is_a_share_of_the_level():
    text = "2023年江北区完成地区生产总值1744.0亿元,比上年增长6.7%,占全市生产总值的5.8%。"
    assert [[*r[1:5], r[7]] for r in rows(text)] == [
        ["gdp", "2023", "value", "1744.0", ""],
        ["gdp_real_growth", "2023", "growth", "6.7", ""],
        ["gdp", "2023", "share", "5.8%", ""],
    ]
    assert jb.extract_claims(text)["denominator"].tolist() == ["", "", "全市"]


def test_a_wrapped_english_line_keeps_its_space():
    from jbanalysis.claims.extract.reading import sentences

    text = "In 2023, Jiangbei's GDP grew 6.7% while the city as a whole, by the same measure, grew\n6.1%."
    assert [s.text for s in sentences(text)] == [
        "In 2023, Jiangbei's GDP grew 6.7% while the city as a whole, by the same measure, grew 6.1%."
    ]


def test_numbers_in_a_list_are_listed_and_a_list_mark_is_not_a_number():
    text = (
        "2021年一季度,沙坪坝区固定资产投资、税收收入两年平均增速分别高于全市水平17、10.1个百分点。"
    )
    assert [number for number, _ in reasons(text)] == ["17", "10.1个百分点"]
    assert reasons("1、2011年全区实现地区生产总值149.9亿元。", district="大渡口") == []
