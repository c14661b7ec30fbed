"""Growth windows and the breaks they cross: which span a headline growth rate may use.

A growth rate over start–end compares a level on one statistical basis with a level on another
when a registered break (:mod:`jbanalysis.registry.breaks`) starts a new basis in (start, end]. The
*headline* growth of a series is therefore taken over the longest window without such a break
(:func:`headline_window`; the latest of equally long ones), and tables of growth windows mark the
windows that cross one (:func:`window_breaks`). Break years are per series: an economic census
starts the new basis in the census year itself where that year's value is already revised
(:func:`jbanalysis.registry.breaks.new_basis_years`), so the panel's vintages are passed on.

Growth of levels is nominal (at current prices). Real growth is published separately
(``gdp_real_growth``) and never derived here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import as_year_frame, group_members, resolve_names
from jbanalysis.metrics.selection import COMPARISON_SHARE, Standing, standing

__all__ = [
    "GrowthComparison",
    "HeadlineGrowth",
    "basis_breaks",
    "cagr_table",
    "crossed",
    "growth_comparison",
    "headline_growth",
    "headline_window",
    "series_vintages",
    "window_breaks",
    "windows",
]


def windows(start: int, end: int, step: int = 5) -> list[tuple[int, int]]:
    """Consecutive windows of ``step`` years from ``start``; the last one ends at ``end``.

    >>> windows(2005, 2022)
    [(2005, 2010), (2010, 2015), (2015, 2020), (2020, 2022)]
    >>> windows(2010, 2012)
    [(2010, 2012)]
    """
    if end <= start:
        raise ValueError(f"end ({end}) must be after start ({start})")
    edges = [*range(start, end, step), end]
    return list(itertools.pairwise(edges))


def cagr_table(values: pd.DataFrame, spans: Iterable[tuple[int, int]]) -> pd.DataFrame:
    """Districts x windows of CAGR (percent a year) from :func:`jbanalysis.metrics.rolling_cagr`.

    A window without both endpoint values stays NaN (``rolling_cagr`` gives the reason). Growth
    of levels is nominal; :func:`window_breaks` says which windows cross a registered break.

    >>> v = pd.DataFrame({"a": [100.0, 121.0, 133.1], "b": [100.0, None, 110.0]},
    ...                  index=[2010, 2012, 2013])
    >>> cagr_table(v, [(2010, 2012), (2012, 2013)]).round(3).to_dict()
    {'2010–2012': {'a': 10.0, 'b': nan}, '2012–2013': {'a': 10.0, 'b': nan}}
    """
    from jbanalysis.metrics.growth import rolling_cagr

    full = values.reindex(range(int(values.index.min()), int(values.index.max()) + 1))
    columns = {}
    for start, end in spans:
        table = rolling_cagr(full, end - start)
        table = table[table["end"] == end].set_index("district")["cagr"]
        columns[f"{start}–{end}"] = table.reindex(values.columns)
    return pd.DataFrame(columns)


@cache
def _basis_breaks(
    indicator: str, district: str | None, vintages: tuple[tuple[int, str], ...]
) -> pd.DataFrame:
    from jbanalysis.registry.breaks import breaks_for, new_basis_years

    table = breaks_for(indicator, district)
    # the registry's rule, asked once per series: a census whose own year is already revised
    # starts the new basis in that year, every other break in its first_year
    if table.empty:
        return table.assign(basis_year=pd.Series(dtype="int64"))
    starts = set(new_basis_years(indicator, district, dict(vintages), breaks=table))
    basis = [
        int(row.year)
        if row.kind == "economic_census" and int(row.year) in starts
        else int(row.first_year)
        for row in table.itertuples(index=False)
    ]
    return table.assign(basis_year=pd.Series(basis, index=table.index, dtype="int64"))


def basis_breaks(
    indicator: str, district: str | None = None, vintages: Mapping[int, str] | None = None
) -> pd.DataFrame:
    """The registered breaks of one series, with ``basis_year``: the first year of the new basis.

    ``basis_year`` is :func:`jbanalysis.registry.breaks.new_basis_years` of each break (the census year
    itself where that year's value is already revised, else the registered ``first_year``).

    >>> b = basis_breaks("gdp", "jiangbei", {2018: "revised"})
    >>> b.loc[b["kind"] == "economic_census", ["year", "basis_year"]].values.tolist()[-2:]
    [[2018, 2018], [2023, 2024]]
    """
    key = tuple(sorted((int(y), str(v)) for y, v in (vintages or {}).items()))
    if district is not None:
        from jbanalysis.metrics._checks import registry_resolve

        # a column of the user's own data that the registry does not know: only the breaks
        # registered for every unit apply to it
        district = registry_resolve(district)
    return _basis_breaks(indicator, district, key).copy()


def series_vintages(panel: pd.DataFrame | None, indicator: str, district: str) -> dict[int, str]:
    """The vintage of each year's value of one series in the panel (empty without a panel).

    >>> p = pd.DataFrame({"district": ["a"], "year": [2018], "indicator": ["gdp"],
    ...                   "vintage": ["revised"]})
    >>> series_vintages(p, "gdp", "a")
    {2018: 'revised'}
    """
    if panel is None or "vintage" not in panel.columns:
        return {}
    own = panel[(panel["indicator"] == indicator) & (panel["district"] == district)]
    return {int(y): str(v) for y, v in zip(own["year"], own["vintage"], strict=True)}


def crossed(
    indicator: str,
    start: int,
    end: int,
    district: str | None = None,
    vintages: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """Breaks whose new basis starts in (start, end]: what a growth rate over start–end crosses.

    >>> crossed("gdp", 2005, 2022, "jiangbei")["year"].tolist()
    [2008, 2013, 2018]
    >>> crossed("gdp", 2019, 2022, "jiangbei").empty
    True
    """
    table = basis_breaks(indicator, district, vintages)
    inside = (table["basis_year"] > int(start)) & (table["basis_year"] <= int(end))
    return table[inside].reset_index(drop=True)


def headline_window(
    series: pd.Series, basis_years: Iterable[int], min_years: int = 1
) -> tuple[int, int] | None:
    """The longest window whose endpoints have values and that crosses no new basis.

    A window (s, e) qualifies when both years have a value and no year of ``basis_years`` lies
    in (s, e]; the longest wins, and of equally long ones the latest. None when no window of at
    least ``min_years`` years qualifies.

    >>> s = pd.Series([1.0, 2, 3, 4, 5, 6], index=range(2015, 2021))
    >>> headline_window(s, [2019])
    (2015, 2018)
    >>> headline_window(s, [2016, 2017, 2018, 2019, 2020]) is None
    True
    """
    years = sorted(int(y) for y in series.dropna().index)
    basis = sorted({int(y) for y in basis_years})
    best: tuple[int, int] | None = None
    for s, e in itertools.combinations(years, 2):
        if e - s < min_years or any(s < b <= e for b in basis):
            continue
        if best is None or (e - s, e) > (best[1] - best[0], best[1]):
            best = (s, e)
    return best


@dataclass(frozen=True)
class HeadlineGrowth:
    """Nominal compound growth of one series over its longest window without a break.

    Attributes
    ----------
    district, indicator : str
    start, end : int or None
        The window (None when no two values share a basis).
    cagr : float
        Percent a year (NaN without a window).
    start_value, end_value : float
    first, last : int or None
        First and last year of the series.
    basis_years : tuple of int
        First years of a new basis in the series' span (registered breaks).
    span_breaks : DataFrame
        Those breaks (:func:`basis_breaks` rows with ``basis_year`` in (first, last]).

    Examples
    --------
    >>> g = HeadlineGrowth("a", "gdp", 2014, 2018, 10.0, 1.0, 1.4641, 2005, 2022, (2009, 2014, 2019))
    >>> g.ok, g.years
    (True, 4)
    """

    district: str
    indicator: str
    start: int | None
    end: int | None
    cagr: float
    start_value: float
    end_value: float
    first: int | None
    last: int | None
    basis_years: tuple[int, ...]
    span_breaks: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def ok(self) -> bool:
        return self.start is not None

    @property
    def years(self) -> int:
        return 0 if self.start is None else int(self.end) - int(self.start)


def headline_growth(
    data: pd.DataFrame | pd.Series,
    indicator: str,
    district: str,
    panel: pd.DataFrame | None = None,
) -> HeadlineGrowth:
    """The district's nominal CAGR over its longest window without a registered break.

    .. math:: \\mathrm{CAGR} = 100 \\, [(x_e / x_s)^{1/(e - s)} - 1]

    with (s, e) from :func:`headline_window` and the series' basis years from the registry
    (with the panel's vintages, when ``panel`` is given or ``data`` is the panel).

    Parameters
    ----------
    data : years x districts DataFrame, Series, or the tidy panel
    indicator, district : str
    panel : DataFrame, optional
        The tidy panel the values come from (for their vintages).

    Examples
    --------
    >>> v = pd.Series([100.0, 110.0, 121.0, 300.0], index=[2016, 2017, 2018, 2019])
    >>> g = headline_growth(v, "gdp", "jiangbei")
    >>> g.start, g.end, round(g.cagr, 6)
    (2016, 2018, 10.0)
    """
    if isinstance(data, pd.Series):
        series = data.astype("float64")
    else:
        if panel is None and "indicator" in getattr(data, "columns", []):
            panel = data
        frame = as_year_frame(data, indicator)
        (district,) = resolve_names([district], list(frame.columns), "district")
        series = frame[district]
    valid = series.dropna()
    first = int(valid.index.min()) if len(valid) else None
    last = int(valid.index.max()) if len(valid) else None
    table = basis_breaks(indicator, district, series_vintages(panel, indicator, district))
    if first is None:
        inside = table.iloc[0:0]
    else:
        inside = table[(table["basis_year"] > first) & (table["basis_year"] <= last)]
    inside = inside.reset_index(drop=True)
    basis = tuple(sorted({int(y) for y in inside["basis_year"]}))
    window = headline_window(valid, table["basis_year"])
    if window is None or valid[window[0]] <= 0 or valid[window[1]] <= 0:
        nan = float("nan")
        return HeadlineGrowth(
            district, indicator, None, None, nan, nan, nan, first, last, basis, inside
        )
    s, e = window
    rate = 100.0 * ((valid[e] / valid[s]) ** (1.0 / (e - s)) - 1.0)
    return HeadlineGrowth(
        district,
        indicator,
        s,
        e,
        float(rate),
        float(valid[s]),
        float(valid[e]),
        first,
        last,
        basis,
        inside,
    )


def window_breaks(
    spans: Iterable[tuple[int, int]],
    indicator: str,
    districts: Sequence[str],
    panel: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Districts x windows: True where the window crosses a break of the district's series.

    Labels as in :func:`cagr_table` (``"2005–2010"``), so the two frames align.

    >>> window_breaks([(2005, 2010), (2010, 2015), (2019, 2022)], "gdp", ["jiangbei"]).loc["jiangbei"].tolist()
    [True, True, False]
    """
    spans = list(spans)
    out = {}
    for start, end in spans:
        column = []
        for district in districts:
            table = basis_breaks(indicator, district, series_vintages(panel, indicator, district))
            years = table["basis_year"].to_numpy()
            column.append(bool(((years > start) & (years <= end)).any()))
        out[f"{start}–{end}"] = column
    return pd.DataFrame(out, index=pd.Index(list(districts), name="district"))


@dataclass(frozen=True)
class GrowthComparison:
    """The district's headline growth and its rank among the peers over the same window.

    Attributes
    ----------
    headline : HeadlineGrowth
        The district's own window and rate.
    standing : Standing
        Rank among the peers with a value at both ends of the same window and no break of their
        own inside it (``standing.comparison.missing`` lists the others).
    not_comparable : tuple of str
        Peers with both values whose own series crosses a break in the window.
    provenance : dict
        ``{year: {flag, vintage, source_kind, reliability, correction, record, source_id}}`` of
        the district's two endpoint values (when the panel was given).
    shared : bool
        Whether the window is one two thirds of the group can be compared on (else it is the
        district's own headline window and there is no rank).

    Examples
    --------
    >>> v = pd.DataFrame({"a": [100.0, 121.0], "b": [100.0, 110.0], "c": [100.0, 144.0]},
    ...                  index=[2015, 2017])
    >>> g = growth_comparison(v, "gdp", "a", ["a", "b", "c"])
    >>> g.headline.start, g.standing.rank, g.standing.n, g.shared
    (2015, 2, 3, True)
    """

    headline: HeadlineGrowth
    standing: Standing
    not_comparable: tuple[str, ...] = ()
    provenance: dict = field(default_factory=dict)
    shared: bool = False


def growth_comparison(
    data: pd.DataFrame,
    indicator: str,
    district: str,
    peers: str | Sequence[str] = "central",
    panel: pd.DataFrame | None = None,
    share: float = COMPARISON_SHARE,
) -> GrowthComparison:
    """The district's growth ranked among its peers over the longest window they share.

    The window is the longest (the latest of equally long ones) that crosses no break of the
    district's series and over which at least two thirds of the group (never fewer than three) have
    a comparable CAGR: values at both ends and no break of their own inside. Without such a window
    it is the district's own headline window (:func:`headline_growth`), without a rank. The rank
    follows :func:`jbanalysis.metrics.standing`.

    Examples
    --------
    >>> v = pd.DataFrame({"a": [100.0, 110.0, 121.0], "b": [100.0, 105.0, None],
    ...                   "c": [100.0, 120.0, 144.0]}, index=[2015, 2016, 2017])
    >>> g = growth_comparison(v, "gdp", "a", ["a", "b", "c"])
    >>> (g.headline.start, g.headline.end), g.standing.rank, g.standing.n, g.shared
    ((2015, 2016), 2, 3, True)
    >>> v.loc[2016, "b"] = None
    >>> g = growth_comparison(v, "gdp", "a", ["a", "b", "c"])
    >>> (g.headline.start, g.headline.end), g.standing.year is None, g.shared
    ((2015, 2017), True, False)
    """
    from jbanalysis.metrics.selection import needed_members, provenance

    if panel is None and "indicator" in data.columns:
        panel = data
    frame = as_year_frame(data, indicator)
    columns = list(frame.columns)
    (district,) = resolve_names([district], columns, "district")
    members = list(dict.fromkeys([*group_members(peers, columns), district]))
    own = headline_growth(frame, indicator, district, panel=panel)
    basis = {
        m: basis_breaks(indicator, m, series_vintages(panel, indicator, m))["basis_year"].to_numpy()
        for m in members
    }

    def rates_over(s: int, e: int) -> tuple[dict, list]:
        rates, broken = {}, []
        for member in members:
            a, b = frame.at[s, member], frame.at[e, member]
            if pd.isna(a) or pd.isna(b) or a <= 0 or b <= 0:
                continue
            if ((basis[member] > s) & (basis[member] <= e)).any():
                broken.append(member)
                continue
            rates[member] = 100.0 * ((b / a) ** (1.0 / (e - s)) - 1.0)
        return rates, broken

    need = needed_members(len(members), share)
    years = sorted(int(y) for y in frame[district].dropna().index)
    best = None
    for s, e in itertools.combinations(years, 2):
        if ((basis[district] > s) & (basis[district] <= e)).any():
            continue
        if best is not None and (e - s, e) <= (best[1] - best[0], best[1]):
            continue
        rates, _ = rates_over(s, e)
        if len(rates) >= need:
            best = (s, e)
    shared = best is not None
    if shared:
        s, e = best
        a, b = float(frame.at[s, district]), float(frame.at[e, district])
        headline = HeadlineGrowth(
            district,
            indicator,
            s,
            e,
            100.0 * ((b / a) ** (1.0 / (e - s)) - 1.0),
            a,
            b,
            own.first,
            own.last,
            own.basis_years,
            own.span_breaks,
        )
    else:
        headline = own
    index = [headline.end if headline.ok else 0]
    table = pd.DataFrame(np.nan, index=pd.Index(index, name="year"), columns=members)
    broken: list[str] = []
    if headline.ok:
        rates, broken = rates_over(int(headline.start), int(headline.end))
        for member, rate in rates.items():
            table.at[headline.end, member] = rate
    result = standing(table, district, members, share=share)
    prov = {}
    if panel is not None and headline.ok:
        prov = provenance(panel, indicator, district, [headline.start, headline.end])
    return GrowthComparison(headline, result, tuple(broken), prov, shared)
