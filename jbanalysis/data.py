"""The bundled dataset: build ``observations.csv`` from ``data/sources/``, load it, trace a value.

Data flow (one direction)::

    data/sources/<source_id>.csv   facts as published (published names and units), one file a source
    data/corrections.csv           corrections with evidence; never edits of the source files
            │  build(): resolve names, apply corrections, convert to canonical units
            ▼
    data/observations.csv          every value from every source and vintage (generated, committed)
    data/datapackage.json          fields, units and the sha256 of every data file

Run ``python -m jbanalysis.data build`` (or ``make data``) after changing a source or a correction.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis._bundle import data_dir, data_path
from jbanalysis._bundle import data_dir as _bundle_dir
from jbanalysis.districts import _alias_index, _normalise, resolve_district
from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.indicators import _indicators, _units, convert, resolve_unit

__all__ = [
    "BuildReport",
    "build",
    "load_corrections",
    "load_observations",
    "load_sources",
    "trace",
]

VINTAGES = ("revised", "first_release", "preliminary", "census", "unknown", "estimate")
FLAGS = ("observed", "interpolated", "derived", "corrected", "excluded")
SOURCE_COLUMNS = ("record", "district", "year", "indicator", "value", "unit", "vintage", "flag")
OPTIONAL_SOURCE_COLUMNS = (
    "source_id",
    "field",
    "source_kind",
    "reliability",
    "url",
    "title",
    "excerpt",
    "note",
    "period",
    "bound",
)
#: Periods of a value: the calendar year, or a cumulative part of it (1–3 quarters, first half).
PERIODS = ("Y", "Q1", "H1", "Q1-Q3")
#: A bound as printed (突破 / 超过: ">"); "" for a value.
BOUNDS = ("", ">", ">=", "<", "<=")
OBSERVATION_COLUMNS = [
    "district",
    "year",
    "indicator",
    "value",
    "unit",
    "source_id",
    "record",
    "vintage",
    "flag",
    "source_kind",
    "reliability",
    "period",
    "bound",
    "published_value",
    "published_unit",
    "correction",
    "note",
]
YEAR_RANGE = (1949, 2100)


@dataclass
class BuildReport:
    """Counts of what went in and what came out of :func:`build_observations`.

    >>> BuildReport(rows_in={"a.csv": 3}, rows_out=3, corrected=["C001"]).rows_out
    3
    """

    rows_in: dict[str, int] = field(default_factory=dict)
    rows_out: int = 0
    corrected: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{name}: {n} rows" for name, n in self.rows_in.items()]
        lines.append(
            f"in: {sum(self.rows_in.values())} rows; out: {self.rows_out} observations "
            f"({len(self.corrected)} corrected, {len(self.excluded)} excluded but kept and flagged)"
        )
        return "\n".join(lines)


def load_sources(folder: Path | None = None, data_dir: str | Path | None = None) -> pd.DataFrame:
    """The source registry (``data/sources.csv``): id, title, publisher, original source, …

    Without ``folder``, the sources of the user data folder (``data_dir``, by default
    ``JBANALYSIS_USER_DATA``) follow the bundled ones.

    >>> sorted(load_sources()["id"])
    ['cq_yearbook_2025_pop', 'cq_yearbook_panel', 'csmar_city_gdp', 'published_figures', 'published_figures_2']
    """
    path = (folder or _bundle_dir()) / "sources.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if folder is not None:
        return table
    from jbanalysis.userdata import with_user_sources

    return with_user_sources(table, data_dir)


def load_corrections(folder: Path | None = None) -> pd.DataFrame:
    """The corrections table (``data/corrections.csv``): one row per corrected, excluded or kept
    record, with the published value, the correction, the evidence URL and the reason.

    >>> fixes = load_corrections().set_index("correction_id")
    >>> fixes.loc["C002", ["district", "year", "published_value", "corrected_value"]].tolist()
    ['jiangbei', '2022', '1560.91', '1602.76']
    """
    path = (folder or data_dir()) / "corrections.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


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
    _check_vocab(table, path, "flag", FLAGS[:3])
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


CORRECTION_COLUMNS = (
    "correction_id",
    "source_id",
    "record",
    "district",
    "year",
    "indicator",
    "published_value",
    "corrected_value",
    "evidence_url",
    "reason",
)
#: ``corrected_value`` other than a number: what the correction does to the record.
CORRECTION_ACTIONS = ("exclude", "keep", "interpolated")
#: A ``record`` that accepts a finding about a whole column-year of a source (``keep`` only).
WHOLE_COLUMN = "*"


def check_corrections(corrections: pd.DataFrame, path: Path | str = "corrections.csv") -> None:
    """Check the corrections table row by row; errors name the file, row and column.

    A row needs an id (unique), a source, a record (or ``*`` with ``keep``: a finding about a whole
    column-year accepted), a known district and indicator, a whole year, the published value
    (a number, except for ``*``), a corrected value that is a number or one of ``exclude``,
    ``keep``, ``interpolated``, and a reason. Two corrections of one record contradict each other.

    >>> bad = load_corrections().head(1).assign(corrected_value="drop")
    >>> check_corrections(bad)
    Traceback (most recent call last):
    ...
    jbanalysis.errors.DataError: corrections.csv, row 2, column 'corrected_value': 'drop' is neither a number nor one of exclude, keep, interpolated
    """
    from jbanalysis.indicators import load_indicators

    missing = [c for c in CORRECTION_COLUMNS if c not in corrections.columns]
    if missing:
        raise DataError(f"missing required column(s) {missing}", file=path, row=1)
    indicators = set(load_indicators()["id"])
    index = _alias_index()
    seen_ids: dict[str, int] = {}
    seen_records: dict[tuple, tuple[int, str]] = {}
    for line, fix in enumerate(corrections.to_dict("records"), start=2):

        def fail(column: str, message: str, line: int = line) -> None:
            raise DataError(message, file=path, row=line, column=column)

        cid = str(fix["correction_id"]).strip()
        if not cid:
            fail("correction_id", "empty correction id")
        if cid in seen_ids:
            fail(
                "correction_id",
                f"correction id {cid!r} appears on lines {seen_ids[cid]} and {line}",
            )
        seen_ids[cid] = line
        action = str(fix["corrected_value"]).strip().lower()
        whole = fix["record"] == WHOLE_COLUMN
        if action not in CORRECTION_ACTIONS and _number(action) is None:
            fail(
                "corrected_value",
                f"{fix['corrected_value']!r} is neither a number nor one of "
                f"{', '.join(CORRECTION_ACTIONS)}",
            )
        if whole and action != "keep":
            fail(
                "corrected_value",
                f"record '*' (a whole column-year) can only be kept, not {action!r}",
            )
        if fix["district"] != WHOLE_COLUMN and _normalise(str(fix["district"])) not in index:
            fail("district", f"unknown district {fix['district']!r} (see data/districts.csv)")
        if fix["indicator"] not in indicators:
            fail("indicator", f"unknown indicator {fix['indicator']!r} (see data/indicators.csv)")
        if not str(fix["year"]).isdigit():
            fail("year", f"{fix['year']!r} is not a whole year")
        if not whole and _number(fix["published_value"]) is None:
            fail("published_value", f"{fix['published_value']!r} is not a number")
        if not str(fix["reason"]).strip():
            fail("reason", "every correction needs its reason")
        key = (fix["source_id"], fix["record"], fix["indicator"], str(fix["year"]))
        if key in seen_records and not whole:
            other_line, other = seen_records[key]
            fail("record", f"{cid} corrects the same record as {other} (line {other_line})")
        seen_records[key] = (line, cid)


def _number(text: object) -> float | None:
    try:
        value = float(str(text))
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def apply_corrections(table: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """Apply ``corrections.csv`` to transcribed rows (values still in the published unit).

    A correction must match its record and its published value; a stale correction is an error.
    ``corrected_value`` is a number (in the published unit), ``exclude``, ``interpolated`` or
    ``keep``: corrected rows get ``flag="corrected"``, excluded rows ``flag="excluded"`` (kept in
    the observations, never chosen for a panel), ``interpolated`` rows that flag (the compilers'
    mean of neighbouring years, printed as if published), kept rows their value and flag unchanged
    (a validation finding accepted with a reason). All keep the id in ``correction``. Rows whose
    record is ``*`` accept a finding about a whole column-year and change no observation.
    """
    out = table.copy(deep=False)  # copy-on-write: the caller's table is never changed
    out["correction"] = ""
    if not len(out) or not len(corrections):
        return out
    # the row each correction names (for equal (source, record) rows the last, as a dict keeps)
    sources = pd.unique(out["source_id"].to_numpy(dtype=object))
    if len(sources) == 1:  # one source file: its records are the key
        keys = pd.Index(out["record"].to_numpy(dtype=object))
        wanted = pd.Index(corrections["record"].to_numpy(dtype=object))
        elsewhere = corrections["source_id"].to_numpy(dtype=object) != sources[0]
    else:
        keys = pd.MultiIndex.from_arrays(
            [out["source_id"].to_numpy(dtype=object), out["record"].to_numpy(dtype=object)]
        )
        wanted = pd.MultiIndex.from_arrays(
            [
                corrections["source_id"].to_numpy(dtype=object),
                corrections["record"].to_numpy(dtype=object),
            ]
        )
        elsewhere = np.zeros(len(corrections), dtype=bool)
    last = ~keys.duplicated(keep="last")
    found = keys[last].get_indexer(wanted)
    found[elsewhere] = -1
    # corrections of other source files, or of a whole column-year, name no row here
    matched = np.flatnonzero(found >= 0)
    if not len(matched):
        return out
    rows = np.flatnonzero(last)[found[matched]]
    fixes = corrections.iloc[matched]
    expected = np.array([float(v) for v in fixes["published_value"]])
    given = fixes["corrected_value"].to_numpy(dtype=object)
    actions = np.array([str(v).strip().lower() for v in given], dtype=object)
    ids = fixes["correction_id"].to_numpy(dtype=object)
    values = out["value"].to_numpy(dtype=float).copy()
    flags = out["flag"].to_numpy(dtype=object).copy()
    applied = np.full(len(out), "", dtype=object)
    # Corrections apply in file order; two of one row (allowed when they name different years or
    # indicators) apply in turn, the second checked against the first's result: one round each.
    rounds = pd.Series(rows).groupby(rows).cumcount().to_numpy()
    stale = []
    for turn in range(int(rounds.max()) + 1):
        now = np.flatnonzero(rounds == turn)
        at = rows[now]
        bad = ~np.isclose(values[at], expected[now], rtol=0, atol=1e-9)
        stale += [(int(matched[j]), float(values[rows[j]])) for j in now[bad][:1]]
        act = actions[now]
        flags[at[act == "exclude"]] = "excluded"
        flags[at[act == "interpolated"]] = "interpolated"
        number = ~np.isin(act, ["exclude", "interpolated", "keep"])
        values[at[number]] = [float(v) for v in given[now[number]]]
        flags[at[number]] = "corrected"
        applied[at] = ids[now]
    if stale:
        i, published = min(stale)
        fix = corrections.iloc[i]
        raise DataError(
            f"correction {fix['correction_id']} expects published value {fix['published_value']} "
            f"but {fix['source_id']} record {fix['record']} has {published:g}",
            file="corrections.csv",
            row=i + 2,
            column="published_value",
        )
    out["value"] = values
    out["flag"] = pd.Series(flags, index=out.index, dtype=out["flag"].dtype)
    out["correction"] = pd.Series(applied, index=out.index, dtype=out["correction"].dtype)
    return out


def source_files(folder: Path | None = None) -> list[Path]:
    """The transcribed source tables, in name order."""
    return sorted((folder or data_dir() / "sources").glob("*.csv"))


def build_observations(
    folder: Path | None = None, corrections: bool = True
) -> tuple[pd.DataFrame, BuildReport]:
    """Build the observations table in memory from a data folder; count rows in and out.

    ``folder`` holds ``sources/``, ``sources.csv`` and ``corrections.csv`` (default: the bundled
    data). ``corrections=False`` gives the values as published (what validation checks first, so
    that a correction is always backed by a rule that finds the error).
    """
    root = folder or data_dir()
    registry = load_sources(root).set_index("id")
    fixes = load_corrections(root)
    check_corrections(fixes, root / "corrections.csv")
    if not corrections:
        fixes = fixes.iloc[0:0]
    report = BuildReport()
    frames = []
    files = source_files(root / "sources")
    if not files:
        raise DataError("no source tables (*.csv)", file=root / "sources")
    for path in files:
        if path.stem not in registry.index:
            raise DataError(f"source {path.stem!r} is not in data/sources.csv", file=path)
        table = read_source_file(path)
        report.rows_in[path.name] = len(table)
        for col, reg_col in (("source_kind", "kind"), ("reliability", "reliability")):
            table[col] = table[col].where(table[col] != "", registry.at[path.stem, reg_col])
        table = apply_corrections(table, fixes)
        # only the observation columns go on (url, title, excerpt stay in the source file)
        frames.append(harmonise(table, path)[OBSERVATION_COLUMNS])
    obs = pd.concat(frames, ignore_index=True)
    per_record = fixes[fixes["record"] != WHOLE_COLUMN]
    unused = set(per_record["correction_id"]) - set(obs["correction"].unique())
    if unused:
        raise DataError(
            f"corrections {sorted(unused)} match no source record", file="corrections.csv"
        )
    report.rows_out = len(obs)
    report.corrected = obs.loc[obs["flag"] == "corrected", "correction"].tolist()
    report.excluded = obs.loc[obs["flag"] == "excluded", "correction"].tolist()
    assert report.rows_out == sum(report.rows_in.values()), "a row was lost in the build"
    obs = obs.sort_values(["indicator", "district", "year", "source_id", "record"], kind="stable")
    return obs[OBSERVATION_COLUMNS].reset_index(drop=True), report


def sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    with open(path, "rb") as f:  # in blocks: a national observations.csv is a gigabyte
        return hashlib.file_digest(f, "sha256").hexdigest()


def hashed_files(folder: Path | None = None) -> list[Path]:
    """Every data file whose hash ``datapackage.json`` records."""
    root = folder or data_dir()
    names = ["districts.csv", "indicators.csv", "units.csv", "terms.csv", "sources.csv"]
    names += ["corrections.csv", "breaks.csv", "observations.csv"]
    return [root / n for n in names] + source_files(root / "sources")


def write_datapackage(folder: Path | None = None, rows: dict[Path, int] | None = None) -> dict:
    """Write ``datapackage.json``: one resource a data file, with its fields, rows and sha256.

    ``rows`` gives the record count of files the caller has just read or written (the build
    knows them), so that only the other files are read again.
    """
    root = folder or data_dir()
    known = {Path(p): n for p, n in (rows or {}).items()}
    resources = []
    for path in hashed_files(root):
        if path in known:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, nrows=0)
            count = known[path]
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            count = len(frame)  # records, not lines: quoted fields may hold line breaks
        resources.append(
            {
                "name": path.stem,
                "path": path.relative_to(root).as_posix(),
                "format": "csv",
                "encoding": "utf-8",
                "rows": count,
                "bytes": path.stat().st_size,
                "hash": f"sha256:{sha256(path)}",
                "schema": {"fields": [_field(c) for c in frame.columns]},
            }
        )
    package = {
        "name": "jbanalysis-chongqing-districts",
        "title": "Chongqing districts: published statistics with provenance (jbanalysis)",
        "profile": "data-package",
        "licenses": [{"name": "various", "title": "Figures from public sources, with citations"}],
        "resources": resources,
    }
    (root / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return package


_FIELD_TYPES = {
    "year": "integer",
    "value": "number",
    "published_value": "number",
    "factor": "number",
}
_FIELD_DOCS = {
    "district": "canonical district id (data/districts.csv); in a source file the name as published",
    "year": "reference year",
    "indicator": "indicator id (data/indicators.csv)",
    "value": "the value; canonical unit in observations.csv, published unit in a source file",
    "unit": "unit id (data/units.csv); in a source file the unit as published",
    "source_id": "source id (data/sources.csv) = the source file's name",
    "record": "where the value stands in the original (cell, line or record id)",
    "vintage": "first_release, revised, preliminary, estimate, census or unknown",
    "flag": "observed, interpolated, derived, corrected or excluded",
    "period": "Y (the calendar year) or a cumulative part of it: Q1, H1, Q1-Q3",
    "bound": "empty for a value; >, >=, <, <= for a bound as printed (突破 / 超过), never plotted",
}


def _field(name: str) -> dict:
    out = {"name": name, "type": _FIELD_TYPES.get(name, "string")}
    if name in _FIELD_DOCS:
        out["description"] = _FIELD_DOCS[name]
    return out


def build(folder: Path | None = None) -> BuildReport:
    """Rebuild ``observations.csv`` and ``datapackage.json`` in ``folder`` (default: bundled data).

    Returns the :class:`BuildReport`: rows in per source file and observations out (always equal:
    excluded values stay, flagged), and the corrections applied.

    >>> import shutil, tempfile, pathlib
    >>> copy = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(data_dir(), copy)
    >>> report = build(copy)
    >>> report.rows_out, sum(report.rows_in.values()), len(report.corrected)
    (21640, 21640, 7)
    """
    root = folder or data_dir()
    obs, report = build_observations(root)
    out = obs.copy(deep=False)
    out["value"] = _fmt_column(out["value"])
    out["published_value"] = _fmt_column(out["published_value"])
    out.to_csv(root / "observations.csv", index=False, lineterminator="\n")
    counts = {root / "observations.csv": len(out)}
    counts.update({root / "sources" / name: n for name, n in report.rows_in.items()})
    write_datapackage(root, counts)
    _load_observations_cached.cache_clear()
    return report


def _fmt(value: float) -> str:
    # Shortest repr that round-trips; whole numbers without ".0".
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _fmt_column(values: pd.Series) -> np.ndarray:
    """:func:`_fmt` of every value; whole numbers (most of a table) through int64 at once.

    >>> _fmt_column(pd.Series([391.3947, 3913947.0, -0.0, 1e-05, 2.5e20])).tolist()
    ['391.3947', '3913947', '0', '1e-05', '250000000000000000000']
    """
    x = values.to_numpy(dtype=float)
    out = np.empty(len(x), dtype=object)
    whole = np.isfinite(x) & (np.floor(x) == x) & (np.abs(x) < 2.0**63)
    out[whole] = list(map(str, x[whole].astype(np.int64).tolist()))
    out[~whole] = [_fmt(v) for v in x[~whole].tolist()]
    return out


_OBS_DTYPES = {
    "district": "category",
    "year": "int64",
    "indicator": "category",
    "value": "float64",
    "unit": "category",
    "source_id": "category",
    "record": str,
    "vintage": "category",
    "flag": "category",
    "source_kind": "category",
    "reliability": "category",
    "period": "category",
    "bound": "category",
    "published_value": "float64",
    "published_unit": "category",
    "correction": str,
    "note": str,
}


@cache
def _load_observations_cached(path: str, mtime: float) -> pd.DataFrame:
    return pd.read_csv(path, dtype=_OBS_DTYPES, keep_default_na=False, na_values={"value": [""]})


def bundled_observations() -> pd.DataFrame:
    """The bundled observations alone (never a user data folder); cached per file version."""
    path = data_path("observations.csv")
    # No copy needed: with pandas' copy-on-write a caller's change never reaches the cache.
    return _load_observations_cached(str(path), path.stat().st_mtime)


def load_observations(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Every value from every source and vintage, in canonical ids and units.

    Columns: district, year, indicator, value, unit, source_id, record, vintage, flag,
    source_kind, reliability, published_value, published_unit, correction, note.

    ``data_dir`` is a user data folder (:mod:`jbanalysis.userdata`) whose observations are added
    to the bundled ones; by default the folder named by ``JBANALYSIS_USER_DATA``, if set.

    >>> obs = load_observations()
    >>> row = obs[(obs.district == "jiangbei") & (obs.year == 2010) & (obs.indicator == "gdp")]
    >>> row[["value", "unit", "source_id", "record", "published_value", "published_unit"]].to_numpy().tolist()
    [[391.3947, 'cny_100m', 'cq_yearbook_panel', 'Sheet1!V359', 3913947.0, '万元']]
    """
    from jbanalysis.userdata import with_user_observations

    return with_user_observations(bundled_observations(), data_dir)


