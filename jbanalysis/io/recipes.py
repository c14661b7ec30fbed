"""A reading remembered for next year: the table's shape, its columns' roles, the caller's words.

``jbanalysis data add … --save-recipe NAME`` stores what this year's table looked like and how it
was read; next year's table of the same shape is read with ``--recipe NAME``: the same sheet, the
same column roles (``columns=`` said once is said again), the same ``indicator=``/``unit=``/
``district=``. Years in heads are kept relative to the table's latest year (``2024年`` in the
2024 table and ``2025年`` in the 2025 table are both ``{Y}年``), so a new year is the same shape.

A table whose layout changed is refused with what changed (a column added, removed or renamed,
a column now read as something else): its reading must be checked again (``--dry-run``) and the
recipe saved anew.

>>> relative("2024年 / 比2023年增长(%)", 2024)
'{Y}年 / 比{Y-1}年增长(%)'
>>> absolute("{Y-1}年", 2025)
'2024年'
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from jbanalysis.errors import DataError

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_SLOT = re.compile(r"\{Y([+-]\d+)?\}")
VERSION = 1


def relative(text: str, anchor: int | None) -> str:
    """``text`` with each year written relative to ``anchor`` (``{Y}``, ``{Y-1}``)."""
    if anchor is None:
        return text

    def slot(m: re.Match) -> str:
        k = int(m.group(1)) - anchor
        return "{Y}" if k == 0 else f"{{Y{k:+d}}}"

    return _YEAR.sub(slot, text)


def absolute(text: str, anchor: int | None) -> str:
    """``relative`` undone for the year ``anchor``."""
    if anchor is None:
        return text
    return _SLOT.sub(lambda m: str(anchor + int(m.group(1) or 0)), text)


@dataclass
class Recipe:
    """A saved reading. ``tables``: per table, its anchor year and each column's head (years
    relative) and role in short words; ``columns``: the roles the user gave (heads relative);
    ``args``: indicator, unit, district, decimal as given.

    Saved from a 2023 table whose year column was named by the user, it gives next year's table
    the same role, in its own year; a table of another shape is refused with what changed:

    >>> from jbanalysis.io.recipes import Recipe
    >>> head = {"heads": ["地区", "{Y}年"], "letters": ["#1", "#2"], "roles": []}
    >>> saved = Recipe("gdp", file="gdp_2023.csv", tables=[{**head, "year": 2023}],
    ...                columns={"{Y}年": "gdp(亿元)"})
    >>> saved.apply([{**head, "year": 2024}], {}, "gdp_2024.csv")
    {'2024年': 'gdp(亿元)'}
    >>> saved.apply([{**head, "heads": ["地区", "{Y}年", "位次"], "letters": ["#1", "#2", "#3"],
    ...               "year": 2024}], {}, "gdp_2024.csv")
    Traceback (most recent call last):
    ...
    jbanalysis.errors.DataError: gdp_2024.csv: the layout changed since recipe 'gdp' was saved (from gdp_2023.csv): column #3 is new ('位次'). Check the new reading with --dry-run (without --recipe) and save the recipe again with --save-recipe
    """

    name: str
    file: str = ""
    saved: str = ""
    sheet: str = ""
    sheet_position: int = 0
    tables: list[dict] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    args: dict[str, str] = field(default_factory=dict)
    version: int = VERSION

    @classmethod
    def from_read(cls, name: str, report, columns: dict[str, str] | None, args: dict) -> Recipe:
        spans = getattr(report, "_side_by_side", None)
        if spans:  # one recipe, one table: the shapes of tables side by side are not one table's
            raise DataError(
                f"recipe {name!r} not saved: a recipe remembers the reading of one table, and "
                f"this sheet holds {len(spans)} tables side by side (columns "
                f"{' and '.join(spans)}); give each table a sheet or a file of its own to keep a "
                "recipe for it",
                file=report.file,
            )
        anchor = report.shape[0]["year"] if report.shape else None
        return cls(
            name=name,
            file=report.file,
            saved=datetime.date.today().isoformat(),
            sheet=relative(report.sheet, anchor) if report.sheet else "",
            sheet_position=report.sheet_position,
            tables=[dict(t) for t in report.shape],
            columns={relative(k, anchor): relative(v, anchor) for k, v in (columns or {}).items()},
            args={k: v for k, v in args.items() if v not in (None, "", "auto")},
        )

    def sheet_for(self, path: Path, sheet):
        """The sheet to read: as asked, else the recipe's (by name, else by position)."""
        if sheet is not None or not self.sheet:
            return sheet
        from openpyxl import load_workbook

        from jbanalysis.io.files import SNIFF_BYTES, sniff_kind

        with open(path, "rb") as fh:
            if sniff_kind(path, fh.read(SNIFF_BYTES)) != "xlsx":
                return None
        book = load_workbook(path, read_only=True)
        try:
            names = book.sheetnames
        finally:
            book.close()
        if "{Y" not in self.sheet and self.sheet in names:
            return self.sheet
        parts = re.split(r"(\{Y(?:[+-]\d+)?\})", self.sheet)
        pattern = re.compile(
            "^"
            + "".join(r"(?:19|20)\d\d" if i % 2 else re.escape(p) for i, p in enumerate(parts))
            + "$"
        )
        same = [n for n in names if pattern.match(n)]
        if len(same) == 1:
            return same[0]
        return self.sheet_position or None

    def apply(self, shape: list[dict], overrides: dict[str, str], where: str) -> dict[str, str]:
        """The roles for a new table of this shape (``shape``: its tables' heads); refused, with
        what changed, where the layout is not the recipe's."""
        changes = compare(self.tables, shape)
        if changes:
            raise DataError(
                f"the layout changed since recipe {self.name!r} was saved (from {self.file}"
                + (f", {self.saved}" if self.saved else "")
                + "): "
                + "; ".join(changes[:8])
                + ("; …" if len(changes) > 8 else "")
                + ". Check the new reading with --dry-run (without --recipe) and save the recipe "
                "again with --save-recipe",
                file=where,
            )
        anchor = shape[0]["year"] if shape else None
        said = {absolute(k, anchor): absolute(v, anchor) for k, v in self.columns.items()}
        return {**said, **overrides}

    def check_roles(self, shape: list[dict], where: str) -> None:
        """After the read: every column read as the recipe read it."""
        changes = compare(self.tables, shape, roles=True)
        if changes:
            raise DataError(
                f"the table reads differently from recipe {self.name!r} (saved from {self.file}): "
                + "; ".join(changes[:8])
                + ". If the new reading is right (check it with --dry-run), save the recipe again",
                file=where,
            )

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        return path

    @classmethod
    def load(cls, path: Path) -> Recipe:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise DataError(f"recipe version {data.get('version')}, expected {VERSION}", file=path)
        return cls(**data)


