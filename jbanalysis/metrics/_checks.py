"""Shared input validation and the metrics error hierarchy.

Every metric validates its input here so that a wrong shape, an unknown district or a missing year
fails with one kind of message everywhere: what was wrong, and what was expected.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

TIDY_COLUMNS = ("district", "year", "value")

#: A peer group: a group name of the registry (``"central"``) or a list of district ids.
Group = str | Sequence[str]


class MetricsError(ValueError):
    """Base class: a metric was asked something its input cannot answer."""


class MissingDataError(MetricsError):
    """A value the metric needs (an endpoint year, a member's value) is absent or NaN."""


class UnknownDistrictError(MetricsError, KeyError):
    """A district or group name is not in the data (or not known to the registry)."""

    def __str__(self) -> str:
        # KeyError would print the message in quotes; keep it readable.
        return str(self.args[0]) if self.args else ""


def check_year(year: object, name: str = "year") -> int:
    """Return ``year`` as a plain int, or raise if it is not an integer year."""
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        raise MetricsError(f"{name} must be an int year such as 2010, got {year!r}")
    return int(year)


def check_year_index(index: pd.Index, what: str = "data") -> None:
    """Raise unless ``index`` holds integer years (as ``wide()`` produces)."""
    if not pd.api.types.is_integer_dtype(index.dtype):
        raise MetricsError(
            f"{what} must be indexed by int years (e.g. 2010), got an index of dtype "
            f"{index.dtype}; use jbanalysis.panel.wide() or set_index('year')"
        )
    if index.has_duplicates:
        dup = sorted(set(index[index.duplicated()].tolist()))
        raise MetricsError(f"{what} has duplicated years {dup}; expected one row per year")


def check_numeric(obj: pd.Series | pd.DataFrame, what: str = "data") -> None:
    """Raise unless every column of ``obj`` is numeric (no strings coerced silently)."""
    frame = obj.to_frame() if isinstance(obj, pd.Series) else obj
    bad = [str(c) for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c].dtype)]
    if bad:
        raise MetricsError(f"{what} must be numeric; non-numeric column(s): {bad}")


def is_tidy(data: object) -> bool:
    """True when ``data`` looks like the tidy panel (columns district, year, value, ...)."""
    return isinstance(data, pd.DataFrame) and all(c in data.columns for c in TIDY_COLUMNS)


def tidy_to_wide(panel: pd.DataFrame, indicator: str | None) -> pd.DataFrame:
    """Pivot one indicator of the tidy panel to years x districts; refuse ambiguous input."""
    frame = panel
    if "indicator" in panel.columns:
        present = sorted(set(panel["indicator"].dropna().tolist()))
        if indicator is None:
            if len(present) != 1:
                raise MetricsError(
                    f"the panel holds several indicators {present}; pass indicator=..."
                )
            indicator = present[0]
        if indicator not in present:
            raise MissingDataError(f"indicator {indicator!r} is not in the panel; it has {present}")
        frame = panel[panel["indicator"] == indicator]
    from jbanalysis.tables import years_by_district

    wide = years_by_district(frame, what=f"the rows of {indicator!r}", error=MetricsError)
    wide.columns.name = None
    return wide.astype("float64")


def as_year_frame(data: pd.DataFrame | pd.Series, indicator: str | None = None) -> pd.DataFrame:
    """Return ``data`` as a float years x districts frame (from wide, Series or tidy input)."""
    if isinstance(data, pd.Series):
        name = data.name if data.name is not None else "value"
        data = data.to_frame(name=name)
    elif not isinstance(data, pd.DataFrame):
        raise MetricsError(
            "expected a Series indexed by year, a years x districts DataFrame or the tidy panel, "
            f"got {type(data).__name__}"
        )
    elif is_tidy(data):
        data = tidy_to_wide(data, indicator)
    check_year_index(data.index)
    check_numeric(data)
    return data.astype("float64")


def as_year_series(data: pd.Series, what: str = "series") -> pd.Series:
    """Return ``data`` as a float Series indexed by int year, or raise."""
    if not isinstance(data, pd.Series):
        raise MetricsError(f"{what} must be a pandas Series indexed by year, got {type(data)}")
    check_year_index(data.index, what)
    check_numeric(data, what)
    return data.astype("float64")


