"""One table's cells as long rows: each value with its district, year, period, indicator and unit.

Each of these comes from the most specific place that says it: the cell (``1744亿元``), its
column's heads, its row's keys, the section heading and ``单位：`` line above it, the table's title
and sheet name, and last the caller (``indicator=``, ``unit=``, ``district=``, ``year=``). The
column and the row saying different things is an error; the caller contradicting the table is an
error; the table saying nothing where something is needed is an error naming the cell. A growth,
share or per-head measure becomes its registry indicator (:func:`jbanalysis.io.labels.compose`);
where the registry has none, those cells are left out with the reason, and the rest is read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd

from jbanalysis.io.codes import isna, mapped
from jbanalysis.io.grid import Grid, MissingFormula
from jbanalysis.io.header import Table
from jbanalysis.io.keyed import Distinct, Field
from jbanalysis.io.numbers import CellError, parse_column
from jbanalysis.io.resolve import Args, Where, district, first, indicator, none, time, unit
from jbanalysis.io.roles import Role
from jbanalysis.io.rowkeys import FIELDS, RowKeys
from jbanalysis.io.rows import Rows
from jbanalysis.io.titles import TitleFacts


@dataclass
class Cells:
    """One table read: its values (a frame, one row per present value), the cells left out and
    why, the rows whose every cell is missing, and the count of missing cells."""

    frame: pd.DataFrame
    left_out: list[tuple[str, str]]
    empty_rows: list[int]
    missing: int


def table_cells(
    grid: Grid,
    table: Table,
    roles: list[Role],
    rows: Rows,
    keys: RowKeys,
    title: TitleFacts,
    args: Args,
    basis: str,
) -> Cells:
    data = [r for r in roles if r.kind in ("data", "value")]
    keep = np.asarray(rows.keep, dtype=np.int64)
    if keys.rejected:
        keep = keep[~np.isin(keep, np.fromiter(keys.rejected, dtype=np.int64))]
    body = grid.values()[table.start : table.end]
    lines = grid.rows[table.start : table.end]
    at = np.tile(keep, len(data))  # column by column, each in row order
    frame = pd.DataFrame(
        {
            "pos": at,
            "col": np.repeat(np.array([r.pos for r in data], dtype=np.int64), len(keep)),
            "raw": pd.Series(
                np.concatenate([body[keep, r.pos] for r in data]) if data else [], dtype=object
            ),
            "line": lines[at],
        }
    )
    by_col = {r.pos: r for r in data}
    frame["header"] = _per_col(frame, {p: r.head or r.letter for p, r in by_col.items()})
    _check_special(grid, frame)
    values, info = _values(grid, frame, args.decimal)
    present = ~np.isnan(values)
    pos_all = frame["pos"].to_numpy(dtype=np.int64)
    counted = np.bincount(pos_all, weights=present, minlength=len(lines))
    on_rows = np.flatnonzero(np.bincount(pos_all, minlength=len(lines)))
    empty_rows = [int(lines[p]) for p in on_rows[counted[on_rows] == 0]]
    missing = int((~present).sum())
    n = len(frame)
    percent = np.zeros(n, dtype=bool)
    markers = np.full(n, "", dtype=object)
    cell_unit = np.full(n, None, dtype=object)
    words = np.full(n, "", dtype=object)
    for i, c in info.items():
        percent[i], markers[i], words[i] = c.percent, c.markers, c.word
        if c.unit:
            cell_unit[i] = c.unit
    frame["value"], frame["percent"] = values, percent
    frame["markers"], frame["words"] = _obj(frame, markers), _obj(frame, words)
    frame, cell_unit = frame[present].reset_index(drop=True), cell_unit[present]
    if not len(frame):
        return Cells(frame, [], empty_rows, missing)
    pos = frame["pos"].to_numpy(dtype=np.int64)
    cols = frame["col"].to_numpy(dtype=np.int64)
    said = keys.said  # each key as codes: per row (its key columns), per column (its heads)
    get = {k: (keys.fields[k].take(pos) if k in said else None) for k in FIELDS}
    src = {"unit": keys.source["unit"].take(pos) if "unit" in said else None}
    col = {
        name: Field.per_column({p: none(getattr(r.facets, name)) for p, r in by_col.items()}, cols)
        for name in get
    }
    est = np.zeros(cols.max() + 1, dtype=bool)
    est[[p for p, r in by_col.items() if r.facets.estimate]] = True
    est = est[cols]

    def once(fn, names, *, also=(), cells=None, whole=False, **kw):
        """``fn`` on each distinct combination of the fields it reads (``names`` of the column
        and the row, ``cells``, and ``also`` read from the frame), spread to the cells."""
        cells = cells or {}
        fields = [*(x[k] for k in names for x in (col, get)), *cells.values(), *also]
        d = Distinct(len(frame), fields)
        part = frame.iloc[d.firsts].reset_index(drop=True)
        on = {k: d.at_firsts(col[k]) for k in names}, {k: d.at_firsts(get[k]) for k in names}
        extra = {k: d.at_firsts(f) for k, f in cells.items()}
        out = fn(*((part,) if whole else ()), *on, **extra, **kw, where=Where(grid, part))
        return d, part, [d.spread(o) for o in (out if isinstance(out, tuple) else (out,))]

    _, _, (ind, why) = once(
        indicator, ("indicator", "measure", "basis"), title=title, args=args, basis=basis
    )
    ok = why == ""
    where = Where(grid, frame)
    left_out = [
        (f"{where.ref(i)} row {int(frame['line'].iat[i])}", why[i]) for i in np.flatnonzero(~ok)
    ]
    if not ok.any():
        return Cells(frame.iloc[:0], left_out, empty_rows, missing)
    if not ok.all():
        frame, cell_unit, ind = frame[ok].reset_index(drop=True), cell_unit[ok], ind[ok]
        pos, est = pos[ok], est[ok]
        get = {k: (v.take(ok) if v is not None else None) for k, v in get.items()}
        src = {k: (v.take(ok) if v is not None else None) for k, v in src.items()}
        col = {k: (v.take(ok) if v is not None else None) for k, v in col.items()}
    frame["indicator"] = _obj(frame, ind)
    _, _, (dist,) = once(district, ("district",), title=title, args=args)
    frame["district"] = _obj(frame, dist)
    d, part, (year, period) = once(time, ("year", "relative", "period"), title=title, args=args)
    frame["year"], frame["period"] = year.astype(np.int64), _obj(frame, period)
    frame["relative"] = d.spread(part["relative"].to_numpy(dtype=bool))
    frame["estimate"] = est | keys.estimate[pos]
    _, _, (units, texts) = once(
        unit,
        ("unit", "unit_text"),
        cells={"src_unit": src["unit"], "cell_unit": Field.of(cell_unit)},
        also=(Field.of(ind), Field.of(frame["percent"].to_numpy(dtype=object))),
        whole=True,
        table=table,
        title=title,
        args=args,
    )
    frame["unit"], frame["unit_text"] = _obj(frame, units), _obj(frame, texts)
    _, _, (basis_said,) = once(
        lambda col, get, where: first(col["basis"], get["basis"], n=len(where.frame)), ("basis",)
    )
    frame["basis"] = _obj(frame, np.where(isna(basis_said), basis, basis_said))
    frame["row_note"] = _obj(frame, keys.notes[pos])
    frame["row_markers"] = _obj(frame, keys.markers[pos])
    frame["head_markers"] = _per_col(
        frame, {p: r.facets.markers for p, r in by_col.items()}
    ).to_numpy(dtype=object)
    frame["is_growth"] = mapped(ind, lambda i: i is not None and i.endswith("_growth"), bool)
    return Cells(frame, left_out, empty_rows, missing)


def _obj(frame: pd.DataFrame, values) -> pd.Series:
    """A column of plain Python objects (pandas would make strings its own string dtype, slow to
    compare and to hand back as objects, as the reader does many times)."""
    return pd.Series(values, index=frame.index, dtype=object)


def _per_col(frame: pd.DataFrame, attrs: dict) -> pd.Series:
    cols = frame["col"].to_numpy()
    size = max(int(cols.max()) if len(cols) else -1, max(attrs, default=-1)) + 1
    table = np.empty(size, dtype=object)
    for pos, value in attrs.items():
        table[pos] = value
    return pd.Series(table[cols], index=frame.index, dtype=object)


def _check_special(grid: Grid, frame: pd.DataFrame) -> None:
    if grid.kind != "xlsx":
        return
    for i, raw in enumerate(frame["raw"].to_numpy()):
        if isinstance(raw, MissingFormula):
            raise Where(grid, frame).error(
                f"a formula ({raw}) saved without its result: open the workbook in Excel or "
                "LibreOffice and save it, so that the values are stored",
                i,
            )
        if isinstance(raw, datetime.date | datetime.datetime):
            raise Where(grid, frame).error(f"a date ({raw}) where a number is expected", i)


def _values(grid: Grid, frame: pd.DataFrame, decimal: str):
    from jbanalysis.io.decimals import choose_decimal

    raw = frame["raw"]
    numeric = pd.to_numeric(raw, errors="coerce").to_numpy(float)
    if decimal == "auto":  # told from the cells that are not plain numbers
        plain = np.isfinite(numeric)
        if grid.kind == "csv" and grid.separator == ";":  # 1.325 could be 1325 there
            plain = plain & ~np.array(raw.astype(object).str.contains(".", regex=False), dtype=bool)
        decimal = choose_decimal(grid, raw[~plain]) if not plain.all() else "."
    try:
        return parse_column(raw, decimal, text=grid.kind == "csv", numeric=numeric)
    except CellError as exc:
        raise Where(grid, frame).error(
            f"{exc}; expected a number or a missing mark (—, .., empty)", exc.pos
        ) from None
