"""Charts for the notebooks: one seaborn theme, the chosen district highlighted, peers muted.

Labels come from the registries (district, indicator and unit names) in Chinese or English.
Chinese labels need a CJK font: :func:`set_theme` looks for one of :data:`CJK_FONTS` and, where
none is installed, draws English labels and says so once, rather than drawing empty boxes.

Values that are not plain observations are drawn as hollow markers (``interpolated`` circles,
``corrected`` diamonds, ``derived`` squares) and missing years stay gaps in the lines. The
charts compute nothing: the numbers come from :mod:`jbanalysis.panel`, :mod:`jbanalysis.metrics`
and :mod:`jbanalysis.forecast`.

One module a kind of chart: :mod:`.lines`, :mod:`.bars`, :mod:`.heatmaps`, :mod:`.fan`, on
:mod:`.theme` (palette, chart language, labels), :mod:`.fonts` and :mod:`.layout`; this module
gathers them.
"""

from jbanalysis.plots.bars import bars, scatter, stacked_shares
from jbanalysis.plots.breaks import drawn_breaks, panel_breaks, series_breaks, share_breaks
from jbanalysis.plots.fan import fan_chart
from jbanalysis.plots.fonts import CJK_FONTS, find_cjk_font
from jbanalysis.plots.heatmaps import coverage_heatmap, value_heatmap
from jbanalysis.plots.lines import flags_table, indicator_lines, lines
from jbanalysis.plots.theme import (
    HIGHLIGHT,
    INCOMPLETE_COLOUR,
    PALETTE,
    PEER,
    Theme,
    axis_label,
    current_theme,
    label,
    set_theme,
)

__all__ = [
    "CJK_FONTS",
    "HIGHLIGHT",
    "INCOMPLETE_COLOUR",
    "PALETTE",
    "PEER",
    "Theme",
    "axis_label",
    "bars",
    "coverage_heatmap",
    "current_theme",
    "drawn_breaks",
    "fan_chart",
    "find_cjk_font",
    "flags_table",
    "indicator_lines",
    "label",
    "lines",
    "panel_breaks",
    "scatter",
    "series_breaks",
    "set_theme",
    "share_breaks",
    "stacked_shares",
    "value_heatmap",
]
