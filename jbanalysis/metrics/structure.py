"""Economic structure: sector shares, location quotient, specialisation, concentration, shift-share.

Most functions take a *sector matrix*: a DataFrame with sectors as rows (e.g. ``va_primary``,
``va_secondary``, ``va_tertiary``) and regions as columns, one year of additive values (亿元).
:func:`sector_matrix` cuts one from the tidy panel. A reference (``"chongqing"``, a group such
as ``"central"`` or a list of columns) is either a column of the matrix or the sum of its members.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import (
    MetricsError,
    MissingDataError,
    UnknownDistrictError,
    check_numeric,
    check_year,
    group_members,
    is_tidy,
    resolve_names,
)
from jbanalysis.registry.schema import SECTORS


def sector_matrix(
    panel: pd.DataFrame,
    year: int,
    sectors: Sequence[str] = SECTORS,
    districts: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Sectors x districts values for one year, cut from the tidy panel.

    Parameters
    ----------
    panel : DataFrame
        Tidy panel (``district, year, indicator, value``), one value per cell.
    year : int
        The year.
    sectors : sequence of str, default the three value-added sectors
        Indicator ids used as rows.
    districts : sequence of str, optional
        Columns to keep (default every district with data that year).

    Returns
    -------
    DataFrame
        Index ``sector``, one column per district.

    Raises
    ------
    MissingDataError
        A requested (sector, district) value is absent; the message names them.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import sector_matrix
    >>> panel = pd.DataFrame({"district": ["a", "a"], "year": [2020, 2020],
    ...                       "indicator": ["va_primary", "va_tertiary"], "value": [1.0, 3.0]})
    >>> sector_matrix(panel, 2020, sectors=["va_primary", "va_tertiary"])["a"].tolist()
    [1.0, 3.0]
    """
    year = check_year(year)
    if not is_tidy(panel) or "indicator" not in panel.columns:
        raise MetricsError("sector_matrix needs the tidy panel (district, year, indicator, value)")
    cut = panel[(panel["year"] == year) & panel["indicator"].isin(list(sectors))]
    if cut.duplicated(["district", "indicator"]).any():
        raise MetricsError(f"several values per (district, sector) in {year}; select one first")
    matrix = cut.pivot(index="indicator", columns="district", values="value")
    matrix = matrix.reindex(list(sectors))
    if districts is not None:
        keep = resolve_names(districts, list(matrix.columns), f"districts with sectors in {year}")
        matrix = matrix[keep]
    holes = [f"{c} {s}" for c in matrix.columns for s in matrix.index if pd.isna(matrix.at[s, c])]
    if holes or matrix.empty:
        raise MissingDataError(f"sector values missing in {year}: {holes or 'all'}")
    matrix.index.name = "sector"
    matrix.columns.name = None
    return matrix.astype("float64")


def _check_matrix(matrix: pd.DataFrame, what: str = "sector matrix") -> pd.DataFrame:
    if not isinstance(matrix, pd.DataFrame) or is_tidy(matrix):
        raise MetricsError(f"{what} must be a sectors x regions DataFrame (see sector_matrix)")
    check_numeric(matrix, what)
    holes = [f"{c} {s}" for c in matrix.columns for s in matrix.index if pd.isna(matrix.at[s, c])]
    if holes:
        raise MissingDataError(f"{what} has missing values: {holes}")
    if (matrix < 0).any().any():
        raise MetricsError(f"{what} has negative values; shares need non-negative values")
    return matrix.astype("float64")


def _reference(matrix: pd.DataFrame, reference: str | Sequence[str]) -> tuple[pd.Series, list]:
    """Reference column (city) or sum of group members; returns it and the columns it uses."""
    columns = list(matrix.columns)
    if isinstance(reference, str):
        try:
            (col,) = resolve_names([reference], columns, "reference")
            return matrix[col], [col]
        except UnknownDistrictError:
            pass
    members = group_members(reference, columns)
    return matrix[members].sum(axis=1), members


