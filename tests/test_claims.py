"""The claims check: every verdict of every kind on hand-made panels (numbers worked out by hand
in the comments), then the bundled ledger against the bundled data — the 2023 ranking statement
of 江北's 2024 work report against the 2023 real-growth figures, the seed article's claims, and
the ranking statements of the 2015-2024 sources."""

from __future__ import annotations

import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis.claims.check import check_claims
from jbanalysis.claims.ledger import VERDICTS, verdict_counts
from jbanalysis.registry.districts import district_ids
from jbanalysis.registry.indicators import unit_of

CENTRAL = district_ids("central")
OBS_COLUMNS = [
    "district",
    "indicator",
    "year",
    "period",
    "value",
    "unit",
    "source_id",
    "record",
    "source_kind",
    "vintage",
    "reliability",
    "flag",
    "correction",
    "bound",
    "url",
]


def rows(*values, **common) -> list[dict]:
    """Panel rows from (district, indicator, year, value[, period]) tuples."""
    out = []
    for i, v in enumerate(values):
        district, indicator, year, value, *rest = v
        row = {
            "district": district,
            "indicator": indicator,
            "year": year,
            "period": rest[0] if rest else "Y",
            "value": value,
            "unit": unit_of(indicator),
            "source_id": "hand",
            "record": f"H{i:03d}",
            "source_kind": "official_bulletin",
            "vintage": "first_release",
            "reliability": "high",
            "flag": "observed",
            "correction": "",
            "bound": "",
            "url": "",
        }
        row.update(common)
        out.append(row)
    return out


def frame(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=OBS_COLUMNS)


NO_OBSERVATIONS = pd.DataFrame(columns=OBS_COLUMNS)


def claim(cid, kind, stated, indicator="gdp", year=2022, **extra) -> dict:
    base = {
        "claim_id": cid,
        "text": f"claim {cid}",
        "district": "jiangbei",
        "indicator": indicator,
        "period": str(year),
        "kind": kind,
        "stated": stated,
    }
    base.update(extra)
    return base


def check(claims: list[dict], panel: list[dict], observations=None, lang="en") -> pd.DataFrame:
    obs = NO_OBSERVATIONS if observations is None else frame(observations)
    result = check_claims(pd.DataFrame(claims), frame(panel), observations=obs, lang=lang)
    assert result.attrs["report"].rows_rejected == 0, result.attrs["report"].problems
    return result.set_index("claim_id")


# --- values and growth ---------------------------------------------------------------------------


def test_value_claims_within_and_outside_the_printed_precision():
    panel = rows(("jiangbei", "gdp", 2020, 1325.4008))
    result = check(
        [
            claim("a", "value", "1325", year=2020, unit="亿元"),  # 1324.5-1325.5: in
            claim("b", "value", "1330", year=2020, unit="亿元"),  # round: 1325-1335: in
            claim("c", "value", "1320", year=2020, unit="亿元"),  # 1315-1325: out by 0.4
            claim("d", "value", "13254008", year=2020, unit="万元"),  # in 万元: 1325.4008 亿元
            claim("e", "value", "1325.4", year=2020),  # 1325.35-1325.45: in
        ],
        panel,
    )
    assert result["verdict"].tolist() == [
        "consistent",
        "consistent",
        "contradicted",
        "consistent",
        "consistent",
    ]
    assert (result.at["b", "low"], result.at["b", "high"]) == (1325, 1335)
    assert result.at["c", "found"] == pytest.approx(1325.4008)
    evidence = result.at["c", "evidence"][0]
    assert (evidence["record"], evidence["source_kind"], evidence["vintage"]) == (
        "H000",
        "official_bulletin",
        "first_release",
    )


def test_growth_is_compared_with_the_published_rate_at_both_precisions():
    panel = rows(("jiangbei", "gdp_real_growth", 2023, 6.7))
    result = check(
        [
            claim("same", "growth", "6.7", "gdp_real_growth", 2023),
            claim(
                "finer", "growth", "6.75", "gdp_real_growth", 2023
            ),  # 6.745-6.755 meets 6.65-6.75
            claim("article", "growth", "6.2", "gdp_real_growth", 2023),  # 6.15-6.25: no
            claim("about", "growth", "6", "gdp_real_growth", 2023, precision="左右"),  # 5-7
        ],
        panel,
    )
    assert result["verdict"].tolist() == [
        "consistent",
        "consistent",
        "contradicted",
        "consistent",
    ]


