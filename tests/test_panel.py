"""load_panel, the selection policy, wide, coverage and conflicts on the bundled data."""

import numpy as np
import pandas as pd
import pytest

from jbanalysis.panel.conflicts import conflicts
from jbanalysis.panel.load import load_panel
from jbanalysis.panel.selection import MIN_SERIES_YEARS, POLICIES, select
from jbanalysis.panel.views import coverage, coverage_matrix, wide
from jbanalysis.registry.districts import district_ids


@pytest.fixture(scope="module")
def gdp():
    return load_panel(indicators="gdp")


def test_one_value_per_key(gdp):
    assert not gdp.duplicated(["district", "year", "indicator"]).any()
    assert {"source_id", "vintage", "flag", "record"} <= set(gdp.columns)


def test_central_gdp_2005_2022_and_its_gaps(gdp):
    w = wide(gdp, "gdp", districts="central", years=range(2005, 2023))
    assert list(w.columns) == district_ids("central")
    # every district but 渝中 has 2005–2020 from the yearbook panel and 2021–2022 from published figures
    gaps = {d: [int(y) for y in w.index[w[d].isna()]] for d in w.columns}
    assert gaps == {
        "yuzhong": [2007, 2008, 2009, 2010, 2011, 2012, 2014, 2016, 2017],
        "dadukou": [2022],
        "jiangbei": [],
        "shapingba": [],
        "jiulongpo": [],
        "nanan": [],
        "beibei": [],
        "yubei": [],
        "banan": [],
    }
    assert w.loc[2010, "jiangbei"] == 391.3947
    assert w.loc[2018, "jiulongpo"] == 1211.2477  # the yearbook's first release (1211.25 published)


def test_coverage_shows_exactly_the_empty_cells(gdp):
    cov = coverage(gdp, "gdp", districts="central", years=range(2005, 2023))
    assert len(cov) == 9 * 18
    empty = cov[~cov["present"]]
    assert sorted(zip(empty.district, empty.year, strict=True)) == sorted(
        [("dadukou", 2022)]
        + [("yuzhong", y) for y in (2007, 2008, 2009, 2010, 2011, 2012, 2014, 2016, 2017)]
    )
    m = coverage_matrix(gdp, "gdp", "central")
    assert m.loc["jiangbei", 2017] == "interpolated" and m.loc["jiangbei", 2022] == "corrected"
    assert m.loc["yuzhong", 2010] == ""


def test_default_policy_prefers_official_statistics(gdp):
    pick = gdp.set_index(["district", "year"])
    # yearbook panel (official, first release) over the aggregator's revised value
    assert pick.loc[("yubei", 2018), "value"] == pytest.approx(1543.0945)
    assert pick.loc[("yubei", 2018), "source_id"] == "cq_yearbook_panel"
    assert pick.loc[("yubei", 2018), "candidates"] == 3
    # never an estimate where a statistic exists: 巴南 2021 947 (预计) vs 963.40
    assert pick.loc[("banan", 2021), "value"] == 963.4
    # a lower bound ('突破1400', low reliability) loses to the statistic
    assert pick.loc[("yuzhong", 2021), "value"] == 1517.7
    # a first release before a preliminary report of the same figure (1560.9, 渝中's work report),
    # and the more precise of the two (1560.91)
    assert pick.loc[("yuzhong", 2022), "record"] == "PF0133"
    assert pick.loc[("yuzhong", 2022), "rule"] == "demotion"


def test_other_policies():
    latest = load_panel("yubei", policy="latest", indicators="gdp", years=2018)
    assert latest["value"].item() == 1752.83 and latest["vintage"].item() == "revised"
    first = load_panel(policy="first_release", districts="yubei", indicators="gdp", years=2019)
    assert first["vintage"].item() == "first_release"
    official = load_panel("yuzhong", policy="official", indicators="gdp")
    assert set(official["source_kind"]) <= set(POLICIES["official"].source_kind_rank)
    with pytest.raises(ValueError, match="unknown policy 'best'"):
        load_panel(policy="best")


def test_the_positional_argument_is_the_districts():
    """``jb.load_panel("jiangbei")`` is 江北's panel; a policy given first still works, warned."""
    mine = load_panel("jiangbei", indicators="gdp", years=2010)
    assert mine[["district", "value"]].to_numpy().tolist() == [["jiangbei", 391.3947]]
    assert load_panel("central", indicators="gdp", years=2021)["district"].nunique() == 9
    with pytest.warns(FutureWarning, match=r"pass the policy as load_panel\(policy='latest'"):
        old = load_panel("latest", districts="yubei", indicators="gdp", years=2018)
    assert old["value"].item() == 1752.83
    with pytest.raises(TypeError, match="got the districts twice"):
        load_panel("jiangbei", districts="yubei")
    with pytest.raises(TypeError):
        load_panel("jiangbei", "first_release")  # options are keywords


def test_excluded_values_are_never_selected():
    obs = pd.DataFrame(
        {
            "district": ["jiangbei"] * 2,
            "year": [2020] * 2,
            "indicator": ["gdp"] * 2,
            "value": [1.0, 2.0],
            "unit": ["cny_100m"] * 2,
            "source_id": ["a", "b"],
            "record": ["1", "2"],
            "vintage": ["revised", "first_release"],
            "flag": ["excluded", "observed"],
            "source_kind": ["official_yearbook", "aggregator"],
            "reliability": ["high", "medium"],
            "correction": ["C9", ""],
        }
    )
    assert select(obs)["value"].tolist() == [2.0]


