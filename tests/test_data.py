"""The bundled dataset: values against source rows, flags, corrections, and the build."""

from pathlib import Path

import pandas as pd
import pytest

from jbanalysis.errors import DataError
from jbanalysis.panel.provenance import trace
from jbanalysis.sources.build import build, build_observations
from jbanalysis.sources.observations import load_observations, load_sources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "sources"


def obs_value(district, year, indicator, source_id=None, record=None):
    obs = load_observations()
    hit = obs[(obs.district == district) & (obs.year == year) & (obs.indicator == indicator)]
    if source_id:
        hit = hit[hit.source_id == source_id]
    if record:
        hit = hit[hit.record == record]
    return hit


def test_jiangbei_gdp_2010_from_the_yearbook_panel():
    # Chongqing_expanded.xlsx, Sheet1!V359: GDP_total(10k) = 3913947 万元 = 391.3947 亿元
    row = obs_value("jiangbei", 2010, "gdp", "cq_yearbook_panel").iloc[0]
    assert row["value"] == 391.3947
    assert (row["unit"], row["record"], row["published_value"], row["published_unit"]) == (
        "cny_100m",
        "Sheet1!V359",
        3913947.0,
        "万元",
    )
    assert (row["vintage"], row["flag"], row["source_kind"]) == (
        "first_release",
        "observed",
        "official_yearbook",
    )


def test_jiulongpo_2018_first_release_and_revised():
    rows = obs_value("jiulongpo", 2018, "gdp", "published_figures")
    by_vintage = rows.groupby("vintage")["value"].apply(sorted).to_dict()
    assert by_vintage["first_release"] == [1211.25, 1211.25, 1211.25]  # PF0244–PF0246
    assert by_vintage["revised"] == [1336.87]  # PF0247, after the 4th economic census


def test_units_are_canonical_after_the_build():
    obs = load_observations()
    # population: yearbook 'pop' in thousands (1520 = 152.0 万人); registered in 万人
    wz = obs_value("wanzhou", 2005, "pop_resident", "cq_yearbook_panel").iloc[0]
    assert (wz["value"], wz["unit"], wz["published_value"], wz["published_unit"]) == (
        152.0,
        "persons_10k",
        1520.0,
        "千人",
    )
    # English pages: 'RMB ... billion' -> 亿元; '1.95 万亿元' -> 19500 亿元
    assert obs_value("chongqing", 2017, "gdp", record="PF0620").iloc[0]["value"] == 19500.0
    units = obs.groupby("indicator", observed=True)["unit"].unique()
    assert all(len(u) == 1 for u in units), "one canonical unit per indicator"


def test_2017_means_are_flagged_interpolated():
    obs = load_observations()
    interp = obs[(obs.flag == "interpolated") & (obs.indicator != "gdp_per_capita")]
    # 11 districts (the eight central ones in the panel, plus 万州, 涪陵, 黔江) × GDP and 3 sectors
    assert set(interp.year) == {2017}
    assert len(interp) == 44
    assert set(interp.indicator) == {"gdp", "va_primary", "va_secondary", "va_tertiary"}
    assert sorted(interp.district.unique()) == sorted(
        [
            "dadukou",
            "jiangbei",
            "shapingba",
            "jiulongpo",
            "nanan",
            "beibei",
            "yubei",
            "banan",
            "wanzhou",
            "fuling",
            "qianjiang",
        ]
    )
    jb = {
        y: obs_value("jiangbei", y, "gdp", "cq_yearbook_panel").iloc[0]["value"]
        for y in (2016, 2017, 2018)
    }
    assert jb[2017] == pytest.approx((jb[2016] + jb[2018]) / 2, abs=5e-5)
    # a district whose 2017 GDP is its own: not flagged
    assert obs_value("hechuan", 2017, "gdp").iloc[0]["flag"] == "observed"


def test_per_capita_gdp_2010_and_2017_are_flagged_interpolated_in_every_unit():
    obs = load_observations()
    pc = obs[(obs.indicator == "gdp_per_capita") & (obs.source_id == "cq_yearbook_panel")]
    interp = pc[pc.flag == "interpolated"]
    assert len(interp) == 74 and set(interp.year) == {2010, 2017}
    assert interp.district.nunique() == 37 and (interp.correction != "").all()
    # 江北 Z358/Z359/Z360 = 47051 / 57628 / 68206: 2010 is their mean
    z = {r: pc[pc.record == r].iloc[0] for r in ("Sheet1!Z358", "Sheet1!Z359", "Sheet1!Z360")}
    assert [z[r]["value"] for r in z] == [47051, 57628, 68206]
    assert z["Sheet1!Z359"]["flag"] == "interpolated" and z["Sheet1!Z358"]["flag"] == "observed"
    assert (47051 + 68206) / 2 == pytest.approx(57628, abs=0.5)


