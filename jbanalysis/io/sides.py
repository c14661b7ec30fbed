"""Tables side by side on one sheet: the same key head (地区, 区县, 指标) twice in one row.

:func:`side_windows` cuts such a sheet into one grid per table (its columns, with a title line
that spans them all copied to each), so that each is read as a table of its own and
:func:`merge_reads` puts the readings together, the report naming each table's columns. Where the
cut is not possible (a recipe is applied: it describes one table), :func:`refuse_side_by_side`
refuses the sheet, naming each table's columns, with advice that works: each table on a sheet or
in a file of its own — reading them as one table would pair one table's values with the other's
title, or a second key column's names with the first's values.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.account import ReadReport
from jbanalysis.io.finish import drop_repeats
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table
from jbanalysis.io.heads import read_head

_KINDS = ("district", "indicator")
_LOOK = 40  # rows: a header sits near the top of a sheet


def _key_word(value) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    return lb.compact(value) if read_head(value).key in _KINDS else ""


def side_windows(grid: Grid) -> list[Grid]:
    """One grid per table side by side (the same key word twice in a row near the top), or []."""
    values = grid.values()
    width = values.shape[1] if values.ndim == 2 else 0
    if width < 4:
        return []
    for pos in range(min(len(values), _LOOK)):
        seen: dict[str, list[int]] = {}
        for j, value in enumerate(values[pos]):
            word = _key_word(value)
            if word:
                seen.setdefault(word, []).append(j)
        starts = next((c for c in seen.values() if len(c) > 1), None)
        if starts:
            break
    else:
        return []
    bounds = [0, *starts[1:], width]
    if min(b - a for a, b in itertools.pairwise(bounds)) < 2:
        return []
    filled = values != ""
    shared = [  # title lines above the header written only over the first table: every table's
        r for r in range(pos) if filled[r].any() and not filled[r, bounds[1] :].any()
    ]
    columns = grid.columns if grid.columns is not None else np.arange(width)
    out = []
    for k, (a, b) in enumerate(itertools.pairwise(bounds)):
        cells = grid.cells.iloc[:, a:b].copy()
        cells.columns = range(b - a)
        for r in shared if k else []:
            cells.iat[r, 0] = " ".join(str(v) for v in values[r, : bounds[1]] if v != "")
        out.append(
            Grid(
                grid.path,
                cells,
                grid.rows,
                grid.kind,
                encoding=grid.encoding,
                sheet=grid.sheet,
                separator=grid.separator,
                notes=list(grid.notes) if k == 0 else [],
                columns=np.asarray(columns[a:b]),
                sheet_position=grid.sheet_position,
            )
        )
    return out


def span(grid: Grid) -> str:
    """The table's columns as the sheet names them (an empty column after it left out)."""
    used = np.flatnonzero((grid.values() != "").any(axis=0))
    return f"{grid.letter(0)}–{grid.letter(int(used[-1]) if len(used) else 0)}"


def merge_reads(outs: list[pd.DataFrame], windows: list[Grid]) -> pd.DataFrame:
    """The readings of tables side by side as one result, with one report naming each table."""
    reports = [o.attrs["report"] for o in outs]
    first = reports[0]
    layouts = {r.layout for r in reports}
    spans = [span(w) for w in windows]
    merged = ReadReport(
        file=first.file,
        layout=first.layout if len(layouts) == 1 else "several",
        encoding=first.encoding,
        sheet=first.sheet,
        header_row=first.header_row,
        sheet_position=first.sheet_position,
    )
    merged.notes.append(
        f"{len(outs)} tables side by side (columns {' and '.join(spans)}): each read on its own"
    )
    for r, cols in zip(reports, spans, strict=True):
        merged.rows_in += r.rows_in
        merged.rows_used += r.rows_used
        merged.rejected += r.rejected
        merged.ignored_columns += r.ignored_columns
        merged.values += r.values
        merged.missing_cells += r.missing_cells
        merged.columns += r.columns
        merged.left_out += r.left_out
        merged.shape += r.shape
        merged.tables.append(f"columns {cols}: {r.rows_in} rows")
        merged.notes += [n for n in r.notes if n not in merged.notes]
    merged.rejected.sort(key=lambda x: x[0])
    out = pd.concat(outs, ignore_index=True)
    for col in out.columns:  # categories differ from table to table: their union
        if isinstance(outs[0][col].dtype, pd.CategoricalDtype):
            out[col] = union_categoricals([o[col] for o in outs])
    out, repeats = drop_repeats(out)  # a value both tables give: read once, said
    merged.notes += repeats
    merged.values = len(out)
    merged._side_by_side = spans  # a recipe cannot be saved from it (Recipe.from_read)
    out.attrs = {"report": merged}
    return out


def refuse_side_by_side(grid: Grid, roles: list, table: Table) -> None:
    """Raise if two key columns of one kind have the same head (``roles``: the column roles)."""
    for kind in _KINDS:
        heads: dict[str, list] = {}
        for r in roles:
            if r.kind == kind and r.head:
                heads.setdefault(lb.compact(r.head), []).append(r)
        same = next((rs for rs in heads.values() if len(rs) > 1), None)
        if same is None:
            continue
        starts = [r.pos for r in same]
        last = max(r.pos for r in roles)
        spans = []
        for k, start in enumerate(starts):
            end = (starts[k + 1] if k + 1 < len(starts) else last + 1) - 1
            while end > start and not any(r.pos == end for r in roles):
                end -= 1  # an empty column between the tables is no part of either
            spans.append(f"{grid.letter(start)}–{grid.letter(end)}")
        raise DataError(
            f"{len(same)} tables side by side: columns {' and '.join(spans)} each have their own "
            f"{same[0].head!r} column; the reader takes tables one below the other, not side by "
            "side: move each table to a sheet (or a CSV file) of its own and read each",
            file=grid.file,
            row=grid.row(table.head[-1]),
            column=same[1].head,
        )
