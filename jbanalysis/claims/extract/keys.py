"""Which indicator a number is of: the registry name printed before it, joined to it only by
linking words.

Statistical prose puts the name first and joins the number with a few fixed words: 全年实现地区
生产总值149.9亿元, 第一产业增加值1.7亿元, 城镇化率为73.36%, 比上年增长16.7%. A name governs a
number when nothing but such words (:data:`LINK`: 为, 达到, 实现, 比上年, 增长, a year, 全区 …) stand
between them; any other word (贡献率达72.3%, 实现总产值245.5亿元) means the number is of something
the name does not name. A qualifier right before the name narrows it (城镇常住人口, 户籍人口城镇化率,
拉动经济增长): the name does not govern then either (:data:`~jbanalysis.claims.extract.vocab.QUALIFIERS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jbanalysis.claims.extract.vocab import DECLINE, GROWTH, QUALIFIERS, indicator_keys

__all__ = ["KeyHit", "governing", "is_link", "keys_in"]

_TIME = (
    r"(?:(?:19|20)\d{2}年|上年末?|去年|今年|本年|前年|全年|年末|年底|同期|前三季度|上半年|一季度)"
)
_WORDS = (
    "为|达到了|达到|达|实现了|实现|完成了|完成|共计|共有|共|总量|总额|累计|是|总计|合计|同比|"
    "比上年末|比上年|较上年末|较上年|比去年|较去年|与上年相比|与去年相比|按可比价格计算|比|较|"
    "按可比价计算|按不变价格计算|可比|由|的|到|分别为|分别|依次为|依次|其中|余额|规模|已|首次|"
    "再次|突破|超过|约|近|将近|接近|逾|超|全区|全县|该区|我区|本区|增加到|提高到|上升到|下降到|"
    "调整为|变为|增至|升至|降至|达成|全口径|初步核算|预计|了|在|上|和|及|与|年|末|底|中|"
    "居|位居|位列|列|排名|排在|排|名列|稳居|跃居|保持|蝉联|位于|处于|继续|均|都|仍|连续\\d+个季度|"
    "连续\\d+年|连续[一二两三四五六七八九十]+年|增速|增幅|总量"
)
_GROWTH_WORDS = "|".join(sorted(GROWTH + DECLINE, key=len, reverse=True))
#: What may stand between a name and its number (and a growth word and its rate).
LINK = re.compile(rf"^(?:\s|\([^)]*\)|[)）”\"、]|{_TIME}|{_WORDS}|{_GROWTH_WORDS})*$")


@dataclass(frozen=True)
class KeyHit:
    """An indicator name in a clause: span, id, the name, and the qualifier that narrows it."""

    start: int
    end: int
    indicator: str
    key: str
    qualifier: str = ""


def is_link(text: str) -> bool:
    """Whether ``text`` holds only linking words.

    >>> from jbanalysis.claims.extract.keys import is_link
    >>> is_link("比上年增长"), is_link("按可比价格计算比上年增长"), is_link("贡献率达")
    (True, True, False)
    """
    return bool(LINK.match(text))


def keys_in(clause: str) -> list[KeyHit]:
    """The indicator names of a clause, longest first at each place, in order.

    >>> from jbanalysis.claims.extract.keys import keys_in
    >>> [(k.indicator, k.qualifier) for k in keys_in("其中城镇常住人口83.99万人,人均地区生产总值")]
    [('pop_resident', '城镇'), ('gdp_per_capita', '')]
    """
    lowered = clause.casefold()
    hits: list[KeyHit] = []
    taken: list[tuple[int, int]] = []
    for key, indicator in indicator_keys():
        for m in re.finditer(re.escape(key), lowered):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            before = clause[: m.start()]
            qualifier = next((q for q in QUALIFIERS if before.endswith(q)), "")
            hits.append(KeyHit(m.start(), m.end(), indicator, key, qualifier))
            taken.append(m.span())
    return sorted(hits, key=lambda h: h.start)


def governing(
    clause: str, position: int, hits: list[KeyHit], skip: list[tuple[int, int]]
) -> KeyHit | None:
    """The name that governs the number at ``position``: the nearest one before it with only
    linking words (and the spans in ``skip``: other numbers of the clause) in between.

    >>> from jbanalysis.claims.extract.keys import governing, keys_in
    >>> c = "人均生产总值由上年的16849元增加到20586元"
    >>> governing(c, c.index("20586"), keys_in(c), [(c.index("16849"), c.index("增加"))]).indicator
    'gdp_per_capita'
    >>> c = "贡献率达72.3%"
    >>> governing(c, c.index("72"), keys_in(c), []) is None
    True
    """
    before = [h for h in hits if h.end <= position]
    if not before:
        return None
    hit = before[-1]
    between = clause[hit.end : position]
    for s, e in sorted(skip, reverse=True):
        if hit.end <= s and e <= position:
            between = between[: s - hit.end] + between[e - hit.end :]
    return hit if is_link(between) else None
