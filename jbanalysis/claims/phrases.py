"""Phrases about the values a verdict rests on: a value with its source, a bound, the caveats of
the values used (preliminary, interpolated, the claim's own page …), what would settle a claim,
why a value is absent, the range a printed number allows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from jbanalysis.claims.words import (
    _VERDICT_KEYS,
    _claim_unit,
    _false,
    _true,
    period_label,
)
from jbanalysis.registry.terms import has_term, term
from jbanalysis.text.labels import district_name as name_of
from jbanalysis.text.labels import indicator_phrase as _indicator
from jbanalysis.text.lang import capitalised
from jbanalysis.text.lang import pick as _pick
from jbanalysis.text.lists import names
from jbanalysis.text.numbers import fmt_printed as fmt_number
from jbanalysis.text.numbers import fmt_range
from jbanalysis.text.numbers import printed_decimals as _decimals
from jbanalysis.text.sentences.common import caveat_words

__all__ = []


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
        listed = _listed_by_kind(kinds, lang)
        count = len(districts)
        verb = "is" if count == 1 else "are"
        parts.append(
            _pick(
                f"{n}个数值中{count}个{zh}（{listed}）",
                f"{count} of the {n} values {verb} {one if count == 1 else many} ({listed})",
                lang,
            )
        )
    rests = _rank_rests_on(row, caveats.get("interpolated", ()), lang)
    if rests:
        parts.append(rests)
    if _true(row.get("mixed_vintages")):
        parts.append(
            _pick("首发数与修订数混用", "the values mix first releases and revised figures", lang)
        )
    if _true(row.get("own_source")):
        parts.append(_own_source_text(row, lang))
    if not parts:
        return ""
    return _pick("注意：" + "；".join(parts) + "。", "Note: " + "; ".join(parts) + ".", lang)


def _listed_by_kind(evidence: Sequence[Mapping[str, Any]], lang: str) -> str:
    """``Yuzhong: plan execution report; Jiangbei: government work report``, or, when every value
    is of one kind of source, ``all statistical yearbook: Dadukou, Jiangbei …``."""
    kinds = {_kind_of(e, lang) for e in evidence}
    if len(kinds) == 1 and len(evidence) > 2:
        who = _pick(
            "、".join(name_of(e["district"], "zh") for e in evidence),
            ", ".join(name_of(e["district"], "en") for e in evidence),
            lang,
        )
        kind = kinds.pop()
        return _pick(f"均为{kind}：{who}", f"all {kind}: {who}", lang)
    return _pick(
        "；".join(f"{name_of(e['district'], 'zh')}：{_kind_of(e, 'zh')}" for e in evidence),
        "; ".join(f"{name_of(e['district'], 'en')}: {_kind_of(e, 'en')}" for e in evidence),
        lang,
    )


def _rank_rests_on(row: Mapping[str, Any], interpolated: Sequence[str], lang: str) -> str:
    """For a rank: whether the order it settles rests on interpolated values — the district's own
    or those ranked above it."""
    if row.get("kind") != "rank" or not interpolated:
        return ""
    own = row["district"] in interpolated
    above = [d for d in row.get("above") or () if d in interpolated]
    if not own and not above:
        return ""
    who = ([row["district"]] if own else []) + above
    return _pick(
        f"该位次取决于插值：{'、'.join(name_of(d, 'zh') for d in who)}的数值为插值",
        f"the rank rests on interpolated values: those of "
        f"{', '.join(name_of(d, 'en') for d in who[:-1]) + ' and ' if len(who) > 1 else ''}"
        f"{name_of(who[-1], 'en')}",
        lang,
    )


def _kind_of(ev: Mapping[str, Any], lang: str) -> str:
    kind = ev.get("source_kind", "")
    return term(kind, lang) if kind and has_term(kind) else kind


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
