"""Growth: year-on-year and log growth, CAGR, indices, chained real growth, compounding.

All rates are in percent (5.0 means 5 %). Series are indexed by int year; a years x districts
frame (as from ``jbanalysis.panel.wide``) or the tidy panel (with ``indicator=``) works too.
Growth in year *t* is the change from *t-1* to *t*, looked up by year label, never by position:
a year with no predecessor in the data gets NaN (the gap in the input stays visible, nothing is
filled).
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import (
    MetricsError,
    MissingDataError,
    as_year_frame,
    check_year,
    missing_years,
)
from jbanalysis.metrics.compounding import annual_growth


def _frame_or_series(data, indicator):
    """Work on a frame; remember whether to hand a Series back."""
    frame = as_year_frame(data, indicator)
    return frame, isinstance(data, pd.Series)


def _lagged(frame: pd.DataFrame, years: int = 1) -> pd.DataFrame:
    """Values of year t - ``years`` aligned on year t (NaN where that year is absent)."""
    prev = frame.reindex(frame.index - years)
    prev.index = frame.index
    return prev


def yoy_growth(
    data: pd.Series | pd.DataFrame, indicator: str | None = None
) -> pd.Series | pd.DataFrame:
    """Year-on-year growth of levels, in percent.

    .. math:: g_t = 100 \\, (x_t / x_{t-1} - 1)

    Parameters
    ----------
    data : Series indexed by year, years x districts DataFrame, or the tidy panel
        Levels (e.g. nominal GDP in 亿元).
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    Series or DataFrame
        Same shape as the input (tidy panel -> years x districts), percent. NaN where x_{t-1} or
        x_t is absent. For Chinese real growth use the published rate (``gdp_real_growth``) and
        :func:`chain_real_growth`, not the growth of nominal levels.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import yoy_growth
    >>> gdp = pd.Series([100.0, 110.0, 121.0], index=[2010, 2011, 2012])
    >>> yoy_growth(gdp).round(6).tolist()
    [nan, 10.0, 10.0]
    """
    frame, was_series = _frame_or_series(data, indicator)
    out = 100.0 * (frame / _lagged(frame) - 1.0)
    return out.iloc[:, 0].rename(data.name) if was_series else out


def log_growth(
    data: pd.Series | pd.DataFrame, indicator: str | None = None
) -> pd.Series | pd.DataFrame:
    """Log growth in log points (100 x natural-log difference).

    .. math:: \\ell_t = 100 \\, \\ln(x_t / x_{t-1})

    Log points add up over years (the sum over a period is 100 ln(x_end / x_start)), which
    plain percentages do not.

    Parameters
    ----------
    data : Series indexed by year, years x districts DataFrame, or the tidy panel
        Strictly positive levels.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    Series or DataFrame
        Log points; NaN where x_{t-1} or x_t is absent.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import log_growth
    >>> gdp = pd.Series([100.0, 200.0], index=[2010, 2011])
    >>> round(float(log_growth(gdp)[2011]), 4)
    69.3147
    """
    frame, was_series = _frame_or_series(data, indicator)
    if (frame <= 0).any().any():
        raise MetricsError("log growth needs strictly positive levels; found values <= 0")
    out = 100.0 * np.log(frame / _lagged(frame))
    return out.iloc[:, 0].rename(data.name) if was_series else out


def cagr(
    data: pd.Series | pd.DataFrame, start: int, end: int, indicator: str | None = None
) -> float | pd.Series:
    """Compound annual growth rate between two years, in percent per year.

    .. math:: \\mathrm{CAGR} = 100 \\, \\left[(x_{end} / x_{start})^{1/(end - start)} - 1\\right]

    Both endpoint values are required: nothing is interpolated or taken from a neighbouring year.
    This is the one ``cagr`` of the package (``jb.metrics.cagr`` and ``jb.forecast.cagr`` are the
    same function); the rate between two numbers, e.g. to a target, is
    :func:`~jbanalysis.metrics.required_cagr`.

    Parameters
    ----------
    data : Series indexed by year, years x districts DataFrame, or the tidy panel
        Strictly positive levels.
    start, end : int
        First and last year; ``start < end``.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    float or Series
        Percent per year; a float for a Series, one value per district for a frame.

    Raises
    ------
    MissingDataError
        An endpoint year is absent or its value NaN (the message names the years/districts).
    MetricsError
        ``start >= end`` or a non-positive endpoint value.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import cagr
    >>> gdp = pd.Series([100.0, 110.0, 121.0], index=[2010, 2011, 2012])
    >>> round(cagr(gdp, 2010, 2012), 6)
    10.0
    """
    if isinstance(data, numbers.Real):
        raise MetricsError(
            f"cagr(data, start, end) measures a series between two of its years; got the number "
            f"{data!r} as data. For the rate between two numbers use "
            f"jb.metrics.required_cagr({data!r}, {start!r}, {end!r}) (current, target, years)"
        )
    start, end = check_year(start, "start"), check_year(end, "end")
    if start >= end:
        raise MetricsError(f"start ({start}) must be before end ({end})")
    frame, was_series = _frame_or_series(data, indicator)
    absent = missing_years(frame, [start, end])
    if absent:
        have = f"{frame.index.min()}-{frame.index.max()}" if len(frame) else "none"
        raise MissingDataError(f"cagr needs both endpoints; year(s) {absent} absent (data: {have})")
    ends = frame.loc[[start, end]]
    nan = ends.isna()
    if nan.any().any():
        holes = [f"{col} {yr}" for col in ends.columns for yr in ends.index if nan.at[yr, col]]
        raise MissingDataError(f"cagr needs both endpoints; no value for {', '.join(holes)}")
    if (ends <= 0).any().any():
        raise MetricsError("cagr needs strictly positive endpoint values")
    out = annual_growth(ends.loc[start], ends.loc[end], end - start)
    return float(out.iloc[0]) if was_series else out.rename(f"cagr_{start}_{end}")


def rolling_cagr(
    data: pd.Series | pd.DataFrame, window: int, indicator: str | None = None
) -> pd.DataFrame:
    """CAGR over every ``window``-year span ending in each year, with the reason when missing.

    .. math:: \\mathrm{CAGR}_t = 100 \\, [(x_t / x_{t-w})^{1/w} - 1]

    Parameters
    ----------
    data : Series indexed by year, years x districts DataFrame, or the tidy panel
        Strictly positive levels.
    window : int
        Span in years (>= 1); ``window=1`` is year-on-year growth.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    DataFrame
        Tidy: ``district, start, end, cagr, reason`` (percent per year); ``reason`` is empty
        when ``cagr`` has a value and names the missing endpoint otherwise.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import rolling_cagr
    >>> gdp = pd.Series([100.0, 110.0, None, 133.1], index=[2010, 2011, 2012, 2013], name="jb")
    >>> out = rolling_cagr(gdp, 2)
    >>> out[["start", "end", "cagr"]].round(6).values.tolist()
    [[2010.0, 2012.0, nan], [2011.0, 2013.0, 10.0]]
    >>> out["reason"].tolist()[0]
    'no value for jb in 2012'
    """
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise MetricsError(f"window must be a whole number of years >= 1, got {window!r}")
    window = int(window)
    frame, _ = _frame_or_series(data, indicator)
    years = sorted(frame.index)
    rows = []
    for col in frame.columns:
        series = frame[col]
        for end in years:
            start = end - window
            if start < years[0]:
                continue
            first = series.get(start, np.nan)
            last = series.get(end, np.nan)
            holes = [str(y) for y, v in ((start, first), (end, last)) if pd.isna(v)]
            if holes:
                value, reason = np.nan, f"no value for {col} in {' and '.join(holes)}"
            elif first <= 0 or last <= 0:
                value, reason = np.nan, f"non-positive value for {col} in {start} or {end}"
            else:
                value, reason = float(annual_growth(first, last, window)), ""
            rows.append((col, start, end, value, reason))
    return pd.DataFrame(rows, columns=["district", "start", "end", "cagr", "reason"])


def index_to_base(
    data: pd.Series | pd.DataFrame, base_year: int, indicator: str | None = None
) -> pd.Series | pd.DataFrame:
    """Index of levels with ``base_year`` = 100.

    .. math:: I_t = 100 \\, x_t / x_{base}

    Parameters
    ----------
    data : Series indexed by year, years x districts DataFrame, or the tidy panel
        Levels.
    base_year : int
        Year set to 100; every column needs a value there.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    Series or DataFrame
        Index points (base = 100), same shape as the input.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import index_to_base
    >>> gdp = pd.Series([80.0, 100.0, 125.0], index=[2010, 2011, 2012])
    >>> index_to_base(gdp, 2011).tolist()
    [80.0, 100.0, 125.0]
    """
    base_year = check_year(base_year, "base_year")
    frame, was_series = _frame_or_series(data, indicator)
    if base_year not in frame.index:
        raise MissingDataError(f"base year {base_year} is not in the data")
    base = frame.loc[base_year]
    holes = [str(c) for c in frame.columns if pd.isna(base[c]) or base[c] == 0]
    if holes:
        raise MissingDataError(f"no (non-zero) value in base year {base_year} for {holes}")
    out = 100.0 * frame / base
    return out.iloc[:, 0].rename(data.name) if was_series else out


def chain_real_growth(
    growth: pd.Series | pd.DataFrame,
    base_year: int | None = None,
    base_value: float | pd.Series = 100.0,
    indicator: str | None = None,
) -> pd.Series | pd.DataFrame:
    """Real (constant-price) index chained from published real growth rates.

    Chinese statistics publish real growth (按可比价格计算) separately from nominal levels; the
    real path must be chained from those rates, never derived from nominal levels.

    .. math::
        R_{base} = v, \\quad R_t = R_{t-1} (1 + g_t / 100) \\; (t > base), \\quad
        R_{t-1} = R_t / (1 + g_t / 100) \\; (t \\le base)

    where :math:`g_t` is the published real growth of year t over t-1 (percent).

    Parameters
    ----------
    growth : Series indexed by year, years x districts DataFrame, or the tidy panel
        Real growth rates in percent (e.g. ``gdp_real_growth``), g_t = growth from t-1 to t.
    base_year : int, optional
        Year set to ``base_value``; default the year before the first rate.
    base_value : float or Series, default 100
        Level in the base year: 100 gives an index; the nominal level of the base year (per
        district, a Series) gives constant base-year-price levels.
    indicator : str, optional
        Which indicator to use when ``growth`` is the tidy panel.

    Returns
    -------
    Series or DataFrame
        Real index (or constant-price level) from the year before the first rate to the last.

    Raises
    ------
    MissingDataError
        A rate needed by the chain is missing (the chain would break): names the years.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import chain_real_growth
    >>> real = pd.Series([10.0, 5.0], index=[2011, 2012])
    >>> chain_real_growth(real).round(6).to_dict()
    {2010: 100.0, 2011: 110.0, 2012: 115.5}
    >>> chain_real_growth(real, base_year=2011).round(6).to_dict()
    {2010: 90.909091, 2011: 100.0, 2012: 105.0}
    """
    frame, was_series = _frame_or_series(growth, indicator)
    if frame.empty:
        raise MissingDataError("no growth rates given")
    first, last = int(frame.index.min()), int(frame.index.max())
    years = list(range(first - 1, last + 1))
    base = first - 1 if base_year is None else check_year(base_year, "base_year")
    if not first - 1 <= base <= last:
        raise MetricsError(f"base_year {base} outside the chain {first - 1}-{last}")
    rates = frame.reindex(range(first, last + 1))
    holes = [
        f"{col} {yr}" for col in rates.columns for yr in rates.index if pd.isna(rates.at[yr, col])
    ]
    if holes:
        raise MissingDataError(f"the chain breaks: no real growth rate for {', '.join(holes)}")
    if (rates <= -100).any().any():
        raise MetricsError("a growth rate <= -100 % cannot be chained")
    factor = 1.0 + rates / 100.0
    out = pd.DataFrame(index=pd.Index(years, name="year"), columns=frame.columns, dtype="float64")
    out.loc[base] = 1.0
    for year in range(base + 1, last + 1):
        out.loc[year] = out.loc[year - 1] * factor.loc[year]
    for year in range(base, first - 1, -1):
        out.loc[year - 1] = out.loc[year] / factor.loc[year]
    out = out * base_value
    return out.iloc[:, 0].rename(growth.name) if was_series else out
