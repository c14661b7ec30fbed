"""Build ``observations.csv`` and ``datapackage.json`` from ``data/sources/`` and the corrections.

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

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.registry.harmonise import harmonise
from jbanalysis.registry.paths import (
    CORRECTIONS,
    OBSERVATIONS,
    SOURCE_TABLES,
    SOURCES,
    bundle_dir,
    data_path,
    source_table_path,
)
from jbanalysis.registry.schema import OBSERVATION_COLUMNS, WHOLE_COLUMN
from jbanalysis.sources.corrections import apply_corrections, check_corrections, load_corrections
from jbanalysis.sources.package import write_datapackage
from jbanalysis.sources.source_files import (
    read_observations_file,
    read_source_file,
    read_sources_table,
    source_files,
)

__all__ = ["BuildReport", "build", "build_observations"]


@dataclass
class BuildReport:
    """Counts of what went in and what came out of :func:`build_observations`.

    >>> from jbanalysis.sources.build import BuildReport
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


def build_observations(
    folder: Path | None = None, corrections: bool = True
) -> tuple[pd.DataFrame, BuildReport]:
    """Build the observations table in memory from a data folder; count rows in and out.

    ``folder`` holds ``sources/``, ``sources.csv`` and ``corrections.csv`` (default: the bundled
    data). ``corrections=False`` gives the values as published (what validation checks first, so
    that a correction is always backed by a rule that finds the error).

    >>> from jbanalysis.sources.build import build_observations
    >>> obs, report = build_observations()
    >>> len(obs) == report.rows_out == sum(report.rows_in.values())
    True
    """
    root = folder or bundle_dir()
    registry = read_sources_table(root).set_index("id")
    fixes = load_corrections(root)
    check_corrections(fixes, data_path(CORRECTIONS, root))
    if not corrections:
        fixes = fixes.iloc[0:0]
    report = BuildReport()
    frames = []
    files = source_files(root)
    if not files:
        raise DataError("no source tables (*.csv)", file=data_path(SOURCE_TABLES, root))
    for path in files:
        if path.stem not in registry.index:
            raise DataError(
                f"source {path.stem!r} is not in {SOURCES}: add its row there", file=path
            )
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
        raise DataError(f"corrections {sorted(unused)} match no source record", file=CORRECTIONS)
    report.rows_out = len(obs)
    report.corrected = obs.loc[obs["flag"] == "corrected", "correction"].tolist()
    report.excluded = obs.loc[obs["flag"] == "excluded", "correction"].tolist()
    assert report.rows_out == sum(report.rows_in.values()), "a row was lost in the build"
    obs = obs.sort_values(["indicator", "district", "year", "source_id", "record"], kind="stable")
    return obs[OBSERVATION_COLUMNS].reset_index(drop=True), report


def build(folder: Path | None = None) -> BuildReport:
    """Rebuild ``observations.csv`` and ``datapackage.json`` in ``folder`` (default: bundled data).

    Returns the :class:`BuildReport`: rows in per source file and observations out (always equal:
    excluded values stay, flagged), and the corrections applied.

    >>> from jbanalysis.registry.paths import bundle_dir
    >>> from jbanalysis.sources.build import build
    >>> import shutil, tempfile, pathlib
    >>> copy = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(bundle_dir(), copy)
    >>> report = build(copy)
    >>> report.rows_out, sum(report.rows_in.values()), len(report.corrected)
    (21705, 21705, 7)
    """
    root = folder or bundle_dir()
    obs, report = build_observations(root)
    out = obs.copy(deep=False)
    out["value"] = _fmt_column(out["value"])
    out["published_value"] = _fmt_column(out["published_value"])
    out.to_csv(data_path(OBSERVATIONS, root), index=False, lineterminator="\n")
    counts = {data_path(OBSERVATIONS, root): len(out)}
    counts.update(
        {source_table_path(Path(name).stem, root): n for name, n in report.rows_in.items()}
    )
    write_datapackage(root, counts)
    read_observations_file.cache_clear()
    return report


def _fmt(value: float) -> str:
    # Shortest repr that round-trips; whole numbers without ".0".
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _fmt_column(values: pd.Series) -> np.ndarray:
    """:func:`_fmt` of every value; whole numbers (most of a table) through int64 at once.

    >>> import pandas as pd
    >>> from jbanalysis.sources.build import _fmt_column
    >>> _fmt_column(pd.Series([391.3947, 3913947.0, -0.0, 1e-05, 2.5e20])).tolist()
    ['391.3947', '3913947', '0', '1e-05', '250000000000000000000']
    """
    x = values.to_numpy(dtype=float)
    out = np.empty(len(x), dtype=object)
    whole = np.isfinite(x) & (np.floor(x) == x) & (np.abs(x) < 2.0**63)
    out[whole] = list(map(str, x[whole].astype(np.int64).tolist()))
    out[~whole] = [_fmt(v) for v in x[~whole].tolist()]
    return out
