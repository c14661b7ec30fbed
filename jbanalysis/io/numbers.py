"""Numbers as statistical tables write them: one cell at a time, or a whole column at once.

A cell is a number, a missing-value mark (``—``, ``..``, empty: missing, never zero) or an error
that says what is wrong with it. Footnote markers (①, ¹, ``*``) are taken off *before* Unicode
normalisation, which would otherwise turn ① and ¹ into the digit 1 (``1325.4①`` → 1325.41).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["MISSING_TOKENS", "parse_cell", "parse_number"]

MISSING_TOKENS = {"", "-", "--", "—", "——", "–", "..", "...", "…", "……", "na", "n/a", "nan", "/"}
EXCEL_ERRORS = {
    "#REF!": "a reference to cells that were deleted",
    "#DIV/0!": "a division by zero",
    "#VALUE!": "an argument of the wrong type",
    "#N/A": "a value not available to the formula (a failed lookup)",
    "#NAME?": "an unknown function or name",
    "#NUM!": "an impossible number",
    "#NULL!": "an empty intersection of ranges",
    "#SPILL!": "a result that could not spill",
    "#CALC!": "a calculation error",
}
# Footnote markers: circled, parenthesised, dotted and dingbat digits, superscripts, symbols.
# NFKC maps most of the digit forms to plain digits, so they are removed before it runs.
MARKER_CHARS = (
    "\u2460-\u249b"  # ①-⑳, ⑴-⒇, ⒈-⒛
    "\u24ea-\u24ff"  # ⓪, ⓫-⓿
    "\u2776-\u2793"  # ❶-❿, ➀-➓
    "\u3251-\u325f\u32b1-\u32bf"  # ㉑-㊿
    "\u00b9\u00b2\u00b3\u2070-\u2079"  # ¹²³ ⁰-⁹
    "*＊※†‡△▲#"
)
_MARKERS_EDGE = re.compile(f"^[{MARKER_CHARS}]+|[{MARKER_CHARS}]+$")
_MARKER_ANY = re.compile(f"[{MARKER_CHARS}]")
_POINT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_BOUND = re.compile(r"^(>=|<=|>|<|≥|≤|超过|突破|逾)")
_SPACES = str.maketrans(
    {c: None for c in " \t\u00a0\u2009\u202f\u3000\u200b\ufeff"} | {"\u2212": "-"}
)
_HASHES = re.compile(r"^#{2,}$")
_APOSTROPHE = re.compile(r"^['‘’`]+(?=[+\-−\d.])")
# a unit written inside the cell: 1744亿元, 154.83万人, 8.1 %
_WITH_UNIT = re.compile(r"^([+-]?[\d.,]+)\s*([^\d\s.,%+-][^\d]*)$")
UNCHANGED = {"持平": 0.0}


@dataclass(frozen=True)
class CellInfo:
    """What a cell said besides its number: a ``%`` sign, footnote markers taken off, a unit
    written inside it (``1744亿元``), a word read as a number (``持平``: unchanged, 0)."""

    percent: bool = False
    markers: str = ""
    unit: str = ""
    word: str = ""


NO_INFO = CellInfo()


def strip_markers(text: str) -> tuple[str, str]:
    """(text without leading/trailing footnote markers, the markers).

    >>> from jbanalysis.io.numbers import strip_markers
    >>> strip_markers("江北区①"), strip_markers("1325.4¹"), strip_markers("*渝中区")
    (('江北区', '①'), ('1325.4', '¹'), ('渝中区', '*'))
    """
    markers = "".join(_MARKERS_EDGE.findall(text))
    return _MARKERS_EDGE.sub("", text).strip(), markers


def parse_cell(text: object, decimal: str = ".") -> tuple[float | None, CellInfo]:
    """A cell's number (or ``None`` for a missing mark) and what else it said; ValueError if bad.

    ``decimal`` is the decimal separator of the file: ``"."`` (``1,234.5``) or ``","``
    (``1.234,5``, as European exports write it).

    >>> from jbanalysis.io.numbers import parse_cell
    >>> parse_cell("3.8%")[1].percent, parse_cell("1325.4①")
    (True, (1325.4, CellInfo(percent=False, markers='①', unit='', word='')))
    >>> parse_cell("1,744亿元")[0], parse_cell("1,744亿元")[1].unit, parse_cell("'1744.2\t")[0]
    (1744.0, '亿元', 1744.2)
    >>> parse_cell("########")
    Traceback (most recent call last):
    ...
    ValueError: '########' is how Excel shows a number too wide for its column, not the number: widen the column in the original (or copy the cells' values, not their display) and save the table again
    >>> parse_cell("1.325,40", decimal=",")[0]
    1325.4
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None, NO_INFO
    if isinstance(text, bool):
        raise ValueError(f"{text!r} is a true/false value, not a number")
    if isinstance(text, int | float | np.integer | np.floating):
        value = float(text)
        if not np.isfinite(value):
            raise ValueError(f"{text!r} is not a finite number")
        return value, NO_INFO
    raw = str(text).strip()
    if _HASHES.match(raw):
        raise ValueError(
            f"{raw!r} is how Excel shows a number too wide for its column, not the number: "
            "widen the column in the original (or copy the cells' values, not their display) "
            "and save the table again"
        )
    raw = _APOSTROPHE.sub("", raw)
    if raw.startswith('="') and raw.endswith('"'):  # ="1325.4": text kept as text by an export
        raw = raw[2:-1].strip()
    if raw.upper() in EXCEL_ERRORS:
        raise ValueError(
            f"the cell holds the Excel error {raw.upper()} ({EXCEL_ERRORS[raw.upper()]}), not a "
            "value: fix the formula in the workbook, or clear the cell if there is no figure"
        )
    body, markers = strip_markers(raw)
    if _MARKER_ANY.search(body):
        raise ValueError(f"{text!r} has a footnote marker inside the number")
    clean = unicodedata.normalize("NFKC", body).translate(_SPACES)
    if clean.casefold() in MISSING_TOKENS:
        return None, CellInfo(False, markers)
    if clean in UNCHANGED:
        return UNCHANGED[clean], CellInfo(False, markers, word=clean)
    unit = ""
    m = _WITH_UNIT.match(clean)
    if m and not _BOUND.match(clean):
        clean, unit = m.group(1), m.group(2).strip()
    percent = clean.endswith("%")
    if percent:
        clean = clean[:-1]
    if _BOUND.match(clean):
        raise ValueError(f"{text!r} is a bound (more than, less than), not a value")
    if decimal == ",":
        if _COMMA_THOUSANDS.match(clean):
            clean = clean.replace(".", "")
        elif "." in clean:
            raise ValueError(f"{text!r}: a '.' in a table whose decimal separator is ','")
        clean = clean.replace(",", ".")
    elif "," in clean:
        if not _POINT_THOUSANDS.match(clean):
            raise ValueError(
                f"{text!r} has a comma that is not a thousands separator (1,234.5): if the "
                "comma is the decimal separator, pass decimal=','"
            )
        clean = clean.replace(",", "")
    try:
        value = float(clean)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not np.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    if percent or markers or unit:
        return value, CellInfo(percent, markers, unit)
    return value, NO_INFO


def parse_number(text: object, decimal: str = ".") -> float | None:
    """A number as written in a statistical table, or ``None`` for a missing-value mark.

    Thousands separators, full-width digits and spaces are read; a ``%`` sign is dropped (use
    :func:`parse_cell` to know it was there); footnote markers (①, ¹, ``*``) are dropped, never
    read as digits; Excel error values (``#REF!``) and bounds (``>1200``) are errors.

    >>> from jbanalysis.io.numbers import parse_number
    >>> parse_number("1,234.5"), parse_number("１２３４．５"), parse_number("—"), parse_number("")
    (1234.5, 1234.5, None, None)
    >>> parse_number("8.1%"), parse_number("-3.2"), parse_number("1325.4①"), parse_number("12¹")
    (8.1, -3.2, 1325.4, 12.0)
    >>> parse_number("1.234,5", decimal=",")
    1234.5
    >>> parse_number("abc")
    Traceback (most recent call last):
    ...
    ValueError: 'abc' is not a number
    """
    return parse_cell(text, decimal)[0]


def decimal_evidence(text: str) -> str | None:
    """``","`` or ``"."`` if a number as written can only be read one way, else None.

    >>> from jbanalysis.io.numbers import decimal_evidence
    >>> decimal_evidence("1325,4"), decimal_evidence("1.325,40"), decimal_evidence("1,325.4")
    (',', ',', '.')
    >>> decimal_evidence("1,325"), decimal_evidence("1325") is None
    (None, True)
    """
    s = unicodedata.normalize("NFKC", strip_markers(str(text).strip())[0]).translate(_SPACES)
    s = s.removesuffix("%")
    if re.fullmatch(r"[+-]?\d+,\d+", s):
        return None if re.fullmatch(r"[+-]?\d{1,3},\d{3}", s) else ","
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+,\d+", s):
        return ","
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+\.\d+", s):
        return "."
    if re.fullmatch(r"[+-]?\d+\.\d+", s):
        return None if re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", s) else "."
    return None


def parse_column(
    values: pd.Series, decimal: str = ".", text: bool = False, numeric: np.ndarray | None = None
) -> tuple[np.ndarray, dict[int, CellInfo]]:
    """Parse a column of cells: float array (NaN = missing) and the info of unusual cells.

    Plain numbers go through ``pandas.to_numeric`` at C speed; only the cells it cannot read
    (marks, thousands separators, markers, percents) are parsed one by one, once per distinct
    text. ``text=True`` says every cell is a string (a CSV), so none can be a true/false cell. Raises :class:`CellError` naming the position of the first bad cell.
    """
    out = np.full(len(values), np.nan)
    info: dict[int, CellInfo] = {}
    if not len(values):
        return out, info
    as_obj = values.astype(object).to_numpy()
    fast = np.zeros(len(values), dtype=bool)
    if decimal == ".":
        num = (
            numeric
            if numeric is not None
            else pd.to_numeric(pd.Series(as_obj, dtype=object), errors="coerce").to_numpy(float)
        )
        ok = np.isfinite(num)
        if not text:
            # workbook cells: to_numeric reads True as 1; a bool goes to the careful path
            ok &= np.array([not isinstance(v, bool) for v in as_obj], dtype=bool)
        out[ok] = num[ok]
        fast = ok
    slow = np.flatnonzero(~fast)
    cache: dict[object, tuple[float | None, CellInfo]] = {}
    for pos in slow:
        cell = as_obj[pos]
        key = cell if isinstance(cell, str) else ("#", repr(cell))
        if key not in cache:
            try:
                cache[key] = parse_cell(cell, decimal)
            except ValueError as exc:
                raise CellError(int(pos), str(exc)) from None
        value, cell_info = cache[key]
        if value is not None:
            out[pos] = value
        if cell_info is not NO_INFO:
            info[int(pos)] = cell_info
    return out, info


class CellError(ValueError):
    """A cell that is not a number; ``pos`` is its position in the parsed column."""

    def __init__(self, pos: int, message: str):
        self.pos = pos
        super().__init__(message)
