"""Heat maps: the coverage of a panel (flag by district and year) and a table of values."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Patch

from jbanalysis.plots.layout import new_ax, record
from jbanalysis.plots.theme import (
    COVERAGE_COLORS,
    HIGHLIGHT,
    chart_lang,
    label,
)
from jbanalysis.registry.terms import term


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
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.heatmaps import coverage_heatmap
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> m = pd.DataFrame({2016: ["observed", ""], 2017: ["interpolated", ""]},
    ...                  index=["jiangbei", "yuzhong"])
    >>> ax = coverage_heatmap(m)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['gap', 'observed', 'interpolated']
    >>> plt.close("all")
    """
    lang = chart_lang(lang)
    codes = list(COVERAGE_COLORS)
    unknown = sorted(set(matrix.to_numpy().ravel()) - set(codes))
    if unknown:
        raise ValueError(f"unknown flag(s) {unknown} in the coverage matrix; expected {codes}")
    ax = new_ax(ax, (8.0, 0.32 * len(matrix) + 1.3))
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
    record("coverage", ax, matrix)
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
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.heatmaps import value_heatmap
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> lq = pd.DataFrame({"jiangbei": [0.1, 1.4]}, index=["va_primary", "va_tertiary"])
    >>> ax = value_heatmap(lq, center=1.0, highlight="jiangbei")
    >>> [t.get_text() for t in ax.texts]
    ['0.10', '1.40']
    >>> plt.close("all")
    """
    lang = chart_lang(lang)
    ax = new_ax(ax, (8.0, 0.5 * len(table) + 1.6))
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
    record("heatmap", ax, table)
    return ax
