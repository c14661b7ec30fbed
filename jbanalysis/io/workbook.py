"""An Excel workbook (.xlsx) as a grid: the right sheet, the cells as they show, only real content.

* The sheet: ``sheet=`` (name or position), else the active sheet if it is visible, else the first
  visible one; a sheet without a table (a cover page) is passed over for the one sheet that has one.
* Cells as they show: a percent-formatted 0.038 is ``3.8%``; an error value (``#REF!``) and a
  formula saved without its result are kept as such, to be refused where a number is expected.
* Only real content: rows are read from the sheet's XML as they are stored, so a formatted cell a
  million rows below the data costs one row, not a million (openpyxl's read-only mode would pad
  the gap up to the sheet's declared dimensions).
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io.grid import ExcelError, Grid, MissingFormula


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


def _choose_sheet(book, path: Path, sheet) -> Grid:
    names = book.sheetnames
    states = {ws.title: ws.sheet_state for ws in book.worksheets}
    if sheet is not None:
        if isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise DataError(
                    f"sheet={sheet}: the workbook has {len(names)} sheet(s): {', '.join(names)}",
                    file=path,
                )
            name = names[sheet]
        elif sheet in names:
            name = sheet
        else:
            raise DataError(f"no sheet {sheet!r}; the workbook has: {', '.join(names)}", file=path)
        grid = _sheet_grid(book[name], path)
        if states.get(name) != "visible":
            grid.notes.append(f"sheet {name!r} is hidden in the workbook (read because asked)")
        return grid
    visible = [n for n in names if states.get(n) == "visible"]
    if not visible:
        raise DataError("the workbook has no visible sheet; pass sheet=", file=path)
    active = book.active.title if book.active is not None else visible[0]
    first = active if active in visible else visible[0]
    order = [first, *[n for n in visible if n != first]]
    hidden = [n for n in names if n not in visible]
    grids = {}
    for name in order:
        grid = _sheet_grid(book[name], path)
        if _has_table(grid):
            grids[name] = grid
            break
        grids[name] = None
    found = [n for n, g in grids.items() if g is not None]
    if not found:
        raise DataError(
            f"no table found in the visible sheet(s) {', '.join(map(repr, visible))} "
            "(no row with two or more filled cells); pass sheet=",
            file=path,
        )
    name = found[0]
    grid = grids[name]
    skipped = [n for n in grids if n != name]
    if skipped:
        grid.notes.append(
            f"sheet(s) {', '.join(map(repr, skipped))} hold no table (a cover page?): read sheet {name!r}"
        )
    if hidden:
        grid.notes.append(f"hidden sheet(s) {', '.join(map(repr, hidden))} not read")
    others = [n for n in visible if n not in grids]
    if others:
        grid.notes.append(
            f"the workbook has more sheets ({', '.join(map(repr, others))}): read them with sheet="
        )
    return grid


def _has_table(grid: Grid) -> bool:
    filled = (grid.cells != "").sum(axis=1)
    return bool((filled >= 2).any())


def _sheet_grid(ws, path: Path) -> Grid:
    rows: list[int] = []
    data: list[list] = []
    formats: dict[int, str] = {}
    for number, cells in _xml_rows(ws):
        values = {}
        for cell in cells:
            value = _cell_value(ws, cell, formats)
            if value != "":
                values[cell["column"] - 1] = value
        if not values:
            continue  # a row of formatting only: no content
        width = max(values) + 1
        row = [""] * width
        for col, value in values.items():
            row[col] = value
        rows.append(number)
        data.append(row)
    width = max((len(r) for r in data), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in data], dtype=object)
    grid = Grid(path, cells, np.array(rows, dtype=int), "xlsx", encoding="xlsx", sheet=ws.title)
    return grid


def _xml_rows(ws):
    """(row number, cell dicts) of the rows stored in the sheet's XML, gaps not filled in.

    Uses openpyxl's own sheet parser (``WorkSheetParser``, the one its read-only worksheets use)
    with one addition: a formula cell keeps its formula when no result was saved.
    """
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
    with book._archive.open(ws._worksheet_path) as src:
        parser = Parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        yield from parser.parse()


def _cell_value(ws, cell: dict, formats: dict[int, str]):
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
            if style not in formats:
                from openpyxl.cell.read_only import ReadOnlyCell

                formats[style] = ReadOnlyCell(ws, 1, 1, None, "n", style).number_format
            if "%" in formats[style]:
                # as the cell shows it: 0.038 formatted 0.0% is 3.8%, exactly
                return f"{Decimal(repr(float(value))).scaleb(2).normalize():f}%"
        return value
    if kind == "b":
        return bool(value)
    return value  # dates stay dates: refused where a number or year is expected
