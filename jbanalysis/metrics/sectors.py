"""Statements about a sector structure: the year it is compared in, and how it changed.

Shares are of the sum of the three sectors' nominal value added
(:func:`jbanalysis.metrics.sector_shares`); the registered breaks between the years compared are
named, since the shares then compare values on different bases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from jbanalysis.metrics._checks import peer_ids
from jbanalysis.metrics.completeness import availability
from jbanalysis.metrics.selection import COMPARISON_SHARE, ComparisonYear, comparison_year
from jbanalysis.metrics.spans import basis_breaks, series_vintages
from jbanalysis.metrics.structure import SECTORS, sector_shares
from jbanalysis.registry.districts import CITY


def structure_year(
    panel: pd.DataFrame,
    sectors: Sequence[str],
    district: str,
    peers: str | Sequence[str] = "central",
    reference: str = CITY,
    share: float = COMPARISON_SHARE,
) -> ComparisonYear:
    """The year a structure comparison uses: two thirds of the group and the reference complete.

    A year counts only when the reference (the city) has every sector; among those years, the
    rule of :func:`jbanalysis.metrics.comparison_year` over the group's complete sector data.

    Examples
    --------
    >>> from jbanalysis.metrics import structure_year
    >>> import jbanalysis as jb
    >>> sectors = ["va_primary", "va_secondary", "va_tertiary"]
    >>> p = jb.load_panel(districts=[*jb.district_ids("central"), "chongqing"], indicators=sectors)
    >>> c = structure_year(p, sectors, "yubei")
    >>> c.year, c.n, c.missing
    (2020, 8, ('yuzhong',))
    """
    members = list(dict.fromkeys([*peer_ids(peers), district]))
    table = availability(panel, sectors, [*members, reference])
    table = table[table[reference].notna()]
    return comparison_year(table[members], district, members, share)


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
    >>> from jbanalysis.metrics import sector_change
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


def sector_change(
    panel: pd.DataFrame, district: str, sectors: Sequence[str] = SECTORS
) -> SectorChange:
    """The district's tertiary share in its first and latest complete year, and what lies between.

    Shares are of the sum of the three sectors' nominal value added (:func:`sector_shares`).

    Examples
    --------
    >>> from jbanalysis.metrics import sector_change
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="yubei", indicators=["va_primary", "va_secondary", "va_tertiary"])
    >>> c = sector_change(p, "yubei")
    >>> c.first, c.last, c.breaks["year"].tolist()
    (2005, 2021, [2008, 2013, 2018, 2018])
    """
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
