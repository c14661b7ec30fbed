"""Charts for the notebooks: one seaborn theme, the chosen district highlighted, peers muted.

Labels come from the registries (district, indicator and unit names) in Chinese or English.
Chinese labels need a CJK font: :func:`set_theme` looks for one of :data:`CJK_FONTS` and, where
none is installed, draws English labels and says so once, rather than drawing empty boxes.

Values that are not plain observations are drawn as hollow markers (``interpolated`` circles,
``corrected`` diamonds, ``derived`` squares) and missing years stay gaps in the lines. The
charts compute nothing: the numbers come from :mod:`jbanalysis.panel`, :mod:`jbanalysis.metrics`
and :mod:`jbanalysis.forecast`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from jbanalysis.registry.districts import CITY, load_districts
from jbanalysis.registry.terms import check_lang, has_term, term
from jbanalysis.shown import show
from jbanalysis.text.labels import district_name, indicator_name, indicator_unit, unit_name

__all__ = [
    "CJK_FONTS",
    "HIGHLIGHT",
    "INCOMPLETE_COLOUR",
    "PEER",
    "Theme",
    "axis_label",
    "bars",
    "coverage_heatmap",
    "current_theme",
    "fan_chart",
    "find_cjk_font",
    "flags_table",
    "indicator_lines",
    "label",
    "lines",
    "scatter",
    "set_theme",
    "stacked_shares",
    "value_heatmap",
]

#: CJK fonts tried in order (Debian's fonts-noto-cjk provides the first).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "PingFang SC",
    "Microsoft YaHei",
)
# File-name fragments of those fonts, to register fonts installed after matplotlib's cache was made.
_CJK_FILE_HINTS = ("notosanscjk", "sourcehansans", "wqy", "simhei", "pingfang", "msyh")

HIGHLIGHT = "#C8102E"
PEER = "#A3ACB9"
CITY_COLOUR = "#1F2937"
FLAG_MARKERS = {"interpolated": "o", "corrected": "D", "derived": "s"}
COVERAGE_COLORS = {
    "": "#EEEEEE",
    "observed": "#4C9F70",
    "interpolated": "#F2A541",
    "corrected": "#D1495B",
    "derived": "#7B8CDE",
}
BREAK_COLOUR = "#777777"
INCOMPLETE_COLOUR = "#ECECEC"
_FAN_COLUMNS = ("median", "lo80", "hi80", "lo95", "hi95")
SECTOR_COLORS = {"va_primary": "#8DB580", "va_secondary": "#5B7DB1", "va_tertiary": "#E3A857"}


@dataclass(frozen=True)
class Theme:
    """What :func:`set_theme` chose.

    Attributes
    ----------
    lang : str
        Language asked for (``"zh"`` or ``"en"``).
    chart_lang : str
        Language of the chart labels: ``"en"`` when Chinese was asked but no CJK font exists.
    font : str or None
        The CJK font used, if any.
    note : str
        The sentence shown when labels fell back to English (empty otherwise).

    Examples
    --------
    >>> theme = set_theme("en")
    >>> theme.lang, theme.chart_lang, theme.note
    ('en', 'en', '')
    """

    lang: str
    chart_lang: str
    font: str | None
    note: str


_theme = Theme(lang="en", chart_lang="en", font=None, note="")


def _register_system_cjk_fonts() -> None:
    # matplotlib caches the font list on first use; a font installed later is not in it.
    for path in font_manager.findSystemFonts():
        if any(hint in path.lower().replace("-", "") for hint in _CJK_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable file is not a CJK font
                continue


def find_cjk_font(candidates: Sequence[str] = CJK_FONTS) -> str | None:
    """Name of the first installed font of ``candidates``, or None.

    Examples
    --------
    >>> find_cjk_font(["No Such Font"]) is None
    True
    """
    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in candidates if name in installed), None)
    if found is None:
        _register_system_cjk_fonts()
        installed = {f.name for f in font_manager.fontManager.ttflist}
        found = next((name for name in candidates if name in installed), None)
    return found


def set_theme(lang: str = "zh") -> Theme:
    """Apply the project's seaborn theme and choose the chart language.

    With ``lang="zh"`` and no CJK font installed, labels fall back to English and one note is
    printed (no empty boxes in charts).

    Parameters
    ----------
    lang : {"zh", "en"}

    Returns
    -------
    Theme

    Examples
    --------
    >>> set_theme("en").chart_lang
    'en'
    """
    global _theme
    check_lang(lang)
    sns.set_theme(style="whitegrid", context="notebook", palette="deep")
    mpl.rcParams.update(
        {
            "figure.figsize": (8.0, 4.2),
            "figure.dpi": 96,
            "savefig.dpi": 96,
            "savefig.bbox": "tight",
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "legend.frameon": False,
            "legend.fontsize": 9,
        }
    )
    font = find_cjk_font()
    if font:
        mpl.rcParams["font.family"] = "sans-serif"
        mpl.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    note = ""
    chart_lang = lang
    if lang == "zh" and font is None:
        chart_lang = "en"
        note = "未找到中文字体（如 Noto Sans CJK SC，Debian 软件包 fonts-noto-cjk），图表标签改用英文。"
        print(note)
    _theme = Theme(lang=lang, chart_lang=chart_lang, font=font, note=note)
    return _theme


def current_theme() -> Theme:
    """The theme last set by :func:`set_theme` (English labels before any call).

    >>> set_theme("en") == current_theme()
    True
    """
    return _theme


def _lang(lang: str | None) -> str:
    if lang is None:
        return _theme.chart_lang
    check_lang(lang)
    # Chinese labels only with a CJK font in the theme: never boxes in place of characters.
    return "en" if lang == "zh" and _theme.font is None else lang


def label(key: str, lang: str | None = None) -> str:
    """Display label of an id: a district or the city, a vocabulary term, an indicator, else as is.

    >>> label("jiangbei", "en"), label("va_tertiary", "en"), label("gdp", "en"), label("x", "en")
    ('Jiangbei', 'tertiary', 'GDP', 'x')
    """
    lang = _lang(lang)
    key = str(key)
    if key in set(load_districts()["id"]):
        return district_name(key, lang)
    if has_term(key):
        return term(key, lang)
    try:
        return indicator_name(key, lang)
    except KeyError:
        return key


def axis_label(indicator: str, lang: str | None = None) -> str:
    """Axis label of an indicator with its unit: ``地区生产总值（亿元）`` / ``GDP (100 million yuan)``.

    >>> axis_label("gdp", "en")
    'GDP (100 million yuan)'
    """
    lang = _lang(lang)
    unit = unit_name(indicator_unit(indicator), lang)
    name = indicator_name(indicator, lang)
    return f"{name}（{unit}）" if lang == "zh" else f"{name} ({unit})"


def _new_ax(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def _record(kind: str, ax: Axes, data, title: str = "", **hints) -> None:
    """Announce what a chart draws (:func:`jbanalysis.shown.show`; a report run records it)."""
    title = title or ax.get_title(loc="left")
    show(kind, data, title=title, figure=ax.figure, **hints)


def _indicator_of(flags) -> str | None:
    return flags.attrs.get("indicator") if flags is not None else None


def _spread(positions: list[float], gap: float, low: float = 0.0, high: float = 1.0) -> list[float]:
    """Move label positions as little as possible (least squares) so that neighbours are at least
    ``gap`` apart and all lie in [low, high]; when they cannot all fit, spread them evenly.

    With the labels sorted, y_i >= y_{i-1} + gap is z_i = y_i - i gap non-decreasing: the
    closest such z is the isotonic regression of the wishes (pool adjacent violators), and the
    bounds clip it to [low, high - (n - 1) gap].

    >>> [round(p, 2) for p in _spread([0.5, 0.5, 0.5], 0.1)]
    [0.4, 0.5, 0.6]
    >>> [round(p, 2) for p in _spread([0.98, 0.99, 0.2], 0.1)]
    [0.9, 1.0, 0.2]
    """
    n = len(positions)
    if n == 0:
        return []
    order = list(np.argsort(positions, kind="stable"))
    if gap * (n - 1) >= high - low:  # no room: even spacing over the whole height
        step = (high - low) / max(n - 1, 1)
        fitted = [low + k * step for k in range(n)]
    else:
        z = [float(positions[i]) - k * gap for k, i in enumerate(order)]
        blocks: list[list[float]] = []  # [mean, count]
        for value in z:
            blocks.append([value, 1.0])
            while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
                (m1, c1), (m2, c2) = blocks[-2], blocks[-1]
                blocks[-2:] = [[(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2]]
        iso = [m for m, c in blocks for _ in range(int(c))]
        top = high - (n - 1) * gap
        fitted = [min(max(v, low), top) + k * gap for k, v in enumerate(iso)]
    placed = [0.0] * n
    for k, i in enumerate(order):
        placed[i] = fitted[k]
    return placed


def _runs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted years: [2007, 2008, 2014] -> [(2007, 2008), (2014, 2014)]."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return [(a, b) for a, b in runs]


def _label_ends(ax: Axes, ends: list[tuple[float, float, str, str]], fontsize: float = 8) -> None:
    """Write each line's name at the right margin without two names overlapping.

    Names of lines that reach (or nearly reach) the last year are stacked in the right margin,
    moved apart by one text height (computed from the figure's size, in axes fractions) and kept
    inside the axes, with a thin leader to their line where a name had to move. A line that ends
    more than two years earlier is named at its own last point, so that no name sits beside a
    year its line does not reach.
    """
    x_max = max(e[0] for e in ends)
    bottom, top = ax.get_ylim()  # (larger, smaller) for an inverted axis: fractions still work
    span = (top - bottom) or 1.0
    fig = ax.figure
    height_px = ax.get_position().height * fig.get_figheight() * fig.dpi
    gap = fontsize * 1.3 / 72 * fig.dpi / max(height_px, 1.0)
    # lines that stop a year or two before the last are still named in the margin (with a
    # leader); one that stops long before is named where it stops
    margin = [e for e in ends if e[0] >= x_max - 2]
    early = [e for e in ends if e[0] < x_max - 2]
    wishes = [(e[1] - bottom) / span for e in margin]
    placed = _spread(wishes, gap, gap / 2, 1.0 - gap / 2)  # centres: whole names inside
    x_text = x_max + 0.45
    for (x_end, y_end, text, color), frac in zip(margin, placed, strict=True):
        y_text = bottom + frac * span
        ax.text(x_text, y_text, text, color=color, fontsize=fontsize, va="center", clip_on=False)
        if abs(frac - (y_end - bottom) / span) > gap / 2 or x_end < x_max:
            ax.plot(
                [x_end + 0.05, x_text - 0.08],
                [y_end, y_text],
                color=color,
                lw=0.6,
                alpha=0.7,
                zorder=1,
            )
    for x_end, y_end, text, color in early:
        ax.annotate(
            text,
            (x_end, y_end),
            xytext=(4, 4),
            textcoords="offset points",
            color=color,
            fontsize=fontsize,
        )
    ax.set_xlim(right=x_max + 2.4)
    ax.set_ylim(bottom, top)


def _flag_legend(flags_seen: Iterable[str], lang: str) -> list[Line2D]:
    return [
        Line2D(
            [],
            [],
            linestyle="",
            marker=FLAG_MARKERS[f],
            markerfacecolor="white",
            markeredgecolor="#444444",
            label=term(f, lang),
        )
        for f in FLAG_MARKERS
        if f in set(flags_seen)
    ]


def lines(
    values: pd.DataFrame,
    district: str | None = None,
    *,
    flags: pd.DataFrame | None = None,
    city: str | None = None,
    ax: Axes | None = None,
    title: str = "",
    ylabel: str = "",
    lang: str | None = None,
    breaks: Iterable[int] = (),
    invert: bool = False,
    end_labels: bool = True,
    incomplete: Iterable[int] = (),
) -> Axes:
    """Line per column of a years x districts frame; ``district`` highlighted, the rest muted.

    Missing years stay gaps; isolated values still show as dots. Cells of ``flags`` other than
    ``observed`` get hollow markers. A dotted line marks each year in ``breaks`` (the first year of
    a new statistical basis, :func:`jbanalysis.registry.breaks.new_basis_years`) between its year and the
    one before, when both are in the frame.

    Parameters
    ----------
    values : DataFrame
        Years (int index) x district ids.
    district : str, optional
        Column to highlight.
    flags : DataFrame, optional
        Same shape, the ``flag`` of each value (``observed``, ``interpolated``, ``corrected``...).
    city : str, optional
        Column drawn dark and dashed (e.g. ``"chongqing"``).
    breaks : iterable of int
        First years of a new basis (registered breaks) to mark.
    invert : bool
        Invert the y axis and use whole-number ticks (for ranks, 1 at the top).
    end_labels : bool
        Write each line's name at the right margin (never two on top of each other; a line that
        ends early is named at its own last point).
    incomplete : iterable of int
        Years in which the values are not like for like across the lines, e.g. ranks among fewer
        districts because one has no value (:func:`jbanalysis.metrics.rank_history`): shaded, with
        hollow points, and named in the legend.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> _ = set_theme("en")
    >>> r = pd.DataFrame({"jiangbei": [2.0, 1.0, 2.0], "yubei": [1.0, None, 1.0],
    ...                   "banan": [3.0, 2.0, 3.0]}, index=[2018, 2019, 2020])
    >>> ax = lines(r, "jiangbei", invert=True, incomplete=[2019])
    >>> [t.get_text() for t in ax.get_legend().get_texts()][-1]
    'years with a district missing: ranked among those with data'
    >>> plt.close("all")
    >>> v = pd.DataFrame({"jiangbei": [1.0, 2.0, 3.0], "yubei": [2.0, None, 4.0]},
    ...                  index=[2018, 2019, 2020])
    >>> f = pd.DataFrame({"jiangbei": ["observed", "interpolated", "observed"]}, index=v.index)
    >>> ax = lines(v, "jiangbei", flags=f, breaks=[2019])
    >>> sorted(t.get_text() for t in ax.texts)
    ['Jiangbei', 'Yubei']
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Jiangbei', 'other central districts', 'interpolated', 'registered series break']
    >>> plt.close("all")
    """
    lang = _lang(lang)
    ax = _new_ax(ax)
    columns = [c for c in values.columns if c not in (district, city)]
    if city in values.columns:
        columns.append(city)
    if district in values.columns:
        columns.append(district)
    flags_seen: set[str] = set()
    ends: list[tuple[float, float, str, str]] = []
    shaded = sorted({int(y) for y in incomplete} & {int(y) for y in values.index})
    for start, end in _runs(shaded):
        ax.axvspan(start - 0.5, end + 0.5, color=INCOMPLETE_COLOUR, lw=0, zorder=0)
    for col in columns:
        series = values[col]
        if col == district:
            color, width, zorder, style, size = HIGHLIGHT, 2.6, 5, "-", 4
        elif col == city:
            color, width, zorder, style, size = CITY_COLOUR, 1.8, 4, "--", 3
        else:
            color, width, zorder, style, size = PEER, 1.2, 2, "-", 2.5
        x = series.index.to_numpy(dtype=float)
        y = series.to_numpy(dtype=float)
        ax.plot(x, y, style, color=color, lw=width, zorder=zorder, marker="o", ms=size)
        if shaded:
            hollow = np.isin(x, shaded) & ~np.isnan(y)
            ax.plot(
                x[hollow],
                y[hollow],
                linestyle="",
                marker="o",
                ms=size + 2,
                markerfacecolor="white",
                markeredgecolor=color,
                markeredgewidth=1.2,
                zorder=zorder + 1,
            )
        if flags is not None and col in flags.columns:
            col_flags = flags[col].reindex(series.index)
            for flag, marker in FLAG_MARKERS.items():
                mask = (col_flags == flag).to_numpy() & ~np.isnan(y)
                if mask.any():
                    flags_seen.add(flag)
                    ax.plot(
                        x[mask],
                        y[mask],
                        linestyle="",
                        marker=marker,
                        ms=8,
                        markerfacecolor="white",
                        markeredgecolor=color,
                        markeredgewidth=1.6,
                        zorder=zorder + 1,
                    )
        valid = series.dropna()
        if end_labels and len(valid):
            ends.append((float(valid.index[-1]), float(valid.iloc[-1]), label(col, lang), color))
    if invert:
        ax.invert_yaxis()
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    marked = [y for y in sorted(set(breaks)) if y in values.index and y - 1 in values.index]
    for year in marked:
        ax.axvline(year - 0.5, color=BREAK_COLOUR, ls=":", lw=1.2, zorder=1)
    if ends:
        _label_ends(ax, ends)
    handles = []
    if district in values.columns:
        handles.append(Line2D([], [], color=HIGHLIGHT, lw=2.6, label=label(district, lang)))
    muted = [c for c in columns if c not in (district, city)]
    districts = set(load_districts()["id"])
    if muted and all(c in districts for c in muted):
        handles.append(Line2D([], [], color=PEER, lw=1.2, label=term("peers", lang)))
    else:  # not districts (e.g. two shares): each muted line is named in the legend
        handles += [Line2D([], [], color=PEER, lw=1.2, label=label(c, lang)) for c in muted]
    if city in values.columns:
        handles.append(Line2D([], [], color=CITY_COLOUR, lw=1.8, ls="--", label=label(city, lang)))
    handles += _flag_legend(flags_seen, lang)
    if marked:
        handles.append(
            Line2D([], [], color=BREAK_COLOUR, lw=1.2, ls=":", label=term("registered_break", lang))
        )
    if shaded:
        handles.append(Patch(facecolor=INCOMPLETE_COLOUR, label=term("incomplete_years", lang)))
    # below the plot, so that the legend never covers a line or a name
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.08),
        ncol=min(len(handles), 3),
        borderaxespad=0.0,
    )
    ax.set_title(title, loc="left")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("")
    _record("lines", ax, values, indicator=_indicator_of(flags))
    return ax


def flags_table(panel: pd.DataFrame, indicator: str, values: pd.DataFrame) -> pd.DataFrame:
    """The panel's ``flag`` of each cell of ``values`` (same shape; NaN where no value).

    >>> p = pd.DataFrame({"district": ["jiangbei"], "year": [2017], "indicator": ["gdp"],
    ...                   "value": [902.9], "flag": ["interpolated"]})
    >>> v = pd.DataFrame({"jiangbei": [902.9]}, index=pd.Index([2017], name="year"))
    >>> flags_table(p, "gdp", v).to_dict()
    {'jiangbei': {2017: 'interpolated'}}
    """
    from jbanalysis.tables import years_by_district

    table = years_by_district(panel[panel["indicator"] == indicator], "flag")
    table = table.reindex(index=values.index, columns=values.columns)
    table.attrs["indicator"] = indicator  # a chart drawn with these flags knows its indicator
    return table


def indicator_lines(
    panel: pd.DataFrame,
    indicator: str,
    district: str,
    peers: str | Sequence[str] = "central",
    *,
    city: bool = False,
    years: Iterable[int] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    lang: str | None = None,
) -> Axes:
    """:func:`lines` of one panel indicator for the peers (and the city), flags shown.

    Examples
    --------
    >>> _ = set_theme("en")
    >>> p = pd.DataFrame({"district": ["jiangbei", "jiangbei", "yubei"], "year": [2016, 2017, 2017],
    ...                   "indicator": ["gdp"] * 3, "value": [778.0, 902.9, 1418.2],
    ...                   "flag": ["observed", "interpolated", "observed"]})
    >>> ax = indicator_lines(p, "gdp", "jiangbei", ["jiangbei", "yubei"])
    >>> ax.get_title("left"), ax.get_ylabel()
    ('GDP', 'GDP (100 million yuan)')
    >>> plt.close("all")
    """
    from jbanalysis.panel.views import wide
    from jbanalysis.registry.districts import district_ids

    lang = _lang(lang)
    members = district_ids(peers) if isinstance(peers, str) else list(peers)
    if district not in members:
        members = [*members, district]
    if city:
        members = [*members, CITY]
    from jbanalysis.registry.breaks import new_basis_years

    values = wide(panel, indicator, districts=members, years=years)
    flags = flags_table(panel, indicator, values)
    own = panel[(panel["indicator"] == indicator) & (panel["district"] == district)]
    vintages = dict(zip(own["year"], own["vintage"], strict=True)) if "vintage" in own else {}
    return lines(
        values,
        district,
        flags=flags,
        breaks=new_basis_years(indicator, district, vintages),
        city=CITY if city else None,
        ax=ax,
        title=indicator_name(indicator, lang) if title is None else title,
        ylabel=axis_label(indicator, lang),
        lang=lang,
    )


def bars(
    values: pd.Series,
    district: str | None = None,
    *,
    ax: Axes | None = None,
    title: str = "",
    xlabel: str = "",
    fmt: str = "{:.1f}",
    lang: str | None = None,
    sort: bool = True,
) -> Axes:
    """Horizontal bars of one value per label (district, sector...), ``district`` highlighted.

    A missing value is written as "no data" instead of a bar, so the gap is visible.

    Examples
    --------
    >>> _ = set_theme("en")
    >>> ax = bars(pd.Series({"jiangbei": 9.0, "yubei": 7.0, "yuzhong": None}), "jiangbei")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Jiangbei', 'Yubei', 'Yuzhong']
    >>> [t.get_text() for t in ax.texts]
    ['9.0', '7.0', 'no data']
    >>> plt.close("all")
    """
    lang = _lang(lang)
    ax = _new_ax(ax, (8.0, 0.45 * len(values) + 1.2))
    data = values.astype(float)
    if sort:
        data = pd.concat([data.dropna().sort_values(ascending=False), data[data.isna()]])
    positions = np.arange(len(data))
    colors = [HIGHLIGHT if k == district else PEER for k in data.index]
    heights = np.nan_to_num(data.to_numpy(), nan=0.0)
    ax.barh(positions, heights, color=colors)
    span = float(np.nanmax(np.abs(heights))) if len(heights) else 1.0
    for pos, value in zip(positions, data.to_numpy(), strict=True):
        text = term("no_data", lang) if np.isnan(value) else fmt.format(value)
        x = 0.0 if np.isnan(value) else value
        offset = 0.01 * (span or 1.0) * (1 if x >= 0 else -1)
        ha = "left" if x >= 0 else "right"
        ax.text(x + offset, pos, text, va="center", ha=ha, fontsize=9)
    ax.set_yticks(positions, [label(k, lang) for k in data.index])
    ax.invert_yaxis()
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    _record("bars", ax, values)
    return ax


def coverage_heatmap(
    matrix: pd.DataFrame, *, ax: Axes | None = None, title: str = "", lang: str | None = None
) -> Axes:
    """Districts x years grid coloured by the flag of each value; a gap is a light-grey cell.

    Parameters
    ----------
    matrix : DataFrame
        As from :func:`jbanalysis.panel.coverage_matrix`: flag strings, ``""`` for a gap.

    Raises
    ------
    ValueError
        A cell holds a flag this chart does not know (named).

    Examples
    --------
    >>> _ = set_theme("en")
    >>> m = pd.DataFrame({2016: ["observed", ""], 2017: ["interpolated", ""]},
    ...                  index=["jiangbei", "yuzhong"])
    >>> ax = coverage_heatmap(m)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['gap', 'observed', 'interpolated']
    >>> plt.close("all")
    """
    lang = _lang(lang)
    codes = list(COVERAGE_COLORS)
    unknown = sorted(set(matrix.to_numpy().ravel()) - set(codes))
    if unknown:
        raise ValueError(f"unknown flag(s) {unknown} in the coverage matrix; expected {codes}")
    ax = _new_ax(ax, (8.0, 0.32 * len(matrix) + 1.3))
    grid = matrix.apply(lambda col: col.map(codes.index)).to_numpy(dtype=float)
    cmap = ListedColormap(list(COVERAGE_COLORS.values()))
    norm = BoundaryNorm(np.arange(len(codes) + 1) - 0.5, cmap.N)
    ax.pcolormesh(grid, cmap=cmap, norm=norm, edgecolors="white", linewidth=1.0)
    ax.set_yticks(np.arange(len(matrix)) + 0.5, [label(d, lang) for d in matrix.index])
    years = list(matrix.columns)
    step = -(-len(years) // 9)  # at most nine year labels
    ax.set_xticks(np.arange(0, len(years), step) + 0.5, [str(y) for y in years[::step]])
    ax.invert_yaxis()
    ax.grid(False)
    present = set(matrix.to_numpy().ravel())
    handles = [
        Patch(facecolor=COVERAGE_COLORS[c], label=term(c or "gap", lang))
        for c in codes
        if c in present
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(title, loc="left")
    _record("coverage", ax, matrix)
    return ax


def value_heatmap(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str = "",
    fmt: str = ".2f",
    center: float | None = None,
    highlight: str | None = None,
    lang: str | None = None,
) -> Axes:
    """Annotated heatmap of a numeric table (e.g. location quotients, sectors x districts).

    Row and column ids become registry labels; the ``highlight`` column's label is bold.

    Examples
    --------
    >>> _ = set_theme("en")
    >>> lq = pd.DataFrame({"jiangbei": [0.1, 1.4]}, index=["va_primary", "va_tertiary"])
    >>> ax = value_heatmap(lq, center=1.0, highlight="jiangbei")
    >>> [t.get_text() for t in ax.texts]
    ['0.10', '1.40']
    >>> plt.close("all")
    """
    lang = _lang(lang)
    ax = _new_ax(ax, (8.0, 0.5 * len(table) + 1.6))
    data = table.to_numpy(dtype=float)
    finite = data[np.isfinite(data)]
    if center is not None and finite.size:
        reach = float(np.max(np.abs(finite - center))) or 1.0
        vmin, vmax = center - reach, center + reach
    else:
        vmin, vmax = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    ax.imshow(data, cmap="RdBu_r", vmin=vmin, vmax=vmax, aspect="auto")
    for (i, j), value in np.ndenumerate(data):
        text = term("no_data", lang) if np.isnan(value) else format(value, fmt)
        # white on the darkest third of the colour scale, where black would not read
        dark = np.isfinite(value) and abs(value - (vmin + vmax) / 2) > (vmax - vmin) / 3
        ax.text(
            j, i, text, ha="center", va="center", fontsize=9, color="white" if dark else "black"
        )
    ax.set_xticks(np.arange(data.shape[1]), [label(c, lang) for c in table.columns])
    ax.set_yticks(np.arange(data.shape[0]), [label(i, lang) for i in table.index])
    ax.grid(False)
    if highlight is not None:
        target = label(highlight, lang)
        for tick in ax.get_xticklabels():
            if tick.get_text() == target:
                tick.set_fontweight("bold")
                tick.set_color(HIGHLIGHT)
    ax.set_title(title, loc="left")
    ax.set_xlabel("")
    ax.set_ylabel("")
    _record("heatmap", ax, table)
    return ax


def stacked_shares(
    table: pd.DataFrame,
    *,
    highlight: str | None = None,
    ax: Axes | None = None,
    title: str = "",
    lang: str | None = None,
) -> Axes:
    """Stacked horizontal bars of shares (rows: districts or years; columns: sectors, percent).

    Examples
    --------
    >>> _ = set_theme("en")
    >>> t = pd.DataFrame({"va_primary": [1.0], "va_secondary": [29.0], "va_tertiary": [70.0]},
    ...                  index=["jiangbei"])
    >>> ax = stacked_shares(t, highlight="jiangbei")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['primary', 'secondary', 'tertiary']
    >>> plt.close("all")
    """
    lang = _lang(lang)
    ax = _new_ax(ax, (8.0, 0.42 * len(table) + 1.4))
    left = np.zeros(len(table))
    positions = np.arange(len(table))
    for col in table.columns:
        widths = table[col].to_numpy(dtype=float)
        ax.barh(
            positions,
            np.nan_to_num(widths),
            left=left,
            color=SECTOR_COLORS.get(col),
            label=label(col, lang),
        )
        for pos, lft, w in zip(positions, left, widths, strict=True):
            if np.isfinite(w) and w >= 8:
                ax.text(lft + w / 2, pos, f"{w:.0f}", ha="center", va="center", fontsize=8)
        left = left + np.nan_to_num(widths)
    ax.set_yticks(positions, [label(i, lang) for i in table.index])
    if highlight is not None:
        for tick, key in zip(ax.get_yticklabels(), table.index, strict=True):
            if key == highlight:
                tick.set_fontweight("bold")
                tick.set_color(HIGHLIGHT)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(title, loc="left")
    _record("shares", ax, table)
    return ax


def fan_chart(
    history: pd.Series,
    forecast: pd.DataFrame,
    *,
    flags: pd.Series | None = None,
    target: tuple[int, float] | None = None,
    ax: Axes | None = None,
    title: str = "",
    ylabel: str = "",
    lang: str | None = None,
) -> Axes:
    """History, median forecast and 80 %/95 % bands of a :func:`jbanalysis.forecast.forecast`.

    The fitted years (``fit_start``–``fit_end``) are shaded, so it is clear which history the
    model learnt from. ``target`` marks a (year, value) to reach.

    Examples
    --------
    >>> _ = set_theme("en")
    >>> h = pd.Series([100.0, 110.0, 121.0], index=[2020, 2021, 2022])
    >>> f = pd.DataFrame({"year": [2023], "median": [133.0], "lo80": [125.0], "hi80": [141.0],
    ...                   "lo95": [120.0], "hi95": [146.0], "fit_start": [2020], "fit_end": [2022]})
    >>> ax = fan_chart(h, f, target=(2023, 150.0))
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['actual', 'median forecast', '80% interval', '95% interval', 'target']
    >>> plt.close("all")
    """
    lang = _lang(lang)
    ax = _new_ax(ax)
    hist = history.dropna()
    x_hist = hist.index.to_numpy(dtype=float)
    ax.plot(
        x_hist, hist.to_numpy(), "-o", color=HIGHLIGHT, lw=2.2, ms=3.5, label=term("history", lang)
    )
    if flags is not None:
        for flag, marker in FLAG_MARKERS.items():
            years = [y for y in hist.index if flags.get(y) == flag]
            if years:
                ax.plot(
                    years,
                    hist.loc[years].to_numpy(),
                    linestyle="",
                    marker=marker,
                    ms=8,
                    markerfacecolor="white",
                    markeredgecolor=HIGHLIGHT,
                    markeredgewidth=1.6,
                    zorder=6,
                    label=term(flag, lang),
                )
    years = np.concatenate([[x_hist[-1]], forecast["year"].to_numpy(dtype=float)])
    last = float(hist.iloc[-1])

    def with_last(column: str) -> np.ndarray:
        return np.concatenate([[last], forecast[column].to_numpy(dtype=float)])

    ax.plot(years, with_last("median"), "--", color=CITY_COLOUR, lw=1.8, label=term("median", lang))
    for lv, alpha in (("80", 0.35), ("95", 0.15)):
        if f"lo{lv}" in forecast.columns:
            ax.fill_between(
                years,
                with_last(f"lo{lv}"),
                with_last(f"hi{lv}"),
                color=HIGHLIGHT,
                alpha=alpha,
                lw=0,
                label=term(f"interval{lv}", lang),
            )
    if "fit_start" in forecast.columns:
        start, end = float(forecast["fit_start"].iloc[0]), float(forecast["fit_end"].iloc[0])
        ax.axvspan(start - 0.4, end + 0.4, color="#DDDDDD", alpha=0.5, lw=0, zorder=0)
    if target is not None:
        ax.plot(
            [target[0]],
            [target[1]],
            marker="*",
            ms=14,
            color="#E3A857",
            ls="",
            label=term("target", lang),
        )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left")
    ax.set_title(title, loc="left")
    ax.set_ylabel(ylabel)
    drawn = forecast.set_index("year")[[c for c in _FAN_COLUMNS if c in forecast.columns]]
    drawn = pd.concat([hist.rename("history"), drawn], axis=1)
    _record("fan", ax, drawn, indicator=_indicator_of(flags), district=history.name)
    return ax


def scatter(
    x: pd.Series,
    y: pd.Series,
    district: str | None = None,
    *,
    fit: tuple[float, float] | None = None,
    ax: Axes | None = None,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
    lang: str | None = None,
    annotate: Iterable[str] | None = None,
) -> Axes:
    """Scatter of two aligned Series (index: district ids), with an optional fitted line.

    ``fit = (intercept, slope)`` draws ``y = intercept + slope x`` over the range of ``x`` (the
    coefficients come from the metric, e.g. :func:`jbanalysis.metrics.beta_convergence`).

    Examples
    --------
    >>> _ = set_theme("en")
    >>> x = pd.Series({"jiangbei": 1.0, "yubei": 2.0}); y = pd.Series({"jiangbei": 3.0, "yubei": 1.0})
    >>> ax = scatter(x, y, "jiangbei", fit=(5.0, -2.0))
    >>> ax.lines[0].get_ydata().tolist()
    [3.0, 1.0]
    >>> plt.close("all")
    """
    lang = _lang(lang)
    ax = _new_ax(ax)
    x, y = x.astype(float), y.astype(float).reindex(x.index)
    colors = [HIGHLIGHT if k == district else PEER for k in x.index]
    sizes = [70 if k == district else 30 for k in x.index]
    if fit is not None:
        xs = np.array([np.nanmin(x.to_numpy()), np.nanmax(x.to_numpy())])
        ax.plot(xs, fit[0] + fit[1] * xs, color=CITY_COLOUR, lw=1.2, ls="--")
    ax.scatter(x.to_numpy(), y.to_numpy(), c=colors, s=sizes, zorder=3)
    named = set(annotate) if annotate is not None else set(x.index)
    for key in x.index:
        if key in named or key == district:
            ax.annotate(
                label(key, lang),
                (x[key], y[key]),
                xytext=(4, 3),
                textcoords="offset points",
                fontsize=8,
                color=HIGHLIGHT if key == district else "#555555",
            )
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    _record("scatter", ax, pd.DataFrame({xlabel or "x": x, ylabel or "y": y}))
    return ax
