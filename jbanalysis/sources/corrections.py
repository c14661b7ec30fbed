"""Corrections as data (``data/corrections.csv``): checked, then applied to the published rows.

A source file is never edited after transcription; a correction is a row with the published value,
the corrected one (or an action: exclude, keep, interpolated), the evidence and the reason.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.registry.districts import _alias_index, _normalise
from jbanalysis.registry.paths import CORRECTIONS, data_path
from jbanalysis.registry.schema import CORRECTION_ACTIONS, CORRECTION_COLUMNS, WHOLE_COLUMN


def load_corrections(folder: Path | None = None) -> pd.DataFrame:
    """The corrections table (``data/corrections.csv``): one row per corrected, excluded or kept
    record, with the published value, the correction, the evidence URL and the reason.

    >>> from jbanalysis.sources.corrections import load_corrections
    >>> fixes = load_corrections().set_index("correction_id")
    >>> fixes.loc["C002", ["district", "year", "published_value", "corrected_value"]].tolist()
    ['jiangbei', '2022', '1560.91', '1602.76']
    """
    path = data_path(CORRECTIONS, folder)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def check_corrections(corrections: pd.DataFrame, path: Path | str = CORRECTIONS) -> None:
    """Check the corrections table row by row; errors name the file, row and column.

    A row needs an id (unique), a source, a record (or ``*`` with ``keep``: a finding about a whole
    column-year accepted), a known district and indicator, a whole year, the published value
    (a number, except for ``*``), a corrected value that is a number or one of ``exclude``,
    ``keep``, ``interpolated``, and a reason. Two corrections of one record contradict each other.

    >>> from jbanalysis.sources.corrections import check_corrections, load_corrections
    >>> bad = load_corrections().head(1).assign(corrected_value="drop")
    >>> check_corrections(bad)
    Traceback (most recent call last):
    ...
    jbanalysis.errors.DataError: corrections.csv, row 2, column 'corrected_value': 'drop' is neither a number nor one of exclude, keep, interpolated
    """
    from jbanalysis.registry.indicators import load_indicators

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
            file=CORRECTIONS,
            row=i + 2,
            column="published_value",
        )
    out["value"] = values
    out["flag"] = pd.Series(flags, index=out.index, dtype=out["flag"].dtype)
    out["correction"] = pd.Series(applied, index=out.index, dtype=out["correction"].dtype)
    return out
