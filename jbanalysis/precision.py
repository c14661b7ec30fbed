"""Printed precision: what range of values a number or a fraction as printed stands for.

A newspaper's ``三分之一`` is not 0.3333…, and its ``6.2%`` is not 6.2000: each printed number
covers a range, and a check against data must use that range (``docs/claims.md``):

* a number covers half its last printed digit either side (``6.2`` -> 6.15–6.25); a whole number
  ending in zeros is read as rounded at its last non-zero digit (``5560`` -> ±5), a count exactly;
* modifiers widen or cut that range: ``约``/``左右`` (about: ± one digit), ``近`` (nearly: up to
  the number), ``余``/``多`` (odd: up to the next digit), ``超过``/``突破`` and ``不到`` (literal);
* a fraction (``三分之一``, ``六成``, ``一半``, ``1/12``) runs half-way to its neighbours among the
  fractions a writer chooses from (:data:`COMMON_FRACTIONS`).

>>> import jbanalysis as jb
>>> mode, share = jb.precision.parse_precision("近六成", "share")
>>> [round(x, 3) for x in jb.precision.fraction_range(share, mode)[:2]]
[0.55, 0.6]
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from jbanalysis.names import normalise

__all__ = [
    "COMMON_FRACTIONS",
    "fraction_range",
    "last_digit",
    "parse_fraction",
    "parse_precision",
    "printed_step",
    "value_range",
]

_EPS = 1e-9  # two floats this close are the same number (a fraction's 1/3 against 0.3333…)
_CN_DIGIT = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))


def _cn_int(text: str) -> int:
    """A whole number in digits or in Chinese numerals up to 99 (十二, 二十五, 七); else KeyError."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGIT[text]
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


_NUMERAL = "[0-9零〇一二两三四五六七八九十]+"
# each form of a printed fraction, and its value from the match
_FRACTION_WORDS = [
    (
        rf"^(?P<den>{_NUMERAL})分之(?P<num>{_NUMERAL})$",
        lambda m: Fraction(*map(_cn_int, m.group("num", "den"))),
    ),
    (
        r"^(?P<tenths>[一二两三四五六七八九])成(?P<half>半)?$",
        lambda m: Fraction(_cn_int(m["tenths"]) * 2 + bool(m["half"]), 20),
    ),
    (r"^(一半|半数|半)$", lambda m: Fraction(1, 2)),
    (r"^(?P<num>\d+)/(?P<den>\d+)$", lambda m: Fraction(int(m["num"]), int(m["den"]))),
    (r"^(?P<pct>\d+(\.\d+)?)%$", lambda m: Fraction(m["pct"]) / 100),
    (r"^(?P<dec>0?\.\d+|0|1(\.0+)?)$", lambda m: Fraction(m["dec"])),
]
# modifiers of a printed number, as prefixes and suffixes; the word decides the range (a longer
# word before the word it starts with: 将近 before 近)
_PREFIXES = tuple(
    (word, mode)
    for mode, words in (
        ("nearly", "将近 接近 近乎 近"),
        ("about", "大约 约占 约 大概"),
        ("over", "超过 突破 多于 超 逾 过"),
        ("under", "不到 不足 少于 未到"),
    )
    for word in words.split()
)
_SUFFIXES = (("左右", "about"), ("上下", "about"), ("以上", "over"), ("以下", "under"))
_SUFFIXES += (("余", "odd"), ("多", "odd"))


def _clean(text: object) -> str:
    """NFKC-folded text without spaces; division slashes (∕, ／) written as ``/``."""
    folded = normalise(text).replace("∕", "/").replace("⁄", "/")
    return folded.replace(" ", "")


def parse_fraction(text: object) -> float:
    """A fraction as printed, as a number from 0 to 1.

    Parameters
    ----------
    text : str
        ``三分之一`` (denominator first), ``六成``, ``七成半``, ``一半``, ``1/12`` (also ``1∕12``),
        ``60%`` or ``0.6``; full-width digits and spaces are folded first.

    Returns
    -------
    float
        The fraction, from 0 to 1.

    Raises
    ------
    ValueError
        Anything else, or a fraction over 1, saying what is accepted.

    Examples
    --------
    >>> [round(jb.precision.parse_fraction(t), 4) for t in ("三分之一", "六成", "七成半", "一半", "1∕12", "25%", "0.2")]
    [0.3333, 0.6, 0.75, 0.5, 0.0833, 0.25, 0.2]
    >>> jb.precision.parse_fraction("三分之")
    Traceback (most recent call last):
    ...
    ValueError: '三分之' is not a fraction: write it as printed (三分之一, 六成, 一半) or as 1/3, 0.6, 60%
    """
    clean = _clean(text)
    for pattern, value_of in _FRACTION_WORDS:
        if match := re.match(pattern, clean):
            try:
                value = value_of(match)
            except (KeyError, ZeroDivisionError):
                break
            if 0 <= value <= 1:
                return float(value)
            break
    raise ValueError(
        f"{str(text)!r} is not a fraction: write it as printed (三分之一, 六成, 一半) "
        "or as 1/3, 0.6, 60%"
    )


