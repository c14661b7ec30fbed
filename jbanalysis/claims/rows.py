"""One ledger row read into a :class:`~jbanalysis.claims.schema.Claim`, or the problems that
keep it from being checked, each naming its column and what was expected.

The cells are read with the registries (districts, indicators, units), the periods of the bundle
(:func:`parse_period`), the rank groups (:func:`group_ids`) and the printed precision of
:mod:`jbanalysis.precision`: a stated number becomes the range it stands for, in the indicator's
canonical unit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache

from jbanalysis.claims.schema import KINDS, LEDGER_COLUMNS, Claim, LedgerProblem
from jbanalysis.claims.stated import (
    multiple_range,
    rank_number,
    share_range,
    stated_range,
    unit_factor,
)
from jbanalysis.errors import UnknownNameError
from jbanalysis.names import normalise
from jbanalysis.precision import (
    _EPS,
    _clean,
    parse_fraction,
    parse_precision,
)
from jbanalysis.registry.districts import CITY, CITY_WORDS, group_of, resolve_district
from jbanalysis.registry.districts import RANK_GROUPS as GROUPS
from jbanalysis.registry.districts import group_ids as _group_ids
from jbanalysis.registry.indicators import load_indicators, resolve_indicator
from jbanalysis.registry.schema import PERIOD_WORDS, PERIODS, YEAR_RANGE

__all__ = ["GROUPS", "group_ids", "parse_period", "parse_row", "unit_factor"]


def _period_words() -> dict[str, str]:
    """word -> period id, from the registry's :data:`~jbanalysis.registry.schema.PERIOD_WORDS`."""
    words = {"": "Y", "年": "Y", "q1—q3": "Q1-Q3"}
    for period, written in PERIOD_WORDS.items():
        words[period.lower()] = period
        words.update({normalise(w).replace(" ", ""): period for w in written})
    return words


def parse_period(text: object) -> tuple[int, str]:
    """A period as written in the ledger: a year, or a year and a part of it.

    Accepts ``2023``, ``2023 Q1-Q3`` (also ``2023Q1–Q3``, ``2023年前三季度``), ``2023 H1``
    (``2023年上半年``), ``2023 Q1`` (``2023年一季度``); the parts are those of the bundle's
    ``period`` column (:data:`jbanalysis.data.PERIODS`).

    >>> from jbanalysis.claims.rows import parse_period
    >>> parse_period("2023"), parse_period("2023 Q1-Q3"), parse_period("2023年上半年")
    ((2023, 'Y'), (2023, 'Q1-Q3'), (2023, 'H1'))
    >>> parse_period("2023 Q4")
    Traceback (most recent call last):
    ...
    ValueError: '2023 Q4' is not a period: write a year (2023) or a year and Q1, H1 or Q1-Q3 (2023 Q1-Q3, 2023年前三季度)
    """
    clean = normalise(text)
    match = re.match(r"^(\d{4})\s*年?\s*[-_/ ]?\s*(.*)$", clean)
    part = _period_words().get(match.group(2).replace(" ", "")) if match else None
    if match is None or part is None:
        raise ValueError(
            f"{str(text)!r} is not a period: write a year (2023) or a year and Q1, H1 or Q1-Q3 "
            "(2023 Q1-Q3, 2023年前三季度)"
        )
    year = int(match.group(1))
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise ValueError(f"year {year} is outside {YEAR_RANGE[0]}–{YEAR_RANGE[1]}")
    assert part in PERIODS
    return year, part


def _group_word(text: object) -> str | None:
    gid = group_of(text)
    return gid if gid in GROUPS else None


