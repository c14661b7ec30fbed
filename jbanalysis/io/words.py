"""The words tables use for what a column or row is: key heads, measures, periods, price bases.

Every set holds comparison keys (:func:`jbanalysis.names.normalise` of the cleaned text, spaces
between Chinese characters removed: ``指 标`` is ``指标``). Patterns are matched against the same.
The sets say what a word *means*; :mod:`jbanalysis.io.heads` peels them off a head one by one.
"""

from __future__ import annotations

import re

#: Heads of key columns, by the key they hold.
KEY_HEADS = {
    "district": {
        "district",
        "districts",
        "地区",
        "区县",
        "区县名称",
        "区域",
        "名称",
        "地区名称",
        "行政区",
        "行政区划",
        "区县(自治县)",
        "区县(市)",
        "区(县)",
        "区",
        "县",
        "单位名称",
        "county",
        "region",
        "area",
        "district/county",
        "districts and counties",
        "地区 region",
    },
    "code": {
        "代码",
        "区划代码",
        "行政区划代码",
        "地区代码",
        "区县代码",
        "编码",
        "code",
        "adcode",
        "area code",
    },
    "year": {"year", "年份", "年", "年度", "时间", "years"},
    "indicator": {
        "indicator",
        "indicators",
        "指标",
        "指标名称",
        "项目",
        "主要指标",
        "item",
        "items",
        "统计指标",
    },
    "value": {
        "value",
        "数值",
        "值",
        "数据",
        "指标值",
        "数据值",
        "统计值",
    },
    "unit": {"unit", "units", "单位", "计量单位", "unit of measurement"},
    "note": {
        "note",
        "notes",
        "备注",
        "说明",
        "注",
        "附注",
        "来源",
        "资料来源",
        "数据来源",
        "source",
    },
    "rownum": {
        "序号",
        "编号",
        "行次",
        "栏次",
        "序",
        "no",
        "no.",
        "#",
        "number",
        "页码",
        "页次",
        "page",
    },
}

#: Words that make a column a rank (位次 is the place among districts, not a value).
RANK = re.compile(r"(位次|排名|排序|名次|位序|排位|^rank|ranking|^order$)")
#: A share of a total (比重, 占全市%): a value, but of its own indicator (第一产业比重).
SHARE = re.compile(r"(比重|占比|所占比|占全市|占全区|占gdp|构成|^share|share of|proportion)")
#: Per person (人均): the per-capita indicator of the level (人均地区生产总值).
PER_CAPITA = re.compile(r"^(人均|per capita\s*)")
#: An index (上年=100, 1978=100, 发展速度, 指数): not a growth rate in percent.
INDEX = re.compile(r"(\d{4}\s*年?\s*=\s*100|上年\s*=\s*100|上年同期\s*=\s*100|指数|发展速度|index)")
#: Growth in percent over the previous year (or the same period of it).
GROWTH = re.compile(
    r"(比上年同期|比去年同期|较上年同期|比上年|比去年|较上年|较去年|同比|比\s*\d{4}\s*年?)?"
    r"\s*(名义|实际|累计)?\s*(增长率|增长速度|增长|增速|增幅|增减|±|growth rate|growth|"
    r"change|increase)\s*(率)?\s*(%|\(%\)|percent)?"
)
#: A comparison alone, with a percent (同比(%), 比上年(%)): growth over the same period last year.
COMPARISON = re.compile(
    r"^(同比|环比前|比上年同期|比去年同期|较上年同期|比上年|比去年|较上年|较去年|上年同期比)$"
)
#: An amount of change (比上年增加 3.2亿元) or percentage points: not a growth rate.
CHANGE_AMOUNT = re.compile(r"(增加额|增减额|增量|增加值量|绝对额增加|增减量|比上年增加|比上年减少)")
POINTS = re.compile(r"(百分点|个百分点|percentage point|pp$)")
#: Average growth over several years (2021-2024年年均增长): not one year's growth.
AVERAGE = re.compile(r"(年均|平均每年|average annual|annual average)")
#: The measure said outright: the level itself.
LEVEL = re.compile(
    r"^(绝对值|绝对量|绝对数|绝对额|总量|总额|总值|数值|金额|数量|规模|实绩|level|amount|total value|value)$"
)
#: Price basis: current prices (nominal) or comparable/constant prices (real).
NOMINAL = re.compile(r"(按?现行?价(格)?(计算)?|按?当年价(格)?(计算)?|名义|current prices?|nominal)")
REAL = re.compile(
    r"(按?可比价(格)?(计算)?|按?不变价(格)?(计算)?|实际|comparable prices?|constant prices?|"
    r"\breal\b(?!\s*estate))"
)
TARGET = re.compile(
    r"(目标|预期|远景|规划值|计划值|计划|规划目标|target|goal|projection|预测|预算数)"
)
ESTIMATE = re.compile(r"(预计|预估|estimate|estimated)")
#: A year-on-year change since the start of the year (比年初): not growth over the previous year.
SINCE_START = re.compile(r"(比年初|较年初|比上年末|较上年末)")

#: Words that say a table's growth columns are at comparable prices, or at current prices, in a
#: note or a title (``增长速度按可比价格计算``, ``本表按当年价格计算``); see heads.basis_of_text.
GROWTH_SUBJECT = re.compile(r"(增长|增速|速度|相对数|发展速度|growth)")
LEVEL_SUBJECT = re.compile(r"(绝对数|绝对值|总量|总值|生产总值|增加值|level|absolute)")

TOTAL_NAMES = {
    "合计",
    "总计",
    "全市",
    "全区",
    "全县",
    "总计合计",
    "total",
    "sum",
    "全市合计",
    "中心城区合计",
    "小计",
    "全市总计",
    "各区县合计",
    "all",
}
NOTE_PREFIXES = (
    "注",
    "备注",
    "note",
    "说明",
    "资料来源",
    "数据来源",
    "source",
    "附注",
    "*",
    "＊",
    "※",
)

#: Qualifiers that do not change which indicator a name means, tried off only when the name as
#: written is not in the registry (金融机构本外币存款余额 is 金融机构存款余额).
QUALIFIERS = (
    ("规模以上", "规上"),
    ("本外币", ""),
    ("城镇常住居民", "城镇居民"),
    ("农村常住居民", "农村居民"),
    ("全体常住居民", "全体居民"),
    ("全体居民", ""),
    ("年末", ""),
    ("年底", ""),
    ("全年", ""),
    ("全区", ""),
    ("全市", ""),
    ("实现", ""),
    ("完成", ""),
    ("其中", ""),
    ("总额", "总值"),
)

#: English heads of yearbook tables that the registry's English names do not spell the same way.
ENGLISH = {
    "gross regional product": "gdp",
    "gross domestic product": "gdp",
    "grp": "gdp",
    "primary industry": "va_primary",
    "secondary industry": "va_secondary",
    "tertiary industry": "va_tertiary",
    "per capita grp": "gdp_per_capita",
    "per capita gdp": "gdp_per_capita",
    "per capita gross regional product": "gdp_per_capita",
    "total retail sales of consumer goods": "retail_sales",
    "retail sales": "retail_sales",
    "resident population": "pop_resident",
    "permanent residents": "pop_resident",
    "registered population": "pop_registered",
    "general public budget revenue": "fiscal_revenue",
    "general public budget expenditure": "fiscal_expenditure",
    "investment in fixed assets": "fai",
    "fixed asset investment": "fai",
}
