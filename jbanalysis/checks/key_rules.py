"""The ``keys`` rule of :func:`jbanalysis.validate`: every file's primary key, foreign keys and
enums (:func:`jbanalysis.sources.keys.key_spec`, the same ones ``datapackage.json`` declares).

An id that no registry holds (a district ``nowhere`` in ``observations.csv``), a vintage or flag
outside the vocabulary, a record id twice: an error naming the file, the row and the column, in
the bundled data and in a user's folder alike.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.checks.findings import finding
from jbanalysis.registry.paths import DISTRICTS, INDICATORS, OBSERVATIONS, SOURCES, UNITS, data_path
from jbanalysis.sources.keys import key_problems, key_spec, registry_ids
from jbanalysis.sources.package import hashed_files

__all__ = ["key_findings", "user_key_findings"]


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _ids(root: Path) -> dict[str, set[str]]:
    """The ids of a data folder's own registries (a modified copy is judged on its own)."""
    known = {}
    for file, column in ((DISTRICTS, "id"), (INDICATORS, "id"), (UNITS, "id"), (SOURCES, "id")):
        path = data_path(file, root)
        if path.is_file():
            known[Path(file).stem] = set(_read(path)[column])
    return known


def _findings(problems, root: Path) -> list[dict]:
    return [
        finding(
            "error", "keys", p.message, file=data_path(p.file, root), row=p.row, column=p.column
        )
        for p in problems
    ]


def key_findings(root: Path) -> list[dict]:
    """The ``keys`` findings of every file of the data folder ``root``.

    >>> from jbanalysis.checks.key_rules import key_findings
    >>> from jbanalysis.registry.paths import bundle_dir
    >>> key_findings(bundle_dir())
    []
    """
    known = _ids(root)
    spec = key_spec()
    out: list[dict] = []
    for path in hashed_files(root):
        if not path.is_file():
            continue  # the hash rule reports a missing file
        resource = path.stem if path.stem in spec else "*"
        label = path.relative_to(root).as_posix()
        out += _findings(key_problems(_read(path), resource, label, known), root)
    return out


def user_key_findings(folder: Path) -> list[dict]:
    """The ``keys`` findings of a user's folder: its observations against the registries and the
    bundled and user sources, its source tables against the vocabularies."""
    from jbanalysis.registry.paths import bundle_dir, source_tables

    known = {**registry_ids(), Path(SOURCES).stem: set()}
    for root in (bundle_dir(), folder):
        if data_path(SOURCES, root).is_file():
            known[Path(SOURCES).stem] |= set(_read(data_path(SOURCES, root))["id"])
    out: list[dict] = []
    observations = data_path(OBSERVATIONS, folder)
    files = [(observations, Path(OBSERVATIONS).stem)] if observations.is_file() else []
    files += [(path, "*") for path in source_tables(folder)]
    for path, resource in files:
        label = path.relative_to(folder).as_posix()
        out += _findings(key_problems(_read(path), resource, label, known), folder)
    return out
