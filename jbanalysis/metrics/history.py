"""Paths over the years: a district's rank history and the dispersion of a group.

Both keep to the like-for-like rules of :mod:`jbanalysis.metrics.selection`: a year is ranked only
when two thirds of the group have a value, and a dispersion is measured over the regions complete
across the span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from jbanalysis.metrics._checks import as_year_frame, group_members, resolve_names
from jbanalysis.metrics.comparison import rank
from jbanalysis.metrics.completeness import complete_columns
from jbanalysis.metrics.convergence import sigma_convergence
from jbanalysis.metrics.direction import Segment, segments
from jbanalysis.metrics.selection import COMPARISON_SHARE, Standing, needed_members, standing


@dataclass(frozen=True)
class RankHistory:
    """A district's rank among its group over the years, with the years that are incomplete.

    Attributes
    ----------
    ranks : DataFrame
        Years x districts of ranks among the districts with a value that year, only in years in
        which at least two thirds of the group have one (other years NaN).
    first, last : Standing or None
        The earliest and the latest year with a rank for the district (``last`` is the
        comparison year).
    incomplete : tuple of int
        Ranked years in which some member has no value (ranks among fewer districts).
    unranked : tuple of int
        Years with values in which fewer than two thirds of the group have one (no rank).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import rank_history
    >>> v = pd.DataFrame({"a": [3.0, 1.0, 2.0], "b": [5.0, 2.0, 1.0], "c": [4.0, None, 3.0]},
    ...                  index=[2018, 2019, 2020])
    >>> h = rank_history(v, "a", ["a", "b", "c"])
    >>> h.first.year, h.first.rank, h.last.year, h.last.rank, h.unranked
    (2018, 3, 2020, 2, (2019,))
    """

    ranks: pd.DataFrame
    first: Standing | None
    last: Standing | None
    incomplete: tuple[int, ...]
    unranked: tuple[int, ...]

    @property
    def ranked_among(self) -> dict[int, int]:
        """How many districts each incomplete year ranks (the others have no value).

        >>> import pandas as pd
        >>> from jbanalysis.metrics import rank_history
        >>> v = pd.DataFrame({"a": [3.0, 1.0], "b": [5.0, 2.0], "c": [4.0, None], "d": [1.0, 0.5]},
        ...                  index=[2018, 2019])
        >>> rank_history(v, "a", ["a", "b", "c", "d"]).ranked_among
        {2019: 3}
        """
        return {int(y): int(self.ranks.loc[y].notna().sum()) for y in self.incomplete}


def rank_history(
    values: pd.DataFrame,
    district: str,
    peers: str | Sequence[str] = "central",
    *,
    ascending: bool = False,
    share: float = COMPARISON_SHARE,
) -> RankHistory:
    """Ranks among the group in every year with enough values, and which years are incomplete.

    A year is ranked when at least two thirds of the group (never fewer than three) have a
    value (:func:`jbanalysis.metrics.needed_members`); the rank is among those with a value, so a
    year in which a member drops out is *incomplete*: a change of rank there may be the member
    dropping out, not a change of place. :func:`jbanalysis.plots.lines` draws those years
    shaded, their points hollow.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import rank_history
    >>> v = pd.DataFrame({"a": [3.0, 1.0, 2.0], "b": [5.0, 2.0, 1.0], "c": [4.0, None, 3.0],
    ...                   "d": [1.0, 0.5, 0.7]}, index=[2018, 2019, 2020])
    >>> h = rank_history(v, "a", ["a", "b", "c", "d"])
    >>> h.incomplete, float(h.ranks.loc[2019, "a"])
    ((2019,), 2.0)
    """
    frame = as_year_frame(values)
    columns = list(frame.columns)
    (district,) = resolve_names([district], columns, "district")
    members = list(dict.fromkeys([*group_members(peers, columns), district]))
    need = needed_members(len(members), share)
    counts = frame[members].notna().sum(axis=1)
    ranked_years = [int(y) for y in counts.index[counts >= need]]
    table = rank(frame, peers=members, ascending=ascending, require_all=False)
    ranks = table.pivot(index="year", columns="district", values="rank")[members]
    ranks = ranks.where(ranks.index.to_series().isin(ranked_years), axis=0)
    incomplete = tuple(y for y in ranked_years if counts[y] < len(members))
    unranked = tuple(int(y) for y in counts.index if 0 < counts[y] < need)
    own = [y for y in ranked_years if pd.notna(frame.at[y, district])]
    first = last = None
    if own:
        first = standing(frame, district, members, ascending=ascending, share=share, year=own[0])
        last = standing(frame, district, members, ascending=ascending, share=share)
    return RankHistory(ranks, first, last, incomplete, unranked)


@dataclass(frozen=True)
class DispersionPath:
    """σ (std of log per-capita values) over the years and the turning points of its path.

    Attributes
    ----------
    sigma : DataFrame
        :func:`jbanalysis.metrics.sigma_convergence` of the regions kept.
    kept, left_out : tuple of str
        Regions with a value in every year of the span, and the others.
    segments : list of Segment
        :func:`jbanalysis.metrics.segments` of σ (three decimals printed).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import dispersion_path
    >>> y = pd.DataFrame({"a": [1.0, 2.0, 1.0], "b": [4.0, 4.0, 4.0], "c": [None, 1.0, 2.0]},
    ...                  index=[2010, 2015, 2020])
    >>> d = dispersion_path(y)
    >>> d.kept, d.left_out, [s.direction for s in d.segments]
    (('a', 'b'), ('c',), ['down', 'up'])
    """

    sigma: pd.DataFrame
    kept: tuple[str, ...]
    left_out: tuple[str, ...]
    segments: list[Segment]


def dispersion_path(per_capita: pd.DataFrame, years: Iterable[int] | None = None) -> DispersionPath:
    """σ-convergence of the regions complete over ``years`` (default: all rows) and its path.

    Regions missing any year are left out (a region dropping in or out would move σ by itself);
    the path is cut at its turning points (:func:`jbanalysis.metrics.segments`, tolerance the
    0.0005 that three printed decimals hide).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import dispersion_path
    >>> y = pd.DataFrame({"a": [1.0, 1.0], "b": [4.0, 2.0]}, index=[2010, 2020])
    >>> d = dispersion_path(y)
    >>> d.sigma["sigma"].round(4).tolist(), d.segments[0].direction
    ([0.6931, 0.3466], 'down')
    """
    frame = as_year_frame(per_capita)
    span = list(frame.index) if years is None else [int(y) for y in years]
    kept, left = complete_columns(frame, span)
    sigma = sigma_convergence(frame.loc[span, kept])
    return DispersionPath(sigma, tuple(kept), tuple(left), segments(sigma["sigma"], 0.0005))
