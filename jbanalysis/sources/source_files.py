"""The files of a data folder as read from disk: a transcribed source table (``sources/<id>.csv``,
its schema checked), the source registry (``sources.csv``) and ``observations.csv``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.registry.paths import SOURCES, data_path
from jbanalysis.registry.paths import source_tables as _source_tables
from jbanalysis.registry.schema import (
    _OBS_DTYPES,
    BOUNDS,
    OPTIONAL_SOURCE_COLUMNS,
    PERIODS,
    SOURCE_COLUMNS,
    SOURCE_FLAGS,
    VINTAGES,
    YEAR_RANGE,
)


def read_source_file(path: Path) -> pd.DataFrame:
    """Read one transcribed source table and check its schema row by row.

    Errors name the file, the line (as an editor shows it: the header is line 1) and the column.
    The returned frame keeps a ``line`` column for later messages.
    """
    path = Path(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in SOURCE_COLUMNS if c not in table.columns]
    if missing:
        raise DataError(f"missing required column(s) {missing}", file=path, row=1)
    for col in OPTIONAL_SOURCE_COLUMNS:
        if col not in table.columns:
            table[col] = ""
    table["period"] = table["period"].where(table["period"] != "", "Y")
    table["line"] = np.arange(2, len(table) + 2)
    if not table["source_id"].eq("").all() and (table["source_id"] != path.stem).any():
        bad = table[table["source_id"] != path.stem].iloc[0]
        raise DataError(
            f"source_id {bad['source_id']!r} differs from the file name {path.stem!r}",
            file=path,
            row=int(bad["line"]),
            column="source_id",
        )
    table["source_id"] = path.stem
    _check_column(table, path, "year", lambda s: pd.to_numeric(s, errors="coerce"), "a whole year")
    years = pd.to_numeric(table["year"])
    out = (years < YEAR_RANGE[0]) | (years > YEAR_RANGE[1]) | (years % 1 != 0)
    if out.any():
        bad = table[out].iloc[0]
        raise DataError(
            f"year {bad['year']!r} is not a whole year in {YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
            file=path,
            row=int(bad["line"]),
            column="year",
        )
    table["year"] = years.astype(int)
    _check_column(table, path, "value", lambda s: pd.to_numeric(s, errors="coerce"), "a number")
    table["value"] = pd.to_numeric(table["value"]).astype(float)
    table["published_value"] = table["value"]
    table["published_unit"] = table["unit"]
    _check_vocab(table, path, "vintage", VINTAGES)
    _check_vocab(table, path, "flag", SOURCE_FLAGS)
    _check_vocab(table, path, "period", PERIODS)
    _check_vocab(table, path, "bound", BOUNDS)
    dup = table.duplicated("record", keep=False)
    if dup.any():
        bad = table[dup]
        raise DataError(
            f"record {bad['record'].iloc[0]!r} appears on lines {bad['line'].tolist()}",
            file=path,
            row=int(bad["line"].iloc[1]),
            column="record",
        )
    return table


def _check_column(table, path, column, parse, expected) -> None:
    parsed = parse(table[column])
    bad = parsed.isna() | ~np.isfinite(parsed.astype(float))
    if bad.any():
        row = table[bad].iloc[0]
        raise DataError(
            f"{row[column]!r} is not {expected} ({int(bad.sum())} such row(s))",
            file=path,
            row=int(row["line"]),
            column=column,
        )


def _check_vocab(table, path, column, allowed) -> None:
    bad = ~table[column].isin(allowed)
    if bad.any():
        row = table[bad].iloc[0]
        raise DataError(
            f"{row[column]!r} is not one of {', '.join(allowed)}",
            file=path,
            row=int(row["line"]),
            column=column,
        )


def source_files(folder: Path | None = None) -> list[Path]:
    """The transcribed source tables of a data folder (default: the bundle), in name order."""
    return _source_tables(folder)


def read_sources_table(folder: Path) -> pd.DataFrame:
    """The source registry of a data folder (``sources.csv``), every field as text."""
    return pd.read_csv(data_path(SOURCES, folder), dtype=str, keep_default_na=False)


@cache
def read_observations_file(path: str, mtime: float) -> pd.DataFrame:
    """``observations.csv`` with its dtypes (categories for the ids); cached per file version
    (``mtime``), cleared by :func:`jbanalysis.sources.build.build`. Its keys are checked against
    the registries and the folder's ``sources.csv`` (an unknown id is a :class:`DataError` naming
    the row)."""
    from jbanalysis.sources.keys import check_observation_keys

    obs = pd.read_csv(path, dtype=_OBS_DTYPES, keep_default_na=False, na_values={"value": [""]})
    sources = set(read_sources_table(Path(path).parent)["id"])
    check_observation_keys(obs, path, sources)
    return obs
