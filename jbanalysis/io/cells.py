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

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.grid import Grid, MissingFormula
from jbanalysis.io.header import Table
from jbanalysis.io.numbers import CellError, parse_column
from jbanalysis.io.roles import Role
from jbanalysis.io.rowkeys import RowKeys
from jbanalysis.io.rows import Rows
from jbanalysis.io.titles import TitleFacts

_WEAK = ("a section heading above", "a 单位 line above")


class Args:
    """What the caller says: resolved ids (or None), the year filter, the decimal separator."""

    def __init__(self, indicator=None, unit=None, year=None, district=None, decimal="auto"):
        self.indicator, self.unit, self.year, self.district = indicator, unit, year, district
        self.decimal = decimal


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
    keep = np.array([p for p in rows.keep if p not in keys.rejected], dtype=np.int64)
    body = grid.cells.iloc[table.start : table.end]
    lines = grid.rows[table.start : table.end]
    chunks = [
        pd.DataFrame(
            {"pos": keep, "col": r.pos, "raw": pd.Series(body[r.pos].to_numpy(dtype=object)[keep], dtype=object)}
        )
        for r in data
    ]
    frame = pd.concat(chunks, ignore_index=True)
    frame["line"] = lines[frame["pos"].to_numpy(dtype=np.int64)]
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
    frame["value"], frame["percent"], frame["markers"], frame["words"] = values, percent, markers, words
    frame, cell_unit = frame[present].reset_index(drop=True), cell_unit[present]
    if not len(frame):
        return Cells(frame, [], empty_rows, missing)
    pos = frame["pos"].to_numpy(dtype=np.int64)
    get = {name: keys.values[name][pos] for name in keys.values}
    src = {name: keys.source[name][pos] for name in keys.source}
    names = ("district", "year", "period", "relative", "indicator", "measure", "basis", "unit", "unit_text")
    col = {
        name: _per_col(frame, {p: _none(getattr(r.facets, name)) for p, r in by_col.items()}).to_numpy(dtype=object)
        for name in names
    }
    est = _per_col(frame, {p: r.facets.estimate for p, r in by_col.items()}).to_numpy(dtype=bool)
    where = _Where(grid, frame)
    ind, why = _indicator(col, get, title, args, basis, where)
    ok = why == ""
    left_out = [(f"{where.ref(i)} row {int(frame['line'].iat[i])}", why[i]) for i in np.flatnonzero(~ok)]
    if not ok.any():
        return Cells(frame.iloc[:0], left_out, empty_rows, missing)
    if not ok.all():
        frame, cell_unit, ind = frame[ok].reset_index(drop=True), cell_unit[ok], ind[ok]
        pos, est = pos[ok], est[ok]
        get = {k: v[ok] for k, v in get.items()}
        src = {k: v[ok] for k, v in src.items()}
        col = {k: v[ok] for k, v in col.items()}
        where = _Where(grid, frame)
    frame["indicator"] = ind
    frame["district"] = _district(col, get, title, args, where)
    frame["year"], frame["period"] = _time(col, get, title, args, where)
    frame["estimate"] = est | keys.estimate[pos]
    frame["unit"], frame["unit_text"] = _unit(frame, col, get, src, cell_unit, table, title, args, where)
    basis_said = _first(col["basis"], get["basis"])
    frame["basis"] = np.where(pd.isna(basis_said), basis if len(frame) else "", basis_said)
    frame["row_note"] = keys.notes[pos]
    frame["row_markers"] = keys.markers[pos]
    frame["head_markers"] = _per_col(frame, {p: r.facets.markers for p, r in by_col.items()}).to_numpy(dtype=object)
    growth = {i: i.endswith("_growth") for i in pd.unique(frame["indicator"])}
    frame["is_growth"] = frame["indicator"].map(growth).astype(bool)
    return Cells(frame, left_out, empty_rows, missing)


def _none(value):
    return None if isinstance(value, str) and value == "" else value


class _Where:
    """Cell references for messages."""

    def __init__(self, grid: Grid, frame: pd.DataFrame):
        self.grid, self.frame = grid, frame

    def ref(self, i: int) -> str:
        return str(self.frame["header"].iat[i])

    def error(self, message: str, i: int) -> DataError:
        return DataError(
            f"{message}",
            file=self.grid.file,
            row=int(self.frame["line"].iat[i]),
            column=str(self.frame["header"].iat[i]),
        )


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
            raise _Where(grid, frame).error(
                f"a formula ({raw}) saved without its result: open the workbook in Excel or "
                "LibreOffice and save it, so that the values are stored",
                i,
            )
        if isinstance(raw, datetime.date | datetime.datetime):
            raise _Where(grid, frame).error(f"a date ({raw}) where a number is expected", i)


