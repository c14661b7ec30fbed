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
from jbanalysis.io.codes import categorical, factorize, mapped
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
    n = len(frame)
    if not n:
        return np.array([], dtype=object)
    markers = [frame[c].to_numpy(dtype=object) for c in ("markers", "head_markers", "row_markers")]
    said = [m for m in markers if not _constant(m) or m[0]]
    parts = [
        said[0] + sum(said[1:], start=np.full(n, "", dtype=object)) if said else markers[0],
        frame["row_note"].to_numpy(dtype=object),
        frame["estimate"].to_numpy(dtype=bool),
        np.where(frame["is_growth"].to_numpy(bool), frame["basis"].to_numpy(dtype=object), ""),
        frame["words"].to_numpy(dtype=object),
    ]
    combo = np.zeros(n, dtype=np.int64)
    for part in parts:
        if _constant(part):
            continue
        codes, uniques = factorize(part)
        combo = combo * len(uniques) + codes
    c_codes, _ = pd.factorize(combo)
    first = np.zeros(c_codes.max() + 1, dtype=np.int64)
    first[c_codes[::-1]] = np.arange(n)[::-1]
    texts = np.array([_note(*(p[i] for p in parts), marks) for i in first], dtype=object)
    return texts[c_codes]


def _constant(values: np.ndarray) -> bool:
    """Every element the same (cheaper than counting the distinct ones)."""
    return bool(len(values) == 0 or (values == values[0]).all())


def _note(markers, row_note, estimate, basis, word, marks) -> str:
    said = [
        f"footnote {c}: {marks[c]}" if c in marks else f"footnote {c}"
        for c in dict.fromkeys(markers)
    ]
    said += [row_note] if row_note else []
    said += ["estimate (预计)"] if estimate else []
    said += [_BASIS_WORDS[basis]] if basis in _BASIS_WORDS else []
    said += [f"'{word}' read as 0 (unchanged)"] if word else []
    return "; ".join(said)


def records(grid: Grid, frame: pd.DataFrame) -> np.ndarray:
    """The cell of each value, as a person finds it in the file (``book.xlsx:表1!C7``,
    ``a.csv:row 7:2024年``)."""
    lines = frame["line"].to_numpy()
    cols = frame["col"].to_numpy()
    out = np.empty(len(lines), dtype=object)
    uniq, first = np.unique(cols, return_index=True)
    heads = dict(zip(uniq.tolist(), frame["header"].to_numpy(dtype=object)[first], strict=True))
    for c in heads:
        at = np.flatnonzero(cols == c) if len(heads) > 1 else slice(None)
        if grid.kind == "xlsx":
            start, end = f"{grid.path.name}:{grid.sheet}!{grid.letter(int(c))}", ""
        else:
            start, end = f"{grid.path.name}:row ", f":{heads[c]}"
        out[at] = [f"{start}{n}{end}" for n in lines[at].tolist()]
    return out


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
    n = len(frame)

    def cat(values):
        """A categorical column, as the bundle's (a constant costs one code per row)."""
        if isinstance(values, str):
            return pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[values])
        return categorical(values)

    def obj(values):
        return pd.Series(values, dtype=object)

    return pd.DataFrame(
        {
            "district": cat(frame["district"].to_numpy(dtype=object)),
            "year": frame["year"].to_numpy(dtype=np.int64),
            "indicator": cat(frame["indicator"].to_numpy(dtype=object)),
            "value": value,
            "unit": cat(unit),
            "source_id": cat(source_id),
            "record": obj(records(grid, frame)),
            "vintage": cat(vintages.astype(object)) if frame["estimate"].any() else cat(vintage),
            "flag": cat("observed"),
            "source_kind": cat(source_kind),
            "reliability": cat(""),
            "period": cat(frame["period"].to_numpy(dtype=object)),
            "bound": cat(""),  # a bound (>1200) is refused when read, never stored as a value
            "published_value": published,
            "published_unit": cat(frame["unit_text"].to_numpy(dtype=object)),
            "correction": obj(np.full(n, "", dtype=object)),
            "note": obj(frame["note"].to_numpy(dtype=object)),
            "line": frame["line"].to_numpy(),
            "column": obj(frame["header"].to_numpy(dtype=object)),
        }
    )


