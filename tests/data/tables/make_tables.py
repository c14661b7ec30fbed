"""Write the corpus of table shapes (issue 20): the input files and ``cases.json``.

Run ``python tests/data/tables/make_tables.py`` after adding a case; the files it writes are
committed (so that a reader can open them) and ``tests/test_io_tables.py`` reads every case.

The shapes are those of Chinese yearbook pages (统计年鉴: 各区县主要指标, two- and three-row heads,
merged cells, 位次 and 比重 columns, the edition year in the title), district bulletins (统计公报:
指标 | 单位 | 绝对值 | 比上年增长, part-year 1-9月 tables, notes on the price basis) and government
Excel exports (number formats, hidden helper columns, contents sheets). Numbers are the bundled
ones where the bundle has them (cq_yearbook_panel, published_figures); part-year figures of
Chongqing are those published for 2024 (前三季度 GDP 23244.31 亿元, up 6.0 %).

Each case: ``name``, ``cls`` (the issue's class: wrong, refused, unclear, numbers, sheets, slips,
yearbook), ``what``, ``file``, ``args`` (for read_table), ``expect`` (``ok`` or ``error``), and
either ``values`` (every value read: district, year, indicator, period, value, in any order) with
``rows`` (rows in, used, rejected) and optional ``left_out``/``ignored`` counts, or ``error``
(the exact reason, row and column of the DataError).
"""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from shapes_periods import shapes  # the same folder

HERE = Path(__file__).resolve().parent
CASES: list[dict] = []

# Real figures (the bundle: cq_yearbook_panel 2018-2020, published_figures 2021-2022).
GDP = {  # 亿元
    2018: {"渝中区": 1205.6, "江北区": 1027.87, "南岸区": 724.78, "渝北区": 1543.09},
    2019: {"渝中区": 1291.6, "江北区": 1240.07, "南岸区": 770.58, "渝北区": 1848.24},
    2020: {"渝中区": 1357.6, "江北区": 1325.4, "南岸区": 813.25, "渝北区": 2009.52},
    2021: {"渝中区": 1517.7, "江北区": 1507.07, "南岸区": 880.98, "渝北区": 2235.61},
    2022: {"渝中区": 1560.91, "江北区": 1602.76, "南岸区": 922.13, "渝北区": 2297.11},
}
IDS = {"渝中区": "yuzhong", "江北区": "jiangbei", "南岸区": "nanan", "渝北区": "yubei"}
RETAIL_2020 = {"江北区": 687.05, "南岸区": 536.0, "渝北区": 947.01, "九龙坡区": 753.74}
IDS.update(
    九龙坡区="jiulongpo", 大渡口区="dadukou", 沙坪坝区="shapingba", 北碚区="beibei", 巴南区="banan"
)


def case(name, cls, what, file, args=None, *, values=None, rows=None, error=None, **extra):
    entry = {"name": name, "cls": cls, "what": what, "file": file, "args": args or {}}
    if error is not None:
        reason, row, column = error
        entry.update(expect="error", error={"reason": reason, "row": row, "column": column})
    else:
        entry.update(expect="ok", values=values, rows=list(rows))
    entry.update(extra)
    CASES.append(entry)


def csv(name: str, lines: list[str], encoding: str = "utf-8") -> str:
    (HERE / name).write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return name


def xlsx(name: str, sheets: list[dict], active: int = 0, chart: str | None = None) -> str:
    """``sheets``: dicts with ``title``, ``rows`` and optional ``merge`` (ranges), ``formats``
    ({cell: format}), ``hidden_rows``, ``hidden_cols`` (letters), ``state``."""
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        ws = book.create_sheet(spec["title"])
        for row in spec["rows"]:
            ws.append(row)
        for area in spec.get("merge", []):
            ws.merge_cells(area)
        for cell, fmt in spec.get("formats", {}).items():
            for ref in _cells(ws, cell):
                ref.number_format = fmt
        for r in spec.get("hidden_rows", []):
            ws.row_dimensions[r].hidden = True
        for c in spec.get("hidden_cols", []):
            ws.column_dimensions[c].hidden = True
        if spec.get("state"):
            ws.sheet_state = spec["state"]
    if chart:
        data = book.worksheets[active]
        cs = book.create_chartsheet(chart, 0)
        bar = BarChart()
        bar.add_data(Reference(data, min_col=2, min_row=1, max_row=3), titles_from_data=True)
        cs.add_chart(bar)
    book.active = active + (1 if chart else 0)
    book.save(HERE / name)
    return name


def _cells(ws, area: str):
    if ":" not in area:
        return [ws[area]]
    return [c for row in ws[area] for c in row]


def v(district, year, indicator, value, period="Y"):
    return [IDS.get(district, district), year, indicator, period, value]


# --- the "silently wrong" classes: each must now read right -------------------------------


