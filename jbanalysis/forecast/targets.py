"""Can a series reach a target? Required growth against history and against the forecast."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.forecast.core import forecast_window
from jbanalysis.forecast.fitting import ModelArg, check_horizon, check_levels, parse_model
from jbanalysis.forecast.options import FitOptions, fit_options
from jbanalysis.forecast.series import fit_window
from jbanalysis.metrics.compounding import compound, required_cagr
from jbanalysis.metrics.growth import cagr as window_cagr


@dataclass
class TargetCheck:
    """Outcome of :func:`target_check`.

    Attributes
    ----------
    last_year, last_value : int, float
        Last fitted observation (the base of the required growth).
    target_year, target_value : int, float
    required_cagr : float
        % a year needed from ``last_value`` to ``target_value``.
    probability : float
        Probability of reaching the target (``>=``, or ``<=`` for ``direction="at_most"``) under
        the forecast distribution of ``model`` in ``target_year``; NaN ("not estimable") where
        the series' intervals are not calibrated on its backtest.
    probability_note : str
        Why the probability is not estimable (empty when it is).
    model : str
    table : pandas.DataFrame
        One row per comparison: ``basis``, ``start_year``, ``end_year``, ``cagr`` (%),
        ``value_at_target_year`` (the target; the last value compounded at a historical CAGR;
        the forecast median or mean) and ``note``.
    notes : list of str

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import target_check
    >>> s = pd.Series([100.0, 110, 121, 133.1, 146.41], index=range(2016, 2021))
    >>> check = target_check(s, 292.82, 2030, model="drift", breaks="none")
    >>> check.last_year, round(check.required_cagr, 2)
    (2020, 7.18)
    """

    last_year: int
    last_value: float
    target_year: int
    target_value: float
    required_cagr: float
    probability: float
    model: str
    table: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    probability_note: str = ""

    @property
    def estimable(self) -> bool:
        """Whether :attr:`probability` may be shown."""
        return bool(np.isfinite(self.probability))


def target_check(
    series: pd.Series,
    target_value: float,
    target_year: int,
    *,
    model: ModelArg = "auto",
    windows: Iterable[int] = (3, 5, 10),
    direction: str = "at_least",
    level: Iterable[float] = (80, 95),
    calibrate: bool = True,
    options: FitOptions | None = None,
    **fit,
) -> TargetCheck:
    """Required growth to a target against historical growth and the forecast.

    ``required_cagr = 100 * ((target / y_T) ** (1 / (target_year - T)) - 1)`` from the last fitted
    year ``T``; historical CAGRs over the last ``w`` years ``100 * ((y_T / y_{T-w}) ** (1/w) - 1)``;
    the forecast's implied CAGR (of its median) to ``target_year``; and the probability of
    reaching the target under the forecast distribution (for a combination: the level at which
    the averaged quantiles meet the target) — only where the series' intervals are calibrated on
    its backtest; otherwise ``probability`` is NaN and ``probability_note`` says why. The growth
    helpers are those of :mod:`jbanalysis.metrics` (``cagr``, ``required_cagr``, ``compound``).

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year.
    target_value : float
        Target level, in the series' unit (e.g. ``2 * s[2020]`` for "double the 2020 level").
    target_year : int
        Year the target is for; after the last fitted year.
    model : str or list of str
        As for :func:`~jbanalysis.forecast.forecast`.
    windows : iterable of int
        Lengths (years) of the historical windows.
    direction : {"at_least", "at_most"}
        Whether the target is reached from below (growth) or from above (a cap).
    level, options, **fit
        As for :func:`~jbanalysis.forecast.forecast` (the fitting window:
        :class:`~jbanalysis.forecast.FitOptions`).
    calibrate : bool
        ``True`` (default): a probability only where the series' intervals are calibrated on its
        backtest. ``False``: the model's own distribution, unchecked (for checking the arithmetic
        or for models the caller has validated; the notes say so) — never in a report.

    Returns
    -------
    TargetCheck

    Examples
    --------
    Doubling the 2022 level by 2027 needs 14.87 % a year, against 10.23 % over 2019-2022
    (``(146 / 109) ** (1 / 3) - 1``):

    >>> import pandas as pd
    >>> from jbanalysis.forecast import target_check
    >>> s = pd.Series([100.0, 109, 121, 131, 146], index=range(2018, 2023))
    >>> tc = target_check(s, 2 * 146, 2027, model="drift", breaks="none")
    >>> round(tc.required_cagr, 2), tc.estimable
    (14.87, False)
    >>> tc.probability_note  # five values leave two backtest origins: no calibration, no probability
    'only 2 backtest origin(s), at least 3 are needed'
    >>> tc.table[["basis", "start_year", "end_year", "cagr"]].round(2)
                         basis  start_year  end_year   cagr
    0                 required        2022      2027  14.87
    1       historical 3 years        2019      2022  10.23
    2       historical 5 years        2017      2022    NaN
    3      historical 10 years        2012      2022    NaN
    4  forecast (drift) median        2022      2027   9.92
    5    forecast (drift) mean        2022      2027   9.95
    >>> tc.table.loc[2, "note"]
    'no value for 2017'
    """
    if direction not in ("at_least", "at_most"):
        raise ValueError(f"direction={direction!r}; expected 'at_least' or 'at_most'")
    if not np.isfinite(target_value) or target_value <= 0:
        raise ValueError(f"target_value must be a positive finite number; got {target_value!r}")
    levels = check_levels(level)
    window = fit_window(series, fit_options(options, "target_check", **fit))
    last_year, last_value = window.end, float(window.published[-1])
    if isinstance(target_year, bool) or int(target_year) != target_year:
        raise ValueError(f"target_year must be a year; got {target_year!r}")
    target_year = int(target_year)
    horizon = target_year - last_year
    if horizon < 1:
        raise ValueError(
            f"target year {target_year} is not after the last fitted year {last_year}: "
            "compare the target with the data instead"
        )
    fc = forecast_window(
        window, check_horizon(horizon), parse_model(model), levels, calibrate=calibrate
    )
    notes = list(fc.attrs["notes"])
    label = str(fc["model"].iloc[-1])
    detail = str(fc["detail"].iloc[-1])
    dist = fc.attrs["distribution"]
    median = float(fc["median"].iloc[-1])
    mean = float(fc["mean"].iloc[-1])
    calibration = fc.attrs["calibration"]
    if not calibrate:
        notes.append("probability from the model's own intervals, not checked against a backtest")
    if not calibrate or (calibration is not None and calibration.calibrated):
        below = float(dist.cdf(float(target_value))[-1])
        probability = 1 - below if direction == "at_least" else below
        why_not = ""
    else:
        probability = float("nan")
        why_not = calibration.reason if calibration is not None else "intervals not checked"
        notes.append(f"probability of reaching the target not estimable: {why_not}")
    required = required_cagr(last_value, float(target_value), horizon)

    rows = [("required", last_year, target_year, required, float(target_value), "")]
    observed = window.observed
    for w in sorted(set(int(w) for w in windows)):
        start = last_year - w
        base = observed.get(start, np.nan)
        if not np.isfinite(base) or base <= 0:
            rows.append(
                (f"historical {w} years", start, last_year, np.nan, np.nan, f"no value for {start}")
            )
            continue
        crossed = [b for b in window.break_years if start < b <= last_year]
        note = (
            f"crosses the registered break at {', '.join(map(str, crossed))}: partly a change "
            "of basis"
            if crossed
            else ""
        )
        value = window_cagr(observed, start, last_year)
        rows.append((f"historical {w} years", start, last_year, value,
                     compound(last_value, value, horizon), note))  # fmt: skip
    for what, value in (("median", median), ("mean", mean)):
        rows.append((f"forecast ({label}) {what}", last_year, target_year,
                     required_cagr(last_value, value, horizon) if value > 0 else np.nan,
                     value, ""))  # fmt: skip
    table = pd.DataFrame(
        rows, columns=["basis", "start_year", "end_year", "cagr", "value_at_target_year", "note"]
    )
    notes.extend(fc.attrs["diagnostics"])
    return TargetCheck(
        last_year=last_year,
        last_value=last_value,
        target_year=target_year,
        target_value=float(target_value),
        required_cagr=required,
        probability=float(probability),
        model=f"{label}: {detail}",
        table=table,
        notes=notes,
        probability_note=why_not,
    )
