"""Verdicts that diagnose (issue 17), each on a hand-made panel with the numbers worked out in the
comments: a number found in another year, another release, a related indicator; shares and
changes computed from their parts; 万户 and decline words in a ledger; own-source checks."""

from __future__ import annotations

import pytest
from test_claims import check, claim, rows

# --- another year --------------------------------------------------------------------------------


def test_a_number_of_the_next_year_is_found_and_said():
    # 2017 is interpolated 939.98; the claim 982.58 is the 2018 figure (range 982.575-982.585)
    panel = rows(
        ("wanzhou", "gdp", 2016, 897.3885),
        ("wanzhou", "gdp", 2017, 939.9819),
        ("wanzhou", "gdp", 2018, 982.5753),
    )
    result = check([claim("w", "value", "982.58", year=2017, district="万州")], panel)
    row = result.loc["w"]
    assert (row["verdict"], row["diagnosis"]["kind"], row["diagnosis"]["year"]) == (
        "contradicted",
        "other_year",
        2018,
    )
    assert "the number equals the 2018 figure" in row["explanation"]


def test_a_number_cut_rather_than_rounded_is_said_so():
    # 1462 covers 1461.5-1462.5; the 2019 figure 1462.8804 is 1462 with its decimals cut
    panel = rows(
        ("jiulongpo", "gdp", 2017, 1150.4567),
        ("jiulongpo", "gdp", 2018, 1211.2477),
        ("jiulongpo", "gdp", 2019, 1462.8804),
    )
    row = check([claim("j", "value", "1462", year=2017, district="九龙坡")], panel).loc["j"]
    assert (row["verdict"], row["diagnosis"]["kind"], row["diagnosis"]["year"]) == (
        "contradicted",
        "truncated",
        2019,
    )


def test_a_coarse_number_is_not_matched_to_another_year():
    # 69 firms (68.5-69.5) against 131, 62, 63, 69: the series moves by 1 from one year to the
    # next, more than the claim's range allows to tell years apart, so no year is named
    panel = rows(
        ("dadukou", "industrial_enterprises", 2010, 131),
        ("dadukou", "industrial_enterprises", 2011, 62),
        ("dadukou", "industrial_enterprises", 2012, 63),
        ("dadukou", "industrial_enterprises", 2013, 69),
    )
    c = claim("d", "value", "69", "industrial_enterprises", 2011, district="大渡口", unit="家")
    row = check([c], panel).loc["d"]
    assert (row["verdict"], row["diagnosis"]) == ("contradicted", None)


def test_a_rank_of_the_next_year_is_found():
    # 2017: a 100, b 90, c 80; 2018: b 120, c 110, a 100 -> a is 3rd in 2018, 1st in 2017
    panel = rows(
        ("yubei", "gdp", 2017, 100.0),
        ("jiangbei", "gdp", 2017, 90.0),
        ("nanan", "gdp", 2017, 80.0),
        ("jiangbei", "gdp", 2018, 120.0),
        ("nanan", "gdp", 2018, 110.0),
        ("yubei", "gdp", 2018, 100.0),
    )
    claims = [claim("r", "rank", "3", year=2017, district="渝北", group="全市")]
    row = check(claims, panel).loc["r"]
    # 35 of the 38 units have no value: ranks 1-36 possible in 2017, so not contradicted there
    assert row["verdict"] == "partly checkable"
    central = [claim("r", "rank", "3", year=2017, district="渝北", group="中心城区")]
    row = check(central, panel).loc["r"]
    assert row["verdict"] == "partly checkable"  # 6 of the 9 central districts missing


# --- another release, another source, the claim's own page --------------------------------------


def test_the_claims_own_page_confirms_nothing_but_is_said():
    # the panel's value comes from the page that makes the claim; another page agrees
    panel = rows(("fuling", "gdp", 2022, 1504.37), url="https://bulletin.example/2022")
    other = rows(("fuling", "gdp", 2022, 1504.37), url="https://aggregator.example/list")
    other[0]["record"] = "OTHER"
    c = claim(
        "f", "value", "1504.37", year=2022, district="涪陵", url="https://bulletin.example/2022"
    )
    row = check([c], panel, other).loc["f"]
    assert (row["verdict"], bool(row["own_source"])) == ("consistent", True)
    assert [(e["record"], e["agrees"]) for e in row["independent"]] == [("OTHER", True)]
    assert "an independent source agrees" in row["explanation"]


def test_a_first_release_known_only_from_the_claims_own_page_is_partly_checkable():
    # the panel holds a later figure (vintage unknown); 1303.24 is published only on the claim's
    # page: it may be the first release, but nothing independent says so
    panel = rows(("chongqing", "va_primary", 2016, 1236.98), vintage="unknown")
    own = rows(("chongqing", "va_primary", 2016, 1303.24), url="https://bulletin.example/2016")
    own[0]["record"] = "OWN"
    c = claim(
        "v",
        "value",
        "1303.24",
        "va_primary",
        2016,
        district="重庆",
        url="https://bulletin.example/2016",
    )
    row = check([c], panel, own).loc["v"]
    assert (row["verdict"], row["reason"]) == ("partly checkable", "own first release")
    assert row["diagnosis"]["kind"] == "own_source"


# --- related indicators ----------------------------------------------------------------------------


def test_registered_population_printed_as_resident_is_diagnosed():
    panel = rows(
        ("jiangbei", "pop_resident", 2020, 92.6), ("jiangbei", "pop_registered", 2020, 66.74)
    )
    row = check([claim("p", "value", "66.74", "pop_resident", 2020, unit="万人")], panel).loc["p"]
    assert (row["verdict"], row["diagnosis"]["kind"], row["diagnosis"]["indicator"]) == (
        "contradicted",
        "related",
        "pop_registered",
    )
    assert "registered population" in row["explanation"]