def wrong() -> None:
    case(
        "part_year_growth_bulletin",
        "wrong",
        "a bulletin's 1-9月 column and 比上年同期增长: both the Jan-Sep figures (Q1-Q3), never the year's",
        csv(
            "cq_2024_q3_bulletin.csv",
            [
                "2024年前三季度重庆市主要经济指标",
                "指标,单位,2024年1-9月,比上年同期增长(%)",
                "地区生产总值,亿元,23244.31,6.0",
                "第一产业增加值,亿元,1486.83,2.9",
                "第二产业增加值,亿元,8991.33,6.7",
                "第三产业增加值,亿元,12766.15,5.8",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
            v("chongqing", 2024, "va_primary", 1486.83, "Q1-Q3"),
            v("chongqing", 2024, "va_primary_growth", 2.9, "Q1-Q3"),
            v("chongqing", 2024, "va_secondary", 8991.33, "Q1-Q3"),
            v("chongqing", 2024, "va_secondary_growth", 6.7, "Q1-Q3"),
            v("chongqing", 2024, "va_tertiary", 12766.15, "Q1-Q3"),
            v("chongqing", 2024, "va_tertiary_growth", 5.8, "Q1-Q3"),
        ],
        rows=(4, 4, 0),
    )
    case(
        "part_year_title_only",
        "wrong",
        "the period only in the title (前三季度), heads 绝对值 | 增长: every value Q1-Q3",
        csv(
            "cq_2024_q3_title.csv",
            [
                "重庆市2024年前三季度地区生产总值",
                "指标,绝对值(亿元),同比增长(%)",
                "地区生产总值,23244.31,6.0",
                "第三产业增加值,12766.15,5.8",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
            v("chongqing", 2024, "va_tertiary", 12766.15, "Q1-Q3"),
            v("chongqing", 2024, "va_tertiary_growth", 5.8, "Q1-Q3"),
        ],
        rows=(2, 2, 0),
    )
    case(
        "part_year_two_row_head",
        "wrong",
        "districts under a two-row head 1-6月 | 绝对值, 增长%: growth is January-June's",
        csv(
            "districts_h1_two_rows.csv",
            [
                "2021年上半年主要经济指标",
                "地区,1-6月,",
                ",绝对值(亿元),增长(%)",
                "渝北区,1070.0,10.2",
                "江北区,707.0,11.5",
            ],
        ),
        values=[
            v("渝北区", 2021, "gdp", 1070.0, "H1"),
            v("渝北区", 2021, "gdp_real_growth", 10.2, "H1"),
            v("江北区", 2021, "gdp", 707.0, "H1"),
            v("江北区", 2021, "gdp_real_growth", 11.5, "H1"),
        ],
        rows=(2, 2, 0),
        args={"indicator": "gdp"},
    )
    case(
        "years_backwards_growth",
        "wrong",
        "years running backwards (2021年, 2020年) and one growth column: the growth of 2021",
        csv(
            "years_backwards.csv",
            [
                "各区地区生产总值(亿元)",
                "地区,2021年,2020年,比上年增长(%)",
                "渝中区,1517.7,1357.6,6.1",
                "渝北区,2235.61,2009.52,8.5",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2020, "gdp", 1357.6),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp", 2235.61),
            v("渝北区", 2020, "gdp", 2009.52),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
        ],
        rows=(2, 2, 0),
    )
    case(
        "years_alternating_growth",
        "wrong",
        "year | growth | year | growth, newest first: each growth with the year on its left",
        csv(
            "years_alternating.csv",
            [
                "地区生产总值(亿元)",
                "地区,2022年,增长(%),2021年,增长(%)",
                "渝中区,1560.91,1.9,1517.7,6.1",
                "大渡口区,,4.7,310.4,8.8",
            ],
        ),
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("dadukou", 2022, "gdp_real_growth", 4.7),
            v("dadukou", 2021, "gdp", 310.4),
            v("dadukou", 2021, "gdp_real_growth", 8.8),
        ],
        rows=(2, 2, 0),
    )
    case(
        "hidden_helper_column",
        "wrong",
        "a hidden helper column (last year, for the formula) between 2021年 and 增长: left out",
        xlsx(
            "hidden_helper.xlsx",
            [
                {
                    "title": "GDP",
                    "rows": [
                        ["地区", "2021年", "2020年", "比上年增长(%)"],
                        ["渝中区", 1517.7, 1357.6, 6.1],
                        ["渝北区", 2235.61, 2009.52, 8.5],
                    ],
                    "hidden_cols": ["C"],
                }
            ],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp", 2235.61),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
        ],
        rows=(2, 2, 0),
    )
    case(
        "literal_percent_format",
        "wrong",
        'growth stored as 6.1 and shown with the format 0.0"%": 6.1, not 610',
        xlsx(
            "literal_percent.xlsx",
            [
                {
                    "title": "增速",
                    "rows": [
                        ["地区", "2021年增速"],
                        ["渝中区", 6.1],
                        ["渝北区", 8.5],
                        ["大渡口区", 8.8],
                    ],
                    "formats": {"B2:B4": '0.0"%"'},
                }
            ],
        ),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
            v("dadukou", 2021, "gdp_real_growth", 8.8),
        ],
        rows=(3, 3, 0),
    )
    case(
        "escaped_percent_format",
        "wrong",
        "the same with a backslash-escaped percent (0.0\\%)",
        xlsx(
            "escaped_percent.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [["地区", "2021年比上年增长"], ["渝中区", 6.1], ["渝北区", 8.5]],
                    "formats": {"B2:B3": "0.0\\%"},
                }
            ],
        ),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
        ],
        rows=(2, 2, 0),
    )
    case(
        "real_percent_format",
        "wrong",
        "a true percent format (0.0%) on 0.061: 6.1 percent",
        xlsx(
            "real_percent.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [["地区", "2021年比上年增长"], ["渝中区", 0.061], ["渝北区", 0.085]],
                    "formats": {"B2:B3": "0.0%"},
                }
            ],
        ),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
        ],
        rows=(2, 2, 0),
    )
    case(
        "scaled_format_thousands",
        "wrong",
        "yuan stored, shown in thousands by the format #,##0, under a (千元) head: read as shown",
        xlsx(
            "scaled_thousands.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [
                        ["地区", "2020年(千元)"],
                        ["江北区", 132540080000],
                        ["南岸区", 81325080000],
                    ],
                    "formats": {"B2:B3": "#,##0,"},
                }
            ],
        ),
        {"indicator": "gdp"},
        values=[v("江北区", 2020, "gdp", 1325.4008), v("南岸区", 2020, "gdp", 813.2508)],
        rows=(2, 2, 0),
    )
    case(
        "scaled_format_billions",
        "wrong",
        "yuan stored, shown in billions by 0.00,,, under (十亿元): read as shown",
        xlsx(
            "scaled_billions.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [
                        ["地区", "2020年(十亿元)"],
                        ["江北区", 132540080000],
                        ["渝北区", 200952470000],
                    ],
                    "formats": {"B2:B3": "0.00,,,"},
                }
            ],
        ),
        {"indicator": "gdp"},
        values=[v("江北区", 2020, "gdp", 1325.4008), v("渝北区", 2020, "gdp", 2009.5247)],
        rows=(2, 2, 0),
    )
    case(
        "title_indicator_contradicts",
        "wrong",
        "the title names 社会消费品零售总额 and indicator='gdp': an error, not a silent choice",
        csv(
            "title_retail.csv",
            ["2020年各区社会消费品零售总额(亿元)", "地区,2020年", "江北区,687.05", "南岸区,536.0"],
        ),
        {"indicator": "gdp"},
        error=(
            "indicator='gdp' but the title names 社会消费品零售总额 (retail_sales): which is it? "
            "Drop indicator= if the title is right",
            3,
            "2020年",
        ),
    )
    case(
        "title_indicator_used",
        "wrong",
        "the same table without indicator=: the title's indicator",
        "title_retail.csv",
        values=[
            v("江北区", 2020, "retail_sales", 687.05),
            v("南岸区", 2020, "retail_sales", 536.0),
        ],
        rows=(2, 2, 0),
    )
    case(
        "nominal_growth_note",
        "wrong",
        "a note 本表按当年价格计算 (everything at current prices): the growth is nominal",
        csv(
            "nominal_note.csv",
            [
                "各区地区生产总值(亿元)",
                "地区,2021年,比上年增长(%)",
                "渝中区,1517.7,11.8",
                "江北区,1507.07,13.7",
                "注：本表按当年价格计算。",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_nominal_growth", 11.8),
            v("江北区", 2021, "gdp", 1507.07),
            v("江北区", 2021, "gdp_nominal_growth", 13.7),
        ],
        rows=(3, 2, 1),
    )
    case(
        "nominal_growth_head",
        "wrong",
        "a head 按现价计算增长(%): nominal growth, never gdp_real_growth",
        csv(
            "nominal_head.csv",
            [
                "地区,2021年地区生产总值(亿元),按现价计算增长(%)",
                "渝中区,1517.7,11.8",
                "江北区,1507.07,13.7",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_nominal_growth", 11.8),
            v("江北区", 2021, "gdp", 1507.07),
            v("江北区", 2021, "gdp_nominal_growth", 13.7),
        ],
        rows=(2, 2, 0),
    )
    case(
        "real_growth_note_levels_current",
        "wrong",
        "地区生产总值按现价计算，增长速度按可比价格计算: the levels' basis says nothing of growth",
        csv(
            "real_note.csv",
            [
                "地区,2021年(亿元),比上年增长(%)",
                "渝中区,1517.7,6.1",
                "渝北区,2235.61,8.5",
                "注：地区生产总值按现价计算，增长速度按可比价格计算。",
            ],
        ),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝北区", 2021, "gdp", 2235.61),
            v("渝北区", 2021, "gdp_real_growth", 8.5),
        ],
        rows=(3, 2, 1),
    )
    case(
        "nominal_sector_growth_left_out",
        "wrong",
        "sector growth at current prices: the registry's sector growth is real, so those cells are left out",
        csv(
            "nominal_sectors.csv",
            [
                "2021年渝北区地区生产总值",
                "指标,绝对值(亿元),名义增长(%)",
                "地区生产总值,2235.61,10.5",
                "第一产业增加值,31.16,8.0",
            ],
        ),
        values=[
            v("渝北区", 2021, "gdp", 2235.61),
            v("渝北区", 2021, "gdp_nominal_growth", 10.5),
            v("渝北区", 2021, "va_primary", 31.16),
        ],
        rows=(2, 2, 0),
        left_out=1,
    )
    case(
        "yearbook_edition_year",
        "wrong",
        "重庆统计年鉴—2021 holds 2020: the data year by the edition rule, said in the report",
        csv(
            "yearbook_edition.csv",
            [
                "重庆统计年鉴—2021",
                "3-12 各区县地区生产总值(亿元)",
                "地区,地区生产总值",
                "江北区,1325.4",
                "渝北区,2009.52",
            ],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4), v("渝北区", 2020, "gdp", 2009.52)],
        rows=(2, 2, 0),
        notes=[
            "data year 2020 from the yearbook edition 2021 in the title (a yearbook holds the year before its edition: '重庆统计年鉴—2021')"
        ],
    )
    case(
        "yearbook_edition_and_data_year",
        "wrong",
        "the edition and a data year in the title: the data year named",
        csv(
            "yearbook_both_years.csv",
            [
                "《重庆统计年鉴2021》 2020年各区县社会消费品零售总额(亿元)",
                "地区,数值",
                "江北区,687.05",
                "南岸区,536.0",
            ],
        ),
        values=[
            v("江北区", 2020, "retail_sales", 687.05),
            v("南岸区", 2020, "retail_sales", 536.0),
        ],
        rows=(2, 2, 0),
    )
    case(
        "hashes_are_display",
        "wrong",
        "######## copied from a too-narrow column: an error, never a missing cell",
        csv("hashes.csv", ["地区,2020年", "江北区,1325.4", "渝北区,########"]),
        {"indicator": "gdp", "unit": "亿元"},
        error=(
            "'########' is how Excel shows a number too wide for its column, not the number: "
            "widen the column in the original (or copy the cells' values, not their display) and "
            "save the table again; expected a number or a missing mark (—, .., empty)",
            3,
            "2020年",
        ),
    )