def as_values(values: object, what: str = "values") -> np.ndarray:
    """Return a 1-D float array; raise on NaN (naming where) or a wrong shape."""
    labels = values.index if isinstance(values, pd.Series) else None
    arr = np.asarray(values, dtype="float64")
    if arr.ndim != 1:
        raise MetricsError(f"{what} must be one-dimensional, got shape {arr.shape}")
    if arr.size == 0:
        raise MetricsError(f"{what} is empty")
    nan = np.isnan(arr)
    if nan.any():
        where = list(labels[nan]) if labels is not None else np.flatnonzero(nan).tolist()
        raise MissingDataError(f"{what} has missing values at {where}; drop or fill them first")
    return arr


def registry_resolve(name: str) -> str | None:
    """The registry id for ``name`` (江北, Jiangbei, 500105, ...), or None if unknown."""
    try:
        from jbanalysis.registry.districts import resolve_district
    except ImportError:  # the registry module is optional for user data
        return None
    try:
        return resolve_district(name)
    except LookupError:  # jbanalysis.errors.UnknownNameError
        return None


def aggregate_ids() -> set[str]:
    """Registry ids of the city and the published groups (not districts or counties)."""
    try:
        from jbanalysis.registry.districts import load_districts
    except ImportError:  # the registry module is optional for user data
        return set()
    registry = load_districts()
    return set(registry.loc[registry["level"].isin(["city", "group"]), "id"])


def resolve_names(names: Iterable[object], available: Sequence[object], what: str) -> list:
    """Map user-given district names to columns of the data; raise naming the unknown ones."""
    out, unknown = [], []
    cols = list(available)
    for name in names:
        if name in cols:
            out.append(name)
            continue
        rid = registry_resolve(str(name))
        if rid is not None and rid in cols:
            out.append(rid)
        else:
            unknown.append(name)
    if unknown:
        raise UnknownDistrictError(f"{what}: {unknown} not in the data; its districts are {cols}")
    return out


def group_members(group: str | Sequence[str], available: Sequence[object]) -> list:
    """Members of ``group`` (a registry group such as "central", or a list of names)."""
    if isinstance(group, str):
        try:
            from jbanalysis.registry.districts import CITY, district_ids
        except ImportError as exc:  # pragma: no cover - the registry ships with the package
            raise UnknownDistrictError(
                f"cannot resolve group {group!r}: jbanalysis.registry.districts is unavailable; "
                "pass the members as a list"
            ) from exc
        try:
            ids = list(district_ids(group))
            if ids == [group] and ids[0] in aggregate_ids() - {CITY}:
                from jbanalysis.registry.districts import group_members as published_members

                ids = published_members(group)  # a published aggregate: its member districts
        except LookupError as exc:  # jbanalysis.errors.UnknownNameError
            raise UnknownDistrictError(
                f"{group!r} is neither a column of the data nor a known group: {exc}"
            ) from exc
        return resolve_names(ids, available, f"members of group {group!r}")
    return resolve_names(list(group), available, "group members")


def peer_ids(peers: Group) -> list[str]:
    """District ids of a peer group: a registry group name resolved, a list kept as given.

    >>> from jbanalysis.metrics._checks import peer_ids
    >>> peer_ids(["jiangbei", "yubei"]), len(peer_ids("central"))
    (['jiangbei', 'yubei'], 9)
    """
    if isinstance(peers, str):
        from jbanalysis.registry.districts import district_ids

        return list(district_ids(peers))
    return list(peers)


def missing_years(data: pd.Series | pd.DataFrame, years: Iterable[int]) -> list[int]:
    """Years absent from the index of ``data``."""
    return [y for y in years if y not in data.index]


def describe_missing(frame: pd.DataFrame, year: int, members: Sequence[object]) -> list:
    """Members whose value in ``year`` is absent or NaN."""
    if year not in frame.index:
        return list(members)
    row = frame.loc[year]
    return [m for m in members if pd.isna(row.get(m, np.nan))]
