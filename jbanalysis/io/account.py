"""The account of one read: rows in = rows used + rows rejected, with the reason for each, and
what every column was read as, in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ColumnReading:
    """One column as read: where it is, its head as written, and its role in words."""

    letter: str
    head: str
    role: str  # district, year, indicator, unit, note, value, values, ignored
    words: str  # the reading in plain words
    override: str = ""  # the user's columns= word, if any

    def line(self) -> str:
        head = f" {self.head!r}" if self.head else ""
        said = " (as you said)" if self.override else ""
        return f"  column {self.letter}{head}: {self.words}{said}"


@dataclass
class ReadReport:
    """What went in and what came out of :func:`read_table` (``result.attrs["report"]``).

    rows_in = rows_used + rows_rejected; ``rejected`` lists (row, reason) for every row left out,
    ``ignored_columns`` (column, reason) every column left out, ``columns`` the reading of every
    column, ``left_out`` the cells left out (a measure the registry has no indicator for),
    ``notes`` what else was decided (the sheet read, the encoding, where the year, the unit or
    the district came from).

    >>> r = jb.io.ReadReport("gdp.csv", "districts_rows", "utf-8", rows_in=3, rows_used=2, rejected=[(4, "total row '合计'")])
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
    columns: list[ColumnReading] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    sheet_position: int = 0
    shape: list[dict] = field(default_factory=list)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    @property
    def rejected_columns(self) -> list[str]:
        """Names of the columns left out (totals, targets, parents; see ``ignored_columns``)."""
        return [name for name, _ in self.ignored_columns]

    def summary(self) -> str:
        where = f"sheet {self.sheet!r}, " if self.sheet else ""
        return (
            f"{self.file}: {self.layout} table ({where}{self.encoding}): {self.rows_in} rows in = "
            f"{self.rows_used} used + {self.rows_rejected} rejected; "
            f"{self.values} values, {self.missing_cells} missing cells (not zero)"
        )

    def explain(self) -> str:
        """The reading in plain words: every column's role, then the account of the rows."""
        lines = [self.summary()]
        if len(self.tables) > 1:
            lines += [f"  table {k}: {t}" for k, t in enumerate(self.tables, start=1)]
        lines += [c.line() for c in self.columns]
        lines += self._rest()
        return "\n".join(lines)

    def _rest(self) -> list[str]:
        lines = [f"  row {row}: rejected: {why}" for row, why in self.rejected]
        shown = {c.head for c in self.columns}
        lines += [
            f"  column {name!r}: ignored: {why}"
            for name, why in self.ignored_columns
            if name not in shown
        ]
        lines += [f"  left out: {where}: {why}" for where, why in self.left_out[:20]]
        if len(self.left_out) > 20:
            lines.append(f"  left out: … {len(self.left_out) - 20} more cells")
        lines += [f"  note: {text}" for text in self.notes]
        return lines

    def __str__(self) -> str:
        lines = [self.summary()]
        lines += [f"  row {row}: rejected: {why}" for row, why in self.rejected]
        lines += [f"  column {name!r}: ignored: {why}" for name, why in self.ignored_columns]
        lines += [f"  left out: {where}: {why}" for where, why in self.left_out[:20]]
        if len(self.left_out) > 20:
            lines.append(f"  left out: … {len(self.left_out) - 20} more cells")
        lines += [f"  note: {text}" for text in self.notes]
        return "\n".join(lines)