# --- "refused although readable": each must now read -------------------------------------------


def refused() -> None:
    gdp20 = GDP[2020]
    case(
        "rank_column",
        "refused",
        "a 位次 column beside the values: left out, said",
        csv(
            "rank.csv",
            [
                "地区,2020年地区生产总值(亿元),位次",
                *[
                    f"{d},{gdp20[d]},{i}"
                    for i, d in enumerate(["渝北区", "渝中区", "江北区", "南岸区"], 1)
                ],
            ],
        ),
        values=[v(d, 2020, "gdp", gdp20[d]) for d in ["渝北区", "渝中区", "江北区", "南岸区"]],
        rows=(4, 4, 0),
        ignored=["位次"],
    )
    case(
        "rownum_and_code",
        "refused",
        "序号 and 区划代码 columns beside the names: a row number and a cross-check",
        csv(
            "rownum_code.csv",
            [
                "序号,区划代码,地区,2020年(亿元)",
                "1,500103,渝中区,1357.6",
                "2,500105,江北区,1325.4",
                "3,500112,渝北区,2009.52",
            ],
        ),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2020, "gdp", 1357.6),
            v("江北区", 2020, "gdp", 1325.4),
            v("渝北区", 2020, "gdp", 2009.52),
        ],
        rows=(3, 3, 0),
        ignored=["序号"],
    )
    case(
        "code_only",
        "refused",
        "districts given by their codes only",
        csv("code_only.csv", ["行政区划代码,2020年", "500105,1325.4", "500108,813.25"]),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )
    case(
        "code_disagrees",
        "refused",
        "a code that names another district than its row: an error",
        csv(
            "code_wrong.csv",
            ["区划代码,地区,2020年", "500105,江北区,1325.4", "500105,南岸区,813.25"],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        error=("the code column says jiangbei but the name column says nanan", 3, None),
    )
    case(
        "share_column",
        "refused",
        "a bulletin's 比重 column: the sector shares (第一产业比重 …), GDP's own 100 left out",
        csv(
            "bulletin_shares.csv",
            [
                "2024年九龙坡区国民经济和社会发展统计公报",
                "表1 2024年分产业地区生产总值、增速及其比重",
                "指 标,绝对量(亿元),比上年增长(%),比重(%)",
                "地区生产总值,2060.35,6.0,100.0",
                "第一产业,8.43,2.3,0.4",
                "第二产业,582.66,2.3,28.3",
                "第三产业,1469.26,7.5,71.3",
            ],
        ),
        values=[
            v("jiulongpo", 2024, "gdp", 2060.35),
            v("jiulongpo", 2024, "gdp_real_growth", 6.0),
            v("jiulongpo", 2024, "va_primary", 8.43),
            v("jiulongpo", 2024, "va_primary_growth", 2.3),
            v("jiulongpo", 2024, "va_primary_share", 0.4),
            v("jiulongpo", 2024, "va_secondary", 582.66),
            v("jiulongpo", 2024, "va_secondary_growth", 2.3),
            v("jiulongpo", 2024, "va_secondary_share", 28.3),
            v("jiulongpo", 2024, "va_tertiary", 1469.26),
            v("jiulongpo", 2024, "va_tertiary_growth", 7.5),
            v("jiulongpo", 2024, "va_tertiary_share", 71.3),
        ],
        rows=(4, 4, 0),
        left_out=1,
    )
    case(
        "merged_district_cells",
        "refused",
        "a district merged over its years' rows (xlsx)",
        xlsx(
            "merged_districts.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [
                        ["地区", "年份", "地区生产总值(亿元)"],
                        ["江北区", 2019, 1240.07],
                        [None, 2020, 1325.4],
                        ["南岸区", 2019, 770.58],
                        [None, 2020, 813.25],
                    ],
                    "merge": ["A2:A3", "A4:A5"],
                }
            ],
        ),
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2019, "gdp", 770.58),
            v("南岸区", 2020, "gdp", 813.25),
        ],
        rows=(4, 4, 0),
    )
    case(
        "merged_district_csv",
        "refused",
        "the same exported to CSV: the merged cell's rows are empty below it",
        csv(
            "merged_districts.csv",
            [
                "地区,年份,地区生产总值(亿元)",
                "江北区,2019,1240.07",
                ",2020,1325.4",
                "南岸区,2019,770.58",
                ",2020,813.25",
            ],
        ),
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2019, "gdp", 770.58),
            v("南岸区", 2020, "gdp", 813.25),
        ],
        rows=(4, 4, 0),
    )
    case(
        "two_row_years_measures",
        "refused",
        "a two-row head: years merged over 绝对值 | 增长% (xlsx)",
        xlsx(
            "two_row_years.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [
                        ["各区地区生产总值"],
                        ["地区", "2022年", None, "2021年", None],
                        [None, "绝对值(亿元)", "增长(%)", "绝对值(亿元)", "增长(%)"],
                        ["渝中区", 1560.91, 1.9, 1517.7, 6.1],
                        ["大渡口区", None, 4.7, 310.4, 8.8],
                    ],
                    "merge": ["A2:A3", "B2:C2", "D2:E2"],
                }
            ],
        ),
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("dadukou", 2022, "gdp_real_growth", 4.7),
            v("dadukou", 2021, "gdp", 310.4),
            v("dadukou", 2021, "gdp_real_growth", 8.8),
        ],
        rows=(2, 2, 0),
    )
    case(
        "two_row_total_per_head",
        "refused",
        "地区生产总值 over 总量(亿元) | 人均(元): the level and the per-head indicator",
        csv(
            "total_per_head.csv",
            [
                "2019年各区主要指标",
                "地区,地区生产总值,",
                ",总量(亿元),人均(元)",
                "江北区,1240.07,138718",
                "南岸区,770.58,83850",
            ],
        ),
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("江北区", 2019, "gdp_per_capita", 138718.0),
            v("南岸区", 2019, "gdp", 770.58),
            v("南岸区", 2019, "gdp_per_capita", 83850.0),
        ],
        rows=(2, 2, 0),
    )
    case(
        "three_row_head",
        "refused",
        "three rows of heads: indicator, year, measure",
        csv(
            "three_rows.csv",
            [
                "地区,地区生产总值,,,",
                ",2021年,,2020年,",
                ",绝对值(亿元),增长(%),绝对值(亿元),增长(%)",
                "渝中区,1517.7,6.1,1357.6,3.6",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
            v("渝中区", 2020, "gdp", 1357.6),
            v("渝中区", 2020, "gdp_real_growth", 3.6),
        ],
        rows=(1, 1, 0),
    )
    case(
        "sections_stacked",
        "refused",
        "stacked sections: a heading row names the indicator of the district rows below it",
        csv(
            "sections.csv",
            [
                "地区,2019年,2020年",
                "地区生产总值(亿元)",
                "江北区,1240.07,1325.4",
                "南岸区,770.58,813.25",
                "社会消费品零售总额(亿元)",
                "江北区,666.01,687.05",
                "南岸区,532.93,536.0",
            ],
        ),
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2019, "gdp", 770.58),
            v("南岸区", 2020, "gdp", 813.25),
            v("江北区", 2019, "retail_sales", 666.01),
            v("江北区", 2020, "retail_sales", 687.05),
            v("南岸区", 2019, "retail_sales", 532.93),
            v("南岸区", 2020, "retail_sales", 536.0),
        ],
        rows=(6, 4, 2),
    )
    case(
        "two_tables_one_sheet",
        "refused",
        "two tables on one sheet, each with its title: both read",
        csv(
            "two_tables.csv",
            [
                "表1 2020年各区地区生产总值",
                "地区,绝对值(亿元)",
                "江北区,1325.4",
                "南岸区,813.25",
                "",
                "表2 2020年各区社会消费品零售总额",
                "地区,绝对值(亿元)",
                "江北区,687.05",
                "南岸区,536.0",
            ],
        ),
        values=[
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2020, "gdp", 813.25),
            v("江北区", 2020, "retail_sales", 687.05),
            v("南岸区", 2020, "retail_sales", 536.0),
        ],
        rows=(4, 4, 0),
    )
    case(
        "stacked_section_heads",
        "refused",
        "stacked blocks without blank lines, each with its own head row (月报)",
        csv(
            "stacked_heads.csv",
            [
                "2024年1-9月重庆市主要指标",
                "1、地区生产总值",
                "指标,1-9月累计(亿元),累计增长(%)",
                "地区生产总值,23244.31,6.0",
                "第一产业,1486.83,2.9",
                "2、社会消费品零售总额",
                "指标,9月(亿元),1-9月累计(亿元),累计增长(%)",
                "社会消费品零售总额,1306.8,11700.0,3.8",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
            v("chongqing", 2024, "va_primary", 1486.83, "Q1-Q3"),
            v("chongqing", 2024, "va_primary_growth", 2.9, "Q1-Q3"),
            v("chongqing", 2024, "retail_sales", 11700.0, "Q1-Q3"),
            v("chongqing", 2024, "retail_sales_growth", 3.8, "Q1-Q3"),
        ],
        rows=(3, 3, 0),
        ignored=["9月(亿元)"],
    )
    for head, period, stock in (
        ("全年", "Y", False),
        ("1-6月累计", "H1", False),
        ("12月末", "Y", True),
    ):
        case(
            f"period_head_{period}_{'stock' if stock else 'flow'}",
            "refused",
            f"a period head {head} under a title year",
            csv(
                f"period_{period}_{int(stock)}.csv",
                [
                    "2021年渝北区主要指标",
                    f"指标,单位,{head}",
                    "地区生产总值,亿元,2235.61" if not stock else "常住人口,万人,220.58",
                ],
            ),
            values=[
                v(
                    "渝北区",
                    2021,
                    "pop_resident" if stock else "gdp",
                    220.58 if stock else 2235.61,
                    period,
                )
            ],
            rows=(1, 1, 0),
        )
    case(
        "relative_heads",
        "refused",
        "本年 | 上年 | 增长: resolved from the title's year",
        csv(
            "relative.csv",
            [
                "2021年渝中区主要经济指标",
                "指标,单位,本年,上年,增长(%)",
                "地区生产总值,亿元,1517.7,1357.6,6.1",
            ],
        ),
        values=[
            v("渝中区", 2021, "gdp", 1517.7),
            v("渝中区", 2020, "gdp", 1357.6),
            v("渝中区", 2021, "gdp_real_growth", 6.1),
        ],
        rows=(1, 1, 0),
    )
    case(
        "relative_part_year",
        "refused",
        "本期 | 上年同期 under a 1-9月 title: Q1-Q3 of this year and last",
        csv(
            "relative_q3.csv",
            [
                "重庆市2024年1-9月主要指标",
                "指标,单位,本期,上年同期,同比增长(%)",
                "地区生产总值,亿元,23244.31,21900.0,6.0",
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
        "year_in_sheet_name",
        "refused",
        "the year only in the sheet's name",
        xlsx(
            "sheet_year.xlsx",
            [
                {
                    "title": "2020年",
                    "rows": [
                        ["地区", "地区生产总值(亿元)"],
                        ["江北区", 1325.4],
                        ["南岸区", 813.25],
                    ],
                }
            ],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )
    case(
        "district_in_sheet_name",
        "refused",
        "the district only in the sheet's name",
        xlsx(
            "sheet_district.xlsx",
            [
                {
                    "title": "江北区",
                    "rows": [["年份", "地区生产总值(亿元)"], [2019, 1240.07], [2020, 1325.4]],
                }
            ],
        ),
        values=[v("江北区", 2019, "gdp", 1240.07), v("江北区", 2020, "gdp", 1325.4)],
        rows=(2, 2, 0),
    )
    case(
        "district_in_title",
        "refused",
        "the district only in the title, years as heads",
        csv(
            "title_district.csv",
            ["南岸区历年地区生产总值(亿元)", "年份,2019,2020", "数值,770.58,813.25"],
        ),
        values=[v("南岸区", 2019, "gdp", 770.58), v("南岸区", 2020, "gdp", 813.25)],
        rows=(1, 1, 0),
    )
    case(
        "per_row_units",
        "refused",
        "a unit column with 千元, 户, 万人 row by row",
        csv(
            "per_row_units.csv",
            [
                "2019年江北区主要指标",
                "指标,单位,数值",
                "地区生产总值,千元,124007150",
                "户数,户,297330",
                "常住人口,万人,90.0",
            ],
        ),
        values=[
            v("江北区", 2019, "gdp", 1240.0715),
            v("江北区", 2019, "households", 297330.0),
            v("江北区", 2019, "pop_resident", 90.0),
        ],
        rows=(3, 3, 0),
    )
    case(
        "unit_column_is_reporting_unit",
        "refused",
        "a 单位 column naming the districts (the reporting unit), not a unit",
        csv(
            "reporting_unit.csv",
            [
                "单位,2020年社会消费品零售总额(亿元)",
                "江北区,687.05",
                "南岸区,536.0",
                "渝北区,947.01",
            ],
        ),
        values=[v(d, 2020, "retail_sales", RETAIL_2020[d]) for d in ["江北区", "南岸区", "渝北区"]],
        rows=(3, 3, 0),
    )
    case(
        "unit_in_corner",
        "refused",
        "the unit in the corner cell (单位：亿元) above the district names",
        csv(
            "corner_unit.csv",
            ["单位：亿元,2019年,2020年", "江北区,1240.07,1325.4", "南岸区,770.58,813.25"],
        ),
        {"indicator": "gdp"},
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2019, "gdp", 770.58),
            v("南岸区", 2020, "gdp", 813.25),
        ],
        rows=(2, 2, 0),
    )
    case(
        "diagonal_corner",
        "refused",
        "a diagonal corner head (地区＼年份)",
        csv("diagonal.csv", ["地区＼年份,2019,2020", "江北区,1240.07,1325.4"]),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2019, "gdp", 1240.07), v("江北区", 2020, "gdp", 1325.4)],
        rows=(1, 1, 0),
    )
    case(
        "english_heads",
        "refused",
        "English heads (District, Year, GDP (100 million yuan))",
        csv(
            "english.csv",
            [
                "District,Year,Gross Regional Product (100 million yuan)",
                "Jiangbei,2020,1325.4",
                "Nan'an,2020,813.25",
            ],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )
    case(
        "bilingual_two_rows",
        "refused",
        "Chinese heads with the English translation in the row below (yearbook style)",
        csv(
            "bilingual.csv",
            [
                "单位：亿元",
                "地区,地区生产总值,第一产业,第二产业,第三产业",
                "Region,Gross Regional Product,Primary Industry,Secondary Industry,Tertiary Industry",
                "江北区,1325.4,1.13,314.0,1010.27",
            ],
        ),
        {"year": 2020},
        values=[
            v("江北区", 2020, "gdp", 1325.4),
            v("江北区", 2020, "va_primary", 1.13),
            v("江北区", 2020, "va_secondary", 314.0),
            v("江北区", 2020, "va_tertiary", 1010.27),
        ],
        rows=(1, 1, 0),
    )
    case(
        "bilingual_one_cell",
        "refused",
        "Chinese and English in one head cell",
        csv(
            "bilingual_cell.csv",
            [
                "地区 Region,年份 Year,地区生产总值(亿元) Gross Regional Product",
                "江北区,2020,1325.4",
            ],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4)],
        rows=(1, 1, 0),
    )
    case(
        "bulletin_row_without_growth_indicator",
        "refused",
        "a bulletin whose 人均 row has a growth the registry has no id for: that cell left out, the rest read",
        csv(
            "bulletin_per_head_growth.csv",
            [
                "2024年九龙坡区国民经济和社会发展统计公报",
                "指标,单位,2024年,比上年增长(%)",
                "地区生产总值,亿元,2060.35,6.0",
                "人均地区生产总值,元,133421,5.6",
            ],
        ),
        values=[
            v("jiulongpo", 2024, "gdp", 2060.35),
            v("jiulongpo", 2024, "gdp_real_growth", 6.0),
            v("jiulongpo", 2024, "gdp_per_capita", 133421.0),
        ],
        rows=(2, 2, 0),
        left_out=1,
    )
    case(
        "bulletin_unknown_rows",
        "refused",
        "rows the registry cannot place (规模以上工业企业利润) are rejected with a reason, the rest read",
        csv(
            "bulletin_unknown_rows.csv",
            [
                "2024年九龙坡区国民经济和社会发展统计公报",
                "指标,单位,2024年,比上年增长(%)",
                "地区生产总值,亿元,2060.35,6.0",
                "规模以上工业企业利润总额,亿元,88.1,12.4",
                "进出口总额,亿元,410.2,-3.1",
            ],
        ),
        values=[v("jiulongpo", 2024, "gdp", 2060.35), v("jiulongpo", 2024, "gdp_real_growth", 6.0)],
        rows=(3, 1, 2),
    )
    case(
        "units_row_under_head",
        "refused",
        "a row of units under the head (yearbook style)",
        csv(
            "units_row.csv",
            [
                "地区,地区生产总值,常住人口",
                ",亿元,万人",
                "江北区,1240.07,90.0",
                "南岸区,770.58,93.0",
            ],
        ),
        {"year": 2019},
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("江北区", 2019, "pop_resident", 90.0),
            v("南岸区", 2019, "gdp", 770.58),
            v("南岸区", 2019, "pop_resident", 93.0),
        ],
        rows=(2, 2, 0),
    )
    case(
        "group_rows_and_functional_areas",
        "refused",
        "group totals (主城都市区) and functional areas the registry does not hold (两江新区) among districts",
        csv(
            "groups.csv",
            [
                "地区,2020年",
                "主城都市区,",
                "江北区,1325.4",
                "两江新区,2800.0",
                "渝北区,2009.52",
                "合计,",
            ],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("渝北区", 2020, "gdp", 2009.52)],
        rows=(5, 2, 3),
    )
    case(
        "other_sector_subrows",
        "refused",
        "#工业 under the sectors: the sub-row read as industrial value added",
        csv(
            "sub_rows.csv",
            [
                "2018年江北区地区生产总值",
                "指标,绝对值(亿元)",
                "地区生产总值,1027.87",
                "第二产业,256.56",
                "#工业,168.5",
            ],
        ),
        values=[
            v("江北区", 2018, "gdp", 1027.87),
            v("江北区", 2018, "va_secondary", 256.56),
            v("江北区", 2018, "industrial_va", 168.5),
        ],
        rows=(3, 3, 0),
    )
    case(
        "indicator_over_sectors",
        "refused",
        "地区生产总值 over 合计 | 第一产业 | 第二产业 | 第三产业 (the parts of the head above)",
        csv(
            "gdp_parts.csv",
            [
                "地区,地区生产总值(亿元),,,",
                ",合计,第一产业,第二产业,第三产业",
                "渝北区,2009.52,27.77,716.49,1265.26",
            ],
        ),
        {"year": 2020},
        values=[
            v("渝北区", 2020, "gdp", 2009.52),
            v("渝北区", 2020, "va_primary", 27.77),
            v("渝北区", 2020, "va_secondary", 716.49),
            v("渝北区", 2020, "va_tertiary", 1265.26),
        ],
        rows=(1, 1, 0),
    )


