"""The numbers of a clause: values with units, structure ratios, fractions, ranks and multiples.

Each :class:`Mention` keeps the words that make its printed precision (约, 近, 余, 左右 …,
:mod:`jbanalysis.precision`) and where it stands in the clause, so that the words before it can
say what it is a number of. Years (2023年), list marks (一、), chart and table numbers (图1) and
footnote marks are not mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jbanalysis.claims.stated import multiple_factor
from jbanalysis.precision import _cn_int

__all__ = ["Mention", "mentions"]

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = "[一二两三四五六七八九十]+"
# units as printed, longest first; those the registry does not know are kept so that the number
# can be listed as "not encodable" with its unit
_UNITS = (
    "万亿元|亿美元|万美元|美元|亿元|万元|千元|元|万人次|人次|万人|千人|人|万户|户|个百分点|百分点"
    "|%|‰|万辆|辆|万吨|吨|万亩|亩|千公顷|公顷|平方公里|平方米|万平方米|家|个|所|张|名|位|座|项|件"
    "|头|只|次|车次|场次|册|千瓦时|千瓦|立方米|套|条|公里|床"
)
_PREFIX = r"(?P<pre>超过或达到|达到或超过|不低于|不少于|将近|接近|近乎|近|大约|约占|约|大概|超过|突破|多于|超|逾|不到|不足|少于|未到)?"
_SUFFIX = r"(?P<post>左右|上下|及以上|以上|及以下|以下)?"
# at least (超过或达到7%, 6%及以上): the ledger's nearest precision is 以上, more than
_AT_LEAST = {"超过或达到": "以上", "达到或超过": "以上", "不低于": "以上", "不少于": "以上"}
# a minus sign, not the dash of a range (2012-2016年); a footnote mark may stand between a
# number and its unit (4.20*万人)
_VALUE = re.compile(
    _PREFIX
    + rf"(?P<num>(?:(?<![\d.])-)?{_NUM})(?P<odd>余|多)?\s*\*?\s*(?P<unit>{_UNITS})?"
    + _SUFFIX
)
_RATIO = re.compile(rf"(?P<num>{_NUM}(?::{_NUM}){{1,3}})(?!\d)")
_FRACTION = re.compile(
    r"(?P<pre>将近|接近|近|约占|约|超过|超|逾|过|不到|不足)?"
    rf"(?P<frac>{_CN}分之{_CN}|[一二三四五六七八九]成半?|一半|半数)"
)
_RANK = re.compile(
    rf"(?P<n>第(?:{_CN}|\d+)(?:位|名)?|首位|榜首|前(?:{_CN}|\d+)(?:位|名)?|前列|前茅)"
)
_MULTIPLE = re.compile(rf"(?P<n>翻(?:一|两|二|三|四)番|(?:{_NUM})倍)")
_YEARISH = re.compile(r"^(19|20)\d{2}$")
_ORDINAL_FOLLOWERS = ("产业", "次", "季度", "批", "届", "个五年", "大", "梯队", "阶段")


@dataclass(frozen=True)
class Mention:
    """One number of a clause.

    ``kind`` is ``number`` (a value, possibly with a unit), ``ratio`` (``6.1:57.8:36.1``),
    ``fraction`` (``三分之一``), ``rank`` (``第3位``, ``前十``, ``前列``) or ``multiple``
    (``翻一番``, ``2.1倍``); ``printed`` is the mention as the clause has it, modifiers included.
    """

    kind: str
    start: int
    end: int
    printed: str
    number: str = ""  # the digits (or the fraction, the rank) without modifiers
    unit: str = ""
    precision: str = ""  # 约, 近, 余, 左右 … as printed
    parts: tuple[str, ...] = ()  # the terms of a ratio

    @property
    def value(self) -> float:
        """The number as a float (a rank's place, a multiple's factor)."""
        if self.kind == "rank":
            return float(rank_place(self.number) or 0)
        if self.kind == "multiple":
            return multiple_factor(self.number)
        return float(self.number.replace(",", ""))


def rank_place(text: str) -> int | None:
    """The place a rank word names: 第三 -> 3, 首位 -> 1, 前十 -> 10 (top ten), 前列 -> None.

    >>> from jbanalysis.claims.extract.mentions import rank_place
    >>> rank_place("第3位"), rank_place("首位"), rank_place("前十"), rank_place("前列")
    (3, 1, 10, None)
    """
    if text in ("首位", "榜首"):
        return 1
    m = re.match(r"^(?:第|前)(.+?)(?:位|名)?$", text)
    if not m or text in ("前列", "前茅"):
        return None
    try:
        return _cn_int(m.group(1))
    except KeyError:
        return None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def mentions(clause: str) -> list[Mention]:
    """The numbers of one clause (compared text), in order.

    >>> from jbanalysis.claims.extract.mentions import mentions
    >>> [(m.kind, m.number, m.unit, m.precision) for m in mentions("全区GDP约6800亿元,占全市近六成")]
    [('number', '6800', '亿元', '约'), ('fraction', '六成', '', '近')]
    >>> [(m.kind, m.parts) for m in mentions("三次产业结构比为6.1:57.8:36.1")]
    [('ratio', ('6.1', '57.8', '36.1'))]
    >>> [(m.kind, m.number) for m in mentions("2017年位居全市第6名,第一产业增加值1.7亿元")]
    [('rank', '第6名'), ('number', '1.7')]
    """
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _RATIO.finditer(clause):
        parts = tuple(m.group("num").split(":"))
        if len(parts) >= 3 or re.search(r"比|结构|比例", clause[: m.start()]):
            found.append(Mention("ratio", m.start(), m.end(), m.group(0), m.group(0), parts=parts))
            taken.append(m.span())
    for m in _MULTIPLE.finditer(clause):
        if not _overlaps(m.span(), taken):
            found.append(Mention("multiple", m.start(), m.end(), m.group(0), m.group("n")))
            taken.append(m.span())
    for m in _FRACTION.finditer(clause):
        if not _overlaps(m.span(), taken):
            pre = m.group("pre") or ""
            found.append(
                Mention("fraction", m.start(), m.end(), m.group(0), m.group("frac"), precision=pre)
            )
            taken.append(m.span())
    for m in _RANK.finditer(clause):
        after = clause[m.end() :]
        if _overlaps(m.span(), taken) or after.startswith(_ORDINAL_FOLLOWERS):
            continue  # 第一产业, 第四次经济普查, 第三季度: not ranks
        found.append(Mention("rank", m.start(), m.end(), m.group(0), m.group("n")))
        taken.append(m.span())
    for m in _VALUE.finditer(clause):
        if _overlaps(m.span(), taken):
            continue
        number, unit = m.group("num"), m.group("unit") or ""
        after = clause[m.end() : m.end() + 1]
        before = clause[max(0, m.start() - 1) : m.start()]
        if _YEARISH.match(number) and (after in ("年", "-", "—", "~") or not unit):
            continue  # a year
        list_mark = after == "、" and not clause[: m.start()].strip()  # 1、 opening a clause
        if not unit and (
            after in ("月", "日", "季", "号", "期", "批", "届", ".")
            or list_mark
            or before in ("图", "表", "第")
        ):
            continue  # a date, a list mark, a chart or table number
        if not unit and after in ("-", "—", "~", "至"):
            continue  # the start of a span: 1-11月, 2019-2023年
        if not unit and (before in ("(", "“", '"') or after in ("”", '"')):
            continue  # (1) a numbered item, “1233” a name
        if re.match(r"[〇零一二三四五六七八九]", before) or re.match(
            r"[〇零一二三四五六七八九]", after
        ):
            continue  # digits inside a date in Chinese numerals (二00七年)
        if re.match(
            r"(?:个)?(?:季度|月|周|天)|年(?!末|底|度)",
            clause[m.end() - (1 if unit == "个" else 0) :],
        ) and unit in ("", "个"):
            continue  # a duration: 连续2个季度, 3年
        precision = m.group("pre") or m.group("odd") or m.group("post") or ""
        precision = _AT_LEAST.get(precision, precision).removeprefix("及")
        found.append(Mention("number", m.start(), m.end(), m.group(0), number, unit, precision))
        taken.append(m.span())
    return sorted(found, key=lambda x: x.start)
