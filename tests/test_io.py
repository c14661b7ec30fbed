"""read_table: the formats users bring, and every kind of bad input the foundation issue lists."""

from pathlib import Path

import pandas as pd
import pytest

from jbanalysis.errors import DataError
from jbanalysis.io import parse_number
from jbanalysis.panel.load import load_panel
from jbanalysis.registry.schema import OBSERVATION_COLUMNS
from jbanalysis.sources.observations import load_observations
from jbanalysis.sources.read import read_table


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


LONG = "district,year,indicator,value,unit\n江北区,2021,gdp,1507.07,亿元\n渝中区,2021,gdp,1517.7,亿元\n"


def test_long_table(tmp_path):
    obs = read_table(write(tmp_path, "long.csv", LONG), source_id="mine")
    assert list(obs.columns) == OBSERVATION_COLUMNS
    assert obs[["district", "year", "value", "unit"]].to_numpy().tolist() == [
        ["jiangbei", 2021, 1507.07, "cny_100m"],
        ["yuzhong", 2021, 1517.7, "cny_100m"],
    ]
    assert set(obs.source_id) == {"mine"} and obs.record.iloc[0] == "long.csv:row 2:value"
    r = obs.attrs["report"]
    assert (r.rows_in, r.rows_used, r.rows_rejected, r.values) == (2, 2, 0, 2)


def test_indicator_columns_with_units_in_headers(tmp_path):
    text = "地区,年份,地区生产总值(万元),社会消费品零售总额（亿元）\n江北区,2020,13254008,608.5\n"
    obs = read_table(write(tmp_path, "ind.csv", text))
    got = obs.set_index("indicator")[["value", "published_unit"]].to_dict("index")
    assert got == {
        "gdp": {"value": 1325.4008, "published_unit": "万元"},
        "retail_sales": {"value": 608.5, "published_unit": "亿元"},
    }


def test_districts_as_columns(tmp_path):
    text = "年份,江北,渝北\n2019,1240.07,1848.24\n2020,1325.40,..\n"
    obs = read_table(write(tmp_path, "cols.csv", text), indicator="gdp", unit="亿元")
    assert obs.attrs["report"].layout == "districts_cols"
    assert sorted(zip(obs.district, obs.year, obs.value, strict=True)) == [
        ("jiangbei", 2019, 1240.07),
        ("jiangbei", 2020, 1325.40),
        ("yubei", 2019, 1848.24),
    ]
    assert obs.attrs["report"].missing_cells == 1  # '..' is missing, not zero


