"""Where a chart's own words go: names at the ends of lines, values beside bars, names beside
points — measured with the figure's renderer, never two on top of each other and never cut by the
frame of their axes.

Every label here is an annotation anchored at a data point and offset from it in points, so it
stays beside its point whatever the limits become. :func:`fit_inside` then widens the axes' data
limits (only ever widens) until every label's drawn box lies inside the axes; :func:`label_ends`
and :func:`label_points` decide the offsets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patheffects import withStroke
from matplotlib.text import Annotation, Text

#: Room (pixels) kept between a label and the frame of its axes.
PAD = 3.0
#: A thin white outline behind a chart's own words, where they cross lines.
HALO = [withStroke(linewidth=2.0, foreground="white")]


def spread(positions: list[float], gap: float, low: float = 0.0, high: float = 1.0) -> list[float]:
    """Move label positions as little as possible (least squares) so that neighbours are at least
    ``gap`` apart and all lie in [low, high]; when they cannot all fit, spread them evenly.

    With the labels sorted, y_i >= y_{i-1} + gap is z_i = y_i - i gap non-decreasing: the
    closest such z is the isotonic regression of the wishes (pool adjacent violators), and the
    bounds clip it to [low, high - (n - 1) gap].

    >>> from jbanalysis.plots.placement import spread
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


def text_box(text: Text, renderer=None):
    """The drawn box of a text alone (an annotation's leader left out), in pixels."""
    renderer = renderer or text.figure.canvas.get_renderer()
    if isinstance(text, Annotation):
        text.update_positions(renderer)  # the text's place follows its point and offset
    return Text.get_window_extent(text, renderer)


def _limits_for(value, lo_off, hi_off, size, limits):
    """Data limits (a, b) — a at the left or bottom pixel, b at the right or top — widened so that
    a box from ``lo_off`` to ``hi_off`` pixels around the pixel of ``value`` keeps ``PAD`` inside
    an axis ``size`` pixels long."""
    a, b = limits
    f_lo, f_hi = (PAD - lo_off) / size, 1.0 - (hi_off + PAD) / size
    if f_lo >= f_hi:  # wider than the axes: nothing to gain by widening
        return a, b
    u = (value - a) / (b - a)
    if u < f_lo:
        a = (value - f_lo * b) / (1.0 - f_lo)
    elif u > f_hi:
        b = a + (value - a) / f_hi
    return a, b


def fit_inside(ax: Axes, labels: Sequence[Annotation], rounds: int = 6) -> None:
    """Widen ``ax``'s data limits (linear scales) until every label's box lies inside the axes.

    Each label is an annotation anchored at a data point (``xy``); its box around that point is
    fixed in pixels, so widening the limits moves the point, not the offset. Limits are only ever
    widened, and an inverted axis stays inverted.
    """
    fig = ax.figure
    for _ in range(rounds):
        renderer = fig.canvas.get_renderer()
        frame = ax.get_window_extent(renderer)
        xlim, ylim = ax.get_xlim(), ax.get_ylim()
        new_x, new_y = xlim, ylim
        for label in labels:
            if not label.get_visible() or not label.get_text():
                continue
            box = text_box(label, renderer)
            px, py = ax.transData.transform(label.xy)
            x, y = label.xy
            new_x = _limits_for(x, box.x0 - px, box.x1 - px, frame.width, new_x)
            new_y = _limits_for(y, box.y0 - py, box.y1 - py, frame.height, new_y)
        if np.allclose(new_x, xlim) and np.allclose(new_y, ylim):
            return
        ax.set_xlim(new_x)
        ax.set_ylim(new_y)


def _points_per_pixel(ax: Axes) -> float:
    return 72.0 / ax.figure.dpi


