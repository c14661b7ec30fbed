"""From the cells of a read to observations: notes, records, canonical units, the value checks.

Each value keeps its cell (``record``: ``book.xlsx:表1!C7`` or ``a.csv:row 7:2024年``), its number
and unit as printed (``published_value``/``published_unit``) and a note with what the table said
of it (its footnote's text, the row's 备注, 预计, a price basis, a word read as a number). Values
are converted to the indicator's canonical unit (a unit of another dimension is an error), and
refused where they cannot be observations: a year out of range or after this year, a ``%`` on a
level, a negative level, the same key twice with different values.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io.grid import Grid
from jbanalysis.io.numbers import MARKER_CHARS
from jbanalysis.registry.indicators import convert, load_indicators, load_units
from jbanalysis.registry.schema import OBSERVATION_COLUMNS, YEAR_RANGE

_BASIS_WORDS = {
    "nominal": "growth at current prices (按现价, nominal)",
    "real": "growth at comparable prices (按可比价, real)",
}


@cache
def _registry():
    ind = load_indicators().set_index("id")
    units = load_units().set_index("id")
    return ind, units


def footnotes(texts: list[str]) -> dict[str, str]:
    """Marker -> its text, from note rows such as ``注：①含两江新区。②初步核算数。``."""
    out = {}
    pattern = re.compile(f"([{MARKER_CHARS}])([^{MARKER_CHARS}]*)")
    for text in texts:
        body = re.sub(r"^(注|备注|说明)\s*[:：]\s*", "", text.strip())
        for marker, note in pattern.findall(body):
            note = note.strip(" .、:：;；")
            if note and marker not in out:
                out[marker] = note
    return out


def notes_of(frame: pd.DataFrame, marks: dict[str, str]) -> np.ndarray:
    """The note of each value: its footnotes, its row's notes, 预计, a price basis said, a word
    read as a number. Worded once per distinct combination (a long table has few)."""
    parts = [
        frame["markers"].to_numpy(dtype=object)
        + frame["head_markers"].to_numpy(dtype=object)
        + frame["row_markers"].to_numpy(dtype=object),
        frame["row_note"].to_numpy(dtype=object),
        frame["estimate"].to_numpy(dtype=bool),
        np.where(frame["is_growth"].to_numpy(dtype=bool), frame["basis"].to_numpy(dtype=object), ""),
        frame["words"].to_numpy(dtype=object),
    ]
    coded = [pd.factorize(p) for p in parts]
    combo = np.zeros(len(frame), dtype=np.int64)
    for codes, uniques in coded:
        combo = combo * len(uniques) + codes
    c_codes, _ = pd.factorize(combo)
    first = np.zeros(c_codes.max() + 1 if len(c_codes) else 0, dtype=np.int64)
    first[c_codes[::-1]] = np.arange(len(frame))[::-1]
    texts = np.array([_note(*(p[i] for p in parts), marks) for i in first], dtype=object)
    return texts[c_codes] if len(c_codes) else np.array([], dtype=object)


def _note(markers, row_note, estimate, basis, word, marks) -> str:
    said = [f"footnote {c}: {marks[c]}" if c in marks else f"footnote {c}" for c in dict.fromkeys(markers)]
    said += [row_note] if row_note else []
    said += ["estimate (预计)"] if estimate else []
    said += [_BASIS_WORDS[basis]] if basis in _BASIS_WORDS else []
    said += [f"'{word}' read as 0 (unchanged)"] if word else []
    return "; ".join(said)


def records(grid: Grid, frame: pd.DataFrame) -> np.ndarray:
    """The cell of each value, as a person finds it in the file."""
    lines = frame["line"].to_numpy()
    cols = frame["col"].to_numpy()
    if grid.kind == "xlsx":
        start = {c: f"{grid.path.name}:{grid.sheet}!{grid.letter(int(c))}" for c in pd.unique(cols)}
        return np.array([f"{start[c]}{n}" for c, n in zip(cols, lines, strict=True)], dtype=object)
    heads = {c: f"{grid.path.name}:row " for c in pd.unique(cols)}
    names = dict(zip(cols, frame["header"], strict=False))
    line_text = lines.astype(str).astype(object)
    prefix = np.array([heads[c] for c in cols], dtype=object)
    suffix = np.array([":" + str(names[c]) for c in cols], dtype=object)
    return prefix + line_text + suffix


def observations(
    grid_frames: list[tuple[Grid, pd.DataFrame]], source_id, vintage, source_kind
) -> pd.DataFrame:
    """The observation columns of every value read (canonical units, checked)."""
    parts = []
    for grid, frame in grid_frames:
        if not len(frame):
            continue
        parts.append(_observations(grid, frame, source_id, vintage, source_kind))
    if not parts:
        return pd.DataFrame(columns=[*OBSERVATION_COLUMNS, "line", "column"])
    obs = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    path = grid_frames[0][0].path
    _check_values(obs, path)
    return obs


def _observations(grid: Grid, frame: pd.DataFrame, source_id, vintage, source_kind) -> pd.DataFrame:
    value, unit = _canonical(grid, frame)
    vintages = np.where(frame["estimate"].to_numpy(bool), "estimate", vintage)
    published = frame["value"].to_numpy(float)
    return pd.DataFrame(
        {
            "district": frame["district"].to_numpy(dtype=object),
            "year": frame["year"].to_numpy(dtype=np.int64),
            "indicator": frame["indicator"].to_numpy(dtype=object),
            "value": value,
            "unit": unit,
            "source_id": source_id,
            "record": records(grid, frame),
            "vintage": vintages,
            "flag": "observed",
            "source_kind": source_kind,
            "reliability": "",
            "period": frame["period"].to_numpy(dtype=object),
            "bound": "",  # a bound (>1200) is refused when read, never stored as a value
            "published_value": published,
            "published_unit": frame["unit_text"].to_numpy(dtype=object),
            "correction": "",
            "note": frame["note"].to_numpy(dtype=object),
            "line": frame["line"].to_numpy(),
            "column": frame["header"].to_numpy(dtype=object),
        }
    )


def _canonical(grid: Grid, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Values in the indicator's canonical unit: one conversion per (unit, canonical unit) pair;
    a unit of another dimension is an error naming the first such cell."""
    ind, units = _registry()
    values = frame["value"].to_numpy(float)
    src = frame["unit"].to_numpy(dtype=object)
    canonical = frame["indicator"].map(ind["unit"]).to_numpy(dtype=object)
    pairs = pd.Series(src.astype(str)) + "|" + pd.Series(canonical.astype(str))
    codes, uniques = pd.factorize(pairs.to_numpy(dtype=object))
    out = np.empty_like(values)
    for k, pair in enumerate(uniques):
        a, b = pair.split("|")
        mask = codes == k
        if units.at[a, "dimension"] != units.at[b, "dimension"]:
            i = int(np.flatnonzero(mask)[0])
            raise DataError(
                f"unit {frame['unit_text'].iat[i]!r} does not fit indicator "
                f"{frame['indicator'].iat[i]!r} (expected a unit of {units.at[b, 'dimension']})",
                file=grid.file,
                row=int(frame["line"].iat[i]),
                column=str(frame["header"].iat[i]),
            )
        out[mask] = convert(values[mask], a, b)
    return out, canonical


