"""Each value's keys from the most specific place that says them.

The cell (``1744亿元``), the row (its key columns), the column's heads — two of these saying
different things is an error — then the section heading or ``单位：`` line above, the table's title
and sheet name, and last the caller (``indicator=``, ``unit=``, ``district=``, ``year=``), who may
fill in but never contradict. A year relative to the title's (本年, 上年) is resolved against it.
A growth, share or per-head measure becomes its registry indicator (``labels.compose``); where
there is none, the cell is left out with the reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.codes import factorize, isna, mapped
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table
from jbanalysis.io.titles import TitleFacts

_WEAK = ("a section heading above", "a 单位 line above")


class Args:
    """What the caller says: resolved ids (or None), the year filter, the decimal separator."""

    def __init__(self, indicator=None, unit=None, year=None, district=None, decimal="auto"):
        self.indicator, self.unit, self.year, self.district = indicator, unit, year, district
        self.decimal = decimal


def none(value):
    return None if isinstance(value, str) and value == "" else value


class Where:
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


def first(*arrays, n: int):
    """Each cell's value from the first array that has one (``None`` arrays say nothing)."""
    said = [a for a in arrays if a is not None]
    if not said:
        return np.full(n, None, dtype=object)
    out = said[0].copy()
    for a in said[1:]:
        take = isna(out) & ~isna(a)
        out[take] = a[take]
    return out


def _clash(a, b, what: str, where: Where, said=("the column", "the row")) -> None:
    if a is None or b is None:
        return
    both = ~isna(a) & ~isna(b)
    bad = np.flatnonzero(both & (a != b))
    if len(bad):
        i = int(bad[0])
        raise where.error(f"{said[0]} says {what} {a[i]!r} and {said[1]} says {b[i]!r}", i)


def _level_is_none(a):
    """A measure array with ``level`` said as nothing (a level is what a value is by default)."""
    return None if a is None else np.where(a == "level", None, a)


def district(col, get, title: TitleFacts, args: Args, where: Where):
    _clash(col["district"], get["district"], "district", where)
    out = first(col["district"], get["district"], n=len(where.frame))
    missing = isna(out)
    if args.district:
        said = np.flatnonzero(~missing & (out != args.district))
        if len(said):
            i = int(said[0])
            raise where.error(f"district={args.district!r} but the table says {out[i]!r}", i)
        out[missing] = args.district
    elif missing.any():
        if (~missing).any():  # the table names districts, but not on this row
            i = int(np.flatnonzero(missing)[0])
            raise where.error(
                "a row of values with no district (the table names them on its other rows); "
                "write the district in the row",
                i,
            )
        if title.district:
            out[missing] = title.district
        else:
            i = int(np.flatnonzero(missing)[0])
            several = (
                f" (its title names several: {', '.join(title.districts)})"
                if title.districts
                else ""
            )
            raise where.error(
                "no district: the table has no district column or district heads, and its title "
                f"names none{several}; pass district= (--district)",
                i,
            )
    return out


def time(col, get, title: TitleFacts, args: Args, where: Where):
    _clash(col["year"], get["year"], "year", where)
    n = len(where.frame)
    year = first(col["year"], get["year"], n=n)
    relative = first(col["relative"], get["relative"], n=n)
    base = title.year if title.year is not None else args.year
    if col["relative"] is None and get["relative"] is None:  # no 本年/上年 anywhere
        rel = np.zeros(n, dtype=bool)
    else:
        rel = ~isna(relative) & isna(year)
    if rel.any():
        if base is None:
            i = int(np.flatnonzero(rel)[0])
            raise where.error(
                "a year relative to the table's own (本年, 本期, 上年, 去年, 上年同期) and the title "
                "names no year: pass year= (--year), the year the table reports",
                i,
            )
        year[rel] = base + relative[rel].astype(int)
    where.frame["relative"] = rel  # a year resolved from 本年/上年: year= is its base, no filter
    missing = isna(year)
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
    if col["period"] is None and get["period"] is None:
        period = np.full(n, None, dtype=object)
    else:
        period = first(col["period"], get["period"], n=n)
    unsaid = isna(period)
    if title.period_other and unsaid.any():  # never the year's by default: 1-2月 is not 全年
        raise where.error(
            f"{title.period_other}: these values are not the year's, and the registry keeps only "
            "the year (Y), Q1, H1 and Q1-Q3, so they cannot be stored",
            int(np.flatnonzero(unsaid)[0]),
        )
    period[unsaid] = title.period or "Y"
    return year.astype(np.int64), period