def _modifier(text: str) -> tuple[str, str]:
    """Split a printed precision into (mode, body): ``近六成`` -> ("nearly", "六成")."""
    for word, mode in _PREFIXES:
        if text.startswith(word):
            return mode, text[len(word) :]
    for word, mode in _SUFFIXES:
        if text.endswith(word):
            return mode, text[: -len(word)]
    return "exact", text


def parse_precision(text: object, kind: str) -> tuple[str, float | None]:
    """The printed precision of a claim: its mode, and the fraction or tolerance it states.

    Parameters
    ----------
    text : str
        What the claim prints beside its number. A share: a fraction as printed with an optional
        modifier (``近六成``, ``约一半``, ``超过三分之一``, ``过半``). A value or a growth: a
        modifier (``约``, ``左右``, ``近``, ``余``, ``超过``, ``不到``) or a tolerance ``±0.05`` in
        the stated unit. A rank: ``前`` (``前十``: that rank or better). Empty: exactly as printed.
    kind : {"share", "value", "growth", "rank"}
        What the claim states.

    Returns
    -------
    tuple of (str, float or None)
        The mode (``exact``, ``about``, ``nearly``, ``odd``, ``over``, ``under``, ``plusminus``,
        ``top``) and the fraction (share) or tolerance (``±x``); None where the text states none.

    Raises
    ------
    ValueError
        A word that is not a printed precision of that kind, listing those that are.

    Examples
    --------
    >>> jb.precision.parse_precision("近六成", "share"), jb.precision.parse_precision("过半", "share")
    (('nearly', 0.6), ('over', 0.5))
    >>> [jb.precision.parse_precision(*a) for a in [("余", "value"), ("±0.05", "growth"), ("前", "rank")]]
    [('odd', None), ('plusminus', 0.05), ('top', None)]
    >>> jb.precision.parse_precision("大致", "value")
    Traceback (most recent call last):
    ...
    ValueError: '大致' is not a printed precision of a value: use 约, 左右, 近, 余, 多, 超过, 不到, ±x or leave it empty
    """
    clean = _clean(text)
    if kind == "rank":
        if clean in ("", "并列"):
            return "exact", None
        if clean in ("前", "top"):
            return "top", None
        raise ValueError(
            f"{str(text)!r} is not a printed precision of a rank: leave it empty or write 前 "
            "(前十: 10th or better)"
        )
    if kind == "share":
        if not clean:
            return "exact", None
        mode, body = _modifier(clean)
        if mode == "odd":
            mode = "over"
        try:
            return mode, parse_fraction(body)
        except ValueError:
            raise ValueError(
                f"{str(text)!r} is not a printed fraction: write it as printed, e.g. 三分之一, "
                "近六成, 约一半, 超过四分之一, 1/12"
            ) from None
    if not clean:
        return "exact", None
    if clean.startswith(("±", "+-", "+/-")):
        try:
            tolerance = float(clean.lstrip("±+-/"))
        except ValueError:
            tolerance = math.nan
        if tolerance >= 0 and math.isfinite(tolerance):
            return "plusminus", tolerance
    mode, body = _modifier(clean)
    if mode != "exact" and not body:
        return mode, None
    raise ValueError(
        f"{str(text)!r} is not a printed precision of a {kind}: use 约, 左右, 近, 余, 多, 超过, "
        "不到, ±x or leave it empty"
    )


#: The fractions a writer chooses from: halves, thirds, quarters, fifths, tenths (成), 1/6 … 1/20.
COMMON_FRACTIONS = tuple(
    sorted(
        {round(a / b, 12) for b in (2, 3, 4, 5, 10) for a in range(b + 1)}
        | {round(1 / n, 12) for n in range(6, 21)}
    )
)


def fraction_range(fraction: float, mode: str = "exact") -> tuple[float, float, bool, bool]:
    """The shares a printed fraction covers.

    A fraction as printed stands for the values nearer to it than to its neighbours among the
    fractions a writer chooses from (:data:`COMMON_FRACTIONS`): low = (f_prev + f) / 2 and
    high = (f + f_next) / 2.

    ``约`` / ``左右`` widen nothing (the fraction is already approximate); ``近`` (nearly) keeps
    the lower half, up to the fraction itself; ``超过`` / ``过`` (more than) and ``不到`` (less
    than) are read literally.

    Parameters
    ----------
    fraction : float
        The fraction as parsed (:func:`parse_fraction`).
    mode : {"exact", "about", "nearly", "over", "under"}
        The modifier's mode (:func:`parse_precision`).

    Returns
    -------
    tuple of (float, float, bool, bool)
        ``(low, high, low_open, high_open)``: an open end excludes its bound.

    Examples
    --------
    >>> [round(x, 4) for x in jb.precision.fraction_range(1 / 3)[:2]]  # neighbours 3/10 and 2/5
    [0.3167, 0.3667]
    >>> [round(x, 4) for x in jb.precision.fraction_range(0.6, "nearly")[:2]]  # 近六成
    [0.55, 0.6]
    >>> jb.precision.fraction_range(0.5, "over")
    (0.5, 1.0, True, False)
    """
    f = round(float(fraction), 12)
    points = sorted(set(COMMON_FRACTIONS) | {f})
    i = points.index(f)
    prev = points[i - 1] if i > 0 else 0.0
    nxt = points[i + 1] if i + 1 < len(points) else 1.0
    low, high = (prev + f) / 2, (f + nxt) / 2
    if mode in ("exact", "about"):
        return low, high, False, False
    if mode == "nearly":
        return low, f, False, False
    if mode == "over":
        return f, 1.0, True, False
    if mode == "under":
        return 0.0, f, False, True
    raise ValueError(f"unknown precision mode {mode!r}")


