"""Where the table is in the grid and what each column and row is.

The header is the first row with two or more filled cells that names a role (地区, 年份, 指标,
a year, a district, an indicator); title lines and ``单位：亿元`` lines above it are read for the
table's unit, district and year. A second header row below it (years under a merged indicator,
units, or 绝对值 | 比上年增长) is folded into the first.

Columns are *keys* (district, year, indicator, value, unit, note) or *data* (a year, a district,
an indicator, a growth rate, or a combination), or left out with a reason (totals, plan targets,
a parent area such as 地区 = 重庆市 beside 区县, a grouping such as 区域 = 中心城区).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.grid import Grid
from jbanalysis.names import normalise

HEADER_SCAN = 40


@dataclass
class Column:
    """One column: its position, header as written, and what it holds."""

    pos: int
    header: str
    role: str  # district/year/indicator/value/unit/note (keys), data, skip, blank, unknown
    unit: str | None = None
    unit_text: str | None = None
    district: str | None = None
    year: int | None = None
    period: str = "Y"
    indicator: str | None = None
    growth: bool = False
    estimate: bool = False
    target: bool = False
    markers: str = ""
    reason: str = ""


@dataclass
class Layout:
    header_pos: int  # grid position of the (first) header row
    body_start: int  # grid position of the first body row
    columns: list[Column]
    table_unit: tuple[str, str, int] | None  # (unit id, as written, row)
    title: str


def _text(value) -> str:
    return "" if isinstance(value, str) and value == "" else str(value).strip()


def _row_texts(cells: pd.DataFrame, pos: int) -> list[str]:
    return [_text(v) for v in cells.iloc[pos].tolist()]


def _score(texts: list[str]) -> int:
    score = 0
    for t in texts:
        if not t:
            continue
        name = lb.split_unit(lb.clean(t)[0])[0]
        key = normalise(name)
        if (
            key in lb.DISTRICT_HEADERS
            or key in lb.YEAR_HEADERS
            or key in lb.INDICATOR_HEADERS
            or key in lb.VALUE_HEADERS
            or key in lb.UNIT_HEADERS
            or lb.year_label(name)
            or lb.is_growth(name)
            or lb.indicator_of(name)
            or lb.district_of(name)
        ):
            score += 1
    return score


def find_layout(grid: Grid) -> Layout:
    cells = grid.cells
    head = cells.iloc[:HEADER_SCAN].to_numpy(dtype=object)
    filled = (head != "").sum(axis=1)
    title, unit, fallback, header = [], None, None, None
    for pos in range(len(head)):
        if filled[pos] == 0:
            continue
        texts = _row_texts(cells, pos)
        units = [(t, lb.unit_row(t)) for t in texts if t and lb.unit_row(t)]
        for _, written in units:
            unit = _table_unit(grid, pos, written, unit)
        rest = [t for t in texts if t and not lb.unit_row(t)]
        if len(rest) >= 2:
            if _score(texts) >= 1:
                header = pos
                break
            if fallback is None:
                fallback = pos
        title += rest
    if header is None:
        header = fallback
    if header is None:
        raise DataError(
            "no table found (no row with two or more filled cells)"
            + (f" in sheet {grid.sheet!r}" if grid.sheet else ""),
            file=grid.path,
        )
    top = _row_texts(cells, header)
    columns, body = _second_header(grid, header, top)
    return Layout(header, body, columns, unit, " ".join(title))


def _table_unit(grid: Grid, pos: int, written: str, current):
    from jbanalysis.errors import UnknownNameError
    from jbanalysis.registry.indicators import resolve_unit

    try:
        unit = resolve_unit(written)
    except UnknownNameError as exc:
        raise DataError(str(exc), file=grid.path, row=grid.row(pos)) from None
    if current and current[0] != unit:
        raise DataError(
            f"two units for the table: {current[1]!r} (row {current[2]}) and {written!r}",
            file=grid.path,
            row=grid.row(pos),
        )
    return (unit, written, grid.row(pos))


_SUB_VALUE = {"绝对值", "总量", "数值", "绝对数", "金额", "value"}


def _second_header(grid: Grid, head: int, top: list[str]) -> tuple[list[Column], int]:
    cells = grid.cells
    columns = [classify(j, t) for j, t in enumerate(top)]
    if head + 1 >= len(cells):
        return columns, head + 1
    below = _row_texts(cells, head + 1)
    filled = [(j, t) for j, t in enumerate(below) if t]
    if not filled:
        return columns, head + 1
    # a row of units under the header: '' | 亿元 | 万人
    units = [(j, lb.split_unit(f"({lb.clean(t)[0]})")[1]) for j, t in filled]
    if all(u for _, u in units) and (not below[0] or normalise(below[0]) in lb.UNIT_HEADERS):
        for j, u in units:
            if j < len(columns) and u:
                columns[j] = replace(columns[j], unit=u, unit_text=below[j])
        return columns, head + 2
    if below[0] or "" not in top[1:]:
        return columns, head + 1
    kinds = []
    for _, t in filled:
        name = lb.split_unit(lb.clean(t)[0])[0]
        if lb.year_label(name):
            kinds.append("year")
        elif lb.is_growth(name) or normalise(name) in _SUB_VALUE:
            kinds.append("sub")
        else:
            return columns, head + 1
    merged, last = [], ""
    for j, name in enumerate(top):
        last = name or last
        merged.append(f"{last}|{below[j]}" if j and below[j] else name)
    return [classify(j, t) for j, t in enumerate(merged)], head + 2


def classify(pos: int, header: str) -> Column:
    """What a column is, from its header alone (content decides only for label columns)."""
    if "|" in header:
        top, sub = header.split("|", 1)
        a, b = classify(pos, top), classify(pos, sub)
        col = Column(pos, header, "data", markers=a.markers + b.markers)
        col.unit = b.unit or a.unit
        col.unit_text = b.unit_text or a.unit_text
        for part in (a, b):
            if part.role == "data":
                col.year = part.year or col.year
                col.indicator = part.indicator or col.indicator
                col.district = part.district or col.district
                col.growth = col.growth or part.growth
                col.estimate = col.estimate or part.estimate
                col.target = col.target or part.target
                col.period = part.period if part.year else col.period
            elif part.role == "value":
                pass
            elif part.role == "skip":
                return replace(col, role="skip", reason=part.reason)
            else:
                return Column(pos, header, "unknown")
        if col.target:
            return replace(col, role="skip", reason="a plan target, not an observation")
        return col
    text, markers = lb.clean(header)
    name, unit, unit_text = lb.split_unit(text)
    key = normalise(name)
    base = Column(pos, header, "blank", unit=unit, unit_text=unit_text, markers=markers)
    if not name:
        return base if not unit else replace(base, role="unknown")
    for role, words in (
        ("district", lb.DISTRICT_HEADERS),
        ("year", lb.YEAR_HEADERS),
        ("indicator", lb.INDICATOR_HEADERS),
        ("value", lb.VALUE_HEADERS),
        ("unit", lb.UNIT_HEADERS),
        ("note", lb.NOTE_HEADERS),
    ):
        if key in words:
            return replace(base, role=role)
    if lb.is_growth(name):
        return replace(
            base, role="data", growth=True, unit=unit or "pct", unit_text=unit_text or "%"
        )
    year = lb.year_label(name)
    if year:
        if year.target:
            return replace(
                base, role="skip", year=year.year, reason="a plan target, not an observation"
            )
        return replace(
            base, role="data", year=year.year, period=year.period, estimate=year.estimate
        )
    period = lb.period_label(name)
    if period:
        return replace(base, role="data", period=period)
    if lb.TARGET_WORDS.search(key):
        return replace(base, role="skip", reason="a plan target, not an observation")
    if lb.is_total(name):
        return replace(base, role="skip", reason="total column (excluded, not summed in)")
    district = lb.district_of(name)
    if district:
        if lb.level_of(district) == "group":
            return replace(base, role="skip", reason="a group total (a published aggregate)")
        return replace(base, role="data", district=district)
    indicator = lb.indicator_of(_strip_of(name))
    if indicator:
        return replace(base, role="data", indicator=indicator)
    return replace(base, role="unknown")


_OF = re.compile(r"^(其中|内)\s*[:：]?\s*|^#\s*")


def _strip_of(label: str) -> str:
    """``其中：第一产业`` → ``第一产业`` (a part of the row above, as bulletins write it)."""
    return _OF.sub("", label).strip()


def row_indicator(label: str) -> tuple[str | None, str | None, str | None, str]:
    """Indicator, unit (id, as written) and markers of a row label such as ``地区生产总值(亿元)①``."""
    text, markers = lb.clean(label)
    name, unit, unit_text = lb.split_unit(_strip_of(text))
    return lb.indicator_of(name), unit, unit_text, markers


def content(values: pd.Series) -> dict[str, int]:
    """How many distinct labels of a column are districts, the city, groups, indicators, years."""
    counts = dict.fromkeys(("district", "city", "group", "indicator", "year", "other"), 0)
    for raw in pd.unique(values.astype(str)):
        text = lb.clean(raw)[0]
        if not text or lb.is_total(text) or lb.is_note(text):
            continue
        district = lb.district_of(text)
        if district:
            level = lb.level_of(district)
            counts["city" if level == "city" else "group" if level == "group" else "district"] += 1
        elif row_indicator(text)[0]:
            counts["indicator"] += 1
        elif lb.year_label(text) or re.fullmatch(r"\d{4}(\.0)?", text):
            counts["year"] += 1
        else:
            counts["other"] += 1
    return counts
