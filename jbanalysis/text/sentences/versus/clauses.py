"""Clauses the sentences of report 02 share: a value with its caveat, its rank in the comparison
year with the districts missing from it, and nominal growth over the longest window without a
registered break."""

from __future__ import annotations

from collections.abc import Mapping

from jbanalysis.text.labels import district_name
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import ordinal
from jbanalysis.text.numbers import fmt_pct
from jbanalysis.text.sentences.common import (
    breaks_phrase,
    caveat,
    missing_phrase,
    peer_flags_phrase,
)


def paren(parts: list[str], lang: str) -> str:
    parts = [p for p in parts if p]
    if not parts:
        return ""
    return pick(f"（{'；'.join(parts)}）", f" ({'; '.join(parts)})", lang)


def value_caveat(provenance: Mapping, year: int | None, lang: str) -> str:
    text = caveat(provenance.get(year), lang) if year is not None else ""
    return paren([text], lang)


def endpoint_notes(provenance: Mapping, years: list[int], lang: str) -> list[str]:
    notes = []
    for year in years:
        text = caveat(provenance.get(year), lang)
        if text:
            notes.append(pick(f"{year}年为{text}", f"{year}: {text}", lang))
    return notes


def growth_clause(growth, provenance: Mapping, said: set, lang: str) -> str:
    """``2014–2018年名义年均增长14.2%（不跨口径断点的最长区间：…）``.

    ``said``: years whose value the sentence has already qualified (not repeated).
    """
    if growth is None:
        return ""
    if not growth.ok:
        if growth.first is not None and growth.last is not None and growth.last > growth.first:
            return pick(
                "各相邻有值年份之间均有口径断点，不计算年均增长",
                "every span between its values crosses a break: no growth rate",
                lang,
            )
        return ""
    ends = [y for y in (growth.start, growth.end) if y not in said]
    notes = endpoint_notes(provenance, ends, lang)
    full = (growth.first, growth.last) != (growth.start, growth.end)
    if full and len(growth.span_breaks):
        crossed = breaks_phrase(growth.span_breaks, lang)
        notes.insert(
            0,
            pick(
                f"不跨口径断点的最长区间：{growth.first}–{growth.last}年间有{crossed}",
                f"the longest span without a break: {growth.first}–{growth.last} includes "
                f"{crossed}",
                lang,
            ),
        )
    rate = fmt_pct(growth.cagr)
    return pick(
        f"{growth.start}–{growth.end}年名义年均增长{rate}{paren(notes, 'zh')}",
        f"its nominal growth was {rate} a year over {growth.start}–{growth.end}"
        f"{paren(notes, 'en')}",
        lang,
    )


def rank_clauses(
    standing,
    fmt,
    provenance: Mapping,
    peer_flags: Mapping,
    count_in_latest: int,
    subject: tuple[str, str],
    lang: str,
    among: tuple[str, str] = ("有数据的", "with data"),
) -> list[str]:
    """The latest value, its rank in the comparison year, and the missing, as clauses.

    ``subject`` is (zh, en): ``("江北区地区生产总值", "Jiangbei's GDP")``.
    """
    name = district_name(standing.district, lang)
    comp = standing.comparison
    latest, value = standing.latest_year, fmt(standing.latest_value)
    zh_subject, en_subject = subject
    latest_notes = [caveat(provenance.get(latest), lang)]
    rank_text, later = "", []
    if comp.ok:
        year = int(comp.year)
        notes = paren(
            [missing_phrase(comp.missing, lang), peer_flags_phrase(peer_flags, lang)], lang
        )
        rank_text = pick(
            f"在{among[0]}{comp.n}个区中居{ordinal(int(standing.rank), 'zh')}{notes}",
            f"{ordinal(int(standing.rank), 'en')} of the {comp.n} districts {among[1]}{notes}",
            lang,
        )
        if year != latest:
            if latest > year:
                total = len(comp.members)
                latest_notes.append(
                    pick(
                        f"{latest}年只有{count_in_latest}个区有数据，不作排名"
                        if count_in_latest > 1
                        else f"其他区没有{latest}年数据，不作排名",
                        f"only {count_in_latest} of the {total} districts have {latest} data: "
                        "no rank"
                        if count_in_latest > 1
                        else f"no other district has {latest} data: no rank",
                        lang,
                    )
                )
            later.append(
                pick(
                    f"{year}年为{fmt(standing.value)}{value_caveat(provenance, year, 'zh')}，"
                    f"{rank_text}",
                    f"in {year} it was {fmt(standing.value)}"
                    f"{value_caveat(provenance, year, 'en')}, {rank_text}",
                    lang,
                )
            )
    first = pick(
        f"{latest}年{zh_subject}为{value}{paren(latest_notes, 'zh')}",
        f"{en_subject} was {value} in {latest}{paren(latest_notes, 'en')}",
        lang,
    )
    if comp.ok and int(comp.year) == latest:
        first = pick(f"{first}，{rank_text}", f"{first}, {rank_text}", lang)
    clauses = [first, *later]
    if comp.ok:
        year = int(comp.year)
        if comp.group_year is not None and year != comp.group_year:
            others = len(comp.members) - 1
            clauses.append(
                pick(
                    f"{name}无{comp.group_year}年数据（三分之二以上的区已有）",
                    f"{name} has no {comp.group_year} value (at least two thirds of the "
                    f"{others + 1} districts have one)",
                    lang,
                )
            )
    elif comp.group_year is None:
        clauses.append(
            pick(
                "没有哪一年有三分之二以上的区有数据，不作比较",
                "no year has values for two thirds of the districts: no comparison",
                lang,
            )
        )
    else:
        clauses.append(
            pick(
                f"在三分之二以上的区有数据的年份（最近为{comp.group_year}年），{name}均无数据，"
                "不作比较",
                f"{name} has no value in any year in which two thirds of the districts have one "
                f"(the latest is {comp.group_year}): no comparison",
                lang,
            )
        )
    return clauses


def join_clauses(clauses: list[str], lang: str) -> str:
    clauses = [c for c in clauses if c]
    return pick("；".join(clauses) + "。", "; ".join(clauses) + ".", lang)
