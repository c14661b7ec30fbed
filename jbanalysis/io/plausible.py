"""Is a value of the right size? Compared with the bundled data of the same series.

A value 30 times or more away from the bundled value of the same district, indicator and year
(or, where the bundle has no such year, of the nearest year within five) is almost never real:
it is a unit read wrongly (万元 as 亿元 is 10,000×, a percent as a fraction 100×). It is an error
that names the likely mix-up, unless the caller accepts it (``accept_implausible=True``), in which
case the value keeps a note saying so.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError

FACTOR = 30.0
NEAREST_YEARS = 5


def _reference(obs: pd.DataFrame, bundled: pd.DataFrame) -> pd.DataFrame:
    """For each row of ``obs``: the ``bundled`` value it is compared with (NaN where none): the
    same year, else the nearest within ``NEAREST_YEARS`` (the earlier one on a tie)."""
    empty = pd.DataFrame(
        index=obs.index, columns=["ref_value", "ref_year", "ref_source", "ref_record"]
    )
    d_codes, d_uniques = pd.factorize(obs["district"].to_numpy(dtype=object))
    i_codes, i_uniques = pd.factorize(obs["indicator"].to_numpy(dtype=object))
    ref = bundled[
        bundled["district"].isin(d_uniques)
        & bundled["indicator"].isin(i_uniques)
        & (bundled["flag"] != "excluded")
        & (bundled["vintage"] != "estimate")
        & ((bundled["period"] == "Y") if "period" in bundled.columns else True)
        & ((bundled["bound"] == "") if "bound" in bundled.columns else True)
    ]
    if not len(ref):
        return empty
    ref = ref[["district", "indicator", "year", "value", "source_id", "record"]].astype(
        {"district": str, "indicator": str, "source_id": str}
    )
    ref = ref.groupby(["district", "indicator", "year"], as_index=False).agg(
        value=("value", "median"), source_id=("source_id", "first"), record=("record", "first")
    )
    # one integer per series (district × indicator) on both sides: merging on integers
    d_index = {d: k for k, d in enumerate(d_uniques)}
    i_index = {i: k for k, i in enumerate(i_uniques)}
    width = len(i_uniques)
    right_series = (
        ref["district"].map(d_index).to_numpy() * width + ref["indicator"].map(i_index).to_numpy()
    )
    left = pd.DataFrame(
        {
            "index": np.arange(len(obs)),
            "series": d_codes.astype(np.int64) * width + i_codes,
            "year": obs["year"].to_numpy("int64"),
        }
    ).sort_values("year", kind="stable")
    right = pd.DataFrame(
        {
            "series": right_series.astype(np.int64),
            "ref_year": ref["year"].to_numpy("int64"),
            "value": ref["value"].to_numpy(),
            "source_id": ref["source_id"].to_numpy(dtype=object),
            "record": ref["record"].to_numpy(dtype=object),
        }
    ).sort_values("ref_year", kind="stable")
    merged = pd.merge_asof(
        left,
        right,
        left_on="year",
        right_on="ref_year",
        by="series",
        direction="nearest",
        tolerance=NEAREST_YEARS,
    ).sort_values("index")
    out = pd.DataFrame(
        {
            "ref_value": merged["value"].to_numpy(),
            "ref_year": merged["ref_year"].to_numpy(),
            "ref_source": merged["source_id"].to_numpy(),
            "ref_record": merged["record"].to_numpy(),
        },
        index=obs.index,
    )
    return out


def check_plausible(
    obs: pd.DataFrame, path: Path, accept: bool, report, reference: pd.DataFrame
) -> None:
    """Raise (or note, when ``accept``) values 30× or more away from the ``reference`` ones."""
    from jbanalysis.registry.indicators import load_indicators, load_units

    kinds = load_indicators().set_index("id")["kind"]
    ref = _reference(obs, reference)
    value = obs["value"].to_numpy(float)
    rv = ref["ref_value"].to_numpy(float)
    kind = obs["indicator"].map(kinds).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = value / rv
    level = np.isin(kind, ["level", "per_capita", "count"])
    rate = kind == "rate"
    big = level & (value > 0) & (rv > 0) & ((ratio >= FACTOR) | (ratio <= 1 / FACTOR))
    # a rate written as a fraction: 0.038 where the series says 3.8
    fraction = (
        rate
        & (np.abs(value) < 1)
        & (np.abs(rv) >= 2)
        & (np.abs(value * 100 - rv) <= 0.5 * np.abs(rv))
    )
    bad = big | fraction
    if not bad.any():
        return
    units = load_units().set_index("id")
    rows = np.flatnonzero(bad)
    if accept:
        notes = obs["note"].astype(str).to_numpy().copy()
        for i in rows:
            tag = f"accepted by the user: {_size(ratio[i])} the bundled {rv[i]:g} ({int(ref['ref_year'].iat[i])})"
            notes[i] = f"{notes[i]}; {tag}" if notes[i] else tag
        obs["note"] = notes
        report.notes.append(
            f"{len(rows)} value(s) far from the bundled data kept (accept_implausible=True)"
        )
        return
    i = rows[0]
    row = obs.iloc[i]
    ref_year = int(ref["ref_year"].iat[i])
    where = f"{ref['ref_source'].iat[i]} {ref['ref_record'].iat[i]}"
    from jbanalysis.registry.indicators import resolve_unit

    published = resolve_unit(row["published_unit"])
    said = f"{row['published_value']:g} {units.at[published, 'symbol_zh']}"
    if fraction[i]:
        hint = "a fraction where a percent is expected (0.038 for 3.8%; write it 3.8)"
    else:
        hint = _unit_hint(ratio[i], published, units)
    same = "" if ref_year == row["year"] else f" (nearest year {ref_year})"
    raise DataError(
        f"{row['indicator']} {said} for {row['district']} {row['year']} is {_size(ratio[i])} the "
        f"bundled {rv[i]:g} {units.at[row['unit'], 'symbol_zh']}{same}, {where}: {hint}. "
        f"{len(rows)} value(s) like this; if they are right, pass accept_implausible=True "
        "(jbanalysis data add --accept-implausible)",
        file=path,
        row=int(row["line"]),
        column=str(row["column"]),
    )


def _size(ratio: float) -> str:
    if ratio >= 1:
        return f"{_round(ratio):,}× larger than"
    return f"{_round(1 / ratio):,}× smaller than"


def _round(x: float) -> int:
    power = round(math.log10(x))
    return 10**power if abs(math.log10(x) - power) < 0.15 else round(x)


def _unit_hint(ratio: float, unit: str, units: pd.DataFrame) -> str:
    """The unit that would make the value match: 万元 read as 亿元 is 10,000× off."""
    dim, factor = units.at[unit, "dimension"], float(units.at[unit, "factor"])
    want = factor / ratio
    same = units[(units["dimension"] == dim) & (units.index != unit)]
    for _, u in same.iterrows():
        if abs(math.log10(float(u["factor"]) / want)) < 0.15:
            return (
                f"the table's unit was taken as {units.at[unit, 'symbol_zh']}; "
                f"{u['symbol_zh']} would match (is the unit wrong?)"
            )
    return f"a unit mix-up? (the table's unit was taken as {units.at[unit, 'symbol_zh']})"
