"""Charts for the notebooks (:mod:`~jbanalysis.plots.charts`) and the map
(:mod:`~jbanalysis.plots.maps`): one seaborn theme, the chosen district highlighted, words from the
registry's terms."""

from __future__ import annotations

from jbanalysis.plots import charts
from jbanalysis.plots.charts import *  # noqa: F403 (the package's face is the charts' one list)

__all__ = list(charts.__all__)
