"""From observations to a panel: one value per (district, year, indicator), chosen by a policy.

The default policy, in order of precedence (each step only breaks the ties the steps before it
leave):

1. **usable**: excluded values (``data/corrections.csv``) and bounds (``>1600``: a page said
   突破) are never chosen; only the requested ``period`` (``Y``, the calendar year, by default);
2. **demotion**: a statistic (first release, revised, census …) before a ``preliminary`` report of
   the year (a work report early in the next year, superseded once the statistic is out), before a
   value of ``low`` reliability (an inferred year, a contradicted cell), before an ``estimate``
   (预计, made before the year's data existed);
3. **series**: where one table (a yearbook panel, a dataset — not a compilation of single pages)
   holds the series of a district and indicator (at least :data:`MIN_SERIES_YEARS` years), its
   values are taken wherever it has the year, so that the series does not switch source back and
   forth (the city's GDP from CSMAR rather than from pages of different vintages in alternate
   years);
4. **source kind**: official statistics (yearbooks, census tables, statistical bulletins) before
   government reports and websites, before compiled datasets, before aggregators and news;
5. **vintage**: the most revised (revised > first_release > census > preliminary > unknown);
6. **reliability**: high before medium;
7. **precision**: where a competitor agrees with the chosen value within the chosen value's
   printed precision and prints more digits (880.98 against a report's rounded 880), the more
   precise value is taken;
8. a tie left after all of these between *different* values is an **unresolved tie**: the first
   row wins, the panel's ``rule`` column says ``unresolved tie`` and :func:`conflicts` lists it
   (resolve it with a correction backed by evidence, e.g. a published total).

Every panel row says in ``rule`` which step decided (``only value``, ``same value``, ``demotion``,
``series``, ``source_kind``, ``vintage``, ``reliability``, ``precision``, ``unresolved tie``) and
in ``candidates`` how many usable values competed; :func:`jbanalysis.data.trace` shows them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.data import OBSERVATION_COLUMNS, PERIODS, load_observations
from jbanalysis.districts import district_ids, load_districts, resolve_district
from jbanalysis.indicators import resolve_indicator
from jbanalysis.tables import years_by_district

__all__ = [
    "POLICIES",
    "RULES",
    "SelectionPolicy",
    "conflicts",
    "coverage",
    "coverage_matrix",
    "last_digit",
    "load_panel",
    "printed_step",
    "select",
    "wide",
]

KEY = ["district", "year", "indicator"]
# the observation columns minus what only the record needs, plus how many values competed
PANEL_COLUMNS = [
    *(
        c
        for c in OBSERVATION_COLUMNS
        if c not in ("published_value", "published_unit", "note", "bound")
    ),
    "candidates",
    "rule",
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
    order: tuple[str, ...] = ("demote", "series", "source_kind", "vintage", "reliability")
    source_kind_rank: tuple[str, ...] = (
        "official_yearbook",
        "census_official",
        "official_bulletin",
        "gov_work_report",
        "gov_plan_report",
        "government_report",
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
    precision: bool = True


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


def last_digit(values) -> np.ndarray:
    """The size of the last printed digit of each value, in its own unit (880.98 -> 0.01).

    >>> last_digit([880.98, 880.0, 1477345.0, 0.5]).tolist()
    [0.01, 1.0, 1.0, 0.1]
    """
    numbers = np.asarray(values, dtype=float).ravel()
    decimals = np.zeros(len(numbers))
    fraction = np.isfinite(numbers) & (numbers != np.trunc(numbers))
    # numpy prints a float64 as its shortest repr, as Python's repr does
    text = numbers[fraction].astype(str)
    point = np.strings.find(text, ".")
    decimals[fraction] = np.strings.str_len(text) - point - 1
    for i in np.flatnonzero(fraction)[np.strings.find(text, "e") >= 0]:  # 1.5e-07: repr's way
        decimals[i] = len(repr(float(numbers[i])).split(".")[1])
    return 10.0**-decimals


def printed_step(published_value, published_unit, unit) -> np.ndarray:
    """The size of the last printed digit of each value, in the canonical ``unit``.

    A value printed ``880.98`` 亿元 has a step of 0.01 亿元; ``1477345`` 人 one person, i.e.
    0.0001 万人. Values are transcribed as their shortest decimal form, so the digits after the
    point are the digits printed (a printed trailing zero, ``1560.90``, is not recoverable).

    >>> printed_step(pd.Series([880.98, 880.0, 1477345.0]), pd.Series(["亿元", "亿元", "人"]),
    ...              pd.Series(["cny_100m", "cny_100m", "persons_10k"])).tolist()
    [0.01, 1.0, 0.0001]
    """
    from jbanalysis.indicators import convert

    step = last_digit(published_value)
    pairs = (
        pd.Series(published_unit).astype(str).to_numpy()
        + "|"
        + pd.Series(unit).astype(str).to_numpy()
    )
    out = np.empty_like(step)
    for pair in np.unique(pairs):
        mask = pairs == pair
        out[mask] = convert(step[mask], *pair.split("|"))
    return out


#: Fewest years of usable statistics a table must hold for a district and indicator to count as
#: that series' source (step 3 of the policy).
MIN_SERIES_YEARS = 5


def _series_sources(usable: pd.DataFrame, demote: np.ndarray) -> np.ndarray:
    """0 where a row's source is the one table that holds its series, 1 elsewhere.

    The series source of a (district, indicator) is the single-table source (registry kind other
    than ``compilation``) with strictly the most years of usable statistics, and at least
    :data:`MIN_SERIES_YEARS` of them: several pages collected in one file are not a series, and
    nor is a one-year table (a user's bulletin must not outrank an official page by this rule).
    """
    from jbanalysis.data import load_sources

    try:
        kinds = load_sources().set_index("id")["kind"]
    except FileNotFoundError:  # a folder without a source registry: no series preference
        return np.zeros(len(usable), dtype=int)
    compilations = set(kinds[kinds == "compilation"].index)
    source, names = _factorize(usable["source_id"])
    district, indicator = _factorize(usable["district"])[0], _factorize(usable["indicator"])[0]
    known = (source >= 0) & (district >= 0) & (indicator >= 0)  # a missing name is no series
    table = ~np.isin(names, list(compilations))[source] & (demote == 0)
    if not table.any():
        return np.ones(len(usable), dtype=int)
    table &= known
    n_s, n_i = len(names) + 1, int(indicator.max()) + 2
    series = district * n_i + indicator  # one code per (district, indicator)
    # rows of usable statistics of each (series, source) in a single table
    pairs, years = np.unique(series[table] * n_s + source[table], return_counts=True)
    owner = pairs // n_s
    # a series source holds strictly more years than any other table (a tie prefers neither)
    top = years == pd.Series(years).groupby(owner).transform("max").to_numpy()
    alone = pd.Series(top).groupby(owner).transform("sum").to_numpy() == 1
    long_enough = years >= MIN_SERIES_YEARS
    mine = np.isin(series * n_s + source, pairs[top & alone & long_enough]) & known
    return np.where(mine, 0, 1)


def _factorize(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of the values as strings (-1 where missing) and the strings they number;
    a categorical column's own codes where its categories are distinct strings."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        names = values.cat.categories.astype(str)
        if names.is_unique:
            return values.cat.codes.to_numpy().astype(np.int64), names.to_numpy(dtype=object)
    codes, names = pd.factorize(values.astype(str).to_numpy(dtype=object))
    return codes.astype(np.int64), np.asarray(names, dtype=object)


#: The words of the ``rule`` column, in the order the steps are tried.
RULES = (
    "only value",
    "same value",
    "demotion",
    "series",
    "source_kind",
    "vintage",
    "reliability",
    "precision",
    "unresolved tie",
)


def select(observations: pd.DataFrame, policy: str | SelectionPolicy = "default") -> pd.DataFrame:
    """One value per (district, year, indicator, period) from ``observations``, by ``policy``.

    Adds ``candidates`` (how many usable values competed for the key; > 1 means other sources
    exist, see :func:`conflicts` for where they disagree) and ``rule`` (the step of the policy that
    decided, see the module docstring). Bounds and excluded values never compete.

    >>> obs = pd.DataFrame({
    ...     "district": ["yubei"] * 3, "year": [2018] * 3, "indicator": ["gdp"] * 3,
    ...     "value": [1543.09, 1752.83, 1500.0], "unit": ["cny_100m"] * 3,
    ...     "source_id": ["a", "b", "c"], "record": ["1", "2", "3"],
    ...     "vintage": ["first_release", "revised", "estimate"], "flag": ["observed"] * 3,
    ...     "source_kind": ["official_yearbook", "aggregator", "gov_work_report"],
    ...     "reliability": ["high", "medium", "medium"], "correction": ["", "", ""]})
    >>> select(obs)[["value", "source_id", "candidates", "rule"]].to_numpy().tolist()
    [[1543.09, 'a', 3, 'source_kind']]
    >>> select(obs, "latest")[["value", "source_id", "rule"]].to_numpy().tolist()
    [[1752.83, 'b', 'vintage']]
    """
    pol = _policy(policy)
    obs = _with_defaults(observations)
    keep = (obs["flag"] != "excluded").to_numpy().copy()  # CoW gives read-only views
    keep &= (obs["bound"].astype(str) == "").to_numpy()
    if pol.exclude_vintages:
        keep &= ~obs["vintage"].isin(pol.exclude_vintages).to_numpy()
    if pol.name == "official":
        keep &= obs["source_kind"].isin(pol.source_kind_rank).to_numpy()
    usable = obs[keep]
    vintage = _rank(usable["vintage"], pol.vintage_rank)
    vintage_name = usable["vintage"].astype(str).to_numpy()
    low = (usable["reliability"].astype(str) == "low").to_numpy()
    demote = np.select(
        [vintage_name == "estimate", low, vintage_name == "preliminary"], [3, 2, 1], 0
    )
    ranks = {
        "demote": demote,
        "series": _series_sources(usable, demote) if "series" in pol.order else None,
        "source_kind": _rank(usable["source_kind"], pol.source_kind_rank),
        "vintage": vintage,
        "reliability": _rank(usable["reliability"], pol.reliability_rank),
    }
    criteria = [ranks[c] for c in pol.order]
    district = _codes(usable["district"])
    indicator = _codes(usable["indicator"])
    period = _codes(usable["period"])
    year = usable["year"].to_numpy()
    # lexsort sorts by the last key first: the key columns last, the policy's criteria before
    # them, and the row position first as the final tie-breaker.
    sort_keys = [np.arange(len(usable)), *reversed(criteria), year, period, district, indicator]
    order = np.lexsort(sort_keys)
    d, i, y, q = district[order], indicator[order], year[order], period[order]
    new_key = np.ones(len(order), dtype=bool)
    new_key[1:] = (d[1:] != d[:-1]) | (i[1:] != i[:-1]) | (y[1:] != y[:-1]) | (q[1:] != q[:-1])
    starts = np.flatnonzero(new_key)
    counts = np.diff(np.append(starts, len(order)))
    winners = order[starts].copy()
    rule = np.full(len(starts), "only value", dtype=object)
    several = np.flatnonzero(counts > 1)
    if len(several):
        values = usable["value"].to_numpy(dtype=float)
        # the printed precision of the rows that compete (keys with several candidates)
        contested = np.repeat(counts > 1, counts)  # over the sorted rows
        rows = order[contested]
        step = np.full(len(usable), np.nan)
        step[rows] = printed_step(
            usable["published_value"].iloc[rows],
            usable["published_unit"].iloc[rows],
            usable["unit"].iloc[rows],
        )
        first, second = order[starts[several]], order[starts[several] + 1]
        decided = np.full(len(several), "", dtype=object)
        for name, rank in zip(pol.order, criteria, strict=True):
            differs = (decided == "") & (rank[first] != rank[second])
            decided[differs] = "demotion" if name == "demote" else name
        tied = decided == ""
        same = np.abs(values[first] - values[second]) <= np.maximum(step[first], step[second])
        decided[tied & same] = "same value"
        decided[tied & ~same] = "unresolved tie"
        rule[several] = decided
        if pol.precision:
            # a competitor within the winner's printed precision that prints more digits wins;
            # of several, the most precise (the first in rank order among equals)
            group = np.repeat(np.arange(len(starts)), counts)[contested]
            win = order[starts[group]]
            close = (
                (np.abs(values[rows] - values[win]) <= step[win])
                & (step[rows] < step[win])
                & (demote[rows] < 3)
            )
            at = np.flatnonzero(close)  # in rank order within each key
            at = at[np.lexsort((at, step[rows[at]], group[at]))]
            take = np.ones(len(at), dtype=bool)
            take[1:] = group[at[1:]] != group[at[:-1]]
            winners[group[at[take]]] = rows[at[take]]
            rule[group[at[take]]] = "precision"
    panel = usable.iloc[winners].copy()
    panel["candidates"] = counts
    panel["rule"] = rule
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
        "period",
    ):
        panel[col] = panel[col].astype(str)
    return panel


def _with_defaults(observations: pd.DataFrame) -> pd.DataFrame:
    """Observations with the optional columns a caller's table may lack (period Y, no bound…)."""
    defaults = {
        "period": "Y",
        "bound": "",
        "correction": "",
        "published_value": None,
        "published_unit": None,
    }
    missing = {c: v for c, v in defaults.items() if c not in observations}
    if not missing:
        return observations
    out = observations.copy()
    for column, value in missing.items():
        if column == "published_value":
            out[column] = out["value"]
        elif column == "published_unit":
            out[column] = out["unit"]
        else:
            out[column] = value
    return out


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
    period: str | None = "Y",
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
    period : str or None, default "Y"
        ``"Y"`` for calendar-year values; ``"Q1"``, ``"H1"`` or ``"Q1-Q3"`` for the cumulative
        values of part of a year (bulletins' 前三季度 figures); ``None`` for every period (the
        ``period`` column then tells them apart).
    data_dir : str or Path, optional
        A user data folder (:mod:`jbanalysis.userdata`) whose values join the bundled ones under
        the same policy; default ``$JBANALYSIS_USER_DATA`` if set. Ignored with ``observations``.

    Returns
    -------
    DataFrame
        district, year, indicator, value, unit, source_id, record, vintage, flag, source_kind,
        reliability, period, correction, candidates, rule.

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
    if period is not None:
        if period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)} or None, not {period!r}")
        if "period" in obs:
            mask &= (obs["period"] == period).to_numpy()
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
    wanted = _district_filter(districts) if districts is not None else None
    if wanted is None:
        order = load_districts()["id"].tolist()
        present = set(sub["district"])
        wanted = [d for d in order if d in present]
    sub = sub[sub["district"].isin(wanted)]
    table = years_by_district(sub, what=f"the panel's {indicator} rows")
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
    tolerance: float | None = None,
    indicators: str | Iterable[str] | None = None,
    districts: str | Iterable[str] | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Every disagreement that matters between published values of one key, and every correction.

    Compares the values *as published* (converted to canonical units, before corrections). A pair
    of values of one (district, year, indicator, period) is a conflict unless one is the other's
    rounding: they differ by at most half the last printed digit of the coarser (1027.87 and the
    yearbook's 1027.8664 agree; 880 and 880.98 do not, nor 1203.85 and 1205.60, a revision of
    0.15 %) — or, with ``tolerance`` given, when they differ by more than that relative amount.
    A first release and a revision are always listed unless the revision only rounds it.
    A corrected value is listed against its own published value (both sides of the 2022 渝中/江北
    swap), a bound against a value only when the value contradicts it.

    Returns one row per disagreeing pair: the key, value/source/record/vintage/correction of each
    side (``a`` the smaller), ``kind`` (``corrected error``, ``unresolved tie``,
    ``estimate vs statistic``, ``first release vs revised``, ``preliminary vs statistic``,
    ``bound contradicted``, ``sources disagree``) and

    rel_diff = |value_b − value_a| / min(|value_a|, |value_b|)

    >>> c = conflicts(indicators="gdp", districts="yubei")
    >>> c[c.year == 2018][["value_a", "value_b", "vintage_a", "vintage_b"]].to_numpy().tolist()[0]
    [1543.09, 1752.83, 'first_release', 'revised']
    >>> swap = conflicts(indicators="gdp", districts="jiangbei")
    >>> swap[swap.year == 2022][["value_a", "value_b", "kind", "correction_b"]].to_numpy().tolist()
    [[1560.91, 1602.76, 'corrected error', 'C002']]
    """
    from jbanalysis.indicators import convert

    obs = _with_defaults(load_observations(data_dir) if observations is None else observations)
    wanted_d = _district_filter(districts)
    wanted_i = _indicator_filter(indicators)
    if wanted_d is not None:
        obs = obs[obs["district"].isin(wanted_d)]
    if wanted_i is not None:
        obs = obs[obs["indicator"].isin(wanted_i)]
    key = [*KEY, "period"]
    # only keys with several values, or corrected values, can conflict; compare their published
    # values in canonical units (undoing any correction), one conversion per unit pair
    corrected = (obs["correction"].astype(str) != "") & (obs["flag"].isin(["corrected"]))
    multi = obs[obs.duplicated(key, keep=False) | corrected].copy()
    units = multi["published_unit"].astype(str) + "|" + multi["unit"].astype(str)
    raw = np.full(len(multi), np.nan)
    for pair in units.unique():
        mask = (units == pair).to_numpy()
        raw[mask] = convert(multi["published_value"].to_numpy(float)[mask], *pair.split("|"))
    multi["raw_value"] = raw
    multi["step"] = printed_step(multi["published_value"], multi["published_unit"], multi["unit"])
    side = [
        "raw_value",
        "source_id",
        "record",
        "vintage",
        "source_kind",
        "reliability",
        "correction",
        "bound",
        "step",
    ]
    pairs = multi[[*key, *side]].merge(multi[[*key, *side]], on=key, suffixes=("_a", "_b"))
    pairs = pairs[pairs["record_a"].astype(str) < pairs["record_b"].astype(str)]
    # a corrected value against what its source printed
    fixed = multi[corrected.loc[multi.index]]
    own = fixed[[*key, *side]].rename(columns={c: f"{c}_a" for c in side})
    own = own.assign(**{f"{c}_b": fixed[c].to_numpy() for c in side}, correction_a="")
    own["raw_value_b"] = fixed["value"].to_numpy(float)
    pairs = pd.concat([pairs, own[pairs.columns]], ignore_index=True)
    a, b = pairs["raw_value_a"].to_numpy(float), pairs["raw_value_b"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(b - a) / np.minimum(np.abs(a), np.abs(b))
    pairs = pairs.assign(rel_diff=rel)
    bound_a, bound_b = pairs["bound_a"].astype(str), pairs["bound_b"].astype(str)
    both_bounds = (bound_a != "") & (bound_b != "")
    one_bound = (bound_a != "") ^ (bound_b != "")
    if tolerance is None:
        # b is a's own rounding when they differ by at most half the coarser last digit
        half = np.maximum(pairs["step_a"], pairs["step_b"]) / 2
        apart = np.abs(b - a) > half * (1 + 1e-9)
    else:
        apart = rel > tolerance
    own_fix = pairs["correction_b"].astype(str).ne("") & pairs["record_a"].eq(pairs["record_b"])
    keep = (apart & ~both_bounds & ~one_bound) | own_fix
    contradicted = one_bound & ~_within_bound(pairs)
    pairs = pairs[(keep | contradicted).to_numpy()].copy()
    pairs["kind"] = np.where(
        contradicted[keep | contradicted].to_numpy(), "bound contradicted", _conflict_kinds(pairs)
    )
    pairs = pairs.rename(columns={"raw_value_a": "value_a", "raw_value_b": "value_b"})
    pairs = pairs.drop(columns=["step_a", "step_b"])
    # order each pair so that a is the smaller value, for a stable reading
    swap = (pairs["value_a"] > pairs["value_b"]).to_numpy()
    for col in [c for c in side if c != "step"]:
        ca, cb = col.replace("raw_value", "value") + "_a", col.replace("raw_value", "value") + "_b"
        pairs[[ca, cb]] = pairs[[ca, cb]].astype(object)
        pairs.loc[swap, [ca, cb]] = pairs.loc[swap, [cb, ca]].to_numpy()
    for col in ("district", "indicator", "period"):
        pairs[col] = pairs[col].astype(str)
    pairs["value_a"] = pairs["value_a"].astype(float)
    pairs["value_b"] = pairs["value_b"].astype(float)
    # several pages printing the same pair of values make one conflict, listing every record
    pairs = pairs.sort_values([*key, "record_a", "record_b"])
    group = [*key, "value_a", "value_b", "kind"]
    groups = pairs.groupby(group)
    size = groups["record_a"].transform("size")
    shared = (size > 1).to_numpy()  # most pairs are printed once: their own record is the list
    for column in ("record_a", "record_b"):
        records = pairs[column].astype(object).where(size.notna())  # a key of NaN has no group
        if shared.any():
            records[shared] = (
                pairs[shared]
                .groupby(group)[column]
                .transform(lambda s: ", ".join(sorted(set(s))))
                .to_numpy()
            )
        pairs[column.replace("record", "records")] = records.astype("str")
    pairs = pairs.drop_duplicates(group)
    return pairs.sort_values([*key, "rel_diff"]).reset_index(drop=True)


def _within_bound(pairs: pd.DataFrame) -> pd.Series:
    """Whether the value side of a (bound, value) pair satisfies the bound."""
    bound_a = pairs["bound_a"].astype(str)
    bound = bound_a.where(bound_a != "", pairs["bound_b"].astype(str))
    limit = pairs["raw_value_a"].where(bound_a != "", pairs["raw_value_b"])
    value = pairs["raw_value_b"].where(bound_a != "", pairs["raw_value_a"])
    ok = pd.Series(True, index=pairs.index)
    for sign, test in ((">", value > limit), (">=", value >= limit)):
        ok = ok.where(bound != sign, test)
    for sign, test in (("<", value < limit), ("<=", value <= limit)):
        ok = ok.where(bound != sign, test)
    return ok


def _conflict_kinds(pairs: pd.DataFrame) -> np.ndarray:
    """The kind of each pair, first test that holds: a correction on either side, an estimate,
    a first release against a revision, a preliminary report, the same source kind, vintage and
    reliability (an unresolved tie), else sources disagree."""
    text = {c: pairs[c].astype(str).to_numpy() for c in ("vintage_a", "vintage_b")}
    va, vb = text["vintage_a"], text["vintage_b"]
    corrected = np.fromiter(
        (
            bool(a) or bool(b)
            for a, b in zip(pairs["correction_a"], pairs["correction_b"], strict=True)
        ),
        bool,
        len(pairs),
    )
    estimate = (va == "estimate") | (vb == "estimate")
    revision = ((va == "first_release") & (vb == "revised")) | (
        (va == "revised") & (vb == "first_release")
    )
    preliminary = (va == "preliminary") | (vb == "preliminary")
    same_kind = (pairs["source_kind_a"] == pairs["source_kind_b"]).to_numpy() & (
        pairs["vintage_a"] == pairs["vintage_b"]
    ).to_numpy()
    same_reliability = (pairs["reliability_a"] == pairs["reliability_b"]).to_numpy()
    return np.select(
        [corrected, estimate, revision, preliminary, same_kind & same_reliability],
        [
            "corrected error",
            "estimate vs statistic",
            "first release vs revised",
            "preliminary vs statistic",
            "unresolved tie",
        ],
        "sources disagree",
    ).astype(object)
