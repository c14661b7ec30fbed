"""Checking an annual series and choosing the years a model is fitted on.

Everything a forecast needs to know about its input is decided here, once, with the reasons kept
as notes: which years were observed, which stretch is fitted (census breaks, gaps), whether log
models are allowed, how the years before a registered break are re-levelled. Nothing is filled or
dropped without a note: by default the models step over a missing year inside the series (the
change across it counts as equal yearly changes; the year gets no value anywhere), and the notes
say so; ``gaps="narrow"`` fits on the years after the last gap only, ``gaps="error"`` makes a gap
an error naming the missing years.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.forecast.breaks import last_stretch_start, relevel, resolve_breaks, step_over
from jbanalysis.forecast.domains import UNBOUNDED, domain_of
from jbanalysis.forecast.options import FitOptions, fit_options

#: Fewest values a forecast can be made from (two points fix a line but leave no error to measure).
MIN_VALUES = 3


class SeriesError(ValueError):
    """A series that cannot be forecast: the message, and why as a key with its numbers, so that
    a report can say it in its own language.

    ``reason``: ``no_values``, ``too_few`` (``n``, ``needed``, ``years``), ``outside_domain``
    (``years``, ``lower``, ``upper``), ``gap`` (``years``, with ``gaps="error"``) or
    ``too_few_to_hold_out`` (``n``, ``held``).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import SeriesError, forecast
    >>> try:
    ...     forecast(pd.Series([1.0, 2.0], index=[2020, 2021]))
    ... except SeriesError as exc:
    ...     print(exc.reason, exc.fields["n"], exc.fields["needed"])
    too_few 2 3
    """

    def __init__(self, message: str, reason: str, **fields: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.fields = fields


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
    >>> import pandas as pd
    >>> from jbanalysis.forecast import as_annual_series
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
    years : numpy.ndarray
        Consecutive int years of the window (no gap).
    values : numpy.ndarray
        The values the models fit: as published from the last break on, re-levelled onto that
        basis before it (see :func:`~jbanalysis.forecast.breaks.relevel`).
    published : numpy.ndarray
        The same years' values as given.
    keep : numpy.ndarray of bool
        One per yearly change: ``False`` for a change into a break year, which difference-based
        models leave out.
    observed : pandas.Series
        The whole input series (float, int year index) including years outside the window.
    break_years : tuple of int
        Break years that were considered.
    positive : bool
        Whether every fitted value is > 0 (log models allowed).
    notes : list of str
        Plain-language account of the choices made.
    relevelled : dict of int to str
        Break years inside the window and how the years before each were re-levelled.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import fit_window
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
    published: np.ndarray | None = None
    keep: np.ndarray | None = None
    relevelled: dict[int, str] = field(default_factory=dict)
    ratios: dict[int, float] = field(default_factory=dict)
    domain: tuple[float, float] = UNBOUNDED

    def __post_init__(self) -> None:
        if self.published is None:
            object.__setattr__(self, "published", self.values)
        if self.keep is None:
            object.__setattr__(self, "keep", np.ones(max(len(self.values) - 1, 0), dtype=bool))

    @property
    def start(self) -> int:
        return int(self.years[0])

    @property
    def end(self) -> int:
        return int(self.years[-1])

    @property
    def n(self) -> int:
        """Years in the window (a gap's years included)."""
        return len(self.values)

    @property
    def n_values(self) -> int:
        """Values in the window (a gap's years left out)."""
        return int(np.isfinite(self.published).sum())

    @property
    def filled(self) -> np.ndarray:
        """The values the models fit: ``values`` with a gap's years stepped over as equal changes
        (linear on logs when every value is positive, else on levels). Never shown or stored."""
        return step_over(self.values)

    def head(self, n: int) -> FitWindow:
        """The first ``n`` years, re-levelled afresh (a backtest origin sees no later break)."""
        years, published = self.years[:n], self.published[:n]
        lv = relevel(published, years, self.break_years, self.ratios)
        return FitWindow(
            years=years,
            values=lv.values,
            observed=self.observed,
            break_years=self.break_years,
            positive=bool(np.all(published[np.isfinite(published)] > 0)),
            published=published,
            keep=lv.keep,
            relevelled=lv.how,
            ratios=self.ratios,
            domain=self.domain,
        )


def fit_window(series: pd.Series, options: FitOptions | None = None, **fit) -> FitWindow:
    """Choose the fitting window of an annual series and re-level it across registered breaks.

    Leading and trailing missing values only bound the observed span (noted). A missing year
    inside the span narrows the window to the years after the last gap, and a note says so
    (``gaps="narrow"``, the default; ``"last_stretch"`` is the old name of the same); with
    ``gaps="error"`` it is an error naming the missing years. Nothing is filled.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by year (see :func:`as_annual_series`).
    options : FitOptions, optional
        How the window is chosen and what the series is: ``breaks``, ``gaps``, ``on_break``,
        ``indicator``, ``district``, ``vintages``, ``flags``, ``ratios``
        (:class:`~jbanalysis.forecast.FitOptions`); default ``FitOptions()``.
    **fit
        Any field of :class:`~jbanalysis.forecast.FitOptions` as a keyword, overriding
        ``options`` (``breaks="none"``, ``indicator="gdp"``).

    Returns
    -------
    FitWindow

    Examples
    --------
    First releases of GDP change basis in 2019 after the 2018 economic census; by default the
    years before are kept, re-levelled: the 2019 change (+32.2 % in logs 0.2796) is replaced by
    the median change (10 %, 0.0953), so 2016–2018 are scaled by ``exp(0.1843) = 1.2023``:

    >>> import pandas as pd
    >>> from jbanalysis.forecast import fit_window
    >>> s = pd.Series([100.0, 110, 121, 160, 176, 193.6], index=range(2016, 2022))
    >>> w = fit_window(s, indicator="gdp")
    >>> w.start, w.end, w.n, w.values.round(1).tolist()
    (2016, 2021, 6, [120.2, 132.2, 145.5, 160.0, 176.0, 193.6])
    >>> w.notes[0]
    'fitted on 2016–2021 (6 values): all observed years; registered breaks inside: 2019 (the years before re-levelled: break-year change left out)'
    >>> fit_window(s, indicator="gdp", on_break="cut").start
    2019
    """
    opts = fit_options(options, "fit_window", **fit)
    breaks, gaps, on_break = opts.breaks, opts.gaps, opts.on_break
    indicator, district, ratios = opts.indicator, opts.district, opts.ratios
    vintages, flags = opts.vintages, opts.flags
    s = as_annual_series(series)
    label = f"'{s.name}'" if s.name is not None else "the series"
    present = s.dropna()
    if present.empty:
        raise SeriesError(f"{label} has no values", "no_values")
    domain = domain_of(indicator, opts.domain)
    outside = present[(present < domain[0]) | (present > domain[1])]
    if len(outside):
        what = (
            f"{indicator} takes values in {domain[0]:g}–{domain[1]:g}"
            if indicator
            else (f"its domain is {domain[0]:g}–{domain[1]:g}")
        )
        raise SeriesError(
            f"{label} has values outside the values it can take: "
            + ", ".join(f"{y}: {v:g}" for y, v in outside.items())
            + f" ({what}); check those years in the data",
            "outside_domain",
            years=[int(y) for y in outside.index],
            lower=domain[0],
            upper=domain[1],
        )
    first, last = int(present.index[0]), int(present.index[-1])
    vintage_map = _year_map(vintages, "vintages")
    break_years = resolve_breaks(breaks, indicator, vintage_map, district)
    start = last_stretch_start(first, last, break_years) if on_break == "cut" else first
    notes: list[str] = []
    if first != int(s.index[0]) or last != int(s.index[-1]):
        notes.append(f"{label} is observed {first}–{last}")
    window_years = np.arange(start, last + 1)
    missing = sorted(set(window_years.tolist()) - set(present.index.tolist()))
    if start != first:
        reason = f"the stretch from the break at {start} (on_break='cut')"
    else:
        reason = "all observed years"
    if missing and gaps == "error":
        # narrowing is offered only where it leaves enough to fit: advice must work when followed
        after = int((present.index > missing[-1]).sum())
        narrow = (
            f", or gaps='narrow' to fit on {missing[-1] + 1}–{last} only"
            if after >= MIN_VALUES
            else f" (narrowing to the years after the last gap would leave {after} value(s))"
        )
        raise SeriesError(
            f"{label} has no value for {_format_years(missing)} inside the fitting window "
            f"{start}–{last}; pass gaps='step' to let the models step over it{narrow} "
            "(a gap is never filled)",
            "gap",
            years=missing,
        )
    if missing and gaps in ("narrow", "last_stretch"):
        start = missing[-1] + 1
        reason = (
            f"narrowed to the years after the last gap (no value for {_format_years(missing)}; "
            "nothing filled)"
        )
        window_years = np.arange(start, last + 1)
    elif missing:
        reason += (
            f"; no value for {_format_years(missing)}: the models step over "
            f"{'it' if len(missing) == 1 else 'them'} (the change across a gap counts as equal "
            "yearly changes; nothing is filled in the data or the results)"
        )
    published = present.reindex(window_years).to_numpy(dtype=np.float64)
    n = int(np.isfinite(published).sum())
    if n < MIN_VALUES:
        # name the years the fit would have had, not every observed year
        fit_years = [int(y) for y in window_years if np.isfinite(present.get(y, np.nan))]
        raise SeriesError(
            f"{label} has only {n} value(s) to fit ({_format_years(fit_years)}, "
            f"{reason}); at least {MIN_VALUES} are needed",
            "too_few",
            n=n,
            needed=MIN_VALUES,
            years=fit_years,
        )
    ratios = {int(k): float(v) for k, v in (ratios or {}).items()}
    lv = relevel(published, window_years, break_years, ratios)
    inside = [b for b in break_years if start < b <= last]
    if lv.how:
        listed = ", ".join(f"{b}" for b in lv.how)
        methods = sorted(set(lv.how.values()))
        breaks_note = (
            f"registered breaks inside: {listed} (the years before re-levelled: "
            f"{'; '.join(methods)})"
        )
    elif break_years:
        breaks_note = "no registered break inside the window"
    elif breaks == "none" or indicator is None:
        breaks_note = "breaks considered: none"
    else:
        breaks_note = "no registered break applies to this series"
    notes.insert(0, f"fitted on {start}–{last} ({n} values): {reason}; {breaks_note}")
    if inside and inside[-1] == last:
        notes.append(
            f"the last year ({last}) starts a new basis: it is the only value on that basis, so "
            "the level before it is estimated from a single change"
        )
    flag_map = _year_map(flags, "flags")
    unobserved = {
        y: flag_map[y] for y in window_years.tolist() if flag_map.get(y, "observed") != "observed"
    }
    if unobserved:
        listed = ", ".join(f"{y} ({f})" for y, f in unobserved.items())
        notes.append(f"values in the window that are not plain observations: {listed}")
    positive = bool(np.all(published[np.isfinite(published)] > 0))
    if not positive:
        notes.append("the series has values <= 0: log models are refused")
    if np.nanmax(published) == np.nanmin(published):
        notes.append("the series is constant in the window: every model forecasts that value")
    return FitWindow(
        years=window_years,
        values=lv.values,
        observed=s,
        break_years=break_years,
        positive=positive,
        notes=notes,
        published=published,
        keep=lv.keep,
        relevelled=lv.how,
        ratios=ratios,
        domain=domain,
    )
