"""The one pivot from tidy rows to a years × districts table, used by panels, metrics, forecasts,
charts and validation rules alike.

>>> import jbanalysis as jb
>>> table = jb.tables.years_by_district(jb.load_panel(indicators="gdp", years=2010))
>>> float(table.loc[2010, "jiangbei"])
391.3947
"""

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
    """Years × districts of one column of tidy rows.

    Parameters
    ----------
    rows : pandas.DataFrame
        Tidy rows with ``district``, ``year`` and ``values``, one row per (district, year): select
        one value per key first, as :func:`jbanalysis.load_panel` does.
    values : str, default "value"
        The column to spread.
    what : str, default "the rows"
        What the rows are, for the error message.
    error : type of Exception, default ValueError
        The exception raised on a repeated (district, year).

    Returns
    -------
    pandas.DataFrame
        Index ``year`` (int64, sorted), one column per district; a missing cell stays NaN.

    Raises
    ------
    ValueError
        (or ``error``) Several rows for one (district, year), naming the first.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"district": ["jiangbei", "yubei", "jiangbei"], "year": [2010, 2010, 2011],
    ...                      "value": [391.3947, 634.4, 516.5219]})
    >>> jb.tables.years_by_district(rows).to_dict()
    {'jiangbei': {2010: 391.3947, 2011: 516.5219}, 'yubei': {2010: 634.4, 2011: nan}}
    >>> jb.tables.years_by_district(pd.concat([rows, rows.head(1)]))
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
