"""What each row says about its values: from the key columns (district, code, year, indicator,
unit, note), the section heading above it and the ``单位：`` line above it.

A label the registry cannot place (a district it does not hold, an indicator it has no id for,
a unit it does not know) rejects its row with the reason and a close match; the rest is read.
Each distinct label is judged once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.io import labels as lb
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table
from jbanalysis.io.heads import Facets, read_head, strip_label
from jbanalysis.io.keyed import Field
from jbanalysis.io.numbers import MISSING_TOKENS
from jbanalysis.io.roles import Role
from jbanalysis.io.rows import Rows

FIELDS = (
    "district",
    "year",
    "period",
    "relative",
    "indicator",
    "measure",
    "basis",
    "unit",
    "unit_text",
)


@dataclass
class RowKeys:
    """Per body row, as codes into each field's distinct values (:class:`Field`; ``None`` where
    the row says nothing), and where each came from."""

    n: int
    fields: dict[str, Field] = field(default_factory=dict)
    estimate: np.ndarray | None = None
    source: dict[str, Field] = field(default_factory=dict)  # where each field came from
    notes: np.ndarray | None = None
    rejected: dict[int, str] = field(default_factory=dict)  # body pos -> reason
    rejected_by: dict[int, str] = field(default_factory=dict)  # body pos -> the key column's head
    said: set[str] = field(default_factory=set)  # the fields some row says

    def __post_init__(self):
        self.estimate = np.zeros(self.n, dtype=bool)
        self.notes = np.full(self.n, "", dtype=object)
        self.markers = np.full(self.n, "", dtype=object)

    def put(self, name: str, where: np.ndarray, codes: np.ndarray, table, source: str):
        """Fill ``name`` where the row says nothing yet with ``table[codes]`` (``-1``: nothing)."""
        table = np.append(np.asarray(table, dtype=object), None)
        codes = np.where(codes < 0, len(table) - 1, codes)
        said = ~pd.isna(table)[codes]
        if name not in self.fields:  # made when first said: most tables say few of them
            nothing = np.zeros(self.n, dtype=np.int64)
            self.fields[name] = Field(nothing, np.array([None], dtype=object))
            self.source[name] = Field(nothing.copy(), np.array([None], dtype=object))
        have, was = self.fields[name], self.source[name]
        take = where & said & pd.isna(have.table)[have.codes]
        self.said.add(name)
        have.codes = np.where(take, codes + len(have.table), have.codes)
        have.table = np.concatenate([have.table, table])
        was.codes = np.where(take, len(was.table), was.codes)
        was.table = np.append(was.table, source)


def _none(value):
    """A field the label does not say: None (``""`` of a string field says nothing)."""
    return None if isinstance(value, str) and value == "" else value


def _unknown(kind: str, text: str) -> str:
    """``unknown district '江北县'; did you mean '江北', …?`` (the registry's own words)."""
    from jbanalysis.registry.districts import resolve_district
    from jbanalysis.registry.indicators import resolve_indicator

    try:
        (resolve_district if kind == "district" else resolve_indicator)(text)
    except UnknownNameError as exc:
        return str(exc)
    return f"unknown {kind} {text!r}"


def _suggest(kind: str, text: str) -> str:
    from jbanalysis.registry.districts import resolve_district
    from jbanalysis.registry.indicators import resolve_indicator

    try:
        (resolve_district if kind == "district" else resolve_indicator)(text)
    except UnknownNameError as exc:
        hint = exc.args[0].partition(";")[2].strip()
        return f" ({hint})" if hint else ""
    return ""


def row_keys(grid: Grid, table: Table, roles: list[Role], rows: Rows) -> RowKeys:
    body = grid.cells.iloc[table.start : table.end]
    n = len(body)
    keys = RowKeys(n)
    live = np.zeros(n, dtype=bool)
    live[rows.keep] = True
    texts: list[tuple[np.ndarray, list[str], list[str]]] = []  # per column: codes, notes, markers
    for role in sorted(roles, key=lambda r: r.kind == "code_check"):  # checks after the names
        if role.kind not in ("district", "code", "code_check", "year", "indicator", "unit", "note"):
            continue
        codes, uniques = grid.codes(role.pos, table.start, table.end)
        if role.kind == "note":
            label = lb.clean(role.head)[0]
            plain = lb.compact(label) in ("备注", "note", "notes", "注", "附注", "说明")
            said = [str(u).strip() for u in uniques]
            texts.append((codes, [t if plain or not t else f"{label}: {t}" for t in said], []))
            continue
        judged = {
            int(u): _judge(role, str(uniques[u]).strip(), grid)
            for u in np.flatnonzero(np.bincount(codes[live], minlength=len(uniques)))
        }
        for u, (_, why) in judged.items():
            if why:
                for pos in np.flatnonzero(live & (codes == u)):
                    keys.rejected.setdefault(int(pos), why)
                    keys.rejected_by.setdefault(int(pos), role.head or role.letter)
        table_f = [judged[u][0] if u in judged else Facets() for u in range(len(uniques))]
        if role.kind == "code_check":
            _check_codes(grid, table, keys, codes, table_f, live)
            continue
        source = f"the {role.kind} column {role.head or role.letter!r}"
        for name in FIELDS:
            said = [_none(getattr(f, name)) for f in table_f]
            if any(x is not None for x in said):
                keys.put(name, live, codes, said, source)
        if any(f.estimate for f in table_f):
            keys.estimate |= np.array([f.estimate for f in table_f], dtype=bool)[codes]
        marks = [lb.clean(str(u))[1] for u in uniques]
        if any(marks):
            texts.append((codes, [], marks))
        scopes = [
            f"{role.head or role.letter}: {', '.join(f.said)}"
            if f.said and (role.kind == "district" or f.measure == "growth_only")
            else ""
            for f in table_f
        ]
        if any(scopes):
            texts.append((codes, scopes, []))
    if texts:
        keys.notes, keys.markers = _joined(texts, n)
    _sections(rows, keys)
    return keys


def _joined(texts, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's notes and footnote markers, joined once per distinct combination of labels."""
    combo = np.zeros(n, dtype=np.int64)
    for codes, notes, marks in texts:
        combo = combo * max(len(notes), len(marks), 1) + codes
    c_codes, _ = pd.factorize(combo)
    first = np.zeros(c_codes.max() + 1, dtype=np.int64)
    first[c_codes[::-1]] = np.arange(n)[::-1]
    notes = np.array(
        ["; ".join(t[1][t[0][i]] for t in texts if t[1] and t[1][t[0][i]]) for i in first],
        dtype=object,
    )
    marks = np.array(["".join(t[2][t[0][i]] for t in texts if t[2]) for i in first], dtype=object)
    return notes[c_codes], marks[c_codes]


def _judge(role: Role, text: str, grid: Grid) -> tuple[Facets, str]:
    """(facets, reason to reject the row) of one distinct label of a key column."""
    clean = lb.clean(text)[0]
    if not clean:
        return Facets(), ""
    if role.kind in ("district", "code", "code_check"):
        district = lb.district_of(strip_label(lb.compact(clean)))
        said = ""
        if district is None:  # 江北区（含两江新区）: the district, its scope kept in the note
            m = re.search(r"[(（\[]([^()（）\[\]]+)[)）\]]", clean)
            base = (clean[: m.start()] + clean[m.end() :]).strip() if m else ""
            district = lb.district_of(strip_label(lb.compact(base))) if base else None
            said = m.group(1).strip() if district else ""
        if district is None:
            return Facets(), f"{_unknown('district', clean)} (not in data/districts.csv)"
        return Facets(district=district, said=(said,) if said else ()), ""
    if role.kind == "unit":
        if clean.casefold() in MISSING_TOKENS:  # — in the unit column: the row says no unit
            return Facets(), ""
        unit = lb.unit_id(clean)
        if unit is None:
            return Facets(), f"unknown unit {clean!r} (not in data/units.csv)"
        return Facets(unit=unit, unit_text=clean), ""
    f = read_head(clean)
    if role.kind == "year":
        if f.ignore:
            return Facets(), f.ignore
        if f.year is None and f.relative is None and re.fullmatch(r"\d{4}", clean):
            f = Facets(year=int(clean))
        if f.year is None and f.relative is None:
            raise DataError(f"{text!r} is not a year", file=grid.file, column=role.head)
        return Facets(year=f.year, period=f.period, relative=f.relative, estimate=f.estimate), ""
    # indicator labels: 地区生产总值(亿元), 其中：第一产业, 地区生产总值增速(%); the price basis of a
    # level's label (地区生产总值(现价)) is the level's, not that of the growth beside it
    if f.basis and f.measure != "growth":
        f = replace(f, basis="")
    if f.ignore:
        return Facets(), f"{text!r}: {f.ignore}"
    if f.unknown or not (f.indicator or f.measure):
        name = strip_label(lb.compact(lb.split_unit(clean)[0]))
        for suffix in ("增速", "增长率", "增长"):  # 规模以上工业增加值: only its growth is known
            growth = lb.indicator_of(name + suffix)
            if growth and lb.kind_of(growth) == "rate":
                return Facets(indicator=growth, measure="growth_only", said=(name,)), ""
        return (
            Facets(),
            f"indicator {text!r} is not in data/indicators.csv{_suggest('indicator', name)}",
        )
    return f, ""


def _check_codes(grid, table, keys: RowKeys, codes, facets, live) -> None:
    said = np.array([f.district for f in facets], dtype=object)[codes]
    have = (
        keys.fields["district"].values()
        if "district" in keys.fields
        else np.full(keys.n, None, dtype=object)
    )
    bad = np.flatnonzero(live & ~pd.isna(said) & ~pd.isna(have) & (said != have))
    if len(bad):
        pos = int(bad[0])
        raise DataError(
            f"the code column says {said[pos]} but the name column says {have[pos]}",
            file=grid.file,
            row=grid.row(table.start + pos),
        )


def _sections(rows: Rows, keys: RowKeys) -> None:
    """Section headings and ``单位：`` lines apply to the rows below them, until the next one."""
    n = keys.n
    if rows.sections:
        index = np.full(n, -1, dtype=np.int64)
        order = sorted(rows.sections)
        for k, pos in enumerate(order):
            index[pos:] = k
        everywhere = index >= 0
        for name in FIELDS:
            table = [_none(getattr(rows.sections[p], name)) for p in order]
            keys.put(name, everywhere, index, table, "a section heading above")
    if rows.units:
        index = np.full(n, -1, dtype=np.int64)
        order = sorted(rows.units)
        for k, pos in enumerate(order):
            index[pos:] = k
        ids = [rows.units[p][0] for p in order]
        texts = [rows.units[p][1] for p in order]
        keys.put("unit_text", index >= 0, index, texts, "a 单位 line above")
        keys.put("unit", index >= 0, index, ids, "a 单位 line above")