def test_a_short_table_is_no_series_source():
    """A user's one-year table does not outrank an official page by the series rule: a series
    source needs MIN_SERIES_YEARS years (here a compilation page, kind official, against a table
    of kind aggregator; with five years the table holds the series and wins by ``series``)."""

    def obs(table_years):
        rows = [("published_figures_2", 2024, 2240.0, "official_yearbook")]
        rows += [
            ("user_table", y, 2238.0 if y == 2024 else 100.0, "aggregator") for y in table_years
        ]
        return pd.DataFrame(
            {
                "district": "jiangbei",
                "year": [r[1] for r in rows],
                "indicator": "gdp",
                "value": [r[2] for r in rows],
                "unit": "cny_100m",
                "source_id": [r[0] for r in rows],
                "record": [str(i) for i in range(len(rows))],
                "vintage": "first_release",
                "flag": "observed",
                "source_kind": [r[3] for r in rows],
                "reliability": "medium",
                "correction": "",
            }
        )

    assert MIN_SERIES_YEARS == 5
    one = select(obs([2024]))
    assert one[["value", "source_id", "rule"]].to_numpy().tolist() == [
        [2240.0, "published_figures_2", "source_kind"]
    ]
    five = select(obs(range(2020, 2025)))
    assert five.loc[five["year"] == 2024, ["value", "rule"]].to_numpy().tolist() == [
        [2238.0, "series"]
    ]


def test_a_year_asked_alone_is_the_value_the_whole_panel_holds():
    """The series rule counts a table's years: selecting among one year's rows alone used to take
    the city's 2009 GDP from a bulletin page (6530.01, PF0001) while the whole panel, and every
    report, keeps CSMAR's series (6651.22); the years are now kept after the selection."""
    one = load_panel("chongqing", indicators=["gdp", "va_tertiary"], years=2009)
    assert one.set_index("indicator")["value"].to_dict() == {"gdp": 6651.22, "va_tertiary": 3053.36}
    assert set(one["rule"]) == {"series"}
    whole = load_panel()
    for year in (2006, 2007, 2009, 2018):
        alone = load_panel(years=year)
        same = whole[whole["year"] == year].reset_index(drop=True)
        pd.testing.assert_frame_equal(
            alone[["district", "indicator", "record", "value"]],
            same[["district", "indicator", "record", "value"]],
        )
    # 江北's registered population 2007: the yearbook's series, not the single page PF0207
    assert load_panel("jiangbei", indicators="pop_registered", years=2007)["record"].tolist() == [
        "Sheet1!T356"
    ]


def test_filters_and_errors():
    p = load_panel(
        districts=["江北区", "Yubei"], indicators=["gdp", "retail_sales"], years=range(2015, 2017)
    )
    assert set(p.district) == {"jiangbei", "yubei"} and set(p.year) == {2015, 2016}
    assert len(p) == 2 * 2 * 2
    with pytest.raises(LookupError, match="unknown district"):
        load_panel(districts="Atlantis")
    with pytest.raises(LookupError, match="unknown indicator"):
        load_panel(indicators="gdpp")
    with pytest.raises(TypeError, match="years must be"):
        load_panel(years="2010")


def test_wide_keeps_a_district_without_values_visible():
    w = wide(load_panel(indicators="gdp", years=[2010]), "gdp", districts=["yuzhong", "jiangbei"])
    assert np.isnan(w.loc[2010, "yuzhong"]) and w.loc[2010, "jiangbei"] == 391.3947


def test_conflicts_list_revisions_and_the_2022_swap():
    c = conflicts(indicators="gdp", districts="central")
    key = c.set_index(["district", "year"])
    for district, year, low, high in [
        ("yubei", 2018, 1543.09, 1752.83),
        ("jiulongpo", 2018, 1211.25, 1336.87),
        ("yubei", 2019, 1848.24, 1908.74),
    ]:
        rows = key.loc[[(district, year)]]
        # the yearbook panel (unrounded) and the bulletin copies (rounded) both disagree with it
        hit = rows[(rows.value_a.round(2) == low) & (rows.value_b == high)]
        assert len(hit) >= 1, (district, year)
        assert set(hit["kind"]) == {"first release vs revised"}
        assert hit["rel_diff"].to_numpy() == pytest.approx((high - low) / low, rel=1e-4)
    swap = c[(c.district == "yuzhong") & (c.year == 2022) & (c.kind == "corrected error")]
    assert set(swap.value_b) == {1602.76} and set(swap.correction_b) == {"C001"}
    # rounding is not a conflict: 1211.2477 (yearbook) vs 1211.25 (bulletin)
    jl = c[(c.district == "jiulongpo") & (c.year == 2018)]
    assert not ((jl.value_a.round(2) == 1211.25) & (jl.value_b.round(2) == 1211.25)).any()


def test_a_group_name_is_not_an_indicator():
    with pytest.raises(LookupError, match="unknown indicator 'central'"):
        load_panel(indicators="central")