# --- "unclear" in the last round: now read, or refused with words that say where and what -------


def unclear() -> None:
    case(
        "subhead_not_units",
        "unclear",
        "a sub-head row (绝对值 | 增长) under merged years is a head, not units",
        csv("subhead.csv", ["地区,2021年,", ",绝对值,增长(%)", "渝中区,1517.7,6.1"]),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("渝中区", 2021, "gdp", 1517.7), v("渝中区", 2021, "gdp_real_growth", 6.1)],
        rows=(1, 1, 0),
    )
    case(
        "unknown_column_named",
        "unclear",
        "no column the reader can place: the error names each column and what to pass",
        csv("unknown_col.csv", ["地区,规上企业利润", "江北区,88.1"]),
        error=(
            "cannot tell the layout: no column holds values the reader can place — #2 '规上企业利润': "
            "'规上企业利润' is not a known indicator, year, district or measure (did you mean "
            "'industrial_enterprises' (规模以上工业企业数)?); to read it, name it: "
            "columns={'规上企业利润': 'INDICATOR'} (--column '规上企业利润=INDICATOR')",
            1,
            None,
        ),
    )
    case(
        "unknown_column_advice_followed",
        "unclear",
        "the same table with the advice followed (columns={'规上企业利润': 'industrial_va'}, year, unit)",
        "unknown_col.csv",
        {"columns": {"规上企业利润": "industrial_va"}, "year": 2020, "unit": "亿元"},
        values=[v("江北区", 2020, "industrial_va", 88.1)],
        rows=(1, 1, 0),
    )
    case(
        "unknown_column_beside_values",
        "unclear",
        "an unknown column beside readable ones: left out with the reason, the rest read",
        csv("unknown_beside.csv", ["地区,2020年(亿元),规上企业利润", "江北区,1325.4,88.1"]),
        {"indicator": "gdp"},
        values=[v("江北区", 2020, "gdp", 1325.4)],
        rows=(1, 1, 0),
        ignored=["规上企业利润"],
    )
    case(
        "no_table_sheet_named",
        "unclear",
        "a sheet asked for that holds no table: the error lists the sheets and which hold tables",
        xlsx(
            "contents_and_table.xlsx",
            [
                {"title": "目录", "rows": [["序号", "表名", "页码"], [1, "各区地区生产总值", 2]]},
                {
                    "title": "表1",
                    "rows": [["地区", "2020年"], ["江北区", 1325.4], ["南岸区", 813.25]],
                },
            ],
        ),
        {"indicator": "gdp", "unit": "亿元", "sheet": 1},
        error=(
            "sheet '目录' holds no table; the workbook's sheets: 1 '目录' (no table), 2 '表1' (a "
            "table); pass sheet= a name or a number",
            None,
            None,
        ),
    )
    case(
        "contents_sheet_passed_over",
        "sheets",
        "the first sheet is a contents page: passed over, the table sheet read (and said)",
        "contents_and_table.xlsx",
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
        notes=["sheet(s) '目录' hold no table (a cover or contents page?): read sheet '表1'"],
    )
    case(
        "sheet_by_position",
        "sheets",
        "sheet=2 is the second sheet, as Excel users count",
        "contents_and_table.xlsx",
        {"indicator": "gdp", "unit": "亿元", "sheet": 2},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )
    case(
        "sheet_position_text",
        "sheets",
        "sheet='2' (as typed on a command line) is the second sheet",
        "contents_and_table.xlsx",
        {"indicator": "gdp", "unit": "亿元", "sheet": "2"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )
    case(
        "sheet_zero",
        "sheets",
        "sheet=0: sheets count from 1, and the error lists them",
        "contents_and_table.xlsx",
        {"indicator": "gdp", "unit": "亿元", "sheet": 0},
        error=(
            "sheet=0 (sheets count from 1, as in Excel): the workbook has 2 sheet(s); the "
            "workbook's sheets: 1 '目录' (no table), 2 '表1' (a table); pass sheet= a name or a number",
            None,
            None,
        ),
    )
    case(
        "sheet_unknown_name",
        "sheets",
        "a sheet name the workbook does not have",
        "contents_and_table.xlsx",
        {"indicator": "gdp", "unit": "亿元", "sheet": "GDP"},
        error=(
            "no sheet 'GDP'; the workbook's sheets: 1 '目录' (no table), 2 '表1' (a table); pass "
            "sheet= a name or a number",
            None,
            None,
        ),
    )
    case(
        "chart_sheet_passed_over",
        "sheets",
        "a chart sheet first: passed over, said",
        xlsx(
            "with_chart.xlsx",
            [
                {
                    "title": "数据",
                    "rows": [["地区", "2020年"], ["江北区", 1325.4], ["南岸区", 813.25]],
                }
            ],
            chart="图1",
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
        notes=["chart sheet(s) '图1' passed over"],
    )
    case(
        "hidden_rows_left_out",
        "sheets",
        "hidden rows (a superseded figure) are left out, and said",
        xlsx(
            "hidden_rows.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [
                        ["地区", "2020年"],
                        ["江北区", 1325.4],
                        ["江北区", 1300.0],
                        ["南岸区", 813.25],
                    ],
                    "hidden_rows": [3],
                }
            ],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
        notes=[
            "hidden row(s) 3 left out (the table is read as Excel shows it; unhide them and save to read them)"
        ],
    )
    case(
        "relative_without_title_year",
        "unclear",
        "本年 | 上年 with no year in the title: the error says what to pass",
        csv("relative_no_year.csv", ["指标,单位,本年,上年", "地区生产总值,亿元,1517.7,1357.6"]),
        {"district": "渝中区"},
        error=(
            "a year relative to the table's own (本年, 本期, 上年, 去年, 上年同期) and the title "
            "names no year: pass year= (--year), the year the table reports",
            2,
            "本年",
        ),
    )
    case(
        "relative_with_year_argument",
        "unclear",
        "the same with the advice followed (year=2021)",
        "relative_no_year.csv",
        {"district": "渝中区", "year": 2021},
        values=[v("渝中区", 2021, "gdp", 1517.7), v("渝中区", 2020, "gdp", 1357.6)],
        rows=(1, 1, 0),
    )
    case(
        "growth_without_level_column",
        "unclear",
        "a growth column next to its level under one year head: the growth of that year",
        csv("growth_only_year.csv", ["地区,2022年增长(%)", "渝中区,1.9", "北碚区,-0.9"]),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2022, "gdp_real_growth", 1.9),
            v("beibei", 2022, "gdp_real_growth", -0.9),
        ],
        rows=(2, 2, 0),
    )
    case(
        "single_month_left_out",
        "unclear",
        "a single month's column (9月) beside the cumulative ones: left out, said",
        csv(
            "month_column.csv",
            [
                "重庆市2024年主要指标",
                "指标,单位,9月,1-9月,增长(%)",
                "地区生产总值,亿元,,23244.31,6.0",
            ],
        ),
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
        ignored=["9月"],
    )
    case(
        "unsupported_part_year",
        "unclear",
        "1-8月 (no period code for it): the table is refused with the reason",
        csv(
            "jan_aug.csv", ["重庆市2024年主要指标", "指标,单位,1-8月", "地区生产总值,亿元,20000.0"]
        ),
        error=(
            "cannot tell the layout: no column holds values the reader can place — #3 '1-8月': "
            "months 1–8 (1-8月): a period the registry has no code for",
            2,
            None,
        ),
    )


