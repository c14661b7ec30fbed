"""A district's value, index and real growth against its peers: what a level sentence says.

Each function gathers, by the rules of :mod:`jbanalysis.metrics.selection` (like for like) and
:mod:`jbanalysis.metrics.spans` (breaks), everything one sentence needs, so that
:mod:`jbanalysis.text.sentences` only *words* it: a level with its rank in the comparison year and
its headline growth; an index with the breaks it crosses; published real growth beside nominal
growth. Paths over the years are in :mod:`jbanalysis.metrics.history`, sector structures in
:mod:`jbanalysis.metrics.sectors`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from jbanalysis.metrics._checks import as_year_frame, peer_ids
from jbanalysis.metrics.growth import yoy_growth
from jbanalysis.metrics.headline import HeadlineGrowth, headline_growth
from jbanalysis.metrics.provenance import provenance
from jbanalysis.metrics.selection import COMPARISON_SHARE, Standing, standing
from jbanalysis.metrics.spans import basis_breaks, series_vintages

__all__ = [
    "IndexComparison",
    "LevelComparison",
    "RealGrowthComparison",
    "index_comparison",
    "level_comparison",
    "real_growth_comparison",
]

#: Indicator kinds (``data/indicators.csv``) whose levels have a growth rate.
GROWING_KINDS = ("level", "per_capita")


@dataclass(frozen=True)
class LevelComparison:
    """A district's latest value, its standing in the comparison year, and its headline growth.

    Attributes
    ----------
    indicator, district : str
    standing : Standing
        Latest value and rank among the group in the comparison year
        (:func:`jbanalysis.metrics.standing`).
    growth : HeadlineGrowth or None
        Nominal CAGR over the longest window without a break (None for rates and counts).
    provenance : dict
        ``{year: {flag, vintage, source_kind, reliability, correction, record, source_id}}`` of
        the district's values the sentence uses (latest, comparison year, growth endpoints).
    peer_flags : dict
        ``{district: flag}`` of the other districts compared whose value is not a plain
        observation (``derived``, ``corrected``, ``interpolated``).
    count_in_latest : int
        How many of the group have a value in the district's latest year.

    Examples
    --------
    >>> from jbanalysis.metrics import level_comparison
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators="gdp", years=range(2019, 2023))
    >>> c = level_comparison(p, "gdp", "jiangbei")
    >>> c.standing.year, c.standing.rank, c.standing.n, c.provenance[2022]["correction"]
    (2022, 3, 8, 'C002')
    """

    indicator: str
    district: str
    standing: Standing
    growth: HeadlineGrowth | None
    provenance: dict = field(default_factory=dict)
    peer_flags: dict = field(default_factory=dict)
    count_in_latest: int = 0


def _indicator_kind(indicator: str) -> str:
    try:
        from jbanalysis.registry.indicators import load_indicators

        reg = load_indicators().set_index("id")
        return str(reg.at[indicator, "kind"]) if indicator in reg.index else "level"
    except ImportError:  # pragma: no cover - the registry ships with the package
        return "level"


def _flags(panel: pd.DataFrame, indicator: str, year: int, districts: Iterable[str]) -> dict:
    sub = panel[
        (panel["indicator"] == indicator)
        & (panel["year"] == year)
        & panel["district"].isin(list(districts))
    ]
    return {
        str(d): str(f)
        for d, f in zip(sub["district"], sub["flag"], strict=True)
        if str(f) not in ("observed", "")
    }


def level_comparison(
    panel: pd.DataFrame,
    indicator: str,
    district: str,
    peers: str | Sequence[str] = "central",
    *,
    ascending: bool = False,
    share: float = COMPARISON_SHARE,
    growth: bool | None = None,
) -> LevelComparison:
    """Everything a level sentence says: value, rank in the comparison year, headline growth.

    Parameters
    ----------
    panel : DataFrame
        The tidy panel (with :func:`jbanalysis.metrics.with_derived` rows where gaps can be
        closed); its provenance columns qualify the values.
    indicator, district : str
    peers : str or list of str, default "central"
    ascending : bool
        Rank the lowest first.
    share : float, default 2/3
        Share of the group needed for a comparison.
    growth : bool, optional
        Whether to compute the headline growth; default for levels and per-capita values only.

    Returns
    -------
    LevelComparison

    Examples
    --------
    Yubei's rural income: its latest year is 2021, but only 2020 has two thirds of the nine.

    >>> from jbanalysis.metrics import level_comparison
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators="income_rural")
    >>> c = level_comparison(p, "income_rural", "yubei")
    >>> c.standing.latest_year, c.standing.year, c.standing.rank, c.standing.n
    (2021, 2020, 8, 8)
    """
    from jbanalysis.panel.views import wide

    columns = list(dict.fromkeys([*peer_ids(peers), district]))
    values = wide(panel, indicator, districts=columns)
    result = standing(values, district, columns, ascending=ascending, share=share)
    if growth is None:
        growth = _indicator_kind(indicator) in GROWING_KINDS
    headline = headline_growth(values, indicator, district, panel=panel) if growth else None
    used = {result.latest_year, result.year}
    if headline is not None and headline.ok:
        used |= {headline.start, headline.end}
    prov = provenance(panel, indicator, district, [y for y in used if y is not None])
    peer_flags = {}
    if result.year is not None:
        others = [d for d in result.comparison.present if d != district]
        peer_flags = _flags(panel, indicator, int(result.year), others)
    count = 0
    if result.latest_year is not None:
        count = int(values.loc[result.latest_year].notna().sum())
    return LevelComparison(indicator, district, result, headline, prov, peer_flags, count)


@dataclass(frozen=True)
class IndexComparison:
    """An index (base year = 100) of levels, the district's standing on it, the breaks crossed.

    Attributes
    ----------
    base_year : int
    standing : Standing
        The district's index value and rank in the comparison year.
    breaks : DataFrame
        Registered breaks of the district's series with a new basis in (base_year, year]
        (columns of :func:`jbanalysis.metrics.basis_breaks`).
    count_in_latest : int
        How many districts have an index value in the district's latest year.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import index_comparison
    >>> i = pd.DataFrame({"jiangbei": [100.0, 250.0], "yubei": [100.0, 300.0],
    ...                   "banan": [100.0, 200.0]}, index=[2019, 2021])
    >>> c = index_comparison(i, "gdp", "jiangbei", ["jiangbei", "yubei", "banan"], 2019)
    >>> c.standing.value, c.standing.rank, c.breaks.empty
    (250.0, 2, True)
    """

    base_year: int
    standing: Standing
    breaks: pd.DataFrame
    count_in_latest: int = 0


def index_comparison(
    index: pd.DataFrame,
    indicator: str,
    district: str,
    peers: str | Sequence[str],
    base_year: int,
    panel: pd.DataFrame | None = None,
    share: float = COMPARISON_SHARE,
) -> IndexComparison:
    """The district's standing on an index of levels and the breaks its window crosses.

    ``index`` is :func:`jbanalysis.metrics.index_to_base` of the levels (years x districts);
    the comparison follows :func:`jbanalysis.metrics.standing`; the breaks are those of the
    district's own series (with the panel's vintages) in (base_year, comparison year].

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import index_comparison
    >>> i = pd.DataFrame({"jiangbei": [100.0, 250.0], "yubei": [100.0, 300.0],
    ...                   "banan": [100.0, 200.0]}, index=[2005, 2020])
    >>> index_comparison(i, "gdp", "jiangbei", list(i.columns), 2005).breaks["year"].tolist()
    [2008, 2013, 2018, 2018]
    """
    frame = as_year_frame(index)
    result = standing(frame, district, peers, share=share)
    table = basis_breaks(indicator, district, series_vintages(panel, indicator, district))
    end = result.year if result.year is not None else result.latest_year
    if end is None:
        crossed = table.iloc[0:0]
    else:
        crossed = table[(table["basis_year"] > base_year) & (table["basis_year"] <= end)]
    count = 0
    if result.latest_year is not None:
        count = int(frame.loc[result.latest_year].notna().sum())
    return IndexComparison(int(base_year), result, crossed.reset_index(drop=True), count)


@dataclass(frozen=True)
class RealGrowthComparison:
    """Published real growth of a district, ranked, beside the nominal growth of its levels.

    Attributes
    ----------
    real : LevelComparison
        Of the published real growth (``gdp_real_growth``, 按可比价格): latest value, rank among
        the districts that publish it in the comparison year.
    nominal : Standing
        Year-on-year growth of the nominal levels (current prices) in the same year, ranked
        among the districts with both years' levels and no break of their own between them.
    nominal_breaks : DataFrame
        Breaks of the district's level series with a new basis in that year.
    nominal_provenance : dict
        Provenance of the district's two levels (the year and the one before).

    Examples
    --------
    >>> from jbanalysis.metrics import real_growth_comparison
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators=["gdp", "gdp_real_growth"])
    >>> r = real_growth_comparison(p, "jiangbei")
    >>> r.real.standing.year, r.real.standing.value, r.real.standing.n, r.nominal.year
    (2018, 9.0, 9, None)
    """

    real: LevelComparison
    nominal: Standing
    nominal_breaks: pd.DataFrame
    nominal_provenance: dict


def real_growth_comparison(
    panel: pd.DataFrame,
    district: str,
    peers: str | Sequence[str] = "central",
    real: str = "gdp_real_growth",
    level: str = "gdp",
    share: float = COMPARISON_SHARE,
) -> RealGrowthComparison:
    """Published real growth and its rank (like for like), beside nominal growth that year.

    Real growth is the published rate, never derived from levels. Nominal growth is
    :math:`100 (x_t / x_{t-1} - 1)` of the levels, for the comparison year of the real rates
    (or the district's latest real year when there is no comparison).

    Examples
    --------
    >>> from jbanalysis.metrics import real_growth_comparison
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators=["gdp", "gdp_real_growth"],
    ...                   years=range(2005, 2022))
    >>> r = real_growth_comparison(p, "yubei")
    >>> r.real.standing.latest_year, r.real.standing.year, r.real.standing.rank
    (2021, 2018, 9)
    """
    from jbanalysis.panel.views import wide

    members = list(dict.fromkeys([*peer_ids(peers), district]))
    real_result = level_comparison(panel, real, district, members, share=share, growth=False)
    levels = wide(panel, level, districts=members)
    nominal = yoy_growth(levels)
    year = real_result.standing.year or real_result.standing.latest_year
    for member in members:
        table = basis_breaks(level, member, series_vintages(panel, level, member))
        for basis in table["basis_year"]:
            if int(basis) in nominal.index:
                nominal.loc[int(basis), member] = float("nan")  # growth into a new basis
    if year is None or year not in nominal.index:
        empty = standing(nominal.iloc[0:0], district, members, share=share)
        return RealGrowthComparison(real_result, empty, pd.DataFrame(), {})
    result = standing(nominal, district, members, share=share, year=int(year))
    own = basis_breaks(level, district, series_vintages(panel, level, district))
    crossing = own[own["basis_year"] == int(year)].reset_index(drop=True)
    prov = provenance(panel, level, district, [int(year) - 1, int(year)])
    return RealGrowthComparison(real_result, result, crossing, prov)