def label_ends(
    ax: Axes, ends: list[tuple[float, float, str, str]], fontsize: float = 8
) -> list[Annotation]:
    """Write each line's name just right of its last point, never two names on top of each
    other and every name inside the axes.

    ``ends`` holds (x, y, name, colour) of each line's end. The x limit is widened until the
    longest name fits; names whose boxes share some width are then stacked apart by one text
    height (least squares, :func:`spread`) within the plotting height, with a thin leader to
    their point where a name had to move.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from jbanalysis.plots.placement import label_ends, text_box
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([2019, 2020], [1.0, 1.0]); _ = ax.plot([2019, 2020], [1.001, 1.001])
    >>> a, b = label_ends(ax, [(2020, 1.0, "Banan", "grey"), (2020, 1.001, "Jiulongpo", "grey")])
    >>> bool(text_box(a).overlaps(text_box(b)))
    False
    >>> all(ax.get_window_extent().contains(*text_box(t).p1) for t in (a, b))
    True
    >>> plt.close("all")
    """
    ppp = _points_per_pixel(ax)
    style = {
        "fontsize": fontsize,
        "va": "center",
        "ha": "left",
        "annotation_clip": False,
        "path_effects": HALO,  # a name that crosses another line stays legible
        "zorder": 6,
    }
    labels = [
        ax.annotate(name, (x, y), xytext=(5, 0), textcoords="offset points", color=color, **style)
        for x, y, name, color in ends
    ]
    if not labels:
        return labels
    fit_inside(ax, labels)
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    boxes = [text_box(label, renderer) for label in labels]
    anchors = [float(ax.transData.transform(label.xy)[1]) for label in labels]
    # names that share some width form a column; a column's names are stacked apart
    order = sorted(range(len(labels)), key=lambda i: boxes[i].x0)
    columns: list[list[int]] = []
    right = -np.inf
    for i in order:
        if columns and boxes[i].x0 < right:
            columns[-1].append(i)
            right = max(right, boxes[i].x1)
        else:
            columns.append([i])
            right = boxes[i].x1
    for column in columns:
        gap = max(boxes[i].height for i in column) + 1.0
        low, high = frame.y0 + gap / 2 + PAD, frame.y1 - gap / 2 - PAD
        placed = spread([anchors[i] for i in column], gap, low, high)
        for i, centre in zip(column, placed, strict=True):
            moved = centre - anchors[i]
            if abs(moved) <= boxes[i].height / 2:
                labels[i].xyann = (5, moved * ppp)
                continue
            # moved more than half a line: drawn again with a thin leader to its point
            old = labels[i]
            labels[i] = ax.annotate(
                old.get_text(),
                old.xy,
                xytext=(5, moved * ppp),
                textcoords="offset points",
                color=old.get_color(),
                arrowprops={
                    "arrowstyle": "-",
                    "color": old.get_color(),
                    "lw": 0.6,
                    "alpha": 0.7,
                    "relpos": (0.0, 0.5),
                    "shrinkA": 0,
                    "shrinkB": 2,
                },
                **style,
            )
            old.remove()
    return labels


#: Where a name may go around its point (offset in points, alignment), in order of preference.
_AROUND = (
    ((4, 3), "left", "bottom"),
    ((4, -3), "left", "top"),
    ((-4, 3), "right", "bottom"),
    ((-4, -3), "right", "top"),
    ((6, 0), "left", "center"),
    ((-6, 0), "right", "center"),
    ((0, 6), "center", "bottom"),
    ((0, -6), "center", "top"),
)


def label_points(
    ax: Axes,
    points: list[tuple[float, float, str, dict]],
    others: Sequence[tuple[float, float]] = (),
    marker_px: float = 4.0,
) -> list[Annotation]:
    """Name points of a scatter, each name beside its point, never over another name or another
    point and never cut by the frame.

    ``points`` holds (x, y, name, text properties) in the order names are placed (the chosen
    district first). Each name takes the first position of :data:`_AROUND` that is inside the
    axes and clear of the names already placed and of the other points (the named ones and
    ``others``, unnamed points in data coordinates); where none is, the one covering least. The limits are widened beforehand so that each name fits at its first
    choice.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from jbanalysis.plots.placement import label_points, text_box
    >>> fig, ax = plt.subplots()
    >>> _ = ax.scatter([1.0, 1.02], [1.0, 1.0])
    >>> a, b = label_points(ax, [(1.0, 1.0, "Beibei", {}), (1.02, 1.0, "Banan", {})])
    >>> bool(text_box(a).overlaps(text_box(b)))
    False
    >>> plt.close("all")
    """
    labels = [
        ax.annotate(
            name,
            (x, y),
            xytext=_AROUND[0][0],
            textcoords="offset points",
            ha=_AROUND[0][1],
            va=_AROUND[0][2],
            annotation_clip=False,
            **props,
        )
        for x, y, name, props in points
    ]
    if not labels:
        return labels
    fit_inside(ax, labels)
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    dots = [ax.transData.transform((x, y)) for x, y, _, _ in points]
    dots += [ax.transData.transform(xy) for xy in others]
    placed = []
    for k, label in enumerate(labels):
        best, best_cost = _AROUND[0], np.inf
        for offset, ha, va in _AROUND:
            label.xyann = offset
            label.set_horizontalalignment(ha)
            label.set_verticalalignment(va)
            box = text_box(label, renderer)
            cost = 0.0
            if not (
                box.x0 >= frame.x0 + PAD
                and box.x1 <= frame.x1 - PAD
                and box.y0 >= frame.y0 + PAD
                and box.y1 <= frame.y1 - PAD
            ):
                cost += 100.0
            cost += 1000.0 * sum(box.overlaps(other) for other in placed)
            cost += sum(
                1.0
                for j, (dx, dy) in enumerate(dots)
                if j != k
                and box.x0 - marker_px < dx < box.x1 + marker_px
                and box.y0 - marker_px < dy < box.y1 + marker_px
            )
            if cost < best_cost:
                best, best_cost = (offset, ha, va), cost
            if cost == 0:
                break
        label.xyann = best[0]
        label.set_horizontalalignment(best[1])
        label.set_verticalalignment(best[2])
        placed.append(text_box(label, renderer))
    fit_inside(ax, labels)
    return labels
