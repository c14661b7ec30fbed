"""What every chart of a report draws, recorded where it is drawn: the box of each text (issue 18,
point 8: labels that can be read) and the registered breaks it marks (point 4).

:func:`install` runs in a report's kernel (``tests/rendering.py`` puts it in the IPython profile
the rendering kernels start with): from then on, every time a figure is drawn — the last time is
the PNG the report embeds — each text the figure actually draws is measured with that draw's
renderer (``Text.get_window_extent``) and written, with the figure's frame, each axes' frame and
the ``gid`` of every break mark (``break:<year>``, ``break:<line>:<year>``,
:mod:`jbanalysis.plots.breaks`), to ``FOLDER/<pid>-<n>.json``: ``n`` counts the kernel's figures
in the order drawn, so the n-th record of a kernel is the n-th chart of its report. Only texts
drawn are measured: a tick label outside the view, an empty string or an annotation whose point
is outside its axes is not drawn and not counted.

:func:`problems` judges one figure with the test's own geometry: two texts that overlap (by more
than a pixel each way), a text outside the saved image, a text cut by its clip box, a text of the
data area (``ax.texts``: values, names, annotations) that straddles its axes' drawn frame.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

#: Overlap smaller than this (pixels, each way) is two boxes touching, not text over text.
TOLERANCE = 1.0


def _role(text, fig) -> tuple[str, int | None]:
    """What a text is in its figure, and the index of its axes (None for figure texts)."""
    for i, ax in enumerate(fig.axes):
        if text in ax.texts:
            return "data", i
        if text in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None)):
            return "title", i
        if text in (ax.xaxis.label, ax.yaxis.label):
            return "axis label", i
        if text in ax.get_xticklabels(which="both") or text in ax.get_yticklabels(which="both"):
            return "tick", i
        legend = ax.get_legend()
        if legend is not None and (text in legend.get_texts() or text is legend.get_title()):
            return "legend", i
    for legend in fig.legends:
        if text in legend.get_texts() or text is legend.get_title():
            return "legend", None
    return "other", None


def _extent(bbox) -> list[float]:
    return [float(bbox.x0), float(bbox.y0), float(bbox.x1), float(bbox.y1)]


def _frame_drawn(ax) -> bool:
    return bool(ax.axison and any(s.get_visible() for s in ax.spines.values()))


def measure(fig, renderer, drawn) -> dict:
    """One figure's record: its frame, its axes' frames and the boxes of the texts ``drawn``."""
    from matplotlib.text import Text

    texts = []
    for text in drawn:
        role, axes = _role(text, fig)
        clip = text.get_clip_box() if text.get_clip_on() else None
        # the text alone: an annotation's own extent includes its leader
        texts.append(
            {
                "text": text.get_text(),
                "box": _extent(Text.get_window_extent(text, renderer)),
                "role": role,
                "axes": axes,
                "clip": _extent(clip) if clip is not None else None,
            }
        )
    titles = [ax.get_title(loc="left") or ax.get_title() for ax in fig.axes]
    marks = sorted(
        str(a.get_gid())
        for a in fig.findobj()
        if str(a.get_gid() or "").startswith("break:") and a.get_visible()
    )
    return {
        "frame": _extent(fig.bbox),
        "axes": [{"box": _extent(ax.bbox), "frame": _frame_drawn(ax)} for ax in fig.axes],
        "title": next((t for t in titles if t), ""),
        "texts": texts,
        "breaks": marks,
    }


def install(folder: str | Path) -> None:
    """Measure every figure drawn in this process from now on, into ``folder``."""
    import matplotlib.figure
    import matplotlib.text

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = itertools.count(1)
    drawing: list[list] = []
    figure_draw, text_draw = matplotlib.figure.Figure.draw, matplotlib.text.Text.draw

    def text(self, renderer):
        text_draw(self, renderer)
        if drawing and self.get_visible() and self.get_text().strip():
            drawing[-1].append(self)

    def figure(self, renderer):
        drawing.append([])
        try:
            figure_draw(self, renderer)
        finally:
            drawn = drawing.pop()
        if not self.get_visible():
            return
        number = self.__dict__.setdefault("_label_boxes_number", next(numbers))
        record = measure(self, renderer, drawn)
        record["where"] = {**_where(), "kernel": os.getpid(), "figure": number}
        path = folder / f"{os.getpid()}-{number:03d}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    matplotlib.text.Text.draw = text
    matplotlib.figure.Figure.draw = figure


def _where() -> dict:
    """The report's parameters and cell, read from the kernel's namespace."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return {}
    shell = get_ipython()
    if shell is None:
        return {}
    ns = shell.user_ns
    ctx = ns.get("ctx")
    return {
        "district": ns.get("district"),
        "lang": ns.get("lang"),
        "report": getattr(ctx, "report", None),
        "cell": (shell.execution_count or 1) - 1,
    }


def read(folder: str | Path) -> list[dict]:
    """The records written into ``folder`` (one a figure, the last draw of each)."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(Path(folder).glob("*.json"))]


def _overlap(a, b) -> bool:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width > TOLERANCE and height > TOLERANCE


def _inside(box, frame) -> bool:
    return (
        box[0] >= frame[0] - TOLERANCE
        and box[1] >= frame[1] - TOLERANCE
        and box[2] <= frame[2] + TOLERANCE
        and box[3] <= frame[3] + TOLERANCE
    )


def problems(record: dict) -> list[str]:
    """What cannot be read in one figure: overlapping texts and texts cut by a frame.

    >>> r = {"frame": [0, 0, 100, 100], "axes": [{"box": [10, 10, 90, 90], "frame": True}],
    ...      "texts": [{"text": "Jiulongpo", "box": [50, 50, 80, 60], "role": "data", "axes": 0,
    ...                 "clip": None},
    ...                {"text": "Banan", "box": [55, 52, 75, 62], "role": "data", "axes": 0,
    ...                 "clip": None},
    ...                {"text": "Shapingba", "box": [80, 20, 95, 30], "role": "data", "axes": 0,
    ...                 "clip": None}]}
    >>> for p in problems(r): print(p)
    'Jiulongpo' overlaps 'Banan'
    'Shapingba' is cut by the frame of its axes
    """
    found = []
    texts = record["texts"]
    for a, b in itertools.combinations(texts, 2):
        if _overlap(a["box"], b["box"]):
            found.append(f"{a['text']!r} overlaps {b['text']!r}")
    for t in texts:
        box = t["box"]
        if not _inside(box, record["frame"]):
            found.append(f"{t['text']!r} is outside the image")
        elif t["clip"] is not None and not _inside(box, t["clip"]):
            found.append(f"{t['text']!r} is clipped")
        elif t["role"] == "data" and t["axes"] is not None:
            axes = record["axes"][t["axes"]]
            within = _inside(box, axes["box"])
            outside = (
                box[2] <= axes["box"][0] + TOLERANCE
                or box[0] >= axes["box"][2] - TOLERANCE
                or box[3] <= axes["box"][1] + TOLERANCE
                or box[1] >= axes["box"][3] - TOLERANCE
            )
            if axes["frame"] and not within and not outside:
                found.append(f"{t['text']!r} is cut by the frame of its axes")
    return found
