"""Numbers as a report prints them: one formatter, driven by the unit registry (``data/units.csv``).

A value comes in a registry unit (亿元, 万人, %, …) and is written in Chinese (``"zh"``) in that
unit, as published, and in English in the unit English writes it in (``written_en``: 亿元 as
CNY billion, 万人 as thousand or million people by magnitude), converted exactly with the units'
factors. How many decimals:

* ``decimals=None``: the reading precision of the unit written (the registry's ``decimals``:
  1602.76亿元 → ``1602.8亿元`` / ``CNY 160.3 bn``);
* ``decimals=d``: the precision the value was printed with, in its own unit. Chinese shows it as
  printed (``122.50万人``); English shifts the decimals with the conversion, so that no digit is
  lost and none is added (``1.2250 million people``; 5560亿元 is ``CNY 556.0 bn``).

Rounding is half up on the decimal digits of the value (四舍五入, as statistical publications
round): 6.25 → 6.3 and 6.35 → 6.4, where binary floating point would give 6.2 and 6.3.

>>> from jbanalysis.text.numbers import fmt_value
>>> fmt_value(122.5, "persons_10k", "zh", 2), fmt_value(122.5, "persons_10k", "en")
('122.50万人', '1.225 million people')
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from jbanalysis.registry.indicators import load_units
from jbanalysis.registry.terms import check_lang, term

__all__ = [
    "fmt_number",
    "fmt_pct",
    "fmt_points",
    "fmt_printed",
    "fmt_range",
    "fmt_value",
    "is_number",
    "printed_decimals",
    "round_half_up",
]

#: Significant digits shown for a unit the registry gives no reading precision.
_SIGNIFICANT = 4


def is_number(value: object) -> bool:
    """Whether ``value`` is a finite number (``None``, NaN, text and infinities are not).

    >>> from jbanalysis.text.numbers import is_number
    >>> is_number(1.5), is_number(float("nan")), is_number(None), is_number("x")
    (True, False, False, False)
    """
    try:
        return value is not None and math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def round_half_up(value: float | Decimal, decimals: int) -> Decimal:
    """``value`` rounded to ``decimals`` places, half away from zero, on its decimal digits.

    A float is read by its shortest repr (``6.35`` is 6.35, not 6.3499999…), so a published
    figure rounds as a reader rounding it by hand would (四舍五入). A zero keeps no sign.

    >>> from jbanalysis.text.numbers import round_half_up
    >>> [str(round_half_up(v, 1)) for v in (6.15, 6.25, 6.35, 6.45, -0.04)]
    ['6.2', '6.3', '6.4', '6.5', '0.0']
    """
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _digits(number: Decimal, decimals: int, grouped: bool, signed: bool = False) -> str:
    text = f"{round_half_up(number, decimals):{'+' if signed else ''}{',' if grouped else ''}f}"
    return text


def printed_decimals(value: float) -> int:
    """The decimals a value carries as written (its shortest repr), at most 4.

    >>> from jbanalysis.text.numbers import printed_decimals
    >>> printed_decimals(67.2409), printed_decimals(122.5), printed_decimals(4000.0)
    (4, 1, 0)
    """
    if not is_number(value) or float(value).is_integer():
        return 0
    text = repr(float(value))
    return min(len(text.split(".")[1]), 4) if "." in text and "e" not in text else 4


@cache
def _units() -> dict[str, dict[str, str]]:
    table = load_units()
    return {row["id"]: row for row in table.astype(str).to_dict("records")}


def _written(unit: str, number: Decimal, en: bool) -> tuple[str, Decimal]:
    """The unit a value is written in, and the value in it (exact)."""
    units = _units()
    targets = units[unit].get("written_en", "") if en and unit in units else ""
    if not targets:
        return unit, number
    factor = Decimal(units[unit]["factor"])
    options = [(t, number * factor / Decimal(units[t]["factor"])) for t in targets.split("|")]
    # the largest unit in which the value is at least 1 (588.7 thousand, 1.225 million)
    fitting = [(t, v) for t, v in options if abs(v) >= 1]
    return fitting[-1] if fitting else options[0]


def _pattern(unit: str, lang: str) -> str:
    units = _units()
    if unit not in units:
        return "{n:,}" + ("" if lang == "zh" else " ") + unit
    row = units[unit]
    pattern = row.get(f"format_{lang}", "")
    if pattern:
        return pattern
    return "{n:,}" + row["symbol_zh"] if lang == "zh" else "{n:,} " + row["name_en"]


def _reading_decimals(unit: str, number: Decimal) -> int:
    units = _units()
    given = units.get(unit, {}).get("decimals", "")
    if given:
        return int(given)
    whole = len(str(abs(int(number)))) if abs(number) >= 1 else 1
    return max(0, _SIGNIFICANT - whole)


def fmt_value(
    value: float,
    unit: str,
    lang: str = "zh",
    decimals: int | None = None,
    *,
    signed: bool = False,
    infix: str = "",
) -> str:
    """A value with its unit, as a sentence writes it (see the module's notes).

    Parameters
    ----------
    value : float
        The value in ``unit``; a missing value is written "无数据" / "no data".
    unit : str
        A unit id of ``data/units.csv``.
    decimals : int, optional
        The precision the value was printed with, in ``unit``; default the reading precision of
        the unit written.
    signed : bool
        Write + before a positive value.
    infix : str
        Text between the number and its unit (``4000余人``).

    Examples
    --------
    >>> from jbanalysis.text.numbers import fmt_value
    >>> fmt_value(1602.76, "cny_100m"), fmt_value(1602.76, "cny_100m", "en")
    ('1602.8亿元', 'CNY 160.3 bn')
    >>> fmt_value(98765.4, "cny", "en"), fmt_value(5.25, "pct"), fmt_value(2.0, "pct", signed=True)
    ('CNY 98,765', '5.3%', '+2.0%')
    >>> fmt_value(58.8717, "persons_10k"), fmt_value(58.8717, "persons_10k", "en")
    ('58.9万人', '589 thousand people')
    >>> fmt_value(67.2409, "cny_100m", "en", 4), fmt_value(100, "visits_10k", "en", 0)
    ('CNY 6.72409 bn', '1.00 million visits')
    >>> fmt_value(4000, "persons", decimals=0, infix="余"), fmt_value(float("nan"), "cny")
    ('4,000余人', '无数据')
    """
    if not is_number(value):
        return term("no_data", lang)
    en = check_lang(lang) == "en"
    number = Decimal(repr(float(value)))
    written, amount = _written(unit, number, en)
    if decimals is None:
        places = _reading_decimals(written, amount)
        text = _digits(amount, places, grouped=True, signed=signed)
    else:
        shift = 0
        if written != unit:  # the factor ratio is a power of ten: shift the printed decimals
            ratio = Decimal(_units()[written]["factor"]) / Decimal(_units()[unit]["factor"])
            shift = round(math.log10(float(ratio)))
        text = _digits(amount, max(decimals + shift, 0), grouped=True, signed=signed)
    pattern = _pattern(written, lang)
    grouped = "{n:,}" in pattern
    if not grouped:
        text = text.replace(",", "")
    return pattern.replace("{n:,}", "{n}").replace("{n}", text + infix)


def fmt_printed(
    value: float, unit: str, lang: str = "zh", decimals: int | None = None, infix: str = ""
) -> str:
    """A published value at the precision it was printed with (default: its own decimals).

    >>> from jbanalysis.text.numbers import fmt_printed
    >>> fmt_printed(67.2409, "cny_100m"), fmt_printed(67.2, "cny_100m", "en")
    ('67.2409亿元', 'CNY 6.72 bn')
    >>> fmt_printed(122.5, "persons_10k", "en"), fmt_printed(5.7, "persons_10k", "en")
    ('1.225 million people', '57 thousand people')
    """
    places = printed_decimals(value) if decimals is None else decimals
    return fmt_value(value, unit, lang, places, infix=infix)


def fmt_range(
    low: float, high: float, unit: str, lang: str = "zh", decimals: int | None = None
) -> str:
    """``low–high`` with their unit; two different ends never print alike.

    Each end is :func:`fmt_printed` at ``decimals`` (default its own); where two different values
    would print the same, both get one more decimal until they differ.

    >>> from jbanalysis.text.numbers import fmt_range
    >>> fmt_range(122.45, 122.55, "persons_10k", "en")
    '1.2245 million people–1.2255 million people'
    >>> fmt_range(6.15, 6.25, "pct", decimals=1), fmt_range(6.21, 6.24, "pct", decimals=1)
    ('6.2%–6.3%', '6.21%–6.24%')
    """
    places = max(printed_decimals(low), printed_decimals(high)) if decimals is None else decimals
    for extra in range(7):
        a = fmt_printed(low, unit, lang, places + extra)
        b = fmt_printed(high, unit, lang, places + extra)
        if a != b or float(low) == float(high):
            break
    return f"{a}–{b}"


def fmt_number(value: float, digits: int = 1, lang: str = "zh", grouped: bool = True) -> str:
    """A plain number with ``digits`` decimals and (``grouped``) thousands separators.

    >>> from jbanalysis.text.numbers import fmt_number
    >>> fmt_number(1234.567), fmt_number(0.25287, 3), fmt_number(float("nan"), lang="en")
    ('1,234.6', '0.253', 'no data')
    >>> fmt_number(1234.5, 0, grouped=False)
    '1235'
    """
    if not is_number(value):
        return term("no_data", lang)
    return _digits(Decimal(repr(float(value))), digits, grouped=grouped)


def fmt_pct(value: float, lang: str = "zh", signed: bool = False, digits: int = 1) -> str:
    """A percentage with ``digits`` decimals (``signed`` adds + to positive values).

    >>> from jbanalysis.text.numbers import fmt_pct
    >>> fmt_pct(7.256), fmt_pct(-1.0, signed=True), fmt_pct(2.0, signed=True), fmt_pct(7.256, digits=2)
    ('7.3%', '-1.0%', '+2.0%', '7.26%')
    """
    return fmt_value(value, "pct", lang, digits, signed=signed)


def fmt_points(value: float, lang: str = "zh") -> str:
    """A change in percentage points, signed, one decimal.

    >>> from jbanalysis.text.numbers import fmt_points
    >>> fmt_points(20.04), fmt_points(-1.25, "en")
    ('+20.0个百分点', '-1.3 percentage points')
    """
    return fmt_value(value, "pp", lang, 1, signed=True)
