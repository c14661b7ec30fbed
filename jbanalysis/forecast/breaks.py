"""Known revision years of Chinese statistics and the choice of a single-basis fitting stretch.

A national economic census (经济普查) revises GDP and value added of the census year onwards, and a
population census (人口普查) rebases resident population; a series that mixes the old and the new
basis has a level jump that no trend model should learn from. By default the forecasts fit on the
stretch since the last such revision and say which years they used.

Where the new basis starts depends on the vintage of the census year's own value. The first
release of a census year's GDP is published before the census results, on the old basis, so a
series of first releases jumps one year *after* the census (the yearbook panel: 2008 -> 2009 and
2018 -> 2019); a revised value of the census year is already on the new basis. Population
censuses count the census year itself, so those series jump in the census year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from jbanalysis.breaks import census_years

# Reference years of China's national economic and population censuses: the break registry's.
ECONOMIC_CENSUS_YEARS: tuple[int, ...] = census_years("economic_census")
POPULATION_CENSUS_YEARS: tuple[int, ...] = census_years("population_census")

# Indicators rebased on population censuses rather than on economic censuses.
_POPULATION_INDICATORS = ("pop_resident", "pop_registered", "pop_census")


#: Vintages of a census year's value that are already on the new (census) basis.
NEW_BASIS_VINTAGES = ("revised", "census")


def known_break_years(
    indicator: str | None = None, vintages: Mapping[int, str] | None = None
) -> tuple[int, ...]:
    """First years of a new statistical basis after the known censuses.

    Parameters
    ----------
    indicator : str, optional
        Indicator id. Population indicators (``pop_*``) break at the population censuses (in the
        census year); all others (and ``None``) after the economic censuses.
    vintages : mapping of int to str, optional
        Vintage of each year's value (``first_release``, ``revised``, ...), e.g. the panel's
        ``vintage`` column by year. An economic census year whose value is ``revised`` or
        ``census`` starts the new basis itself; otherwise (first release, or unknown) the next
        year does.

    Returns
    -------
    tuple of int
        Years; each is the first year of a new basis.

    Examples
    --------
    >>> known_break_years("gdp")
    (2005, 2009, 2014, 2019, 2024)
    >>> known_break_years("gdp", vintages={2018: "revised"})
    (2005, 2009, 2014, 2018, 2024)
    >>> known_break_years("pop_resident")
    (2010, 2020)
    """
    if indicator is not None and (
        indicator in _POPULATION_INDICATORS or indicator.startswith("pop_")
    ):
        return POPULATION_CENSUS_YEARS
    vintages = vintages or {}
    return tuple(
        y if vintages.get(y) in NEW_BASIS_VINTAGES else y + 1 for y in ECONOMIC_CENSUS_YEARS
    )


def resolve_breaks(
    breaks: str | Iterable[int],
    indicator: str | None = None,
    vintages: Mapping[int, str] | None = None,
) -> tuple[int, ...]:
    """Turn the ``breaks`` argument into a sorted tuple of break years.

    Parameters
    ----------
    breaks : {"known", "none"} or iterable of int
        ``"known"``: the census years of :func:`known_break_years`; ``"none"``: no break; a list of
        years: each is the first year of a new basis (for example ``[2009, 2019]`` for first-release
        yearbook series, whose census jump shows one year after the census).
    indicator, vintages : optional
        Passed to :func:`known_break_years`.

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> resolve_breaks("none")
    ()
    >>> resolve_breaks([2019, 2009])
    (2009, 2019)
    """
    if isinstance(breaks, str):
        if breaks == "known":
            return known_break_years(indicator, vintages)
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
    >>> last_stretch_start(2005, 2022, (2005, 2009, 2014, 2019, 2024))
    2019
    >>> last_stretch_start(2005, 2017, ())
    2005
    """
    inside = [b for b in break_years if first < b <= last]
    return max(inside) if inside else first