def test_real_growth_is_never_derived_from_levels():
    # levels for both years exist, the published real growth does not: not verifiable, and said so
    panel = rows(("jiangbei", "gdp", 2019, 1240.0715), ("jiangbei", "gdp", 2020, 1325.4008))
    result = check([claim("g", "growth", "3.1", "gdp_real_growth", 2020)], panel)
    row = result.loc["g"]
    assert row["verdict"] == "not verifiable"
    assert bool(row["levels_exist"]) is True
    assert row["needs"] == (("jiangbei",), "gdp_real_growth", 2020, "Y")
    assert "not real growth and is not used" in row["explanation"]


def test_a_first_release_before_a_census_revision_is_consistent_and_said_so():
    # the panel holds the revised 2018 GDP (after the 2018 economic census); the claim is the
    # first release, also published: right when printed, so not a contradiction (issue 17)
    panel = rows(("yubei", "gdp", 2018, 1752.83), vintage="revised")
    observations = rows(("yubei", "gdp", 2018, 1543.09))
    observations[0]["record"] = "FIRST"
    result = check(
        [claim("y", "value", "1543.09", year=2018, district="渝北", unit="亿元")],
        panel,
        observations,
    )
    row = result.loc["y"]
    assert (row["verdict"], row["reason"]) == ("consistent", "earlier release")
    assert [(a["record"], a["value"]) for a in row["alternatives"]] == [("FIRST", 1543.09)]
    assert row["diagnosis"]["kind"] == "earlier_release"
    assert row["diagnosis"]["census"] == 2018
    assert row["diagnosis"]["figure"].evidence[0]["record"] == "FIRST"


def test_another_source_of_the_same_vintage_leaves_the_claim_partly_checkable():
    # two first releases disagree (a bulletin and a yearbook); the claim agrees with one of them
    panel = rows(("yubei", "gdp", 2006, 183.1))
    observations = rows(("yubei", "gdp", 2006, 175.02))
    observations[0]["record"] = "OTHER"
    result = check([claim("y", "value", "175.02", year=2006, district="渝北")], panel, observations)
    row = result.loc["y"]
    assert (row["verdict"], row["reason"]) == ("partly checkable", "sources disagree")
    assert row["diagnosis"]["kind"] == "other_source"


def test_a_bound_checks_a_value_it_cannot_give():
    # 沙坪坝 2024: only '突破1200亿元'
    bound = rows(("shapingba", "gdp", 2024, 1200.0), bound=">", vintage="preliminary")
    claims = [
        claim("above", "value", "1250", year=2024, district="沙坪坝", unit="亿元"),
        claim("below", "value", "1100", year=2024, district="沙坪坝", unit="亿元"),
    ]
    result = check(claims, [], bound)
    assert result.at["above", "verdict"] == "partly checkable"
    assert result.at["below", "verdict"] == "contradicted"
    assert result.at["below", "evidence"][0]["bound"] == ">"


def test_counts_read_exactly_and_odd_counts_to_the_next_digit():
    panel = rows(
        ("jiangbei", "xiaoma_volunteers", 2023, 4321), ("jiangbei", "xiaoma_stations", 2023, 127)
    )
    result = check(
        [
            claim("odd", "value", "4000", "xiaoma_volunteers", 2023, unit="人", precision="余"),
            claim("exact", "value", "126", "xiaoma_stations", 2023, unit="个"),
        ],
        panel,
    )
    assert result["verdict"].tolist() == ["consistent", "contradicted"]  # 4000-5000; 126 != 127


def test_no_data_at_all_and_no_data_for_the_period():
    panel = rows(
        ("yuzhong", "gdp_real_growth", 2023, 4.4, "Q1-Q3"),
        ("jiangbei", "gdp_real_growth", 2023, 6.7),
    )
    result = check(
        [
            claim(
                "none", "value", "5560", "commodity_sales", 2023, unit="亿元", period="2023 Q1-Q3"
            ),
            claim("period", "growth", "6.2", "gdp_real_growth", 2023, period="2023 Q1-Q3"),
        ],
        panel,
    )
    none, period = result.loc["none"], result.loc["period"]
    assert none["verdict"] == period["verdict"] == "not verifiable"
    assert bool(none["indicator_in_data"]) is False
    assert none["needs"] == (("jiangbei",), "commodity_sales", 2023, "Q1-Q3")
    assert bool(period["indicator_in_data"]) is True
    assert period["others_with_period"] == ("yuzhong",)
    assert period["available"] == ((2023, "Y"),)


