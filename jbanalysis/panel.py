"""From observations to a panel: one value per (district, year, indicator), chosen by a policy.

The default policy, in order of precedence:

1. **demotion**: an ``estimate`` (预计, made before the year's data existed) or a value of ``low``
   reliability (a lower bound such as 突破, an inferred year, a contradicted cell) is chosen only
   where nothing else exists;
2. **source kind**: official statistics (yearbooks, census tables, statistical bulletins) before
   government reports and websites, before compiled datasets (CSMAR), before aggregators and news;
3. **vintage**: the most revised (revised > first_release > census > preliminary > unknown);
4. **reliability**: high before medium;
5. then the source and record order, so the choice is deterministic.

Excluded values (see ``data/corrections.csv``) are never chosen. Because one source is preferred
over another as a whole, a series comes from one table wherever that table has it (the yearbook
panel for 2005–2020), and a change of source is visible in the ``source_id`` column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.data import OBSERVATION_COLUMNS, load_observations
from jbanalysis.districts import district_ids, load_districts, resolve_district
from jbanalysis.indicators import resolve_indicator

__all__ = [
    "POLICIES",
    "SelectionPolicy",
    "conflicts",
    "coverage",
    "coverage_matrix",
    "load_panel",
    "select",
    "wide",
]

KEY = ["district", "year", "indicator"]
# the observation columns minus what only the record needs, plus how many values competed
PANEL_COLUMNS = [
    *(c for c in OBSERVATION_COLUMNS if c not in ("published_value", "published_unit", "note")),
    "candidates",
]


@dataclass(frozen=True)
class SelectionPolicy:
    """How :func:`select` ranks competing values of one (district, year, indicator).

    ``order`` lists the criteria in precedence; each ``*_rank`` maps a category to its rank
    (lower wins; categories not listed rank last). ``exclude_vintages`` are never chosen.

    >>> mine_first = SelectionPolicy("mine", source_kind_rank=("user", *POLICIES["default"].source_kind_rank))
    >>> load_panel(mine_first, districts="jiangbei", indicators="gdp", years=2010)["value"].item()
    391.3947
    """

    name: str
    order: tuple[str, ...] = ("demote", "source_kind", "vintage", "reliability")
    source_kind_rank: tuple[str, ...] = (
        "official_yearbook",
        "census_official",
        "official_bulletin",
        "gov_work_report",
        "gov_plan_report",
        "gov_website",
        "dataset_page",
        "aggregator",
        "news",
        "encyclopedia",
    )
    vintage_rank: tuple[str, ...] = (
        "revised",
        "first_release",
        "census",
        "preliminary",
        "unknown",
        "estimate",
    )
    reliability_rank: tuple[str, ...] = ("high", "medium", "low")
    exclude_vintages: tuple[str, ...] = ()


POLICIES = {
    "default": SelectionPolicy("default"),
    # The most revised figure first, whoever published it (mixes sources within a series).
    "latest": SelectionPolicy("latest", order=("demote", "vintage", "source_kind", "reliability")),
    # First releases first: what was known at the time.
    "first_release": SelectionPolicy(
        "first_release",
        order=("demote", "vintage", "source_kind", "reliability"),
        vintage_rank=("first_release", "preliminary", "revised", "census", "unknown", "estimate"),
    ),
    # Official statistics only: no reports, datasets, aggregators or news.
    "official": SelectionPolicy(
        "official",
        source_kind_rank=("official_yearbook", "census_official", "official_bulletin"),
        exclude_vintages=("estimate",),
    ),
}


def _policy(policy: str | SelectionPolicy) -> SelectionPolicy:
    if isinstance(policy, SelectionPolicy):
        return policy
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; expected one of {', '.join(POLICIES)}")
    return POLICIES[policy]


def _rank(values: pd.Series, order: tuple[str, ...]) -> np.ndarray:
    """Rank of each value in ``order`` (unlisted values rank last), via category codes."""
    cat = values if isinstance(values.dtype, pd.CategoricalDtype) else values.astype("category")
    ranks = {name: i for i, name in enumerate(order)}
    by_code = np.array([ranks.get(str(c), len(order)) for c in cat.cat.categories] + [len(order)])
    return by_code[cat.cat.codes.to_numpy()]  # code -1 (missing) takes the last slot


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes that sort like the values (categories inferred by pandas are sorted)."""
    cat = values if isinstance(values.dtype, pd.CategoricalDtype) else values.astype("category")
    return cat.cat.codes.to_numpy()


