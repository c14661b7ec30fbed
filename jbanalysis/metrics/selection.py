"""Which years and districts a statement may compare: like for like, with who is missing.

A cross-district statement (a rank, "Nth of M", a median, a structure comparison) is only fair
among districts that have a value in the same year. :func:`comparison_year` picks that year by
one rule for every report: the latest year in which at least two thirds of the peer group (and
never fewer than three districts) have a value, so the year is the same whichever district a
report is for; a district without a value in that year is compared in the latest year in which
it and two thirds of the group have one, and the result says so. Below two thirds there is no
comparison at all.

Which districts and years are complete is found by :mod:`jbanalysis.metrics.completeness`; where
the values a sentence rests on come from, by :mod:`jbanalysis.metrics.provenance`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from jbanalysis.metrics._checks import (
    MetricsError,
    as_year_frame,
    group_members,
    resolve_names,
)

#: Share of the peer group that must have values for a cross-district statement.
COMPARISON_SHARE = 2 / 3
#: Fewest districts a comparison is made among ("1st of 2" says nothing).
MIN_COMPARED = 3

__all__ = [
    "COMPARISON_SHARE",
    "MIN_COMPARED",
    "ComparisonYear",
    "Standing",
    "comparison_year",
    "needed_members",
    "standing",
]


def needed_members(n_group: int, share: float = COMPARISON_SHARE) -> int:
    """How many of a group of ``n_group`` must have values for a comparison.

    .. math:: k = \\max(3, \\lceil s \\, n \\rceil)

    Parameters
    ----------
    n_group : int
        Members of the group (the district included).
    share : float, default 2/3
        Share :math:`s` of the group that must have a value.

    Returns
    -------
    int
        :math:`k`; never fewer than three ("1st of 2" says nothing).

    Examples
    --------
    >>> from jbanalysis.metrics import needed_members
    >>> needed_members(9), needed_members(3), needed_members(12)
    (6, 3, 8)
    """
    if not 0 < share <= 1:
        raise MetricsError(f"share must be in (0, 1], got {share!r}")
    # a tiny epsilon so that 2/3 * 9 = 6.000000000000001 still needs 6
    return max(MIN_COMPARED, math.ceil(share * n_group - 1e-9))


@dataclass(frozen=True)
class ComparisonYear:
    """The year a cross-district statement compares, and who is in it.

    Attributes
    ----------
    district : str
        The district the statement is about.
    year : int or None
        The year compared; None when no year qualifies (then ``reason`` says why).
    group_year : int or None
        The latest year in which enough of the group have values (the same for every district).
        ``year`` differs from it only when ``district`` has no value in ``group_year``.
    members : tuple of str
        The whole group (the district included).
    present, missing : tuple of str
        Members with and without a value in ``year`` (``missing`` empty when all have one).
    needed : int
        How many members must have a value (:func:`needed_members`).
    reason : str
        Why there is no comparison, or why ``year`` is not ``group_year``; empty otherwise.

    Examples
    --------
    >>> from jbanalysis.metrics import ComparisonYear
    >>> c = ComparisonYear("a", 2020, 2020, ("a", "b", "c"), ("a", "b", "c"), (), 3)
    >>> c.ok, c.n
    (True, 3)
    """

    district: str
    year: int | None
    group_year: int | None
    members: tuple[str, ...]
    present: tuple[str, ...]
    missing: tuple[str, ...]
    needed: int
    reason: str = ""

    @property
    def ok(self) -> bool:
        """Whether a comparison can be made (a year qualifies and the district is in it)."""
        return self.year is not None

    @property
    def n(self) -> int:
        """How many districts are compared."""
        return len(self.present)


def comparison_year(
    data: pd.DataFrame,
    district: str,
    peers: str | Sequence[str] = "central",
    share: float = COMPARISON_SHARE,
    indicator: str | None = None,
    year: int | None = None,
) -> ComparisonYear:
    """The latest year in which the district and at least two thirds of its group have values.

    Let :math:`n` be the size of the group (the district included) and
    :math:`k = \\max(3, \\lceil s n \\rceil)` with :math:`s` = ``share``. The *group year* is the
    latest year in which at least :math:`k` members have a value; it does not depend on which
    member the statement is about. If the district has a value then, that is the year compared;
    otherwise the latest year in which the district and at least :math:`k` members have values
    (``reason`` names the group year). No qualifying year: ``year`` is None.

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Values (NaN = no value). For a statement over several indicators pass
        :func:`availability`.
    district : str
        The district the statement is about (added to the group if not in it).
    peers : str or list of str, default "central"
        The comparison group.
    share : float, default 2/3
        Share of the group that must have values.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.
    year : int, optional
        Compare this year instead (it must qualify; otherwise ``year`` is None with the reason).

    Returns
    -------
    ComparisonYear

    Examples
    --------
    Yubei alone has 2021; eight of nine have 2020, so 2020 is compared, for Yubei too:

    >>> import pandas as pd
    >>> from jbanalysis.metrics import comparison_year
    >>> nine = ["a", "b", "c", "d", "e", "f", "g", "h", "yubei"]
    >>> v = pd.DataFrame({d: [1.0, None] for d in nine[:-1]} | {"yubei": [2.0, 3.0]},
    ...                  index=[2020, 2021])
    >>> v.loc[2020, "a"] = None
    >>> c = comparison_year(v, "yubei", nine)
    >>> c.year, c.n, c.missing
    (2020, 8, ('a',))
    >>> comparison_year(v.loc[[2021]], "yubei", nine).reason
    'no year in which at least 6 of the 9 districts have a value'
    """
    frame = as_year_frame(data, indicator)
    columns = list(frame.columns)
    (district,) = resolve_names([district], columns, "district")
    members = list(dict.fromkeys([*group_members(peers, columns), district]))
    need = needed_members(len(members), share)
    have = frame[members].notna()
    counts = have.sum(axis=1)
    qualifying = sorted(int(y) for y in counts.index[counts >= need])

    def result(chosen: int | None, group_year: int | None, reason: str = "") -> ComparisonYear:
        if chosen is None:
            return ComparisonYear(district, None, group_year, tuple(members), (), (), need, reason)
        row = have.loc[chosen]
        present = tuple(m for m in members if row[m])
        missing = tuple(m for m in members if not row[m])
        return ComparisonYear(
            district, chosen, group_year, tuple(members), present, missing, need, reason
        )

    if not qualifying:
        return result(
            None,
            None,
            f"no year in which at least {need} of the {len(members)} districts have a value",
        )
    group_year = qualifying[-1]
    if year is not None:
        if int(year) not in qualifying:
            n_have = int(counts.get(int(year), 0))
            return result(
                None,
                group_year,
                f"{year}: {n_have} of the {len(members)} districts have a value (needs {need})",
            )
        if not bool(have.at[int(year), district]):
            return result(None, group_year, f"no value for {district} in {year}")
        return result(int(year), group_year)
    if bool(have.at[group_year, district]):
        return result(group_year, group_year)
    own = [y for y in qualifying if bool(have.at[y, district])]
    if not own:
        return result(
            None,
            group_year,
            f"no value for {district} in any year in which at least {need} of the "
            f"{len(members)} districts have one",
        )
    return result(own[-1], group_year, f"no value for {district} in {group_year}")


@dataclass(frozen=True)
class Standing:
    """A district's value and rank among its group in the comparison year, and its latest value.

    Attributes
    ----------
    district : str
    latest_year : int or None
        The district's latest year with a value (may be after the comparison year).
    latest_value : float
        Its value then (NaN when it has none).
    comparison : ComparisonYear
        The year compared and who is in it.
    value : float
        The district's value in the comparison year (NaN when there is no comparison).
    rank : int or None
        1 = highest (lowest with ``ascending``); ties share the best rank.
    median : float
        Median of the districts compared.
    ascending : bool
    values : Series
        The values compared (index: the districts present).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import standing
    >>> v = pd.DataFrame({"a": [3.0], "b": [5.0], "c": [4.0]}, index=[2020])
    >>> s = standing(v, "c", ["a", "b", "c"])
    >>> s.comparison.year, s.rank, s.comparison.n, s.median
    (2020, 2, 3, 4.0)
    """

    district: str
    latest_year: int | None
    latest_value: float
    comparison: ComparisonYear
    value: float = float("nan")
    rank: int | None = None
    median: float = float("nan")
    ascending: bool = False
    values: pd.Series = field(default_factory=lambda: pd.Series(dtype="float64"))

    @property
    def year(self) -> int | None:
        """The comparison year (None: no comparison)."""
        return self.comparison.year

    @property
    def n(self) -> int:
        return self.comparison.n


def standing(
    data: pd.DataFrame,
    district: str,
    peers: str | Sequence[str] = "central",
    *,
    ascending: bool = False,
    share: float = COMPARISON_SHARE,
    indicator: str | None = None,
    year: int | None = None,
) -> Standing:
    """Rank of the district among the group in the :func:`comparison_year`, and its latest value.

    The rank is :func:`jbanalysis.metrics.rank` among the districts with a value in the
    comparison year (1 + the number strictly higher); the median is theirs.

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
    district : str
    peers : str or list of str, default "central"
    ascending : bool, default False
        ``True`` ranks the lowest value first.
    share : float, default 2/3
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.
    year : int, optional
        Compare this year (see :func:`comparison_year`).

    Returns
    -------
    Standing

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import standing
    >>> v = pd.DataFrame({"a": [3.0, None], "b": [5.0, None], "c": [4.0, 6.0]}, index=[2020, 2021])
    >>> s = standing(v, "c", ["a", "b", "c"])
    >>> s.latest_year, s.latest_value, s.year, s.rank
    (2021, 6.0, 2020, 2)
    """
    from jbanalysis.metrics.comparison import rank as rank_of

    frame = as_year_frame(data, indicator)
    comparison = comparison_year(frame, district, peers, share, year=year)
    district = comparison.district
    own = frame[district].dropna()
    latest_year = int(own.index.max()) if len(own) else None
    latest_value = float(own[latest_year]) if latest_year is not None else float("nan")
    if not comparison.ok:
        return Standing(district, latest_year, latest_value, comparison, ascending=ascending)
    y = int(comparison.year)
    present = list(comparison.present)
    values = frame.loc[y, present].astype("float64")
    ranks = rank_of(frame.loc[[y]], peers=present, districts=[district], ascending=ascending)
    return Standing(
        district,
        latest_year,
        latest_value,
        comparison,
        value=float(values[district]),
        rank=int(ranks["rank"].iloc[0]),
        median=float(values.median()),
        ascending=ascending,
        values=values,
    )
