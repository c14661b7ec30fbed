"""The keys and constraints of a data folder's files: primary keys, foreign keys and enums.

One specification (:func:`key_spec`) serves twice: ``datapackage.json`` declares it for any Data
Package tool (``frictionless validate data/datapackage.json``), and :func:`key_problems` enforces
it for ``jbanalysis data validate`` and when observations are loaded, so an unknown id anywhere in
the bundled or a user's data is an error naming the file and the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.registry.breaks import KINDS as BREAK_KINDS
from jbanalysis.registry.paths import (
    BREAKS,
    CORRECTIONS,
    DISTRICTS,
    INDICATORS,
    OBSERVATIONS,
    SOURCES,
    TERMS,
    UNITS,
)
from jbanalysis.registry.schema import (
    ALL_SOURCE_KINDS,
    BOUNDS,
    COMPILATION,
    FLAGS,
    PER_ROW,
    PERIODS,
    RELIABILITIES,
    SOURCE_FLAGS,
    VINTAGES,
)

__all__ = ["KeyProblem", "Keys", "key_problems", "key_spec"]


@dataclass(frozen=True)
class Keys:
    """The keys of one file: its primary key, foreign keys (column -> (resource, field)), enums."""

    primary: tuple[str, ...]
    foreign: dict[str, tuple[str, str]] = field(default_factory=dict)
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class KeyProblem:
    """A value a key refuses: where (file, row as an editor shows it, column) and what.

    >>> str(KeyProblem("observations.csv", 5, "district", "unknown district 'nowhere'"))
    "observations.csv, row 5, column 'district': unknown district 'nowhere'"
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, column {self.column!r}: {self.message}"


#: The resource a file is in ``datapackage.json`` (its name without ``.csv``).
def _name(file: str) -> str:
    return Path(file).stem


_OBSERVATION_FOREIGN = {
    "district": (_name(DISTRICTS), "id"),
    "indicator": (_name(INDICATORS), "id"),
    "unit": (_name(UNITS), "id"),
    "source_id": (_name(SOURCES), "id"),
}


def key_spec() -> dict[str, Keys]:
    """The keys of every file of a data folder, by resource name; ``"*"`` is any source table.

    >>> from jbanalysis.sources.keys import key_spec
    >>> spec = key_spec()
    >>> spec["observations"].primary, spec["observations"].foreign["district"]
    (('source_id', 'record'), ('districts', 'id'))
    >>> spec["observations"].enums["vintage"][:2]
    ('revised', 'first_release')
    """
    return {
        _name(DISTRICTS): Keys(("id",)),
        _name(INDICATORS): Keys(("id",), {"unit": (_name(UNITS), "id")}),
        _name(UNITS): Keys(("id",)),
        _name(TERMS): Keys(("key",)),
        _name(SOURCES): Keys(
            ("id",),
            enums={
                "kind": (*ALL_SOURCE_KINDS, COMPILATION),
                "reliability": (*RELIABILITIES, PER_ROW),
            },
        ),
        _name(CORRECTIONS): Keys(("correction_id",), {"source_id": (_name(SOURCES), "id")}),
        _name(BREAKS): Keys(("break_id",), enums={"kind": BREAK_KINDS}),
        _name(OBSERVATIONS): Keys(
            ("source_id", "record"),
            _OBSERVATION_FOREIGN,
            {
                "vintage": VINTAGES,
                "flag": FLAGS,
                "period": PERIODS,
                "source_kind": ALL_SOURCE_KINDS,
                "reliability": RELIABILITIES,
                "bound": BOUNDS[1:],
            },
        ),
        "*": Keys(
            ("record",),
            enums={
                "vintage": VINTAGES,
                "flag": SOURCE_FLAGS,
                "period": PERIODS,
                "source_kind": ALL_SOURCE_KINDS,
                "reliability": RELIABILITIES,
                "bound": BOUNDS[1:],
            },
        ),
    }