def _values(grid: Grid, frame: pd.DataFrame, decimal: str):
    from jbanalysis.io.decimals import choose_decimal

    if decimal == "auto":
        decimal = choose_decimal(grid, frame["raw"])
    try:
        return parse_column(frame["raw"], decimal, text=grid.kind == "csv")
    except CellError as exc:
        raise _Where(grid, frame).error(
            f"{exc}; expected a number or a missing mark (—, .., empty)", exc.pos
        ) from None


def _first(*arrays):
    out = arrays[0].copy()
    for a in arrays[1:]:
        take = pd.isna(out) & ~pd.isna(a)
        out[take] = a[take]
    return out


def _clash(a, b, what: str, where: _Where, said=("the column", "the row")) -> None:
    both = ~pd.isna(a) & ~pd.isna(b)
    bad = np.flatnonzero(both & (a != b))
    if len(bad):
        i = int(bad[0])
        raise where.error(f"{said[0]} says {what} {a[i]!r} and {said[1]} says {b[i]!r}", i)


def _district(col, get, title: TitleFacts, args: Args, where: _Where):
    _clash(col["district"], get["district"], "district", where)
    out = _first(col["district"], get["district"])
    missing = pd.isna(out)
    if args.district:
        said = np.flatnonzero(~missing & (out != args.district))
        if len(said):
            i = int(said[0])
            raise where.error(f"district={args.district!r} but the table says {out[i]!r}", i)
        out[missing] = args.district
    elif missing.any():
        if title.district:
            out[missing] = title.district
        else:
            i = int(np.flatnonzero(missing)[0])
            several = f" (its title names several: {', '.join(title.districts)})" if title.districts else ""
            raise where.error(
                "no district: the table has no district column or district heads, and its title "
                f"names none{several}; pass district= (--district)",
                i,
            )
    return out


def _time(col, get, title: TitleFacts, args: Args, where: _Where):
    _clash(col["year"], get["year"], "year", where)
    year = _first(col["year"], get["year"])
    relative = _first(col["relative"], get["relative"])
    base = title.year if title.year is not None else args.year
    rel = ~pd.isna(relative) & pd.isna(year)
    if rel.any():
        if base is None:
            i = int(np.flatnonzero(rel)[0])
            raise where.error(
                "a year relative to the table's own (本年, 本期, 上年, 去年, 上年同期) and the title "
                "names no year: pass year= (--year), the year the table reports",
                i,
            )
        year[rel] = base + relative[rel].astype(int)
    missing = pd.isna(year)
    if missing.any():
        fill = args.year if args.year is not None else title.year
        if fill is None:
            i = int(np.flatnonzero(missing)[0])
            raise where.error(
                "no year: the table has no year column or year headers, and its title names none; "
                "pass year= (--year)",
                i,
            )
        year[missing] = fill
    period = _first(col["period"], get["period"])
    period[pd.isna(period)] = title.period or "Y"
    return year.astype(np.int64), period


def _indicator(col, get, title: TitleFacts, args: Args, basis: str, where: _Where):
    base_col, base_row = col["indicator"], get["indicator"]
    measure = _first(np.where(col["measure"] == "level", None, col["measure"]), np.where(get["measure"] == "level", None, get["measure"]))
    _clash(np.where(col["measure"] == "level", None, col["measure"]), np.where(get["measure"] == "level", None, get["measure"]), "measure", where)
    both = ~pd.isna(base_col) & ~pd.isna(base_row) & (base_col != base_row)
    if both.any():
        i = int(np.flatnonzero(both)[0])
        raise where.error(f"the column says {base_col[i]!r} and the row says {base_row[i]!r}", i)
    base = _first(base_col, base_row)
    named = ~pd.isna(base)
    if args.indicator:
        own = np.flatnonzero(named & (base != args.indicator) & pd.isna(measure))
        if len(own):
            i = int(own[0])
            raise where.error(f"indicator={args.indicator!r} but the table says {base[i]!r}", i)
        fits = {title.indicator, *(lb.compose(title.indicator, "growth", b)[0] for b in ("", "real", "nominal"))}
        if title.indicator and args.indicator not in fits and not named.any():
            raise where.error(
                f"indicator={args.indicator!r} but the title names {lb.name_zh(title.indicator)} "
                f"({title.indicator}): which is it? Drop indicator= if the title is right",
                0,
            )
        base[~named] = args.indicator
    elif title.indicator:
        base[~named] = title.indicator
    if pd.isna(base).any():
        i = int(np.flatnonzero(pd.isna(base))[0])
        raise where.error(
            "no indicator: the table has no indicator column or indicator headers, and its title "
            "names none; pass indicator= (--indicator)",
            i,
        )
    said_basis = _first(col["basis"], get["basis"])
    said_basis[pd.isna(said_basis)] = basis or ""
    combo = pd.Series([f"{b}|{m or ''}|{s}" for b, m, s in zip(base, measure, said_basis, strict=True)])
    codes, uniques = pd.factorize(combo.to_numpy(dtype=object))
    ids, whys = [], []
    for text in uniques:
        b, m, s = text.split("|")
        found, why = lb.compose(b, m, s)
        ids.append(found)
        whys.append(why)
    out = np.array(ids, dtype=object)[codes]
    left = np.array([w or "" for w in whys], dtype=object)[codes]
    return out, left


