"""Corpus cases, round three (issue 20): period heads, tables side by side, the unit in a note
line, years running backwards around hidden helper columns. Called by ``make_tables.py``.

Annual figures are the bundle's (GDP 2021-2022, 渝中 real growth, 渝北 population); the city's
2024 Q1-Q3 figures are those published (GDP 23244.31 亿元, up 6.0 %). Every other figure (other
part-year heads: 一季度, 上半年, 1-2月; full-year 2023-2024 levels; columns left out, such as an
average growth) is a placeholder of a realistic size: these cases test how a head is read, and
nothing here is bundled.
"""

from __future__ import annotations

Q3 = "2024年"  # the year of the part-year cases


def shapes(case, csv, xlsx, v) -> None:
    periods(case, csv, v)
    more_periods(case, csv, v)
    changes(case, csv, v)
    side_by_side(case, csv, xlsx, v)
    note_units(case, csv, v)
    backwards_hidden(case, csv, xlsx, v)


def periods(case, csv, v) -> None:
    """Each period head, with a growth column beside it where bulletins print one."""
    case(
        "head_quannian_districts",
        "refused",
        "全年(亿元) | 比上年增长(%) per district under a year title: the year's level and growth",
        csv(
            "head_quannian.csv",
            [
                "2021年各区地区生产总值",
                "地区,全年(亿元),比上年增长(%)",
                "渝中区,1517.7,6.1",
                "渝北区,2235.61,8.5",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp", 2235.61),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
        ],
        rows=(2, 2, 0),
    )
    case(
        "head_benian_shangnian_tongqi",
        "refused",
        "本年 | 上年同期 | 比上年增长 under 2022年: 2022 and 2021 levels, the growth of 2022",
        csv(
            "head_benian_tongqi.csv",
            [
                "2022年渝中区国民经济主要指标",
                "指标,单位,本年,上年同期,比上年增长(%)",
                "地区生产总值,亿元,1560.91,1517.7,1.9",
            ],
        ),
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
        ],
        rows=(1, 1, 0),
    )
    case(
        "head_cumulative_h1_growth",
        "wrong",
        "1-6月累计 | 累计增长(%): both of the first half (H1), the growth never the year's",
        csv(
            "head_cum_h1.csv",
            [
                "重庆市2024年主要经济指标",
                "指标,单位,1-6月累计,累计增长(%)",
                "地区生产总值,亿元,15109.15,6.1",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 15109.15, "H1"),
            v("chongqing", 2024, "gdp_real_growth", 6.1, "H1"),
        ],
        rows=(1, 1, 0),
    )
    for name, head, period in (
        ("head_q1_growth", "一季度", "Q1"),
        ("head_q3_growth", "前三季度", "Q1-Q3"),
        ("head_h1_growth", "上半年", "H1"),
    ):
        case(
            name,
            "wrong",
            f"{head} | 比上年同期增长(%): the growth beside a {head} level is {period}'s (同期)",
            csv(
                f"{name}.csv",
                [
                    "重庆市2024年主要经济指标",
                    f"指标,单位,{head},比上年同期增长(%)",
                    "地区生产总值,亿元,23244.31,6.0",
                ],
            ),
            values=[
                v("chongqing", 2024, "gdp", 23244.31, period),
                v("chongqing", 2024, "gdp_real_growth", 6.0, period),
            ],
            rows=(1, 1, 0),
        )
    case(
        "head_jan_feb_growth_left_out",
        "wrong",
        "1-2月 | 增长 | 1-9月 | 增长: the growth beside 1-2月 (no period code) is left out with it, "
        "never filed as the year's; the 1-9月 pair is Q1-Q3",
        csv(
            "head_jan_feb_then_q3.csv",
            [
                "重庆市2024年主要经济指标",
                "指标,单位,1-2月,增长(%),1-9月,增长(%)",
                "地区生产总值,亿元,4800.0,5.0,23244.31,6.0",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
        ignored=["1-2月", "增长(%)"],
    )
    case(
        "head_jan_feb_only",
        "wrong",
        "1-2月 | 比上年同期增长 alone: nothing to place, both columns named with the reason",
        csv(
            "head_jan_feb.csv",
            [
                "重庆市2024年主要指标",
                "指标,单位,1-2月,比上年同期增长(%)",
                "社会消费品零售总额,亿元,2900.0,4.1",
            ],
        ),
        error=(
            "cannot tell the layout: no column holds values the reader can place — #3 '1-2月': "
            "months 1–2 (1-2月): a period the registry has no code for; #4 '比上年同期增长(%)': "
            "beside '1-2月', of its period: months 1–2 (1-2月): a period the registry has no code "
            "for",
            2,
            None,
        ),
    )
    case(
        "title_jan_feb",
        "wrong",
        "a 2024年1-2月 title over 绝对值 | 增长: Jan-Feb values, never stored as the year's",
        csv(
            "title_jan_feb.csv",
            ["2024年1-2月各区社会消费品零售总额", "地区,绝对值(亿元),增长(%)", "江北区,110.3,3.2"],
        ),
        error=(
            "months 1–2 (1-2月): a period the registry has no code for (the title "
            "'2024年1-2月各区社会消费品零售总额'): these values are not the year's, and the registry "
            "keeps only the year (Y), Q1, H1 and Q1-Q3, so they cannot be stored",
            3,
            "绝对值(亿元)",
        ),
    )
    case(
        "head_12_month_end_districts",
        "refused",
        "12月末(万人) per district under 2022年: the population at the end of 2022 (Y)",
        csv("head_12_end.csv", ["2022年各区常住人口", "地区,12月末(万人)", "渝北区,225.42"]),
        values=[v("渝北区", 2022, "pop_resident", 225.42)],
        rows=(1, 1, 0),
    )
    case(
        "head_h1_title_relative",
        "refused",
        "本期 | 上年同期 | 增长 under an 上半年 title: H1 of 2024 and of 2023",
        csv(
            "head_h1_relative.csv",
            [
                "2024年上半年重庆市主要经济指标",
                "指标,单位,本期,上年同期,增长(%)",
                "地区生产总值,亿元,15109.15,14200.0,6.1",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 15109.15, "H1"),
            v("chongqing", 2023, "gdp", 14200.0, "H1"),
            v("chongqing", 2024, "gdp_real_growth", 6.1, "H1"),
        ],
        rows=(1, 1, 0),
    )
    case(
        "head_q3_two_years_growth",
        "wrong",
        "2024年前三季度 | 2023年前三季度 | 增长: Q1-Q3 of each year, the growth the newer one's",
        csv(
            "head_q3_two_years.csv",
            [
                "重庆市地区生产总值(亿元)",
                "指标,2024年前三季度,2023年前三季度,增长(%)",
                "地区生产总值,23244.31,21900.0,6.0",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2023, "gdp", 21900.0, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
    )
    case(
        "head_second_quarter_left_out",
        "wrong",
        "二季度 | 增长 | 上半年 | 增长: the second quarter and its growth left out, H1 read",
        csv(
            "head_q2_then_h1.csv",
            [
                "重庆市2024年主要经济指标",
                "指标,单位,二季度,增长(%),上半年,增长(%)",
                "地区生产总值,亿元,7700.0,6.0,15109.15,6.1",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 15109.15, "H1"),
            v("chongqing", 2024, "gdp_real_growth", 6.1, "H1"),
        ],
        rows=(1, 1, 0),
        ignored=["二季度", "增长(%)"],
    )


def side_by_side(case, csv, xlsx, v) -> None:
    """Tables side by side on one sheet: each read on its own, the report naming their columns."""
    said = "2 tables side by side (columns {}): each read on its own"
    case(
        "side_by_side_districts",
        "refused",
        "GDP and retail sales side by side with an empty column between, each with its title",
        csv(
            "side_by_side.csv",
            [
                "2020年各区地区生产总值,,,2020年各区社会消费品零售总额,",
                "地区,绝对值(亿元),,地区,绝对值(亿元)",
                "江北区,1325.4,,江北区,687.05",
                "南岸区,813.25,,南岸区,536.0",
            ],
        ),
        values=[
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2020, "gdp", 813.25),
            v("江北区", 2020, "retail_sales", 687.05),
            v("南岸区", 2020, "retail_sales", 536.0),
        ],
        rows=(4, 4, 0),
        notes=[said.format("#1–#2 and #4–#5")],
    )
    case(
        "side_by_side_no_gap",
        "refused",
        "two tables touching (地区 | 亿元 | 地区 | 亿元), the indicator and year in each title",
        csv(
            "side_by_side_touching.csv",
            [
                "表1 2020年地区生产总值,,表2 2020年社会消费品零售总额,",
                "地区,亿元,地区,亿元",
                "江北区,1325.4,江北区,687.05",
            ],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4), v("江北区", 2020, "retail_sales", 687.05)],
        rows=(2, 2, 0),
        notes=[said.format("#1–#2 and #3–#4")],
    )
    case(
        "side_by_side_bulletins",
        "refused",
        "two bulletin blocks 指标 | 单位 | 2021年 side by side under one title: the title serves both",
        csv(
            "side_by_side_bulletin.csv",
            [
                "2021年江北区主要指标",
                "指标,单位,2021年,,指标,单位,2021年",
                "地区生产总值,亿元,1507.07,,第一产业增加值,亿元,2.1",
            ],
        ),
        values=[v("江北区", 2021, "gdp", 1507.07), v("江北区", 2021, "va_primary", 2.1)],
        rows=(2, 2, 0),
        notes=[said.format("#1–#3 and #5–#7")],
    )
    case(
        "side_by_side_workbook",
        "refused",
        "a sheet with two district tables side by side whose titles look like heads "
        "(地区生产总值(亿元) | 常住人口(万人)): each read, its cells named by their letters",
        xlsx(
            "side_by_side.xlsx",
            [
                {
                    "title": "2021",
                    "rows": [
                        ["地区生产总值(亿元)", None, None, "常住人口(万人)"],
                        ["区县", "2021年", None, "区县", "2021年"],
                        ["渝中区", 1517.7, None, "渝北区", 220.58],
                    ],
                }
            ],
        ),
        values=[v("渝中区", 2021, "gdp", 1517.7), v("渝北区", 2021, "pop_resident", 220.58)],
        rows=(2, 2, 0),
        notes=[said.format("A–B and D–E")],
    )
    case(
        "side_by_side_continued",
        "refused",
        "one long table continued in a second block to the right (地区 | 2020年 | 2021年 twice)",
        xlsx(
            "side_by_side_continued.xlsx",
            [
                {
                    "title": "GDP",
                    "rows": [
                        ["各区地区生产总值(亿元)"],
                        ["地区", "2020年", "2021年", None, "地区", "2020年", "2021年"],
                        ["渝中区", 1358.5, 1517.7, None, "江北区", 1325.4, 1507.07],
                        ["渝北区", 2009.52, 2235.61, None, "南岸区", 813.25, 880.98],
                    ],
                }
            ],
        ),
        values=[
            v("渝中区", 2020, "gdp", 1358.5),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝北区", 2020, "gdp", 2009.52),
            v("渝北区", 2021, "gdp", 2235.61),
            v("江北区", 2020, "gdp", 1325.4),
            v("江北区", 2021, "gdp", 1507.07),
            v("南岸区", 2020, "gdp", 813.25),
            v("南岸区", 2021, "gdp", 880.98),
        ],
        rows=(4, 4, 0),
        notes=[said.format("A–C and E–G")],
    )
    case(
        "unit_only_head",
        "refused",
        "地区 | 亿元 under 2020年地区生产总值: numbers under a head that gives only their unit",
        csv(
            "unit_only_head.csv",
            ["2020年地区生产总值", "地区,亿元", "江北区,1325.4", "南岸区,813.25"],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )


def note_units(case, csv, v) -> None:
    """The unit given once for the whole table in a note line (注：单位为亿元)."""
    rows = ["地区,2021年,2020年", "渝中区,1517.7,1358.5", "渝北区,2235.61,2009.52"]
    values = [
        v("渝中区", 2021, "gdp", 1517.7),
        v("渝中区", 2020, "gdp", 1358.5),
        v("渝北区", 2021, "gdp", 2235.61),
        v("渝北区", 2020, "gdp", 2009.52),
    ]
    case(
        "unit_in_note_below",
        "refused",
        "注：单位为亿元 under the table: the unit of every value, said in the report",
        csv("unit_note_below.csv", ["各区地区生产总值", *rows, "注：单位为亿元"]),
        values=values,
        rows=(3, 2, 1),
        notes=["unit 亿元 from the note '注：单位为亿元', where nothing else says"],
    )
    case(
        "unit_in_note_above",
        "refused",
        "注：单位为亿元 between the title and the head",
        csv("unit_note_above.csv", ["各区地区生产总值", "注：单位为亿元", *rows]),
        values=values,
        rows=(2, 2, 0),
    )
    case(
        "unit_in_note_with_basis",
        "refused",
        "说明：表中数据单位：亿元；增速按可比价计算 — the unit, and real growth",
        csv(
            "unit_note_basis.csv",
            [
                "各区地区生产总值",
                "地区,2021年,比上年增长(%)",
                "渝中区,1517.7,6.1",
                "说明：表中数据单位：亿元；增速按可比价计算。",
            ],
        ),
        values=[v("渝中区", 2021, "gdp", 1517.7), v("渝中区", 2021, "gdp_real_growth", 6.1)],
        rows=(2, 1, 1),
    )
    case(
        "unit_in_note_for_one_indicator",
        "unclear",
        "注：人均地区生产总值单位为元 gives one indicator's unit, never the table's: asked for",
        csv(
            "unit_note_one_indicator.csv",
            ["各区地区生产总值", *rows[:2], "注：人均地区生产总值单位为元。"],
        ),
        error=(
            "no unit for 'gdp': expected a unit column, a unit in the head such as '(万元)', a "
            "'单位：' line, or unit= (--unit)",
            3,
            "2021年",
        ),
    )


def backwards_hidden(case, csv, xlsx, v) -> None:
    """Years newest first, hidden helper columns between a year and its growth."""
    case(
        "backwards_three_years_growth",
        "wrong",
        "2022年 | 2021年 | 2020年 | 比上年增长: the growth is the newest year's",
        csv(
            "backwards_three.csv",
            [
                "渝中区地区生产总值(亿元)",
                "指标,2022年,2021年,2020年,比上年增长(%)",
                "地区生产总值,1560.91,1517.7,1358.5,1.9",
            ],
        ),
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2020, "gdp", 1358.5),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
        ],
        rows=(1, 1, 0),
    )
    sheet = {
        "title": "GDP",
        "rows": [
            ["地区", "2022年", "2021年", "上年数(辅助)", "比上年增长(%)"],
            ["渝中区", 1560.91, 1517.7, 1517.7, 1.9],
        ],
        "hidden_cols": ["D"],
    }
    case(
        "backwards_hidden_helper",
        "wrong",
        "2022年 | 2021年 | hidden helper | 增长: the growth is 2022's, the helper left out",
        xlsx("backwards_hidden_helper.xlsx", [sheet]),
        {"indicator": "gdp", "unit": "亿元"},
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
        ],
        rows=(1, 1, 0),
        notes=[
            "hidden column(s) D left out (the table is read as Excel shows it; unhide them and "
            "save to read them)"
        ],
    )
    case(
        "backwards_pairs_hidden_between",
        "wrong",
        "2022年 | 增长 | hidden | 2021年 | 增长: each growth with the year on its left",
        xlsx(
            "backwards_pairs_hidden.xlsx",
            [
                {
                    "title": "GDP",
                    "rows": [
                        ["地区", "2022年", "增长(%)", "差额", "2021年", "增长(%)"],
                        ["渝中区", 1560.91, 1.9, 43.21, 1517.7, 6.1],
                    ],
                    "hidden_cols": ["D"],
                }
            ],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
        ],
        rows=(1, 1, 0),
    )
    case(
        "backwards_hidden_older_years",
        "wrong",
        "2021年 | hidden 2020年 | hidden 2019年 | 比上年增长: 2021 and its growth only",
        xlsx(
            "backwards_hidden_years.xlsx",
            [
                {
                    "title": "GDP",
                    "rows": [
                        ["地区", "2021年", "2020年", "2019年", "比上年增长(%)"],
                        ["渝北区", 2235.61, 2009.52, 1848.24, 8.5],
                    ],
                    "hidden_cols": ["C", "D"],
                }
            ],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("渝北区", 2021, "gdp", 2235.61), v("渝北区", 2021, "gdp_real_growth", 8.5)],
        rows=(1, 1, 0),
    )


