"""The file as a grid of cells, before any header is interpreted, and where each cell sits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.io.codes import factorize


class ExcelError(str):
    """An Excel error value (``#REF!``) read from a workbook cell."""


class MissingFormula(str):
    """A formula cell saved without its result (the text is the formula)."""


def column_letter(index: int) -> str:
    """Excel's letter of a 0-based column index.

    >>> column_letter(0), column_letter(26), column_letter(702)
    ('A', 'AA', 'AAA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Grid:
    """Cells as read: ``cells`` (object DataFrame, ``""`` = empty; numbers stay numbers in
    workbooks), ``rows`` the 1-based row number of each grid row as an editor shows it,
    ``columns`` the 0-based column of each grid column in the original (hidden columns of a
    workbook are not in the grid)."""

    path: Path
    cells: pd.DataFrame
    rows: np.ndarray
    kind: str  # csv or xlsx
    encoding: str = ""
    sheet: str = ""
    separator: str = ","
    notes: list[str] = field(default_factory=list)
    columns: np.ndarray | None = None
    sheet_position: int = 0

    def codes(self, col: int, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
        """The cells of column ``col``, rows ``start:end``, factorized (codes, distinct values);
        computed once, since the reader asks for a key column's labels several times."""
        cache = self.__dict__.setdefault("_codes", {})
        key = (col, start, end)
        if key not in cache:
            values = self.cells.iloc[start:end, col].to_numpy(dtype=object)
            cache[key] = factorize(values, use_na_sentinel=False)
        return cache[key]

    def values(self) -> np.ndarray:
        """The cells as one object array (made once: the reader looks at it several times)."""
        if self.__dict__.get("_values") is None:
            self._values = self.cells.to_numpy(dtype=object)
        return self._values

    def set_cell(self, pos: int, col: int, value) -> None:
        """Write a cell (a merged cell's value below it), forgetting what was computed from it."""
        self.cells.iat[pos, col] = value
        if self.__dict__.get("_values") is not None:
            self._values[pos, col] = value
        cache = self.__dict__.get("_codes", {})
        for key in [k for k in cache if k[0] == col]:
            del cache[key]

    def row(self, pos: int) -> int:
        return int(self.rows[pos])

    def letter(self, col: int) -> str:
        """The original column of grid column ``col``: ``C`` in a workbook, ``#3`` in a CSV."""
        original = int(self.columns[col]) if self.columns is not None else col
        return column_letter(original) if self.kind == "xlsx" else f"#{original + 1}"

    def ref(self, pos: int, col: int, header: str) -> str:
        """Where a cell stands in the original: ``book.xlsx:Sheet1!C7`` or ``a.csv:row 7:2020年``."""
        if self.kind == "xlsx":
            return f"{self.path.name}:{self.sheet}!{self.letter(col)}{self.row(pos)}"
        return f"{self.path.name}:row {self.row(pos)}:{header}"

    @property
    def file(self) -> Path | str:
        """The file as errors name it: with its sheet, for a workbook."""
        return f"{self.path}, sheet {self.sheet!r}" if self.kind == "xlsx" else self.path
