"""Metrics on the bundled panel: one call each, checked by hand against the panel's values."""

import math

import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis import metrics


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return jb.load_panel()


@pytest.fixture(scope="module")
def gdp(panel) -> pd.DataFrame:
    return jb.wide(panel, "gdp", districts="central")


def test_jiangbei_gdp_values_used_below(gdp):
    # yearbook panel, 亿元 (first release): the values the hand computations below rely on
    assert gdp.at[2010, "jiangbei"] == 391.3947
    assert gdp.at[2020, "jiangbei"] == 1325.4008


def test_jiangbei_gdp_cagr_2010_2020(gdp, panel):
    expected = 100 * ((1325.4008 / 391.3947) ** (1 / 10) - 1)  # = 12.97 % a year
    assert metrics.cagr(gdp["jiangbei"], 2010, 2020) == pytest.approx(expected, abs=1e-12)
    assert expected == pytest.approx(12.9726, abs=1e-4)
    # the same from the tidy panel
    jiangbei = panel[panel["district"] == "jiangbei"]
    assert metrics.cagr(jiangbei, 2010, 2020, indicator="gdp")["jiangbei"] == pytest.approx(
        expected, abs=1e-12
    )
    # for all nine at once the missing endpoint is named, not skipped
    with pytest.raises(metrics.MissingDataError, match="yuzhong 2010"):
        metrics.cagr(gdp, 2010, 2020)


def test_jiangbei_rank_among_the_nine_each_year(gdp):
    ranks = metrics.rank(gdp, peers="central", districts=["jiangbei"]).set_index("year")
    # 2018: yubei 1543.1, jiulongpo 1211.2, yuzhong 1205.6 ahead of jiangbei 1027.9
    assert gdp.loc[2018].sort_values(ascending=False).index[:4].tolist() == [
        "yubei",
        "jiulongpo",
        "yuzhong",
        "jiangbei",
    ]
    for year in (2018, 2019, 2020, 2021):
        assert ranks.at[year, "rank"] == 4.0
    # 2005: yuzhong, jiulongpo, shapingba, yubei ahead
    assert ranks.at[2005, "rank"] == 5.0
    # yuzhong has no GDP in the yearbook panel 2007-2012: no rank "among the nine", with reason
    assert math.isnan(ranks.at[2010, "rank"])
    assert ranks.at[2010, "reason"] == "not ranked in 2010: no value for ['yuzhong']"


def test_jiangbei_share_of_the_nine_by_hand(gdp):
    out = metrics.share(gdp, of="central").set_index(["year", "district"])
    total_2019 = gdp.loc[2019].sum()
    assert out.at[(2019, "jiangbei"), "share"] == pytest.approx(
        100 * 1240.0715 / total_2019, abs=1e-12
    )
    assert math.isnan(out.at[(2010, "jiangbei"), "share"])
    assert "yuzhong" in out.at[(2010, "jiangbei"), "reason"]


def test_the_2018_2019_revision_break_is_detected(panel):
    levels = jb.wide(panel, "gdp", districts="all")
    years = metrics.break_years(levels).set_index("year")
    assert bool(years.at[2019, "is_break"])
    assert years.at[2019, "revision"] == "economic census 2018"
    flagged = metrics.detect_breaks(levels)
    in_2019 = flagged[flagged.year == 2019]
    assert len(in_2019) >= 5
    assert in_2019["at_revision"].all()


def test_share_of_the_city_as_in_the_design_sketch(panel):
    out = metrics.share(panel, "gdp", of="chongqing")
    assert not set(out["district"]) & {"chongqing", "central9", "metro21"}  # units only
    assert len(set(out["district"])) == 38
    row = out[(out.district == "jiangbei") & (out.year == 2020)].iloc[0]
    city_2020 = jb.wide(panel, "gdp", districts=["chongqing"]).at[2020, "chongqing"]
    assert row["share"] == pytest.approx(100 * 1325.4008 / city_2020, abs=1e-12)
    assert row["reason"] == ""