def _canonical(grid: Grid, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Values in the indicator's canonical unit: one conversion per (unit, canonical unit) pair;
    a unit of another dimension is an error naming the first such cell."""
    ind, units = _registry()
    values = frame["value"].to_numpy(float)
    src = frame["unit"].to_numpy(dtype=object)
    canonical = mapped(frame["indicator"].to_numpy(dtype=object), ind["unit"].get)
    (a_codes, a_ids), (b_codes, b_ids) = factorize(src), factorize(canonical)
    codes, pairs = pd.factorize(a_codes * len(b_ids) + b_codes)
    times, over = np.ones(len(pairs)), np.ones(len(pairs))
    for k, pair in enumerate(pairs):
        a, b = a_ids[pair // len(b_ids)], b_ids[pair % len(b_ids)]
        if units.at[a, "dimension"] != units.at[b, "dimension"]:
            i = int(np.flatnonzero(codes == k)[0])
            raise DataError(
                f"unit {frame['unit_text'].iat[i]!r} does not fit indicator "
                f"{frame['indicator'].iat[i]!r} (expected a unit of {units.at[b, 'dimension']})",
                file=grid.file,
                row=int(frame["line"].iat[i]),
                column=str(frame["header"].iat[i]),
            )
        # convert() multiplies by a factor ≥ 1 or divides by one (exact for powers of ten): the
        # same two steps here, one per pair, then once over the values
        factor = convert(1.0, a, b)
        times[k], over[k] = (factor, 1.0) if factor >= 1 else (1.0, convert(1.0, b, a))
    return values * times[codes] / over[codes], canonical


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


def _key_codes(obs: pd.DataFrame) -> np.ndarray:
    """One integer per (district, year, indicator, period)."""
    code = np.zeros(len(obs), dtype=np.int64)
    for k in ("district", "year", "indicator", "period"):
        codes, uniques = pd.factorize(obs[k])
        code = code * (len(uniques) + 1) + codes
    return code


def _check_values(obs: pd.DataFrame, path) -> None:
    """The same key twice with different values; a negative level."""
    code = _key_codes(obs)
    dup = pd.Series(code).duplicated(keep=False).to_numpy()
    if dup.any():
        d = obs[dup].assign(_key=code[dup])
        spread = d.groupby("_key")["published_value"].nunique()
        if (spread > 1).any():
            same = d[d["_key"] == spread.index[(spread > 1).to_numpy()][0]]
            first = same.iloc[0]
            second = same[same["published_value"] != first["published_value"]].iloc[0]
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
            raise DataError(what, file=path, row=int(second["line"]), column=str(second["column"]))
    ind, _ = _registry()
    kinds = obs["indicator"].map(ind["kind"]).to_numpy(dtype=object)
    below = obs["value"].to_numpy() < 0
    if below.any():
        below &= np.isin(kinds, ["level", "count", "per_capita"])
    if below.any():
        negative = obs[below]
        bad = negative.iloc[0]
        raise DataError(
            f"negative {bad['indicator']} {bad['published_value']:g}: a level cannot be negative",
            file=path,
            row=int(bad["line"]),
            column=str(bad["column"]),
        )


def drop_repeats(obs: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The same key with the same value twice (a bulletin giving GDP in two of its tables): the
    first is kept, and the report says where the other stood (different values are an error)."""
    again = pd.Series(_key_codes(obs)).duplicated(keep="first").to_numpy()
    if not again.any():
        return obs, []
    said = [f"{r} repeats a value read before (kept once)" for r in obs.loc[again, "record"]]
    return obs[~again].reset_index(drop=True), said