def more_periods(case, csv, v) -> None:
    """Period heads as monthly reports write them, and 上年同期 beside part-year columns."""
    case(
        "same_period_beside_q3",
        "wrong",
        "1-9月 | 增长 | 上年同期 under a 2024 title: 上年同期 is Q1-Q3 of 2023, not the year 2023",
        csv(
            "same_period_q3.csv",
            [
                "2024年江北区主要指标",
                "指标,单位,1-9月,增长(%),上年同期",
                "地区生产总值,亿元,1230.5,5.9,1160.0",
            ],
        ),
        values=[
            v("江北区", 2024, "gdp", 1230.5, "Q1-Q3"),
            v("江北区", 2024, "gdp_real_growth", 5.9, "Q1-Q3"),
            v("江北区", 2023, "gdp", 1160.0, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
    )
    case(
        "same_period_beside_several",
        "wrong",
        "一季度 | 上半年 | 上年同期: which period 上年同期 matches is unclear, so it is left out",
        csv(
            "same_period_several.csv",
            [
                "2024年江北区地区生产总值(亿元)",
                "指标,一季度,上半年,上年同期",
                "地区生产总值,400.1,810.2,760.0",
            ],
        ),
        values=[
            v("江北区", 2024, "gdp", 400.1, "Q1"),
            v("江北区", 2024, "gdp", 810.2, "H1"),
        ],
        rows=(1, 1, 0),
        ignored=["上年同期"],
    )
    case(
        "same_period_full_year",
        "refused",
        "上年同期 | 本期 | 增长 under a year title: the years 2023 and 2024",
        csv(
            "same_period_year.csv",
            [
                "2024年江北区主要指标",
                "指标,单位,上年同期,本期,增长(%)",
                "地区生产总值,亿元,1700.0,1800.0,5.8",
            ],
        ),
        values=[
            v("江北区", 2023, "gdp", 1700.0),
            v("江北区", 2024, "gdp", 1800.0),
            v("江北区", 2024, "gdp_real_growth", 5.8),
        ],
        rows=(1, 1, 0),
    )
    case(
        "month_report_this_month_left_out",
        "wrong",
        "a 2024年12月 report: 本月 left out, 1-12月 and its growth are the year",
        csv(
            "month_report.csv",
            [
                "重庆市2024年12月主要指标",
                "指标,单位,本月,1-12月,增长(%)",
                "社会消费品零售总额,亿元,1400.0,15700.0,3.6",
            ],
        ),
        values=[
            v("chongqing", 2024, "retail_sales", 15700.0),
            v("chongqing", 2024, "retail_sales_growth", 3.6),
        ],
        rows=(1, 1, 0),
        ignored=["本月"],
    )
    case(
        "single_month_then_cumulative",
        "wrong",
        "12月 | 1-12月累计 | 累计增长: the single month left out, the cumulative pair the year",
        csv(
            "month_then_cumulative.csv",
            [
                "重庆市2024年主要指标",
                "指标,单位,12月,1-12月累计,累计增长(%)",
                "社会消费品零售总额,亿元,1400.0,15700.0,3.6",
            ],
        ),
        values=[
            v("chongqing", 2024, "retail_sales", 15700.0),
            v("chongqing", 2024, "retail_sales_growth", 3.6),
        ],
        rows=(1, 1, 0),
        ignored=["12月"],
    )
    case(
        "quarters_under_year_head",
        "refused",
        "2024年 over 一季度 | 上半年 | 前三季度 (a two-row head): three cumulative periods of 2024",
        csv(
            "quarters_two_rows.csv",
            [
                "重庆市地区生产总值(亿元)",
                "指标,2024年,,",
                ",一季度,上半年,前三季度",
                "地区生产总值,7400.0,15109.15,23244.31",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 7400.0, "Q1"),
            v("chongqing", 2024, "gdp", 15109.15, "H1"),
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
    )
    case(
        "em_dash_half_year",
        "wrong",
        "1—6月 (an em dash) | 同比增长: the first half, growth included",
        csv(
            "em_dash_h1.csv",
            [
                "重庆市2024年主要指标",
                "指标,单位,1—6月,同比增长(%)",
                "地区生产总值,亿元,15109.15,6.1",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 15109.15, "H1"),
            v("chongqing", 2024, "gdp_real_growth", 6.1, "H1"),
        ],
        rows=(1, 1, 0),
    )
    for name, title, said in (
        ("title_single_month", "2024年9月各区主要指标", "a single month (9月)"),
        ("title_second_half", "2024年江北区下半年主要指标", "下半年"),
    ):
        case(
            name,
            "wrong",
            f"a title naming {said} over 绝对值 | 增长: never stored as the year's",
            csv(f"{name}.csv", [title, "地区,地区生产总值(亿元),增长(%)", "江北区,800.1,5.2"]),
            error=(
                f"{said}: a period the registry has no code for (the title '{title}'): these "
                "values are not the year's, and the registry keeps only the year (Y), Q1, H1 and "
                "Q1-Q3, so they cannot be stored",
                3,
                "地区生产总值(亿元)",
            ),
        )
    case(
        "unit_in_numbered_note",
        "refused",
        "注：1.单位为亿元；2.增速按可比价计算。: the unit from the note's first item",
        csv(
            "unit_note_numbered.csv",
            [
                "各区地区生产总值",
                "地区,2021年,2020年",
                "渝中区,1517.7,1358.5",
                "注：1.单位为亿元；2.增速按可比价计算。",
            ],
        ),
        values=[v("渝中区", 2021, "gdp", 1517.7), v("渝中区", 2020, "gdp", 1358.5)],
        rows=(2, 1, 1),
    )


def changes(case, csv, v) -> None:
    """Columns of change that are no values: average growth, percentage points."""
    case(
        "average_growth_with_percent_unit",
        "unclear",
        "2021年 | 2020年 | 2019年 | 年均增长(%): the average left out, its (%) never the table's "
        "unit (it was: 'unit % does not fit gdp')",
        csv(
            "average_growth_pct.csv",
            [
                "各区地区生产总值(亿元)",
                "地区,2021年,2020年,2019年,年均增长(%)",
                "渝中区,1517.7,1358.5,1301.35,8.0",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2020, "gdp", 1358.5),
            v("渝中区", 2019, "gdp", 1301.35),
        ],
        rows=(1, 1, 0),
        ignored=["年均增长(%)"],
    )
    case(
        "points_in_unit",
        "unclear",
        "比1-6月提高(百分点) beside a 1-9月 pair: a change in points (said by its unit), left out",
        csv(
            "points_unit.csv",
            [
                "重庆市2024年主要指标",
                "指标,单位,1-9月,比上年同期增长(%),比1-6月提高(百分点)",
                "地区生产总值,亿元,23244.31,6.0,-0.1",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
        ignored=["比1-6月提高(百分点)"],
    )
    case(
        "month_end_stock_since_start_of_year",
        "refused",
        "9月末 | 比年初增长(%) under a 1-9月 title: the stock at the end of September (Q1-Q3); the "
        "change since January left out",
        csv(
            "month_end_since_start.csv",
            [
                "2024年1-9月江北区主要指标",
                "指标,单位,9月末,比年初增长(%)",
                "金融机构存款余额,亿元,5000.0,3.0",
            ],
        ),
        values=[v("江北区", 2024, "deposits", 5000.0, "Q1-Q3")],
        rows=(1, 1, 0),
        ignored=["比年初增长(%)"],
    )
    case(
        "every_cell_left_out",
        "unclear",
        "a table whose only cells are a growth the registry has no indicator for: a clear error "
        "(it was a KeyError from the report's notes)",
        csv(
            "only_left_out.csv",
            ["2024年江北区主要指标", "指标,单位,比上年增长(%)", "金融机构存款余额,亿元,3.0"],
        ),
        error=(
            "no values read: every row was left out — 比上年增长(%) row 3: growth of 金融机构存款余额: "
            "the registry has no growth indicator for deposits",
            None,
            None,
        ),
    )
