"""Revision-break detection and ratio splicing on hand-made series."""

import math

import numpy as np
import pandas as pd
import pytest

from jbanalysis.metrics import (
    ECONOMIC_CENSUS_YEARS,
    REVISION_YEARS,
    MetricsError,
    MissingDataError,
    break_scores,
    break_years,
    detect_breaks,
    revision_near,
    splice,
)


def test_known_revision_years():
    assert sorted(REVISION_YEARS) == [2004, 2008, 2010, 2013, 2018, 2020, 2023]
    assert sorted(ECONOMIC_CENSUS_YEARS) == [2004, 2008, 2013, 2018, 2023]
    assert revision_near(2019) == "economic census 2018"
    assert revision_near(2018) == "economic census 2018"
    assert revision_near(2021) == "population census 2020"
    assert revision_near(2021, ECONOMIC_CENSUS_YEARS) == ""
    assert revision_near(2014) == "economic census 2013"
    assert revision_near(2011) == "population census 2010"
    assert revision_near(2009) == "economic census 2008"


def _panel(jump_year: int, jump: float) -> pd.DataFrame:
    """Eight districts growing 9-11 % a year; district 'x' jumps by ``jump`` in ``jump_year``."""
    rng = np.random.default_rng(3)
    years = list(range(2010, 2021))
    growth = pd.DataFrame(
        rng.uniform(9, 11, size=(len(years), 8)), index=years, columns=[*"abcdefg", "x"]
    )
    growth.loc[jump_year, "x"] += jump
    return 100.0 * (1 + growth / 100).cumprod()


def test_detect_breaks_finds_a_revision_jump():
    levels = _panel(2019, 25.0)
    out = detect_breaks(levels)
    assert out[["year", "district"]].values.tolist() == [[2019, "x"]]
    assert out["at_revision"].tolist() == [True]
    assert out["revision"].tolist() == ["economic census 2018"]


def test_detect_breaks_reports_jumps_off_revision_years():
    out = detect_breaks(_panel(2016, -20.0))
    assert out[["year", "district", "at_revision"]].values.tolist() == [[2016, "x", False]]


def test_break_scores_by_hand():
    levels = pd.DataFrame(
        {"a": [100.0, 110.0], "b": [100.0, 120.0], "c": [100.0, 130.0]}, index=[2019, 2020]
    )
    scores = break_scores(levels).set_index("district")
    g = 100 * np.log([1.1, 1.2, 1.3])
    # one year: median = b's growth, MAD = median |g - g_b|
    scale = 1.4826 * np.median(np.abs(g - g[1]))
    assert scores.at["a", "growth"] == pytest.approx(g[0])
    assert scores.at["c", "robust_z"] == pytest.approx((g[2] - g[1]) / scale)
    assert scores.at["b", "robust_z"] == 0.0


def test_break_years_flags_a_scattered_year():
    rng = np.random.default_rng(11)
    years = list(range(2010, 2021))
    growth = pd.DataFrame(rng.normal(10, 1, size=(len(years), 12)), index=years)
    growth.columns = [f"d{i}" for i in range(12)]
    growth.loc[2019] = rng.normal(10, 12, size=12)  # everyone re-levelled differently
    levels = 100.0 * (1 + growth / 100).cumprod()
    out = break_years(levels)
    assert out.loc[out.is_break, "year"].tolist() == [2019]
    assert out.set_index("year").at[2019, "revision"] == "economic census 2018"


def test_break_detection_refuses_too_few_districts():
    with pytest.raises(MetricsError, match="three districts"):
        break_scores(pd.DataFrame({"a": [1.0, 2.0], "b": [1.0, 2.0]}, index=[2019, 2020]))


def test_splice_by_hand():
    old = pd.Series([81.0, 90.0, 100.0, 104.0], index=[2015, 2016, 2017, 2018])
    new = pd.Series([110.0, 121.0, np.nan, 140.0], index=[2017, 2018, 2019, 2020])
    out = splice(old, new, 2017)
    assert out.index.tolist() == [2015, 2016, 2017, 2018, 2020]  # 2019 stays a gap
    assert out["value"].tolist() == pytest.approx([89.1, 99.0, 110.0, 121.0, 140.0])
    assert out["flag"].tolist() == ["derived", "derived", "observed", "observed", "observed"]
    assert out["record"].iloc[0] == "ratio splice: old x 1.1 (new/old in 2017)"
    assert out.attrs["splice"] == {
        "overlap_year": 2017,
        "ratio": 1.1,
        "derived_years": [2015, 2016],
    }
    # growth rates of the old vintage survive the splice
    assert out.at[2016, "value"] / out.at[2015, "value"] == pytest.approx(90 / 81)


def test_splice_needs_the_overlap_in_both():
    old = pd.Series([1.0, 2.0], index=[2016, 2017])
    new = pd.Series([3.0, 4.0], index=[2018, 2019])
    with pytest.raises(MissingDataError, match="2018 in old"):
        splice(old, new, 2018)
    with pytest.raises(MissingDataError, match="old and new"):
        splice(old, new, 2015)
    assert math.isclose(splice(old, pd.Series([4.0], index=[2017]), 2017)["value"].iloc[0], 2.0)