def test_nominal_growth_printed_as_real_growth_is_diagnosed_from_the_levels():
    # nominal growth 2019->2020: 1325.4008 / 1240.0715 - 1 = 6.889 % (6.888-6.890 from the digits)
    panel = rows(("jiangbei", "gdp", 2019, 1240.0715), ("jiangbei", "gdp", 2020, 1325.4008))
    row = check([claim("g", "growth", "6.9", "gdp_real_growth", 2020)], panel).loc["g"]
    assert row["verdict"] == "not verifiable"  # real growth is never derived from levels
    assert (row["diagnosis"]["kind"], row["diagnosis"]["indicator"]) == (
        "related",
        "gdp_nominal_growth",
    )
    assert row["diagnosis"]["figure"].how == "levels"


# --- shares and changes from their parts -----------------------------------------------------------


def test_a_sector_share_is_computed_from_its_parts():
    # 83.5478 / 149.853 = 55.7532 %: in 55.75-55.85; 1.6702 / 149.853 = 1.1146 %: not 1.2
    panel = rows(
        ("dadukou", "gdp", 2011, 149.853),
        ("dadukou", "va_secondary", 2011, 83.5478),
        ("dadukou", "va_primary", 2011, 1.6702),
    )
    claims = [
        claim("s", "value", "55.8", "va_secondary_share", 2011, district="大渡口", unit="%"),
        claim("p", "value", "1.2", "va_primary_share", 2011, district="大渡口", unit="%"),
    ]
    result = check(claims, panel)
    assert result.at["s", "verdict"] == "consistent"
    assert result.at["s", "computed"]["how"] == "parts"
    assert result.at["s", "computed"]["value"] == pytest.approx(55.7532, abs=1e-4)
    assert result.at["p", "verdict"] == "contradicted"
    assert [e["indicator"] for e in result.at["s", "evidence"]] == ["va_secondary", "gdp"]


def test_the_last_term_of_a_structure_ratio_may_be_what_the_others_leave():
    # 139.37 / 1401.59 = 9.944 -> 9.9; 788.04 / 1401.59 = 56.225 -> 56.2; 474.18 / 1401.59 =
    # 33.832 -> 33.8, but the bulletin prints 33.9 = 100 - 9.9 - 56.2; 34.0 is neither
    panel = rows(
        ("jiangjin", "gdp", 2023, 1401.59),
        ("jiangjin", "va_primary", 2023, 139.37),
        ("jiangjin", "va_secondary", 2023, 788.04),
        ("jiangjin", "va_tertiary", 2023, 474.18),
    )
    claims = [
        claim("t", "value", "33.9", "va_tertiary_share", 2023, district="江津"),
        claim("x", "value", "34.0", "va_tertiary_share", 2023, district="江津"),
    ]
    result = check(claims, panel)
    assert (result.at["t", "verdict"], result.at["t", "reason"]) == ("consistent", "ratio residual")
    assert result.at["x", "verdict"] == "contradicted"


def test_a_change_in_points_is_the_difference_of_the_rounded_values():
    # shares 68.816 (2010) and 55.753 (2011): −13.063 unrounded, 55.8 − 68.8 = −13.0 as printed
    panel = rows(
        ("dadukou", "gdp", 2010, 177.2136),
        ("dadukou", "va_secondary", 2010, 121.9516),
        ("dadukou", "gdp", 2011, 149.853),
        ("dadukou", "va_secondary", 2011, 83.5478),
    )
    claims = [
        claim(
            "c",
            "change",
            "下降13.0",
            "va_secondary_share",
            2011,
            district="大渡口",
            unit="个百分点",
        ),
        claim("n", "change", "-13.0", "va_secondary_share", 2011, district="大渡口"),
        claim("w", "change", "13.0", "va_secondary_share", 2011, district="大渡口"),
    ]
    result = check(claims, panel)
    assert result.at["c", "stated"] == -13.0
    assert result["verdict"].tolist() == ["consistent", "consistent", "contradicted"]
    assert "percentage points" in result.at["c", "explanation"]


# --- what a ledger accepts -------------------------------------------------------------------------


def test_decline_words_are_read_as_negative_numbers():
    panel = rows(("yubei", "va_primary_growth", 2006, -9.4))
    claims = [
        claim("d", "growth", "下降9.4", "va_primary_growth", 2006, district="渝北"),
        claim("r", "growth", "回落9.4", "va_primary_growth", 2006, district="渝北"),
        claim("m", "growth", "-9.4", "va_primary_growth", 2006, district="渝北"),
        claim("u", "growth", "9.4", "va_primary_growth", 2006, district="渝北"),
    ]
    result = check(claims, panel)
    assert result["stated"].tolist() == [-9.4, -9.4, -9.4, 9.4]
    assert (result.at["d", "low"], result.at["d", "high"]) == (-9.45, -9.35)
    assert result["verdict"].tolist() == ["consistent"] * 3 + ["contradicted"]


def test_ten_thousand_households_are_read_in_households():
    # 44.31万户 = 443,100 households (443,050-443,150); 39.85万户 against 398,500: consistent
    panel = rows(("fuling", "households", 2020, 443100), ("jiangbei", "households", 2020, 398500))
    claims = [
        claim("f", "value", "44.31", "households", 2020, district="涪陵", unit="万户"),
        claim("j", "value", "39.85", "households", 2020, unit="万户"),
        claim("x", "value", "39.85", "households", 2020, unit="户"),  # 39.85 households: no
    ]
    result = check(claims, panel)
    assert (result.at["f", "low"], result.at["f", "high"]) == (443050, 443150)
    assert result["verdict"].tolist() == ["consistent", "consistent", "contradicted"]
