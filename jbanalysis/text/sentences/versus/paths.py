"""Report 02: how a series moved (a path with one direction word per segment), shares and ranks."""

from __future__ import annotations

import pandas as pd

from jbanalysis.metrics.matching import MIXED_VINTAGES
from jbanalysis.registry.terms import check_lang, term
from jbanalysis.text.labels import district_name
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years, ordinal
from jbanalysis.text.numbers import fmt_pct
from jbanalysis.text.sentences.common import breaks_phrase, missing_phrase
from jbanalysis.text.sentences.versus.clauses import paren

_VERBS = {"up": ("升至", "rose"), "down": ("降至", "fell")}


def path_phrase(path, fmt, lang: str = "zh", pct: bool = False) -> str:
    """A :class:`jbanalysis.metrics.SeriesPath` in words, one direction word per segment.

    ``fmt`` formats a value; ``pct`` adds each segment's relative change (``升62%至``).

    >>> import pandas as pd
    >>> from jbanalysis.metrics import series_path
    >>> from jbanalysis.text.sentences.versus.paths import path_phrase
    >>> p = series_path(pd.Series([0.298, 0.156, 0.253], index=[2005, 2011, 2020]), digits=3)
    >>> path_phrase(p, lambda v: f"{v:.3f}", pct=True)
    '由2005年的0.298降48%至2011年的0.156，此后升62%至2020年的0.253'
    >>> path_phrase(p, lambda v: f"{v:.3f}", "en", pct=True)
    'fell 48% from 0.298 in 2005 to 0.156 in 2011, then rose 62% to 0.253 in 2020'
    """
    check_lang(lang)
    segs = path.segments
    if not segs:
        return ""
    y0, y1 = segs[0].start, segs[-1].end
    if path.fluctuates:
        return pick(
            f"在{y0}–{y1}年间于{fmt(path.low)}（{path.low_year}年）至{fmt(path.high)}"
            f"（{path.high_year}年）之间波动，{y1}年为{fmt(segs[-1].end_value)}",
            f"moved between {fmt(path.low)} ({path.low_year}) and {fmt(path.high)} "
            f"({path.high_year}) over {y0}–{y1}, {fmt(segs[-1].end_value)} in {y1}",
            lang,
        )
    parts = []
    for i, seg in enumerate(segs):
        by = fmt_pct(abs(seg.change_pct), digits=0) if pct and seg.start_value else ""
        if seg.direction == "flat":
            parts.append(
                pick(
                    f"{'由' if i == 0 else '此后'}{seg.start}年的{fmt(seg.start_value)}至"
                    f"{seg.end}年的{fmt(seg.end_value)}基本持平",
                    f"{'held' if i == 0 else 'then held'} about level from "
                    f"{fmt(seg.start_value)} in {seg.start} to {fmt(seg.end_value)} in {seg.end}",
                    lang,
                )
            )
            continue
        zh_verb, en_verb = _VERBS[seg.direction]
        if i == 0:
            parts.append(
                pick(
                    f"由{seg.start}年的{fmt(seg.start_value)}{zh_verb[0]}{by}{zh_verb[1]}"
                    f"{seg.end}年的{fmt(seg.end_value)}",
                    f"{en_verb}{' ' + by if by else ''} from {fmt(seg.start_value)} in "
                    f"{seg.start} to {fmt(seg.end_value)} in {seg.end}",
                    lang,
                )
            )
        else:
            parts.append(
                pick(
                    f"{'此后' if i == 1 else '再'}{zh_verb[0]}{by}{zh_verb[1]}{seg.end}年的"
                    f"{fmt(seg.end_value)}",
                    f"then {en_verb}{' ' + by if by else ''} to {fmt(seg.end_value)} in {seg.end}",
                    lang,
                )
            )
    return pick("，".join(parts), ", ".join(parts), lang)


