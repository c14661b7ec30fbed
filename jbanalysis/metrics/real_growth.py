"""Average growth as analysts quote it: chained from the published growth rates of every year.

Chinese bulletins print each year's growth over the year before at comparable prices (按可比价格
计算): the bureau compares the two years on one basis, so a census re-levelling or a change of
scope between them does not enter the rate. The average growth of a window chained from those
rates (按可比价计算年均增长) is therefore the figure no level break can distort, and it is the one
to quote first; a compound growth rate of the levels (:func:`jbanalysis.metrics.cagr`) is nominal
and, across a registered break, compares two bases (:func:`quoted_growth` says which breaks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import MetricsError, as_year_frame, check_year, resolve_names
from jbanalysis.metrics.compounding import annual_growth

__all__ = ["QuotedGrowth", "average_real_growth", "quoted_growth"]


def average_real_growth(rates: pd.Series, start: int, end: int) -> float:
    """Average annual growth over ``start``–``end`` chained from published yearly rates.

    .. math:: \\bar g = 100 \\left[ \\prod_{t=s+1}^{e} \\left(1 + \\frac{g_t}{100}\\right)
              \\right]^{1/(e-s)} - 100

    where :math:`g_t` is the published growth of year t over t − 1 (percent, e.g.
    ``gdp_real_growth``). The result is NaN when a year of (s, e] has no published rate: a chain
    with a gap is not an average of the window, and a rate is never filled in.

    Parameters
    ----------
    rates : Series indexed by year
        Published growth rates in percent.
    start, end : int
        The window; ``end`` after ``start``.

    Returns
    -------
    float
        Percent a year.

    Examples
    --------
    Two years at 10 % and 5 %: (1.10 × 1.05)^(1/2) − 1 = 7.47 % a year.

    >>> import pandas as pd
    >>> from jbanalysis.metrics.real_growth import average_real_growth
    >>> rates = pd.Series([10.0, 5.0, 6.0], index=[2011, 2012, 2013])
    >>> round(average_real_growth(rates, 2010, 2012), 4)
    7.4709
    >>> average_real_growth(rates, 2009, 2012)  # 2010 has no published rate
    nan
    """
    start, end = check_year(start, "start"), check_year(end, "end")
    if end <= start:
        raise MetricsError(f"end ({end}) must be after start ({start})")
    wanted = rates.reindex(range(start + 1, end + 1)).astype("float64")
    if wanted.isna().any() or (wanted <= -100).any():
        return float("nan")
    factor = float(np.prod(1.0 + wanted.to_numpy() / 100.0))
    return 100.0 * (factor ** (1.0 / (end - start)) - 1.0)


@dataclass(frozen=True)
class QuotedGrowth:
    """The average growth of a window to quote first, and how it was obtained.

    Attributes
    ----------
    district, indicator : str
    start, end : int
    rate : float
        Percent a year (NaN when neither method gives one).
    method : str
        ``"chained"`` (from the published growth rates of every year, :func:`average_real_growth`)
        or ``"nominal CAGR"`` (from the two levels; crosses the breaks in ``crossed``).
    growth_indicator : str or None
        The published growth chained (``gdp_real_growth``: real, 按可比价).
    missing_rates : tuple of int
        Years of the window without a published rate (why the chain was not used).
    crossed : DataFrame
        The registered breaks a nominal CAGR crosses (:func:`jbanalysis.registry.breaks.crossed_breaks`;
        empty for a chained rate, which crosses none).

    Examples
    --------
    >>> from jbanalysis.metrics.real_growth import QuotedGrowth
    >>> QuotedGrowth("jiangbei", "gdp", 2015, 2020, 7.0, "chained", "gdp_real_growth").comparable
    True
    """

    district: str
    indicator: str
    start: int
    end: int
    rate: float
    method: str
    growth_indicator: str | None = None
    missing_rates: tuple[int, ...] = ()
    crossed: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def comparable(self) -> bool:
        """Whether the rate compares like with like (chained, or a CAGR crossing no break)."""
        return bool(np.isfinite(self.rate)) and (self.method == "chained" or self.crossed.empty)


def quoted_growth(
    panel: pd.DataFrame, district: str, start: int, end: int, indicator: str = "gdp"
) -> QuotedGrowth:
    """The window's average growth to quote: chained from published rates, else the nominal CAGR.

    Where the panel holds the indicator's published growth (:func:`~jbanalysis.registry.indicators.
    growth_of`: ``gdp_real_growth`` for GDP) for every year of (start, end], the rate is chained
    from them (:func:`average_real_growth`). Otherwise it is the nominal compound growth of the
    two levels,

    .. math:: \\mathrm{CAGR} = 100 \\, [(x_e / x_s)^{1/(e - s)} - 1]

    marked with the registered breaks it crosses and the years whose rate is missing.

    Parameters
    ----------
    panel : DataFrame
        The tidy panel (:func:`jbanalysis.load_panel`) with the level and its growth indicator.
    district : str
    start, end : int
    indicator : str, default "gdp"

    Examples
    --------
    The city's GDP 2015–2020: a published real growth rate for every year, chained (the nominal
    CAGR would cross the 2019 census break). 江北 has no published rate for 2019 or 2020: its
    nominal CAGR is marked with the break it crosses.

    >>> import jbanalysis as jb
    >>> from jbanalysis.metrics.real_growth import quoted_growth
    >>> p = jb.load_panel(["chongqing", "jiangbei"], indicators=["gdp", "gdp_real_growth"])
    >>> q = quoted_growth(p, "chongqing", 2015, 2020)
    >>> q.method, round(q.rate, 2), q.comparable
    ('chained', 7.21, True)
    >>> q = quoted_growth(p, "jiangbei", 2018, 2020)
    >>> q.method, q.missing_rates, q.crossed["break_id"].tolist(), q.comparable
    ('nominal CAGR', (2019, 2020), ['B04'], False)
    """
    from jbanalysis.registry.breaks import crossed_breaks
    from jbanalysis.registry.indicators import growth_of, resolve_indicator

    indicator = resolve_indicator(indicator)
    start, end = check_year(start, "start"), check_year(end, "end")
    if end <= start:
        raise MetricsError(f"end ({end}) must be after start ({start})")
    growth = growth_of(indicator)
    missing: tuple[int, ...] = tuple(range(start + 1, end + 1))
    if growth is not None and (panel["indicator"] == growth).any():
        rates = as_year_frame(panel, growth)
        (did,) = resolve_names([district], list(rates.columns), "district")
        series = rates[did].reindex(range(start + 1, end + 1))
        missing = tuple(int(y) for y in series.index[series.isna()])
        if not missing:
            rate = average_real_growth(series, start, end)
            return QuotedGrowth(did, indicator, start, end, rate, "chained", growth)
    levels = as_year_frame(panel, indicator)
    (did,) = resolve_names([district], list(levels.columns), "district")
    first, last = levels[did].get(start, np.nan), levels[did].get(end, np.nan)
    positive = np.isfinite(first) and np.isfinite(last) and first > 0 and last > 0
    rate = float(annual_growth(first, last, end - start)) if positive else float("nan")
    crossed = crossed_breaks(indicator, start, end, did)
    return QuotedGrowth(did, indicator, start, end, rate, "nominal CAGR", growth, missing, crossed)
