"""Registered breaks of a series, and how a forecast keeps the years on both sides of them.

Only breaks registered in ``data/breaks.csv`` (:mod:`jbanalysis.registry.breaks`) count: censuses,
boundary, scope and definition changes, per indicator and district (渝北's 2013 fiscal scope
change, the retail 2018/19 definition break, the 2011 綦江/大足 mergers, ...). Where the new basis
starts depends on the vintage of the census year's own value: a first release of a census year is
on the old basis, so a series of first releases changes basis the year after; a revised value is
already on the new basis (:func:`jbanalysis.registry.breaks.new_basis_years`).

A break changes the level of a series, not what its history says about growth. The forecasts
therefore keep the years before a break (``on_break="adjust"``, the default) and re-level them
onto the newest basis:

* **splice by the overlap ratio** where both vintages of the break year exist (``ratios``:
  new / old value of the same year, e.g. revised / first-release 2018 GDP): every year before the
  break is multiplied by that ratio (:func:`jbanalysis.metrics.splice` does the same for a whole
  vintage);
* otherwise **leave the break year's change out**: the change into the first year of the new basis
  is not growth, so it is replaced by the median of the other yearly changes (on logs when every
  value is positive, else on levels) and the years before are shifted by the difference — a level
  shift estimated from the data. Difference-based models also leave that change out of their drift
  and variance.

``on_break="cut"`` fits on the last single-basis stretch only (the behaviour before issue 10). The
choice of ``adjust`` as the default was made on the peer benchmark (``docs/forecasts.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

#: Vintages of a census year's value that are already on the new (census) basis.
from jbanalysis.registry.breaks import NEW_BASIS_VINTAGES

__all__ = [
    "ECONOMIC_CENSUS_YEARS",  # noqa: F822 - read from the registry by __getattr__
    "NEW_BASIS_VINTAGES",
    "POPULATION_CENSUS_YEARS",  # noqa: F822 - read from the registry by __getattr__
    "Relevelled",
    "known_break_years",
    "last_stretch_start",
    "relevel",
    "resolve_breaks",
    "step_over",
]

ON_BREAK = ("adjust", "cut")


def __getattr__(name: str) -> tuple[int, ...]:
    # Read from the registry when first asked for, so that importing the package reads no file.
    if name in ("ECONOMIC_CENSUS_YEARS", "POPULATION_CENSUS_YEARS"):
        from jbanalysis.registry.breaks import census_years

        return census_years(name.split("_")[0].lower() + "_census")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def known_break_years(
    indicator: str | None = None,
    vintages: Mapping[int, str] | None = None,
    district: str | None = None,
) -> tuple[int, ...]:
    """First years of a new statistical basis of a series, from the break registry.

    Parameters
    ----------
    indicator : str, optional
        Indicator id; ``None`` (a series of unknown kind): no registered break applies.
    vintages : mapping of int to str, optional
        Vintage of each year's value (the panel's ``vintage`` column by year).
    district : str, optional
        District id: its own breaks (boundary, scope) count too; ``None`` gives the breaks that
        apply to every unit.

    Examples
    --------
    >>> from jbanalysis.forecast import known_break_years
    >>> known_break_years("gdp")
    (2005, 2009, 2014, 2019, 2024)
    >>> known_break_years("gdp", vintages={2018: "revised"})
    (2005, 2009, 2014, 2018, 2024)
    >>> known_break_years("fiscal_revenue", district="yubei")
    (2011, 2012, 2013)
    >>> known_break_years("gdp", district="qijiang")
    (2005, 2009, 2011, 2014, 2018, 2019, 2024)
    >>> known_break_years(None)
    ()
    """
    if indicator is None:
        return ()
    from jbanalysis.registry.breaks import new_basis_years

    return new_basis_years(indicator, district, dict(vintages or {}))


def resolve_breaks(
    breaks: str | Iterable[int],
    indicator: str | None = None,
    vintages: Mapping[int, str] | None = None,
    district: str | None = None,
) -> tuple[int, ...]:
    """Turn the ``breaks`` argument into a sorted tuple of break years.

    Parameters
    ----------
    breaks : {"known", "none"} or iterable of int
        ``"known"``: the registered breaks of the series (:func:`known_break_years`); ``"none"``:
        no break; a list of years: each is the first year of a new basis.
    indicator, vintages, district : optional
        Passed to :func:`known_break_years`.

    Examples
    --------
    >>> from jbanalysis.forecast.breaks import resolve_breaks
    >>> resolve_breaks("none")
    ()
    >>> resolve_breaks([2019, 2009])
    (2009, 2019)
    """
    if isinstance(breaks, str):
        if breaks == "known":
            return known_break_years(indicator, vintages, district)
        if breaks == "none":
            return ()
        raise ValueError(
            f"breaks={breaks!r} is not understood; expected 'known', 'none' or a list of years"
        )
    years = []
    for year in breaks:
        if isinstance(year, bool) or not float(year).is_integer():
            raise ValueError(f"break year {year!r} is not a whole year")
        years.append(int(year))
    return tuple(sorted(set(years)))


def last_stretch_start(first: int, last: int, break_years: Iterable[int]) -> int:
    """First year of the last single-basis stretch of a series observed from ``first`` to ``last``.

    A break year ``b`` with ``first < b <= last`` starts a new stretch; the last such year wins.

    Examples
    --------
    >>> from jbanalysis.forecast.breaks import last_stretch_start
    >>> last_stretch_start(2005, 2022, (2005, 2009, 2014, 2019, 2024))
    2019
    >>> last_stretch_start(2005, 2017, ())
    2005
    """
    inside = [b for b in break_years if first < b <= last]
    return max(inside) if inside else first


@dataclass(frozen=True)
class Relevelled:
    """A series re-levelled onto its newest basis (see :func:`relevel`).

    Attributes
    ----------
    values : numpy.ndarray
        The re-levelled values; the values from the last break on are unchanged.
    keep : numpy.ndarray of bool
        One per yearly change: ``False`` for a change into a break year (not growth).
    factors : dict of int to float
        Per break year: the factor (or, on levels, the shift) applied to the years before it.
    how : dict of int to str
        Per break year: ``"overlap ratio"`` or ``"break-year change left out"``.
    """

    values: np.ndarray
    keep: np.ndarray
    factors: dict[int, float]
    how: dict[int, str]


def relevel(
    values: np.ndarray,
    years: np.ndarray,
    break_years: Iterable[int],
    ratios: Mapping[int, float] | None = None,
) -> Relevelled:
    """Re-level the years before each break onto the newest basis, keeping their growth.

    Parameters
    ----------
    values : numpy.ndarray
        Consecutive annual values (no NaN).
    years : numpy.ndarray
        Their years.
    break_years : iterable of int
        First years of a new basis; those inside ``(years[0], years[-1]]`` are used.
    ratios : mapping of int to float, optional
        Overlap ratio (new / old value of the same year) per break year, where both vintages
        exist: the years before the break are multiplied by it. Other breaks: the change into the
        break year is replaced by the median of the other changes (on logs when every value is
        positive, else on levels).

    Examples
    --------
    A series growing 10 % a year with a 50 % jump into 2008 (a new basis):

    >>> import numpy as np
    >>> from jbanalysis.forecast import relevel
    >>> y = np.array([100.0, 110.0, 121.0, 199.65, 219.615])
    >>> r = relevel(y, np.arange(2005, 2010), [2008])
    >>> r.values.round(2).tolist(), r.keep.tolist(), r.how
    ([150.0, 165.0, 181.5, 199.65, 219.62], [True, True, False, True], {2008: 'break-year change left out'})

    With an overlap ratio (the 2008 value was 1.5 times higher on the new basis):

    >>> relevel(y, np.arange(2005, 2010), [2008], ratios={2008: 1.5}).values.round(2).tolist()
    [150.0, 165.0, 181.5, 199.65, 219.62]
    """
    gaps = ~np.isfinite(np.asarray(values, dtype=float))
    y = step_over(values)  # a gap's years re-levelled with their neighbours, then left empty
    years = np.asarray(years)
    ratios = dict(ratios or {})
    first, last = int(years[0]), int(years[-1])
    inside = sorted({int(b) for b in break_years if first < int(b) <= last})
    keep = np.ones(max(len(y) - 1, 0), dtype=bool)
    for b in inside:
        keep[b - first - 1] = False
    if not inside:
        return Relevelled(np.where(gaps, np.nan, y), keep, {}, {})
    log = bool(np.all(y > 0))
    z = np.log(y) if log else y.copy()
    dz = np.diff(z)
    typical = float(np.median(dz[keep])) if keep.any() else 0.0
    factors, how = {}, {}
    out = z.copy()
    for b in reversed(inside):  # newest first: each shift applies to every earlier year
        i = b - first
        if b in ratios and np.isfinite(ratios[b]) and ratios[b] > 0 and log:
            shift = float(np.log(ratios[b]))
            how[b] = "overlap ratio"
        else:
            shift = float(dz[i - 1] - typical)
            how[b] = "break-year change left out"
        out[:i] += shift
        factors[b] = float(np.exp(shift)) if log else shift
    new = np.exp(out) if log else out
    new[inside[-1] - first :] = y[inside[-1] - first :]  # exactly as published from the last break
    new[gaps] = np.nan
    return Relevelled(new, keep, factors, dict(sorted(how.items())))


def step_over(values: np.ndarray) -> np.ndarray:
    """Values with the years of a gap taken as equal steps between their neighbours.

    Linear on logs when every value is positive (equal growth rates), else on levels: what a model
    that steps over a gap assumes about the years it cannot see. The result is used to fit, never
    shown or stored; a series without a gap comes back unchanged.

    Examples
    --------
    >>> import numpy as np
    >>> from jbanalysis.forecast.breaks import step_over
    >>> step_over(np.array([100.0, np.nan, 121.0])).round(6).tolist()  # 10 % a year across the gap
    [100.0, 110.0, 121.0]
    >>> step_over(np.array([-1.0, np.nan, 3.0])).tolist()
    [-1.0, 1.0, 3.0]
    """
    y = np.asarray(values, dtype=float)
    missing = ~np.isfinite(y)
    if not missing.any() or missing.all():
        return y.copy()
    at = np.arange(len(y))
    ok = ~missing
    if np.all(y[ok] > 0):
        return np.exp(np.interp(at, at[ok], np.log(y[ok])))
    return np.interp(at, at[ok], y[ok])