def check_cells(grid: Grid, frame: pd.DataFrame) -> None:
    """Years in range and not after this year; a '%' only on rates."""
    years = frame["year"].to_numpy()
    bad = np.flatnonzero((years < YEAR_RANGE[0]) | (years > YEAR_RANGE[1]))
    this_year = datetime.date.today().year
    future = np.flatnonzero(years > this_year)
    _, units = _registry()

    def err(message, i):
        return DataError(
            f"{message}",
            file=grid.file,
            row=int(frame["line"].iat[i]),
            column=str(frame["header"].iat[i]),
        )

    if len(bad):
        i = int(bad[0])
        raise err(f"year {years[i]} is out of range {YEAR_RANGE[0]}–{YEAR_RANGE[1]}", i)
    if len(future):
        i = int(future[0])
        raise err(
            f"year {years[i]} is after this year ({this_year}): a plan target or a typo, not an "
            "observation; remove it (a column headed 目标/预期 is left out by itself)",
            i,
        )
    pct = np.flatnonzero(frame["percent"].to_numpy(bool))
    if len(pct):
        dims = frame["unit"].iloc[pct].map(units["dimension"]).to_numpy()
        wrong = pct[dims != "percent"]
        if len(wrong):
            i = int(wrong[0])
            raise err(
                f"{frame['raw'].iat[i]!r} has a '%' but is read as {frame['indicator'].iat[i]} in "
                f"{frame['unit'].iat[i]}: a growth rate or share in a level column? Put rates in a "
                "column of their own (比上年增长(%)), or remove the '%'",
                i,
            )


def _check_values(obs: pd.DataFrame, path) -> None:
    key = ["district", "year", "indicator", "period"]
    coded = pd.DataFrame({k: pd.factorize(obs[k].to_numpy(dtype=object))[0] for k in key})
    dup = coded.duplicated(keep=False).to_numpy()
    if dup.any():
        d = obs[dup]
        first = d.iloc[0]
        same = d[(coded[dup] == coded[dup].iloc[0]).all(axis=1).to_numpy()]
        second = same.iloc[1]
        if not (same["published_value"] == first["published_value"]).all():
            key = f"{first['district']} {first['year']} {first['indicator']}" + (
                "" if first["period"] == "Y" else f" {first['period']}"
            )
            if first["line"] == second["line"]:
                what = (
                    f"duplicate column {second['column']!r}: it gives {key} as {first['column']!r} "
                    f"does, with another value ({second['published_value']:g}, not "
                    f"{first['published_value']:g})"
                )
            else:
                what = f"duplicate key {key}: also on row {first['line']}"
            raise DataError(
                what,
                file=path,
                row=int(second["line"]),
                column=str(second["column"]),
            )
    ind, _ = _registry()
    kinds = obs["indicator"].map(ind["kind"])
    negative = obs[(obs["value"] < 0) & kinds.isin(["level", "count", "per_capita"]).to_numpy()]
    if len(negative):
        bad = negative.iloc[0]
        raise DataError(
            f"negative {bad['indicator']} {bad['published_value']:g}: a level cannot be negative",
            file=path,
            row=int(bad["line"]),
            column=str(bad["column"]),
        )


def drop_repeats(obs: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The same key with the same value twice (a bulletin giving GDP in two of its tables): the
    first is kept, and the report says where the other stood."""
    key = ["district", "year", "indicator", "period", "published_value"]
    coded = pd.DataFrame({k: pd.factorize(obs[k].to_numpy(dtype=object))[0] for k in key})
    again = coded.duplicated(keep="first").to_numpy()
    if not again.any():
        return obs, []
    said = [f"{r} repeats a value read before (kept once)" for r in obs.loc[again, "record"]]
    return obs[~again].reset_index(drop=True), said
