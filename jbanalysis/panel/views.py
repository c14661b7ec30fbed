"""Views of a panel: years × districts (``wide``) and which values exist (``coverage``)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from jbanalysis.panel.load import _district_filter, _indicator_filter
from jbanalysis.panel.selection import KEY
from jbanalysis.registry.districts import load_districts
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.tables import years_by_district


def wide(
    panel: pd.DataFrame,
    indicator: str,
    districts: str | Iterable[str] | None = "central",
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Years × districts table of one indicator; a district or year without a value stays NaN.

    Every requested district is a column (in registry order), even one with no value at all, so
    a gap is visible rather than missing. Years run over the panel's range for the indicator
    unless ``years`` is given.

    >>> from jbanalysis.panel.views import wide
    >>> from jbanalysis import load_panel
    >>> p = load_panel(indicators="gdp", years=[2010, 2011])
    >>> w = wide(p, "gdp", districts=["jiangbei", "yuzhong"])
    >>> w.to_dict()
    {'jiangbei': {2010: 391.3947, 2011: 516.5219}, 'yuzhong': {2010: nan, 2011: nan}}
    """
    indicator = resolve_indicator(indicator)
    sub = panel[panel["indicator"] == indicator]
    wanted = _district_filter(districts) if districts is not None else None
    if wanted is None:
        order = load_districts()["id"].tolist()
        present = set(sub["district"])
        wanted = [d for d in order if d in present]
    sub = sub[sub["district"].isin(wanted)]
    table = years_by_district(sub, what=f"the panel's {indicator} rows")
    if years is None:
        all_years = range(int(sub["year"].min()), int(sub["year"].max()) + 1) if len(sub) else []
    else:
        all_years = list(years)
    table = table.reindex(index=pd.Index(list(all_years), name="year"), columns=wanted)
    table.columns.name = "district"
    return table


def coverage(
    panel: pd.DataFrame,
    indicators: str | Iterable[str] | None = None,
    districts: str | Iterable[str] | None = "central",
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Which district × year × indicator cells have a value, over the full grid.

    Returns one row per cell of districts × years × indicators with ``present`` (bool) and, where
    present, the ``flag``, ``vintage`` and ``source_id`` of the chosen value. Years default to the
    span of the panel's values for those indicators.

    >>> from jbanalysis.panel.views import coverage
    >>> from jbanalysis import load_panel
    >>> p = load_panel(indicators="gdp", years=range(2009, 2012))
    >>> c = coverage(p, "gdp", districts=["yuzhong", "jiangbei"])
    >>> c.pivot(index="district", columns="year", values="present").to_dict("index")
    {'jiangbei': {2009: True, 2010: True, 2011: True}, 'yuzhong': {2009: False, 2010: False, 2011: False}}
    """
    inds = _indicator_filter(indicators) or sorted(panel["indicator"].unique())
    sub = panel[panel["indicator"].isin(inds)]
    wanted = _district_filter(districts) or sorted(sub["district"].unique())
    sub = sub[sub["district"].isin(wanted)]
    if years is None:
        years = range(int(sub["year"].min()), int(sub["year"].max()) + 1) if len(sub) else []
    grid = pd.MultiIndex.from_product([wanted, list(years), inds], names=KEY).to_frame(index=False)
    cols = ["flag", "vintage", "source_id"]
    out = grid.merge(sub[[*KEY, *cols]], on=KEY, how="left")
    out.insert(3, "present", out["flag"].notna())
    return out


def coverage_matrix(panel: pd.DataFrame, indicator: str, districts="central", years=None):
    """Districts × years of one indicator: the flag of the chosen value, or ``""`` for a gap.

    >>> from jbanalysis.panel.views import coverage_matrix
    >>> from jbanalysis import load_panel
    >>> p = load_panel(indicators="gdp", years=[2016, 2017])
    >>> coverage_matrix(p, "gdp", ["jiangbei", "yuzhong"]).to_dict("index")
    {'jiangbei': {2016: 'observed', 2017: 'interpolated'}, 'yuzhong': {2016: '', 2017: ''}}
    """
    cov = coverage(panel, indicator, districts, years)
    matrix = cov.pivot(index="district", columns="year", values="flag").fillna("")
    order = [d for d in cov["district"].unique()]
    return matrix.reindex(order)
