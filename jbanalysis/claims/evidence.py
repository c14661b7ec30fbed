"""The data a claims check looks at, and what it says about each value it uses.

:class:`CheckData` indexes the panel by (district, indicator, year, period), keeps the bounds
(``>1200``: a page's 突破, never a value) and the other published values of each key (other
sources and vintages), and finds each record's row of its source file (URL, title, and the value
as transcribed, whose last digit is the value's printed precision). :func:`evidence_of` turns one
value into the record a verdict lists: value, printed step, source, kind, vintage, reliability,
flag, correction and its caveats (:data:`CAVEATS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from jbanalysis.claims.schema import Claim
from jbanalysis.claims.stated import unit_factor
from jbanalysis.errors import UnknownNameError
from jbanalysis.precision import printed_step
from jbanalysis.registry.schema import CAVEAT_FLAGS, CAVEAT_VINTAGES, SECONDARY_SOURCE_KINDS
from jbanalysis.sources.user import source_file

__all__ = ["CAVEATS", "CheckData", "evidence_of", "records", "same_page"]

#: What a value a verdict uses may rest on, in the order a verdict names them.
CAVEATS = (*CAVEAT_VINTAGES, "low", *CAVEAT_FLAGS, "secondary")


def records(frame: pd.DataFrame, columns: Iterable[str]) -> list[dict]:
    """Rows as dicts, built column-wise (``to_dict("records")`` is slow on categoricals)."""
    cols = [c for c in columns if c in frame]
    arrays = [frame[c].astype(object).to_numpy() for c in cols]
    return [dict(zip(cols, values, strict=True)) for values in zip(*arrays, strict=True)]


_ROW_COLUMNS = (
    "district",
    "indicator",
    "year",
    "period",
    "value",
    "unit",
    "source_id",
    "record",
    "source_kind",
    "vintage",
    "reliability",
    "flag",
    "correction",
    "bound",
    "url",
)


class CheckData:
    """The panel indexed by key, the bounds and other published values, and record URLs."""

    def __init__(self, panel: pd.DataFrame, observations: pd.DataFrame | None):
        panel = panel.copy()
        if "period" not in panel:
            panel["period"] = "Y"
        for col in ("flag", "vintage", "reliability", "source_kind", "correction", "record"):
            if col not in panel:
                panel[col] = ""
        if "source_id" not in panel:
            panel["source_id"] = ""
        panel["year"] = panel["year"].astype(int)
        self.by_key = {
            (str(r["district"]), str(r["indicator"]), int(r["year"]), str(r["period"])): r
            for r in records(panel, _ROW_COLUMNS)
        }
        self.indicators = {str(i) for i in panel["indicator"].unique()}
        self.periods: dict[tuple[str, int, str], set[str]] = {}
        self.years: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for d, i, y, p in self.by_key:
            self.periods.setdefault((i, y, p), set()).add(d)
            self.years.setdefault((d, i), []).append((y, p))
        self.bounds: dict[tuple, list[dict]] = {}
        self.published: dict[tuple, list[dict]] = {}  # every published value of a key
        if observations is not None and len(observations):
            obs = observations if "period" in observations else observations.assign(period="Y")
            obs = obs[obs["flag"].astype(str) != "excluded"]
            for r in records(obs, _ROW_COLUMNS):
                target = self.bounds if str(r.get("bound", "") or "") else self.published
                target.setdefault(self._key(r), []).append(r)
        self._sources: dict[str, dict[str, dict[str, str]]] = {}

    @staticmethod
    def _key(r: Mapping[str, Any]) -> tuple:
        return (str(r["district"]), str(r["indicator"]), int(r["year"]), str(r["period"]))

    def value(self, district: str, claim: Claim, indicator: str | None = None) -> dict | None:
        return self.by_key.get((district, indicator or claim.indicator, claim.year, claim.period))

    def bound(self, district: str, claim: Claim) -> dict | None:
        found = self.bounds.get((district, claim.indicator, claim.year, claim.period))
        return found[0] if found else None

    def row(self, district: str, indicator: str, year: int, period: str) -> dict | None:
        """The panel's value of a key, or None."""
        return self.by_key.get((district, indicator, year, period))

    def others(self, row: Mapping[str, Any]) -> list[dict]:
        """The other published values of a panel value's key (other sources, vintages)."""
        same = self.published.get(self._key(row), [])
        return [r for r in same if str(r.get("record")) != str(row.get("record"))]

    def source_row(self, source_id: str, record: str) -> dict[str, str]:
        """The record's row of its source file: url, title, and the value and unit as written."""
        if source_id not in self._sources:
            self._sources[source_id] = _source_table(source_id)
        table = self._sources[source_id]
        return table.get(record, table["*"])


