"""Resolve a long table's names to registry ids and convert its values to canonical units."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.registry.districts import _alias_index, _normalise, resolve_district
from jbanalysis.registry.indicators import _indicators, _units, convert, resolve_unit


def harmonise(table: pd.DataFrame, path: Path | str = "<table>") -> pd.DataFrame:
    """Resolve district names and indicator ids, and convert values to canonical units.

    ``value``/``unit`` become canonical; ``published_value``/``published_unit`` (set when the
    file is read) keep the numbers as printed.
    Raises :class:`DataError` naming the first bad row (unknown district, indicator or unit, or a
    unit of the wrong dimension for the indicator).
    """
    index = _alias_index()
    # normalise each distinct name once (a national table repeats ≈ 3,000 names a million times)
    codes, distinct = pd.factorize(table["district"], use_na_sentinel=False)
    normalised = np.array([_normalise(str(n)) for n in distinct], dtype=object)
    keys = pd.Series(normalised[codes], index=table.index)
    unknown = ~keys.isin(list(index))
    if unknown.any():
        row = table[unknown].iloc[0]
        try:
            resolve_district(row["district"])
        except UnknownNameError as exc:
            raise DataError(str(exc), file=path, row=_line(row), column="district") from None
    out = table.copy()
    out["district"] = keys.map(index)

    indicators = _indicators().set_index("id")
    bad = ~out["indicator"].isin(indicators.index)
    if bad.any():
        row = out[bad].iloc[0]
        raise DataError(
            f"unknown indicator {row['indicator']!r} (see data/indicators.csv)",
            file=path,
            row=_line(row),
            column="indicator",
        )
    units = _units().set_index("id")
    canonical = out["indicator"].map(indicators["unit"])
    published_unit = {}
    for unit in out["unit"].unique():
        try:
            published_unit[unit] = resolve_unit(unit)
        except UnknownNameError as exc:
            row = out[out["unit"] == unit].iloc[0]
            raise DataError(str(exc), file=path, row=_line(row), column="unit") from None
    src_unit = out["unit"].map(published_unit)
    dims_ok = src_unit.map(units["dimension"]).to_numpy() == canonical.map(units["dimension"])
    if not dims_ok.all():
        row = out[~dims_ok].iloc[0]
        raise DataError(
            f"unit {row['unit']!r} does not fit indicator {row['indicator']!r} "
            f"(expected a unit of {units.at[indicators.at[row['indicator'], 'unit'], 'dimension']})",
            file=path,
            row=_line(row),
            column="unit",
        )
    values = out["value"].to_numpy(dtype=float)
    converted = np.empty_like(values)
    pairs = src_unit.astype(str) + "|" + canonical.astype(str)
    for pair in pairs.unique():  # one conversion per (published, canonical) unit pair
        mask = (pairs == pair).to_numpy()
        converted[mask] = convert(values[mask], *pair.split("|"))
    out["value"] = converted
    out["unit"] = canonical.to_numpy()
    return out


def _line(row) -> int | None:
    return int(row["line"]) if "line" in row and pd.notna(row["line"]) else None