def printed_step(text: str, exact_count: bool = False) -> float:
    """The size of the last printed digit of a number as written (``6.2`` → 0.1).

    Parameters
    ----------
    text : str
        The number as printed (``6.2``, ``67.20``, ``5,560``, ``6.2%``, full-width digits).
    exact_count : bool, default False
        Read a whole number exactly (10 firms are 10), not as rounded at its last non-zero
        digit (``5560`` → 10, ``6800`` → 100).

    Returns
    -------
    float
        A power of ten.

    Examples
    --------
    >>> [jb.precision.printed_step(t) for t in ("6.2", "67.20", "5560", "6800", "4000", "0")]
    [0.1, 0.01, 10.0, 100.0, 1000.0, 1.0]
    >>> jb.precision.printed_step("4000", exact_count=True)
    1.0
    """
    clean = _clean(text).replace(",", "").removesuffix("%").lstrip("+-")
    if "." in clean:
        return 10.0 ** -len(clean.split(".", 1)[1])
    digits = clean.lstrip("0")
    if exact_count or not digits:
        return 1.0
    return 10.0 ** (len(digits) - len(digits.rstrip("0")))


def value_range(
    stated: float, step: float, mode: str = "exact", tolerance: float | None = None
) -> tuple[float, float, bool, bool]:
    """The values a printed number covers, by the mode of its modifier.

    exact ``6.2``: stated ± step / 2; about ``约6800``, ``5%左右``: stated ± step; nearly
    ``近100``: [stated − step, stated]; odd ``4000余``, ``4000多``: [stated, stated + step);
    over ``超过1200``, ``突破``: (stated, ∞); under ``不到5``: (−∞, stated); plusminus ``±0.05``:
    stated ± tolerance.

    Parameters
    ----------
    stated : float
        The number as printed.
    step : float
        The size of its last printed digit (:func:`printed_step`).
    mode : str, default "exact"
        One of the modes above (:func:`parse_precision`).
    tolerance : float, optional
        The ``±x`` of mode ``plusminus``.

    Returns
    -------
    tuple of (float, float, bool, bool)
        ``(low, high, low_open, high_open)``: an open end excludes its bound.

    Examples
    --------
    >>> jb.precision.value_range(6.2, 0.1)
    (6.15, 6.25, False, False)
    >>> jb.precision.value_range(4000, 1000, "odd")
    (4000, 5000, False, True)
    >>> jb.precision.value_range(5, 1, "about")
    (4, 6, False, False)
    """
    if mode == "exact":
        return _round(stated - step / 2), _round(stated + step / 2), False, False
    if mode == "about":
        return stated - step, stated + step, False, False
    if mode == "nearly":
        return stated - step, stated, False, False
    if mode == "odd":
        return stated, stated + step, False, True
    if mode == "over":
        return stated, math.inf, True, False
    if mode == "under":
        return -math.inf, stated, False, True
    if mode == "plusminus":
        tol = float(tolerance or 0.0)
        return _round(stated - tol), _round(stated + tol), False, False
    raise ValueError(f"unknown precision mode {mode!r}")


def _round(x: float) -> float:
    """A bound without a float sum's last bits (6.2 + 0.05 → 6.25, not 6.250000000000001)."""
    return round(x, 12)


def last_digit(values: ArrayLike) -> np.ndarray:
    """The size of the last printed digit of each value, in its own unit (880.98 → 0.01).

    A value is read as Python prints it (its shortest repr), so ``880.0`` has step 1.

    Parameters
    ----------
    values : array_like of float
        Values as stored.

    Returns
    -------
    numpy.ndarray
        One power of ten per value (1.0 for a whole number, a missing or an infinite value).

    Examples
    --------
    >>> jb.precision.last_digit([880.98, 880.0, 1477345.0, 0.5]).tolist()
    [0.01, 1.0, 1.0, 0.1]
    """
    numbers = np.asarray(values, dtype=float).ravel()
    decimals = np.zeros(len(numbers))
    fraction = np.isfinite(numbers) & (numbers != np.trunc(numbers))
    # numpy prints a float64 as its shortest repr, as Python's repr does
    text = numbers[fraction].astype(str)
    point = np.strings.find(text, ".")
    decimals[fraction] = np.strings.str_len(text) - point - 1
    for i in np.flatnonzero(fraction)[np.strings.find(text, "e") >= 0]:  # 1.5e-07: repr's way
        decimals[i] = len(repr(float(numbers[i])).split(".")[1])
    return 10.0**-decimals
