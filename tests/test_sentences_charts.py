"""The charts the sentences describe: end labels never collide, incomplete years are shown as such.

Measured on the drawn figure (text extents from the renderer), for the charts where names used
to pile up: the income chart (eight names within a few hundred yuan of one another) and the
dispersion chart, in both languages.
"""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

import jbanalysis as jb
from jbanalysis import metrics, plots
from jbanalysis.plots.placement import spread as _spread

NINE = jb.district_ids("central")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return jb.load_panel(
        districts=[*NINE, "chongqing"],
        indicators=["gdp", "income_urban", "income_rural", "gdp_per_capita"],
        years=range(2005, 2023),
    )


def _label_boxes(ax):
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    names = [t for t in ax.texts if t.get_text()]
    # the text alone: an annotation's own extent includes its leader
    return [(t.get_text(), Text.get_window_extent(t, renderer)) for t in names]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("indicator", ["income_urban", "income_rural"])
def test_end_labels_of_the_income_charts_do_not_overlap(panel, indicator, lang):
    plots.set_theme(lang)
    ax = plots.indicator_lines(panel, indicator, "jiangbei", NINE)
    boxes = _label_boxes(ax)
    assert len(boxes) >= 8
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), (a, b)
    # all names inside the plotting height (none pushed above the title or below the axis)
    axes_box = ax.get_window_extent()
    for text, box in boxes:
        assert axes_box.y0 - 1 <= box.y0 and box.y1 <= axes_box.y1 + 1, text
    plt.close("all")


def test_dispersion_chart_labels_do_not_overlap():
    plots.set_theme("en")
    sigma = pd.DataFrame(
        {"central": [0.30, 0.25, 0.253], "all": [0.31, 0.26, 0.255]}, index=[2018, 2019, 2020]
    )
    ax = plots.lines(sigma, "central")
    (_, a), (_, b) = _label_boxes(ax)
    assert not a.overlaps(b)
    plt.close("all")


def test_spread_keeps_order_and_gap_inside_bounds():
    placed = _spread([0.95, 0.96, 0.97, 0.2], 0.05)
    top_three = sorted(placed[:3])
    assert all(b - a >= 0.05 - 1e-12 for a, b in itertools.pairwise(top_three))
    assert max(placed) <= 1.0 and min(placed) >= 0.0
    assert placed[3] == pytest.approx(0.2)  # a label with room is not moved
    assert placed[0] < placed[1] < placed[2]  # order kept


def test_rank_chart_shades_the_incomplete_years(panel):
    plots.set_theme("en")
    gdp = jb.wide(panel, "gdp", districts=NINE)
    history = metrics.rank_history(gdp, "jiangbei", NINE)
    ax = plots.lines(history.ranks, "jiangbei", invert=True, incomplete=history.incomplete)
    spans = [
        (round(p.get_x() + 0.5), round(p.get_x() + p.get_width() - 0.5))
        for p in ax.patches
        if p.get_facecolor()[:3] == matplotlib.colors.to_rgb(plots.INCOMPLETE_COLOUR)
    ]
    # 渝中 is missing 2007–2012, 2014, 2016–2017; 大渡口 2022
    assert spans == [(2007, 2012), (2014, 2014), (2016, 2017), (2022, 2022)]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-1] == "years with a district missing: ranked among those with data"
    hollow = [
        line
        for line in ax.lines
        if line.get_linestyle() == "None" and line.get_markerfacecolor() == "white"
    ]
    years = sorted({int(x) for line in hollow for x in line.get_xdata()})
    assert years == list(history.incomplete)
    plt.close("all")