# --- numbers as written --------------------------------------------------------------------------


def numbers() -> None:
    case(
        "nbsp_tabs_apostrophes",
        "numbers",
        "numbers stored as text with a non-breaking space, a tab and a leading apostrophe",
        csv(
            "nbsp.csv",
            ["地区,2020年", "江北区,\u00a01325.4\t", "南岸区,'813.25", "渝北区,2\u00a0009.52"],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2020, "gdp", 813.25),
            v("渝北区", 2020, "gdp", 2009.52),
        ],
        rows=(3, 3, 0),
    )
    case(
        "unit_inside_cells",
        "numbers",
        "units written inside the cells (1325.4亿元, 93万人)",
        csv("unit_in_cell.csv", ["指标,2020年", "地区生产总值,1325.4亿元", "常住人口,93万人"]),
        {"district": "江北区"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("江北区", 2020, "pop_resident", 93.0)],
        rows=(2, 2, 0),
    )
    case(
        "unit_inside_cell_disagrees",
        "numbers",
        "a unit inside the cell that disagrees with the head: an error",
        csv("unit_in_cell_clash.csv", ["地区,2020年(亿元)", "江北区,13254008万元"]),
        {"indicator": "gdp"},
        error=(
            "two units for one value: '万元' (the cell) and '亿元' (the column header)",
            2,
            "2020年(亿元)",
        ),
    )
    case(
        "unchanged_word",
        "numbers",
        "持平 (unchanged) in a growth column: 0, with a note",
        csv("unchanged.csv", ["地区,2022年增长(%)", "渝中区,持平", "大渡口区,4.7"]),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2022, "gdp_real_growth", 0.0),
            v("dadukou", 2022, "gdp_real_growth", 4.7),
        ],
        rows=(2, 2, 0),
    )
    case(
        "unicode_minus",
        "numbers",
        "a negative growth with the Unicode minus sign (−0.9)",
        csv("unicode_minus.csv", ["地区,2022年增长(%)", "北碚区,\u22120.9", "渝中区,1.9"]),
        {"indicator": "gdp"},
        values=[
            v("beibei", 2022, "gdp_real_growth", -0.9),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
        ],
        rows=(2, 2, 0),
    )
    case(
        "spaces_as_thousands",
        "numbers",
        "thousands separated by spaces (yearbook print: 138 718)",
        csv(
            "space_thousands.csv",
            ["地区,2019年人均地区生产总值(元)", "江北区,138 718", "南岸区,83 850"],
        ),
        values=[
            v("江北区", 2019, "gdp_per_capita", 138718.0),
            v("南岸区", 2019, "gdp_per_capita", 83850.0),
        ],
        rows=(2, 2, 0),
    )
    case(
        "words_around_number",
        "numbers",
        "a number with words around it (约1325): an error naming the cell",
        csv("about.csv", ["地区,2020年", "江北区,约1325"]),
        {"indicator": "gdp", "unit": "亿元"},
        error=(
            "'约1325' is not a number; expected a number or a missing mark (—, .., empty)",
            2,
            "2020年",
        ),
    )
    case(
        "per_head_without_unit",
        "numbers",
        "a per-head column with no unit under a table unit of 亿元: refused, never 亿元 per head",
        csv(
            "per_head_no_unit.csv",
            ["单位：亿元", "地区,地区生产总值,人均地区生产总值", "江北区,1240.07,138718"],
        ),
        {"year": 2019},
        error=(
            "no unit for 'gdp_per_capita': a per-head value, and the table's unit is for its "
            "totals; give the column its unit: columns={'人均地区生产总值': '人均地区生产总值(元)'} "
            "(--column '人均地区生产总值=人均地区生产总值(元)')",
            3,
            "人均地区生产总值",
        ),
    )
    case(
        "per_head_unit_by_column",
        "numbers",
        "the same with the advice followed through columns= (the unit in the role)",
        "per_head_no_unit.csv",
        {"year": 2019, "columns": {"人均地区生产总值": "人均地区生产总值(元)"}},
        values=[v("江北区", 2019, "gdp", 1240.07), v("江北区", 2019, "gdp_per_capita", 138718.0)],
        rows=(1, 1, 0),
    )


