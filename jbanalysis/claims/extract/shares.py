"""Shares in an article: 占全市三分之一, 约占全市一半, 第一产业增加值占全区地区生产总值的比重为1.1%,
第二产业增加值比重为55.8%, and structure ratios (三次产业结构比为6.1:57.8:36.1).

占 + the city or a group + a fraction or a percentage is a ``share`` of that whole; 占 + the
district's own total (or 比重 after a sector's name) is the structure share the relations file
names (第一产业比重), a value in %; a ratio after 三次产业 is the three sector shares in order.
"""

from __future__ import annotations

from jbanalysis.claims.extract.context import group_at
from jbanalysis.claims.extract.found import Ctx, ReaderPart, level_of
from jbanalysis.claims.extract.keys import governing, is_link
from jbanalysis.claims.extract.mentions import Mention
from jbanalysis.claims.extract.vocab import share_indicator, structure

__all__ = ["ShareReading"]

_STRUCTURE_WORDS = ("三次产业", "产业结构", "三产结构", "产业比例")
_CITY_WORDS = ("全市", "重庆市", "重庆")


class ShareReading(ReaderPart):
    """The share part of :class:`~jbanalysis.claims.extract.resolve.Reader`."""

    def _share(self, ctx: Ctx) -> None:
        m, clause = ctx.m, ctx.clause
        start = ctx.done[-1][1] if ctx.done else 0
        at = ctx.before.rfind("占")
        if at < 0:  # 第二产业增加值比重为55.8%: the sector's share of GDP
            hit = next(
                (
                    h
                    for h in reversed(ctx.hits)
                    if h.end <= m.start and clause[h.end : m.start].startswith(("比重", "占比"))
                ),
                None,
            )
            share = share_indicator(hit.indicator, "gdp") if hit and not hit.qualifier else None
            if share is None or m.kind != "number":
                self._skip(ctx, "a share of something the text does not name")
                return
            self._draft(ctx, share, "value", m.number, unit="%", precision=m.precision)
            return
        pos = start + at
        whole = clause[pos + 1 : m.start]
        part_end = pos - (1 if clause[:pos].endswith(("约", "近")) else 0)
        part = governing(clause, part_end, ctx.hits, ctx.done)
        indicator = part.indicator if part is not None and not part.qualifier else None
        if indicator is None and ctx.state.last is not None and is_link(clause[start:part_end]):
            indicator = ctx.state.last.indicator
            # …8864.78亿元,比上年增长13.4%,占全市生产总值的77.4%: the share is of the level
            indicator = level_of(indicator) or indicator
        if indicator is None:
            self._skip(ctx, "a share of something the registry does not name")
            return
        precision = m.precision or ("约" if clause[:pos].endswith("约") else "")
        city = whole.startswith(_CITY_WORDS) and not whole.startswith(("全市行政区", "全市各区"))
        group = group_at(whole.split("的")[0] + "第", len(whole.split("的")[0]))
        if city or (group and group[1]):
            stated, prec = self._share_number(m, precision)
            denominator = "全市" if city else group[1]
            self._draft(ctx, indicator, "share", stated, precision=prec, denominator=denominator)
            return
        if group:
            self._skip(ctx, f"a share of {group[0]}: {group[2]}")
            return
        whole_keys = [h for h in ctx.hits if pos < h.start and h.end <= m.start]
        structure_share = (
            share_indicator(indicator, whole_keys[-1].indicator) if whole_keys else None
        )
        if structure_share is not None and m.kind == "number":
            self._draft(ctx, structure_share, "value", m.number, unit="%", precision=precision)
            return
        self._skip(ctx, "a share of a whole the data do not hold")

    @staticmethod
    def _share_number(m: Mention, precision: str) -> tuple[str, str]:
        if m.kind == "fraction":
            return m.number, (precision + m.number) if precision else m.number
        return f"{m.number}%", precision

    def _ratio(self, ctx: Ctx) -> None:
        m = ctx.m
        said = ctx.sentence.text[: ctx.sentence.text.find(ctx.clause)] + ctx.clause[: m.start]
        if not any(w in said for w in _STRUCTURE_WORDS):
            self._skip(ctx, "a ratio of parts the text does not name")
            return
        terms = structure("三次产业")
        if len(terms) != len(m.parts):
            self._skip(ctx, f"a ratio of {len(m.parts)} terms; 三次产业 has {len(terms)}")
            return
        for k, (indicator, part) in enumerate(zip(terms, m.parts, strict=True)):
            note = f"term {k + 1} of the 三次产业 ratio {m.printed}"
            self._draft(ctx, indicator, "value", part, unit="%", notes=[note])
