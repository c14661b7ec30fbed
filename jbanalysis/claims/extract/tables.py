"""Tables printed in an article's text, flattened to ``a | b | c`` lines.

Bulletins print tables (表1 2016年五大功能区域地区生产总值) that copies flatten into lines of cells
separated by ``|``: a header (指标 | 绝对量(亿元) | 比上年增长(%) | 比重(%)) and one line a row. A row's
label names the place (都市功能核心区, or 全市 for the total), the caption or the label names the
indicator, and each column's heading says what its numbers are:

* a unit in brackets and no other word: a value of the indicator in that unit;
* 增长, 增速 (with ``%``): the indicator's growth rate (the registry's ``growth`` column);
* 比重, 占比 (with ``%``): the place's share of the table's total row (全市 …).

A row whose label is not a place of the registry, a table without a header, or a cell that is not
a number is listed as not encoded with why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jbanalysis.claims.extract.context import places, years_in
from jbanalysis.claims.extract.keys import keys_in
from jbanalysis.claims.extract.reading import Sentence
from jbanalysis.claims.extract.vocab import share_indicator
from jbanalysis.registry.indicators import growth_of

__all__ = ["Table", "cells", "is_table_line"]

_NUMBER = re.compile(r"^-?\d+(?:,\d{3})*(?:\.\d+)?$")
_UNIT = re.compile(r"[(（]([^()（）]+)[)）]")
_TOTAL = ("全市", "重庆市", "合计", "总计")


def is_table_line(text: str) -> bool:
    """A line of a flattened table: two or more ``|``.

    >>> from jbanalysis.claims.extract.tables import is_table_line
    >>> is_table_line("都市功能核心区 | 3445.34 | 9.3 | 19.6 |"), is_table_line("江北区GDP增长6.7%")
    (True, False)
    """
    return text.count("|") >= 2


def cells(text: str) -> list[str]:
    """The cells of a table line, without the empty ones at its ends.

    >>> from jbanalysis.claims.extract.tables import cells
    >>> cells("| 都市功能核心区 | 3445.34 | 9.3 |")
    ['都市功能核心区', '3445.34', '9.3']
    """
    parts = [c.strip() for c in text.split("|")]
    while parts and not parts[0]:
        parts.pop(0)
    while parts and not parts[-1]:
        parts.pop()
    return parts


@dataclass
class Column:
    """What a column's numbers are: ``value`` (in ``unit``), ``growth`` or ``share``."""

    kind: str
    unit: str = ""


def column(heading: str) -> Column | None:
    """A column heading read: ``绝对量(亿元)`` -> value in 亿元, ``比上年增长(%)`` -> growth.

    >>> from jbanalysis.claims.extract.tables import column
    >>> column("绝对量(亿元)"), column("比上年增长(%)"), column("比重(%)"), column("指标")
    (Column(kind='value', unit='亿元'), Column(kind='growth', unit='%'), Column(kind='share', unit='%'), None)
    """
    unit_match = _UNIT.search(heading)
    unit = unit_match.group(1).strip() if unit_match else ""
    if any(w in heading for w in ("增长", "增速", "增幅")):
        return Column("growth", "%")
    if any(w in heading for w in ("比重", "占比", "构成")):
        return Column("share", "%")
    return Column("value", unit) if unit else None


@dataclass
class Table:
    """A table being read: its caption, its header's columns, and its total row's label."""

    caption: str = ""
    columns: list[Column | None] | None = None

    def header(self, row: list[str]) -> bool:
        """Take ``row`` as the header if it is one (no numbers, a heading that says a column)."""
        if any(_NUMBER.match(c) for c in row):
            return False
        self.columns = [column(c) for c in row]
        return any(self.columns[1:])

    def indicator(self, label: str) -> str | None:
        """The indicator of a row: named in its label, else in the caption."""
        for text in (label, self.caption):
            hits = [h for h in keys_in(text) if not h.qualifier]
            if hits:
                return hits[-1].indicator
        return None

    def row_indicator(self, label: str) -> str | None:
        """The indicator a row's label names itself (第一产业, 工 业 in a table of value added:
        工业增加值), for a table of the text's subject whose rows are indicators, not places."""
        label = label.replace(" ", "").replace("\u3000", "")
        sectors = any(w in self.caption for w in ("增加值", "生产总值", "产业"))
        for text in (label, f"{label}增加值" if sectors else ""):
            hits = [h for h in keys_in(text) if not h.qualifier]
            if hits and hits[0].start == 0 and hits[-1].end == len(text):
                return hits[-1].indicator
        return None

    def year(self) -> int | None:
        years = [y for _, y, is_period in years_in(self.caption) if is_period]
        return years[-1] if years else None


def _indicator_row(indicator, sentence, values, table, add, skip) -> None:
    """A row that names an indicator of the text's subject: its value, its growth rate and its
    share of GDP (the structure share the relations file names), each as the heading says."""
    for cell, col in zip(values, table.columns[1:] if table.columns else [], strict=False):
        if not _NUMBER.match(cell):
            continue
        if col is None:
            skip(sentence, cell, "a table column whose heading names no unit or measure")
        elif col.kind == "value":
            add(sentence, cell, "", indicator, "value", cell, unit=col.unit)
        elif col.kind == "growth":
            rate = growth_of(indicator)
            if rate is None:
                skip(sentence, cell, f"the registry has no growth rate of {indicator}")
            else:
                add(sentence, cell, "", rate, "growth", cell, unit="%")
        elif indicator == "gdp":
            skip(sentence, cell, "the total's share of itself")
        elif (share := share_indicator(indicator, "gdp")) is None:
            skip(sentence, cell, f"the registry has no share of {indicator} in GDP")
        else:
            add(sentence, cell, "", share, "value", cell, unit="%")


def read_row(table: Table, sentence: Sentence, add, skip) -> None:
    """Turn one data row into claims (``add``) or reasons (``skip``)."""
    row = cells(sentence.text)
    if table.columns is None:
        if not table.header(row):
            for cell in row:
                if _NUMBER.match(cell):
                    skip(sentence, cell, "a table without a header saying what its columns are")
        return
    label, values = (row[0], row[1:]) if row else ("", [])
    named = [p for p in places(label, None) if not p.group]
    indicator = table.indicator(label)
    total = label.startswith(_TOTAL)
    if not named and table.row_indicator(label):  # 第一产业 | 8.18 | 4.3 | 0.4: the subject's
        _indicator_row(table.row_indicator(label) or "", sentence, values, table, add, skip)
        return
    for cell, col in zip(values, table.columns[1:], strict=False):
        if not _NUMBER.match(cell):
            continue
        if col is None:
            skip(sentence, cell, "a table column whose heading names no unit or measure")
        elif not named:
            skip(
                sentence,
                cell,
                f"{label or 'an empty label'}: no place or indicator of the registry",
            )
        elif indicator is None:
            skip(sentence, cell, "a table whose caption names no indicator of the registry")
        elif col.kind == "value":
            add(sentence, cell, named[0].district, indicator, "value", cell, unit=col.unit)
        elif col.kind == "growth":
            rate = growth_of(indicator)
            if rate is None:
                skip(sentence, cell, f"the registry has no growth rate of {indicator}")
            else:
                add(sentence, cell, named[0].district, rate, "growth", cell, unit="%")
        elif total:
            skip(sentence, cell, "the total's share of itself")
        else:
            add(
                sentence,
                cell,
                named[0].district,
                indicator,
                "share",
                f"{cell}%",
                denominator="全市",
            )
