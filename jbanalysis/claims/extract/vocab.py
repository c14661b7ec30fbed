"""The words extraction reads an article with: place names, indicator names, groups, periods.

Names come from the registries (``data/districts.csv``, ``data/indicators.csv`` and their
aliases), the structure of value added from ``data/indicator_relations.csv``; the words of this
module are how Chinese statistical writing marks a period, a change, a rank or a subject ("全区"),
which no registry holds. Everything is matched on simplified, NFKC-folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jbanalysis.claims.figures import relations, structure
from jbanalysis.names import normalise
from jbanalysis.registry.districts import CITY, load_districts
from jbanalysis.registry.indicators import load_indicators

__all__ = [
    "DECLINE",
    "GROWTH",
    "OTHER_GROUPS",
    "RISE",
    "GroupWord",
    "district_keys",
    "indicator_keys",
    "relations",
    "structure",
]

#: Words that make the next percentage a growth rate (增长6.7%); a decline word makes it negative.
GROWTH = ("增长", "增速", "增幅", "上涨", "提高", "上升", "增加", "提升")
DECLINE = ("下降", "回落", "减少", "下滑", "降低", "负增长", "收窄", "下跌", "降幅")
RISE = GROWTH
#: The subject of a bulletin: 全区 and its like stand for the district the text is about.
SELF_WORDS = ("全区", "该区", "我区", "本区", "全县", "该县", "我县", "本县", "辖区")
#: The city's own words for itself in its papers and bulletins: 我市 is the municipality.
CITY_SELF_WORDS = ("我市", "本市")
#: A qualifier right before an indicator's name narrows it to something the registry does not
#: hold (城镇常住人口 is not 常住人口; 户籍人口城镇化率 is not the 常住 rate), unless the
#: registry's name includes it.
QUALIFIERS = (
    "城镇",
    "农村",
    "乡村",
    "城市",
    "户籍人口",
    "规模以上",
    "规上",
    "限额以上",
    "限上",
    "民营",
    "非公有制",
    "男性",
    "女性",
    "人均",
    "外出",
    "拉动",
)
#: Scope words written two ways; the compared text and the registry's names use the short one.
SCOPE_SHORT = (("规模以上", "规上"), ("限额以上", "限上"))
_GROWTH_ENDINGS = ("增长率", "增速", "增长")
_COUNT_ENDINGS = ("人数", "个数", "总数", "数")
_QUOTES = re.compile(r"[“”‘’\"「」『』]")
#: Words before a place name that make it part of another name (江北机场 is in 渝北).
_NOT_PLACE_AFTER = ("机场", "国际机场", "县")


@dataclass(frozen=True)
class GroupWord:
    """A rank group or a share's denominator as printed: ``中心城区`` -> ``central``."""

    word: str
    group: str  # a ledger group id, or "" for a group the registry does not hold
    note: str = ""


@cache
def district_keys() -> tuple[tuple[str, str], ...]:
    """(key, district id) for every Chinese name and alias of the registry, longest first.

    The published aggregates (中心城区, 主城都市区 …) are in too: as a subject they are values
    the bundle holds; as the group of a rank they are read by :func:`~jbanalysis.claims.extract.context.group_at` first.

    >>> from jbanalysis.claims.extract.vocab import district_keys
    >>> dict(district_keys())["江北"], dict(district_keys())["重庆"]
    ('jiangbei', 'chongqing')
    """
    keys: dict[str, str] = {}
    for row in load_districts().itertuples(index=False):
        for name in [row.name_zh, *row.aliases.split("|")]:
            key = normalise(name)
            if key and not key.isascii():
                keys.setdefault(key, row.id)
    return tuple(sorted(keys.items(), key=lambda kv: -len(kv[0])))


@cache
def indicator_keys() -> tuple[tuple[str, str], ...]:
    """(key, indicator id) for every Chinese name and alias, and the all-capital acronyms
    (``GDP``), longest first, so that 人均地区生产总值 wins over 地区生产总值.

    >>> from jbanalysis.claims.extract.vocab import indicator_keys
    >>> keys = dict(indicator_keys())
    >>> keys["地区生产总值"], keys["gdp"], keys["城镇化率"], keys["人均生产总值"]
    ('gdp', 'gdp', 'urbanization_rate', 'gdp_per_capita')
    """
    keys: dict[str, str] = {}
    for row in load_indicators().itertuples(index=False):
        names = [row.name_zh, *str(row.aliases).split("|"), row.name_en]
        for name in filter(None, names):
            plain = re.sub(r"[（(].*?[)）]", "", str(name))  # 增长率（可比价） -> 增长率
            key = _QUOTES.sub("", short_scope(normalise(plain).replace(" ", "")))
            if key.isascii() and not (plain.isupper() and 2 <= len(plain) <= 4):
                continue  # English words are read by the English patterns, acronyms here
            keys.setdefault(key, row.id)
            count_end = next((e for e in _COUNT_ENDINGS if key.endswith(e)), None)
            if count_end and row.kind in ("count", "level") and len(key) - len(count_end) >= 3:
                keys.setdefault(key[: -len(count_end)], row.id)  # 金融机构数 is named 金融机构
            ending = next((e for e in _GROWTH_ENDINGS if key.endswith(e)), None)
            if ending and row.kind == "rate":  # 增速, 增长率 and 增长 name the same rate
                stem = key[: -len(ending)]
                for other in _GROWTH_ENDINGS:
                    keys.setdefault(stem + other, row.id)
    return tuple(sorted(keys.items(), key=lambda kv: -len(kv[0])))


def share_indicator(part: str, whole: str) -> str | None:
    """The indicator that is ``part`` over ``whole`` (``va_primary`` over ``gdp``), if any.

    >>> from jbanalysis.claims.extract.vocab import share_indicator
    >>> share_indicator("va_primary", "gdp"), share_indicator("retail_sales", "gdp")
    ('va_primary_share', None)
    """
    rel = relations()
    hit = rel[
        (rel["relation"] == "share_of") & (rel["other"] == part) & (rel["denominator"] == whole)
    ]
    return str(hit["indicator"].iloc[0]) if len(hit) else None


#: Groups a text may rank or share in that the registry does not hold: a rank in one of them is
#: listed as not encodable, never read as a rank in the city (the registry's groups are found by
#: :func:`jbanalysis.registry.districts.group_of`).
OTHER_GROUPS = (
    GroupWord("全国城市", "", "a national group"),
    GroupWord("全国", "", "a national group"),
    GroupWord("西部", "", "a regional group outside the registry"),
    GroupWord("全省", "", "a provincial group"),
    GroupWord("渝东北", "", "a region the registry does not hold"),
    GroupWord("渝东南", "", "a region the registry does not hold"),
    GroupWord("渝西", "", "a region the registry does not hold"),
    GroupWord("渝东新城", "", "a region the registry does not hold"),
    GroupWord("同类城市", "", "a group the text does not name"),
)


def short_scope(text: str) -> str:
    """规模以上 -> 规上, 限额以上 -> 限上 (one spelling to compare).

    >>> from jbanalysis.claims.extract.vocab import short_scope
    >>> short_scope("规模以上工业增加值")
    '规上工业增加值'
    """
    for long, short in SCOPE_SHORT:
        text = text.replace(long, short)
    return text


def city() -> str:
    """The municipality's id (the subject of 全市)."""
    return CITY


def not_a_place(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` is part of another name (江北机场, 江北县)."""
    return text.startswith(_NOT_PLACE_AFTER, end)
