"""Every column of a table gets a role: a key, a value column with its facets, or left out with a
reason — from its heads, then its content, then the user's word (``columns=``).

Keys: ``district`` (names, or adcodes in a ``code`` column), ``year``, ``indicator``, ``unit``,
``value`` (the one value column of a long table), ``note``. A column headed 单位 that names
districts is the reporting unit, i.e. the district; a 地区 column of 重庆市 on every row is the
parent area, a column of groups (中心城区) a grouping: both are left out, and said.

Value columns carry facets (indicator, district, year, period, measure, price basis, unit). A
growth, share or per-head column that lacks some of them takes them from its *anchor*, the level
column it belongs to: the latest year's column when it is the only such column beside several
years (2023年 | 2024年 | 增长%: 2024), else the nearest level column on its left (2024年 | 增长% |
2023年 | 增长%). Left out: ranks (位次), row numbers (序号), indexes (上年=100), plan targets, single
months, totals, columns whose head the registry cannot place (with a close match, and how to name
them).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.anchors import anchors
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table, recognised
from jbanalysis.io.heads import Facets, merge, read_head
from jbanalysis.io.sides import refuse_side_by_side

KEYS = ("district", "code", "year", "indicator", "unit", "value", "note")
_IGNORE_WORDS = {"ignore", "skip", "none", "忽略", "不读", "-"}
_KEY_WORDS = {
    "district": "district",
    "地区": "district",
    "year": "year",
    "年份": "year",
    "indicator": "indicator",
    "指标": "indicator",
    "unit": "unit",
    "单位": "unit",
    "note": "note",
    "备注": "note",
    "value": "value",
    "数值": "value",
    "code": "code",
}


@dataclass
class Role:
    pos: int
    head: str
    letter: str
    kind: str  # a key of KEYS, "data" or "ignore"
    facets: Facets = field(default_factory=Facets)
    reason: str = ""
    how: str = "head"  # head, content, override
    anchor: int | None = None


def parse_role(text: str, where: str = "") -> tuple[str, Facets]:
    """A role as the user writes it (``ignore``, ``district``, ``gdp_real_growth``, ``2025年1-9月``,
    or several joined with ``|``).

    >>> parse_role("ignore")[0], parse_role("gdp_real_growth|2025年1-9月")[1].period
    ('ignore', 'Q1-Q3')
    """
    key = lb.compact(str(text))
    if key in _IGNORE_WORDS:
        return "ignore", Facets()
    if key in _KEY_WORDS:
        return _KEY_WORDS[key], Facets()
    parts = [read_head(p) for p in str(text).split("|") if p.strip()]
    facets, conflicts = merge(parts)
    if conflicts or facets.unknown or not recognised(facets) or facets.key or facets.ignore:
        raise ValueError(
            f"{where}cannot read the role {text!r}: expected ignore, district, year, indicator, "
            "unit, note, value, an indicator (an id or name: gdp, 地区生产总值, gdp_real_growth), a "
            "year or period (2024, 2025年1-9月), or several of these joined with '|'"
        )
    return "data", facets


def _head(path: list[str]) -> str:
    parts: list[str] = []
    for p in path:
        if p and (not parts or parts[-1] != p):
            parts.append(p)
    return " / ".join(parts)


def _matches(override: str, role: Role, path: list[str]) -> bool:
    key = lb.compact(override)
    names = {
        lb.compact(role.head),
        lb.compact(role.head.replace(" / ", "|")),
        role.letter.casefold(),
    }
    names |= {lb.compact(p) for p in path if p}
    return key in names or key == f"#{role.pos + 1}"


def column_roles(grid: Grid, table: Table, overrides: dict[str, str]) -> list[Role]:
    """The role of every column of ``table`` (empty columns without a head are not columns)."""
    body = grid.cells.iloc[table.start : table.end]
    roles: list[Role] = []
    used = {k: False for k in overrides}
    for j, path in enumerate(table.paths):
        head = _head(path)
        col = body[j] if j in body.columns else pd.Series([], dtype=object)
        if not head and not (col != "").any():
            continue
        role = Role(j, head, grid.letter(j), "data")
        said = [k for k in overrides if _matches(k, role, path)]
        if len(said) > 1:
            raise DataError(f"columns= names column {head!r} twice: {said}", file=grid.file)
        if said:
            used[said[0]] = True
            kind, facets = parse_role(overrides[said[0]], f"columns={{{said[0]!r}: …}}: ")
            base, _ = merge([read_head(p) for p in dict.fromkeys(path) if p])
            if kind == "data" and facets.indicator:
                base = replace(base, measure="", basis="")
            merged = _override(base, facets)
            roles.append(replace(role, kind=kind, facets=merged, how="override", reason="columns="))
            continue
        facets, conflicts = merge([read_head(p) for p in dict.fromkeys(path) if p])
        roles.append(_by_head(role, facets, conflicts))
    unused = [k for k, hit in used.items() if not hit]
    if unused:
        heads = ", ".join(repr(r.head) for r in roles if r.head)
        raise DataError(
            f"columns= names {unused[0]!r}, which is no column of the table; its "
            f"columns: {heads} (or name them by letter or #position)",
            file=grid.file,
        )
    roles = [
        _by_content(r, grid.codes(r.pos, table.start, table.end)[1])
        if r.how != "override" and r.kind in _CONTENT_DECIDES
        else r
        for r in roles
    ]
    refuse_side_by_side(grid, roles, table)
    roles = _one_key_each(grid, roles, table)
    return anchors(roles)


def _override(base: Facets, said: Facets) -> Facets:
    fields = {
        k: v
        for k, v in said.__dict__.items()
        if not (v is None or v is False or (isinstance(v, str | tuple) and len(v) == 0))
        and k != "said"
    }
    return replace(base, **fields, ignore="", unknown="")


def _by_head(role: Role, f: Facets, conflicts: list[str]) -> Role:
    if conflicts:
        return replace(role, kind="ignore", facets=f, reason=f"its heads disagree ({conflicts[0]})")
    if f.key == "rownum":
        return replace(role, kind="ignore", reason=f"a row number ({role.head})")
    if f.key in KEYS:
        return replace(role, kind=f.key, facets=f)
    if f.key == "corner":
        return replace(role, kind="label", facets=f)
    if f.ignore:
        return replace(role, kind="ignore", facets=f, reason=f.ignore)
    if f.unknown:
        return replace(role, kind="unknown", facets=f)
    if not recognised(f) or (f.unit and not _data_facets(f)):
        return replace(role, kind="label", facets=f)
    return replace(role, kind="data", facets=f)


def _data_facets(f: Facets) -> bool:
    return bool(
        f.district
        or f.year is not None
        or f.period
        or f.relative is not None
        or f.indicator
        or f.measure
    )


def content(values) -> dict[str, int]:
    """How many distinct labels of a column are districts, the city, groups, indicators, years,
    units, numbers or other text (``values``: the column, or its distinct values)."""
    counts = dict.fromkeys(
        ("district", "city", "group", "indicator", "year", "unit", "number", "other"), 0
    )
    distinct = (
        pd.unique(np.asarray(values, dtype=object)) if isinstance(values, pd.Series) else values
    )
    for raw in [str(x) for x in distinct[:2000]]:
        text = lb.clean(raw)[0]
        if not text or lb.is_total(text) or lb.is_note(text) or lb.unit_row(text):
            continue
        f = read_head(text)
        if f.district:
            level = lb.level_of(f.district)
            counts["city" if level == "city" else "district"] += 1
        elif f.group:
            counts["group"] += 1
        elif (f.year is not None or f.relative is not None) and not f.indicator:
            counts["year"] += 1
        elif len(text) == 4 and text.isdigit():
            counts["year"] += 1  # a year out of range is still a year (and refused as such)
        elif f.indicator:
            counts["indicator"] += 1
        elif f.unit and not f.unknown:
            counts["unit"] += 1
        elif _numberish(text):
            counts["number"] += 1
        else:
            counts["other"] += 1
    return counts


def _numberish(text: str) -> bool:
    from jbanalysis.io.numbers import parse_cell

    try:
        return parse_cell(text)[0] is not None
    except ValueError:
        return False


_CONTENT_DECIDES = ("label", "unknown", "district", "unit", "indicator", "code", "year")


def _by_content(role: Role, values) -> Role:
    if role.kind not in _CONTENT_DECIDES:
        return role
    c = content(values)
    labels = {k: c[k] for k in ("district", "indicator", "year")}
    best = max(labels, key=labels.get)
    texts = sum(labels.values()) + c["unit"] + c["other"] + c["city"] + c["group"]
    if role.kind == "code":
        return role
    if role.kind == "unit":
        if c["district"] and c["district"] >= c["unit"]:
            return replace(
                role,
                kind="district",
                how="content",
                reason="it names districts (the reporting unit)",
            )
        return role
    if role.kind == "district":
        if not c["district"] and c["city"] and not labels["indicator"]:
            return replace(
                role,
                kind="parent",
                reason="the parent area (重庆市) on every row, not the district",
            )
        if not c["district"] and c["group"]:
            return replace(
                role,
                kind="parent",
                reason="a grouping of districts (such as 中心城区), not the district",
            )
        if labels["indicator"] > c["district"] and labels["indicator"] >= c["other"]:
            return replace(role, kind="indicator", how="content", reason="it names indicators")
        return role
    if role.kind == "year" and not c["year"]:  # 年份 over a row of years: a corner, not a key
        role = replace(role, kind="label")
    if role.kind == "indicator":
        if c["district"] > labels["indicator"]:
            return replace(role, kind="district", how="content", reason="it names districts")
        return role
    if labels[best] and labels[best] >= c["other"]:
        return replace(
            role,
            kind=best,
            how="content",
            reason=f"it names {best}s" if best != "year" else "it names years",
        )
    if role.kind == "unknown":
        if c["number"] and c["number"] >= texts:
            return role
        return replace(role, kind="text", reason="text, not values")
    if c["number"] and not texts and not role.head:
        return replace(role, kind="unknown")
    if c["number"] and not texts and role.facets.unit and not _data_facets(role.facets):
        return replace(role, kind="data", how="content")  # 亿元 over numbers: the title says what
    return replace(role, kind="text", reason="text, not values" if texts else "no values")


def _one_key_each(grid: Grid, roles: list[Role], table: Table) -> list[Role]:
    """Two district columns: the one naming districts is the district (地区 = 重庆市 beside 区县);
    a code column beside a name column is a cross-check, not a second key."""
    districts = [r for r in roles if r.kind == "district"]
    if len(districts) > 1:
        counts = {
            r.pos: content(grid.codes(r.pos, table.start, table.end)[1])["district"]
            for r in districts
        }
        best = max(districts, key=lambda r: counts[r.pos])
        roles = [
            r
            if r.kind != "district" or r is best
            else replace(
                r, kind="parent", reason=f"a second district column; {best.head!r} is the district"
            )
            for r in roles
        ]
    has_district = any(r.kind == "district" for r in roles)
    out = []
    for r in roles:
        if r.kind == "code" and has_district:
            r = replace(
                r,
                kind="code_check",
                reason="district codes beside the names (checked against them)",
            )
        out.append(r)
    for kind in ("year", "indicator", "unit", "value"):
        same = [r for r in out if r.kind == kind]
        if len(same) > 1:
            names = [r.head or r.letter for r in same]
            raise DataError(
                f"two {kind} columns: {names}; say which with columns= "
                f"(e.g. columns={{{names[1]!r}: 'ignore'}}, on the command line --column "
                f"'{names[1]}=ignore')",
                file=grid.file,
            )
    return out