def _source_table(source_id: str) -> dict[str, dict[str, str]]:
    """record -> url, title, value and unit as the source file has them (``*``: the registry's).

    The file is the bundle's or, for a source of the user's folder, the user's (``source_file``).
    """
    path = source_file(source_id)
    stamp = path.stat().st_mtime if path.is_file() else None
    return _read_source_table(source_id, str(path), stamp)


@cache
def _read_source_table(source_id: str, file: str, stamp: float | None) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    default = {"url": "", "title": ""}
    path = Path(file)
    if stamp is not None:
        from jbanalysis.sources.observations import load_sources

        registry = load_sources().set_index("id")
        if source_id in registry.index:
            default = {k: str(registry.at[source_id, k]) for k in ("url", "title")}
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in ("url", "title", "value", "unit"):
            if col not in frame:
                frame[col] = ""
        frame["url"] = frame["url"].where(frame["url"] != "", default["url"])
        frame["title"] = frame["title"].where(frame["title"] != "", default["title"])
        columns = [frame[c].to_numpy() for c in ("url", "title", "value", "unit")]
        for record, url, title, value, unit in zip(frame["record"], *columns, strict=True):
            table[record] = {"url": url, "title": title, "value": value, "unit": unit}
    table["*"] = default
    return table


def evidence_of(data: CheckData, row: Mapping[str, Any], bound: bool = False) -> dict:
    """What a check says about one value: the value, its printed step and where it comes from."""
    line = data.source_row(str(row.get("source_id", "")), str(row.get("record", "")))
    ev = {
        "district": str(row["district"]),
        "indicator": str(row["indicator"]),
        "year": int(row["year"]),
        "period": str(row.get("period", "Y")),
        "value": float(row["value"]),
        "unit": str(row.get("unit", "")),
        "source_id": str(row.get("source_id", "")),
        "record": str(row.get("record", "")),
        "source_kind": str(row.get("source_kind", "")),
        "vintage": str(row.get("vintage", "")),
        "reliability": str(row.get("reliability", "")),
        "flag": str(row.get("flag", "")),
        "correction": str(row.get("correction", "") or ""),
        "bound": str(row.get("bound", "")) if bound else "",
        "url": str(row.get("url") or "") or line.get("url", ""),
        "title": line.get("title", ""),
    }
    ev["step"] = _printed_step_of(ev, line)
    ev["caveats"] = _caveats_of(ev)
    return ev


def _printed_step_of(ev: Mapping[str, Any], line: Mapping[str, str]) -> float:
    """The last printed digit of a value, in its canonical unit: from the digits as transcribed
    in the source file where there are any (``7.0`` -> 0.1), else from the number itself.

    Three or more trailing zeros of a whole number are read as rounding (``1831000`` 万元 is
    183.1 亿元 written in 万元: ±500 万元), except in a count, which is exact; fewer are digits
    (a share of ``50`` is 49.5–50.5, not 45–55).
    """
    from jbanalysis.precision import last_digit

    text, unit = line.get("value", ""), line.get("unit", "")
    if text and unit and ev["unit"] and not ev["correction"]:
        try:
            step = printed_step(text, exact_count=True)
            rounded = printed_step(text)
            if _indicator_kind(ev["indicator"]) != "count" and rounded >= 1000 * step:
                step = rounded  # 1831000 万元: a coarser figure written in a finer unit
            return step * unit_factor(unit, ev["unit"])
        except (UnknownNameError, ValueError):
            pass
    return float(last_digit([ev["value"]])[0])


@cache
def _indicator_kind(indicator: str) -> str:
    from jbanalysis.registry.indicators import load_indicators

    reg = load_indicators().set_index("id")
    return str(reg.at[indicator, "kind"]) if indicator in reg.index else ""


def _caveats_of(ev: Mapping[str, str]) -> tuple[str, ...]:
    found = []
    if ev["vintage"] == "estimate":
        found.append("estimate")
    if ev["vintage"] == "preliminary":
        found.append("preliminary")
    if ev["reliability"] == "low":
        found.append("low")
    if ev["flag"] in CAVEAT_FLAGS:
        found.append(ev["flag"])
    if ev["source_kind"] in SECONDARY_SOURCE_KINDS and ev["reliability"] != "low":
        found.append("secondary")
    return tuple(found)


def same_page(a: str, b: str) -> bool:
    def key(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").casefold()

    return bool(a and b) and key(a) == key(b)