def key_problems(
    table: pd.DataFrame, resource: str, file: str, known: dict[str, set[str]]
) -> list[KeyProblem]:
    """Every value of ``table`` that its keys refuse: one problem per column and value, at the
    first row holding it (rows as an editor shows them: the header is row 1).

    ``known`` holds the ids of each referenced resource (``{"districts": {...}, ...}``); an empty
    cell is not checked (it is a missing value, not an id).

    >>> import pandas as pd
    >>> from jbanalysis.sources.keys import key_problems
    >>> obs = pd.DataFrame({"source_id": ["s", "s"], "record": ["r1", "r2"],
    ...                     "district": ["jiangbei", "nowhere"], "vintage": ["revised", "final"]})
    >>> [str(p) for p in key_problems(obs, "observations", "observations.csv",
    ...                                {"districts": {"jiangbei"}, "sources": {"s"}})]
    ["observations.csv, row 3, column 'district': unknown district 'nowhere' (not in districts.csv): use one of its ids", "observations.csv, row 3, column 'vintage': 'final' is not one of revised, first_release, census, preliminary, unknown, estimate"]
    """
    spec = key_spec()
    keys = spec.get(resource, spec["*"])
    out: list[KeyProblem] = []
    checks = [
        (
            column,
            known.get(ref, set()),
            f"unknown {column.removesuffix('_id')} {{!r}} (not in {ref}.csv): use one of its ids",
        )
        for column, (ref, _) in keys.foreign.items()
        if ref in known
    ]
    checks += [
        (column, set(allowed), f"{{!r}} is not one of {', '.join(allowed)}")
        for column, allowed in keys.enums.items()
    ]
    for column, allowed, message in checks:
        if column not in table.columns:
            continue
        values = table[column].astype(str)
        bad = (values != "") & ~values.isin(allowed)
        for value in pd.unique(values[bad]):
            row = int(np.flatnonzero((values == value).to_numpy())[0])
            out.append(KeyProblem(file, row + 2, column, message.format(value)))
    if all(c in table.columns for c in keys.primary):
        key = table[list(keys.primary)].astype(str)
        twice = key.duplicated(keep="first").to_numpy()
        for row in twice.nonzero()[0][:20]:
            value = "/".join(key.iloc[row])
            out.append(
                KeyProblem(file, int(row) + 2, keys.primary[-1], f"key {value!r} appears twice")
            )
    return out


def registry_ids() -> dict[str, set[str]]:
    """The ids of the registries an observation refers to, by resource name.

    >>> from jbanalysis.sources.keys import registry_ids
    >>> "jiangbei" in registry_ids()["districts"], "gdp" in registry_ids()["indicators"]
    (True, True)
    """
    from jbanalysis.registry.districts import load_districts
    from jbanalysis.registry.indicators import load_indicators, load_units

    return {
        _name(DISTRICTS): set(load_districts()["id"]),
        _name(INDICATORS): set(load_indicators()["id"]),
        _name(UNITS): set(load_units()["id"]),
    }


def check_observation_keys(obs: pd.DataFrame, file: Path | str, sources: set[str]) -> None:
    """Raise :class:`~jbanalysis.errors.DataError` at the first value of an observations table
    that its keys refuse (an unknown district, indicator, unit or source; a vintage, flag or
    period not in the vocabulary). Cheap when all is well: each column's distinct values are
    compared once.

    >>> import pandas as pd
    >>> from jbanalysis.sources.keys import check_observation_keys
    >>> obs = pd.DataFrame({"district": ["nowhere"], "indicator": ["gdp"], "source_id": ["s"],
    ...                     "record": ["r"]})
    >>> check_observation_keys(obs, "observations.csv", {"s"})
    Traceback (most recent call last):
    ...
    jbanalysis.errors.DataError: observations.csv, row 2, column 'district': unknown district 'nowhere' (not in districts.csv): use one of its ids
    """
    from jbanalysis.errors import DataError

    keys = key_spec()[_name(OBSERVATIONS)]
    known = {**registry_ids(), _name(SOURCES): set(sources)}
    allowed = {c: known[ref] for c, (ref, _) in keys.foreign.items()}
    allowed.update({c: set(v) for c, v in keys.enums.items()})
    for column, ok in allowed.items():
        if column not in obs.columns:
            continue
        distinct = {str(v) for v in pd.unique(obs[column].astype(object)) if str(v) != ""}
        if distinct <= ok:
            continue
        found = key_problems(obs[[column]], _name(OBSERVATIONS), str(Path(file).name), known)
        first = found[0]
        raise DataError(first.message, file=file, row=first.row, column=first.column)
