"""Where sources disagree on a value: first release against revised, and pages that contradict."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.panel.load import _district_filter, _indicator_filter
from jbanalysis.panel.selection import KEY, _with_defaults, printed_step
from jbanalysis.registry.paths import user_dir_alias
from jbanalysis.sources.observations import load_observations


def conflicts(
    observations: pd.DataFrame | None = None,
    tolerance: float | None = None,
    indicators: str | Iterable[str] | None = None,
    districts: str | Iterable[str] | None = None,
    *,
    user_dir: str | Path | None = None,
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

    >>> from jbanalysis.panel.conflicts import conflicts
    >>> c = conflicts(indicators="gdp", districts="yubei")
    >>> c[c.year == 2018][["value_a", "value_b", "vintage_a", "vintage_b"]].to_numpy().tolist()[0]
    [1543.0945, 1752.83, 'first_release', 'revised']
    >>> swap = conflicts(indicators="gdp", districts="jiangbei")
    >>> swap[swap.year == 2022][["value_a", "value_b", "kind", "correction_b"]].to_numpy().tolist()
    [[1560.91, 1602.76, 'corrected error', 'C002']]
    """
    from jbanalysis.registry.indicators import convert

    user_dir = user_dir_alias(user_dir, data_dir, "conflicts")
    obs = _with_defaults(load_observations(user_dir) if observations is None else observations)
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
