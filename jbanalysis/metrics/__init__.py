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
from jbanalysis.metrics.comparison import gap_to_peers, per_capita, rank, share
from jbanalysis.metrics.completeness import (
    availability,
    available_districts,
    complete_columns,
    complete_years,
    covered_years,
    latest_year,
    latest_years,
)
from jbanalysis.metrics.compounding import compound, doubling_time, required_cagr
from jbanalysis.metrics.convergence import BetaConvergence, beta_convergence, sigma_convergence
from jbanalysis.metrics.derived import derive, with_derived
from jbanalysis.metrics.direction import (
    MATERIAL_SHARE,
    Segment,
    SeriesPath,
    direction_of,
    segments,
    series_path,
    turn_tolerance,
)
from jbanalysis.metrics.group_growth import contribution, growth_differential
from jbanalysis.metrics.growth import (
    cagr,
    chain_real_growth,
    index_to_base,
    log_growth,
    rolling_cagr,
    yoy_growth,
)
from jbanalysis.metrics.headline import (
    GrowthComparison,
    HeadlineGrowth,
    growth_comparison,
    headline_growth,
    headline_window,
)
from jbanalysis.metrics.history import DispersionPath, RankHistory, dispersion_path, rank_history
from jbanalysis.metrics.inequality import (
    coefficient_of_variation,
    gini,
    theil,
    theil_decomposition,
    theil_l,
)
from jbanalysis.metrics.provenance import district_conflicts, provenance
from jbanalysis.metrics.real_growth import QuotedGrowth, average_real_growth, quoted_growth
from jbanalysis.metrics.sectors import SectorChange, sector_change, structure_year
from jbanalysis.metrics.selection import (
    COMPARISON_SHARE,
    ComparisonYear,
    Standing,
    comparison_year,
    needed_members,
    standing,
)
from jbanalysis.metrics.spans import (
    basis_breaks,
    cagr_table,
    crossed,
    crossed_summary,
    series_vintages,
    window_breaks,
    windows,
)
from jbanalysis.metrics.structure import (
    herfindahl,
    krugman_specialisation,
    location_quotient,
    sector_matrix,
    sector_shares,
    shift_share,
)
from jbanalysis.metrics.takeaways import (
    IndexComparison,
    LevelComparison,
    RealGrowthComparison,
    index_comparison,
    level_comparison,
    real_growth_comparison,
)
from jbanalysis.metrics.verdicts import PathVerdict, path_verdict
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
    "COMPARISON_SHARE",
    "ECONOMIC_CENSUS_YEARS",
    "MATERIAL_SHARE",
    "REVISION_YEARS",
    "BetaConvergence",
    "ComparisonYear",
    "DispersionPath",
    "GrowthComparison",
    "HeadlineGrowth",
    "IndexComparison",
    "LevelComparison",
    "MetricsError",
    "MissingDataError",
    "PathVerdict",
    "QuotedGrowth",
    "RankHistory",
    "RealGrowthComparison",
    "SectorChange",
    "Segment",
    "SeriesPath",
    "Standing",
    "UnknownDistrictError",
    "availability",
    "available_districts",
    "average_real_growth",
    "basis_breaks",
    "beta_convergence",
    "break_scores",
    "break_years",
    "cagr",
    "cagr_table",
    "chain_real_growth",
    "coefficient_of_variation",
    "comparison_year",
    "complete_columns",
    "complete_years",
    "compound",
    "contribution",
    "covered_years",
    "crossed",
    "crossed_summary",
    "derive",
    "detect_breaks",
    "direction_of",
    "dispersion_path",
    "district_conflicts",
    "doubling_time",
    "gap_to_peers",
    "gini",
    "growth_comparison",
    "growth_differential",
    "headline_growth",
    "headline_window",
    "herfindahl",
    "index_comparison",
    "index_to_base",
    "krugman_specialisation",
    "latest_year",
    "latest_years",
    "level_comparison",
    "location_quotient",
    "log_growth",
    "needed_members",
    "path_verdict",
    "per_capita",
    "provenance",
    "quoted_growth",
    "rank",
    "rank_history",
    "real_growth_comparison",
    "required_cagr",
    "revision_near",
    "rolling_cagr",
    "sector_change",
    "sector_matrix",
    "sector_shares",
    "segments",
    "series_path",
    "series_vintages",
    "share",
    "shift_share",
    "sigma_convergence",
    "splice",
    "standing",
    "structure_year",
    "theil",
    "theil_decomposition",
    "theil_l",
    "turn_tolerance",
    "window_breaks",
    "windows",
    "with_derived",
    "yoy_growth",
]