# --- shares --------------------------------------------------------------------------------------


def test_shares_of_the_city_by_printed_fraction():
    panel = rows(("jiangbei", "gdp", 2022, 250.0), ("chongqing", "gdp", 2022, 1000.0))
    result = check(
        [
            claim("quarter", "share", "1/4", precision="四分之一", denominator="全市"),  # .225-.275
            claim("third", "share", "1/3", precision="三分之一", denominator="全市"),  # .317-.367
            claim("nearly", "share", "0.3", precision="近三成", denominator="全市"),  # .275-.3
            claim("over", "share", "1/5", precision="超过五分之一", denominator="全市"),  # > .2
            claim("words", "share", "四分之一", denominator="重庆市"),
        ],
        panel,
    )
    assert result["verdict"].tolist() == [
        "consistent",
        "contradicted",
        "contradicted",
        "consistent",
        "consistent",
    ]
    assert result.at["quarter", "found"] == pytest.approx(0.25)
    assert [e["district"] for e in result.at["quarter", "evidence"]] == ["jiangbei", "chongqing"]


def test_a_share_needs_the_city_total_of_the_same_period():
    panel = rows(("jiangbei", "gdp", 2022, 250.0), ("chongqing", "gdp", 2022, 1000.0, "Q1-Q3"))
    result = check([claim("s", "share", "1/4", denominator="全市")], panel)
    row = result.loc["s"]
    assert (row["verdict"], row["reason"]) == ("not verifiable", "no denominator")
    assert row["needs"] == (("chongqing",), "gdp", 2022, "Y")


def test_a_share_of_an_incomplete_group_is_at_most_the_share_of_those_with_values():
    # three of nine: 250 / (250 + 300 + 300) = 0.294 at most, the others would only add
    panel = rows(
        ("jiangbei", "gdp", 2022, 250.0),
        ("yubei", "gdp", 2022, 300.0),
        ("yuzhong", "gdp", 2022, 300.0),
    )
    result = check(
        [
            claim("half", "share", "1/2", precision="一半", denominator="中心城区"),
            claim("quarter", "share", "1/4", precision="四分之一", denominator="中心城区"),
        ],
        panel,
    )
    assert result.at["half", "verdict"] == "contradicted"  # 0.294 < 0.45
    assert result.at["quarter", "verdict"] == "partly checkable"  # 0.294 >= 0.225
    assert result.at["half", "found"] == pytest.approx(250 / 850)
    assert len(result.at["quarter", "missing"]) == 6


# --- ranks ---------------------------------------------------------------------------------------


def nine(values: dict[str, float], indicator="gdp_real_growth", year=2023) -> list[dict]:
    return rows(*[(d, indicator, year, v) for d, v in values.items()])


FULL = dict(zip(CENTRAL, [5.2, 4.0, 6.7, 5.9, 6.5, 5.0, 4.3, 4.2, 5.5], strict=True))


def test_rank_in_a_complete_group():
    result = check(
        [
            claim("first", "rank", "1", "gdp_real_growth", 2023, group="中心城区"),
            claim("second", "rank", "2", "gdp_real_growth", 2023, group="中心城区"),
            claim("top3", "rank", "3", "gdp_real_growth", 2023, group="中心城区", precision="前"),
        ],
        nine(FULL),
    )
    assert result["verdict"].tolist() == ["consistent", "contradicted", "consistent"]
    first = result.loc["first"]
    assert (first["rank_low"], first["rank_high"], first["n_values"], first["n_group"]) == (
        1,
        1,
        9,
        9,
    )
    assert first["members"][:3] == ("jiangbei", "jiulongpo", "shapingba")
    assert first["missing"] == ()


