"""An Excel workbook (.xlsx) as a grid: the right sheet, the cells as they show, only real content.

* The sheet: ``sheet=`` by name, or by position as Excel users count (1 = the first sheet); else
  the active sheet if it is visible and holds a table, else the first visible sheet that does.
  Chart sheets and pages without a table (a cover, a contents page) are passed over, and said.
  Every sheet error lists the workbook's sheets and which of them hold tables.
* Cells as they show: the number format's meaning is applied to the stored number (a ``%``
  format ×100, a literal ``"%"`` not, scaling commas ÷1,000 each; :mod:`jbanalysis.io.formats`);
  an error value (``#REF!``) and a formula saved without its result are kept as such, to be
  refused where a number is expected.
* Merged cells: the value of a merged range is the value of each of its cells, across and down.
* Hidden rows and columns are left out (what Excel shows is what is read), and said which.
* Only real content: rows are read from the sheet's XML as they are stored, so a formatted cell a
  million rows below the data costs one row, not a million.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io import formats
from jbanalysis.io.grid import ExcelError, Grid, MissingFormula, column_letter


def read_workbook(path: Path, sheet: str | int | None) -> Grid:
    from openpyxl import load_workbook

    with warnings.catch_warnings(record=True) as caught, open(path, "rb") as handle:
        warnings.simplefilter("always")
        try:
            # a file object: openpyxl would refuse a workbook named .csv by its name alone
            book = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises several types for a damaged workbook
            raise DataError(
                f"cannot read the workbook ({type(exc).__name__}: {exc}); open it in Excel or "
                "LibreOffice and save it again as .xlsx",
                file=path,
            ) from None
        try:
            grid = _choose_sheet(book, path, sheet)
        finally:
            book.close()
    grid.notes += [f"openpyxl: {w.message}" for w in caught]
    return grid


def _sheet_kinds(book) -> dict[str, str]:
    charts = {cs.title for cs in getattr(book, "chartsheets", [])}
    kinds = {}
    for name in book.sheetnames:
        if name in charts:
            kinds[name] = "chart"
        else:
            kinds[name] = "sheet" if book[name].sheet_state == "visible" else "hidden"
    return kinds


def _position(book, path: Path, sheet) -> str:
    names = book.sheetnames
    if isinstance(sheet, str) and sheet in names:
        return sheet
    if isinstance(sheet, str) and sheet.strip().isdigit():
        sheet = int(sheet)
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 1 <= sheet <= len(names):
            return names[sheet - 1]
        start = " (sheets count from 1, as in Excel)" if sheet == 0 else ""
        raise DataError(
            f"sheet={sheet}{start}: the workbook has {len(names)} sheet(s); {summary(book, path)}",
            file=path,
        )
    raise DataError(f"no sheet {sheet!r}; {summary(book, path)}", file=path)


def _choose_sheet(book, path: Path, sheet) -> Grid:
    kinds = _sheet_kinds(book)
    names = book.sheetnames
    if sheet is not None:
        name = _position(book, path, sheet)
        if kinds[name] == "chart":
            raise DataError(
                f"sheet {name!r} is a chart, not a table; {summary(book, path)}", file=path
            )
        grid = sheet_grid(book[name], path, names.index(name) + 1)
        if kinds[name] == "hidden":
            grid.notes.append(f"sheet {name!r} is hidden in the workbook (read because asked)")
        if not holds_table(grid):
            raise DataError(f"sheet {name!r} holds no table; {summary(book, path)}", file=path)
        return grid
    visible = [n for n in names if kinds[n] == "sheet"]
    active = book.active.title if book.active is not None else ""
    order = [n for n in visible if n == active] + [n for n in visible if n != active]
    passed, chosen = [], None
    for name in order:
        grid = sheet_grid(book[name], path, names.index(name) + 1)
        if holds_table(grid):
            chosen = grid
            break
        passed.append(name)
    if chosen is None:
        raise DataError(f"no table found in the workbook; {summary(book, path)}", file=path)
    grid = chosen
    if passed:
        grid.notes.append(
            f"sheet(s) {', '.join(map(repr, passed))} hold no table (a cover or contents page?): "
            f"read sheet {grid.sheet!r}"
        )
    charts = [n for n in names if kinds[n] == "chart"]
    if charts:
        grid.notes.append(f"chart sheet(s) {', '.join(map(repr, charts))} passed over")
    hidden = [n for n in names if kinds[n] == "hidden"]
    if hidden:
        grid.notes.append(f"hidden sheet(s) {', '.join(map(repr, hidden))} not read")
    others = [n for n in visible if n not in passed and n != grid.sheet]
    if others:
        where = ", ".join(f"{names.index(n) + 1} {n!r}" for n in others)
        grid.notes.append(f"the workbook has more sheets ({where}): read them with sheet=")
    return grid


def holds_table(grid: Grid) -> bool:
    """Whether a sheet holds a table: a header the reader recognises above numbers."""
    from jbanalysis.io.header import find_tables

    try:
        return bool(find_tables(grid, quiet=True))
    except DataError:
        return False


def summary(book, path: Path) -> str:
    """The workbook's sheets, numbered as Excel users count them, and which hold tables."""
    kinds = _sheet_kinds(book)
    parts = []
    for i, name in enumerate(book.sheetnames, start=1):
        kind = kinds[name]
        if kind == "chart":
            what = "a chart"
        else:
            has = holds_table(sheet_grid(book[name], path, i))
            what = "a table" if has else "no table"
            if kind == "hidden":
                what += ", hidden"
        parts.append(f"{i} {name!r} ({what})")
    return "the workbook's sheets: " + ", ".join(parts) + "; pass sheet= a name or a number"


