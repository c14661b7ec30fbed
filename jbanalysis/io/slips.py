"""A slip never wins silently: values far from what they should be near are stopped.

A level (a total, a per-head value, a count) 5 times or more away from the same district's
neighbouring years — the nearest year before and after, within five years, from the reference
series the caller passes (the bundled and earlier user data) and from the table itself — is
almost never real: it is a decimal point out of place (17818 for 1781.8), a unit read wrongly
(万元 as 亿元 is 10,000×) or a digit typed twice. Where the series has no neighbour (an indicator
the bundle lacks, a first year), the value is compared with the same table's other rows of its
indicator and year (the nearest of them, by size). Growth rates and other rates are compared by
their size: more than 5 times the larger of their neighbours' and 4 percentage points.

A value that is right although it looks like a slip is kept with ``accept_implausible=REASON``:
the reason is stored in the value's note, and ``jbanalysis data validate --data-dir`` lists it.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io.codes import factorize
from jbanalysis.registry.indicators import load_indicators, load_units

FACTOR = 5.0
NEAREST_YEARS = 5
RATE_FLOOR = 4.0
ACCEPTED = "accepted as plausible"


def _series(frames: list[pd.DataFrame]) -> list[np.ndarray]:
    """One integer per series (district × indicator × period), the same across ``frames``."""
    parts = []
    for col in ("district", "indicator", "period"):
        coded = [_coded(f, col) for f in frames]  # each frame's codes and its distinct labels
        names = pd.Index(pd.unique(np.concatenate([u for _, u in coded])))
        parts.append(
            np.concatenate(
                [np.append(names.get_indexer(u), -1)[c].astype(np.int64) for c, u in coded]
            )
        )
    code = (parts[0] * (parts[1].max() + 1) + parts[1]) * (parts[2].max() + 1) + parts[2]
    bounds = np.cumsum([0, *(len(f) for f in frames)])
    return [code[a:b] for a, b in itertools.pairwise(bounds)]


def _coded(frame: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """A key column as (codes, labels): a categorical's own, else factorized (``-1``: missing)."""
    if col not in frame:
        return np.zeros(len(frame), dtype=np.int64), np.array(["Y"], dtype=object)
    values = frame[col]
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = values.cat.categories.to_numpy(dtype=object)
        return values.cat.codes.to_numpy(np.int64), cats
    codes, uniques = factorize(values.to_numpy(dtype=object))
    return codes, np.asarray(uniques, dtype=object)


def _usable(reference: pd.DataFrame | None, obs: pd.DataFrame) -> pd.DataFrame | None:
    """The reference rows of ``obs``'s districts and indicators that can be a yardstick: not
    excluded, not an estimate, not a bound."""
    if reference is None or not len(reference):
        return None
    ref = reference
    keep = np.array(ref["indicator"].isin(pd.unique(obs["indicator"])), dtype=bool)
    keep &= np.array(ref["district"].isin(pd.unique(obs["district"])), dtype=bool)
    for col, bad in (("flag", "excluded"), ("vintage", "estimate")):
        if col in ref:
            keep &= np.array(ref[col].astype(object) != bad, dtype=bool)
    if "bound" in ref:
        keep &= np.array(ref["bound"].astype(object).isin(["", np.nan]), dtype=bool)
    ref = ref[keep]
    return ref if len(ref) else None