# --- slips: a value 5x away from its neighbours stops the read ------------------------------------


def slips() -> None:
    years = [2018, 2019, 2020, 2021, 2022]
    typed = dict(GDP[2021])
    typed["渝中区"] = 15177.0  # 1517.7 with the decimal point one place off
    lines = ["地区生产总值(亿元)", "地区," + ",".join(f"{y}年" for y in years)]
    for d in ["渝中区", "江北区", "南岸区", "渝北区"]:
        row = [GDP[y][d] if y != 2021 else typed[d] for y in years]
        lines.append(d + "," + ",".join(f"{x:g}" for x in row))
    case(
        "slip_own_years",
        "slips",
        "渝中 2021 typed 15177 for 1517.7: 10x its neighbouring years in the same table",
        csv("slip_years.csv", lines),
        {"indicator": "gdp"},
        error=(
            "1 value(s) 5× or more away from what they should be near:\n"
            "  row 3, column '2021年': gdp 15177 亿元 for yuzhong 2021 is 10× larger than 1357.6 亿元 "
            "in 2020 (this table, slip_years.csv:row 3:2020年): a decimal point out of place?\n"
            "If they are right, say why: accept_implausible='REASON' (jbanalysis data add "
            "--accept-implausible 'REASON'); the reason is stored beside each value",
            3,
            "2021年",
        ),
    )
    case(
        "slip_own_years_accepted",
        "slips",
        "the same, accepted with a reason: kept, the reason in the value's note",
        "slip_years.csv",
        {"indicator": "gdp", "accept_implausible": "checked against the printed page"},
        values=[
            v(d, y, "gdp", GDP[y][d] if y != 2021 else typed[d])
            for d in ["渝中区", "江北区", "南岸区", "渝北区"]
            for y in years
        ],
        rows=(4, 4, 0),
        note_of=[
            "yuzhong",
            2021,
            "gdp",
            "accepted as plausible: checked against the printed page (gdp 15177 亿元 for yuzhong 2021 is 10× larger than 1357.6 亿元 in 2020 (this table, slip_years.csv:row 3:2020年): a decimal point out of place?)",
        ],
    )
    central = {
        "渝中区": 1357.6,
        "大渡口区": 266.46,
        "江北区": 1325.4,
        "沙坪坝区": 1013.94,
        "九龙坡区": 1533.16,
        "南岸区": 813.25,
        "北碚区": 636.41,
        "渝北区": 20095.2,
        "巴南区": 865.48,
    }
    case(
        "slip_other_rows",
        "slips",
        "one year only: 渝北 typed 20095.2 for 2009.52, far from every other district's row",
        csv(
            "slip_rows.csv",
            [
                "2020年中心城区各区地区生产总值(亿元)",
                "地区,地区生产总值",
                *[f"{d},{x}" for d, x in central.items()],
            ],
        ),
        error=(
            "1 value(s) 5× or more away from what they should be near:\n"
            "  row 10, column '地区生产总值': gdp 20095.2 亿元 for yubei 2020 is 13× larger than the "
            "nearest of the table's other 8 rows (1533.16 亿元): a slip, or a real break (a boundary "
            "or scope change)?\n"
            "If they are right, say why: accept_implausible='REASON' (jbanalysis data add "
            "--accept-implausible 'REASON'); the reason is stored beside each value",
            10,
            "地区生产总值",
        ),
    )
    growth = {"渝中区": 6.1, "大渡口区": 8.8, "渝北区": 85.0, "江北区": 7.3, "北碚区": 6.2}
    case(
        "slip_growth",
        "slips",
        "a growth rate typed 85.0 for 8.5 among the table's other rows",
        csv(
            "slip_growth.csv",
            ["地区,2021年比上年增长(%)", *[f"{d},{x}" for d, x in growth.items()]],
        ),
        {"indicator": "gdp"},
        error=(
            "1 value(s) 5× or more away from what they should be near:\n"
            "  row 4, column '2021年比上年增长(%)': gdp_real_growth 85 % for yubei 2021 is far from "
            "the table's other 4 rows (typically 6.75): a slip?\n"
            "If they are right, say why: accept_implausible='REASON' (jbanalysis data add "
            "--accept-implausible 'REASON'); the reason is stored beside each value",
            4,
            "2021年比上年增长(%)",
        ),
    )
    case(
        "no_slip_small_district",
        "slips",
        "大渡口 (266) among big districts is no slip: its nearest neighbour is 2.4x away",
        csv(
            "no_slip.csv",
            [
                "2020年中心城区各区地区生产总值(亿元)",
                "地区,地区生产总值",
                *[f"{d},{x}" for d, x in {**central, "渝北区": 2009.52}.items()],
            ],
        ),
        values=[
            v(IDS.get(d, d), 2020, "gdp", x) for d, x in {**central, "渝北区": 2009.52}.items()
        ],
        rows=(9, 9, 0),
    )


