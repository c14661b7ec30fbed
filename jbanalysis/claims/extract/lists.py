"""Places written as lists: 渝北和长寿增速超过7% is a claim of each; 中心城区、渝西地区和渝东新城
增速分别为5.2%、4.6%和5.8% pairs the places and the numbers in order; a region the registry
does not hold (渝东北三峡库区增速为4.2%) is the subject of its numbers, never the place before it.
"""

from __future__ import annotations

import re

from jbanalysis.claims.extract.context import Place, places
from jbanalysis.claims.extract.found import Ctx
from jbanalysis.claims.extract.keys import KeyHit, keys_in
from jbanalysis.claims.extract.mentions import Mention
from jbanalysis.claims.extract.reading import fold
from jbanalysis.claims.extract.vocab import OTHER_GROUPS, indicator_keys

__all__ = ["listed_places", "new_in_list", "outside_region", "paired", "quoted_names"]

_NOTE = re.compile(r"\([^)]*\)")  # 綦江(不含万盛): a note on the item, not an item
# between two places of a list: separators, and items that are no place of the registry
_JOIN = re.compile(r"[、和及与](?:[^、,;:。\d和及与]{1,8}[、和及与])*")
_BEFORE_SUBJECT = re.compile(r"(?:占|居|位居|位列|排名|高于|低于|比|较|与|同|于)$")


def listed_places(clause: str, named: list[Place]) -> list[str]:
    """The districts of the list that ends with the last place of ``named`` (two or more), or [].

    >>> from jbanalysis.claims.extract.context import places
    >>> from jbanalysis.claims.extract.lists import listed_places
    >>> text = "永川、南川、万盛经开区、璧山等区县的增速在5%及以上"
    >>> listed_places(text, places(text, None))
    ['yongchuan', 'nanchuan', 'bishan']
    >>> listed_places("渝北区GDP增长", places("渝北区GDP增长", None))
    []
    """
    run: list[Place] = []
    for p in named:
        between = _NOTE.sub("", clause[run[-1].end : p.start]) if run else ""
        run = [*run, p] if run and _JOIN.fullmatch(between) else [p]
    return [p.district for p in run] if len(run) >= 2 else []


def _item_name(item: str) -> str:
    item = re.sub(r"^(?:其中|其|而)", "", item)
    return re.split(r"[一二三四五六七八九十\d]+个|增速|增长|的|GDP|地区生产总值", item)[0] or item


def paired(clause: str, found: list[Mention], subject: str | None) -> dict[int, tuple[str, str]]:
    """For a clause with 分别: mention index -> (district id or "", the list item), pairing the
    items before 分别 with the numbers after it in order; {} when the counts differ or no item
    is a place (第一、二、三产业增加值分别为… lists no places).

    >>> from jbanalysis.claims.extract.lists import paired
    >>> from jbanalysis.claims.extract.mentions import mentions
    >>> text = "其中中心城区、渝西地区和渝东新城三个片区增速分别为5.2%、4.6%和5.8%"
    >>> paired(text, mentions(text), None)
    {0: ('central9', '中心城区'), 1: ('', '渝西地区'), 2: ('', '渝东新城')}
    """
    at = clause.find("分别")
    if at < 0:
        return {}
    numbers = [i for i, m in enumerate(found) if m.start > at and m.kind == "number"]
    items = re.split(r"[、和及与]", _NOTE.sub("", clause[:at]))
    if len(items) != len(numbers) or len(items) < 2:
        return {}
    out: dict[int, tuple[str, str]] = {}
    for i, item in zip(numbers, items, strict=True):
        named = [p for p in places(item, None) if not p.group]  # 全区 is no item of a list
        out[i] = (named[-1].district if named else "", _item_name(item))
    return out if any(d for d, _ in out.values()) else {}


_QUOTED = re.compile(r"[“\"]([^”\"]{2,12})[”\"]")


def quoted_names(printed: str) -> tuple[str, ...]:
    """The names a sentence prints in quotes that are no place and no indicator of the registry
    (“一小时经济圈”, “渝东北翼”): a region of the text's own, if one is a subject.

    >>> from jbanalysis.claims.extract.lists import quoted_names
    >>> quoted_names("“一小时经济圈”[2]完成地区生产总值8864.78亿元;“江北区”")
    ('一小时经济圈',)
    """
    names = [fold(q) for q in _QUOTED.findall(printed)]
    return tuple(q for q in names if not places(q, None) and not keys_in(q))


def outside_region(text: str, quoted: tuple[str, ...] = ()) -> str:
    """The region outside the registry (渝东北, 全国 …) that ``text`` names as its subject, if it is
    named after any place of the registry; else "".

    >>> from jbanalysis.claims.extract.lists import outside_region
    >>> outside_region("渝东北三峡库区增速为"), outside_region("增速高于全国")
    ('渝东北', '')
    >>> outside_region("一小时经济圈完成地区生产总值", ("一小时经济圈",))
    '一小时经济圈'
    """
    subject = next((q for q in quoted if text.lstrip().startswith(q)), "")
    if subject:  # “一小时经济圈”完成…: a region the text names in quotes is the subject
        return subject
    last, word = -1, ""
    for g in OTHER_GROUPS:
        for m in re.finditer(re.escape(g.word), text):
            if not _BEFORE_SUBJECT.search(text[: m.start()]) and m.start() > last:
                last, word = m.start(), g.word
    if last < 0 or any(p.start > last for p in places(text, None) if not p.group):
        return ""
    return word


def new_in_list(ctx: Ctx) -> KeyHit | None:
    """新增国家小巨人企业2家、专精特新企业25家、智能工厂1个: in a list after 新增, each item is a new
    one — the registry's 新增… name of the words before the count, if it has one."""
    clause, m = ctx.clause, ctx.m
    if "新增" not in clause[: m.start]:
        return None
    piece = re.split(r"、|,", clause[: m.start])[-1]
    name = f"新增{piece.removeprefix('新增')}"
    indicator = dict(indicator_keys()).get(name)
    return KeyHit(m.start - len(piece), m.start, indicator, name) if indicator else None