def indicator(col, get, title: TitleFacts, args: Args, basis: str, where: Where):
    n = len(where.frame)
    base_col, base_row = col["indicator"], get["indicator"]
    m_col, m_row = _level_is_none(col["measure"]), _level_is_none(get["measure"])
    only = np.zeros(n, dtype=bool) if m_row is None else np.asarray(m_row == "growth_only")
    if only.any():  # a row whose indicator the registry knows only by its growth
        growth_col = np.zeros(n, dtype=bool) if m_col is None else np.asarray(m_col == "growth")
        m_row = np.where(only, None, m_row)
        if m_col is not None:
            m_col = np.where(only & growth_col, None, m_col)
        only &= ~growth_col  # its level cells: left out below
    measure = first(m_col, m_row, n=n)
    _clash(m_col, m_row, "measure", where)
    if base_col is not None and base_row is not None:
        both = ~isna(base_col) & ~isna(base_row) & (base_col != base_row)
        if both.any():
            i = int(np.flatnonzero(both)[0])
            raise where.error(
                f"the column says {base_col[i]!r} and the row says {base_row[i]!r}", i
            )
    base = first(base_col, base_row, n=n)
    named = ~isna(base)
    if args.indicator:
        own = np.flatnonzero(named & (base != args.indicator) & isna(measure))
        if len(own):
            i = int(own[0])
            raise where.error(f"indicator={args.indicator!r} but the table says {base[i]!r}", i)
        fits = {
            title.indicator,
            *(lb.compose(title.indicator, "growth", b)[0] for b in ("", "real", "nominal")),
        }
        if title.indicator and args.indicator not in fits and not named.any():
            raise where.error(
                f"indicator={args.indicator!r} but the title names {lb.name_zh(title.indicator)} "
                f"({title.indicator}): which is it? Drop indicator= if the title is right",
                0,
            )
        base[~named] = args.indicator
    elif title.indicator:
        base[~named] = title.indicator
    if isna(base).any():
        i = int(np.flatnonzero(isna(base))[0])
        raise where.error(
            "no indicator: the table has no indicator column or indicator headers, and its title "
            "names none; pass indicator= (--indicator)",
            i,
        )
    said_basis = first(col["basis"], get["basis"], n=n)
    said_basis[isna(said_basis)] = basis or ""
    parts = [
        factorize(a) if said else (np.zeros(n, dtype=np.int64), [a[0] if n else None])
        for a, said in (
            (base, True),
            (measure, m_col is not None or m_row is not None),
            (said_basis, col["basis"] is not None or get["basis"] is not None),
        )
    ]
    combo = np.zeros(n, dtype=np.int64)
    for codes, uniques in parts:
        combo = combo * (len(uniques) + 1) + codes + 1
    c_codes, _ = pd.factorize(combo)
    firsts = np.zeros(c_codes.max() + 1 if n else 0, dtype=np.int64)
    firsts[c_codes[::-1]] = np.arange(n)[::-1]
    ids, whys = [], []
    for i in firsts:
        found, why = lb.compose(base[i], measure[i] or "", said_basis[i])
        ids.append(found)
        whys.append(why or "")
    ids, whys = np.array(ids, dtype=object)[c_codes], np.array(whys, dtype=object)[c_codes]
    if only.any():
        whys[only] = [
            f"{lb.name_zh(g)} is in the registry as a growth only ({g}): a level of it has no id"
            for g in ids[only]
        ]
    return ids, whys


