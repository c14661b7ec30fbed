"""Shares, ranks, gaps, contributions, per-capita values and growth differentials, by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from jbanalysis.metrics import (
    MetricsError,
    MissingDataError,
    UnknownDistrictError,
    contribution,
    gap_to_peers,
    growth_differential,
    per_capita,
    rank,
    share,
)
from jbanalysis.registry.districts import district_ids

CENTRAL = district_ids("central")


def central_frame() -> pd.DataFrame:
    """Nine districts with values 10, 20, ..., 90 in 2019 and 2020; yuzhong missing in 2020."""
    values = {d: [10.0 * (i + 1), 10.0 * (i + 1) + 1.0] for i, d in enumerate(CENTRAL)}
    frame = pd.DataFrame(values, index=pd.Index([2019, 2020], name="year"))
    frame.loc[2020, "yuzhong"] = np.nan
    frame["chongqing"] = [1000.0, 1100.0]
    return frame


def test_share_of_the_city():
    frame = pd.DataFrame({"chongqing": [1000.0], "jiangbei": [100.0], "yubei": [150.0]}, [2020])
    out = share(frame, of="chongqing")
    assert out.set_index("district")["share"].to_dict() == {"jiangbei": 10.0, "yubei": 15.0}
    assert (out["reason"] == "").all()
    assert share(frame, of="重庆", districts=["江北"])["share"].tolist() == [10.0]


def test_share_of_the_central_group_needs_every_member():
    out = share(central_frame(), of="central")
    y2019 = out[out.year == 2019]
    assert y2019["total"].iloc[0] == 450.0  # 10 + 20 + ... + 90
    assert y2019.set_index("district").at["jiangbei", "share"] == pytest.approx(30 / 4.5)
    assert y2019["share"].sum() == pytest.approx(100.0, abs=1e-12)
    y2020 = out[out.year == 2020]
    # no partial sum of the eight others: the total and every share are missing, with the reason
    assert y2020["total"].isna().all() and y2020["share"].isna().all()
    assert (y2020["reason"] == "total of central missing in 2020: no value for ['yuzhong']").all()


def test_share_reason_for_a_missing_district_value():
    frame = pd.DataFrame({"chongqing": [1000.0, np.nan], "jiangbei": [np.nan, 100.0]}, [2019, 2020])
    out = share(frame, of="chongqing")
    assert out["reason"].tolist() == [
        "no value for jiangbei in 2019",
        "no value for chongqing in 2020",
    ]
    assert out["share"].isna().all()


def test_share_refuses_unknown_names():
    with pytest.raises(UnknownDistrictError, match="neither a column"):
        share(central_frame(), of="atlantis")
    with pytest.raises(UnknownDistrictError, match="yuzhong"):
        share(central_frame().drop(columns="yuzhong"), of="central")
    with pytest.raises(UnknownDistrictError):
        share(central_frame(), of="chongqing", districts=["wanzhou"])
    err = UnknownDistrictError("x")
    assert isinstance(err, KeyError) and isinstance(err, ValueError)


def test_rank_with_ties_and_direction():
    frame = pd.DataFrame({"a": [3.0], "b": [5.0], "c": [3.0], "d": [1.0]}, [2020])
    out = rank(frame, peers=["a", "b", "c", "d"]).set_index("district")
    assert out["rank"].to_dict() == {"a": 2.0, "b": 1.0, "c": 2.0, "d": 4.0}
    low = rank(frame, peers=["a", "b", "c", "d"], ascending=True).set_index("district")
    assert low["rank"].to_dict() == {"a": 2.0, "b": 4.0, "c": 2.0, "d": 1.0}


def test_rank_among_the_nine_needs_all_nine():
    out = rank(central_frame(), districts=["jiangbei"])
    assert out["rank"].tolist()[0] == 7.0  # 30 is the 7th highest of 10..90
    assert math.isnan(out["rank"].tolist()[1])
    assert out["reason"].tolist()[1] == "not ranked in 2020: no value for ['yuzhong']"
    relaxed = rank(central_frame(), districts=["jiangbei"], require_all=False)
    assert relaxed["rank"].tolist() == [7.0, 7.0]
    assert relaxed["n_ranked"].tolist() == [9, 8]
    assert relaxed["reason"].tolist()[1].startswith("ranked among 8 of 9")


def test_rank_places_a_non_member_among_peers():
    frame = pd.DataFrame({"a": [3.0], "b": [5.0], "x": [4.0]}, [2020])
    out = rank(frame, peers=["a", "b"], districts=["x"])
    assert out["rank"].tolist() == [2.0] and out["n_ranked"].tolist() == [3]


def test_gap_to_peers_by_hand():
    frame = pd.DataFrame({"a": [2.0, np.nan], "b": [4.0, 1.0], "c": [9.0, 1.0]}, [2019, 2020])
    out = gap_to_peers(frame, "a", peers=["a", "b", "c"])
    row = out.iloc[0]
    assert row["leader"] == "c" and row["leader_value"] == 9.0
    assert row["gap_leader"] == -7.0
    assert row["gap_leader_pct"] == pytest.approx(100 * (2 / 9 - 1))
    assert row["peer_mean"] == 5.0 and row["gap_mean"] == -3.0
    assert row["peer_median"] == 4.0 and row["gap_median"] == -2.0
    assert row["gap_median_pct"] == -50.0
    assert out.iloc[1]["reason"] == "no gaps in 2020: no value for ['a']"
    assert math.isnan(out.iloc[1]["gap_mean"])


def test_contribution_sums_to_100_and_to_group_growth():
    frame = pd.DataFrame({"a": [10.0, 16.0], "b": [30.0, 34.0], "c": [60.0, 55.0]}, [2019, 2020])
    out = contribution(frame, 2019, 2020, members=["a", "b", "c"])
    # changes +6, +4, -5: total +5 -> 120 %, 80 %, -100 %
    assert out["contribution_pct"].to_dict() == pytest.approx({"a": 120.0, "b": 80.0, "c": -100.0})
    assert out["contribution_pp"].sum() == pytest.approx(5.0)  # group grew 5 %


def test_contribution_refuses_partial_groups():
    with pytest.raises(MissingDataError, match="yuzhong 2020"):
        contribution(central_frame(), 2019, 2020)
    flat = pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0]}, [2019, 2020])
    with pytest.raises(MetricsError, match="did not change"):
        contribution(flat, 2019, 2020, members=["a", "b"])


def test_per_capita_units():
    gdp = pd.DataFrame({"jiangbei": [391.3947]}, [2010])  # 亿元
    pop = pd.DataFrame({"jiangbei": [75.0]}, [2010])  # 万人
    # 391.3947e8 yuan / 75e4 persons = 52185.96 yuan
    assert per_capita(gdp, pop).at[2010, "jiangbei"] == pytest.approx(52185.96, abs=1e-9)
    out = per_capita(gdp, pop, unit="cny_10k")
    assert out.at[2010, "jiangbei"] == pytest.approx(5.218596, abs=1e-12)
    people = pd.DataFrame({"jiangbei": [750000.0]}, [2010])
    same = per_capita(gdp * 1e4, people, value_unit="cny_10k", population_unit="persons")
    assert same.at[2010, "jiangbei"] == pytest.approx(52185.96, abs=1e-9)


def test_per_capita_refuses_mismatches():
    gdp = pd.DataFrame({"jiangbei": [1.0, 2.0]}, [2010, 2011])
    with pytest.raises(MissingDataError, match="2011"):
        per_capita(gdp, pd.DataFrame({"jiangbei": [1.0]}, [2010]))
    with pytest.raises(UnknownDistrictError, match="jiangbei"):
        per_capita(gdp, pd.DataFrame({"yubei": [1.0, 1.0]}, [2010, 2011]))
    with pytest.raises(MetricsError, match="value_unit"):
        per_capita(gdp, gdp, value_unit="usd")


def test_growth_differential_by_hand():
    frame = pd.DataFrame(
        {"a": [100.0, 112.0, 120.0], "b": [50.0, 52.0, np.nan], "c": [50.0, 54.0, 60.0]},
        index=[2018, 2019, 2020],
    )
    out = growth_differential(frame, "a", peers=["a", "b", "c"])
    first = out.iloc[0]
    assert (first["growth"], first["peer_growth"], first["differential"]) == pytest.approx(
        (12.0, 6.0, 6.0)
    )
    assert math.isnan(out.iloc[1]["differential"])
    assert out.iloc[1]["reason"] == "no value for b 2020"
