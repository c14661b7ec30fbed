"""Write the bad-input corpus: the input files and ``manifest.csv``.

Run ``python tests/data/bad/make_corpus.py`` after adding a case; the files it writes are committed
(so a reader can open them) and ``tests/test_bad_input.py`` runs every row of the manifest.

Manifest columns: ``case``, ``target`` (read_table, validate, cli, forecast), ``input`` (a file in
this folder, a data file to edit, or empty), ``args`` (JSON: keyword arguments, an edit, argv or a
series), ``expect`` (``error`` or ``ok``), ``contains`` (words the error message must contain, ``|``
between them; for ``ok``, JSON of expected values), ``rows_in``/``rows_used``/``rows_rejected``
(read_table's account, where it applies), ``what`` (what is wrong with the input).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
CASES: list[dict] = []


def case(name, target, what, *, input="", args=None, expect="error", contains="", rows=None):
    rows_in, rows_used, rows_rejected = rows or ("", "", "")
    CASES.append(
        {
            "case": name,
            "target": target,
            "input": input,
            "args": json.dumps(args or {}, ensure_ascii=False),
            "expect": expect,
            "contains": contains
            if isinstance(contains, str)
            else json.dumps(contains, ensure_ascii=False),
            "rows_in": rows_in,
            "rows_used": rows_used,
            "rows_rejected": rows_rejected,
            "what": what,
        }
    )


def text_file(name: str, text: str, encoding: str = "utf-8") -> str:
    (HERE / name).write_bytes(text.encode(encoding))
    return name


def xlsx_file(name: str, rows: list[list], merges: list[str] = (), formats=None) -> str:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for area in merges:
        sheet.merge_cells(area)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    return save_book(book, name)


def save_book(book, name: str) -> str:
    """Save a workbook byte for byte the same on every run: fixed zip times and document dates."""
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2025-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    (HERE / name).write_bytes(out.getvalue())
    return name


GDP = {"indicator": "gdp", "unit": "亿元"}
WIDE = "地区,2020年,2021年\n江北区,1325.40,1507.07\n渝中区,1357.60,1517.70\n"
OK_WIDE = [
    ["jiangbei", 2020, "gdp", 1325.4],
    ["jiangbei", 2021, "gdp", 1507.07],
    ["yuzhong", 2020, "gdp", 1357.6],
    ["yuzhong", 2021, "gdp", 1517.7],
]


def read_table_cases() -> None:
    # encodings: legitimate, parsed
    for enc, label in [
        ("gbk", "GBK"),
        ("gb18030", "GB18030"),
        ("utf-16", "UTF-16 with BOM"),
        ("utf-8-sig", "UTF-8 with BOM"),
    ]:
        case(
            f"encoding_{enc}",
            "read_table",
            f"{label} encoded file",
            input=text_file(f"enc_{enc}.csv", WIDE, enc),
            args=GDP,
            expect="ok",
            contains=OK_WIDE,
            rows=(2, 2, 0),
        )
    case(
        "gb18030_rare_char",
        "read_table",
        "GB18030-only character in a note row (㐀 is not in GBK)",
        input=text_file("enc_gb18030_rare.csv", WIDE + "注：㐀为生僻字示例\n", "gb18030"),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(3, 2, 1),
    )
    case(
        "latin1_garbage",
        "read_table",
        "bytes that are neither UTF-8 nor GB18030",
        input="latin1.csv",
        args=GDP,
        contains="cannot tell the encoding",
    )
    (HERE / "latin1.csv").write_bytes("地区,2020\n".encode() + b"\x80\xff\xfe\x81,1\n")
    # layouts and number formats
    case(
        "merged_two_row_header",
        "read_table",
        "Excel table with a merged two-row header (indicator over years)",
        input=xlsx_file(
            "merged_header.xlsx",
            [
                ["地区", "地区生产总值(亿元)", None],
                [None, "2020年", "2021年"],
                ["江北区", 1325.4, 1507.07],
                ["渝中区", 1357.6, 1517.7],
            ],
            merges=["B1:C1", "A1:A2"],
        ),
        expect="ok",
        contains=OK_WIDE,
        rows=(2, 2, 0),
    )
    case(
        "title_row_above",
        "read_table",
        "a title line above the header",
        input=text_file("title_row.csv", "2020–2021年各区地区生产总值\n" + WIDE),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(2, 2, 0),
    )
    case(
        "stray_total_row",
        "read_table",
        "a 合计 row in the middle of the table",
        input=text_file(
            "stray_total.csv",
            "地区,2020年,2021年\n江北区,1325.40,1507.07\n合计,2683.00,3024.77\n渝中区,1357.60,1517.70\n",
        ),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(3, 2, 1),
    )
    case(
        "total_rows_city",
        "read_table",
        "全市 and 总计 rows at the end",
        input=text_file(
            "total_city.csv", WIDE + "全市,25002.79,27894.02\n总计,26360.39,29411.79\n"
        ),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(4, 2, 2),
    )
    case(
        "total_column",
        "read_table",
        "a 全市 column beside the districts (years as rows)",
        input=text_file(
            "total_column.csv",
            "年份,江北区,渝中区,全市\n2020,1325.40,1357.60,25002.79\n2021,1507.07,1517.70,27894.02\n",
        ),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(2, 2, 0),
    )
    case(
        "units_in_header",
        "read_table",
        "units in the header: (万元) converted to 亿元",
        input=text_file("unit_header.csv", "地区,年份,地区生产总值(万元)\n江北区,2020,13254008\n"),
        expect="ok",
        contains=[["jiangbei", 2020, "gdp", 1325.4008]],
        rows=(1, 1, 0),
    )
    case(
        "fullwidth_unit_header",
        "read_table",
        "full-width brackets around the unit: （亿元）",
        input=text_file(
            "unit_fullwidth.csv", "地区,年份,地区生产总值（亿元）\n江北区,2020,1325.40\n"
        ),
        expect="ok",
        contains=[["jiangbei", 2020, "gdp", 1325.4]],
        rows=(1, 1, 0),
    )
    case(
        "thousands_separators",
        "read_table",
        "numbers written 1,325.40 (quoted)",
        input=text_file("thousands.csv", '地区,2020年\n江北区,"1,325.40"\n渝中区,"1,357.60"\n'),
        args=GDP,
        expect="ok",
        contains=[["jiangbei", 2020, "gdp", 1325.4], ["yuzhong", 2020, "gdp", 1357.6]],
        rows=(2, 2, 0),
    )
    case(
        "fullwidth_digits",
        "read_table",
        "full-width digits and point: １３２５．４０",
        input=text_file("fullwidth.csv", "地区,2020年\n江北区,１３２５．４０\n"),
        args=GDP,
        expect="ok",
        contains=[["jiangbei", 2020, "gdp", 1325.4]],
        rows=(1, 1, 0),
    )
    case(
        "missing_marks",
        "read_table",
        "—, .., - and empty cells are missing, not zero",
        input=text_file(
            "missing_marks.csv",
            "地区,2019年,2020年,2021年,2022年\n江北区,—,..,-,\n渝中区,1291.60,1357.60,…,1560.90\n",
        ),
        args=GDP,
        expect="ok",
        contains=[
            ["yuzhong", 2019, "gdp", 1291.6],
            ["yuzhong", 2020, "gdp", 1357.6],
            ["yuzhong", 2022, "gdp", 1560.9],
        ],
        rows=(2, 1, 1),
    )
    case(
        "trailing_notes",
        "read_table",
        "trailing notes rows (注：…, 资料来源：…)",
        input=text_file("notes.csv", WIDE + "注：2021年为初步核算数。\n资料来源：各区统计公报\n"),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(4, 2, 2),
    )
    case(
        "semicolon_separated",
        "read_table",
        "semicolon-separated (European Excel export)",
        input=text_file("semicolon.csv", WIDE.replace(",", ";")),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(2, 2, 0),
    )
    case(
        "tab_separated",
        "read_table",
        "tab-separated .tsv",
        input=text_file("tabs.tsv", WIDE.replace(",", "\t")),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(2, 2, 0),
    )
    case(
        "excel_numeric_year_headers",
        "read_table",
        "Excel year headers stored as numbers (2020, 2021)",
        input=xlsx_file(
            "numeric_years.xlsx",
            [["地区", 2020, 2021], ["江北区", 1325.4, 1507.07], ["渝中区", 1357.6, 1517.7]],
        ),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(2, 2, 0),
    )
    case(
        "percent_signs",
        "read_table",
        "growth rates written with % signs, negative allowed",
        input=text_file("percent.csv", "地区,2020年\n江北区,3.8%\n渝中区,-1.2%\n"),
        args={"indicator": "gdp_real_growth", "unit": "%"},
        expect="ok",
        contains=[
            ["jiangbei", 2020, "gdp_real_growth", 3.8],
            ["yuzhong", 2020, "gdp_real_growth", -1.2],
        ],
        rows=(2, 2, 0),
    )
    case(
        "padded_names",
        "read_table",
        "district names with spaces and the short form (江北)",
        input=text_file("padded.csv", "地区,2020年\n  江北 ,1325.40\n"),
        args=GDP,
        expect="ok",
        contains=[["jiangbei", 2020, "gdp", 1325.4]],
        rows=(1, 1, 0),
    )
    case(
        "blank_lines",
        "read_table",
        "blank lines inside the table",
        input=text_file(
            "blank_lines.csv",
            "地区,2020年,2021年\n江北区,1325.40,1507.07\n,,\n渝中区,1357.60,1517.70\n",
        ),
        args=GDP,
        expect="ok",
        contains=OK_WIDE,
        rows=(3, 2, 1),
    )
    # errors
    case(
        "duplicate_columns",
        "read_table",
        "the same year column twice, with the same values: read once, and said",
        input=text_file("dup_columns.csv", "地区,2020年,2020年\n江北区,1325.40,1325.40\n"),
        args=GDP,
        contains=[["jiangbei", 2020, "gdp", 1325.4]],
        rows=(1, 1, 0),
        expect="ok",
    )
    case(
        "truncated_file",
        "read_table",
        "file cut off in the middle of the last row",
        input=text_file(
            "truncated.csv",
            "地区,2019年,2020年,2021年\n江北区,1240.07,1325.40,1507.07\n渝中区,1291.6",
        ),
        args=GDP,
        contains="truncated|row 3",
    )
    case(
        "unclosed_quote",
        "read_table",
        "an unclosed quote runs to the end of the file",
        input=text_file("unclosed_quote.csv", '地区,2020年\n江北区,"1,325.40\n渝中区,1357.60\n'),
        args=GDP,
        contains="unclosed quote",
    )
    case(
        "empty_file", "read_table", "zero bytes", input=text_file("empty.csv", ""), contains="empty"
    )
    case(
        "whitespace_only",
        "read_table",
        "only blank lines",
        input=text_file("blank.csv", "\n \n\n"),
        contains="empty",
    )
    case(
        "header_only",
        "read_table",
        "a header and no rows",
        input=text_file("header_only.csv", "district,year,indicator,value,unit\n"),
        contains="header only",
    )
    case(
        "no_layout",
        "read_table",
        "no column names a district, year or indicator",
        input=text_file("no_layout.csv", "编号,数\n1,2\n"),
        contains="cannot tell the layout",
    )
    case(
        "missing_value_column",
        "read_table",
        "long table without a value column",
        input=text_file("no_value.csv", "district,year,indicator,unit\n江北区,2020,gdp,亿元\n"),
        contains="needs a value column",
    )
    case(
        "unknown_district",
        "read_table",
        "a district that does not exist, with suggestions",
        input=text_file("unknown_district.csv", "地区,2020年\n江北县,1325.40\n"),
        args=GDP,
        contains="unknown district '江北县'|did you mean|row 2",
    )
    case(
        "unknown_indicator",
        "read_table",
        "an indicator name as analysts write it (生产总值 + 增速: the growth of GDP)",
        input=text_file("unknown_indicator.csv", "地区,年份,生产总值增速\n江北区,2020,3.8\n"),
        contains=[["jiangbei", 2020, "gdp_real_growth", 3.8]],
        rows=(1, 1, 0),
        expect="ok",
    )
    case(
        "non_numeric",
        "read_table",
        "a number with a qualifier (约1325)",
        input=text_file("non_numeric.csv", "地区,2020年\n江北区,约1325\n"),
        args=GDP,
        contains="'约1325' is not a number|row 2|2020年",
    )
    case(
        "infinite_value",
        "read_table",
        "inf written as a value",
        input=text_file("infinite.csv", "地区,2020年\n江北区,inf\n"),
        args=GDP,
        contains="not a finite number",
    )
    case(
        "missing_unit",
        "read_table",
        "no unit column, no unit in the header, no unit=",
        input=text_file("no_unit.csv", WIDE),
        args={"indicator": "gdp"},
        contains="no unit for 'gdp'",
    )
    case(
        "wrong_unit",
        "read_table",
        "a population unit for GDP",
        input=text_file("wrong_unit.csv", WIDE),
        args={"indicator": "gdp", "unit": "万人"},
        contains="does not fit indicator 'gdp'",
    )
    case(
        "unknown_unit",
        "read_table",
        "a unit the registry does not know",
        input=text_file(
            "unknown_unit.csv",
            "district,year,indicator,value,unit\n江北区,2020,gdp,1325.4,万美元\n",
        ),
        contains="unknown unit '万美元'",
    )
    case(
        "year_out_of_range",
        "read_table",
        "year 2201",
        input=text_file(
            "year_range.csv", "district,year,indicator,value,unit\n江北区,2201,gdp,1325.4,亿元\n"
        ),
        contains="year 2201 is out of range",
    )
    case(
        "year_not_a_year",
        "read_table",
        "a year relative to the table's own (去年) and no title year to say which",
        input=text_file(
            "year_text.csv", "district,year,indicator,value,unit\n江北区,去年,gdp,1325.4,亿元\n"
        ),
        contains="relative to the table's own|pass year=|row 2",
    )
    case(
        "negative_gdp",
        "read_table",
        "a negative level",
        input=text_file(
            "negative.csv", "district,year,indicator,value,unit\n江北区,2020,gdp,-1325.4,亿元\n"
        ),
        contains="negative gdp|row 2",
    )
    case(
        "duplicate_key",
        "read_table",
        "the same district and year twice",
        input=text_file("dup_key.csv", WIDE + "江北区,1325.41,1507.08\n"),
        args=GDP,
        contains="duplicate key jiangbei 2020 gdp|row 4",
    )
    case(
        "value_without_header",
        "read_table",
        "a value under a column with no header: that column is left out, and said",
        input=text_file("no_header_cell.csv", "地区,2020年,\n江北区,1325.40,99\n"),
        args=GDP,
        contains=[["jiangbei", 2020, "gdp", 1325.4]],
        rows=(1, 1, 0),
        expect="ok",
    )
    case(
        "corrupt_xlsx",
        "read_table",
        "a text file named .xlsx",
        input=text_file("corrupt.xlsx", "not a workbook"),
        contains="cannot read the workbook",
    )
    case(
        "unsupported_type",
        "read_table",
        "a JSON file",
        input=text_file("data.json", "{}"),
        contains="unsupported file type",
    )


TRAD = "地區,2020年,2021年\n江北區,1325.40,1507.07\n渝中區,1357.60,1517.70\n"
BULLETIN = (
    "2024年九龙坡区国民经济和社会发展统计公报 主要指标\n"
    "指标,单位,2024年,比上年增长(%)\n"
    "地区生产总值,亿元,2060.35,6.0\n"
    "其中：第一产业增加值,亿元,8.43,2.3\n"
    "第二产业增加值,亿元,582.66,2.3\n"
    "第三产业增加值,亿元,1469.26,7.5\n"
    "人均地区生产总值,元,133421,\n"
    "注：地区生产总值按现价计算，增长速度按可比价格计算。\n"
)
JIULONGPO_2024 = [
    ["jiulongpo", 2024, "gdp", 2060.35],
    ["jiulongpo", 2024, "gdp_real_growth", 6.0],
    ["jiulongpo", 2024, "va_primary", 8.43],
    ["jiulongpo", 2024, "va_secondary", 582.66],
    ["jiulongpo", 2024, "va_tertiary", 1469.26],
    ["jiulongpo", 2024, "gdp_per_capita", 133421.0],
    ["jiulongpo", 2024, "va_primary_growth", 2.3],
    ["jiulongpo", 2024, "va_secondary_growth", 2.3],
    ["jiulongpo", 2024, "va_tertiary_growth", 7.5],
]


def issue11_cases() -> None:
    """Real tables as yearbook pages, bulletins and Excel exports write them (issue 11)."""
    ok = {"expect": "ok"}
    # numbers
    case(
        "decimal_comma",
        "read_table",
        "decimal commas and European thousands in a ';'-separated export",
        input=text_file(
            "decimal_comma.csv",
            "地区;2020年;2021年\n江北区;1.325,40;1.507,07\n渝中区;1357,6;1517,7\n",
        ),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "decimal_ambiguous",
        "read_table",
        "'1,325' in a ';' file: a decimal comma or a thousands separator?",
        input=text_file("decimal_ambiguous.csv", "地区;2020年\n江北区;1,325\n"),
        args=GDP,
        contains="could be a decimal or a thousands separator|decimal=",
    )
    case(
        "footnote_circled",
        "read_table",
        "circled footnote markers after names and numbers (① must not become the digit 1)",
        input=text_file(
            "footnote_circled.csv",
            "地区,2020年,2021年\n江北区①,1325.40,1507.07\n渝中区,1357.60②,1517.70\n"
            "注：①含两江新区直管区。②初步核算数。\n",
        ),
        args=GDP,
        contains=OK_WIDE,
        rows=(3, 2, 1),
        **ok,
    )
    case(
        "footnote_superscript",
        "read_table",
        "superscript footnote markers (¹ must not become the digit 1)",
        input=text_file(
            "footnote_superscript.csv", "地区,2020年¹,2021年\n江北区,1325.40¹,1507.07²\n"
        ),
        args=GDP,
        contains=OK_WIDE[:2],
        rows=(1, 1, 0),
        **ok,
    )
    case(
        "percent_on_level",
        "read_table",
        "a '%' in a GDP column (a growth rate in the wrong column)",
        input=text_file("percent_on_level.csv", "地区,2020年\n江北区,3.8%\n"),
        args=GDP,
        contains="'3.8%' has a '%' but is read as gdp|row 2|2020年",
    )
    case(
        "percent_cells",
        "read_table",
        "percent-formatted Excel cells (0.038 shown as 3.8%) read as they show",
        input=xlsx_file(
            "percent_cells.xlsx",
            [["地区", "2020年"], ["江北区", 0.038], ["渝中区", -0.012]],
            formats={"B2": "0.0%", "B3": "0.0%"},
        ),
        args={"indicator": "gdp_real_growth"},
        contains=[
            ["jiangbei", 2020, "gdp_real_growth", 3.8],
            ["yuzhong", 2020, "gdp_real_growth", -1.2],
        ],
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "excel_error_cell",
        "read_table",
        "#REF! in a workbook cell: a broken formula, not a missing value",
        input=xlsx_file(
            "excel_error.xlsx", [["地区", "2020年"], ["江北区", 1325.4], ["渝中区", "#REF!"]]
        ),
        args=GDP,
        contains="Excel error #REF!|row 3|2020年|fix the formula",
    )
    case(
        "excel_error_text",
        "read_table",
        "#DIV/0! exported into a CSV",
        input=text_file("excel_error.csv", "地区,2020年\n江北区,#DIV/0!\n"),
        args=GDP,
        contains="Excel error #DIV/0!|row 2",
    )
    # units
    case(
        "unit_header_vs_argument",
        "read_table",
        "the unit in the column head (江北区(万元)) disagrees with unit=",
        input=text_file(
            "unit_head_disagrees.csv", "年份,江北区(万元),渝中区(万元)\n2020,13254008,13576000\n"
        ),
        args=GDP,
        contains="unit='亿元' but the column header says '万元'|row 2|江北区(万元)",
    )
    case(
        "unit_line_under_title",
        "read_table",
        "a 单位：万元 line under the title gives the unit",
        input=text_file(
            "unit_line.csv", "2020年各区地区生产总值\n单位：万元\n地区,2020年\n江北区,13254008\n"
        ),
        args={"indicator": "gdp"},
        contains=[["jiangbei", 2020, "gdp", 1325.4008]],
        rows=(1, 1, 0),
        **ok,
    )
    case(
        "unit_line_vs_argument",
        "read_table",
        "a 单位：万元 line and unit='亿元' disagree",
        input="unit_line.csv",
        args=GDP,
        contains="unit='亿元' but the 单位 line (row 2) says '万元'",
    )
    case(
        "unit_in_title_row",
        "read_table",
        "单位：亿元 in the last cell of the title row",
        input=text_file(
            "unit_title_cell.csv",
            "表1 各区地区生产总值,,单位：亿元\n地区,2020年,2021年\n江北区,1325.40,1507.07\n",
        ),
        args={"indicator": "gdp"},
        contains=OK_WIDE[:2],
        rows=(1, 1, 0),
        **ok,
    )
    # structure
    case(
        "two_district_columns",
        "read_table",
        "地区 = 重庆市 beside 区县 = 江北区: the district is the 区县",
        input=text_file(
            "two_district_columns.csv",
            "地区,区县,2020年,2021年\n重庆市,江北区,1325.40,1507.07\n重庆市,渝中区,1357.60,1517.70\n",
        ),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "grouping_column",
        "read_table",
        "a 区域 column of groups (中心城区) beside the district column",
        input=text_file(
            "grouping_column.csv",
            "区域,地区,2020年,2021年\n中心城区,江北区,1325.40,1507.07\n中心城区,渝中区,1357.60,1517.70\n",
        ),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "district_bulletin",
        "read_table",
        "a one-district bulletin (指标 | 单位 | 2024年 | 比上年增长(%)), district from the title",
        input=text_file("bulletin_jiulongpo_2024.csv", BULLETIN),
        contains=JIULONGPO_2024,
        rows=(6, 5, 1),
        **ok,
    )
    case(
        "long_growth_column",
        "read_table",
        "a long table's 比上年增长(%) column read as the growth indicator",
        input=text_file(
            "long_growth.csv",
            "地区,年份,指标,数值,单位,比上年增长(%)\n江北区,2018,地区生产总值,1027.87,亿元,9.0\n"
            "江北区,2020,社会消费品零售总额,687.05,亿元,\n",
        ),
        contains=[
            ["jiangbei", 2018, "gdp", 1027.87],
            ["jiangbei", 2018, "gdp_real_growth", 9.0],
            ["jiangbei", 2020, "retail_sales", 687.05],
        ],
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "year_for_wide_table",
        "read_table",
        "year= takes one year from a districts × years table",
        input="enc_gbk.csv",
        args={**GDP, "year": 2021},
        contains=[["jiangbei", 2021, "gdp", 1507.07], ["yuzhong", 2021, "gdp", 1517.7]],
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "one_year_indicator_columns",
        "read_table",
        "a one-year table with one column per indicator, year=",
        input=text_file(
            "one_year_indicators.csv",
            "地区,地区生产总值(亿元),社会消费品零售总额(亿元)\n江北区,1325.40,687.05\n",
        ),
        args={"year": 2020},
        contains=[["jiangbei", 2020, "gdp", 1325.4], ["jiangbei", 2020, "retail_sales", 687.05]],
        rows=(1, 1, 0),
        **ok,
    )
    case(
        "one_year_indicator_columns_no_year",
        "read_table",
        "the same table without year=: a clear error, not a TypeError",
        input="one_year_indicators.csv",
        contains="no year|pass year=|row 2",
    )
    # workbooks
    book = Workbook()
    hidden = book.active
    hidden.title = "old"
    for row in [["地区", 2020], ["江北区", 9999.0]]:
        hidden.append(row)
    data = book.create_sheet("2020-2021")
    for row in [
        ["地区", "2020年", "2021年"],
        ["江北区", 1325.4, 1507.07],
        ["渝中区", 1357.6, 1517.7],
    ]:
        data.append(row)
    hidden.sheet_state = "hidden"
    book.active = 1
    case(
        "hidden_first_sheet",
        "read_table",
        "a hidden first sheet: the visible active sheet is read",
        input=save_book(book, "hidden_sheet.xlsx"),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "hidden_sheet_asked",
        "read_table",
        "sheet= by name reads that sheet, hidden or not",
        input="hidden_sheet.xlsx",
        args={**GDP, "sheet": "old", "accept_implausible": "a test value, 7.5x the bundled one"},
        contains=[["jiangbei", 2020, "gdp", 9999.0]],
        rows=(1, 1, 0),
        **ok,
    )
    book = Workbook()
    cover = book.active
    cover.title = "封面"
    cover["B3"] = "2020—2021年各区地区生产总值"
    cover["B5"] = "重庆市统计局"
    data = book.create_sheet("数据")
    for row in [
        ["地区", "2020年", "2021年"],
        ["江北区", 1325.4, 1507.07],
        ["渝中区", 1357.6, 1517.7],
    ]:
        data.append(row)
    case(
        "cover_sheet",
        "read_table",
        "a cover sheet before the data sheet",
        input=save_book(book, "cover_sheet.xlsx"),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    book = Workbook()
    book.active.title = "封面"
    book.active["A1"] = "2020年各区地区生产总值"
    case(
        "cover_only",
        "read_table",
        "a workbook with a cover sheet and no table",
        input=save_book(book, "cover_only.xlsx"),
        args=GDP,
        contains="no table found in the workbook|1 '封面' (no table)",
    )
    case(
        "formula_without_value",
        "read_table",
        "formulas saved without their results (written by a script, never opened in Excel)",
        input=xlsx_file(
            "formula.xlsx", [["地区", "2020年"], ["江北区", 1325.4], ["渝中区", "=B2*1.02"]]
        ),
        args=GDP,
        contains="formula (=B2*1.02) saved without its result|row 3|open the workbook",
    )
    xlsx_file(
        "workbook.csv",
        [["地区", "2020年", "2021年"], ["江北区", 1325.4, 1507.07], ["渝中区", 1357.6, 1517.7]],
    )
    case(
        "workbook_named_csv",
        "read_table",
        "an Excel workbook named .csv",
        input="workbook.csv",
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    (HERE / "xls_renamed.xlsx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Workbook".ljust(512, b"\0")
    )
    case(
        "xls_renamed_xlsx",
        "read_table",
        "an Excel 97-2003 (.xls, OLE2) file renamed .xlsx",
        input="xls_renamed.xlsx",
        contains="Excel 97-2003 workbook (.xls) named .xlsx|save it as .xlsx",
    )
    case(
        "zero_byte_xlsx",
        "read_table",
        "a zero-byte .xlsx",
        input=text_file("zero.xlsx", ""),
        contains="the file is empty (0 bytes)",
    )
    case(
        "html_named_xls",
        "read_table",
        "a web page's 'export to Excel' (HTML) named .xls",
        input=text_file(
            "export.xls", "<html><body><table><tr><td>地区</td></tr></table></body></html>"
        ),
        contains="an HTML page named .xls",
    )
    book = Workbook()
    sheet = book.active
    for row in [
        ["地区", "2020年", "2021年"],
        ["江北区", 1325.4, 1507.07],
        ["渝中区", 1357.6, 1517.7],
    ]:
        sheet.append(row)
    sheet.cell(row=1_000_000, column=3).font = Font(bold=True)
    case(
        "far_away_formatted_cell",
        "read_table",
        "one formatted empty cell a million rows below the data",
        input=save_book(book, "far_cell.xlsx"),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    # text files
    case(
        "cr_line_endings",
        "read_table",
        "old-Mac CR line endings",
        input=text_file("cr_endings.csv", WIDE.replace("\n", "\r")),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "mixed_line_endings",
        "read_table",
        "CRLF, LF and CR in one file",
        input=text_file(
            "mixed_endings.csv",
            "地区,2020年,2021年\r\n江北区,1325.40,1507.07\n渝中区,1357.60,1517.70\r",
        ),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "very_long_field",
        "read_table",
        "a quoted note of 140,000 characters (longer than Python csv's field limit)",
        input=text_file("long_field.csv", WIDE + '"注：' + "说明" * 70_000 + '"\n'),
        args=GDP,
        contains=OK_WIDE,
        rows=(3, 2, 1),
        **ok,
    )
    (HERE / "utf16_no_bom.csv").write_bytes(WIDE.encode("utf-16-le"))
    case(
        "utf16_without_bom",
        "read_table",
        "UTF-16 (little-endian) without a byte-order mark",
        input="utf16_no_bom.csv",
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    case(
        "big5",
        "read_table",
        "Big5 with traditional characters (江北區)",
        input=text_file("big5.csv", TRAD, "big5"),
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    (HERE / "nul_padding.csv").write_bytes(WIDE.encode() + bytes(512))
    case(
        "nul_padding",
        "read_table",
        "512 NUL bytes of padding after the last line",
        input="nul_padding.csv",
        args=GDP,
        contains=OK_WIDE,
        rows=(2, 2, 0),
        **ok,
    )
    # semantics
    case(
        "plan_target_column",
        "read_table",
        "a 2035年目标 column beside the observations: left out, reported",
        input=text_file(
            "target_column.csv", "地区,2020年,2021年,2035年目标\n江北区,1325.40,1507.07,3000\n"
        ),
        args=GDP,
        contains=OK_WIDE[:2],
        rows=(1, 1, 0),
        **ok,
    )
    case(
        "future_year",
        "read_table",
        "a 2035 column with no target word: refused as an observation",
        input=text_file("future_year.csv", "地区,2020年,2035年\n江北区,1325.40,3000\n"),
        args=GDP,
        contains="year 2035 is after this year|not an observation|row 2|2035年",
    )
    case(
        "note_rows",
        "read_table",
        "note rows: 备注：, the second line of a note, a '*' line",
        input=text_file(
            "note_rows.csv",
            WIDE + "备注：本表数据来源于各区统计公报，\n2021年为初步核算数。\n* 含两江新区直管区\n",
        ),
        args=GDP,
        contains=OK_WIDE,
        rows=(5, 2, 3),
        **ok,
    )
    case(
        "all_missing_row",
        "read_table",
        "a district row whose every cell is missing",
        input=text_file("all_missing.csv", WIDE + "大渡口区,—,—\n"),
        args=GDP,
        contains=OK_WIDE,
        rows=(3, 2, 1),
        **ok,
    )
    # plausibility against the bundled data
    case(
        "implausible_unit",
        "read_table",
        "unit='万元' for a table in 亿元: values 10,000× too small",
        input="enc_gbk.csv",
        args={"indicator": "gdp", "unit": "万元"},
        contains="10,000× smaller than 1325.4 亿元 in the same year|亿元 would match|accept_implausible='REASON'|row 2",
    )
    case(
        "implausible_accepted",
        "read_table",
        "the same, accepted with a reason (accept_implausible='…')",
        input="enc_gbk.csv",
        args={
            "indicator": "gdp",
            "unit": "万元",
            "accept_implausible": "a test: the unit is wrong on purpose",
        },
        contains=[
            ["jiangbei", 2020, "gdp", 0.13254],
            ["jiangbei", 2021, "gdp", 0.150707],
            ["yuzhong", 2020, "gdp", 0.13576],
            ["yuzhong", 2021, "gdp", 0.15177],
        ],
        rows=(2, 2, 0),
        **ok,
    )


def validate_cases() -> None:
    src = "sources/cq_yearbook_panel.csv"
    row = ",江北区,2010,gdp,3913947,万元"
    case(
        "hash_changed",
        "validate",
        "a source value changed after the build",
        input=src,
        args={"replace": [row, ",江北区,2010,gdp,3913948,万元"]},
        contains="hash|stale|cq_yearbook_panel.csv",
    )
    case(
        "negative_level",
        "validate",
        "a negative GDP in a source file",
        input=src,
        args={"replace": [row, ",江北区,2010,gdp,-3913947,万元"], "rebuild": True},
        contains="negative|Sheet1!V359",
    )
    case(
        "unit_error",
        "validate",
        "a GDP printed in 亿元 in a 万元 column",
        input=src,
        args={"replace": [row, ",江北区,2010,gdp,391.3947,万元"], "rebuild": True},
        contains="unit_jump|Sheet1!V359",
    )
    case(
        "sector_sum",
        "validate",
        "GDP no longer the sum of its sectors",
        input=src,
        args={"replace": [row, ",江北区,2010,gdp,4913947,万元"], "rebuild": True},
        contains="sector_sum|Sheet1!V359",
    )
    case(
        "unknown_district_in_source",
        "validate",
        "a district name the registry does not know",
        input=src,
        args={"replace": [row, ",江北新区,2010,gdp,3913947,万元"]},
        contains="schema|江北新区|row 12295",
    )
    case(
        "stale_correction",
        "validate",
        "a correction whose published value no longer matches",
        input="corrections.csv",
        args={"replace": ["jiangbei,2022,gdp,1560.91", "jiangbei,2022,gdp,1560.00"]},
        contains="schema|C002",
    )
    case(
        "missing_datapackage",
        "validate",
        "datapackage.json deleted",
        input="datapackage.json",
        args={"delete": True},
        contains="datapackage.json is missing",
    )


def cli_cases() -> None:
    case(
        "cli_unknown_district",
        "cli",
        "forecast for a district that does not exist",
        args={"argv": ["forecast", "--district", "atlantis", "--indicator", "gdp"]},
        contains="exit 2|unknown district 'atlantis'",
    )
    case(
        "cli_unknown_indicator",
        "cli",
        "forecast of an indicator that does not exist",
        args={"argv": ["forecast", "--district", "jiangbei", "--indicator", "gpd"]},
        contains="exit 2|unknown indicator 'gpd'",
    )
    case(
        "cli_horizon_zero",
        "cli",
        "horizon 0",
        args={"argv": ["forecast", "--district", "jiangbei", "--horizon", "0"]},
        contains="exit 2|--horizon 0",
    )
    case(
        "cli_horizon_negative",
        "cli",
        "horizon -3",
        args={"argv": ["forecast", "--district", "jiangbei", "--horizon", "-3"]},
        contains="exit 2|--horizon -3",
    )
    case(
        "cli_info_unknown_indicator",
        "cli",
        "data info for an unknown indicator",
        args={"argv": ["data", "info", "--indicator", "gdpp"]},
        contains="exit 2|unknown indicator 'gdpp'",
    )
    case(
        "report_unknown_district",
        "cli",
        "report for a district that does not exist: refused before any notebook runs",
        args={"argv": ["report", "--district", "Jiangbie", "--out", "{tmp}/out"]},
        contains="exit 2|unknown district 'Jiangbie'|did you mean",
    )
    case(
        "report_path_in_district",
        "cli",
        "a path where the district goes (file names come from registry ids only)",
        args={"argv": ["report", "--district", "../../x", "--out", "{tmp}/out"]},
        contains="exit 2|unknown district '../../x'",
    )
    case(
        "report_reversed_years",
        "cli",
        "start year after end year",
        args={
            "argv": ["report", "--start-year", "2020", "--end-year", "2010", "--out", "{tmp}/out"]
        },
        contains="exit 2|--start-year 2020 is not before end year 2010",
    )
    case(
        "report_year_out_of_range",
        "cli",
        "a start year before the data begin",
        args={"argv": ["report", "--start-year", "1990", "--out", "{tmp}/out"]},
        contains="exit 2|outside the data (2005–",
    )
    case(
        "report_horizon_zero",
        "cli",
        "forecast horizon 0 in the report",
        args={"argv": ["report", "--horizon", "0", "--out", "{tmp}/out"]},
        contains="exit 2|--horizon 0",
    )
    case(
        "report_unwritable_output",
        "cli",
        "an output folder inside a file",
        args={"argv": ["report", "--out", "{bad}/header_only.csv/out"]},
        contains="exit 2|cannot write reports there",
    )
    case(
        "cli_validate_missing_folder",
        "cli",
        "validate a data folder that does not exist",
        args={"argv": ["data", "validate", "--data", "/nonexistent/data"]},
        contains="exit 1|no such data folder",
    )


def forecast_cases() -> None:
    def series(values: dict) -> dict:
        return {"values": values, "breaks": "none"}  # no census cut: the case tests the values

    case("forecast_empty", "forecast", "an empty series", args=series({}), contains="no values")
    case(
        "forecast_one_point",
        "forecast",
        "one value",
        args=series({"2020": 100.0}),
        contains="only 1 value(s)|at least 3",
    )
    case(
        "forecast_two_points",
        "forecast",
        "two values",
        args=series({"2019": 100.0, "2020": 110.0}),
        contains="only 2 value(s)|at least 3",
    )
    case(
        "forecast_nan",
        "forecast",
        "a NaN inside the series: the models step over it (issue 16), three values are fitted",
        args={
            **series({"2017": 1.0, "2018": float("nan"), "2019": 3.0, "2020": 4.0}),
            "model": "drift_level",
        },
        expect="ok",
        contains={"n_fit": [3, 3, 3], "median": [5.0, 6.0, 7.0]},
    )
    case(
        "forecast_nan_narrowed",
        "forecast",
        "a NaN inside the series with gaps='narrow': two values after it, too few",
        args={
            **series({"2017": 1.0, "2018": float("nan"), "2019": 3.0, "2020": 4.0}),
            "gaps": "narrow",
        },
        contains="only 2 value(s)|narrowed to the years after the last gap|no value for 2018",
    )
    case(
        "forecast_inf",
        "forecast",
        "an infinite value",
        args=series({"2017": 1.0, "2018": float("inf"), "2019": 3.0, "2020": 4.0}),
        contains="infinite values in year(s) [2018]",
    )
    case(
        "forecast_gap",
        "forecast",
        "a missing year in the fitting window",
        args=series({"2014": 1.0, "2015": 2.0, "2016": 3.0, "2018": 5.0, "2019": 6.0, "2020": 7.0}),
        contains="no value for 2017|last_stretch",
    )
    case(
        "forecast_negative_log_model",
        "forecast",
        "non-positive values with a log model",
        args={
            **series(
                {
                    str(y): float(v)
                    for y, v in zip(
                        range(2011, 2021), [-1, 2, 3, 4, 5, 6, 7, 8, 9, 10], strict=True
                    )
                }
            ),
            "model": "loglinear",
        },
        contains="values <= 0|use naive, drift or linear",
    )
    case(
        "forecast_constant",
        "forecast",
        "a constant series: a flat forecast, not an error",
        args={**series({str(y): 5.0 for y in range(2010, 2021)}), "model": "drift"},
        expect="ok",
        contains={"mean": [5.0, 5.0, 5.0]},
    )
    case(
        "forecast_too_short_after_break",
        "forecast",
        "known census break leaves two values",
        args={"values": {"2017": 1.0, "2018": 2.0, "2019": 3.0, "2020": 4.0}, "breaks": "known"},
        contains="only 2 value(s)|break at 2019",
    )


def main() -> None:
    for path in HERE.iterdir():
        if (
            path.suffix in (".csv", ".tsv", ".xlsx", ".xls", ".json")
            and path.name != "manifest.csv"
        ):
            path.unlink()
    read_table_cases()
    issue11_cases()
    validate_cases()
    cli_cases()
    forecast_cases()
    with open(HERE / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CASES[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(CASES)
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