def group_ids(group: str) -> list[str]:
    """District ids of a rank group (:data:`GROUPS`, or its printed name), in registry order.

    The groups and the words that name them are the registry's
    (:data:`jbanalysis.registry.districts.RANK_GROUPS`, :func:`~jbanalysis.registry.districts.group_of`).

    >>> from jbanalysis.claims.rows import group_ids
    >>> len(group_ids("central")), len(group_ids("全市(行政区)")), len(group_ids("全市")), len(group_ids("主城都市区"))
    (9, 26, 38, 21)
    """
    if _group_word(group) is None:
        raise ValueError(
            f"unknown group {group!r}: expected one of {', '.join(GROUPS)} "
            "(中心城区, 全市(行政区), 全市, 主城都市区)"
        )
    return _group_ids(group)


def parse_row(
    cells: Mapping[str, str], file: str, line: int, seen: dict[str, int], problems: list
) -> Claim | None:
    get = {k: str(cells.get(k, "")).strip() for k in LEDGER_COLUMNS}
    cid = get["claim_id"]

    def fail(column: str, message: str, code: str = "unparseable") -> None:
        value = str(cells.get(column, "")) if column in LEDGER_COLUMNS else ""
        problems.append(LedgerProblem(file, line, cid, column, message, code, value.strip()))

    if "__extra__" in cells:
        # every cell after the stray comma is shifted: their own errors would only mislead
        fail(
            "(end of row)",
            f"more cells than columns: {cells['__extra__']} (an unquoted comma in a cell? "
            "quote the cell)",
            "extra",
        )
        return None
    if not cid:
        fail("claim_id", "missing claim id", "missing")
    elif cid in seen:
        fail("claim_id", f"claim id {cid!r} already used in row {seen[cid]}", "duplicate")
    if not get["text"]:
        fail("text", "missing: the claim as printed", "missing")
    district = indicator = kind = ""
    try:
        district = resolve_district(get["district"]) if get["district"] else ""
        if not district:
            fail("district", "missing district", "missing")
    except UnknownNameError as exc:
        fail("district", str(exc), "unknown")
    try:
        indicator = resolve_indicator(get["indicator"]) if get["indicator"] else ""
        if not indicator:
            fail("indicator", "missing indicator id (data/indicators.csv)", "missing")
    except UnknownNameError as exc:
        fail("indicator", f"{exc} (data/indicators.csv)", "unknown")
    year, period = 0, "Y"
    try:
        year, period = parse_period(get["period"])
    except ValueError as exc:
        fail("period", str(exc))
    if get["kind"].lower() in KINDS:
        kind = get["kind"].lower()
    else:
        fail("kind", f"{get['kind']!r} is not a kind: expected one of {', '.join(KINDS)}")
    if get["date"] and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", get["date"]):
        fail("date", f"{get['date']!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    if not kind or not indicator:
        return None
    canonical, ind_kind = _indicator_units()[indicator]
    stated_text = get["stated"]
    if not stated_text:
        fail("stated", "missing stated number", "missing")
        return None
    group = denominator = ""
    top = False
    if kind == "rank":
        group = _check_group(get, district, fail)
    elif get["group"]:
        fail("group", f"a group is only for a rank; this claim is a {kind}", "not allowed")
    if kind == "share":
        denominator = _check_denominator(get, district, fail)
        if ind_kind == "rate":
            fail(
                "indicator",
                f"a share needs a level or a count; {indicator} is a rate",
                "not allowed",
            )
    elif get["denominator"]:
        fail(
            "denominator",
            f"a denominator is only for a share; this claim is a {kind}",
            "not allowed",
        )
    if kind == "growth" and canonical != "pct":
        fail(
            "indicator",
            f"a growth claim needs a published growth rate (in %), not {indicator}: e.g. "
            "gdp_real_growth for 增长 of GDP (可比价), retail_sales_growth",
            "not allowed",
        )
        return None
    try:
        mode, extra = parse_precision(get["precision"], kind)
    except ValueError as exc:
        fail("precision", str(exc))
        return None
    unit = canonical
    step = math.nan
    try:
        if kind == "share":
            stated = parse_fraction(stated_text)
            if extra is not None and abs(extra - stated) > _EPS:
                fail(
                    "precision",
                    f"{get['precision']!r} is {extra:.4g} but the stated fraction is "
                    f"{stated_text} ({stated:.4g})",
                    "mismatch",
                )
            low, high, low_open, high_open = share_range(stated_text, stated, mode, extra)
        elif kind == "rank":
            stated = float(rank_number(stated_text))
            top = mode == "top"
            low, high, low_open, high_open = (1.0 if top else stated), stated, False, False
        elif kind == "multiple":
            stated, low, high, low_open, high_open, step = multiple_range(stated_text, mode, extra)
        else:
            stated, low, high, low_open, high_open, step = stated_range(
                stated_text, get["unit"], canonical, ind_kind, mode, extra, kind, fail
            )
    except ValueError as exc:
        fail("stated", str(exc))
        return None
    if kind in ("rank", "share") and get["unit"] and _clean(get["unit"]) not in ("%",):
        fail("unit", f"a {kind} has no unit; leave the column empty", "not allowed")
    base = _check_base(get, kind, year, fail)
    if problems or not district or not year:
        return None
    return Claim(
        claim_id=cid,
        text=get["text"],
        district=district,
        indicator=indicator,
        year=year,
        period=period,
        kind=kind,
        stated=stated,
        stated_text=stated_text,
        stated_step=step,
        base=base,
        unit=unit,
        precision=get["precision"],
        low=low,
        high=high,
        low_open=low_open,
        high_open=high_open,
        top=top,
        group=group,
        denominator=denominator,
        title=get["title"],
        date=get["date"],
        url=get["url"],
        note=get["note"],
        row=line,
    )


@cache
def _indicator_units() -> dict[str, tuple[str, str]]:
    """indicator id -> (canonical unit, kind), read once."""
    reg = load_indicators()
    return {r.id: (r.unit, r.kind) for r in reg.itertuples(index=False)}


def _check_base(get: Mapping[str, str], kind: str, year: int, fail) -> int:
    """The year a change or a multiple is from: required for a multiple (翻一番 since when?),
    the year before when a change leaves it empty."""
    text = get.get("base", "")
    if not text:
        if kind == "multiple":
            fail("base", "a multiple needs its base year (比2010年翻一番: 2010)", "missing")
        return 0
    if kind not in ("change", "multiple"):
        fail(
            "base",
            f"a base year is only for a change or a multiple; this claim is a {kind}",
            "not allowed",
        )
        return 0
    try:
        base, _ = parse_period(text)
    except ValueError as exc:
        fail("base", str(exc))
        return 0
    if year and base >= year:
        fail("base", f"the base year {base} is not before the claim's year {year}")
    return base


def _check_group(get: Mapping[str, str], district: str, fail) -> str:
    if not get["group"]:
        fail(
            "group",
            "a rank needs its group: central (中心城区), districts (全市(行政区)), all (全市)",
            "missing",
        )
        return ""
    gid = _group_word(get["group"])
    if gid is None:
        fail(
            "group",
            f"unknown group {get['group']!r}: expected one of {', '.join(GROUPS)} "
            "(中心城区, 全市(行政区), 全市, 主城都市区)",
            "unknown",
        )
        return ""
    if district and district not in group_ids(gid):
        fail("group", f"{district} is not one of the group {gid}", "not in group")
    return gid


def _check_denominator(get: Mapping[str, str], district: str, fail) -> str:
    text = get["denominator"]
    if not text:
        fail("denominator", "a share needs its denominator: 全市 (the city) or a group", "missing")
        return ""
    if normalise(text).replace(" ", "") in {normalise(w) for w in CITY_WORDS}:
        return CITY
    gid = _group_word(text)
    if gid is None:
        fail(
            "denominator",
            f"unknown denominator {text!r}: expected 全市 (chongqing) or a group "
            f"({', '.join(GROUPS)})",
            "unknown",
        )
        return ""
    if district and district not in group_ids(gid):
        fail("denominator", f"{district} is not one of the group {gid}", "not in group")
    return gid
