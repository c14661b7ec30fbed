"""Charts for the notebooks (:mod:`~jbanalysis.plots.charts`) and the map
(:mod:`~jbanalysis.plots.maps`): one seaborn theme, the chosen district highlighted, words from the
registry's terms."""

from __future__ import annotations

from jbanalysis.plots.charts import (
    CJK_FONTS,
    HIGHLIGHT,
    INCOMPLETE_COLOUR,
    PALETTE,
    PEER,
    Theme,
    axis_label,
    bars,
    coverage_heatmap,
    current_theme,
    drawn_breaks,
    fan_chart,
    find_cjk_font,
    flags_table,
    indicator_lines,
    label,
    lines,
    panel_breaks,
    scatter,
    series_breaks,
    set_theme,
    share_breaks,
    stacked_shares,
    value_heatmap,
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