def trace(
    district: str, year: int, indicator: str, period: str = "Y", policy: str = "default"
) -> pd.DataFrame:
    """Every source row behind a (district, year, indicator): the candidates and why one won.

    Joins each observation to its row in ``data/sources/<source_id>.csv`` (url, title, the excerpt
    that holds the number, note), to its correction (reason, evidence) and to the source registry,
    so a number on a chart can be followed to its publication. The row the panel chose comes first
    with ``chosen`` True and, in ``rule``, the step of the selection policy that decided
    (:mod:`jbanalysis.panel`); excluded values and bounds are listed too, never chosen.

    Raises :class:`~jbanalysis.errors.UnknownNameError` for an unknown district or indicator
    (names in any form: 江北, GDP, 地区生产总值…), and ``LookupError`` when no source has a value.

    >>> t = trace("江北", 2010, "GDP")
    >>> t[["chosen", "source_id", "record", "published_value", "rule"]].to_numpy().tolist()
    [[True, 'cq_yearbook_panel', 'Sheet1!V359', 3913947.0, 'only value']]
    >>> swap = trace("jiangbei", 2022, "gdp").iloc[0]
    >>> swap["record"], float(swap["value"]), float(swap["published_value"]), swap["correction"]
    ('PF0198', 1602.76, 1560.91, 'C002')
    """
    from jbanalysis.indicators import resolve_indicator
    from jbanalysis.panel import select

    did = resolve_district(district)
    indicator = resolve_indicator(indicator)
    obs = load_observations()
    hits = obs[
        (obs["district"] == did)
        & (obs["year"] == int(year))
        & (obs["indicator"] == indicator)
        & (obs["period"] == period)
    ]
    if hits.empty:
        raise LookupError(f"no source has {indicator} for {did} in {year} (period {period})")
    chosen = select(hits, policy)
    winner = chosen["record"].iloc[0] if len(chosen) else None
    registry = load_sources().set_index("id")
    fixes = load_corrections().set_index("correction_id")
    rows = []
    tables: dict[str, pd.DataFrame] = {}  # each source file read once, however many hits
    for hit in hits.to_dict("records"):
        sid = str(hit["source_id"])
        if sid not in tables:
            from jbanalysis.userdata import source_file

            tables[sid] = pd.read_csv(source_file(sid), dtype=str, keep_default_na=False).set_index(
                "record", drop=False
            )
        line = tables[sid].loc[hit["record"]].to_dict()
        reg = registry.loc[sid]
        fix = fixes.loc[hit["correction"]] if hit["correction"] else None
        rows.append(
            {
                "chosen": hit["record"] == winner,
                "rule": chosen["rule"].iloc[0] if hit["record"] == winner else "",
                **hit,
                "correction_reason": "" if fix is None else fix["reason"],
                "correction_evidence": "" if fix is None else fix["evidence_url"],
                "url": line.get("url") or reg["url"],
                "title": line.get("title") or reg["title"],
                "excerpt": line.get("excerpt", ""),
                "published_district": line["district"],
                "original_source": reg["original_source"],
                "taken_from": reg["taken_from"],
            }
        )
    out = pd.DataFrame(rows)
    return out.sort_values("chosen", ascending=False, kind="stable").reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m jbanalysis.data build``: rebuild observations and the data package."""
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["build"]:
        print("usage: python -m jbanalysis.data build", file=sys.stderr)
        return 2
    report = build()
    print(report)
    print(f"wrote {data_path('observations.csv')} and {data_path('datapackage.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
