"""The results that the reports' takeaway sentences say: one call per kind of statement.

Each function gathers, by the rules of :mod:`jbanalysis.metrics.selection` (like for like),
:mod:`jbanalysis.metrics.windows` (breaks) and :mod:`jbanalysis.metrics.direction` (the path),
everything one sentence needs, so that :mod:`jbanalysis.text.sentences` only *words* it: a level with
its rank in the comparison year and its headline growth; an index with the breaks it crosses; a
rank history with the years in which the group is incomplete; a dispersion path with its turning
points; the year of a structure comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from jbanalysis.metrics._checks import as_year_frame, group_members, resolve_names
from jbanalysis.metrics.direction import Segment, segments
from jbanalysis.metrics.selection import (
    COMPARISON_SHARE,
    ComparisonYear,
    Standing,
    availability,
    comparison_year,
    needed_members,
    provenance,
    standing,
)
from jbanalysis.metrics.windows import (
    HeadlineGrowth,
    basis_breaks,
    headline_growth,
    series_vintages,
)

__all__ = [
    "DispersionPath",
    "IndexComparison",
    "LevelComparison",
    "RankHistory",
    "RealGrowthComparison",
    "SectorChange",
    "crossed_summary",
    "dispersion_path",
    "index_comparison",
    "level_comparison",
    "rank_history",
    "real_growth_comparison",
    "sector_change",
    "structure_year",
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

    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators="income_rural")
    >>> c = level_comparison(p, "income_rural", "yubei")
    >>> c.standing.latest_year, c.standing.year, c.standing.rank, c.standing.n
    (2021, 2020, 8, 8)
    """
    from jbanalysis.panel.views import wide

    columns = list(dict.fromkeys([*_members(peers), district]))
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


def _members(peers: str | Sequence[str]) -> list[str]:
    if isinstance(peers, str):
        from jbanalysis.registry.districts import district_ids

        return list(district_ids(peers))
    return list(peers)


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
    >>> i = pd.DataFrame({"jiangbei": [100.0, 250.0], "yubei": [100.0, 300.0],
    ...                   "banan": [100.0, 200.0]}, index=[2016, 2018])
    >>> c = index_comparison(i, "gdp", "jiangbei", ["jiangbei", "yubei", "banan"], 2016)
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
    >>> i = pd.DataFrame({"jiangbei": [100.0, 250.0], "yubei": [100.0, 300.0],
    ...                   "banan": [100.0, 200.0]}, index=[2005, 2020])
    >>> index_comparison(i, "gdp", "jiangbei", list(i.columns), 2005).breaks["year"].tolist()
    [2008, 2013, 2018]
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
class RankHistory:
    """A district's rank among its group over the years, with the years that are incomplete.

    Attributes
    ----------
    ranks : DataFrame
        Years x districts of ranks among the districts with a value that year, only in years in
        which at least two thirds of the group have one (other years NaN).
    first, last : Standing or None
        The earliest and the latest year with a rank for the district (``last`` is the
        comparison year).
    incomplete : tuple of int
        Ranked years in which some member has no value (ranks among fewer districts).
    unranked : tuple of int
        Years with values in which fewer than two thirds of the group have one (no rank).

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"a": [3.0, 1.0, 2.0], "b": [5.0, 2.0, 1.0], "c": [4.0, None, 3.0]},
    ...                  index=[2018, 2019, 2020])
    >>> h = rank_history(v, "a", ["a", "b", "c"])
    >>> h.first.year, h.first.rank, h.last.year, h.last.rank, h.unranked
    (2018, 3, 2020, 2, (2019,))
    """

    ranks: pd.DataFrame
    first: Standing | None
    last: Standing | None
    incomplete: tuple[int, ...]
    unranked: tuple[int, ...]