def test_gbk_and_bom_and_utf16(tmp_path):
    text = "地区,2021年\n江北区,1507.07\n"
    for encoding, expected in [
        ("gbk", "gb18030"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
    ]:
        obs = read_table(
            write(tmp_path, f"{encoding}.csv", text, encoding), indicator="gdp", unit="亿元"
        )
        assert obs["value"].tolist() == [1507.07]
        assert obs.attrs["report"].encoding == expected


def test_numbers_as_written(tmp_path):
    text = '地区,2020,2021\n江北区,"1,325.40",１５０７．０７\n渝中区,—,\n大渡口区,-,..\n'
    obs = read_table(write(tmp_path, "n.csv", text), indicator="gdp", unit="亿元")
    assert obs["value"].tolist() == [1325.40, 1507.07]
    r = obs.attrs["report"]
    assert r.missing_cells == 4
    # rows whose every cell is missing are not used data
    assert (r.rows_in, r.rows_used, r.rejected) == (
        3,
        1,
        [(3, "no values (every cell is missing)"), (4, "no values (every cell is missing)")],
    )
    assert parse_number(" 12 345 ") == 12345.0


def test_total_and_note_rows_are_excluded_and_reported(tmp_path):
    text = "地区,2021\n江北区,1507.07\n渝中区,1517.7\n合计,3024.77\n全市,27894.02\n注：资料来源于区统计公报\n"
    obs = read_table(write(tmp_path, "t.csv", text), indicator="gdp", unit="亿元")
    assert obs["district"].tolist() == ["jiangbei", "yuzhong"]
    r = obs.attrs["report"]
    assert (r.rows_in, r.rows_used, r.rows_rejected) == (5, 2, 3)
    assert r.rows_in == r.rows_used + r.rows_rejected
    reasons = dict(r.rejected)
    assert "total row '合计'" in reasons[4] and "total row '全市'" in reasons[5]
    assert "note row" in reasons[6]
    assert "row 4: rejected: total row '合计'" in str(r)


def test_xlsx_with_a_title_row(tmp_path):
    path = tmp_path / "book.xlsx"
    frame = pd.DataFrame([["江北区", 1240.07, 1325.40], ["渝北区", 1848.24, 2009.46]])
    with pd.ExcelWriter(path) as xl:
        pd.DataFrame([["各区地区生产总值（亿元）"]]).to_excel(xl, header=False, index=False)
        pd.DataFrame([["地区", "2019年", "2020年"]]).to_excel(
            xl, header=False, index=False, startrow=1
        )
        frame.to_excel(xl, header=False, index=False, startrow=2)
    obs = read_table(path, indicator="gdp", unit="亿元")
    assert (
        len(obs) == 4
        and obs.set_index(["district", "year"]).loc[("yubei", 2020), "value"] == 2009.46
    )


def test_merges_with_the_bundled_observations(tmp_path):
    text = "district,year,indicator,value,unit\n渝中区,2010,gdp,630.0,亿元\n"
    mine = read_table(
        write(tmp_path, "yz.csv", text),
        source_id="my_yearbook",
        vintage="revised",
        source_kind="official_yearbook",
    )
    combined = pd.concat([load_observations(), mine], ignore_index=True)
    panel = load_panel(observations=combined, districts="yuzhong", indicators="gdp", years=2010)
    assert panel[["value", "source_id"]].to_numpy().tolist() == [[630.0, "my_yearbook"]]


# --- bad input: each a clear error naming file, row and column -------------------------------


@pytest.mark.parametrize(
    ("name", "text", "kwargs", "match", "row", "column"),
    [
        (
            "missing_col.csv",
            "district,indicator,value,unit\n江北区,gdp,1,亿元\n",
            {},
            "no year: the table has no year column or year headers, and its title names none; pass year=",
            2,
            "value",
        ),
        (
            "unknown.csv",
            "地区,2021\n江北县,1507.07\n",
            {"indicator": "gdp", "unit": "亿元"},
            "unknown district '江北县'; did you mean '江北'",
            2,
            "地区",
        ),
        (
            "dup.csv",
            LONG + "江北区,2021,gdp,1500,亿元\n",
            {},
            "duplicate key jiangbei 2021 gdp: also on row 2",
            4,
            "value",
        ),
        (
            "nan.csv",
            "地区,2021\n江北区,约1500\n",
            {"indicator": "gdp", "unit": "亿元"},
            "'约1500' is not a number",
            2,
            "2021",
        ),
        (
            "nounit.csv",
            "地区,2021\n江北区,1507.07\n",
            {"indicator": "gdp"},
            "no unit for 'gdp'",
            2,
            "2021",
        ),
        (
            "year.csv",
            "district,year,indicator,value,unit\n江北区,2201,gdp,1,亿元\n",
            {},
            "year 2201 is out of range",
            2,
            "value",
        ),
        (
            "neg.csv",
            "district,year,indicator,value,unit\n江北区,2021,gdp,-1507.07,亿元\n",
            {},
            "negative gdp -1507.07",
            2,
            "value",
        ),
        (
            "badunit.csv",
            "地区,2021\n江北区,1507.07\n",
            {"indicator": "gdp", "unit": "万人"},
            "unit '万人' does not fit indicator 'gdp'",
            2,
            "2021",
        ),
        ("noind.csv", "地区,2021\n江北区,1507.07\n", {"unit": "亿元"}, "no indicator", 2, "2021"),
        (
            "dupcol.csv",
            "地区,2021,2021\n江北区,1,2\n",
            {"indicator": "gdp", "unit": "亿元"},
            "duplicate column '2021'",
            2,
            "2021",
        ),
        (
            "badind.csv",
            "地区,年份,规上利润\n江北区,2021,8.1\n",
            {},
            "'规上利润' is not a known indicator, year, district or measure",
            1,
            None,
        ),
    ],
)
def test_bad_input(tmp_path, name, text, kwargs, match, row, column):
    with pytest.raises(DataError, match=match) as err:
        read_table(write(tmp_path, name, text), **kwargs)
    assert err.value.file is not None and name in str(err.value)
    assert err.value.row == row
    assert err.value.column == column


def test_empty_and_header_only_files(tmp_path):
    with pytest.raises(DataError, match="the file is empty"):
        read_table(write(tmp_path, "empty.csv", ""))
    with pytest.raises(DataError, match="header only") as err:
        read_table(write(tmp_path, "header.csv", "district,year,indicator,value,unit\n"))
    assert err.value.row == 1


def test_not_a_table(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(DataError, match=r"unsupported file type '\.json'"):
        read_table(write(tmp_path, "x.json", "{}"))


# --- issue 11: what the corpus cases do not show by their values alone --------------------------

BAD = Path(__file__).parent / "data" / "bad"


def test_footnote_text_goes_with_the_values_it_marks():
    obs = read_table(BAD / "footnote_circled.csv", indicator="gdp", unit="亿元")
    notes = dict(zip(zip(obs["district"], obs["year"], strict=True), obs["note"], strict=True))
    assert notes[("jiangbei", 2020)] == "footnote ①: 含两江新区直管区。"
    assert notes[("yuzhong", 2020)] == "footnote ②: 初步核算数。"
    assert notes[("yuzhong", 2021)] == ""


def test_the_report_says_what_was_decided():
    cover = read_table(BAD / "cover_sheet.xlsx", indicator="gdp", unit="亿元")
    r = cover.attrs["report"]
    assert (
        r.sheet == "数据"
        and "sheet(s) '封面' hold no table (a cover or contents page?): read sheet '数据'"
        in r.notes
    )
    assert cover["record"].tolist()[:2] == ["cover_sheet.xlsx:数据!B2", "cover_sheet.xlsx:数据!C2"]
    hidden = read_table(BAD / "hidden_sheet.xlsx", indicator="gdp", unit="亿元").attrs["report"]
    assert hidden.sheet == "2020-2021" and "hidden sheet(s) 'old' not read" in hidden.notes
    two = read_table(BAD / "two_district_columns.csv", indicator="gdp", unit="亿元").attrs["report"]
    assert two.ignored_columns == [
        ("地区", "the parent area (重庆市) on every row, not the district")
    ]
    group = read_table(BAD / "grouping_column.csv", indicator="gdp", unit="亿元").attrs["report"]
    assert group.ignored_columns == [
        ("区域", "a grouping of districts (such as 中心城区), not the district")
    ]
    target = read_table(BAD / "target_column.csv", indicator="gdp", unit="亿元").attrs["report"]
    assert target.ignored_columns == [("2035年目标", "a plan target (目标), not an observation")]
    named = read_table(BAD / "workbook.csv", indicator="gdp", unit="亿元").attrs["report"]
    assert named.notes[0] == "an Excel workbook named .csv: read as a workbook"
    big5 = read_table(BAD / "big5.csv", indicator="gdp", unit="亿元").attrs["report"]
    assert big5.encoding == "big5"


def test_bulletin_values_sources_and_growth():
    obs = read_table(BAD / "bulletin_jiulongpo_2024.csv", source_id="jlp")
    row = obs.set_index("indicator").loc["gdp_real_growth"]
    assert (row["value"], row["unit"], row["published_unit"], row["record"]) == (
        6.0,
        "pct",
        "%",
        "bulletin_jiulongpo_2024.csv:row 3:比上年增长(%)",
    )
    # the sectors add up to GDP, as printed
    sectors = obs.set_index("indicator").loc[["va_primary", "va_secondary", "va_tertiary"], "value"]
    assert round(sectors.sum(), 2) == 2060.35
    with pytest.raises(DataError, match="district='jiulongpo' but the table says 'jiangbei'"):
        read_table(BAD / "long_growth.csv", district="九龙坡")


def test_unknown_bulletin_rows_are_rejected_with_a_suggestion(tmp_path):
    text = "指标,单位,2024年\n地区生产总值,亿元,2060.35\n规模以上工业企业利润,亿元,88.1\n"
    obs = read_table(write(tmp_path, "b.csv", text), district="九龙坡")
    assert obs["indicator"].tolist() == ["gdp"]
    r = obs.attrs["report"]
    assert (r.rows_in, r.rows_used, r.rows_rejected) == (2, 1, 1)
    assert r.rejected[0][1].startswith(
        "indicator '规模以上工业企业利润' is not in data/indicators.csv"
    )


def test_traditional_names_and_layouts(tmp_path):
    text = "年份,地區生產總值(億元),社會消費品零售總額(億元)\n2020,1325.40,687.05\n"
    obs = read_table(write(tmp_path, "t.csv", text), district="江北區")
    assert obs[["district", "indicator", "value"]].to_numpy().tolist() == [
        ["jiangbei", "gdp", 1325.4],
        ["jiangbei", "retail_sales", 687.05],
    ]
    assert obs.attrs["report"].layout == "years_indicators"
    text = "指标,江北区,渝中区\n地区生产总值,1325.40,1357.60\n"
    obs = read_table(write(tmp_path, "x.csv", text), unit="亿元", year=2020)
    assert obs.attrs["report"].layout == "indicator_districts"
    assert obs["value"].tolist() == [1325.4, 1357.6]


def test_section_unit_lines_apply_to_the_rows_below(tmp_path):
    text = "指标,2020年\n单位：亿元\n地区生产总值,1325.40\n单位：万人\n常住人口,92.8\n"
    obs = read_table(write(tmp_path, "s.csv", text), district="江北")
    assert obs[["indicator", "value", "unit"]].to_numpy().tolist() == [
        ["gdp", 1325.4, "cny_100m"],
        ["pop_resident", 92.8, "persons_10k"],
    ]
    assert obs.attrs["report"].rows_rejected == 2


def test_a_workbook_row_far_below_is_one_row_not_a_million():
    from jbanalysis.io.workbook import read_workbook

    grid = read_workbook(BAD / "far_cell.xlsx", None)
    assert grid.rows.tolist() == [1, 2, 3]  # the formatted empty cell at row 1,000,000 is no row


def test_part_year_columns_keep_their_period(tmp_path):
    text = "地区,2023年,2024年前三季度,2024年上半年\n江北区,1744,1300.5,860.2\n"
    obs = read_table(write(tmp_path, "q.csv", text), indicator="gdp", unit="亿元")
    assert obs[["year", "period", "value", "bound"]].to_numpy().tolist() == [
        [2023, "Y", 1744.0, ""],
        [2024, "Q1-Q3", 1300.5, ""],
        [2024, "H1", 860.2, ""],
    ]


def test_tables_side_by_side_keep_no_recipe(tmp_path):
    """A recipe remembers one table: none is saved from tables side by side, none applied."""
    from jbanalysis.io import Recipe
    from jbanalysis.io import read_table as read_own

    path = Path(__file__).parent / "data" / "tables" / "side_by_side.csv"
    obs = read_own(path)
    assert sorted(obs["indicator"].astype(str)) == ["gdp", "gdp", "retail_sales", "retail_sales"]
    with pytest.raises(DataError) as err:
        Recipe.from_read("side", obs.attrs["report"], None, {})
    assert err.value.reason == (
        "recipe 'side' not saved: a recipe remembers the reading of one table, and this sheet "
        "holds 2 tables side by side (columns #1–#2 and #4–#5); give each table a sheet or a "
        "file of its own to keep a recipe for it"
    )
    plain = tmp_path / "gdp.csv"
    plain.write_text("2020年各区地区生产总值\n地区,绝对值(亿元)\n江北区,1325.4\n", encoding="utf-8")
    recipe = Recipe.from_read("gdp", read_own(plain).attrs["report"], None, {})
    with pytest.raises(DataError) as err:
        read_own(path, recipe=recipe)
    assert err.value.reason == (
        "recipe 'gdp' describes one table, and this sheet holds 2 tables side by side (columns "
        "#1–#2 and #4–#5): read it without a recipe (each table is then read on its own)"
    )
