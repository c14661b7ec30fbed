"""The one pivot from tidy rows to a years × districts table, used by panels, metrics, forecasts,
charts and validation rules alike."""

from __future__ import annotations

import pandas as pd

__all__ = ["years_by_district"]


def years_by_district(
    rows: pd.DataFrame,
    values: str = "value",
    *,
    what: str = "the rows",
    error: type[Exception] = ValueError,
) -> pd.DataFrame:
    """Years (int64 index ``year``) × districts (columns) of one column of tidy rows.

    Rows must hold one value per (district, year): several values are an ``error`` naming the
    first pair (select one value per key first, as :func:`jbanalysis.load_panel` does). A missing
    cell stays NaN.

    >>> rows = pd.DataFrame({"district": ["jiangbei", "yubei", "jiangbei"], "year": [2010, 2010, 2011],
    ...                      "value": [391.3947, 634.4, 516.5219]})
    >>> years_by_district(rows).to_dict()
    {'jiangbei': {2010: 391.3947, 2011: 516.5219}, 'yubei': {2010: 634.4, 2011: nan}}
    >>> years_by_district(pd.concat([rows, rows.head(1)]))
    Traceback (most recent call last):
    ...
    ValueError: the rows have more than one value for jiangbei in 2010; select one value per district and year first (jbanalysis.load_panel does)
    """
    dup = rows.duplicated(["district", "year"])
    if dup.any():
        district, year = rows.loc[dup, ["district", "year"]].iloc[0].tolist()
        raise error(
            f"{what} have more than one value for {district} in {year}; select one value per "
            "district and year first (jbanalysis.load_panel does)"
        )
    table = rows.pivot(index="year", columns="district", values=values).sort_index()
    table.index = table.index.astype("int64")
    table.index.name = "year"
    return table
