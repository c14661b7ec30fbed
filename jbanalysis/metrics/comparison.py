"""Comparison with peers: shares of a total, ranks, gaps, contributions, per-capita values.

A group total (the nine central districts, or any list) is only computed in a year where every
member has a value; otherwise the result is NaN and its ``reason`` names the missing members —
never a partial sum. Results that can be missing come back as tidy frames with a ``reason``
column (empty when the value is there).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import (
    Group,
    MetricsError,
    MissingDataError,
    UnknownDistrictError,
    aggregate_ids,
    as_year_frame,
    describe_missing,
    group_members,
    missing_years,
    resolve_names,
)
from jbanalysis.metrics.matching import Vintages


def _group_label(group: Group) -> str:
    return group if isinstance(group, str) else "+".join(map(str, group))


def _complete_total(frame: pd.DataFrame, members: list, label: str) -> tuple[pd.Series, pd.Series]:
    """Sum of ``members`` per year, NaN (with the reason) where any member has no value."""
    totals, reasons = {}, {}
    for year in frame.index:
        holes = describe_missing(frame, year, members)
        totals[year] = np.nan if holes else float(frame.loc[year, members].sum())
        reasons[year] = f"total of {label} missing in {year}: no value for {holes}" if holes else ""
    return pd.Series(totals, dtype="float64"), pd.Series(reasons, dtype="str")


def _district_or_group(of: Group, columns: list) -> tuple[str | None, list | None]:
    """(column, None) when ``of`` is a district in the data, else (None, group members)."""
    if isinstance(of, str):
        try:
            return resolve_names([of], columns, "of")[0], None
        except UnknownDistrictError:
            pass
    return None, group_members(of, columns)


def share(
    data: pd.DataFrame,
    indicator: str | None = None,
    *,
    of: Group,
    districts: Sequence[str] | None = None,
    match: bool = True,
    alternatives: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Percent share of each district in a total: the city's value or a group's sum.

    .. math:: s_{d,t} = 100 \\, x_{d,t} / X_t

    where :math:`X_t` is the value of district/city ``of`` (e.g. ``"chongqing"``) or, for a group
    (e.g. ``"central"``), the sum of its members — only in years where every member has a value.

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Levels (additive quantities such as GDP in 亿元; shares of per-capita values mean nothing).
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel (``share(panel, "gdp", of=...)``).
    of : str or list of str
        A column of the data (the city ``"chongqing"``) or a group name/list of members.
    districts : list of str, optional
        Whose share to report; default the group's members, or, for a city, every other
        column that is a district or county (published aggregates such as ``central9`` left out).
    match : bool, default True
        With the tidy panel, divide by a total of the district's own vintage: the city's first
        release for a first release (:mod:`jbanalysis.metrics.matching`); a group's total is
        one a year, its members and the district on the group's common vintage (``value``).
    alternatives : DataFrame, optional
        The other vintages to match with (:func:`jbanalysis.panel.vintages.vintage_values`);
        default read from the observations when a year's vintages differ.

    Returns
    -------
    DataFrame
        Tidy ``year, district, value, total, share, reason, rule, vintages``; ``share`` in
        percent. ``reason`` is empty when ``share`` has a value and says which member/year was
        missing otherwise; ``rule`` says whether numerator and total are of one vintage
        (:data:`jbanalysis.metrics.matching.RULES`) and ``vintages`` which they are.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import share
    >>> gdp = pd.DataFrame({"a": [30.0, 40.0], "b": [70.0, None]}, index=[2019, 2020])
    >>> out = share(gdp, of=["a", "b"])
    >>> out["share"].tolist()
    [30.0, 70.0, nan, nan]
    >>> out["reason"].iloc[2]
    "total of a+b missing in 2020: no value for ['b']"

    江北's share of the city's GDP in 2018, a first release over the city's first release:

    >>> import jbanalysis as jb
    >>> p = jb.load_panel(["jiangbei", "chongqing"], indicators="gdp", years=2018)
    >>> s = share(p, "gdp", of="chongqing", districts=["jiangbei"])
    >>> s[["total", "rule", "vintages"]].to_numpy().tolist(), round(s["share"].item(), 2)
    ([[20363.19, 'matched', 'first_release/first_release']], 5.05)
    """
    frame = as_year_frame(data, indicator)
    vm = Vintages(data, indicator, frame, alternatives, match)
    columns = list(frame.columns)
    city, members = _district_or_group(of, columns)
    if city is not None:
        total = frame[city]
        total_reason = pd.Series(
            [f"no value for {city} in {y}" if pd.isna(v) else "" for y, v in total.items()],
            index=frame.index,
            dtype="str",
        )
        aggregates = aggregate_ids()
        default = [c for c in columns if c != city and c not in aggregates]
    else:
        total, total_reason = _complete_total(frame, members, _group_label(of))
        default = members
    chosen = default if districts is None else resolve_names(districts, columns, "districts")
    rows = []
    for year in frame.index:
        for district in chosen:
            value, tot = frame.at[year, district], total[year]
            mine = vm.vintage(int(year), district)
            if city is not None:
                m = vm.match(int(year), {city: tot}, mine or None)
                tot, used = m.values[city], f"{mine}/{m.vintages.get(city, '')}"
            else:
                # one total a year: the group's common vintage (as rank), the district's too
                m = vm.match(int(year), {mb: frame.at[year, mb] for mb in members})
                tot = tot if total_reason[year] else float(sum(m.values.values()))
                value = vm.match(int(year), {district: value}, m.target or None).values[district]
                used = m.describe()
            if total_reason[year]:
                reason = total_reason[year]
            elif pd.isna(value):
                reason = f"no value for {district} in {year}"
            elif tot == 0:
                reason = f"total is zero in {year}"
            else:
                reason = ""
            pct = 100.0 * value / tot if not reason else np.nan
            rule, used = ("", "") if reason else (m.rule, used if m.target else "")
            rows.append((int(year), district, value, tot, pct, reason, rule, used))
    columns = ["year", "district", "value", "total", "share", "reason", "rule", "vintages"]
    return pd.DataFrame(rows, columns=columns)


