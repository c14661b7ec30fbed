"""Convergence of per-capita values across regions: sigma (dispersion) and beta (catch-up).

Input is a years x regions frame of per-capita values (e.g. GDP per capita in 元), as from
``jbanalysis.panel.wide(panel, "gdp_per_capita")``, or the tidy panel with ``indicator=``.
statsmodels is imported only when :func:`beta_convergence` runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import (
    MetricsError,
    MissingDataError,
    as_year_frame,
    check_year,
    describe_missing,
    missing_years,
)


def sigma_convergence(data: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """Dispersion of log per-capita values across regions, every year.

    .. math::
        \\sigma_t = \\sqrt{\\tfrac{1}{n} \\textstyle\\sum_r (\\ln y_{r,t} - \\overline{\\ln y_t})^2}

    Sigma-convergence: :math:`\\sigma_t` falls over time. The coefficient of variation of the
    levels (ddof = 0) is given alongside. Only years in which every region has a value are
    measured: a region dropping out would change the dispersion by itself.

    Parameters
    ----------
    data : years x regions DataFrame, or the tidy panel
        Strictly positive per-capita values.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    DataFrame
        Indexed by year: ``sigma`` (std of natural logs), ``cv``, ``n``, ``reason``.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import sigma_convergence
    >>> y = pd.DataFrame({"a": [1.0, 2.0], "b": [4.0, 4.0]}, index=[2010, 2020])
    >>> sigma_convergence(y)["sigma"].round(6).tolist()
    [0.693147, 0.346574]
    """
    frame = as_year_frame(data, indicator)
    if frame.shape[1] < 2:
        raise MetricsError("dispersion needs at least two regions (columns)")
    if (frame <= 0).any().any():
        raise MetricsError("sigma convergence needs strictly positive values (logs)")
    members = list(frame.columns)
    rows = {}
    for year in frame.index:
        holes = describe_missing(frame, year, members)
        if holes:
            rows[year] = (np.nan, np.nan, len(members) - len(holes), f"no value for {holes}")
            continue
        row = frame.loc[year].to_numpy()
        logs = np.log(row)
        rows[year] = (float(logs.std()), float(row.std() / row.mean()), len(row), "")
    out = pd.DataFrame.from_dict(rows, orient="index", columns=["sigma", "cv", "n", "reason"])
    out.index.name = "year"
    return out


@dataclass(frozen=True)
class BetaConvergence:
    """Result of :func:`beta_convergence`.

    Attributes
    ----------
    beta : float
        Slope of annualised log growth on the log initial level (negative = convergence).
    intercept : float
    speed : float
        Implied speed of convergence λ per year: ``-ln(1 + beta T) / T``.
    half_life : float
        Years to close half the gap: ``ln 2 / λ`` (NaN when there is no convergence, see note).
    r_squared, p_value : float
        Of the OLS fit (p-value of beta, two-sided t-test).
    n : int
        Number of regions.
    start, end : int
    note : str
        Why speed/half-life are missing, when they are.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import beta_convergence
    >>> y = pd.DataFrame([[1.0, 4.0, 9.0], [2.0, 6.0, 12.0]], index=[2000, 2010], columns=list("abc"))
    >>> res = beta_convergence(y, 2000, 2010)
    >>> bool(res.beta < 0), res.n
    (True, 3)
    """

    beta: float
    intercept: float
    speed: float
    half_life: float
    r_squared: float
    p_value: float
    n: int
    start: int
    end: int
    note: str = ""


def beta_convergence(
    data: pd.DataFrame, start: int, end: int, indicator: str | None = None
) -> BetaConvergence:
    """Absolute beta-convergence: do poorer regions grow faster?

    OLS across regions r:

    .. math::
        \\frac{1}{T} \\ln \\frac{y_{r,end}}{y_{r,start}} = \\alpha + \\beta \\ln y_{r,start}
        + \\varepsilon_r, \\quad T = end - start

    with speed :math:`\\lambda = -\\ln(1 + \\beta T) / T` and half-life :math:`\\ln 2 / \\lambda`.

    Parameters
    ----------
    data : years x regions DataFrame, or the tidy panel
        Strictly positive per-capita values (real values when the period is long).
    start, end : int
        First and last year; every region needs a value in both.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    BetaConvergence
        beta (per year, per log unit), speed (per year), half_life (years), r_squared, p_value,
        n, and a note when speed/half-life are undefined (beta >= 0 or beta T <= -1).

    Raises
    ------
    MissingDataError
        A region lacks an endpoint value (named); drop it explicitly to go on.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from jbanalysis.metrics import beta_convergence
    >>> y0 = np.array([1.0, 2.0, 4.0, 8.0])
    >>> y1 = y0 * np.exp(10 * (0.1 - 0.02 * np.log(y0)) + np.array([0.01, -0.01, -0.01, 0.01]))
    >>> y = pd.DataFrame([y0, y1], index=[2000, 2010], columns=list("abcd"))
    >>> res = beta_convergence(y, 2000, 2010)
    >>> round(res.beta, 4), res.n, round(res.half_life, 1)
    (-0.02, 4, 31.1)
    """
    start, end = check_year(start, "start"), check_year(end, "end")
    if start >= end:
        raise MetricsError(f"start ({start}) must be before end ({end})")
    frame = as_year_frame(data, indicator)
    absent = missing_years(frame, [start, end])
    if absent:
        raise MissingDataError(f"year(s) {absent} not in the data")
    members = list(frame.columns)
    holes = [f"{m} {y}" for y in (start, end) for m in describe_missing(frame, y, members)]
    if holes:
        raise MissingDataError(f"beta convergence needs both endpoints; no value for {holes}")
    if len(members) < 3:
        raise MetricsError(f"beta convergence needs at least 3 regions, got {len(members)}")
    first, last = frame.loc[start].to_numpy(), frame.loc[end].to_numpy()
    if (first <= 0).any() or (last <= 0).any():
        raise MetricsError("beta convergence needs strictly positive values (logs)")
    years = end - start
    growth = np.log(last / first) / years
    import statsmodels.api as sm  # heavy: imported only here

    fit = sm.OLS(growth, sm.add_constant(np.log(first))).fit()
    intercept, beta = (float(v) for v in fit.params)
    note = ""
    if beta >= 0:
        speed, half_life = float("nan"), float("nan")
        note = f"beta = {beta:.4g} >= 0: no convergence, so no speed or half-life"
    elif 1.0 + beta * years <= 0:
        speed, half_life = float("nan"), float("nan")
        note = f"beta T = {beta * years:.4g} <= -1: speed undefined (overshooting)"
    else:
        speed = -math.log1p(beta * years) / years
        half_life = math.log(2.0) / speed
    return BetaConvergence(
        beta=beta,
        intercept=intercept,
        speed=speed,
        half_life=half_life,
        r_squared=float(fit.rsquared),
        p_value=float(fit.pvalues[1]),
        n=len(members),
        start=start,
        end=end,
        note=note,
    )
