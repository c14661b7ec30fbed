"""Checking an annual series and choosing the years a model is fitted on.

Everything a forecast needs to know about its input is decided here, once, with the reasons kept
as notes: which years were observed, which stretch is fitted (census breaks, gaps), whether log
models are allowed. Nothing is filled or dropped without a note; a gap inside the fitting window
is an error naming the missing years.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.forecast.breaks import last_stretch_start, resolve_breaks

#: Fewest values a forecast can be made from (two points fix a line but leave no error to measure).
MIN_VALUES = 3


def as_annual_series(series: pd.Series) -> pd.Series:
    """Return ``series`` as floats indexed by int year (index name ``"year"``), sorted by year.

    Integer years, a ``DatetimeIndex`` or an annual ``PeriodIndex`` are accepted; anything else is
    an error, as are duplicate years, non-numeric values and infinities. Missing values (NaN) are
    kept: deciding what they mean is the caller's job.

    Parameters
    ----------
    series : pandas.Series
        Annual values.

    Returns
    -------
    pandas.Series
        float64 values, int64 index named ``"year"``.

    Examples
    --------
    >>> s = pd.Series([1, 2], index=pd.PeriodIndex(["2020", "2021"], freq="Y"))
    >>> as_annual_series(s).index.tolist()
    [2020, 2021]
    """
    if not isinstance(series, pd.Series):
        raise TypeError(
            f"expected a pandas Series indexed by year, got {type(series).__name__}; "
            "for a years x districts frame use forecast_panel/backtest_panel"
        )
    index = series.index
    if isinstance(index, pd.DatetimeIndex | pd.PeriodIndex):
        years = np.asarray(index.year, dtype=np.int64)
    else:
        raw = np.asarray(index)
        if raw.dtype.kind in "iu":
            years = raw.astype(np.int64)
        elif raw.dtype.kind == "f" and np.all(np.isfinite(raw)) and np.all(raw == np.round(raw)):
            years = raw.astype(np.int64)
        else:
            raise ValueError(
                "the series index must hold years (int, e.g. 2018), dates or annual periods; "
                f"got {index.dtype} values such as {list(index[:3])}"
            )
    duplicated = pd.Index(years)[pd.Index(years).duplicated()].unique().tolist()
    if duplicated:
        raise ValueError(f"the series has more than one value for year(s) {duplicated}")
    if not (pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series)):
        raise ValueError(f"the series values must be numbers; got dtype {series.dtype}")
    values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    if np.isinf(values).any():
        bad = years[np.isinf(values)].tolist()
        raise ValueError(f"the series has infinite values in year(s) {bad}")
    out = pd.Series(values, index=pd.Index(years, name="year"), name=series.name)
    return out.sort_index()


def _year_map(labels: pd.Series | Mapping[int, str] | None, what: str) -> dict[int, str]:
    """``{year: label}`` from a Series indexed by year or a mapping; missing labels left out."""
    if labels is None:
        return {}
    if isinstance(labels, pd.Series):
        labels = labels.dropna()
        return {int(y): str(v) for y, v in zip(labels.index, labels.to_numpy(), strict=True)}
    if isinstance(labels, Mapping):
        return {int(y): str(v) for y, v in labels.items()}
    raise TypeError(f"{what} must be a Series indexed by year or a mapping; got {type(labels)}")


def _format_years(years: Iterable[int]) -> str:
    """Compact list of years: ``2007-2012, 2014``."""
    years = sorted(years)
    runs: list[tuple[int, int]] = []
    for y in years:
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)


@dataclass(frozen=True)
class FitWindow:
    """The years and values a model is fitted on, and why those.

    Attributes
    ----------
    years, values : numpy.ndarray
        Consecutive int years and their float values (no gap, no NaN).
    observed : pandas.Series
        The whole input series (float, int year index) including years outside the window.
    break_years : tuple of int
        Break years that were considered.
    positive : bool
        Whether every fitted value is > 0 (log models allowed).
    notes : list of str
        Plain-language account of the choices made.

    Examples
    --------
    >>> import pandas as pd
    >>> w = fit_window(pd.Series([5.0, 6, 7, 8], index=range(2011, 2015)), breaks="none")
    >>> (w.start, w.end, w.positive), w.values.tolist()
    ((2011, 2014, True), [5.0, 6.0, 7.0, 8.0])
    """

    years: np.ndarray
    values: np.ndarray
    observed: pd.Series
    break_years: tuple[int, ...]
    positive: bool
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return int(self.years[0])

    @property
    def end(self) -> int:
        return int(self.years[-1])

    @property
    def n(self) -> int:
        return len(self.values)


def fit_window(
    series: pd.Series,
    breaks: str | Iterable[int] = "known",
    gaps: str = "error",
    indicator: str | None = None,
    vintages: pd.Series | Mapping[int, str] | None = None,
    flags: pd.Series | Mapping[int, str] | None = None,
) -> FitWindow:
    """Choose the fitting window of an annual series: the last single-basis stretch, gap-free.

    Leading and trailing missing values only bound the observed span (noted). Inside the window a
    missing year is an error naming it, unless ``gaps="last_stretch"``, which fits on the values
    after the last gap and says so.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year (see :func:`as_annual_series`).
    breaks : {"known", "none"} or list of int
        Years starting a new statistical basis (see
        :func:`~jbanalysis.forecast.breaks.resolve_breaks`).
    gaps : {"error", "last_stretch"}
        What to do with missing years inside the window.
    indicator : str, optional
        Indicator id, to pick economic or population census years for ``breaks="known"``.
    vintages : Series or mapping of year to str, optional
        Vintage of each value (the panel's ``vintage`` column); it decides whether an economic
        census year's value is on the new basis (see
        :func:`~jbanalysis.forecast.breaks.known_break_years`).
    flags : Series or mapping of year to str, optional
        Quality flag of each value (the panel's ``flag`` column); values in the window that are
        not ``observed`` (``interpolated``, ``derived``, ``corrected``) are named in the notes.

    Returns
    -------
    FitWindow

    Examples
    --------
    First releases of GDP jump after the 2018 economic census in 2019; a revised 2018 value is
    already on the new basis:

    >>> s = pd.Series([100.0, 110, 121, 133, 146, 160], index=range(2016, 2022))
    >>> w = fit_window(s)
    >>> w.start, w.end, w.n
    (2019, 2021, 3)
    >>> w.notes[0]  # doctest: +ELLIPSIS
    'fitted on 2019–2021 (3 values): the stretch from the break at 2019; breaks considered: 2005, ...'
    >>> fit_window(s, vintages={2018: "revised"}).start
    2018
    """
    if gaps not in ("error", "last_stretch"):
        raise ValueError(f"gaps={gaps!r} is not understood; expected 'error' or 'last_stretch'")
    s = as_annual_series(series)
    label = f"'{s.name}'" if s.name is not None else "the series"
    present = s.dropna()
    if present.empty:
        raise ValueError(f"{label} has no values")
    first, last = int(present.index[0]), int(present.index[-1])
    vintage_map = _year_map(vintages, "vintages")
    break_years = resolve_breaks(breaks, indicator, vintage_map)
    start = last_stretch_start(first, last, break_years)
    notes: list[str] = []
    if first != int(s.index[0]) or last != int(s.index[-1]):
        notes.append(f"{label} is observed {first}–{last}")
    window_years = np.arange(start, last + 1)
    missing = sorted(set(window_years.tolist()) - set(present.index.tolist()))
    reason = f"the stretch from the break at {start}" if start != first else "all observed years"
    if missing:
        if gaps == "error":
            after = missing[-1] + 1
            hint = (
                f"pass gaps='last_stretch' to fit on {after}–{last} only, or breaks=[...] to "
                "start the window later"
                if last - after + 1 >= MIN_VALUES
                else f"after the last gap only {last - after + 1} value(s) remain, too few to fit"
            )
            raise ValueError(
                f"{label} has no value for {_format_years(missing)} inside the fitting window "
                f"{start}–{last}; {hint} (a gap is never filled silently)"
            )
        start = missing[-1] + 1
        reason = f"the last unbroken stretch (no value for {_format_years(missing)})"
        window_years = np.arange(start, last + 1)
    values = present.loc[window_years].to_numpy(dtype=np.float64)
    n = len(values)
    if n < MIN_VALUES:
        raise ValueError(
            f"{label} has only {n} value(s) to fit ({_format_years(window_years.tolist())}, "
            f"{reason}); at least {MIN_VALUES} are needed"
        )
    considered = ", ".join(str(b) for b in break_years) if break_years else "none"
    notes.insert(
        0,
        f"fitted on {start}–{last} ({n} values): {reason}; breaks considered: {considered}",
    )
    flag_map = _year_map(flags, "flags")
    unobserved = {
        y: flag_map[y] for y in window_years.tolist() if flag_map.get(y, "observed") != "observed"
    }
    if unobserved:
        listed = ", ".join(f"{y} ({f})" for y, f in unobserved.items())
        notes.append(f"values in the window that are not plain observations: {listed}")
    positive = bool(np.all(values > 0))
    if not positive:
        notes.append("the series has values <= 0: log models (loglinear, ets, arima) are refused")
    return FitWindow(
        years=window_years,
        values=values,
        observed=s,
        break_years=break_years,
        positive=positive,
        notes=notes,
    )
