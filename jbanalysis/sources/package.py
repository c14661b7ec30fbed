"""``datapackage.json``: one resource a data file, with its fields, rows and sha256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from jbanalysis.registry.paths import DATAPACKAGE, HASHED, bundle_dir, data_path
from jbanalysis.registry.schema import FLAGS, PERIODS, VINTAGES
from jbanalysis.sources.keys import key_spec
from jbanalysis.sources.source_files import source_files


def sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    with open(path, "rb") as f:  # in blocks: a national observations.csv is a gigabyte
        return hashlib.file_digest(f, "sha256").hexdigest()


def hashed_files(folder: Path | None = None) -> list[Path]:
    """Every data file whose hash ``datapackage.json`` records."""
    return [data_path(n, folder) for n in HASHED] + source_files(folder)


def write_datapackage(folder: Path | None = None, rows: dict[Path, int] | None = None) -> dict:
    """Write ``datapackage.json``: one resource a data file, with its fields, rows and sha256.

    ``rows`` gives the record count of files the caller has just read or written (the build
    knows them), so that only the other files are read again.
    """
    root = folder or bundle_dir()
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
                "schema": _schema(path.stem, list(frame.columns)),
            }
        )
    package = {
        "name": "jbanalysis-chongqing-districts",
        "title": "Chongqing districts: published statistics with provenance (jbanalysis)",
        "profile": "data-package",
        "licenses": [{"name": "various", "title": "Figures from public sources, with citations"}],
        "resources": resources,
    }
    data_path(DATAPACKAGE, root).write_text(
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
    "vintage": f"one of {', '.join(VINTAGES)}",
    "flag": f"one of {', '.join(FLAGS)}",
    "period": f"{PERIODS[0]} (the calendar year) or a cumulative part of it: {', '.join(PERIODS[1:])}",
    "bound": "empty for a value; >, >=, <, <= for a bound as printed (突破 / 超过), never plotted",
}


def _field(name: str, enum: tuple[str, ...] | None = None) -> dict:
    out = {"name": name, "type": _FIELD_TYPES.get(name, "string")}
    if name in _FIELD_DOCS:
        out["description"] = _FIELD_DOCS[name]
    if enum:
        out["constraints"] = {"enum": list(enum)}
    return out


def _schema(resource: str, columns: list[str]) -> dict:
    """A resource's Table Schema: its fields with their enums, primary key and foreign keys
    (:func:`jbanalysis.sources.keys.key_spec`; an empty cell is a missing value, not an id)."""
    spec = key_spec()
    keys = spec.get(resource, spec["*"])
    schema: dict = {"fields": [_field(c, keys.enums.get(c)) for c in columns]}
    if all(c in columns for c in keys.primary):
        schema["primaryKey"] = list(keys.primary)
    schema["foreignKeys"] = [
        {"fields": [column], "reference": {"resource": ref, "fields": [target]}}
        for column, (ref, target) in keys.foreign.items()
        if column in columns
    ]
    if not schema["foreignKeys"]:
        del schema["foreignKeys"]
    return schema