def select(observations: pd.DataFrame, policy: str | SelectionPolicy = "default") -> pd.DataFrame:
    """One value per (district, year, indicator) from ``observations``, by ``policy``.

    Adds ``candidates``: how many usable values competed for the key (a value > 1 means other
    sources exist; see :func:`conflicts` for where they disagree). Ties after every criterion of
    the policy go to the row that comes first in ``observations``.

    >>> obs = pd.DataFrame({
    ...     "district": ["yubei"] * 3, "year": [2018] * 3, "indicator": ["gdp"] * 3,
    ...     "value": [1543.09, 1752.83, 1500.0], "unit": ["cny_100m"] * 3,
    ...     "source_id": ["a", "b", "c"], "record": ["1", "2", "3"],
    ...     "vintage": ["first_release", "revised", "estimate"], "flag": ["observed"] * 3,
    ...     "source_kind": ["official_yearbook", "aggregator", "gov_work_report"],
    ...     "reliability": ["high", "medium", "medium"], "correction": ["", "", ""]})
    >>> select(obs)[["value", "source_id", "candidates"]].to_numpy().tolist()
    [[1543.09, 'a', 3]]
    >>> select(obs, "latest")[["value", "source_id"]].to_numpy().tolist()
    [[1752.83, 'b']]
    """
    pol = _policy(policy)
    keep = (observations["flag"] != "excluded").to_numpy().copy()  # CoW gives read-only views
    if pol.exclude_vintages:
        keep &= ~observations["vintage"].isin(pol.exclude_vintages).to_numpy()
    if pol.name == "official":
        keep &= observations["source_kind"].isin(pol.source_kind_rank).to_numpy()
    usable = observations[keep]
    vintage = _rank(usable["vintage"], pol.vintage_rank)
    reliability = _rank(usable["reliability"], pol.reliability_rank)
    estimate = (
        vintage == pol.vintage_rank.index("estimate") if "estimate" in pol.vintage_rank else False
    )
    low = (
        reliability == pol.reliability_rank.index("low") if "low" in pol.reliability_rank else False
    )
    ranks = {
        "demote": np.where(estimate, 2, np.where(low, 1, 0)),
        "source_kind": _rank(usable["source_kind"], pol.source_kind_rank),
        "vintage": vintage,
        "reliability": reliability,
    }
    district = _codes(usable["district"])
    indicator = _codes(usable["indicator"])
    year = usable["year"].to_numpy()
    # lexsort sorts by the last key first: the key columns last, the policy's criteria before
    # them, and the row position first as the final tie-breaker.
    sort_keys = [
        np.arange(len(usable)),
        *[ranks[c] for c in reversed(pol.order)],
        year,
        district,
        indicator,
    ]
    order = np.lexsort(sort_keys)
    d, i, y = district[order], indicator[order], year[order]
    new_key = np.ones(len(order), dtype=bool)
    new_key[1:] = (d[1:] != d[:-1]) | (i[1:] != i[:-1]) | (y[1:] != y[:-1])
    starts = np.flatnonzero(new_key)
    counts = np.diff(np.append(starts, len(order)))
    panel = usable.iloc[order[starts]].copy()
    panel["candidates"] = counts
    if "correction" not in panel:
        panel["correction"] = ""
    panel = panel[PANEL_COLUMNS].reset_index(drop=True)
    for col in (
        "district",
        "indicator",
        "unit",
        "source_id",
        "vintage",
        "flag",
        "source_kind",
        "reliability",
    ):
        panel[col] = panel[col].astype(str)
    return panel