def unit(
    frame, col, get, *, src_unit, cell_unit, table: Table, title: TitleFacts, args: Args, where
):
    """The unit of each value: the cell, the row (unit column, row label), the column head — two
    of these disagreeing is an error — then a section line or 单位 line, the title, ``unit=``.
    Rates (growth, shares) are in percent unless their cell or head says otherwise."""
    n = len(frame)
    ind = frame["indicator"].to_numpy(dtype=object)
    kinds = mapped(ind, lambda i: lb.kind_of(i) if isinstance(i, str) else None)
    rate, per_head = kinds == "rate", kinds == "per_capita"
    cell_ids = np.full(n, None, dtype=object)
    said = np.flatnonzero(~isna(cell_unit))
    cell_ids[said] = [lb.unit_id(u) for u in cell_unit[said]]
    bad = np.flatnonzero(~isna(cell_unit) & isna(cell_ids))
    if len(bad):
        i = int(bad[0])
        raise where.error(
            f"{frame['raw'].iat[i]!r} is not a number ({cell_unit[i]!r} is no unit)", i
        )
    get = {k: (v if v is not None else np.full(n, None, dtype=object)) for k, v in get.items()}
    col = {k: (v if v is not None else np.full(n, None, dtype=object)) for k, v in col.items()}
    weak = (
        mapped(src_unit, lambda s: s in _WEAK, bool)
        if src_unit is not None
        else np.zeros(n, dtype=bool)
    )
    row_ids = np.where(weak, None, get["unit"])
    own = mapped(ind, lambda i: lb.canonical_unit(i) if isinstance(i, str) else None)
    dims = lb.unit_dimensions()
    fits = mapped(row_ids, lambda u: dims.get(u, 0)) == mapped(own, lambda u: dims.get(u, 1))
    row_ids = np.where(rate & ~fits, None, row_ids)  # a bulletin row's 亿元 is its level's
    unit = np.full(n, None, dtype=object)
    text = np.full(n, None, dtype=object)
    source = np.full(n, None, dtype=object)
    have = np.zeros(n, dtype=bool)
    for ids, texts, name in (
        (cell_ids, cell_unit, "the cell"),
        (row_ids, get["unit_text"], "the row"),
        (col["unit"], col["unit_text"], "the column header"),
    ):
        has = ~isna(ids)
        if not has.any():
            continue
        clash = np.flatnonzero(has & have & (unit != ids))
        if len(clash):
            i = int(clash[0])
            raise where.error(
                f"two units for one value: {text[i]!r} ({source[i]}) and {texts[i]!r} ({name})", i
            )
        take = has & ~have
        unit[take], text[take], source[take] = ids[take], texts[take], name
        have |= take
    pct = rate & ~have
    unit[pct] = own[pct]
    text[pct] = [lb.unit_symbol(u) for u in own[pct]]
    source[pct] = "a rate"
    have |= pct
    defaults = [(np.where(weak, get["unit"], None), get["unit_text"], "a line above")]
    if table.unit:
        uid, written, line = table.unit
        defaults.append(
            (
                np.full(n, uid, dtype=object),
                np.full(n, written, dtype=object),
                table.unit_said or f"the 单位 line (row {line})",
            )
        )
    if title.unit:
        defaults.append(
            (
                np.full(n, title.unit[0], dtype=object),
                np.full(n, title.unit[1], dtype=object),
                "the title",
            )
        )
    for ids, texts, name in defaults:
        take = ~isna(ids) & ~have & ~per_head
        unit[take], text[take], source[take] = ids[take], texts[take], name
        have |= take
    if args.unit:
        written, uid = args.unit
        said = np.flatnonzero(have & (unit != uid) & ~rate)
        said = said[source[said] != "a rate"]
        if len(said):
            i = int(said[0])
            raise where.error(
                f"unit={written!r} but {source[i]} says {text[i]!r}: which is it? Drop unit= "
                "(--unit) if the table is right",
                i,
            )
        take = ~have & ~per_head
        unit[take], text[take], source[take] = uid, written, "unit="
        have |= take
    pct = frame["percent"].to_numpy(dtype=bool) & ~have
    unit[pct], text[pct], source[pct] = "pct", "%", "the '%' in the cell"
    have |= pct
    if not have.all():
        i = int(np.flatnonzero(~have)[0])
        if per_head[i]:
            head = where.ref(i)
            role = f"{lb.name_zh(ind[i])}({lb.unit_symbol(lb.canonical_unit(ind[i]))})"
            raise where.error(
                f"no unit for {ind[i]!r}: a per-head value, and the table's unit is for its "
                f"totals; give the column its unit: columns={{{head!r}: {role!r}}} "
                f"(--column '{head}={role}')",
                i,
            )
        raise where.error(
            f"no unit for {ind[i]!r}: expected a unit column, a unit in the head such as "
            "'(万元)', a '单位：' line, or unit= (--unit)",
            i,
        )
    return unit, text
