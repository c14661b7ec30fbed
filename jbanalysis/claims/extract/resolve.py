"""Each number of an article turned into a drafted ledger row, or listed with why it is not.

The reading goes sentence by sentence, clause by clause (:mod:`.reading`), keeping what the text
has said so far: its subject district and year, the period in force, and within a sentence the
district last named and the last claim drafted (so that 增长2.2% after 第一产业增加值1.7亿元 is the
growth of primary value added). What a number is follows from the words around it:

* a value: the indicator name that governs it (:mod:`.keys`), in its unit as printed;
* a growth rate: a growth or decline word before a percentage (下降9.4% is −9.4), of the governing
  name or of the last claim's indicator — the registry's ``growth`` column names the rate;
* a change: a rise or fall in 个百分点 of a rate (比重…下降13.0个百分点: ``change``, −13.0);
* a share: 占 + the city or a group + a fraction or a percentage; 占 + the district's own total
  (or 比重 of a sector) is the structure share the relations file names (第一产业比重);
* a structure ratio 6.1:57.8:36.1 after 三次产业: the three sector shares;
* a rank: a rank word after a group (位居全市第6名, 居中心城区第一), of the indicator in force.

Anything else is listed with its reason (:class:`Skip`).
"""

from __future__ import annotations

from dataclasses import replace

from jbanalysis.claims.extract.context import period_in, places, relative_year, years_in
from jbanalysis.claims.extract.english import is_english, read_english
from jbanalysis.claims.extract.found import (
    Ctx,
    Draft,
    Skip,
    State,
    growth_rates,
    indicator_info,
    last_word,
    unit_fits,
)
from jbanalysis.claims.extract.keys import KeyHit, governing, is_link, keys_in
from jbanalysis.claims.extract.lists import (
    listed_places,
    new_in_list,
    outside_region,
    paired,
    quoted_names,
)
from jbanalysis.claims.extract.mentions import mentions
from jbanalysis.claims.extract.ranks import RankReading
from jbanalysis.claims.extract.reading import Sentence, clauses
from jbanalysis.claims.extract.shares import ShareReading
from jbanalysis.claims.extract.tables import Table, is_table_line, read_row
from jbanalysis.claims.extract.vocab import DECLINE, GROWTH, indicator_keys
from jbanalysis.registry.indicators import growth_of

__all__ = ["Draft", "Reader", "Skip"]


_COUNT_UNITS = ("家", "个", "所", "名", "人", "户", "座", "项", "件", "张")
_POINTS = ("个百分点", "百分点")