def test_corrections_are_applied_and_traceable():
    jb22 = obs_value("jiangbei", 2022, "gdp").iloc[0]
    assert (jb22["value"], jb22["published_value"], jb22["flag"], jb22["correction"]) == (
        1602.76,
        1560.91,
        "corrected",
        "C002",
    )
    yz = obs_value("yuzhong", 2022, "gdp", record="PF0134").iloc[0]
    assert (yz["value"], yz["published_value"], yz["correction"]) == (1560.91, 1602.76, "C001")
    city = obs_value("chongqing", 2021, "va_primary", "csmar_city_gdp").iloc[0]
    assert (city["value"], city["published_value"], city["published_unit"]) == (
        1922.03,
        1922.03,
        "万元",
    )
    assert city["correction"] == "C003"


def test_every_row_in_is_a_row_out():
    obs, report = build_observations()
    assert report.rows_out == sum(report.rows_in.values()) == len(obs) == 21705
    assert report.rows_in == {
        "cq_yearbook_2025_pop.csv": 76,
        "cq_yearbook_panel.csv": 20390,
        "csmar_city_gdp.csv": 342,
        "published_figures.csv": 628,
        "published_figures_2.csv": 204,
        "published_figures_3.csv": 65,
    }
    assert sorted(report.corrected) == ["C001", "C002", "C003", "C004", "C005", "C006", "C007"]


def test_build_reproduces_the_committed_files(data_copy):
    committed = (data_copy / "observations.csv").read_bytes()
    package = (data_copy / "datapackage.json").read_bytes()
    build(data_copy)
    assert (data_copy / "observations.csv").read_bytes() == committed
    assert (data_copy / "datapackage.json").read_bytes() == package


def test_every_source_is_registered_with_a_citation():
    reg = load_sources()
    files = {p.stem for p in (ROOT / "data" / "sources").glob("*.csv")}
    assert set(reg["id"]) == files
    assert (reg["taken_from"] != "").all() and (reg["original_source"] != "").all()


def test_trace_follows_a_value_to_its_publication():
    t = trace("九龙坡", 2018, "gdp")
    revised = t[t.vintage == "revised"].iloc[0]
    assert revised["record"] == "PF0247"
    assert revised["url"].startswith("http")
    assert revised["published_district"] == "九龙坡区"


def test_stale_correction_is_an_error(data_copy, monkeypatch):
    path = data_copy / "corrections.csv"
    text = path.read_text(encoding="utf-8").replace(
        "C002,published_figures,PF0198,jiangbei,2022,gdp,1560.91",
        "C002,published_figures,PF0198,jiangbei,2022,gdp,1500.00",
    )
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("JBANALYSIS_DATA", str(data_copy))
    with pytest.raises(DataError, match=r"corrections.csv, row 3, column 'published_value'"):
        build_observations(data_copy)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("record,district", "rec,district", 1), "missing required column"),
        (lambda t: t.replace(",江北区,2010,gdp,3913947,", ",江北县,2010,gdp,3913947,"), "江北县"),
        (
            lambda t: t.replace(",江北区,2010,gdp,3913947,", ",江北区,2010,gdp,39l3947,"),
            "not a number",
        ),
        (
            lambda t: t.replace(",江北区,2010,gdp,3913947,", ",江北区,1010,gdp,3913947,"),
            "not a whole year",
        ),
        (
            lambda t: t.replace(",江北区,2010,gdp,3913947,万元", ",江北区,2010,gdp,3913947,万人"),
            "does not fit",
        ),
        (
            lambda t: t.replace(
                ",江北区,2010,gdp,3913947,万元,first_release", ",江北区,2010,gdp,3913947,万元,final"
            ),
            "not one of",
        ),
    ],
)
def test_bad_source_rows_name_file_row_and_column(data_copy, edit, message):
    path = data_copy / "sources" / "cq_yearbook_panel.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError, match=message) as err:
        build_observations(data_copy)
    assert "cq_yearbook_panel.csv" in str(err.value)
    if "missing" not in message:
        assert err.value.row == 12295  # the line of Sheet1!V359 in the transcription


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/sources is not beside this checkout")
def test_transcription_is_reproducible(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("t", ROOT / "scripts" / "transcribe_sources.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "OUT", tmp_path)
    mod.main([str(SHARED)])
    for path in sorted((ROOT / "data" / "sources").glob("*.csv")):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_observation_columns_and_types():
    obs = load_observations()
    assert obs["year"].dtype == "int64" and obs["value"].dtype == "float64"
    assert obs["value"].notna().all()
    assert set(obs["flag"]) <= {"observed", "interpolated", "derived", "corrected", "excluded"}
    assert isinstance(obs, pd.DataFrame)