def sheet_grid(ws, path: Path, position: int = 0) -> Grid:
    """One sheet as a grid of what it shows: merged ranges filled, hidden rows and columns out."""
    rows: list[int] = []
    data: list[dict[int, object]] = []
    styles: dict[int, str] = {}
    odd: dict[str, set[str]] = {}
    with ws.parent._archive.open(ws._worksheet_path) as src:
        parser = _parser(ws, src)
        for number, cells in parser.parse():
            values = {}
            for cell in cells:
                value = _cell_value(ws, cell, styles, odd)
                if value != "":
                    values[cell["column"] - 1] = value
            if values:
                rows.append(number)
                data.append(values)
    _fill_merged(parser, rows, data)
    hidden_rows = {
        int(r) for r, a in parser.row_dimensions.items() if a.get("hidden") in ("1", "true")
    }
    hidden_cols = _hidden_columns(parser)
    notes = []
    keep = [i for i, r in enumerate(rows) if r not in hidden_rows]
    shown_hidden = sorted(r for r in rows if r in hidden_rows)
    if shown_hidden:
        notes.append(
            f"hidden row(s) {', '.join(map(str, shown_hidden))} left out (the table is read as "
            "Excel shows it; unhide them and save to read them)"
        )
    width = max((max(d) + 1 for d in data), default=0)
    columns = [c for c in range(width) if c not in hidden_cols]
    cut = sorted(c for c in hidden_cols if c < width and any(c in data[i] for i in keep))
    if cut:
        notes.append(
            f"hidden column(s) {', '.join(column_letter(c) for c in cut)} left out (the table is "
            "read as Excel shows it; unhide them and save to read them)"
        )
    for fmt, where in odd.items():
        how = formats.meaning(fmt)
        notes.append(f"cells {', '.join(sorted(where)[:6])}: {how.describe(fmt)}")
    matrix = [[data[i].get(c, "") for c in columns] for i in keep]
    cells = pd.DataFrame(matrix, dtype=object) if matrix else pd.DataFrame(dtype=object)
    return Grid(
        path,
        cells,
        np.array([rows[i] for i in keep], dtype=int),
        "xlsx",
        encoding="xlsx",
        sheet=ws.title,
        notes=notes,
        columns=np.array(columns, dtype=int),
        sheet_position=position,
    )


def _hidden_columns(parser) -> set[int]:
    out: set[int] = set()
    for attrs in parser.column_dimensions.values():
        if attrs.get("hidden") in ("1", "true"):
            out.update(range(int(attrs["min"]) - 1, int(attrs.get("max", attrs["min"]))))
    return out


def _fill_merged(parser, rows: list[int], data: list[dict[int, object]]) -> None:
    """The value of a merged range in each of its cells (a merged 江北区 on each of its rows)."""
    merged = getattr(parser, "merged_cells", None)
    if not merged:
        return
    from openpyxl.utils.cell import range_boundaries

    at = {r: i for i, r in enumerate(rows)}
    for rng in merged.mergeCell:
        c1, r1, c2, r2 = range_boundaries(rng.ref)
        first = at.get(r1)
        value = data[first].get(c1 - 1, "") if first is not None else ""
        if value == "":
            continue
        # a title or a note merged across the sheet is one line, not a head over each column
        line = all(_one_line(data[at[r]], c1 - 1, c2) for r in range(r1, r2 + 1) if r in at)
        last = c1 if line else c2
        for r in range(r1, r2 + 1):
            if r not in at:
                continue
            row = data[at[r]]
            for c in range(c1 - 1, last):
                row.setdefault(c, value)


def _one_line(row: dict[int, object], start: int, end: int) -> bool:
    """A row with nothing outside ``start:end`` but a 单位 line: a title or a note line."""
    from jbanalysis.io.labels import unit_row

    return all(start <= c < end or (isinstance(v, str) and unit_row(v)) for c, v in row.items())


def _parser(ws, src):
    """openpyxl's own sheet parser (``WorkSheetParser``, the one its read-only worksheets use)
    with one addition: a formula cell keeps its formula when no result was saved."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None:
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["formula"] = "=" + (formula.text or "")
            return cell

    book = ws.parent
    return Parser(
        src,
        ws._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )


def _cell_value(ws, cell: dict, styles: dict[int, str], odd: dict[str, set[str]]):
    value, kind = cell["value"], cell["data_type"]
    if value is None:
        return MissingFormula(cell["formula"]) if "formula" in cell else ""
    if kind == "e":
        return ExcelError(str(value))
    if kind == "s":
        return str(value)
    if kind == "n" and isinstance(value, int | float):
        style = cell.get("style_id") or 0
        if style:
            if style not in styles:
                from openpyxl.cell.read_only import ReadOnlyCell

                styles[style] = ReadOnlyCell(ws, 1, 1, None, "n", style).number_format
            how = formats.meaning(styles[style])
            if not how.plain:
                if not how.percent:  # a percent format is ordinary; the others are said
                    odd.setdefault(styles[style], set()).add(
                        f"{column_letter(cell['column'] - 1)}{cell['row']}"
                    )
                return formats.shown(value, how)
        return value
    if kind == "b":
        return bool(value)
    return value  # dates stay dates: refused where a number or year is expected
