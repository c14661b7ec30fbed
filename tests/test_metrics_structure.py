"""Sector shares, location quotients, specialisation, Herfindahl and shift-share by hand."""

import math

import pandas as pd
import pytest

from jbanalysis.metrics import (
    MetricsError,
    MissingDataError,
    herfindahl,
    krugman_specialisation,
    location_quotient,
    sector_matrix,
    sector_shares,
    shift_share,
)

SECTORS = ["va_primary", "va_secondary", "va_tertiary"]
MATRIX = pd.DataFrame(
    {"jiangbei": [2.0, 38.0, 60.0], "yubei": [5.0, 45.0, 50.0], "chongqing": [70.0, 400.0, 530.0]},
    index=SECTORS,
)


def test_sector_shares_of_a_matrix():
    out = sector_shares(MATRIX)
    assert out["jiangbei"].tolist() == [2.0, 38.0, 60.0]
    assert out["chongqing"].tolist() == pytest.approx([7.0, 40.0, 53.0])


def test_sector_shares_of_the_tidy_panel_with_reasons():
    rows = [("jb", 2019, s, v) for s, v in zip(SECTORS, [1.0, 3.0, 6.0], strict=True)]
    rows += [("jb", 2020, "va_primary", 1.0), ("jb", 2020, "va_tertiary", 7.0)]
    panel = pd.DataFrame(rows, columns=["district", "year", "indicator", "value"])
    out = sector_shares(panel)
    assert out[out.year == 2019]["share"].tolist() == pytest.approx([10.0, 30.0, 60.0])
    y2020 = out[out.year == 2020]
    assert y2020["share"].isna().all()
    assert (y2020["reason"] == "no shares for jb 2020: no value for ['va_secondary']").all()


def test_sector_matrix_from_the_panel():
    rows = [(d, 2020, s, 1.0) for d in ("a", "b") for s in SECTORS]
    panel = pd.DataFrame(rows, columns=["district", "year", "indicator", "value"])
    assert sector_matrix(panel, 2020).shape == (3, 2)
    with pytest.raises(MissingDataError, match="2021"):
        sector_matrix(panel, 2021)
    with pytest.raises(MissingDataError, match="a va_primary"):
        sector_matrix(panel.iloc[1:], 2020, districts=["a", "b"])


def test_location_quotient_by_hand():
    lq = location_quotient(MATRIX, "chongqing")
    assert list(lq.columns) == ["jiangbei", "yubei"]
    # jiangbei tertiary: 0.60 / 0.53
    assert lq.at["va_tertiary", "jiangbei"] == pytest.approx(0.60 / 0.53)
    assert lq.at["va_primary", "yubei"] == pytest.approx(0.05 / 0.07)


def test_location_quotient_against_a_group():
    lq = location_quotient(MATRIX, ["jiangbei", "yubei"])
    # group: 7, 83, 110 of 200
    assert lq.at["va_primary", "jiangbei"] == pytest.approx(0.02 / (7 / 200))
    assert "chongqing" in lq.columns


def test_krugman_by_hand():
    k = krugman_specialisation(MATRIX, "chongqing")
    assert k["jiangbei"] == pytest.approx(0.05 + 0.02 + 0.07)
    assert k["yubei"] == pytest.approx(0.02 + 0.05 + 0.03)


def test_herfindahl_by_hand():
    assert herfindahl(pd.Series([50.0, 50.0])) == 0.5
    assert herfindahl(pd.Series([1.0, 0.0, 0.0])) == 1.0
    assert herfindahl(MATRIX)["jiangbei"] == pytest.approx(0.02**2 + 0.38**2 + 0.6**2)


def test_shift_share_by_hand():
    start = pd.DataFrame({"jb": [10.0, 10.0], "city": [100.0, 100.0]}, index=["ind", "svc"])
    end = pd.DataFrame({"jb": [11.0, 14.0], "city": [100.0, 120.0]}, index=["ind", "svc"])
    out = shift_share(start, end, "jb", "city")
    # g = 10 %, g_ind = 0 %, g_svc = 20 %; r_ind = 10 %, r_svc = 40 %
    assert out.loc["ind", ["reference_growth", "sector_mix", "competitive"]].tolist() == (
        pytest.approx([1.0, -1.0, 1.0])
    )
    assert out.loc["svc", ["reference_growth", "sector_mix", "competitive"]].tolist() == (
        pytest.approx([1.0, 1.0, 2.0])
    )
    assert out.loc["total", "change"] == 5.0


def test_shift_share_refuses_mismatched_input():
    start = pd.DataFrame({"jb": [1.0, 1.0], "city": [2.0, 2.0]}, index=["ind", "svc"])
    with pytest.raises(MetricsError, match="same sectors"):
        shift_share(start, start.iloc[::-1], "jb", "city")
    with pytest.raises(MetricsError, match="neither a column"):
        shift_share(start, start, "jb", "atlantis")
    broken = start.copy()
    broken.loc["ind", "jb"] = math.nan
    with pytest.raises(MissingDataError, match="jb ind"):
        shift_share(broken, start, "jb", "city")
