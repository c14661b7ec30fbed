"""Metrics: growth, comparison, structure, inequality, convergence and vintage breaks.

Pure functions on plain pandas objects: a Series indexed by int year, a years x districts frame
(as from ``jbanalysis.panel.wide``) or the tidy panel (with ``indicator=``). Rates are in percent.
Results that can legitimately be missing carry a ``reason``; impossible requests raise a
:class:`MetricsError` (a ``ValueError``) naming the missing years or districts.

>>> import pandas as pd
>>> from jbanalysis import metrics
>>> gdp = pd.Series([100.0, 121.0], index=[2010, 2012])
>>> round(metrics.cagr(gdp, 2010, 2012), 6)
10.0
"""

from jbanalysis.metrics._checks import MetricsError, MissingDataError, UnknownDistrictError
from jbanalysis.metrics.comparison import (
    contribution,
    gap_to_peers,
    growth_differential,
    per_capita,
    rank,
    share,
)
from jbanalysis.metrics.convergence import BetaConvergence, beta_convergence, sigma_convergence
from jbanalysis.metrics.growth import (
    cagr,
    chain_real_growth,
    compound,
    doubling_time,
    index_to_base,
    log_growth,
    required_cagr,
    rolling_cagr,
    yoy_growth,
)
from jbanalysis.metrics.inequality import (
    coefficient_of_variation,
    gini,
    theil,
    theil_decomposition,
    theil_l,
)
from jbanalysis.metrics.structure import (
    herfindahl,
    krugman_specialisation,
    location_quotient,
    sector_matrix,
    sector_shares,
    shift_share,
)
from jbanalysis.metrics.vintages import (
    ECONOMIC_CENSUS_YEARS,
    REVISION_YEARS,
    break_scores,
    break_years,
    detect_breaks,
    revision_near,
    splice,
)

__all__ = [
    "ECONOMIC_CENSUS_YEARS",
    "REVISION_YEARS",
    "BetaConvergence",
    "MetricsError",
    "MissingDataError",
    "UnknownDistrictError",
    "beta_convergence",
    "break_scores",
    "break_years",
    "cagr",
    "chain_real_growth",
    "coefficient_of_variation",
    "compound",
    "contribution",
    "detect_breaks",
    "doubling_time",
    "gap_to_peers",
    "gini",
    "growth_differential",
    "herfindahl",
    "index_to_base",
    "krugman_specialisation",
    "location_quotient",
    "log_growth",
    "per_capita",
    "rank",
    "required_cagr",
    "revision_near",
    "rolling_cagr",
    "sector_matrix",
    "sector_shares",
    "share",
    "shift_share",
    "sigma_convergence",
    "splice",
    "theil",
    "theil_decomposition",
    "theil_l",
    "yoy_growth",
]
