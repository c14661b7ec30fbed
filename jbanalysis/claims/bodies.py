"""The explanation of one verdict (:func:`explanation`): the verdict word, then what the data
hold for the claim's kind — a value or growth rate, a share, a rank, a change, a multiple, a
figure computed from its parts —, where the number really is, and the caveats.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jbanalysis.claims.diagnosis_words import (
    _diagnosis_text,
    _release_body,
)
from jbanalysis.claims.phrases import (
    _bound_text,
    _caveat_clause,
    _context_text,
    _needs_text,
    _paren,
    _range_text,
    _short,
    _source,
    _value_with_source,
    _verdict_word,
)
from jbanalysis.claims.words import (
    _group,
    _pct,
    _stated,
    period_label,
)
from jbanalysis.registry.districts import CITY
from jbanalysis.registry.terms import check_lang
from jbanalysis.text.labels import district_name as name_of
from jbanalysis.text.labels import indicator_phrase as _indicator
from jbanalysis.text.labels import indicator_unit as _unit
from jbanalysis.text.lang import pick as _pick
from jbanalysis.text.lists import join as _list
from jbanalysis.text.lists import names
from jbanalysis.text.lists import ordinal as _ordinal
from jbanalysis.text.numbers import fmt_printed as fmt_number

__all__ = ["explanation"]


def explanation(row: Mapping[str, Any], lang: str = "zh") -> str:
    """The verdict of one claim with its evidence, in one paragraph.

    ``row`` is a row of :func:`jbanalysis.check_claims` (a mapping of its columns).

    >>> import jbanalysis as jb
    >>> r = jb.check_claims(lang="en").set_index("claim_id", drop=False).loc["R01"]
    >>> from jbanalysis.claims.explain import explanation
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
