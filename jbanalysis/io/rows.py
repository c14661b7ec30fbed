"""The rows of a table's body: which hold data, and why each of the others is left out.

Left out, each with its reason: empty rows; ``单位：`` lines (their unit applies to the rows below);
notes (注：…, 备注, ``*``, ①…, and the lines that continue them; their text is kept for footnotes
and for the price basis); section headings (a one-cell row naming an indicator, a district, a
year or a period, which then applies to the rows below); totals (合计, 全市) and group totals
(中心城区); rows whose label the registry cannot place (with a close match); rows with no value.
A row whose district cell is empty below a row that has one, where another key changes (a merged
cell exported as text), takes the district of the row above, and the report says so.

Each rule is judged once per distinct text (a long table has few), and only rows a rule picks
out are walked one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.io import labels as lb
from jbanalysis.io.codes import factorize
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table, filled_cells
from jbanalysis.io.heads import Facets, read_head, strip_label
from jbanalysis.io.roles import Role
from jbanalysis.names import normalise


@dataclass
class Rows:
    keep: np.ndarray  # body positions of the rows that hold data
    rejected: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    units: dict[int, tuple[str, str]] = field(default_factory=dict)  # body pos -> unit line
    sections: dict[int, Facets] = field(default_factory=dict)  # body pos -> section heading
    inherited: list[int] = field(default_factory=list)  # row numbers given the district above


def classify_rows(grid: Grid, table: Table, roles: list[Role]) -> Rows:
    values = grid.values()[table.start : table.end]
    filled = filled_cells(grid)[table.start : table.end]
    numbers = grid.rows[table.start : table.end]
    n = len(values)
    out = Rows(keep=np.zeros(0, dtype=np.int64))
    if not n:
        return out
    n_filled = filled.sum(axis=1)
    first_pos = filled.argmax(axis=1)
    data_cols = [r.pos for r in roles if r.kind in ("data", "value")]
    has_data = filled[:, data_cols].any(axis=1) if data_cols else np.zeros(n, bool)
    keys = {r.kind: r.pos for r in roles if r.kind in ("district", "indicator", "year", "code")}
    label_pos = next(
        (keys[k] for k in ("district", "indicator", "year", "code") if k in keys), None
    )
    single = n_filled == 1
    f_codes, f_uniques = factorize(values[np.arange(n), first_pos], use_na_sentinel=False)
    f_text = [str(t).strip() for t in f_uniques]

    def per_first(fn, dtype=object):
        return np.array([fn(t) for t in f_text], dtype=dtype)[f_codes]

    unit_of = per_first(lb.unit_row)
    note_text = per_first(lb.is_note, bool)
    note_strong = per_first(
        lambda t: normalise(t).startswith(("注:", "备注", "注：", "说明")), bool
    )
    verdict = np.full(n, "", dtype=object)
    if label_pos is not None and "indicator" not in keys:
        l_codes, l_uniques = grid.codes(label_pos, table.start, table.end)
        verdict = np.array([_label_verdict(str(t)) for t in l_uniques], dtype=object)[l_codes]
    is_unit = single & pd.notna(unit_of)
    is_note = note_text & (single | note_strong)
    special = (n_filled == 0) | is_unit | is_note | (verdict != "") | ~has_data
    reasons = np.full(n, "", dtype=object)
    in_note = False
    for pos in np.flatnonzero(special):
        text = str(values[pos, first_pos[pos]]).strip()
        if n_filled[pos] == 0:
            reasons[pos] = "empty row"
            continue
        if is_unit[pos]:
            written = unit_of[pos]
            uid = lb.unit_id(written)
            if uid is None:
                from jbanalysis.errors import DataError

                raise DataError(
                    f"unknown unit {written!r} in the line {text!r}",
                    file=grid.file,
                    row=int(numbers[pos]),
                )
            out.units[pos] = (uid, written)
            reasons[pos] = f"unit line {text!r} (applies to the rows below)"
            in_note = False
            continue
        if is_note[pos]:
            why = f"note row {text[:20]!r}"
        elif verdict[pos]:
            why = verdict[pos]
        elif single[pos] and in_note and reasons[pos - 1].startswith("note"):
            why = "note (continued)"
        elif single[pos] and _section(text) is not None:
            out.sections[pos] = _section(text)
            why = f"section heading {text[:24]!r} (applies to the rows below)"
        else:
            label = str(values[pos, label_pos]).strip() if label_pos is not None else ""
            why = "no values (a label only)" if label else "text row (no values)"
        if why.startswith("note"):
            out.notes.append(text)
        in_note = why.startswith("note")
        reasons[pos] = why
    _inherit(grid, table, values, reasons, keys, out)
    out.keep = np.flatnonzero(reasons == "")
    out.rejected = [(int(numbers[p]), str(reasons[p])) for p in np.flatnonzero(reasons != "")]
    return out


def _label_verdict(label: str) -> str:
    clean = lb.clean(label)[0]
    if not clean:
        return ""
    if lb.is_total(clean):
        return f"total row {label!r} (excluded, not summed in)"
    district = lb.district_of(strip_label(lb.compact(clean)))
    if district and lb.level_of(district) == "group":
        return f"group total row {label!r} (a published aggregate, not a district)"
    return ""


def _section(text: str) -> Facets | None:
    """A one-cell row that names what the rows below are: an indicator (with its unit), a district,
    a year or a period."""
    if lb.is_note(text) or len(text) > 40:
        return None
    f = read_head(text)
    if f.unknown or f.key or f.ignore:
        return None
    if f.indicator or f.district or f.year is not None or f.period:
        return f
    return None


def _inherit(grid: Grid, table: Table, values, reasons, keys, out: Rows) -> None:
    """An empty district cell under a filled one, where the year or indicator changes: the
    district of the row above (a merged cell exported as text)."""
    if "district" not in keys or not ({"year", "indicator"} & set(keys)):
        return
    col = keys["district"]
    empty = np.flatnonzero((values[:, col] == "") & (reasons == ""))
    for pos in empty:
        above = pos - 1
        if above >= 0 and reasons[above] == "" and values[above, col] != "":
            values[pos, col] = values[above, col]
            grid.set_cell(table.start + pos, col, values[above, col])
            filled_cells(grid)[table.start + pos, col] = True
            out.inherited.append(grid.row(table.start + pos))