def _neighbours(obs: pd.DataFrame, reference: pd.DataFrame | None) -> pd.DataFrame:
    """For each value: the nearest year before and after (within five) of the same series, from
    the table and the reference (its median where several sources give the same year), and the
    reference's value of the same year where it has one (then the only yardstick). ``*_from``
    is an index: ``>= 0`` a row of ``obs``, ``< 0`` the ``-1 - k``-th reference row."""
    n = len(obs)
    ref = _usable(reference, obs)
    if ref is not None:
        own_code, ref_code = _series([obs, ref])
        agg = (
            pd.DataFrame(
                {
                    "code": ref_code,
                    "year": ref["year"].to_numpy(np.int64),
                    "value": ref["value"].to_numpy(float),
                    "k": np.arange(len(ref)),
                }
            )
            .groupby(["code", "year"], sort=False)
            .agg(value=("value", "median"), k=("k", "first"))
        )
        r_code = agg.index.get_level_values(0).to_numpy(np.int64)
        r_year = agg.index.get_level_values(1).to_numpy(np.int64)
        r_value, r_k = agg["value"].to_numpy(float), agg["k"].to_numpy(np.int64)
    else:
        own_code = _series([obs])[0]
        r_code = r_year = r_k = np.zeros(0, dtype=np.int64)
        r_value = np.zeros(0)
    code = np.concatenate([own_code, r_code])
    year = np.concatenate([obs["year"].to_numpy(np.int64), r_year])
    value = np.concatenate([obs["value"].to_numpy(float), r_value])
    me = np.concatenate([np.arange(n), -1 - r_k])
    ok_rows = np.isfinite(value)
    code, year, value, me = code[ok_rows], year[ok_rows], value[ok_rows], me[ok_rows]
    order = np.lexsort((me, year, code))
    code, year, value, me = code[order], year[order], value[order], me[order]
    out = {}
    mine = np.flatnonzero(me >= 0)
    target = me[mine]
    for side, step in (("before", -1), ("after", 1)):
        other = np.clip(mine + step, 0, len(me) - 1)
        ok = (
            (other != mine)
            & (code[other] == code[mine])
            & (np.abs(year[other] - year[mine]) <= NEAREST_YEARS)
        )
        for name, values, empty in (
            ("value", np.where(ok, value[other], np.nan), np.nan),
            ("year", np.where(ok, year[other], -1), -1),
            ("me", np.where(ok, me[other], n), n),
            ("same", ok & (year[other] == year[mine]) & (me[other] < 0), False),
        ):
            column = np.full(n, empty, dtype=values.dtype)
            column[target] = values
            out[f"{side}_{name}"] = column
    same = out["before_same"] | out["after_same"]
    for side in ("before", "after"):  # a same-year reference is the only yardstick
        out[f"{side}_value"][same & ~out[f"{side}_same"]] = np.nan
    frame = pd.DataFrame(out)
    frame.attrs["ref"] = ref
    return frame


def _from(obs: pd.DataFrame, nb: pd.DataFrame, at: int) -> str:
    """Where a neighbour value comes from, in words."""
    if at >= 0:
        return f"this table, {obs['record'].iat[at]}"
    ref = nb.attrs["ref"].iloc[-1 - at]
    return f"{ref['source_id']} {ref['record']}"


