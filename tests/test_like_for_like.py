"""Issue 18, the data half: every finding asserted by its cell or record.

Matched vintages in shares and ranks, CSMAR's vintage per year, the level shifts found from the
totals and registered, the selections and scopes fixed, the keys the data package guards, the third
collection of published figures, average growth chained from published rates.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis.checks.series_rules import _annual, single_tables
from jbanalysis.checks.shift_rules import shift_findings
from jbanalysis.metrics import rank, share
from jbanalysis.metrics.real_growth import average_real_growth, quoted_growth
from jbanalysis.panel.vintages import vintage_values
from jbanalysis.registry.groups import group_label
from jbanalysis.sources.package import write_datapackage


@pytest.fixture(scope="module")
def observations():
    return jb.load_observations()


@pytest.fixture(scope="module")
def findings():
    return jb.validate()


# -- 1. vintage-matched shares and ranks -----------------------------------------------------


def test_jiangbei_share_of_the_city_is_first_release_over_first_release():
    panel = jb.load_panel(["jiangbei", "chongqing"], indicators="gdp", years=range(2005, 2021))
    out = share(panel, "gdp", of="chongqing", districts=["jiangbei"]).set_index("year")
    # 2018: 1027.8664 / 20363.19 (the city's first release, PF0013), not / 21588.80 (CSMAR)
    assert out.at[2018, "total"] == 20363.19
    assert out.at[2018, "share"] == pytest.approx(100 * 1027.8664 / 20363.19)
    assert round(out.at[2018, "share"], 2) == 5.05
    assert (out.at[2018, "rule"], out.at[2018, "vintages"]) == (
        "matched",
        "first_release/first_release",
    )
    # 2008: over the first release 5096.66 (PF0550), not CSMAR's revised 5899.49
    assert round(out.at[2008, "share"], 2) == 4.30 and out.at[2008, "total"] == 5096.66
    # 2005: no first release of the city in the sources: the share says it mixes bases
    assert (out.at[2005, "rule"], out.at[2005, "vintages"]) == (
        "mixed vintages",
        "first_release/revised",
    )
    # 2020: both first releases in the panel already
    assert out.at[2020, "rule"] == "same vintage"
    unmatched = share(panel, "gdp", of="chongqing", districts=["jiangbei"], match=False)
    assert round(unmatched.set_index("year").at[2018, "share"], 2) == 4.76
    assert set(unmatched["rule"]) == {"as given"}


def test_a_groups_total_is_one_a_year_on_its_common_vintage():
    # 2018: 渝中 revised (PF0125, 1205.60) beside eight first releases; its share of the nine used
    # to divide by a total of revised values where they exist (8546.37) while 江北's divided by
    # first releases (8208.39): two totals in one year, shares not adding to 100
    panel = jb.load_panel("central", indicators="gdp", years=[2018, 2021])
    out = share(panel, "gdp", of="central").set_index(["year", "district"])
    first = jb.panel.vintage_values(
        "gdp", jb.district_ids("central"), [2018], vintages=["first_release"]
    )
    assert set(first["district"]) == set(jb.district_ids("central"))
    assert out.loc[2018, "total"].unique().tolist() == [pytest.approx(first["value"].sum())]
    assert out.at[(2018, "yuzhong"), "value"] == 1203.85  # its first release, PF0123
    assert out.at[(2018, "yuzhong"), "share"] == pytest.approx(100 * 1203.85 / first["value"].sum())
    assert set(out.loc[2018, "rule"]) == {"matched"}
    assert out.groupby(level="year")["share"].sum().tolist() == [pytest.approx(100.0)] * 2
    assert set(out.loc[2021, "rule"]) == {"same vintage"}


def test_a_years_by_districts_table_has_no_vintages_to_match():
    wide = pd.DataFrame({"a": [30.0], "b": [70.0]}, index=[2019])
    out = share(wide, of=["a", "b"])
    assert out["rule"].tolist() == ["as given", "as given"]
    assert out["share"].tolist() == [30.0, 70.0]


def test_ranks_compare_yuzhongs_first_release_with_the_others_first_releases():
    panel = jb.load_panel("central", indicators="gdp", years=[2018, 2021])
    out = rank(panel, "central", districts=["yuzhong", "jiangbei"]).set_index(["year", "district"])
    # the panel holds 渝中's revised 1205.60 (PF0125); its first release 1203.85 (PF0123) is ranked
    assert out.at[(2018, "yuzhong"), "value"] == 1203.85
    assert out.at[(2018, "yuzhong"), "rule"] == "matched"
    assert out.at[(2021, "yuzhong"), "rule"] == "same vintage"
    assert out.at[(2018, "jiangbei"), "rank"] == 4.0


def test_each_vintage_of_the_city_gdp_stands_beside_the_other():
    v = vintage_values("gdp", "chongqing", [2018, 2020])
    got = {(int(r.year), r.vintage): (r.value, r.record) for r in v.itertuples()}
    assert got[(2018, "first_release")] == (20363.19, "PF0013")
    assert got[(2018, "revised")] == (21588.8, "line 39:Gdpct01")
    assert got[(2020, "revised")] == (25041.43, "PF0018")


@pytest.mark.parametrize(
    ("year", "vintage", "evidence"),
    [
        (2004, "unknown", "no published figure"),
        (2008, "revised", "PF0014"),
        (2018, "revised", "PF0014"),
        (2019, "first_release", "PF0015"),
        (2021, "first_release", "PF0552"),
    ],
)
def test_csmar_vintage_is_identified_per_year(observations, year, vintage, evidence):
    rows = observations[
        (observations["source_id"] == "csmar_city_gdp")
        & (observations["year"] == year)
        & (observations["indicator"] == "gdp")
    ]
    assert rows["vintage"].tolist() == [vintage]
    assert evidence in rows["note"].iloc[0]


# -- 2. breaks found from the totals -----------------------------------------------------------


def _without(*ids):
    breaks = jb.load_breaks()
    return breaks[~breaks["break_id"].isin(ids)]


def test_the_units_sum_against_the_city_finds_the_2018_level_shift(observations):
    annual = _annual(observations)
    found = shift_findings(single_tables(annual), annual, _without("B18"))
    shifts = {
        (f["indicator"], f["year"]): f["message"] for f in found if f["rule"] == "total_shift"
    }
    assert set(shifts) == {("gdp", 2018), ("va_secondary", 2018), ("va_tertiary", 2018)}
    assert (
        "86.8% of the published chongqing total in 2017 and 93.3% in 2018" in shifts[("gdp", 2018)]
    )
    # re-derived with pandas: the yearbook units' sum over the city's first releases
    units = observations[
        (observations["source_id"] == "cq_yearbook_panel")
        & (observations["indicator"] == "gdp")
        & (observations["flag"] != "excluded")
    ]
    total = units.groupby("year")["value"].sum()
    city = observations.set_index("record").loc[["PF0011", "PF0013"], ["year", "value"]]
    assert city.to_numpy().tolist() == [[2017, 19500.27], [2018, 20363.19]]
    assert round(100 * total[2017] / 19500.27, 1) == 86.8
    assert round(100 * total[2018] / 20363.19, 1) == 93.3
    # registered (B18), the shift is explained
    registered = shift_findings(single_tables(annual), annual)
    assert not [f for f in registered if f["rule"] == "total_shift"]


def test_a_shift_common_to_every_unit_is_found(observations):
    annual = _annual(observations)
    found = shift_findings(single_tables(annual), annual, _without("B19", "B20", "B21"))
    common = {(f["indicator"], f["year"]) for f in found if f["rule"] == "common_shift"}
    assert {
        ("industrial_enterprises", 2011),
        ("industrial_enterprises", 2008),
        ("retail_sales", 2018),
    } <= common


def test_the_new_breaks_are_registered_with_the_size_the_data_show():
    b = jb.load_breaks().set_index("break_id")
    assert b.loc["B18", ["kind", "first_year", "districts"]].tolist() == ["definition", 2018, "all"]
    assert "gdp" in b.at["B18", "indicators"].split("|")
    assert b.loc["B19", ["indicators", "first_year"]].tolist() == ["retail_sales", 2018]
    assert b.loc["B20", ["indicators", "first_year"]].tolist() == ["industrial_enterprises", 2011]
    assert b.loc["B22", ["indicators", "districts", "first_year"]].tolist() == [
        "fiscal_revenue",
        "yubei",
        2012,
    ]
    assert b.loc["B23", ["kind", "districts", "first_year"]].tolist() == [
        "source_switch",
        "yuzhong",
        2021,
    ]


def test_every_registered_size_is_what_the_data_show(findings):
    assert findings[findings["rule"] == "break_size"].empty


def test_boundary_rows_no_longer_hide_a_scatter_of_every_unit(findings):
    physicians = findings[(findings["indicator"] == "physicians") & (findings["year"] == 2011)]
    assert physicians[["severity", "rule", "correction"]].to_numpy().tolist() == [
        ["accepted", "unregistered_break", "C615"]
    ]


def test_b03_gives_percent_changes_not_log_points(observations):
    yb = observations[
        (observations["source_id"] == "cq_yearbook_panel")
        & (observations["indicator"] == "retail_sales")
    ].pivot_table(index="year", columns="district", values="value", observed=True)
    change = 100 * (yb.loc[2014] / yb.loc[2013] - 1)
    evidence = jb.load_breaks().set_index("break_id").at["B03", "evidence"]
    for name, district in (("大渡口", "dadukou"), ("沙坪坝", "shapingba"), ("奉节", "fengjie")):
        assert f"{name} −{abs(change[district]):.1f} %" in evidence
    assert f"渝北 +{change['yubei']:.1f} %" in evidence  # +33.6 %, not the +29 log points


def test_yongchuan_resident_population_is_the_registered_count_until_2016(observations):
    rows = observations[
        (observations["district"] == "yongchuan") & (observations["indicator"] == "pop_resident")
    ].set_index("year")
    assert (rows.loc[2005:2016, "flag"] == "excluded").all()
    assert rows.loc[2011:2016, "correction"].tolist() == [f"C{n}" for n in range(609, 615)]
    assert rows.at[2018, "flag"] == "observed"
    assert jb.load_breaks().set_index("break_id").at["B17", "first_year"] == 2017


def test_b17_states_what_the_yearbook_shows(observations):
    """B17's evidence re-derived: the column is the registered count (within 2 % to 2010, 3 % in
    2011–2016) while GDP / per-capita GDP implies a population 14–16 % smaller to 2010 and 3–8 %
    smaller every year of 2011–2016; 0.8 % in 2018 (the old note said the two agree from 2011)."""
    rows = observations[
        (observations["district"] == "yongchuan")
        & (observations["source_id"] == "cq_yearbook_panel")
        & (observations["period"] == "Y")
    ].pivot_table(index="year", columns="indicator", values="value", observed=True)
    implied = rows["gdp"] * 1e4 / rows["gdp_per_capita"]  # 亿元 / 元 → 万人
    to_registered = (rows["pop_resident"] / rows["pop_registered"] - 1).abs()
    smaller = 100 * (1 - implied / rows["pop_resident"])
    assert (to_registered.loc[2005:2010] < 0.02).all()
    assert (to_registered.loc[2011:2016] < 0.03).all()
    assert smaller.loc[2005:2010].round().between(14, 16).all()
    assert smaller.loc[2011:2016].round().between(3, 8).all()
    assert round(smaller.at[2018], 1) == 0.8
    evidence = jb.load_breaks().set_index("break_id").at["B17", "evidence"]
    assert "14–16 % smaller" in evidence and "3–8 % every year" in evidence
    assert "(0.8 % in 2018)" in evidence and "from 2011 the two agree" not in evidence


# -- 6. selections and scopes ------------------------------------------------------------------


def test_yuzhong_2023_population_is_the_end_2023_figure():
    p = jb.load_panel("yuzhong", indicators="pop_resident", years=2023)
    assert p[["value", "record"]].to_numpy().tolist() == [[57.6, "PF0152"]]
    t = jb.data.trace("yuzhong", 2023, "pop_resident").set_index("record")
    assert t.at["NF0009", "flag"] == "excluded" and t.at["NF0009", "correction"] == "C605"


def test_yubei_2012_fiscal_revenue_is_on_the_districts_own_scope():
    p = jb.load_panel("yubei", indicators="fiscal_revenue", years=[2012])
    assert p[["value", "record"]].to_numpy().tolist() == [[51.8, "GF0001"]]


def test_the_within_year_vintage_mix_of_the_central_districts_is_flagged():
    panel = jb.load_panel("central", indicators="gdp", years=range(2017, 2022))
    mix = jb.panel.vintage_mix(panel)
    # 2018–2020: 渝中 revised (PF0125, PF0127, PF0129), the other eight first releases; the first
    # releases of 渝中 stand beside them, and B23 (渝中's change of source in 2021) ends the run
    assert mix[["year", "district", "vintage", "record", "others"]].to_numpy().tolist() == [
        [2018, "yuzhong", "revised", "PF0125", 8],
        [2019, "yuzhong", "revised", "PF0127", 8],
        [2020, "yuzhong", "revised", "PF0129", 8],
    ]
    assert mix["value"].tolist() == [1205.6, 1291.6, 1357.6]
    assert mix["matched_value"].tolist() == [1203.85, 1301.35, 1358.5]
    assert mix["matched_record"].tolist() == ["PF0123", "PF0126", "PF0128"]
    assert set(mix["breaks"]) == {"B23"}
    # 2021 on: every central district's GDP is a first release, nothing to flag
    assert panel[panel["year"] == 2021]["vintage"].astype(str).unique().tolist() == [
        "first_release"
    ]


def test_a_vintage_mix_names_no_break_where_none_is_registered():
    panel = jb.load_panel("central", indicators="pop_registered", years=[2007])
    mix = jb.panel.vintage_mix(panel)
    assert mix[
        ["district", "vintage", "common_vintage", "others", "breaks"]
    ].to_numpy().tolist() == [["yuzhong", "revised", "first_release", 8, ""]]
    assert np.isnan(mix["matched_value"].iloc[0])  # no first release of it in the sources


# -- 7. keys and constraints -------------------------------------------------------------------


@pytest.fixture
def nowhere(tmp_path):
    """A copy of the data whose observations name a district 'nowhere', hashes updated."""
    root = tmp_path / "data"
    shutil.copytree(jb.registry.paths.bundle_dir(), root)
    path = root / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = "nowhere," + lines[5].split(",", 1)[1]
    path.write_text("".join(lines), encoding="utf-8")
    write_datapackage(root)
    return root


def test_the_datapackage_declares_keys_and_enums():
    import json

    package = json.loads((jb.registry.paths.bundle_path("datapackage.json")).read_text("utf-8"))
    schema = {r["name"]: r["schema"] for r in package["resources"]}["observations"]
    assert schema["primaryKey"] == ["source_id", "record"]
    assert {"fields": ["district"], "reference": {"resource": "districts", "fields": ["id"]}} in (
        schema["foreignKeys"]
    )
    vintage = next(f for f in schema["fields"] if f["name"] == "vintage")
    assert vintage["constraints"]["enum"] == list(jb.registry.schema.VINTAGES)


def test_an_unknown_id_is_refused_by_data_validate_and_the_loader(nowhere, monkeypatch):
    found = jb.validate(nowhere)
    keys = found[found["rule"] == "keys"]
    assert keys[["severity", "row", "column"]].to_numpy().tolist() == [["error", 6, "district"]]
    assert "unknown district 'nowhere'" in keys["message"].iloc[0]
    assert str(keys["file"].iloc[0]).endswith("observations.csv")
    monkeypatch.setenv("JBANALYSIS_DATA", str(nowhere))
    with pytest.raises(jb.errors.DataError, match=r"observations.csv, row 6, column 'district'"):
        jb.load_panel("jiangbei", indicators="gdp")


def test_the_command_line_refuses_the_unknown_id_naming_file_row_and_column(nowhere, capsys):
    from jbanalysis.cli import main

    assert main(["data", "validate", "--data", str(nowhere)]) == 1
    out = capsys.readouterr().out
    assert "error: keys:" in out and "observations.csv" in out
    assert "unknown district 'nowhere'" in out


def test_a_users_folder_with_an_unknown_id_is_refused_too(tmp_path):
    from jbanalysis.checks.user import add, validate_user

    folder = tmp_path / "mine"
    bulletin = Path(__file__).resolve().parent / "data" / "bad"
    add(
        bulletin / "bulletin_jiulongpo_2024.csv",
        folder,
        source_id="jlp_bulletin_2024",
        title="2024年九龙坡区国民经济和社会发展统计公报",
        url="http://www.crei.cn/file/br.aspx?id=20250624095847&op=z4&x=0",
        kind="official_bulletin",
        vintage="first_release",
    )
    path = folder / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[1].startswith("jiulongpo,")
    lines[1] = "nowhere," + lines[1].split(",", 1)[1]
    path.write_text("".join(lines), encoding="utf-8")
    keys = validate_user(folder).query("rule == 'keys'")
    assert keys[["severity", "row", "column"]].to_numpy().tolist() == [["error", 2, "district"]]
    with pytest.raises(jb.errors.DataError, match=r"observations.csv, row 2, column 'district'"):
        jb.load_panel("jiulongpo", indicators="gdp", user_dir=folder)


@pytest.mark.slow  # two Data Package validations of every file: 30 s
def test_frictionless_refuses_the_unknown_id_too(nowhere):
    pytest.importorskip("frictionless")
    good = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=jb.registry.paths.bundle_dir(),
        capture_output=True,
        text=True,
    )
    assert good.returncode == 0, good.stdout[-2000:]
    bad = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=nowhere,
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0 and "foreign-key" in bad.stdout


# -- 9. the third collection -------------------------------------------------------------------


def test_coverage_shows_2025_for_the_city_and_yuzhong():
    c = jb.coverage(jb.load_panel(indicators="gdp"), "gdp", ["chongqing", "yuzhong", "jiangbei"])
    y2025 = c[c["year"] == 2025].set_index("district")["present"].to_dict()
    assert y2025 == {"chongqing": True, "yuzhong": True, "jiangbei": False}
    p = jb.load_panel(["chongqing", "yuzhong"], indicators="gdp", years=2025)
    assert sorted(p["value"]) == [1781.8, 33757.93]


def test_part_year_values_keep_their_period_and_are_never_annual():
    h1 = jb.load_panel("chongqing", period="H1", indicators=["gdp", "gdp_real_growth"], years=2025)
    assert h1.set_index("indicator")["value"].to_dict() == {"gdp": 15929.58, "gdp_real_growth": 5.0}
    annual = jb.load_panel("chongqing", indicators="gdp", years=2025)
    assert annual["value"].tolist() == [33757.93]  # the annual value, not the H1 15929.58


def test_the_third_collection_as_its_readme_asks(observations):
    mine = observations[observations["source_id"] == "published_figures_3"]
    assert "F3_0041" not in set(mine["record"])  # the greeting's round '43万' is no statistic
    farm = mine[mine["record"].isin(["F3_0026#growth", "F3_0027", "F3_0028"])]
    assert set(farm["flag"]) == {"excluded"} and set(farm["reliability"]) == {"low"}
    sectors = mine[(mine["year"] == 2024) & mine["indicator"].str.startswith("va_")]
    assert round(sectors["value"].sum(), 2) == 32193.15  # the city's 2024 GDP
    pop = mine[(mine["indicator"] == "pop_resident") & (mine["year"] == 2023)]
    assert pop.set_index("record").at["F3_0032", "value"] == 154.02
    assert set(pop["reliability"]) == {"medium"}


# -- 3. average growth chained from published rates --------------------------------------------


def test_average_growth_is_chained_from_published_real_growth():
    p = jb.load_panel(["chongqing", "jiangbei"], indicators=["gdp", "gdp_real_growth"])
    q = quoted_growth(p, "chongqing", 2015, 2020)
    rates = [10.7, 9.3, 6.0, 6.3, 3.9]  # CSMAR's GDPYoY 2016–2020
    expected = 100 * (np.prod([1 + r / 100 for r in rates]) ** (1 / 5) - 1)
    assert q.method == "chained" and q.rate == pytest.approx(expected)
    assert average_real_growth(pd.Series(rates, index=range(2016, 2021)), 2015, 2020) == (
        pytest.approx(expected)
    )
    nominal = quoted_growth(p, "jiangbei", 2018, 2020)
    assert nominal.method == "nominal CAGR" and nominal.crossed["break_id"].tolist() == ["B04"]


# -- 5. groups named by what they hold ---------------------------------------------------------


def test_a_group_is_named_by_what_it_holds():
    eight = [d for d in jb.district_ids("central") if d != "yuzhong"]
    assert group_label(eight, lang="en") == "8 of the 9 central districts (no Yuzhong)"
    assert group_label(eight) == "中心城区9区中的8区（不含渝中区）"
    assert group_label(jb.district_ids("central")) == "中心城区9区"
