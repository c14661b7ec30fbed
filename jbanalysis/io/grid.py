"""The file as a grid of cells, before any header is interpreted, and where each cell sits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd


class ExcelError(str):
    """An Excel error value (``#REF!``) read from a workbook cell."""


class MissingFormula(str):
    """A formula cell saved without its result (the text is the formula)."""


@dataclass
class Grid:
    """Cells as read: ``cells`` (object DataFrame, ``""`` = empty; numbers stay numbers in
    workbooks), ``rows`` the 1-based row number of each grid row as an editor shows it."""

    path: Path
    cells: pd.DataFrame
    rows: np.ndarray
    kind: str  # csv or xlsx
    encoding: str = ""
    sheet: str = ""
    separator: str = ","
    notes: list[str] = field(default_factory=list)

    def row(self, pos: int) -> int:
        return int(self.rows[pos])

    def ref(self, pos: int, col: int, header: str) -> str:
        """Where a cell stands in the original: ``Sheet1!C7`` or ``row 7:2020年``."""
        if self.kind == "xlsx":
            from openpyxl.utils import get_column_letter

            return f"{self.path.name}:{self.sheet}!{get_column_letter(col + 1)}{self.row(pos)}"
        return f"{self.path.name}:row {self.row(pos)}:{header}"
