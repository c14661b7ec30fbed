"""A district's part in its group's growth: contributions to the change of the total, and the
growth differential against the rest of the group.

Both work on additive levels (GDP in 亿元, not per-capita values) and only with a complete group
total: a year in which a member has no value gives no total (the ``reason`` or the error names the
missing members), never a partial sum.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import (
    Group,
    MetricsError,
    MissingDataError,
    as_year_frame,
    check_year,
    describe_missing,
    group_members,
    missing_years,
    resolve_names,
)


def contribution(
    data: pd.DataFrame,
    start: int,
    end: int,
    members: Group = "central",
    indicator: str | None = None,
) -> pd.DataFrame:
    """Contribution of each member to the change of the group total between two years.

    .. math::
        c_i = 100 \\, \\Delta x_i / \\Delta X \\quad (\\textstyle\\sum_i c_i = 100), \\qquad
        pp_i = 100 \\, \\Delta x_i / X_{start}
        \\quad (\\textstyle\\sum_i pp_i = \\text{group growth, \\%})

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Additive levels (GDP in 亿元, not per-capita values).
    start, end : int
        The two years compared; every member needs a value in both.
    members : str or list of str, default "central"
        The group whose total changes.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    DataFrame
        Indexed by district: ``start_value, end_value, change, contribution_pct,
        contribution_pp``.

    Raises
    ------
    MissingDataError
        A member lacks a value in ``start`` or ``end`` (named), so the group total is unknown.
    MetricsError
        The group total did not change (shares of a zero change are undefined).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import contribution
    >>> gdp = pd.DataFrame({"a": [10.0, 16.0], "b": [30.0, 34.0]}, index=[2019, 2020])
    >>> contribution(gdp, 2019, 2020, members=["a", "b"])["contribution_pct"].tolist()
    [60.0, 40.0]
    """
    start, end = check_year(start, "start"), check_year(end, "end")
    if start == end:
        raise MetricsError(f"start and end are the same year ({start})")
    frame = as_year_frame(data, indicator)
    chosen = group_members(members, list(frame.columns))
    absent = missing_years(frame, [start, end])
    if absent:
        raise MissingDataError(f"year(s) {absent} not in the data")
    holes = [f"{m} {y}" for y in (start, end) for m in describe_missing(frame, y, chosen)]
    if holes:
        raise MissingDataError(f"group total unknown: no value for {', '.join(holes)}")
    first, last = frame.loc[start, chosen], frame.loc[end, chosen]
    change = last - first
    total_change = float(change.sum())
    if total_change == 0:
        raise MetricsError(f"the group total did not change between {start} and {end}")
    out = pd.DataFrame(
        {
            "start_value": first,
            "end_value": last,
            "change": change,
            "contribution_pct": 100.0 * change / total_change,
            "contribution_pp": 100.0 * change / float(first.sum()),
        }
    )
    out.index.name = "district"
    return out


def growth_differential(
    data: pd.DataFrame,
    district: str,
    peers: Group = "central",
    indicator: str | None = None,
) -> pd.DataFrame:
    """Year-on-year growth of a district minus that of the rest of its peer group, in points.

    .. math:: \\delta_t = g_{d,t} - g^{rest}_t, \\quad
        g^{rest}_t = 100 \\, (R_t / R_{t-1} - 1), \\; R_t = \\textstyle\\sum_{p \\ne d} x_{p,t}

    The rest's total is used only in years (t and t-1) where every other peer has a value.
    Growth of nominal levels; for real growth pass published real rates through
    :func:`~jbanalysis.metrics.growth.chain_real_growth` first.

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Additive levels.
    district : str
        The district compared.
    peers : str or list of str, default "central"
        The group; the district itself is left out of "the rest".
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    DataFrame
        One row per year after the first: ``year, growth, peer_growth, differential, reason``
        (percent, percent, percentage points).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import growth_differential
    >>> gdp = pd.DataFrame({"a": [100.0, 112.0], "b": [50.0, 52.0], "c": [50.0, 54.0]},
    ...                    index=[2019, 2020])
    >>> row = growth_differential(gdp, "a", peers=["a", "b", "c"]).iloc[0]
    >>> float(row["growth"]), float(row["peer_growth"]), float(row["differential"])
    (12.0, 6.0, 6.0)
    """
    frame = as_year_frame(data, indicator)
    columns = list(frame.columns)
    (district,) = resolve_names([district], columns, "district")
    rest = [m for m in group_members(peers, columns) if m != district]
    if not rest:
        raise MetricsError(f"the peer group has no member other than {district}")
    rows = []
    for year in sorted(frame.index)[1:]:
        prev = year - 1
        if prev not in frame.index:
            rows.append((int(year), np.nan, np.nan, np.nan, f"no data for {prev}"))
            continue
        holes = [
            f"{m} {y}" for y in (prev, year) for m in describe_missing(frame, y, [district, *rest])
        ]
        if holes:
            rows.append((int(year), np.nan, np.nan, np.nan, f"no value for {', '.join(holes)}"))
            continue
        own = 100.0 * (frame.at[year, district] / frame.at[prev, district] - 1.0)
        peer = 100.0 * (frame.loc[year, rest].sum() / frame.loc[prev, rest].sum() - 1.0)
        rows.append((int(year), float(own), float(peer), float(own - peer), ""))
    return pd.DataFrame(rows, columns=["year", "growth", "peer_growth", "differential", "reason"])
