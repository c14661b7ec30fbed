"""A stated number as the range it stands for: its digits, its direction word (下降0.2 is −0.2)
and its unit, converted to the indicator's canonical unit; a rank's place.
"""

from __future__ import annotations

import math
import re
from functools import cache

from jbanalysis.errors import UnknownNameError
from jbanalysis.io import parse_number
from jbanalysis.precision import (
    _clean,
    _cn_int,
    _round,
    fraction_range,
    printed_step,
    value_range,
)
from jbanalysis.registry.indicators import convert, resolve_unit

__all__ = ["SIGN_WORDS", "rank_number", "signed", "stated_range", "unit_factor"]


@cache
def unit_factor(from_unit: str, to_unit: str) -> float:
    """The factor taking ``from_unit`` to ``to_unit`` (:func:`jbanalysis.convert`), computed once.

    >>> from jbanalysis.claims.stated import unit_factor
    >>> unit_factor("万元", "cny_100m"), unit_factor("cny_100m", "cny_100m")
    (0.0001, 1.0)
    """
    return float(convert(1.0, from_unit, to_unit))


def rank_number(text: str) -> int:
    """A rank as written: ``1``, ``第一``, ``第3位``.

    >>> from jbanalysis.claims.stated import rank_number
    >>> rank_number("第3位"), rank_number("第一"), rank_number("12")
    (3, 1, 12)
    """
    clean = _clean(text).removeprefix("第").removesuffix("位").removesuffix("名")
    try:
        value = _cn_int(clean)
    except KeyError:
        value = 0
    if value < 1:
        raise ValueError(f"{text!r} is not a rank: expected a whole number from 1 (1, 第一, 第3位)")
    return value


#: Words before a stated number that say which way it goes (下降0.2 is −0.2).
SIGN_WORDS = {
    "下降": -1,
    "回落": -1,
    "减少": -1,
    "降低": -1,
    "下滑": -1,
    "负增长": -1,
    "下跌": -1,
    "增长": 1,
    "提高": 1,
    "上升": 1,
    "增加": 1,
    "上涨": 1,
}


def signed(text: str) -> tuple[str, int]:
    """A stated number without its direction word, and the sign the word gives.

    >>> from jbanalysis.claims.stated import signed
    >>> signed("下降0.2"), signed("增长6.7"), signed("-0.2"), signed("6.7")
    (('0.2', -1), ('6.7', 1), ('-0.2', 1), ('6.7', 1))
    """
    clean = text.strip()
    for word, sign in SIGN_WORDS.items():
        if clean.startswith(word):
            return clean[len(word) :].strip(), sign
    return clean, 1


_POINT_UNITS = ("个百分点", "百分点", "pp", "percentage points", "percentage point")


def stated_range(text, unit_text, canonical, ind_kind, mode, extra, kind, fail):
    """(stated, low, high, low_open, high_open, step) of a value, growth or change as the ledger
    writes it, in the indicator's canonical unit (``step``: its last printed digit); unit
    problems go to ``fail``."""

    digits, sign = signed(text)
    stated = parse_number(digits)
    if stated is None:
        raise ValueError(f"{text!r} is a missing-value mark, not a stated number")
    unit = canonical
    points = kind == "change" and canonical == "pct"
    if points and unit_text and unit_text.strip() not in (*_POINT_UNITS, "%"):
        fail("unit", f"a change of a rate is in percentage points (个百分点), not {unit_text!r}")
    elif unit_text and not points:
        try:
            unit = resolve_unit(unit_text)
            unit_factor(unit, canonical)
        except (UnknownNameError, ValueError) as exc:
            fail("unit", f"{exc}; {canonical} expected", "unknown")
            unit = canonical
    if kind == "growth" and unit != "pct":
        fail("unit", f"a growth rate is in % (got {unit_text!r})")
    exact_count = ind_kind == "count" and mode == "exact"
    step = printed_step(digits, exact_count=exact_count)
    low, high, low_open, high_open = value_range(stated, step, mode, extra)
    if sign < 0:  # 下降0.2: the range of 0.2, mirrored
        stated, low, high, low_open, high_open = -stated, -high, -low, high_open, low_open
    factor = unit_factor(unit, canonical)
    scaled = [x * factor if math.isfinite(x) else x for x in (stated, low, high)]
    return (
        _round(scaled[0]),
        _round(scaled[1]),
        _round(scaled[2]),
        low_open,
        high_open,
        _round(step * factor),
    )


_PERCENT = re.compile(r"^[-+]?\d+(?:\.\d+)?%$")


def share_range(
    text: str, fraction: float, mode: str, extra: float | None
) -> tuple[float, float, bool, bool]:
    """The shares a stated share covers: a percentage printed with its digits (``19.6%``,
    ``比重为38.0%``) covers half its last digit either side, as any printed number does; a
    fraction in words or as a ratio (三分之一, 六成, ``1/3``) runs half-way to its neighbours
    among the fractions writers choose from (:func:`jbanalysis.precision.fraction_range`).

    >>> from jbanalysis.claims.stated import share_range
    >>> [round(x, 5) for x in share_range("19.6%", 0.196, "exact", None)[:2]]
    [0.1955, 0.1965]
    >>> [round(x, 4) for x in share_range("三分之一", 1 / 3, "exact", None)[:2]]
    [0.3167, 0.3667]
    """
    clean = _clean(text)
    if _PERCENT.match(clean) and mode in ("exact", "about", "nearly", "over", "under", "odd"):
        digits = clean.removesuffix("%")
        step = printed_step(digits, exact_count=True)
        low, high, low_open, high_open = value_range(float(digits), step, mode, extra)
        return low / 100, high / 100, low_open, high_open
    return fraction_range(fraction, mode)


def multiple_factor(text: str) -> float:
    """A multiple as printed: 翻一番 -> 2, 翻两番 -> 4, ``2.1倍`` or ``2.1`` -> 2.1.

    >>> from jbanalysis.claims.stated import multiple_factor
    >>> multiple_factor("翻一番"), multiple_factor("翻两番"), multiple_factor("2.5倍")
    (2.0, 4.0, 2.5)
    """
    clean = _clean(text)
    m = re.match(r"^翻(.)番$", clean)
    if m:
        doublings = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
        if m.group(1) not in doublings:
            raise ValueError(f"{text!r} is not a multiple: write 翻一番, 翻两番 or a number (2.1)")
        return float(2 ** doublings[m.group(1)])
    value = parse_number(clean.removesuffix("倍"))
    if value is None or value <= 0:
        raise ValueError(f"{text!r} is not a multiple: write 翻一番, 翻两番 or a number (2.1)")
    return float(value)


def multiple_range(
    text: str, mode: str, extra: float | None
) -> tuple[float, float, float, bool, bool, float]:
    """(stated, low, high, low_open, high_open, step) of a multiple: its digits' precision, and
    翻N番 read as the whole number 2^N (翻一番 covers 1.5-2.5 times, as 2 does).

    >>> from jbanalysis.claims.stated import multiple_range
    >>> multiple_range("翻一番", "exact", None)[:3], multiple_range("2.1倍", "exact", None)[:3]
    ((2.0, 1.5, 2.5), (2.1, 2.05, 2.15))
    """
    stated = multiple_factor(text)
    digits = _clean(text).removesuffix("倍")
    step = 1.0 if digits.startswith("翻") else printed_step(digits, exact_count=True)
    low, high, low_open, high_open = value_range(stated, step, mode, extra)
    return _round(stated), _round(low), _round(high), low_open, high_open, step