# --- a whole yearbook chapter table: 38 units x 10 indicators under a two-row head, one call ----


def yearbook() -> None:
    import pandas as pd

    from jbanalysis.registry.districts import load_districts
    from jbanalysis.sources.observations import bundled_observations

    reg = load_districts()
    units = reg[reg["level"].isin(["district", "county"])]
    obs = bundled_observations()
    obs = obs[
        (obs["source_id"] == "cq_yearbook_panel") & (obs["year"] == 2019) & (obs["period"] == "Y")
    ]
    cols = [
        ("gdp", 2),
        ("va_primary", 2),
        ("va_secondary", 2),
        ("va_tertiary", 2),
        ("gdp_per_capita", 0),
        ("pop_resident", 2),
        ("retail_sales", 2),
        ("fiscal_revenue", 2),
        ("income_urban", 0),
        ("income_rural", 0),
    ]
    table = obs.pivot_table(
        index="district", columns="indicator", values="value", aggfunc="first", observed=True
    )
    rows = [
        ["重庆调查年鉴—2020"],
        ["3-5 各区县主要经济指标"],
        [
            "区 县",
            "地区生产总值(亿元)",
            None,
            None,
            None,
            "人均地区生产总值(元)",
            "年末常住人口(万人)",
            "社会消费品零售总额(亿元)",
            "一般公共预算收入(亿元)",
            "城镇常住居民人均可支配收入(元)",
            "农村常住居民人均可支配收入(元)",
        ],
        [None, "合计", "第一产业", "第二产业", "第三产业", None, None, None, None, None, None],
        ["全  市", 23605.77, None, None, None, None, None, None, None, None, None],
    ]
    values, empty = [], 0
    for d in units.itertuples(index=False):
        row = [d.name_zh]
        for ind, digits in cols:
            x = (
                table.at[d.id, ind]
                if d.id in table.index and ind in table.columns
                else float("nan")
            )
            if pd.isna(x):
                row.append("—")
                continue
            x = round(float(x), digits) if digits else float(round(float(x)))
            row.append(x)
            values.append([d.id, 2019, ind, "Y", x])
        empty += all(x == "—" for x in row[1:])  # a row with no figure is rejected: no values
        rows.append(row)
    rows.append(["注：地区生产总值按当年价格计算。"])
    case(
        "yearbook_chapter_38x10",
        "yearbook",
        "a yearbook chapter table: 38 districts and counties x 10 indicators under a two-row head, "
        "the data year from the edition, one call",
        xlsx(
            "yearbook_chapter.xlsx",
            [
                {
                    "title": "3-5",
                    "rows": rows,
                    "merge": [
                        "A3:A4",
                        "B3:E3",
                        "F3:F4",
                        "G3:G4",
                        "H3:H4",
                        "I3:I4",
                        "J3:J4",
                        "K3:K4",
                    ],
                }
            ],
        ),
        values=values,
        rows=(40, 38 - empty, 2 + empty),
    )


def more() -> None:
    """Further wordings and shapes: comparison heads, year-end stocks, shares of the city, years
    as section headings, English periods, GBK with a two-row head."""
    case(
        "comparison_head",
        "refused",
        "同比(%) beside a year's levels: the growth of that year",
        csv(
            "comparison_head.csv",
            ["地区,2022年(亿元),同比(%)", "渝中区,1560.91,1.9", "北碚区,742.01,-0.9"],
        ),
        {"indicator": "gdp"},
        values=[
            v("渝中区", 2022, "gdp", 1560.91),
            v("渝中区", 2022, "gdp_real_growth", 1.9),
            v("beibei", 2022, "gdp", 742.01),
            v("beibei", 2022, "gdp_real_growth", -0.9),
        ],
        rows=(2, 2, 0),
    )
    case(
        "year_end_stock",
        "refused",
        "2020年末 over a population: the stock at the end of 2020 (the year)",
        csv("year_end.csv", ["指标,单位,2020年末", "常住人口,万人,93.0"]),
        {"district": "江北区"},
        values=[v("江北区", 2020, "pop_resident", 93.0)],
        rows=(1, 1, 0),
    )
    case(
        "share_of_city_left_out",
        "refused",
        "占全市比重(%) beside GDP: no registry indicator for it, so its cells are left out, said",
        csv(
            "share_city.csv",
            ["地区,2020年(亿元),占全市比重(%)", "江北区,1325.4,5.3", "渝北区,2009.52,8.0"],
        ),
        {"indicator": "gdp"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("渝北区", 2020, "gdp", 2009.52)],
        rows=(2, 2, 0),
        left_out=2,
    )
    case(
        "years_as_sections",
        "refused",
        "years as section headings over the district rows",
        csv(
            "year_sections.csv",
            [
                "地区,地区生产总值(亿元)",
                "2019年",
                "江北区,1240.07",
                "南岸区,770.58",
                "2020年",
                "江北区,1325.4",
                "南岸区,813.25",
            ],
        ),
        values=[
            v("江北区", 2019, "gdp", 1240.07),
            v("南岸区", 2019, "gdp", 770.58),
            v("江北区", 2020, "gdp", 1325.4),
            v("南岸区", 2020, "gdp", 813.25),
        ],
        rows=(6, 4, 2),
    )
    case(
        "english_periods",
        "refused",
        "English heads with a period (Jan.-Sep. 2024, Growth (%))",
        csv(
            "english_periods.csv",
            [
                "Chongqing: main indicators",
                "Item,Jan.-Sep. 2024 (100 million yuan),Growth (%)",
                "Gross Regional Product,23244.31,6.0",
            ],
        ),
        {"district": "重庆市"},
        values=[
            v("chongqing", 2024, "gdp", 23244.31, "Q1-Q3"),
            v("chongqing", 2024, "gdp_real_growth", 6.0, "Q1-Q3"),
        ],
        rows=(1, 1, 0),
    )
    case(
        "gbk_two_row_head",
        "refused",
        "a GBK-encoded CSV with a two-row head (indicator over year and growth)",
        csv(
            "gbk_two_rows.csv",
            [
                "地区,社会消费品零售总额(亿元),",
                ",2020年,比上年增长(%)",
                "江北区,687.05,3.2",
                "南岸区,536.0,0.6",
            ],
            encoding="gbk",
        ),
        values=[
            v("江北区", 2020, "retail_sales", 687.05),
            v("江北区", 2020, "retail_sales_growth", 3.2),
            v("南岸区", 2020, "retail_sales", 536.0),
            v("南岸区", 2020, "retail_sales_growth", 0.6),
        ],
        rows=(2, 2, 0),
    )
    case(
        "sheet_by_year_name",
        "sheets",
        "a workbook with one sheet per year, the one asked for by name",
        xlsx(
            "sheet_per_year.xlsx",
            [
                {"title": "2019", "rows": [["地区", "地区生产总值(亿元)"], ["江北区", 1240.07]]},
                {"title": "2020", "rows": [["地区", "地区生产总值(亿元)"], ["江北区", 1325.4]]},
            ],
        ),
        {"sheet": "2020"},
        values=[v("江北区", 2020, "gdp", 1325.4)],
        rows=(1, 1, 0),
    )
    case(
        "points_column_left_out",
        "refused",
        "提高(百分点) beside a rate: a change in percentage points, left out",
        csv("points.csv", ["指标,2020年(%),比上年提高(百分点)", "常住人口城镇化率,94.33,0.05"]),
        {"district": "九龙坡区"},
        values=[v("jiulongpo", 2020, "urbanization_rate", 94.33)],
        rows=(1, 1, 0),
        ignored=["比上年提高(百分点)"],
    )