def _indicator_filter(indicators) -> list[str] | None:
    if indicators is None:
        return None
    if isinstance(indicators, str):
        return [resolve_indicator(indicators)]
    return [resolve_indicator(i) for i in indicators]


def _district_filter(districts) -> list[str] | None:
    if districts is None:
        return None
    if isinstance(districts, str) and districts in ("central", "other", "all", "city"):
        return district_ids(districts)
    if isinstance(districts, str):
        return [resolve_district(districts)]
    return [resolve_district(d) for d in districts]


def _year_filter(years) -> list[int] | None:
    if years is None:
        return None
    if isinstance(years, int | np.integer):
        return [int(years)]
    if isinstance(years, range | list | tuple | np.ndarray | pd.Index):
        return [int(y) for y in years]
    raise TypeError(f"years must be an int, a range or a list of ints, not {type(years).__name__}")


def load_panel(
    policy: str | SelectionPolicy = "default",
    districts: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
    years: int | Iterable[int] | None = None,
    observations: pd.DataFrame | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """The bundled data as a tidy panel: one value per (district, year, indicator).

    Parameters
    ----------
    policy : str or SelectionPolicy
        ``"default"`` (official statistics first, then the most revised vintage; see the module
        docstring), ``"latest"``, ``"first_release"`` or ``"official"``.
    districts : str or list of str, optional
        A group (``"central"``, ``"other"``, ``"all"``, ``"city"``) or district names in any form
        (江北, 江北区, Jiangbei, 500105). Default: every unit, the city and published groups.
    indicators : str or list of str, optional
        Indicator ids (``data/indicators.csv``). Default: all.
    years : int, range or list of int, optional
    observations : DataFrame, optional
        Observations to select from (default: the bundled ones); e.g. bundled plus
        :func:`jbanalysis.read_table` output concatenated.
    data_dir : str or Path, optional
        A user data folder (:mod:`jbanalysis.userdata`) whose values join the bundled ones under
        the same policy; default ``$JBANALYSIS_USER_DATA`` if set. Ignored with ``observations``.

    Returns
    -------
    DataFrame
        district, year, indicator, value, unit, source_id, record, vintage, flag, source_kind,
        reliability, correction, candidates.

    Examples
    --------
    >>> p = load_panel(districts="江北", indicators="gdp", years=range(2016, 2019))
    >>> p[["year", "value", "flag"]].to_numpy().tolist()
    [[2016, 778.0091, 'observed'], [2017, 902.9378, 'interpolated'], [2018, 1027.8664, 'observed']]
    """
    obs = load_observations(data_dir) if observations is None else observations
    wanted_d = _district_filter(districts)
    wanted_i = _indicator_filter(indicators)
    wanted_y = _year_filter(years)
    mask = np.ones(len(obs), dtype=bool)
    if wanted_d is not None:
        mask &= obs["district"].isin(wanted_d).to_numpy()
    if wanted_i is not None:
        mask &= obs["indicator"].isin(wanted_i).to_numpy()
    if wanted_y is not None:
        mask &= obs["year"].isin(wanted_y).to_numpy()
    return select(obs[mask], policy)


def wide(
    panel: pd.DataFrame,
    indicator: str,
    districts: str | Iterable[str] | None = "central",
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Years × districts table of one indicator; a district or year without a value stays NaN.

    Every requested district is a column (in registry order), even one with no value at all, so
    a gap is visible rather than missing. Years run over the panel's range for the indicator
    unless ``years`` is given.

    >>> p = load_panel(indicators="gdp", years=[2010, 2011])
    >>> w = wide(p, "gdp", districts=["jiangbei", "yuzhong"])
    >>> w.to_dict()
    {'jiangbei': {2010: 391.3947, 2011: 516.5219}, 'yuzhong': {2010: nan, 2011: nan}}
    """
    indicator = resolve_indicator(indicator)
    sub = panel[panel["indicator"] == indicator]
    if sub.duplicated(["district", "year"]).any():
        raise ValueError("panel has several values for one district and year; use select() first")
    wanted = _district_filter(districts) if districts is not None else None
    if wanted is None:
        order = load_districts()["id"].tolist()
        present = set(sub["district"])
        wanted = [d for d in order if d in present]
    sub = sub[sub["district"].isin(wanted)]
    table = sub.pivot(index="year", columns="district", values="value")
    if years is None:
        all_years = range(int(sub["year"].min()), int(sub["year"].max()) + 1) if len(sub) else []
    else:
        all_years = list(years)
    table = table.reindex(index=pd.Index(list(all_years), name="year"), columns=wanted)
    table.columns.name = "district"
    return table


def coverage(
    panel: pd.DataFrame,
    indicators: str | Iterable[str] | None = None,
    districts: str | Iterable[str] | None = "central",
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Which district × year × indicator cells have a value, over the full grid.

    Returns one row per cell of districts × years × indicators with ``present`` (bool) and, where
    present, the ``flag``, ``vintage`` and ``source_id`` of the chosen value. Years default to the
    span of the panel's values for those indicators.

    >>> p = load_panel(indicators="gdp", years=range(2009, 2012))
    >>> c = coverage(p, "gdp", districts=["yuzhong", "jiangbei"])
    >>> c.pivot(index="district", columns="year", values="present").to_dict("index")
    {'jiangbei': {2009: True, 2010: True, 2011: True}, 'yuzhong': {2009: False, 2010: False, 2011: False}}
    """
    inds = _indicator_filter(indicators) or sorted(panel["indicator"].unique())
    sub = panel[panel["indicator"].isin(inds)]
    wanted = _district_filter(districts) or sorted(sub["district"].unique())
    sub = sub[sub["district"].isin(wanted)]
    if years is None:
        years = range(int(sub["year"].min()), int(sub["year"].max()) + 1) if len(sub) else []
    grid = pd.MultiIndex.from_product([wanted, list(years), inds], names=KEY).to_frame(index=False)
    cols = ["flag", "vintage", "source_id"]
    out = grid.merge(sub[[*KEY, *cols]], on=KEY, how="left")
    out.insert(3, "present", out["flag"].notna())
    return out


def coverage_matrix(panel: pd.DataFrame, indicator: str, districts="central", years=None):
    """Districts × years of one indicator: the flag of the chosen value, or ``""`` for a gap.

    >>> p = load_panel(indicators="gdp", years=[2016, 2017])
    >>> coverage_matrix(p, "gdp", ["jiangbei", "yuzhong"]).to_dict("index")
    {'jiangbei': {2016: 'observed', 2017: 'interpolated'}, 'yuzhong': {2016: '', 2017: ''}}
    """
    cov = coverage(panel, indicator, districts, years)
    matrix = cov.pivot(index="district", columns="year", values="flag").fillna("")
    order = [d for d in cov["district"].unique()]
    return matrix.reindex(order)


def conflicts(
    observations: pd.DataFrame | None = None,
    tolerance: float = 0.005,
    indicators: str | Iterable[str] | None = None,
    districts: str | Iterable[str] | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Keys where published values disagree by more than ``tolerance`` (relative).

    Compares the values *as published* (converted to canonical units, before corrections), so a
    corrected error such as the 2022 渝中/江北 swap is still listed, with its correction id.
    Returns one row per disagreeing pair: the key, value/source/record/vintage of each side, and

    rel_diff = |value_b − value_a| / min(|value_a|, |value_b|)

    Values within the tolerance (rounding) are not conflicts. Lower bounds and estimates are
    compared like the rest: their ``vintage`` and notes say what they are.

    >>> c = conflicts(indicators="gdp", districts="yubei")
    >>> c[c.year == 2018][["value_a", "value_b", "vintage_a", "vintage_b"]].to_numpy().tolist()[0]
    [1543.09, 1752.83, 'first_release', 'revised']
    """
    obs = load_observations(data_dir) if observations is None else observations
    wanted_d = _district_filter(districts)
    wanted_i = _indicator_filter(indicators)
    if wanted_d is not None:
        obs = obs[obs["district"].isin(wanted_d)]
    if wanted_i is not None:
        obs = obs[obs["indicator"].isin(wanted_i)]
    obs = obs.copy()
    from jbanalysis.indicators import convert

    # only keys with several values can conflict; compare their published values in canonical
    # units (undoing any correction), converting each group of one unit pair at once
    multi = obs[obs.duplicated(KEY, keep=False)].copy()
    units = multi["published_unit"].astype(str) + "|" + multi["unit"].astype(str)
    raw = np.full(len(multi), np.nan)
    for pair in units.unique():
        mask = (units == pair).to_numpy()
        raw[mask] = convert(multi["published_value"].to_numpy(float)[mask], *pair.split("|"))
    multi["raw_value"] = raw
    side = [
        "raw_value",
        "source_id",
        "record",
        "vintage",
        "source_kind",
        "reliability",
        "correction",
    ]
    pairs = multi[[*KEY, *side]].merge(multi[[*KEY, *side]], on=KEY, suffixes=("_a", "_b"))
    pairs = pairs[pairs["record_a"].astype(str) < pairs["record_b"].astype(str)]
    a, b = pairs["raw_value_a"].to_numpy(float), pairs["raw_value_b"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(b - a) / np.minimum(np.abs(a), np.abs(b))
    pairs = pairs.assign(rel_diff=rel)
    pairs = pairs[pairs["rel_diff"] > tolerance]
    pairs = pairs.rename(columns={"raw_value_a": "value_a", "raw_value_b": "value_b"})
    # order each pair so that a is the smaller value, for a stable reading
    swap = (pairs["value_a"] > pairs["value_b"]).to_numpy()
    for col in side:
        ca, cb = col.replace("raw_value", "value") + "_a", col.replace("raw_value", "value") + "_b"
        pairs[[ca, cb]] = pairs[[ca, cb]].astype(object)
        pairs.loc[swap, [ca, cb]] = pairs.loc[swap, [cb, ca]].to_numpy()
    for col in KEY[:1] + KEY[2:]:
        pairs[col] = pairs[col].astype(str)
    pairs["value_a"] = pairs["value_a"].astype(float)
    pairs["value_b"] = pairs["value_b"].astype(float)
    # several pages printing the same pair of values make one conflict, listing every record
    pairs = pairs.sort_values([*KEY, "record_a", "record_b"])
    group = [*KEY, "value_a", "value_b"]
    pairs["records_a"] = pairs.groupby(group)["record_a"].transform(
        lambda s: ", ".join(sorted(set(s)))
    )
    pairs["records_b"] = pairs.groupby(group)["record_b"].transform(
        lambda s: ", ".join(sorted(set(s)))
    )
    pairs = pairs.drop_duplicates(group)
    pairs["kind"] = [_conflict_kind(r) for r in pairs.to_dict("records")]
    return pairs.sort_values([*KEY, "rel_diff"]).reset_index(drop=True)


def _conflict_kind(row: dict) -> str:
    if row["correction_a"] or row["correction_b"]:
        return "corrected error"
    vintages = {str(row["vintage_a"]), str(row["vintage_b"])}
    if "estimate" in vintages:
        return "estimate vs statistic"
    if vintages == {"first_release", "revised"}:
        return "first release vs revised"
    if "preliminary" in vintages:
        return "preliminary vs statistic"
    return "sources disagree"