def sector_shares(
    data: pd.DataFrame, sectors: Sequence[str] = SECTORS, districts: Sequence[str] | None = None
) -> pd.DataFrame:
    """Percent share of each sector in the sum of the sectors.

    .. math:: s_{i,r} = 100 \\, e_{i,r} / \\textstyle\\sum_j e_{j,r}

    Parameters
    ----------
    data : sector matrix, or the tidy panel
        A sectors x regions frame, or the tidy panel (then every year, one row per
        district x year x sector).
    sectors : sequence of str, default the three value-added sectors
        Sectors (indicator ids) used with the tidy panel.
    districts : sequence of str, optional
        With the tidy panel, which districts (default all).

    Returns
    -------
    DataFrame
        For a matrix: the shares, same shape (each column sums to 100). For the tidy panel:
        ``year, district, sector, value, share, reason``; a district-year missing any sector has
        no shares (``reason`` names the missing sectors — the sum would be partial).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import sector_shares
    >>> from jbanalysis.metrics.structure import SECTORS
    >>> m = pd.DataFrame({"jb": [1.0, 39.0, 60.0]}, index=list(SECTORS))
    >>> sector_shares(m)["jb"].tolist()
    [1.0, 39.0, 60.0]
    """
    if not is_tidy(data):
        matrix = _check_matrix(data)
        totals = matrix.sum(axis=0)
        if (totals == 0).any():
            raise MetricsError(f"regions with a zero total: {list(totals[totals == 0].index)}")
        return 100.0 * matrix / totals
    if "indicator" not in data.columns:
        raise MetricsError("the tidy panel needs an indicator column naming the sectors")
    cut = data[data["indicator"].isin(list(sectors))]
    if districts is not None:
        keep = resolve_names(districts, sorted(set(cut["district"])), "districts")
        cut = cut[cut["district"].isin(keep)]
    if cut.duplicated(["district", "year", "indicator"]).any():
        raise MetricsError("several values per (district, year, sector); select one first")
    rows = []
    for (district, year), group in cut.groupby(["district", "year"], sort=True):
        values = group.set_index("indicator")["value"].reindex(list(sectors))
        holes = [s for s in sectors if pd.isna(values[s])]
        total = values.sum()
        for sector in sectors:
            if holes:
                pct, reason = np.nan, f"no shares for {district} {year}: no value for {holes}"
            elif total == 0:
                pct, reason = np.nan, f"sectors sum to zero for {district} {year}"
            else:
                pct, reason = 100.0 * values[sector] / total, ""
            rows.append((int(year), district, sector, values[sector], pct, reason))
    return pd.DataFrame(rows, columns=["year", "district", "sector", "value", "share", "reason"])


def location_quotient(matrix: pd.DataFrame, reference: str | Sequence[str]) -> pd.DataFrame:
    """Location quotient of each sector in each region against a reference economy.

    .. math:: LQ_{i,r} = \\frac{e_{i,r} / e_r}{E_i / E}

    LQ > 1: the sector weighs more in the region than in the reference.

    Parameters
    ----------
    matrix : DataFrame
        Sectors x regions values (one year).
    reference : str or list of str
        A column (``"chongqing"``) or a group (``"central"`` / list) whose sum is the reference.

    Returns
    -------
    DataFrame
        Sectors x regions (the reference column itself left out), dimensionless.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import location_quotient
    >>> m = pd.DataFrame({"jb": [10.0, 30.0], "city": [50.0, 50.0]}, index=["ind", "svc"])
    >>> location_quotient(m, "city")["jb"].tolist()
    [0.5, 1.5]
    """
    matrix = _check_matrix(matrix)
    ref, used = _reference(matrix, reference)
    if (ref == 0).any():
        raise MetricsError(f"reference has zero value in sectors {list(ref[ref == 0].index)}")
    regions = [c for c in matrix.columns if not (len(used) == 1 and c == used[0])]
    region = matrix[regions]
    return region.div(region.sum(axis=0), axis=1).div(ref / ref.sum(), axis=0)


def krugman_specialisation(matrix: pd.DataFrame, reference: str | Sequence[str]) -> pd.Series:
    """Krugman specialisation index of each region against a reference.

    .. math:: K_r = \\textstyle\\sum_i |s_{i,r} - s_{i,ref}|, \\quad s = \\text{sector share (0-1)}

    0 = same structure as the reference; 2 = no sector in common.

    Parameters
    ----------
    matrix : DataFrame
        Sectors x regions values (one year).
    reference : str or list of str
        A column or a group whose sum is the reference.

    Returns
    -------
    Series
        One value per region (the reference column left out).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import krugman_specialisation
    >>> m = pd.DataFrame({"jb": [10.0, 30.0], "city": [50.0, 50.0]}, index=["ind", "svc"])
    >>> float(krugman_specialisation(m, "city")["jb"])
    0.5
    """
    matrix = _check_matrix(matrix)
    ref, used = _reference(matrix, reference)
    regions = [c for c in matrix.columns if not (len(used) == 1 and c == used[0])]
    shares = matrix[regions] / matrix[regions].sum(axis=0)
    ref_shares = ref / ref.sum()
    return shares.sub(ref_shares, axis=0).abs().sum(axis=0).rename("krugman")