def share_sentence(
    shares, district: str, of: str, lang: str = "zh", breaks: pd.DataFrame | None = None
) -> str:
    """How the district's share of a total moved: the path, not just the end points, and the
    registered breaks of its part and its total that the path crosses (issue 18: a census rebase
    of the district alone moves its share).

    Parameters
    ----------
    shares : DataFrame or SeriesPath
        Output of :func:`jbanalysis.metrics.share` (``year, district, share, reason``), or the
        :func:`jbanalysis.metrics.series_path` of the district's shares.
    of : {"city", "central"}
        What the total is (for the wording).
    breaks : DataFrame, optional
        The breaks the path crosses: :func:`jbanalysis.metrics.crossed_summary` of the indicator
        over the path's years, for the district and the units of the total.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.versus.paths import share_sentence
    >>> s = pd.DataFrame({"year": [2010, 2011, 2012], "district": ["jiangbei"] * 3,
    ...                   "share": [4.0, None, 5.5], "reason": ["", "total missing", ""]})
    >>> share_sentence(s, "jiangbei", "city")
    '江北区占全市比重由2010年的4.0%升至2012年的5.5%（2011年无法计算）。'
    >>> s["share"] = [4.0, 6.1, 5.5]
    >>> share_sentence(s, "jiangbei", "city", "en")
    "Jiangbei's share of the city rose from 4.0% in 2010 to 6.1% in 2011, then fell to 5.5% in 2012."
    >>> b = pd.DataFrame({"kind": ["economic_census"], "year": [2008], "first_year": [2009]})
    >>> s["year"] = [2008, 2009, 2010]
    >>> share_sentence(s, "jiangbei", "city", "en", breaks=b)
    "Jiangbei's share of the city rose from 4.0% in 2008 to 6.1% in 2009, then fell to 5.5% in 2010 (across the 2008 economic census: partly a change of basis)."
    >>> share_sentence(s, "jiangbei", "city", breaks=b)
    '江北区占全市比重由2008年的4.0%升至2009年的6.1%，此后降至2010年的5.5%（跨2008年经济普查，变化部分来自口径调整）。'

    A year whose total has no value of the part's vintage (:func:`jbanalysis.metrics.share`'s
    ``rule``) is left out of the path — like for like only — and named with the vintages it
    would divide:

    >>> s["rule"] = ["matched", "mixed vintages", "matched"]
    >>> s["vintages"] = ["first_release/first_release", "first_release/revised"] + [""]
    >>> share_sentence(s, "jiangbei", "city", "en")
    "Jiangbei's share of the city rose from 4.0% in 2008 to 5.5% in 2010 (left out as mixing vintages: 2009 (first release over the city's revised value))."
    >>> share_sentence(s, "jiangbei", "city")
    '江北区占全市比重由2008年的4.0%升至2010年的5.5%（不同版本相除的年份未计入：2009年（首发数/全市修订数））。'
    """
    from jbanalysis.metrics import series_path

    mixed_years: set[int] = set()
    if isinstance(shares, pd.DataFrame):
        rows = shares[shares["district"] == district].sort_values("year")
        # like for like only: a share of two vintages is left out of the path
        mixed_years = {int(y) for y in _mixed(shares, district)["year"]}
        values = rows.set_index("year")["share"]
        path = series_path(values.where(~values.index.isin(mixed_years)), digits=1)
    else:
        path = shares
    name = district_name(district, lang)
    what = term("share_city" if of == "city" else "share_central", lang)
    if not path.segments:
        if path.low_year is not None:
            return pick(
                f"{name}{what}仅{path.low_year}年可计算，为{fmt_pct(path.low)}。",
                f"{name}'s {what} can be computed for {path.low_year} only: {fmt_pct(path.low)}.",
                lang,
            )
        return pick(f"{name}{what}无法计算。", f"{name}'s {what} cannot be computed.", lang)
    phrase = path_phrase(path, fmt_pct, lang)
    sentence = pick(f"{name}{what}{phrase}。", f"{name}'s {what} {phrase}.", lang)
    notes = []
    gaps = [y for y in path.gaps if y not in mixed_years]
    if gaps:
        notes.append(
            pick(
                f"{fmt_years(gaps, 'zh')}年无法计算",
                f"not computable in {fmt_years(gaps)}",
                lang,
            )
        )
    mixed = _mixed_note(shares, district, path, of, lang)
    if mixed:
        notes.append(mixed)
    if breaks is not None and len(breaks):
        crossed = breaks_phrase(breaks, lang)
        several = "changes of basis" if len(breaks) > 1 else "a change of basis"
        notes.append(
            pick(f"跨{crossed}，变化部分来自口径调整", f"across {crossed}: partly {several}", lang)
        )
    if notes:
        sentence = sentence.rstrip("。.") + paren(notes, lang) + pick("。", ".", lang)
    return sentence


def _mixed(shares: pd.DataFrame, district: str) -> pd.DataFrame:
    """The district's shares that divide values of two vintages (no value of the part's vintage
    for the total: :func:`jbanalysis.metrics.share`'s ``rule`` "mixed vintages")."""
    if "rule" not in shares.columns:
        return shares.iloc[0:0]
    rows = shares[(shares["district"] == district) & (shares["rule"] == MIXED_VINTAGES)]
    return rows[rows["value"].notna()] if "value" in rows.columns else rows


