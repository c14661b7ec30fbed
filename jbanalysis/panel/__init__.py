"""The panel: one value per (district, year, indicator), chosen from the observations by a policy.

- :mod:`~jbanalysis.panel.selection`: the selection policy and :func:`select`;
- :mod:`~jbanalysis.panel.load`: :func:`load_panel` (observations, bundled and the user's, selected
  and filtered);
- :mod:`~jbanalysis.panel.views`: :func:`wide`, :func:`coverage`;
- :mod:`~jbanalysis.panel.conflicts`: where sources disagree;
- :mod:`~jbanalysis.panel.provenance`: every candidate behind one value and the rule that chose it;
- :mod:`~jbanalysis.panel.vintages`: each vintage's own value, for like-for-like comparisons, and
  the values of a group that stand on another vintage than the rest of their year.
"""

from __future__ import annotations

from jbanalysis.panel.conflicts import conflicts
from jbanalysis.panel.load import load_panel
from jbanalysis.panel.provenance import trace
from jbanalysis.panel.selection import (
    KEY,
    MIN_SERIES_YEARS,
    PANEL_COLUMNS,
    POLICIES,
    RULES,
    SelectionPolicy,
    printed_step,
    select,
)
from jbanalysis.panel.views import coverage, coverage_matrix, wide
from jbanalysis.panel.vintages import vintage_mix, vintage_values

__all__ = [
    "KEY",
    "MIN_SERIES_YEARS",
    "PANEL_COLUMNS",
    "POLICIES",
    "RULES",
    "SelectionPolicy",
    "conflicts",
    "coverage",
    "coverage_matrix",
    "load_panel",
    "printed_step",
    "select",
    "trace",
    "vintage_mix",
    "vintage_values",
    "wide",
]
