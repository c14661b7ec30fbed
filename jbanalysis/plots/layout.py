"""What every chart does alike: a new axes, announcing what it draws (:mod:`jbanalysis.shown`),
and the legend of flagged values. Where the chart's own words go: :mod:`.placement`."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
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
