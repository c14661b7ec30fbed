"""Where a number of an article belongs: its district, year and period, read from the words
around it and from what the text said before.

* **District**: a place named in the clause before the number, else earlier in the sentence,
  else the text's subject — the district the title (or the ``district`` option, or the first
  sentence) names; 全区, 该区, 我区 … are the subject too. A place inside a rank's or a share's
  group (位居全市第6, 占全市三分之一) is that group, not a subject.
* **Year**: a year printed before the number in the clause (``2017年,``), else the year the text
  last named, else the text's year (the title's, the first sentence's, else the year it was
  published); 上年/去年 right before a number is the year before, 今年 the year published. A year
  after 比, 较, 与 is a base, not the period; a date (2007年2月26日) is not a period.
* **Period**: 前三季度, 上半年, 一季度, 全年 … (:data:`jbanalysis.registry.schema.PERIOD_WORDS`)
  hold until another one or the end of the paragraph; other spans (1-11月, 三季度) are not
  periods the bundle has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jbanalysis.claims.extract.vocab import (
    CITY_SELF_WORDS,
    OTHER_GROUPS,
    SELF_WORDS,
    city,
    district_keys,
    not_a_place,
)
from jbanalysis.registry.districts import RANK_GROUPS, group_of
from jbanalysis.registry.schema import PERIOD_WORDS

__all__ = ["Place", "period_in", "places", "relative_year", "text_year", "years_in"]

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d)")
_BASE_BEFORE = ("比", "较", "与", "同", "自", "从", "到", "至", "于", "截至", "是")
_YEAR_AFTER_NOT_PERIOD = ("以来", "以前", "前", "起", "开始", "底前")
_PERIOD_AFTER = ("前三季度", "前两季度", "前二季度", "前几个月")  # 2023年前三季度 is 2023's
_RELATIVE = re.compile(r"(?<![比较与同])(上年|去年|前年|今年|本年)(?:末|底|同期)?")
_UNSUPPORTED_PERIOD = re.compile(
    r"\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|(?<![前第一])[二三四]季度|第[二三四]季度|\d{1,2}月份?(?![\d份]*[-—~至])"
)
# a group is the place after these words (占全市, 居中心城区, 全市第6)
_GROUP_LEAD = re.compile(
    r"(?:占|居|位居|位列|列|排名|排在|排|名列|稳居|跃居|升至|降至|位于|处于|保持|蝉联|在|之首|高于|低于)$"
)


@dataclass(frozen=True)
class Place:
    """A district named in a clause: where, its id, and whether it names a group (占全市)."""

    start: int
    end: int
    district: str
    word: str
    group: bool = False


def places(clause: str, subject: str | None) -> list[Place]:
    """The districts a clause names, in order; 全区 and its like stand for ``subject``.

    >>> from jbanalysis.claims.extract.context import places
    >>> [(p.district, p.group) for p in places("2017年,万州区GDP总量为982.58亿元,位居全市第6名", None)]
    [('wanzhou', False), ('chongqing', True)]
    >>> [p.district for p in places("全区实现地区生产总值149.9亿元", "dadukou")]
    ['dadukou']
    """
    found: list[Place] = []
    taken: list[tuple[int, int]] = []
    lowered = clause.casefold()
    candidates = [(w, subject) for w in SELF_WORDS if subject] + list(district_keys())
    candidates += [(w, city()) for w in CITY_SELF_WORDS]
    for key, district in sorted(candidates, key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(key), lowered):
            span = m.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            if not_a_place(clause, span[1]) or district is None:
                continue
            lead = _GROUP_LEAD.search(clause[: span[0]])
            follows_rank = re.match(
                r"^(?:各区县|区县)?(?:中|内)?(?:排名)?第|^前", clause[span[1] :]
            )
            group = bool(lead) or bool(follows_rank)
            found.append(Place(span[0], span[1], district, clause[span[0] : span[1]], group))
            taken.append(span)
    return sorted(found, key=lambda p: p.start)


def group_at(clause: str, end: int) -> tuple[str, str, str] | None:
    """(word, group id, note) of the group printed right before position ``end`` (a rank's or a
    share's), or None: the registry's groups (:func:`~jbanalysis.registry.districts.group_of`),
    then the groups it does not hold (全国城市 …, with why).

    >>> from jbanalysis.claims.extract.context import group_at
    >>> group_at("位居全市第6名", 4), group_at("增速居中心城区第一", 7)
    (('全市', 'all', ''), ('中心城区', 'central', ''))
    >>> group_at("位列全国城市第4", 6)
    ('全国城市', '', 'a national group')
    """
    head = re.sub(r"(?:中|内|之中|排名|排位|的)$", "", clause[:end])
    every = re.search(r"(?:全市|重庆市?)各?区县$", head)
    if every:  # 位列全市区县前3位: all the city's units, counties included
        return every.group(0), "all", ""
    for size in range(min(len(head), 12), 1, -1):  # the longest word that names a group
        gid = group_of(head[-size:])
        if gid in RANK_GROUPS:
            return head[-size:], gid, ""
    for g in OTHER_GROUPS:
        if head.endswith(g.word):
            return g.word, g.group, g.note
    m = re.search(r"(?:全市|重庆市?)?(\d+)个区县?(?:\([^)]*\))?$", head)
    if m:
        return m.group(0), "all", f"{m.group(1)} units"
    return None


def years_in(text: str) -> list[tuple[int, int, bool]]:
    """(position, year, is a period) of every year printed in ``text``.

    A year after 比/较/与 (a base), before 以来 (a span) or inside a range (2019-2023年) is not
    a period; a date (2007年2月26日) is not a year mention at all.

    >>> from jbanalysis.claims.extract.context import years_in
    >>> years_in("2017年,重庆比2010年增长") , years_in("2019-2023年地区生产总值")
    ([(0, 2017, True), (9, 2010, False)], [(5, 2023, False)])
    >>> years_in("2023年前三季度"), years_in("2020年前完成")
    ([(0, 2023, True)], [(0, 2020, False)])
    """
    out = []
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        after = text[m.end() : m.end() + 3]
        after = text[m.end() : m.end() + 4]
        period = not (
            before.endswith(_BASE_BEFORE)
            or (after.startswith(_YEAR_AFTER_NOT_PERIOD) and not after.startswith(_PERIOD_AFTER))
            or re.search(r"\d\s*[-—~至]\s*$", before)
        )
        out.append((m.start(), int(m.group(1)), period))
    return out


def relative_year(segment: str, year: int, published: int | None) -> int | None:
    """The year a relative word right before a number names (由上年的16849元: ``year - 1``).

    >>> from jbanalysis.claims.extract.context import relative_year
    >>> relative_year("由上年的", 2006, None), relative_year("比上年增长", 2006, None)
    (2005, None)
    >>> relative_year("今年", 2023, 2024)
    2024
    """
    hits = list(_RELATIVE.finditer(segment))
    if not hits:
        return None
    word = hits[-1].group(1)
    if word in ("今年", "本年"):
        return published or year
    return year - (2 if word == "前年" else 1)


def period_in(text: str) -> tuple[str | None, str]:
    """(period id, the words) of the last period printed in ``text``; (None, words) for a span the
    bundle has no period for (1-11月, 三季度); (None, "") for none.

    >>> from jbanalysis.claims.extract.context import period_in
    >>> period_in("今年前三季度,江北GDP增长6.2%"), period_in("1-11月"), period_in("全区")
    (('Q1-Q3', '前三季度'), (None, '1-11月'), (None, ''))
    """
    best: tuple[int, str | None, str] = (-1, None, "")
    flat = text.casefold()
    for period, words in PERIOD_WORDS.items():
        for word in words:
            if len(word) < 2 or word.isascii():
                continue
            i = flat.rfind(word)
            # 年末 inside 比上年末 is a base; 全年 inside 全年累计 is the year all the same
            if i >= 0 and not (word in ("年末", "年底") and flat[max(0, i - 2) : i].endswith("上")):
                if i > best[0]:
                    best = (i, period, word)
    for m in _UNSUPPORTED_PERIOD.finditer(text):
        if m.start() > best[0]:
            best = (m.start(), None, m.group(0))
    return best[1], best[2]


def text_year(title: str, first: str, published: int | None) -> tuple[int | None, str]:
    """The year a text is about, and where it was read: its title's, its first sentence's, else
    the year it was published.

    >>> from jbanalysis.claims.extract.context import text_year
    >>> text_year("2011年大渡口区统计公报", "", 2012), text_year("", "江北GDP增长", 2024)
    ((2011, 'title'), (2024, 'published'))
    """
    for text, where in ((title, "title"), (first, "first sentence")):
        periods = [y for _, y, is_period in years_in(text) if is_period]
        if not periods and text.isascii():  # an English title: "Jiangbei in 2023"
            periods = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)]
        if periods:
            return periods[0], where
    return published, "published" if published else ""
