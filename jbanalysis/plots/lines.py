"""Line charts: one line per district, the chosen one highlighted, flagged values hollow, gaps
kept, breaks and incomplete years marked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from jbanalysis.plots.breaks import Breaks, draw_breaks, panel_breaks
from jbanalysis.plots.layout import flag_legend, indicator_of, new_ax, record
from jbanalysis.plots.placement import label_ends
from jbanalysis.plots.theme import (
    CITY_COLOUR,
    FLAG_MARKERS,
    HIGHLIGHT,
    INCOMPLETE_COLOUR,
    PEER,
    axis_label,
    chart_lang,
    label,
)
from jbanalysis.registry.districts import CITY, load_districts
from jbanalysis.registry.terms import term
from jbanalysis.text.labels import indicator_name
from jbanalysis.text.lists import year_runs


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
    breaks: Breaks = (),
    invert: bool = False,
    end_labels: bool = True,
    incomplete: Iterable[int] | Mapping[int, int] = (),
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
    breaks : iterable of int, or mapping of column to iterable of int
        First years of a new basis (registered breaks) to mark: the same for every line, or each
        line's own (:func:`jbanalysis.plots.breaks.panel_breaks`). A break every line crosses is a
        dotted line across the plot, one of some lines only a short mark on each of them
        (:func:`jbanalysis.plots.breaks.draw_breaks`).
    invert : bool
        Invert the y axis and use whole-number ticks (for ranks, 1 at the top).
    end_labels : bool
        Write each line's name just after the end of its line (:func:`line_end`), never two on
        top of each other and never cut by the frame (:func:`jbanalysis.plots.placement.label_ends`).
    incomplete : iterable of int
        Years in which the values are not like for like across the lines, e.g. ranks among fewer
        districts because one has no value (:func:`jbanalysis.metrics.rank_history`): shaded, with
        hollow points that no line joins (a line never runs between values of different
        kinds), and named in the legend. A mapping of year to the number of lines ranked names
        that number ("ranked among the 8 with data"), so a reader sees the set change.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.lines import lines
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> r = pd.DataFrame({"jiangbei": [2.0, 1.0, 2.0], "yubei": [1.0, None, 1.0],
    ...                   "banan": [3.0, 2.0, 3.0]}, index=[2018, 2019, 2020])
    >>> ax = lines(r, "jiangbei", invert=True, incomplete=[2019])
    >>> [t.get_text() for t in ax.get_legend().get_texts()][-1]
    'years with a district missing: ranked among those with data'
    >>> ax = lines(r, "jiangbei", invert=True, incomplete={2019: 2}, ylabel="rank among 3")
    >>> [t.get_text() for t in ax.get_legend().get_texts()][-1]
    'years with a district missing: ranked among the 2 with data'
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
    lang = chart_lang(lang)
    ax = new_ax(ax)
    columns = [c for c in values.columns if c not in (district, city)]
    if city in values.columns:
        columns.append(city)
    if district in values.columns:
        columns.append(district)
    flags_seen: set[str] = set()
    ends: list[tuple[float, float, str, str]] = []
    colours: dict[str, str] = {}
    shaded = sorted({int(y) for y in incomplete} & {int(y) for y in values.index})
    for start, end in year_runs(shaded):
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
        joined = series.where(~series.index.isin(shaded))  # no line through incomplete years
        ax.plot(x, joined.to_numpy(dtype=float), style, color=color, lw=width, zorder=zorder)
        ax.plot(x, y, "o", color=color, zorder=zorder, ms=size)
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
        colours[col] = color
        end = line_end(joined) if joined.notna().any() else line_end(series)
        if end_labels and end is not None:
            ends.append((float(end), float(series[end]), label(col, lang), color))
    if invert:
        ax.invert_yaxis()
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    years = values.dropna(how="all").index
    if len(years):  # year ticks only where there are values, whatever room the names take
        first, last = float(years.min()), float(years.max())
        ticks = MaxNLocator(integer=True).tick_values(first, last)
        ax.set_xticks([t for t in ticks if first <= t <= last])
    break_handles = draw_breaks(ax, values[columns], breaks, colours, lang)
    if ends:
        label_ends(ax, ends)
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
    handles += flag_legend(flags_seen, lang)
    handles += break_handles
    if shaded:
        handles.append(
            Patch(facecolor=INCOMPLETE_COLOUR, label=_incomplete_label(incomplete, lang))
        )
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
    record("lines", ax, values, indicator=indicator_of(flags))
    return ax


def line_end(series: pd.Series):
    """Where a line ends: the last year of its last stretch of two or more consecutive values (a
    dot standing alone after it is not the line's end); a series of lone dots ends at its last.

    >>> import pandas as pd
    >>> from jbanalysis.plots.lines import line_end
    >>> line_end(pd.Series([1.0, 2.0, 3.0, None, 5.0], index=[2019, 2020, 2021, 2022, 2023]))
    2021
    >>> line_end(pd.Series([1.0, None, 3.0], index=[2019, 2020, 2021]))
    2021
    >>> line_end(pd.Series([None, None], index=[2019, 2020])) is None
    True
    """
    valid = series.notna().to_numpy()
    if not valid.any():
        return None
    joined = [i for i in range(1, len(valid)) if valid[i] and valid[i - 1]]
    position = joined[-1] if joined else int(np.flatnonzero(valid)[-1])
    key = series.index[position]
    return key.item() if hasattr(key, "item") else key


def flags_table(panel: pd.DataFrame, indicator: str, values: pd.DataFrame) -> pd.DataFrame:
    """The panel's ``flag`` of each cell of ``values`` (same shape; NaN where no value).

    >>> import pandas as pd
    >>> from jbanalysis.plots.lines import flags_table
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
    """:func:`lines` of one panel indicator for the peers (and the city), flags shown and the
    registered breaks of every district shown drawn (:func:`jbanalysis.plots.breaks.panel_breaks`).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.lines import indicator_lines
    >>> from jbanalysis.plots.theme import set_theme
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

    lang = chart_lang(lang)
    members = district_ids(peers) if isinstance(peers, str) else list(peers)
    if district not in members:
        members = [*members, district]
    if city:
        members = [*members, CITY]
    values = wide(panel, indicator, districts=members, years=years)
    flags = flags_table(panel, indicator, values)
    return lines(
        values,
        district,
        flags=flags,
        breaks=panel_breaks(panel, indicator, values.columns),  # every line's own
        city=CITY if city else None,
        ax=ax,
        title=indicator_name(indicator, lang) if title is None else title,
        ylabel=axis_label(indicator, lang),
        lang=lang,
    )


def _incomplete_label(incomplete: Iterable[int] | Mapping[int, int], lang: str) -> str:
    """The legend of the shaded years: how many were ranked there, when the caller says."""
    if not isinstance(incomplete, Mapping) or not incomplete:
        return term("incomplete_years", lang)
    low, high = min(incomplete.values()), max(incomplete.values())
    n = str(low) if low == high else f"{low}–{high}"
    return term("incomplete_years_n", lang, n=n)
