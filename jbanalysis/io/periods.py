"""Years and periods as heads and titles write them, and the data year of a yearbook edition.

A period is one of the registry's codes: ``Y`` (the calendar year), ``Q1``, ``H1``, ``Q1-Q3``
(cumulative from January). Heads say them many ways: ``2025年1-9月``, ``前三季度``, ``1—6月累计``,
``上半年``, ``全年``, ``Jan.-Sep.``; ``12月末`` and ``年末`` are the stock at the end of the year
(``Y``), ``9月末`` the stock at the end of September (``Q1-Q3``). Relative heads (``本年``, ``本期``,
``上年``, ``上年同期``) are resolved against the year of the title. A period the registry has no
code for (``1-8月``, ``9月``, ``二季度``) is named, so that its column is left out with that reason.

The edition rule: a yearbook holds the data of the year before its edition, so
``重庆统计年鉴—2024`` gives the data year 2023 — used only where nothing else names the year, and
always said in the report.

>>> peel("2025年1-9月")[1]
When(year=2025, period='Q1-Q3', relative=None, stock=False, other='', cumulative=True)
>>> edition_year("重庆统计年鉴—2024 表3-5 各区县地区生产总值")
2024
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_CN = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
_NUM = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_TO = r"\s*[-—–~～至到]+\s*"
_END_OF = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "Y"}
_ENGLISH_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)(?:\s*年度?)?")
_RANGE = re.compile(_NUM + r"\s*月?份?" + _TO + _NUM + r"\s*月份?(累计)?")
_MONTH_END = re.compile(_NUM + r"\s*月(末|底)")
_MONTH = re.compile(r"(?<![-—–~～至到\d])" + _NUM + r"\s*月份?(?!末|底|份)")
_ENGLISH_RANGE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*[-–—~]\s*"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
)
_QUARTERS = [
    (
        re.compile(
            r"(前三季度|前3季度|一至三季度|1-3季度|第一至三季度|first three quarters|q1\s*-\s*q3|1-3q)"
        ),
        "Q1-Q3",
    ),
    (re.compile(r"(上半年|前两季度|一至二季度|1-2季度|first half|h1)"), "H1"),
    (re.compile(r"(第?一季度|第?1季度|首季度?|first quarter|\bq1\b)"), "Q1"),
    (re.compile(r"(全年累计|全年|年度累计|full year|annual|whole year)"), "Y"),
]
_OTHER_PERIODS = re.compile(r"(第?[二三四234]季度|下半年|\bq[234]\b|second half|h2)")
_STOCK_END = re.compile(r"(年末|年底|end of year|year-end|year end)")
_RELATIVE = [
    (
        re.compile(
            r"(上年同期累计|上年同期|去年同期|上年累计|上年实际|上年末|上年|去年|上期|previous year|last year)"
        ),
        -1,
    ),
    (re.compile(r"(本年累计|本期累计|本年实际|本年|本期|今年|当年|this year|current year)"), 0),
]
_MONTHLY = re.compile(r"(本月|当月|上月|this month)")
_CUMULATIVE = re.compile(r"(累计|cumulative)")


@dataclass(frozen=True)
class When:
    """What a head says about time: a year, a period code, a year relative to the title's
    (``0`` this year, ``-1`` the year before), a stock at the period's end, or a period the
    registry has no code for (``other``, said in words)."""

    year: int | None = None
    period: str | None = None
    relative: int | None = None
    stock: bool = False
    other: str = ""
    cumulative: bool = False


def _num(text: str) -> int:
    return int(text) if text.isdigit() else _CN[text]


def _months(a: int, b: int, word: str) -> When:
    if a == 1 and b in _END_OF:
        return When(period=_END_OF[b], cumulative=True)
    return When(other=f"months {a}–{b} ({word}): a period the registry has no code for")


def peel(key: str) -> tuple[str, When]:
    """The head without its time words, and what they said (``key`` is a cleaned head).

    >>> peel("1-6月累计")[1].period, peel("12月末")[1], peel("上年同期")[1].relative
    ('H1', When(year=None, period='Y', relative=None, stock=True, other='', cumulative=False), -1)
    >>> peel("9月")[1].other
    'a single month (9月): a period the registry has no code for'
    """
    when = When()
    text = key
    years = [int(m.group(1)) for m in YEAR.finditer(text)]
    if len(set(years)) > 1:
        return text, When(other=f"several years ({', '.join(map(str, sorted(set(years))))})")
    if years:
        when = replace(when, year=years[0])
        text = YEAR.sub(" ", text)
        if re.fullmatch(r"\s*(末|底)\s*", text):  # 2024年末: the stock at the end of 2024
            return "", replace(when, period="Y", stock=True)
    m = _RANGE.search(text)
    if m:
        found = _months(_num(m.group(1)), _num(m.group(2)), m.group(0).strip())
        return _rest(text, m), _join(when, found)
    m = _ENGLISH_RANGE.search(text)
    if m:
        a, b = _ENGLISH_MONTHS[m.group(1)], _ENGLISH_MONTHS[m.group(2)]
        return _rest(text, m), _join(when, _months(a, b, m.group(0)))
    m = _MONTH_END.search(text)
    if m:
        month = _num(m.group(1))
        if month in _END_OF:
            found = When(period=_END_OF[month], stock=True)
        else:
            found = When(other=f"the end of month {month} ({m.group(0)}): no period code for it")
        return _rest(text, m), _join(when, found)
    for pattern, period in _QUARTERS:
        m = pattern.search(text)
        if m:
            return _rest(text, m), _join(when, When(period=period))
    m = _OTHER_PERIODS.search(text)
    if m:
        found = When(other=f"{m.group(0)}: a period the registry has no code for")
        return _rest(text, m), _join(when, found)
    m = _STOCK_END.search(text)
    if m:
        return _rest(text, m), _join(when, When(period="Y", stock=True))
    for pattern, rel in _RELATIVE:
        m = pattern.search(text)
        if m:
            stock = m.group(0).endswith("末")
            found = When(relative=rel, stock=stock, period="Y" if stock else None)
            return _rest(text, m), _join(when, found)
    m = _MONTHLY.search(text)
    if m:
        return _rest(text, m), _join(when, When(other=f"one month's value ({m.group(0)})"))
    m = _MONTH.search(text)
    if m:
        found = When(other=f"a single month ({m.group(0)}): a period the registry has no code for")
        return _rest(text, m), _join(when, found)
    m = _CUMULATIVE.search(text)
    if m:
        return _rest(text, m), replace(when, cumulative=True)
    return text.strip(), when


def _rest(text: str, m: re.Match) -> str:
    return (text[: m.start()] + " " + text[m.end() :]).strip()


def _join(a: When, b: When) -> When:
    return When(
        year=a.year if a.year is not None else b.year,
        period=b.period or a.period,
        relative=b.relative if b.relative is not None else a.relative,
        stock=a.stock or b.stock,
        other=b.other or a.other,
        cumulative=a.cumulative or b.cumulative,
    )


_EDITION = re.compile(
    r"(?:年鉴|yearbook)\s*[-—–－―(（《〈\[\s]*(19[5-9]\d|20\d\d)(?!\d)"
    r"|(?<!\d)(19[5-9]\d|20\d\d)\s*年?\s*(?:[\u4e00-\u9fff]{0,6}统计)?(?:年鉴|yearbook)",
    re.I,
)


def edition_year(text: str) -> int | None:
    """The edition year of a yearbook named in ``text`` (``重庆统计年鉴—2024``, ``2024重庆统计年鉴``,
    ``Chongqing Statistical Yearbook 2024``), or None.

    >>> edition_year("Chongqing Statistical Yearbook 2024"), edition_year("2024年各区县主要指标")
    (2024, None)
    """
    m = _EDITION.search(text)
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def title_years(text: str) -> tuple[list[int], int | None]:
    """Years a title names as data years, and the yearbook edition it names (whose year is not a
    data year, wherever it is repeated: ``重庆统计年鉴—2024 2023年各区县…`` names the data year
    2023 and the edition 2024; a sheet named ``3-12 (2024)`` in it names the edition again)."""
    edition = edition_year(text)
    rest = _EDITION.sub(" ", text) if edition else text
    rest = re.sub(r"(19|20)\d\d\s*年?\s*=\s*100", " ", rest)  # an index base is no data year
    years = sorted({int(m.group(1)) for m in YEAR.finditer(rest)} - {edition})
    return years, edition
