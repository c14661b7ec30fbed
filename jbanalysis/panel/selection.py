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

from dataclasses import dataclass

import numpy as np
import pandas as pd

from jbanalysis.precision import last_digit
from jbanalysis.registry.schema import (
    OBSERVATION_COLUMNS,
    OFFICIAL_SOURCE_KINDS,
    RELIABILITIES,
    SOURCE_KINDS,
    VINTAGES,
)

__all__ = [
    "KEY",
    "MIN_SERIES_YEARS",
    "PANEL_COLUMNS",
    "POLICIES",
    "RULES",
    "SelectionPolicy",
    "printed_step",
    "select",
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

    >>> import jbanalysis as jb
    >>> from jbanalysis.panel import POLICIES, SelectionPolicy
    >>> mine_first = SelectionPolicy("mine", source_kind_rank=("user", *POLICIES["default"].source_kind_rank))
    >>> jb.load_panel("jiangbei", policy=mine_first, indicators="gdp", years=2010)["value"].item()
    391.3947
    """

    name: str
    order: tuple[str, ...] = ("demote", "series", "source_kind", "vintage", "reliability")
    source_kind_rank: tuple[str, ...] = SOURCE_KINDS
    vintage_rank: tuple[str, ...] = VINTAGES  # the most revised first
    reliability_rank: tuple[str, ...] = RELIABILITIES
    exclude_vintages: tuple[str, ...] = ()
    precision: bool = True


def _first(order: tuple[str, ...], *first: str) -> tuple[str, ...]:
    """``order`` with ``first`` moved to its front.

    >>> from jbanalysis.panel.selection import _first
    >>> _first(("a", "b", "c", "d"), "c", "d")
    ('c', 'd', 'a', 'b')
    """
    return (*first, *(o for o in order if o not in first))


POLICIES = {
    "default": SelectionPolicy("default"),
    # The most revised figure first, whoever published it (mixes sources within a series).
    "latest": SelectionPolicy("latest", order=("demote", "vintage", "source_kind", "reliability")),
    # First releases first: what was known at the time.
    "first_release": SelectionPolicy(
        "first_release",
        order=("demote", "vintage", "source_kind", "reliability"),
        vintage_rank=_first(VINTAGES, "first_release", "preliminary"),
    ),
    # Official statistics only: no reports, datasets, aggregators or news.
    "official": SelectionPolicy(
        "official",
        source_kind_rank=OFFICIAL_SOURCE_KINDS,
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


def printed_step(published_value, published_unit, unit) -> np.ndarray:
    """The size of the last printed digit of each value, in the canonical ``unit``.

    A value printed ``880.98`` 亿元 has a step of 0.01 亿元; ``1477345`` 人 one person, i.e.
    0.0001 万人. Values are transcribed as their shortest decimal form, so the digits after the
    point are the digits printed (a printed trailing zero, ``1560.90``, is not recoverable).

    >>> import pandas as pd
    >>> from jbanalysis.panel.selection import printed_step
    >>> printed_step(pd.Series([880.98, 880.0, 1477345.0]), pd.Series(["亿元", "亿元", "人"]),
    ...              pd.Series(["cny_100m", "cny_100m", "persons_10k"])).tolist()
    [0.01, 1.0, 0.0001]
    """
    from jbanalysis.registry.indicators import convert

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
    from jbanalysis.sources.observations import load_sources

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

    >>> import pandas as pd
    >>> from jbanalysis.panel.selection import select
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
