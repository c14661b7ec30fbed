"""Tables as a report prints them: numbers rounded as the sentences round them, a gap as a dash,
heads, index labels and category cells in the report's language.

>>> import pandas as pd
>>> from jbanalysis.text.tables import table
>>> table(pd.DataFrame({"gdp": [1602.76]}, index=["jiangbei"]), lang="en").to_dict()
{'GDP': {'Jiangbei': 1602.8}}
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from jbanalysis.text.labels import label
from jbanalysis.text.numbers import is_number, round_half_up

__all__ = ["rounded", "table"]


def rounded(frame: pd.DataFrame, digits: int) -> pd.DataFrame:
    """The float columns of ``frame`` rounded half up to ``digits`` (as :mod:`.numbers` rounds).

    >>> import pandas as pd
    >>> from jbanalysis.text.tables import rounded
    >>> rounded(pd.DataFrame({"a": [6.25, 6.35], "year": [2018, 2019]}), 1).to_dict("list")
    {'a': [6.3, 6.4], 'year': [2018, 2019]}
    """
    out = frame.copy()
    for i in range(out.shape[1]):  # by position: heads may repeat
        series = out.iloc[:, i]
        if pd.api.types.is_float_dtype(series.dtype):
            out.iloc[:, i] = [
                float(round_half_up(v, digits)) if is_number(v) else v for v in series
            ]
    return out


def table(
    frame: pd.DataFrame,
    digits: int = 1,
    missing: str = "—",
    lang: str | None = None,
    marks: pd.DataFrame | None = None,
    mark: str = "†",
    values: Iterable[str] = (),
) -> pd.DataFrame:
    """A table for a report: numbers rounded to ``digits``, a missing value shown as ``missing``.

    A gap stays visible, but as a dash a reader understands rather than ``NaN``. With ``lang``
    the column heads, the index labels and the index name are translated (:func:`label`:
    districts, vocabulary terms, indicators), and so are the cells of the ``values`` columns
    (categories such as flags and vintages), so that a Chinese report has Chinese heads.
    ``marks`` (same shape, True/False) appends ``mark`` to the cells it flags (e.g. growth
    windows that cross a break, explained in a note under the table).

    >>> import pandas as pd
    >>> from jbanalysis.text.tables import table
    >>> t = table(pd.DataFrame({"2005–2010": [24.04, float("nan")]}, index=["jiangbei", "yuzhong"]))
    >>> t["2005–2010"].tolist()
    [24.0, '—']
    >>> table(pd.DataFrame({"year": [2018], "flag": ["interpolated"]}), lang="zh", values=["flag"]).to_dict("list")
    {'年份': [2018], '标记': ['插值']}
    >>> counts = pd.DataFrame({"observed": [3]}, index=pd.MultiIndex.from_tuples(
    ...     [("cq_yearbook_panel", "first_release")], names=["source_id", "vintage"]))
    >>> t = table(counts, 0, lang="zh")
    >>> list(t.index.names), t.index[0], list(t.columns)
    (['来源', '版本'], ('cq_yearbook_panel', '首发数'), ['观测值'])
    >>> m = pd.DataFrame({"2005–2010": [True, False]}, index=["jiangbei", "yuzhong"])
    >>> table(pd.DataFrame({"2005–2010": [24.04, 3.0]}, index=["jiangbei", "yuzhong"]), marks=m, lang="en").to_dict()
    {'2005–2010': {'Jiangbei': '24.0†', 'Yuzhong': '3.0'}}
    """
    from jbanalysis.shown import RECORDED, show

    show("table", frame)  # the unrounded numbers, for the report's downloads
    near = rounded(frame, digits)
    out = near.astype(object).where(near.notna(), missing)
    if marks is not None:
        # every number as text with the same decimals, the flagged ones with their mark
        flagged = marks.reindex(index=out.index, columns=out.columns).fillna(False).astype(bool)
        for column in out.columns:
            for row in out.index:
                value = out.at[row, column]
                if isinstance(value, int | float) and not isinstance(value, bool):
                    shown = f"{round_half_up(value, digits):f}"
                    out.at[row, column] = f"{shown}{mark}" if flagged.at[row, column] else shown
    out.attrs[RECORDED] = True  # the display capture must not record the rounded copy again
    if lang is None:
        return out
    for column in values:
        if column in out.columns:
            out[column] = [label(v, lang) if isinstance(v, str) else v for v in out[column]]
    out = out.rename(columns=lambda c: label(c, lang), index=lambda i: label(i, lang))
    out.index.names = [None if n is None else label(n, lang) for n in out.index.names]
    out.columns.names = [None if n is None else label(n, lang) for n in out.columns.names]
    out.attrs[RECORDED] = True
    return out