def test_rank_where_part_of_the_group_has_no_value():
    # four missing: jiangbei is first of the five with values, 1st to 5th in all
    values = {d: FULL[d] for d in ("yuzhong", "jiangbei", "jiulongpo", "beibei", "yubei")}
    result = check(
        [
            claim("first", "rank", "1", "gdp_real_growth", 2023, group="中心城区"),
            claim("sixth", "rank", "6", "gdp_real_growth", 2023, group="中心城区"),
            claim("top5", "rank", "5", "gdp_real_growth", 2023, group="中心城区", precision="前"),
            claim("top3", "rank", "3", "gdp_real_growth", 2023, group="中心城区", precision="前"),
        ],
        nine(values),
    )
    assert result["verdict"].tolist() == [
        "partly checkable",
        "contradicted",  # at most 5th: four missing below a 1st
        "consistent",  # 5th at worst
        "partly checkable",
    ]
    first = result.loc["first"]
    assert (first["rank_low"], first["rank_high"]) == (1, 5)
    assert first["missing"] == ("dadukou", "shapingba", "nanan", "banan")
    assert first["below"] == ("jiulongpo", "yuzhong", "beibei", "yubei")


def test_a_member_above_contradicts_a_first_even_with_gaps():
    values = {"jiangbei": 6.7, "jiulongpo": 6.9, "yuzhong": 5.2, "yubei": 4.2}
    result = check(
        [claim("first", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], nine(values)
    )
    row = result.loc["first"]
    assert row["verdict"] == "contradicted"
    assert (row["rank_low"], row["rank_high"], row["above"]) == (2, 7, ("jiulongpo",))


def test_a_bound_orders_a_member_without_a_value():
    # 沙坪坝 only '突破1200亿元': above a 1188.8; 大渡口 '突破500': says nothing against 1188.8
    panel = rows(
        ("banan", "gdp", 2024, 1188.8),
        ("jiulongpo", "gdp", 2024, 2060.35),
        ("nanan", "gdp", 2024, 1133.16),
    )
    bounds = rows(("shapingba", "gdp", 2024, 1200.0), ("dadukou", "gdp", 2024, 500.0), bound=">")
    result = check(
        [
            claim("first", "rank", "1", year=2024, district="巴南", group="中心城区"),
            claim(
                "top3", "rank", "3", year=2024, district="巴南", group="中心城区", precision="前"
            ),
        ],
        panel,
        bounds,
    )
    first = result.loc["first"]
    assert first["verdict"] == "contradicted"
    assert (first["rank_low"], first["bounds_above"]) == (3, ("shapingba",))
    assert first["rank_high"] == 3 + 5  # 渝中, 大渡口, 江北, 北碚, 渝北 unknown
    assert result.at["top3", "verdict"] == "partly checkable"


def test_values_equal_at_their_printed_precision_share_a_rank():
    values = {**FULL, "yubei": 6.7}
    result = check(
        [claim("first", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], nine(values)
    )
    row = result.loc["first"]
    assert (row["verdict"], row["ties"], row["rank_low"]) == ("consistent", ("yubei",), 1)


def test_a_rank_with_nothing_to_compare_or_without_the_district():
    alone = nine({"jiangbei": 6.7})
    without = nine({"yuzhong": 4.4})
    a = check([claim("a", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], alone).loc["a"]
    b = check([claim("b", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], without).loc[
        "b"
    ]
    assert (a["verdict"], a["reason"]) == ("not verifiable", "alone")
    assert (b["verdict"], b["reason"], b["n_values"]) == ("not verifiable", "no value", 1)
    assert b["needs"][0] == (
        "jiangbei",
        "dadukou",
        "shapingba",
        "jiulongpo",
        "nanan",
        "beibei",
        "yubei",
        "banan",
    )


def test_caveats_of_the_values_behind_a_verdict():
    panel = nine(FULL)
    for r in panel:
        if r["district"] == "jiangbei":
            r.update(vintage="preliminary", source_kind="gov_work_report")
        if r["district"] == "yubei":
            r.update(reliability="low", source_kind="aggregator")
        if r["district"] == "beibei":
            r.update(source_kind="aggregator", reliability="medium")
        if r["district"] == "yuzhong":
            r.update(flag="derived")
    result = check([claim("first", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], panel)
    row = result.loc["first"]
    assert row["verdict"] == "consistent"
    assert row["caveats"] == {
        "preliminary": ("jiangbei",),
        "low": ("yubei",),
        "derived": ("yuzhong",),
        "secondary": ("beibei",),
    }
    assert (
        "Note: 1 of the 9 values is a preliminary figure (Jiangbei: government work report)"
        in row["explanation"]
    )


def test_verdict_counts_name_every_verdict():
    counts = verdict_counts(pd.DataFrame({"verdict": ["consistent", "contradicted"]}))
    assert list(counts) == list(VERDICTS) and sum(counts.values()) == 2


# --- the bundled ledger against the bundled data -------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    return jb.check_claims(lang="en").set_index("claim_id")


def test_every_bundled_claim_gets_a_verdict(bundled):
    assert len(bundled) == 57 and bundled.attrs["report"].rows_rejected == 0
    assert verdict_counts(bundled.reset_index()) == {
        "consistent": 9,
        "contradicted": 0,
        "partly checkable": 8,
        "not verifiable": 40,
    }
    assert set(bundled.index[bundled["verdict"] == "consistent"]) == {
        "R13",
        "R14",
        "R15",
        "R16",
        "R17",
        "R21",
        "R22",
        "R23",
        "R24",
    }


def test_the_2023_ranking_statement_against_the_2023_real_growth_figures(bundled):
    # 江北's 2024 work report: 2023 growth 6.7 %, 增速居中心城区第一. The 2023 real growth of the
    # nine: 江北 6.7 (HO0016), 九龙坡 6.5 (HO0020), 渝中 5.2 (HO0010), 北碚 4.3 (HO0042), 渝北 4.2
    # (NF0066); 大渡口, 沙坪坝, 南岸, 巴南 missing -> first among the 5 of 9, 1st to 5th in all.
    row = bundled.loc["R01"]
    assert row["verdict"] == "partly checkable"
    assert (row["rank_low"], row["rank_high"], row["n_values"], row["n_group"]) == (1, 5, 5, 9)
    assert row["members"] == ("jiangbei", "jiulongpo", "yuzhong", "beibei", "yubei")
    assert row["missing"] == ("dadukou", "shapingba", "nanan", "banan")
    assert row["above"] == () and row["ties"] == ()
    values = {e["district"]: (e["value"], e["record"]) for e in row["evidence"]}
    assert values == {
        "jiangbei": (6.7, "HO0016"),
        "jiulongpo": (6.5, "HO0020"),
        "yuzhong": (5.2, "HO0010"),
        "beibei": (4.3, "HO0042"),
        "yubei": (4.2, "NF0066"),
    }
    # the verdict says what it rests on: two preliminary figures from government reports, one
    # low-reliability aggregator value, one aggregator value, and 江北's own figure from the very
    # page that makes the claim
    assert row["caveats"] == {
        "preliminary": ("yuzhong", "jiangbei"),
        "low": ("yubei",),
        "secondary": ("beibei",),
    }
    assert bool(row["own_source"]) is True
    # real growth, never nominal: every value is gdp_real_growth
    assert {e["indicator"] for e in row["evidence"]} == {"gdp_real_growth"}


def test_the_seed_article_claims(bundled):
    seed = bundled[bundled.index.str.startswith("S")]
    assert len(seed) == 33 and set(seed["verdict"]) == {"not verifiable"}
    # 前三季度 GDP +6.2 %: only 渝中 has a Q1-Q3 2023 real growth figure (4.4, NF0008)
    s12a = bundled.loc["S12a"]
    assert s12a["needs"] == (("jiangbei",), "gdp_real_growth", 2023, "Q1-Q3")
    assert s12a["others_with_period"] == ("yuzhong",)
    assert (2023, "Y") in s12a["available"]
    # 连续2个季度中心城区第1: 江北 has no H1 or Q1-Q3 figure, of the other eight only 渝中
    for cid in ("S12b", "S12c"):
        assert bundled.at[cid, "n_values"] == 1 and bundled.at[cid, "members"] == ("yuzhong",)
    # 社零 +9.4 %, first of the city's districts: no Q1-Q3 2023 retail growth for any district
    s13b = bundled.loc["S13b"]
    assert s13b["others_with_period"] == () and len(s13b["needs"][0]) == 26
    # 商品销售总额 5560 亿元: no commodity sales figures at all
    assert bool(bundled.at["S06a", "indicator_in_data"]) is False
    # 上市企业15家 (2023): the data hold 14 for 2022 (PF0614) only
    assert bundled.at["S05a", "available"] == ((2022, "Y"),)
    # shares need the city's total: none of the numerators or denominators exist
    assert bundled.at["S09", "needs"] == (("jiangbei", "chongqing"), "nev_output", 2023, "Y")


def test_ranking_statements_of_the_sources(bundled):
    # 2015 7th and 2020 4th (2021 work report), 2018 5th and 2019 4th (ranking tables): all 38
    # units have values, counted from the panel
    panel = jb.load_panel(indicators="gdp", districts="all")
    for cid, year, rank in (("R16", 2015, 7), ("R17", 2020, 4), ("R14", 2018, 5), ("R15", 2019, 4)):
        gdp = panel[panel["year"] == year].set_index("district")["value"]
        assert len(gdp) == 38
        assert int((gdp > gdp["jiangbei"]).sum()) + 1 == rank == bundled.at[cid, "rank_low"]
        assert bundled.at[cid, "verdict"] == "consistent"
    # 渝北 2019 first of the city
    assert (bundled.at["R13", "verdict"], bundled.at["R13", "rank_low"]) == ("consistent", 1)
    # 江北 2023 GDP third of the city: third of the eight with values (渝北 2442.60, 九龙坡
    # 1867.07 above), 30 missing
    r02 = bundled.loc["R02"]
    assert (r02["verdict"], r02["rank_low"], r02["rank_high"], r02["above"]) == (
        "partly checkable",
        3,
        33,
        ("yubei", "jiulongpo"),
    )
    # 巴南 2024 前十: 九龙坡 2060.35 above, 沙坪坝 only '突破1200' but that is above 1188.8
    r07 = bundled.loc["R07"]
    assert (r07["verdict"], r07["rank_low"], r07["bounds_above"]) == (
        "partly checkable",
        3,
        ("shapingba",),
    )
    # 江北 2020 budget revenue first of the city's districts: 67.2409 before 万州 67.1253;
    # 渝中 missing
    r18 = bundled.loc["R18"]
    assert (r18["verdict"], r18["missing"], r18["rank_high"]) == (
        "partly checkable",
        ("yuzhong",),
        2,
    )
    # 万州 2023 8th in GDP and in growth: 6th and 2nd of the eight with values; 江津 7.0 above 6.9
    assert (bundled.at["R04", "rank_low"], bundled.at["R05", "rank_low"]) == (6, 2)
    assert bundled.at["R05", "above"] == ("jiangjin",)
    # 渝中 2022 retail sales first of the city: no other district has a 2022 figure
    assert (bundled.at["R08", "verdict"], bundled.at["R08", "reason"]) == (
        "not verifiable",
        "alone",
    )


def test_value_claims_of_the_sources(bundled):
    # 67.2 亿元 against the yearbook's 67.2409; 8万元 and 14万元 per head against 81,411 and
    # 143,380 yuan; 渝中's 预计5%左右 against the later 5.2 (HO0010, preliminary)
    expected = {"R21": 67.2409, "R22": 81411, "R23": 143380, "R24": 5.2}
    for cid, value in expected.items():
        assert bundled.at[cid, "verdict"] == "consistent"
        assert bundled.at[cid, "found"] == pytest.approx(value)
    assert bundled.at["R24", "caveats"] == {"preliminary": ("yuzhong",)}


def test_a_users_own_panel_is_used(bundled):
    # the same claim against a panel in which 南岸 grew faster than 江北
    panel = jb.load_panel(indicators="gdp_real_growth", period=None)
    extra = panel[(panel["district"] == "jiangbei") & (panel["year"] == 2023)].copy()
    extra["district"], extra["value"], extra["record"] = "nanan", 7.2, "MINE"
    mine = pd.concat([panel, extra], ignore_index=True)
    ledger = jb.load_claims()[1].file
    result = jb.check_claims(ledger, mine).set_index("claim_id")
    row = result.loc["R01"]
    assert (row["verdict"], row["above"], row["rank_low"]) == ("contradicted", ("nanan",), 2)