def rank(
    data: pd.DataFrame,
    peers: Group = "central",
    districts: Sequence[str] | None = None,
    ascending: bool = False,
    require_all: bool = True,
    indicator: str | None = None,
    match: bool = True,
    alternatives: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rank of each district among its peers every year (1 = highest).

    Ties share the best rank ("competition" ranking: 1, 2, 2, 4).

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Values to compare (levels, per-capita values or growth rates).
    peers : str or list of str, default "central"
        The group ranked together.
    districts : list of str, optional
        Whose rank to report (e.g. ``["jiangbei"]``); default every peer.
    ascending : bool, default False
        ``True`` ranks the lowest value first (e.g. for unemployment).
    require_all : bool, default True
        A rank "among the nine" only exists when all nine have a value: with ``True`` a year in
        which a peer is missing has no rank (the reason names the missing peers); with ``False``
        the rank is taken among those with values and ``n_ranked`` says how many.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.
    match, alternatives
        With the tidy panel, rank values of one vintage: a value of another vintage is replaced
        by the same figure's value of the year's common vintage where one exists (as
        :func:`share`).

    Returns
    -------
    DataFrame
        Tidy ``year, district, value, rank, n_ranked, reason, rule, vintages``: ``value`` is the
        value ranked, ``rule`` whether the values ranked are of one vintage
        (:data:`jbanalysis.metrics.matching.RULES`), ``vintages`` which they are.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import rank
    >>> gdp = pd.DataFrame({"a": [3.0, 1.0], "b": [5.0, 2.0], "c": [3.0, None]}, index=[2019, 2020])
    >>> out = rank(gdp, peers=["a", "b", "c"])
    >>> out.loc[out.year == 2019, "rank"].tolist()
    [2.0, 1.0, 2.0]
    >>> out.loc[out.year == 2020, "reason"].iloc[0]
    "not ranked in 2020: no value for ['c']"
    """
    frame = as_year_frame(data, indicator)
    vm = Vintages(data, indicator, frame, alternatives, match)
    columns = list(frame.columns)
    members = group_members(peers, columns)
    chosen = members if districts is None else resolve_names(districts, columns, "districts")
    rows = []
    for year in frame.index:
        present = [d for d in dict.fromkeys([*members, *chosen]) if pd.notna(frame.at[year, d])]
        m = vm.match(int(year), {d: frame.at[year, d] for d in present})
        values = pd.Series({d: m.values.get(d, np.nan) for d in members}, dtype="float64")
        holes = describe_missing(frame, year, members)
        ranked = values.dropna()
        ranks = ranked.rank(ascending=ascending, method="min")
        for district in chosen:
            value = m.values.get(district, np.nan)
            if pd.isna(value):
                r, n, reason = np.nan, len(ranked), f"no value for {district} in {year}"
            elif district not in members:
                # A non-member is placed among the peers: 1 + peers strictly better.
                better = (ranked < value) if ascending else (ranked > value)
                r, n, reason = float(1 + better.sum()), len(ranked) + 1, ""
            else:
                r, n, reason = float(ranks[district]), len(ranked), ""
            if holes and require_all and not pd.isna(value):
                r, reason = np.nan, f"not ranked in {year}: no value for {holes}"
            elif holes and not pd.isna(value):
                reason = f"ranked among {len(ranked)} of {len(members)}: no value for {holes}"
            rows.append((int(year), district, value, r, n, reason, m.rule, m.describe()))
    columns = ["year", "district", "value", "rank", "n_ranked", "reason", "rule", "vintages"]
    return pd.DataFrame(rows, columns=columns)


def gap_to_peers(
    data: pd.DataFrame,
    district: str,
    peers: Group = "central",
    indicator: str | None = None,
) -> pd.DataFrame:
    """Gap of a district to the peer leader, the peer mean and the peer median, every year.

    .. math::
        gap^{leader}_t = x_{d,t} - \\max_p x_{p,t}, \\quad
        gap^{mean}_t = x_{d,t} - \\bar{x}_t, \\quad
        gap^{median}_t = x_{d,t} - \\operatorname{med}_p x_{p,t}

    plus the same gaps in percent of the reference value (``*_pct`` = 100 (x / ref - 1)).
    The statistics are over the peer group as given (the nine include Jiangbei itself).

    Parameters
    ----------
    data : years x districts DataFrame, or the tidy panel
        Values in one unit.
    district : str
        The district compared.
    peers : str or list of str, default "central"
        The reference group.
    indicator : str, optional
        Which indicator to use when ``data`` is the tidy panel.

    Returns
    -------
    DataFrame
        One row per year: ``year, value, leader, leader_value, gap_leader, gap_leader_pct,
        peer_mean, gap_mean, gap_mean_pct, peer_median, gap_median, gap_median_pct, reason``
        (gaps in the unit of the data; NaN with a reason where a value is missing).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import gap_to_peers
    >>> gdp = pd.DataFrame({"a": [2.0], "b": [4.0], "c": [9.0]}, index=[2020])
    >>> row = gap_to_peers(gdp, "a", peers=["a", "b", "c"]).iloc[0]
    >>> row["leader"], float(row["gap_leader"]), float(row["gap_mean"]), float(row["gap_median"])
    ('c', -7.0, -3.0, -2.0)
    """
    frame = as_year_frame(data, indicator)
    columns = list(frame.columns)
    (district,) = resolve_names([district], columns, "district")
    members = group_members(peers, columns)
    stats = ["leader_value", "peer_mean", "peer_median"]
    rows = []
    for year in frame.index:
        value = frame.at[year, district]
        holes = describe_missing(frame, year, list(dict.fromkeys([district, *members])))
        row = {"year": int(year), "value": value}
        if holes:
            row.update(dict.fromkeys(stats, np.nan), leader=None)
            row["reason"] = f"no gaps in {year}: no value for {holes}"
        else:
            peer_values = frame.loc[year, members]
            row.update(
                leader=str(peer_values.idxmax()),
                leader_value=float(peer_values.max()),
                peer_mean=float(peer_values.mean()),
                peer_median=float(peer_values.median()),
                reason="",
            )
        for name, ref in (
            ("leader", "leader_value"),
            ("mean", "peer_mean"),
            ("median", "peer_median"),
        ):
            row[f"gap_{name}"] = value - row[ref]
            # A zero reference has no percent gap (and NaN stays NaN).
            row[f"gap_{name}_pct"] = 100.0 * (value / row[ref] - 1.0) if row[ref] else np.nan
        rows.append(row)
    order = ["year", "value", "leader", "leader_value", "gap_leader", "gap_leader_pct"]
    order += ["peer_mean", "gap_mean", "gap_mean_pct", "peer_median", "gap_median"]
    order += ["gap_median_pct", "reason"]
    return pd.DataFrame(rows)[order]


def _unit_factor(given: str, target: str, name: str) -> float:
    """The registry's conversion factor from ``given`` to ``target`` (same dimension), or raise."""
    from jbanalysis.registry.indicators import conversion_factor

    try:
        return conversion_factor(given, target)
    except (ValueError, LookupError) as exc:
        raise MetricsError(f"{name}: {exc}") from None


def per_capita(
    values: pd.Series | pd.DataFrame,
    population: pd.Series | pd.DataFrame,
    value_unit: str = "cny_100m",
    population_unit: str = "persons_10k",
    unit: str = "cny",
) -> pd.Series | pd.DataFrame:
    """Per-capita values with explicit units (亿元 / 万人 -> 元 per person by default).

    .. math:: v_{pc} = \\frac{x \\cdot f_x}{P \\cdot f_P} / f_{out}

    with :math:`f` the factors of the unit registry (``data/units.csv``) to yuan and to persons.

    Parameters
    ----------
    values : Series indexed by year or years x districts DataFrame
        Money totals.
    population : same shape as ``values``
        Population for the same years and districts (resident population for GDP per capita;
        the average of start- and end-of-year population is what statistical offices use).
    value_unit : str
        A money unit of the registry (``cny``, ``cny_10k``, ``cny_100m`` …).
    population_unit : str
        A persons unit (``persons``, ``persons_10k`` …).
    unit : str
        Money unit of the result, per person.

    Returns
    -------
    Series or DataFrame
        Same shape as ``values``; NaN where either input has no value.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import per_capita
    >>> gdp = pd.Series([391.3947], index=[2010])
    >>> pop = pd.Series([75.0], index=[2010])
    >>> round(float(per_capita(gdp, pop)[2010]), 2)
    52185.96
    """
    factor = _unit_factor(value_unit, unit, "value_unit/unit") / _unit_factor(
        population_unit, "persons", "population_unit"
    )
    if type(values) is not type(population):
        raise MetricsError("values and population must both be Series or both DataFrames")
    was_series = isinstance(values, pd.Series)
    num, den = as_year_frame(values), as_year_frame(population)
    if not was_series:
        lacking = [c for c in num.columns if c not in den.columns]
        if lacking:
            raise UnknownDistrictError(f"population has no column for {lacking}")
    else:
        den.columns = num.columns
    absent = missing_years(den, num.index)
    if absent:
        raise MissingDataError(f"population has no row for year(s) {absent}")
    den = den.loc[num.index, num.columns]
    if (den == 0).any().any():
        raise MetricsError("population is zero somewhere; per-capita values are undefined")
    out = num / den * factor
    return out.iloc[:, 0].rename(values.name) if was_series else out
