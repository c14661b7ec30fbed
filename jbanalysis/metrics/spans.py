"""Growth windows and the registered breaks they cross.

A growth rate over start–end compares a level on one statistical basis with a level on another
when a registered break (:mod:`jbanalysis.registry.breaks`) starts a new basis in (start, end].
Tables of growth windows (:func:`windows`, :func:`cagr_table`) are therefore marked with the
windows that cross one (:func:`window_breaks`, :func:`crossed`, :func:`crossed_summary`), and the
headline growth of a series (:mod:`jbanalysis.metrics.headline`) avoids them. Break years are per
series: an economic census starts the new basis in the census year itself where that year's value
is already revised (:func:`jbanalysis.registry.breaks.new_basis_years`), so the panel's vintages
are passed on.

Growth of levels is nominal (at current prices). Real growth is published separately
(``gdp_real_growth``) and never derived here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import pandas as pd

from jbanalysis.metrics.growth import rolling_cagr

__all__ = [
    "basis_breaks",
    "cagr_table",
    "crossed",
    "crossed_summary",
    "series_vintages",
    "window_breaks",
    "windows",
]


def windows(start: int, end: int, step: int = 5) -> list[tuple[int, int]]:
    """Consecutive windows of ``step`` years from ``start``; the last one ends at ``end``.

    .. math:: (s, s + k), (s + k, s + 2k), \\ldots, (s + jk, e), \\quad s + jk < e

    Parameters
    ----------
    start, end : int
        First and last year (``start < end``).
    step : int, default 5
        Years :math:`k` per window; the last window may be shorter.

    Returns
    -------
    list of (int, int)

    Examples
    --------
    >>> from jbanalysis.metrics import windows
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

    >>> import pandas as pd
    >>> from jbanalysis.metrics import cagr_table
    >>> v = pd.DataFrame({"a": [100.0, 121.0, 133.1], "b": [100.0, None, 110.0]},
    ...                  index=[2010, 2012, 2013])
    >>> cagr_table(v, [(2010, 2012), (2012, 2013)]).round(3).to_dict()
    {'2010–2012': {'a': 10.0, 'b': nan}, '2012–2013': {'a': 10.0, 'b': nan}}
    """
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
    from jbanalysis.registry.breaks import basis_year, breaks_for

    table = breaks_for(indicator, district)
    # the registry's rule, per break: a census whose own year is already revised starts the new
    # basis in that year, every other break in its first_year
    if table.empty:
        return table.assign(basis_year=pd.Series(dtype="int64"))
    basis = [basis_year(row, dict(vintages)) for row in table.to_dict("records")]
    return table.assign(basis_year=pd.Series(basis, index=table.index, dtype="int64"))


def basis_breaks(
    indicator: str, district: str | None = None, vintages: Mapping[int, str] | None = None
) -> pd.DataFrame:
    """The registered breaks of one series, with ``basis_year``: the first year of the new basis.

    ``basis_year`` is :func:`jbanalysis.registry.breaks.new_basis_years` of each break (the census year
    itself where that year's value is already revised, else the registered ``first_year``).

    >>> from jbanalysis.metrics import basis_breaks
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

    >>> import pandas as pd
    >>> from jbanalysis.metrics import series_vintages
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

    A break with first year of the new basis :math:`b` is crossed when :math:`s < b \\le e`: the
    level of year :math:`e` is on a basis the level of year :math:`s` is not.

    Parameters
    ----------
    indicator : str
    start, end : int
        The years compared.
    district : str, optional
        Its own breaks (boundary, scope) count too.
    vintages : mapping of int to str, optional
        The series' vintages (a revised census-year value starts the new basis in that year).

    Returns
    -------
    DataFrame
        The rows of :func:`basis_breaks` crossed.

    Examples
    --------

    >>> from jbanalysis.metrics import crossed
    >>> crossed("gdp", 2005, 2022, "jiangbei")["year"].tolist()
    [2008, 2013, 2018, 2018]
    >>> crossed("gdp", 2019, 2022, "jiangbei").empty
    True
    """
    table = basis_breaks(indicator, district, vintages)
    inside = (table["basis_year"] > int(start)) & (table["basis_year"] <= int(end))
    return table[inside].reset_index(drop=True)


def window_breaks(
    spans: Iterable[tuple[int, int]],
    indicator: str,
    districts: Sequence[str],
    panel: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Districts x windows: True where the window crosses a break of the district's series.

    Window :math:`(s, e)` crosses a break of basis year :math:`b` when :math:`s < b \\le e`
    (:func:`crossed`). Labels as in :func:`cagr_table` (``"2005–2010"``), so the two frames align.

    Parameters
    ----------
    spans : iterable of (int, int)
        The windows (:func:`windows`).
    indicator : str
    districts : list of str
    panel : DataFrame, optional
        The tidy panel, for the series' vintages.

    Returns
    -------
    DataFrame of bool

    Examples
    --------

    >>> from jbanalysis.metrics import window_breaks
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

    >>> from jbanalysis.metrics import crossed_summary
    >>> s = crossed_summary("gdp_per_capita", 2005, 2020, ["qijiang", "jiangbei"])
    >>> s[["kind", "year", "all"]].values.tolist()
    [['economic_census', 2008, True], ['population_census', 2010, True], ['boundary', 2011, False], ['economic_census', 2013, True], ['economic_census', 2018, True], ['definition', 2018, True], ['population_census', 2020, True]]
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