def compare(old: list[dict], new: list[dict], roles: bool = False) -> list[str]:
    """What changed between two shapes, in words (empty: the same)."""
    if len(old) != len(new):
        return [f"{len(old)} table(s) then, {len(new)} now"]
    out = []
    for k, (a, b) in enumerate(zip(old, new, strict=True)):
        where = f"table {k + 1}: " if len(old) > 1 else ""
        heads_a, heads_b = a["heads"], b["heads"]
        for i in range(max(len(heads_a), len(heads_b))):
            ha = heads_a[i] if i < len(heads_a) else None
            hb = heads_b[i] if i < len(heads_b) else None
            letter = (b["letters"] + a["letters"])[i] if i < len(b["letters"]) else a["letters"][i]
            if ha is None:
                out.append(f"{where}column {letter} is new ({hb!r})")
            elif hb is None:
                out.append(f"{where}column {letter} ({ha!r}) is gone")
            elif ha != hb:
                out.append(f"{where}column {letter} was {ha!r}, now {hb!r}")
            elif roles and a["roles"][i] != b["roles"][i]:
                out.append(
                    f"{where}column {letter} {hb!r} was read as {a['roles'][i]}, now as {b['roles'][i]}"
                )
    return out


def heads_shape(grid, tables) -> list[dict]:
    """Each table's columns as a recipe compares them: head (years relative to the table's
    latest year in its heads, else its title's), and letter."""
    from jbanalysis.io import labels as lb
    from jbanalysis.io.titles import read_title

    out = []
    for table in tables:
        body = grid.cells.iloc[table.start : table.end]
        heads, letters = [], []
        for j, path in enumerate(table.paths):
            parts: list[str] = []
            for p in path:
                if p and (not parts or parts[-1] != p):
                    parts.append(p)
            head = " / ".join(parts)
            if not head and not (body[j] != "").any():
                continue
            heads.append(head)
            letters.append(grid.letter(j))
        years = [int(y) for h in heads for y in _YEAR.findall(h)]
        year = max(years) if years else read_title([*table.title, *table.context], grid.sheet).year
        out.append(
            {
                "year": year,
                "heads": [relative(lb.compact(h), year) for h in heads],
                "letters": letters,
                "roles": [],
            }
        )
    return out


def role_words(role, part, year) -> str:
    """A column's role in short words, years relative (what a recipe compares after a read)."""
    if role.kind not in ("data", "value"):
        return role.kind
    if part is None or not len(part):
        return "values: none"
    inds = sorted(pd.unique(part["indicator"].to_numpy(dtype=object)))
    what = inds[0] if len(inds) == 1 else "by row"
    years = sorted(int(y) for y in pd.unique(part["year"].to_numpy()))
    when = relative(str(years[0]), year) if len(years) == 1 else "by row"
    periods = "/".join(sorted(pd.unique(part["period"].to_numpy(dtype=object))))
    return f"{what} {when} {periods}"