def exports() -> None:
    """What government exports and yearbook files do to tables: text-protected cells, titles and
    notes merged across the sheet, the unit at the end of the title row, scope in brackets."""
    case(
        "excel_safe_text",
        "numbers",
        'an export that protects text as ="…" (years, districts and numbers)',
        csv("excel_safe.csv", ['地区,="2020年"', '="江北区",="1325.4"', '="南岸区",="813.25"']),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )
    case(
        "merged_titles_two_tables",
        "refused",
        "two tables under titles and notes merged across the sheet, the unit at the title row's end",
        xlsx(
            "merged_titles.xlsx",
            [
                {
                    "title": "Sheet1",
                    "rows": [
                        ["表1 2020年各区地区生产总值", None, "单位：亿元"],
                        ["地区", "绝对值", "比上年增长(%)"],
                        ["江北区", 1325.4, 4.6],
                        ["渝北区", 2009.52, 3.7],
                        ["注：增长速度按可比价格计算。"],
                        [None],
                        ["表2 2020年各区社会消费品零售总额", None, "单位：亿元"],
                        ["地区", "绝对值", "比上年增长(%)"],
                        ["江北区", 687.05, 3.2],
                        ["渝北区", 947.01, 0.4],
                    ],
                    "merge": ["A1:B1", "A5:C5", "A7:B7"],
                }
            ],
        ),
        values=[
            v("江北区", 2020, "gdp", 1325.4),
            v("江北区", 2020, "gdp_real_growth", 4.6),
            v("渝北区", 2020, "gdp", 2009.52),
            v("渝北区", 2020, "gdp_real_growth", 3.7),
            v("江北区", 2020, "retail_sales", 687.05),
            v("江北区", 2020, "retail_sales_growth", 3.2),
            v("渝北区", 2020, "retail_sales", 947.01),
            v("渝北区", 2020, "retail_sales_growth", 0.4),
        ],
        rows=(5, 4, 1),
    )
    case(
        "district_scope_in_brackets",
        "refused",
        "江北区（含两江新区）: the district, with its scope kept in the note",
        csv(
            "district_scope.csv",
            ["地区,2020年", "江北区（含两江新区部分）,1325.4", "南岸区,813.25"],
        ),
        {"indicator": "gdp", "unit": "亿元"},
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
        note_of=["jiangbei", 2020, "gdp", "地区: 含两江新区部分"],
    )
    case(
        "level_row_current_prices",
        "wrong",
        "地区生产总值(现价) as a row label: the level's basis, not that of the growth beside it",
        csv(
            "level_row_basis.csv",
            ["2021年渝北区主要指标", "指标,2021年,比上年增长(%)", "地区生产总值(现价),2235.61,8.5"],
        ),
        {"unit": "亿元"},
        values=[v("渝北区", 2021, "gdp", 2235.61), v("渝北区", 2021, "gdp_real_growth", 8.5)],
        rows=(1, 1, 0),
    )


def bulletins() -> None:
    """A district bulletin's Jan-Sep table as printed: levels missing where only growth is
    published (规模以上工业增加值), — in the unit column; a long table with its own words."""
    case(
        "bulletin_growth_only_rows",
        "refused",
        "a 1-9月 bulletin: 规模以上工业增加值 and 固定资产投资 with growth only, — for their unit",
        csv(
            "bulletin_q3_growth_only.csv",
            [
                "江北区2025年1-9月主要经济指标",
                "指标名称,计量单位,1-9月,同比增长(%)",
                "规模以上工业增加值,—,—,5.3",
                "社会消费品零售总额,亿元,620.5,4.1",
                "固定资产投资,—,—,-3.2",
                "一般公共预算收入,亿元,45.6,2.1",
            ],
        ),
        values=[
            v("江北区", 2025, "industrial_va_growth", 5.3, "Q1-Q3"),
            v("江北区", 2025, "retail_sales", 620.5, "Q1-Q3"),
            v("江北区", 2025, "retail_sales_growth", 4.1, "Q1-Q3"),
            v("江北区", 2025, "fai_growth", -3.2, "Q1-Q3"),
            v("江北区", 2025, "fiscal_revenue", 45.6, "Q1-Q3"),
            v("江北区", 2025, "fiscal_revenue_growth", 2.1, "Q1-Q3"),
        ],
        rows=(4, 4, 0),
        note_of=["jiangbei", 2025, "industrial_va_growth", "指标名称: 规模以上工业增加值"],
    )
    case(
        "long_table_own_words",
        "refused",
        "a long export with its own column names (地区名称, 统计年度, 指标名称, 指标值, 计量单位)",
        csv(
            "long_own_words.csv",
            [
                "地区名称,统计年度,指标名称,指标值,计量单位",
                "江北区,2020,地区生产总值,1325.4,亿元",
                "南岸区,2020,地区生产总值,813.25,亿元",
            ],
        ),
        values=[v("江北区", 2020, "gdp", 1325.4), v("南岸区", 2020, "gdp", 813.25)],
        rows=(2, 2, 0),
    )


def walkthrough() -> None:
    """The README's annual update: two editions of a yearbook page of the same shape (a per-head
    column whose unit only a note gives, a 位次 column), for a reading saved and reused."""
    from jbanalysis.sources.observations import bundled_observations

    obs = bundled_observations()
    obs = obs[(obs["source_id"] == "cq_yearbook_panel") & (obs["period"] == "Y")]
    names = ["大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"]
    for edition in (2020, 2021):
        year = edition - 1
        part = obs[obs["year"] == year].pivot_table(
            index="district", columns="indicator", values="value", aggfunc="first", observed=True
        )
        rows, values = [], []
        for name in names:
            d = IDS[name]
            row = [name]
            for ind, digits in (("gdp", 2), ("retail_sales", 2), ("gdp_per_capita", 0)):
                x = part.at[d, ind] if d in part.index and ind in part.columns else float("nan")
                if x != x:
                    row.append("—")
                    continue
                x = round(float(x), digits) if digits else float(round(float(x)))
                row.append(x)
                values.append([d, year, ind, "Y", x])
            rows.append(row)
        ranked = sorted((r for r in rows if r[1] != "—"), key=lambda r: -r[1])
        for r in rows:
            r.append(ranked.index(r) + 1 if r in ranked else "—")
        sheet = [
            [f"重庆调查年鉴—{edition}"],
            ["3-12 中心城区主要经济指标"],
            ["单位：亿元"],
            ["地区", "地区生产总值", "社会消费品零售总额", "人均地区生产总值", "位次"],
            *rows,
            ["注：人均地区生产总值单位为元；位次按地区生产总值排列。"],
        ]
        file = xlsx(
            f"central_yearbook_{edition}.xlsx", [{"title": f"3-12 ({edition})", "rows": sheet}]
        )
        case(
            f"walkthrough_yearbook_{edition}",
            "yearbook",
            f"the README's yearbook page, edition {edition}: the per-head unit given by columns=",
            file,
            {"columns": {"人均地区生产总值": "人均地区生产总值(元)"}},
            values=values,
            rows=(len(names) + 1, len(names), 1),
            ignored=["位次"],
        )


def main() -> None:
    groups = (wrong, refused, unclear, numbers, slips, yearbook, more, exports, bulletins)
    for group in (*groups, walkthrough):
        group()
    shapes(case, csv, xlsx, v)  # round three: period heads, side by side, note units, hidden
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "case names are unique"
    (HERE / "cases.json").write_text(
        json.dumps(CASES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