def herfindahl(data: pd.DataFrame | pd.Series) -> pd.Series | float:
    """Herfindahl(-Hirschman) concentration of sector (or member) shares.

    .. math:: H = \\textstyle\\sum_i s_i^2, \\quad s_i = e_i / \\sum_j e_j \\in [0, 1]

    From 1/k (k equal parts) to 1 (everything in one part). Multiply by 10 000 for the
    antitrust "HHI" scale.

    Parameters
    ----------
    data : Series or DataFrame
        Values of the parts; for a sectors x regions matrix one value per region.

    Returns
    -------
    float or Series

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import herfindahl
    >>> herfindahl(pd.Series([50.0, 50.0]))
    0.5
    """
    was_series = isinstance(data, pd.Series)
    matrix = _check_matrix(data.to_frame() if was_series else data, "values")
    totals = matrix.sum(axis=0)
    if (totals == 0).any():
        raise MetricsError("values sum to zero; shares are undefined")
    out = ((matrix / totals) ** 2).sum(axis=0)
    return float(out.iloc[0]) if was_series else out.rename("herfindahl")


def shift_share(
    start: pd.DataFrame,
    end: pd.DataFrame,
    district: str,
    reference: str | Sequence[str],
) -> pd.DataFrame:
    """Shift-share decomposition of a district's change between two years.

    With :math:`e_i` the district's value in sector i, :math:`E_i` the reference's, 0/1 the
    start/end year, :math:`g = E^1/E^0 - 1`, :math:`g_i = E_i^1/E_i^0 - 1`, :math:`r_i =
    e_i^1/e_i^0 - 1`:

    .. math::
        e_i^1 - e_i^0 = \\underbrace{e_i^0 g}_{\\text{reference growth}}
        + \\underbrace{e_i^0 (g_i - g)}_{\\text{sector mix}}
        + \\underbrace{e_i^0 (r_i - g_i)}_{\\text{competitive}}

    The three components sum exactly to the actual change. Values are nominal unless deflated:
    across a census revision the "competitive" effect absorbs the revision.

    Parameters
    ----------
    start, end : DataFrame
        Sectors x regions matrices (same sectors) for the first and the last year.
    district : str
        The district decomposed.
    reference : str or list of str
        A column (``"chongqing"``) or a group (``"central"`` / list) summed as the reference.

    Returns
    -------
    DataFrame
        Rows = sectors plus ``total``; columns ``start_value, end_value, change,
        reference_growth, sector_mix, competitive`` in the unit of the data.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import shift_share
    >>> s0 = pd.DataFrame({"jb": [10.0, 10.0], "city": [100.0, 100.0]}, index=["ind", "svc"])
    >>> s1 = pd.DataFrame({"jb": [11.0, 14.0], "city": [100.0, 120.0]}, index=["ind", "svc"])
    >>> out = shift_share(s0, s1, "jb", "city")
    >>> out.loc["total", ["change", "reference_growth", "sector_mix", "competitive"]].tolist()
    [5.0, 2.0, 0.0, 3.0]
    """
    start, end = _check_matrix(start, "start matrix"), _check_matrix(end, "end matrix")
    if list(start.index) != list(end.index):
        raise MetricsError(
            f"start and end must have the same sectors: {list(start.index)} vs {list(end.index)}"
        )
    (col,) = resolve_names([district], list(start.columns), "district (start)")
    resolve_names([col], list(end.columns), "district (end)")
    ref0, _ = _reference(start, reference)
    ref1, _ = _reference(end, reference)
    if (ref0 == 0).any():
        raise MetricsError(f"reference is zero at the start in {list(ref0[ref0 == 0].index)}")
    e0, e1 = start[col], end[col]
    g = ref1.sum() / ref0.sum() - 1.0
    g_i = ref1 / ref0 - 1.0
    out = pd.DataFrame(
        {
            "start_value": e0,
            "end_value": e1,
            "change": e1 - e0,
            "reference_growth": e0 * g,
            "sector_mix": e0 * (g_i - g),
            # e0 * (r_i - g_i) written as (e1 - e0) - e0 * g_i so that zero-start sectors work.
            "competitive": (e1 - e0) - e0 * g_i,
        }
    )
    out.loc["total"] = out.sum(axis=0)
    out.index.name = "sector"
    return out
