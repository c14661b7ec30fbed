"""Labels that can be read (issue 18, point 8): in every chart of the rendered report sets, no two
texts overlap and none is cut by a frame.

The boxes are measured in the report kernels themselves, on the very draw that becomes the PNG
of the report (``tests/drawn.py``, installed by ``tests/rendering.py``): titles, axis and
tick labels, legends, values, names at line ends and beside points, the map's names. The
judgement is the test's own geometry (:func:`drawn.problems`), itself tested below on
figures drawn here, good and bad.
"""

from __future__ import annotations

import collections

import matplotlib

matplotlib.use("Agg")

import drawn
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from rendering import AUDIT, FULL, SETS

from jbanalysis import plots


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
    plots.set_theme("en")


def _measured(fig) -> dict:
    """The record of ``fig`` as the report kernels write it: drawn once, every drawn text."""
    import matplotlib.text

    texts = []
    original = matplotlib.text.Text.draw

    def text(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            texts.append(self)

    matplotlib.text.Text.draw = text
    try:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
    finally:
        matplotlib.text.Text.draw = original
    return drawn.measure(fig, canvas.get_renderer(), texts)


# --- the judge: it finds what the issue saw, and passes what is readable ------------------------


def test_the_judge_finds_overprinted_names_and_names_cut_by_the_frame():
    fig, ax = plt.subplots()
    ax.plot([2019, 2020], [1.0, 1.0])
    ax.set_xlim(2019, 2020.2)
    ax.text(2019.5, 1.0, "Jiulongpo")  # two names at one line end (the fiscal chart)
    ax.text(2019.5, 1.0, "Banan")
    ax.text(2020.15, 1.02, "Shapingba")  # running over the right-hand frame
    found = drawn.problems(_measured(fig))
    assert found == [
        "'Jiulongpo' overlaps 'Banan'",
        "'Shapingba' is cut by the frame of its axes",
    ]


def test_the_judge_finds_a_value_running_into_its_axis_label():
    fig, ax = plt.subplots()
    ax.barh([0, 1], [900.0, -215.6])
    ax.set_yticks([0, 1], ["city growth", "competitive"])
    ax.set_xlim(-230, 1000)
    ax.text(-225.0, 1, "-215.6", ha="right", va="center")  # left of the frame, over the tick
    found = drawn.problems(_measured(fig))
    assert "'competitive' overlaps '-215.6'" in found or "'-215.6' overlaps 'competitive'" in found


def test_the_judge_passes_the_package_charts_drawn_where_names_used_to_collide():
    plots.set_theme("en")
    years = [2018, 2019, 2020, 2021]
    # two lines ending at one value, one name far longer, a lone dot after a gap
    values = pd.DataFrame(
        {
            "jiulongpo": [50.0, 55.0, 57.0, 58.0],
            "banan": [48.0, 52.0, 57.2, 57.9],
            "shapingba": [40.0, 41.0, 42.0, None],
            "nanan": [30.0, 31.0, None, 64.0],
        },
        index=years,
    )
    ax = plots.lines(values, "jiulongpo")
    assert drawn.problems(_measured(ax.figure)) == []
    ax = plots.bars(pd.Series({"reference": 908.2, "mix": 33.6, "competitive": -215.6}), sort=False)
    assert drawn.problems(_measured(ax.figure)) == []


# --- every chart of the rendered report sets ------------------------------------------------------


@pytest.mark.reports("audit", "full")
def test_no_label_overlaps_or_is_cut_in_any_chart_of_the_report_sets():
    sets = {**AUDIT, **FULL}
    for key in sets:
        _, results = SETS.get(*key)
        assert all(r.ok for r in results), [(r.notebook, r.cell, r.error) for r in results]
    records = drawn.read(SETS.drawn)
    per_set = collections.Counter((r["where"]["district"], r["where"]["lang"]) for r in records)
    # every set drew its charts (01–03: 20 or more figures each), and they were all measured
    assert set(per_set) == set(sets), sorted(set(sets) - set(per_set))
    assert min(per_set.values()) >= 20, per_set
    found = []
    for record in records:
        where = record["where"]
        found += [
            f"{where['district']}/{where['lang']} {where['report']} cell {where['cell']} "
            f"{record['title']!r}: {problem}"
            for problem in drawn.problems(record)
        ]
    assert found == [], "\n".join(found)
