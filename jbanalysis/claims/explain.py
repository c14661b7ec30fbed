"""The sentences of the claims check (report 05): they say what :func:`jbanalysis.check_claims`
found, in Chinese (``lang="zh"``) or English (``"en"``), never computing a verdict themselves.

Each verdict is said with its evidence: the values it rests on (district, value, record, kind of
source, vintage), the ranks still possible and who is missing, the caveats of every value used
(preliminary, estimated, low reliability, derived, interpolated, corrected, republished by an
aggregator, a bound, the claim's own page), and for a claim that cannot be checked, exactly which
figures would settle it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import pandas as pd

from jbanalysis.registry.districts import CITY
from jbanalysis.registry.schema import CAVEAT_FLAGS, CAVEAT_VINTAGES
from jbanalysis.registry.terms import check_lang, has_term, term
from jbanalysis.text.labels import district_name as name_of
from jbanalysis.text.labels import indicator_phrase as _indicator
from jbanalysis.text.labels import indicator_unit as _unit
from jbanalysis.text.lang import capitalised
from jbanalysis.text.lang import pick as _pick
from jbanalysis.text.lists import join as _list
from jbanalysis.text.lists import names
from jbanalysis.text.lists import ordinal as _ordinal
from jbanalysis.text.numbers import fmt_pct, fmt_range
from jbanalysis.text.numbers import fmt_printed as fmt_number
from jbanalysis.text.numbers import printed_decimals as _decimals
from jbanalysis.text.sentences.common import caveat_words

__all__ = [
    "HEADINGS",
    "claim_label",
    "explanation",
    "fmt_number",
    "heading",
    "names",
    "period_label",
    "rejected_sentence",
    "rejected_table",
    "summary_sentence",
    "verdict_table",
]

#: Headings and fixed paragraphs of report 05: key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "question": (
        "**问题：** 报道和政府报告里的数字与有来源的数据是否相符？哪些无法核实，需要什么数据才能核实？",
        "**Question:** do the numbers printed in the article and in government reports agree "
        "with the sourced data? Which cannot be checked, and what data would settle them?",
    ),
    "how": ("1. 如何核查", "1. How the claims are checked"),
    "how_text": (
        "每条说法按台账（`data/claims.csv`）中的区、指标、时期和类型，与内置数据中同一时期、"
        "同一口径的数值比较。印刷精度决定允许的范围：“6.2%”为6.15%–6.25%；“三分之一”为其与相邻"
        "常用分数（3/10与2/5）的中点之间，即31.7%–36.7%；“近六成”为55%–60%；“前十”为第10位或更前。"
        "位次需要整个组的同期数值：缺数的单位逐一列出。增长率只与发布的增长率比较，GDP增长为可比价"
        "增长，绝不用现价总量推算。每个数值注明来源类型与版本；初步数、预计数、可靠性低或转载的数值"
        "都会指出。",
        "Each claim is compared with the bundled value of the same district, indicator, period and "
        "basis, as the ledger (`data/claims.csv`) reads it. The printed precision sets the range "
        "allowed: '6.2%' is 6.15–6.25%; '三分之一' (a third) runs half-way to the neighbouring "
        "common fractions 3/10 and 2/5, i.e. 31.7–36.7%; '近六成' (nearly six tenths) is 55–60%; "
        "'前十' (top ten) is 10th or better. A rank needs the whole group's values for the period: "
        "every member without one is named. Growth is compared with published growth rates only, "
        "and GDP growth is real (comparable-price) growth, never derived from nominal levels. "
        "Every value is given with its kind of source and vintage; preliminary, estimated, "
        "low-reliability and republished values are said to be so.",
    ),
    "table": ("2. 各条说法的核查结论", "2. The verdict on each claim"),
    "rejected": ("3. 未能核查的台账行", "3. Ledger rows that could not be checked"),
    "summary": ("要点", "Summary"),
}

_VERDICT_KEYS = {
    "consistent": "claims_consistent",
    "contradicted": "claims_contradicted",
    "partly checkable": "claims_partly",
    "not verifiable": "claims_not_verifiable",
}
_GROUP_KEYS = {
    "central": "claims_group_central",
    "districts": "claims_group_districts",
    "all": "claims_group_all",
    "metro21": "claims_group_metro21",
}
_ORDER_ATTR = {"zh": "name_zh", "en": "name_en"}


def _true(value: Any) -> bool:
    """A flag of a result row: True only when set and true (a missing flag is no flag)."""
    return value is not None and not pd.isna(value) and bool(value)


def _false(value: Any) -> bool:
    """True only when the flag is set and false (``indicator_in_data`` of a value never looked up)."""
    return value is not None and not pd.isna(value) and not bool(value)


def heading(key: str, lang: str = "zh", level: int = 2) -> str:
    """A heading of report 05 as Markdown (``## 1. 如何核查``); ``level=0`` for a paragraph.

    >>> heading("table", "en")
    '## 2. The verdict on each claim'
    >>> heading("how", "zh", level=3)
    '### 1. 如何核查'
    """
    zh, en = HEADINGS[key]
    text = _pick(zh, en, lang)
    return f"{'#' * level} {text}" if level else text


def period_label(year: int, period: str, lang: str = "zh") -> str:
    """A period in words: ``2023年前三季度`` / ``Q1–Q3 2023``.

    >>> period_label(2023, "Q1-Q3"), period_label(2023, "H1", "en"), period_label(2020, "Y", "en")
    ('2023年前三季度', 'H1 2023', '2020')
    """
    return term(f"claims_period_{period}", lang, year=year)


def _fraction_text(value: float) -> str:
    frac = Fraction(value).limit_denominator(20)
    return (
        f"{frac.numerator}/{frac.denominator}"
        if abs(float(frac) - value) < 1e-9
        else f"{value:.3g}"
    )


def _pct(share: float) -> str:
    return fmt_pct(share * 100)


def _group(gid: str, lang: str, article: bool = True) -> str:
    """A rank group with its size: ``中心城区9个区`` / ``the 9 central districts``."""
    from jbanalysis.claims.ledger import group_ids

    text = term(_GROUP_KEYS[gid], lang, n=len(group_ids(gid)))
    return f"the {text}" if lang == "en" and article else text


def _stated(row: Mapping[str, Any], lang: str) -> str:
    """The stated number as the claim printed it, in the report's language."""
    kind, text = row["kind"], str(row["stated_text"])
    precision = str(row.get("precision") or "")
    if kind == "share":
        if lang == "zh":
            return precision or text
        return _fraction_text(float(row["stated"]))
    if kind == "multiple":
        return _multiple_text(row, lang)
    if kind == "rank":
        n = int(row["stated"])
        if precision == "前":
            return _pick(f"前{n}位", f"top {n}", lang)
        return _ordinal(n, lang)
    unit = _claim_unit(row)
    stated = float(row["stated"])
    from jbanalysis.claims.stated import signed
    from jbanalysis.precision import printed_step

    step = row.get("stated_step")
    if step is None or not math.isfinite(float(step)) or float(step) <= 0:
        step = printed_step(signed(text)[0])
    decimals = max(0, -math.floor(math.log10(float(step)) + 1e-9)) if step < 1 else 0
    if not precision:
        return fmt_number(stated, unit, lang, decimals)
    if lang == "zh":
        if precision in ("余", "多"):  # 4000余人: before the unit
            return fmt_number(stated, unit, lang, decimals, infix=precision)
        value = fmt_number(stated, unit, lang, decimals)
        after = ("左右", "上下", "以上", "以下")
        return value + precision if precision in after else precision + value
    return _mode_en(precision, fmt_number(stated, unit, lang, decimals))


def _mode_en(precision: str, value: str) -> str:
    from jbanalysis.precision import parse_precision

    mode, extra = parse_precision(precision, "value")
    words = {
        "about": f"about {value}",
        "nearly": f"nearly {value}",
        "odd": f"over {value}",
        "over": f"more than {value}",
        "under": f"less than {value}",
        "plusminus": f"{value} ± {extra}",
    }
    return words.get(mode, value)


def claim_label(row: Mapping[str, Any], lang: str = "zh") -> str:
    """What is checked, restated from the ledger: district, period, indicator and the number.

    >>> claim_label({"kind": "rank", "district": "jiangbei", "indicator": "gdp_real_growth",
    ...              "year": 2023, "period": "Y", "stated": 1.0, "stated_text": "1",
    ...              "precision": "", "group": "central"}, "en")
    "Jiangbei's real GDP growth, 2023: 1st of the 9 central districts"
    >>> claim_label({"kind": "share", "district": "jiangbei", "indicator": "commodity_sales",
    ...              "year": 2023, "period": "Q1-Q3", "stated": 1 / 3, "stated_text": "1/3",
    ...              "precision": "三分之一", "denominator": "chongqing"})
    '江北区2023年前三季度商品销售总额占重庆市的三分之一'
    """
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    kind = row["kind"]
    if kind == "rank":
        return _pick(
            f"{d}{when}{ind}在{_group(row['group'], 'zh')}中居{stated}",
            f"{d}'s {ind}, {when}: {stated} of {_group(row['group'], 'en')}",
            lang,
        )
    if kind == "share":
        of = row["denominator"]
        whole = name_of(of, lang) if of == CITY else _group(of, lang)
        whole = whole if of == CITY else _pick(f"{whole}合计", f"the total of {whole}", lang)
        return _pick(
            f"{d}{when}{ind}占{whole}的{stated}",
            f"{d}'s {ind}, {when}: {stated} of {whole}",
            lang,
        )
    if kind in ("change", "multiple"):
        return _from_base_label(row, d, when, ind, stated, lang)
    return _pick(f"{d}{when}{ind}为{stated}", f"{d}'s {ind}, {when}: {stated}", lang)


def _source(ev: Mapping[str, str], lang: str) -> str:
    """``HO0016，政府工作报告，初步数`` / ``HO0016, government work report, preliminary``."""
    parts = [ev["record"]] if ev.get("record") else []
    for key in (ev.get("source_kind"), ev.get("vintage")):
        if key:
            parts.append(term(key, lang) if has_term(key) else key)
    if ev.get("reliability") == "low":
        parts.append(
            _pick(
                caveat_words("low", "zh"), f"{term('low', 'en')} {term('reliability', 'en')}", lang
            )
        )
    if ev.get("flag") and ev["flag"] not in ("observed",) and has_term(ev["flag"]):
        parts.append(term(ev["flag"], lang))
    if ev.get("correction"):
        parts.append(_pick(f"更正{ev['correction']}", f"correction {ev['correction']}", lang))
    return _pick("，".join(parts), ", ".join(parts), lang)


def _bound_text(ev: Mapping[str, Any], lang: str) -> str:
    value = fmt_number(float(ev["value"]), ev["unit"], lang)
    word = {">": ("超过", "more than"), ">=": ("不低于", "at least")}
    word.update({"<": ("低于", "less than"), "<=": ("不超过", "at most")})
    zh, en = word.get(ev["bound"], ("", ""))
    return _pick(f"{zh}{value}", f"{en} {value}", lang)


def _value_with_source(ev: Mapping[str, Any], lang: str, name: bool = True) -> str:
    """``67.2409亿元（Sheet1!AA369，统计年鉴，首发数）`` / ``CNY 6.72409 bn (Sheet1!AA369, …)``."""
    value = (
        _bound_text(ev, lang)
        if ev.get("bound")
        else fmt_number(float(ev["value"]), ev["unit"], lang)
    )
    who = name_of(ev["district"], lang) if name else ""
    if lang == "zh":
        return f"{who}{value}（{_source(ev, lang)}）"
    return f"{who} {value} ({_source(ev, lang)})".strip()


def _shown(ev: Mapping[str, Any], lang: str, most: int = 2) -> str:
    """A value at its printed precision (from its step), at most ``most`` decimals."""
    step = float(ev.get("step") or 0)
    decimals = max(0, -round(math.log10(step))) if 0 < step < 1 else 0
    if not step:
        decimals = _decimals(float(ev["value"]))
    return fmt_number(float(ev["value"]), ev["unit"], lang, min(decimals, most))


def _paren(ev: Mapping[str, Any], lang: str) -> str:
    """A district with its value and source: ``江北区（6.7%，HO0016，…）`` / ``Jiangbei (6.7%; HO0016, …)``."""
    value = _shown(ev, lang)
    who = name_of(ev["district"], lang)
    return _pick(
        f"{who}（{value}，{_source(ev, 'zh')}）", f"{who} ({value}; {_source(ev, 'en')})", lang
    )


def _short(ev: Mapping[str, Any], lang: str) -> str:
    """``九龙坡区（6.5%）`` / ``Jiulongpo (6.5%)``."""
    value = _shown(ev, lang)
    who = name_of(ev["district"], lang)
    return _pick(f"{who}（{value}）", f"{who} ({value})", lang)


def _caveat_clause(row: Mapping[str, Any], lang: str) -> str:
    """What the values behind a verdict are: preliminary, low reliability … and the claim's page."""
    evidence = [ev for ev in row.get("evidence") or () if not ev.get("bound")]
    caveats: Mapping[str, Sequence[str]] = row.get("caveats") or {}
    by_district = {ev["district"]: ev for ev in evidence}
    n = len(evidence)
    parts = []
    for caveat, districts in caveats.items():
        zh, one = caveat_words(caveat, "zh"), caveat_words(caveat, "en")
        many = caveat_words(caveat, "en", many=True)
        kinds = [by_district[d] for d in districts if d in by_district]
        if n == 1:
            kind = _kind_of(kinds[0], lang) if kinds else ""
            parts.append(_pick(f"该数值{zh}（{kind}）", f"the value is {one} ({kind})", lang))
            continue
        listed = _pick(
            "；".join(f"{name_of(e['district'], 'zh')}：{_kind_of(e, 'zh')}" for e in kinds),
            "; ".join(f"{name_of(e['district'], 'en')}: {_kind_of(e, 'en')}" for e in kinds),
            lang,
        )
        count = len(districts)
        verb = "is" if count == 1 else "are"
        parts.append(
            _pick(
                f"{n}个数值中{count}个{zh}（{listed}）",
                f"{count} of the {n} values {verb} {one if count == 1 else many} ({listed})",
                lang,
            )
        )
    if _true(row.get("mixed_vintages")):
        parts.append(
            _pick("首发数与修订数混用", "the values mix first releases and revised figures", lang)
        )
    if _true(row.get("own_source")):
        parts.append(_own_source_text(row, lang))
    if not parts:
        return ""
    return _pick("注意：" + "；".join(parts) + "。", "Note: " + "; ".join(parts) + ".", lang)


def _kind_of(ev: Mapping[str, Any], lang: str) -> str:
    kind = ev.get("source_kind", "")
    return term(kind, lang) if kind and has_term(kind) else kind


def _needs_text(row: Mapping[str, Any], lang: str) -> str:
    needs = row.get("needs") or ()
    if not needs or not needs[0]:
        return ""
    districts, indicator, year, period = needs
    when = period_label(int(year), period, lang)
    ind = _indicator(indicator, lang)
    who = names(districts, lang)
    count = len(districts)
    if lang == "zh":
        many = f"（{count}个单位）" if count > 3 else ""
        return f"需要{who}{many}{when}的{ind}才能核实"
    if count == 1:
        return f"{who}'s {ind} for {when} would settle it"
    many = f" ({count} units)" if count > 3 else ""
    return f"the {ind} of {who}{many} for {when} would settle it"


def _context_text(row: Mapping[str, Any], district: str, lang: str) -> str:
    """Why a value is absent: no such figures at all, or who else has the period's figure."""
    ind = _indicator(row["indicator"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    d = name_of(district, lang)
    others = list(row.get("others_with_period") or ())
    parts = []
    if _false(row.get("indicator_in_data")):
        parts.append(
            _pick(f"数据中没有任何{ind}数据", f"the data hold no {ind} figures at all", lang)
        )
    elif not others:
        parts.append(
            _pick(f"任何区县都没有{when}的该项数据", f"no district has a {when} figure", lang)
        )
    elif len(others) <= 5:
        parts.append(
            _pick(
                f"只有{names(others, 'zh')}有该期数据",
                f"only {names(others, 'en')} {'has' if len(others) == 1 else 'have'} one",
                lang,
            )
        )
    else:
        parts.append(
            _pick(f"另有{len(others)}个单位有该期数据", f"{len(others)} other units have one", lang)
        )
    available = [tuple(a) for a in row.get("available") or ()]
    if available:
        shown = [period_label(y, p, lang) for y, p in available[-4:]]
        more = len(available) - len(shown)
        listed = _pick("、".join(shown), ", ".join(shown), lang)
        if more:
            listed = _pick(f"{listed}等{len(available)}期", f"{listed} and {more} earlier", lang)
        parts.append(_pick(f"{d}只有{listed}的数据", f"{d} has figures for {listed} only", lang))
    if _true(row.get("levels_exist")):
        parts.append(
            _pick(
                "由现价总量可以算出名义增长，但名义增长不是可比价增长，不用于核对",
                "nominal growth could be computed from the levels, but it is not real growth and "
                "is not used",
                lang,
            )
        )
    return _pick("，".join(parts), "; ".join(parts), lang)


def _range_text(row: Mapping[str, Any], lang: str) -> str:
    low, high = float(row["low"]), float(row["high"])
    if row["kind"] == "multiple":
        return _pick(f"{low:g}–{high:g}倍", f"{low:g}–{high:g} times", lang)
    if row["kind"] == "share":
        return fmt_range(low * 100, high * 100, "pct", lang, decimals=1)
    unit = _claim_unit(row)
    if math.isinf(high):
        return _pick(
            f"高于{fmt_number(low, unit, 'zh')}", f"above {fmt_number(low, unit, 'en')}", lang
        )
    if math.isinf(low):
        return _pick(
            f"低于{fmt_number(high, unit, 'zh')}", f"below {fmt_number(high, unit, 'en')}", lang
        )
    return fmt_range(low, high, unit, lang)


def _verdict_word(verdict: str, lang: str) -> str:
    word = term(_VERDICT_KEYS[verdict], lang)
    return word if lang == "zh" else capitalised(word)


def explanation(row: Mapping[str, Any], lang: str = "zh") -> str:
    """The verdict of one claim with its evidence, in one paragraph.

    ``row`` is a row of :func:`jbanalysis.check_claims` (a mapping of its columns).

    >>> import jbanalysis as jb
    >>> r = jb.check_claims(lang="en").set_index("claim_id", drop=False).loc["R01"]
    >>> print(explanation(r, "en"))  # doctest: +ELLIPSIS
    Partly checkable: 5 of the 9 central districts have a 2023 figure for real GDP growth; among them Jiangbei (6.7%; HO0016, government work report, preliminary) ranks 1st, above Jiulongpo (6.5%), Yuzhong (5.2%), Beibei (4.3%) and Yubei (4.2%); Dadukou, Shapingba, Nan'an and Banan have no figure, so its rank could be anywhere from 1st to 5th. Note: 2 of the 5 values are preliminary figures (...); Jiangbei's own figure comes from the page that makes the claim, so it is not an independent check.
    """
    check_lang(lang)
    verdict = row["verdict"]
    head = _verdict_word(verdict, lang)
    body = _body(row)(row, lang)
    found_elsewhere = _diagnosis_text(row, lang)
    if found_elsewhere:
        body = body.rstrip("。.") + _pick("；", "; ", lang) + found_elsewhere
    caveat = _caveat_clause(row, lang) if verdict != "not verifiable" else ""
    sep = "：" if lang == "zh" else ": "
    text = f"{head}{sep}{body}"
    text = text.rstrip("。.") + _pick("。", ".", lang)
    return f"{text}{'' if lang == 'zh' else ' '}{caveat}".strip() if caveat else text


def _value_body(row: Mapping[str, Any], lang: str) -> str:
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    evidence = list(row.get("evidence") or ())
    if row["verdict"] == "not verifiable":
        context = _context_text(row, row["district"], lang)
        needs = _needs_text(row, lang)
        return _pick(
            f"数据中没有{d}{when}的{ind}（{context}）；{needs}",
            f"{d} has no {when} figure for {ind} ({context}); {needs}",
            lang,
        )
    ev = evidence[0]
    if ev.get("bound"):
        bound = _bound_text(ev, lang)
        src = _source(ev, lang)
        if row["verdict"] == "contradicted":
            return _pick(
                f"数据中{d}{when}的{ind}只有一个界限：{bound}（{src}），与所称的{stated}（{_range_text(row, 'zh')}）不符",
                f"the data hold only a bound for {d}'s {ind} in {when}: {bound} ({src}), which rules out the {stated} claimed ({_range_text(row, 'en')})",
                lang,
            )
        return _pick(
            f"数据中{d}{when}的{ind}只有一个界限：{bound}（{src}），与所称的{stated}不矛盾，但不能证实",
            f"the data hold only a bound for {d}'s {ind} in {when}: {bound} ({src}); it allows the {stated} claimed but cannot confirm it",
            lang,
        )
    value = _value_with_source(ev, lang, name=False)
    if row["verdict"] == "consistent":
        return _pick(
            f"数据中{d}{when}的{ind}为{value}，在所称{stated}的印刷精度（{_range_text(row, 'zh')}）之内",
            f"the data give {d}'s {ind} in {when} as {value}, within the printed precision of the {stated} claimed ({_range_text(row, 'en')})",
            lang,
        )
    text = _pick(
        f"数据中{d}{when}的{ind}为{value}，不在所称{stated}的印刷精度（{_range_text(row, 'zh')}）之内",
        f"the data give {d}'s {ind} in {when} as {value}, outside the printed precision of the {stated} claimed ({_range_text(row, 'en')})",
        lang,
    )
    alternatives = list(row.get("alternatives") or ())
    if alternatives:
        alt = _pick(
            "、".join(_value_with_source(a, "zh", name=False) for a in alternatives),
            ", ".join(_value_with_source(a, "en", name=False) for a in alternatives),
            lang,
        )
        text += _pick(
            f"；所称数字与另一发布值{alt}相符，但该值未被面板采用",
            f"; the claim agrees with another published value, {alt}, which the panel does not use",
            lang,
        )
    return text


def _share_body(row: Mapping[str, Any], lang: str) -> str:
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    of = row["denominator"]
    whole = name_of(of, lang) if of == CITY else _group(of, lang)
    evidence = list(row.get("evidence") or ())
    if row["verdict"] == "not verifiable":
        if evidence:  # the district's value exists, the city's does not
            context = _pick(
                f"数据中没有{whole}{when}的{ind}",
                f"the data hold no {when} figure for {whole}",
                lang,
            )
        else:
            context = _pick(
                f"数据中没有{d}{when}的{ind}（{_context_text(row, row['district'], 'zh')}）",
                f"{d} has no {when} figure for {ind} ({_context_text(row, row['district'], 'en')})",
                lang,
            )
        return _pick(
            f"{context}；{_needs_text(row, 'zh')}", f"{context}; {_needs_text(row, 'en')}", lang
        )
    share = float(row["found"])
    own = _value_with_source(evidence[0], lang, name=False)
    if row["reason"] in ("group incomplete", "share at most"):
        missing = names(row.get("missing") or (), lang)
        if row["verdict"] == "contradicted":
            return _pick(
                f"{d}{when}的{ind}为{own}；即使不计缺数的{missing}，其占{whole}的比重也至多为{_pct(share)}，低于所称{stated}的下限{_pct(float(row['low']))}",
                f"{d}'s {ind} in {when} is {own}; even without {missing}, who have no figure, it is at most {_pct(share)} of {whole}, below the {_pct(float(row['low']))} that the {stated} claimed allows",
                lang,
            )
        return _pick(
            f"{d}{when}的{ind}为{own}，占{whole}中有数据各单位合计的{_pct(share)}（实际比重更低）；{missing}无数据，比重无法算出",
            f"{d}'s {ind} in {when} is {own}, {_pct(share)} of the members of {whole} with figures (the true share is lower); {missing} have no figure, so the share cannot be computed",
            lang,
        )
    total = evidence[1] if len(evidence) > 1 else None
    total_text = _value_with_source(total, lang, name=False) if total else ""
    inside = row["verdict"] == "consistent"
    zh_cmp = "在" if inside else "不在"
    en_cmp = "within" if inside else "outside"
    return _pick(
        f"{d}{when}的{ind}为{own}，{whole}为{total_text}，占{_pct(share)}，{zh_cmp}所称{stated}的范围（{_range_text(row, 'zh')}）之内",
        f"{d}'s {ind} in {when} is {own} and {whole}'s {total_text}: a share of {_pct(share)}, {en_cmp} the range of the {stated} claimed ({_range_text(row, 'en')})",
        lang,
    )


def _rank_body(row: Mapping[str, Any], lang: str) -> str:
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    group = _group(row["group"], lang)
    bare = _group(row["group"], lang, article=False)
    stated = _stated(row, lang)
    evidence = {ev["district"]: ev for ev in row.get("evidence") or ()}
    n_group, n_values = int(row["n_group"]), int(row["n_values"])
    if row["verdict"] == "not verifiable":
        needs = _needs_text(row, lang)
        if row["district"] not in evidence:
            context = _context_text(row, row["district"], lang)
            return _pick(
                f"数据中没有{d}{when}的{ind}（{context}）；{needs}",
                f"{d} has no {when} figure for {ind} ({context}); {needs}",
                lang,
            )
        return _pick(
            f"{group}中只有{d}有{when}的{ind}，无从比较；{needs}",
            f"of {group}, only {d} has a {when} figure for {ind}, so there is nothing to "
            f"compare; {needs}",
            lang,
        )
    own = _paren(evidence[row["district"]], lang)
    above = [evidence[m] for m in row.get("above") or ()]
    below = [evidence[m] for m in row.get("below") or ()]
    ties = [evidence[m] for m in row.get("ties") or ()]
    rank_low, rank_high = int(row["rank_low"]), int(row["rank_high"])
    position = _ordinal(rank_low, lang)
    parts = []
    if above:
        parts.append(_pick("低于", "below ", lang) + _list([_short(e, lang) for e in above], lang))
    if ties:
        tied = _list([_short(e, lang) for e in ties], lang)
        parts.append(_pick(f"与{tied}持平", f"level with {tied}", lang))
    if below and len(below) <= 8:
        parts.append(_pick("高于", "above ", lang) + _list([_short(e, lang) for e in below], lang))
    elif below:
        parts.append(_pick(f"高于其余{len(below)}个", f"above the other {len(below)}", lang))
    bounds = {ev["district"]: ev for ev in row.get("bound_evidence") or ()}
    for m in row.get("bounds_above") or ():
        ev = bounds[m]
        parts.append(
            _pick(
                f"{name_of(m, 'zh')}只有界限（{_bound_text(ev, 'zh')}，{_source(ev, 'zh')}），也在其前",
                f"{name_of(m, 'en')} has only a bound ({_bound_text(ev, 'en')}; "
                f"{_source(ev, 'en')}) and is ahead too",
                lang,
            )
        )
    relation = _pick("，".join(parts), "; ".join(parts), lang)
    rel = _pick(f"，{relation}", f", {relation}", lang) if relation else ""
    if n_values == n_group:
        lead = _pick(
            f"{bare}都有{when}的{ind}，{own}居{position}{rel}",
            f"all {bare} have a {when} figure for {ind}; {own} ranks {position}{rel}",
            lang,
        )
    else:
        lead = _pick(
            f"{bare}中有{n_values}个有{when}的{ind}，其中{own}居{position}{rel}",
            f"{n_values} of {group} have a {when} figure for {ind}; among them {own} ranks "
            f"{position}{rel}",
            lang,
        )
    unknown = list(row.get("unknown") or ())
    tail = ""
    if unknown:
        tail = _pick(
            f"；{names(unknown, 'zh')}无数据，实际位次可能在第{rank_low}至第{rank_high}位之间",
            f"; {names(unknown, 'en')} {'has' if len(unknown) == 1 else 'have'} no figure, so "
            f"its rank could be anywhere from {_ordinal(rank_low, 'en')} to "
            f"{_ordinal(rank_high, 'en')}",
            lang,
        )
    elif rank_low == rank_high and n_values < n_group:
        tail = _pick(
            "；其余单位只有界限，已足以排定",
            "; the others have only bounds, which settle the order",
            lang,
        )
    text = lead + tail
    if row["verdict"] == "contradicted":
        text += _pick(f"，不是所称的{stated}", f", not {stated} as claimed", lang)
    return text


def summary_sentence(result: pd.DataFrame, district: str | None = None, lang: str = "zh") -> str:
    """One line on the whole ledger: how many claims got each verdict, and on what they rest.

    >>> import jbanalysis as jb
    >>> summary_sentence(jb.check_claims(), "jiangbei", "en")  # doctest: +ELLIPSIS
    '57 claims checked against the bundled data: 9 consistent, 0 contradicted, 8 partly checkable and 40 not verifiable; 8 of the ... 49 of the claims are about Jiangbei.'
    """
    from jbanalysis.claims.ledger import verdict_counts

    counts = verdict_counts(result)
    n = len(result)
    report = result.attrs.get("report")
    rejected = report.rows_rejected if report is not None else 0
    weak = {*CAVEAT_VINTAGES, "low", *CAVEAT_FLAGS}
    leaning = sum(
        1
        for caveats, verdict in zip(result["caveats"], result["verdict"], strict=True)
        if verdict in ("consistent", "partly checkable") and weak & set(caveats or {})
    )
    zh = (
        f"核查了{n}条说法：{counts['consistent']}条相符，{counts['contradicted']}条与数据矛盾，"
        f"{counts['partly checkable']}条部分可核，{counts['not verifiable']}条无法核实"
    )
    en = (
        f"{n} claims checked against the bundled data: {counts['consistent']} consistent, "
        f"{counts['contradicted']} contradicted, {counts['partly checkable']} partly checkable "
        f"and {counts['not verifiable']} not verifiable"
    )
    zh += f"；相符或部分可核的说法中有{leaning}条部分依赖初步数、预计数、可靠性低或推算、插值、更正的数值"
    en += (
        f"; {leaning} of the consistent or partly checkable verdicts rest in part on preliminary, "
        "estimated, low-reliability, derived, interpolated or corrected values"
    )
    if district is not None:
        mine = int((result["district"] == district).sum())
        zh += f"；其中{mine}条关于{name_of(district, 'zh')}"
        en += f"; {mine} of the claims are about {name_of(district, 'en')}"
    if rejected:
        zh += f"（另有{rejected}行台账无法解读，未核查）"
        rows = (
            "1 ledger row could not be read and was"
            if rejected == 1
            else (f"{rejected} ledger rows could not be read and were")
        )
        en += f" ({rows} not checked)"
    return _pick(zh + "。", en + ".", lang)


def verdict_table(
    result: pd.DataFrame, lang: str = "zh", district: str | None = None
) -> pd.DataFrame:
    """The report's table: id, what is checked, the claim as printed, where, verdict, evidence.

    Claims about ``district`` come first, then the others in ledger order. The claim as printed
    and the publication's title are quoted as published (a citation keeps its words).

    >>> import jbanalysis as jb
    >>> t = verdict_table(jb.check_claims(lang="en"), "en", "jiangbei")
    >>> list(t.columns)
    ['claim', 'what is checked', 'as printed', 'published in', 'verdict', 'evidence']
    """
    check_lang(lang)
    frame = result.copy()
    if district is not None:
        frame = frame.assign(_mine=frame["district"] != district).sort_values(
            "_mine", kind="stable"
        )
    heads = {
        "id": term("claims_col_id", lang),
        "claim": term("claims_col_claim", lang),
        "text": term("claims_col_text", lang),
        "source": term("claims_col_source", lang),
        "verdict": term("claims_col_verdict", lang),
        "evidence": term("claims_col_evidence", lang),
    }
    rows = []
    for r in frame.to_dict("records"):
        where = r["title"] or ""
        if r["date"]:
            where = f"{where} ({r['date']})" if where else r["date"]
        rows.append(
            {
                heads["id"]: r["claim_id"],
                heads["claim"]: claim_label(r, lang),
                heads["text"]: r["text"],
                heads["source"]: where or "—",
                heads["verdict"]: term(_VERDICT_KEYS[r["verdict"]], lang),
                heads["evidence"]: explanation(r, lang),
            }
        )
    return pd.DataFrame(rows, columns=list(heads.values()))


_PROBLEM_WORDS = {
    "missing": ("缺失", "missing"),
    "unknown": ("不在登记表中", "not in the registry"),
    "unparseable": ("无法解读", "cannot be read"),
    "duplicate": ("编号重复", "a duplicate id"),
    "mismatch": ("与所称数字不一致", "disagrees with the stated number"),
    "not allowed": ("不适用于这类说法", "does not apply to this kind of claim"),
    "not in group": ("该区不在所称的组中", "the district is not in that group"),
    "extra": ("单元格多于列数", "more cells than columns"),
}


def rejected_table(report, lang: str = "zh") -> pd.DataFrame:
    """The ledger rows that were not checked: row, id, column, what is wrong (and the cell).

    >>> from jbanalysis.claims.ledger import LedgerProblem, LedgerReport
    >>> r = LedgerReport("x.csv", 2, 1, [LedgerProblem("x.csv", 3, "S9", "district", "…", "unknown", "江北县")])
    >>> rejected_table(r, "en").to_dict("records")
    [{'row': 3, 'claim': 'S9', 'column': 'district', 'problem': "'江北县': not in the registry"}]
    """
    heads = [
        term(k, lang)
        for k in ("claims_col_row", "claims_col_id", "claims_col_column", "claims_col_problem")
    ]
    rows = []
    for p in report.problems:
        zh, en = _PROBLEM_WORDS.get(p.code, _PROBLEM_WORDS["unparseable"])
        cell = _pick(f"“{p.value}”", f"{p.value!r}", lang) if p.value else ""
        problem = _pick(f"{cell}{zh}", f"{cell}: {en}" if cell else en, lang)
        rows.append(dict(zip(heads, [p.row, p.claim_id or "—", p.column, problem], strict=True)))
    return pd.DataFrame(rows, columns=heads)


def rejected_sentence(report, lang: str = "zh") -> str:
    """How many ledger rows went in and how many were checked and rejected.

    >>> from jbanalysis.claims.ledger import LedgerReport
    >>> rejected_sentence(LedgerReport("x.csv", 3, 3), "en")
    'All 3 ledger rows were read and checked.'
    >>> rejected_sentence(LedgerReport("x.csv", 3, 3))
    '台账3行全部读入并核查。'
    """
    if not report.rows_rejected:
        return _pick(
            f"台账{report.rows_in}行全部读入并核查。",
            f"All {report.rows_in} ledger rows were read and checked.",
            lang,
        )
    return _pick(
        f"台账{report.rows_in}行中核查了{report.rows_checked}行，{report.rows_rejected}行无法解读，见下表（行号以表头为第1行）。",
        f"Of {report.rows_in} ledger rows, {report.rows_checked} "
        f"{'was' if report.rows_checked == 1 else 'were'} checked and {report.rows_rejected} "
        "could not be read (below; the header is row 1).",
        lang,
    )


# --- issue 17: changes, figures computed from parts, and where a stated number really is ---------


def _body(row: Mapping[str, Any]):
    """The sentence maker of a result row's kind and reason."""
    if row.get("reason") in ("earlier release", "sources disagree"):
        return _release_body
    if row["kind"] in ("change", "multiple"):
        return _change_body
    if row.get("computed") and row["verdict"] != "not verifiable":
        return _parts_body
    return {"value": _value_body, "growth": _value_body, "share": _share_body, "rank": _rank_body}[
        row["kind"]
    ]


def _parts_text(row: Mapping[str, Any], lang: str) -> str:
    """``第一产业增加值1.6702亿元（…）÷地区生产总值149.853亿元（…）`` / ``… ÷ …``."""
    evidence = list(row.get("evidence") or ())
    pieces = [
        _pick(
            f"{_indicator(ev['indicator'], 'zh')}{_value_with_source(ev, 'zh', name=False)}",
            f"{_indicator(ev['indicator'], 'en')} {_value_with_source(ev, 'en', name=False)}",
            lang,
        )
        for ev in evidence[:2]
    ]
    return _pick("÷".join(pieces), " / ".join(pieces), lang)


def _parts_body(row: Mapping[str, Any], lang: str) -> str:
    """A value the data hold only as parts (a sector's share of GDP): computed, then compared."""
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    computed = row["computed"]
    value = fmt_number(round(float(computed["value"]), 2), _unit(row["indicator"]), lang, 2)
    inside = row["verdict"] == "consistent"
    return _pick(
        f"数据中没有发布的{d}{when}{ind}，由其组成部分算出：{_parts_text(row, 'zh')}＝{value}，"
        f"{'在' if inside else '不在'}所称{stated}的印刷精度（{_range_text(row, 'zh')}）之内",
        f"the data hold no published {when} figure for {d}'s {ind}; computed from its parts, "
        f"{_parts_text(row, 'en')} = {value}, {'within' if inside else 'outside'} the printed "
        f"precision of the {stated} claimed ({_range_text(row, 'en')})",
        lang,
    )


def _change_body(row: Mapping[str, Any], lang: str) -> str:
    """A change from the year before: both years' values, their difference, the range allowed."""
    d = name_of(row["district"], lang)
    year = int(row["year"])
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    unit = "pp" if _unit(row["indicator"]) == "pct" else _unit(row["indicator"])
    base = int(row.get("base") or 0) or year - 1
    if row["verdict"] == "not verifiable":
        needs = _needs_text(row, lang)
        return _pick(
            f"数据中没有{d}{base}年和{year}年两年的{ind}，无从算出；{needs}",
            f"the data do not hold {d}'s {ind} for both {base} and {year}, so it cannot be "
            f"computed; {needs}",
            lang,
        )
    computed = row.get("computed") or {}
    base = int(row.get("base") or 0) or year - 1
    if row["kind"] == "multiple":
        return _multiple_body(row, base, lang)
    found = fmt_number(round(float(computed.get("value", row["found"])), 2), unit, lang, 2)
    how = computed.get("parts") or ()
    from_parts = "parts" in how
    inside = row["verdict"] == "consistent"
    basis = _pick(
        "（由组成部分算出）" if from_parts else "",
        " (from their parts)" if from_parts else "",
        lang,
    )
    return _pick(
        f"数据中{d}{ind}{year}年与{base}年之差为{found}{basis}，两项各按所称精度取整后相减，"
        f"{'在' if inside else '不在'}所称{stated}的范围（{_range_text(row, 'zh')}）之内",
        f"the data give {d}'s {ind} a change of {found} from {base} to {year}{basis}; with "
        f"each year rounded at the printed step, that is {'within' if inside else 'outside'} "
        f"the {stated} claimed ({_range_text(row, 'en')})",
        lang,
    )


def _release_body(row: Mapping[str, Any], lang: str) -> str:
    """A claim that agrees with another release of its figure (earlier, or another source's)."""
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    evidence = list(row.get("evidence") or ())
    panel = _value_with_source(evidence[0], lang, name=False) if evidence else ""
    diagnosis = row.get("diagnosis") or {}
    other = _value_with_source(diagnosis["figure"].evidence[0], lang, name=False)
    if row["reason"] == "sources disagree":
        return _pick(
            f"各来源不一致：所称{stated}与{other}相符，但与数据采用的{panel}不符",
            f"the sources disagree: the {stated} claimed agrees with {other} but not with "
            f"{panel}, the figure the data use",
            lang,
        )
    census = diagnosis.get("census")
    revised = _pick(
        f"，该数后经{census}年经济普查修订" if census else "，该数后经修订",
        f", revised after the {census} economic census" if census else ", revised later",
        lang,
    )
    return _pick(
        f"所称{stated}是{d}{when}{ind}的首次发布数{other}；数据现采用后来的{panel}{revised}。"
        "与早先发布的数相符不是矛盾",
        f"the {stated} claimed is the first release of {d}'s {when} {ind}, {other}; the data "
        f"now hold a later figure, {panel}{revised}. Agreeing with an earlier release is not "
        "a contradiction",
        lang,
    )


def _diagnosis_text(row: Mapping[str, Any], lang: str) -> str:
    """Where the stated number really is: another year, a related indicator, the claim's page."""
    diagnosis = row.get("diagnosis") or {}
    kind = diagnosis.get("kind", "")
    if kind == "other_year" and row["kind"] == "rank":
        year, rank = diagnosis["year"], diagnosis["rank"]
        return _pick(
            f"按数据，{name_of(row['district'], 'zh')}{year}年的位次正是第{rank}位：所称的可能是{year}年的位次",
            f"in the data's {year} figures {name_of(row['district'], 'en')} ranks exactly "
            f"{_ordinal(rank, 'en')}: the claim may be the {year} ranking",
            lang,
        )
    if kind in ("other_year", "truncated"):
        ev = diagnosis["figure"].evidence[0]
        value = _value_with_source(ev, lang, name=False)
        year = diagnosis["year"]
        if kind == "truncated":
            return _pick(
                f"所称数字是{year}年的数{value}截去尾数（不是四舍五入）的结果",
                f"the number is the {year} figure, {value}, with its last digits cut rather "
                "than rounded",
                lang,
            )
        return _pick(
            f"所称数字等于{year}年的数{value}",
            f"the number equals the {year} figure, {value}",
            lang,
        )
    if kind == "related":
        ev = diagnosis["figure"].evidence[0]
        other = _indicator(diagnosis["indicator"], lang)
        value = _value_with_source(ev, lang, name=False)
        return _pick(
            f"所称数字是{other}（{value}），不是{_indicator(row['indicator'], 'zh')}",
            f"the number is the {other}, {value}, not the {_indicator(row['indicator'], 'en')}",
            lang,
        )
    if kind == "own_source":
        value = _value_with_source(diagnosis["figure"].evidence[0], lang, name=False)
        return _pick(
            f"所称数字只与作出该说法的同一页面相符（{value}），不是独立的核对",
            f"the number agrees only with the page that makes the claim ({value}), which is not "
            "an independent check",
            lang,
        )
    return ""


def _own_source_text(row: Mapping[str, Any], lang: str) -> str:
    """The district's figure is the claim's own page's; what other pages say, if any."""
    d = row["district"]
    own = _pick(
        f"{name_of(d, 'zh')}的数值出自作出该说法的同一页面",
        f"{name_of(d, 'en')}'s own figure comes from the page that makes the claim",
        lang,
    )
    if row["kind"] in ("rank", "share"):  # the others' figures come from other pages
        return own + _pick("，不是独立的核对", ", so it is not an independent check", lang)
    independent = list(row.get("independent") or ())
    if not independent:
        return own + _pick(
            "，没有其他来源，只核对了它自己的来源",
            ", and no other source has it: checked only against its own source",
            lang,
        )
    agree = [ev for ev in independent if ev.get("agrees")]
    listed = _pick(
        "、".join(_value_with_source(ev, "zh", name=False) for ev in (agree or independent)),
        ", ".join(_value_with_source(ev, "en", name=False) for ev in (agree or independent)),
        lang,
    )
    if agree:
        return own + _pick(
            f"；独立来源{listed}与之相符", f"; an independent source agrees: {listed}", lang
        )
    return own + _pick(
        f"；独立来源{listed}与所称不符",
        f"; the independent source{'s' if len(independent) > 1 else ''} {listed} "
        f"{'do' if len(independent) > 1 else 'does'} not agree",
        lang,
    )


def _claim_unit(row: Mapping[str, Any]) -> str:
    """The unit a claim's number is in: percentage points for a change of a rate."""
    unit = _unit(row["indicator"])
    return "pp" if row.get("kind") == "change" and unit == "pct" else unit


def _multiple_text(row: Mapping[str, Any], lang: str) -> str:
    """A multiple as printed: 翻一番 / doubled; 2.1倍 / 2.1 times."""
    text = str(row["stated_text"])
    if lang == "zh":
        return text if text.startswith("翻") or text.endswith("倍") else f"{text}倍"
    n = float(row["stated"])
    return (
        {2.0: "doubled", 4.0: "quadrupled"}.get(n, f"{n:g} times")
        if text.startswith("翻")
        else f"{n:g} times"
    )


def _from_base_label(row, d: str, when: str, ind: str, stated: str, lang: str) -> str:
    """``江北区2023年城镇化率比2022年提高0.94个百分点`` / ``…: +0.94 points on 2022``."""
    year = int(row["year"])
    base = int(row.get("base") or 0) or year - 1
    if row["kind"] == "multiple":
        return _pick(
            f"{d}{when}{ind}比{base}年{stated}",
            f"{d}'s {ind}, {when}: {stated} since {base}",
            lang,
        )
    return _pick(
        f"{d}{when}{ind}比{base}年变化{stated}",
        f"{d}'s {ind}, {when}: a change of {stated} on {base}",
        lang,
    )


def _multiple_body(row: Mapping[str, Any], base: int, lang: str) -> str:
    """A multiple of a base year: both years' values and their ratio."""
    d = name_of(row["district"], lang)
    ind = _indicator(row["indicator"], lang)
    year = int(row["year"])
    stated = _stated(row, lang)
    ratio = float((row.get("computed") or {}).get("value", row["found"]))
    inside = row["verdict"] == "consistent"
    return _pick(
        f"数据中{d}{year}年的{ind}是{base}年的{ratio:.2f}倍，{'在' if inside else '不在'}所称"
        f"“{stated}”的范围（{_range_text(row, 'zh')}）之内",
        f"the data give {d}'s {year} {ind} as {ratio:.2f} times its {base} value, "
        f"{'within' if inside else 'outside'} the {stated} claimed ({_range_text(row, 'en')})",
        lang,
    )
