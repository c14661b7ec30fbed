"""Labels of a table: headers, row labels, years and periods, units, names of districts and
indicators, as tables write them (with units in brackets, footnote markers, traditional
characters from Big5 or Hong Kong/Taiwan reposts)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from jbanalysis.errors import UnknownNameError
from jbanalysis.io.numbers import strip_markers
from jbanalysis.names import normalise, simplified
from jbanalysis.registry.districts import _alias_index, load_districts
from jbanalysis.registry.indicators import indicator_index, resolve_unit

DISTRICT_HEADERS = {
    "district",
    "地区",
    "区县",
    "区县名称",
    "区域",
    "名称",
    "地区名称",
    "行政区",
    "行政区划",
    "county",
    "区",
    "区县(自治县)",
    "区县（自治县）",
    "单位名称",
}
YEAR_HEADERS = {"year", "年份", "年", "年度", "时间"}
INDICATOR_HEADERS = {"indicator", "指标", "指标名称", "项目", "主要指标", "item"}
VALUE_HEADERS = {"value", "数值", "值", "数据", "绝对值", "总量", "绝对数", "金额", "数量"}
UNIT_HEADERS = {"unit", "单位", "计量单位"}
NOTE_HEADERS = {"note", "notes", "备注", "说明", "注", "附注", "来源", "资料来源", "source"}
GROWTH_HEADERS = re.compile(
    r"^(比上年|同比|较上年|比上年同期|比去年|上年=100)?\s*(增长|增速|增长率|增减|增幅|±)\s*(率)?\s*(\(%\)|%)?$"
)
TOTAL_NAMES = {
    "合计",
    "总计",
    "全市",
    "全区",
    "全县",
    "总计合计",
    "total",
    "sum",
    "全市合计",
    "中心城区合计",
    "小计",
}
NOTE_PREFIXES = (
    "注",
    "备注",
    "note",
    "说明",
    "资料来源",
    "数据来源",
    "source",
    "附注",
    "*",
    "＊",
    "※",
)
_UNIT_IN_HEADER = re.compile(r"[(\[]\s*(?:单位[:：]\s*)?([^()\[\]]+?)\s*[)\]]")
_UNIT_ROW = re.compile(
    r"^\s*[(]?\s*(?:计量)?单位\s*[:：]\s*([^()]+?)\s*[)]?\s*$|^\s*unit\s*:\s*(.+?)\s*$", re.I
)
_YEAR = re.compile(r"^(\d{4})\s*(?:年)?\s*(.*)$")
PERIODS = [
    (re.compile(r"^(前三季度|1\s*[-—~至]\s*9\s*月|一至九月|q1\s*-\s*q3)$"), "Q1-Q3"),
    (re.compile(r"^(上半年|1\s*[-—~至]\s*6\s*月|一至六月|h1)$"), "H1"),
    (re.compile(r"^(一季度|第一季度|1季度|1\s*[-—~至]\s*3\s*月|一至三月|q1)$"), "Q1"),
    (re.compile(r"^(全年|年度|年末|年底|全年累计|\(初步\)|初步|初步核算)?$"), "Y"),
]
TARGET_WORDS = re.compile(r"(目标|预期|远景|规划值|计划值|规划目标|target|goal|projection|预测)")
ESTIMATE_WORDS = re.compile(r"(预计|estimate)")


def clean(text: object) -> tuple[str, str]:
    """(label as compared: markers off, NFKC, simplified, spaces collapsed; the markers).

    >>> clean(" 江北區① ")
    ('江北区', '①')
    """
    raw = "" if text is None else str(text)
    if raw.endswith(".0") and raw[:-2].isdigit():  # a year header stored as a number
        raw = raw[:-2]
    body, markers = strip_markers(raw.strip())
    text = unicodedata.normalize("NFKC", simplified(body))
    return " ".join(text.split()), markers


def split_unit(label: str) -> tuple[str, str | None, str | None]:
    """``'地区生产总值(亿元)'`` → (``'地区生产总值'``, ``'cny_100m'``, ``'亿元'``); cleaned input.

    A bracket that is not a unit (``(可比价)``) stays in the name.

    >>> split_unit("江北区(万元)"), split_unit("比上年增长(%)")
    (('江北区', 'cny_10k', '万元'), ('比上年增长', 'pct', '%'))
    """
    m = _UNIT_IN_HEADER.search(label)
    if m:
        try:
            unit = resolve_unit(m.group(1))
            return (label[: m.start()] + label[m.end() :]).strip(), unit, m.group(1)
        except UnknownNameError:
            pass
    for symbol in ("万亿元", "亿元", "万元", "万人"):  # a unit written after the name
        if label.endswith(symbol) and len(label) > len(symbol):
            name = label[: -len(symbol)].strip(" ,:：/")
            if name:
                return name, resolve_unit(symbol), symbol
    return label, None, None


def unit_row(text: str) -> str | None:
    """The unit of a ``单位：亿元`` line (as written), or None.

    >>> unit_row("单位：亿元"), unit_row("（单位：万元）"), unit_row("江北区") is None
    ('亿元', '万元', True)
    """
    m = _UNIT_ROW.match(clean(text)[0])
    return (m.group(1) or m.group(2)).strip() if m else None


@dataclass(frozen=True)
class YearLabel:
    """A year header: the year, its period (``Y``, ``H1``, ``Q1-Q3`` …), and whether it is a plan
    target or an estimate."""

    year: int
    period: str = "Y"
    target: bool = False
    estimate: bool = False


def year_label(label: str) -> YearLabel | None:
    """Read ``2024``, ``2024年``, ``2024年前三季度``, ``2035年目标``, ``2024年预计`` (cleaned text).

    >>> year_label("2024年"), year_label("2024年前三季度").period, year_label("2035年目标").target
    (YearLabel(year=2024, period='Y', target=False, estimate=False), 'Q1-Q3', True)
    >>> year_label("地区") is None, year_label("2024年增长") is None
    (True, True)
    """
    m = _YEAR.match(label.casefold())
    if not m:
        return None
    year, rest = int(m.group(1)), m.group(2).strip()
    if len(m.group(1)) != 4 or (
        rest and not label[4:].lstrip().startswith("年") and rest[0].isdigit()
    ):
        return None
    target = bool(TARGET_WORDS.search(rest))
    estimate = bool(ESTIMATE_WORDS.search(rest))
    core = TARGET_WORDS.sub("", ESTIMATE_WORDS.sub("", rest)).strip(" ()")
    for pattern, period in PERIODS:
        if pattern.match(core):
            return YearLabel(year, period, target, estimate)
    return None


def period_label(label: str) -> str | None:
    """The period of a header with no year (``前三季度`` → ``Q1-Q3``), or None."""
    for pattern, period in PERIODS[:3]:
        if pattern.match(label.casefold()):
            return period
    return None


def is_growth(label: str) -> bool:
    """A growth column: ``比上年增长(%)``, ``增速``, ``同比增长``, ``增长率``.

    >>> is_growth("比上年增长"), is_growth("增速"), is_growth("地区生产总值")
    (True, True, False)
    """
    return bool(GROWTH_HEADERS.match(label.replace(" ", "")))


def is_total(label: str) -> bool:
    key = normalise(label).replace(" ", "")
    return key in TOTAL_NAMES or key.endswith(("合计", "总计"))


def is_note(text: str) -> bool:
    key = normalise(text)
    return key.startswith(NOTE_PREFIXES) or bool(
        re.match(r"^[\u2460-\u249b\u00b9\u00b2\u00b3\u2070-\u2079]", text)
    )


@cache
def _levels() -> dict[str, str]:
    reg = load_districts()
    return dict(zip(reg["id"], reg["level"], strict=True))


def district_of(label: str) -> str | None:
    """District id of a cleaned label, or None (no suggestions here: see resolve_district)."""
    return _alias_index().get(normalise(label))


def level_of(district: str) -> str:
    return _levels().get(district, "")


def indicator_of(label: str) -> str | None:
    """Indicator id of a cleaned label (id, Chinese or English name, alias), or None."""
    return indicator_index().get(normalise(label))
