"""What every chart does alike: a new axes, announcing what it draws (:mod:`jbanalysis.shown`),
names at the line ends that never overlap, and the legend of flagged values."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from jbanalysis.plots.theme import FLAG_MARKERS, PALETTE
from jbanalysis.registry.terms import term
from jbanalysis.shown import show


def new_ax(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def record(kind: str, ax: Axes, data, title: str = "", **hints) -> None:
    """Announce what a chart draws (:func:`jbanalysis.shown.show`; a report run records it)."""
    title = title or ax.get_title(loc="left")
    show(kind, data, title=title, figure=ax.figure, **hints)


def indicator_of(flags) -> str | None:
    return flags.attrs.get("indicator") if flags is not None else None


def spread(positions: list[float], gap: float, low: float = 0.0, high: float = 1.0) -> list[float]:
    """Move label positions as little as possible (least squares) so that neighbours are at least
    ``gap`` apart and all lie in [low, high]; when they cannot all fit, spread them evenly.

    With the labels sorted, y_i >= y_{i-1} + gap is z_i = y_i - i gap non-decreasing: the
    closest such z is the isotonic regression of the wishes (pool adjacent violators), and the
    bounds clip it to [low, high - (n - 1) gap].

    >>> from jbanalysis.plots.layout import spread
    >>> [round(p, 2) for p in spread([0.5, 0.5, 0.5], 0.1)]
    [0.4, 0.5, 0.6]
    >>> [round(p, 2) for p in spread([0.98, 0.99, 0.2], 0.1)]
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


def label_ends(ax: Axes, ends: list[tuple[float, float, str, str]], fontsize: float = 8) -> None:
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
    placed = spread(wishes, gap, gap / 2, 1.0 - gap / 2)  # centres: whole names inside
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


def flag_legend(flags_seen: Iterable[str], lang: str) -> list[Line2D]:
    return [
        Line2D(
            [],
            [],
            linestyle="",
            marker=FLAG_MARKERS[f],
            markerfacecolor="white",
            markeredgecolor=PALETTE["ink"],
            label=term(f, lang),
        )
        for f in FLAG_MARKERS
        if f in set(flags_seen)
    ]
