"""Bar charts, stacked sector shares and scatter plots, the chosen district highlighted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from jbanalysis.plots.breaks import YearBreaks, break_gid
from jbanalysis.plots.layout import new_ax, record
from jbanalysis.plots.placement import fit_inside, label_points
from jbanalysis.plots.theme import (
    BREAK_COLOUR,
    CITY_COLOUR,
    HIGHLIGHT,
    PALETTE,
    PEER,
    SECTOR_COLORS,
    chart_lang,
    label,
)
from jbanalysis.registry.terms import term


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
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.bars import bars
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> ax = bars(pd.Series({"jiangbei": 9.0, "yubei": 7.0, "yuzhong": None}), "jiangbei")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Jiangbei', 'Yubei', 'Yuzhong']
    >>> [t.get_text() for t in ax.texts]
    ['9.0', '7.0', 'no data']
    >>> plt.close("all")
    """
    lang = chart_lang(lang)
    ax = new_ax(ax, (8.0, 0.45 * len(values) + 1.2))
    data = values.astype(float)
    if sort:
        data = pd.concat([data.dropna().sort_values(ascending=False), data[data.isna()]])
    positions = np.arange(len(data))
    colors = [HIGHLIGHT if k == district else PEER for k in data.index]
    heights = np.nan_to_num(data.to_numpy(), nan=0.0)
    ax.barh(positions, heights, color=colors)
    ax.set_yticks(positions, [label(k, lang) for k in data.index])
    ax.invert_yaxis()
    ax.axvline(0, color=PALETTE["ink"], lw=0.8)
    values_written = []
    for pos, value in zip(positions, data.to_numpy(), strict=True):
        text = term("no_data", lang) if np.isnan(value) else fmt.format(value)
        x = 0.0 if np.isnan(value) else float(value)
        right = x >= 0  # beyond the bar's end, outward: a negative value left of its bar
        values_written.append(
            ax.annotate(
                text,
                (x, pos),
                xytext=(3 if right else -3, 0),
                textcoords="offset points",
                va="center",
                ha="left" if right else "right",
                fontsize=9,
                annotation_clip=False,
            )
        )
    fit_inside(ax, values_written)  # every value inside the frame, clear of the axis labels
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    record("bars", ax, values)
    return ax


def stacked_shares(
    table: pd.DataFrame,
    *,
    highlight: str | None = None,
    breaks: YearBreaks = (),
    ax: Axes | None = None,
    title: str = "",
    lang: str | None = None,
) -> Axes:
    """Stacked horizontal bars of shares (rows: districts or years; columns: sectors, percent).

    With years as rows, each year of ``breaks`` (first year of a new basis, optionally with the ids
    of the breaks that start it, :func:`jbanalysis.plots.breaks.series_breaks`) is a dotted line
    between the last row before it and the first row from it, named in the legend.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.bars import stacked_shares
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> t = pd.DataFrame({"va_primary": [1.0], "va_secondary": [29.0], "va_tertiary": [70.0]},
    ...                  index=["jiangbei"])
    >>> ax = stacked_shares(t, highlight="jiangbei")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['primary', 'secondary', 'tertiary']
    >>> y = pd.concat([t, t], ignore_index=True).set_axis([2008, 2009])
    >>> ax = stacked_shares(y, breaks={2009: ("B02",)})
    >>> [line.get_gid() for line in ax.lines], ax.get_legend().get_texts()[-1].get_text()
    (['break:2009:B02'], 'registered series break')
    >>> plt.close("all")
    """
    lang = chart_lang(lang)
    ax = new_ax(ax, (8.0, 0.42 * len(table) + 1.4))
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
    marked = []
    years = breaks if isinstance(breaks, Mapping) else dict.fromkeys(breaks, ())
    for year, ids in sorted((int(y), tuple(i)) for y, i in years.items()):
        after = [
            i
            for i, row in enumerate(table.index)
            if isinstance(row, int | np.integer) and row >= year
        ]  # the first row of the new basis, with a row before it
        if after and after[0] > 0:
            marked.append(year)
            ax.axhline(
                after[0] - 0.5,
                color=BREAK_COLOUR,
                ls=":",
                lw=1.6,
                zorder=4,
                gid=break_gid(year, ids),
            )
    handles, _ = ax.get_legend_handles_labels()
    if marked:
        handles.append(
            Line2D([], [], color=BREAK_COLOUR, lw=1.6, ls=":", label=term("registered_break", lang))
        )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(title, loc="left")
    record("shares", ax, table)
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
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.bars import scatter
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> x = pd.Series({"jiangbei": 1.0, "yubei": 2.0}); y = pd.Series({"jiangbei": 3.0, "yubei": 1.0})
    >>> ax = scatter(x, y, "jiangbei", fit=(5.0, -2.0))
    >>> ax.lines[0].get_ydata().tolist()
    [3.0, 1.0]
    >>> plt.close("all")
    """
    lang = chart_lang(lang)
    ax = new_ax(ax)
    x, y = x.astype(float), y.astype(float).reindex(x.index)
    colors = [HIGHLIGHT if k == district else PEER for k in x.index]
    sizes = [70 if k == district else 30 for k in x.index]
    if fit is not None:
        xs = np.array([np.nanmin(x.to_numpy()), np.nanmax(x.to_numpy())])
        ax.plot(xs, fit[0] + fit[1] * xs, color=CITY_COLOUR, lw=1.2, ls="--")
    ax.scatter(x.to_numpy(), y.to_numpy(), c=colors, s=sizes, zorder=3)
    named = set(annotate) if annotate is not None else set(x.index)
    shown = [k for k in x.index if (k in named or k == district) and pd.notna(x[k] + y[k])]
    shown.sort(key=lambda k: k != district)  # the chosen district's name is placed first
    points = [
        (
            float(x[k]),
            float(y[k]),
            label(k, lang),
            {"fontsize": 8, "color": HIGHLIGHT if k == district else PALETTE["muted"]},
        )
        for k in shown
    ]
    everyone = [(float(x[k]), float(y[k])) for k in x.index if k not in shown]
    label_points(ax, points, everyone)  # beside its point, clear of other names and points
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    record("scatter", ax, pd.DataFrame({xlabel or "x": x, ylabel or "y": y}))
    return ax
