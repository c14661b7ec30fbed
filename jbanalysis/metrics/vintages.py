"""Vintages: level breaks at statistical revisions, and ratio splicing of old onto new series.

Chinese GDP levels are revised after each economic census (全国经济普查) and population figures
after each population census (人口普查); the census years are those of the break registry
(:mod:`jbanalysis.registry.breaks`). A panel that mixes
first-release values for a census year with revised values for later years shows a jump in
year-on-year growth that is an artefact of the revision, not of the economy. Revised figures for
census year Y appear from year Y+1 on, so a break can show in the change Y-1 -> Y or Y -> Y+1.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import (
    MetricsError,
    MissingDataError,
    as_year_frame,
    as_year_series,
    check_year,
)


def _census_revisions(kinds: tuple[str, ...]) -> dict[int, str]:
    """``{census year: "economic census 2018"}`` for the registered censuses of ``kinds``."""
    from jbanalysis.registry.breaks import census_years

    return {
        year: f"{kind.replace('_', ' ')} {year}" for kind in kinds for year in census_years(kind)
    }


#: Known revision years (the censuses of the break registry, ``data/breaks.csv``) and their names.
REVISION_YEARS: dict[int, str] = dict(
    sorted(_census_revisions(("economic_census", "population_census")).items())
)

#: Only the economic censuses (they re-level GDP and value added).
ECONOMIC_CENSUS_YEARS: dict[int, str] = _census_revisions(("economic_census",))

_MAD_TO_SD = 1.4826  # MAD x 1.4826 estimates the standard deviation of a normal distribution


def revision_near(year: int, revisions: Mapping[int, str] | None = None) -> str:
    """The revision(s) a change ending in ``year`` can reflect (census year ``year`` or ``year-1``).

    Parameters
    ----------
    year : int
        Last year of a year-on-year change (the change ``year-1 -> year``).
    revisions : mapping of int to str, optional
        Revision years and their names; default :data:`REVISION_YEARS`. For GDP only the
        economic censuses re-level the series: pass :data:`ECONOMIC_CENSUS_YEARS`.

    Returns
    -------
    str
        E.g. ``"economic census 2018"``; several joined by ``"; "``; empty when none.

    Examples
    --------
    >>> from jbanalysis.metrics import revision_near
    >>> revision_near(2019)
    'economic census 2018'
    >>> revision_near(2021)
    'population census 2020'
    >>> revision_near(2016)
    ''
    """
    year = check_year(year)
    known = REVISION_YEARS if revisions is None else revisions
    return "; ".join(known[y] for y in (year - 1, year) if y in known)


def robust_scale(values: pd.Series | np.ndarray) -> float:
    """The robust standard deviation of ``values``: the median absolute deviation, scaled.

    .. math:: S = 1.4826 \\, \\operatorname{med}_i |x_i - \\operatorname{med}_j x_j|

    NaN values are left out; ``nan`` when none is left.

    >>> from jbanalysis.metrics.vintages import robust_scale
    >>> round(robust_scale([1.0, 2.0, 3.0, 4.0, 100.0, float("nan")]), 4)
    1.4826
    """
    arr = np.asarray(values, dtype="float64")
    arr = arr[~np.isnan(arr)]
    if arr.size == 0:
        return float("nan")
    return float(_MAD_TO_SD * np.median(np.abs(arr - np.median(arr))))


def break_scores(
    data: pd.DataFrame,
    indicator: str | None = None,
    revisions: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """Robust z-score of each district's log growth against the peers' that year.

    .. math::
        z_{d,t} = \\frac{\\ell_{d,t} - \\operatorname{med}_p \\ell_{p,t}}{S}, \\quad
        S = 1.4826 \\operatorname{med}_t \\operatorname{MAD}_t

    with :math:`\\ell = 100 \\ln(x_t / x_{t-1})` and :math:`\\operatorname{MAD}_t` the median
    absolute deviation of the cross-section in year t. The scale S is pooled over years (the
    typical spread), so a revision that scatters every district's growth in one year stands out
    instead of inflating its own yardstick.

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Strictly positive levels; use all comparable units as peers (the more, the sturdier).
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.
    revisions : mapping of int to str, optional
        Known revision years (default :data:`REVISION_YEARS`).

    Returns
    -------
    DataFrame
        Tidy ``year, district, growth, peer_median, robust_z, revision`` for every district-year
        with a growth rate; ``revision`` names the census the change can reflect (see
        :func:`revision_near`).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import break_scores
    >>> levels = pd.DataFrame({"a": [100.0, 110.0, 121.0], "b": [100.0, 110.0, 121.0],
    ...                        "c": [100.0, 111.0, 150.0], "d": [100.0, 109.0, 119.0]},
    ...                       index=[2017, 2018, 2019])
    >>> scores = break_scores(levels)
    >>> scores.loc[scores.robust_z.abs() > 3.5, ["year", "district", "revision"]].values.tolist()
    [[2019, 'c', 'economic census 2018']]
    """
    frame = as_year_frame(data, indicator)
    if frame.shape[1] < 3:
        raise MetricsError("break detection needs at least three districts to compare")
    if (frame <= 0).any().any():
        raise MetricsError("break detection needs strictly positive levels")
    prev = frame.reindex(frame.index - 1)
    prev.index = frame.index
    growth = 100.0 * np.log(frame / prev)
    growth = growth.dropna(how="all")
    if growth.empty:
        raise MissingDataError("no two consecutive years with values: no growth to score")
    medians = growth.median(axis=1)
    mads = growth.sub(medians, axis=0).abs().median(axis=1)
    scale = _MAD_TO_SD * float(mads.median())
    if not scale > 0:
        raise MetricsError("peers' growth shows no spread at all; robust z-scores are undefined")
    rows = []
    for year in growth.index:
        for district in growth.columns:
            g = growth.at[year, district]
            if pd.isna(g):
                continue
            z = (g - medians[year]) / scale
            rows.append((int(year), district, float(g), float(medians[year]), float(z)))
    out = pd.DataFrame(rows, columns=["year", "district", "growth", "peer_median", "robust_z"])
    out["revision"] = [revision_near(y, revisions) for y in out["year"]]
    return out


def detect_breaks(
    data: pd.DataFrame,
    threshold: float = 3.5,
    indicator: str | None = None,
    revisions: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """District-years whose growth is out of line with the peers' (|robust z| > threshold).

    See :func:`break_scores` for the score. Each flagged change says whether it coincides with
    a known revision (``revision`` non-empty); one that does is likely an artefact of mixing
    vintages, one that does not may be a boundary change, a data error or a real shock.

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Strictly positive levels.
    threshold : float, default 3.5
        Robust z above which a change is flagged (3.5 is Iglewicz and Hoaglin's cut-off).
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.
    revisions : mapping of int to str, optional
        Known revision years (default :data:`REVISION_YEARS`).

    Returns
    -------
    DataFrame
        ``year, district, growth, peer_median, robust_z, revision, at_revision``, sorted by year
        and descending |z|.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import detect_breaks
    >>> levels = pd.DataFrame({"a": [100.0, 110.0, 121.0], "b": [100.0, 110.0, 121.0],
    ...                        "c": [100.0, 111.0, 150.0], "d": [100.0, 109.0, 119.0]},
    ...                       index=[2017, 2018, 2019])
    >>> detect_breaks(levels)[["year", "district", "at_revision"]].values.tolist()
    [[2019, 'c', True]]
    """
    scores = break_scores(data, indicator, revisions)
    flagged = scores[scores["robust_z"].abs() > threshold].copy()
    flagged["at_revision"] = flagged["revision"] != ""
    flagged["_abs"] = flagged["robust_z"].abs()
    flagged = flagged.sort_values(["year", "_abs"], ascending=[True, False])
    return flagged.drop(columns="_abs").reset_index(drop=True)


def break_years(
    data: pd.DataFrame,
    threshold: float = 3.5,
    indicator: str | None = None,
    revisions: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """Years in which the whole cross-section breaks: growth scattered far beyond the usual.

    A census revision re-levels every district by a different amount, so in the year the
    vintages meet the spread of growth rates jumps. Per year:

    .. math::
        D_t = 1.4826 \\operatorname{MAD}_t(\\ell_{\\cdot,t}), \\quad
        z^D_t = \\frac{D_t - \\operatorname{med}_s D_s}{1.4826 \\operatorname{MAD}_s(D_s)}

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Strictly positive levels of many comparable units.
    threshold : float, default 3.5
        ``is_break`` when the dispersion's robust z exceeds it.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.
    revisions : mapping of int to str, optional
        Known revision years (default :data:`REVISION_YEARS`).

    Returns
    -------
    DataFrame
        ``year, n, flagged, dispersion, dispersion_z, is_break, revision`` (``flagged``: districts
        with |z| > threshold in :func:`break_scores`; ``dispersion`` in log points).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import break_years
    >>> growth = pd.DataFrame({"a": [10, 10, 11, 9, 30], "b": [11, 9, 10, 10, -5],
    ...                        "c": [9, 11, 9, 11, 12], "d": [10, 10, 10, 10, 40]},
    ...                       index=[2015, 2016, 2017, 2018, 2019], dtype=float)
    >>> levels = (1 + growth / 100).cumprod() * 100
    >>> out = break_years(levels)
    >>> out.loc[out.is_break, ["year", "revision"]].values.tolist()
    [[2019, 'economic census 2018']]
    """
    scores = break_scores(data, indicator, revisions)
    rows = []
    for year, group in scores.groupby("year", sort=True):
        rows.append(
            (
                int(year),
                len(group),
                int((group["robust_z"].abs() > threshold).sum()),
                robust_scale(group["growth"]),
            )
        )
    out = pd.DataFrame(rows, columns=["year", "n", "flagged", "dispersion"])
    spread = robust_scale(out["dispersion"])
    centre = float(out["dispersion"].median())
    excess = out["dispersion"] - centre
    # With a perfectly steady spread in the other years any excess is infinitely unusual.
    out["dispersion_z"] = excess / spread if spread > 0 else np.sign(excess) * np.inf
    out["is_break"] = out["dispersion_z"] > threshold
    out["revision"] = [revision_near(y, revisions) for y in out["year"]]
    return out


def splice(old: pd.Series, new: pd.Series, overlap_year: int) -> pd.DataFrame:
    """Ratio splice of an older vintage onto a newer one.

    .. math:: \\rho = \\frac{new_{o}}{old_{o}}, \\qquad
        spliced_t = \\begin{cases} new_t & t \\text{ in the new series} \\\\
                                   \\rho \\cdot old_t & t < o \\text{ and not in the new series}
                    \\end{cases}

    The new vintage is kept as published; years before the overlap ``o`` that only the old
    vintage has are rescaled, keep the old growth rates, and are flagged ``derived``. Years after
    the overlap that the new vintage lacks stay absent (nothing is filled).

    Parameters
    ----------
    old, new : Series indexed by year
        Levels of the same quantity from two vintages (e.g. first-release and revised GDP).
    overlap_year : int
        A year in which both have a value.

    Returns
    -------
    DataFrame
        Indexed by year: ``value``, ``flag`` (``observed`` for new values, ``derived`` for
        rescaled old ones), ``vintage`` (``new``/``old``), ``record`` (how a derived value was
        made). ``attrs["splice"]`` holds ``overlap_year``, ``ratio``, ``derived_years``.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import splice
    >>> old = pd.Series([90.0, 100.0], index=[2017, 2018])
    >>> new = pd.Series([110.0, 121.0], index=[2018, 2019])
    >>> out = splice(old, new, 2018)
    >>> out["value"].round(6).tolist(), out["flag"].tolist()
    ([99.0, 110.0, 121.0], ['derived', 'observed', 'observed'])
    >>> out.attrs["splice"]["ratio"]
    1.1
    """
    overlap_year = check_year(overlap_year, "overlap_year")
    old, new = as_year_series(old, "old"), as_year_series(new, "new")
    holes = [
        name for name, s in (("old", old), ("new", new)) if pd.isna(s.get(overlap_year, np.nan))
    ]
    if holes:
        raise MissingDataError(f"no value in overlap year {overlap_year} in {' and '.join(holes)}")
    if old[overlap_year] <= 0 or new[overlap_year] <= 0:
        raise MetricsError(f"values in overlap year {overlap_year} must be > 0 to take a ratio")
    ratio = float(new[overlap_year] / old[overlap_year])
    kept = new.dropna()
    derived = old[(old.index < overlap_year) & ~old.index.isin(kept.index)].dropna()
    record = f"ratio splice: old x {ratio:.6g} (new/old in {overlap_year})"
    out = pd.concat(
        [
            pd.DataFrame(
                {"value": derived * ratio, "flag": "derived", "vintage": "old", "record": record},
                index=derived.index,
            ),
            pd.DataFrame(
                {"value": kept, "flag": "observed", "vintage": "new", "record": ""},
                index=kept.index,
            ),
        ]
    ).sort_index()
    out.index.name = "year"
    out.attrs["splice"] = {
        "overlap_year": overlap_year,
        "ratio": ratio,
        "derived_years": [int(y) for y in derived.index],
    }
    return out