class Reader(RankReading, ShareReading):
    """Reads the sentences of one article into :attr:`drafts` and :attr:`skips`."""

    def __init__(self, subject: str | None, year: int | None, period: str, published: int | None):
        self.subject = subject
        self.year = year
        self.default_period = period
        self.period: str | None = period
        self.period_words = ""
        self.published = published
        self.paragraph = -1
        self.drafts: list[Draft] = []
        self.skips: list[Skip] = []
        self.table: Table | None = None
        self.topic: str | None = None  # the indicator the paragraph last named (GDP增速 …)
        self.quoted: tuple[str, ...] = ()  # the sentence's quoted names that are no registry's
        self.unheld = (
            ""  # the unit the text is about when the registry does not hold it (万盛经开区)
        )

    # ---- walking the text ------------------------------------------------------------------

    def read(self, sentences: list[Sentence]) -> None:
        previous = ""
        for s in sentences:
            if s.paragraph != self.paragraph:
                self.paragraph = s.paragraph
                self.period, self.period_words = self.default_period, ""
                self.topic = None
            if is_table_line(s.text):  # 都市功能核心区 | 3445.34 | 9.3 | 19.6 |
                caption = previous if previous.startswith("表") else ""
                self.table = self.table or Table(caption)
                read_row(self.table, s, self._row_claim, self.skip)
                continue
            self.table, previous = None, s.text
            if is_english(s.text):
                read_english(self, s)
                continue
            state = State()
            self.quoted = quoted_names(s.printed)
            for clause in clauses(s.text):
                self._clause(s, clause, state)

    def add(
        self,
        s: Sentence,
        printed: str,
        district: str | None,
        indicator: str,
        year: int | None,
        kind: str,
        stated: str,
        **cols: str,
    ) -> None:
        """Draft a claim read outside a clause (a table's row, an English sentence)."""
        if not district or not year or self.period is None:
            self.skip(s, printed, "no district, year or period for it in the text")
            return
        notes = [cols.pop("note")] if "note" in cols else []
        draft = Draft(
            s, printed, district, indicator, year, self.period, kind, stated, notes=notes, **cols
        )
        self.drafts.append(draft)

    def _row_claim(
        self,
        s: Sentence,
        printed: str,
        district: str,
        indicator: str,
        kind: str,
        stated: str,
        **cols: str,
    ) -> None:
        year = (self.table.year() if self.table else None) or self.year
        note = "a row of a table" + ("" if district else " of the text's subject")
        district = district or self.subject or ""
        self.add(s, printed, district, indicator, year, kind, stated, note=note, **cols)

    def skip(self, s: Sentence, printed: str, reason: str) -> None:
        """List a number that is not drafted, with why."""
        self.skips.append(Skip(s, printed, reason))

    def _advance(self, text: str, clause_places: list, offset: int, state: State) -> None:
        """Apply the years, periods and places printed in ``text`` (a stretch of the clause)."""
        years = [y for _, y, is_period in years_in(text) if is_period]
        if years:
            self.year = years[-1]
            self.period, self.period_words = "Y", ""
        period, words = period_in(text)
        if words:
            self.period, self.period_words = period, words
        end = offset + len(text)
        named = [p for p in clause_places if offset <= p.start < end and not p.group]
        if named:
            state.place = named[-1].district
            state.places = listed_places(
                text[: named[-1].end - offset],
                [replace(p, start=p.start - offset, end=p.end - offset) for p in named],
            )
        region = outside_region(text, self.quoted)
        if region or named:
            state.outside = region

    def _clause(self, s: Sentence, clause: str, state: State) -> None:
        found = mentions(clause)
        hits = keys_in(clause)
        clause_places = places(clause, self.subject)
        done: list[tuple[int, int]] = []
        cursor = 0
        pairs = paired(clause, found, self.subject)
        for i, m in enumerate(found):
            self._advance(clause[cursor : m.start], clause_places, cursor, state)
            cursor = m.start
            if i in pairs:  # A、B和C…分别为x、y和z: the i-th number is the i-th place's
                state.place, state.places, state.outside = pairs[i][0] or None, [], ""
                if not pairs[i][0]:
                    self.skip(s, m.printed, f"{pairs[i][1]}: not a place the registry holds")
                    done.append((m.start, m.end))
                    continue
            before = clause[done[-1][1] if done else 0 : m.start]
            year = relative_year(before, self.year or 0, self.published) or self.year
            ctx = Ctx(s, clause, m, hits, done, state, year, before)
            self._one(ctx)
            done.append((m.start, m.end))
        self._advance(clause[cursor:], clause_places, cursor, state)
        named = [h for h in hits if not h.qualifier]
        state.pending = named[-1] if named and not found else None
        if named:
            self.topic = named[-1].indicator

    # ---- one number ------------------------------------------------------------------------

    def _skip(self, ctx: Ctx, reason: str) -> None:
        self.skips.append(Skip(ctx.sentence, ctx.m.printed, reason))
        if ctx.m.kind == "number":  # a growth rate after it is of this number, not the claim before
            ctx.state.last = None

    def _draft(self, ctx: Ctx, indicator: str, kind: str, stated: str, **cols: str) -> None:
        if ctx.state.outside:
            self._skip(ctx, f"{ctx.state.outside}: a region the registry does not hold")
            return
        district = ctx.state.place or self.subject
        if not district:
            self._skip(
                ctx,
                f"no district: the text is about {self.unheld}, which the registry does not hold"
                if self.unheld
                else "no district: the text names none here (give the district)",
            )
            return
        if not ctx.year:
            self._skip(ctx, "no year: the text names none (give the publication date)")
            return
        if self.period is None:
            self._skip(
                ctx,
                f"the period {self.period_words!r} is not one the data have (Q1, H1, Q1-Q3, year)",
            )
            return
        notes = list(cols.pop("notes", []))
        if not ctx.state.place:
            notes.insert(0, "district: the text's subject")
        if len(ctx.state.places) > 1:
            notes.append("one of the places listed before it")
        for each in ctx.state.places or [district]:
            draft = Draft(
                ctx.sentence,
                ctx.m.printed,
                each,
                indicator,
                ctx.year,
                self.period,
                kind,
                stated,
                notes=list(notes),
                **cols,
            )
            self.drafts.append(draft)
            ctx.state.last = draft

    def _one(self, ctx: Ctx) -> None:
        m = ctx.m
        if m.kind == "ratio":
            self._ratio(ctx)
        elif m.kind == "rank":
            self._rank(ctx)
        elif m.kind == "fraction":
            self._share(ctx)
        elif m.kind == "multiple":
            self._multiple(ctx)
        elif m.unit in ("%",):
            self._percent(ctx)
        elif m.unit in _POINTS:
            self._points(ctx)
        else:
            self._value(ctx)

    def _value(self, ctx: Ctx) -> None:
        m = ctx.m
        hit = governing(ctx.clause, m.start, ctx.hits, ctx.done)
        if hit is None and m.unit in _COUNT_UNITS:  # 69家规上工业企业: the count before the name
            hit = next((h for h in ctx.hits if h.start == m.end and not h.qualifier), None)
            new = f"新增{hit.key}" if hit is not None and ctx.before.endswith("新增") else ""
            if new in dict(indicator_keys()):  # 新增3家上市企业: the count of new ones
                hit = KeyHit(hit.start, hit.end, dict(indicator_keys())[new], new)
        # 单日人流量创了新高,达到100万人次: the name of the clause before
        if hit is None and ctx.state.pending is not None and is_link(ctx.before) and not ctx.done:
            hit = ctx.state.pending
        if hit is None and m.unit in _COUNT_UNITS:
            hit = new_in_list(ctx)  # 新增…2家、专精特新企业25家: 新增 holds for the list
        if (
            m.unit in ("名", "位")
            and hit is not None
            and indicator_info()[hit.indicator][1] == "persons"
        ):
            m = replace(m, unit="人")  # 4000余名志愿者: 名 counts people
        word = last_word(ctx.before, GROWTH + DECLINE)
        base = self._inherited(ctx) if hit is None and word else None
        if base is not None and unit_fits(m.unit, base):  # 常住人口67.00万人,比上年增加0.08万人
            sign = "-" if word in DECLINE else ""
            self._draft(ctx, base, "change", sign + m.number.replace(",", ""), unit=m.unit)
            return
        if hit is None:
            self._skip(ctx, "no indicator of the registry is named for this number")
            return
        if hit.qualifier:
            self._skip(
                ctx,
                f"{hit.qualifier}{hit.key}: narrower than the registry's {indicator_info()[hit.indicator][0]}",
            )
            return
        if not unit_fits(m.unit, hit.indicator):
            name, unit, _ = indicator_info()[hit.indicator]
            self._skip(ctx, f"the unit {m.unit or '(none)'} does not fit {name} ({unit})")
            return
        self._draft(
            ctx,
            hit.indicator,
            "value",
            m.number.replace(",", ""),
            unit=m.unit,
            precision=m.precision,
        )

    def _percent(self, ctx: Ctx) -> None:
        m = ctx.m
        hit = governing(ctx.clause, m.start, ctx.hits, ctx.done)
        named_rate = hit is not None and indicator_info()[hit.indicator][1] == "pct"
        # 占常住人口比重(常住人口城镇化率)为62.94%: a rate's name right before it wins over 占
        if any(w in ctx.before for w in ("占", "比重", "占比")) and not named_rate:
            self._share(ctx)
            return
        if hit is not None and hit.qualifier:
            self._skip(
                ctx,
                f"{hit.qualifier}{hit.key}: narrower than the registry's {indicator_info()[hit.indicator][0]}",
            )
            return
        word = last_word(ctx.before, GROWTH + DECLINE)
        rate = hit is not None and indicator_info()[hit.indicator][1] == "pct"
        if rate and (not word or hit.key.endswith(("增速", "增长", "增长率"))):
            sign = "-" if word in DECLINE else ""
            self._draft(
                ctx,
                hit.indicator,
                "growth" if word else "value",
                sign + m.number,
                unit="%",
                precision=m.precision,
            )
            return
        if not word:
            self._skip(ctx, "a percentage that no rate of the registry names")
            return
        base = hit.indicator if hit is not None else self._inherited(ctx)
        if base is None and word == "增速":  # 渝北和长寿增速超过7%: the rate the paragraph names
            base = self.topic
        if base is None:
            self._skip(
                ctx,
                "a growth rate of something the registry does not name (or of the number before, not encoded)",
            )
            return
        growth = growth_of(base) if indicator_info()[base][1] != "pct" else None
        growth = base if base in growth_rates() else growth
        if growth is None:
            self._skip(ctx, f"the registry has no growth rate of {indicator_info()[base][0]}")
            return
        sign = "-" if word in DECLINE else ""
        self._draft(ctx, growth, "growth", sign + m.number, unit="%", precision=m.precision)

    def _multiple(self, ctx: Ctx) -> None:
        """比2010年翻一番, 是2015年的2.1倍, 增长1.5倍 (2.5 times): a multiple of a base year."""
        m, before = ctx.m, ctx.before
        bases = [y for _, y, _p in years_in(before) if f"比{y}年" in before or f"是{y}年" in before]
        base = bases[-1] if bases else (ctx.year - 1 if "比上年" in before and ctx.year else None)
        if base is None:
            self._skip(ctx, "a multiple (翻一番, 倍) of a year the text does not name")
            return
        hit = governing(ctx.clause, m.start, ctx.hits, ctx.done)
        indicator = hit.indicator if hit is not None and not hit.qualifier else self._inherited(ctx)
        if indicator is None or indicator_info()[indicator][1] == "pct":
            self._skip(ctx, "a multiple of something the registry does not name as a level")
            return
        stated = m.number
        if before.endswith(("增长", "增加")) and not m.number.startswith("翻"):
            stated = f"{m.value + 1:g}"  # 增长1.5倍 is 2.5 times
        self._draft(
            ctx, indicator, "multiple", stated, base=str(base), notes=[f"a multiple of {base}"]
        )

    def _inherited(self, ctx: Ctx) -> str | None:
        """The last claim's indicator, when only linking words lead to this number."""
        last = ctx.state.last
        return last.indicator if last is not None and is_link(ctx.before) else None

    def _points(self, ctx: Ctx) -> None:
        m = ctx.m
        hit = governing(ctx.clause, m.start, ctx.hits, ctx.done)
        if hit is not None and not hit.qualifier and indicator_info()[hit.indicator][1] == "pp":
            self._draft(
                ctx, hit.indicator, "value", m.number, unit="个百分点", precision=m.precision
            )
            return
        word = last_word(ctx.before, GROWTH + DECLINE)
        base = hit.indicator if hit is not None and not hit.qualifier else self._inherited(ctx)
        if not word or base is None or indicator_info()[base][1] != "pct":
            self._skip(ctx, "percentage points of something the registry does not name")
            return
        sign = "-" if word in DECLINE else ""
        self._draft(
            ctx,
            base,
            "change",
            sign + m.number,
            unit="个百分点",
            precision=m.precision,
            notes=["change from the year before"],
        )
