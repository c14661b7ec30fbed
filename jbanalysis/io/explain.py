"""The reading of a table in plain words: each column's role, as ``read_table(..., explain=True)``
and ``jbanalysis data add --dry-run`` print it before anything is stored.

    column A '地区': key: the district of each row (names)
    column B '2024年 / 绝对值': values: gdp (地区生产总值) · 2024 · the year · 亿元 (the 单位 line) · 38 values
    column C '2024年 / 比上年增长(%)': values: gdp_real_growth (地区生产总值增长率（可比价）) · 2024 · …
    column D '位次': left out: a rank (位次), not a value
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.io import labels as lb
from jbanalysis.io.account import ColumnReading
from jbanalysis.io.codes import factorize
from jbanalysis.io.roles import Role

PERIOD_WORDS = {
    "Y": "the year",
    "Q1": "January–March (Q1)",
    "H1": "January–June (H1)",
    "Q1-Q3": "January–September (Q1-Q3)",
}
_KEY_WORDS = {
    "district": "key: the district of each row",
    "code": "key: the district of each row, by its code",
    "code_check": "district codes, checked against the names",
    "year": "key: the year of each row",
    "indicator": "key: the indicator of each row",
    "unit": "key: the unit of each row",
    "note": "notes, kept with each value of the row",
    "parent": "left out",
    "text": "left out",
}


def _list(values, limit: int = 4) -> str:
    values = [v for v in values if v is not None and v == v]
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def column_readings(
    roles: list[Role], frame: pd.DataFrame, letters_done: set[str]
) -> list[ColumnReading]:
    """Every column of one table, in words (``frame``: the table's values as read)."""
    out = []
    cols = ["col", "indicator", "year", "period", "unit_text", "district", "is_growth", "basis"]
    if len(frame) and (frame["col"].to_numpy() == frame["col"].iat[0]).all():
        by_col = {frame["col"].iat[0]: frame}  # one column of values: no copy
    else:
        by_col = dict(tuple(frame[cols].groupby("col"))) if len(frame) else {}
    for r in roles:
        if r.letter in letters_done:
            continue
        override = r.reason if r.how == "override" else ""
        if r.kind in _KEY_WORDS:
            words = _KEY_WORDS[r.kind]
            if r.kind in ("parent", "text"):
                words = f"left out: {r.reason}"
            elif r.how == "content" and r.reason:
                words += f" ({r.reason})"
            out.append(ColumnReading(r.letter, r.head, r.kind, words, override))
            continue
        if r.kind in ("ignore", "unknown"):
            why = r.reason or "left out"
            out.append(ColumnReading(r.letter, r.head, "ignored", f"left out: {why}", override))
            continue
        part = by_col.get(r.pos)
        if part is None or not len(part):
            out.append(
                ColumnReading(
                    r.letter,
                    r.head,
                    "values",
                    "values: none read (every cell empty or left out)",
                    override,
                )
            )
            continue
        out.append(
            ColumnReading(r.letter, r.head, "values", "values: " + _values(r, part), override)
        )
    return out


def _distinct(values) -> list:
    """The distinct values of a column, in order (missing ones too, once)."""
    return list(factorize(np.asarray(values, dtype=object), use_na_sentinel=False)[1])


def _values(r: Role, part: pd.DataFrame) -> str:
    inds = _distinct(part["indicator"])
    if len(inds) <= 2:
        what = _list([f"{i} ({lb.name_zh(i)})" for i in inds])
    else:
        what = f"{len(inds)} indicators (by row: {_list(inds, 3)})"
    years = sorted(pd.unique(part["year"]))
    when = str(years[0]) if len(years) == 1 else f"{len(years)} years {years[0]}–{years[-1]}"
    periods = _list([PERIOD_WORDS.get(p, p) for p in _distinct(part["period"])])
    units = _list(_distinct(part["unit_text"]))
    bits = [what, when, periods, units]
    districts = _distinct(part["district"])
    if len(districts) == 1 and r.facets.district:
        bits.insert(1, districts[0])
    growth = part["is_growth"].to_numpy(bool).any()
    if growth:
        basis = set(_distinct(part["basis"]))
        said = (
            "at current prices (nominal)"
            if basis == {"nominal"}
            else (
                "at comparable prices (real)"
                if basis == {"real"}
                else "price basis not stated (the registry's growth indicator)"
            )
        )
        bits.append(f"growth, {said}")
    if r.anchor is not None and r.facets.measure not in ("", "level"):
        bits.append(f"its year and period from the column beside it (#{r.anchor + 1})")
    bits.append(f"{len(part)} value{'s' if len(part) != 1 else ''}")
    return " · ".join(bits)


def layout_name(roles: list[Role]) -> str:
    """A short name for a table's shape (the ``layout=`` of :func:`jbanalysis.io.read_table`)."""
    kinds = {r.kind for r in roles}
    data = [r.facets for r in roles if r.kind == "data"]
    if "value" in kinds:
        return "long"
    if any(f.indicator and f.year for f in data):
        return "indicator_years"
    by_ind = any(f.indicator for f in data)
    by_district = any(f.district for f in data)
    if "district" in kinds or "code" in kinds:
        return "indicators" if by_ind else "districts_rows"
    if "indicator" in kinds:
        return "indicator_districts" if by_district else "indicator_rows"
    if "year" in kinds:
        return "years_indicators" if by_ind else "districts_cols"
    return "one_row"
