"""Which districts and years have values: complete columns and years, latest years, availability.

The input of the like-for-like rules of :mod:`jbanalysis.metrics.selection`: a statement over a
group is made only among the districts and in the years with values, and these helpers say which
those are (nothing is filled).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import as_year_frame
from jbanalysis.metrics.selection import COMPARISON_SHARE, needed_members


def covered_years(data: pd.DataFrame, share: float = COMPARISON_SHARE) -> list[int]:
    """Years in which at least ``share`` of the columns (and never fewer than three) have a value.

    The span of a statement over a whole group (a dispersion across all units) ends at the last
    of these years, by the same rule as :func:`comparison_year`.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import covered_years
    >>> v = pd.DataFrame({"a": [1.0, 1.0, 1.0], "b": [1.0, 1.0, None], "c": [1.0, None, None]},
    ...                  index=[2019, 2020, 2021])
    >>> covered_years(v)
    [2019]
    >>> covered_years(v, share=0.5)
    [2019]
    """
    frame = as_year_frame(data)
    need = needed_members(frame.shape[1], share)
    counts = frame.notna().sum(axis=1)
    return [int(y) for y in counts.index[counts >= need]]


def latest_year(data: pd.DataFrame | pd.Series, district: str | None = None) -> int | None:
    """Latest year with a value (of one column of a frame, or of a Series).

    >>> import pandas as pd
    >>> from jbanalysis.metrics import latest_year
    >>> latest_year(pd.DataFrame({"a": [1.0, None]}, index=[2020, 2021]), "a")
    2020
    """
    series = data if isinstance(data, pd.Series) else as_year_frame(data)[district]
    valid = series.dropna()
    return int(valid.index.max()) if len(valid) else None


def latest_years(
    panel: pd.DataFrame, indicators: Iterable[str], districts: Iterable[str] | None = None
) -> dict[str, int | None]:
    """Latest year with a value of each indicator among ``districts`` (all when None).

    >>> import pandas as pd
    >>> from jbanalysis.metrics import latest_years
    >>> p = pd.DataFrame({"district": ["a", "a", "b"], "year": [2020, 2022, 2021],
    ...                   "indicator": ["gdp", "gdp", "pop_resident"], "value": [1.0, 2.0, 3.0]})
    >>> latest_years(p, ["gdp", "pop_resident", "loans"])
    {'gdp': 2022, 'pop_resident': 2021, 'loans': None}
    """
    sub = panel[panel["value"].notna()]
    if districts is not None:
        sub = sub[sub["district"].isin(list(districts))]
    out: dict[str, int | None] = {}
    for indicator in indicators:
        years = sub.loc[sub["indicator"] == indicator, "year"]
        out[indicator] = int(years.max()) if len(years) else None
    return out


def complete_columns(values: pd.DataFrame, years: Iterable[int]) -> tuple[list[str], list[str]]:
    """Split columns into those with a value in every one of ``years`` and the rest.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import complete_columns
    >>> v = pd.DataFrame({"a": [1.0, 2.0], "b": [None, 2.0]}, index=[2010, 2011])
    >>> complete_columns(v, [2010, 2011])
    (['a'], ['b'])
    """
    rows = values.reindex(list(years))
    full = rows.notna().all(axis=0)
    return [str(c) for c in values.columns[full]], [str(c) for c in values.columns[~full]]


def complete_years(
    panel: pd.DataFrame, indicators: Iterable[str], districts: Iterable[str]
) -> list[int]:
    """Years in which every district has a value for every indicator (from the tidy panel).

    >>> import pandas as pd
    >>> from jbanalysis.metrics import complete_years
    >>> p = pd.DataFrame({"district": ["a", "a", "b"], "year": [2010, 2011, 2011],
    ...                   "indicator": ["gdp"] * 3, "value": [1.0, 2.0, 3.0]})
    >>> complete_years(p, ["gdp"], ["a", "b"])
    [2011]
    """
    table = availability(panel, indicators, districts)
    return [int(y) for y in table.index[table.notna().all(axis=1)]]


def available_districts(
    panel: pd.DataFrame, indicators: Iterable[str], year: int, districts: Iterable[str]
) -> tuple[list[str], list[str]]:
    """Split districts into those with every indicator in ``year`` and those left out.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import available_districts
    >>> p = pd.DataFrame({"district": ["a", "b"], "year": [2020, 2020],
    ...                   "indicator": ["va_primary", "va_tertiary"], "value": [1.0, 2.0]})
    >>> available_districts(p, ["va_primary"], 2020, ["a", "b"])
    (['a'], ['b'])
    """
    districts = list(districts)
    table = availability(panel, indicators, districts, years=[year])
    row = table.loc[year]
    return [d for d in districts if pd.notna(row[d])], [d for d in districts if pd.isna(row[d])]


def availability(
    panel: pd.DataFrame,
    indicators: Iterable[str],
    districts: Iterable[str],
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Years x districts: 1.0 where a district has every one of ``indicators``, NaN otherwise.

    The input of :func:`comparison_year` for a statement over several indicators (a sector
    structure needs all three sectors). Years default to those of the panel's values.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import availability
    >>> p = pd.DataFrame({"district": ["a", "a", "b"], "year": [2020, 2020, 2020],
    ...                   "indicator": ["va_primary", "va_tertiary", "va_primary"],
    ...                   "value": [1.0, 2.0, 3.0]})
    >>> availability(p, ["va_primary", "va_tertiary"], ["a", "b"]).loc[2020].tolist()
    [1.0, nan]
    """
    indicators, districts = list(indicators), list(districts)
    sub = panel[
        panel["indicator"].isin(indicators)
        & panel["district"].isin(districts)
        & panel["value"].notna()
    ]
    counts = sub.drop_duplicates(["district", "year", "indicator"]).pivot_table(
        index="year", columns="district", values="indicator", aggfunc="count"
    )
    if years is None:
        years = sorted(int(y) for y in sub["year"].unique())
    counts = counts.reindex(index=pd.Index(list(years), name="year"), columns=districts)
    out = pd.DataFrame(
        np.where(counts.to_numpy(dtype=float) == len(indicators), 1.0, np.nan),
        index=counts.index,
        columns=districts,
    )
    out.columns.name = "district"
    return out