def rank_history(
    values: pd.DataFrame,
    district: str,
    peers: str | Sequence[str] = "central",
    *,
    ascending: bool = False,
    share: float = COMPARISON_SHARE,
) -> RankHistory:
    """Ranks among the group in every year with enough values, and which years are incomplete.

    A year is ranked when at least two thirds of the group (never fewer than three) have a
    value (:func:`jbanalysis.metrics.needed_members`); the rank is among those with a value, so a
    year in which a member drops out is *incomplete*: a change of rank there may be the member
    dropping out, not a change of place. :func:`jbanalysis.plots.lines` draws those years
    shaded, their points hollow.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"a": [3.0, 1.0, 2.0], "b": [5.0, 2.0, 1.0], "c": [4.0, None, 3.0],
    ...                   "d": [1.0, 0.5, 0.7]}, index=[2018, 2019, 2020])
    >>> h = rank_history(v, "a", ["a", "b", "c", "d"])
    >>> h.incomplete, float(h.ranks.loc[2019, "a"])
    ((2019,), 2.0)
    """
    from jbanalysis.metrics.comparison import rank

    frame = as_year_frame(values)
    columns = list(frame.columns)
    (district,) = resolve_names([district], columns, "district")
    members = list(dict.fromkeys([*group_members(peers, columns), district]))
    need = needed_members(len(members), share)
    counts = frame[members].notna().sum(axis=1)
    ranked_years = [int(y) for y in counts.index[counts >= need]]
    table = rank(frame, peers=members, ascending=ascending, require_all=False)
    ranks = table.pivot(index="year", columns="district", values="rank")[members]
    ranks = ranks.where(ranks.index.to_series().isin(ranked_years), axis=0)
    incomplete = tuple(y for y in ranked_years if counts[y] < len(members))
    unranked = tuple(int(y) for y in counts.index if 0 < counts[y] < need)
    own = [y for y in ranked_years if pd.notna(frame.at[y, district])]
    first = last = None
    if own:
        first = standing(frame, district, members, ascending=ascending, share=share, year=own[0])
        last = standing(frame, district, members, ascending=ascending, share=share)
    return RankHistory(ranks, first, last, incomplete, unranked)


@dataclass(frozen=True)
class DispersionPath:
    """σ (std of log per-capita values) over the years and the turning points of its path.

    Attributes
    ----------
    sigma : DataFrame
        :func:`jbanalysis.metrics.sigma_convergence` of the regions kept.
    kept, left_out : tuple of str
        Regions with a value in every year of the span, and the others.
    segments : list of Segment
        :func:`jbanalysis.metrics.segments` of σ (three decimals printed).

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.DataFrame({"a": [1.0, 2.0, 1.0], "b": [4.0, 4.0, 4.0], "c": [None, 1.0, 2.0]},
    ...                  index=[2010, 2015, 2020])
    >>> d = dispersion_path(y)
    >>> d.kept, d.left_out, [s.direction for s in d.segments]
    (('a', 'b'), ('c',), ['down', 'up'])
    """

    sigma: pd.DataFrame
    kept: tuple[str, ...]
    left_out: tuple[str, ...]
    segments: list[Segment]


def dispersion_path(per_capita: pd.DataFrame, years: Iterable[int] | None = None) -> DispersionPath:
    """σ-convergence of the regions complete over ``years`` (default: all rows) and its path.

    Regions missing any year are left out (a region dropping in or out would move σ by itself);
    the path is cut at its turning points (:func:`jbanalysis.metrics.segments`, tolerance the
    0.0005 that three printed decimals hide).

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.DataFrame({"a": [1.0, 1.0], "b": [4.0, 2.0]}, index=[2010, 2020])
    >>> d = dispersion_path(y)
    >>> d.sigma["sigma"].round(4).tolist(), d.segments[0].direction
    ([0.6931, 0.3466], 'down')
    """
    from jbanalysis.metrics.convergence import sigma_convergence
    from jbanalysis.metrics.selection import complete_columns

    frame = as_year_frame(per_capita)
    span = list(frame.index) if years is None else [int(y) for y in years]
    kept, left = complete_columns(frame, span)
    sigma = sigma_convergence(frame.loc[span, kept])
    return DispersionPath(sigma, tuple(kept), tuple(left), segments(sigma["sigma"], 0.0005))


def structure_year(
    panel: pd.DataFrame,
    sectors: Sequence[str],
    district: str,
    peers: str | Sequence[str] = "central",
    reference: str = "chongqing",
    share: float = COMPARISON_SHARE,
) -> ComparisonYear:
    """The year a structure comparison uses: two thirds of the group and the reference complete.

    A year counts only when the reference (the city) has every sector; among those years, the
    rule of :func:`jbanalysis.metrics.comparison_year` over the group's complete sector data.

    Examples
    --------
    >>> import jbanalysis as jb
    >>> sectors = ["va_primary", "va_secondary", "va_tertiary"]
    >>> p = jb.load_panel(districts=[*jb.district_ids("central"), "chongqing"], indicators=sectors)
    >>> c = structure_year(p, sectors, "yubei")
    >>> c.year, c.n, c.missing
    (2020, 8, ('yuzhong',))
    """
    members = list(dict.fromkeys([*_members(peers), district]))
    table = availability(panel, sectors, [*members, reference])
    table = table[table[reference].notna()]
    return comparison_year(table[members], district, members, share)