def find_slips(obs: pd.DataFrame, reference: pd.DataFrame | None) -> pd.DataFrame:
    """The values that look like slips: index into ``obs``, with the comparison in words."""
    kinds = load_indicators().set_index("id")["kind"]
    kind = obs["indicator"].map(kinds).to_numpy(dtype=object)
    value = obs["value"].to_numpy(float)
    nb = _neighbours(obs, reference)
    level = np.isin(kind, ["level", "per_capita", "count"])
    rate = kind == "rate"
    found = {}
    for side in ("before", "after"):
        nv = nb[f"{side}_value"].to_numpy(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(level & (value > 0) & (nv > 0), value / nv, np.nan)
            far = (ratio >= FACTOR) | (ratio <= 1 / FACTOR)
            far_rate = rate & (np.abs(value) > FACTOR * np.maximum(np.abs(nv), RATE_FLOOR))
            far_rate |= rate & _fraction(value, nv)  # 0.061 where the series says 6.1
        has = ~np.isnan(nv)
        nb[f"{side}_far"] = np.where(has, far | far_rate, True)
        nb[f"{side}_has"] = has
        nb[f"{side}_ratio"] = ratio
    has_any = nb["before_has"].to_numpy() | nb["after_has"].to_numpy()
    far_all = has_any & nb["before_far"].to_numpy() & nb["after_far"].to_numpy()
    far_all = _innocent(nb, far_all)
    for i in np.flatnonzero(far_all):
        side = "before" if nb.at[i, "before_has"] else "after"
        if (
            nb.at[i, "after_has"]
            and side == "before"
            and abs(obs["year"].iat[i] - nb.at[i, "after_year"])
            < abs(obs["year"].iat[i] - nb.at[i, "before_year"])
        ):
            side = "after"
        found[int(i)] = _words(
            obs,
            i,
            nb.at[i, f"{side}_value"],
            int(nb.at[i, f"{side}_year"]),
            _from(obs, nb, int(nb.at[i, f"{side}_me"])),
        )
    for i, words in _cross_rows(obs, kind, ~has_any).items():
        found.setdefault(i, words)
    return pd.DataFrame({"index": list(found), "comparison": list(found.values())})


def _fraction(value: np.ndarray, near: np.ndarray) -> np.ndarray:
    """A rate written as a fraction: under 1 where its neighbour is 2 or more and 100 times it
    is within half of the neighbour (0.061 beside 6.1 or 5.8)."""
    with np.errstate(invalid="ignore"):
        return (
            (np.abs(value) < 1)
            & (np.abs(near) >= 2)
            & (np.abs(value * 100 - near) <= 0.5 * np.abs(near))
        )


def _innocent(nb: pd.DataFrame, flagged: np.ndarray) -> np.ndarray:
    """A value flagged only because its neighbours are slips is no slip: in 1357.6, 15177, 1560.91
    the last is far from its one neighbour, the middle one, which is far from both of its own."""
    has = nb[["before_has", "after_has"]].to_numpy(dtype=bool)
    count = has.sum(axis=1)
    near_me = nb[["before_me", "after_me"]].to_numpy().astype(np.int64)
    out = flagged.copy()
    for i in np.flatnonzero(flagged):
        others = [int(m) for m, h in zip(near_me[i], has[i], strict=True) if h]
        if others and all(
            0 <= m < len(flagged) and flagged[m] and count[m] > count[i] for m in others
        ):
            out[i] = False
    return out


def _cross_rows(obs, kind, alone) -> dict[int, str]:
    """Values with no neighbouring year: against the table's other rows of their indicator,
    year and period (at least three others): a level by its nearest other value in size, a rate
    by the others' typical size. Sorted once; only the flagged values are worded."""
    if not alone.any():
        return {}
    key = (
        obs["indicator"].astype(str)
        + "|"
        + obs["year"].astype(str)
        + "|"
        + obs["period"].astype(str)
    )
    group = pd.factorize(key.to_numpy(dtype=object))[0]
    value = obs["value"].to_numpy(float)
    level = np.isin(kind, ["level", "per_capita", "count"]) & (value > 0)
    rate = kind == "rate"
    out: dict[int, str] = {}
    idx = np.flatnonzero(level)
    if len(idx):
        order = idx[np.lexsort((value[idx], group[idx]))]
        g, x = group[order], np.log(value[order])
        n = np.bincount(g, minlength=group.max() + 1)[g]
        prev = np.r_[np.inf, x[1:] - x[:-1]]
        prev[np.r_[True, g[1:] != g[:-1]]] = np.inf
        nxt = np.r_[x[1:] - x[:-1], np.inf]
        nxt[np.r_[g[1:] != g[:-1], True]] = np.inf
        far = (np.minimum(prev, nxt) >= np.log(FACTOR)) & (n >= 4) & alone[order]
        for k in np.flatnonzero(far):
            i = int(order[k])
            near = value[order[k - 1]] if prev[k] <= nxt[k] else value[order[k + 1]]
            out[i] = _against_rows(obs, i, near, int(n[k]) - 1)
    idx = np.flatnonzero(rate & alone)
    for i in idx:
        others = value[(group == group[i]) & rate]
        if len(others) < 4:
            continue
        others = np.delete(others, np.flatnonzero(others == value[i])[:1])
        typical = float(np.median(np.abs(others)))
        if abs(value[i]) > FACTOR * max(typical, RATE_FLOOR):
            out[int(i)] = _against_rows(obs, int(i), typical, len(others), rate=True)
    return out


def _units() -> pd.DataFrame:
    return load_units().set_index("id")


def _unit_symbol(unit: str) -> str:
    units = _units()
    return str(units.at[unit, "symbol_zh"]) if unit in units.index else unit


def _size(ratio: float) -> str:
    if ratio >= 1:
        return f"{_round(ratio):,}× larger than"
    return f"{_round(1 / ratio):,}× smaller than"


def _round(x: float) -> float | int:
    power = round(math.log10(x))
    if abs(math.log10(x) - power) < 0.05:
        return 10**power
    return round(x, 1) if x < 10 else round(x)


def _hint(ratio: float, published: str) -> str:
    """What the slip probably is: a unit that would make the value match, or a decimal point."""
    from jbanalysis.registry.indicators import resolve_unit

    units = _units()
    try:
        unit = resolve_unit(published)
    except Exception:
        unit = None
    if unit in units.index:
        dim, factor = units.at[unit, "dimension"], float(units.at[unit, "factor"])
        want = factor / ratio
        for _, u in units[(units["dimension"] == dim) & (units.index != unit)].iterrows():
            if abs(math.log10(float(u["factor"]) / want)) < 0.05:
                return f"the unit was taken as {units.at[unit, 'symbol_zh']}; {u['symbol_zh']} would match (is the unit wrong?)"
    power = round(math.log10(ratio))
    if power and abs(math.log10(ratio) - power) < 0.05:
        return "a decimal point out of place?"
    return "a slip, or a real break (a boundary or scope change)?"


def _said(row) -> str:
    return f"{row['indicator']} {row['published_value']:g} {row['published_unit']} for {row['district']} {row['year']}"


def _words(obs, i, ref_value, ref_year, ref_from) -> str:
    row = obs.iloc[i]
    unit = _unit_symbol(row["unit"])
    when = "the same year" if ref_year == row["year"] else str(ref_year)
    if load_indicators().set_index("id").at[row["indicator"], "kind"] == "rate":
        hint = "a slip?"
        if _fraction(np.array([row["value"]]), np.array([ref_value]))[0]:
            hint = f"a fraction where a percent is expected ({row['value']:g} for {row['value'] * 100:g}%)?"
        return f"{_said(row)} is far from {ref_value:g} in {when} ({ref_from}): {hint}"
    ratio = row["value"] / ref_value
    return (
        f"{_said(row)} is {_size(ratio)} {ref_value:g} {unit} in {when} ({ref_from}): "
        f"{_hint(ratio, row['published_unit'])}"
    )


def _against_rows(obs, i, near, count, rate=False) -> str:
    row = obs.iloc[i]
    unit = _unit_symbol(row["unit"])
    if rate:
        return (
            f"{_said(row)} is far from the table's other {count} rows (typically {near:g}): a slip?"
        )
    ratio = row["value"] / near
    return (
        f"{_said(row)} is {_size(ratio)} the nearest of the table's other {count} rows "
        f"({near:g} {unit}): {_hint(ratio, row['published_unit'])}"
    )


def check_slips(
    obs: pd.DataFrame, reference, files: dict, accept: str | None, report
) -> pd.DataFrame:
    """Raise on slips, or keep them with the reason in their note when ``accept`` gives one.
    ``files``: the file each value comes from, by record prefix, for the message."""
    if accept is not None and (not isinstance(accept, str) or not accept.strip()):
        raise ValueError(
            "accept_implausible takes the reason the values are right (a text stored beside "
            "each of them), e.g. accept_implausible='两江新区 moved into the district in 2025'"
        )
    slips = find_slips(obs, reference)
    if not len(slips):
        return obs
    idx = slips["index"].to_numpy()
    if accept:
        notes = obs["note"].to_numpy(dtype=object).copy()
        for i, words in zip(idx, slips["comparison"], strict=True):
            tag = f"{ACCEPTED}: {accept.strip()} ({words})"
            notes[i] = f"{notes[i]}; {tag}" if notes[i] else tag
        obs = obs.assign(note=notes)
        report.notes.append(f"{len(idx)} value(s) that look like slips kept: {accept.strip()}")
        return obs
    lines = [
        f"  row {obs['line'].iat[i]}, column {obs['column'].iat[i]!r}: {w}"
        for i, w in zip(idx[:8], slips["comparison"][:8], strict=True)
    ]
    more = f"\n  … and {len(idx) - 8} more" if len(idx) > 8 else ""
    first = int(idx[0])
    raise DataError(
        f"{len(idx)} value(s) 5× or more away from what they should be near:\n"
        + "\n".join(lines)
        + more
        + "\nIf they are right, say why: accept_implausible='REASON' (jbanalysis data add "
        "--accept-implausible 'REASON'); the reason is stored beside each value",
        file=files.get("file"),
        row=int(obs["line"].iat[first]),
        column=str(obs["column"].iat[first]),
    )
