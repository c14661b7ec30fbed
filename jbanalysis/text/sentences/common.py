"""Pieces every report's sentences share: titles, the data vintage, and the notes that qualify a
number (its flag and source, the breaks a window crosses, who is missing from a comparison).

The rules the notes serve (docs/reports.md, "Rules for every sentence"): a number resting on a
low-reliability, estimated, preliminary, corrected, interpolated or derived value says so in the
same sentence, with the kind of source; a growth rate or index whose window crosses a registered
break names the break; a comparison names the districts missing from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import pandas as pd

from jbanalysis.registry.paths import DATAPACKAGE, OBSERVATIONS, bundle_path
from jbanalysis.registry.schema import CAVEAT_FLAGS, CAVEAT_VINTAGES
from jbanalysis.registry.terms import check_lang, has_term, term
from jbanalysis.text.headings import TITLES, title
from jbanalysis.text.labels import district_name, indicator_name
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years, join, names

__all__ = [
    "TITLES",
    "breaks_phrase",
    "caveat",
    "caveat_words",
    "data_vintage",
    "flags_note",
    "gaps_sentence",
    "left_out_sentence",
    "missing_phrase",
    "needs_caveat",
    "no_data_in",
    "peer_flags_phrase",
    "title",
]


def data_vintage(lang: str = "zh") -> str:
    """Which data stand behind a report: source access dates and the observations' sha256.

    Read from ``data/sources.csv`` (``accessed``) and ``data/datapackage.json`` (the hash of
    ``observations.csv``, first 12 hex digits), so a reader can tell two data versions apart.

    >>> from jbanalysis.text.sentences.common import data_vintage
    >>> data_vintage("en")  # doctest: +ELLIPSIS
    'bundled data: sources accessed ..., observations.csv sha256 ...'
    """
    from jbanalysis.registry.paths import bundle_dir
    from jbanalysis.sources.observations import load_sources

    accessed = sorted(set(load_sources(folder=bundle_dir())["accessed"]) - {""})
    package = json.loads(bundle_path(DATAPACKAGE).read_text(encoding="utf-8"))
    digest = next(
        (r["hash"] for r in package["resources"] if r["path"] == OBSERVATIONS), "sha256:?"
    ).removeprefix("sha256:")[:12]
    dates = ", ".join(accessed) or "?"
    return pick(
        f"内置数据：来源访问日期 {'、'.join(accessed) or '?'}，observations.csv sha256 {digest}",
        f"bundled data: sources accessed {dates}, observations.csv sha256 {digest}",
        lang,
    ) + user_data_note(lang)


def user_data_note(lang: str = "zh") -> str:
    """What a report adds from the user data folder (``""`` when none is in use), for the
    data-vintage line of every report: the folder's sources and how many values they hold.

    >>> from jbanalysis.text.sentences.common import user_data_note
    >>> from jbanalysis.sources.user import user_data_dir
    >>> user_data_note() if user_data_dir() is None else ""
    ''
    """
    from jbanalysis.sources.user import user_data

    mine = user_data()
    if mine is None:
        return ""
    ids = ", ".join(mine.sources) or "-"
    return pick(
        f"；另加用户数据 {mine.name}（{mine.values} 个数值，来源 {ids}）",
        f"; plus user data {mine.name} ({mine.values} values from {ids})",
        lang,
    )


def flags_note(flags: pd.Series | Mapping[int, str], lang: str = "zh") -> str:
    """Which years carry a flag other than ``observed`` (a gap in flags is not listed).

    >>> from jbanalysis.text.sentences.common import flags_note
    >>> flags_note({2016: "observed", 2017: "interpolated", 2022: "corrected"})
    '2017年为插值，2022年为更正值'
    >>> flags_note({2017: "interpolated", 2018: "interpolated"}, "en")
    '2017–2018 interpolated'
    >>> flags_note({2016: "observed"})
    ''
    """
    by_flag: dict[str, list[int]] = {}
    for year, flag in flags.items():
        if isinstance(flag, str) and flag not in ("", "observed"):
            by_flag.setdefault(flag, []).append(int(year))
    parts = []
    for flag, years in by_flag.items():
        word = term(flag, lang) if has_term(flag) else flag
        parts.append(
            pick(f"{fmt_years(years, 'zh')}年为{word}", f"{fmt_years(years)} {word}", lang)
        )
    return pick("，".join(parts), "; ".join(parts), lang)


def needs_caveat(row: Mapping[str, str] | None) -> bool:
    """Whether a value's provenance must be named where the value is quoted.

    A value that is ``corrected``, ``interpolated`` or ``derived``, of ``low`` reliability, or an
    ``estimate`` or ``preliminary`` figure.

    >>> from jbanalysis.text.sentences.common import needs_caveat
    >>> needs_caveat({"flag": "observed", "reliability": "low", "vintage": "first_release"})
    True
    >>> needs_caveat({"flag": "observed", "reliability": "high", "vintage": "revised"})
    False
    """
    if not row:
        return False
    return (
        row.get("flag") in CAVEAT_FLAGS
        or row.get("reliability") == "low"
        or row.get("vintage") in CAVEAT_VINTAGES
    )


def _with_article(text: str) -> str:
    return ("an " if text[:1].lower() in "aeiou" else "a ") + text


def _derived_basis(record: str, lang: str) -> str:
    """``gdp src:rec ÷ pop_census src:rec`` -> ``地区生产总值÷普查人口`` / ``GDP ÷ census population``."""
    parts = []
    for side in record.split(" ÷ "):
        indicator = side.split(" ")[0]
        try:
            text = indicator_name(indicator, lang)
        except KeyError:
            text = indicator
        parts.append(text if lang == "zh" else text[:1].lower() + text[1:] if parts else text)
    return pick("÷".join(parts), " ÷ ".join(parts), lang)


def caveat(row: Mapping[str, str] | None, lang: str = "zh") -> str:
    """What a quoted value rests on, when :func:`needs_caveat`: kind of source, vintage, flag.

    >>> from jbanalysis.text.sentences.common import caveat
    >>> row = {"flag": "corrected", "reliability": "low", "vintage": "first_release",
    ...        "source_kind": "aggregator", "correction": "C002", "record": "PF0198"}
    >>> caveat(row)
    '来自汇编网站的低可靠性数值，经C002更正'
    >>> caveat(row, "en")
    'a low-reliability value from an aggregator site, corrected by C002'
    >>> caveat({"flag": "derived", "reliability": "medium", "vintage": "revised",
    ...         "record": "gdp published_figures:PF0129 ÷ pop_census published_figures:PF0155"}, "en")
    'derived: GDP ÷ census population'
    >>> caveat({"flag": "observed", "reliability": "medium", "vintage": "preliminary",
    ...         "source_kind": "gov_work_report"})
    '来自政府工作报告的初步数'
    """
    if not needs_caveat(row):
        return ""
    assert row is not None
    check_lang(lang)
    flag = row.get("flag", "")
    if flag == "derived":
        basis = _derived_basis(row.get("record", ""), lang)
        if row.get("reliability") == "low":
            return pick(
                f"{term('derived', lang)}：{basis}，所用数据含{term('low_reliability', lang)}"
                f"{term('figure_value', lang)}",
                f"{term('derived', lang)}: {basis}, from a {term('low_reliability', lang)} input",
                lang,
            )
        return pick(f"{term('derived', lang)}：{basis}", f"{term('derived', lang)}: {basis}", lang)
    if flag == "interpolated":
        return term("interpolated", lang)
    kind = row.get("source_kind", "")
    kind_text = term(kind, lang) if has_term(kind) else kind
    low = row.get("reliability") == "low"
    vintage = row.get("vintage", "")
    what = term(f"figure_{vintage}" if vintage in CAVEAT_VINTAGES else "figure_value", lang)
    how = term("low_reliability", lang) if low else ""
    corrected = flag == "corrected"
    correction = row.get("correction", "")
    zh = f"来自{kind_text}的{how}{what}" if kind_text else f"{how}{what}"
    en_head = f"{how} {what}" if low else what
    en = _with_article(en_head) + (f" from {_with_article(kind_text)}" if kind_text else "")
    if corrected:
        zh += f"，经{correction}更正" if correction else "，经更正"
        en += f", corrected by {correction}" if correction else ", corrected"
    return pick(zh, en, lang)


def caveat_words(caveat: str, lang: str = "zh", many: bool = False) -> str:
    """What a caveat says of a value (or, ``many``, of several), as a predicate (terms.csv).

    >>> from jbanalysis.text.sentences.common import caveat_words
    >>> caveat_words("preliminary"), caveat_words("preliminary", "en", many=True)
    ('为初步数', 'preliminary figures')
    """
    return term(f"caveat{'s' if many else ''}_{caveat}", lang)


def _plural(text: str) -> str:
    if " of " in text:
        head, _, tail = text.partition(" of ")
        return f"{_plural(head)} of {tail}"
    return text + ("es" if text.endswith("s") else "s")


def breaks_phrase(breaks: pd.DataFrame, lang: str = "zh") -> str:
    """Registered breaks in words, grouped by kind: ``2008、2013年经济普查和2010年人口普查``.

    ``breaks`` has the registry's ``kind``, ``year`` and ``first_year`` columns (and optionally
    ``districts`` and ``all`` from :func:`jbanalysis.metrics.crossed_summary`: a break that
    applies to some of the districts only names them).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.common import breaks_phrase
    >>> b = pd.DataFrame({"kind": ["economic_census", "economic_census", "population_census"],
    ...                   "year": [2008, 2018, 2010], "first_year": [2009, 2019, 2010]})
    >>> breaks_phrase(b), breaks_phrase(b, "en")
    ('2008、2018年经济普查和2010年人口普查', 'the 2008 and 2018 economic censuses and the 2010 population census')
    """
    if breaks is None or breaks.empty:
        return ""
    check_lang(lang)
    # one phrase per kind: the breaks of every district together, those of some districts
    # (a merger) with their names
    groups: dict[tuple, list] = {}
    for row in breaks.to_dict("records"):
        partial = not row.get("all", True)
        groups.setdefault((row["kind"], partial), []).append(row)
    parts = []
    for (kind, partial), rows in groups.items():
        years = sorted({int(r["year"]) for r in rows})
        firsts = sorted({int(r["first_year"]) for r in rows})
        key = f"break_{kind}"
        if lang == "zh":
            text = term(
                key, "zh", year="、".join(map(str, years)), first_year="、".join(map(str, firsts))
            )
        else:
            text = term(
                key,
                "en",
                year=join([str(y) for y in years], "en"),
                first_year=join([str(y) for y in firsts], "en"),
            )
            if max(len(years), len(firsts)) > 1:  # a definition is named by its first year
                text = _plural(text)
        if partial:
            ids = list(
                dict.fromkeys(d for r in rows for d in str(r.get("districts", "")).split("|") if d)
            )
            who = names(ids, lang)
            text = pick(f"{who}{text}", f"{text} of {who}", lang)
        parts.append(text)
    if lang == "zh":
        return "、".join(parts[:-1]) + ("和" if len(parts) > 1 else "") + parts[-1]
    return join(parts, "en")


def missing_phrase(missing: Iterable[str], lang: str = "zh") -> str:
    """``渝中区无数据`` / ``no data for Yuzhong`` (empty when none is missing).

    >>> from jbanalysis.text.sentences.common import missing_phrase
    >>> missing_phrase(["yuzhong", "dadukou"]), missing_phrase(["yuzhong"], "en"), missing_phrase([])
    ('渝中区、大渡口区无数据', 'no data for Yuzhong', '')
    """
    missing = list(missing)
    if not missing:
        return ""
    return pick(f"{names(missing, 'zh')}无数据", f"no data for {names(missing, 'en')}", lang)


def peer_flags_phrase(flags: Mapping[str, str], lang: str = "zh") -> str:
    """Which compared districts' values are derived, corrected or interpolated.

    >>> from jbanalysis.text.sentences.common import peer_flags_phrase
    >>> peer_flags_phrase({"yuzhong": "derived"}), peer_flags_phrase({"yuzhong": "derived"}, "en")
    ('渝中区为推算值', "Yuzhong's value derived")
    """
    by_flag: dict[str, list[str]] = {}
    for district, flag in flags.items():
        by_flag.setdefault(flag, []).append(district)
    parts = []
    for flag, ids in by_flag.items():
        word = term(flag, lang) if has_term(flag) else flag
        if lang == "zh":
            parts.append(f"{names(ids, 'zh')}为{word}")
        else:
            owners = names(ids, "en")
            parts.append(
                f"{owners}'s value {word}" if len(ids) == 1 else f"{owners}'s values {word}"
            )
    return pick("，".join(parts), "; ".join(parts), lang)


def no_data_in(year: int, lang: str = "zh") -> str:
    """Why a chart leaves a district out: ``2020年无数据`` / ``no data for 2020``.

    >>> from jbanalysis.text.sentences.common import no_data_in
    >>> no_data_in(2020), no_data_in(2020, "en")
    ('2020年无数据', 'no data for 2020')
    """
    return pick(f"{int(year)}年无数据", f"no data for {int(year)}", lang)


def gaps_sentence(values: pd.DataFrame, lang: str = "zh") -> str:
    """Which columns lack values in which years (a visible gap, said in words).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.common import gaps_sentence
    >>> v = pd.DataFrame({"yuzhong": [241.0, None, None, 804.2], "jiangbei": [1.0, 2, 3, 4]},
    ...                  index=[2005, 2006, 2007, 2013])
    >>> gaps_sentence(v), gaps_sentence(v, "en")
    ('图中缺失：渝中区 2006–2007。', 'Gaps: Yuzhong 2006–2007.')
    >>> gaps_sentence(v[["jiangbei"]], "en")
    'No gaps in the years shown.'
    """
    parts = []
    for col in values.columns:
        missing = values.index[values[col].isna()]
        if len(missing):
            parts.append(f"{district_name(col, lang)} {fmt_years(missing, lang)}")
    if not parts:
        return pick("图中年份没有缺失值。", "No gaps in the years shown.", lang)
    return pick(f"图中缺失：{'；'.join(parts)}。", f"Gaps: {'; '.join(parts)}.", lang)


def left_out_sentence(left_out: Iterable[str], why: str, lang: str = "zh") -> str:
    """Say which districts a chart leaves out and why (empty string when none).

    >>> from jbanalysis.text.sentences.common import left_out_sentence
    >>> left_out_sentence(["yuzhong"], "no value in 2010", "en")
    'Left out: Yuzhong (no value in 2010).'
    >>> left_out_sentence(["yuzhong"], "2010年无数据")
    '未纳入：渝中区（2010年无数据）。'
    >>> left_out_sentence([], "x")
    ''
    """
    left = list(left_out)
    if not left:
        return ""
    return pick(
        f"未纳入：{names(left, 'zh')}（{why}）。", f"Left out: {names(left, 'en')} ({why}).", lang
    )
