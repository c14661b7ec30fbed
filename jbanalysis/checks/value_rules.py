"""Value rules of :func:`jbanalysis.validate`: hashes, a stale build, duplicates, negative levels, unit
jumps, sectors that do not add up to GDP, per-capita values against GDP / population."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.checks.findings import finding as _finding
from jbanalysis.checks.findings import where as _where
from jbanalysis.checks.series import series_findings
from jbanalysis.checks.series_rules import single_tables
from jbanalysis.registry.indicators import load_indicators, per_capita_factor
from jbanalysis.registry.paths import DATAPACKAGE, OBSERVATIONS, data_path
from jbanalysis.registry.schema import OBSERVATION_COLUMNS, SECTORS
from jbanalysis.sources.package import hashed_files, sha256

SECTOR_TOLERANCE = 0.01
PER_CAPITA_TOLERANCE = 0.10
JUMP_FACTOR = 20.0


# yuan per person from 亿元 / 万人 (the canonical units of gdp and pop_resident)
PER_CAPITA_FACTOR = per_capita_factor()


def _check_hashes(root: Path) -> list[dict]:
    package = data_path(DATAPACKAGE, root)
    if not package.is_file():
        return [
            _finding("error", "hash", "datapackage.json is missing; run `make data`", file=package)
        ]
    recorded = {
        r["path"]: r["hash"].removeprefix("sha256:")
        for r in json.loads(package.read_text("utf-8"))["resources"]
    }
    out = []
    for path in hashed_files(root):
        rel = path.relative_to(root).as_posix()
        if rel not in recorded:
            out.append(
                _finding(
                    "error",
                    "hash",
                    "file is not listed in datapackage.json; run `make data`",
                    file=path,
                )
            )
        elif not path.is_file():
            out.append(
                _finding("error", "hash", "file listed in datapackage.json is missing", file=path)
            )
        elif sha256(path) != recorded[rel]:
            out.append(
                _finding(
                    "error",
                    "hash",
                    f"sha256 {sha256(path)[:12]}… does not match datapackage.json ({recorded[rel][:12]}…): "
                    "the file changed since the last build; rebuild with `make data` if the change is intended",
                    file=path,
                )
            )
    return out


def _check_stale(root: Path, built: pd.DataFrame) -> list[dict]:
    path = data_path(OBSERVATIONS, root)
    if not path.is_file():
        return [
            _finding("error", "stale", "observations.csv is missing; run `make data`", file=path)
        ]
    on_disk = pd.read_csv(
        path, dtype={"record": str}, keep_default_na=False, na_values={"value": [""]}
    )
    if len(on_disk) != len(built):
        return [
            _finding(
                "error",
                "stale",
                f"has {len(on_disk)} rows but the sources build {len(built)}; run `make data`",
                file=path,
            )
        ]
    differs = {}  # column -> rows that differ: every column, ids and vocabularies included
    for column in OBSERVATION_COLUMNS:
        if column not in on_disk or column not in built:
            continue
        if column in ("value", "published_value"):
            a, b = on_disk[column].to_numpy(float), built[column].to_numpy(float)
            same = np.isclose(a, b, rtol=1e-12, equal_nan=True)
        else:
            a, b = on_disk[column].astype(str).to_numpy(), built[column].astype(str).to_numpy()
            same = a == b
        if not same.all():
            differs[column] = np.flatnonzero(~same)
    if differs:
        column, rows = min(differs.items(), key=lambda item: item[1][0])
        i = int(rows[0])
        return [
            _finding(
                "error",
                "stale",
                f"differs from what the sources build (first at {built['source_id'].iloc[i]} "
                f"{built['record'].iloc[i]}: {column} {on_disk[column].iloc[i]!r}, built "
                f"{built[column].iloc[i]!r}); run `make data`",
                file=path,
                row=i + 2,
                column=column,
            )
        ]
    return []


def _value_rules(all_obs: pd.DataFrame, root: Path | None = None) -> list[dict]:
    obs = all_obs[(all_obs["flag"] != "excluded") & (all_obs["bound"].astype(str) == "")]
    kinds = load_indicators().set_index("id")["kind"]
    out: list[dict] = []

    single = single_tables(obs, root)
    dup = single[
        single.duplicated(["source_id", "district", "year", "indicator", "period"], keep=False)
    ]
    for row in dup.to_dict("records"):
        out.append(
            _finding(
                "error",
                "duplicate",
                "another row of this source has the same district, year and indicator",
                **_where(row),
            )
        )

    levels = obs[obs["indicator"].map(kinds).isin(["level", "count", "per_capita"])]
    for row in levels[levels["value"] < 0].to_dict("records"):
        out.append(
            _finding(
                "error",
                "negative",
                f"negative value {row['published_value']:g} for a level",
                column="value",
                **_where(row),
            )
        )

    out += _unit_jumps(single_tables(levels, root))
    annual = obs[obs["period"].astype(str) == "Y"]
    out += _sector_sums(annual)
    out += _per_capita(annual)
    out += series_findings(all_obs, root)
    return out


def _unit_jumps(levels: pd.DataFrame) -> list[dict]:
    out = []
    ordered = levels.sort_values(["source_id", "district", "indicator", "year"])
    groups = ordered.groupby(["source_id", "district", "indicator"], observed=True)
    prev, prev_year = groups["value"].shift(), groups["year"].shift()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = ordered["value"] / prev
    # A zero (a count that really was zero) has no ratio to speak of: only positive pairs count.
    positive = (ordered["value"] > 0) & (prev > 0)
    jump = positive & ((ratio >= JUMP_FACTOR) | (ratio <= 1 / JUMP_FACTOR))
    jump &= ordered["year"] - prev_year == 1
    for (_, row), before in zip(ordered[jump].iterrows(), prev[jump], strict=True):
        out.append(
            _finding(
                "error",
                "unit_jump",
                f"{row['published_value']:g} {row['published_unit']} is {row['value'] / before:.3g}× the "
                f"previous year's value: a unit error? (expected a change of less than {JUMP_FACTOR:g}×)",
                column="value",
                **_where(row),
            )
        )
    return out


GROUP_KEY = ["source_id", "vintage", "district", "year"]


def _anchors(obs: pd.DataFrame, indicator: str, keys) -> list[dict]:
    """The observations cross-indicator findings are reported on: the first record of
    ``indicator`` for each of ``keys`` (tuples of :data:`GROUP_KEY`), found in one look-up."""
    keys = list(keys)
    if not keys:
        return []
    sub = obs[obs["indicator"] == indicator].drop_duplicates(GROUP_KEY)
    index = pd.MultiIndex.from_arrays([sub[c].astype(object).to_numpy() for c in GROUP_KEY])
    positions = index.get_indexer(pd.MultiIndex.from_tuples(keys))
    return [sub.iloc[p].to_dict() for p in positions]


def _one_per_key(obs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    sub = obs[obs["indicator"].isin(indicators)]
    # Published figures come from many pages: compare values of one vintage, first page each.
    sub = sub.drop_duplicates(["source_id", "vintage", "district", "year", "indicator"])
    return sub.pivot_table(
        index=GROUP_KEY,
        columns="indicator",
        values="value",
        aggfunc="first",
        observed=True,
    )


def _sector_sums(obs: pd.DataFrame) -> list[dict]:
    sectors = list(SECTORS)
    table = _one_per_key(obs, ["gdp", *sectors]).dropna(subset=["gdp", *sectors])
    total = table[sectors].sum(axis=1)
    rel = (total - table["gdp"]).abs() / table["gdp"]
    bad = table[rel > SECTOR_TOLERANCE]
    out = []
    anchors = _anchors(obs, "gdp", bad.index)
    for (key, row), where in zip(bad.iterrows(), anchors, strict=True):
        out.append(
            _finding(
                "error",
                "sector_sum",
                f"sectors sum to {total[key]:.6g} 亿元 but GDP is {row['gdp']:.6g} 亿元 "
                f"({rel[key]:.1%} apart; expected within {SECTOR_TOLERANCE:.0%})",
                **_where(where),
            )
        )
    return out


def _per_capita(obs: pd.DataFrame) -> list[dict]:
    # an interpolated per-capita value (a mean of its neighbours) is no check on a population
    obs = obs[~((obs["indicator"] == "gdp_per_capita") & (obs["flag"] == "interpolated"))]
    table = _one_per_key(obs, ["gdp", "pop_resident", "gdp_per_capita"])
    table = table.dropna(subset=["gdp", "pop_resident", "gdp_per_capita"]) if len(table) else table
    if not len(table):
        return []
    implied = table["gdp"] * PER_CAPITA_FACTOR / table["pop_resident"]  # 亿元 / 万人 -> yuan
    rel = (table["gdp_per_capita"] - implied).abs() / implied
    out = []
    keys = table.index[rel > PER_CAPITA_TOLERANCE]
    for key, where in zip(keys, _anchors(obs, "gdp_per_capita", keys), strict=True):
        out.append(
            _finding(
                "warning",
                "per_capita",
                f"GDP per capita {table.at[key, 'gdp_per_capita']:.0f} yuan vs GDP / resident population "
                f"= {implied[key]:.0f} yuan ({rel[key]:.0%} apart; expected within {PER_CAPITA_TOLERANCE:.0%})",
                **_where(where),
            )
        )
    return out