def _unit(frame, col, get, src, cell_unit, table: Table, title: TitleFacts, args: Args, where: _Where):
    """The unit of each value: the cell, the row (unit column, row label), the column head — two
    of these disagreeing is an error — then a section line or 单位 line, the title, ``unit=``.
    Rates (growth, shares) are in percent unless their cell or head says otherwise."""
    n = len(frame)
    ind = frame["indicator"].to_numpy(dtype=object)
    kind_of = {i: lb.kind_of(i) for i in pd.unique(ind) if isinstance(i, str)}
    kinds = np.array([kind_of.get(i, "") for i in ind], dtype=object)
    rate, per_head = kinds == "rate", kinds == "per_capita"
    cell_ids = np.array([lb.unit_id(u) if isinstance(u, str) else None for u in cell_unit], dtype=object)
    bad = np.flatnonzero(~pd.isna(cell_unit) & pd.isna(cell_ids))
    if len(bad):
        i = int(bad[0])
        raise where.error(f"{frame['raw'].iat[i]!r} is not a number ({cell_unit[i]!r} is no unit)", i)
    weak = np.isin(src["unit"].astype(str), _WEAK)
    row_ids = np.where(weak, None, get["unit"])
    percent_row = np.array([lb.unit_dimension(u) == "percent" if isinstance(u, str) else False for u in row_ids])
    row_ids = np.where(rate & ~percent_row, None, row_ids)
    unit = np.full(n, None, dtype=object)
    text = np.full(n, None, dtype=object)
    source = np.full(n, None, dtype=object)
    for ids, texts, name in (
        (cell_ids, cell_unit, "the cell"),
        (row_ids, get["unit_text"], "the row"),
        (col["unit"], col["unit_text"], "the column header"),
    ):
        has = ~pd.isna(ids)
        clash = np.flatnonzero(has & ~pd.isna(unit) & (unit != ids))
        if len(clash):
            i = int(clash[0])
            raise where.error(
                f"two units for one value: {text[i]!r} ({source[i]}) and {texts[i]!r} ({name})", i
            )
        take = has & pd.isna(unit)
        unit[take], text[take], source[take] = ids[take], texts[take], name
    pct = rate & pd.isna(unit)
    unit[pct], text[pct], source[pct] = "pct", "%", "a rate"
    defaults = [(np.where(weak, get["unit"], None), get["unit_text"], "a line above")]
    if table.unit:
        uid, written, line = table.unit
        defaults.append((np.full(n, uid, dtype=object), np.full(n, written, dtype=object), f"the 单位 line (row {line})"))
    if title.unit:
        defaults.append((np.full(n, title.unit[0], dtype=object), np.full(n, title.unit[1], dtype=object), "the title"))
    for ids, texts, name in defaults:
        take = ~pd.isna(ids) & pd.isna(unit) & ~per_head
        unit[take], text[take], source[take] = ids[take], texts[take], name
    if args.unit:
        written, uid = args.unit
        said = np.flatnonzero(~pd.isna(unit) & (unit != uid) & ~rate)
        said = said[source[said] != "a rate"]
        if len(said):
            i = int(said[0])
            raise where.error(
                f"unit={written!r} but {source[i]} says {text[i]!r}: which is it? Drop unit= "
                "(--unit) if the table is right",
                i,
            )
        take = pd.isna(unit) & ~per_head
        unit[take], text[take], source[take] = uid, written, "unit="
    pct = frame["percent"].to_numpy(dtype=bool) & pd.isna(unit)
    unit[pct], text[pct], source[pct] = "pct", "%", "the '%' in the cell"
    if pd.isna(unit).any():
        i = int(np.flatnonzero(pd.isna(unit))[0])
        head = " (a per-head value: the table's unit is for its totals)" if per_head[i] else ""
        raise where.error(
            f"no unit for {ind[i]!r}{head}: expected a unit column, a unit in the head such as "
            "'(万元)', a '单位：' line, or unit= (--unit)",
            i,
        )
    return unit, np.where(pd.isna(text), unit, text)