def _mixed_note(shares, district: str, path, of: str, lang: str) -> str:
    """The years left out of the path because their share would divide two vintages, and which:
    "2009 (first release over the city's revised value)"."""
    if not isinstance(shares, pd.DataFrame):
        return ""
    mixed = _mixed(shares, district)
    if mixed.empty:
        return ""
    parts = []
    for pair, group in mixed.groupby("vintages", sort=False):
        part, _, total = str(pair).partition("/")
        years = fmt_years(sorted(int(y) for y in group["year"]), lang)
        whole = pick(
            "全市" if of == "city" else "合计的",
            "the city's" if of == "city" else "the total's",
            lang,
        )
        parts.append(
            pick(
                f"{years}年（{term(part, 'zh')}/{whole}{term(total, 'zh')}）",
                f"{years} ({term(part, 'en')} over {whole} {term(total, 'en')} value)",
                lang,
            )
        )
    if not parts:
        return ""
    return pick(
        f"不同版本相除的年份未计入：{'，'.join(parts)}",
        f"left out as mixing vintages: {', '.join(parts)}",
        lang,
    )


def rank_sentence(history, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.RankHistory` in words: first and latest rank, and the years
    in which the ranks are among fewer districts (shaded in the chart).

    >>> from jbanalysis.metrics import ComparisonYear, RankHistory, Standing
    >>> from jbanalysis.text.sentences.versus.paths import rank_sentence
    >>> m = ("jiangbei", "yubei", "banan", "yuzhong")
    >>> c0 = ComparisonYear("jiangbei", 2005, 2022, m, m, (), 3)
    >>> c1 = ComparisonYear("jiangbei", 2022, 2022, m, m[:3], ("yuzhong",), 3)
    >>> h = RankHistory(None, Standing("jiangbei", 2022, 1.0, c0, value=1.0, rank=4),
    ...                 Standing("jiangbei", 2022, 1.0, c1, value=1.0, rank=2), (2007, 2008, 2022), ())
    >>> rank_sentence(h)
    '江北区2005年在4个区中居第4位，2022年在有数据的3个区中居第2位（渝中区无数据）；2007–2008、2022年有区缺数，这些年的位次只在有数据的区之间排名（图中阴影、空心点）。'
    >>> rank_sentence(h, "en")
    'Jiangbei ranked 4th of 4 in 2005 and 2nd of the 3 districts with data in 2022 (no data for Yuzhong). In 2007–2008, 2022 not every district has a value: ranks there are among those with data only (shaded, hollow points).'
    """
    check_lang(lang)
    first, last = history.first, history.last
    if last is None or first is None:
        return pick("没有可比较的位次。", "There is no rank to compare.", lang)
    name = district_name(last.district, lang)

    def part(standing, lang: str) -> str:
        comp = standing.comparison
        among_zh = "有数据的" if comp.missing else ""
        among_en = f"the {comp.n} districts with data" if comp.missing else f"{comp.n}"
        notes = paren([missing_phrase(comp.missing, lang)], lang)
        return pick(
            f"{comp.year}年在{among_zh}{comp.n}个区中居{ordinal(int(standing.rank), 'zh')}{notes}",
            f"{ordinal(int(standing.rank), 'en')} of {among_en} in {comp.year}{notes}",
            lang,
        )

    if first.year == last.year:
        sentence = pick(f"{name}{part(last, 'zh')}", f"{name} ranked {part(last, 'en')}", lang)
    else:
        sentence = pick(
            f"{name}{part(first, 'zh')}，{part(last, 'zh')}",
            f"{name} ranked {part(first, 'en')} and {part(last, 'en')}",
            lang,
        )
    extra_zh, extra_en = [], []
    if history.incomplete:
        years = fmt_years(history.incomplete)
        extra_zh.append(
            f"{fmt_years(history.incomplete, 'zh')}年有区缺数，这些年的位次只在有数据的区之间排名"
            "（图中阴影、空心点）"
        )
        extra_en.append(
            f"In {years} not every district has a value: ranks there are among those with data "
            "only (shaded, hollow points)"
        )
    if history.unranked:
        years = fmt_years(history.unranked)
        extra_zh.append(f"{fmt_years(history.unranked, 'zh')}年有数据的区不足三分之二，不排名")
        extra_en.append(f"In {years} fewer than two thirds have a value: no rank")
    if lang == "zh":
        return sentence + "".join(f"；{e}" for e in extra_zh) + "。"
    return sentence + "." + "".join(f" {e}." for e in extra_en)
