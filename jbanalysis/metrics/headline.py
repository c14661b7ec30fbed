"""Headline growth: a series' CAGR over its longest window without a break, and its rank.

The window of a headline growth rate crosses no registered break of the series
(:mod:`jbanalysis.metrics.spans`); a comparison with the peers uses the longest window two thirds
of the group share (:func:`growth_comparison`). Growth of levels is nominal (at current prices).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import as_year_frame, group_members, resolve_names
from jbanalysis.metrics.compounding import annual_growth
from jbanalysis.metrics.provenance import provenance
from jbanalysis.metrics.selection import COMPARISON_SHARE, Standing, needed_members, standing
from jbanalysis.metrics.spans import basis_breaks, series_vintages


def headline_window(
    series: pd.Series, basis_years: Iterable[int], min_years: int = 1
) -> tuple[int, int] | None:
    """The longest window whose endpoints have values and that crosses no new basis.

    A window (s, e) qualifies when both years have a value and no year of ``basis_years`` lies
    in (s, e]; the longest wins, and of equally long ones the latest. None when no window of at
    least ``min_years`` years qualifies.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import headline_window
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
    >>> from jbanalysis.metrics import HeadlineGrowth
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
    >>> import pandas as pd
    >>> from jbanalysis.metrics import headline_growth
    >>> v = pd.Series([100.0, 110.0, 121.0, 300.0], index=[2016, 2017, 2018, 2019])
    >>> g = headline_growth(v, "gdp", "jiangbei")
    >>> g.start, g.end, round(g.cagr, 6)  # 2018 starts a new basis (B18), 2019 another (B04)
    (2016, 2017, 10.0)
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
    rate = annual_growth(valid[s], valid[e], e - s)
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
    >>> import pandas as pd
    >>> from jbanalysis.metrics import growth_comparison
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
    >>> import pandas as pd
    >>> from jbanalysis.metrics import growth_comparison
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
            rates[member] = annual_growth(a, b, e - s)
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
            annual_growth(a, b, e - s),
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
