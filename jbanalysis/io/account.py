"""The account of one read: rows in = rows used + rows rejected, with the reason for each."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReadReport:
    """What went in and what came out of :func:`read_table` (``result.attrs["report"]``).

    rows_in = rows_used + rows_rejected; ``rejected`` lists (row, reason) for every row left out,
    ``ignored_columns`` (column, reason) every column left out, ``notes`` what else was decided
    (the sheet read, the encoding, where the unit or the district came from).

    >>> r = ReadReport("gdp.csv", "districts_rows", "utf-8", rows_in=3, rows_used=2, rejected=[(4, "total row '合计'")])
    >>> r.rows_in == r.rows_used + r.rows_rejected
    True
    """

    file: str
    layout: str = ""
    encoding: str = ""
    rows_in: int = 0
    rows_used: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    ignored_columns: list[tuple[str, str]] = field(default_factory=list)
    values: int = 0
    missing_cells: int = 0
    sheet: str = ""
    header_row: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    @property
    def rejected_columns(self) -> list[str]:
        """Names of the columns left out (totals, targets, parents; see ``ignored_columns``)."""
        return [name for name, _ in self.ignored_columns]

    def __str__(self) -> str:
        where = f"sheet {self.sheet!r}, " if self.sheet else ""
        lines = [
            f"{self.file}: {self.layout} table ({where}{self.encoding}): {self.rows_in} rows in = "
            f"{self.rows_used} used + {self.rows_rejected} rejected; "
            f"{self.values} values, {self.missing_cells} missing cells (not zero)"
        ]
        lines += [f"  row {row}: rejected: {why}" for row, why in self.rejected]
        lines += [f"  column {name!r}: ignored: {why}" for name, why in self.ignored_columns]
        lines += [f"  note: {text}" for text in self.notes]
        return "\n".join(lines)