def crossed_summary(
    indicator: str,
    start: int,
    end: int,
    districts: Iterable[str],
    panel: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The registered breaks that a comparison over start–end crosses, for a set of districts.

    One row per break (``break_id, kind, year, first_year``) with ``districts``: the ids (joined by
    ``|``) whose series it crosses, and ``all`` True when it crosses every one of them.

    >>> s = crossed_summary("gdp_per_capita", 2005, 2020, ["qijiang", "jiangbei"])
    >>> s[["kind", "year", "all"]].values.tolist()
    [['economic_census', 2008, True], ['population_census', 2010, True], ['boundary', 2011, False], ['economic_census', 2013, True], ['economic_census', 2018, True], ['population_census', 2020, True]]
    """
    districts = list(districts)
    hits: dict[str, dict] = {}
    for district in districts:
        table = basis_breaks(indicator, district, series_vintages(panel, indicator, district))
        inside = table[(table["basis_year"] > start) & (table["basis_year"] <= end)]
        for row in inside.to_dict("records"):
            entry = hits.setdefault(
                row["break_id"],
                {k: row[k] for k in ("break_id", "kind", "year", "first_year")} | {"ids": []},
            )
            entry["ids"].append(district)
    rows = [
        {
            **{k: v for k, v in e.items() if k != "ids"},
            "districts": "|".join(e["ids"]),
            "all": len(e["ids"]) == len(districts),
        }
        for e in hits.values()
    ]
    out = pd.DataFrame(rows, columns=["break_id", "kind", "year", "first_year", "districts", "all"])
    return out.sort_values(["year", "break_id"]).reset_index(drop=True)


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
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators=["gdp", "gdp_real_growth"])
    >>> r = real_growth_comparison(p, "jiangbei")
    >>> r.real.standing.year, r.real.standing.value, r.real.standing.n, r.nominal.year
    (2018, 9.0, 9, 2018)
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
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="central", indicators=["gdp", "gdp_real_growth"],
    ...                   years=range(2005, 2022))
    >>> r = real_growth_comparison(p, "yubei")
    >>> r.real.standing.latest_year, r.real.standing.year, r.real.standing.rank
    (2021, 2018, 9)
    """
    from jbanalysis.metrics.growth import yoy_growth
    from jbanalysis.panel.views import wide

    members = list(dict.fromkeys([*_members(peers), district]))
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


@dataclass(frozen=True)
class SectorChange:
    """How a district's sector structure changed between its first and latest complete year.

    Attributes
    ----------
    district : str
    shares : DataFrame
        :func:`jbanalysis.metrics.sector_shares` of the district (tidy).
    first, last : int or None
        First and latest year with all three sectors.
    tertiary_first, tertiary_last, secondary_last : float
        Shares in percent.
    breaks : DataFrame
        Registered breaks of the sector series with a new basis in (first, last]: the shares
        compare values on different bases.

    Examples
    --------
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="jiangbei", indicators=["va_primary", "va_secondary", "va_tertiary"])
    >>> c = sector_change(p, "jiangbei")
    >>> c.first, c.last, round(c.tertiary_first, 1), round(c.tertiary_last, 1)
    (2005, 2020, 45.2, 78.5)
    """

    district: str
    shares: pd.DataFrame
    first: int | None
    last: int | None
    tertiary_first: float
    tertiary_last: float
    secondary_last: float
    breaks: pd.DataFrame


SECTORS = ("va_primary", "va_secondary", "va_tertiary")


def sector_change(
    panel: pd.DataFrame, district: str, sectors: Sequence[str] = SECTORS
) -> SectorChange:
    """The district's tertiary share in its first and latest complete year, and what lies between.

    Shares are of the sum of the three sectors' nominal value added (:func:`sector_shares`).

    Examples
    --------
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="yubei", indicators=["va_primary", "va_secondary", "va_tertiary"])
    >>> c = sector_change(p, "yubei")
    >>> c.first, c.last, c.breaks["year"].tolist()
    (2005, 2021, [2008, 2013, 2018])
    """
    from jbanalysis.metrics.structure import sector_shares

    own = panel[(panel["district"] == district) & panel["indicator"].isin(list(sectors))]
    nan = float("nan")
    if own.empty:
        empty = pd.DataFrame(columns=["year", "district", "sector", "value", "share", "reason"])
        return SectorChange(district, empty, None, None, nan, nan, nan, pd.DataFrame())
    shares = sector_shares(own, sectors)
    have = shares[shares["share"].notna()]
    tertiary = have[have["sector"] == sectors[-1]].sort_values("year")
    if tertiary.empty:
        return SectorChange(district, shares, None, None, nan, nan, nan, pd.DataFrame())
    first, last = int(tertiary["year"].iloc[0]), int(tertiary["year"].iloc[-1])
    secondary = have[(have["sector"] == sectors[1]) & (have["year"] == last)]["share"]
    table = basis_breaks(sectors[-1], district, series_vintages(panel, sectors[-1], district))
    crossed = table[(table["basis_year"] > first) & (table["basis_year"] <= last)]
    return SectorChange(
        district,
        shares,
        first,
        last,
        float(tertiary["share"].iloc[0]),
        float(tertiary["share"].iloc[-1]),
        float(secondary.iloc[0]) if len(secondary) else nan,
        crossed.reset_index(drop=True),
    )
