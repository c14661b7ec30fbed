"""The break registry: its content (every break the audit found) and its bad-input errors."""

from __future__ import annotations

import pandas as pd
import pytest

from jbanalysis.errors import DataError
from jbanalysis.registry import breaks
from jbanalysis.registry.paths import bundle_dir


def test_registry_seeds_every_census_and_the_audit_findings():
    b = breaks.load_breaks().set_index("break_id")
    assert breaks.census_years("economic_census") == (2004, 2008, 2013, 2018, 2023)
    assert breaks.census_years("population_census") == (2010, 2020)
    # economic censuses: first releases of the census year are on the old basis
    econ = b[b["kind"] == "economic_census"]
    assert (econ["first_year"] == econ["year"] + 1).all()
    kinds = b.groupby("kind").size().to_dict()
    assert kinds == {
        "boundary": 2,
        "definition": 8,  # B18–B21 found from the totals and common shifts (issue 18)
        "economic_census": 5,
        "population_census": 2,
        "scope": 4,  # B22: 渝北's revenue on its own scope again from 2012
        "source_switch": 2,  # B23: 渝中's GDP from revised to first releases in 2021
    }
    # the 2011 mergers, the retail break, 渝北's fiscal scope change, the population definition
    assert b.loc["B11", ["districts", "first_year"]].tolist() == ["qijiang", 2011]
    assert b.loc["B12", ["districts", "first_year"]].tolist() == ["dazu", 2011]
    assert b.loc["B10", ["indicators", "first_year"]].tolist() == ["retail_sales", 2019]
    assert b.loc["B13", ["districts", "first_year"]].tolist() == ["yubei", 2013]
    assert len(b.loc["B08", "districts"].split("|")) == 25


def test_breaks_for_a_series_are_per_district():
    # 2018: the yearbook units' level shift against the city's first release (B18)
    assert breaks.new_basis_years("gdp", "qijiang") == (2005, 2009, 2011, 2014, 2018, 2019, 2024)
    assert breaks.new_basis_years("gdp", "jiangbei") == (2005, 2009, 2014, 2018, 2019, 2024)
    assert breaks.new_basis_years("fiscal_revenue", "yubei") == (2011, 2012, 2013)
    assert breaks.new_basis_years("fiscal_revenue", "jiangbei") == (2013,)
    assert breaks.new_basis_years("fiscal_revenue", "dadukou") == ()
    assert breaks.new_basis_years("pop_resident", "kaizhou") == (2010, 2018, 2020)
    # a revised census-year value is already on the new basis
    assert breaks.new_basis_years("gdp", "jiangbei", {2018: "revised"})[3] == 2018
    assert breaks.new_basis_years("gdp", "jiangbei", {2018: "revised"})[4] == 2024
    # names in any form
    assert breaks.new_basis_years("GDP", "江北区") == breaks.new_basis_years("gdp", "jiangbei")


def test_crossed_breaks_are_those_inside_the_window():
    crossed = breaks.crossed_breaks("gdp", 2005, 2022, "jiangbei")
    assert crossed["first_year"].tolist() == [2009, 2014, 2018, 2019]
    assert breaks.crossed_breaks("gdp", 2019, 2022, "jiangbei").empty
    # a window starting in a break's first year does not cross it
    assert breaks.crossed_breaks("retail_sales", 2019, 2020, "jiangbei").empty
    assert breaks.crossed_breaks("retail_sales", 2018, 2019, "jiangbei")["break_id"].tolist() == [
        "B10"
    ]


def test_describe_break_in_both_languages():
    b = breaks.load_breaks().set_index("break_id", drop=False)
    assert breaks.describe_break(b.loc["B04"], "zh") == "2018年经济普查"
    assert breaks.describe_break(b.loc["B04"], "en") == "the 2018 economic census"
    assert breaks.describe_break(b.loc["B13"], "zh") == "2013年统计范围变化"


def _table() -> pd.DataFrame:
    return pd.read_csv(bundle_dir() / "breaks.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize(
    ("column", "value", "row", "message"),
    [
        ("kind", "flood", 2, "'flood' is not one of economic_census"),
        ("indicators", "gdp|gpd", 3, "unknown indicator (data/indicators.csv) ['gpd']"),
        ("districts", "jiangbie", 4, "unknown district or group (data/districts.csv) ['jiangbie']"),
        ("year", "2018.5", 5, "'2018.5' is not a whole year"),
        ("first_year", "2000", 6, "first year 2000 is before the event (2008)"),
        ("ratio", "-1", 7, "'-1' is not a positive number"),
        ("evidence", " ", 8, "every break needs its evidence"),
    ],
)
def test_a_bad_cell_is_named_by_file_row_and_column(column, value, row, message):
    table = _table()
    if column == "first_year":
        table.loc[row - 2, "year"] = "2008"
    if column == "ratio":
        table.loc[row - 2, "ratio_basis"] = "jump"
    table.loc[row - 2, column] = value
    with pytest.raises(DataError) as err:
        breaks.check_breaks(table, "breaks.csv")
    assert err.value.row == row and err.value.column == column
    assert message in str(err.value)


def test_duplicate_ids_and_contradicting_rows_are_errors():
    table = _table()
    twice = pd.concat([table, table.iloc[[3]].assign(break_id="B99")], ignore_index=True)
    with pytest.raises(DataError, match="B99 registers the same break as B04") as err:
        breaks.check_breaks(twice)
    assert err.value.row == len(twice) + 1
    same_id = pd.concat([table, table.iloc[[0]].assign(first_year="2006")], ignore_index=True)
    with pytest.raises(DataError, match="break id 'B01' appears twice"):
        breaks.check_breaks(same_id)
    with pytest.raises(DataError, match=r"missing required column\(s\) \['ratio_basis'\]"):
        breaks.check_breaks(table.drop(columns="ratio_basis"))
