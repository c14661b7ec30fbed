"""Ranks in an article: 位居全市第6名, 增速居中心城区第一, 排名第3位, 前十.

A rank word after a group (:func:`~jbanalysis.claims.extract.context.group_at`) is a rank of the
indicator named just before the group, else of the sentence's last claim; 增速 before the group
makes it a rank of that indicator's growth rate. 前列 and a rank in a group the registry does not
hold (全国城市) are listed with why.
"""

from __future__ import annotations

import re

from jbanalysis.claims.extract.context import group_at, places
from jbanalysis.claims.extract.found import Ctx, ReaderPart, indicator_info
from jbanalysis.claims.extract.keys import governing, is_link, keys_in
from jbanalysis.claims.extract.mentions import rank_place
from jbanalysis.registry.indicators import growth_of

__all__ = ["RankReading"]


class RankReading(ReaderPart):
    """The rank part of :class:`~jbanalysis.claims.extract.resolve.Reader`."""

    topic: str | None = None  # the indicator the paragraph last named (the reader's)

    def _rank(self, ctx: Ctx) -> None:
        m, clause = ctx.m, ctx.clause
        place = rank_place(m.number)
        if place is None:
            self._skip(ctx, f"{m.number} names no place: write the rank if the text means one")
            return
        group = group_at(clause, m.start)
        if group is None:
            self._skip(ctx, "a rank without the group it is in")
            return
        word, gid, note = group
        if not gid:
            self._skip(ctx, f"a rank in {word}: {note}")
            return
        lead_end = m.start - len(word)
        start = ctx.done[-1][1] if ctx.done else 0
        precision = "前" if m.number.startswith("前") else ""
        listed = _enumerated(clause[start:lead_end])
        if len(listed) >= 2:  # 一般公共预算收入、全口径税收和收入质量居全市第1: one rank each
            for each in listed:
                self._draft(ctx, each, "rank", str(place), precision=precision, group=gid)
            return
        hit = governing(clause, lead_end, ctx.hits, ctx.done)
        if hit is not None and hit.qualifier:
            self._skip(
                ctx,
                f"{hit.qualifier}{hit.key}: narrower than the registry's {indicator_info()[hit.indicator][0]}",
            )
            return
        indicator = hit.indicator if hit is not None else self._inherited_rank(ctx, start, lead_end)
        if indicator is None and "增速" in clause[start:lead_end]:
            indicator = self.topic  # 渝北、长寿和潼南的增速位列…: the rate the paragraph names
        if indicator is None:
            self._skip(ctx, "a rank of something the registry does not name")
            return
        if "增速" in clause[start:lead_end] and indicator_info()[indicator][1] != "pct":
            indicator = growth_of(indicator) or ""
            if not indicator:
                self._skip(ctx, "a rank of a growth rate the registry does not hold")
                return
        self._draft(ctx, indicator, "rank", str(place), precision=precision, group=gid)

    def _inherited_rank(self, ctx: Ctx, start: int, end: int) -> str | None:
        last = ctx.state.last
        between = ctx.clause[start:end]
        return last.indicator if last is not None and is_link(between) else None


_RANK_VERBS = re.compile(
    r"(?:均|都|分别|继续|连续\d+(?:个季度|年))?(?:居|位居|位列|列|排名|排在|排|名列|稳居|跃居|保持|蝉联)$"
)


def _enumerated(head: str) -> list[str]:
    """The indicators of ``A、B和C`` before a rank verb, each named whole (else none).

    >>> from jbanalysis.claims.extract.ranks import _enumerated
    >>> _enumerated("一般公共预算收入、全口径税收、区级税收总量和收入质量居")
    ['fiscal_revenue', 'tax_revenue', 'tax_revenue_district', 'revenue_quality']
    >>> _enumerated("增速和总量居"), _enumerated("工业产值、利润居")
    ([], [])
    """
    head = _RANK_VERBS.sub("", head)
    named = [p for p in places(head, None) if not p.group]
    if named and named[0].start == 0:  # 江北区一般公共预算收入、…: the place is the subject
        head = head[named[0].end :]
    pieces = re.split(r"、|和|及|与", head)
    found = []
    for piece in pieces:
        hits = [h for h in keys_in(piece) if not h.qualifier]
        if not hits or not is_link(piece[: hits[0].start]) or not is_link(piece[hits[-1].end :]):
            return []
        found.append(hits[-1].indicator)
    return found
