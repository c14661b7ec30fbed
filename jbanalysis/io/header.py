"""Where the tables are in a grid: their title lines, header rows and bodies.

A header row is a row of two or more heads the reader recognises (地区, 2024年, 比上年增长(%), an
indicator, a district, 位次 …) with no numbers in it but years. Up to three rows below it belong to
the header when they carry heads under it (绝对值 | 增长%, 总量 | 人均, a row of units, an English
translation) and no numbers: a multi-row header, whose cells are read top to bottom as one path per
column (a head that spans several columns, merged or written once, is the top of each of them).

Lines above a header are its title (a year, a district, an indicator, a period, a unit, a
yearbook edition, a price basis). A sheet may hold several tables, one below the other: a new
table starts where a header row follows an empty line, a title line or a note. Each is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.grid import ExcelError, Grid, MissingFormula
from jbanalysis.io.heads import Facets, read_head
from jbanalysis.io.numbers import MISSING_TOKENS

HEAD_SCAN = 60
MAX_SUB = 3
SMALL = 5000  # rows: a sheet this size may hold several tables with titles (a long table, one)
_NUMERIC = re.compile(r"^\s*[+\-−]?[\d,，.]+\s*%?\s*$")


@dataclass
class Table:
    head: list[int]  # grid positions of the header rows
    start: int  # first body row (grid position)
    end: int  # one past the last body row
    title: list[str] = field(default_factory=list)
    unit: tuple[str, str, int] | None = None  # a 单位 line above the header: id, as written, row
    paths: list[list[str]] = field(default_factory=list)  # per grid column, top to bottom
    context: list[str] = field(default_factory=list)  # the sheet's lines above its first table
    unit_said: str = ""  # where ``unit`` came from, when not a 单位 line (a note: 注：单位为亿元)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if isinstance(value, str) and value == "" else str(value).strip()


def _year_like(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and 1949 <= value <= 2100
    return bool(re.fullmatch(r"(19[4-9]\d|20\d\d)(\.0)?", str(value).strip()))


def recognised(f: Facets) -> bool:
    """Whether a head says something the reader knows (and nothing it does not)."""
    if f.unknown:
        return False
    return bool(
        f.key
        or f.district
        or f.year is not None
        or f.period
        or f.relative is not None
        or f.indicator
        or f.measure
        or f.ignore
        or f.unit
        or f.group
    )


def _cells(row) -> list[str] | None:
    """The texts of a row's filled cells, or None when it holds a number that is not a year or
    a missing-value mark (then it is a body row, not a header)."""
    texts = []
    for value in row:
        if isinstance(value, str) and value == "":
            continue
        if _year_like(value):
            texts.append(_text(value))
            continue
        if not isinstance(value, str) or isinstance(value, ExcelError | MissingFormula):
            return None  # a number, a date, an Excel error, a formula: a body row
        text = value.strip()
        if not text:
            continue
        if text.casefold() in MISSING_TOKENS or (_NUMERIC.match(text) and not _year_like(text)):
            return None
        texts.append(text)
    return texts


def header_like(row) -> bool:
    texts = _cells(row)
    if texts is None:
        return False
    rest = [t for t in texts if not lb.unit_row(t)]
    return len(rest) >= 2 and any(recognised(read_head(t)) for t in rest)


def _sub_header(row, above) -> bool:
    texts = _cells(row)
    if not texts:
        return False
    first = _text(row[0]) if len(row) else ""
    if first and first != _text(above[0]) and not first.isascii() and not lb.unit_row(first):
        return False
    later = [_text(v) for v in row[1:] if _text(v)]
    return bool(later) and any(recognised(read_head(t)) for t in later)


def find_tables(grid: Grid, quiet: bool = False) -> list[Table]:
    """The tables of a grid, top to bottom. ``quiet``: return [] where there is none (to tell a
    sheet with a table from a cover page) instead of raising."""
    values = grid.values()
    n = len(values)
    if not n:
        if quiet:
            return []
        raise DataError("no table found (the sheet is empty)", file=grid.file)
    filled = filled_cells(grid)
    first = _first_header(values, filled[:HEAD_SCAN])
    if first is None:
        if quiet:
            return []
        raise DataError("no table found (no row with two or more filled cells)", file=grid.file)
    candidates = _later_headers(values, filled, first)
    tables: list[Table] = []
    header, top = first, 0
    while header is not None:
        head_end = _head_rows(values, header, n)[-1]
        nxt = next((c for c in candidates if c > head_end), None)
        bottom = _title_start(values, nxt) if nxt is not None else n
        table = _table(grid, values, top, header, bottom)
        table.context = list(tables[0].title) if tables else []
        tables.append(table)
        header, top = nxt, bottom
    if quiet:
        tables = [t for t in tables if _has_numbers(values, t)]
    return tables


def _head_rows(values, header: int, bottom: int) -> list[int]:
    head = [header]
    while len(head) <= MAX_SUB and head[-1] + 1 < bottom:
        if not _sub_header(values[head[-1] + 1], values[head[-1]]):
            break
        head.append(head[-1] + 1)
    return head


def _first_header(values, filled) -> int | None:
    fallback = None
    for pos in range(len(filled)):
        count = int(filled[pos].sum())
        if count < 2:
            continue
        if header_like(values[pos]):
            return pos
        texts = _cells(values[pos])
        if (
            fallback is None
            and texts is not None
            and len([t for t in texts if not lb.unit_row(t)]) >= 2
        ):
            fallback = pos
    return fallback


def filled_cells(grid: Grid) -> np.ndarray:
    """Which cells hold something (computed once per grid: the reader asks several times)."""
    if getattr(grid, "_filled", None) is None:
        grid._filled = grid.values() != ""
    return grid._filled


def _later_headers(values, filled, first: int) -> list[int]:
    """Rows below the first header that could start a table: a header-like row after an empty
    line or a one-cell line (a title, a note), or with an empty first cell."""
    if not filled.shape[1]:
        return []
    count = filled.sum(axis=1)
    lines = count.copy()
    if len(values) <= SMALL:  # a title row may end in 单位：亿元: one line of text all the same
        for r in np.flatnonzero(count >= 2):
            lines[r] = sum(
                1 for v in values[r] if _text(v) and not (isinstance(v, str) and lb.unit_row(v))
            )
    before = np.concatenate([[2], lines[:-1]])
    cand = np.flatnonzero((count >= 2) & ((before <= 1) | ~filled[:, 0]))
    return [int(p) for p in cand if p > first and header_like(values[p])]


def _title_start(values, header: int) -> int:
    """The first of the one-cell lines right above a header (its title; a 单位 cell beside it
    is part of it), empty lines skipped."""
    pos = header
    while pos > 0:
        row = values[pos - 1]
        texts = [t for t in (_text(v) for v in row) if t and not lb.unit_row(t)]
        if len(texts) > 1 or (texts and lb.is_note(texts[0])):
            break
        pos -= 1
    return pos


def _table(grid: Grid, values, top: int, header: int, bottom: int) -> Table:
    head = _head_rows(values, header, bottom)
    title, unit = [], None
    for pos in range(top, header):
        for value in values[pos]:
            text = _text(value)
            if not text:
                continue
            written = lb.unit_row(text)
            if written:
                unit = _table_unit(grid, pos, written, unit)
            else:
                title.append(text)
    width = values.shape[1]
    rows = [[_text(values[h][j]) for j in range(width)] for h in head]
    for k in range(len(rows) - 1):  # a head written once over the columns it spans
        for j in range(1, width):
            below = any(rows[m][j] for m in range(k + 1, len(rows)))
            if not rows[k][j] and rows[k][j - 1] and below and j - 1 > 0:
                rows[k][j] = rows[k][j - 1]
    paths = [[rows[k][j] for k in range(len(rows))] for j in range(width)]
    return Table(head, head[-1] + 1, bottom, title, unit, paths)


def _table_unit(grid: Grid, pos: int, written: str, current):
    unit = lb.unit_id(written)
    if unit is None:
        from jbanalysis.registry.indicators import resolve_unit

        try:
            resolve_unit(written)
        except Exception as exc:
            raise DataError(f"{exc}", file=grid.file, row=grid.row(pos)) from None
    if current and current[0] != unit:
        raise DataError(
            f"two units for the table: {current[1]!r} (row {current[2]}) and {written!r}",
            file=grid.file,
            row=grid.row(pos),
        )
    return (unit, written, grid.row(pos))


def _has_numbers(values, table: Table) -> bool:
    """A table holds numbers under a head that is not a key, a rank or a row number."""
    heads = [read_head(" ".join(p)) for p in table.paths]
    cols = [j for j, f in enumerate(heads) if not f.key and not f.ignore]
    body = values[table.start : min(table.end, table.start + 200)]
    for row in body:
        for j in cols:
            if j < len(row) and _is_number(row[j]):
                return True
    return False


def _is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(_NUMERIC.match(value)) and value.strip() != ""
